#include "core/storesync.h"
#include "core/postgres.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <optional>
#include <set>
#include <vector>

namespace platformd::core {

namespace {

// How often the listener looks at its stop flag and new subscriptions while waiting.
constexpr int kWaitSliceMs = 100;

} // namespace

// ---- StoreListener

StoreListener::StoreListener(std::string uri, std::chrono::milliseconds pollInterval)
    : m_uri(std::move(uri))
    , m_pollInterval(pollInterval)
{
    m_thread = std::thread([this] { run(); });
}

StoreListener::~StoreListener()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

StoreListener::Subscription::~Subscription()
{
    m_listener->unsubscribe(m_id);
}

std::unique_ptr<StoreListener::Subscription>
StoreListener::subscribe(std::string channel, std::function<void()> callback)
{
    return subscribeWithHint(std::move(channel),
                             [callback = std::move(callback)](std::int64_t) { callback(); });
}

std::unique_ptr<StoreListener::Subscription>
StoreListener::subscribeWithHint(std::string channel, std::function<void(std::int64_t)> callback)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t id = m_nextId++;
    m_entries.emplace(id, Entry{std::move(channel), std::move(callback)});
    return std::unique_ptr<Subscription>(new Subscription(this, id));
}

void StoreListener::unsubscribe(std::uint64_t id)
{
    std::lock_guard calls(m_callMutex); // a running callback finishes first
    std::lock_guard lock(m_mutex);
    m_entries.erase(id);
}

void StoreListener::run()
{
    auto stopped = [this] {
        std::lock_guard lock(m_mutex);
        return m_stop;
    };
    // Calls the subscribers of the channels woken (channel -> the largest payload, 0: none), or
    // all of them (hint 0) when woken is null.
    auto call = [this](const std::map<std::string, std::int64_t> *woken) {
        std::lock_guard calls(m_callMutex);
        std::vector<std::pair<std::function<void(std::int64_t)>, std::int64_t>> due;
        {
            std::lock_guard lock(m_mutex);
            for (const auto &[id, entry] : m_entries) {
                if (!woken)
                    due.emplace_back(entry.callback, 0);
                else if (auto it = woken->find(entry.channel); it != woken->end())
                    due.emplace_back(entry.callback, it->second);
            }
        }
        for (auto &[callback, hint] : due) {
            try {
                callback(hint);
            } catch (const std::exception &e) {
                spdlog::warn("store listener: a subscriber failed: {}", e.what());
            }
        }
    };
    while (!stopped()) {
        try {
            PgConnection db(m_uri);
            std::set<std::string> listening;
            auto lastPoll = std::chrono::steady_clock::now();
            while (!stopped()) {
                bool fresh = false;
                {
                    std::set<std::string> wanted;
                    {
                        std::lock_guard lock(m_mutex);
                        for (const auto &[id, entry] : m_entries)
                            wanted.insert(entry.channel);
                    }
                    for (const std::string &channel : wanted)
                        if (listening.insert(channel).second) {
                            db.listen(channel);
                            fresh = true;
                        }
                }
                if (fresh) {
                    // Whatever was committed before LISTEN took effect was not notified.
                    call(nullptr);
                    lastPoll = std::chrono::steady_clock::now();
                    continue;
                }
                const std::vector<PgConnection::Notification> notices =
                    db.waitForNotices(kWaitSliceMs);
                if (!notices.empty()) {
                    std::map<std::string, std::int64_t> woken;
                    for (const PgConnection::Notification &n : notices) {
                        std::int64_t &hint = woken[n.channel];
                        char *end = nullptr;
                        const long long value = std::strtoll(n.payload.c_str(), &end, 10);
                        if (end && !*end && value > hint)
                            hint = value;
                    }
                    call(&woken);
                } else if (std::chrono::steady_clock::now() - lastPoll >= m_pollInterval) {
                    call(nullptr);
                    lastPoll = std::chrono::steady_clock::now();
                }
            }
        } catch (const std::exception &e) {
            spdlog::warn("store listener: {}; connecting again in 1 s", e.what());
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, std::chrono::seconds(1), [this] { return m_stop; });
        }
    }
}

