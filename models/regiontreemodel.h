#pragma once

#include "region.h"
#include "regionstore.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <memory>
#include <tuple>
#include <utility>
#include <vector>

namespace ops {

// Regions as top-level rows, each region's components as its children: a view over a RegionStore.
// Updated incrementally from the store's signals: a change emits dataChanged over the changed cells
// and batches inserts/removals; only an empty model is ever reset (a later snapshot is a diff).
class RegionTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ProviderColumn,
        StatusColumn,
        LatencyP95Column,
        ErrorRateColumn,
        ThroughputColumn,
        AvailabilityColumn,
        UpdatedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value for sorting (numbers as numbers)
        StatusRole,                  // int(HealthStatus) of the row
        ResourceNameRole,            // "regions/eu-west" or ".../components/kafka"
        IsRegionRole,                // bool
        StatusMessageRole,
    };

    // Over a store of its own (tests, tools): feed it with setSnapshot()/applyChanges().
    explicit RegionTreeModel(QObject *parent = nullptr);
    // Over `store`, which outlives the model (the app's one store of the region stream).
    explicit RegionTreeModel(RegionStore *store, QObject *parent = nullptr);

    RegionStore *store() const { return m_store; }
    // Conveniences: forward to store(), whose signals then update this model.
    void setSnapshot(const RegionSnapshot &snapshot) { m_store->setSnapshot(snapshot); }
    void applyChanges(const QList<RegionChangeBatch> &batches) { m_store->applyChanges(batches); }

    qint64 revision() const { return m_store->revision(); }
    int regionCount() const { return int(m_regions.size()); }
    // The store's resources (pointers valid until its next change).
    const Region *region(const QString &name) const { return m_store->region(name); }
    const Component *component(const QString &name) const // regions/x/components/y
    {
        return m_store->component(name);
    }
    QModelIndex indexOf(const QString &resourceName, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Display strings are formatted once per change, so data() stays a lookup.
    struct RowText
    {
        QString text[ColumnCount];
        QString nameToolTip; // the short id ("eu-west"), plus the status message
    };
    struct ComponentRow
    {
        Component component;
        RowText text;
    };
    struct RegionRow
    {
        Region region;
        RowText text;
        int row = 0; // this region's current top-level row; children's indexes point here
        QList<ComponentRow> components;
        QHash<QString, int> componentRow; // component name -> row
    };
    void storeReset();
    void storeChanged(const RegionStoreChange &change);
    RegionRow *regionNode(const QModelIndex &index) const;
    void insertRegions(const QList<Region> &regions);
    void removeRegionRows(QList<int> rows);
    void insertComponents(RegionRow *node, const QList<Component> &components);
    void removeComponentRows(RegionRow *node, QList<int> rows);
    void reindexRegions(int from);
    // Replaces a row's resource; returns the changed column range, or {-1, -1}.
    std::pair<int, int> updateRegion(RegionRow &row, const Region &region);
    std::pair<int, int> updateComponent(ComponentRow &row, const Component &component);
    void emitDataChanged(const QModelIndex &parent, QList<std::tuple<int, int, int>> &changes);
    // Updates the rows of those shown in place (dataChanged over the changed cells) and appends the
    // others; a region's components come with it. `removed`: rows of `node` to remove first.
    void upsertRegions(const QList<const Region *> &regions);
    void upsertComponents(RegionRow *node, const QList<int> &removed,
                          const QList<const Component *> &upserts);

    // Nodes are heap-allocated so child indexes can point at their (stable) parent node.
    std::vector<std::unique_ptr<RegionRow>> m_regions;
    QHash<QString, int> m_regionRow; // region name -> row
    RegionStore *m_store;
};

} // namespace ops
