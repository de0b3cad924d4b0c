#include "identity/private/identityservice.h"

#include "core/auth.h"
#include "core/guarded.h"
#include "core/listing.h"
#include "core/permissions.h"
#include "core/store.h"
#include "core/validation.h"
#include "identity/identitystore.h"
#include "version.h"

#include "ops/platform/v1/identity.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <spdlog/spdlog.h>

namespace platformd::identity {

namespace {

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using grpc::Status;
using grpc::StatusCode;

const std::string kPrefix = "/ops.platform.v1.IdentityService/";

void setTime(google::protobuf::Timestamp *ts, std::int64_t ms)
{
    *ts = TimeUtil::MillisecondsToTimestamp(ms);
}

void toProto(const core::User &u, pb::User *out)
{
    out->set_name("users/" + u.id);
    out->set_display_name(u.displayName);
    for (const std::string &role : u.roles)
        out->add_roles(role);
    setTime(out->mutable_create_time(), u.createMs);
    out->set_created_by(u.createdBy);
}

void toProto(const core::Token &t, pb::Token *out)
{
    out->set_name("tokens/" + t.id);
    out->set_user("users/" + t.userId);
    out->set_description(t.description);
    setTime(out->mutable_create_time(), t.createMs);
    if (t.expireMs)
        setTime(out->mutable_expire_time(), *t.expireMs);
    if (t.revokeMs)
        setTime(out->mutable_revoke_time(), *t.revokeMs);
    if (t.lastUseMs)
        setTime(out->mutable_last_use_time(), *t.lastUseMs);
}

// "users/alice" -> "alice"; empty when not of that shape (the operations report the field).
std::string userIdOf(const std::string &name)
{
    return name.starts_with("users/") ? name.substr(6) : std::string("\x01");
}

class IdentityServiceImpl final : public pb::IdentityService::Service
{
public:
    explicit IdentityServiceImpl(const core::ModuleContext &context)
        : m_store(context.store)
        , m_permissions(context.permissions)
    {}

    Status WhoAmI(grpc::ServerContext *context, const pb::WhoAmIRequest *,
                  pb::WhoAmIResponse *response) override
    {
        const auto caller = core::callerOf(context);
        if (!caller)
            return Status(StatusCode::UNAUTHENTICATED, "no authenticated caller");
        response->set_user("users/" + caller->user.id);
        response->set_display_name(caller->user.displayName);
        for (const std::string &role : caller->user.roles)
            response->add_roles(role);
        for (const std::string &permission : m_permissions.permissionsOf(caller->user.roles))
            response->add_permissions(permission);
        response->set_server_version(std::string("platformd ") + kVersion);
        response->set_token("tokens/" + caller->token.id);
        if (caller->token.expireMs)
            setTime(response->mutable_token_expire_time(), *caller->token.expireMs);
        return Status::OK;
    }

    Status ListUsers(grpc::ServerContext *, const pb::ListUsersRequest *request,
                     pb::ListUsersResponse *response) override
    {
        return core::guarded("IdentityService", [&] {
            std::vector<pb::User> users;
            for (const core::User &u : listUsers(m_store))
                toProto(u, &users.emplace_back());
            std::int32_t total = 0;
            const Status status = core::listPage(
                std::move(users), "users", request->filter(), request->order_by(),
                request->page_size(), request->page_token(), core::kRegionPages,
                [&](pb::User &&u) { *response->add_users() = std::move(u); },
                response->mutable_next_page_token(), &total);
            response->set_total_size(total);
            return status;
        });
    }

    Status CreateUser(grpc::ServerContext *context, const pb::CreateUserRequest *request,
                      pb::User *response) override
    {
        return core::guarded("IdentityService", [&] {
            core::Caller actor;
            Status refused;
            if (!core::actorOf(context, kPrefix + "CreateUser", &actor, &refused))
                return refused;
            core::User user;
            const std::vector<std::string> roles(request->roles().begin(), request->roles().end());
            Status s = createUser(m_store, actor, request->user_id(), request->display_name(),
                                  roles, &user);
            if (s.ok())
                toProto(user, response);
            return s;
        });
    }

    Status UpdateUserRoles(grpc::ServerContext *context, const pb::UpdateUserRolesRequest *request,
                           pb::User *response) override
    {
        return core::guarded("IdentityService", [&] {
            core::Caller actor;
            Status refused;
            if (!core::actorOf(context, kPrefix + "UpdateUserRoles", &actor, &refused))
                return refused;
            core::User user;
            const std::vector<std::string> roles(request->roles().begin(), request->roles().end());
            Status s = updateUserRoles(m_store, actor, userIdOf(request->name()), roles, &user);
            if (s.ok())
                toProto(user, response);
            return s;
        });
    }

    Status CreateToken(grpc::ServerContext *context, const pb::CreateTokenRequest *request,
                       pb::CreateTokenResponse *response) override
    {
        return core::guarded("IdentityService", [&] {
            core::Caller actor;
            Status refused;
            if (!core::actorOf(context, kPrefix + "CreateToken", &actor, &refused))
                return refused;
            core::Token token;
            std::string secret;
            Status s = createToken(m_store, actor, userIdOf(request->user()),
                                   request->description(), request->ttl_seconds(), &token, &secret);
            if (s.ok()) {
                toProto(token, response->mutable_token());
                response->set_secret(secret);
            }
            return s;
        });
    }

    Status ListTokens(grpc::ServerContext *, const pb::ListTokensRequest *request,
                      pb::ListTokensResponse *response) override
    {
        return core::guarded("IdentityService", [&] {
            std::string userId;
            if (request->user() != "users/-" && request->user() != "") {
                userId = userIdOf(request->user());
                if (!core::isValidId(userId))
                    return core::invalid("user: must be users/{user} or users/-");
            }
            std::vector<pb::Token> tokens;
            for (const core::Token &t : listTokens(m_store, userId))
                toProto(t, &tokens.emplace_back());
            std::int32_t total = 0;
            const Status status = core::listPage(
                std::move(tokens), request->user(), {}, {}, request->page_size(),
                request->page_token(), core::kRegionPages,
                [&](pb::Token &&t) { *response->add_tokens() = std::move(t); },
                response->mutable_next_page_token(), &total);
            response->set_total_size(total);
            return status;
        });
    }

    Status RevokeToken(grpc::ServerContext *context, const pb::RevokeTokenRequest *request,
                       pb::Token *response) override
    {
        return core::guarded("IdentityService", [&] {
            core::Caller actor;
            Status refused;
            if (!core::actorOf(context, kPrefix + "RevokeToken", &actor, &refused))
                return refused;
            core::Token token;
            const std::string id =
                request->name().starts_with("tokens/") ? request->name().substr(7) : std::string();
            Status s = revokeToken(m_store, actor, id, &token);
            if (s.ok())
                toProto(token, response);
            return s;
        });
    }

private:
    core::Store &m_store;
    const core::PermissionTable &m_permissions;
};

} // namespace

std::unique_ptr<grpc::Service> makeIdentityService(const core::ModuleContext &context)
{
    return std::make_unique<IdentityServiceImpl>(context);
}

} // namespace platformd::identity
