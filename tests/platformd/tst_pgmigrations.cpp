// Every module's migrations on both backends (issue 15): the core's and every module's migrations,
// in version order, applied to SQLite as written and to a real PostgreSQL 15 (PgCluster) through
// core/sqldialect.h; the two schemas must agree (tables, columns, types, primary keys, rowid
// aliases, indexes, triggers), and the hand-written PostgreSQL triggers refuse what SQLite's do,
// with the same message.
#include "core/migration.h"
#include "core/postgres.h"
#include "core/sqldialect.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "modules.h"

#include "pgcluster.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <map>
#include <set>

using namespace platformd::core;

namespace {

struct Column
{
    std::string name, type;
    int pkPosition = 0; // 1-based position in the primary key, 0: not in it
    bool identity = false;
    bool operator==(const Column &) const = default;
};

struct Schema
{
    std::map<std::string, std::vector<Column>> tables;
    std::set<std::pair<std::string, std::string>> indexes;  // (table, index)
    std::set<std::pair<std::string, std::string>> triggers; // (table, trigger)
};

std::vector<Migration> allMigrations()
{
    std::vector<Migration> all = Store::coreMigrations();
    const std::vector<Migration> modules = platformd::moduleMigrations();
    all.insert(all.end(), modules.begin(), modules.end());
    // Pieces of one version keep their order (core first, then module order), as Store runs them.
    std::stable_sort(all.begin(), all.end(),
                     [](const Migration &a, const Migration &b) { return a.version < b.version; });
    return all;
}

template<typename Sql>
void applyAll(Connection &db, const std::vector<Migration> &migrations, Sql sqlOf)
{
    for (std::size_t i = 0; i < migrations.size();) {
        const int version = migrations[i].version;
        Transaction tx(db, Transaction::Mode::Write);
        for (; i < migrations.size() && migrations[i].version == version; ++i)
            db.exec(sqlOf(migrations[i]));
        tx.commit();
    }
}

// What a column's SQLite type becomes on PostgreSQL (information_schema's data_type).
std::string postgresType(const std::string &sqliteType)
{
    static const std::map<std::string, std::string> types = {
        {"INTEGER", "bigint"}, {"TEXT", "text"}, {"REAL", "double precision"}, {"BLOB", "bytea"}};
    auto it = types.find(sqliteType);
    return it == types.end() ? "unknown SQLite type " + sqliteType : it->second;
}

Schema sqliteSchema(Connection &db)
{
    Schema s;
    std::vector<std::pair<std::string, bool>> tables; // name, rowid table
    Stmt &list = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master "
                            "WHERE name NOT LIKE 'sqlite_%' ORDER BY name");
    while (list.step()) {
        const std::string type(list.text(0)), name(list.text(1)), table(list.text(2));
        if (type == "table")
            tables.emplace_back(name, std::string(list.text(3)).find("WITHOUT ROWID") ==
                                          std::string::npos);
        else if (type == "index" && !list.text(3).empty())
            s.indexes.emplace(table, name);
        else if (type == "trigger")
            s.triggers.emplace(table, name);
    }
    list.reset();
    for (const auto &[table, rowid] : tables) {
        std::vector<Column> &columns = s.tables[table];
        Stmt &info = db.prepare("SELECT name, type, pk FROM pragma_table_info(?1) ORDER BY cid");
        info.bind(1, table);
        int pkColumns = 0;
        while (info.step()) {
            columns.push_back({std::string(info.text(0)), postgresType(std::string(info.text(1))),
                               int(info.int64(2))});
            pkColumns += columns.back().pkPosition ? 1 : 0;
        }
        info.reset();
        // SQLite's rowid alias: the one INTEGER primary key column of a rowid table.
        for (Column &c : columns)
            c.identity = rowid && pkColumns == 1 && c.pkPosition == 1 && c.type == "bigint";
    }
    return s;
}

