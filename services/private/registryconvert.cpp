#include "registryconvert.h"

#include "convert.h"

namespace ops::convert {

namespace {

QStringList strings(const google::protobuf::RepeatedPtrField<std::string> &list)
{
    QStringList out;
    out.reserve(list.size());
    for (const std::string &s : list)
        out.append(str(s));
    return out;
}

} // namespace

ModelTask toModelTask(pb::ModelTask task)
{
    return task >= pb::MODEL_TASK_UNSPECIFIED && task <= pb::GENERATIVE ? ModelTask(int(task))
                                                                        : ModelTask::Unspecified;
}

ModelStage toModelStage(pb::ModelStage stage)
{
    switch (stage) {
    case pb::STAGING:
        return ModelStage::Staging;
    case pb::PRODUCTION:
        return ModelStage::Production;
    case pb::ARCHIVED:
        return ModelStage::Archived;
    default:
        return ModelStage::None;
    }
}

pb::ModelStage toPbStage(ModelStage stage)
{
    switch (stage) {
    case ModelStage::Staging:
        return pb::STAGING;
    case ModelStage::Production:
        return pb::PRODUCTION;
    case ModelStage::Archived:
        return pb::ARCHIVED;
    case ModelStage::None:
        break;
    }
    return pb::MODEL_STAGE_UNSPECIFIED;
}

ModelInfo toModelInfo(const pb::Model &m)
{
    ModelInfo out;
    out.name = str(m.name());
    out.displayName = str(m.display_name());
    out.description = str(m.description());
    out.ownerTeam = str(m.owner_team());
    out.task = toModelTask(m.task());
    out.tags = strings(m.tags());
    for (const auto &[alias, version] : m.aliases())
        out.aliases.insert(str(alias), version);
    out.protectedAliases = strings(m.protected_aliases());
    out.latestVersion = m.latest_version();
    out.latestStage = toModelStage(m.latest_stage());
    out.productionVersion = m.production_version();
    out.liveDeployments = m.live_deployments();
    out.versionCount = m.version_count();
    out.createdBy = str(m.created_by());
    out.createTime = toDateTime(m.create_time());
    out.updateTime = toDateTime(m.update_time());
    out.revision = m.revision();
    return out;
}

ModelVersionInfo toModelVersionInfo(const pb::ModelVersion &v, bool light)
{
    ModelVersionInfo out;
    out.name = str(v.name());
    out.model = str(v.model());
    out.version = v.version();
    out.sourceUri = str(v.source_uri());
    out.runId = str(v.run_id());
    out.runLink = str(v.run_link());
    out.dataset = str(v.dataset());
    out.datasetHash = str(v.dataset_hash());
    out.framework = str(v.framework());
    out.metrics.reserve(qsizetype(v.metrics().size()));
    for (const auto &[key, value] : v.metrics())
        out.metrics.insert(str(key), value);
    out.inputSignature = str(v.input_signature());
    out.createdBy = str(v.created_by());
    out.createTime = toDateTime(v.create_time());
    switch (v.status()) {
    case pb::ModelVersion::PENDING:
        out.status = VersionStatus::Pending;
        break;
    case pb::ModelVersion::READY:
        out.status = VersionStatus::Ready;
        break;
    case pb::ModelVersion::FAILED:
        out.status = VersionStatus::Failed;
        break;
    default:
        break;
    }
    out.statusMessage = str(v.status_message());
    out.stage = toModelStage(v.stage());
    out.tags = strings(v.tags());
    out.aliases = strings(v.aliases());
    out.task = toModelTask(v.task());
    out.updateTime = toDateTime(v.update_time());
    out.revision = v.revision();
    if (!light) {
        out.description = str(v.description());
        out.modelCard = str(v.model_card());
        for (const auto &[key, value] : v.parameters())
            out.parameters.insert(str(key), str(value));
    }
    return out;
}

ServingMetrics toServingMetrics(const pb::ServingMetrics &m)
{
    ServingMetrics out;
    out.requestsPerSecond = m.requests_per_second();
    out.latencyP95Ms = m.latency_p95_ms();
    out.errorRate = m.error_rate();
    out.accuracy = m.accuracy();
    out.driftScore = m.drift_score();
    out.sampleTime = toDateTime(m.sample_time());
    return out;
}

DeploymentVariant toVariant(const pb::DeploymentVariant &v)
{
    DeploymentVariant out;
    out.version = v.version();
    out.trafficPercent = v.traffic_percent();
    out.metrics = toServingMetrics(v.metrics());
    return out;
}

void toPbVariant(const DeploymentVariant &variant, pb::DeploymentVariant *out)
{
    out->set_version(variant.version);
    out->set_traffic_percent(variant.trafficPercent);
}

Deployment toDeployment(const pb::Deployment &d)
{
    Deployment out;
    out.name = str(d.name());
    out.model = str(d.model());
    out.region = str(d.region());
    out.endpoint = str(d.endpoint());
    for (const pb::DeploymentVariant &v : d.variants())
        out.variants.append(toVariant(v));
    switch (d.rollout_state()) {
    case pb::Deployment::ROLLING_OUT:
        out.rolloutState = RolloutState::RollingOut;
        break;
    case pb::Deployment::LIVE:
        out.rolloutState = RolloutState::Live;
        break;
    case pb::Deployment::ROLLED_BACK:
        out.rolloutState = RolloutState::RolledBack;
        break;
    case pb::Deployment::FAILED:
        out.rolloutState = RolloutState::Failed;
        break;
    default:
        break;
    }
    for (const pb::DeploymentVariant &v : d.previous_variants())
        out.previousVariants.append(toVariant(v));
    out.metrics = toServingMetrics(d.metrics());
    out.createdBy = str(d.created_by());
    out.createTime = toDateTime(d.create_time());
    out.updateTime = toDateTime(d.update_time());
    out.revision = d.revision();
    return out;
}

ApprovalRequest toApprovalRequest(const pb::ApprovalRequest &r)
{
    ApprovalRequest out;
    out.name = str(r.name());
    out.model = str(r.model());
    switch (r.action()) {
    case pb::ApprovalRequest::PROMOTE_TO_PRODUCTION:
        out.action = ApprovalAction::PromoteToProduction;
        break;
    case pb::ApprovalRequest::MOVE_PROTECTED_ALIAS:
        out.action = ApprovalAction::MoveProtectedAlias;
        break;
    default:
        break;
    }
    out.version = r.version();
    out.alias = str(r.alias());
    out.requester = str(r.requester());
    out.comment = str(r.comment());
    out.evidenceLinks = strings(r.evidence_links());
    switch (r.state()) {
    case pb::ApprovalRequest::PENDING:
        out.state = ApprovalState::Pending;
        break;
    case pb::ApprovalRequest::APPROVED:
        out.state = ApprovalState::Approved;
        break;
    case pb::ApprovalRequest::REJECTED:
        out.state = ApprovalState::Rejected;
        break;
    case pb::ApprovalRequest::CANCELLED:
        out.state = ApprovalState::Cancelled;
        break;
    default:
        break;
    }
    out.reviewer = str(r.reviewer());
    out.reviewComment = str(r.review_comment());
    out.createTime = toDateTime(r.create_time());
    out.reviewTime = toDateTime(r.review_time());
    out.revision = r.revision();
    return out;
}

RegistryChangeBatch toRegistryChangeBatch(const pb::ModelChangeBatch &batch)
{
    RegistryChangeBatch out;
    out.revision = batch.revision();
    out.commitTime = toDateTime(batch.commit_time());
    for (const pb::ModelEvent &event : batch.events()) {
        if (event.type() == pb::CHANGE_TYPE_DELETE) {
            out.deleted.append(str(event.name()));
            continue;
        }
        switch (event.resource_case()) {
        case pb::ModelEvent::kModel:
            out.models.append(toModelInfo(event.model()));
            break;
        case pb::ModelEvent::kModelVersion:
            out.versions.append(toModelVersionInfo(event.model_version(), true));
            break;
        case pb::ModelEvent::kDeployment:
            out.deployments.append(toDeployment(event.deployment()));
            break;
        case pb::ModelEvent::kApprovalRequest:
            out.approvals.append(toApprovalRequest(event.approval_request()));
            break;
        default:
            break;
        }
    }
    return out;
}

RegistryError toRegistryError(const grpc::Status &status, const QString &what)
{
    RegistryError error = toClientError<RegistryError>(status, what);
    if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT)
        error.position = RegistryError::parsePosition(error.message);
    return error;
}

} // namespace ops::convert
