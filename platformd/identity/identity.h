#pragma once

#include <grpcpp/support/status.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platformd::core {
class PermissionTable;
class Store;
} // namespace platformd::core

// Users, API tokens and authentication, shared by IdentityService, the authenticator and the
// `platformd user|token` commands. Every mutation is validated, then applied and audited in one
// transaction (Store::audited). Statuses name the offending field.
namespace platformd::identity {

struct User
{
    std::string id;
    std::string displayName;
    std::vector<std::string> roles; // sorted, as stored
    std::int64_t createMs = 0;
    std::string createdBy;
};

struct Token
{
    std::string id;
    std::string userId;
    std::string description;
    std::int64_t createMs = 0;
    std::optional<std::int64_t> expireMs, revokeMs, lastUseMs;
};

// An authenticated caller.
struct Principal
{
    User user;
    Token token;
};

// Who performs an operation: the audit row's actor, role, action and peer, and the roles held for
// the escalation check (system actors, i.e. the CLI on the data dir, hold every role).
struct Actor
{
    std::string actor; // users/<id>, anonymous, system:cli
    std::vector<std::string> roles;
    std::string action; // full RPC method or cli:<verb>
    std::string peer;
    bool system = false;
};

// "admin,manager" from roles, sorted.
std::string joinRoles(std::vector<std::string> roles);
// "PERMISSION_DENIED" etc.
std::string codeName(grpc::StatusCode code);
bool isValidUtf8(std::string_view text);

// Checks an "authorization" header value ("Bearer opt_..."). UNAUTHENTICATED says what is wrong
// (missing, malformed, unknown, invalid secret, expired, revoked) without echoing the token.
grpc::Status authenticate(core::Store &store, std::string_view authorization, Principal *out);
// Moves on every change that can take access away (a token revoked, a user's roles changed), so a
// long-lived stream re-checks its caller only when it moved (or when the token's expiry passed).
std::uint64_t accessEpoch();
// Whether the principal's token is still valid (not revoked, not expired) and the user's current
// roles still grant `permission` (nullptr: no permission to check). The refusal names the cause.
grpc::Status recheck(core::Store &store, const core::PermissionTable &permissions,
                     const Principal &principal, const std::string *permission);
// Appends the audit row of a refused request.
// Appends the audit row of a refused request (summary: e.g. how many were counted with it).
void recordRefusal(core::Store &store, const Actor &actor, const grpc::Status &status,
                   const std::string &summary = {});

grpc::Status createUser(core::Store &store, const Actor &actor, const std::string &userId,
                        const std::string &displayName, const std::vector<std::string> &roles,
                        User *out);
grpc::Status updateUserRoles(core::Store &store, const Actor &actor, const std::string &userId,
                             const std::vector<std::string> &roles, User *out);
// ttlSeconds 0: never expires. secret receives the token, once.
grpc::Status createToken(core::Store &store, const Actor &actor, const std::string &userId,
                         const std::string &description, std::int64_t ttlSeconds, Token *out,
                         std::string *secret);
grpc::Status revokeToken(core::Store &store, const Actor &actor, const std::string &tokenId,
                         Token *out);

std::vector<User> listUsers(core::Store &store);
std::optional<User> findUser(core::Store &store, const std::string &userId);
// userId empty: every user's tokens.
std::vector<Token> listTokens(core::Store &store, const std::string &userId);

// On a data dir without users: creates `admin` (admin, manager, compliance_officer) and a token,
// written to adminTokenPath with mode 0600. Returns true when it bootstrapped.
bool bootstrapAdmin(core::Store &store, const std::string &adminTokenPath);

} // namespace platformd::identity
