// core::Store on PostgreSQL (issue 15), on a real PostgreSQL 15 the test starts itself: it opens on
// a postgresql:// URI, runs every migration (the core's and the modules'), commits revisions
// readable through readChanges, appends an audit chain verifyAudit accepts (and refuses once
// edited or truncated), and two Stores on one database — two replicas in one process — write at
// the same time without a gap or a duplicate in revisions or audit seqs. platformd --store starts
// on it (two of them, as replicas) and refuses what is not a PostgreSQL URI.
#include "core/postgres.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "modules.h"

#include "pgcluster.h"
#include "pgstoretest.h"
#include "platformdprocess.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <limits>
#include <set>
#include <thread>

using namespace platformd::core;

namespace {

constexpr std::int64_t kAll = std::numeric_limits<std::int64_t>::max();

audit::Entry entryFor(const std::string &actor, const std::string &action)
{
    audit::Entry e;
    e.actor = actor;
    e.role = "admin";
    e.action = action;
    e.resource = "items/" + action;
    e.requestSummary = "{}";
    e.peer = "ipv4:127.0.0.1:1";
    return e;
}

// One logged write of the items table: the row carries the revision it was written in.
std::int64_t addItem(Store &store, const std::string &name)
{
    return store.logged([&](Connection &db, std::int64_t revision) -> std::optional<LogEntry> {
        db.prepare("INSERT INTO items (revision, name) VALUES (?1, ?2)")
            .bind(1, revision)
            .bind(2, name)
            .step();
        LogEntry entry;
        entry.entry = std::make_shared<const std::string>(name);
        entry.payload = name;
        entry.commitTimeMs = 1;
        return entry;
    });
}

QList<qint64> revisionsOf(const std::vector<ChangeRow> &rows)
{
    QList<qint64> out;
    for (const ChangeRow &row : rows)
        out << row.revision;
    return out;
}

QList<qint64> oneTo(qint64 n)
{
    QList<qint64> out;
    for (qint64 i = 1; i <= n; ++i)
        out << i;
    return out;
}

audit::Verdict verify(Store &store)
{
    audit::Verdict verdict;
    store.read([&](Connection &db) { verdict = Store::verifyAudit(db, store.auditHeadPath()); });
    return verdict;
}

} // namespace

class TestPgStore : public QObject
{
    Q_OBJECT

private:
    // A new, empty database in the cluster; its URI.
    std::string freshDatabase(const std::string &name) { return freshPgDatabase(m_cluster, name); }
    StoreOptions optionsFor(const std::string &uri) { return pgStoreOptions(uri); }
    static void createItems(Store &store)
    {
        store.write([](Connection &db) {
            db.exec("CREATE TABLE items (revision BIGINT NOT NULL, name TEXT NOT NULL)");
        });
    }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void opensAndMigrates();
    void replicasStartingTogetherMigrateOnce();
    void refusesNewerSchemaAndUnreachableServer();
    void loggedCommitsDenseRevisions();
    void auditedChainVerifies();
    void twoStoresInterleaveWithoutGaps();
    void platformdRunsOnTheStore();
};

void TestPgStore::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPgStore::opensAndMigrates()
{
    const std::string uri = freshDatabase("store_migrate");
    int version = 0;
    {
        Store store(optionsFor(uri));
        version = store.schemaVersion();
        QVERIFY(version >= 3);
        QCOMPARE(store.currentRevision(), 0);
        QCOMPARE(store.auditHead().first, 0);
        QVERIFY(store.auditHeadPath().empty()); // the anchor is a row, not a file
    }
    PgConnection db(uri);
    QCOMPARE(db.queryInt("SELECT version FROM schema_version"), version);
    // Every module's tables are there (one per module as a sample) and the core's.
    for (const char *table : {"meta", "changes", "users", "tokens", "audit", "model_versions"})
        QVERIFY2(db.queryInt("SELECT count(*) FROM information_schema.tables WHERE table_name = '" +
                             std::string(table) + "'") == 1,
                 table);
    QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'revision'"), 0);
    // The append-only triggers came with the migrations (the statement-level one fires on an
    // empty table too).
    QVERIFY_THROWS_EXCEPTION(StoreError, db.exec("TRUNCATE audit"));
    // Opening again migrates nothing and keeps what is there.
    Store again(optionsFor(uri));
    QCOMPARE(again.schemaVersion(), version);
    QCOMPARE(db.queryInt("SELECT version FROM schema_version"), version);
}

