#include "core/store.h"

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace platformd::core {

namespace {

const std::vector<Migration> kMigrations = {
    // 1: resources, the revision log and the store's counters.
    {1, R"(CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO meta VALUES ('revision', 0), ('compacted_through', 0);
CREATE TABLE regions (name TEXT PRIMARY KEY, status INTEGER NOT NULL, provider INTEGER NOT NULL,
  revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE edge_nodes (name TEXT PRIMARY KEY, region TEXT NOT NULL, status INTEGER NOT NULL,
  revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE components (name TEXT PRIMARY KEY, region TEXT NOT NULL, kind INTEGER NOT NULL,
  status INTEGER NOT NULL, revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE changes (revision INTEGER PRIMARY KEY, commit_time INTEGER NOT NULL,
  payload BLOB NOT NULL);)"},
    // 2: region health history for GetRegionMetrics; per-region lookups of nested resources.
    {2,
     R"(CREATE TABLE region_metrics (region TEXT NOT NULL, time INTEGER NOT NULL, p50 REAL NOT NULL,
  p95 REAL NOT NULL, p99 REAL NOT NULL, error_rate REAL NOT NULL, throughput REAL NOT NULL,
  availability REAL NOT NULL, PRIMARY KEY (region, time)) WITHOUT ROWID;
CREATE INDEX edge_nodes_by_region ON edge_nodes (region);
CREATE INDEX components_by_region ON components (region);)"},
    // 3: identity (users, API tokens stored as SHA-256 only) and the hash-chained audit log, which
    // triggers keep append-only (docs/SECURITY.md).
    {3, R"(CREATE TABLE users (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, roles TEXT NOT NULL,
  create_time INTEGER NOT NULL, created_by TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE tokens (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id),
  description TEXT NOT NULL, secret_hash TEXT NOT NULL, create_time INTEGER NOT NULL,
  expire_time INTEGER NULL, revoke_time INTEGER NULL, last_use_time INTEGER NULL) WITHOUT ROWID;
CREATE INDEX tokens_by_user ON tokens (user_id);
CREATE TABLE audit (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL,
  role TEXT NOT NULL, action TEXT NOT NULL, resource TEXT NOT NULL, request_summary TEXT NOT NULL,
  result TEXT NOT NULL, result_message TEXT NOT NULL, peer TEXT NOT NULL, prev_hash TEXT NOT NULL,
  entry_hash TEXT NOT NULL);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;)"},
    // 4: failovers and maintenance windows (regions/{r}/failovers/{f}, .../maintenanceWindows/{w}),
    // looked up by region and listed by start time; who set a region's health endpoint ('demo' or
    // 'user'), so the demo replaces only its own.
    {4,
     R"(CREATE TABLE failovers (name TEXT PRIMARY KEY, region TEXT NOT NULL, state INTEGER NOT NULL,
  start_time INTEGER NOT NULL, revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX failovers_by_region ON failovers (region, start_time);
CREATE INDEX failovers_by_start ON failovers (start_time);
CREATE TABLE maintenance_windows (name TEXT PRIMARY KEY, region TEXT NOT NULL,
  state INTEGER NOT NULL, start_time INTEGER NOT NULL, revision INTEGER NOT NULL,
  data BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX maintenance_windows_by_region ON maintenance_windows (region, start_time);
CREATE INDEX maintenance_windows_by_start ON maintenance_windows (start_time);
CREATE TABLE region_endpoint_owner (region TEXT PRIMARY KEY, owner TEXT NOT NULL) WITHOUT ROWID;)"},
};

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// "regions/eu-west/components/kafka" -> "eu-west"
std::string regionOf(const std::string &name)
{
    const size_t start = name.find('/') + 1;
    const size_t end = name.find('/', start);
    return name.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

} // namespace

class Store::ReaderLease
{
public:
    ReaderLease(Store *store, std::unique_ptr<Connection> connection)
        : m_store(store)
        , m_connection(std::move(connection))
    {}
    ReaderLease(ReaderLease &&) = default;
    ~ReaderLease()
    {
        if (!m_connection)
            return;
        std::lock_guard lock(m_store->m_readersMutex);
        m_store->m_idleReaders.push_back(std::move(m_connection));
        m_store->m_readersCv.notify_one();
    }
    Connection &operator*() { return *m_connection; }
    Connection *operator->() { return m_connection.get(); }

private:
    Store *m_store;
    std::unique_ptr<Connection> m_connection;
};

Store::Store(StoreOptions options)
    : m_options(std::move(options))
{
    try {
        m_writer = std::make_unique<Connection>(m_options.path, true);
        // Refuse a damaged file before touching it: quick_check reads every page.
        Stmt &check = m_writer->prepare("PRAGMA quick_check");
        std::string problems;
        while (check.step()) {
            const std::string_view line = check.text(0);
            if (line != "ok" && problems.size() < 400)
                problems += std::string(line) + "; ";
        }
        if (!problems.empty())
            throw StoreError(problems);
    } catch (const StoreError &e) {
        throw StoreError("database file " + m_options.path +
                         " is corrupt or not a platformd database: " + e.what());
    }
    // Larger pages: a transaction's batch spans fewer overflow pages (only for a new file).
    if (m_writer->queryInt("PRAGMA user_version") == 0)
        m_writer->exec("PRAGMA page_size=16384");
    m_writer->exec("PRAGMA journal_mode=WAL");
    m_writer->exec("PRAGMA synchronous=NORMAL");
    m_writer->exec("PRAGMA wal_autocheckpoint=4000");
    m_writer->exec("PRAGMA journal_size_limit=67108864");
    migrate();
    m_revision = m_writer->queryInt("SELECT value FROM meta WHERE key = 'revision'");
    m_compactedThrough =
        m_writer->queryInt("SELECT value FROM meta WHERE key = 'compacted_through'");
    {
        Stmt &regions = m_writer->prepare("SELECT data FROM regions");
        while (regions.step()) {
            const std::string_view data = regions.blob(0);
            pb::Region r;
            if (r.ParseFromArray(data.data(), int(data.size())))
                m_regionSettings[r.name()] = {r.slo_availability(), r.health_endpoint(),
                                              r.health_service()};
        }
        regions.reset();
    }
    {
        Stmt &head =
            m_writer->prepare("SELECT seq, entry_hash FROM audit ORDER BY seq DESC LIMIT 1");
        m_auditHash = audit::kGenesisHash;
        if (head.step()) {
            m_auditSeq = head.int64(0);
            m_auditHash = std::string(head.text(1));
        }
        head.reset();
    }
    for (int i = 0; i < std::max(1, m_options.readers); ++i) {
        auto reader = std::make_unique<Connection>(m_options.path, false);
        reader->exec("PRAGMA query_only=1");
        m_idleReaders.push_back(std::move(reader));
    }
    openFeeds();
}

Store::~Store() = default;

int Store::schemaVersion() const
{
    return m_migrations.empty() ? 0 : m_migrations.rbegin()->first;
}

const std::vector<Migration> &Store::coreMigrations()
{
    return kMigrations;
}

void Store::migrate()
{
    const std::vector<Migration> &modules = m_options.migrations;
    for (const std::vector<Migration> *list : {&kMigrations, &modules})
        for (const Migration &m : *list)
            m_migrations[m.version].push_back(m.sql);
    int expected = 1;
    for (const auto &[v, pieces] : m_migrations)
        if (v != expected++)
            throw StoreError("schema migrations: version " + std::to_string(expected - 1) +
                             " is missing (" + m_options.path + ")");
    const int version = int(m_writer->queryInt("PRAGMA user_version"));
    if (version > schemaVersion())
        throw StoreError("database file " + m_options.path + " has schema version " +
                         std::to_string(version) + ", newer than this platformd's " +
                         std::to_string(schemaVersion()) + "; upgrade platformd");
    for (int v = version; v < schemaVersion(); ++v) {
        Transaction tx(*m_writer, Transaction::Mode::Write);
        for (const std::string &sql : m_migrations.at(v + 1))
            m_writer->exec(sql);
        m_writer->exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
        spdlog::info("store: migrated {} to schema version {}", m_options.path, v + 1);
    }
    ensureAuditGuards();
}

Store::ReaderLease Store::reader()
{
    std::unique_lock lock(m_readersMutex);
    m_readersCv.wait(lock, [this] { return !m_idleReaders.empty(); });
    auto connection = std::move(m_idleReaders.back());
    m_idleReaders.pop_back();
    return ReaderLease(this, std::move(connection));
}

std::int64_t Store::commit(Mutation mutation)
{
    if (mutation.empty())
        return 0;
    return transact([&](Connection &) { return std::move(mutation); });
}

std::int64_t Store::transact(const std::function<Mutation(Connection &)> &build)
{
    std::lock_guard lock(m_writeMutex);
    Transaction tx(*m_writer, Transaction::Mode::Write);
    Mutation mutation = build(*m_writer);
    if (mutation.empty())
        return 0; // rolled back: build may not have written anything either
    const std::int64_t revision = m_revision + 1;
    auto batch = writeMutation(mutation, revision);
    tx.commit();
    m_revision = revision;
    rememberSettings(mutation);
    m_regionFeed->publish({revision, std::move(batch)});
    return revision;
}

namespace {

template<typename T>
void upsertNested(Connection &db, const std::string &table, std::vector<T> &items,
                  ResourceKind kind, std::int64_t revision, ChangeBatch &batch)
{
    if (items.empty())
        return;
    Stmt &upsert =
        db.prepare("INSERT INTO " + table +
                   " (name, region, state, start_time, revision, "
                   "data) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO UPDATE SET "
                   "state = ?3, start_time = ?4, revision = ?5, data = ?6");
    std::string bytes;
    for (T &item : items) {
        item.set_revision(revision);
        item.SerializeToString(&bytes);
        const std::int64_t startMs =
            item.start_time().seconds() * 1000 + item.start_time().nanos() / 1000000;
        upsert.bind(1, item.name())
            .bind(2, regionOf(item.name()))
            .bind(3, std::int64_t(item.state()));
        upsert.bind(4, startMs).bind(5, revision).bindBlob(6, bytes);
        upsert.step();
        upsert.reset();
        batch.events.push_back({kind, ChangeBatch::encodeEvent(kind, 1, bytes, item.name())});
    }
}

} // namespace

std::shared_ptr<ChangeBatch> Store::writeMutation(Mutation &mutation, std::int64_t revision)
{
    auto batch = std::make_shared<ChangeBatch>();
    batch->revision = revision;
    batch->commitTimeNs = nowNs();
    batch->events.reserve(mutation.regions.size() + mutation.components.size() +
                          mutation.edgeNodes.size() + mutation.failovers.size() +
                          mutation.maintenanceWindows.size());
    Connection &db = *m_writer;
    std::string bytes;
    if (!mutation.regions.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO regions (name, status, provider, revision, data) VALUES "
                       "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO UPDATE SET "
                       "status = ?2, provider = ?3, revision = ?4, data = ?5");
        for (pb::Region &r : mutation.regions) {
            if (!mutation.writeRegionSettings) {
                if (auto it = m_regionSettings.find(r.name()); it != m_regionSettings.end()) {
                    r.set_slo_availability(it->second.sloAvailability);
                    r.set_health_endpoint(it->second.healthEndpoint);
                    r.set_health_service(it->second.healthService);
                }
            }
            r.set_revision(revision);
            r.SerializeToString(&bytes);
            upsert.bind(1, r.name()).bind(2, std::int64_t(r.status()));
            upsert.bind(3, std::int64_t(r.provider())).bind(4, revision).bindBlob(5, bytes);
            upsert.step();
            upsert.reset();
            batch->events.push_back(
                {ResourceKind::Region,
                 ChangeBatch::encodeEvent(ResourceKind::Region, 1, bytes, r.name())});
        }
    }
    if (!mutation.components.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO components (name, region, kind, status, revision, data) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO UPDATE SET "
                       "kind = ?3, status = ?4, revision = ?5, data = ?6");
        for (pb::Component &c : mutation.components) {
            c.set_revision(revision);
            c.SerializeToString(&bytes);
            const std::string region = regionOf(c.name());
            upsert.bind(1, c.name()).bind(2, region).bind(3, std::int64_t(c.kind()));
            upsert.bind(4, std::int64_t(c.status())).bind(5, revision).bindBlob(6, bytes);
            upsert.step();
            upsert.reset();
            batch->events.push_back(
                {ResourceKind::Component,
                 ChangeBatch::encodeEvent(ResourceKind::Component, 1, bytes, c.name())});
        }
    }
    if (!mutation.edgeNodes.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO edge_nodes (name, region, status, revision, data) VALUES "
                       "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO UPDATE SET "
                       "status = ?3, revision = ?4, data = ?5");
        for (pb::EdgeNode &n : mutation.edgeNodes) {
            n.set_revision(revision);
            n.SerializeToString(&bytes);
            const std::string region = regionOf(n.name());
            upsert.bind(1, n.name()).bind(2, region).bind(3, std::int64_t(n.status()));
            upsert.bind(4, revision).bindBlob(5, bytes);
            upsert.step();
            upsert.reset();
            batch->events.push_back(
                {ResourceKind::EdgeNode,
                 ChangeBatch::encodeEvent(ResourceKind::EdgeNode, 1, bytes, n.name())});
        }
    }
    upsertNested(db, "failovers", mutation.failovers, ResourceKind::Failover, revision, *batch);
    upsertNested(db, "maintenance_windows", mutation.maintenanceWindows,
                 ResourceKind::MaintenanceWindow, revision, *batch);
    const auto payload = batch->bytesFor(kAllKinds);
    Stmt &append =
        db.prepare("INSERT INTO changes (revision, commit_time, payload) VALUES (?1, ?2, ?3)");
    append.bind(1, revision).bind(2, batch->commitTimeNs / 1000000).bindBlob(3, *payload);
    append.step();
    append.reset();
    Stmt &meta = db.prepare("UPDATE meta SET value = ?1 WHERE key = 'revision'");
    meta.bind(1, revision);
    meta.step();
    meta.reset();
    return batch;
}

void Store::rememberSettings(const Mutation &mutation)
{
    for (const pb::Region &r : mutation.regions)
        m_regionSettings[r.name()] = {r.slo_availability(), r.health_endpoint(),
                                      r.health_service()};
}

void Store::appendMetrics(const std::vector<MetricSample> &samples)
{
    if (samples.empty())
        return;
    std::lock_guard lock(m_writeMutex);
    Connection &db = *m_writer;
    Transaction tx(db, Transaction::Mode::Write);
    Stmt &insert =
        db.prepare("INSERT OR REPLACE INTO region_metrics (region, time, p50, p95, p99, "
                   "error_rate, throughput, availability) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    for (const MetricSample &s : samples) {
        insert.bind(1, s.region).bind(2, s.timeMs).bind(3, s.p50).bind(4, s.p95).bind(5, s.p99);
        insert.bind(6, s.errorRate).bind(7, s.throughput).bind(8, s.availability);
        insert.step();
        insert.reset();
    }
    tx.commit();
}

std::int64_t Store::compact()
{
    const std::int64_t target = m_revision - m_options.retention;
    std::int64_t removed = 0;
    // Bounded chunks, so a large compaction never stalls commits for long.
    while (m_compactedThrough < target) {
        std::lock_guard lock(m_writeMutex);
        const std::int64_t upTo = std::min(target, m_compactedThrough + 1000);
        Transaction tx(*m_writer, Transaction::Mode::Write);
        Stmt &del = m_writer->prepare("DELETE FROM changes WHERE revision <= ?1");
        del.bind(1, upTo);
        del.step();
        del.reset();
        Stmt &meta =
            m_writer->prepare("UPDATE meta SET value = ?1 WHERE key = 'compacted_through'");
        meta.bind(1, upTo);
        meta.step();
        meta.reset();
        tx.commit();
        removed += upTo - m_compactedThrough;
        m_compactedThrough = upTo;
    }
    return removed;
}

namespace {

template<typename T>
Snapshot<T> readTable(Connection &db, const std::string &table, const std::string &regionId)
{
    Snapshot<T> snapshot;
    Transaction tx(db, Transaction::Mode::Read);
    snapshot.revision = db.queryInt("SELECT value FROM meta WHERE key = 'revision'");
    Stmt &select =
        regionId.empty()
            ? db.prepare("SELECT data FROM " + table + " ORDER BY name")
            : db.prepare("SELECT data FROM " + table + " WHERE region = ?1 ORDER BY name");
    if (!regionId.empty())
        select.bind(1, regionId);
    while (select.step()) {
        const std::string_view data = select.blob(0);
        T item;
        if (!item.ParseFromArray(data.data(), int(data.size())))
            throw StoreError("database " + db.path() + ": unreadable row in " + table);
        snapshot.items.push_back(std::move(item));
    }
    select.reset();
    tx.commit();
    return snapshot;
}

} // namespace

Snapshot<pb::Region> Store::listRegions()
{
    auto db = reader();
    return readTable<pb::Region>(*db, "regions", {});
}

Snapshot<pb::EdgeNode> Store::listEdgeNodes(const std::string &regionId)
{
    auto db = reader();
    return readTable<pb::EdgeNode>(*db, "edge_nodes", regionId);
}

Snapshot<pb::Component> Store::listComponents(const std::string &regionId)
{
    auto db = reader();
    return readTable<pb::Component>(*db, "components", regionId);
}

std::optional<pb::Region> Store::getRegion(const std::string &name)
{
    auto db = reader();
    return readRegion(*db, name);
}

Snapshot<pb::Failover> Store::listFailovers(const std::string &regionId)
{
    auto db = reader();
    return readTable<pb::Failover>(*db, "failovers", regionId);
}

Snapshot<pb::MaintenanceWindow> Store::listMaintenanceWindows(const std::string &regionId)
{
    auto db = reader();
    return readTable<pb::MaintenanceWindow>(*db, "maintenance_windows", regionId);
}

std::optional<pb::Region> Store::readRegion(Connection &db, const std::string &name)
{
    Stmt &select = db.prepare("SELECT data FROM regions WHERE name = ?1");
    select.bind(1, name);
    std::optional<pb::Region> region;
    if (select.step()) {
        const std::string_view data = select.blob(0);
        region.emplace();
        if (!region->ParseFromArray(data.data(), int(data.size())))
            throw StoreError("database " + db.path() + ": unreadable row in regions");
    }
    select.reset();
    return region;
}

std::vector<MetricBucket> Store::queryMetrics(const std::string &regionId, std::int64_t startMs,
                                              std::int64_t endMs, std::int64_t resolutionMs)
{
    auto db = reader();
    Stmt &select = db->prepare(
        "SELECT (time - ?2) / ?4 AS bucket, avg(p50), avg(p95), max(p99), avg(error_rate), "
        "avg(throughput), avg(availability) FROM region_metrics "
        "WHERE region = ?1 AND time >= ?2 AND time < ?3 GROUP BY bucket ORDER BY bucket");
    select.bind(1, regionId).bind(2, startMs).bind(3, endMs).bind(4, resolutionMs);
    std::vector<MetricBucket> buckets;
    while (select.step()) {
        MetricBucket b;
        b.timeMs = startMs + select.int64(0) * resolutionMs;
        b.p50 = select.real(1);
        b.p95 = select.real(2);
        b.p99 = select.real(3);
        b.errorRate = select.real(4);
        b.throughput = select.real(5);
        b.availability = select.real(6);
        buckets.push_back(b);
    }
    return buckets;
}

std::vector<ChangeRow> Store::readChanges(std::int64_t after, std::int64_t upTo, int limit)
{
    auto db = reader();
    Stmt &select = db->prepare("SELECT revision, payload FROM changes WHERE revision > ?1 AND "
                               "revision <= ?2 ORDER BY revision LIMIT ?3");
    select.bind(1, after).bind(2, upTo).bind(3, std::int64_t(limit));
    std::vector<ChangeRow> rows;
    while (select.step())
        rows.push_back({select.int64(0), std::string(select.blob(1))});
    return rows;
}

void Store::read(const std::function<void(Connection &)> &fn)
{
    auto db = reader();
    fn(*db);
}

void Store::write(const std::function<void(Connection &)> &fn)
{
    std::lock_guard lock(m_writeMutex);
    Transaction tx(*m_writer, Transaction::Mode::Write);
    fn(*m_writer);
    tx.commit();
}

} // namespace platformd::core
