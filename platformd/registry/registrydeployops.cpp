// The registry's deployment writes and their rules (docs/API.md, ModelRegistryService): create,
// traffic changes, rollback and delete, each validated under the registry's writer lock and
// committed with its audit row.
#include "regions/world.h"
#include "registry/private/registryrules.h"
#include "registry/private/registrytx.h"

#include <google/protobuf/util/time_util.h>

#include <map>
#include <set>

namespace platformd::registry {

using google::protobuf::util::TimeUtil;
using namespace rules;

namespace {

bool isRegion(const std::string &name)
{
    if (!name.starts_with("regions/"))
        return false;
    for (const regions::RegionInfo &r : regions::demoRegions())
        if (name.substr(8) == r.id)
            return true;
    return false;
}

Status checkVariants(const Tx &tx, const std::string &modelId,
                     const google::protobuf::RepeatedPtrField<pb::DeploymentVariant> &variants,
                     const std::string &field)
{
    if (variants.empty())
        return invalid(field + ": at least one variant is required");
    if (variants.size() > 10)
        return invalid(field + ": at most 10 variants");
    int sum = 0;
    std::set<std::int64_t> seen;
    for (int i = 0; i < variants.size(); ++i) {
        const pb::DeploymentVariant &v = variants[i];
        const std::string f = field + "[" + std::to_string(i) + "]";
        if (v.traffic_percent() < 0 || v.traffic_percent() > 100)
            return invalid(f + ".traffic_percent: " + std::to_string(v.traffic_percent()) +
                           " is outside 0..100");
        const pb::ModelVersion *version =
            v.version() > 0 ? tx.version(modelId, v.version()) : nullptr;
        if (!version)
            return invalid(f + ".version: version " + std::to_string(v.version()) + " of models/" +
                           modelId + " does not exist");
        if (version->status() != pb::ModelVersion::READY)
            return invalid(f + ".version: version " + std::to_string(v.version()) +
                           " is not READY and cannot serve");
        if (!seen.insert(v.version()).second)
            return invalid(f + ".version: version " + std::to_string(v.version()) +
                           " appears twice");
        sum += v.traffic_percent();
    }
    if (sum != 100)
        return invalid(field + ": traffic_percent must sum to exactly 100 across variants, got " +
                       std::to_string(sum));
    return Status::OK;
}

// Variants as given (version, traffic), metrics carried over from the deployment's current ones.
void setVariants(pb::Deployment *d,
                 const google::protobuf::RepeatedPtrField<pb::DeploymentVariant> &variants)
{
    std::map<std::int64_t, pb::ServingMetrics> metrics;
    for (const pb::DeploymentVariant &v : d->variants())
        metrics[v.version()] = v.metrics();
    d->clear_variants();
    for (const pb::DeploymentVariant &v : variants) {
        pb::DeploymentVariant *out = d->add_variants();
        out->set_version(v.version());
        out->set_traffic_percent(v.traffic_percent());
        if (auto it = metrics.find(v.version()); it != metrics.end())
            *out->mutable_metrics() = it->second;
    }
}

pb::Deployment::RolloutState stateFor(const pb::Deployment &d)
{
    int serving = 0;
    for (const pb::DeploymentVariant &v : d.variants())
        serving += v.traffic_percent() > 0;
    return serving > 1 ? pb::Deployment::ROLLING_OUT : pb::Deployment::LIVE;
}

} // namespace

Status RegistryStore::createDeployment(const Caller &c, const pb::CreateDeploymentRequest &r,
                                       pb::Deployment *out)
{
    std::string id;
    const bool named = names::parseModel(r.parent(), &id);
    const std::string name = r.parent() + "/deployments/" + r.deployment_id();
    const pb::Deployment &in = r.deployment();
    return mutate(
        &c, named && names::isValidId(r.deployment_id()) ? name : "",
        "region=" + in.region().substr(0, 64) + " variants=" + std::to_string(in.variants_size()),
        [&](Tx &tx) {
            if (!named)
                return invalid("parent: \"" + r.parent() +
                               "\" is not a model name (models/{model})");
            if (!names::isValidId(r.deployment_id()))
                return invalid("deployment_id: \"" + r.deployment_id().substr(0, 64) +
                               "\" is not a valid id ([a-z][a-z0-9-]{0,62})");
            if (!isRegion(in.region()))
                return invalid("deployment.region: \"" + in.region().substr(0, 64) +
                               "\" is not a region (regions/{region})");
            if (Status s = checkText(in.endpoint(), kMaxText, "deployment.endpoint"); !s.ok())
                return s;
            if (!in.endpoint().empty() && !in.endpoint().starts_with("https://"))
                return invalid("deployment.endpoint: must be an https:// URL");
            if (!tx.model(id))
                return notFound("model " + r.parent());
            if (Status s = checkVariants(tx, id, in.variants(), "deployment.variants"); !s.ok())
                return s;
            if (tx.deployment(name))
                return Status(StatusCode::ALREADY_EXISTS, "deployment " + name + " already exists");
            pb::Deployment &d = tx.deployments[name];
            d.set_name(name);
            d.set_model(r.parent());
            d.set_region(in.region());
            d.set_endpoint(in.endpoint().empty()
                               ? "https://" + in.region().substr(8) + ".serve.example/" + id
                               : in.endpoint());
            setVariants(&d, in.variants());
            d.set_rollout_state(stateFor(d));
            d.set_created_by(c.actor);
            *d.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(tx.nowMs);
            tx.touchedModels.insert(id);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.deployments.at(name); });
}

Status RegistryStore::updateTraffic(const Caller &c, const pb::UpdateTrafficRequest &r,
                                    pb::Deployment *out)
{
    std::string id, child;
    const bool named = names::parseChild(r.name(), "deployments", &id, &child);
    std::string summary;
    for (const pb::DeploymentVariant &v : r.variants()) {
        if (!summary.empty())
            summary += ',';
        summary += std::to_string(v.version());
        summary += ':';
        summary += std::to_string(v.traffic_percent());
    }
    return mutate(
        &c, named ? r.name() : "", "variants=" + summary.substr(0, 200),
        [&](Tx &tx) {
            if (!named)
                return invalid("name: \"" + r.name() +
                               "\" is not a deployment name (models/{model}/deployments/{id})");
            if (!tx.deployment(r.name()))
                return notFound("deployment " + r.name());
            if (Status s = checkVariants(tx, id, r.variants(), "variants"); !s.ok())
                return s;
            pb::Deployment &d = tx.stageDeployment(r.name());
            *d.mutable_previous_variants() = d.variants();
            setVariants(&d, r.variants());
            d.set_rollout_state(stateFor(d));
            tx.touchedModels.insert(id);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.deployments.at(r.name()); });
}

Status RegistryStore::rollback(const Caller &c, const pb::RollbackDeploymentRequest &r,
                               pb::Deployment *out)
{
    std::string id, child;
    const bool named = names::parseChild(r.name(), "deployments", &id, &child);
    return mutate(
        &c, named ? r.name() : "", "rollback",
        [&](Tx &tx) {
            if (!named)
                return invalid("name: \"" + r.name() +
                               "\" is not a deployment name (models/{model}/deployments/{id})");
            const pb::Deployment *current = tx.deployment(r.name());
            if (!current)
                return notFound("deployment " + r.name());
            if (current->previous_variants().empty())
                return precondition("deployment " + r.name() +
                                    " has no previous variants to roll back to");
            pb::Deployment &d = tx.stageDeployment(r.name());
            auto previous = d.previous_variants();
            *d.mutable_previous_variants() = d.variants();
            *d.mutable_variants() = previous;
            d.set_rollout_state(pb::Deployment::ROLLED_BACK);
            tx.touchedModels.insert(id);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.deployments.at(r.name()); });
}

Status RegistryStore::deleteDeployment(const Caller &c, const pb::DeleteDeploymentRequest &r,
                                       pb::Deployment *out)
{
    std::string id, child;
    const bool named = names::parseChild(r.name(), "deployments", &id, &child);
    pb::Deployment deleted;
    return mutate(
        &c, named ? r.name() : "", "delete",
        [&](Tx &tx) {
            if (!named)
                return invalid("name: \"" + r.name() +
                               "\" is not a deployment name (models/{model}/deployments/{id})");
            const pb::Deployment *d = tx.deployment(r.name());
            if (!d)
                return notFound("deployment " + r.name());
            deleted = *d;
            tx.deletedDeployments.insert(r.name());
            tx.touchedModels.insert(id);
            return Status::OK;
        },
        [&](const Tx &) { *out = deleted; });
}

} // namespace platformd::registry
