#include "core/store.h"

#include <limits>

// The store's two feeds (the revision log's, the audit log's) and where they read history back.
namespace platformd::core {

namespace {

// The `changes` table, decoded by the log's owner (Store::setLogDecoder).
class LogHistory final : public FeedHistory
{
public:
    LogHistory(Store &store, std::mutex &mutex, Store::LogDecoder &decoder)
        : m_store(store)
        , m_mutex(mutex)
        , m_decoder(decoder)
    {}
    // A watcher may resume here from a revision another replica committed a moment ago, before
    // the listener brought it to this process: on a shared store, what the database holds.
    std::int64_t currentRevision() override
    {
        if (!m_store.shared())
            return m_store.currentRevision();
        std::int64_t revision = 0;
        m_store.read([&](Connection &db) { revision = Store::revisionIn(db); });
        return std::max(revision, m_store.currentRevision());
    }
    std::int64_t oldestRetainedRevision() override { return m_store.oldestRetainedRevision(); }
    std::vector<FeedEntry> readAfter(std::int64_t after, int limit) override
    {
        Store::LogDecoder decoder;
        {
            std::lock_guard lock(m_mutex);
            decoder = m_decoder;
        }
        std::vector<FeedEntry> entries;
        for (ChangeRow &row :
             m_store.readChanges(after, std::numeric_limits<std::int64_t>::max(), limit)) {
            const std::int64_t revision = row.revision;
            entries.push_back(
                {revision, decoder ? decoder(revision, std::move(row.payload))
                                   : std::make_shared<const std::string>(std::move(row.payload))});
        }
        return entries;
    }

private:
    Store &m_store;
    std::mutex &m_mutex;
    Store::LogDecoder &m_decoder;
};

// The audit table; every entry is retained (the chain is append-only).
class AuditHistory final : public FeedHistory
{
public:
    explicit AuditHistory(Store &store)
        : m_store(store)
    {}
    std::int64_t currentRevision() override
    {
        if (!m_store.shared())
            return m_store.auditHead().first;
        std::int64_t seq = 0;
        m_store.read([&](Connection &db) { seq = db.queryInt("SELECT seq FROM audit_head"); });
        return std::max(seq, m_store.auditHead().first);
    }
    std::int64_t oldestRetainedRevision() override { return 1; }
    std::vector<FeedEntry> readAfter(std::int64_t after, int limit) override
    {
        std::vector<FeedEntry> entries;
        for (audit::Entry &e : m_store.readAudit(after, limit)) {
            const std::int64_t seq = e.seq;
            entries.push_back({seq, std::make_shared<const audit::Entry>(std::move(e))});
        }
        return entries;
    }

private:
    Store &m_store;
};

} // namespace

void Store::openFeeds()
{
    m_logHistory = std::make_unique<LogHistory>(*this, m_decoderMutex, m_logDecoder);
    m_auditHistory = std::make_unique<AuditHistory>(*this);
    m_logFeed = std::make_unique<Feed>(*m_logHistory);
    m_auditFeed = std::make_unique<Feed>(*m_auditHistory);
    m_logFeed->reset(m_revision);
    m_auditFeed->reset(m_auditSeq);
}

// A feed gets each revision once and in order, whether this process committed it (publishLog) or
// another replica did (catchUpLog, from the listener): both go through publishLogUpTo under one
// mutex. Revisions are dense and commit in order on both engines (core/storebackend.h), so what
// `changes` holds up to a committed revision is complete.
void Store::publishLogUpTo(std::int64_t revision)
{
    while (m_logFeed->latest() < revision) {
        const std::int64_t after = m_logFeed->latest();
        std::vector<FeedEntry> entries = m_logHistory->readAfter(after, 256);
        bool published = false;
        for (FeedEntry &entry : entries) {
            if (entry.revision > revision)
                break;
            m_logFeed->publish(std::move(entry));
            published = true;
        }
        if (!published) {
            // Compacted away meanwhile: watchers behind it get OUT_OF_RANGE from the history.
            m_logFeed->reset(revision);
            break;
        }
    }
}

void Store::publishLog(std::int64_t revision, std::shared_ptr<const void> entry)
{
    std::lock_guard lock(m_logPublishMutex);
    if (m_logFeed->latest() >= revision)
        return; // the listener read it back already
    publishLogUpTo(revision - 1);
    m_logFeed->publish({revision, std::move(entry)});
}

void Store::catchUpLog(std::int64_t newest)
{
    if (newest > 0) {
        // Named by a notification: committed, so `changes` holds it and all before it. Nothing
        // to read when this process published it already (its own commit).
        if (newest <= m_logFeed->latest())
            return;
        noteRevision(newest);
        std::lock_guard lock(m_logPublishMutex);
        publishLogUpTo(newest);
        return;
    }
    std::int64_t revision = 0, compacted = 0;
    read([&](Connection &db) {
        revision = revisionIn(db);
        compacted = db.queryInt("SELECT value FROM meta WHERE key = 'compacted_through'");
    });
    std::int64_t known = m_compactedThrough.load();
    while (known < compacted && !m_compactedThrough.compare_exchange_weak(known, compacted)) {
    }
    noteRevision(revision);
    std::lock_guard lock(m_logPublishMutex);
    publishLogUpTo(revision);
}

void Store::publishAuditUpTo(std::int64_t seq)
{
    while (m_auditFeed->latest() < seq) {
        std::vector<FeedEntry> entries = m_auditHistory->readAfter(m_auditFeed->latest(), 256);
        bool published = false;
        for (FeedEntry &entry : entries) {
            if (entry.revision > seq)
                break;
            {
                const audit::Entry &e = entry.as<audit::Entry>();
                std::lock_guard head(m_auditMutex);
                if (e.seq > m_auditSeq) {
                    m_auditSeq = e.seq;
                    m_auditHash = e.entryHash;
                }
            }
            m_auditFeed->publish(std::move(entry));
            published = true;
        }
        if (!published)
            break; // not visible yet to this reader: the next wake-up reads it
    }
}

void Store::publishAudit(const audit::Entry &entry)
{
    std::lock_guard lock(m_auditPublishMutex);
    if (m_auditFeed->latest() >= entry.seq)
        return;
    publishAuditUpTo(entry.seq - 1);
    m_auditFeed->publish({entry.seq, std::make_shared<const audit::Entry>(entry)});
}

void Store::catchUpAudit(std::int64_t newest)
{
    if (newest > 0) {
        if (newest <= m_auditFeed->latest())
            return; // this process's own entry, published already
        std::lock_guard lock(m_auditPublishMutex);
        publishAuditUpTo(newest);
        return;
    }
    std::pair<std::int64_t, std::string> head{0, {}};
    read([&](Connection &db) {
        Stmt &last = db.prepare("SELECT seq, entry_hash FROM audit ORDER BY seq DESC LIMIT 1");
        if (last.step())
            head = {last.int64(0), std::string(last.text(1))};
        last.reset();
    });
    {
        std::lock_guard lock(m_auditMutex);
        if (head.first > m_auditSeq) {
            m_auditSeq = head.first;
            m_auditHash = head.second;
        }
    }
    std::lock_guard lock(m_auditPublishMutex);
    publishAuditUpTo(head.first);
}

void Store::setLogDecoder(LogDecoder decoder)
{
    std::lock_guard lock(m_decoderMutex);
    m_logDecoder = std::move(decoder);
}

} // namespace platformd::core
