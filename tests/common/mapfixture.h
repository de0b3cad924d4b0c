#pragma once

// The world map's test data, shared by tst_markerlayer (the layer without a widget) and
// tst_worldmap (the widget): regions and edge nodes at real coordinates.
// Header-only: include it from tests that link ops_models (ops_ui does).

#include "models/region.h"

#include <QString>

namespace mapfixture {

inline ops::Region makeRegion(const QString &id, double lon, double lat, ops::HealthStatus status,
                              qint64 revision = 1)
{
    ops::Region r;
    r.name = QStringLiteral("regions/") + id;
    r.displayName = id;
    r.provider = ops::CloudProvider::Aws;
    r.longitude = lon;
    r.latitude = lat;
    r.status = status;
    r.health.latencyP95Ms = 120;
    r.health.errorRate = 0.0012;
    r.health.availability = 0.9995;
    r.revision = revision;
    return r;
}

inline ops::EdgeNode makeNode(const QString &region, const QString &id, double lon, double lat,
                              ops::HealthStatus status, qint64 revision = 1)
{
    ops::EdgeNode n;
    n.name = QStringLiteral("regions/%1/edgeNodes/%2").arg(region, id);
    n.city = id;
    n.countryCode = QStringLiteral("DE");
    n.provider = ops::CloudProvider::Gcp;
    n.longitude = lon;
    n.latitude = lat;
    n.status = status;
    n.revision = revision;
    return n;
}

// Three regions, a tight group of ten nodes around Frankfurt (one cluster at world zoom: 7
// healthy, 2 degraded, 1 down) and a lone node in Sydney.
inline ops::RegionSnapshot fixture()
{
    using ops::HealthStatus;
    ops::RegionSnapshot s;
    s.revision = 10;
    s.regions = {makeRegion(QStringLiteral("eu-west"), -0.13, 51.5, HealthStatus::Healthy),
                 makeRegion(QStringLiteral("ap-northeast"), 139.69, 35.69, HealthStatus::Down),
                 makeRegion(QStringLiteral("sa-east"), -46.63, -23.55, HealthStatus::Degraded)};
    for (int i = 0; i < 10; ++i) {
        s.edgeNodes.append(makeNode(QStringLiteral("eu-west"), QStringLiteral("fra-%1").arg(i),
                                    8.6 + 0.05 * i, 50.1 + 0.03 * i,
                                    i < 7 ? HealthStatus::Healthy
                                          : (i < 9 ? HealthStatus::Degraded : HealthStatus::Down)));
    }
    s.edgeNodes.append(makeNode(QStringLiteral("ap-northeast"), QStringLiteral("syd-01"), 151.21,
                                -33.87, HealthStatus::Maintenance));
    return s;
}

// Two nodes next to London, a healthy one next door and a degraded one half a degree away: at
// world zoom they are the eu-west marker's badge, not a cluster over it.
inline void addLondonNodes(ops::RegionSnapshot &s)
{
    s.edgeNodes.append(makeNode(QStringLiteral("eu-west"), QStringLiteral("lon-1"), -0.10, 51.52,
                                ops::HealthStatus::Healthy));
    s.edgeNodes.append(makeNode(QStringLiteral("eu-west"), QStringLiteral("lon-2"), -0.63, 51.5,
                                ops::HealthStatus::Degraded));
}

} // namespace mapfixture
