#pragma once

#include "core/changebatch.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace platformd::core {

using BatchPtr = std::shared_ptr<const ChangeBatch>;

// One watcher's bounded queue of published batches. A watcher that lets the queue overflow is
// marked overflowed and its queue dropped: it must end its stream (RESOURCE_EXHAUSTED).
class Subscription
{
public:
    enum class Wait { Batch, Timeout, Overflow, Closed };

    explicit Subscription(size_t maxQueue)
        : m_maxQueue(maxQueue)
    {}

    // Waits up to timeout for the next batch.
    Wait pop(std::chrono::milliseconds timeout, BatchPtr *out);
    // Revision of the oldest queued batch, 0 when the queue is empty.
    std::int64_t firstQueuedRevision() const;
    bool overflowed() const;
    // Called (once, from the publisher's thread) when an overflowed watcher has not ended its
    // stream within a grace period, e.g. because it is blocked writing to a client that never
    // reads.
    void setCancelHook(std::function<void()> hook);

private:
    friend class WatchHub;
    void push(const BatchPtr &batch, std::chrono::steady_clock::time_point now);
    void close();

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<BatchPtr> m_queue;
    size_t m_maxQueue;
    bool m_overflow = false;
    bool m_closed = false;
    bool m_cancelled = false;
    std::chrono::steady_clock::time_point m_overflowTime;
    std::function<void()> m_cancelHook;
};

// Fans committed batches out to the subscribed watchers, in commit order.
class WatchHub
{
public:
    std::shared_ptr<Subscription> subscribe(size_t maxQueue);
    void unsubscribe(const std::shared_ptr<Subscription> &subscription);
    void publish(const BatchPtr &batch);
    // Ends every subscription (server shutdown); later subscriptions start closed.
    void close();
    size_t subscriberCount() const;

private:
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<Subscription>> m_subscriptions;
    bool m_closed = false;
};

} // namespace platformd::core
