#include "core/permissions.h"

#include <algorithm>
#include <stdexcept>

namespace platformd::core {

namespace {

const std::vector<std::string> kRoles = {"viewer", "operator", "compliance_officer", "manager",
                                         "admin"};

// What each role implies (transitively expanded by expandRoles).
const std::map<std::string, std::vector<std::string>> kImplies = {
    {"manager", {"operator"}},
    {"operator", {"viewer"}},
};

// Granted already, for capabilities that have no module yet (incidents, budgets; docs/SECURITY.md).
const std::vector<RoleGrant> kCoreGrants = {
    {"operator", {"incidents.write"}},
    {"manager", {"budgets.write"}},
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

bool isPublicMethod(std::string_view method)
{
    return method.starts_with("/grpc.health.v1.Health/") || method.starts_with("/grpc.reflection.");
}

PermissionTable::PermissionTable()
{
    add({}, kCoreGrants);
}

PermissionTable::PermissionTable(const std::vector<Module> &modules)
    : PermissionTable()
{
    for (const Module &module : modules)
        add(module.methods, module.grants);
}

void PermissionTable::add(const std::vector<MethodRule> &methods,
                          const std::vector<RoleGrant> &grants)
{
    for (const MethodRule &rule : methods)
        if (!m_methods.emplace(rule.method, rule.permission).second)
            throw std::logic_error("permission table: " + rule.method + " has two rules");
    for (const RoleGrant &grant : grants) {
        if (!isRole(grant.role))
            throw std::logic_error("permission table: grant to unknown role " + grant.role);
        m_grants[grant.role].insert(grant.permissions.begin(), grant.permissions.end());
    }
}

const std::string *PermissionTable::permissionFor(std::string_view method) const
{
    const auto it = m_methods.find(method);
    return it == m_methods.end() ? nullptr : &it->second;
}

std::set<std::string> PermissionTable::permissionsOf(const std::vector<std::string> &roles) const
{
    std::set<std::string> out;
    for (const std::string &role : expandRoles(roles))
        if (auto it = m_grants.find(role); it != m_grants.end())
            out.insert(it->second.begin(), it->second.end());
    return out;
}

} // namespace platformd::core
