#include "core/refusallog.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <vector>

namespace platformd::core {

RefusalLog::RefusalLog(core::Store &store)
    : m_store(store)
    , m_thread([this] { run(); })
{}

RefusalLog::~RefusalLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
    flush();
}

void RefusalLog::record(const Caller &actor, const grpc::Status &status)
{
    const std::string kind =
        actor.action + '\n' + actor.actor + '\n' + std::to_string(int(status.error_code())) + '\n';
    // A refusal of an authenticated caller names who did it and costs them nothing to repeat
    // only as long as their token lives: written as it happens. Anonymous ones are the flood.
    if (actor.actor != "anonymous") {
        recordRefusal(m_store, actor, status);
        return;
    }
    bool now = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_immediate < kImmediatePerSecond &&
            m_seen.insert(kind + status.error_message()).second) {
            ++m_immediate;
            now = true;
        } else {
            Counted &c = m_counted[kind];
            if (c.count++ == 0) {
                c.actor = actor;
                c.code = status.error_code();
                c.message = status.error_message();
            }
        }
    }
    if (now)
        recordRefusal(m_store, actor, status);
}

void RefusalLog::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, kWindow, [this] { return m_stop; });
        if (m_stop)
            break;
        lock.unlock();
        flush();
        lock.lock();
    }
}

void RefusalLog::flush()
{
    std::map<std::string, Counted> counted;
    {
        std::lock_guard lock(m_mutex);
        counted.swap(m_counted);
        m_seen.clear();
        m_immediate = 0;
    }
    for (const auto &[kind, c] : counted) {
        try {
            recordRefusal(m_store, c.actor, grpc::Status(c.code, c.message),
                          "refused " + std::to_string(c.count) +
                              " more times in 1 s (counted, not written one by one)");
        } catch (const std::exception &e) {
            spdlog::error("audit: cannot record {} counted refusals of {}: {}", c.count,
                          c.actor.action, e.what());
        }
    }
}

} // namespace platformd::core
