#include "regions/regionstore.h"

#include <chrono>

namespace platformd::regions {

using core::Connection;
using core::Snapshot;
using core::Stmt;
using core::StoreError;
using core::Transaction;

namespace {

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

template<typename T>
Snapshot<T> readTable(Connection &db, const std::string &table, const std::string &regionId)
{
    Snapshot<T> snapshot;
    Transaction tx(db, Transaction::Mode::Read);
    snapshot.revision = core::Store::revisionIn(db);
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

const std::vector<core::Migration> &migrations()
{
    static const std::vector<core::Migration> list = {
        // 1: regions, edge nodes, components (the core's revision log shares version 1).
        {1, R"(CREATE TABLE regions (name TEXT PRIMARY KEY, status INTEGER NOT NULL,
  provider INTEGER NOT NULL, revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE edge_nodes (name TEXT PRIMARY KEY, region TEXT NOT NULL, status INTEGER NOT NULL,
  revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE components (name TEXT PRIMARY KEY, region TEXT NOT NULL, kind INTEGER NOT NULL,
  status INTEGER NOT NULL, revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;)"},
        // 2: region health history for GetRegionMetrics; per-region lookups of nested resources.
        {2,
         R"(CREATE TABLE region_metrics (region TEXT NOT NULL, time INTEGER NOT NULL,
  p50 REAL NOT NULL, p95 REAL NOT NULL, p99 REAL NOT NULL, error_rate REAL NOT NULL,
  throughput REAL NOT NULL, availability REAL NOT NULL, PRIMARY KEY (region, time)) WITHOUT ROWID;
CREATE INDEX edge_nodes_by_region ON edge_nodes (region);
CREATE INDEX components_by_region ON components (region);)"},
        // 4: failovers and maintenance windows (regions/{r}/failovers/{f},
        // .../maintenanceWindows/{w}), looked up by region and listed by start time; who set a
        // region's health endpoint ('demo' or 'user'), so the demo replaces only its own.
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
    return list;
}

RegionStore::RegionStore(core::Store &store)
    : m_store(store)
{
    // History rows of the log are serialized RegionChangeBatches.
    m_store.setLogDecoder([](std::int64_t revision, std::string payload) {
        auto batch = std::make_shared<ChangeBatch>();
        if (!ChangeBatch::decode(payload, batch.get()))
            batch->events.clear(); // unreadable row: nothing any watcher can use
        batch->revision = revision;
        return std::shared_ptr<const void>(std::move(batch));
    });
}

std::int64_t RegionStore::commit(Mutation mutation)
{
    if (mutation.empty())
        return 0;
    return transact([&](Connection &) { return std::move(mutation); });
}

std::int64_t RegionStore::transact(const std::function<Mutation(Connection &)> &build)
{
    return m_store.logged(
        [&](Connection &db, std::int64_t revision) -> std::optional<core::LogEntry> {
            Mutation mutation = build(db);
            if (mutation.empty())
                return std::nullopt; // rolled back: build may not have written anything either
            return write(db, mutation, revision);
        });
}

core::audit::Entry RegionStore::auditedCommit(core::audit::Entry entry, const AuditedEffect &effect,
                                              std::int64_t *revision)
{
    return m_store.auditedCommit(
        std::move(entry),
        [&](Connection &db, core::audit::Entry &e,
            std::int64_t next) -> std::optional<core::LogEntry> {
            Mutation mutation = effect(db, e);
            if (mutation.empty())
                return std::nullopt;
            return write(db, mutation, next);
        },
        revision);
}

core::LogEntry RegionStore::write(Connection &db, Mutation &mutation, std::int64_t revision)
{
    auto batch = std::make_shared<ChangeBatch>();
    batch->revision = revision;
    batch->commitTimeNs = nowNs();
    batch->events.reserve(mutation.regions.size() + mutation.components.size() +
                          mutation.edgeNodes.size() + mutation.failovers.size() +
                          mutation.maintenanceWindows.size());
    std::string bytes;
    if (!mutation.regions.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO regions (name, status, provider, revision, data) VALUES "
                       "(?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO UPDATE SET "
                       "status = ?2, provider = ?3, revision = ?4, data = ?5");
        for (pb::Region &r : mutation.regions) {
            // The settings as stored, read under the log's lock (the revision row's on
            // PostgreSQL, so an UpdateRegion another replica committed is seen here), never a
            // copy in memory.
            if (!mutation.writeRegionSettings) {
                if (const auto stored = readRegion(db, r.name())) {
                    r.set_slo_availability(stored->slo_availability());
                    r.set_health_endpoint(stored->health_endpoint());
                    r.set_health_service(stored->health_service());
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

    core::LogEntry entry;
    entry.payload = *batch->bytesFor(kAllKinds);
    entry.commitTimeMs = batch->commitTimeNs / 1000000;
    entry.entry = std::move(batch);
    return entry;
}

void RegionStore::appendMetrics(const std::vector<MetricSample> &samples)
{
    if (samples.empty())
        return;
    m_store.write([&](Connection &db) {
        Stmt &insert =
            db.prepare("INSERT INTO region_metrics (region, time, p50, p95, p99, error_rate, "
                       "throughput, availability) VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT "
                       "(region, time) DO UPDATE SET p50 = excluded.p50, p95 = excluded.p95, p99 "
                       "= excluded.p99, error_rate = excluded.error_rate, throughput = "
                       "excluded.throughput, availability = excluded.availability");
        for (const MetricSample &s : samples) {
            insert.bind(1, s.region).bind(2, s.timeMs).bind(3, s.p50).bind(4, s.p95);
            insert.bind(5, s.p99).bind(6, s.errorRate).bind(7, s.throughput);
            insert.bind(8, s.availability);
            insert.step();
            insert.reset();
        }
    });
}

Snapshot<pb::Region> RegionStore::listRegions()
{
    Snapshot<pb::Region> out;
    m_store.read([&](Connection &db) { out = readTable<pb::Region>(db, "regions", {}); });
    return out;
}

Snapshot<pb::EdgeNode> RegionStore::listEdgeNodes(const std::string &regionId)
{
    Snapshot<pb::EdgeNode> out;
    m_store.read(
        [&](Connection &db) { out = readTable<pb::EdgeNode>(db, "edge_nodes", regionId); });
    return out;
}

Snapshot<pb::Component> RegionStore::listComponents(const std::string &regionId)
{
    Snapshot<pb::Component> out;
    m_store.read(
        [&](Connection &db) { out = readTable<pb::Component>(db, "components", regionId); });
    return out;
}

std::optional<pb::Region> RegionStore::getRegion(const std::string &name)
{
    std::optional<pb::Region> out;
    m_store.read([&](Connection &db) { out = readRegion(db, name); });
    return out;
}

Snapshot<pb::Failover> RegionStore::listFailovers(const std::string &regionId)
{
    Snapshot<pb::Failover> out;
    m_store.read([&](Connection &db) { out = readTable<pb::Failover>(db, "failovers", regionId); });
    return out;
}

Snapshot<pb::MaintenanceWindow> RegionStore::listMaintenanceWindows(const std::string &regionId)
{
    Snapshot<pb::MaintenanceWindow> out;
    m_store.read([&](Connection &db) {
        out = readTable<pb::MaintenanceWindow>(db, "maintenance_windows", regionId);
    });
    return out;
}

std::optional<pb::Region> RegionStore::readRegion(Connection &db, const std::string &name)
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

std::vector<MetricBucket> RegionStore::queryMetrics(const std::string &regionId,
                                                    std::int64_t startMs, std::int64_t endMs,
                                                    std::int64_t resolutionMs)
{
    std::vector<MetricBucket> buckets;
    m_store.read([&](Connection &db) {
        Stmt &select = db.prepare(
            "SELECT (time - ?2) / ?4 AS bucket, avg(p50), avg(p95), max(p99), avg(error_rate), "
            "avg(throughput), avg(availability) FROM region_metrics "
            "WHERE region = ?1 AND time >= ?2 AND time < ?3 GROUP BY bucket ORDER BY bucket");
        select.bind(1, regionId).bind(2, startMs).bind(3, endMs).bind(4, resolutionMs);
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
        select.reset();
    });
    return buckets;
}

} // namespace platformd::regions
