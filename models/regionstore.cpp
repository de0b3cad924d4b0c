#include "regionstore.h"
#include "models/resourcename.h"

#include <algorithm>

namespace ops {

namespace {

enum class Kind { Region, Component, EdgeNode, Failover, Maintenance, Other };

Kind kindOf(const RegionEvent &event)
{
    switch (event.resource.index()) {
    case 1:
        return Kind::Region;
    case 2:
        return Kind::Component;
    case 3:
        return Kind::EdgeNode;
    case 4:
        return Kind::Failover;
    case 5:
        return Kind::Maintenance;
    default:
        break;
    }
    // A delete carries only the name: regions/{r} or regions/{r}/{collection}/{id}.
    const qsizetype slashes = event.name.count(QLatin1Char('/'));
    if (slashes == 1)
        return Kind::Region;
    if (slashes != 3)
        return Kind::Other;
    const QString collection = resource::nestedCollection(event.name);
    if (collection == QLatin1String("components"))
        return Kind::Component;
    if (collection == QLatin1String("edgeNodes"))
        return Kind::EdgeNode;
    if (collection == QLatin1String("failovers"))
        return Kind::Failover;
    if (collection == QLatin1String("maintenanceWindows"))
        return Kind::Maintenance;
    return Kind::Other;
}

// The names one call touched, once each in first-touch order, and whether each exists afterwards.
class Touched
{
public:
    void mark(const QString &name, bool exists)
    {
        const auto it = m_exists.find(name);
        if (it == m_exists.end()) {
            m_order.append(name);
            m_exists.insert(name, exists);
        } else {
            *it = exists;
        }
    }
    void markRemoved(const QStringList &names)
    {
        for (const QString &name : names)
            mark(name, false);
    }
    void into(QStringList &present, QStringList &removed) const
    {
        for (const QString &name : m_order)
            (m_exists.value(name) ? present : removed).append(name);
    }

private:
    QStringList m_order;
    QHash<QString, bool> m_exists;
};

// An upsert older than what is held came from a replay that overlaps the snapshot: skipped.
template<typename T>
bool upsertUnlessStale(detail::OrderedTable<T> &table, const T &item)
{
    const T *held = table.find(item.name);
    if (held && item.revision > 0 && held->revision > item.revision)
        return false;
    table.upsert(item);
    return true;
}

// A delete committed before the held resource's revision is a replay too.
template<typename T>
bool removeUnlessStale(detail::OrderedTable<T> &table, const QString &name, qint64 batchRevision)
{
    const T *held = table.find(name);
    if (!held || held->revision > batchRevision)
        return false;
    return table.remove(name);
}

template<typename T>
void sortNewestFirst(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) {
        if (a.startTime != b.startTime)
            return a.startTime > b.startTime;
        return a.name < b.name;
    });
}

} // namespace

RegionStore::RegionStore(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<RegionStoreChange>();
}

void RegionStore::setSnapshot(const RegionSnapshot &snapshot)
{
    m_regions.clear();
    m_components.clear();
    m_edgeNodes.clear();
    m_failovers.clear();
    m_windows.clear();
    for (const Region &r : snapshot.regions)
        m_regions.upsert(r);
    for (const Component &c : snapshot.components)
        m_components.upsert(c);
    for (const EdgeNode &n : snapshot.edgeNodes)
        m_edgeNodes.upsert(n);
    for (const Failover &f : snapshot.failovers)
        m_failovers.upsert(f);
    for (const MaintenanceWindow &w : snapshot.maintenanceWindows)
        m_windows.upsert(w);
    m_revision = snapshot.revision;
    m_haveSnapshot = true;
    emit reset();
}

