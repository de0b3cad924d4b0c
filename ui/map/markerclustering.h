#pragma once

#include "models/region.h"

#include <QList>
#include <QPointF>

#include <array>

namespace ops {

// One group of nearby markers: where to draw it and how its members' states are distributed.
struct MarkerCluster
{
    QPointF position;            // members' centroid (same space as the input points)
    QList<int> members;          // indexes into the clustered points
    std::array<int, 5> counts{}; // members by int(HealthStatus)

    int size() const { return int(members.size()); }
    // The most urgent state present: Down, Degraded, Maintenance, Unknown, then Healthy.
    HealthStatus worst() const;
};

// Grid clustering, linear in the number of points: points in the same square cell of side
// `cellSize` (cells anchored at the origin) form one cluster. Callers pass a power-of-two cell size
// in map units, so the grids of two zoom levels nest: zooming in only ever splits clusters, and
// panning never changes them. `clusterOf` (optional) receives each point's cluster index.
QList<MarkerCluster> clusterPoints(const QList<QPointF> &points,
                                   const QList<HealthStatus> &statuses, double cellSize,
                                   QList<int> *clusterOf = nullptr);

// The power-of-two cell size (in map units) whose on-screen side is at least `minPixels` at
// `pixelsPerUnit`.
double clusterCellSize(double minPixels, double pixelsPerUnit);

} // namespace ops
