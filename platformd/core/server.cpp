#include "core/server.h"

#include "audit/auditservice.h"
#include "core/auth.h"
#include "core/publiclimit.h"
#include "core/refusallog.h"
#include "core/store.h"
#include "core/wirecheck.h"
#include "identity/identityservice.h"
#include "regions/regionhealth.h"
#include "registry/registryservice.h"
#include "registry/registrystore.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/impl/codegen/service_type.h>
#include <spdlog/spdlog.h>

namespace platformd::core {

namespace {
const char *const kServiceNames[] = {
    "ops.platform.v1.RegionService", "ops.platform.v1.IdentityService",
    "ops.platform.v1.AuditService", "ops.platform.v1.ModelRegistryService"};
}

struct Server::Impl
{
    core::Store &store;
    ServerOptions options;
    std::unique_ptr<grpc::Service> regions;
    std::unique_ptr<grpc::Service> identity;
    std::unique_ptr<grpc::Service> audit;
    std::unique_ptr<registry::RegistryStore> ownRegistry;
    std::unique_ptr<grpc::Service> registry;
    std::unique_ptr<RefusalLog> refusals; // declared before `server`, so they outlive it
    PublicCallLimit publicCalls;
    std::unique_ptr<grpc::Server> server;
    std::unique_ptr<regions::RegionHealthPublisher> regionHealth; // "regions/{region}" health names
};

Server::Server(core::Store &store, ServerOptions options)
    : m_impl(new Impl{store, std::move(options)})
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
    m_impl->regions = regions::makeRegionService(m_impl->store, m_impl->options.regions);
    m_impl->identity = identity::makeIdentityService(m_impl->store);
    m_impl->audit =
        platformd::audit::makeAuditService(m_impl->store, m_impl->options.regions.progressInterval);
    if (!m_impl->options.registry) {
        m_impl->ownRegistry = std::make_unique<registry::RegistryStore>(m_impl->store);
        m_impl->options.registry = m_impl->ownRegistry.get();
    }
    m_impl->registry = registry::makeRegistryService(m_impl->store, *m_impl->options.registry,
                                                     {m_impl->options.regions.progressInterval});

    m_impl->refusals = std::make_unique<RefusalLog>(m_impl->store);
    auto credentials = makeServerCredentials(m_impl->store, *m_impl->refusals, m_impl->options.tls);
    if (!credentials) {
        *error = "cannot use the TLS certificate and key";
        return false;
    }
    grpc::ServerBuilder builder;
    builder.AddListeningPort(m_impl->options.listen, credentials, &m_port);
    builder.RegisterService(m_impl->regions.get());
    builder.RegisterService(m_impl->identity.get());
    builder.RegisterService(m_impl->audit.get());
    builder.RegisterService(m_impl->registry.get());
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
    // The sync server runs one thread per open call; every watch stream holds one.
    // At most 100 calls open at once on one connection (the console needs a handful); more wait.
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
    for (const char *name : kServiceNames)
        health->SetServingStatus(name, true);
    m_impl->regionHealth = std::make_unique<regions::RegionHealthPublisher>(m_impl->store, health);
    m_impl->regionHealth->start();
    return true;
}

void Server::shutdown(std::chrono::milliseconds deadline)
{
    if (!m_impl->server)
        return;
    m_impl->server->GetHealthCheckService()->Shutdown();
    m_impl->store.hub().close(); // ends every watch stream with UNAVAILABLE
    m_impl->regionHealth.reset();
    if (m_impl->options.registry)
        m_impl->options.registry->hub().close();
    m_impl->server->Shutdown(std::chrono::system_clock::now() + deadline);
    m_impl->server->Wait();
    m_impl->server.reset();
}

} // namespace platformd::core
