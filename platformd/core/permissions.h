#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// The one permission table (docs/SECURITY.md): every RPC maps to one permission, roles grant
// permissions, manager ⊃ operator ⊃ viewer. An RPC without an entry is refused.
namespace platformd::core {

// Every role, in the order of the docs.
const std::vector<std::string> &allRoles();
bool isRole(std::string_view role);
// The roles plus every role they imply, sorted.
std::set<std::string> expandRoles(const std::vector<std::string> &roles);
// The permissions the roles (and the roles they imply) grant, sorted.
std::set<std::string> permissionsOf(const std::vector<std::string> &roles);
// Full method name ("/ops.platform.v1.RegionService/ListRegions") -> permission; nullptr: no rule.
const std::string *permissionFor(std::string_view method);
// The whole method table (tests generate the role x RPC matrix from it).
const std::map<std::string, std::string, std::less<>> &methodTable();
// Methods anyone may call without a token: grpc.health.v1 and server reflection.
bool isPublicMethod(std::string_view method);

} // namespace platformd::core
