#pragma once

#include "core/module.h"

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::registry {

class RegistryStore;

// ops.platform.v1.ModelRegistryService over a RegistryStore. Method permissions are checked by
// the server's auth processor; the finer rules (protected aliases, four eyes, who may cancel)
// here and in the store.
std::unique_ptr<grpc::Service> makeRegistryService(const core::ModuleContext &context,
                                                   RegistryStore &registry);

} // namespace platformd::registry
