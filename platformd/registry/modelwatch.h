#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace platformd::registry {

// One committed registry transaction, serialized once as ops.platform.v1.ModelChangeBatch: with
// every event (what `model_changes` stores) and without version events (include_versions off).
struct ModelBatch
{
    std::int64_t revision = 0;
    std::shared_ptr<const std::string> all;
    std::shared_ptr<const std::string> withoutVersions; // null: only version events
};
using ModelBatchPtr = std::shared_ptr<const ModelBatch>;

// Wakes WatchModels streams. Keeps the most recent batches in memory so that live watchers never
// touch SQLite; a watcher that fell further behind reads `model_changes` (gap-free, because a
// batch is published only after its transaction committed, in revision order). Nothing queues per
// watcher, so a client that stops reading costs no memory.
class ModelWatchHub
{
public:
    explicit ModelWatchHub(size_t keep = 1024)
        : m_keep(keep)
    {}

    // The revision already committed when the hub starts (history lives in model_changes).
    void reset(std::int64_t revision);
    void publish(ModelBatchPtr batch);
    void close();
    bool closed() const;

    enum class Wait { Batches, Timeout, History, Closed };
    // Waits up to timeout for batches after `after`. Batches: out holds them (ascending, at most
    // limit); History: they are no longer in memory, read model_changes instead.
    Wait next(std::int64_t after, std::chrono::milliseconds timeout, size_t limit,
              std::vector<ModelBatchPtr> *out);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<ModelBatchPtr> m_recent;
    std::int64_t m_latest = 0;
    size_t m_keep;
    bool m_closed = false;
};

} // namespace platformd::registry
