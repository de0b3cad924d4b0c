// platformd as replicas over one PostgreSQL database (issue 15) against one platformd on SQLite,
// measured from outside through real processes:
//   sqlite_write_tx_per_s_1 / pg_write_tx_per_s_1 / pg_write_tx_per_s_3: audited UpdateRegion
//     calls (each commits one revision to the core's log and one entry to the audit log) answered
//     OK per second, from OPS_BENCH_CLIENTS (8) client threads spread round-robin over one or three
//     replicas, over OPS_BENCH_SECONDS (5) seconds after every client's first call.
//   sqlite_/pg_watch_fanout_1000_p50_ms / _p99_ms: 1,000 WatchRegions streams (on PostgreSQL
//     spread over the three replicas), OPS_BENCH_FANOUT_WRITES (100) UpdateRegion calls through
//     the first replica at OPS_BENCH_FANOUT_RATE (10) per second; for every (write, watcher) pair
//     the time from the writer receiving the write's answer to the watcher receiving its revision.
//     A watcher on the writer's replica may see the revision before the writer sees its answer:
//     such a pair counts as 0 ms. Every watcher must receive every write exactly once, in order;
//     otherwise the bench fails.
// Both stores are seeded by `platformd --demo --seed 1` run once and stopped; the measured
// processes run without --demo, so the bench's writes are the only ones. The PostgreSQL cluster
// is tests/common's throw-away one, made durable here (fsync, synchronous_commit, full_page_writes
// on) as SQLite's audited commits are (synchronous=FULL); OPS_BENCH_PG_DURABLE=0 keeps the test
// cluster's durability off.
#include "ops/platform/v1/regions.grpc.pb.h"
#include "pgcluster.h"
#include "platformdprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

constexpr int kWatchers = 1000;
constexpr int kChannelsPerServer = 10; // platformd allows 100 streams per connection

int envInt(const char *name, int fallback)
{
    const int value = qEnvironmentVariableIntValue(name);
    return value > 0 ? value : fallback;
}

std::int64_t nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A connection of its own (no subchannel sharing between the bench's channels).
std::shared_ptr<grpc::Channel> channelTo(const QString &address, int index)
{
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt("ops.bench.channel", index);
    return grpc::CreateCustomChannel(address.toStdString(), grpc::InsecureChannelCredentials(),
                                     args);
}

void authorize(grpc::ClientContext &context, const std::string &token)
{
    context.set_deadline(std::chrono::system_clock::now() + 60s);
    context.AddMetadata("authorization", "Bearer " + token);
}

// One audited write: a region's SLO target, different each time (k).
grpc::Status updateRegion(pb::RegionService::Stub &stub, const std::string &token,
                          const std::string &region, std::int64_t k, std::int64_t *revision)
{
    grpc::ClientContext context;
    authorize(context, token);
    pb::UpdateRegionRequest request;
    request.mutable_region()->set_name(region);
    request.mutable_region()->set_slo_availability(0.99 + double(k % 900) * 1e-5);
    request.mutable_update_mask()->add_paths("slo_availability");
    pb::Region answer;
    const grpc::Status status = stub.UpdateRegion(&context, request, &answer);
    if (status.ok() && revision)
        *revision = answer.revision();
    return status;
}

std::vector<std::string> regionNames(const QString &address, const std::string &token,
                                     std::string *error)
{
    auto stub = pb::RegionService::NewStub(channelTo(address, -1));
    grpc::ClientContext context;
    authorize(context, token);
    pb::ListRegionsRequest request;
    request.set_page_size(500);
    pb::ListRegionsResponse response;
    const grpc::Status status = stub->ListRegions(&context, request, &response);
    std::vector<std::string> names;
    if (!status.ok()) {
        *error = "ListRegions: " + status.error_message();
        return names;
    }
    for (const pb::Region &region : response.regions())
        names.push_back(region.name());
    if (names.empty())
        *error = "ListRegions: no regions (the demo seeding did not happen)";
    return names;
}

// Writes per second from `clients` threads over `servers` (round-robin) for `seconds`; 0 (with
// *error) when a write failed.
double writeThroughput(const std::vector<QString> &servers, const std::string &token,
                       const std::vector<std::string> &regions, int clients, int seconds,
                       std::string *error)
{
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> writes{0};
    std::mutex failureMutex;
    std::string failure;
    std::latch ready(clients + 1);
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i) {
        threads.emplace_back([&, i] {
            auto stub = pb::RegionService::NewStub(
                channelTo(servers[size_t(i) % servers.size()], 1000 + i));
            const std::string &region = regions[size_t(i) % regions.size()];
            // The first call connects and warms up; it is not counted.
            grpc::Status status = updateRegion(*stub, token, region, i, nullptr);
            ready.count_down();
            ready.wait();
            for (std::int64_t k = 1; status.ok() && !stop; ++k) {
                status = updateRegion(*stub, token, region, i + k * clients, nullptr);
                if (status.ok() && !stop)
                    ++writes;
            }
            if (!status.ok()) {
                std::lock_guard lock(failureMutex);
                if (failure.empty())
                    failure = "UpdateRegion " + region + ": " + status.error_message();
                stop = true;
            }
        });
    }
    ready.arrive_and_wait();
    const auto start = std::chrono::steady_clock::now();
    for (int waited = 0; waited < seconds * 10 && !stop; ++waited)
        std::this_thread::sleep_for(100ms); // the measuring period, not a synchronisation
    stop = true;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::thread &t : threads)
        t.join();
    if (!failure.empty()) {
        *error = failure;
        return 0;
    }
    return double(writes.load()) / elapsed;
}

