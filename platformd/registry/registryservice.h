#pragma once

#include <chrono>
#include <memory>

namespace grpc {
class Service;
}

namespace platformd::core {
class Store;
}

namespace platformd::registry {

class RegistryStore;

struct RegistryServiceOptions
{
    std::chrono::milliseconds progressInterval{2000}; // WatchModels heartbeat
};

// ops.platform.v1.ModelRegistryService over a RegistryStore. Method permissions are checked by
// the server's auth processor; the finer rules (protected aliases, four eyes, who may cancel)
// here and in the store.
std::unique_ptr<grpc::Service> makeRegistryService(core::Store &store, RegistryStore &registry,
                                                   RegistryServiceOptions options);

} // namespace platformd::registry
