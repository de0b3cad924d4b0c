#include "identity/identitystore.h"

#include "core/caller.h"

#include "core/permissions.h"
#include "core/store.h"
#include "core/tokens.h"
#include "core/validation.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>

#include <fcntl.h>
#include <unistd.h>

namespace platformd::identity {

namespace {

using core::Connection;
using core::Stmt;
using grpc::Status;
using grpc::StatusCode;

constexpr size_t kMaxDisplayName = 256;
constexpr size_t kMaxDescription = 1024;
constexpr std::int64_t kMaxTtlSeconds = 10LL * 366 * 86400;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Status invalid(const std::string &message)
{
    return Status(StatusCode::INVALID_ARGUMENT, message);
}

// Validates and normalises (sorted, unique) a role list.
Status checkRoles(const std::vector<std::string> &roles, const char *field,
                  std::vector<std::string> *out)
{
    if (roles.empty())
        return invalid(std::string(field) + ": at least one role is required");
    std::set<std::string> unique;
    for (const std::string &role : roles) {
        if (!core::isRole(role)) {
            const std::string shown =
                role.size() <= 64 && core::isValidUtf8(role) ? role : "(invalid)";
            return invalid(std::string(field) + ": unknown role \"" + shown +
                           "\" (viewer, operator, compliance_officer, manager, admin)");
        }
        unique.insert(role);
    }
    out->assign(unique.begin(), unique.end());
    return Status::OK;
}

Status checkText(const std::string &text, size_t maxBytes, const char *field)
{
    if (text.size() > maxBytes)
        return invalid(std::string(field) + ": longer than " + std::to_string(maxBytes) + " bytes");
    if (!core::isValidUtf8(text))
        return invalid(std::string(field) + ": not valid UTF-8");
    for (const unsigned char c : text)
        if (c < 0x20 || c == 0x7f)
            return invalid(std::string(field) + ": control characters are not allowed");
    return Status::OK;
}

// The actor may grant only roles it holds (implied roles count as held).
Status checkGrant(const core::Caller &actor, const std::vector<std::string> &roles,
                  const std::vector<std::string> &alreadyHeld)
{
    if (actor.system)
        return Status::OK;
    const std::set<std::string> held = core::expandRoles(actor.roles);
    for (const std::string &role : roles) {
        const bool unchanged =
            std::find(alreadyHeld.begin(), alreadyHeld.end(), role) != alreadyHeld.end();
        if (!unchanged && !held.count(role))
            return Status(StatusCode::PERMISSION_DENIED,
                          "roles: cannot grant \"" + role + "\", a role the caller does not hold");
    }
    return Status::OK;
}

// Applies effect (which returns the RPC's status) and its audit row in one transaction.
Status auditedOp(core::Store &store, core::audit::Entry entry,
                 const std::function<Status(Connection &)> &effect)
{
    Status result;
    store.audited(std::move(entry), [&](Connection &db, core::audit::Entry &e) {
        result = effect(db);
        e.result = core::codeName(result.error_code());
        e.resultMessage = result.error_message();
    });
    return result;
}

// The effect failed: roll back its writes but keep the audit row. SAVEPOINT gives us that.
Status attempt(Connection &db, const std::function<Status(Connection &)> &effect)
{
    db.exec("SAVEPOINT op");
    Status status;
    try {
        status = effect(db);
    } catch (...) {
        db.exec("ROLLBACK TO op");
        db.exec("RELEASE op");
        throw;
    }
    if (!status.ok())
        db.exec("ROLLBACK TO op");
    db.exec("RELEASE op");
    return status;
}

std::string quoted(const std::string &s)
{
    return "\"" + s + "\"";
}

void insertToken(Connection &db, const core::tokens::NewToken &t, const std::string &userId,
                 const std::string &description, std::int64_t now, std::int64_t ttlSeconds)
{
    Stmt &insert =
        db.prepare("INSERT INTO tokens (id, user_id, description, secret_hash, create_time, "
                   "expire_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, t.id).bind(2, userId).bind(3, description).bind(4, t.hash).bind(5, now);
    if (ttlSeconds > 0)
        insert.bind(6, now + ttlSeconds * 1000);
    insert.step();
    insert.reset();
}

} // namespace

Status createUser(core::Store &store, const core::Caller &actor, const std::string &userId,
                  const std::string &displayName, const std::vector<std::string> &roles,
                  core::User *out)
{
    std::vector<std::string> normalised;
    Status status;
    if (!core::isValidId(userId))
        status = invalid("user_id: must match [a-z][a-z0-9-]{0,62}");
    else if (status = checkText(displayName, kMaxDisplayName, "display_name"); !status.ok()) {
    } else if (status = checkRoles(roles, "roles", &normalised); !status.ok()) {
    } else {
        status = checkGrant(actor, normalised, {});
    }
    const std::string resource = status.ok() || core::isValidId(userId) ? "users/" + userId : "";
    std::string summary = status.ok()
                              ? "user_id=" + userId + " display_name=" + quoted(displayName) +
                                    " roles=" + core::joinRoles(normalised)
                              : "";
    return auditedOp(
        store, core::auditEntry(actor, resource, std::move(summary)), [&](Connection &db) {
            if (!status.ok())
                return status;
            return attempt(db, [&](Connection &db) {
                if (core::findUser(db, userId))
                    return Status(StatusCode::ALREADY_EXISTS,
                                  "user users/" + userId + " already exists");
                core::User u{userId, displayName.empty() ? userId : displayName, normalised,
                             nowMs(), actor.system ? actor.actor : actor.actor};
                const std::string storedRoles = core::joinRoles(u.roles);
                Stmt &insert =
                    db.prepare("INSERT INTO users (id, display_name, roles, create_time, "
                               "created_by) VALUES (?1, ?2, ?3, ?4, ?5)");
                insert.bind(1, u.id).bind(2, u.displayName).bind(3, storedRoles);
                insert.bind(4, u.createMs).bind(5, u.createdBy);
                insert.step();
                insert.reset();
                if (out)
                    *out = std::move(u);
                return Status::OK;
            });
        });
}

Status updateUserRoles(core::Store &store, const core::Caller &actor, const std::string &userId,
                       const std::vector<std::string> &roles, core::User *out)
{
    std::vector<std::string> normalised;
    Status status;
    if (!core::isValidId(userId))
        status = invalid("name: must be users/{user}");
    else
        status = checkRoles(roles, "roles", &normalised);
    const std::string resource = core::isValidId(userId) ? "users/" + userId : "";
    std::string summary = status.ok() ? "roles=" + core::joinRoles(normalised) : "";
    const Status result = auditedOp(
        store, core::auditEntry(actor, resource, std::move(summary)), [&](Connection &db) {
            if (!status.ok())
                return status;
            return attempt(db, [&](Connection &db) {
                std::optional<core::User> user = core::findUser(db, userId);
                if (!user)
                    return Status(StatusCode::NOT_FOUND, "user users/" + userId + " not found");
                if (Status s = checkGrant(actor, normalised, user->roles); !s.ok())
                    return s;
                Stmt &update = db.prepare("UPDATE users SET roles = ?2 WHERE id = ?1");
                const std::string storedRoles = core::joinRoles(normalised);
                update.bind(1, userId).bind(2, storedRoles);
                update.step();
                update.reset();
                user->roles = normalised;
                if (out)
                    *out = std::move(*user);
                return Status::OK;
            });
        });
    if (result.ok())
        core::bumpAccessEpoch(); // open streams re-check
    return result;
}

Status createToken(core::Store &store, const core::Caller &actor, const std::string &userId,
                   const std::string &description, std::int64_t ttlSeconds, core::Token *out,
                   std::string *secret)
{
    Status status;
    if (!core::isValidId(userId))
        status = invalid("user: must be users/{user}");
    else if (status = checkText(description, kMaxDescription, "description"); !status.ok()) {
    } else if (ttlSeconds < 0 || ttlSeconds > kMaxTtlSeconds) {
        status = invalid("ttl_seconds: must be between 0 (never expires) and " +
                         std::to_string(kMaxTtlSeconds));
    }
    const std::string resource = core::isValidId(userId) ? "users/" + userId : "";
    std::string summary = status.ok() ? "description=" + quoted(description) +
                                            " ttl_seconds=" + std::to_string(ttlSeconds)
                                      : "";
    core::tokens::NewToken t = core::tokens::generate();
    const Status result = auditedOp(
        store, core::auditEntry(actor, resource, std::move(summary)), [&](Connection &db) {
            if (!status.ok())
                return status;
            return attempt(db, [&](Connection &db) {
                if (!core::findUser(db, userId))
                    return Status(StatusCode::NOT_FOUND, "user users/" + userId + " not found");
                const std::int64_t now = nowMs();
                insertToken(db, t, userId, description, now, ttlSeconds);
                if (out) {
                    *out = core::Token{t.id, userId, description, now, {}, {}, {}};
                    if (ttlSeconds > 0)
                        out->expireMs = now + ttlSeconds * 1000;
                }
                return Status::OK;
            });
        });
    if (result.ok() && secret)
        *secret = t.token;
    return result;
}

Status revokeToken(core::Store &store, const core::Caller &actor, const std::string &tokenId,
                   core::Token *out)
{
    std::string ignored;
    const bool wellFormed =
        tokenId.size() == 12 && std::all_of(tokenId.begin(), tokenId.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        });
    const Status result = auditedOp(
        store, core::auditEntry(actor, wellFormed ? "tokens/" + tokenId : "", {}),
        [&](Connection &db) {
            if (!wellFormed)
                return invalid("name: must be tokens/{id} with 12 lowercase hex characters");
            return attempt(db, [&](Connection &db) {
                std::optional<core::Token> token = core::findToken(db, tokenId);
                if (!token)
                    return Status(StatusCode::NOT_FOUND, "token tokens/" + tokenId + " not found");
                if (!token->revokeMs) {
                    token->revokeMs = nowMs();
                    Stmt &update = db.prepare("UPDATE tokens SET revoke_time = ?2 WHERE id = ?1");
                    update.bind(1, tokenId).bind(2, *token->revokeMs);
                    update.step();
                    update.reset();
                }
                if (out)
                    *out = std::move(*token);
                return Status::OK;
            });
        });
    if (result.ok())
        core::bumpAccessEpoch(); // open streams re-check
    return result;
}

std::vector<core::User> listUsers(core::Store &store)
{
    std::vector<core::User> users;
    store.read([&](Connection &db) {
        Stmt &s = db.prepare(std::string(core::kSelectUser) + " ORDER BY id");
        while (s.step())
            users.push_back(core::readUser(s));
        s.reset();
    });
    return users;
}

std::optional<core::User> findUser(core::Store &store, const std::string &userId)
{
    std::optional<core::User> user;
    store.read([&](Connection &db) { user = core::findUser(db, userId); });
    return user;
}

std::vector<core::Token> listTokens(core::Store &store, const std::string &userId)
{
    std::vector<core::Token> tokens;
    store.read([&](Connection &db) {
        Stmt &s = userId.empty()
                      ? db.prepare(std::string(core::kSelectToken) + " ORDER BY create_time, id")
                      : db.prepare(std::string(core::kSelectToken) +
                                   " WHERE user_id = ?1 ORDER BY create_time, id");
        if (!userId.empty())
            s.bind(1, userId);
        while (s.step())
            tokens.push_back(core::readToken(s));
        s.reset();
    });
    return tokens;
}

bool bootstrapAdmin(core::Store &store, const std::string &adminTokenPath)
{
    bool empty = false;
    store.read([&](Connection &db) { empty = db.queryInt("SELECT count(*) FROM users") == 0; });
    if (!empty)
        return false;
    const core::tokens::NewToken t = core::tokens::generate();
    const std::string temp = adminTokenPath + ".tmp";
    core::Caller actor{"system:bootstrap", {}, "bootstrap:admin", "", true, {}};
    core::audit::Entry entry = core::auditEntry(
        actor, "users/admin", "create user admin (admin, compliance_officer, manager) and a token");
    // Another replica sharing the store may bootstrap at the same moment: the audited write
    // serialises on the store's locks, and the one that comes second finds its user and stops.
    struct AlreadyBootstrapped
    {
    };
    try {
        store.audited(std::move(entry), [&](Connection &db, core::audit::Entry &) {
            if (db.queryInt("SELECT count(*) FROM users") != 0)
                throw AlreadyBootstrapped{};
            Stmt &insert = db.prepare("INSERT INTO users (id, display_name, roles, create_time, "
                                      "created_by) VALUES ('admin', 'Administrator', "
                                      "'admin,compliance_officer,manager', ?1, 'system')");
            insert.bind(1, nowMs());
            insert.step();
            insert.reset();
            insertToken(db, t, "admin", "bootstrap admin token (admin.token)", nowMs(), 0);
            // The file is made before the commit, so a committed token always has its file.
            ::unlink(temp.c_str());
            const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0)
                throw core::StoreError("cannot write " + temp + ": " + std::strerror(errno));
            const std::string content = t.token + "\n";
            const bool ok =
                ::write(fd, content.data(), content.size()) == ssize_t(content.size()) &&
                ::fsync(fd) == 0;
            ::close(fd);
            if (!ok)
                throw core::StoreError("cannot write " + temp + ": " + std::strerror(errno));
        });
    } catch (const AlreadyBootstrapped &) {
        spdlog::info("identity: another replica created the admin user meanwhile");
        return false;
    }
    if (std::rename(temp.c_str(), adminTokenPath.c_str()) != 0)
        throw core::StoreError("cannot write " + adminTokenPath + ": " + std::strerror(errno));
    const std::string dir = std::filesystem::path(adminTokenPath).parent_path().string();
    if (const int dirFd =
            ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    spdlog::info("identity: created user admin; its token is in {} (mode 0600)", adminTokenPath);
    return true;
}

} // namespace platformd::identity