Schema postgresSchema(Connection &db)
{
    Schema s;
    Stmt &columns = db.prepare(
        "SELECT c.table_name, c.column_name, c.data_type, c.is_identity, "
        "COALESCE((SELECT k.ordinal_position FROM information_schema.table_constraints t "
        "JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name "
        "AND k.table_schema = t.table_schema AND k.table_name = t.table_name "
        "WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema "
        "AND t.table_name = c.table_name AND k.column_name = c.column_name), 0) "
        "FROM information_schema.columns c WHERE c.table_schema = 'public' "
        "ORDER BY c.table_name, c.ordinal_position");
    while (columns.step())
        s.tables[std::string(columns.text(0))].push_back(
            {std::string(columns.text(1)), std::string(columns.text(2)), int(columns.int64(4)),
             columns.text(3) == "YES"});
    columns.reset();
    // Indexes of their own (not the ones behind PRIMARY KEY and UNIQUE constraints).
    Stmt &indexes = db.prepare("SELECT t.relname, i.relname FROM pg_index x "
                               "JOIN pg_class i ON i.oid = x.indexrelid "
                               "JOIN pg_class t ON t.oid = x.indrelid "
                               "JOIN pg_namespace n ON n.oid = t.relnamespace "
                               "WHERE n.nspname = 'public' AND NOT EXISTS "
                               "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)");
    while (indexes.step())
        s.indexes.emplace(std::string(indexes.text(0)), std::string(indexes.text(1)));
    indexes.reset();
    Stmt &triggers = db.prepare("SELECT c.relname, t.tgname FROM pg_trigger t "
                                "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal");
    while (triggers.step())
        s.triggers.emplace(std::string(triggers.text(0)), std::string(triggers.text(1)));
    triggers.reset();
    return s;
}

QByteArray describe(const std::vector<Column> &columns)
{
    QByteArray out;
    for (const Column &c : columns)
        out += QByteArray::fromStdString(
            c.name + " " + c.type + (c.pkPosition ? " pk" + std::to_string(c.pkPosition) : "") +
            (c.identity ? " identity" : "") + "; ");
    return out;
}

template<typename Pairs>
QStringList names(const Pairs &pairs)
{
    QStringList out;
    for (const auto &[table, name] : pairs)
        out << QString::fromStdString(table + "." + name);
    return out;
}

