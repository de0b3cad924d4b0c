// platformd: the reference server of the ops.platform.v1 API (see docs/API.md).
#include "core/postgres.h"
#include "core/server.h"
#include "core/store.h"
#include "identity/identitystore.h"
#include "inittls.h"
#include "modules.h"
#include "version.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int kUsageError = 2;

const char kHelp[] = R"(Usage: platformd [options]

       platformd user add NAME --role ROLE [--role ROLE...] [--display-name TEXT] STORE
       platformd user list STORE
       platformd token create USER [--expires 30d|12h|90m] [--description TEXT] STORE
       platformd token revoke ID STORE
       platformd token list STORE
       platformd audit verify STORE
       platformd import-focus STORE FILE...   (FinOps FOCUS 1.0-1.2 CSV or .csv.gz)
       platformd init-tls DIR --host NAME [--host NAME...] --ip ADDR [--ip ADDR...] [--client NAME...] [--force]
       where STORE is --data-dir DIR (its platform.db, while no platformd runs on it) or
       --store URI (a PostgreSQL store, also while platformd replicas serve it)

Serves the ops.platform.v1 API (every module's services), grpc.health.v1 and server reflection
over HTTP/2, plaintext or TLS. Every call but health and reflection needs "authorization: Bearer
<token>"; a fresh data dir gets the user admin, whose token is written to <data dir>/admin.token
(mode 0600). See docs/SECURITY.md. Once listening it prints to stdout "ENDPOINT <name> <url>" for
each address a module serves beside gRPC (the incidents webhook listener), then one line
"LISTEN <host>:<port>"; logs go to stderr (and --log-file), never to stdout.

Options:
  --listen ADDR               host:port to listen on (default 127.0.0.1:7443; port 0 picks a free port);
                              anything but loopback needs TLS or --insecure
  --tls-cert PEM              serve TLS with this certificate chain (with --tls-key)
  --tls-key PEM               the certificate's private key
  --client-ca PEM             require client certificates issued by this CA (mTLS)
  --insecure                  allow plaintext on a non-loopback --listen address
  --data-dir DIR              where platform.db lives (created if missing; default ./platformd-data)
  --store URI                 keep the store in PostgreSQL instead (postgresql://user@host:port/db;
                              the database must exist); the data dir still holds admin.token.
                              Any number of replicas may share one database: each serves the
                              same state and watches, and one of them leads the demo and the
                              scheduled jobs (docs/DEPLOYMENT.md)
  --demo                      run the demo simulator (seeds an empty database, then changes it live)
  --seed N                    demo world and random decisions (default 1)
  --demo-rate EVENTS_PER_S    demo health events per second (default 50)
  --demo-scale N              with --demo on an empty registry: generate model versions up to N in
                              total (older history spread over the demo models), for benchmarks
  --retention-revisions N     revisions kept for watch resumption (default 100000)
  --progress-interval-ms MS   WatchProgress heartbeat interval (default 2000)
  --watch-queue N             undelivered transactions before a watcher is dropped (default 4096)
  --log-level LEVEL           trace, debug, info, warn or error (default info)
  --log-file PATH             also log to PATH (rotating, 10 MiB x 3)
  --exit-with-parent          exit when the parent process dies (embedded use)
  --version                   print the version and exit
  --help                      print this help and exit

Exit status: 0 after SIGINT/SIGTERM, 1 when the database cannot be used, 2 for bad arguments.
)";

struct Options
{
    std::string listen = "127.0.0.1:7443";
    std::string dataDir = "platformd-data";
    std::string store; // a postgresql:// URI; empty: <data dir>/platform.db
    bool demo = false;
    std::uint64_t seed = 1;
    double demoRate = 50;
    std::int64_t demoScale = 0;
    std::int64_t retention = 100000;
    int progressIntervalMs = 2000;
    std::int64_t watchQueue = 4096;
    std::string logLevel = "info";
    std::string logFile;
    bool exitWithParent = false;
    std::string tlsCert, tlsKey, clientCa;
    bool insecure = false;
    platformd::core::ModuleOptionValues moduleOptions;
};

const platformd::core::ModuleOption *moduleOption(const std::string &name)
{
    for (const platformd::core::Module &module : platformd::modules())
        for (const platformd::core::ModuleOption &option : module.options)
            if (option.name == name)
                return &option;
    return nullptr;
}

