#pragma once

// The simulator's state and the helpers its parts share: region health (simulatorhealth.cpp),
// failovers and maintenance windows (simulatoroperations.cpp), the seeded history and metrics
// backfill (simulatorhistory.cpp), the thread and ticks (simulator.cpp).
#include "regions/regionstore.h"
#include "regions/simulator.h"
#include "regions/world.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace platformd::regions {

namespace pb = ops::platform::v1;
using Clock = std::chrono::system_clock;

struct ComponentSpec
{
    const char *id;
    const char *displayName;
    pb::ComponentKind kind;
    const char *versions[3];
    double baseLatencyMs;
    double trafficShare;
    bool critical; // down means the region is down
};

inline constexpr ComponentSpec kComponents[] = {
    {"api-gateway", "API Gateway", pb::API_GATEWAY, {"2.8.1", "2.8.3", "2.9.0"}, 8, 1.0, true},
    {"model-serving",
     "Model Serving",
     pb::MODEL_SERVING,
     {"1.14.2", "1.15.0", "1.15.1"},
     45,
     0.6,
     true},
    {"kafka", "Kafka", pb::KAFKA, {"3.5.1", "3.6.1", "3.7.0"}, 4, 2.5, false},
    {"spark", "Spark", pb::SPARK, {"3.4.1", "3.5.0", "3.5.1"}, 120, 0.05, false},
    {"airflow", "Airflow", pb::AIRFLOW, {"2.7.3", "2.8.1", "2.8.4"}, 60, 0.01, false},
    {"flink", "Flink", pb::FLINK, {"1.17.2", "1.18.1", "1.19.0"}, 15, 0.8, false},
    {"kubernetes", "Kubernetes", pb::KUBERNETES, {"1.28.9", "1.29.4", "1.30.1"}, 6, 0.2, true},
    {"cdn", "CDN", pb::CDN, {"edge-2024.3", "edge-2024.4", "edge-2025.1"}, 3, 3.0, false},
};
inline constexpr int kComponentCount = int(std::size(kComponents));

// Incident messages per component, in kComponents order: what that kind of component
// actually reports (a CDN has no consumer lag). Only the critical components go down.
struct ComponentReasons
{
    const char *degraded[3];
    const char *down[2];
};

inline constexpr ComponentReasons kReasons[] = {
    {{"5xx responses rising", "rate limiting legitimate traffic",
      "elevated latency after a deployment"},
     {"load balancer health checks failing in every zone",
      "certificate expired on the ingress tier"}},
    {{"GPU memory pressure", "p95 latency over SLO",
      "partial capacity loss in one availability zone"},
     {"every replica failing readiness checks", "GPU node pool unavailable"}},
    {{"consumer lag growing", "under-replicated partitions", "broker request latency elevated"},
     {"no controller elected", "brokers unreachable"}},
    {{"job backlog growing", "executors lost on one node pool", "stage retries above threshold"},
     {"driver unreachable", "cluster manager unreachable"}},
    {{"DAG retries above threshold", "task queue backlog growing", "scheduler heartbeat delayed"},
     {"scheduler unreachable", "metadata database unreachable"}},
    {{"checkpoint failures", "job backlog growing", "backpressure on the ingest job"},
     {"job manager unreachable", "every job restarting"}},
    {{"pods crash-looping", "node memory pressure",
      "partial capacity loss in one availability zone"},
     {"control plane unreachable", "nodes not ready in every zone"}},
    {{"cache hit ratio dropping", "origin errors rising", "elevated latency at the edge"},
     {"origin unreachable", "edge certificate expired"}},
};
static_assert(std::size(kReasons) == std::size(kComponents), "one reasons entry per component");

inline void setTime(google::protobuf::Timestamp *ts, std::int64_t ms)
{
    ts->set_seconds(ms / 1000);
    ts->set_nanos(int(ms % 1000) * 1000000);
}

