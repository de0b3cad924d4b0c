#include "registry/modelwatch.h"

#include "registry/registrystore.h"

#include "ops/platform/v1/models.pb.h"

#include <algorithm>
#include <limits>

namespace platformd::registry {

ModelBatchPtr modelBatchOf(std::int64_t revision, std::string payload)
{
    auto batch = std::make_shared<ModelBatch>();
    batch->revision = revision;
    ops::platform::v1::ModelChangeBatch parsed;
    if (parsed.ParseFromString(payload)) {
        auto *events = parsed.mutable_events();
        events->erase(std::remove_if(events->begin(), events->end(),
                                     [](const auto &e) { return e.has_model_version(); }),
                      events->end());
        if (!parsed.events().empty())
            batch->withoutVersions =
                std::make_shared<const std::string>(parsed.SerializeAsString());
    }
    batch->all = std::make_shared<const std::string>(std::move(payload));
    return batch;
}

std::int64_t ModelHistory::currentRevision()
{
    return m_registry.committedRevision();
}

std::int64_t ModelHistory::oldestRetainedRevision()
{
    return m_registry.oldestRetainedRevision();
}

std::vector<core::FeedEntry> ModelHistory::readAfter(std::int64_t after, int limit)
{
    std::vector<core::FeedEntry> entries;
    for (auto &[revision, payload] :
         m_registry.readChanges(after, std::numeric_limits<std::int64_t>::max(), limit))
        entries.push_back({revision, modelBatchOf(revision, std::move(payload))});
    return entries;
}

} // namespace platformd::registry
