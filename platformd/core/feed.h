#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

// The one watch mechanism (docs/ARCHITECTURE.md, "Watch streams"). A watched collection (the
// regions' revision log, the registry's, the audit log) publishes each committed transaction to
// its Feed; watchers read it through a FeedCursor: gap-free catch-up from the collection's stored
// history, then live from the feed's memory. Nothing queues per watcher: a watcher is a position,
// so one that stops reading costs no memory; one that falls further behind than its bound is
// dropped (RESOURCE_EXHAUSTED) and resumes from the revision it got to.
namespace platformd::core {

// One committed transaction, in the collection's own form (a ChangeBatch, a registry batch, an
// audit entry), shared by every watcher.
struct FeedEntry
{
    std::int64_t revision = 0;
    std::shared_ptr<const void> data;

    template<typename T>
    const T &as() const
    {
        return *static_cast<const T *>(data.get());
    }
};

// Where a collection's committed transactions are read back (its storage).
class FeedHistory
{
public:
    virtual ~FeedHistory() = default;
    virtual std::int64_t currentRevision() = 0;
    virtual std::int64_t oldestRetainedRevision() = 0;
    // Up to limit entries with revision > after, ascending.
    virtual std::vector<FeedEntry> readAfter(std::int64_t after, int limit) = 0;
};

// Someone waiting for the next publish (a watch stream). wake() is called once per park, from the
// feed's dispatcher; it must not block.
class FeedWaiter
{
public:
    virtual ~FeedWaiter() = default;
    virtual void wake() = 0;
};

// A collection's committed transactions: the newest `keep` in memory, older ones in its history.
// publish() is called in revision order, after each transaction committed, and costs the publisher
// O(1): parked waiters are woken by the dispatcher (setDispatcher), not on its thread.
class Feed
{
public:
    explicit Feed(FeedHistory &history, size_t keep = 1024);

    FeedHistory &history() { return m_history; }
    // The revision already committed when the feed starts (its history holds what came before).
    void reset(std::int64_t revision);
    void publish(FeedEntry entry);
    // The newest revision published (or reset to).
    std::int64_t latest() const;

    enum class Take { Entries, Behind, None };
    // Entries after `after` still in memory, appended to out (at most limit): Entries. Behind: some
    // are no longer in memory, read the history. None: nothing after `after` was published.
    Take take(std::int64_t after, size_t limit, std::vector<FeedEntry> *out) const;
    // Parks waiter until something after `after` is published; false (not parked) when something
    // already was: take again.
    bool park(std::int64_t after, const std::weak_ptr<FeedWaiter> &waiter);
    // Who wakes parked waiters; by default each waiter's wake() runs on the publisher's thread.
    using Dispatcher = std::function<void(std::vector<std::weak_ptr<FeedWaiter>> &&)>;
    void setDispatcher(Dispatcher dispatcher);
    // For a thread of the server's own (e.g. a health publisher): waits up to timeout for a
    // publish after `after`, then takes like take().
    Take wait(std::int64_t after, std::chrono::milliseconds timeout, size_t limit,
              std::vector<FeedEntry> *out) const;

private:
    Take takeLocked(std::int64_t after, size_t limit, std::vector<FeedEntry> *out) const;

    FeedHistory &m_history;
    const size_t m_keep;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_cv;
    std::deque<FeedEntry> m_recent; // ascending, contiguous revisions
    std::int64_t m_latest = 0;
    std::vector<std::weak_ptr<FeedWaiter>> m_parked;
    Dispatcher m_dispatcher;
};

// One watcher's position in a feed. Never blocks on the feed; reads history in chunks when it is
// behind what the feed keeps in memory.
class FeedCursor
{
public:
    // The bytes this watcher is sent for an entry; null: nothing of it concerns this watcher.
    using Select = std::function<std::shared_ptr<const std::string>(const FeedEntry &)>;
    struct Options
    {
        std::int64_t after = 0;     // the last revision the watcher has
        bool zeroMeansNow = true;   // after 0: from the current revision on (else: from the start)
        std::int64_t maxLag = 4096; // transactions published and not yet delivered before a drop
        int chunk = 256;            // history entries per read
        Select select;
    };
    enum class Start { Ok, InvalidArgument, OutOfRange };
    struct Item
    {
        enum class Type { Batch, CaughtUp, Idle, Overflow, OutOfRange } type;
        std::int64_t revision = 0;
        std::shared_ptr<const std::string> bytes; // Type::Batch
    };

    FeedCursor(Feed &feed, Options options);
    // Validates `after` against the history (negative or ahead: InvalidArgument; compacted:
    // OutOfRange); message() says why.
    Start start();
    const std::string &message() const { return m_message; }
    // The next thing for the watcher: a batch, CaughtUp once when history is delivered, then Idle
    // while there is nothing new (park and call again).
    Item next();
    // Everything up to this revision has been delivered (or did not concern this watcher).
    std::int64_t delivered() const { return m_last; }
    Feed &feed() const { return m_feed; }
    std::int64_t maxLag() const { return m_options.maxLag; }
    // Transactions published since the watcher started or last got one, beyond its bound.
    bool overflowed() const;

private:
    Feed &m_feed;
    Options m_options;
    std::string m_message;
    std::int64_t m_last = 0;
    std::int64_t m_startLatest = 0;
    bool m_caughtUp = false;
    std::vector<FeedEntry> m_pending;
    size_t m_pendingPos = 0;
};

} // namespace platformd::core
