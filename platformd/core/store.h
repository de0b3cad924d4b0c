#pragma once

#include "core/auditchain.h"
#include "core/database.h"
#include "core/feed.h"
#include "core/module.h"
#include "core/storebackend.h"
#include "core/storesync.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace platformd::core {

struct StoreOptions
{
    // The database file, created if missing; or a PostgreSQL URI (postgresql://…), whose database
    // must exist (core/storebackend.h).
    std::string path;
    std::int64_t retention = 100000; // revisions kept in `changes` for watch resumption
    int readers = 4;                 // pooled read connections
    // The modules' migrations (Module::migrations), applied with the core's own in version order.
    std::vector<Migration> migrations;
};

template<typename T>
struct Snapshot
{
    std::int64_t revision = 0;
    std::vector<T> items;
};

// One historical transaction as stored in `changes`.
struct ChangeRow
{
    std::int64_t revision = 0;
    std::string
        payload; // what the log's owner wrote (the regions': a serialized RegionChangeBatch)
};

// What one transaction adds to the revision log: the entry its feed's watchers get (published
// after the commit), its payload for the `changes` table and, optionally, what to do once it
// committed (still under the writer lock, before the next transaction).
struct LogEntry
{
    std::shared_ptr<const void> entry;
    std::string payload;
    std::int64_t commitTimeMs = 0;
    std::function<void()> committed;
};

// platformd's store: connections (one writer, pooled readers), the migration runner, the revision
// log with its feed, and the hash-chained audit log, on SQLite or PostgreSQL (core/storebackend.h).
// Modules keep their own tables in it (their migrations) and write them in its transactions.
// Thread-safe.
class Store
{
public:
    // Opens (creating if needed), checks integrity and migrates. Throws StoreError naming the file.
    explicit Store(StoreOptions options);
    ~Store();

    // The newest schema version this store knows (the core's and the modules' migrations).
    int schemaVersion() const;
    // The core's own migrations: its pieces of versions 1 and 3 (tests build old databases with
    // them and the modules' pieces).
    static const std::vector<Migration> &coreMigrations();

    // One BEGIN IMMEDIATE transaction of the revision log: effect writes the module's tables for
    // the next revision (given) and returns the log entry, or nullopt to roll back (returns 0).
    // The entry is appended to `changes`, committed, then published to logFeed(). Returns the
    // revision.
    using LogEffect = std::function<std::optional<LogEntry>(Connection &, std::int64_t revision)>;
    std::int64_t logged(const LogEffect &effect);
    // How the log's owner turns a `changes` payload back into a feed entry (history reads).
    using LogDecoder = std::function<std::shared_ptr<const void>(std::int64_t, std::string)>;
    void setLogDecoder(LogDecoder decoder);
    // The revision log's feed (core/feed.h); entries as the log's owner wrote them.
    Feed &logFeed() { return *m_logFeed; }
    // The log's revision as db sees it (inside a read transaction: its snapshot's).
    static std::int64_t revisionIn(Connection &db);
    // Deletes history older than the retention. Returns the number of revisions removed.
    std::int64_t compact();

    std::int64_t currentRevision() const { return m_revision.load(); }
    std::int64_t oldestRetainedRevision() const { return m_compactedThrough.load() + 1; }
    std::int64_t retention() const { return m_options.retention; }
    const std::string &path() const { return m_options.path; }

    // History rows with after < revision <= upTo, ascending, at most limit.
    std::vector<ChangeRow> readChanges(std::int64_t after, std::int64_t upTo, int limit);

    // The audit log's feed (entries: audit::Entry, revision = seq), published after each commit.
    Feed &auditFeed() { return *m_auditFeed; }

    // --- replicas (core/storesync.h) ---
    // Several processes share this store (PostgreSQL): other replicas commit to it too.
    bool shared() const;
    // Inside a write transaction: at its commit, wakes the subscribers of channel in every process
    // sharing the store (PostgreSQL's NOTIFY; nothing on SQLite). Channel: a plain identifier.
    static void notifyCommit(Connection &db, std::string_view channel, std::int64_t revision);
    // Calls callback on the store's listener thread when another process may have committed to
    // channel (and every second as a safety net). Null on SQLite, where no other process writes.
    std::unique_ptr<StoreListener::Subscription> subscribe(std::string channel,
                                                           std::function<void()> callback);
    // " FOR UPDATE" on PostgreSQL (a row lock held to the end of the write transaction, which a
    // writer in another replica waits for), "" on SQLite (whose writer holds the whole file).
    static const char *forUpdate(const Connection &db);

