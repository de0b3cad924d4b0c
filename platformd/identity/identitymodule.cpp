#include "identity/identitymodule.h"

#include "identity/private/identityservice.h"

#include <grpcpp/impl/codegen/service_type.h>

namespace platformd::identity {

namespace {

const std::string kPrefix = "/ops.platform.v1.IdentityService/";

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "identity";
    m.services = {"ops.platform.v1.IdentityService"};
    m.methods = {
        {kPrefix + "WhoAmI", "identity.self"},        {kPrefix + "ListUsers", "users.read"},
        {kPrefix + "ListTokens", "users.read"},       {kPrefix + "CreateUser", "users.write"},
        {kPrefix + "UpdateUserRoles", "users.write"}, {kPrefix + "CreateToken", "tokens.write"},
        {kPrefix + "RevokeToken", "tokens.write"},
    };
    m.grants = {
        {"viewer", {"identity.self"}},
        {"compliance_officer", {"identity.self", "users.read"}},
        {"admin", {"identity.self", "users.read", "users.write", "tokens.write"}},
    };
    // The users and tokens tables (migration 3) belong to the core: it authenticates every call.
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<core::ServiceRuntime>(makeIdentityService(context));
    };
    return m;
}

} // namespace platformd::identity
