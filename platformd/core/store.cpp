#include "core/store.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace platformd::core {

namespace {

const std::vector<Migration> kMigrations = {
    // 1: the revision log and the store's counters (the regions module's tables share version 1).
    {1, R"(CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO meta VALUES ('revision', 0), ('compacted_through', 0);
CREATE TABLE changes (revision INTEGER PRIMARY KEY, commit_time INTEGER NOT NULL,
  payload BLOB NOT NULL);)"},
    // 3: identity (users, API tokens stored as SHA-256 only) and the hash-chained audit log, which
    // triggers keep append-only (docs/SECURITY.md); the triggers are a piece of their own, with
    // a hand-written PostgreSQL form (core/sqldialect.h).
    {3, R"(CREATE TABLE users (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, roles TEXT NOT NULL,
  create_time INTEGER NOT NULL, created_by TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE tokens (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id),
  description TEXT NOT NULL, secret_hash TEXT NOT NULL, create_time INTEGER NOT NULL,
  expire_time INTEGER NULL, revoke_time INTEGER NULL, last_use_time INTEGER NULL) WITHOUT ROWID;
CREATE INDEX tokens_by_user ON tokens (user_id);
CREATE TABLE audit (seq INTEGER PRIMARY KEY, time TEXT NOT NULL, actor TEXT NOT NULL,
  role TEXT NOT NULL, action TEXT NOT NULL, resource TEXT NOT NULL, request_summary TEXT NOT NULL,
  result TEXT NOT NULL, result_message TEXT NOT NULL, peer TEXT NOT NULL, prev_hash TEXT NOT NULL,
  entry_hash TEXT NOT NULL);)"},
    {3,
     R"(CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;)",
     // PostgreSQL: the same refusal from a trigger function; TRUNCATE skips row triggers, so it
     // is refused too.
     R"(CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();)"},
};

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
    void replace(std::unique_ptr<Connection> connection) { m_connection = std::move(connection); }
    Connection *operator->() { return m_connection.get(); }

private:
    Store *m_store;
    std::unique_ptr<Connection> m_connection;
};

Store::Store(StoreOptions options)
    : m_options(std::move(options))
    , m_backend(makeStoreBackend(m_options.path))
{
    m_writer = m_backend->openWriter();
    m_shared = m_writer->dialect() == Connection::Dialect::Postgres;
    migrate();
    m_revision = m_writer->queryInt("SELECT value FROM meta WHERE key = 'revision'");
    m_compactedThrough =
        m_writer->queryInt("SELECT value FROM meta WHERE key = 'compacted_through'");
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
    for (int i = 0; i < std::max(1, m_options.readers); ++i)
        m_idleReaders.push_back(m_backend->openReader());
    openFeeds();
    if (shared()) {
        m_listener = std::make_unique<StoreListener>(m_options.path, std::chrono::seconds(1));
        m_subscriptions.push_back(m_listener->subscribeWithHint(
            kLogChannel, [this](std::int64_t newest) { catchUpLog(newest); }));
        m_subscriptions.push_back(m_listener->subscribeWithHint(
            kAuditChannel, [this](std::int64_t newest) { catchUpAudit(newest); }));
    }
}

Store::~Store()
{
    m_subscriptions.clear();
    m_listener.reset(); // before the feeds and connections its callbacks use
}

bool Store::shared() const
{
    return m_shared;
}

void Store::notifyCommit(Connection &db, std::string_view channel, std::int64_t revision)
{
    if (db.dialect() != Connection::Dialect::Postgres)
        return;
    // Delivered when (and only if) the transaction commits, in commit order.
    Stmt &notify = db.prepare("SELECT pg_notify(?1, ?2)");
    notify.bind(1, channel).bind(2, std::to_string(revision)).step();
    notify.reset();
}

std::unique_ptr<StoreListener::Subscription> Store::subscribe(std::string channel,
                                                              std::function<void()> callback)
{
    if (!m_listener)
        return nullptr;
    return m_listener->subscribe(std::move(channel), std::move(callback));
}

