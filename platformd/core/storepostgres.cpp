#include "core/storepostgres.h"
#include "core/auditchain.h"
#include "core/migration.h"
#include "core/pgrevisionlog.h"
#include "core/postgres.h"
#include "core/sqldialect.h"
#include "core/storesync.h"

// The Store on PostgreSQL (issue 15): any number of processes (replicas) share one database.
// Writers serialise on the `meta` revision row's lock and the `audit_head` row's lock, each held
// until the transaction ends and always taken in that order (revision first), so no two writers
// deadlock; the store's own bookkeeping (schema_version, audit_head) is not part of the
// migrations, as SQLite's user_version and anchor file are not.

#include <spdlog/spdlog.h>

namespace platformd::core {

namespace {

class PostgresStoreBackend final : public StoreBackend
{
public:
    explicit PostgresStoreBackend(std::string uri)
        : m_uri(std::move(uri))
    {}

    std::unique_ptr<Connection> openWriter() override
    {
        auto writer = std::make_unique<PgConnection>(m_uri);
        Transaction tx(*writer, Transaction::Mode::Write);
        // Replicas starting together would collide in the catalog.
        lockSchema(*writer);
        writer->exec("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY "
                     "CHECK (id = 1), version INTEGER NOT NULL);"
                     "INSERT INTO schema_version VALUES (1, 0) ON CONFLICT DO NOTHING;"
                     "CREATE TABLE IF NOT EXISTS audit_head (id INTEGER PRIMARY KEY "
                     "CHECK (id = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL)");
        PgStmt &head =
            writer->prepare("INSERT INTO audit_head VALUES (1, 0, ?1) ON CONFLICT DO NOTHING");
        head.bind(1, std::string_view(audit::kGenesisHash)).step();
        head.reset();
        tx.commit();
        return writer;
    }

    std::unique_ptr<Connection> openReader() override
    {
        auto reader = std::make_unique<PgConnection>(m_uri);
        reader->exec("SET default_transaction_read_only = on");
        return reader;
    }

    void lockSchema(Connection &db) override
    {
        db.exec("SELECT pg_advisory_xact_lock(hashtext('platformd.store.schema'))");
    }
    int schemaVersion(Connection &db) override
    {
        return int(db.queryInt("SELECT version FROM schema_version WHERE id = 1"));
    }
    void setSchemaVersion(Connection &db, int version) override
    {
        db.exec("UPDATE schema_version SET version = " + std::to_string(version) + " WHERE id = 1");
    }
    std::string migrationSql(const Migration &migration) const override
    {
        return postgresSql(migration);
    }

    void ensureAuditGuards(Connection &db) override
    {
        // Not yet re-created here: refuse to run with the audit log unguarded instead.
        const std::int64_t present =
            db.queryInt("SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                        "WHERE c.relname = 'audit' AND NOT t.tgisinternal AND t.tgenabled <> 'D' "
                        "AND t.tgname IN ('audit_no_update', 'audit_no_delete', "
                        "'audit_no_truncate')");
        if (present != 3)
            throw StoreError("the audit log's append-only triggers are missing or disabled in " +
                             db.path() + "; re-create them (migration 3) before starting");
    }

    // The row lock lasts until the commit: the next writer, on any replica, waits and then reads
    // the value this transaction committed (READ COMMITTED re-reads a row it waited for). The
    // value is moved only when `changes` gets the revision (Store::appendLog), so an audited
    // write without a log entry gives its revision back, as PgRevisionLog's rollback does.
    std::int64_t lockRevision(Connection &db, std::int64_t) override
    {
        Stmt &lock = db.prepare("SELECT value FROM meta WHERE key = 'revision' FOR UPDATE");
        if (!lock.step())
            db.fail("the revision row is missing from meta");
        const std::int64_t revision = lock.int64(0);
        lock.reset();
        return revision;
    }
    void revisionAppended(Connection &db, std::int64_t revision) override
    {
        notify(db, kLogChannel, revision);
    }

    void setDurable(Connection &, bool) override {} // synchronous_commit stays the server's

    std::pair<std::int64_t, std::string> lockAuditHead(Connection &db) override
    {
        Stmt &head = db.prepare("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        if (!head.step())
            db.fail("the audit_head row is missing");
        std::pair<std::int64_t, std::string> last{head.int64(0), std::string(head.text(1))};
        head.reset();
        return last;
    }
    void auditAppended(Connection &db, std::int64_t seq, const std::string &hash) override
    {
        Stmt &update = db.prepare("UPDATE audit_head SET seq = ?1, hash = ?2 WHERE id = 1");
        update.bind(1, seq).bind(2, std::string_view(hash)).step();
        update.reset();
        notify(db, kAuditChannel, seq);
    }
    void auditCommitted(std::int64_t, const std::string &) override {}
    std::string auditHeadPath() const override { return {}; }

private:
    static void notify(Connection &db, const char *channel, std::int64_t value)
    {
        // Delivered when (and only if) the transaction commits, in commit order.
        Stmt &notify = db.prepare("SELECT pg_notify(?1, ?2)");
        notify.bind(1, std::string_view(channel)).bind(2, std::to_string(value)).step();
        notify.reset();
    }

    std::string m_uri;
};

} // namespace

std::unique_ptr<StoreBackend> makePostgresStoreBackend(const std::string &uri)
{
    return std::make_unique<PostgresStoreBackend>(uri);
}

} // namespace platformd::core
