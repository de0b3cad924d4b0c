// The PostgreSQL backend's foundations (issue 15) against a real PostgreSQL 15 that the test starts
// itself (PgCluster): the libpq wrapper (values, NULLs, errors, transactions, ?N placeholders), and
// the storage seam (core/database.h) running the same statements on PostgreSQL and SQLite.
#include "core/postgres.h"
#include "core/sqlite.h"

#include "pgcluster.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <limits>

using namespace platformd::core;

class TestPostgres : public QObject
{
    Q_OBJECT

private:
    std::string uri() const { return m_cluster.uri().toStdString(); }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void int64Extremes();
    void doublesRoundTripExactly();
    void utf8Text();
    void blobsKeepEveryByte();
    void nulls();
    void badSqlThrowsPostgresMessage();
    void bindOutOfRangeThrows();
    void transactionRollsBackUnlessCommitted();
    void commitOfFailedTransactionThrows();
    void placeholders_data();
    void placeholders();
    void placeholdersOnTheServer();
    void connectErrorNamesHostNeverPassword();
    void seamRunsTheSameSqlOnBothBackends();
};

void TestPostgres::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPostgres::int64Extremes()
{
    PgConnection db(uri());
    db.exec("CREATE TABLE ints (id INTEGER PRIMARY KEY, v BIGINT)");
    const std::int64_t values[] = {std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max(), 0, -1, 1};
    for (int i = 0; i < 5; ++i) {
        PgStmt &insert = db.prepare("INSERT INTO ints (id, v) VALUES (?1, ?2)");
        insert.bind(1, std::int64_t(i)).bind(2, values[i]);
        QVERIFY(!insert.step());
        QCOMPARE(insert.rowsAffected(), 1);
    }
    PgStmt &select = db.prepare("SELECT v, v::text FROM ints ORDER BY id");
    for (const std::int64_t expected : values) {
        QVERIFY(select.step());
        QCOMPARE(select.int64(0), expected);
        QCOMPARE(select.text(1), std::to_string(expected));
    }
    QVERIFY(!select.step());
    // An integer column (int4) takes a bound int64 that fits; one that does not is refused.
    PgStmt &narrow = db.prepare("SELECT ?1::integer");
    narrow.bind(1, std::int64_t(1) << 40);
    try {
        narrow.step();
        QFAIL("an out-of-range integer was accepted");
    } catch (const PgError &e) {
        QCOMPARE(e.sqlState(), std::string("22003"));
    }
}

void TestPostgres::doublesRoundTripExactly()
{
    PgConnection db(uri());
    const double values[] = {0.1,
                             -0.0,
                             3.141592653589793,
                             1e308,
                             std::numeric_limits<double>::denorm_min(),
                             -123456.789e-5,
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()};
    PgStmt &echo = db.prepare("SELECT ?1::double precision");
    for (const double value : values) {
        echo.reset();
        echo.bind(1, value);
        QVERIFY(echo.step());
        // Bit for bit: the text on the wire loses nothing (-0 stays -0).
        QCOMPARE(std::bit_cast<std::uint64_t>(echo.real(0)), std::bit_cast<std::uint64_t>(value));
    }
    echo.reset();
    echo.bind(1, std::numeric_limits<double>::quiet_NaN());
    QVERIFY(echo.step());
    QVERIFY(std::isnan(echo.real(0)));
    // What the server computed reads back as it computed it.
    PgStmt &computed = db.prepare("SELECT 1.5::float8 * 4, 1e-3::float8 / 3");
    QVERIFY(computed.step());
    QCOMPARE(computed.real(0), 6.0);
    QCOMPARE(std::bit_cast<std::uint64_t>(computed.real(1)),
             std::bit_cast<std::uint64_t>(1e-3 / 3));
}