void TestPgStore::replicasStartingTogetherMigrateOnce()
{
    const std::string uri = freshDatabase("store_together");
    std::unique_ptr<Store> stores[3];
    std::string errors[3];
    std::barrier start(3);
    auto open = [&](int i) {
        start.arrive_and_wait();
        try {
            stores[i] = std::make_unique<Store>(optionsFor(uri));
        } catch (const std::exception &e) {
            errors[i] = e.what();
        }
    };
    std::thread a(open, 0), b(open, 1), c(open, 2);
    a.join();
    b.join();
    c.join();
    for (int i = 0; i < 3; ++i)
        QVERIFY2(stores[i], errors[i].c_str());
    PgConnection db(uri);
    QCOMPARE(db.queryInt("SELECT version FROM schema_version"), stores[0]->schemaVersion());
    QCOMPARE(db.queryInt("SELECT count(*) FROM meta WHERE key = 'revision'"), 1);
    QCOMPARE(db.queryInt("SELECT count(*) FROM audit_head"), 1);
}

void TestPgStore::refusesNewerSchemaAndUnreachableServer()
{
    const std::string uri = freshDatabase("store_newer");
    {
        Store store(optionsFor(uri));
    }
    PgConnection(uri).exec("UPDATE schema_version SET version = 999");
    try {
        Store store(optionsFor(uri));
        QFAIL("a database with a newer schema opened");
    } catch (const StoreError &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QStringLiteral("schema version 999")), e.what());
        QVERIFY2(message.contains(QStringLiteral("store_newer")), e.what());
    }
    // The same refusal on SQLite (PRAGMA user_version), naming the file.
    QTemporaryDir dir;
    const std::string file = dir.filePath(QStringLiteral("platform.db")).toStdString();
    StoreOptions sqlite = optionsFor(file);
    {
        Store store(sqlite);
    }
    SqliteConnection(file, false).exec("PRAGMA user_version = 999");
    try {
        Store store(sqlite);
        QFAIL("a SQLite database with a newer schema opened");
    } catch (const StoreError &e) {
        const std::string expected = "database file " + file + " has schema version 999";
        QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
    }
    // Port 1 on loopback: nothing listens. The message names the server, not the password.
    StoreOptions options = optionsFor("postgresql://platformd:s3cret@127.0.0.1:1/nowhere");
    try {
        Store store(options);
        QFAIL("a store opened on a server that does not exist");
    } catch (const StoreError &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QStringLiteral("nowhere")), e.what());
        QVERIFY2(!message.contains(QStringLiteral("s3cret")), e.what());
    }
}

void TestPgStore::loggedCommitsDenseRevisions()
{
    Store store(optionsFor(freshDatabase("store_logged")));
    createItems(store);
    for (int i = 1; i <= 5; ++i)
        QCOMPARE(addItem(store, "item" + std::to_string(i)), i);
    // An effect that declines rolls back its writes and gives the revision back.
    const std::int64_t declined =
        store.logged([](Connection &db, std::int64_t revision) -> std::optional<LogEntry> {
            db.prepare("INSERT INTO items (revision, name) VALUES (?1, 'declined')")
                .bind(1, revision)
                .step();
            return std::nullopt;
        });
    QCOMPARE(declined, 0);
    QCOMPARE(addItem(store, "item6"), 6);
    QCOMPARE(store.currentRevision(), 6);
    QCOMPARE(store.logFeed().latest(), 6);
    const std::vector<ChangeRow> rows = store.readChanges(0, kAll, 100);
    QCOMPARE(revisionsOf(rows), oneTo(6));
    QCOMPARE(rows[5].payload, std::string("item6"));
    QCOMPARE(revisionsOf(store.readChanges(2, 4, 100)), (QList<qint64>{3, 4}));
    store.read([](Connection &db) {
        QCOMPARE(db.queryInt("SELECT count(*) FROM items WHERE name = 'declined'"), 0);
        QCOMPARE(db.queryInt("SELECT revision FROM items WHERE name = 'item6'"), 6);
        QCOMPARE(Store::revisionIn(db), 6);
    });
    // A fresh Store reads the revision back.
    Store reopened(optionsFor(store.path()));
    QCOMPARE(reopened.currentRevision(), 6);
    QCOMPARE(addItem(reopened, "item7"), 7);
}

