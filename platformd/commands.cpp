// platformd's commands: users, tokens, audit verification and FOCUS imports on a data dir's
// database (offline) or a PostgreSQL store (--store, beside running replicas), and init-tls.
#include "core/caller.h"
#include "core/store.h"

#include "core/postgres.h"
#include "core/sqlite.h"
#include "core/storebackend.h"
#include "cost/costcli.h"
#include "identity/identitystore.h"
#include "modules.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

int runInitTls(const std::vector<std::string> &args);

namespace {

using namespace platformd;

constexpr int kFailed = 1;
constexpr int kUsage = 2;

int usage(const std::string &message)
{
    std::cerr << "platformd: " << message << "\nTry 'platformd --help'.\n";
    return kUsage;
}

std::string formatMs(std::optional<std::int64_t> ms)
{
    if (!ms)
        return "-";
    return core::Store::formatAuditTime(*ms * 1000).substr(0, 19) + "Z";
}

// "30d", "12h", "90m", "45s" -> seconds; nullopt when malformed.
std::optional<std::int64_t> parseDuration(const std::string &text)
{
    if (text.size() < 2)
        return std::nullopt;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size() - 1, value);
    if (ec != std::errc() || end != text.data() + text.size() - 1 || value <= 0 || value > 100000)
        return std::nullopt;
    switch (text.back()) {
    case 'd':
        return value * 86400;
    case 'h':
        return value * 3600;
    case 'm':
        return value * 60;
    case 's':
        return value;
    default:
        return std::nullopt;
    }
}

struct Parsed
{
    std::vector<std::string> positional;
    std::string dataDir = "platformd-data";
    std::string store; // a postgresql:// URI; empty: <data dir>/platform.db
    std::vector<std::string> roles;
    std::optional<std::string> displayName, description, expires;
    std::string error;
};

Parsed parseArgs(const std::vector<std::string> &args)
{
    Parsed p;
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::optional<std::string> inlineValue;
        if (const size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        auto value = [&]() -> std::optional<std::string> {
            if (inlineValue)
                return inlineValue;
            if (i + 1 >= args.size())
                return std::nullopt;
            return args[++i];
        };
        if (arg == "--data-dir" || arg == "--store" || arg == "--role" || arg == "--display-name" ||
            arg == "--description" || arg == "--expires") {
            auto v = value();
            if (!v) {
                p.error = "missing value for " + arg;
                return p;
            }
            if (arg == "--data-dir") {
                p.dataDir = *v;
            } else if (arg == "--store") {
                if (!core::isPostgresUri(*v)) {
                    p.error = "invalid value for --store (expected a postgresql:// URI)";
                    return p;
                }
                p.store = *v;
            } else if (arg == "--role")
                p.roles.push_back(*v);
            else if (arg == "--display-name")
                p.displayName = *v;
            else if (arg == "--description")
                p.description = *v;
            else
                p.expires = *v;
        } else if (arg.starts_with("--")) {
            p.error = "unknown argument \"" + args[i] + "\"";
            return p;
        } else {
            p.positional.push_back(arg);
        }
    }
    return p;
}

// Opens the store for a change: the data dir's database, offline (refuses while a platformd holds
// it; create: a missing data dir and database are made, for import-focus into a fresh data dir),
// or the PostgreSQL store of --store, whose database must exist (replicas may be serving it: the
// change is one transaction like theirs, and they see it).
std::unique_ptr<core::Store> openStore(const Parsed &p, std::string *error, bool create = false)
{
    core::StoreOptions options;
    options.migrations = moduleMigrations();
    options.readers = 1;
    if (!p.store.empty()) {
        options.path = p.store;
    } else {
        const std::string &dataDir = p.dataDir;
        const std::filesystem::path db = std::filesystem::path(dataDir) / "platform.db";
        std::error_code ec;
        if (create)
            std::filesystem::create_directories(dataDir, ec);
        if (!create && !std::filesystem::exists(db)) {
            *error = "no platformd database in " + dataDir +
                     " (start platformd once with --data-dir " + dataDir + ")";
            return nullptr;
        }
        const std::string lock = (std::filesystem::path(dataDir) / "platformd.lock").string();
        const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0 || ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            *error = "the data dir " + dataDir +
                     " is in use by a running platformd; stop it first, or use the "
                     "IdentityService API";
            return nullptr;
        }
        options.path = db.string();
    }
    try {
        return std::make_unique<core::Store>(options);
    } catch (const std::exception &e) {
        *error = e.what();
        return nullptr;
    }
}

core::Caller cliActor(const std::string &verb)
{
    return core::Caller{"system:cli", {}, "cli:" + verb, "local", true, {}};
}

int report(const grpc::Status &status)
{
    std::cerr << "platformd: " << status.error_message() << "\n";
    return kFailed;
}

int userCommand(const Parsed &p)
{
    if (p.positional.empty())
        return usage("user: expected add or list");
    std::string error;
    const std::string &verb = p.positional[0];
    if (verb == "add") {
        if (p.positional.size() != 2)
            return usage("user add: expected one NAME");
        if (p.roles.empty())
            return usage("user add: at least one --role is required");
        auto store = openStore(p, &error);
        if (!store)
            return std::cerr << "platformd: " << error << "\n", kFailed;
        core::User user;
        const grpc::Status s = identity::createUser(*store, cliActor("user.add"), p.positional[1],
                                                    p.displayName.value_or(""), p.roles, &user);
        if (!s.ok())
            return report(s);
        std::cout << "created users/" << user.id << " (" << core::joinRoles(user.roles) << ")\n";
        return 0;
    }
    if (verb == "list") {
        auto store = openStore(p, &error);
        if (!store)
            return std::cerr << "platformd: " << error << "\n", kFailed;
        for (const core::User &u : identity::listUsers(*store))
            std::cout << "users/" << u.id << "\t" << u.displayName << "\t"
                      << core::joinRoles(u.roles) << "\t" << formatMs(u.createMs) << "\n";
        return 0;
    }
    return usage("user: unknown command \"" + verb + "\" (add, list)");
}

