#pragma once

#include "core/module.h"
#include "core/store.h"
#include "regions/changebatch.h"

#include "ops/platform/v1/regions.pb.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

// The regions module's storage: its tables (regions, components, edge nodes, failovers,
// maintenance windows, region metrics) in the core's Store, written in transactions of the core's
// revision log, whose entries are this module's ChangeBatches.
namespace platformd::regions {

namespace pb = ops::platform::v1;

// Everything one region transaction changes. Stamped with the transaction's revision.
struct Mutation
{
    std::vector<pb::Region> regions;
    std::vector<pb::Component> components;
    std::vector<pb::EdgeNode> edgeNodes;
    std::vector<pb::Failover> failovers;
    std::vector<pb::MaintenanceWindow> maintenanceWindows;
    // A region's settings (slo_availability, health_endpoint, health_service) belong to
    // UpdateRegion: a stored region keeps its settings (as stored, read inside the transaction)
    // unless this is set. So the simulator's copy of a region, older than an UpdateRegion in this
    // or another replica, cannot undo it.
    bool writeRegionSettings = false;
    bool empty() const
    {
        return regions.empty() && components.empty() && edgeNodes.empty() && failovers.empty() &&
               maintenanceWindows.empty();
    }
};

// One region health sample for GetRegionMetrics.
struct MetricSample
{
    std::string region; // region id, e.g. "eu-west"
    std::int64_t timeMs = 0;
    double p50 = 0, p95 = 0, p99 = 0, errorRate = 0, throughput = 0, availability = 0;
};

struct MetricBucket
{
    std::int64_t timeMs = 0; // bucket start
    double p50 = 0, p95 = 0, p99 = 0, errorRate = 0, throughput = 0, availability = 0;
};

// The module's pieces of schema versions 1, 2 and 4.
const std::vector<core::Migration> &migrations();

class RegionStore
{
public:
    // Takes over the core's revision log (its entries are ChangeBatches).
    explicit RegionStore(core::Store &store);
    RegionStore(const RegionStore &) = delete;
    RegionStore &operator=(const RegionStore &) = delete;

    core::Store &core() { return m_store; }
    // Committed transactions for watchers (entries: ChangeBatch).
    core::Feed &feed() { return m_store.logFeed(); }
    std::int64_t currentRevision() const { return m_store.currentRevision(); }
    std::int64_t oldestRetainedRevision() const { return m_store.oldestRetainedRevision(); }

    // One transaction: writes the resources, stamps them with the next revision, appends the
    // batch to the revision log, commits, then publishes it. Returns the revision (0: empty).
    std::int64_t commit(Mutation mutation);
    // Like commit, but build runs inside the transaction (under the writer lock) and returns the
    // resources to write, so it can read the current rows and write other tables consistently.
    std::int64_t transact(const std::function<Mutation(core::Connection &)> &build);
    // An audited region transaction: effect returns the resources, written and published in the
    // same transaction as the audit entry (an empty mutation commits only the entry).
    using AuditedEffect = std::function<Mutation(core::Connection &, core::audit::Entry &)>;
    core::audit::Entry auditedCommit(core::audit::Entry entry, const AuditedEffect &effect,
                                     std::int64_t *revision = nullptr);
    void appendMetrics(const std::vector<MetricSample> &samples);

    core::Snapshot<pb::Region> listRegions();
    // regionId empty: every region's.
    core::Snapshot<pb::EdgeNode> listEdgeNodes(const std::string &regionId);
    core::Snapshot<pb::Component> listComponents(const std::string &regionId);
    std::optional<pb::Region> getRegion(const std::string &name);
    // regionId empty: every region's. Unordered (callers sort).
    core::Snapshot<pb::Failover> listFailovers(const std::string &regionId);
    core::Snapshot<pb::MaintenanceWindow> listMaintenanceWindows(const std::string &regionId);
    // A region as stored, read through db (e.g. inside transact or audited).
    static std::optional<pb::Region> readRegion(core::Connection &db, const std::string &name);
    std::vector<MetricBucket> queryMetrics(const std::string &regionId, std::int64_t startMs,
                                           std::int64_t endMs, std::int64_t resolutionMs);

private:
    // Writes mutation through db (inside the log's transaction) as revision; returns its entry.
    core::LogEntry write(core::Connection &db, Mutation &mutation, std::int64_t revision);

    core::Store &m_store;
};

} // namespace platformd::regions
