#include "convert.h"

#include <QCoreApplication>

namespace ops::convert {

QDateTime toDateTime(const google::protobuf::Timestamp &timestamp)
{
    if (timestamp.seconds() == 0 && timestamp.nanos() == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(timestamp.seconds() * 1000 + timestamp.nanos() / 1000000,
                                          Qt::UTC);
}

void toTimestamp(const QDateTime &time, google::protobuf::Timestamp *out)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    out->set_seconds(ms / 1000);
    out->set_nanos(int(ms % 1000) * 1000000);
}

HealthStatus toHealthStatus(pb::HealthStatus status)
{
    switch (status) {
    case pb::HEALTHY:
        return HealthStatus::Healthy;
    case pb::DEGRADED:
        return HealthStatus::Degraded;
    case pb::DOWN:
        return HealthStatus::Down;
    case pb::MAINTENANCE:
        return HealthStatus::Maintenance;
    default:
        return HealthStatus::Unknown;
    }
}

CloudProvider toCloudProvider(pb::CloudProvider provider)
{
    switch (provider) {
    case pb::AWS:
        return CloudProvider::Aws;
    case pb::GCP:
        return CloudProvider::Gcp;
    case pb::AZURE:
        return CloudProvider::Azure;
    default:
        return CloudProvider::Unknown;
    }
}

ComponentKind toComponentKind(pb::ComponentKind kind)
{
    switch (kind) {
    case pb::API_GATEWAY:
        return ComponentKind::ApiGateway;
    case pb::MODEL_SERVING:
        return ComponentKind::ModelServing;
    case pb::KAFKA:
        return ComponentKind::Kafka;
    case pb::SPARK:
        return ComponentKind::Spark;
    case pb::AIRFLOW:
        return ComponentKind::Airflow;
    case pb::FLINK:
        return ComponentKind::Flink;
    case pb::KUBERNETES:
        return ComponentKind::Kubernetes;
    case pb::CDN:
        return ComponentKind::Cdn;
    default:
        return ComponentKind::Unknown;
    }
}

HealthSample toHealthSample(const pb::HealthSample &s)
{
    HealthSample h;
    h.latencyP50Ms = s.latency_p50_ms();
    h.latencyP95Ms = s.latency_p95_ms();
    h.latencyP99Ms = s.latency_p99_ms();
    h.errorRate = s.error_rate();
    h.throughputRps = s.throughput_rps();
    h.availability = s.availability();
    h.sampleTime = toDateTime(s.sample_time());
    return h;
}

Region toRegion(const pb::Region &r)
{
    Region region;
    region.name = str(r.name());
    region.displayName = str(r.display_name());
    region.provider = toCloudProvider(r.provider());
    region.geography = str(r.geography());
    region.primary = r.primary();
    region.latitude = r.latitude();
    region.longitude = r.longitude();
    region.utcOffsetMinutes = r.utc_offset_minutes();
    region.status = toHealthStatus(r.status());
    region.health = toHealthSample(r.health());
    region.sloAvailability = r.slo_availability();
    region.failoverTarget = str(r.failover_target());
    region.statusMessage = str(r.status_message());
    region.revision = r.revision();
    region.updateTime = toDateTime(r.update_time());
    region.edgeNodeCount = r.edge_node_count();
    region.healthEndpoint = str(r.health_endpoint());
    region.healthService = str(r.health_service());
    return region;
}

Component toComponent(const pb::Component &c)
{
    Component component;
    component.name = str(c.name());
    component.kind = toComponentKind(c.kind());
    component.displayName = str(c.display_name());
    component.provider = toCloudProvider(c.provider());
    component.version = str(c.version());
    component.status = toHealthStatus(c.status());
    component.health = toHealthSample(c.health());
    component.statusMessage = str(c.status_message());
    component.revision = c.revision();
    component.updateTime = toDateTime(c.update_time());
    return component;
}

EdgeNode toEdgeNode(const pb::EdgeNode &n)
{
    EdgeNode node;
    node.name = str(n.name());
    node.city = str(n.city());
    node.countryCode = str(n.country_code());
    node.latitude = n.latitude();
    node.longitude = n.longitude();
    node.provider = toCloudProvider(n.provider());
    node.status = toHealthStatus(n.status());
    node.health = toHealthSample(n.health());
    node.revision = n.revision();
    node.updateTime = toDateTime(n.update_time());
    return node;
}

Failover toFailover(const pb::Failover &f)
{
    Failover failover;
    failover.name = str(f.name());
    failover.sourceRegion = str(f.source_region());
    failover.targetRegion = str(f.target_region());
    switch (f.state()) {
    case pb::Failover::ACTIVE:
        failover.state = Failover::State::Active;
        break;
    case pb::Failover::COMPLETED:
        failover.state = Failover::State::Completed;
        break;
    default:
        failover.state = Failover::State::Unknown;
        break;
    }
    failover.reason = str(f.reason());
    failover.trafficFraction = f.traffic_fraction();
    failover.startTime = toDateTime(f.start_time());
    failover.endTime = toDateTime(f.end_time());
    failover.revision = f.revision();
    failover.updateTime = toDateTime(f.update_time());
    return failover;
}

MaintenanceWindow toMaintenanceWindow(const pb::MaintenanceWindow &w)
{
    MaintenanceWindow window;
    window.name = str(w.name());
    window.title = str(w.title());
    window.description = str(w.description());
    window.components.reserve(w.components_size());
    for (const std::string &component : w.components())
        window.components << str(component);
    switch (w.state()) {
    case pb::MaintenanceWindow::SCHEDULED:
        window.state = MaintenanceWindow::State::Scheduled;
        break;
    case pb::MaintenanceWindow::IN_PROGRESS:
        window.state = MaintenanceWindow::State::InProgress;
        break;
    case pb::MaintenanceWindow::COMPLETED:
        window.state = MaintenanceWindow::State::Completed;
        break;
    case pb::MaintenanceWindow::CANCELLED:
        window.state = MaintenanceWindow::State::Cancelled;
        break;
    default:
        window.state = MaintenanceWindow::State::Unknown;
        break;
    }
    window.startTime = toDateTime(w.start_time());
    window.endTime = toDateTime(w.end_time());
    window.revision = w.revision();
    window.updateTime = toDateTime(w.update_time());
    return window;
}

RegionChangeBatch toChangeBatch(const pb::RegionChangeBatch &b)
{
    RegionChangeBatch batch;
    batch.revision = b.revision();
    batch.commitTime = toDateTime(b.commit_time());
    batch.events.reserve(b.events_size());
    for (const pb::RegionEvent &e : b.events()) {
        RegionEvent &event = batch.events.emplace_back();
        event.type = e.type() == pb::CHANGE_TYPE_DELETE ? RegionEvent::Type::Delete
                                                        : RegionEvent::Type::Upsert;
        switch (e.resource_case()) {
        case pb::RegionEvent::kRegion:
            event.resource = toRegion(e.region());
            event.name = e.name().empty() ? std::get<Region>(event.resource).name : str(e.name());
            break;
        case pb::RegionEvent::kComponent:
            event.resource = toComponent(e.component());
            event.name =
                e.name().empty() ? std::get<Component>(event.resource).name : str(e.name());
            break;
        case pb::RegionEvent::kEdgeNode:
            event.resource = toEdgeNode(e.edge_node());
            event.name = e.name().empty() ? std::get<EdgeNode>(event.resource).name : str(e.name());
            break;
        case pb::RegionEvent::kFailover:
            event.resource = toFailover(e.failover());
            event.name = e.name().empty() ? std::get<Failover>(event.resource).name : str(e.name());
            break;
        case pb::RegionEvent::kMaintenanceWindow:
            event.resource = toMaintenanceWindow(e.maintenance_window());
            event.name =
                e.name().empty() ? std::get<MaintenanceWindow>(event.resource).name : str(e.name());
            break;
        default:
            event.name = str(e.name());
            break;
        }
    }
    return batch;
}

MetricPoint toMetricPoint(const pb::MetricPoint &p)
{
    MetricPoint point;
    point.time = toDateTime(p.time());
    point.latencyP50Ms = p.latency_p50_ms();
    point.latencyP95Ms = p.latency_p95_ms();
    point.latencyP99Ms = p.latency_p99_ms();
    point.errorRate = p.error_rate();
    point.throughputRps = p.throughput_rps();
    point.availability = p.availability();
    return point;
}

QString statusText(const grpc::Status &status)
{
    QString reason;
    switch (status.error_code()) {
    case grpc::StatusCode::OK:
        return {};
    case grpc::StatusCode::UNAVAILABLE:
        reason = QCoreApplication::translate("ops::RpcStatus", "platformd is not reachable");
        break;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        reason = QCoreApplication::translate("ops::RpcStatus", "platformd did not answer in time");
        break;
    case grpc::StatusCode::CANCELLED:
        reason = QCoreApplication::translate("ops::RpcStatus", "the request was cancelled");
        break;
    case grpc::StatusCode::UNAUTHENTICATED:
        reason = QCoreApplication::translate("ops::RpcStatus", "you are not signed in");
        break;
    case grpc::StatusCode::PERMISSION_DENIED:
        reason = QCoreApplication::translate("ops::RpcStatus", "you lack the permission");
        break;
    case grpc::StatusCode::NOT_FOUND:
        reason = QCoreApplication::translate("ops::RpcStatus", "it does not exist");
        break;
    case grpc::StatusCode::INVALID_ARGUMENT:
        reason = QCoreApplication::translate("ops::RpcStatus", "the request was invalid");
        break;
    case grpc::StatusCode::UNIMPLEMENTED:
        reason =
            QCoreApplication::translate("ops::RpcStatus", "this platformd does not support it");
        break;
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
        reason = QCoreApplication::translate("ops::RpcStatus",
                                             "platformd is overloaded or the answer is too large");
        break;
    default:
        reason =
            QCoreApplication::translate("ops::RpcStatus", "platformd reported an error (code %1)")
                .arg(int(status.error_code()));
        break;
    }
    if (status.error_message().empty())
        return reason;
    return QCoreApplication::translate("ops::RpcStatus", "%1: %2")
        .arg(reason, str(status.error_message()));
}

QString toAuditTimeText(const google::protobuf::Timestamp &timestamp)
{
    const QDateTime seconds = QDateTime::fromSecsSinceEpoch(timestamp.seconds(), Qt::UTC);
    return seconds.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('.') +
           QStringLiteral("%1").arg(timestamp.nanos() / 1000, 6, 10, QLatin1Char('0')) +
           QLatin1Char('Z');
}

AuditEvent toAuditEvent(const pb::AuditEvent &e)
{
    AuditEvent event;
    event.seq = e.seq();
    event.timeText = toAuditTimeText(e.time());
    event.time = toDateTime(e.time());
    event.actor = str(e.actor());
    event.role = str(e.role());
    event.action = str(e.action());
    event.resource = str(e.resource());
    event.requestSummary = str(e.request_summary());
    event.result = str(e.result());
    event.resultMessage = str(e.result_message());
    event.peer = str(e.peer());
    event.prevHash = str(e.prev_hash());
    event.entryHash = str(e.entry_hash());
    return event;
}

Identity toIdentity(const pb::WhoAmIResponse &r)
{
    Identity identity;
    identity.user = str(r.user());
    identity.displayName = str(r.display_name());
    for (const std::string &role : r.roles())
        identity.roles << str(role);
    for (const std::string &permission : r.permissions())
        identity.permissions << str(permission);
    identity.serverVersion = str(r.server_version());
    identity.token = str(r.token());
    if (r.has_token_expire_time())
        identity.tokenExpireTime = toDateTime(r.token_expire_time());
    return identity;
}

bool isRefusal(grpc::StatusCode code)
{
    return code == grpc::StatusCode::UNAUTHENTICATED || code == grpc::StatusCode::PERMISSION_DENIED;
}

QString refusalText(const grpc::Status &status)
{
    const QString message = str(status.error_message());
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED)
        return QCoreApplication::translate("ops::RpcStatus",
                                           "The token was refused: %1. Enter a valid token in "
                                           "File → Connect… and connect again.")
            .arg(message.isEmpty()
                     ? QCoreApplication::translate("ops::RpcStatus", "no reason given")
                     : message);
    return QCoreApplication::translate("ops::RpcStatus", "Permission denied: %1")
        .arg(message.isEmpty() ? QCoreApplication::translate("ops::RpcStatus", "no reason given")
                               : message);
}

} // namespace ops::convert