void TestPostgres::utf8Text()
{
    PgConnection db(uri());
    db.exec("CREATE TABLE texts (id INTEGER PRIMARY KEY, v TEXT)");
    const std::string values[] = {"Grüße aus Zürich, 東京, 🚀", "O'Brien said \"?1\" \\ done", "",
                                  std::string(100000, 'x')};
    for (int i = 0; i < 4; ++i) {
        PgStmt &insert = db.prepare("INSERT INTO texts (id, v) VALUES (?1, ?2)");
        insert.bind(1, std::int64_t(i)).bind(2, values[i]);
        insert.step();
    }
    PgStmt &select = db.prepare("SELECT v, length(v), v IS NULL FROM texts ORDER BY id");
    for (const std::string &expected : values) {
        QVERIFY(select.step());
        QCOMPARE(select.text(0), expected);
        QVERIFY(!select.isNull(0)); // "" is not NULL
        QCOMPARE(select.int64(2), 0);
    }
    // length() counts characters: the server decoded the UTF-8 the client sent.
    select.reset();
    QVERIFY(select.step());
    QCOMPARE(select.int64(1), 23);
}

void TestPostgres::blobsKeepEveryByte()
{
    PgConnection db(uri());
    db.exec("CREATE TABLE blobs (id INTEGER PRIMARY KEY, v BYTEA)");
    std::string every;
    for (int round = 0; round < 3; ++round)
        for (int b = 0; b < 256; ++b)
            every += char(b);
    const std::string values[] = {std::string("a\0b\0\0c", 6), every, std::string()};
    for (int i = 0; i < 3; ++i) {
        PgStmt &insert = db.prepare("INSERT INTO blobs (id, v) VALUES (?1, ?2)");
        insert.bind(1, std::int64_t(i)).bindBlob(2, values[i]);
        insert.step();
    }
    PgStmt &select = db.prepare("SELECT v, length(v) FROM blobs ORDER BY id");
    for (const std::string &expected : values) {
        QVERIFY(select.step());
        QCOMPARE(select.blob(0), expected);
        QCOMPARE(select.int64(1), std::int64_t(expected.size())); // the server stored them all
        QVERIFY(!select.isNull(0));
    }
    QVERIFY(!select.step());
}

void TestPostgres::nulls()
{
    PgConnection db(uri());
    db.exec("CREATE TABLE nullable (id INTEGER PRIMARY KEY, i BIGINT, d FLOAT8, t TEXT, b BYTEA)");
    PgStmt &insert = db.prepare("INSERT INTO nullable VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, std::int64_t(1)).bindNull(2).bindNull(3).bindNull(4).bindNull(5);
    insert.step();
    // Unbound parameters are NULL too (as in SQLite), and reset() forgets earlier bindings.
    PgStmt &again = db.prepare("INSERT INTO nullable VALUES (?1, ?2, ?3, ?4, ?5)");
    again.bind(1, std::int64_t(2));
    again.step();
    PgStmt &select = db.prepare("SELECT i, d, t, b, i IS NULL AND d IS NULL AND t IS NULL AND b "
                                "IS NULL FROM nullable ORDER BY id");
    for (int row = 0; row < 2; ++row) {
        QVERIFY(select.step());
        for (int column = 0; column < 4; ++column)
            QVERIFY(select.isNull(column));
        QCOMPARE(select.int64(0), 0);
        QCOMPARE(select.real(1), 0.0);
        QVERIFY(select.text(2).empty());
        QVERIFY(select.blob(3).empty());
        QCOMPARE(select.int64(4), 1);
    }
    QVERIFY(!select.step());
}

void TestPostgres::badSqlThrowsPostgresMessage()
{
    PgConnection db(uri());
    try {
        db.prepare("SELECT * FROM no_such_table WHERE id = ?1");
        QFAIL("a statement on a missing table was prepared");
    } catch (const PgError &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QStringLiteral("relation \"no_such_table\" does not exist")),
                 e.what());
        QVERIFY2(message.contains(QStringLiteral("SELECT * FROM no_such_table")), e.what());
        QVERIFY2(message.contains(QStringLiteral("database platformd on 127.0.0.1")), e.what());
        QCOMPARE(e.sqlState(), std::string("42P01"));
    }
    try {
        db.exec("SELEC 1");
        QFAIL("a syntax error was accepted");
    } catch (const StoreError &e) { // PgError is a StoreError: callers of the SQLite path match
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("syntax error")), e.what());
    }
    db.exec("CREATE TABLE unique_ids (id INTEGER PRIMARY KEY)");
    PgStmt &insert = db.prepare("INSERT INTO unique_ids VALUES (?1)");
    insert.bind(1, std::int64_t(7)).step();
    insert.reset();
    insert.bind(1, std::int64_t(7));
    try {
        insert.step();
        QFAIL("a duplicate primary key was inserted");
    } catch (const PgError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("duplicate key value")),
                 e.what());
        QCOMPARE(e.sqlState(), std::string("23505"));
    }
    // The connection stays usable after errors outside a transaction.
    QCOMPARE(db.queryInt("SELECT count(*) FROM unique_ids"), 1);
}