// One watch stream; its callbacks run on gRPC's threads, one at a time for this stream, so
// m_arrivals needs no lock (it is read after OnDone).
class Watcher final : public grpc::ClientReadReactor<pb::WatchRegionsResponse>
{
public:
    Watcher(pb::RegionService::Stub &stub, const std::string &token, std::int64_t afterRevision,
            std::atomic<int> &established, std::atomic<int> &done)
        : m_established(established)
        , m_done(done)
    {
        m_context.AddMetadata("authorization", "Bearer " + token);
        m_request.set_after_revision(afterRevision);
        stub.async()->WatchRegions(&m_context, &m_request, this);
        StartRead(&m_response);
        StartCall();
    }
    void cancel() { m_context.TryCancel(); }
    std::int64_t lastRevision() const { return m_last.load(); }
    const std::vector<std::pair<std::int64_t, std::int64_t>> &arrivals() const
    {
        return m_arrivals;
    }
    const grpc::Status &status() const { return m_status; }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return;
        const std::int64_t arrival = nowUs();
        if (!m_isEstablished) {
            m_isEstablished = true;
            ++m_established;
        }
        if (m_response.has_changes()) {
            m_arrivals.emplace_back(m_response.changes().revision(), arrival);
            m_last = m_response.changes().revision();
        }
        StartRead(&m_response);
    }
    void OnDone(const grpc::Status &status) override
    {
        m_status = status;
        ++m_done;
    }

private:
    std::atomic<int> &m_established;
    std::atomic<int> &m_done;
    grpc::ClientContext m_context;
    pb::WatchRegionsRequest m_request; // regions only
    pb::WatchRegionsResponse m_response;
    bool m_isEstablished = false;
    std::atomic<std::int64_t> m_last{0};
    std::vector<std::pair<std::int64_t, std::int64_t>> m_arrivals; // revision, arrival (µs)
    grpc::Status m_status;
};

double percentile(std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5))];
}

bool waitUntil(const std::function<bool()> &condition, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(20ms); // a benchmark polling its own counters, not a test
    }
    return true;
}

// Waits until every server accepts a watch from `after`: a replica learns of another's commit by
// notification (or its 1 s safety net) and refuses a watch from a revision it has not seen yet
// with INVALID_ARGUMENT ("after_revision: … is ahead of the current revision …").
bool waitForRevision(const std::vector<pb::RegionService::Stub *> &stubs, const std::string &token,
                     std::int64_t after, std::string *error)
{
    for (size_t s = 0; s < stubs.size(); ++s) {
        for (;;) {
            std::atomic<int> established{0}, done{0};
            Watcher probe(*stubs[s], token, after, established, done);
            if (!waitUntil([&] { return established > 0 || done > 0; }, 30s)) {
                *error =
                    "replica " + std::to_string(s + 1) + " neither accepted nor refused a watch";
                probe.cancel();
                waitUntil([&] { return done > 0; }, 30s);
                return false;
            }
            probe.cancel();
            waitUntil([&] { return done > 0; }, 30s);
            if (established > 0)
                break;
            if (probe.status().error_code() != grpc::StatusCode::INVALID_ARGUMENT) {
                *error = "replica " + std::to_string(s + 1) +
                         " refused a watch: " + probe.status().error_message();
                return false;
            }
            std::this_thread::sleep_for(20ms); // the replica has not caught up yet
        }
    }
    return true;
}

