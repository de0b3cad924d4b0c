// Replicas following each other (issue 15), on a real PostgreSQL 15 the test starts itself: two
// core::Stores on one database stand for two platformd replicas. What one commits reaches the
// other's revision-log and audit feeds through LISTEN/NOTIFY and its history — each revision
// once, in order, nothing lost — while both write at once; the leadership (a session advisory
// lock) is held by exactly one and passes on when its holder goes; replicas opening their modules
// take turns.
#include "core/feed.h"
#include "core/postgres.h"
#include "core/store.h"
#include "core/storesync.h"
#include "modules.h"

#include "pgcluster.h"
#include "pgstoretest.h"

#include <QtTest>

#include <atomic>
#include <barrier>
#include <thread>

using namespace platformd::core;

namespace {

audit::Entry entryFor(const std::string &actor, int i)
{
    audit::Entry e;
    e.actor = actor;
    e.role = "admin";
    e.action = "test.write";
    e.resource = "items/" + actor + "-" + std::to_string(i);
    e.requestSummary = "{}";
    e.peer = "ipv4:127.0.0.1:1";
    return e;
}

// A watcher's view of a feed: everything delivered after the position it started from.
struct Watcher
{
    explicit Watcher(Feed &feed)
        : cursor(feed, [] {
            FeedCursor::Options o;
            o.after = 0;
            o.zeroMeansNow = true;
            o.maxLag = 1 << 20;
            o.select = [](const FeedEntry &e) {
                return std::make_shared<const std::string>(std::to_string(e.revision));
            };
            return o;
        }())
    {}
    // Takes what is there; the revisions delivered so far.
    const std::vector<std::int64_t> &poll()
    {
        for (;;) {
            const FeedCursor::Item item = cursor.next();
            if (item.type == FeedCursor::Item::Type::Batch)
                revisions.push_back(std::stoll(*item.bytes));
            else if (item.type != FeedCursor::Item::Type::CaughtUp)
                return revisions;
        }
    }
    FeedCursor cursor;
    std::vector<std::int64_t> revisions;
};

} // namespace

class TestPgFeeds : public QObject
{
    Q_OBJECT

private:
    std::string freshDatabase(const std::string &name) { return freshPgDatabase(m_cluster, name); }
    StoreOptions optionsFor(const std::string &uri) { return pgStoreOptions(uri); }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void logFeedFollowsTheOtherReplica();
    void auditFeedFollowsTheOtherReplica();
    void compactionIsShared();
    void leadershipPassesOn();
    void openingTakesTurns();
    void reconnectsWhenTheServerDropsIt();
};

