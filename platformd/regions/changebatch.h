#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace platformd::regions {

enum class ResourceKind : std::uint8_t {
    Region = 0,
    Component = 1,
    EdgeNode = 2,
    Failover = 3,
    MaintenanceWindow = 4
};

// Which kinds a watcher asked for: regions always; components, edge nodes and operations (failovers
// and maintenance windows) on request.
enum KindMask : unsigned {
    kRegionsOnly = 0,
    kWithComponents = 1,
    kWithEdgeNodes = 2,
    kWithOperations = 4,
    kAllKinds = 7
};

inline bool maskIncludes(unsigned mask, ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Region:
        return true;
    case ResourceKind::Component:
        return mask & kWithComponents;
    case ResourceKind::EdgeNode:
        return mask & kWithEdgeNodes;
    case ResourceKind::Failover:
    case ResourceKind::MaintenanceWindow:
        return mask & kWithOperations;
    }
    return false;
}

// The RegionEvent oneof field number carrying a resource of this kind.
int eventField(ResourceKind kind);
// A resource name's kind ("regions/x/failovers/y" -> Failover), for deletes that carry only a name.
ResourceKind kindOfName(std::string_view name);

// One store transaction as already-serialized ops.platform.v1.RegionEvent messages, so that a batch
// is encoded once and shared by every watcher (and the `changes` row) instead of per stream.
class ChangeBatch
{
public:
    struct Event
    {
        ResourceKind kind;
        std::string bytes; // a serialized RegionEvent
    };

    std::int64_t revision = 0;
    std::int64_t commitTimeNs = 0; // since the Unix epoch
    std::vector<Event> events;

    // Encodes a RegionEvent (type = 1 upsert, 2 delete) around a serialized resource.
    static std::string encodeEvent(ResourceKind kind, int changeType,
                                   std::string_view resourceBytes, std::string_view name);
    // Parses a serialized RegionChangeBatch (e.g. a `changes` row) without materialising resources.
    static bool decode(std::string_view bytes, ChangeBatch *out);

    // The serialized RegionChangeBatch with only the kinds in mask; cached per mask. Null when no
    // event of those kinds is in the batch.
    std::shared_ptr<const std::string> bytesFor(unsigned mask) const;
    // Serialized RegionChangeBatch with every event (what the `changes` table stores).
    std::string encodeAll() const;

private:
    std::string encode(unsigned mask) const;
    mutable std::mutex m_cacheMutex;
    mutable std::array<std::shared_ptr<const std::string>, kAllKinds + 1> m_cache;
    mutable std::array<bool, kAllKinds + 1> m_cached{};
};

} // namespace platformd::regions
