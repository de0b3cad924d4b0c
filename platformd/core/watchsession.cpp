#include "core/watchsession.h"

#include "core/store.h"

#include <limits>

namespace platformd::core {

WatchSession::WatchSession(Store &store, Options options)
    : m_store(store)
    , m_options(options)
{
    m_options.kinds &= kAllKinds;
}

WatchSession::~WatchSession()
{
    if (m_subscription)
        m_store.hub().unsubscribe(m_subscription);
}

WatchSession::Start WatchSession::start()
{
    const std::int64_t after = m_options.afterRevision;
    if (after < 0) {
        m_message = "after_revision: must not be negative";
        return Start::InvalidArgument;
    }
    m_subscription = m_store.hub().subscribe(m_options.maxQueue);
    const std::int64_t current = m_store.currentRevision();
    if (after > current) {
        m_message = "after_revision: " + std::to_string(after) +
                    " is ahead of the current revision " + std::to_string(current);
        return Start::InvalidArgument;
    }
    if (after == 0) {
        m_last = current;
        m_catchingUp = false;
        return Start::Ok;
    }
    const std::int64_t oldest = m_store.oldestRetainedRevision();
    if (after < oldest - 1) {
        m_message = "after_revision: revision " + std::to_string(after) +
                    " is compacted; oldest retained revision is " + std::to_string(oldest);
        return Start::OutOfRange;
    }
    m_last = after;
    return Start::Ok;
}

WatchSession::Item WatchSession::next(std::chrono::milliseconds timeout)
{
    using Type = Item::Type;
    while (m_catchingUp) {
        if (m_historyPos == m_history.size()) {
            m_history.clear();
            m_historyPos = 0;
            // Stop where the live buffer starts: the rest arrives through the subscription.
            const std::int64_t buffered = m_subscription->firstQueuedRevision();
            const std::int64_t upTo =
                buffered ? buffered - 1 : std::numeric_limits<std::int64_t>::max();
            if (upTo > m_last) {
                for (ChangeRow &row : m_store.readChanges(m_last, upTo, m_options.chunk))
                    m_history.emplace_back(row.revision, std::move(row.payload));
            }
            if (m_history.empty()) {
                m_catchingUp = false;
                return {Type::CaughtUp, m_last, nullptr};
            }
            if (m_history.front().first != m_last + 1) {
                m_message = "after_revision: revision " + std::to_string(m_last) +
                            " was compacted while catching up; oldest retained revision is " +
                            std::to_string(m_store.oldestRetainedRevision());
                return {Type::OutOfRange, m_last, nullptr};
            }
        }
        auto &[revision, payload] = m_history[m_historyPos++];
        m_last = revision;
        if (m_options.kinds == kAllKinds)
            return {Type::Batch, revision, std::make_shared<const std::string>(std::move(payload))};
        ChangeBatch batch;
        if (!ChangeBatch::decode(payload, &batch))
            continue; // unreadable history row: nothing this watcher can use
        if (auto bytes = batch.bytesFor(m_options.kinds))
            return {Type::Batch, revision, std::move(bytes)};
    }

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        BatchPtr batch;
        switch (m_subscription->pop(std::max(left, std::chrono::milliseconds(0)), &batch)) {
        case Subscription::Wait::Overflow:
            return {Type::Overflow, m_last, nullptr};
        case Subscription::Wait::Closed:
            return {Type::Closed, m_last, nullptr};
        case Subscription::Wait::Timeout:
            return {Type::Timeout, m_last, nullptr};
        case Subscription::Wait::Batch:
            break;
        }
        if (batch->revision <= m_last)
            continue; // already delivered from history
        m_last = batch->revision;
        if (auto bytes = batch->bytesFor(m_options.kinds))
            return {Type::Batch, m_last, std::move(bytes)};
    }
}

} // namespace platformd::core
