#pragma once

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::core {
class Store;
}

namespace platformd::identity {

// IdentityService: the caller (WhoAmI), users and API tokens. Permissions are enforced before a
// call gets here (api/auth.h); handlers validate, act and audit.
std::unique_ptr<grpc::Service> makeIdentityService(core::Store &store);

} // namespace platformd::identity
