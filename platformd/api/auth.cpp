#include "api/auth.h"

#include "api/permissions.h"
#include "store/store.h"

#include <grpc/grpc_security.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server_context.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

namespace platformd::api {

namespace {

using grpc::Status;
using grpc::StatusCode;

std::string_view view(const grpc_slice &slice)
{
    return {reinterpret_cast<const char *>(GRPC_SLICE_START_PTR(slice)), GRPC_SLICE_LENGTH(slice)};
}

// Runs for every call before it reaches a handler. Token lookups are indexed reads; refusals
// cost one fsynced audit append.
void process(void *state, grpc_auth_context * /*context*/, const grpc_metadata *md, size_t count,
             grpc_process_auth_metadata_done_cb done, void *userData)
{
    auto &store = *static_cast<store::Store *>(state);
    std::string_view path;
    const grpc_metadata *authorization = nullptr;
    for (size_t i = 0; i < count; ++i) {
        const std::string_view key = view(md[i].key);
        if (key == ":path")
            path = view(md[i].value);
        else if (key == "authorization")
            authorization = &md[i];
    }
    if (permissions::isPublicMethod(path)) {
        done(userData, nullptr, 0, nullptr, 0, GRPC_STATUS_OK, nullptr);
        return;
    }
    identity::Actor actor{"anonymous", {}, std::string(path), "", false};
    Status status;
    identity::Principal principal;
    try {
        status = identity::authenticate(store, authorization ? view(authorization->value) : "",
                                        &principal);
        if (status.ok()) {
            actor.actor = "users/" + principal.user.id;
            actor.roles = principal.user.roles;
            const std::string *permission = permissions::permissionFor(path);
            if (!permission) {
                status = Status(StatusCode::PERMISSION_DENIED,
                                "no permission rule for " + std::string(path));
            } else if (!permissions::permissionsOf(principal.user.roles).count(*permission)) {
                status = Status(StatusCode::PERMISSION_DENIED,
                                std::string(path) + " needs the permission " + *permission +
                                    ", which the roles of users/" + principal.user.id + " (" +
                                    identity::joinRoles(principal.user.roles) + ") do not grant");
            }
        }
        if (!status.ok())
            identity::recordRefusal(store, actor, status);
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
    // published there; handlers that need the caller look the (already checked) token up again.
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

std::shared_ptr<grpc::ServerCredentials> makeServerCredentials(store::Store &store,
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
        credentials, grpc_auth_metadata_processor{process, nullptr, &store});
    return std::make_shared<CoreServerCredentials>(credentials);
}

std::optional<identity::Principal> callerOf(store::Store &store, const grpc::ServerContext *context)
{
    const auto &metadata = context->client_metadata();
    const auto it = metadata.find("authorization");
    if (it == metadata.end())
        return std::nullopt;
    identity::Principal p;
    if (!identity::authenticate(store, std::string_view(it->second.data(), it->second.size()), &p)
             .ok())
        return std::nullopt;
    return p;
}

identity::Actor actorOf(store::Store &store, const grpc::ServerContext *context,
                        const std::string &method)
{
    identity::Actor actor{"anonymous", {}, method, context->peer(), false};
    if (auto p = callerOf(store, context)) {
        actor.actor = "users/" + p->user.id;
        actor.roles = p->user.roles;
    }
    return actor;
}

} // namespace platformd::api
