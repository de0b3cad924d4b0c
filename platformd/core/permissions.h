#pragma once

#include "core/module.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// The one permission table (docs/SECURITY.md): every RPC maps to one permission, roles grant
// permissions, manager ⊃ operator ⊃ viewer. An RPC without an entry is refused. The roles are the
// core's; the rows and what each role grants come from the modules (Module::methods, ::grants).
namespace platformd::core {

// Every role, in the order of the docs.
const std::vector<std::string> &allRoles();
bool isRole(std::string_view role);
// The roles plus every role they imply, sorted.
std::set<std::string> expandRoles(const std::vector<std::string> &roles);
// Methods anyone may call without a token: grpc.health.v1 and server reflection.
bool isPublicMethod(std::string_view method);

class PermissionTable
{
public:
    // Only the core's own grants (permissions of capabilities still to come).
    PermissionTable();
    // The core's grants plus every module's rows and grants. Throws std::logic_error on a method
    // listed twice or a grant to an unknown role.
    explicit PermissionTable(const std::vector<Module> &modules);
    void add(const std::vector<MethodRule> &methods, const std::vector<RoleGrant> &grants);

    // Full method name ("/ops.platform.v1.RegionService/ListRegions") -> permission; nullptr: no
    // rule.
    const std::string *permissionFor(std::string_view method) const;
    // The permissions the roles (and the roles they imply) grant, sorted.
    std::set<std::string> permissionsOf(const std::vector<std::string> &roles) const;
    // The whole method table (tests generate the role x RPC matrix from it).
    const std::map<std::string, std::string, std::less<>> &methods() const { return m_methods; }

private:
    std::map<std::string, std::string, std::less<>> m_methods;
    std::map<std::string, std::set<std::string>> m_grants; // by role, without implied roles
};

} // namespace platformd::core
