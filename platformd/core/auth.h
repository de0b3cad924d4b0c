#pragma once

#include "core/caller.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace grpc {
class ServerContextBase;
class ServerCredentials;
class Status;
namespace experimental {
class ServerInterceptorFactoryInterface;
}
} // namespace grpc

namespace platformd::core {
class Store;
}

namespace platformd::core {

class PermissionTable;
class RefusalLog;

struct TlsOptions
{
    std::string certPem, keyPem; // empty: plaintext
    std::string clientCaPem;     // non-empty: require and verify client certificates (mTLS)
};

// The one enforcement point. Server credentials (plaintext or TLS) carrying an auth metadata
// processor that runs before every call is dispatched: it authenticates the bearer token, looks
// the method up in the permission table (no rule: refused), audits every refusal, and only then
// lets the call through. Health and reflection pass untouched.
// Refusals go to `refusals` (rate-limited, counted); it must outlive the server.
std::shared_ptr<grpc::ServerCredentials> makeServerCredentials(core::Store &store,
                                                               const PermissionTable &permissions,
                                                               RefusalLog &refusals,
                                                               const TlsOptions &tls);

// Who is calling. In gRPC 1.51 the auth context the processor sees is shared by every call on a
// connection, so the identity cannot travel there. Instead one server interceptor, per call and
// before any handler runs, resolves the single `authorization` header the processor accepted
// (more than one is refused there) and records the principal for that call's ServerContext until
// the call ends. Handlers see the caller only through callerOf()/actorOf(); no handler reads
// metadata. A call with no recorded caller (a public method, or a token revoked between the two
// steps) has none: handlers of protected methods fail closed with UNAUTHENTICATED.
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makeIdentityInterceptorFactory(core::Store &store);

// The authenticated caller of this call; nullopt when there is none.
std::optional<Principal> callerOf(const grpc::ServerContextBase *context);
// The caller as an audit actor for the method being served; false (and *refusal set to
// UNAUTHENTICATED) when the call has no authenticated caller.
bool actorOf(const grpc::ServerContextBase *context, const std::string &method, Caller *actor,
             grpc::Status *refusal);

// Keeps a long-lived stream's access true: each turn of the stream calls check(), which is one
// atomic load unless access changed somewhere (a revoke, a role change; accessEpoch) or the
// caller's token expiry passed; then it re-reads the token and the user's roles. A non-OK status
// ends the stream with it (UNAUTHENTICATED or PERMISSION_DENIED, naming why). Watch streams turn at
// least every 100 ms (core::WatchStreams' tick), so a revocation ends them within about a second.
class StreamAccess
{
public:
    StreamAccess(core::Store &store, const PermissionTable &permissions,
                 const grpc::ServerContextBase *context, const std::string &method);
    grpc::Status check();

private:
    core::Store &m_store;
    const PermissionTable &m_permissions;
    std::optional<Principal> m_principal;
    const std::string *m_permission = nullptr;
    std::string m_method;
    std::uint64_t m_epoch = 0;
};

} // namespace platformd::core
