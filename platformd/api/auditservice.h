#pragma once

#include <chrono>
#include <memory>

namespace grpc {
class Service;
}

namespace platformd::store {
class Store;
}

namespace platformd::api {

// AuditService: list, watch and verify the hash-chained audit log.
std::unique_ptr<grpc::Service> makeAuditService(store::Store &store,
                                                std::chrono::milliseconds progressInterval);

} // namespace platformd::api
