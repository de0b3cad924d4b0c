#include "core/caller.h"

#include "core/permissions.h"
#include "core/store.h"
#include "core/tokens.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <chrono>

namespace platformd::core {

namespace {

using grpc::Status;
using grpc::StatusCode;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::vector<std::string> splitRoles(std::string_view text)
{
    std::vector<std::string> roles;
    while (!text.empty()) {
        const size_t comma = text.find(',');
        roles.emplace_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    return roles;
}

std::optional<std::int64_t> optionalInt(Stmt &s, int column, bool isNull)
{
    return isNull ? std::nullopt : std::optional<std::int64_t>(s.int64(column));
}

} // namespace

extern const char kSelectUser[];
const char kSelectUser[] = "SELECT id, display_name, roles, create_time, created_by FROM users";
extern const char kSelectToken[];
const char kSelectToken[] =
    "SELECT id, user_id, description, create_time, expire_time, revoke_time, "
    "last_use_time, secret_hash, expire_time IS NULL, revoke_time IS NULL, "
    "last_use_time IS NULL FROM tokens";

User readUser(Stmt &s)
{
    User u;
    u.id = s.text(0);
    u.displayName = s.text(1);
    u.roles = splitRoles(s.text(2));
    u.createMs = s.int64(3);
    u.createdBy = s.text(4);
    return u;
}

Token readToken(Stmt &s, std::string *hash)
{
    Token t;
    t.id = s.text(0);
    t.userId = s.text(1);
    t.description = s.text(2);
    t.createMs = s.int64(3);
    t.expireMs = optionalInt(s, 4, s.int64(8) != 0);
    t.revokeMs = optionalInt(s, 5, s.int64(9) != 0);
    t.lastUseMs = optionalInt(s, 6, s.int64(10) != 0);
    if (hash)
        *hash = s.text(7);
    return t;
}

std::optional<User> findUser(Connection &db, const std::string &id)
{
    Stmt &s = db.prepare(std::string(kSelectUser) + " WHERE id = ?1");
    s.bind(1, id);
    std::optional<User> user;
    if (s.step())
        user = readUser(s);
    s.reset();
    return user;
}

std::optional<Token> findToken(Connection &db, const std::string &id, std::string *hash)
{
    Stmt &s = db.prepare(std::string(kSelectToken) + " WHERE id = ?1");
    s.bind(1, id);
    std::optional<Token> token;
    if (s.step())
        token = readToken(s, hash);
    s.reset();
    return token;
}

bool Caller::holds(std::string_view role) const
{
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

audit::Entry auditEntry(const Caller &caller, std::string resource, std::string summary)
{
    audit::Entry e;
    e.actor = caller.actor;
    e.role = joinRoles(caller.roles);
    e.action = caller.action;
    e.resource = std::move(resource);
    e.requestSummary = std::move(summary);
    e.peer = caller.peer;
    return e;
}

std::string joinRoles(std::vector<std::string> roles)
{
    std::sort(roles.begin(), roles.end());
    std::string out;
    for (const std::string &r : roles)
        out += (out.empty() ? "" : ",") + r;
    return out;
}

std::string codeName(grpc::StatusCode code)
{
    static const char *const names[] = {"OK",
                                        "CANCELLED",
                                        "UNKNOWN",
                                        "INVALID_ARGUMENT",
                                        "DEADLINE_EXCEEDED",
                                        "NOT_FOUND",
                                        "ALREADY_EXISTS",
                                        "PERMISSION_DENIED",
                                        "RESOURCE_EXHAUSTED",
                                        "FAILED_PRECONDITION",
                                        "ABORTED",
                                        "OUT_OF_RANGE",
                                        "UNIMPLEMENTED",
                                        "INTERNAL",
                                        "UNAVAILABLE",
                                        "DATA_LOSS",
                                        "UNAUTHENTICATED"};
    const int index = int(code);
    return index >= 0 && index < int(std::size(names)) ? names[index] : "UNKNOWN";
}

Status authenticate(Store &store, std::string_view authorization, Principal *out)
{
    if (authorization.empty())
        return Status(StatusCode::UNAUTHENTICATED,
                      "missing token: send \"authorization: Bearer <token>\"");
    constexpr std::string_view scheme = "Bearer ";
    std::string id;
    if (!authorization.starts_with(scheme) ||
        !tokens::parse(authorization.substr(scheme.size()), &id))
        return Status(StatusCode::UNAUTHENTICATED,
                      "malformed token: expected \"Bearer opt_<id>_<secret>\"");
    const std::string hash = tokens::sha256Hex(authorization.substr(scheme.size()));
    std::string storedHash;
    std::optional<Token> token;
    std::optional<User> user;
    store.read([&](Connection &db) {
        token = findToken(db, id, &storedHash);
        if (token)
            user = findUser(db, token->userId);
    });
    if (!token)
        return Status(StatusCode::UNAUTHENTICATED, "unknown token tokens/" + id);
    if (!tokens::hashesEqual(hash, storedHash))
        return Status(StatusCode::UNAUTHENTICATED, "invalid secret for token tokens/" + id);
    const std::int64_t now = nowMs();
    if (token->revokeMs)
        return Status(StatusCode::UNAUTHENTICATED, "token tokens/" + id + " has been revoked");
    if (token->expireMs && *token->expireMs <= now)
        return Status(StatusCode::UNAUTHENTICATED, "token tokens/" + id + " has expired");
    if (!user)
        return Status(StatusCode::UNAUTHENTICATED, "token tokens/" + id + " belongs to no user");
    // Bookkeeping, not security: record a use at most once a minute per token.
    if (!token->lastUseMs || *token->lastUseMs < now - 60000) {
        try {
            store.write([&](Connection &db) {
                Stmt &update = db.prepare("UPDATE tokens SET last_use_time = ?2 WHERE id = ?1");
                update.bind(1, id).bind(2, now);
                update.step();
                update.reset();
            });
            token->lastUseMs = now;
        } catch (const std::exception &e) {
            spdlog::warn("identity: cannot record the last use of tokens/{}: {}", id, e.what());
        }
    }
    out->user = std::move(*user);
    out->token = std::move(*token);
    return Status::OK;
}

namespace {
std::atomic<std::uint64_t> g_accessEpoch{0};
}

std::uint64_t accessEpoch()
{
    return g_accessEpoch.load(std::memory_order_acquire);
}

void bumpAccessEpoch()
{
    g_accessEpoch.fetch_add(1, std::memory_order_acq_rel);
}

Status recheck(Store &store, const PermissionTable &permissions, const Principal &principal,
               const std::string *permission)
{
    const std::string &id = principal.token.id;
    std::string ignored;
    std::optional<Token> token;
    std::optional<User> user;
    store.read([&](Connection &db) {
        token = findToken(db, id, &ignored);
        user = findUser(db, principal.user.id);
    });
    if (!token)
        return Status(StatusCode::UNAUTHENTICATED, "token tokens/" + id + " no longer exists");
    if (token->revokeMs)
        return Status(StatusCode::UNAUTHENTICATED, "token tokens/" + id + " has been revoked");
    if (token->expireMs && *token->expireMs <= nowMs())
        return Status(StatusCode::UNAUTHENTICATED, "token tokens/" + id + " has expired");
    if (!user)
        return Status(StatusCode::UNAUTHENTICATED,
                      "user users/" + principal.user.id + " no longer exists");
    if (permission && !permissions.permissionsOf(user->roles).count(*permission))
        return Status(StatusCode::PERMISSION_DENIED,
                      "the roles of users/" + user->id + " (" + joinRoles(user->roles) +
                          ") no longer grant the permission " + *permission);
    return Status::OK;
}

void recordRefusal(Store &store, const Caller &caller, const Status &status,
                   const std::string &summary)
{
    audit::Entry e = auditEntry(caller, {}, summary);
    e.result = codeName(status.error_code());
    e.resultMessage = status.error_message();
    store.audited(std::move(e));
}

} // namespace platformd::core
