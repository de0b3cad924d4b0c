#include "markerlayer.h"
#include "models/resourcename.h"

#include "models/regionstore.h"

#include <QFontMetricsF>
#include <QLineF>

#include <algorithm>

namespace ops {

using namespace mapmetrics;

namespace {

QRectF extend(const QRectF &bounds, QPointF unit)
{
    const QRectF point(unit, QSizeF(1e-9, 1e-9));
    return bounds.isNull() ? point : bounds.united(point);
}

} // namespace

MarkerLayer::MarkerLayer(const MapViewport *view)
    : m_view(view)
{}

// ---- data -----------------------------------------------------------------------------------

void MarkerLayer::reset(const RegionStore &store)
{
    m_markers.clear();
    m_index.clear();
    m_markers.reserve(size_t(store.regions().size() + store.edgeNodes().size()));
    for (const Region &region : store.regions())
        upsertRegion(region, nullptr);
    for (const EdgeNode &node : store.edgeNodes())
        upsertEdgeNode(node, nullptr);
    rebuildIndex();
}

bool MarkerLayer::apply(const RegionStore &store, const RegionStoreChange &change,
                        QList<QRect> *dirty)
{
    bool full = change.touchesOperations(); // failover arrows may have moved
    bool structural = false;
    for (const QStringList *removed : {&change.removedRegions, &change.removedEdgeNodes}) {
        for (const QString &name : *removed) {
            const auto it = m_index.constFind(name);
            if (it == m_index.cend())
                continue;
            m_markers.erase(m_markers.begin() + *it);
            structural = true;
            rebuildIndex();
        }
    }
    for (const QString &name : change.regions) {
        if (const Region *region = store.region(name)) {
            structural |= !m_index.contains(name);
            full |= upsertRegion(*region, dirty);
        }
    }
    for (const QString &name : change.edgeNodes) {
        if (const EdgeNode *node = store.edgeNode(name)) {
            structural |= !m_index.contains(name);
            full |= upsertEdgeNode(*node, dirty);
        }
    }
    if (structural)
        rebuildIndex();
    return full || structural;
}

int MarkerLayer::markerIndex(MapMarkerKind kind, const QString &name, bool *created)
{
    if (const auto it = m_index.constFind(name); it != m_index.constEnd())
        return *it;
    MapMarker m;
    m.kind = kind;
    m.name = name;
    const int index = int(m_markers.size());
    m_index.insert(name, index);
    m_markers.push_back(m);
    *created = true;
    return index;
}

bool MarkerLayer::place(MapMarker &m, double longitude, double latitude)
{
    if (m.longitude == longitude && m.latitude == latitude && !m.unit.isNull())
        return false;
    m.longitude = longitude;
    m.latitude = latitude;
    m.unit = equalEarth::forward(m.longitude, m.latitude);
    return true;
}

bool MarkerLayer::upsertRegion(const Region &region, QList<QRect> *dirty)
{
    bool full = false;
    const int index = markerIndex(MapMarkerKind::Region, region.name, &full);
    MapMarker &m = m_markers[size_t(index)];
    const HealthStatus from = m.status;
    m.label = region.displayName.isEmpty() ? resource::leafId(region.name) : region.displayName;
    m.provider = region.provider;
    m.status = region.status;
    m.health = region.health;
    m.statusMessage = region.statusMessage;
    if (place(m, region.longitude, region.latitude))
        full = true;
    if (from != m.status && dirty)
        statusChanged(index, from, dirty);
    return full;
}

bool MarkerLayer::upsertEdgeNode(const EdgeNode &node, QList<QRect> *dirty)
{
    bool full = false;
    const int index = markerIndex(MapMarkerKind::EdgeNode, node.name, &full);
    MapMarker &m = m_markers[size_t(index)];
    const HealthStatus from = m.status;
    m.label = node.city.isEmpty() ? resource::leafId(node.name) : node.city;
    m.countryCode = node.countryCode;
    m.provider = node.provider;
    m.status = node.status;
    m.health = node.health;
    if (place(m, node.longitude, node.latitude)) {
        m_clustersDirty = true;
        full = true;
    }
    if (from != m.status && dirty)
        statusChanged(index, from, dirty);
    return full;
}

// Keeps the cluster's distribution current without reclustering, and marks what to repaint.
void MarkerLayer::statusChanged(int index, HealthStatus from, QList<QRect> *dirty)
{
    const MapMarker &m = m_markers[size_t(index)];
    if (m.kind == MapMarkerKind::EdgeNode && !m_clustersDirty && m.nodeSlot >= 0 &&
        m.nodeSlot < m_clusterOf.size() && m_clusterOf.at(m.nodeSlot) <= -2) {
        MarkerCluster &badge = m_badges[-2 - m_clusterOf.at(m.nodeSlot)];
        --badge.counts[size_t(from)];
        ++badge.counts[size_t(m.status)];
        const QPoint pos = m_view->toScreen(badge.position).toPoint();
        dirty->append(QRect(pos, pos).adjusted(-30, -30, 30, 30));
    } else if (m.kind == MapMarkerKind::EdgeNode && !m_clustersDirty && m.nodeSlot >= 0 &&
               m.nodeSlot < m_clusterOf.size() && m_clusterOf.at(m.nodeSlot) >= 0) {
        MarkerCluster &cluster = m_clusters[m_clusterOf.at(m.nodeSlot)];
        --cluster.counts[size_t(from)];
        ++cluster.counts[size_t(m.status)];
        dirty->append(cluster.size() > 1 ? clusterRect(cluster) : markerRect(m));
    } else {
        dirty->append(markerRect(m));
    }
}

void MarkerLayer::rebuildIndex()
{
    m_index.clear();
    m_nodeMarkers.clear();
    for (int i = 0; i < int(m_markers.size()); ++i) {
        MapMarker &m = m_markers[size_t(i)];
        m_index.insert(m.name, i);
        if (m.kind == MapMarkerKind::EdgeNode) {
            m.nodeSlot = int(m_nodeMarkers.size());
            m_nodeMarkers.append(i);
        }
    }
    m_clustersDirty = true;
}

const MapMarker *MarkerLayer::marker(const QString &name) const
{
    auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_markers[size_t(*it)];
}

int MarkerLayer::markerCount(MapMarkerKind kind) const
{
    return int(std::count_if(m_markers.begin(), m_markers.end(),
                             [kind](const MapMarker &m) { return m.kind == kind; }));
}

std::array<int, 5> MarkerLayer::statusCounts() const
{
    std::array<int, 5> counts{};
    for (const MapMarker &m : m_markers)
        ++counts[size_t(m.status)];
    return counts;
}

QRectF MarkerLayer::bounds() const
{
    QRectF bounds;
    for (const MapMarker &m : m_markers)
        bounds = extend(bounds, m.unit);
    return bounds;
}

const MapMarker *MarkerLayer::selectedMarker(const QString &name) const
{
    if (name.isEmpty())
        return nullptr;
    if (const MapMarker *m = marker(name))
        return m;
    // A component (or anything else under a region) selects its region.
    return marker(resource::topLevel(name));
}

// ---- clusters -------------------------------------------------------------------------------

void MarkerLayer::ensureClusters() const
{
    const double cell = clusterCellSize(kClusterCellPx, m_view->scale());
    if (!m_clustersDirty && cell == m_clusterCell && m_view->scale() == m_clusterScale)
        return;
    // A node whose marker would overlap a region marker joins that region's badge: regions and
    // their labels stay visible at world zoom instead of disappearing under clusters.
    QList<int> regions;
    for (int i = 0; i < int(m_markers.size()); ++i) {
        if (m_markers[size_t(i)].kind == MapMarkerKind::Region)
            regions.append(i);
    }
    const double under = m_view->scale() > 0 ? (kRegionSize + kNodeSize) / 2 / m_view->scale() : 0;
    m_badges.clear();
    m_badgeRegion.clear();
    QList<QPointF> points;
    QList<HealthStatus> statuses;
    QList<int> pointSlot; // clustered point -> node slot
    QList<int> badgeOf(m_nodeMarkers.size(), -1);
    points.reserve(m_nodeMarkers.size());
    statuses.reserve(m_nodeMarkers.size());
    for (int slot = 0; slot < m_nodeMarkers.size(); ++slot) {
        const MapMarker &node = m_markers[size_t(m_nodeMarkers.at(slot))];
        int nearest = -1;
        double best = under;
        for (int r : std::as_const(regions)) {
            const double d = QLineF(node.unit, m_markers[size_t(r)].unit).length();
            if (d < best) {
                best = d;
                nearest = r;
            }
        }
        if (nearest >= 0) {
            int badge = int(m_badgeRegion.indexOf(nearest));
            if (badge < 0) {
                badge = int(m_badges.size());
                m_badgeRegion.append(nearest);
                MarkerCluster b;
                b.position = m_markers[size_t(nearest)].unit;
                m_badges.append(b);
            }
            m_badges[badge].members.append(slot);
            ++m_badges[badge].counts[size_t(node.status)];
            badgeOf[slot] = badge;
            continue;
        }
        pointSlot.append(slot);
        points.append(node.unit);
        statuses.append(node.status);
    }
    QList<int> clusterOfPoint;
    m_clusters = clusterPoints(points, statuses, cell, &clusterOfPoint);
    for (MarkerCluster &c : m_clusters) {
        for (int &member : c.members)
            member = pointSlot.at(member);
    }
    m_clusterOf = QList<int>(m_nodeMarkers.size(), -1);
    for (int slot = 0; slot < m_nodeMarkers.size(); ++slot) {
        if (badgeOf.at(slot) >= 0)
            m_clusterOf[slot] = -2 - badgeOf.at(slot);
    }
    for (int i = 0; i < pointSlot.size(); ++i)
        m_clusterOf[pointSlot.at(i)] = clusterOfPoint.at(i);
    m_clusterCell = cell;
    m_clusterScale = m_view->scale();
    m_clustersDirty = false;
}

const QList<MarkerCluster> &MarkerLayer::clusters() const
{
    ensureClusters();
    return m_clusters;
}

QStringList MarkerLayer::clusterMemberNames(int cluster) const
{
    ensureClusters();
    QStringList names;
    if (cluster < 0 || cluster >= m_clusters.size())
        return names;
    for (int slot : m_clusters.at(cluster).members)
        names.append(m_markers[size_t(m_nodeMarkers.at(slot))].name);
    return names;
}

QRectF MarkerLayer::clusterBounds(int cluster) const
{
    ensureClusters();
    QRectF bounds;
    if (cluster < 0 || cluster >= m_clusters.size())
        return bounds;
    for (int slot : m_clusters.at(cluster).members)
        bounds = extend(bounds, m_markers[size_t(m_nodeMarkers.at(slot))].unit);
    return bounds;
}

int MarkerLayer::clusterOfMarker(const MapMarker &m) const
{
    if (m.kind != MapMarkerKind::EdgeNode)
        return -1;
    ensureClusters();
    return std::max(-1, m_clusterOf.value(m.nodeSlot, -1));
}

const MarkerCluster *MarkerLayer::badgeOf(const MapMarker &region) const
{
    ensureClusters();
    const int badge = int(m_badgeRegion.indexOf(int(&region - m_markers.data())));
    return badge >= 0 ? &m_badges.at(badge) : nullptr;
}

int MarkerLayer::regionBadgeCount(const QString &region) const
{
    const MapMarker *m = marker(region);
    const MarkerCluster *badge = m ? badgeOf(*m) : nullptr;
    return badge ? badge->size() : 0;
}

// ---- geometry in widget pixels ----------------------------------------------------------------

bool MarkerLayer::position(const QString &name, QPointF *pos) const
{
    const MapMarker *m = marker(name);
    if (!m)
        return false;
    if (m->kind == MapMarkerKind::EdgeNode) {
        ensureClusters();
        const int cluster = m_clusterOf.at(m->nodeSlot);
        if (cluster <= -2) { // under its region's marker: counted in the region's badge
            *pos = m_view->toScreen(m_badges.at(-2 - cluster).position);
            return true;
        }
        const MarkerCluster &c = m_clusters.at(cluster);
        if (c.size() > 1) {
            *pos = m_view->toScreen(c.position);
            return true;
        }
    }
    *pos = m_view->toScreen(m->unit);
    return true;
}

QString MarkerLayer::markerAt(QPointF pos) const
{
    // Regions are drawn on top, so they win.
    double best = kRegionSize / 2 + 3;
    QString found;
    for (const MapMarker &m : m_markers) {
        if (m.kind != MapMarkerKind::Region)
            continue;
        const double d = QLineF(pos, m_view->toScreen(m.unit)).length();
        if (d <= best) {
            best = d;
            found = m.name;
        }
    }
    if (!found.isEmpty())
        return found;
    ensureClusters();
    best = kNodeSize / 2 + 3;
    for (const MarkerCluster &c : std::as_const(m_clusters)) {
        if (c.size() != 1)
            continue;
        const double d = QLineF(pos, m_view->toScreen(c.position)).length();
        if (d <= best) {
            best = d;
            found = m_markers[size_t(m_nodeMarkers.at(c.members.first()))].name;
        }
    }
    return found;
}

int MarkerLayer::clusterAt(QPointF pos) const
{
    ensureClusters();
    int found = -1;
    double best = 1e9;
    for (int i = 0; i < m_clusters.size(); ++i) {
        const MarkerCluster &c = m_clusters.at(i);
        if (c.size() < 2)
            continue;
        const double d = QLineF(pos, m_view->toScreen(c.position)).length();
        if (d <= clusterRadius(c.size()) + 2 && d < best) {
            best = d;
            found = i;
        }
    }
    return found;
}

QRect MarkerLayer::markerRect(const MapMarker &m) const
{
    const QPointF p = m_view->toScreen(m.unit);
    if (m.kind == MapMarkerKind::Region) {
        // The label below and the selection ring around.
        return QRectF(p.x() - 90, p.y() - kRegionSize - 22, 180, 2 * kRegionSize + 44)
            .toAlignedRect();
    }
    const double r = kNodeSize / 2 + 8;
    return QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r).toAlignedRect();
}

