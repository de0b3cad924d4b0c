#pragma once

#include "models/resourcename.h"
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <variant>

// Value types of the regions domain, as the console sees them. No gRPC or protobuf in here:
// services/ converts the wire messages into these.
namespace ops {

// Ordered by severity for sorting; Unknown sorts first.
enum class HealthStatus { Unknown, Healthy, Degraded, Down, Maintenance };
enum class CloudProvider { Unknown, Aws, Gcp, Azure };
enum class ComponentKind {
    Unknown,
    ApiGateway,
    ModelServing,
    Kafka,
    Spark,
    Airflow,
    Flink,
    Kubernetes,
    Cdn
};

struct HealthSample
{
    double latencyP50Ms = 0;
    double latencyP95Ms = 0;
    double latencyP99Ms = 0;
    double errorRate = 0; // 0..1
    double throughputRps = 0;
    double availability = 0; // 0..1
    QDateTime sampleTime;

    bool operator==(const HealthSample &) const = default;
};

struct Region
{
    QString name; // regions/eu-west
    QString displayName;
    CloudProvider provider = CloudProvider::Unknown;
    QString geography;
    bool primary = false;
    double latitude = 0;
    double longitude = 0;
    int utcOffsetMinutes = 0;
    HealthStatus status = HealthStatus::Unknown;
    HealthSample health;
    double sloAvailability = 0;
    QString failoverTarget;
    QString statusMessage;
    qint64 revision = 0;
    QDateTime updateTime;
    int edgeNodeCount = 0;
    QString healthEndpoint; // host:port serving grpc.health.v1, if any
    QString healthService;  // the service name to ask it about ("" = the whole server)

    bool operator==(const Region &) const = default;
};

struct Component
{
    QString name; // regions/eu-west/components/kafka
    ComponentKind kind = ComponentKind::Unknown;
    QString displayName;
    CloudProvider provider = CloudProvider::Unknown;
    QString version;
    HealthStatus status = HealthStatus::Unknown;
    HealthSample health;
    QString statusMessage;
    qint64 revision = 0;
    QDateTime updateTime;

    // regions/eu-west for regions/eu-west/components/kafka
    QString regionName() const { return resource::topLevel(name); }
    bool operator==(const Component &) const = default;
};

struct EdgeNode
{
    QString name; // regions/eu-west/edgeNodes/fra-01
    QString city;
    QString countryCode;
    double latitude = 0;
    double longitude = 0;
    CloudProvider provider = CloudProvider::Unknown;
    HealthStatus status = HealthStatus::Unknown;
    HealthSample health;
    qint64 revision = 0;
    QDateTime updateTime;

    QString regionName() const { return resource::topLevel(name); }
    bool operator==(const EdgeNode &) const = default;
};

// Traffic of a failed region moved to another one (a platformd resource).
struct Failover
{
    enum class State { Unknown, Active, Completed };
    QString name;         // regions/eu-west/failovers/f-0001
    QString sourceRegion; // regions/eu-west (failed)
    QString targetRegion; // regions/eu-central (receiving)
    State state = State::Unknown;
    QString reason;
    double trafficFraction = 0; // 0..1
    QDateTime startTime;
    QDateTime endTime; // invalid while active
    qint64 revision = 0;
    QDateTime updateTime;

    bool operator==(const Failover &) const = default;
};

// A planned maintenance window of a region (a platformd resource).
struct MaintenanceWindow
{
    enum class State { Unknown, Scheduled, InProgress, Completed, Cancelled };
    QString name; // regions/eu-west/maintenanceWindows/m-0001
    QString title;
    QString description;
    QStringList components; // regions/eu-west/components/kafka
    State state = State::Unknown;
    QDateTime startTime;
    QDateTime endTime;
    qint64 revision = 0;
    QDateTime updateTime;

    QString regionName() const { return resource::topLevel(name); }
    bool operator==(const MaintenanceWindow &) const = default;
};

// One change to one resource. An upsert carries the whole resource; a delete only its name.
struct RegionEvent
{
    enum class Type { Upsert, Delete };
    Type type = Type::Upsert;
    QString name;
    std::variant<std::monostate, Region, Component, EdgeNode, Failover, MaintenanceWindow> resource;
};

// All the changes of one platformd transaction, committed as `revision`.
struct RegionChangeBatch
{
    qint64 revision = 0;
    QDateTime commitTime;
    QList<RegionEvent> events;
};

// A complete, consistent listing taken at `revision` (used at start and after OUT_OF_RANGE).
struct RegionSnapshot
{
    qint64 revision = 0;
    QList<Region> regions;
    QList<Component> components;
    QList<EdgeNode> edgeNodes;
    QList<Failover> failovers; // with RegionClient::setIncludeOperations
    QList<MaintenanceWindow> maintenanceWindows;
};

QString healthStatusText(HealthStatus status);     // translated, e.g. "Degraded"
QString cloudProviderText(CloudProvider provider); // "AWS", "GCP", "Azure"
QString componentKindText(ComponentKind kind);     // translated, e.g. "Model serving"

} // namespace ops

Q_DECLARE_METATYPE(ops::RegionSnapshot)
Q_DECLARE_METATYPE(ops::RegionChangeBatch)
