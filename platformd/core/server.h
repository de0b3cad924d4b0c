#pragma once

#include "core/auth.h"
#include "regions/regionservice.h"

#include <chrono>
#include <memory>
#include <string>

namespace platformd::core {
class Store;
}
namespace platformd::registry {
class RegistryStore;
}

namespace platformd::core {

struct ServerOptions
{
    std::string listen = "127.0.0.1:7443"; // host:port; port 0 picks a free one
    regions::RegionServiceOptions regions;
    TlsOptions tls; // no certificate: plaintext
    // The model registry (seeded by main for --demo); null: the server opens it on the store.
    registry::RegistryStore *registry = nullptr;
};

// The gRPC server: RegionService, IdentityService, AuditService, grpc.health.v1 and reflection,
// every call but health and reflection authenticated and authorised in one place (api/auth.h).
class Server
{
public:
    Server(core::Store &store, ServerOptions options);
    ~Server();

    // Binds and starts serving. False with error set when the address cannot be bound.
    bool start(std::string *error);
    int port() const { return m_port; }
    // Marks every service NOT_SERVING, ends watch streams and waits up to deadline for calls.
    void shutdown(std::chrono::milliseconds deadline);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_port = 0;
};

} // namespace platformd::core
