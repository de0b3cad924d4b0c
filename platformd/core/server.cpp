#include "core/server.h"

#include "core/alerts.h"
#include "core/auth.h"
#include "core/permissions.h"
#include "core/publiclimit.h"
#include "core/refusallog.h"
#include "core/store.h"
#include "core/storesync.h"
#include "core/watchstream.h"
#include "core/wirecheck.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/impl/codegen/service_type.h>
#include <spdlog/spdlog.h>

namespace platformd::core {

struct Server::Impl
{
    Store &store;
    ServerOptions options;
    const std::vector<Module> &modules;
    PermissionTable permissions;
    AlertBus alerts; // shared by the modules (ModuleContext::alerts); outlives the runtimes
    // Which replica runs the demo and scheduled jobs (ModuleContext::leader); outlives the
    // runtimes, its thread stopped before they stop.
    std::unique_ptr<Leadership> leader;
    std::mutex leadMutex; // guards the three below
    bool listening = false;
    bool electedEarly = false; // took over before the runtimes had started
    std::string address;
    std::vector<std::unique_ptr<ModuleRuntime>> runtimes; // in module order
    // After runtimes: destroyed first, while the feeds it dispatches for still exist.
    std::unique_ptr<WatchStreams> watches;
    std::unique_ptr<RefusalLog> refusals; // declared before `server`, so they outlive it
    PublicCallLimit publicCalls;
    std::unique_ptr<grpc::Server> server;
};

Server::Server(Store &store, ServerOptions options, const std::vector<Module> &modules)
    : m_impl(new Impl{store, std::move(options), modules, PermissionTable(modules)})
{}

Server::~Server()
{
    if (m_impl->server)
        shutdown(std::chrono::milliseconds(0));
}

bool Server::start(std::string *error)
{
    installProtobufLogHandler();
    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    m_impl->watches = std::make_unique<WatchStreams>(m_impl->store, m_impl->permissions);
    // Replicas sharing a store open their modules one at a time (only the first seeds an empty
    // database) and elect one leader for the demo and scheduled jobs (core/storesync.h).
    const std::string sharedUri = m_impl->store.shared() ? m_impl->store.path() : std::string();
    std::unique_ptr<SessionLock> opening;
    DemoOptions demo = m_impl->options.demo;
    try {
        opening = std::make_unique<SessionLock>(sharedUri, "platformd.open");
        m_impl->leader =
            std::make_unique<Leadership>(sharedUri, "platformd.leader", std::chrono::seconds(1),
                                         Leadership::Callbacks{[this] { elected(); }, {}});
        if (!m_impl->leader->start() && demo.enabled) {
            demo.enabled = false;
            demo.standby = true;
        }
    } catch (const std::exception &e) {
        *error = e.what();
        return false;
    }
    const ModuleContext context{
        m_impl->store,
        m_impl->permissions,
        m_impl->options.progressInterval,
        m_impl->options.watchQueue,
        demo,
        m_impl->watches.get(),
        m_impl->options.moduleOptions,
        {m_impl->options.tls.certPem, m_impl->options.tls.keyPem, m_impl->options.tls.clientCaPem},
        &m_impl->alerts,
        m_impl->leader.get()};
    for (const Module &module : m_impl->modules) {
        try {
            m_impl->runtimes.push_back(module.open(context));
        } catch (const std::exception &e) {
            *error = e.what();
            m_impl->leader->stop();
            m_impl->runtimes.clear();
            return false;
        }
    }
    opening.reset();

    m_impl->refusals = std::make_unique<RefusalLog>(m_impl->store);
    auto credentials = makeServerCredentials(m_impl->store, m_impl->permissions, *m_impl->refusals,
                                             m_impl->options.tls);
    if (!credentials) {
        *error = "cannot use the TLS certificate and key";
        return false;
    }
    grpc::ServerBuilder builder;
    builder.AddListeningPort(m_impl->options.listen, credentials, &m_port);
    for (const auto &runtime : m_impl->runtimes)
        for (grpc::Service *service : runtime->services())
            builder.RegisterService(service);
    builder.SetMaxReceiveMessageSize(4 * 1024 * 1024);
    // Per call, before any handler: who the caller is (see auth.h).
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
    creators.push_back(makeIdentityInterceptorFactory(m_impl->store));
    creators.push_back(makeWireCheckInterceptorFactory()); // invalid UTF-8 -> INVALID_ARGUMENT
    creators.push_back(makePublicLimitInterceptorFactory(m_impl->publicCalls, *m_impl->refusals));
    builder.experimental().SetInterceptorCreators(std::move(creators));
    // Clients ping every ~20 s, also while idle; permit that and probe dead peers ourselves.
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 10000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    // The sync server runs one thread per open unary call; watch streams run on the callback API
    // and hold none. At most 100 calls open at once on one connection (the console needs a
    // handful); more wait.
    builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, 100);
    grpc::ResourceQuota quota("platformd");
    quota.SetMaxThreads(4096);
    builder.SetResourceQuota(quota);
    builder.SetSyncServerOption(grpc::ServerBuilder::SyncServerOption::MIN_POLLERS, 2);
    m_impl->server = builder.BuildAndStart();
    if (!m_impl->server || m_port == 0) {
        *error = "cannot listen on " + m_impl->options.listen;
        m_impl->server.reset();
        return false;
    }
    auto *health = m_impl->server->GetHealthCheckService();
    health->SetServingStatus("", true);
    for (const Module &module : m_impl->modules)
        for (const std::string &name : module.services)
            health->SetServingStatus(name, true);
    const std::string host = m_impl->options.listen.substr(0, m_impl->options.listen.rfind(':'));
    const std::string address = host + ":" + std::to_string(m_port);
    for (const auto &runtime : m_impl->runtimes)
        runtime->started(health, address);
    {
        std::lock_guard lock(m_impl->leadMutex);
        m_impl->listening = true;
        m_impl->address = address;
        if (m_impl->electedEarly)
            for (const auto &runtime : m_impl->runtimes)
                runtime->lead(address);
    }
    return true;
}

void Server::elected()
{
    std::lock_guard lock(m_impl->leadMutex);
    if (!m_impl->listening) {
        m_impl->electedEarly = true;
        return;
    }
    for (const auto &runtime : m_impl->runtimes)
        runtime->lead(m_impl->address);
}

std::vector<ModuleEndpoint> Server::endpoints() const
{
    std::vector<ModuleEndpoint> all;
    for (const auto &runtime : m_impl->runtimes)
        for (ModuleEndpoint &endpoint : runtime->endpoints())
            all.push_back(std::move(endpoint));
    return all;
}

void Server::shutdown(std::chrono::milliseconds deadline)
{
    if (!m_impl->server)
        return;
    m_impl->leader->stop(); // no lead() from here on
    for (const auto &runtime : m_impl->runtimes)
        runtime->stopping();
    m_impl->server->GetHealthCheckService()->Shutdown();
    m_impl->watches->close(); // ends every watch stream with UNAVAILABLE
    for (const auto &runtime : m_impl->runtimes)
        runtime->closeStreams();
    m_impl->server->Shutdown(std::chrono::system_clock::now() + deadline);
    m_impl->server->Wait();
    m_impl->server.reset();
}

} // namespace platformd::core