// The message of the StoreError that running sql on db throws (empty: it did not throw).
QString refusal(Connection &db, const std::string &sql)
{
    try {
        db.exec(sql);
    } catch (const StoreError &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

// A statement a module's source hands to prepare/queryInt/exec as adjacent string literals.
struct SourceStatement
{
    QString where; // "cost/coststore.cpp:157"
    std::string sql;
};

// Every complete statement in the modules' sources (platformd/*/ but core/): literals whose call
// closes right after them. Statements built at run time (literal + variable) are skipped, and so
// are those marked sqlite-only (run after checking Connection::dialect()).
std::vector<SourceStatement> moduleStatements(const QString &platformdDir)
{
    static const QRegularExpression call(QStringLiteral("(prepare|queryInt|exec)\\(\\s*\""));
    static const QRegularExpression sqlStart(
        QStringLiteral("^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    std::vector<SourceStatement> out;
    QDirIterator it(platformdDir, {QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(platformdDir).relativeFilePath(path);
        if (rel.startsWith(QLatin1String("core/")) || !rel.contains(QLatin1Char('/')))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (auto m = call.globalMatch(text); m.hasNext();) {
            const auto match = m.next();
            qsizetype i = match.capturedEnd() - 1; // at the opening quote
            std::string sql;
            while (i < text.size() && text[i] == QLatin1Char('"')) {
                for (++i; i < text.size() && text[i] != QLatin1Char('"'); ++i) {
                    if (text[i] == QLatin1Char('\\'))
                        ++i;
                    sql += text[i].toLatin1();
                }
                ++i;
                while (i < text.size() && text[i].isSpace())
                    ++i;
            }
            const qsizetype line = text.left(match.capturedStart()).count(QLatin1Char('\n'));
            const QStringList lines = text.split(QLatin1Char('\n'));
            const bool sqliteOnly =
                lines[line].contains(QLatin1String("sqlite-only")) ||
                (line > 0 && lines[line - 1].contains(QLatin1String("sqlite-only")));
            if (i < text.size() && text[i] == QLatin1Char(')') && !sqliteOnly &&
                sqlStart.match(QString::fromStdString(sql)).hasMatch())
                out.push_back({rel + QLatin1Char(':') + QString::number(line + 1), sql});
        }
    }
    return out;
}

} // namespace

class TestPgMigrations : public QObject
{
    Q_OBJECT

private:
    PgCluster m_cluster;
    QTemporaryDir m_dir;
    std::unique_ptr<SqliteConnection> m_sqlite;
    std::unique_ptr<PgConnection> m_pg;

private slots:
    void initTestCase();
    void translation_data();
    void translation();
    void notMechanicalIsRefused_data();
    void notMechanicalIsRefused();
    void versionsAreContiguous();
    void schemasMatch();
    void appendOnlyRefusedOnBoth_data();
    void appendOnlyRefusedOnBoth();
    void truncateRefusedOnPostgres();
    void rowidAliasesGenerateAndAcceptIds();
    void moduleStatementsPrepareOnBoth();
};

void TestPgMigrations::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
    QVERIFY(m_dir.isValid());
    const std::vector<Migration> migrations = allMigrations();
    m_sqlite =
        std::make_unique<SqliteConnection>(m_dir.filePath("platform.db").toStdString(), true);
    applyAll(*m_sqlite, migrations, [](const Migration &m) { return m.sql; });
    m_pg = std::make_unique<PgConnection>(m_cluster.uri().toStdString());
    applyAll(*m_pg, migrations, [](const Migration &m) { return postgresSql(m); });
}

void TestPgMigrations::translation_data()
{
    QTest::addColumn<QString>("sqlite");
    QTest::addColumn<QString>("postgres");
    QTest::newRow("rowid alias") << "CREATE TABLE t (id INTEGER PRIMARY KEY, v REAL NOT NULL)"
                                 << "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
                                    "PRIMARY KEY, v DOUBLE PRECISION NOT NULL);";
    QTest::newRow("without rowid: no alias")
        << "CREATE TABLE t (k INTEGER PRIMARY KEY, b BLOB) WITHOUT ROWID;"
        << "CREATE TABLE t (k BIGINT PRIMARY KEY, b BYTEA);";
    QTest::newRow("composite key, lower case")
        << "create table t (a integer not null, b text, primary key (a, b)) without rowid"
        << "create table t (a BIGINT not null, b text, primary key (a, b));";
    QTest::newRow("strings and quoted names untouched")
        << "CREATE TABLE \"INTEGER\" (x TEXT DEFAULT 'INTEGER PRIMARY KEY; BLOB')"
        << "CREATE TABLE \"INTEGER\" (x TEXT DEFAULT 'INTEGER PRIMARY KEY; BLOB');";
    QTest::newRow("several statements")
        << "CREATE TABLE a (x INTEGER);\nCREATE INDEX a_x ON a (x);\n"
        << "CREATE TABLE a (x BIGINT);\nCREATE INDEX a_x ON a (x);";
    QTest::newRow("alter table") << "ALTER TABLE t ADD COLUMN n INTEGER NOT NULL DEFAULT 0;"
                                 << "ALTER TABLE t ADD COLUMN n BIGINT NOT NULL DEFAULT 0;";
    QTest::newRow("insert or ignore") << "INSERT OR IGNORE INTO t VALUES ('a', 1)"
                                      << "INSERT INTO t VALUES ('a', 1) ON CONFLICT DO NOTHING;";
    QTest::newRow("insert or ignore returning")
        << "INSERT OR IGNORE INTO t (k) VALUES (?1) RETURNING id"
        << "INSERT INTO t (k) VALUES (?1) ON CONFLICT DO NOTHING RETURNING id;";
    QTest::newRow("blob literal") << "INSERT INTO t VALUES (x'00fF')"
                                  << "INSERT INTO t VALUES ('\\x00fF'::bytea);";
    QTest::newRow("plain insert keeps its words") << "INSERT INTO meta VALUES ('revision', 0)"
                                                  << "INSERT INTO meta VALUES ('revision', 0);";
}

void TestPgMigrations::translation()
{
    QFETCH(QString, sqlite);
    QFETCH(QString, postgres);
    QCOMPARE(QString::fromStdString(postgresDdl(sqlite.toStdString())), postgres);
}

void TestPgMigrations::notMechanicalIsRefused_data()
{
    QTest::addColumn<QString>("sqlite");
    QTest::addColumn<QString>("named");
    QTest::newRow("trigger") << "CREATE TABLE t (x TEXT); CREATE TRIGGER t_no_update BEFORE "
                                "UPDATE ON t BEGIN SELECT RAISE(ABORT, 'no'); END;"
                             << "CREATE TRIGGER";
    QTest::newRow("pragma") << "PRAGMA foreign_keys = ON"
                            << "PRAGMA";
    QTest::newRow("insert or replace") << "INSERT OR REPLACE INTO t VALUES (1)"
                                       << "INSERT OR REPLACE";
    QTest::newRow("replace into") << "REPLACE INTO t VALUES (1)"
                                  << "INSERT OR REPLACE";
    QTest::newRow("autoincrement") << "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)"
                                   << "AUTOINCREMENT";
    QTest::newRow("unterminated string") << "CREATE TABLE t (x TEXT DEFAULT 'oops)"
                                         << "unterminated";
}

void TestPgMigrations::notMechanicalIsRefused()
{
    QFETCH(QString, sqlite);
    QFETCH(QString, named);
    try {
        const std::string translated = postgresDdl(sqlite.toStdString());
        QFAIL(qPrintable("translated to: " + QString::fromStdString(translated)));
    } catch (const StoreError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(named), e.what());
    }
    // A migration names its version in the error; with a postgres variant nothing is translated.
    Migration m{42, sqlite.toStdString()};
    try {
        (void)postgresSql(m);
        QFAIL("a migration with no mechanical form and no postgres variant was translated");
    } catch (const StoreError &e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith("migration 42: "), e.what());
    }
    m.postgres = "SELECT 1";
    QCOMPARE(postgresSql(m), std::string("SELECT 1"));
}

void TestPgMigrations::versionsAreContiguous()
{
    std::set<int> versions;
    for (const Migration &m : allMigrations())
        versions.insert(m.version);
    QVERIFY(versions.size() >= 9); // the core's and every module's up to compliance's drills
    QCOMPARE(*versions.begin(), 1);
    QCOMPARE(*versions.rbegin(), int(versions.size()));
    // The rows migrations insert are there on PostgreSQL too.
    QCOMPARE(m_pg->queryInt("SELECT count(*) FROM meta"), 2);
    QCOMPARE(m_pg->queryInt("SELECT count(*) FROM registry_meta"), 2);
}

void TestPgMigrations::schemasMatch()
{
    const Schema lite = sqliteSchema(*m_sqlite);
    const Schema pg = postgresSchema(*m_pg);
    QVERIFY(lite.tables.size() >= 40);
    QStringList liteTables, pgTables;
    for (const auto &[name, columns] : lite.tables)
        liteTables << QString::fromStdString(name);
    for (const auto &[name, columns] : pg.tables)
        pgTables << QString::fromStdString(name);
    QCOMPARE(pgTables, liteTables);
    for (const auto &[name, columns] : lite.tables) {
        QVERIFY2(describe(pg.tables.at(name)) == describe(columns),
                 qPrintable(QString::fromStdString(name) + "\n  sqlite:     " + describe(columns) +
                            "\n  postgresql: " + describe(pg.tables.at(name))));
    }
    // The rowid aliases the modules rely on are generated on PostgreSQL too.
    QVERIFY(lite.tables.at("compliance_evidence").front().identity);
    QVERIFY(!lite.tables.at("regions").front().identity);
    QVERIFY(lite.indexes.size() >= 19);
    QCOMPARE(names(pg.indexes), names(lite.indexes));
    // PostgreSQL's append-only tables also refuse TRUNCATE (which skips row triggers).
    std::set<std::pair<std::string, std::string>> expected = lite.triggers;
    expected.emplace("audit", "audit_no_truncate");
    expected.emplace("compliance_evidence", "compliance_evidence_no_truncate");
    QCOMPARE(lite.triggers.size(), std::size_t(4));
    QCOMPARE(names(pg.triggers), names(expected));
}

void TestPgMigrations::appendOnlyRefusedOnBoth_data()
{
    QTest::addColumn<QString>("insert");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("count");
    QTest::addColumn<QString>("message");
    const QString audit = "INSERT INTO audit (seq, time, actor, role, action, resource, "
                          "request_summary, result, result_message, peer, prev_hash, entry_hash) "
                          "VALUES (%1, 't', 'a', 'r', 'x', 'res', 's', 'OK', '', 'p', 'h0', 'h1')";
    const QString evidence = "INSERT INTO compliance_evidence (id, control, kind, description, "
                             "file_name, sha256, size_bytes, link, recorded_by, record_ms) "
                             "VALUES (%1, 'c', 1, 'd', '', '', 0, '', 'u', 1)";
    QTest::newRow("audit update") << audit.arg(101)
                                  << "UPDATE audit SET actor = 'x' WHERE seq = 101"
                                  << "SELECT count(*) FROM audit WHERE seq = 101 AND actor = 'a'"
                                  << "the audit log is append-only";
    QTest::newRow("audit delete") << audit.arg(102) << "DELETE FROM audit WHERE seq = 102"
                                  << "SELECT count(*) FROM audit WHERE seq = 102"
                                  << "the audit log is append-only";
    QTest::newRow("evidence update")
        << evidence.arg(201) << "UPDATE compliance_evidence SET link = 'x' WHERE id = 201"
        << "SELECT count(*) FROM compliance_evidence WHERE id = 201 AND link = ''"
        << "compliance_evidence is append-only";
    QTest::newRow("evidence delete") << evidence.arg(202) << "DELETE FROM compliance_evidence"
                                     << "SELECT count(*) FROM compliance_evidence WHERE id = 202"
                                     << "compliance_evidence is append-only";
}

void TestPgMigrations::appendOnlyRefusedOnBoth()
{
    QFETCH(QString, insert);
    QFETCH(QString, change);
    QFETCH(QString, count);
    QFETCH(QString, message);
    for (Connection *db :
         {static_cast<Connection *>(m_sqlite.get()), static_cast<Connection *>(m_pg.get())}) {
        db->exec(insert.toStdString());
        const QString why = refusal(*db, change.toStdString());
        QVERIFY2(why.contains(message),
                 qPrintable(QString::fromStdString(db->path()) + ": " + why));
        QCOMPARE(db->queryInt(count.toStdString()), 1); // the row is still there, unchanged
    }
}

void TestPgMigrations::truncateRefusedOnPostgres()
{
    m_pg->exec("INSERT INTO compliance_evidence (control, kind, description, file_name, sha256, "
               "size_bytes, link, recorded_by, record_ms) VALUES ('t', 1, 'd', '', '', 0, '', "
               "'u', 1)");
    const std::int64_t rows = m_pg->queryInt("SELECT count(*) FROM compliance_evidence");
    for (const char *table : {"audit", "compliance_evidence"}) {
        const QString why = refusal(*m_pg, std::string("TRUNCATE ") + table);
        QVERIFY2(why.contains("append-only"), qPrintable(table + (": " + why)));
    }
    QCOMPARE(m_pg->queryInt("SELECT count(*) FROM compliance_evidence"), rows);
}

void TestPgMigrations::rowidAliasesGenerateAndAcceptIds()
{
    // As modules use them: ids generated (RETURNING id) and explicit ones (revision logs).
    for (Connection *db :
         {static_cast<Connection *>(m_sqlite.get()), static_cast<Connection *>(m_pg.get())}) {
        Stmt &run = db->prepare("INSERT INTO compliance_check_runs (check_id, result, detail, "
                                "run_ms, duration_ms, triggered_by) VALUES (?1, 1, '', 5, 0.5, "
                                "'test') RETURNING id");
        run.bind(1, std::string_view("first"));
        QVERIFY(run.step());
        const std::int64_t first = run.int64(0);
        run.reset();
        run.bind(1, std::string_view("second"));
        QVERIFY(run.step());
        QCOMPARE(run.int64(0), first + 1);
        run.reset();
        Stmt &change = db->prepare("INSERT INTO changes (revision, commit_time, payload) "
                                   "VALUES (?1, 1, ?2)");
        change.bind(1, std::int64_t(1) << 40).bindBlob(2, std::string_view("\0\1", 2));
        QVERIFY(!change.step());
        change.reset();
        QCOMPARE(db->queryInt("SELECT revision FROM changes"), std::int64_t(1) << 40);
    }
}

void TestPgMigrations::moduleStatementsPrepareOnBoth()
{
    // Both engines parse and plan every statement the modules write (PostgreSQL also infers each
    // parameter's type from its column): what SQLite alone accepts fails here, by file:line.
    const std::vector<SourceStatement> statements =
        moduleStatements(QStringLiteral(OPS_SOURCE_DIR "/platformd"));
    QVERIFY2(statements.size() >= 100, qPrintable(QString::number(statements.size())));
    QStringList failed;
    for (const SourceStatement &s : statements) {
        for (Connection *db :
             {static_cast<Connection *>(m_sqlite.get()), static_cast<Connection *>(m_pg.get())}) {
            try {
                db->prepare(s.sql);
            } catch (const StoreError &e) {
                failed << s.where + QLatin1String(": ") + QString::fromUtf8(e.what());
            }
        }
    }
    QVERIFY2(failed.isEmpty(), qPrintable(failed.join(QLatin1String("\n"))));
}

QTEST_GUILESS_MAIN(TestPgMigrations)
#include "tst_pgmigrations.moc"
