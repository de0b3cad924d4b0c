#pragma once

// Private to services/: ModelRegistryService messages <-> the console's registry value types.

#include "models/modelregistry.h"

#include "ops/platform/v1/models.pb.h"

#include <grpcpp/support/status.h>

namespace ops::convert {

namespace pb = ::ops::platform::v1;

ModelTask toModelTask(pb::ModelTask task);
ModelStage toModelStage(pb::ModelStage stage);
pb::ModelStage toPbStage(ModelStage stage);

ModelInfo toModelInfo(const pb::Model &model);
// `light` leaves out what a table of many versions never shows (model card, description,
// parameters): the detail panel asks for those per version.
ModelVersionInfo toModelVersionInfo(const pb::ModelVersion &version, bool light = false);
ServingMetrics toServingMetrics(const pb::ServingMetrics &metrics);
DeploymentVariant toVariant(const pb::DeploymentVariant &variant);
void toPbVariant(const DeploymentVariant &variant, pb::DeploymentVariant *out);
Deployment toDeployment(const pb::Deployment &deployment);
ApprovalRequest toApprovalRequest(const pb::ApprovalRequest &request);
RegistryChangeBatch toRegistryChangeBatch(const pb::ModelChangeBatch &batch);

// A failed status as the registry's error: code, platformd's message, the position a filter error
// names, and `what` failed in words ("Could not approve the request: …").
RegistryError toRegistryError(const grpc::Status &status, const QString &what);

} // namespace ops::convert
