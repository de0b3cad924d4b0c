#pragma once

#include "core/auditchain.h"
#include "core/changebatch.h"
#include "core/feed.h"
#include "core/module.h"
#include "core/sqlite.h"

#include "ops/platform/v1/regions.pb.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace platformd::core {

namespace pb = ops::platform::v1;

// Everything one store transaction changes. Store::commit stamps every resource with the
// transaction's revision.
struct Mutation
{
    std::vector<pb::Region> regions;
    std::vector<pb::Component> components;
    std::vector<pb::EdgeNode> edgeNodes;
    std::vector<pb::Failover> failovers;
    std::vector<pb::MaintenanceWindow> maintenanceWindows;
    // A region's settings (slo_availability, health_endpoint, health_service) belong to
    // UpdateRegion: a stored region keeps its settings unless this is set. So the simulator's copy
    // of a region, older than an UpdateRegion, cannot undo it.
    bool writeRegionSettings = false;
    bool empty() const
    {
        return regions.empty() && components.empty() && edgeNodes.empty() && failovers.empty() &&
               maintenanceWindows.empty();
    }
};

// One region health sample for GetRegionMetrics.
struct MetricSample
{
    std::string region; // region id, e.g. "eu-west"
    std::int64_t timeMs = 0;
    double p50 = 0, p95 = 0, p99 = 0, errorRate = 0, throughput = 0, availability = 0;
};

struct MetricBucket
{
    std::int64_t timeMs = 0; // bucket start
    double p50 = 0, p95 = 0, p99 = 0, errorRate = 0, throughput = 0, availability = 0;
};

struct StoreOptions
{
    std::string path;                // the database file, created if missing
    std::int64_t retention = 100000; // revisions kept in `changes` for watch resumption
    int readers = 4;                 // pooled read connections
    // The modules' migrations (Module::migrations), applied with the core's own in version order.
    std::vector<Migration> migrations;
};

template<typename T>
struct Snapshot
{
    std::int64_t revision = 0;
    std::vector<T> items;
};

// One historical transaction as stored in `changes`.
struct ChangeRow
{
    std::int64_t revision = 0;
    std::string payload; // serialized RegionChangeBatch
};

// platformd's SQLite store: resource tables, the revision log and the watch hub. Thread-safe.
class Store
{
public:
    // Opens (creating if needed), checks integrity and migrates. Throws StoreError naming the file.
    explicit Store(StoreOptions options);
    ~Store();

    // The newest schema version this store knows (the core's and the modules' migrations).
    int schemaVersion() const;
    // The core's own migrations: versions 1 to 4 (tests build old databases with them).
    static const std::vector<Migration> &coreMigrations();

    // One BEGIN IMMEDIATE transaction: writes the resources, stamps them with the next revision,
    // appends the batch to `changes`, commits, then publishes it. Returns the revision (0: empty).
    std::int64_t commit(Mutation mutation);
    // Like commit, but build runs inside the transaction (under the writer lock) and returns the
    // resources to write, so it can read the current rows and write other tables consistently.
    std::int64_t transact(const std::function<Mutation(Connection &)> &build);
    void appendMetrics(const std::vector<MetricSample> &samples);
    // Deletes history older than the retention. Returns the number of revisions removed.
    std::int64_t compact();

    std::int64_t currentRevision() const { return m_revision.load(); }
    std::int64_t oldestRetainedRevision() const { return m_compactedThrough.load() + 1; }
    std::int64_t retention() const { return m_options.retention; }
    const std::string &path() const { return m_options.path; }

    Snapshot<pb::Region> listRegions();
    // regionId empty: every region's.
    Snapshot<pb::EdgeNode> listEdgeNodes(const std::string &regionId);
    Snapshot<pb::Component> listComponents(const std::string &regionId);
    std::optional<pb::Region> getRegion(const std::string &name);
    // regionId empty: every region's. Unordered (callers sort).
    Snapshot<pb::Failover> listFailovers(const std::string &regionId);
    Snapshot<pb::MaintenanceWindow> listMaintenanceWindows(const std::string &regionId);
    // A region as stored, read through db (e.g. inside transact or audited).
    static std::optional<pb::Region> readRegion(Connection &db, const std::string &name);
    std::vector<MetricBucket> queryMetrics(const std::string &regionId, std::int64_t startMs,
                                           std::int64_t endMs, std::int64_t resolutionMs);
    // History rows with after < revision <= upTo, ascending, at most limit.
    std::vector<ChangeRow> readChanges(std::int64_t after, std::int64_t upTo, int limit);

