// The store: revisions, the revision log and watch catch-up, compaction, slow watchers,
// migrations and refusing a corrupt file. On SQLite by default; with OPS_TEST_STORE=postgresql
// (ctest's tst_store_pg) the same cases run on a PostgreSQL 15 cluster the test starts itself,
// each test's store a database of its own (the SQLite file-format cases run on a SQLite file either
// way).
#include "core/feed.h"
#include "core/postgres.h"
#include "core/store.h"
#include "modules.h"
#include "regions/regionstore.h"
#include "regions/simulator.h"

#include "pgcluster.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace platformd::core;
using namespace platformd::regions;
namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

// The store as platformd opens it, with the regions module's storage on it (the revision log's
// owner), answering for both.
class Db : public Store
{
public:
    explicit Db(StoreOptions options)
        : Store(std::move(options))
        , m_regions(*this)
    {}
    std::int64_t commit(Mutation m) { return m_regions.commit(std::move(m)); }
    Snapshot<pb::Region> listRegions() { return m_regions.listRegions(); }
    std::optional<pb::Region> getRegion(const std::string &name)
    {
        return m_regions.getRegion(name);
    }
    Snapshot<pb::Component> listComponents(const std::string &region)
    {
        return m_regions.listComponents(region);
    }
    void appendMetrics(const std::vector<MetricSample> &samples)
    {
        m_regions.appendMetrics(samples);
    }
    std::vector<MetricBucket> queryMetrics(const std::string &region, std::int64_t start,
                                           std::int64_t end, std::int64_t resolution)
    {
        return m_regions.queryMetrics(region, start, end, resolution);
    }
    Feed &regionFeed() { return m_regions.feed(); }
    RegionStore &regions() { return m_regions; }

private:
    RegionStore m_regions;
};

// A watcher of the region feed as WatchRegions makes it: the kinds it asked for, its bound.
FeedCursor regionCursor(Db &store, std::int64_t after, unsigned kinds, std::int64_t maxLag = 4096,
                        int chunk = 256)
{
    FeedCursor::Options options;
    options.after = after;
    options.maxLag = maxLag;
    options.chunk = chunk;
    options.select = [kinds](const FeedEntry &e) {
        return e.as<ChangeBatch>().bytesFor(kinds);
    };
    return FeedCursor(store.regionFeed(), std::move(options));
}

// next(), waiting up to timeout on the feed while there is nothing new.
FeedCursor::Item nextWaiting(FeedCursor &cursor, std::chrono::milliseconds timeout)
{
    auto item = cursor.next();
    if (item.type != FeedCursor::Item::Type::Idle)
        return item;
    std::vector<FeedEntry> ignored;
    cursor.feed().wait(cursor.delivered(), timeout, 0, &ignored);
    return cursor.next();
}

} // namespace

