#pragma once

#include "core/module.h"

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::identity {

// IdentityService: the caller (WhoAmI), users and API tokens. Permissions are enforced before a
// call gets here (core/auth.h); handlers validate, act and audit.
std::unique_ptr<grpc::Service> makeIdentityService(const core::ModuleContext &context);

} // namespace platformd::identity