struct Fanout
{
    double p50Ms = 0, p99Ms = 0;
};

// kWatchers WatchRegions streams over `servers`, `writes` UpdateRegion calls through servers[0]
// at `rate` per second. The streams start after a marker write's revision, which follows every
// earlier commit (writes serialise on the revision row), so each must deliver exactly the
// measured writes. false (with *error) when a stream failed or a watcher's revisions differ.
bool watchFanout(const std::vector<QString> &servers, const std::string &token,
                 const std::string &region, int writes, int rate, Fanout *out, std::string *error)
{
    std::vector<std::unique_ptr<pb::RegionService::Stub>> stubs; // kChannelsPerServer per server
    for (size_t s = 0; s < servers.size(); ++s)
        for (int c = 0; c < kChannelsPerServer; ++c)
            stubs.push_back(pb::RegionService::NewStub(
                channelTo(servers[s], 2000 + int(s) * kChannelsPerServer + c)));
    auto writer = pb::RegionService::NewStub(channelTo(servers[0], 3000));
    std::int64_t marker = 0;
    if (const grpc::Status status = updateRegion(*writer, token, region, writes, &marker);
        !status.ok()) {
        *error = "UpdateRegion " + region + ": " + status.error_message();
        return false;
    }
    std::vector<pb::RegionService::Stub *> perServer;
    for (size_t s = 0; s < servers.size(); ++s)
        perServer.push_back(stubs[s * kChannelsPerServer].get());
    if (!waitForRevision(perServer, token, marker, error))
        return false;
    std::atomic<int> established{0}, done{0};
    std::vector<std::unique_ptr<Watcher>> watchers;
    for (int i = 0; i < kWatchers; ++i) {
        const size_t server = size_t(i) % servers.size();
        const size_t channel = size_t(i) / servers.size() % kChannelsPerServer;
        watchers.push_back(std::make_unique<Watcher>(*stubs[server * kChannelsPerServer + channel],
                                                     token, marker, established, done));
    }
    auto cancelAll = [&] {
        for (auto &w : watchers)
            w->cancel();
        waitUntil([&] { return done == kWatchers; }, 60s);
    };
    // Established: a stream's first message (its progress heartbeat) has arrived.
    if (!waitUntil([&] { return established == kWatchers || done > 0; }, 120s) || done > 0) {
        *error = std::to_string(established.load()) + " of " + std::to_string(kWatchers) +
                 " streams established, " + std::to_string(done.load()) + " ended";
        cancelAll();
        for (size_t i = 0; i < watchers.size(); ++i) {
            const grpc::Status &status = watchers[i]->status();
            if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
                *error += "; the first on replica " + std::to_string(i % servers.size() + 1) +
                          " with " + std::to_string(int(status.error_code())) + " " +
                          status.error_message();
                break;
            }
        }
        return false;
    }

    std::map<std::int64_t, std::int64_t> answered; // revision -> answer received (µs)
    const auto period = std::chrono::microseconds(1000000 / std::max(1, rate));
    auto next = std::chrono::steady_clock::now();
    for (int k = 0; k < writes; ++k) {
        std::this_thread::sleep_until(next); // the write rate
        next += period;
        std::int64_t revision = 0;
        const grpc::Status status = updateRegion(*writer, token, region, k, &revision);
        const std::int64_t at = nowUs();
        if (!status.ok()) {
            *error = "UpdateRegion " + region + ": " + status.error_message();
            cancelAll();
            return false;
        }
        answered[revision] = at;
    }
    const std::int64_t last = answered.rbegin()->first;
    const bool complete = waitUntil(
        [&] {
            return std::all_of(watchers.begin(), watchers.end(),
                               [&](const auto &w) { return w->lastRevision() >= last; });
        },
        60s);
    cancelAll();

    std::vector<double> ms;
    ms.reserve(size_t(kWatchers) * answered.size());
    std::int64_t missing = 0, extra = 0;
    std::string firstProblems;
    auto problem = [&](size_t watcher, std::int64_t revision, std::int64_t previous) {
        if (++extra <= 5)
            firstProblems += " [watcher " + std::to_string(watcher) + " on replica " +
                             std::to_string(watcher % servers.size() + 1) + ": revision " +
                             std::to_string(revision) + " after " + std::to_string(previous) + "]";
    };
    for (size_t i = 0; i < watchers.size(); ++i) {
        std::int64_t previous = marker;
        size_t received = 0;
        for (const auto &[revision, arrival] : watchers[i]->arrivals()) {
            const auto it = answered.find(revision);
            if (revision <= previous || it == answered.end()) {
                problem(i, revision, previous); // twice, out of order, or not a measured write
                previous = std::max(previous, revision);
                continue;
            }
            previous = revision;
            ++received;
            ms.push_back(double(std::max<std::int64_t>(0, arrival - it->second)) / 1000.0);
        }
        missing += std::int64_t(answered.size()) - std::int64_t(received);
    }
    if (!complete || missing != 0 || extra != 0) {
        *error = std::to_string(missing) + " deliveries missing and " + std::to_string(extra) +
                 " duplicated, out of order or unexpected, over " + std::to_string(kWatchers) +
                 " watchers x " + std::to_string(answered.size()) + " writes after revision " +
                 std::to_string(marker) + ":" + firstProblems;
        return false;
    }
    std::sort(ms.begin(), ms.end());
    out->p50Ms = percentile(ms, 0.50);
    out->p99Ms = percentile(ms, 0.99);
    return true;
}

