#pragma once

#include "region.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace ops {

// Regions as top-level rows, each region's components as its children. Updated incrementally:
// applyChanges() emits dataChanged over the changed cells and batches inserts/removals; only an empty
// model is ever reset.
class RegionTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ProviderColumn, StatusColumn, LatencyP95Column, ErrorRateColumn,
                  ThroughputColumn, AvailabilityColumn, UpdatedColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1,  // raw value for sorting (numbers as numbers)
        StatusRole,                   // int(HealthStatus) of the row
        ResourceNameRole,             // "regions/eu-west" or ".../components/kafka"
        IsRegionRole,                 // bool
        StatusMessageRole,
    };

    explicit RegionTreeModel(QObject *parent = nullptr);

    void setSnapshot(const RegionSnapshot &snapshot);
    void applyChanges(const QList<RegionChangeBatch> &batches);

    qint64 revision() const { return m_revision; }
    int regionCount() const { return int(m_regions.size()); }
    const Region *region(const QString &name) const;
    QModelIndex indexOf(const QString &resourceName, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct RegionRow
    {
        Region region;
        QList<Component> components;
    };
    QList<RegionRow> m_regions;
    QHash<QString, int> m_regionRow;  // region name -> row
    qint64 m_revision = 0;
};

} // namespace ops