void RegionStore::applyChanges(const QList<RegionChangeBatch> &batches)
{
    RegionStoreChange change;
    change.previousRevision = m_revision;
    Touched regions, components, edgeNodes, failovers, windows;
    bool applied = false;
    for (const RegionChangeBatch &batch : batches) {
        if (batch.revision <= m_revision)
            continue; // already applied (replay after a resume, or a duplicate delivery)
        m_revision = batch.revision;
        applied = true;
        if (batch.commitTime.isValid())
            change.commitTime = batch.commitTime;
        for (const RegionEvent &event : batch.events) {
            const bool deletion = event.type == RegionEvent::Type::Delete;
            switch (kindOf(event)) {
            case Kind::Region:
                if (deletion) {
                    const Region *held = m_regions.find(event.name);
                    if (held && held->revision > batch.revision)
                        break;
                    if (m_regions.remove(event.name))
                        regions.mark(event.name, false);
                    // Its components and edge nodes go with it (also those that came first).
                    const QString region = event.name;
                    components.markRemoved(m_components.removeIf(
                        [&](const Component &c) { return c.regionName() == region; }));
                    edgeNodes.markRemoved(m_edgeNodes.removeIf(
                        [&](const EdgeNode &n) { return n.regionName() == region; }));
                } else if (const auto *r = std::get_if<Region>(&event.resource);
                           r && upsertUnlessStale(m_regions, *r)) {
                    regions.mark(r->name, true);
                }
                break;
            case Kind::Component:
                if (deletion) {
                    if (removeUnlessStale(m_components, event.name, batch.revision))
                        components.mark(event.name, false);
                } else if (const auto *c = std::get_if<Component>(&event.resource);
                           c && upsertUnlessStale(m_components, *c)) {
                    components.mark(c->name, true);
                }
                break;
            case Kind::EdgeNode:
                if (deletion) {
                    if (removeUnlessStale(m_edgeNodes, event.name, batch.revision))
                        edgeNodes.mark(event.name, false);
                } else if (const auto *n = std::get_if<EdgeNode>(&event.resource);
                           n && upsertUnlessStale(m_edgeNodes, *n)) {
                    edgeNodes.mark(n->name, true);
                }
                break;
            case Kind::Failover:
                if (deletion) {
                    if (removeUnlessStale(m_failovers, event.name, batch.revision))
                        failovers.mark(event.name, false);
                } else if (const auto *f = std::get_if<Failover>(&event.resource);
                           f && upsertUnlessStale(m_failovers, *f)) {
                    failovers.mark(f->name, true);
                }
                break;
            case Kind::Maintenance:
                if (deletion) {
                    if (removeUnlessStale(m_windows, event.name, batch.revision))
                        windows.mark(event.name, false);
                } else if (const auto *w = std::get_if<MaintenanceWindow>(&event.resource);
                           w && upsertUnlessStale(m_windows, *w)) {
                    windows.mark(w->name, true);
                }
                break;
            case Kind::Other:
                break;
            }
        }
    }
    if (!applied)
        return;
    change.revision = m_revision;
    regions.into(change.regions, change.removedRegions);
    components.into(change.components, change.removedComponents);
    edgeNodes.into(change.edgeNodes, change.removedEdgeNodes);
    failovers.into(change.failovers, change.removedFailovers);
    windows.into(change.maintenanceWindows, change.removedMaintenanceWindows);
    emit changed(change);
}

QList<Component> RegionStore::componentsOf(const QString &region) const
{
    QList<Component> out;
    for (const Component &c : m_components.items()) {
        if (c.regionName() == region)
            out.append(c);
    }
    return out;
}

QList<EdgeNode> RegionStore::edgeNodesOf(const QString &region) const
{
    QList<EdgeNode> out;
    for (const EdgeNode &n : m_edgeNodes.items()) {
        if (n.regionName() == region)
            out.append(n);
    }
    return out;
}

QList<Failover> RegionStore::failoversOf(const QString &region) const
{
    QList<Failover> out;
    for (const Failover &f : m_failovers.items()) {
        if (f.sourceRegion == region || f.targetRegion == region)
            out.append(f);
    }
    sortNewestFirst(out);
    return out;
}

QList<MaintenanceWindow> RegionStore::maintenanceOf(const QString &region) const
{
    QList<MaintenanceWindow> out;
    for (const MaintenanceWindow &w : m_windows.items()) {
        if (w.regionName() == region)
            out.append(w);
    }
    sortNewestFirst(out);
    return out;
}

} // namespace ops
