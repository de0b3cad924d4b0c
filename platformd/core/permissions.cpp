#include "core/permissions.h"

#include <algorithm>

namespace platformd::core {

namespace {

const std::vector<std::string> kRoles = {"viewer", "operator", "compliance_officer", "manager",
                                         "admin"};

// What each role implies (transitively expanded by expandRoles).
const std::map<std::string, std::vector<std::string>> kImplies = {
    {"manager", {"operator"}},
    {"operator", {"viewer"}},
};

// What each role grants by itself, without the roles it implies.
const std::map<std::string, std::vector<std::string>> kGrants = {
    {"viewer", {"identity.self", "regions.read", "models.read"}},
    {"operator", {"incidents.write", "deployments.write", "models.write", "promotions.request"}},
    {"manager", {"promotions.approve", "budgets.write"}},
    {"compliance_officer",
     {"identity.self", "regions.read", "audit.read", "users.read", "models.read"}},
    {"admin",
     {"identity.self", "regions.read", "regions.write", "audit.read", "users.read", "users.write",
      "tokens.write", "models.read", "aliases.protected"}},
};

const std::map<std::string, std::string, std::less<>> kMethods = {
    {"/ops.platform.v1.RegionService/ListRegions", "regions.read"},
    {"/ops.platform.v1.RegionService/GetRegion", "regions.read"},
    {"/ops.platform.v1.RegionService/WatchRegions", "regions.read"},
    {"/ops.platform.v1.RegionService/ListEdgeNodes", "regions.read"},
    {"/ops.platform.v1.RegionService/ListComponents", "regions.read"},
    {"/ops.platform.v1.RegionService/GetRegionMetrics", "regions.read"},
    {"/ops.platform.v1.RegionService/ListFailovers", "regions.read"},
    {"/ops.platform.v1.RegionService/ListMaintenanceWindows", "regions.read"},
    {"/ops.platform.v1.RegionService/UpdateRegion", "regions.write"},
    {"/ops.platform.v1.IdentityService/WhoAmI", "identity.self"},
    {"/ops.platform.v1.IdentityService/ListUsers", "users.read"},
    {"/ops.platform.v1.IdentityService/ListTokens", "users.read"},
    {"/ops.platform.v1.IdentityService/CreateUser", "users.write"},
    {"/ops.platform.v1.IdentityService/UpdateUserRoles", "users.write"},
    {"/ops.platform.v1.IdentityService/CreateToken", "tokens.write"},
    {"/ops.platform.v1.IdentityService/RevokeToken", "tokens.write"},
    {"/ops.platform.v1.AuditService/ListAuditEvents", "audit.read"},
    {"/ops.platform.v1.AuditService/WatchAudit", "audit.read"},
    {"/ops.platform.v1.AuditService/VerifyChain", "audit.read"},
    {"/ops.platform.v1.ModelRegistryService/ListModels", "models.read"},
    {"/ops.platform.v1.ModelRegistryService/GetModel", "models.read"},
    {"/ops.platform.v1.ModelRegistryService/CreateModel", "models.write"},
    {"/ops.platform.v1.ModelRegistryService/UpdateModel", "models.write"},
    {"/ops.platform.v1.ModelRegistryService/ListModelVersions", "models.read"},
    {"/ops.platform.v1.ModelRegistryService/GetModelVersion", "models.read"},
    {"/ops.platform.v1.ModelRegistryService/CreateModelVersion", "models.write"},
    {"/ops.platform.v1.ModelRegistryService/UpdateModelVersion", "models.write"},
    {"/ops.platform.v1.ModelRegistryService/TransitionStage", "models.write"},
    {"/ops.platform.v1.ModelRegistryService/SetAlias", "models.write"},
    {"/ops.platform.v1.ModelRegistryService/DeleteAlias", "models.write"},
    {"/ops.platform.v1.ModelRegistryService/CreateApprovalRequest", "promotions.request"},
    {"/ops.platform.v1.ModelRegistryService/ListApprovalRequests", "models.read"},
    {"/ops.platform.v1.ModelRegistryService/ApproveRequest", "promotions.approve"},
    {"/ops.platform.v1.ModelRegistryService/RejectRequest", "promotions.approve"},
    {"/ops.platform.v1.ModelRegistryService/CancelApprovalRequest", "promotions.request"},
    {"/ops.platform.v1.ModelRegistryService/ListDeployments", "models.read"},
    {"/ops.platform.v1.ModelRegistryService/CreateDeployment", "deployments.write"},
    {"/ops.platform.v1.ModelRegistryService/UpdateTraffic", "deployments.write"},
    {"/ops.platform.v1.ModelRegistryService/RollbackDeployment", "deployments.write"},
    {"/ops.platform.v1.ModelRegistryService/DeleteDeployment", "deployments.write"},
    {"/ops.platform.v1.ModelRegistryService/WatchModels", "models.read"},
};

} // namespace

const std::vector<std::string> &allRoles()
{
    return kRoles;
}

bool isRole(std::string_view role)
{
    return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end();
}

std::set<std::string> expandRoles(const std::vector<std::string> &roles)
{
    std::set<std::string> out;
    std::vector<std::string> pending(roles.begin(), roles.end());
    while (!pending.empty()) {
        std::string role = std::move(pending.back());
        pending.pop_back();
        if (!isRole(role) || !out.insert(role).second)
            continue;
        if (auto it = kImplies.find(role); it != kImplies.end())
            pending.insert(pending.end(), it->second.begin(), it->second.end());
    }
    return out;
}

std::set<std::string> permissionsOf(const std::vector<std::string> &roles)
{
    std::set<std::string> out;
    for (const std::string &role : expandRoles(roles))
        if (auto it = kGrants.find(role); it != kGrants.end())
            out.insert(it->second.begin(), it->second.end());
    return out;
}

const std::string *permissionFor(std::string_view method)
{
    const auto it = kMethods.find(method);
    return it == kMethods.end() ? nullptr : &it->second;
}

const std::map<std::string, std::string, std::less<>> &methodTable()
{
    return kMethods;
}

bool isPublicMethod(std::string_view method)
{
    return method.starts_with("/grpc.health.v1.Health/") || method.starts_with("/grpc.reflection.");
}

} // namespace platformd::core
