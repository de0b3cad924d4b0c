#pragma once

// What lets several platformd processes (replicas) share one PostgreSQL store (issue 15;
// docs/ARCHITECTURE.md, "PostgreSQL backend"): a listener that tells a process when another one
// committed (LISTEN/NOTIFY wakes; each subscriber then reads its log, which is the truth), and a
// leadership held as a session advisory lock (the demo simulators run in exactly one replica).
// On SQLite there is one process: no subscriber is ever called and the one process leads.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace platformd::core {

// The Store's own channels: its revision log (payload: the revision) and its audit log (the seq).
inline constexpr const char *kLogChannel = "platformd_changes";
inline constexpr const char *kAuditChannel = "platformd_audit";

// One thread with its own connection, LISTENing on the channels subscribed to. A subscriber is
// called (on that thread) when its channel is notified, after the connection was lost and made
// again (notifications may have been missed), and every pollInterval as a safety net. Callbacks
// must not throw for long: an exception is logged and the callback is called again next time.
class StoreListener
{
public:
    StoreListener(std::string uri, std::chrono::milliseconds pollInterval);
    ~StoreListener();

    class Subscription
    {
    public:
        ~Subscription();
        Subscription(const Subscription &) = delete;
        Subscription &operator=(const Subscription &) = delete;

    private:
        friend class StoreListener;
        Subscription(StoreListener *listener, std::uint64_t id)
            : m_listener(listener)
            , m_id(id)
        {}
        StoreListener *m_listener;
        std::uint64_t m_id;
    };
    // Channel: a plain identifier. Ends (waiting for a running call) when the handle is destroyed.
    std::unique_ptr<Subscription> subscribe(std::string channel, std::function<void()> callback);
    // The same, told the largest number among the payloads that woke it (the committers'
    // revisions, say), or 0 when it is called without one (a reconnect, the safety net).
    std::unique_ptr<Subscription> subscribeWithHint(std::string channel,
                                                    std::function<void(std::int64_t)> callback);

private:
    struct Entry
    {
        std::string channel;
        std::function<void(std::int64_t)> callback;
    };
    void run();
    void unsubscribe(std::uint64_t id);

    const std::string m_uri;
    const std::chrono::milliseconds m_pollInterval;
    std::mutex m_mutex; // guards m_entries, m_nextId, m_stop
    std::condition_variable m_cv;
    std::map<std::uint64_t, Entry> m_entries;
    std::uint64_t m_nextId = 1;
    bool m_stop = false;
    std::mutex m_callMutex; // held while callbacks run (unsubscribe waits on it)
    std::thread m_thread;
};

// A session-level advisory lock held while it lives (PostgreSQL; nothing on SQLite): e.g. replicas
// opening their modules one after another, so only one seeds an empty database.
class SessionLock
{
public:
    // Blocks until the lock is held. uri empty: SQLite, nothing to take. Throws StoreError.
    SessionLock(const std::string &uri, const std::string &name);
    ~SessionLock();
    SessionLock(const SessionLock &) = delete;
    SessionLock &operator=(const SessionLock &) = delete;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Leadership of one named role among the processes sharing a store: a session-level advisory lock
// on a connection of its own (PostgreSQL), released by the server when the process dies or the
// connection drops. On SQLite the process leads from the start.
class Leadership
{
public:
    // onElected: called once, on the leadership thread, when this process takes over after
    // start() found another leader. onLost: called when the lock's connection broke while leading
    // (another replica may lead by now); the default ends the process (exit code 3), as a
    // Kubernetes controller does when it loses its lease.
    struct Callbacks
    {
        std::function<void()> onElected;
        std::function<void()> onLost;
    };
    // uri empty: SQLite (leads at once, never loses).
    Leadership(std::string uri, std::string role, std::chrono::milliseconds retryInterval,
               Callbacks callbacks);
    ~Leadership();

    // Tries once (blocking for one round trip); true: this process leads now. When false, keeps
    // trying every retryInterval on its thread and calls onElected when it succeeds.
    bool start();
    bool leading() const { return m_leading.load(); }
    // Stops trying and watching (joins the thread; a running onElected finishes first). The lock,
    // if held, stays held until destruction.
    void stop();

private:
    void run();

    const std::string m_uri, m_role;
    const std::chrono::milliseconds m_retryInterval;
    Callbacks m_callbacks;
    std::atomic<bool> m_leading{false};
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    struct Lock;
    std::unique_ptr<Lock> m_lock;
    std::thread m_thread;
};

} // namespace platformd::core