void TestPostgres::bindOutOfRangeThrows()
{
    PgConnection db(uri());
    PgStmt &stmt = db.prepare("SELECT ?1::bigint + ?2::bigint");
    QVERIFY_THROWS_EXCEPTION(PgError, stmt.bind(3, std::int64_t(1)));
    QVERIFY_THROWS_EXCEPTION(PgError, stmt.bind(0, std::int64_t(1)));
    stmt.bind(1, std::int64_t(40)).bind(2, std::int64_t(2));
    QVERIFY(stmt.step());
    QCOMPARE(stmt.int64(0), 42);
    QVERIFY_THROWS_EXCEPTION(PgError, stmt.int64(1)); // no such column
}

void TestPostgres::transactionRollsBackUnlessCommitted()
{
    PgConnection db(uri());
    PgConnection other(uri());
    db.exec("CREATE TABLE tx_rows (id INTEGER PRIMARY KEY)");
    {
        PgTransaction tx(db, PgTransaction::Mode::Write);
        db.prepare("INSERT INTO tx_rows VALUES (?1)").bind(1, std::int64_t(1)).step();
        QCOMPARE(db.queryInt("SELECT count(*) FROM tx_rows"), 1);    // its own write
        QCOMPARE(other.queryInt("SELECT count(*) FROM tx_rows"), 0); // nobody else's yet
    }                                                                // not committed: rolled back
    QCOMPARE(db.queryInt("SELECT count(*) FROM tx_rows"), 0);
    QCOMPARE(other.queryInt("SELECT count(*) FROM tx_rows"), 0);
    {
        PgTransaction tx(db, PgTransaction::Mode::Write);
        db.prepare("INSERT INTO tx_rows VALUES (?1)").bind(1, std::int64_t(2)).step();
        tx.commit();
    }
    QCOMPARE(other.queryInt("SELECT count(*) FROM tx_rows"), 1);
    // An exception unwinding through the scope rolls back as well.
    try {
        PgTransaction tx(db, PgTransaction::Mode::Write);
        db.prepare("INSERT INTO tx_rows VALUES (?1)").bind(1, std::int64_t(3)).step();
        db.prepare("INSERT INTO tx_rows VALUES (?1)").bind(1, std::int64_t(2)).step(); // duplicate
        tx.commit();
        QFAIL("a duplicate key was committed");
    } catch (const PgError &e) {
        QCOMPARE(e.sqlState(), std::string("23505"));
    }
    QCOMPARE(other.queryInt("SELECT count(*) FROM tx_rows"), 1);
    QCOMPARE(db.queryInt("SELECT max(id) FROM tx_rows"), 2);
    // A read transaction sees one snapshot throughout, as a SQLite reader does.
    PgTransaction snapshot(db, PgTransaction::Mode::Read);
    QCOMPARE(db.queryInt("SELECT count(*) FROM tx_rows"), 1);
    other.prepare("INSERT INTO tx_rows VALUES (?1)").bind(1, std::int64_t(9)).step();
    QCOMPARE(db.queryInt("SELECT count(*) FROM tx_rows"), 1);
    QVERIFY_THROWS_EXCEPTION(PgError, db.exec("INSERT INTO tx_rows VALUES (10)")); // read only
}

