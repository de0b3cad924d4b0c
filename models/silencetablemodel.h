#pragma once

#include "incident.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSortFilterProxyModel>

namespace ops {

// The silences of every configured Alertmanager as platformd mirrors them, kept current from a
// snapshot plus WatchIncidents batches (idempotent, like IncidentTableModel). Silences that match
// no alert are rows like any other (0 in Matched alerts): karma's most asked-for view.
class SilenceTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        MatchersColumn,
        StateColumn,
        ExpiresColumn, // a countdown to endsAt; ticks with setNow()
        MatchedColumn,
        CreatorColumn,
        CommentColumn,
        AlertmanagerColumn,
        IncidentColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // silences/{am}/{id}
        StateRole,                   // int(SilenceState)
        EndsAtRole,                  // QDateTime (UTC)
        IncidentRole,                // incidents/{n} or empty
        SortRole,
    };

    explicit SilenceTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSilences(const QList<Silence> &silences, qint64 revision);
    void applyChanges(const QList<IncidentChangeBatch> &batches);
    void upsert(const Silence &silence);

    // The time countdowns are measured against (the panel ticks it every second).
    void setNow(const QDateTime &now);
    // "12m left", "expired 3m ago", "starts in 5m".
    QString countdown(const Silence &silence) const;

    int rowOf(const QString &name) const { return m_rows.value(name, -1); }
    const Silence &silence(int row) const { return m_silences.at(row); }
    const QList<Silence> &silences() const { return m_silences; }
    // The silences made for `incident` or silencing one of its alerts, newest first.
    QList<Silence> silencesFor(const Incident &incident) const;
    qint64 revision() const { return m_revision; }

private:
    void reindex();

    QList<Silence> m_silences;
    QHash<QString, int> m_rows;
    qint64 m_revision = 0;
    qint64 m_nowMs = 0;
};

// Hides expired silences unless asked to show them.
class SilenceFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit SilenceFilterProxyModel(SilenceTableModel *model, QObject *parent = nullptr);
    void setShowExpired(bool show);
    bool showExpired() const { return m_showExpired; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    SilenceTableModel *m_model;
    bool m_showExpired = false;
};

} // namespace ops
