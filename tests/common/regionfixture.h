#pragma once

// The region stream's test data, shared by tst_regionstore and tst_regiontreemodel: regions and
// components stamped with revisions, the events and batches that carry them.
// Header-only: include it from tests that link ops_models.

#include "models/region.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace regionfixture {

// A batch's commit time is kT0 plus its revision in seconds, and so is a resource's update time.
inline const QDateTime kT0 = QDateTime(QDate(2026, 1, 2), QTime(10, 0, 0), Qt::UTC);

// "regions/<id>", shown as "Region <id>".
inline ops::Region makeRegion(const QString &id, qint64 revision, double p95 = 100,
                              ops::HealthStatus status = ops::HealthStatus::Healthy)
{
    ops::Region r;
    r.name = QStringLiteral("regions/") + id;
    r.displayName = QStringLiteral("Region ") + id;
    r.provider = ops::CloudProvider::Aws;
    r.status = status;
    r.health.latencyP95Ms = p95;
    r.health.errorRate = 0.001;
    r.health.throughputRps = 1000;
    r.health.availability = 0.999;
    r.revision = revision;
    r.updateTime = kT0.addSecs(revision);
    return r;
}

// "regions/<region>/components/<id>", shown as its id in capitals (so a display name is told
// from the name it was made of).
inline ops::Component makeComponent(const QString &region, const QString &id, qint64 revision,
                                    double p95 = 50)
{
    ops::Component c;
    c.name = QStringLiteral("regions/%1/components/%2").arg(region, id);
    c.displayName = id.toUpper();
    c.kind = ops::ComponentKind::Kafka;
    c.provider = ops::CloudProvider::Gcp;
    c.status = ops::HealthStatus::Healthy;
    c.health.latencyP95Ms = p95;
    c.revision = revision;
    c.updateTime = kT0.addSecs(revision);
    return c;
}

template<typename T>
ops::RegionEvent upsert(const T &resource)
{
    return {ops::RegionEvent::Type::Upsert, resource.name, resource};
}

inline ops::RegionEvent deletion(const QString &name)
{
    return {ops::RegionEvent::Type::Delete, name, {}};
}

inline ops::RegionChangeBatch batch(qint64 revision, QList<ops::RegionEvent> events)
{
    return {revision, kT0.addSecs(revision), std::move(events)};
}

// At revision 10: regions a, b, c (revisions 1–3); a has kafka and spark, c has cdn (4–6).
inline ops::RegionSnapshot regionsAndComponents()
{
    ops::RegionSnapshot s;
    s.revision = 10;
    s.regions = {makeRegion(QStringLiteral("a"), 1), makeRegion(QStringLiteral("b"), 2),
                 makeRegion(QStringLiteral("c"), 3)};
    s.components = {makeComponent(QStringLiteral("a"), QStringLiteral("kafka"), 4),
                    makeComponent(QStringLiteral("a"), QStringLiteral("spark"), 5),
                    makeComponent(QStringLiteral("c"), QStringLiteral("cdn"), 6)};
    return s;
}

} // namespace regionfixture
