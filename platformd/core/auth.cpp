#include "core/auth.h"

#include "core/permissions.h"
#include "core/refusallog.h"
#include "core/store.h"

#include <grpc/grpc_security.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_context.h>
#include <grpcpp/support/server_interceptor.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <mutex>
#include <unordered_map>

namespace platformd::core {

namespace {

using grpc::Status;
using grpc::StatusCode;

std::string_view view(const grpc_slice &slice)
{
    return {reinterpret_cast<const char *>(GRPC_SLICE_START_PTR(slice)), GRPC_SLICE_LENGTH(slice)};
}

struct ProcessorState
{
    core::Store &store;
    const PermissionTable &permissions;
    RefusalLog &refusals;
};

// Runs for every call before it reaches a handler. Token lookups are indexed reads; refusals go to
// the rate-limited RefusalLog.
void process(void *state, grpc_auth_context * /*context*/, const grpc_metadata *md, size_t count,
             grpc_process_auth_metadata_done_cb done, void *userData)
{
    auto &store = static_cast<ProcessorState *>(state)->store;
    auto &refusals = static_cast<ProcessorState *>(state)->refusals;
    const auto &permissions = static_cast<ProcessorState *>(state)->permissions;
    std::string_view path;
    const grpc_metadata *authorization = nullptr;
    int authorizations = 0;
    for (size_t i = 0; i < count; ++i) {
        const std::string_view key = view(md[i].key);
        if (key == ":path") {
            path = view(md[i].value);
        } else if (key == "authorization") {
            authorization = &md[i];
            ++authorizations;
        }
    }
    if (core::isPublicMethod(path)) {
        done(userData, nullptr, 0, nullptr, 0, GRPC_STATUS_OK, nullptr);
        return;
    }
    Caller actor{"anonymous", {}, std::string(path), "", false, {}};
    Status status;
    Principal principal;
    try {
        // Exactly one credential per call: with two, which one is "the caller" would depend on
        // who reads the headers in which order.
        if (authorizations > 1)
            status = Status(StatusCode::UNAUTHENTICATED,
                            "more than one authorization header; send exactly one");
        else
            status =
                authenticate(store, authorization ? view(authorization->value) : "", &principal);
        if (status.ok()) {
            actor.actor = "users/" + principal.user.id;
            actor.roles = principal.user.roles;
            const std::string *permission = permissions.permissionFor(path);
            if (!permission) {
                status = Status(StatusCode::PERMISSION_DENIED,
                                "no permission rule for " + std::string(path));
            } else if (!permissions.permissionsOf(principal.user.roles).count(*permission)) {
                status = Status(StatusCode::PERMISSION_DENIED,
                                std::string(path) + " needs the permission " + *permission +
                                    ", which the roles of users/" + principal.user.id + " (" +
                                    joinRoles(principal.user.roles) + ") do not grant");
            }
        }
        if (!status.ok())
            refusals.record(actor, status);
    } catch (const std::exception &e) {
        spdlog::error("auth: {} for {}", e.what(), path);
        status = Status(StatusCode::UNAVAILABLE, "cannot check the caller's token right now");
    }
    if (!status.ok()) {
        spdlog::debug("auth: refused {} for {}: {}", path, actor.actor, status.error_message());
        done(userData, nullptr, 0, nullptr, 0, grpc_status_code(status.error_code()),
             status.error_message().c_str());
        return;
    }
    // The AuthContext is shared by every call on a connection in 1.51, so the identity is not
    // published there: the identity interceptor records it per call (see auth.h).
    done(userData, nullptr, 0, nullptr, 0, GRPC_STATUS_OK, nullptr);
}

// C++ wrapper over core server credentials, so the plaintext transport can carry an auth metadata
// processor too (grpc::InsecureServerCredentials() asserts on SetAuthMetadataProcessor in 1.51).
class CoreServerCredentials final : public grpc::ServerCredentials
{
public:
    explicit CoreServerCredentials(grpc_server_credentials *credentials)
        : m_credentials(credentials)
    {}
    ~CoreServerCredentials() override { grpc_server_credentials_release(m_credentials); }
    void SetAuthMetadataProcessor(const std::shared_ptr<grpc::AuthMetadataProcessor> &) override
    {
        spdlog::critical("auth: the processor is fixed at construction");
        std::abort();
    }

private:
    int AddPortToServer(const std::string &address, grpc_server *server) override
    {
        return grpc_server_add_http2_port(server, address.c_str(), m_credentials);
    }
    grpc_server_credentials *m_credentials;
};

} // namespace

std::shared_ptr<grpc::ServerCredentials> makeServerCredentials(core::Store &store,
                                                               const PermissionTable &permissions,
                                                               RefusalLog &refusals,
                                                               const TlsOptions &tls)
{
    grpc_server_credentials *credentials = nullptr;
    if (tls.certPem.empty()) {
        credentials = grpc_insecure_server_credentials_create();
    } else {
        grpc_ssl_pem_key_cert_pair pair{tls.keyPem.c_str(), tls.certPem.c_str()};
        credentials = grpc_ssl_server_credentials_create_ex(
            tls.clientCaPem.empty() ? nullptr : tls.clientCaPem.c_str(), &pair, 1,
            tls.clientCaPem.empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                                    : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY,
            nullptr);
    }
    if (!credentials)
        return nullptr;
    grpc_server_credentials_set_auth_metadata_processor(
        credentials, grpc_auth_metadata_processor{
                         process, [](void *state) { delete static_cast<ProcessorState *>(state); },
                         new ProcessorState{store, permissions, refusals}});
    return std::make_shared<CoreServerCredentials>(credentials);
}

namespace {

// The principal of every call in flight that has one, by its ServerContext.
class CallIdentities
{
public:
    void set(const grpc::ServerContextBase *context, Principal principal)
    {
        std::lock_guard lock(m_mutex);
        m_byCall[context] = std::move(principal);
    }
    void erase(const grpc::ServerContextBase *context)
    {
        std::lock_guard lock(m_mutex);
        m_byCall.erase(context);
    }
    std::optional<Principal> get(const grpc::ServerContextBase *context) const
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_byCall.find(context);
        if (it == m_byCall.end())
            return std::nullopt;
        return it->second;
    }

private:
    mutable std::mutex m_mutex;
    std::unordered_map<const grpc::ServerContextBase *, Principal> m_byCall;
};

CallIdentities &callIdentities()
{
    static CallIdentities identities;
    return identities;
}

class IdentityInterceptor final : public grpc::experimental::Interceptor
{
public:
    IdentityInterceptor(grpc::experimental::ServerRpcInfo *info, core::Store &store)
        : m_info(info)
        , m_store(store)
    {}
    ~IdentityInterceptor() override
    {
        if (m_recorded)
            callIdentities().erase(m_info->server_context());
    }

    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        using grpc::experimental::InterceptionHookPoints;
        if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA))
            resolve(*methods->GetRecvInitialMetadata());
        methods->Proceed();
    }

