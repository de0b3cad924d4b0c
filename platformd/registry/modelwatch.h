#pragma once

#include "core/feed.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace platformd::registry {

class RegistryStore;

// One committed registry transaction, serialized once as ops.platform.v1.ModelChangeBatch: with
// every event (what `model_changes` stores) and without version events (include_versions off).
// The entries of the registry's feed (core/feed.h).
struct ModelBatch
{
    std::int64_t revision = 0;
    std::shared_ptr<const std::string> all;
    std::shared_ptr<const std::string> withoutVersions; // null: only version events
};
using ModelBatchPtr = std::shared_ptr<const ModelBatch>;

// The batch of a `model_changes` row (its payload is `all`).
ModelBatchPtr modelBatchOf(std::int64_t revision, std::string payload);

// The registry feed's history: the `model_changes` table.
class ModelHistory final : public core::FeedHistory
{
public:
    explicit ModelHistory(RegistryStore &registry)
        : m_registry(registry)
    {}
    std::int64_t currentRevision() override;
    std::int64_t oldestRetainedRevision() override;
    std::vector<core::FeedEntry> readAfter(std::int64_t after, int limit) override;

private:
    RegistryStore &m_registry;
};

} // namespace platformd::registry