// kHelp, then each module's options under its name.
std::string helpText()
{
    std::string text = kHelp;
    for (const platformd::core::Module &module : platformd::modules()) {
        if (module.options.empty())
            continue;
        text += "\nOptions of the " + module.name + " module:\n";
        for (const platformd::core::ModuleOption &option : module.options) {
            std::string head = "  " + option.name + " " + option.valueName;
            if (head.size() < 30)
                head.resize(30, ' ');
            else
                head += "\n" + std::string(30, ' ');
            text += head + option.help + (option.repeatable ? " (repeatable)" : "") + "\n";
        }
    }
    return text;
}

[[noreturn]] void usageError(const std::string &message)
{
    std::cerr << "platformd: " << message << "\nTry 'platformd --help'.\n";
    std::exit(kUsageError);
}

template<typename T>
T parseNumber(const std::string &option, const std::string &text, T min, T max)
{
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
        usageError("invalid value \"" + text + "\" for " + option);
    return value;
}

bool validListen(const std::string &address)
{
    const size_t colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == address.size())
        return false;
    const std::string port = address.substr(colon + 1);
    int value = -1;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    return ec == std::errc() && end == port.data() + port.size() && value >= 0 && value <= 65535;
}

// 127.0.0.0/8, ::1 and localhost; everything else (0.0.0.0, [::], names) counts as the network.
bool isLoopback(std::string host)
{
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    if (host == "localhost" || host == "::1")
        return true;
    if (!host.starts_with("127."))
        return false;
    int parts = 0;
    for (size_t start = 0; start <= host.size();) {
        const size_t dot = std::min(host.find('.', start), host.size());
        int value = -1;
        const auto [end, ec] = std::from_chars(host.data() + start, host.data() + dot, value);
        if (ec != std::errc() || end != host.data() + dot || value < 0 || value > 255)
            return false;
        ++parts;
        start = dot + 1;
    }
    return parts == 4;
}

std::string readFileOrExit(const std::string &option, const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        usageError("cannot read " + option + " " + path);
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// One platformd per data dir: the server and the CLI take an exclusive lock on it.
bool lockDataDir(const std::string &dataDir)
{
    const std::string path = (std::filesystem::path(dataDir) / "platformd.lock").string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    return fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0; // held until exit
}

Options parse(int argc, char **argv)
{
    Options o;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::optional<std::string> inlineValue;
        if (const size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            inlineValue = arg.substr(eq + 1);
            arg = arg.substr(0, eq);
        }
        auto value = [&]() -> std::string {
            if (inlineValue)
                return *inlineValue;
            if (i + 1 >= args.size())
                usageError("missing value for " + arg);
            return args[++i];
        };
        auto flag = [&] {
            if (inlineValue)
                usageError(arg + " takes no value");
        };
        if (arg == "--help" || arg == "-h") {
            std::cout << helpText();
            std::exit(0);
        } else if (arg == "--version") {
            std::cout << "platformd " << platformd::kVersion << "\n";
            std::exit(0);
        } else if (arg == "--listen") {
            o.listen = value();
            if (!validListen(o.listen))
                usageError("invalid value \"" + o.listen + "\" for --listen (expected host:port)");
        } else if (arg == "--data-dir") {
            o.dataDir = value();
            if (o.dataDir.empty())
                usageError("--data-dir must not be empty");
        } else if (arg == "--store") {
            o.store = value();
            if (!platformd::core::isPostgresUri(o.store))
                usageError("invalid value for --store (expected a postgresql:// URI)");
        } else if (arg == "--demo") {
            flag();
            o.demo = true;
        } else if (arg == "--seed") {
            o.seed = parseNumber<std::uint64_t>(arg, value(), 0, UINT64_MAX);
        } else if (arg == "--demo-rate") {
            o.demoRate = parseNumber<double>(arg, value(), 0, 10'000'000);
        } else if (arg == "--demo-scale") {
            o.demoScale = parseNumber<std::int64_t>(arg, value(), 0, 10'000'000);
        } else if (arg == "--retention-revisions") {
            o.retention = parseNumber<std::int64_t>(arg, value(), 1, INT64_MAX);
        } else if (arg == "--progress-interval-ms") {
            o.progressIntervalMs = parseNumber<int>(arg, value(), 10, 3'600'000);
        } else if (arg == "--watch-queue") {
            o.watchQueue = parseNumber<std::int64_t>(arg, value(), 1, 10'000'000);
        } else if (arg == "--log-level") {
            o.logLevel = value();
            if (o.logLevel != "trace" && o.logLevel != "debug" && o.logLevel != "info" &&
                o.logLevel != "warn" && o.logLevel != "error")
                usageError("invalid value \"" + o.logLevel +
                           "\" for --log-level (trace, debug, info, warn, error)");
        } else if (arg == "--log-file") {
            o.logFile = value();
        } else if (arg == "--tls-cert") {
            o.tlsCert = value();
        } else if (arg == "--tls-key") {
            o.tlsKey = value();
        } else if (arg == "--client-ca") {
            o.clientCa = value();
        } else if (arg == "--insecure") {
            flag();
            o.insecure = true;
        } else if (arg == "--exit-with-parent") {
            flag();
            o.exitWithParent = true;
        } else if (const platformd::core::ModuleOption *option = moduleOption(arg)) {
            std::vector<std::string> &values = o.moduleOptions[option->name];
            if (!values.empty() && !option->repeatable)
                usageError(arg + " given more than once");
            values.push_back(value());
        } else {
            usageError("unknown argument \"" + args[i] + "\"");
        }
    }
    if (o.tlsCert.empty() != o.tlsKey.empty())
        usageError("--tls-cert and --tls-key go together");
    if (!o.clientCa.empty() && o.tlsCert.empty())
        usageError("--client-ca needs --tls-cert and --tls-key");
    if (o.tlsCert.empty() && !o.insecure && !isLoopback(o.listen.substr(0, o.listen.rfind(':'))))
        usageError("refusing to serve plaintext on the non-loopback address " + o.listen +
                   ": give --tls-cert/--tls-key, or --insecure to accept the risk");
    return o;
}

