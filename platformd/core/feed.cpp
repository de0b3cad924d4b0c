#include "core/feed.h"

#include <algorithm>

namespace platformd::core {

Feed::Feed(FeedHistory &history, size_t keep)
    : m_history(history)
    , m_keep(std::max<size_t>(keep, 1))
{}

namespace {

void wake(std::vector<std::weak_ptr<FeedWaiter>> &&parked, const Feed::Dispatcher &dispatcher)
{
    if (parked.empty())
        return;
    if (dispatcher) {
        dispatcher(std::move(parked));
        return;
    }
    for (const auto &weak : parked)
        if (auto waiter = weak.lock())
            waiter->wake();
}

} // namespace

void Feed::reset(std::int64_t revision)
{
    std::vector<std::weak_ptr<FeedWaiter>> parked;
    Dispatcher dispatcher;
    {
        std::lock_guard lock(m_mutex);
        m_recent.clear();
        m_latest = revision;
        parked.swap(m_parked);
        dispatcher = m_dispatcher;
    }
    // Watchers parked before a jump learn what became of their position (history or gone).
    m_cv.notify_all();
    wake(std::move(parked), dispatcher);
}

void Feed::publish(FeedEntry entry)
{
    std::vector<std::weak_ptr<FeedWaiter>> parked;
    Dispatcher dispatcher;
    {
        std::lock_guard lock(m_mutex);
        if (!m_recent.empty() && entry.revision != m_recent.back().revision + 1)
            m_recent.clear(); // keep the ring contiguous; older entries come from history
        m_latest = std::max(m_latest, entry.revision);
        m_recent.push_back(std::move(entry));
        while (m_recent.size() > m_keep)
            m_recent.pop_front();
        parked.swap(m_parked);
        dispatcher = m_dispatcher;
    }
    m_cv.notify_all();
    wake(std::move(parked), dispatcher);
}

std::int64_t Feed::latest() const
{
    std::lock_guard lock(m_mutex);
    return m_latest;
}

Feed::Take Feed::take(std::int64_t after, size_t limit, std::vector<FeedEntry> *out) const
{
    std::lock_guard lock(m_mutex);
    return takeLocked(after, limit, out);
}

Feed::Take Feed::takeLocked(std::int64_t after, size_t limit, std::vector<FeedEntry> *out) const
{
    if (m_latest <= after)
        return Take::None;
    if (m_recent.empty() || m_recent.front().revision > after + 1)
        return Take::Behind;
    // Contiguous: the entry after `after` is at a known offset.
    auto it = m_recent.begin() + (after + 1 - m_recent.front().revision);
    for (size_t n = 0; it != m_recent.end() && n < limit; ++it, ++n)
        out->push_back(*it);
    return Take::Entries;
}

bool Feed::park(std::int64_t after, const std::weak_ptr<FeedWaiter> &waiter)
{
    std::lock_guard lock(m_mutex);
    if (m_latest > after)
        return false;
    m_parked.push_back(waiter);
    return true;
}

void Feed::setDispatcher(Dispatcher dispatcher)
{
    std::lock_guard lock(m_mutex);
    m_dispatcher = std::move(dispatcher);
}

Feed::Take Feed::wait(std::int64_t after, std::chrono::milliseconds timeout, size_t limit,
                      std::vector<FeedEntry> *out) const
{
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, timeout, [&] { return m_latest > after; });
    return takeLocked(after, limit, out);
}

FeedCursor::FeedCursor(Feed &feed, Options options)
    : m_feed(feed)
    , m_options(std::move(options))
{}

FeedCursor::Start FeedCursor::start()
{
    const std::int64_t after = m_options.after;
    if (after < 0) {
        m_message = "after_revision: must not be negative";
        return Start::InvalidArgument;
    }
    // Latest first: whatever is published from here on counts against the watcher's bound.
    m_startLatest = m_feed.latest();
    FeedHistory &history = m_feed.history();
    const std::int64_t current = std::max(history.currentRevision(), m_startLatest);
    if (after > current) {
        m_message = "after_revision: " + std::to_string(after) +
                    " is ahead of the current revision " + std::to_string(current);
        return Start::InvalidArgument;
    }
    if (after == 0 && m_options.zeroMeansNow) {
        m_last = current;
        return Start::Ok;
    }
    const std::int64_t oldest = history.oldestRetainedRevision();
    if (after < oldest - 1) {
        m_message = "after_revision: revision " + std::to_string(after) +
                    " is compacted; oldest retained revision is " + std::to_string(oldest) +
                    "; list again";
        return Start::OutOfRange;
    }
    m_last = after;
    return Start::Ok;
}

bool FeedCursor::overflowed() const
{
    return m_feed.latest() - std::max(m_last, m_startLatest) > m_options.maxLag;
}

FeedCursor::Item FeedCursor::next()
{
    using Type = Item::Type;
    for (;;) {
        while (m_pendingPos < m_pending.size()) {
            const FeedEntry &entry = m_pending[m_pendingPos++];
            if (entry.revision <= m_last)
                continue; // delivered from history before the feed had it
            m_last = entry.revision;
            if (auto bytes = m_options.select(entry))
                return {Type::Batch, m_last, std::move(bytes)};
        }
        m_pending.clear();
        m_pendingPos = 0;
        if (overflowed())
            return {Type::Overflow, m_last, nullptr};
        switch (m_feed.take(m_last, size_t(m_options.chunk), &m_pending)) {
        case Feed::Take::Entries:
            continue;
        case Feed::Take::None:
            break;
        case Feed::Take::Behind: {
            FeedHistory &history = m_feed.history();
            m_pending = history.readAfter(m_last, m_options.chunk);
            if (m_pending.empty() && history.oldestRetainedRevision() <= m_last + 1)
                break; // the feed is ahead of what was committed? nothing to send yet
            // What follows m_last is gone (compacted, or never written: a bulk seed), also when
            // nothing after it is left in the history: the feed was reset past it.
            if (m_pending.empty() || m_pending.front().revision != m_last + 1) {
                m_message = "after_revision: revision " + std::to_string(m_last) +
                            " was compacted while catching up; oldest retained revision is " +
                            std::to_string(history.oldestRetainedRevision());
                m_pending.clear();
                return {Type::OutOfRange, m_last, nullptr};
            }
            continue;
        }
        }
        // Nothing in memory after m_last. History may still hold what is committed and not yet
        // published (the publisher runs after the commit); it arrives through the feed.
        if (!m_caughtUp) {
            m_caughtUp = true;
            return {Type::CaughtUp, m_last, nullptr};
        }
        return {Type::Idle, m_last, nullptr};
    }
}

} // namespace platformd::core
