#pragma once

#include "core/watchhub.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace platformd::core {

class Store;

// One watcher's view of the revision log: gap-free catch-up from history followed by live batches.
// It subscribes to the hub first (buffering live batches), reads `changes` in bounded chunks up to
// the first buffered revision, then drains the buffer skipping what history already delivered.
class WatchSession
{
public:
    struct Options
    {
        std::int64_t afterRevision = 0; // 0: from now on
        unsigned kinds = kRegionsOnly;  // KindMask
        size_t maxQueue = 4096;         // batches buffered before the watcher is dropped
        int chunk = 256;                // history rows per read
    };
    enum class Start { Ok, OutOfRange, InvalidArgument, Unavailable };
    struct Item
    {
        enum class Type { Batch, CaughtUp, Timeout, Overflow, Closed, OutOfRange } type;
        std::int64_t revision = 0;
        std::shared_ptr<const std::string> bytes; // serialized RegionChangeBatch (Type::Batch)
    };

    WatchSession(Store &store, Options options);
    ~WatchSession();
    WatchSession(const WatchSession &) = delete;
    WatchSession &operator=(const WatchSession &) = delete;

    // Validates after_revision and subscribes. On failure, message() says why.
    Start start();
    const std::string &message() const { return m_message; }
    // The next thing to tell the client; waits up to timeout once caught up.
    Item next(std::chrono::milliseconds timeout);
    // Everything up to this revision has been delivered (or did not concern this watcher).
    std::int64_t deliveredRevision() const { return m_last; }
    Subscription &subscription() { return *m_subscription; }

private:
    Store &m_store;
    Options m_options;
    std::shared_ptr<Subscription> m_subscription;
    std::string m_message;
    std::int64_t m_last = 0;
    bool m_catchingUp = true;
    std::vector<std::pair<std::int64_t, std::string>> m_history;
    size_t m_historyPos = 0;
};

} // namespace platformd::core