void TestPostgres::commitOfFailedTransactionThrows()
{
    PgConnection db(uri());
    db.exec("CREATE TABLE failed_tx (id INTEGER PRIMARY KEY)");
    PgTransaction tx(db, PgTransaction::Mode::Write);
    db.prepare("INSERT INTO failed_tx VALUES (?1)").bind(1, std::int64_t(1)).step();
    QVERIFY_THROWS_EXCEPTION(PgError, db.exec("INSERT INTO failed_tx VALUES ('not a number')"));
    // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK; that must not pass as a
    // commit.
    try {
        tx.commit();
        QFAIL("commit of a failed transaction succeeded");
    } catch (const PgError &e) {
        QCOMPARE(e.sqlState(), std::string("25P02"));
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("rolled it back")), e.what());
    }
    QCOMPARE(db.queryInt("SELECT count(*) FROM failed_tx"), 0);
}

void TestPostgres::placeholders_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("parameters");
    QTest::newRow("plain") << "SELECT a FROM t WHERE b = ?1 AND c = ?12"
                           << "SELECT a FROM t WHERE b = $1 AND c = $12" << 12;
    QTest::newRow("string literal") << "SELECT '?1', ?2"
                                    << "SELECT '?1', $2" << 2;
    QTest::newRow("doubled quote") << "SELECT 'it''s ?1', ?1"
                                   << "SELECT 'it''s ?1', $1" << 1;
    QTest::newRow("escape string") << R"(SELECT E'\'?1', ?1)"
                                   << R"(SELECT E'\'?1', $1)" << 1;
    QTest::newRow("quoted identifier") << R"(SELECT "col?1", "a""?2" FROM t WHERE x = ?3)"
                                       << R"(SELECT "col?1", "a""?2" FROM t WHERE x = $3)" << 3;
    QTest::newRow("dollar quoted") << "SELECT $$?1$$, $tag$ ?2 $tag$, ?3"
                                   << "SELECT $$?1$$, $tag$ ?2 $tag$, $3" << 3;
    QTest::newRow("line comment") << "SELECT ?1 -- not ?2\n, ?3"
                                  << "SELECT $1 -- not ?2\n, $3" << 3;
    QTest::newRow("block comment") << "SELECT /* ?1 /* nested ?2 */ ?3 */ ?4"
                                   << "SELECT /* ?1 /* nested ?2 */ ?3 */ $4" << 4;
    QTest::newRow("jsonb operator") << "SELECT j ? 'k' FROM t WHERE id = ?1"
                                    << "SELECT j ? 'k' FROM t WHERE id = $1" << 1;
    QTest::newRow("no parameters") << "SELECT 1"
                                   << "SELECT 1" << 0;
}

void TestPostgres::placeholders()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QFETCH(int, parameters);
    int found = -1;
    QCOMPARE(QString::fromStdString(translatePlaceholders(sql.toStdString(), &found)), expected);
    QCOMPARE(found, parameters);
}

void TestPostgres::placeholdersOnTheServer()
{
    PgConnection db(uri());
    PgStmt &stmt = db.prepare("SELECT ?1 || '?1' || \"?2\" FROM (SELECT 'col' AS \"?2\") AS t");
    stmt.bind(1, std::string_view("x"));
    QVERIFY(stmt.step());
    QCOMPARE(stmt.text(0), std::string_view("x?1col"));
}

