#include "core/watchhub.h"

#include <algorithm>

namespace platformd::core {

namespace {
constexpr auto kCancelGrace = std::chrono::seconds(1);
}

Subscription::Wait Subscription::pop(std::chrono::milliseconds timeout, BatchPtr *out)
{
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, timeout, [this] { return !m_queue.empty() || m_overflow || m_closed; });
    if (m_overflow)
        return Wait::Overflow;
    if (!m_queue.empty()) {
        *out = std::move(m_queue.front());
        m_queue.pop_front();
        return Wait::Batch;
    }
    return m_closed ? Wait::Closed : Wait::Timeout;
}

std::int64_t Subscription::firstQueuedRevision() const
{
    std::lock_guard lock(m_mutex);
    return m_queue.empty() ? 0 : m_queue.front()->revision;
}

bool Subscription::overflowed() const
{
    std::lock_guard lock(m_mutex);
    return m_overflow;
}

void Subscription::setCancelHook(std::function<void()> hook)
{
    std::lock_guard lock(m_mutex);
    m_cancelHook = std::move(hook);
}

void Subscription::push(const BatchPtr &batch, std::chrono::steady_clock::time_point now)
{
    std::function<void()> cancel;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed)
            return;
        if (m_overflow) {
            if (!m_cancelled && m_cancelHook && now - m_overflowTime > kCancelGrace) {
                m_cancelled = true;
                cancel = m_cancelHook;
            }
        } else if (m_queue.size() >= m_maxQueue) {
            m_overflow = true;
            m_overflowTime = now;
            m_queue.clear();
            m_queue.shrink_to_fit();
        } else {
            m_queue.push_back(batch);
        }
    }
    m_cv.notify_one();
    if (cancel)
        cancel();
}

void Subscription::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_cv.notify_all();
}

std::shared_ptr<Subscription> WatchHub::subscribe(size_t maxQueue)
{
    auto subscription = std::make_shared<Subscription>(maxQueue);
    std::lock_guard lock(m_mutex);
    if (m_closed)
        subscription->close();
    else
        m_subscriptions.push_back(subscription);
    return subscription;
}

void WatchHub::unsubscribe(const std::shared_ptr<Subscription> &subscription)
{
    std::lock_guard lock(m_mutex);
    std::erase(m_subscriptions, subscription);
}

void WatchHub::publish(const BatchPtr &batch)
{
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(m_mutex);
    for (const auto &subscription : m_subscriptions)
        subscription->push(batch, now);
}

void WatchHub::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    for (const auto &subscription : m_subscriptions)
        subscription->close();
    m_subscriptions.clear();
}

size_t WatchHub::subscriberCount() const
{
    std::lock_guard lock(m_mutex);
    return m_subscriptions.size();
}

} // namespace platformd::core
