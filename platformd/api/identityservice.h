#pragma once

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::store {
class Store;
}

namespace platformd::api {

// IdentityService: the caller (WhoAmI), users and API tokens. Permissions are enforced before a
// call gets here (api/auth.h); handlers validate, act and audit.
std::unique_ptr<grpc::Service> makeIdentityService(store::Store &store);

} // namespace platformd::api