inline std::int64_t toMs(Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// 0.35 at 04:00 local time, 1.0 at 16:00.
inline double loadAt(std::int64_t ms, int utcOffsetMinutes)
{
    const double hours = std::fmod(double(ms) / 3600000.0 + utcOffsetMinutes / 60.0, 24.0);
    return 0.35 + 0.65 * 0.5 * (1 - std::cos(2 * std::numbers::pi * (hours - 4) / 24));
}

inline pb::CloudProvider pickProvider(std::mt19937_64 &rng)
{
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return u < 0.60 ? pb::AWS : u < 0.85 ? pb::GCP : pb::AZURE;
}

inline constexpr std::int64_t kMinute = 60000;
inline constexpr std::int64_t kHour = 60 * kMinute;
inline constexpr std::int64_t kDay = 24 * kHour;
inline constexpr double kDownError = 0.35; // added to the error rate while down (see fillHealth)
inline constexpr double kFailoverTraffic = 0.98; // a down region keeps 2 % of its traffic

// Background error rate of a healthy region at the given load: ~0.002 %, i.e. about a fifth of
// a 99.99 % error budget, so budgets show the incidents rather than the noise.
inline double baseErrorRate(double load, double noise)
{
    return (0.000005 + 0.000015 * load) * (1 + 4 * std::abs(noise));
}

// "fo-20261129-081200" from a time: readable, sortable, unique per region (one failover at a
// time, windows never overlap).
inline std::string idAt(const char *prefix, std::int64_t ms, bool seconds)
{
    const std::time_t t = std::time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[48];
    if (seconds)
        std::snprintf(buffer, sizeof buffer, "%s-%04d%02d%02d-%02d%02d%02d", prefix,
                      tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                      tm.tm_sec);
    else
        std::snprintf(buffer, sizeof buffer, "%s-%04d%02d%02d-%02d%02d", prefix, tm.tm_year + 1900,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
    return buffer;
}

inline std::int64_t msOf(const google::protobuf::Timestamp &t)
{
    return t.seconds() * 1000 + t.nanos() / 1000000;
}

inline std::string regionIdOf(const std::string &name)
{
    const size_t start = name.find('/') + 1;
    return name.substr(start, name.find('/', start) - start);
}

struct WindowSpec
{
    const char *title;
    const char *description;
    int component; // index into kComponents; -1: the whole region
};

inline const WindowSpec kWindowSpecs[] = {
    {"Kubernetes control-plane upgrade", "Rolling upgrade of the control plane and node pools.", 6},
    {"Kafka rolling broker restart",
     "Brokers restarted one at a time to apply a configuration change.", 2},
    {"Model serving GPU driver update", "GPU nodes drained and updated in batches.", 1},
    {"Network maintenance", "Provider network maintenance; traffic drained to the partner region.",
     -1},
    {"API gateway certificate rotation", "Ingress certificates rotated across every zone.", 0},
    {"Spark cluster OS patching", "Worker nodes patched and rebooted.", 3},
};

inline pb::MaintenanceWindow makeWindow(const std::string &regionId, const WindowSpec &spec,
                                        std::int64_t startMs, std::int64_t endMs,
                                        pb::MaintenanceWindow::State state, std::int64_t updateMs)
{
    pb::MaintenanceWindow w;
    w.set_name("regions/" + regionId + "/maintenanceWindows/" + idAt("mw", startMs, false));
    w.set_title(spec.title);
    w.set_description(spec.description);
    for (int k = 0; k < kComponentCount; ++k)
        if (spec.component < 0 || spec.component == k)
            w.add_components("regions/" + regionId + "/components/" + kComponents[k].id);
    w.set_state(state);
    setTime(w.mutable_start_time(), startMs);
    setTime(w.mutable_end_time(), endMs);
    setTime(w.mutable_update_time(), updateMs);
    return w;
}

inline pb::Failover makeFailover(const RegionInfo &info, const std::string &reason,
                                 std::int64_t startMs)
{
    pb::Failover f;
    f.set_name("regions/" + std::string(info.id) + "/failovers/" + idAt("fo", startMs, true));
    f.set_source_region("regions/" + std::string(info.id));
    f.set_target_region("regions/" + std::string(info.failoverPartner));
    f.set_state(pb::Failover::ACTIVE);
    f.set_reason(reason);
    f.set_traffic_fraction(kFailoverTraffic);
    setTime(f.mutable_start_time(), startMs);
    setTime(f.mutable_update_time(), startMs);
    return f;
}

// A past or ongoing period of a region's health, for the metrics backfill.
struct Outage
{
    int region;
    std::int64_t startMs, endMs;
    pb::HealthStatus status;
    double errorRate; // added while it lasts
};

struct Simulator::State
{
    struct Incident
    {
        int region;
        int component; // -1: region-wide maintenance
        pb::HealthStatus status;
        std::int64_t endMs;
        std::string message;
    };

    std::mt19937_64 rng;
    std::normal_distribution<double> noise{0.0, 0.04};
    std::uniform_real_distribution<double> uniform{0.0, 1.0};
    std::vector<pb::Region> regions;
    std::vector<pb::Component> components; // region r's at r * kComponentCount + k
    std::vector<pb::EdgeNode> nodes;
    std::vector<int> nodeRegion;
    std::vector<double> nodeDistanceKm;
    std::vector<std::vector<int>> regionNodes;
    std::vector<double> regionBoost; // extra traffic from failed-over partners, percent
    std::vector<Incident> incidents;
    std::vector<int> permutation;     // resource indices, partially shuffled per transaction
    std::vector<std::uint64_t> stamp; // transaction counter that last picked a resource
    std::uint64_t txCounter = 0;
    std::vector<int> forced; // resources whose status changed: sent in the next tick
    double budget = 0;
    double secondsSinceIncidentCheck = 0;
    std::vector<std::optional<pb::Failover>> activeFailover; // per region
    std::vector<pb::MaintenanceWindow> windows;              // SCHEDULED or IN_PROGRESS
    std::vector<pb::Failover> pendingFailovers;              // changed: committed with their region
    std::vector<pb::MaintenanceWindow> pendingWindows;
    std::unordered_map<std::string, int> regionByName;
    std::vector<Outage> history; // the seed's past, for the metrics backfill

    int resourceCount() const { return int(regions.size() + components.size() + nodes.size()); }

    const Incident *incidentFor(int region, int component) const
    {
        for (const Incident &i : incidents)
            if (i.region == region && (i.component == component || i.component == -1))
                return &i;
        return nullptr;
    }

    void force(int index) { forced.push_back(index); }
    void forceRegion(int r)
    {
        force(r);
        for (int k = 0; k < kComponentCount; ++k)
            force(int(regions.size()) + r * kComponentCount + k);
    }

    // Derives every status from the incidents; marks changed resources for the next tick and
    // starts or completes failovers.
    void applyStatuses(std::int64_t nowMs);

    void fillHealth(pb::HealthSample *h, double baseLatency, double throughput, double load,
                    pb::HealthStatus status, std::int64_t ms);

    void updateResource(int index, std::int64_t ms, Mutation &m);

    // Announces a maintenance window of region r a few minutes ahead (none if one is open).
    void scheduleWindow(int r, std::int64_t nowMs);

    // Cancels a scheduled window that has not started yet (chosen at random), if any.
    void cancelWindow(std::int64_t nowMs);

    void finishWindow(size_t i, pb::MaintenanceWindow::State state, std::int64_t nowMs,
                      const std::string &note = {});

    // Puts a window's maintenance in force until its end: incidents on its components.
    void beginMaintenance(const pb::MaintenanceWindow &w);

    // Moves windows along: SCHEDULED -> IN_PROGRESS at the start (CANCELLED if the region is
    // down), IN_PROGRESS -> COMPLETED at the end. True when an incident started.
    bool advanceWindows(std::int64_t nowMs);

    void maybeStartIncident(std::int64_t nowMs);

    // The seed's last 30 days (completed failovers and maintenance windows, degraded periods, for
    // the metrics backfill in `history`) and its present: one region burning its error budget fast
    // (degraded for half an hour), one primary down with its failover active, one maintenance in
    // progress and 1-3 windows announced. Resources go into m; incidents start now.
    void seedHistory(std::uint64_t seed, std::int64_t nowMs, Mutation &m);
};

} // namespace platformd::regions
