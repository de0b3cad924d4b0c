// The registry's reads of single versions, models, deployments and approval requests: from the
// in-memory copy, filtered, ordered and paged by core/listing (the versions' indexed reads are in
// registryquery.cpp).
#include "core/listing.h"
#include "registry/private/registrynames.h"
#include "registry/registrystore.h"

namespace platformd::registry {

using core::invalid;
using grpc::StatusCode;

namespace {

constexpr core::PageLimits kModelPages{100, 1000};
constexpr core::PageLimits kOtherPages{100, 1000};

Status notFound(const std::string &what)
{
    return Status(StatusCode::NOT_FOUND, what + " not found");
}

} // namespace

Status RegistryStore::getVersion(const std::string &name, pb::ModelVersion *out)
{
    std::string id;
    std::int64_t number = 0;
    if (!names::parseVersion(name, &id, &number))
        return invalid("name: \"" + name +
                       "\" is not a version name (models/{model}/versions/{number})");
    std::shared_lock lock(m_mutex);
    const auto it = m_versionByName.find(name);
    if (it == m_versionByName.end())
        return notFound("version " + name);
    *out = *m_versions[it->second];
    return Status::OK;
}

Status RegistryStore::getModel(const std::string &name, pb::Model *out)
{
    std::string id;
    if (!names::parseModel(name, &id))
        return invalid("name: \"" + name + "\" is not a model name (models/{model})");
    std::shared_lock lock(m_mutex);
    const auto it = m_models.find(id);
    if (it == m_models.end())
        return notFound("model " + name);
    *out = it->second.model;
    return Status::OK;
}

Status RegistryStore::listModels(const pb::ListModelsRequest &request,
                                 pb::ListModelsResponse *response)
{
    std::vector<pb::Model> models;
    {
        std::shared_lock lock(m_mutex);
        response->set_revision(m_revision);
        models.reserve(m_models.size());
        for (const auto &[id, rec] : m_models)
            models.push_back(rec.model);
    }
    std::int32_t total = 0;
    const Status status = core::listPage(
        std::move(models), {}, request.filter(), request.order_by(), request.page_size(),
        request.page_token(), kModelPages,
        [&](pb::Model &&m) { *response->add_models() = std::move(m); },
        response->mutable_next_page_token(), &total);
    response->set_total_size(total);
    return status;
}

Status RegistryStore::listDeployments(const pb::ListDeploymentsRequest &request,
                                      pb::ListDeploymentsResponse *response)
{
    std::string modelId;
    if (!names::parseModelParent(request.parent(), &modelId))
        return invalid("parent: \"" + request.parent() + "\" is not models/{model} or models/-");
    std::vector<pb::Deployment> items;
    {
        std::shared_lock lock(m_mutex);
        if (!modelId.empty() && !m_models.count(modelId))
            return notFound("model " + request.parent());
        response->set_revision(m_revision);
        for (const auto &[name, d] : m_deployments)
            if (modelId.empty() || d.model() == request.parent())
                items.push_back(d);
    }
    std::int32_t total = 0;
    const Status status = core::listPage(
        std::move(items), request.parent(), request.filter(), request.order_by(),
        request.page_size(), request.page_token(), kOtherPages,
        [&](pb::Deployment &&d) { *response->add_deployments() = std::move(d); },
        response->mutable_next_page_token(), &total);
    response->set_total_size(total);
    return status;
}

Status RegistryStore::listApprovals(const pb::ListApprovalRequestsRequest &request,
                                    pb::ListApprovalRequestsResponse *response)
{
    std::string modelId;
    if (!names::parseModelParent(request.parent(), &modelId))
        return invalid("parent: \"" + request.parent() + "\" is not models/{model} or models/-");
    std::vector<pb::ApprovalRequest> items;
    {
        std::shared_lock lock(m_mutex);
        if (!modelId.empty() && !m_models.count(modelId))
            return notFound("model " + request.parent());
        response->set_revision(m_revision);
        for (const auto &[name, a] : m_approvals)
            if (modelId.empty() || a.model() == request.parent())
                items.push_back(a);
    }
    std::int32_t total = 0;
    const Status status = core::listPage(
        std::move(items), request.parent(), request.filter(),
        request.order_by().empty() ? std::string("create_time desc") : request.order_by(),
        request.page_size(), request.page_token(), kOtherPages,
        [&](pb::ApprovalRequest &&a) { *response->add_approval_requests() = std::move(a); },
        response->mutable_next_page_token(), &total);
    response->set_total_size(total);
    return status;
}

} // namespace platformd::registry
