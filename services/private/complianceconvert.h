#pragma once

// Private to services/: ComplianceService messages <-> the console's compliance value types
// (models/compliance.h).

#include "models/compliance.h"
#include "stubchannel_p.h"

#include "ops/platform/v1/compliance.grpc.pb.h"
#include "ops/platform/v1/compliance.pb.h"

#include <grpcpp/support/status.h>

namespace ops {

using ComplianceChannel = StubChannel<::ops::platform::v1::ComplianceService>;

namespace convert {

namespace pb = ::ops::platform::v1;

Framework toFramework(const pb::Framework &framework);
Control toControl(const pb::Control &control);
ControlDetail toControlDetail(const pb::ControlDetail &detail);
Check toCheck(const pb::Check &check);
CheckRun toCheckRun(const pb::CheckRun &run);
RunChecksResult toRunChecksResult(const pb::RunChecksResponse &response);
Finding toFinding(const pb::Finding &finding);
Evidence toEvidence(const pb::Evidence &evidence);
void toPbEvidence(const Evidence &evidence, pb::Evidence *out); // the fields a client may set
PrivacyRequest toPrivacyRequest(const pb::PrivacyRequest &request);
RetentionPolicy toRetentionPolicy(const pb::RetentionPolicy &policy);
void toPbControlUpdate(const ControlUpdate &update, pb::UpdateControlRequest *out);
void toPbNewPrivacyRequest(const NewPrivacyRequest &request, pb::CreatePrivacyRequestRequest *out);
RetentionResult toRetentionResult(const pb::ApplyRetentionResponse &response);
OscalCatalog toOscalCatalog(const pb::OscalCatalog &catalog);
FailoverDrill toFailoverDrill(const pb::FailoverDrill &drill);

// A failed status as a compliance call's error: code, platformd's message, and `what` failed in
// words.
ComplianceError toComplianceError(const grpc::Status &status, const QString &what);

} // namespace convert
} // namespace ops