double MarkerLayer::clusterRadius(int size)
{
    return std::min(14.0, 8.0 + 1.3 * std::log2(double(std::max(size, 1))));
}

QRect MarkerLayer::clusterRect(const MarkerCluster &c) const
{
    const QPointF p = m_view->toScreen(c.position);
    const double r = clusterRadius(c.size()) + 10;
    return QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r).toAlignedRect();
}

QList<FailoverArrow> MarkerLayer::failoverArrows(const QList<Failover> &failovers) const
{
    QList<FailoverArrow> arrows;
    for (const Failover &f : failovers) {
        if (f.state != Failover::State::Active)
            continue;
        const MapMarker *from = marker(f.sourceRegion);
        const MapMarker *to = marker(f.targetRegion);
        if (!from || !to || from == to)
            continue;
        const QPointF a = m_view->toScreen(from->unit);
        const QPointF b = m_view->toScreen(to->unit);
        const QLineF line(a, b);
        if (line.length() < 4)
            continue;
        // Bend to the left of the direction of travel, a quarter of the distance.
        const QPointF normal(-(b.y() - a.y()) / line.length(), (b.x() - a.x()) / line.length());
        const QPointF control = (a + b) / 2 + normal * line.length() * 0.25;
        // Start and end outside the region markers.
        const double gap = kRegionSize / 2 + 4;
        const QPointF start = a + (control - a) / QLineF(a, control).length() * gap;
        const QPointF end = b + (control - b) / QLineF(b, control).length() * gap;
        FailoverArrow arrow;
        arrow.failover = &f;
        arrow.path.moveTo(start);
        arrow.path.quadTo(control, end);
        const QPointF dir = (end - control) / QLineF(control, end).length();
        const QPointF side(-dir.y(), dir.x());
        arrow.head << end << end - dir * 11 + side * 5 << end - dir * 11 - side * 5;
        arrow.labelPos = (start + end) / 4 + control / 2;
        arrows.append(arrow);
    }
    return arrows;
}

