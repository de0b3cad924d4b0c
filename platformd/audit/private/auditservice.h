#pragma once

#include "core/module.h"

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::audit {

// AuditService: list, watch and verify the hash-chained audit log.
std::unique_ptr<grpc::Service> makeAuditService(const core::ModuleContext &context);

} // namespace platformd::audit