void TestPgFeeds::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPgFeeds::logFeedFollowsTheOtherReplica()
{
    const std::string uri = freshDatabase("feeds_log");
    Store a(optionsFor(uri)), b(optionsFor(uri));
    QVERIFY(a.shared() && b.shared());
    Watcher onA(a.logFeed()), onB(b.logFeed());
    QCOMPARE(onA.cursor.start(), FeedCursor::Start::Ok);
    QCOMPARE(onB.cursor.start(), FeedCursor::Start::Ok);

    // Both replicas commit at once, each from two threads.
    constexpr int kPerThread = 150;
    std::barrier start(4);
    std::vector<std::thread> writers;
    for (Store *store : {&a, &b, &a, &b})
        writers.emplace_back([&, store] {
            start.arrive_and_wait();
            for (int i = 0; i < kPerThread; ++i)
                store->logged([&](Connection &, std::int64_t revision) {
                    LogEntry e;
                    e.payload = std::to_string(revision);
                    e.entry = std::make_shared<const std::string>(e.payload);
                    return std::optional<LogEntry>(std::move(e));
                });
        });
    for (std::thread &t : writers)
        t.join();
    constexpr std::int64_t kAll = 4 * kPerThread;

    // Each feed gets every revision, each once and in order, whoever committed it: the other
    // replica's arrive through the listener, this one's in between, as committed.
    std::vector<std::int64_t> expected(kAll);
    for (std::int64_t i = 0; i < kAll; ++i)
        expected[size_t(i)] = i + 1;
    QTRY_COMPARE_WITH_TIMEOUT(onA.poll().size(), size_t(kAll), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(onB.poll().size(), size_t(kAll), 30000);
    QCOMPARE(onA.revisions, expected);
    QCOMPARE(onB.revisions, expected);
    QCOMPARE(onA.poll().size(), size_t(kAll)); // nothing more came
    QCOMPARE(a.currentRevision(), kAll);
    QTRY_COMPARE(b.currentRevision(), kAll);

    // What the feeds hold is what the log holds: the entries published live on B for A's
    // commits are read back from `changes`.
    std::vector<FeedEntry> recent;
    QCOMPARE(b.logFeed().take(kAll - 10, 100, &recent), Feed::Take::Entries);
    QCOMPARE(recent.size(), size_t(10));
    for (const FeedEntry &e : recent)
        QCOMPARE(e.as<std::string>(), std::to_string(e.revision));

    // A watcher resuming on B from what A committed a moment ago is accepted, whether or not B's
    // listener has brought it over yet (the committed revision is the database's).
    const std::int64_t fresh = a.logged([](Connection &, std::int64_t revision) {
        LogEntry e;
        e.payload = std::to_string(revision);
        e.entry = std::make_shared<const std::string>(e.payload);
        return std::optional<LogEntry>(std::move(e));
    });
    FeedCursor::Options resume;
    resume.after = fresh;
    FeedCursor resumed(b.logFeed(), resume);
    QCOMPARE(resumed.start(), FeedCursor::Start::Ok);
    const audit::Entry appended = a.audited(entryFor("a", 0));
    FeedCursor::Options resumeAudit;
    resumeAudit.after = appended.seq;
    FeedCursor auditResumed(b.auditFeed(), resumeAudit);
    QCOMPARE(auditResumed.start(), FeedCursor::Start::Ok);
    // Past what any replica committed is still refused.
    FeedCursor::Options ahead;
    ahead.after = fresh + 1;
    FeedCursor tooFar(b.logFeed(), ahead);
    QCOMPARE(tooFar.start(), FeedCursor::Start::InvalidArgument);
}

void TestPgFeeds::auditFeedFollowsTheOtherReplica()
{
    const std::string uri = freshDatabase("feeds_audit");
    Store a(optionsFor(uri)), b(optionsFor(uri));
    std::vector<std::int64_t> seenOnB;
    FeedCursor::Options o;
    o.maxLag = 1 << 20;
    std::vector<std::string> resourcesOnB;
    o.select = [&](const FeedEntry &e) {
        resourcesOnB.push_back(e.as<audit::Entry>().resource);
        return std::make_shared<const std::string>(std::to_string(e.revision));
    };
    FeedCursor cursor(b.auditFeed(), o);
    QCOMPARE(cursor.start(), FeedCursor::Start::Ok);

    constexpr int kEach = 100;
    std::barrier start(2);
    std::thread other([&] {
        start.arrive_and_wait();
        for (int i = 0; i < kEach; ++i)
            a.audited(entryFor("a", i));
    });
    start.arrive_and_wait();
    for (int i = 0; i < kEach; ++i)
        b.audited(entryFor("b", i));
    other.join();

    auto drain = [&] {
        for (;;) {
            const FeedCursor::Item item = cursor.next();
            if (item.type == FeedCursor::Item::Type::Batch)
                seenOnB.push_back(std::stoll(*item.bytes));
            else if (item.type != FeedCursor::Item::Type::CaughtUp)
                return seenOnB.size();
        }
    };
    QTRY_COMPARE_WITH_TIMEOUT(drain(), size_t(2 * kEach), 30000);
    for (size_t i = 0; i < seenOnB.size(); ++i)
        QCOMPARE(seenOnB[i], std::int64_t(i + 1));
    // Every entry of both replicas, as the table holds them (one chain).
    const std::vector<audit::Entry> stored = b.readAudit(0, 1000);
    QCOMPARE(stored.size(), size_t(2 * kEach));
    for (size_t i = 0; i < stored.size(); ++i)
        QCOMPARE(resourcesOnB[i], stored[i].resource);
    QTRY_COMPARE(b.auditHead().first, std::int64_t(2 * kEach));
    QCOMPARE(b.auditHead().second, stored.back().entryHash);
    audit::Verdict verdict;
    b.read([&](Connection &db) { verdict = Store::verifyAudit(db, b.auditHeadPath()); });
    QVERIFY2(verdict.intact, verdict.problem.c_str());
}

void TestPgFeeds::compactionIsShared()
{
    const std::string uri = freshDatabase("feeds_compact");
    StoreOptions options = optionsFor(uri);
    options.retention = 10;
    Store a(options), b(options);
    for (int i = 0; i < 50; ++i)
        a.logged([](Connection &, std::int64_t revision) {
            LogEntry e;
            e.payload = std::to_string(revision);
            return std::optional<LogEntry>(std::move(e));
        });
    QTRY_COMPARE(b.currentRevision(), 50);
    // Both compact: what one removed the other does not remove again, and both know where the
    // retained history starts (a watcher older than that gets OUT_OF_RANGE on either).
    const std::int64_t byA = a.compact();
    const std::int64_t byB = b.compact();
    QCOMPARE(byA + byB, 40);
    QCOMPARE(byB, 0);
    QCOMPARE(b.oldestRetainedRevision(), 41);
    QCOMPARE(b.readChanges(0, 100, 100).size(), size_t(10));
    FeedCursor::Options o;
    o.after = 5;
    FeedCursor stale(b.logFeed(), o);
    QCOMPARE(stale.start(), FeedCursor::Start::OutOfRange);
}

void TestPgFeeds::leadershipPassesOn()
{
    const std::string uri = freshDatabase("feeds_leader");
    std::atomic<int> elected{0};
    auto first = std::make_unique<Leadership>(uri, "test.leader", std::chrono::milliseconds(100),
                                              Leadership::Callbacks{[&] { ++elected; }, {}});
    QVERIFY(first->start());
    QVERIFY(first->leading());
    std::atomic<int> secondElected{0};
    Leadership second(uri, "test.leader", std::chrono::milliseconds(100),
                      Leadership::Callbacks{[&] { ++secondElected; }, {}});
    QVERIFY(!second.start());
    QVERIFY(!second.leading());
    // Another role is a lock of its own.
    Leadership other(uri, "test.other", std::chrono::milliseconds(100), {});
    QVERIFY(other.start());
    // While the first holds it, the second stays standing by (it keeps asking: the server says
    // no every time, which pg_locks shows as the first session's granted lock).
    PgConnection db(uri);
    QCOMPARE(db.queryInt("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"),
             2);
    QVERIFY(!second.leading());
    // The leader goes (its session ends): the second takes over, once.
    first.reset();
    QTRY_VERIFY_WITH_TIMEOUT(second.leading(), 20000);
    QTRY_COMPARE(secondElected.load(), 1);
    QCOMPARE(elected.load(), 0); // the first led from the start: never "elected" later
    // On SQLite (no URI) a process leads at once.
    Leadership alone({}, "test.leader", std::chrono::milliseconds(100), {});
    QVERIFY(alone.start());
}

void TestPgFeeds::openingTakesTurns()
{
    const std::string uri = freshDatabase("feeds_open");
    auto first = std::make_unique<SessionLock>(uri, "test.open");
    std::atomic<bool> acquired{false};
    std::thread second([&] {
        SessionLock lock(uri, "test.open");
        acquired = true;
    });
    // The second waits on the first's lock (the server shows it waiting), and gets it when the
    // first lets go.
    PgConnection db(uri);
    QTRY_COMPARE_WITH_TIMEOUT(
        db.queryInt("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"), 1,
        20000);
    QVERIFY(!acquired.load());
    first.reset();
    second.join();
    QVERIFY(acquired.load());
}

void TestPgFeeds::reconnectsWhenTheServerDropsIt()
{
    const std::string uri = freshDatabase("feeds_reconnect");
    Store a(optionsFor(uri)), b(optionsFor(uri));
    auto commit = [](Store &store) {
        return store.logged([](Connection &, std::int64_t revision) {
            LogEntry e;
            e.payload = std::to_string(revision);
            e.entry = std::make_shared<const std::string>(e.payload);
            return std::optional<LogEntry>(std::move(e));
        });
    };
    QCOMPARE(commit(a), 1);
    QTRY_COMPARE(b.logFeed().latest(), 1);
    // An administrator (or a failover) ends every session of A's and B's: writer, readers and
    // listeners.
    PgConnection admin(m_cluster.uri().toStdString());
    const std::string sessions = "FROM pg_stat_activity WHERE datname = 'feeds_reconnect'";
    QVERIFY(admin.queryInt("SELECT count(*) " + sessions) >= 4);
    admin.exec("CREATE TEMP TABLE ended AS SELECT pid " + sessions);
    admin.exec("SELECT pg_terminate_backend(pid) FROM ended");
    QTRY_COMPARE_WITH_TIMEOUT(
        admin.queryInt(
            "SELECT count(*) FROM pg_stat_activity WHERE pid IN (SELECT pid FROM ended)"),
        0, 20000);
    // The write that finds its connection gone fails with a clear error; the next one connects
    // again and commits. No more than that one is lost.
    int failed = 0;
    std::int64_t revision = 0;
    for (int attempt = 0; attempt < 2 && !revision; ++attempt) {
        try {
            revision = commit(a);
        } catch (const StoreError &e) {
            ++failed;
            QVERIFY2(std::string(e.what()).find("feeds_reconnect") != std::string::npos, e.what());
        }
    }
    QCOMPARE(revision, 2);
    QVERIFY(failed <= 1);
    // Reads connect again too, and B's listener LISTENs again: A's commit reaches B's feed.
    QTRY_COMPARE_WITH_TIMEOUT(b.logFeed().latest(), 2, 20000);
    std::vector<ChangeRow> rows;
    for (int attempt = 0; attempt < 3 && rows.size() != 2; ++attempt) {
        try {
            rows = b.readChanges(0, 100, 100);
        } catch (const StoreError &) {
        }
    }
    QCOMPARE(rows.size(), size_t(2));
}

QTEST_GUILESS_MAIN(TestPgFeeds)
#include "tst_pgfeeds.moc"
