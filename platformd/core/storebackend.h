#pragma once

// What of core::Store depends on the engine (issue 15, step 1 of docs/ARCHITECTURE.md's
// "PostgreSQL backend"). Store keeps its public API; the engine's part sits behind StoreBackend.
//
// SQLite-specific (store.cpp, storeaudit.cpp before the split):
// - opening: SqliteConnection on a file, `PRAGMA quick_check` refusing a damaged file,
//   page_size for a new file, WAL, synchronous=NORMAL, wal_autocheckpoint, journal_size_limit;
//   readers with `PRAGMA query_only`;
// - the schema version: `PRAGMA user_version`;
// - the migrations' SQL as written (Migration::sql);
// - the audit guards: `sqlite_master` checked for the append-only triggers, re-created if missing;
// - serialising writers: BEGIN IMMEDIATE (the file's one writer) plus the process's writer mutex;
//   the next revision is the in-memory m_revision + 1 (no other process writes the log);
// - the audit head: the last row of `audit` (read inside the BEGIN IMMEDIATE transaction, so
//   a CLI's append is seen) and the `audit.head` anchor file beside the database, written durably
//   after each commit; `PRAGMA synchronous=FULL` around audited transactions.
//
// Backend-neutral (the same SQL on both, stays in Store):
// - the migration runner's order and checks (versions dense, a newer database refused, one
//   transaction per version with pieces in module order);
// - `meta` (revision, compacted_through), `changes` (append, readChanges, compact's DELETE);
// - `audit` rows (the INSERT, readAudit, the chain's seal/verify in core/auditchain.h, the
//   "users but no rows" check), the feeds (storefeeds.cpp: history from `changes` / `audit`);
// - the reader pool, write(), the LogEntry/committed/publish sequence.
//
// PostgreSQL (storepostgres.cpp): a `schema_version` table instead of user_version, migrations
// through postgresSql(), the revision taken under the `meta` row's lock (held until commit, as
// PgRevisionLog does, so revisions are dense and commit in order across replicas), a
// `pg_notify` per revision and per audit entry, and the audit head as the `audit_head` row read
// `FOR UPDATE` in the same transaction (the anchor is that row; no file).

#include "core/database.h"

#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace platformd::core {

struct Migration;

// The engine under a Store. Writer-side calls run on the Store's writer connection, under its
// writer mutex; the "inside a write transaction" ones between its BEGIN and COMMIT.
class StoreBackend
{
public:
    virtual ~StoreBackend() = default;

    // The writer connection, checked and configured; its path() is what errors name.
    virtual std::unique_ptr<Connection> openWriter() = 0;
    // One pooled read-only connection.
    virtual std::unique_ptr<Connection> openReader() = 0;

    // Inside a write transaction: serialises migrating processes (replicas) until its end.
    virtual void lockSchema(Connection &db) = 0;
    // The recorded schema version (0: a new database).
    virtual int schemaVersion(Connection &db) = 0;
    // Inside the migration's write transaction.
    virtual void setSchemaVersion(Connection &db, int version) = 0;
    // What this engine runs for a migration piece.
    virtual std::string migrationSql(const Migration &migration) const = 0;
    // After migrating: puts back the audit log's append-only triggers if they were dropped.
    virtual void ensureAuditGuards(Connection &db) = 0;

    // Inside a write transaction: the committed revision of the log, locked so that no other
    // writer (thread, process or replica) takes revision + 1 before this transaction ends.
    // known: the revision this process last committed or read.
    virtual std::int64_t lockRevision(Connection &db, std::int64_t known) = 0;
    // Inside the transaction, after `changes` got revision (wakes other replicas at commit).
    virtual void revisionAppended(Connection &db, std::int64_t revision) = 0;

    // Around an audited transaction: flush to disk at commit (SQLite's synchronous=FULL).
    virtual void setDurable(Connection &db, bool durable) = 0;
    // Inside a write transaction: the newest audit entry (seq, hash; 0 and the genesis hash
    // when empty), locked until the transaction ends.
    virtual std::pair<std::int64_t, std::string> lockAuditHead(Connection &db) = 0;
    // Inside the transaction, after the entry was inserted.
    virtual void auditAppended(Connection &db, std::int64_t seq, const std::string &hash) = 0;
    // After the commit (SQLite: the anchor file). Logs, never throws.
    virtual void auditCommitted(std::int64_t seq, const std::string &hash) = 0;
    // The anchor file (SQLite); empty on PostgreSQL, whose anchor is the audit_head row.
    virtual std::string auditHeadPath() const = 0;
};

// A PostgreSQL URI (postgresql://… or postgres://…) selects PostgreSQL; anything else is the path
// of a SQLite file.
bool isPostgresUri(const std::string &location);
std::unique_ptr<StoreBackend> makeStoreBackend(const std::string &location);

} // namespace platformd::core
