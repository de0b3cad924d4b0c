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
    std::int64_t currentRevision() override { return m_store.currentRevision(); }
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
    std::int64_t currentRevision() override { return m_store.auditHead().first; }
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

void Store::setLogDecoder(LogDecoder decoder)
{
    std::lock_guard lock(m_decoderMutex);
    m_logDecoder = std::move(decoder);
}

} // namespace platformd::core
