#pragma once

#include "core/module.h"

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::incidents {

class IncidentOps;
class IncidentStore;

// ops.platform.v1.IncidentService over the store and its operations. Method permissions are
// checked by the server's auth processor; the finer ones (a silence with an acknowledge) here.
std::unique_ptr<grpc::Service> makeIncidentService(const core::ModuleContext &context,
                                                   IncidentStore &store, IncidentOps &ops);

} // namespace platformd::incidents
