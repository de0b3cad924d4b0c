#pragma once

#include "api/identity.h"

#include <memory>
#include <optional>
#include <string>

namespace grpc {
class ServerContext;
class ServerCredentials;
} // namespace grpc

namespace platformd::store {
class Store;
}

namespace platformd::api {

struct TlsOptions
{
    std::string certPem, keyPem; // empty: plaintext
    std::string clientCaPem;     // non-empty: require and verify client certificates (mTLS)
};

// The one enforcement point. Server credentials (plaintext or TLS) carrying an auth metadata
// processor that runs before every call is dispatched: it authenticates the bearer token, looks
// the method up in the permission table (no rule: refused), audits every refusal, and only then
// lets the call through. Health and reflection pass untouched.
std::shared_ptr<grpc::ServerCredentials> makeServerCredentials(store::Store &store,
                                                               const TlsOptions &tls);

// The authenticated caller of a call that passed the processor (nullopt for public methods).
std::optional<identity::Principal> callerOf(store::Store &store,
                                            const grpc::ServerContext *context);
// The caller as an audit actor for the method being served.
identity::Actor actorOf(store::Store &store, const grpc::ServerContext *context,
                        const std::string &method);

} // namespace platformd::api