namespace {

// A transaction touching `regions` regions (and one component when withComponent).
Mutation mutation(int serial, int regions = 2, bool withComponent = true)
{
    Mutation m;
    for (int i = 0; i < regions; ++i) {
        pb::Region r;
        r.set_name("regions/r" + std::to_string(i));
        r.set_status_message("change " + std::to_string(serial));
        m.regions.push_back(r);
    }
    if (withComponent) {
        pb::Component c;
        c.set_name("regions/r0/components/kafka");
        c.set_version(std::to_string(serial));
        m.components.push_back(c);
    }
    return m;
}

pb::RegionChangeBatch parse(const std::string &bytes)
{
    pb::RegionChangeBatch batch;
    if (!batch.ParseFromString(bytes))
        qWarning("unparsable batch");
    return batch;
}

// The backend under test: PostgreSQL when OPS_TEST_STORE=postgresql (a cluster started once).
PgCluster *pgCluster()
{
    static PgCluster *cluster = [] {
        if (qgetenv("OPS_TEST_STORE") != "postgresql")
            return static_cast<PgCluster *>(nullptr);
        static PgCluster c;
        if (!c.start())
            qFatal("cannot start PostgreSQL: %s", qPrintable(c.errorString()));
        return &c;
    }();
    return cluster;
}

// The store of one test: dir's platform.db on SQLite, a database of dir's own on PostgreSQL
// (the same one each time for the same dir, so reopening finds what was written).
std::string storeLocation(const QTemporaryDir &dir)
{
    PgCluster *cluster = pgCluster();
    if (!cluster)
        return dir.filePath(QStringLiteral("platform.db")).toStdString();
    static std::map<QString, std::string> databases;
    auto it = databases.find(dir.path());
    if (it == databases.end()) {
        const std::string name = "store_" + std::to_string(databases.size() + 1);
        PgConnection(cluster->uri().toStdString()).exec("CREATE DATABASE " + name);
        it = databases
                 .emplace(dir.path(), "postgresql://postgres@127.0.0.1:" +
                                          std::to_string(cluster->port()) + "/" + name)
                 .first;
    }
    return it->second;
}

StoreOptions options(const QTemporaryDir &dir, std::int64_t retention = 100000)
{
    StoreOptions o;
    o.path = storeLocation(dir);
    o.retention = retention;
    o.migrations = platformd::moduleMigrations();
    return o;
}

// The cases about the SQLite file itself (its user_version, a damaged file) open dir's
// platform.db on either run: tst_pgstore and tst_pgmigrations cover PostgreSQL's counterparts.
StoreOptions fileOptions(const QTemporaryDir &dir)
{
    StoreOptions o;
    o.path = dir.filePath(QStringLiteral("platform.db")).toStdString();
    o.migrations = platformd::moduleMigrations();
    return o;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private slots:
    void revisionsIncreaseAndSurviveReopen();
    void resourcesCarryTheirRevision();
    void watchFromRevision_data();
    void watchFromRevision();
    void watchCatchUpThenLive();
    void watchFromNowSkipsHistory();
    void watchAheadOfCurrentIsInvalid();
    void initTestCase() { spdlog::set_level(spdlog::level::warn); }
    void outOfRangeAfterCompaction();
    void compactionSurvivesReopen();
    void slowSubscriberIsDropped();
    void batchCodecRoundTrip();
    void migrationsOnFreshDatabase();
    void migrationsOnExistingDatabase();
    void newerSchemaIsRefused();
    void corruptFileIsRefused();
};

void TestStore::revisionsIncreaseAndSurviveReopen()
{
    QTemporaryDir dir;
    std::int64_t last = 0;
    {
        Db store(options(dir));
        QCOMPARE(store.currentRevision(), 0);
        QCOMPARE(store.commit(Mutation{}), 0); // nothing to write, no revision
        for (int i = 1; i <= 5; ++i) {
            const std::int64_t r = store.commit(mutation(i));
            QVERIFY(r > last);
            QCOMPARE(r, last + 1);
            last = r;
        }
        QCOMPARE(store.currentRevision(), last);
    }
    Db reopened(options(dir));
    QCOMPARE(reopened.currentRevision(), last);
    QCOMPARE(reopened.commit(mutation(6)), last + 1);
    QCOMPARE(reopened.listRegions().revision, last + 1);
}

void TestStore::resourcesCarryTheirRevision()
{
    QTemporaryDir dir;
    Db store(options(dir));
    store.commit(mutation(1, 2));
    const std::int64_t second = store.commit(mutation(2, 1, false));
    const auto regions = store.listRegions();
    QCOMPARE(regions.revision, second);
    QCOMPARE(int(regions.items.size()), 2);
    QCOMPARE(regions.items[0].revision(), second);     // r0 changed again
    QCOMPARE(regions.items[1].revision(), second - 1); // r1 did not
    QCOMPARE(store.getRegion("regions/r0")->status_message(), std::string("change 2"));
    QVERIFY(!store.getRegion("regions/nope"));
    QCOMPARE(int(store.listComponents("r0").items.size()), 1);
    QCOMPARE(int(store.listComponents("r1").items.size()), 0);
}

void TestStore::watchFromRevision_data()
{
    QTest::addColumn<int>("after");
    QTest::addColumn<unsigned>("kinds");
    QTest::addColumn<int>("chunk");
    QTest::newRow("from 1, regions only") << 1 << unsigned(kRegionsOnly) << 256;
    QTest::newRow("from 1, with components") << 1 << unsigned(kWithComponents) << 256;
    QTest::newRow("from 7, all kinds, small chunks") << 7 << unsigned(kAllKinds) << 3;
    QTest::newRow("from 19, nothing to replay") << 20 << unsigned(kAllKinds) << 256;
}

void TestStore::watchFromRevision()
{
    QFETCH(int, after);
    QFETCH(unsigned, kinds);
    QFETCH(int, chunk);
    QTemporaryDir dir;
    Db store(options(dir));
    for (int i = 1; i <= 20; ++i)
        QCOMPARE(store.commit(mutation(i, 1 + i % 3)), i);

    FeedCursor session = regionCursor(store, after, kinds, 4096, chunk);
    QCOMPARE(session.start(), FeedCursor::Start::Ok);
    std::int64_t expected = after + 1;
    for (;;) {
        const auto item = session.next();
        if (item.type == FeedCursor::Item::Type::CaughtUp)
            break;
        QCOMPARE(item.type, FeedCursor::Item::Type::Batch);
        const auto batch = parse(*item.bytes);
        QCOMPARE(batch.revision(), expected); // every later revision, once, in order
        QCOMPARE(item.revision, expected);
        const int serial = int(expected);
        // Whole transactions: every region of it, and its component only when asked for.
        const int regionEvents = 1 + serial % 3;
        const int componentEvents = (kinds & kWithComponents) ? 1 : 0;
        QCOMPARE(batch.events_size(), regionEvents + componentEvents);
        for (const auto &e : batch.events()) {
            QCOMPARE(e.type(), pb::CHANGE_TYPE_UPSERT);
            if (e.has_region()) {
                QCOMPARE(e.region().status_message(), "change " + std::to_string(serial));
                QCOMPARE(e.region().revision(), expected);
                QCOMPARE(e.name(), e.region().name());
            } else {
                QVERIFY(e.has_component());
                QCOMPARE(e.component().version(), std::to_string(serial));
            }
        }
        QVERIFY(batch.commit_time().seconds() > 0);
        ++expected;
    }
    QCOMPARE(expected, 21);
    QCOMPARE(session.delivered(), 20);
    QCOMPARE(session.next().type, FeedCursor::Item::Type::Idle);
}

void TestStore::watchCatchUpThenLive()
{
    QTemporaryDir dir;
    Db store(options(dir));
    for (int i = 1; i <= 10; ++i)
        store.commit(mutation(i));
    FeedCursor session = regionCursor(store, 3, kAllKinds, 4096, 2);
    QCOMPARE(session.start(), FeedCursor::Start::Ok);
    // Commits racing with catch-up: buffered live, delivered once after the history.
    std::thread writer([&] {
        for (int i = 11; i <= 40; ++i)
            store.commit(mutation(i));
    });
    std::vector<std::int64_t> revisions;
    while (revisions.empty() || revisions.back() < 40) {
        const auto item = nextWaiting(session, 5000ms);
        if (item.type == FeedCursor::Item::Type::Batch)
            revisions.push_back(parse(*item.bytes).revision());
        else
            QVERIFY(item.type == FeedCursor::Item::Type::CaughtUp);
    }
    writer.join();
    QCOMPARE(int(revisions.size()), 37);
    for (size_t i = 0; i < revisions.size(); ++i)
        QCOMPARE(revisions[i], std::int64_t(4 + i));
}

void TestStore::watchFromNowSkipsHistory()
{
    QTemporaryDir dir;
    Db store(options(dir));
    for (int i = 1; i <= 5; ++i)
        store.commit(mutation(i));
    FeedCursor session = regionCursor(store, 0, kRegionsOnly);
    QCOMPARE(session.start(), FeedCursor::Start::Ok);
    QCOMPARE(session.delivered(), 5);
    store.commit(mutation(6, 0, true)); // components only: nothing for this watcher
    store.commit(mutation(7));
    const auto item = nextWaiting(session, 1000ms);
    QCOMPARE(item.type, FeedCursor::Item::Type::Batch);
    QCOMPARE(parse(*item.bytes).revision(), 7);
    QCOMPARE(session.delivered(), 7);
}

void TestStore::watchAheadOfCurrentIsInvalid()
{
    QTemporaryDir dir;
    Db store(options(dir));
    store.commit(mutation(1));
    FeedCursor ahead = regionCursor(store, 5, kAllKinds);
    QCOMPARE(ahead.start(), FeedCursor::Start::InvalidArgument);
    QVERIFY(ahead.message().find("after_revision") != std::string::npos);
    FeedCursor negative = regionCursor(store, -1, kAllKinds);
    QCOMPARE(negative.start(), FeedCursor::Start::InvalidArgument);
}

void TestStore::outOfRangeAfterCompaction()
{
    QTemporaryDir dir;
    Db store(options(dir, 5));
    for (int i = 1; i <= 20; ++i)
        store.commit(mutation(i));
    QCOMPARE(store.compact(), 15);
    QCOMPARE(store.oldestRetainedRevision(), 16);
    QCOMPARE(int(store.readChanges(0, 100, 100).size()), 5);

    FeedCursor old = regionCursor(store, 12, kAllKinds);
    QCOMPARE(old.start(), FeedCursor::Start::OutOfRange);
    QVERIFY2(old.message().find("revision 12 is compacted; oldest retained revision is 16") !=
                 std::string::npos,
             old.message().c_str());
    // oldest_retained - 1 is still resumable: everything after it is kept.
    FeedCursor edge = regionCursor(store, 15, kAllKinds);
    QCOMPARE(edge.start(), FeedCursor::Start::Ok);
    const auto item = edge.next();
    QCOMPARE(item.type, FeedCursor::Item::Type::Batch);
    QCOMPARE(parse(*item.bytes).revision(), 16);
}

void TestStore::compactionSurvivesReopen()
{
    QTemporaryDir dir;
    {
        Db store(options(dir, 3));
        for (int i = 1; i <= 10; ++i)
            store.commit(mutation(i));
        store.compact();
    }
    Db reopened(options(dir, 3));
    QCOMPARE(reopened.oldestRetainedRevision(), 8);
    FeedCursor old = regionCursor(reopened, 6, kAllKinds);
    QCOMPARE(old.start(), FeedCursor::Start::OutOfRange);
}

void TestStore::slowSubscriberIsDropped()
{
    QTemporaryDir dir;
    Db store(options(dir));
    FeedCursor slow = regionCursor(store, 0, kAllKinds, 4);
    QCOMPARE(slow.start(), FeedCursor::Start::Ok);
    FeedCursor reader = regionCursor(store, 0, kAllKinds, 4);
    QCOMPARE(reader.start(), FeedCursor::Start::Ok);
    for (int i = 1; i <= 4; ++i) {
        store.commit(mutation(i));
        QCOMPARE(reader.next().type, FeedCursor::Item::Type::Batch); // keeps up
    }
    QVERIFY(!slow.overflowed()); // four undelivered: at its bound, not beyond
    store.commit(mutation(5));   // the fifth undelivered batch overflows the slow one
    QCOMPARE(reader.next().type, FeedCursor::Item::Type::Batch);
    QVERIFY(!reader.overflowed());
    QVERIFY(slow.overflowed());
    QCOMPARE(slow.next().type, FeedCursor::Item::Type::Overflow);
    QCOMPARE(slow.delivered(), 0); // it resumes from what it had
}

void TestStore::batchCodecRoundTrip()
{
    QTemporaryDir dir;
    Db store(options(dir));
    Mutation m = mutation(1, 2, true);
    pb::EdgeNode node;
    node.set_name("regions/r0/edgeNodes/dub-01");
    node.set_city("Dublin");
    m.edgeNodes.push_back(node);
    store.commit(std::move(m));
    std::vector<FeedEntry> published;
    QCOMPARE(store.regionFeed().take(0, 10, &published), Feed::Take::Entries);
    QCOMPARE(int(published.size()), 1);
    const ChangeBatch *batch = &published.front().as<ChangeBatch>();
    const auto all = parse(*batch->bytesFor(kAllKinds));
    QCOMPARE(all.events_size(), 4);
    QCOMPARE(all.events(3).edge_node().city(), std::string("Dublin"));
    QCOMPARE(parse(*batch->bytesFor(kWithEdgeNodes)).events_size(), 3);
    QCOMPARE(parse(*batch->bytesFor(kRegionsOnly)).events_size(), 2);
    ChangeBatch decoded;
    QVERIFY(ChangeBatch::decode(store.readChanges(0, 1, 1).at(0).payload, &decoded));
    QCOMPARE(decoded.revision, 1);
    QCOMPARE(decoded.commitTimeNs, batch->commitTimeNs);
    QCOMPARE(int(decoded.events.size()), 4);
    QCOMPARE(decoded.events[2].kind, ResourceKind::Component);
    QCOMPARE(decoded.events[3].kind, ResourceKind::EdgeNode);
    QCOMPARE(*decoded.bytesFor(kAllKinds), *batch->bytesFor(kAllKinds));
}

void TestStore::migrationsOnFreshDatabase()
{
    QTemporaryDir dir;
    int schemaVersion = 0;
    {
        Db store(fileOptions(dir));
        schemaVersion = store.schemaVersion();
    }
    // The core's migrations and every module's (the compliance module's drill records, 9, are the
    // newest).
    QCOMPARE(schemaVersion, 9);
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(dir.filePath("platform.db").toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(stmt, 0), schemaVersion);
    sqlite3_finalize(stmt);
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0))), "wal");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

