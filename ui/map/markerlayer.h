#pragma once

#include "geoprojection.h"
#include "markerclustering.h"

#include "models/region.h"

#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPointF>
#include <QPolygonF>
#include <QRect>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

class QFontMetricsF;

namespace ops {

class RegionStore;
struct RegionStoreChange;

// Marker sizes in logical pixels: hit testing, repaint rectangles and painting agree on them.
namespace mapmetrics {
constexpr double kNodeSize = 11;      // edge node marker
constexpr double kRegionSize = 19;    // region marker
constexpr double kBadgeSize = 9;      // worst-state badge on a cluster
constexpr double kClusterCellPx = 22; // minimum grid cell; the power-of-two grid makes it 22..44
} // namespace mapmetrics

enum class MapMarkerKind { Region, EdgeNode };

// A region or edge node as the map shows it, projected into Equal Earth unit space.
struct MapMarker
{
    MapMarkerKind kind = MapMarkerKind::Region;
    QString name;        // regions/eu-west or regions/eu-west/edgeNodes/fra-01
    QString label;       // display name or city
    QString countryCode; // edge nodes
    CloudProvider provider = CloudProvider::Unknown;
    HealthStatus status = HealthStatus::Unknown;
    HealthSample health;
    QString statusMessage;
    double longitude = 0;
    double latitude = 0;
    QPointF unit;      // projected
    int nodeSlot = -1; // edge nodes: index among the clustered points
};

// An active failover drawn as a curve from the failed to the receiving region (widget pixels).
struct FailoverArrow
{
    QPainterPath path;
    QPolygonF head;
    QPointF labelPos;
    const Failover *failover = nullptr;
};

// A region's label where it collides with no other label or region marker.
struct PlacedLabel
{
    const MapMarker *marker = nullptr;
    QString text;
    QRectF box;
};

// The map's markers without a widget: the RegionStore's regions and edge nodes projected to
// markers, the clustering for the viewport's scale (cached until the scale or the node set
// changes; a status change adjusts its cluster's counts in place), hit testing and label
// placement in the viewport's pixels. Nodes whose marker would overlap a region marker join
// that region's badge instead of a cluster, so regions stay visible at world zoom.
class MarkerLayer
{
public:
    explicit MarkerLayer(const MapViewport *view);

    // Rebuilds every marker from the store.
    void reset(const RegionStore &store);
    // Follows one store change; appends the rectangles to repaint to `dirty`. Returns true when
    // the whole view should repaint (markers appeared, vanished or moved, operations changed).
    bool apply(const RegionStore &store, const RegionStoreChange &change, QList<QRect> *dirty);

    const std::vector<MapMarker> &markers() const { return m_markers; }
    bool isEmpty() const { return m_markers.empty(); }
    const MapMarker *marker(const QString &name) const;
    const MapMarker &nodeMarker(int slot) const
    {
        return m_markers[size_t(m_nodeMarkers.at(slot))];
    }
    int markerCount(MapMarkerKind kind) const;
    std::array<int, 5> statusCounts() const; // markers by int(HealthStatus)
    QRectF bounds() const;                   // of every marker in unit space; null when none
    // The marker that shows `name` (a component, or anything under a region, shows its region).
    const MapMarker *selectedMarker(const QString &name) const;

    // Clusters of edge nodes at the current scale.
    const QList<MarkerCluster> &clusters() const;
    QStringList clusterMemberNames(int cluster) const;
    QRectF clusterBounds(int cluster) const; // members' extent in unit space
    // The cluster an edge node is drawn in: >= 0 a cluster, -1 none (not an edge node).
    int clusterOfMarker(const MapMarker &m) const;
    // Edge nodes under a region's marker at the current scale (its badge), or nullptr.
    const MarkerCluster *badgeOf(const MapMarker &region) const;
    int regionBadgeCount(const QString &region) const;

    // Widget pixels, for the viewport.
    bool position(const QString &name, QPointF *pos) const; // a clustered node: its cluster's
    QString markerAt(QPointF pos) const;        // region or lone edge node under pos, else ""
    int clusterAt(QPointF pos) const;           // index of a cluster of 2+ under pos, else -1
    QRect markerRect(const MapMarker &m) const; // what to repaint for it (label and ring too)
    QRect clusterRect(const MarkerCluster &c) const;
    static double clusterRadius(int size);

    QList<FailoverArrow> failoverArrows(const QList<Failover> &failovers) const;
    // Labels go below, above, right or left of their region, wherever they collide with no other
    // label or region marker; placed in name order, so a partial repaint places them alike.
    // Regions outside `visible` get none; a region with no free place gets none.
    QList<PlacedLabel> placeLabels(const QRect &visible, const QFontMetricsF &fm) const;

private:
    // The marker of name, appended (and *created set) when there is none yet.
    int markerIndex(MapMarkerKind kind, const QString &name, bool *created);
    // Moves m to the position; false when it is already there.
    static bool place(MapMarker &m, double longitude, double latitude);
    bool upsertRegion(const Region &region, QList<QRect> *dirty);
    bool upsertEdgeNode(const EdgeNode &node, QList<QRect> *dirty);
    void statusChanged(int index, HealthStatus from, QList<QRect> *dirty);
    void rebuildIndex();
    void ensureClusters() const;

    const MapViewport *m_view;
    std::vector<MapMarker> m_markers;
    QHash<QString, int> m_index; // name -> index into m_markers
    QList<int> m_nodeMarkers;    // edge node marker indexes, in nodeSlot order

    // Clusters for the view's scale (lazily recomputed when the scale or the node set changes).
    mutable QList<MarkerCluster> m_clusters;
    mutable QList<int> m_clusterOf; // nodeSlot -> cluster index; -2 - badge index: on a region
    // Edge nodes under a region marker at the current scale: a small count badge on the region
    // instead of a cluster drawn over it. position: the region's; members: node slots.
    mutable QList<MarkerCluster> m_badges;
    mutable QList<int> m_badgeRegion; // badge index -> region marker index
    mutable double m_clusterCell = 0;
    mutable double m_clusterScale = 0;
    mutable bool m_clustersDirty = true;
};

} // namespace ops