void TestPgStore::auditedChainVerifies()
{
    const std::string uri = freshDatabase("store_audit");
    Store store(optionsFor(uri));
    createItems(store);
    QVERIFY(verify(store).intact); // nothing logged, no users: a new store
    for (int i = 1; i <= 3; ++i) {
        const audit::Entry e = store.audited(entryFor("alice", "touch" + std::to_string(i)));
        QCOMPARE(e.seq, i);
        QCOMPARE(e.result, std::string("OK"));
    }
    // An effect that throws leaves no row and no revision.
    QVERIFY_THROWS_EXCEPTION(
        std::runtime_error,
        store.audited(entryFor("alice", "fails"),
                      [](Connection &, audit::Entry &) { throw std::runtime_error("refused"); }));
    // Audited and logged in one transaction.
    std::int64_t revision = 0;
    const audit::Entry both = store.auditedCommit(
        entryFor("bob", "add"),
        [](Connection &db, audit::Entry &, std::int64_t r) -> std::optional<LogEntry> {
            db.prepare("INSERT INTO items (revision, name) VALUES (?1, 'audited')")
                .bind(1, r)
                .step();
            LogEntry entry;
            entry.entry = std::make_shared<const std::string>("audited");
            entry.payload = "audited";
            return entry;
        },
        &revision);
    QCOMPARE(both.seq, 4);
    QCOMPARE(revision, 1);
    QCOMPARE(store.auditHead(), std::make_pair(std::int64_t(4), both.entryHash));
    QCOMPARE(store.auditFeed().latest(), 4);
    const std::vector<audit::Entry> entries = store.readAudit(0, 100);
    QCOMPARE(int(entries.size()), 4);
    QCOMPARE(entries[3].action, std::string("add"));
    QCOMPARE(entries[1].prevHash, entries[0].entryHash);

    audit::Verdict verdict = verify(store);
    QVERIFY2(verdict.intact, verdict.problem.c_str());
    QCOMPARE(verdict.headSeq, 4);

    PgConnection admin(uri);
    // Edited behind the triggers' back: the chain breaks at that entry.
    admin.exec("ALTER TABLE audit DISABLE TRIGGER USER;"
               "UPDATE audit SET actor = 'mallory' WHERE seq = 2;");
    verdict = verify(store);
    QVERIFY(!verdict.intact);
    QCOMPARE(verdict.firstBadSeq, 2);
    // Put back, then the newest entry deleted: the chain alone is consistent, the anchor row
    // names what is missing.
    PgStmt &restore = admin.prepare("UPDATE audit SET actor = ?1 WHERE seq = 2");
    restore.bind(1, entries[1].actor).step();
    restore.reset();
    QVERIFY(verify(store).intact);
    admin.exec("DELETE FROM audit WHERE seq = 4; ALTER TABLE audit ENABLE TRIGGER USER;");
    verdict = verify(store);
    QVERIFY(!verdict.intact);
    QCOMPARE(verdict.firstBadSeq, 4);
    QVERIFY2(verdict.problem.find("truncated") != std::string::npos, verdict.problem.c_str());
}