void setUpLogging(const Options &o)
{
    std::vector<spdlog::sink_ptr> sinks;
    sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    if (!o.logFile.empty()) {
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
                o.logFile, 10 * 1024 * 1024, 3));
        } catch (const spdlog::spdlog_ex &e) {
            std::cerr << "platformd: cannot open --log-file " << o.logFile << ": " << e.what()
                      << "\n";
            std::exit(kUsageError);
        }
    }
    auto logger = std::make_shared<spdlog::logger>("platformd", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::from_str(o.logLevel));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(1));
}

} // namespace

int runCommand(int argc, char **argv);

// The data dir holds users, token hashes and the audit log: only platformd's user may read it.
// Creates it 0700; refuses one that others may write to (they could swap the database or the
// audit anchor); tightens what an older platformd left readable. Files are created 0600 (umask).
bool prepareDataDir(const std::string &dir, std::string *error)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool existed = fs::exists(dir, ec);
    if (!existed) {
        fs::create_directories(dir, ec);
        if (ec) {
            *error = "cannot create --data-dir " + dir + ": " + ec.message();
            return false;
        }
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
        return true;
    }
    const fs::file_status status = fs::status(dir, ec);
    if (ec || !fs::is_directory(status)) {
        *error = "--data-dir " + dir + " is not a directory";
        return false;
    }
    const fs::perms perms = status.permissions();
    if ((perms & (fs::perms::group_write | fs::perms::others_write)) != fs::perms::none) {
        *error = "refusing to use the data dir " + dir +
                 ": it is writable by its group or by others (chmod 700 it)";
        return false;
    }
    if ((perms & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
        spdlog::warn("data dir {} was readable by others; now 0700", dir);
    }
    for (const char *name : {"platform.db", "platform.db-wal", "platform.db-shm", "audit.head",
                             "admin.token", "platformd.log", "platformd.lock"}) {
        const fs::path file = fs::path(dir) / name;
        const fs::file_status fileStatus = fs::status(file, ec);
        if (ec || !fs::is_regular_file(fileStatus))
            continue;
        if ((fileStatus.permissions() & (fs::perms::group_all | fs::perms::others_all)) !=
            fs::perms::none) {
            fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write,
                            fs::perm_options::replace, ec);
            spdlog::warn("{} was readable by others; now 0600", file.string());
        }
    }
    return true;
}

