#pragma once

#include "region.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace ops {

// What one RegionStore::applyChanges call changed, by resource name. A name is listed once, in
// the order it was first touched: under `regions` (etc.) when it exists afterwards (new or
// updated), under `removedRegions` (etc.) when it is gone afterwards. Views update from this
// incrementally instead of reloading everything.
struct RegionStoreChange
{
    qint64 previousRevision = 0; // the store's revision before the call
    qint64 revision = 0;         // and after it
    QDateTime commitTime;        // of the newest batch applied (invalid when none said)

    QStringList regions, removedRegions;
    QStringList components, removedComponents;
    QStringList edgeNodes, removedEdgeNodes;
    QStringList failovers, removedFailovers;
    QStringList maintenanceWindows, removedMaintenanceWindows;

    bool touchesRegions() const { return !regions.isEmpty() || !removedRegions.isEmpty(); }
    bool touchesComponents() const { return !components.isEmpty() || !removedComponents.isEmpty(); }
    bool touchesEdgeNodes() const { return !edgeNodes.isEmpty() || !removedEdgeNodes.isEmpty(); }
    bool touchesOperations() const
    {
        return !failovers.isEmpty() || !removedFailovers.isEmpty() ||
               !maintenanceWindows.isEmpty() || !removedMaintenanceWindows.isEmpty();
    }
    // No resource changed (the batches were empty, or every event was stale).
    bool isEmpty() const
    {
        return !touchesRegions() && !touchesComponents() && !touchesEdgeNodes() &&
               !touchesOperations();
    }
};

namespace detail {

// Resources in arrival order with a name index: appends keep their place, an update replaces in
// place, a removal closes the gap.
template<typename T>
class OrderedTable
{
public:
    const QList<T> &items() const { return m_items; }
    qsizetype size() const { return m_items.size(); }
    const T *find(const QString &name) const
    {
        const auto it = m_index.constFind(name);
        return it == m_index.cend() ? nullptr : &m_items[*it];
    }
    void clear()
    {
        m_items.clear();
        m_index.clear();
    }
    void upsert(const T &item)
    {
        const auto it = m_index.constFind(item.name);
        if (it != m_index.cend()) {
            m_items[*it] = item;
            return;
        }
        m_index.insert(item.name, m_items.size());
        m_items.append(item);
    }
    bool remove(const QString &name)
    {
        const auto it = m_index.constFind(name);
        if (it == m_index.cend())
            return false;
        const qsizetype at = *it;
        m_index.erase(it);
        m_items.removeAt(at);
        for (qsizetype i = at; i < m_items.size(); ++i)
            m_index.insert(m_items[i].name, i);
        return true;
    }
    // Removes every item for which pred is true; returns their names in order.
    template<typename Pred>
    QStringList removeIf(Pred pred)
    {
        QStringList removed;
        for (const T &item : std::as_const(m_items)) {
            if (pred(item))
                removed.append(item.name);
        }
        if (removed.isEmpty())
            return removed;
        m_items.removeIf(pred);
        m_index.clear();
        for (qsizetype i = 0; i < m_items.size(); ++i)
            m_index.insert(m_items[i].name, i);
        return removed;
    }

private:
    QList<T> m_items;
    QHash<QString, qsizetype> m_index;
};

} // namespace detail

// The console's one copy of the region stream: regions, components, edge nodes, failovers and
// maintenance windows, fed by RegionClient's snapshot and change batches. A batch is applied once
// (batches at or below revision() are skipped), each resource by its own revision (an upsert
// older than what is held is a replay overlapping the snapshot, and skipped), deletes honoured.
// Deleting a region takes its components and edge nodes along. Views (RegionTreeModel, the map,
// the region detail) read it and follow reset() and changed().
class RegionStore : public QObject
{
    Q_OBJECT
public:
    explicit RegionStore(QObject *parent = nullptr);

    // Replaces everything, then emits reset().
    void setSnapshot(const RegionSnapshot &snapshot);
    // Applies the batches newer than revision(), then emits changed() once (unless none was).
    void applyChanges(const QList<RegionChangeBatch> &batches);

    bool hasSnapshot() const { return m_haveSnapshot; }
    qint64 revision() const { return m_revision; }

    // In arrival order (snapshot order, then creation order). Pointers stay valid until the next
    // setSnapshot() or applyChanges().
    const QList<Region> &regions() const { return m_regions.items(); }
    const QList<Component> &components() const { return m_components.items(); }
    const QList<EdgeNode> &edgeNodes() const { return m_edgeNodes.items(); }
    const Region *region(const QString &name) const { return m_regions.find(name); }
    const Component *component(const QString &name) const { return m_components.find(name); }
    const EdgeNode *edgeNode(const QString &name) const { return m_edgeNodes.find(name); }
    QList<Component> componentsOf(const QString &region) const; // in arrival order
    QList<EdgeNode> edgeNodesOf(const QString &region) const;

    // Operations (with RegionClient::setIncludeOperations).
    const Failover *failover(const QString &name) const { return m_failovers.find(name); }
    const MaintenanceWindow *maintenanceWindow(const QString &name) const
    {
        return m_windows.find(name);
    }
    const QList<Failover> &failovers() const { return m_failovers.items(); } // arrival order
    const QList<MaintenanceWindow> &maintenanceWindows() const { return m_windows.items(); }
    // Failovers away from or into `region`, newest start first.
    QList<Failover> failoversOf(const QString &region) const;
    // The region's maintenance windows, newest start first.
    QList<MaintenanceWindow> maintenanceOf(const QString &region) const;
    int failoverCount() const { return int(m_failovers.size()); }
    int maintenanceCount() const { return int(m_windows.size()); }

signals:
    // Everything was replaced (a snapshot): views diff against the store or reload.
    void reset();
    // What one applyChanges() call changed.
    void changed(const ops::RegionStoreChange &change);

private:
    detail::OrderedTable<Region> m_regions;
    detail::OrderedTable<Component> m_components;
    detail::OrderedTable<EdgeNode> m_edgeNodes;
    detail::OrderedTable<Failover> m_failovers;
    detail::OrderedTable<MaintenanceWindow> m_windows;
    qint64 m_revision = 0;
    bool m_haveSnapshot = false;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::RegionStoreChange)