void TestPostgres::connectErrorNamesHostNeverPassword()
{
    const std::string secret = "s3cret-Pw";
    const std::string bad = "postgresql://postgres:" + secret +
                            "@127.0.0.1:" + std::to_string(m_cluster.port()) + "/no_such_db";
    try {
        PgConnection db(bad);
        QFAIL("connected to a database that does not exist");
    } catch (const PgError &e) {
        const QString message = QString::fromUtf8(e.what());
        QVERIFY2(message.contains(QStringLiteral("no_such_db")), e.what());
        QVERIFY2(message.contains(QStringLiteral("127.0.0.1")), e.what());
        QVERIFY2(message.contains(QStringLiteral("does not exist")), e.what());
        QVERIFY2(!message.contains(QString::fromStdString(secret)), e.what());
    }
    // A malformed URI is refused before connecting, still without the password.
    try {
        PgConnection db("postgresql://postgres:" + secret + "@127.0.0.1/x?bogus=1");
        QFAIL("a malformed URI was accepted");
    } catch (const PgError &e) {
        QVERIFY2(!QString::fromUtf8(e.what()).contains(QString::fromStdString(secret)), e.what());
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("***")), e.what());
    }
    QCOMPARE(redactedUri("postgresql://u:" + secret + "@h/db"),
             std::string("postgresql://u:***@h/db"));
    QCOMPARE(redactedUri("host=h password=" + secret + " dbname=d"),
             std::string("host=h password=*** dbname=d"));
    QCOMPARE(redactedUri("postgresql://u@h/db"), std::string("postgresql://u@h/db"));
}

// What a module writes (through core::Connection only) behaves the same on both backends: ?N
// parameters, an upsert, COALESCE, RETURNING, blobs, transactions that roll back unless committed.
// Only the DDL differs (BLOB / BYTEA), as the modules' migrations will per backend.
void TestPostgres::seamRunsTheSameSqlOnBothBackends()
{
    QTemporaryDir dir;
    SqliteConnection sqlite(dir.filePath("seam.db").toStdString(), true);
    PgConnection pg(uri());
    sqlite.exec("CREATE TABLE seam (id INTEGER PRIMARY KEY, name TEXT NOT NULL, n INTEGER, "
                "data BLOB NOT NULL)");
    pg.exec("CREATE TABLE seam (id BIGINT PRIMARY KEY, name TEXT NOT NULL, n BIGINT, "
            "data BYTEA NOT NULL)");
    const std::string bytes("\0\x01\xff", 3);
    for (Connection *db : {static_cast<Connection *>(&sqlite), static_cast<Connection *>(&pg)}) {
        const QByteArray backend = QByteArray::fromStdString(db->path());
        {
            Transaction tx(*db, Transaction::Mode::Write);
            for (std::int64_t id : {1, 2})
                db->prepare("INSERT INTO seam (id, name, n, data) VALUES (?1, ?2, ?3, ?4)")
                    .bind(1, id)
                    .bind(2, std::string_view("first"))
                    .bind(3, id * 10)
                    .bindBlob(4, bytes)
                    .step();
            tx.commit();
        }
        {
            Transaction tx(*db, Transaction::Mode::Write);
            db->prepare("DELETE FROM seam").step();
        } // not committed: rolled back
        QCOMPARE(db->queryInt("SELECT COUNT(*) FROM seam"), 2);
        Stmt &upsert = db->prepare("INSERT INTO seam (id, name, n, data) VALUES (?1, ?2, NULL, ?3) "
                                   "ON CONFLICT (id) DO UPDATE SET name = excluded.name, n = "
                                   "excluded.n RETURNING id");
        QVERIFY2(upsert.bind(1, std::int64_t(2))
                     .bind(2, std::string_view("second"))
                     .bindBlob(3, bytes)
                     .step(),
                 backend.constData());
        QCOMPARE(upsert.int64(0), 2);
        upsert.reset();
        Stmt &read = db->prepare("SELECT id, name, COALESCE(n, -1), data FROM seam WHERE id >= ?1 "
                                 "ORDER BY id");
        read.bind(1, std::int64_t(1));
        QVERIFY(read.step());
        QCOMPARE(read.text(1), std::string_view("first"));
        QCOMPARE(read.int64(2), 10);
        QCOMPARE(read.blob(3), std::string_view(bytes));
        QVERIFY(read.step());
        QCOMPARE(read.text(1), std::string_view("second"));
        QCOMPARE(read.int64(2), -1);
        QVERIFY(!read.step());
        read.reset();
        // Errors are StoreErrors naming the database, whichever the backend.
        try {
            db->prepare("SELECT nope FROM seam").step();
            QFAIL(backend.constData());
        } catch (const StoreError &e) {
            QVERIFY2(std::string(e.what()).find(db->path()) != std::string::npos, e.what());
        }
    }
}

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
