#pragma once

#include "core/module.h"

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::compliance {

class ComplianceChecks;
class ComplianceStore;

// ops.platform.v1.ComplianceService. Method permissions are checked by the server's auth
// processor.
std::unique_ptr<grpc::Service> makeComplianceService(const core::ModuleContext &context,
                                                     ComplianceStore &store,
                                                     ComplianceChecks &checks);

} // namespace platformd::compliance
