// The revision log on PostgreSQL (issue 15), proven on a real PostgreSQL 15 the test starts itself:
// concurrent writers on their own connections (stand-ins for replicas) never make a "> last"
// reader skip or repeat a revision; the naive scheme (a sequence) does lose a late commit, and the
// same interleaving with the row lock makes the late writer wait instead.
#include "core/pgrevisionlog.h"

#include "pgcluster.h"

#include <QtTest>

#include <atomic>
#include <map>
#include <random>
#include <thread>

using namespace platformd::core;

namespace {

// Revisions as a QList, for readable QCOMPAREs.
QList<qint64> revisionsOf(const std::vector<PgChange> &rows)
{
    QList<qint64> out;
    for (const PgChange &row : rows)
        out << row.revision;
    return out;
}

// A little CPU work inside a transaction: holds locks for a random while without sleeping.
void spin(std::mt19937 &random, int most)
{
    const int rounds = std::uniform_int_distribution<int>(0, most)(random);
    volatile std::uint64_t sink = 0;
    for (int i = 0; i < rounds; ++i) {
        sink = sink + std::uint64_t(i) * 2654435761u;
        if (i % 512 == 0)
            std::this_thread::yield();
    }
}

} // namespace

class TestPgRevisionLog : public QObject
{
    Q_OBJECT

private:
    // A new, empty database in the shared cluster with the log migrated; its URI.
    std::string freshDatabase(const std::string &name)
    {
        PgConnection admin(m_cluster.uri().toStdString());
        admin.exec("CREATE DATABASE " + name);
        const std::string uri =
            "postgresql://postgres@127.0.0.1:" + std::to_string(m_cluster.port()) + "/" + name;
        PgConnection db(uri);
        PgRevisionLog::migrate(db);
        return uri;
    }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void logsCommitsInOrder();
    void rolledBackRevisionIsGivenBack();
    void takingRevisionOutsideTransactionThrows();
    void notifiesOnlyAfterCommit();
    void concurrentWritersNeverMakeReadersSkip();
    void naiveSequenceLosesLateCommit();
    void rowLockMakesLateWriterWait();
};

void TestPgRevisionLog::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPgRevisionLog::logsCommitsInOrder()
{
    const std::string uri = freshDatabase("log_order");
    PgConnection db(uri);
    PgRevisionLog::migrate(db); // again: idempotent, keeps the revision
    PgRevisionLog log(db);
    QCOMPARE(log.currentRevision(), 0);
    db.exec("CREATE TABLE items (revision BIGINT NOT NULL, name TEXT NOT NULL)");
    for (int i = 1; i <= 3; ++i) {
        const std::int64_t revision = log.logged([i](PgConnection &c, std::int64_t r) {
            c.prepare("INSERT INTO items VALUES (?1, ?2)")
                .bind(1, r)
                .bind(2, "item" + std::to_string(i))
                .step();
            return std::optional<std::string>(std::string("payload\0", 8) + std::to_string(i));
        });
        QCOMPARE(revision, i);
    }
    QCOMPARE(log.currentRevision(), 3);
    const std::vector<PgChange> rows = log.readChanges(1, 10);
    QCOMPARE(revisionsOf(rows), (QList<qint64>{2, 3}));
    QCOMPARE(rows[0].payload, std::string("payload\0", 8) + "2");
    QVERIFY(rows[0].commitTimeMs > 0);
    QCOMPARE(revisionsOf(log.readChanges(0, 2)), (QList<qint64>{1, 2}));
    // The module's rows carry the revision of the transaction that wrote them.
    QCOMPARE(db.queryInt("SELECT revision FROM items WHERE name = 'item3'"), 3);
}

void TestPgRevisionLog::rolledBackRevisionIsGivenBack()
{
    const std::string uri = freshDatabase("log_rollback");
    PgConnection db(uri);
    PgRevisionLog log(db);
    QCOMPARE(
        log.logged([](PgConnection &, std::int64_t) { return std::optional<std::string>("a"); }),
        1);
    // An effect that declines, and one that throws: neither leaves a row or a hole.
    QCOMPARE(log.logged([](PgConnection &, std::int64_t r) {
        return r == 2 ? std::nullopt : std::optional<std::string>("x");
    }),
             0);
    QVERIFY_THROWS_EXCEPTION(PgError, log.logged([](PgConnection &c, std::int64_t) {
        c.exec("SELECT 1/0");
        return std::optional<std::string>("never");
    }));
    QCOMPARE(
        log.logged([](PgConnection &, std::int64_t) { return std::optional<std::string>("b"); }),
        2);
    QCOMPARE(revisionsOf(log.readChanges(0, 10)), (QList<qint64>{1, 2}));
}