const char *Store::forUpdate(const Connection &db)
{
    return db.dialect() == Connection::Dialect::Postgres ? " FOR UPDATE" : "";
}

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
            m_migrations[m.version].push_back(m);
    const std::string &where = m_writer->path(); // never a password
    int expected = 1;
    for (const auto &[v, pieces] : m_migrations)
        if (v != expected++)
            throw StoreError("schema migrations: version " + std::to_string(expected - 1) +
                             " is missing (" + where + ")");
    auto checkVersion = [&](int version) {
        if (version > schemaVersion())
            throw StoreError(std::string(m_writer->dialect() == Connection::Dialect::Sqlite
                                             ? "database file "
                                             : "database ") +
                             where + " has schema version " + std::to_string(version) +
                             ", newer than this platformd's " + std::to_string(schemaVersion()) +
                             "; upgrade platformd");
    };
    int version = m_backend->schemaVersion(*m_writer);
    checkVersion(version);
    while (version < schemaVersion()) {
        Transaction tx(*m_writer, Transaction::Mode::Write);
        // Another process may have migrated meanwhile (replicas starting together).
        m_backend->lockSchema(*m_writer);
        version = m_backend->schemaVersion(*m_writer);
        checkVersion(version);
        if (version == schemaVersion())
            break;
        for (const Migration &piece : m_migrations.at(version + 1))
            m_writer->exec(m_backend->migrationSql(piece));
        m_backend->setSchemaVersion(*m_writer, version + 1);
        tx.commit();
        ++version;
        spdlog::info("store: migrated {} to schema version {}", where, version);
    }
    m_backend->ensureAuditGuards(*m_writer);
}

void Store::noteRevision(std::int64_t revision)
{
    std::int64_t known = m_revision.load();
    while (known < revision && !m_revision.compare_exchange_weak(known, revision)) {
    }
}

Store::ReaderLease Store::reader()
{
    std::unique_lock lock(m_readersMutex);
    m_readersCv.wait(lock, [this] { return !m_idleReaders.empty(); });
    auto connection = std::move(m_idleReaders.back());
    m_idleReaders.pop_back();
    lock.unlock();
    ReaderLease lease(this, std::move(connection));
    if (lease->broken()) {
        // The server dropped it: this read gets a new one (if that fails too, the broken one goes
        // back to the pool and the next read tries again).
        spdlog::warn("store: a read connection to {} was lost; connecting again", lease->path());
        lease.replace(m_backend->openReader());
    }
    return lease;
}

Connection &Store::writer()
{
    if (m_writer->broken()) {
        spdlog::warn("store: the write connection to {} was lost; connecting again",
                     m_writer->path());
        m_writer = m_backend->openWriter();
    }
    return *m_writer;
}

std::int64_t Store::logged(const LogEffect &effect)
{
    std::lock_guard lock(m_writeMutex);
    Transaction tx(writer(), Transaction::Mode::Write);
    const std::int64_t revision = m_backend->lockRevision(*m_writer, m_revision) + 1;
    std::optional<LogEntry> entry = effect(*m_writer, revision);
    if (!entry)
        return 0; // rolled back: effect may have written, nothing of it stays
    appendLog(*entry, revision);
    tx.commit();
    noteRevision(revision);
    if (entry->committed)
        entry->committed();
    publishLog(revision, std::move(entry->entry));
    return revision;
}

void Store::appendLog(const LogEntry &entry, std::int64_t revision)
{
    Connection &db = *m_writer;
    Stmt &append =
        db.prepare("INSERT INTO changes (revision, commit_time, payload) VALUES (?1, ?2, ?3)");
    append.bind(1, revision).bind(2, entry.commitTimeMs).bindBlob(3, entry.payload);
    append.step();
    append.reset();
    Stmt &meta = db.prepare("UPDATE meta SET value = ?1 WHERE key = 'revision'");
    meta.bind(1, revision);
    meta.step();
    meta.reset();
    m_backend->revisionAppended(db, revision);
}

std::int64_t Store::revisionIn(Connection &db)
{
    return db.queryInt("SELECT value FROM meta WHERE key = 'revision'");
}

std::int64_t Store::compact()
{
    const std::int64_t target = m_revision - m_options.retention;
    std::int64_t removed = 0;
    // Bounded chunks, so a large compaction never stalls commits for long. What is compacted is
    // read from the store (another replica may have compacted), under its row's lock.
    for (;;) {
        std::lock_guard lock(m_writeMutex);
        Transaction tx(writer(), Transaction::Mode::Write);
        const std::int64_t done =
            m_writer->queryInt(std::string("SELECT value FROM meta WHERE key = "
                                           "'compacted_through'") +
                               forUpdate(*m_writer));
        std::int64_t known = m_compactedThrough.load();
        while (known < done && !m_compactedThrough.compare_exchange_weak(known, done)) {
        }
        if (done >= target)
            break;
        const std::int64_t upTo = std::min(target, done + 1000);
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
        removed += upTo - done;
        m_compactedThrough = upTo;
    }
    return removed;
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
    Transaction tx(writer(), Transaction::Mode::Write);
    fn(*m_writer);
    tx.commit();
}

} // namespace platformd::core