int main(int argc, char **argv)
{
    umask(077); // every file and directory platformd or its CLI creates is private to its user
    if (argc > 1 && (std::string(argv[1]) == "user" || std::string(argv[1]) == "token" ||
                     std::string(argv[1]) == "audit" || std::string(argv[1]) == "init-tls" ||
                     std::string(argv[1]) == "import-focus"))
        return runCommand(argc, argv);
    const pid_t originalParent = getppid();
    const Options options = parse(argc, argv);
    if (!options.tlsCert.empty()) {
        if (const std::string problem =
                platformd::checkTlsFiles(options.tlsCert, options.tlsKey, options.clientCa);
            !problem.empty())
            usageError(problem);
    }

    if (options.exitWithParent) {
        // The kernel signals us when the parent dies, even under kill -9; if it died before
        // prctl took effect we would never hear, so check it is still there.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != originalParent) {
            std::cerr << "platformd: parent process already gone; exiting\n";
            return 0;
        }
    }
    // Signals are taken synchronously by main (sigwait) so every other thread ignores them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    setUpLogging(options);

    if (std::string problem; !prepareDataDir(options.dataDir, &problem)) {
        spdlog::error("{}", problem);
        return 1;
    }
    if (!lockDataDir(options.dataDir)) {
        spdlog::error("refusing to start: the data dir {} is in use by another platformd",
                      options.dataDir);
        return 1;
    }
    const std::string dbPath =
        options.store.empty() ? (std::filesystem::path(options.dataDir) / "platform.db").string()
                              : options.store;
    // What the log may show: never a URI's password.
    const std::string dbName =
        options.store.empty() ? dbPath : platformd::core::redactedUri(dbPath);

    std::unique_ptr<platformd::core::Store> store;
    try {
        platformd::core::StoreOptions storeOptions;
        storeOptions.path = dbPath;
        storeOptions.retention = options.retention;
        storeOptions.migrations = platformd::moduleMigrations();
        store = std::make_unique<platformd::core::Store>(storeOptions);
    } catch (const std::exception &e) {
        spdlog::error("refusing to start: {}", e.what());
        spdlog::shutdown();
        return 1;
    }
    try {
        platformd::identity::bootstrapAdmin(
            *store, (std::filesystem::path(options.dataDir) / "admin.token").string());
    } catch (const std::exception &e) {
        spdlog::error("refusing to start: cannot create the admin user: {}", e.what());
        return 1;
    }
    // The audit log is evidence: say loudly at start when it no longer verifies. platformd still
    // serves (the console shows the broken chain too); `platformd audit verify` gives the details.
    platformd::core::audit::Verdict verdict;
    store->read([&](platformd::core::Connection &db) {
        verdict = platformd::core::Store::verifyAudit(db, store->auditHeadPath());
    });
    if (!verdict.intact)
        spdlog::error("audit: the audit log does not verify: seq {}: {}", verdict.firstBadSeq,
                      verdict.problem);
    spdlog::info("store {} at revision {} (oldest retained {})", dbName, store->currentRevision(),
                 store->oldestRetainedRevision());

    platformd::core::ServerOptions serverOptions;
    serverOptions.listen = options.listen;
    serverOptions.progressInterval = std::chrono::milliseconds(options.progressIntervalMs);
    serverOptions.watchQueue = size_t(options.watchQueue);
    serverOptions.demo.enabled = options.demo;
    serverOptions.demo.seed = options.seed;
    serverOptions.demo.eventsPerSecond = options.demoRate;
    serverOptions.demo.scale = options.demoScale;
    serverOptions.moduleOptions = options.moduleOptions;
    if (!options.tlsCert.empty()) {
        serverOptions.tls.certPem = readFileOrExit("--tls-cert", options.tlsCert);
        serverOptions.tls.keyPem = readFileOrExit("--tls-key", options.tlsKey);
        if (!options.clientCa.empty())
            serverOptions.tls.clientCaPem = readFileOrExit("--client-ca", options.clientCa);
    }
    // Opens every module (the demo's seeding and simulators included), then listens.
    // Destroyed before the store: its watch streams and modules hold the store's feeds.
    auto server =
        std::make_unique<platformd::core::Server>(*store, serverOptions, platformd::modules());
    std::string error;
    if (!server->start(&error)) {
        spdlog::error("{}", error);
        return 1;
    }
    const std::string host = options.listen.substr(0, options.listen.rfind(':'));
    for (const platformd::core::ModuleEndpoint &endpoint : server->endpoints())
        std::printf("ENDPOINT %s %s\n", endpoint.name.c_str(), endpoint.url.c_str());
    std::printf("LISTEN %s:%d\n", host.c_str(), server->port());
    std::fflush(stdout);
    spdlog::info("platformd {} listening on {}:{}{}", platformd::kVersion, host, server->port(),
                 options.demo ? " (demo)" : "");

    int signal = 0;
    sigwait(&signals, &signal);
    spdlog::info("received {}, shutting down", signal == SIGINT ? "SIGINT" : "SIGTERM");
    server->shutdown(std::chrono::seconds(2));
    server.reset();
    store.reset();
    spdlog::info("stopped");
    spdlog::shutdown();
    return 0;
}
