#pragma once

// Private to services/: wire messages -> the console's value types (models/region.h).

#include "models/region.h"
#include "services/regionclient.h"

#include "models/auditevent.h"
#include "models/identity.h"

#include "ops/platform/v1/audit.pb.h"
#include "ops/platform/v1/identity.pb.h"
#include "ops/platform/v1/regions.pb.h"

#include <grpcpp/support/status.h>

#include <QDateTime>

namespace ops::convert {

namespace pb = ::ops::platform::v1;

QDateTime toDateTime(const google::protobuf::Timestamp &timestamp); // UTC; invalid when unset
void toTimestamp(const QDateTime &time, google::protobuf::Timestamp *out);

HealthStatus toHealthStatus(pb::HealthStatus status);
CloudProvider toCloudProvider(pb::CloudProvider provider);
ComponentKind toComponentKind(pb::ComponentKind kind);

HealthSample toHealthSample(const pb::HealthSample &sample);
Region toRegion(const pb::Region &region);
Component toComponent(const pb::Component &component);
EdgeNode toEdgeNode(const pb::EdgeNode &node);
Failover toFailover(const pb::Failover &failover);
MaintenanceWindow toMaintenanceWindow(const pb::MaintenanceWindow &window);
RegionChangeBatch toChangeBatch(const pb::RegionChangeBatch &batch);
MetricPoint toMetricPoint(const pb::MetricPoint &point);

// RFC 3339 UTC with exactly six fractional digits, the form the audit chain hashes.
QString toAuditTimeText(const google::protobuf::Timestamp &timestamp);
AuditEvent toAuditEvent(const pb::AuditEvent &event);
Identity toIdentity(const pb::WhoAmIResponse &response);

// A protobuf string (UTF-8) as a QString.
inline QString str(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// What went wrong, for a user: the reason in words plus the server's message. Translated.
QString statusText(const grpc::Status &status);

// A client's error (code, platformd's message, and the user's text "what: reason") from status;
// a default Error (no error) for OK. Error: CostError, IncidentError, ComplianceError, ….
template<typename Error>
Error toClientError(const grpc::Status &status, const QString &what)
{
    Error error;
    if (status.ok())
        return error;
    error.code = int(status.error_code());
    error.message = str(status.error_message());
    error.text = what.isEmpty() ? statusText(status)
                                : QStringLiteral("%1: %2").arg(what, statusText(status));
    return error;
}

// UNAUTHENTICATED or PERMISSION_DENIED: retrying with the same token cannot help.
bool isRefusal(grpc::StatusCode code);
// "The token was refused: …" / "Permission denied: …", for a refusal. Translated.
QString refusalText(const grpc::Status &status);

} // namespace ops::convert
