#pragma once

#include "core/migration.h"

#include <grpcpp/impl/codegen/service_type.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace grpc {
class HealthCheckServiceInterface;
} // namespace grpc

// What a capability brings to the server (docs/ARCHITECTURE.md, "Adding a capability"). The core
// knows modules only through this description; platformd/modules.cpp holds the one list.
namespace platformd::core {

class AlertBus;
class Leadership;
class PermissionTable;
class Store;
class WatchStreams;

// A row of the permission table: a full method name and the one permission it needs.
struct MethodRule
{
    std::string method; // "/ops.platform.v1.RegionService/ListRegions"
    std::string permission;
};

// What a role grants by itself (without the roles it implies).
struct RoleGrant
{
    std::string role;
    std::vector<std::string> permissions;
};

// The demo (--demo): seeding and simulators.
struct DemoOptions
{
    bool enabled = false;
    std::uint64_t seed = 1;
    double eventsPerSecond = 50; // the region simulator's rate
    std::int64_t scale = 0;      // registry versions wanted (0: the demo's own)
    // --demo given, but another replica sharing the store leads the demo (core/storesync.h):
    // seed nothing, simulate nothing, until ModuleRuntime::lead().
    bool standby = false;
};

// A command-line option a module takes (`platformd --help` lists them under the module's name).
// platformd parses them generically; the module validates the values in open().
struct ModuleOption
{
    std::string name;      // "--webhook-listen"
    std::string valueName; // "HOST:PORT"
    std::string help;
    bool repeatable = false; // may be given more than once
};

// Option name -> the values given, in order (empty when not given).
using ModuleOptionValues = std::map<std::string, std::vector<std::string>>;

// The server's own TLS material, for a module serving something beside gRPC (PEM; empty: none).
struct ModuleTls
{
    std::string certPem, keyPem, clientCaPem;
};

// An address a module serves beside gRPC; platformd prints "ENDPOINT <name> <url>" for each
// before its LISTEN line.
struct ModuleEndpoint
{
    std::string name; // "webhook"
    std::string url;  // "http://127.0.0.1:41235"
};

// The objects shared by every module of one server.
struct ModuleContext
{
    Store &store;
    const PermissionTable &permissions;
    std::chrono::milliseconds progressInterval{2000}; // watch streams' progress heartbeat
    std::size_t watchQueue = 4096; // undelivered transactions before a watcher is dropped
    DemoOptions demo;
    WatchStreams *watches = nullptr; // where Watch* RPCs open their streams (core/watchstream.h)
    ModuleOptionValues options;      // every module's options (ModuleOption) as given
    ModuleTls tls;                   // the server's certificate, key and client CA
    AlertBus *alerts = nullptr;      // alerts between modules (core/alerts.h)
    // Whether this replica leads (runs what must run once among replicas sharing the store:
    // the demo simulators, scheduled jobs). Always leading on SQLite. Never null in a server.
    const Leadership *leader = nullptr;
};

// A module as it runs in one server: made by Module::open before the server is built, destroyed
// after it stopped.
class ModuleRuntime
{
public:
    virtual ~ModuleRuntime() = default;
    // The gRPC services it serves; they live as long as the runtime.
    virtual std::vector<grpc::Service *> services() = 0;
    // The server listens on address (host:port): follow-up work such as health publishers and
    // demo simulators starts here.
    virtual void started(grpc::HealthCheckServiceInterface *health, const std::string &address)
    {
        (void)health;
        (void)address;
    }
    // This replica took over the lead from one that stopped (core/storesync.h; never on SQLite):
    // with DemoOptions::standby, start the demo simulators on the data the old leader seeded.
    // Called on the leadership thread, after started() and before stopping().
    virtual void lead(const std::string &address) { (void)address; }
    // Shutdown begins: stop simulators (before the health service goes NOT_SERVING).
    virtual void stopping() {}
    // Health is NOT_SERVING: end the module's watch streams and stop its publishers.
    virtual void closeStreams() {}
    // Addresses it serves beside gRPC (bound in open(), so a port 0 is known by now).
    virtual std::vector<ModuleEndpoint> endpoints() const { return {}; }
};

// The runtime of a module that is one gRPC service and nothing else (identity, audit).
class ServiceRuntime final : public ModuleRuntime
{
public:
    explicit ServiceRuntime(std::unique_ptr<grpc::Service> service)
        : m_service(std::move(service))
    {}
    std::vector<grpc::Service *> services() override { return {m_service.get()}; }

private:
    std::unique_ptr<grpc::Service> m_service;
};

// One capability: its name, services, permission rows, role grants, migrations, and how to build
// it on the core (storage, demo seeding, services). open throws std::exception saying what failed.
struct Module
{
    std::string name;
    // Full gRPC service names; each is also a grpc.health.v1 service name, SERVING while up.
    std::vector<std::string> services;
    std::vector<MethodRule> methods;
    std::vector<RoleGrant> grants;
    std::vector<Migration> migrations;
    std::vector<ModuleOption> options;
    std::function<std::unique_ptr<ModuleRuntime>(const ModuleContext &)> open;
};

} // namespace platformd::core