// ALTER SYSTEM through psql, then a reload: the settings take effect without a restart.
bool makeDurable(const PgCluster &pg, std::string *error)
{
    QProcess psql;
    psql.setProcessChannelMode(QProcess::MergedChannels);
    psql.start(QDir(PgCluster::binDir()).filePath(QStringLiteral("psql")),
               {QStringLiteral("-X"), QStringLiteral("-q"),
                QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                QStringLiteral("-p"), QString::number(pg.port()),
                QStringLiteral("-U"), QStringLiteral("postgres"),
                QStringLiteral("-d"), pg.database(),
                QStringLiteral("-c"), QStringLiteral("ALTER SYSTEM SET fsync = on"),
                QStringLiteral("-c"), QStringLiteral("ALTER SYSTEM SET synchronous_commit = on"),
                QStringLiteral("-c"), QStringLiteral("ALTER SYSTEM SET full_page_writes = on"),
                QStringLiteral("-c"), QStringLiteral("SELECT pg_reload_conf()")});
    if (!psql.waitForFinished(60000) || psql.exitStatus() != QProcess::NormalExit ||
        psql.exitCode() != 0) {
        *error = "psql (durability settings) failed: " + psql.readAll().trimmed().toStdString();
        return false;
    }
    return true;
}

QStringList quiet(QStringList args)
{
    return args << QStringLiteral("--log-level") << QStringLiteral("warn");
}

// Runs `platformd --demo --seed 1` on the store until it listens (it has seeded), then stops it.
bool seed(PlatformdProcess &process, const QStringList &storeArgs, std::string *error)
{
    QStringList args = storeArgs;
    args << QStringLiteral("--demo") << QStringLiteral("--seed") << QStringLiteral("1");
    if (!process.start(quiet(args), {}, 120000)) {
        *error = "seeding platformd: " + process.errorString().toStdString();
        return false;
    }
    if (process.terminate(30000) != 0) {
        *error = "seeding platformd did not stop cleanly: " +
                 QString::fromUtf8(process.standardError().right(2000)).toStdString();
        return false;
    }
    return true;
}