void TestStore::migrationsOnExistingDatabase()
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("platform.db").toUtf8();
    // A database left by a platformd at schema version 1, holding one region.
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.constData(), &db), SQLITE_OK);
    pb::Region region;
    region.set_name("regions/eu-west");
    region.set_revision(1);
    const std::string blob = region.SerializeAsString();
    std::string sql; // version 1: the core's piece and the regions module's
    for (const auto *list : {&Store::coreMigrations(), &platformd::regions::migrations()})
        for (const Migration &m : *list)
            if (m.version == 1)
                sql += m.sql + ";";
    sql += "PRAGMA user_version = 1; UPDATE meta SET value = 1 WHERE key = 'revision';";
    QCOMPARE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO regions VALUES ('regions/eu-west', 1, 1, 1, ?1)", -1, &stmt,
                       nullptr);
    sqlite3_bind_blob(stmt, 1, blob.data(), int(blob.size()), SQLITE_STATIC);
    QCOMPARE(sqlite3_step(stmt), SQLITE_DONE);
    sqlite3_finalize(stmt);
    sqlite3_close(db);

    Db store(fileOptions(dir));
    QCOMPARE(store.currentRevision(), 1);
    const auto regions = store.listRegions();
    QCOMPARE(int(regions.items.size()), 1);
    QCOMPARE(regions.items[0].name(), std::string("regions/eu-west"));
    // Version 2's table exists now.
    store.appendMetrics({{"eu-west", 60000, 1, 2, 3, 0.1, 100, 0.9}});
    QCOMPARE(int(store.queryMetrics("eu-west", 0, 120000, 60000).size()), 1);
}

void TestStore::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(dir.filePath("platform.db").toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    try {
        Db store(fileOptions(dir));
        QFAIL("a database from a newer platformd was accepted");
    } catch (const StoreError &e) {
        QVERIFY2(std::string(e.what()).find("schema version 99") != std::string::npos, e.what());
    }
}

void TestStore::corruptFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("platform.db");
    {
        Db store(fileOptions(dir));
        platformd::regions::Simulator simulator(store.regions(), {});
        simulator.initialize(); // resources plus 30 days of metrics: many pages
    }
    QFile file(path);
    QVERIFY(file.size() > 1024 * 1024);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(file.size() / 2));
    file.write(QByteArray(64 * 1024, char(0xa5)));
    file.close();
    try {
        Db store(fileOptions(dir));
        QFAIL("a corrupt database was accepted");
    } catch (const StoreError &e) {
        const std::string message = e.what();
        QVERIFY2(message.find(path.toStdString()) != std::string::npos, e.what());
        QVERIFY2(message.find("corrupt") != std::string::npos, e.what());
    }
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