QList<PlacedLabel> MarkerLayer::placeLabels(const QRect &visible, const QFontMetricsF &fm) const
{
    QList<QRectF> taken;
    QList<const MapMarker *> regions;
    for (const MapMarker &m : m_markers) {
        const QPointF pos = m_view->toScreen(m.unit);
        if (m.kind == MapMarkerKind::Region && visible.contains(pos.toPoint())) {
            regions.append(&m);
            taken.append(QRectF(pos.x() - kRegionSize / 2, pos.y() - kRegionSize / 2, kRegionSize,
                                kRegionSize));
        }
    }
    std::sort(regions.begin(), regions.end(),
              [](const MapMarker *a, const MapMarker *b) { return a->name < b->name; });
    QList<PlacedLabel> labels;
    for (const MapMarker *m : std::as_const(regions)) {
        const QPointF pos = m_view->toScreen(m->unit);
        const QString label = resource::leafId(m->name);
        const double w = fm.horizontalAdvance(label) + 8, h = fm.height() + 2;
        const double gap = kRegionSize / 2 + 3;
        const QRectF candidates[] = {
            QRectF(pos.x() - w / 2, pos.y() + gap, w, h),
            QRectF(pos.x() - w / 2, pos.y() - gap - h, w, h),
            QRectF(pos.x() + gap, pos.y() - h / 2, w, h),
            QRectF(pos.x() - gap - w, pos.y() - h / 2, w, h),
        };
        for (const QRectF &candidate : candidates) {
            if (std::none_of(taken.cbegin(), taken.cend(),
                             [&](const QRectF &t) { return t.intersects(candidate); })) {
                taken.append(candidate);
                labels.append({m, label, candidate});
                break;
            }
        }
        // No free place: no label (the tooltip still names it).
    }
    return labels;
}

} // namespace ops