int fail(const std::string &what)
{
    std::fprintf(stderr, "bench_replicas: %s\n", what.c_str());
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = envInt("OPS_BENCH_SECONDS", 5);
    const int clients = envInt("OPS_BENCH_CLIENTS", 8);
    const int fanoutWrites = envInt("OPS_BENCH_FANOUT_WRITES", 100);
    const int fanoutRate = envInt("OPS_BENCH_FANOUT_RATE", 10);
    const bool durable = qEnvironmentVariable("OPS_BENCH_PG_DURABLE") != QLatin1String("0");
    std::string error;

    // SQLite: one platformd on one data dir, seeded by a --demo run of the same dir.
    PlatformdProcess sqliteSeed;
    if (!seed(sqliteSeed, {}, &error))
        return fail("SQLite: " + error);
    PlatformdProcess sqlite;
    if (!sqlite.start(quiet({}), sqliteSeed.dataDir(), 60000))
        return fail("SQLite platformd: " + sqlite.errorString().toStdString());
    const std::string sqliteToken = sqlite.adminToken().toStdString();
    const std::vector<std::string> sqliteRegions =
        regionNames(sqlite.address(), sqliteToken, &error);
    if (sqliteRegions.empty())
        return fail("SQLite: " + error);
    const double sqlite1 =
        writeThroughput({sqlite.address()}, sqliteToken, sqliteRegions, clients, seconds, &error);
    if (sqlite1 == 0)
        return fail("SQLite writes: " + error);
    std::printf("sqlite_write_tx_per_s_1: %.0f tx/s\n", sqlite1);
    std::fflush(stdout);
    Fanout sqliteFanout;
    if (!watchFanout({sqlite.address()}, sqliteToken, sqliteRegions.front(), fanoutWrites,
                     fanoutRate, &sqliteFanout, &error))
        return fail("SQLite fan-out: " + error);
    std::printf("sqlite_watch_fanout_1000_p50_ms: %.1f ms\n", sqliteFanout.p50Ms);
    std::printf("sqlite_watch_fanout_1000_p99_ms: %.1f ms\n", sqliteFanout.p99Ms);
    std::fflush(stdout);
    sqlite.terminate(30000);

    // PostgreSQL: a throw-away cluster, seeded by one --demo replica; then up to three replicas.
    PgCluster pg;
    if (!pg.start())
        return fail("PostgreSQL: " + pg.errorString().toStdString());
    if (durable && !makeDurable(pg, &error))
        return fail(error);
    const QStringList store{QStringLiteral("--store"), pg.uri()};
    PlatformdProcess pgSeed; // its data dir keeps the admin token every replica accepts
    if (!seed(pgSeed, store, &error))
        return fail("PostgreSQL: " + error);
    const std::string token = pgSeed.adminToken().toStdString();
    std::vector<std::unique_ptr<PlatformdProcess>> replicas;
    std::vector<QString> addresses;
    auto addReplica = [&] {
        replicas.push_back(std::make_unique<PlatformdProcess>());
        if (!replicas.back()->start(quiet(store), {}, 60000)) {
            error = "replica " + std::to_string(replicas.size()) + ": " +
                    replicas.back()->errorString().toStdString();
            return false;
        }
        addresses.push_back(replicas.back()->address());
        return true;
    };
    if (!addReplica())
        return fail(error);
    const std::vector<std::string> regions = regionNames(addresses.front(), token, &error);
    if (regions.empty())
        return fail("PostgreSQL: " + error);
    const double pg1 = writeThroughput(addresses, token, regions, clients, seconds, &error);
    if (pg1 == 0)
        return fail("PostgreSQL writes, 1 replica: " + error);
    std::printf("pg_write_tx_per_s_1: %.0f tx/s\n", pg1);
    std::fflush(stdout);
    if (!addReplica() || !addReplica())
        return fail(error);
    const double pg3 = writeThroughput(addresses, token, regions, clients, seconds, &error);
    if (pg3 == 0)
        return fail("PostgreSQL writes, 3 replicas: " + error);
    std::printf("pg_write_tx_per_s_3: %.0f tx/s\n", pg3);
    std::fflush(stdout);
    Fanout pgFanout;
    if (!watchFanout(addresses, token, regions.front(), fanoutWrites, fanoutRate, &pgFanout,
                     &error))
        return fail("PostgreSQL fan-out, 3 replicas: " + error);
    std::printf("pg_watch_fanout_1000_p50_ms: %.1f ms\n", pgFanout.p50Ms);
    std::printf("pg_watch_fanout_1000_p99_ms: %.1f ms\n", pgFanout.p99Ms);
    std::fflush(stdout);
    for (auto &replica : replicas)
        replica->terminate(30000);
    return 0;
}
