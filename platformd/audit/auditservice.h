#pragma once

#include <chrono>
#include <memory>

namespace grpc {
class Service;
}

namespace platformd::core {
class Store;
}

namespace platformd::audit {

// AuditService: list, watch and verify the hash-chained audit log.
std::unique_ptr<grpc::Service> makeAuditService(core::Store &store,
                                                std::chrono::milliseconds progressInterval);

} // namespace platformd::audit