int tokenCommand(const Parsed &p)
{
    if (p.positional.empty())
        return usage("token: expected create, revoke or list");
    std::string error;
    const std::string &verb = p.positional[0];
    if (verb == "create") {
        if (p.positional.size() != 2)
            return usage("token create: expected one USER");
        std::int64_t ttl = 0;
        if (p.expires) {
            const auto seconds = parseDuration(*p.expires);
            if (!seconds)
                return usage("token create: invalid --expires \"" + *p.expires +
                             "\" (e.g. 30d, 12h, 90m)");
            ttl = *seconds;
        }
        std::string user = p.positional[1];
        if (user.starts_with("users/"))
            user = user.substr(6);
        auto store = openStore(p, &error);
        if (!store)
            return std::cerr << "platformd: " << error << "\n", kFailed;
        core::Token token;
        std::string secret;
        const grpc::Status s =
            identity::createToken(*store, cliActor("token.create"), user,
                                  p.description.value_or(""), ttl, &token, &secret);
        if (!s.ok())
            return report(s);
        std::cerr << "created tokens/" << token.id << " for users/" << user
                  << (token.expireMs ? ", expires " + formatMs(token.expireMs) : ", never expires")
                  << "; it is shown only now:\n";
        std::cout << secret << "\n";
        return 0;
    }
    if (verb == "revoke") {
        if (p.positional.size() != 2)
            return usage("token revoke: expected one ID");
        std::string id = p.positional[1];
        if (id.starts_with("tokens/"))
            id = id.substr(7);
        auto store = openStore(p, &error);
        if (!store)
            return std::cerr << "platformd: " << error << "\n", kFailed;
        core::Token token;
        const grpc::Status s = identity::revokeToken(*store, cliActor("token.revoke"), id, &token);
        if (!s.ok())
            return report(s);
        std::cout << "revoked tokens/" << token.id << "\n";
        return 0;
    }
    if (verb == "list") {
        auto store = openStore(p, &error);
        if (!store)
            return std::cerr << "platformd: " << error << "\n", kFailed;
        for (const core::Token &t : identity::listTokens(*store, {}))
            std::cout << "tokens/" << t.id << "\tusers/" << t.userId << "\tcreated "
                      << formatMs(t.createMs) << "\texpires " << formatMs(t.expireMs)
                      << "\trevoked " << formatMs(t.revokeMs) << "\tlast used "
                      << formatMs(t.lastUseMs) << "\t" << t.description << "\n";
        return 0;
    }
    return usage("token: unknown command \"" + verb + "\" (create, revoke, list)");
}

int auditCommand(const Parsed &p)
{
    if (p.positional.size() != 1 || p.positional[0] != "verify")
        return usage("audit: expected verify");
    try {
        core::audit::Verdict v;
        if (!p.store.empty()) {
            // Read only and without migrating: one snapshot of the audit table and its anchor
            // row, whatever the replicas append meanwhile.
            core::PgConnection connection(p.store);
            core::Transaction tx(connection, core::Transaction::Mode::Read);
            v = core::Store::verifyAudit(connection, {});
            tx.commit();
        } else {
            const std::filesystem::path db = std::filesystem::path(p.dataDir) / "platform.db";
            if (!std::filesystem::exists(db)) {
                std::cerr << "platformd: no platformd database in " << p.dataDir << "\n";
                return kFailed;
            }
            core::SqliteConnection connection(db.string(), false);
            connection.exec("PRAGMA query_only=1");
            v = core::Store::verifyAudit(
                connection, (std::filesystem::path(p.dataDir) / "audit.head").string());
        }
        if (!v.intact) {
            std::cout << "audit chain broken at seq " << v.firstBadSeq << ": " << v.problem << "\n";
            return kFailed;
        }
        std::cout << "audit chain intact: " << v.entriesChecked << " entries, head " << v.headHash
                  << "\n";
        return 0;
    } catch (const std::exception &e) {
        std::cerr << "platformd: " << e.what() << "\n";
        return kFailed;
    }
}

int importFocusCommand(const Parsed &p)
{
    if (p.positional.empty())
        return usage("import-focus: expected at least one FILE");
    std::string error;
    auto store = openStore(p, &error, true);
    if (!store)
        return std::cerr << "platformd: " << error << "\n", kFailed;
    try {
        return cost::importFocusFiles(*store, p.positional, std::cout) == 0 ? 0 : kFailed;
    } catch (const std::exception &e) {
        std::cerr << "platformd: " << e.what() << "\n";
        return kFailed;
    }
}

} // namespace

int runCommand(int argc, char **argv)
{
    spdlog::set_level(spdlog::level::warn);
    const std::string command = argv[1];
    const std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "init-tls")
        return runInitTls(args);
    const Parsed p = parseArgs(args);
    if (!p.error.empty())
        return usage(p.error);
    if (command == "user")
        return userCommand(p);
    if (command == "token")
        return tokenCommand(p);
    if (command == "import-focus")
        return importFocusCommand(p);
    return auditCommand(p);
}