void TestPgRevisionLog::takingRevisionOutsideTransactionThrows()
{
    const std::string uri = freshDatabase("log_no_tx");
    PgConnection db(uri);
    PgRevisionLog log(db);
    try {
        log.takeRevision();
        QFAIL("a revision was taken outside a transaction");
    } catch (const PgError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("outside a transaction")),
                 e.what());
    }
    QCOMPARE(log.currentRevision(), 0);
    // Not migrated: the missing row is named, not a silent 0.
    PgConnection empty(m_cluster.uri().toStdString());
    empty.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)");
    PgTransaction tx(empty, PgTransaction::Mode::Write);
    QVERIFY_THROWS_EXCEPTION(PgError, PgRevisionLog(empty).takeRevision());
}

void TestPgRevisionLog::notifiesOnlyAfterCommit()
{
    const std::string uri = freshDatabase("log_notify");
    PgConnection writerDb(uri), watcherDb(uri);
    PgRevisionLog writer(writerDb), watcher(watcherDb);
    watcher.listen();
    PgTransaction tx(writerDb, PgTransaction::Mode::Write);
    const std::int64_t revision = writer.takeRevision();
    writer.append(revision, 1, "p");
    // Nothing is sent before the commit (a zero timeout only looks at what already came in).
    QVERIFY(!watcher.waitForChange(0));
    QVERIFY(watcher.readChanges(0, 10).empty());
    tx.commit();
    QVERIFY(watcher.waitForChange(60000));
    QCOMPARE(revisionsOf(watcher.readChanges(0, 10)), (QList<qint64>{1}));
    // One notification per commit: nothing more is pending.
    QVERIFY(!watcher.waitForChange(0));
}

void TestPgRevisionLog::concurrentWritersNeverMakeReadersSkip()
{
    const std::string uri = freshDatabase("log_concurrent");
    constexpr int kWriters = 4, kPerWriter = 250, kReaders = 3;
    constexpr std::int64_t kTotal = std::int64_t(kWriters) * kPerWriter;
    std::atomic<bool> writersDone{false};
    std::atomic<int> interleaved{0}; // transactions another writer's commit overtook
    std::vector<std::string> errors(kWriters + kReaders);
    std::vector<std::vector<std::int64_t>> seen(kReaders);
    std::vector<std::vector<std::string>> payloadsSeen(kReaders);

    std::vector<std::thread> readers;
    for (int r = 0; r < kReaders; ++r) {
        readers.emplace_back([&, r] {
            try {
                PgConnection db(uri);
                PgRevisionLog log(db);
                log.listen();
                std::int64_t last = 0;
                while (last < kTotal) {
                    const bool done = writersDone.load();
                    const std::vector<PgChange> rows = log.readChanges(last, 64);
                    for (const PgChange &row : rows) {
                        seen[size_t(r)].push_back(row.revision);
                        payloadsSeen[size_t(r)].push_back(row.payload);
                        last = row.revision; // "> last": exactly what a naive watcher does
                    }
                    if (rows.empty()) {
                        if (done)
                            break; // everything committed before this read: nothing will come
                        log.waitForChange(1000);
                    }
                }
            } catch (const std::exception &e) {
                errors[size_t(kWriters + r)] = e.what();
            }
        });
    }
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
        writers.emplace_back([&, w] {
            try {
                std::mt19937 random(std::uint32_t(1000 + w));
                PgConnection db(uri);
                PgRevisionLog log(db);
                for (int i = 0; i < kPerWriter; ++i) {
                    PgTransaction tx(db, PgTransaction::Mode::Write);
                    const std::int64_t before = log.currentRevision();
                    spin(random, 3000); // inside the transaction, before the lock
                    const std::int64_t revision = log.takeRevision();
                    if (revision > before + 1)
                        ++interleaved;
                    spin(random, 3000); // holding the revision row's lock
                    log.append(revision, 1, "w" + std::to_string(w) + ":" + std::to_string(i));
                    spin(random, 3000); // appended, not yet committed
                    tx.commit();
                }
            } catch (const std::exception &e) {
                errors[size_t(w)] = e.what();
            }
        });
    }
    for (std::thread &t : writers)
        t.join();
    writersDone = true;
    for (std::thread &t : readers)
        t.join();
    for (const std::string &error : errors)
        QVERIFY2(error.empty(), error.c_str());

    std::vector<std::int64_t> expected(static_cast<size_t>(kTotal));
    for (std::int64_t i = 0; i < kTotal; ++i)
        expected[size_t(i)] = i + 1;
    for (int r = 0; r < kReaders; ++r) {
        // Every revision, in order, once: no gap, no duplicate, nothing past the total.
        QCOMPARE(seen[size_t(r)].size(), expected.size());
        QVERIFY2(seen[size_t(r)] == expected, qPrintable(QStringLiteral("reader %1").arg(r)));
        // Each writer's transactions appear in the order it committed them, all of them.
        std::map<std::string, int> nextOf;
        for (const std::string &payload : payloadsSeen[size_t(r)]) {
            const size_t colon = payload.find(':');
            QVERIFY(colon != std::string::npos);
            const std::string writer = payload.substr(0, colon);
            QCOMPARE(std::stoi(payload.substr(colon + 1)), nextOf[writer]++);
        }
        QCOMPARE(int(nextOf.size()), kWriters);
        for (const auto &[writer, next] : nextOf)
            QCOMPARE(next, kPerWriter);
    }
    PgConnection db(uri);
    QCOMPARE(PgRevisionLog(db).currentRevision(), kTotal);
    qInfo("%d of %lld transactions were overtaken by another writer's commit", interleaved.load(),
          static_cast<long long>(kTotal));
}

