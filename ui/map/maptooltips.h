#pragma once

#include "markerlayer.h"

#include "models/region.h"

#include <QString>

namespace ops::maptooltips {

// Order of the tooltip's and the map header's counts: the urgent states first.
inline constexpr HealthStatus kStatusOrder[] = {HealthStatus::Down, HealthStatus::Degraded,
                                                HealthStatus::Maintenance, HealthStatus::Unknown,
                                                HealthStatus::Healthy};

// Rich-text tooltips of the world map (what is under the pointer is the widget's business).
// badge: the edge nodes clustered into a region's marker, if any.
QString markerText(const MapMarker &marker, const MarkerCluster *badge);
QString clusterText(const MarkerCluster &cluster); // a cluster of edge nodes
QString failoverText(const Failover &failover);    // an active failover's arrow

} // namespace ops::maptooltips
