#pragma once

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::api {

// IdentityService: a fixed administrator identity until authentication lands.
std::unique_ptr<grpc::Service> makeIdentityService();

} // namespace platformd::api