private:
    // The processor has already refused every call to a protected method without exactly one
    // valid token and the permission; this records who that one token belongs to.
    void resolve(const std::multimap<grpc::string_ref, grpc::string_ref> &metadata)
    {
        const std::string_view method = m_info->method() ? m_info->method() : "";
        if (core::isPublicMethod(method) || metadata.count("authorization") != 1)
            return;
        const auto &value = metadata.find("authorization")->second;
        Principal principal;
        try {
            if (!authenticate(m_store, std::string_view(value.data(), value.size()), &principal)
                     .ok())
                return; // revoked or expired since the processor ran: no caller, fail closed
        } catch (const std::exception &e) {
            spdlog::error("auth: {} resolving the caller of {}", e.what(), method);
            return;
        }
        callIdentities().set(m_info->server_context(), std::move(principal));
        m_recorded = true;
    }

    grpc::experimental::ServerRpcInfo *m_info;
    core::Store &m_store;
    bool m_recorded = false;
};

class IdentityInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface
{
public:
    explicit IdentityInterceptorFactory(core::Store &store)
        : m_store(store)
    {}
    grpc::experimental::Interceptor *
    CreateServerInterceptor(grpc::experimental::ServerRpcInfo *info) override
    {
        return new IdentityInterceptor(info, m_store);
    }

private:
    core::Store &m_store;
};

} // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makeIdentityInterceptorFactory(core::Store &store)
{
    return std::make_unique<IdentityInterceptorFactory>(store);
}

std::optional<Principal> callerOf(const grpc::ServerContextBase *context)
{
    return callIdentities().get(context);
}

bool actorOf(const grpc::ServerContextBase *context, const std::string &method, Caller *actor,
             Status *refusal)
{
    const auto principal = callerOf(context);
    if (!principal) {
        *refusal = Status(StatusCode::UNAUTHENTICATED, "no authenticated caller for " + method);
        return false;
    }
    *actor = Caller{
        "users/" + principal->user.id, principal->user.roles, method, context->peer(), false, {}};
    return true;
}

StreamAccess::StreamAccess(core::Store &store, const PermissionTable &permissions,
                           const grpc::ServerContextBase *context, const std::string &method)
    : m_store(store)
    , m_permissions(permissions)
    , m_principal(callerOf(context))
    , m_permission(permissions.permissionFor(method))
    , m_method(method)
    , m_epoch(accessEpoch())
{}

Status StreamAccess::check()
{
    if (!m_principal)
        return Status(StatusCode::UNAUTHENTICATED, "no authenticated caller for " + m_method);
    const std::uint64_t epoch = accessEpoch();
    const auto &expire = m_principal->token.expireMs;
    const bool expiryPassed =
        expire && *expire <= std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    if (epoch == m_epoch && !expiryPassed)
        return Status::OK;
    Status status;
    try {
        status = recheck(m_store, m_permissions, *m_principal, m_permission);
    } catch (const std::exception &e) {
        spdlog::error("auth: {} re-checking the caller of {}", e.what(), m_method);
        return Status::OK; // a store hiccup is not a revocation; the next turn checks again
    }
    m_epoch = epoch;
    if (!status.ok())
        spdlog::info("auth: ending {} of users/{}: {}", m_method, m_principal->user.id,
                     status.error_message());
    return status;
}

} // namespace platformd::core