// ---- SessionLock

struct SessionLock::Impl
{
    std::unique_ptr<PgConnection> db;
};

SessionLock::SessionLock(const std::string &uri, const std::string &name)
    : m_impl(std::make_unique<Impl>())
{
    if (uri.empty())
        return;
    m_impl->db = std::make_unique<PgConnection>(uri);
    Stmt &lock = m_impl->db->prepare("SELECT pg_advisory_lock(hashtext(?1))::text");
    lock.bind(1, std::string_view(name)).step();
    lock.reset();
}

SessionLock::~SessionLock() = default; // closing the session releases the lock

// ---- Leadership

struct Leadership::Lock
{
    std::unique_ptr<PgConnection> db;
};

Leadership::Leadership(std::string uri, std::string role, std::chrono::milliseconds retryInterval,
                       Callbacks callbacks)
    : m_uri(std::move(uri))
    , m_role(std::move(role))
    , m_retryInterval(retryInterval)
    , m_callbacks(std::move(callbacks))
    , m_lock(std::make_unique<Lock>())
{
    if (!m_callbacks.onLost)
        m_callbacks.onLost = [role = m_role] {
            spdlog::critical("leadership of {} lost (its database connection broke); another "
                             "replica may lead now, so this one stops",
                             role);
            std::_Exit(3);
        };
}

Leadership::~Leadership()
{
    stop();
}

void Leadership::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool Leadership::start()
{
    if (m_uri.empty()) {
        m_leading = true;
        return true;
    }
    auto attempt = [this] {
        if (!m_lock->db)
            m_lock->db = std::make_unique<PgConnection>(m_uri);
        Stmt &lock = m_lock->db->prepare("SELECT pg_try_advisory_lock(hashtext(?1))::int");
        lock.bind(1, std::string_view(m_role));
        const bool won = lock.step() && lock.int64(0) == 1;
        lock.reset();
        return won;
    };
    try {
        m_leading = attempt();
    } catch (const std::exception &e) {
        spdlog::warn("leadership of {}: {}", m_role, e.what());
        m_lock->db.reset();
    }
    spdlog::info("leadership of {}: {}", m_role,
                 m_leading ? "this replica leads" : "another replica leads; standing by");
    m_thread = std::thread([this, attempt] {
        std::unique_lock lock(m_mutex);
        while (!m_cv.wait_for(lock, m_retryInterval, [this] { return m_stop; })) {
            lock.unlock();
            if (m_leading) {
                try {
                    m_lock->db->exec("SELECT 1"); // the lock lives as long as this session
                } catch (const std::exception &e) {
                    // The session (and the lock) is gone. Take it again at once if nobody else
                    // has; if another replica leads by now, this one must stop leading.
                    spdlog::error("leadership of {}: {}", m_role, e.what());
                    // While the database cannot be reached nobody else can take the lock
                    // either: keep asking until it answers, then yes (still leading) or no.
                    std::optional<bool> again;
                    while (!again) {
                        m_lock->db.reset();
                        try {
                            again = attempt();
                        } catch (const std::exception &retry) {
                            spdlog::error("leadership of {}: {}", m_role, retry.what());
                            std::unique_lock wait(m_mutex);
                            if (m_cv.wait_for(wait, m_retryInterval, [this] { return m_stop; }))
                                return;
                        }
                    }
                    if (!*again) {
                        m_leading = false;
                        m_callbacks.onLost();
                        return;
                    }
                    spdlog::warn("leadership of {}: its connection was lost and the lock taken "
                                 "again; this replica still leads",
                                 m_role);
                }
            } else {
                bool won = false;
                try {
                    won = attempt();
                } catch (const std::exception &e) {
                    spdlog::warn("leadership of {}: {}", m_role, e.what());
                    m_lock->db.reset();
                }
                if (won) {
                    m_leading = true;
                    spdlog::info("leadership of {}: this replica took over", m_role);
                    if (m_callbacks.onElected)
                        m_callbacks.onElected();
                }
            }
            lock.lock();
        }
    });
    return m_leading;
}

} // namespace platformd::core
