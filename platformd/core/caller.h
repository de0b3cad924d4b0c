#pragma once

#include "core/auditchain.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Who is calling: users and API tokens as the core reads them (the identity module administers
// them), the one caller type every module acts for, authentication and its re-check for long
// streams. docs/SECURITY.md has the rules.
namespace platformd::core {

class Connection;
class PermissionTable;
class Stmt;
class Store;

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

// Who performs an operation: the audit row's actor, roles, action and peer; the roles held for
// escalation checks and the permissions they grant for finer rules. System callers (the CLI on
// the data dir, the demo) hold every role and permission.
struct Caller
{
    std::string actor;              // users/<id>, anonymous, system:cli, system:demo
    std::vector<std::string> roles; // as stored; the audit row's role is joinRoles(roles)
    std::string action;             // full RPC method or cli:<verb>
    std::string peer;
    bool system = false;
    std::set<std::string> permissions; // what roles grant, where a module needs it
    bool can(const std::string &permission) const
    {
        return system || permissions.count(permission) > 0;
    }
    // Whether the caller holds role itself (implied roles do not count).
    bool holds(std::string_view role) const;
};

// The audit row of an operation by caller (result fields left to fill).
audit::Entry auditEntry(const Caller &caller, std::string resource, std::string summary);

// "admin,manager" from roles, sorted.
std::string joinRoles(std::vector<std::string> roles);
// "PERMISSION_DENIED" etc.
std::string codeName(grpc::StatusCode code);

// Rows of the users and tokens tables (migration 3).
extern const char kSelectUser[];  // SELECT ... FROM users, for readUser
extern const char kSelectToken[]; // SELECT ... FROM tokens, for readToken
User readUser(Stmt &s);
Token readToken(Stmt &s, std::string *hash = nullptr);
std::optional<User> findUser(Connection &db, const std::string &id);
std::optional<Token> findToken(Connection &db, const std::string &id, std::string *hash = nullptr);

// Checks an "authorization" header value ("Bearer opt_..."). UNAUTHENTICATED says what is wrong
// (missing, malformed, unknown, invalid secret, expired, revoked) without echoing the token.
grpc::Status authenticate(Store &store, std::string_view authorization, Principal *out);
// Moves on every change that can take access away (a token revoked, a user's roles changed), so a
// long-lived stream re-checks its caller only when it moved (or when the token's expiry passed).
std::uint64_t accessEpoch();
void bumpAccessEpoch();
// Whether the principal's token is still valid (not revoked, not expired) and the user's current
// roles still grant `permission` (nullptr: no permission to check). The refusal names the cause.
grpc::Status recheck(Store &store, const PermissionTable &permissions, const Principal &principal,
                     const std::string *permission);
// Appends the audit row of a refused request (summary: e.g. how many were counted with it).
void recordRefusal(Store &store, const Caller &caller, const grpc::Status &status,
                   const std::string &summary = {});

} // namespace platformd::core
