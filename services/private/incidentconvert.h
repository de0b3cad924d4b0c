#pragma once

// Private to services/: IncidentService messages <-> the console's incident value types.

#include "models/incident.h"
#include "stubchannel_p.h"

#include "ops/platform/v1/incidents.grpc.pb.h"
#include "ops/platform/v1/incidents.pb.h"

#include <grpcpp/support/status.h>

namespace ops {

using IncidentChannel = StubChannel<::ops::platform::v1::IncidentService>;

namespace convert {

namespace pb = ::ops::platform::v1;

IncidentSeverity toIncidentSeverity(pb::IncidentSeverity severity);
pb::IncidentSeverity toPbSeverity(IncidentSeverity severity);
IncidentState toIncidentState(pb::IncidentState state);

IncidentAlert toIncidentAlert(const pb::Alert &alert);
Incident toIncident(const pb::Incident &incident);
void toPbIncident(const Incident &incident, pb::Incident *out); // the fields a client may set
Postmortem toPostmortem(const pb::Postmortem &postmortem);
void toPbPostmortem(const Postmortem &postmortem, pb::Postmortem *out);
Silence toSilence(const pb::Silence &silence);
void toPbSilence(const Silence &silence, pb::Silence *out);
AlertmanagerInfo toAlertmanager(const pb::Alertmanager &alertmanager);
Runbook toRunbook(const pb::Runbook &runbook);
IncidentChangeBatch toIncidentChangeBatch(const pb::IncidentChangeBatch &batch);
IncidentAnalytics toIncidentAnalytics(const pb::IncidentAnalytics &analytics);

// A failed status as an incident call's error: code, platformd's message, and `what` failed in
// words ("Could not acknowledge incidents/7: …").
IncidentError toIncidentError(const grpc::Status &status, const QString &what);

} // namespace convert
} // namespace ops
