#pragma once

#include "incident.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace ops {

// What IncidentFilterProxyModel asks of each row, compiled once per keystroke.
struct IncidentFilter
{
    QStringList words;        // lower case; each must occur in the row's text
    QStringList labels;       // "name=value" as typed; each must be a label of the row
    QStringList labelNeedles; // the same, lower case, as the model's label text holds them
    quint32 severities = 0;   // bit int(IncidentSeverity); 0: any
    quint32 states = 0;       // bit int(IncidentState); 0: any
    bool openOnly = false;

    bool isEmpty() const
    {
        return words.isEmpty() && labels.isEmpty() && !severities && !states && !openOnly;
    }
    // Splits typed text into words and label tokens (`name=value`, also `name="a b"`).
    static IncidentFilter parse(const QString &text);
};

// The incident queue: one row per incident, kept current from a snapshot plus WatchIncidents
// batches, applied idempotently (a batch at or below the held revision, and an incident not newer
// than its row, change nothing). Built for 10,000 rows: each row's searchable text and labels are
// lower-cased once when it arrives, and severity, state and trigger time sit in flat arrays, so
// filtering and sorting never format a cell or build a QVariant.
class IncidentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        SeverityColumn,
        StateColumn,
        TitleColumn,
        AgeColumn,
        AssigneeColumn,
        RegionsColumn,
        AlertsColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // incidents/{n}
        SeverityRole,                // int(IncidentSeverity)
        StateRole,                   // int(IncidentState)
        OpenRole,                    // bool
        TriggerTimeRole,             // QDateTime (UTC)
        RegionsRole,                 // QStringList of regions/{r}
        ModelsRole,                  // QStringList of models/{m}
        SortRole,                    // qlonglong/QString: what the column sorts by
    };

    explicit IncidentTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Replaces everything (a listing); `revision` is the listing's.
    void setIncidents(const QList<Incident> &incidents, qint64 revision);
    // Applies watch batches in order; returns the incidents that arrived new (not in the listing
    // nor an earlier batch), for notifications.
    QList<Incident> applyChanges(const QList<IncidentChangeBatch> &batches);
    // One incident as a call answered it (revision-checked like a batch's).
    void upsert(const Incident &incident);
    void clear();

    qint64 revision() const { return m_revision; }
    // The time ages are measured against; the panel ticks it (every Age cell changes at once).
    void setNow(const QDateTime &now);
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC); }

    int rowOf(const QString &name) const { return m_rows.value(name, -1); }
    const Incident &incident(int row) const { return m_incidents.at(row); }
    const Incident *find(const QString &name) const;

    // Flat columns for the proxy (no QVariant).
    bool accepts(int row, const IncidentFilter &filter) const;
    IncidentSeverity severityAt(int row) const { return IncidentSeverity(m_severity[size_t(row)]); }
    IncidentState stateAt(int row) const { return IncidentState(m_state[size_t(row)]); }
    qint64 triggerMsAt(int row) const { return m_triggerMs[size_t(row)]; }
    qint64 numberAt(int row) const { return m_incidents.at(row).number; }

signals:
    void incidentChanged(const QString &name); // a row was updated or added

private:
    void fill(int row);
    void put(const Incident &incident, QList<Incident> *added);
    void removeRow(int row);
    void reindex();
    qint64 ageSeconds(int row) const;

    QList<Incident> m_incidents;
    QHash<QString, int> m_rows;
    // Parallel to m_incidents.
    std::vector<quint8> m_severity, m_state;
    std::vector<qint64> m_triggerMs, m_endMs;
    std::vector<QString> m_text;   // lower case: number, title, assignee, regions, models, source
    std::vector<QString> m_labels; // lower case: "\x1fname=value\x1f…"
    qint64 m_revision = 0;
    qint64 m_nowMs = 0;
};

} // namespace ops