void TestPgStore::twoStoresInterleaveWithoutGaps()
{
    const std::string uri = freshDatabase("store_replicas");
    Store first(optionsFor(uri));
    createItems(first);
    Store second(optionsFor(uri));
    constexpr int kRounds = 150; // per store: a logged write, an audited one, an audited log write
    std::atomic<bool> failed{false};
    std::vector<std::int64_t> revisions[2], seqs[2];
    // Both start each round together, so the stores' writes meet at the locks every round.
    std::barrier rounds(2);
    auto writer = [&](Store &store, int index) {
        try {
            for (int i = 0; i < kRounds; ++i) {
                rounds.arrive_and_wait();
                const std::string name = std::to_string(index) + "-" + std::to_string(i);
                revisions[index].push_back(addItem(store, name));
                seqs[index].push_back(store.audited(entryFor(name, "touch")).seq);
                std::int64_t revision = 0;
                const audit::Entry e = store.auditedCommit(
                    entryFor(name, "add"),
                    [&](Connection &db, audit::Entry &, std::int64_t r) -> std::optional<LogEntry> {
                        db.prepare("INSERT INTO items (revision, name) VALUES (?1, ?2)")
                            .bind(1, r)
                            .bind(2, name + "a")
                            .step();
                        LogEntry entry;
                        entry.entry = std::make_shared<const std::string>(name);
                        entry.payload = name + "a";
                        return entry;
                    },
                    &revision);
                seqs[index].push_back(e.seq);
                revisions[index].push_back(revision);
            }
        } catch (const std::exception &e) {
            qWarning("store %d: %s", index, e.what());
            failed = true;
            rounds.arrive_and_drop(); // the other goes on alone
        }
    };
    std::thread a(writer, std::ref(first), 0);
    std::thread b(writer, std::ref(second), 1);
    a.join();
    b.join();
    QVERIFY(!failed);

    // Each store's own revisions and seqs rise; together they are 1..N, each once.
    std::set<std::int64_t> allRevisions, allSeqs;
    for (int i = 0; i < 2; ++i) {
        QVERIFY(std::is_sorted(revisions[i].begin(), revisions[i].end()));
        QVERIFY(std::is_sorted(seqs[i].begin(), seqs[i].end()));
        allRevisions.insert(revisions[i].begin(), revisions[i].end());
        allSeqs.insert(seqs[i].begin(), seqs[i].end());
    }
    constexpr std::int64_t kRevisions = 2 * 2 * kRounds, kSeqs = 2 * 2 * kRounds;
    QCOMPARE(std::int64_t(allRevisions.size()), kRevisions);
    QCOMPARE(*allRevisions.begin(), 1);
    QCOMPARE(*allRevisions.rbegin(), kRevisions);
    QCOMPARE(std::int64_t(allSeqs.size()), kSeqs);
    QCOMPARE(*allSeqs.rbegin(), kSeqs);
    // Interleaved: the second round of either store comes after the first round of both.
    QVERIFY(revisions[0][2] > revisions[1][1] && revisions[1][2] > revisions[0][1]);

    // What either store reads back: every revision once, in order, each row in its revision.
    const std::vector<ChangeRow> rows = second.readChanges(0, kAll, 10000);
    QCOMPARE(revisionsOf(rows), oneTo(kRevisions));
    first.read([&](Connection &db) {
        QCOMPARE(db.queryInt("SELECT count(*) FROM items"), kRevisions);
        QCOMPARE(db.queryInt("SELECT count(DISTINCT revision) FROM items"), kRevisions);
        QCOMPARE(Store::revisionIn(db), kRevisions);
    });
    const std::vector<audit::Entry> entries = first.readAudit(0, 10000);
    QCOMPARE(std::int64_t(entries.size()), kSeqs);
    QCOMPARE(entries.back().seq, kSeqs);
    const audit::Verdict verdict = verify(second);
    QVERIFY2(verdict.intact, verdict.problem.c_str());
    QCOMPARE(verdict.headSeq, kSeqs);
    QCOMPARE(verdict.entriesChecked, kSeqs);
}

void TestPgStore::platformdRunsOnTheStore()
{
    const std::string uri = freshDatabase("store_platformd");
    const QString store = QString::fromStdString(uri);
    // Two platformd on one store, each with a data dir of its own (replicas).
    PlatformdProcess first, second;
    QVERIFY2(first.start({QStringLiteral("--store"), store}), qPrintable(first.errorString()));
    QVERIFY(!first.adminToken().isEmpty()); // the bootstrap admin, created in PostgreSQL
    QVERIFY2(second.start({QStringLiteral("--store"), store}), qPrintable(second.errorString()));
    QVERIFY(second.adminToken().isEmpty()); // the store has its admin already
    QVERIFY(!QFile::exists(first.dataDir() + QStringLiteral("/platform.db")));
    QCOMPARE(first.terminate(), 0);
    QCOMPARE(second.terminate(), 0);
    PgConnection db(uri);
    QCOMPARE(db.queryInt("SELECT count(*) FROM users WHERE id = 'admin'"), 1);
    QCOMPARE(db.queryInt("SELECT max(seq) FROM audit"), db.queryInt("SELECT seq FROM audit_head"));
    QVERIFY(db.queryInt("SELECT seq FROM audit_head") >= 1);

    // Not a URI: refused before anything starts. A server that is not there: exit 1, and the
    // message names the database without the password.
    QProcess bad;
    bad.start(PlatformdProcess::binaryPath(), {QStringLiteral("--store"), QStringLiteral("x.db")});
    QVERIFY(bad.waitForFinished(15000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains("--store"));
    QTemporaryDir dir;
    QProcess unreachable;
    unreachable.start(PlatformdProcess::binaryPath(),
                      {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                       QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--store"),
                       QStringLiteral("postgresql://platformd:s3cret@127.0.0.1:1/nowhere")});
    QVERIFY(unreachable.waitForFinished(30000));
    QCOMPARE(unreachable.exitCode(), 1);
    const QByteArray message = unreachable.readAllStandardError();
    QVERIFY2(message.contains("nowhere"), message.constData());
    QVERIFY2(!message.contains("s3cret"), message.constData());
}

QTEST_GUILESS_MAIN(TestPgStore)
#include "tst_pgstore.moc"
