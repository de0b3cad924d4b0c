#pragma once

#include "probe.h"
#include "region.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ops {

// The console's health probes, one row each, keyed by the prober's id. Display strings are
// formatted when a status arrives, so data() stays a lookup.
class ProbeTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EndpointColumn,
        ServiceColumn,
        SourceColumn,
        StateColumn,
        ModeColumn,
        SinceColumn,
        RoundTripColumn,
        ErrorColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting (numbers and times as such)
        StatusRole,                  // int(HealthStatus): the badge look of the state
        ProbeIdRole,                 // int
        ProbeStateRole,              // int(ProbeState)
        SourceRole,                  // "" (manual) or the region's name, "regions/eu-west"
    };

    explicit ProbeTableModel(QObject *parent = nullptr);

    // The status badge a probe state is drawn with: Serving → Healthy; NotServing, Unreachable
    // and Failed → Down; ServiceUnknown → Degraded; the rest → Unknown. The text tells them apart.
    static HealthStatus look(ProbeState state);

    // `source`: "" for a probe the user added, else the region that carries the endpoint.
    void addProbe(int id, const ProbeTarget &target, const QString &source,
                  const ProbeStatus &status = {});
    void updateStatus(int id, const ProbeStatus &status);
    void removeProbe(int id);
    void clear();

    int rowOf(int id) const { return m_rowOf.value(id, -1); }
    int idAt(int row) const;
    QList<int> ids() const;
    ProbeTarget target(int id) const;
    ProbeStatus status(int id) const;
    QString source(int id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int id = 0;
        ProbeTarget target;
        QString source;
        ProbeStatus status;
        QString text[ColumnCount];
        QString stateToolTip;
    };
    void format(Row &row) const;
    void reindex(int from);

    QList<Row> m_rows;
    QHash<int, int> m_rowOf; // id -> row
};

} // namespace ops
