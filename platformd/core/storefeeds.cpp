#include "core/store.h"

#include <limits>

// The store's two feeds and where they read their history back.
namespace platformd::core {

namespace {

// The `changes` table: one serialized RegionChangeBatch per revision, decoded to a ChangeBatch so
// that history and live entries look alike to a watcher.
class RegionHistory final : public FeedHistory
{
public:
    explicit RegionHistory(Store &store)
        : m_store(store)
    {}
    std::int64_t currentRevision() override { return m_store.currentRevision(); }
    std::int64_t oldestRetainedRevision() override { return m_store.oldestRetainedRevision(); }
    std::vector<FeedEntry> readAfter(std::int64_t after, int limit) override
    {
        std::vector<FeedEntry> entries;
        for (ChangeRow &row :
             m_store.readChanges(after, std::numeric_limits<std::int64_t>::max(), limit)) {
            auto batch = std::make_shared<ChangeBatch>();
            if (!ChangeBatch::decode(row.payload, batch.get()))
                batch->events.clear(); // unreadable row: nothing any watcher can use
            batch->revision = row.revision;
            entries.push_back({row.revision, std::move(batch)});
        }
        return entries;
    }

private:
    Store &m_store;
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
    m_regionHistory = std::make_unique<RegionHistory>(*this);
    m_auditHistory = std::make_unique<AuditHistory>(*this);
    m_regionFeed = std::make_unique<Feed>(*m_regionHistory);
    m_auditFeed = std::make_unique<Feed>(*m_auditHistory);
    m_regionFeed->reset(m_revision);
    m_auditFeed->reset(m_auditSeq);
}

} // namespace platformd::core
