#pragma once

#include "registry/private/registrynames.h"
#include "registry/registrystore.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace platformd::registry {

// One registry transaction being staged by the writer (which holds the registry's writer lock, so
// the committed maps it reads cannot change underneath it). Lookups see staged copies first.
class Tx
{
public:
    Tx(RegistryStore &registry, std::int64_t revision, std::int64_t nowMs)
        : reg(registry)
        , revision(revision)
        , nowMs(nowMs)
    {}

    RegistryStore &reg;
    std::int64_t revision;
    std::int64_t nowMs;
    std::map<std::string, pb::Model> models;           // by id
    std::map<std::string, pb::ModelVersion> versions;  // by name
    std::vector<std::string> newVersions;              // names, in creation order
    std::map<std::string, pb::Deployment> deployments; // by name
    std::set<std::string> deletedDeployments;
    std::map<std::string, pb::ApprovalRequest> approvals; // by name
    std::set<std::string> touchedModels;                  // derived fields to refresh
    ModelBatchPtr batch;                                  // built by persist

    bool empty() const
    {
        return models.empty() && versions.empty() && deployments.empty() &&
               deletedDeployments.empty() && approvals.empty() && touchedModels.empty();
    }

    const pb::Model *model(const std::string &id) const
    {
        if (auto it = models.find(id); it != models.end())
            return &it->second;
        auto it = reg.m_models.find(id);
        return it == reg.m_models.end() ? nullptr : &it->second.model;
    }
    pb::Model &stageModel(const std::string &id)
    {
        auto it = models.find(id);
        if (it == models.end())
            it = models.emplace(id, *model(id)).first;
        return it->second;
    }
    // Versions of the model: committed plus staged new ones.
    std::int64_t versionCount(const std::string &id) const
    {
        std::int64_t n = 0;
        if (auto it = reg.m_models.find(id); it != reg.m_models.end())
            n = std::int64_t(it->second.versions.size());
        const std::string prefix = names::model(id) + "/";
        for (const std::string &name : newVersions)
            n += name.starts_with(prefix);
        return n;
    }
    const pb::ModelVersion *version(const std::string &name) const
    {
        if (auto it = versions.find(name); it != versions.end())
            return &it->second;
        auto it = reg.m_versionByName.find(name);
        return it == reg.m_versionByName.end() ? nullptr : reg.m_versions[it->second].get();
    }
    const pb::ModelVersion *version(const std::string &id, std::int64_t number) const
    {
        return version(names::version(id, number));
    }
    pb::ModelVersion &stageVersion(const std::string &name)
    {
        auto it = versions.find(name);
        if (it == versions.end())
            it = versions.emplace(name, *version(name)).first;
        return it->second;
    }
    const pb::Deployment *deployment(const std::string &name) const
    {
        if (deletedDeployments.count(name))
            return nullptr;
        if (auto it = deployments.find(name); it != deployments.end())
            return &it->second;
        auto it = reg.m_deployments.find(name);
        return it == reg.m_deployments.end() ? nullptr : &it->second;
    }
    pb::Deployment &stageDeployment(const std::string &name)
    {
        auto it = deployments.find(name);
        if (it == deployments.end())
            it = deployments.emplace(name, *deployment(name)).first;
        return it->second;
    }
    const pb::ApprovalRequest *approval(const std::string &name) const
    {
        if (auto it = approvals.find(name); it != approvals.end())
            return &it->second;
        auto it = reg.m_approvals.find(name);
        return it == reg.m_approvals.end() ? nullptr : &it->second;
    }
    pb::ApprovalRequest &stageApproval(const std::string &name)
    {
        auto it = approvals.find(name);
        if (it == approvals.end())
            it = approvals.emplace(name, *approval(name)).first;
        return it->second;
    }
};

} // namespace platformd::registry