    // The feeds watchers read (core/feed.h): the regions' revision log (entries: ChangeBatch) and
    // the audit log (entries: audit::Entry, revision = seq). Published after each commit.
    Feed &regionFeed() { return *m_regionFeed; }
    Feed &auditFeed() { return *m_auditFeed; }

    // Runs fn on a pooled read-only connection.
    void read(const std::function<void(Connection &)> &fn);
    // Runs fn on the writer connection in one BEGIN IMMEDIATE transaction (synchronous=NORMAL, not
    // audited: bookkeeping such as a token's last use).
    void write(const std::function<void(Connection &)> &fn);

    // An audited write: one BEGIN IMMEDIATE transaction with synchronous=FULL runs effect, then
    // appends entry (seq and time assigned here, sealed onto the chain), commits, writes the
    // audit.head anchor and wakes audit watchers. effect may set entry.result, resultMessage and
    // resource; an exception from it rolls everything back (no row) and propagates.
    using AuditedEffect = std::function<void(Connection &, audit::Entry &)>;
    audit::Entry audited(audit::Entry entry, const AuditedEffect &effect = {});
    // An audited write that is also a store transaction: effect returns resources, which are
    // written, stamped with the next revision and published to watchers in the same transaction as
    // the audit entry (an empty mutation commits only the entry). *revision: the new revision or 0.
    using AuditedCommitEffect = std::function<Mutation(Connection &, audit::Entry &)>;
    audit::Entry auditedCommit(audit::Entry entry, const AuditedCommitEffect &effect,
                               std::int64_t *revision = nullptr);
    // Entries with seq > afterSeq, ascending, at most limit.
    std::vector<audit::Entry> readAudit(std::int64_t afterSeq, int limit);
    // The newest committed entry (0, genesis hash when the log is empty).
    std::pair<std::int64_t, std::string> auditHead() const;
    // <directory of the database>/audit.head
    std::string auditHeadPath() const;
    // Walks the whole audit table of db in chunks and checks it against the anchor file headPath.
    static audit::Verdict verifyAudit(Connection &db, const std::string &headPath);
    // RFC 3339 UTC with six fractional digits.
    static std::string formatAuditTime(std::int64_t unixMicros);

private:
    class ReaderLease;
    ReaderLease reader();
    void migrate();
    void openFeeds();                                     // storefeeds.cpp
    std::map<int, std::vector<std::string>> m_migrations; // by version: the SQL pieces, in order
    // Puts back the audit log's append-only triggers if someone dropped them (storeaudit.cpp).
    void ensureAuditGuards();
    struct RegionSettings
    {
        double sloAvailability = 0;
        std::string healthEndpoint, healthService;
    };
    // Writes mutation on the writer connection (inside a transaction, m_writeMutex held) as
    // revision; returns the batch to publish once the transaction committed.
    std::shared_ptr<ChangeBatch> writeMutation(Mutation &mutation, std::int64_t revision);
    // After the transaction committed: the region settings it wrote become the ones kept.
    void rememberSettings(const Mutation &mutation);

    StoreOptions m_options;
    std::mutex m_writeMutex;
    std::unique_ptr<Connection> m_writer;
    std::mutex m_readersMutex;
    std::condition_variable m_readersCv;
    std::vector<std::unique_ptr<Connection>> m_idleReaders;
    std::atomic<std::int64_t> m_revision{0};
    std::atomic<std::int64_t> m_compactedThrough{0};
    std::unique_ptr<FeedHistory> m_regionHistory, m_auditHistory;
    std::unique_ptr<Feed> m_regionFeed, m_auditFeed;
    std::unordered_map<std::string, RegionSettings> m_regionSettings; // under m_writeMutex
    mutable std::mutex m_auditMutex;
    std::int64_t m_auditSeq = 0;
    std::string m_auditHash;
};

} // namespace platformd::core
