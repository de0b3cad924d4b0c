#pragma once

#include "core/auth.h"
#include "core/module.h"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace platformd::core {

class Store;

struct ServerOptions
{
    std::string listen = "127.0.0.1:7443";            // host:port; port 0 picks a free one
    std::chrono::milliseconds progressInterval{2000}; // watch streams' progress heartbeat
    std::size_t watchQueue = 4096;    // undelivered transactions before a watcher is dropped
    TlsOptions tls;                   // no certificate: plaintext
    DemoOptions demo;                 // seeding and simulators of every module
    ModuleOptionValues moduleOptions; // the modules' own options (Module::options)
};

// The gRPC server: every module's services (platformd/modules.cpp), grpc.health.v1 and reflection,
// every call but health and reflection authenticated and authorised in one place (core/auth.h)
// against the permission table the modules make up.
class Server
{
public:
    Server(Store &store, ServerOptions options, const std::vector<Module> &modules);
    ~Server();

    // Opens the modules (demo seeding included), binds and starts serving, then starts the
    // modules' follow-up work. False with error set when a module cannot open or the address
    // cannot be bound.
    bool start(std::string *error);
    int port() const { return m_port; }
    // What the modules serve beside gRPC (after start).
    std::vector<ModuleEndpoint> endpoints() const;
    // Stops the modules' simulators, marks every service NOT_SERVING, ends watch streams and waits
    // up to deadline for calls.
    void shutdown(std::chrono::milliseconds deadline);

private:
    void elected(); // this replica took over the lead (core/storesync.h)
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_port = 0;
};

} // namespace platformd::core