void TestPgRevisionLog::naiveSequenceLosesLateCommit()
{
    // The negative control: revisions from a sequence, read with "> last".
    const std::string uri = freshDatabase("log_naive");
    PgConnection a(uri), b(uri), reader(uri);
    a.exec("CREATE TABLE naive_changes (revision BIGINT PRIMARY KEY, payload TEXT NOT NULL);"
           "CREATE SEQUENCE naive_revision");
    const std::string insert =
        "INSERT INTO naive_changes VALUES (nextval('naive_revision'), ?1) RETURNING revision";
    auto readAfter = [&reader](std::int64_t after) {
        PgStmt &select =
            reader.prepare("SELECT revision FROM naive_changes WHERE revision > ?1 ORDER BY 1");
        select.bind(1, after);
        QList<qint64> out;
        while (select.step())
            out << select.int64(0);
        return out;
    };

    PgTransaction txA(a, PgTransaction::Mode::Write);
    PgStmt &insertA = a.prepare(insert);
    insertA.bind(1, std::string_view("a"));
    QVERIFY(insertA.step());
    QCOMPARE(insertA.int64(0), 1); // A holds 1, not committed
    {
        PgTransaction txB(b, PgTransaction::Mode::Write);
        PgStmt &insertB = b.prepare(insert);
        insertB.bind(1, std::string_view("b"));
        QVERIFY(insertB.step());
        QCOMPARE(insertB.int64(0), 2);
        insertB.reset();
        txB.commit(); // B commits 2 first
    }
    std::int64_t last = 0;
    const QList<qint64> first = readAfter(last);
    QCOMPARE(first, (QList<qint64>{2}));
    last = first.back();
    insertA.reset();
    txA.commit();                                  // 1 commits late
    QCOMPARE(readAfter(last), QList<qint64>{});    // the naive reader never sees 1
    QCOMPARE(readAfter(0), (QList<qint64>{1, 2})); // though it is there: it was lost to the reader
}

void TestPgRevisionLog::rowLockMakesLateWriterWait()
{
    // The same interleaving with the row-lock scheme: B cannot take a revision while A's
    // transaction holds one, so B's cannot commit first.
    const std::string uri = freshDatabase("log_rowlock");
    PgConnection a(uri), b(uri), reader(uri), observer(uri);
    PgRevisionLog logA(a), logB(b), logReader(reader);

    PgTransaction txA(a, PgTransaction::Mode::Write);
    QCOMPARE(logA.takeRevision(), 1);
    logA.append(1, 1, "a");

    std::atomic<bool> bCommitted{false};
    std::int64_t revisionB = 0;
    std::string errorB;
    std::thread writerB([&] {
        try {
            PgTransaction txB(b, PgTransaction::Mode::Write);
            revisionB = logB.takeRevision(); // blocks on A's row lock
            logB.append(revisionB, 2, "b");
            txB.commit();
            bCommitted = true;
        } catch (const std::exception &e) {
            errorB = e.what();
        }
    });
    // B is waiting for a lock that A holds (PostgreSQL's own view, no timing involved).
    const std::string blockedByA = "SELECT " + std::to_string(a.backendPid()) +
                                   " = ANY(pg_blocking_pids(" + std::to_string(b.backendPid()) +
                                   "))";
    QTRY_VERIFY_WITH_TIMEOUT(observer.queryInt(blockedByA) == 1, 60000);
    QVERIFY(!bCommitted);
    QCOMPARE(revisionsOf(logReader.readChanges(0, 10)), QList<qint64>{}); // nothing to skip past

    txA.commit(); // A commits: B wakes, takes 2, commits after it
    writerB.join();
    QVERIFY2(errorB.empty(), errorB.c_str());
    QVERIFY(bCommitted);
    QCOMPARE(revisionB, 2);
    QCOMPARE(revisionsOf(logReader.readChanges(0, 10)), (QList<qint64>{1, 2}));
}

QTEST_GUILESS_MAIN(TestPgRevisionLog)
#include "tst_pgrevisionlog.moc"