    // Runs fn on a pooled read-only connection.
    void read(const std::function<void(Connection &)> &fn);
    // Runs fn on the writer connection in one BEGIN IMMEDIATE transaction (synchronous=NORMAL, not
    // audited: bookkeeping such as a token's last use).
    void write(const std::function<void(Connection &)> &fn);

    // An audited write: one BEGIN IMMEDIATE transaction with synchronous=FULL runs effect, then
    // appends entry (seq and time assigned here, sealed onto the chain), commits, writes the
    // audit.head anchor and wakes audit watchers. effect may set entry.result, resultMessage and
    // resource; an exception from it rolls everything back (no row) and propagates.
    using AuditedEffect = std::function<void(Connection &, audit::Entry &)>;
    audit::Entry audited(audit::Entry entry, const AuditedEffect &effect = {});
    // An audited write that is also a transaction of the revision log: effect writes for the next
    // revision (given) and returns its log entry, published to watchers in the same transaction as
    // the audit entry (nullopt: only the audit entry commits). *revision: the new revision or 0.
    using AuditedLogEffect =
        std::function<std::optional<LogEntry>(Connection &, audit::Entry &, std::int64_t)>;
    audit::Entry auditedCommit(audit::Entry entry, const AuditedLogEffect &effect,
                               std::int64_t *revision = nullptr);
    // Entries with seq > afterSeq, ascending, at most limit.
    std::vector<audit::Entry> readAudit(std::int64_t afterSeq, int limit);
    // The newest committed entry (0, genesis hash when the log is empty).
    std::pair<std::int64_t, std::string> auditHead() const;
    // <directory of the database>/audit.head; empty on PostgreSQL (the anchor is a row).
    std::string auditHeadPath() const;
    // Walks the whole audit table of db in chunks and checks it against the anchor: the file
    // headPath on SQLite, the audit_head row on PostgreSQL (headPath unused).
    static audit::Verdict verifyAudit(Connection &db, const std::string &headPath);
    // RFC 3339 UTC with six fractional digits.
    static std::string formatAuditTime(std::int64_t unixMicros);

private:
    class ReaderLease;
    ReaderLease reader();
    void migrate();
    void noteRevision(std::int64_t revision); // m_revision = max(m_revision, revision)
    // Under m_writeMutex: a new writer connection when the server dropped the old one.
    Connection &writer();
    void openFeeds(); // storefeeds.cpp
    // Publishes the log's entry for revision (committed by this process), after whatever other
    // processes committed before it; catchUp* publish what they committed (storefeeds.cpp).
    void publishLog(std::int64_t revision, std::shared_ptr<const void> entry);
    void publishAudit(const audit::Entry &entry);
    // newest: the revision (seq) a notification named, 0 when unknown (a reconnect, the 1 s
    // safety net): then the database is asked.
    void catchUpLog(std::int64_t newest);
    void catchUpAudit(std::int64_t newest);
    void publishLogUpTo(std::int64_t revision);         // under m_logPublishMutex
    void publishAuditUpTo(std::int64_t seq);            // under m_auditPublishMutex
    std::map<int, std::vector<Migration>> m_migrations; // by version: the pieces, in order
    // Appends entry to `changes` as revision and moves the log's revision (inside a transaction,
    // m_writeMutex held).
    void appendLog(const LogEntry &entry, std::int64_t revision);

    StoreOptions m_options;
    std::unique_ptr<StoreBackend> m_backend;
    std::mutex m_writeMutex;
    std::unique_ptr<Connection> m_writer; // replaced (under m_writeMutex) when the server drops it
    bool m_shared = false;
    std::mutex m_readersMutex;
    std::condition_variable m_readersCv;
    std::vector<std::unique_ptr<Connection>> m_idleReaders;
    std::atomic<std::int64_t> m_revision{0};
    std::atomic<std::int64_t> m_compactedThrough{0};
    std::unique_ptr<FeedHistory> m_logHistory, m_auditHistory;
    std::unique_ptr<Feed> m_logFeed, m_auditFeed;
    std::mutex m_decoderMutex;
    LogDecoder m_logDecoder; // under m_decoderMutex
    mutable std::mutex m_auditMutex;
    std::int64_t m_auditSeq = 0;
    std::string m_auditHash;
    std::mutex m_logPublishMutex, m_auditPublishMutex; // publish in order, once
    std::unique_ptr<StoreListener> m_listener;         // PostgreSQL only
    std::vector<std::unique_ptr<StoreListener::Subscription>> m_subscriptions;
};

} // namespace platformd::core
