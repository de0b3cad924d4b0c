#include "regions/simulator.h"

#include "core/store.h"
#include "regions/world.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>
#include <optional>
#include <unordered_map>

namespace platformd::regions {

namespace pb = ops::platform::v1;
using Clock = std::chrono::system_clock;

namespace {

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

constexpr ComponentSpec kComponents[] = {
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
constexpr int kComponentCount = int(std::size(kComponents));

// Incident messages per component, in kComponents order: what that kind of component
// actually reports (a CDN has no consumer lag). Only the critical components go down.
struct ComponentReasons
{
    const char *degraded[3];
    const char *down[2];
};

constexpr ComponentReasons kReasons[] = {
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

void setTime(google::protobuf::Timestamp *ts, std::int64_t ms)
{
    ts->set_seconds(ms / 1000);
    ts->set_nanos(int(ms % 1000) * 1000000);
}

std::int64_t toMs(Clock::time_point t)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// 0.35 at 04:00 local time, 1.0 at 16:00.
double loadAt(std::int64_t ms, int utcOffsetMinutes)
{
    const double hours = std::fmod(double(ms) / 3600000.0 + utcOffsetMinutes / 60.0, 24.0);
    return 0.35 + 0.65 * 0.5 * (1 - std::cos(2 * std::numbers::pi * (hours - 4) / 24));
}

pb::CloudProvider pickProvider(std::mt19937_64 &rng)
{
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    return u < 0.60 ? pb::AWS : u < 0.85 ? pb::GCP : pb::AZURE;
}

constexpr std::int64_t kMinute = 60000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr double kDownError = 0.35;       // added to the error rate while down (see fillHealth)
constexpr double kFailoverTraffic = 0.98; // a down region keeps 2 % of its traffic

// Background error rate of a healthy region at the given load: ~0.002 %, i.e. about a fifth of
// a 99.99 % error budget, so budgets show the incidents rather than the noise.
double baseErrorRate(double load, double noise)
{
    return (0.000005 + 0.000015 * load) * (1 + 4 * std::abs(noise));
}

// "fo-20261129-081200" from a time: readable, sortable, unique per region (one failover at a
// time, windows never overlap).
std::string idAt(const char *prefix, std::int64_t ms, bool seconds)
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

std::int64_t msOf(const google::protobuf::Timestamp &t)
{
    return t.seconds() * 1000 + t.nanos() / 1000000;
}

std::string regionIdOf(const std::string &name)
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

const WindowSpec kWindowSpecs[] = {
    {"Kubernetes control-plane upgrade", "Rolling upgrade of the control plane and node pools.", 6},
    {"Kafka rolling broker restart",
     "Brokers restarted one at a time to apply a configuration change.", 2},
    {"Model serving GPU driver update", "GPU nodes drained and updated in batches.", 1},
    {"Network maintenance", "Provider network maintenance; traffic drained to the partner region.",
     -1},
    {"API gateway certificate rotation", "Ingress certificates rotated across every zone.", 0},
    {"Spark cluster OS patching", "Worker nodes patched and rebooted.", 3},
};

pb::MaintenanceWindow makeWindow(const std::string &regionId, const WindowSpec &spec,
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

pb::Failover makeFailover(const RegionInfo &info, const std::string &reason, std::int64_t startMs)
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

} // namespace

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
    void applyStatuses(std::int64_t nowMs)
    {
        const auto &infos = demoRegions();
        std::vector<double> boost(regions.size(), 0.0);
        std::vector<std::string> failoverFrom(regions.size());
        for (size_t r = 0; r < regions.size(); ++r) {
            pb::HealthStatus regionStatus = pb::HEALTHY;
            std::string message;
            for (int k = 0; k < kComponentCount; ++k) {
                pb::Component &c = components[r * kComponentCount + size_t(k)];
                const Incident *incident = incidentFor(int(r), k);
                const pb::HealthStatus status = incident ? incident->status : pb::HEALTHY;
                const std::string componentMessage = incident ? incident->message : std::string();
                if (c.status() != status || c.status_message() != componentMessage) {
                    c.set_status(status);
                    c.set_status_message(componentMessage);
                    force(int(regions.size() + r * kComponentCount + size_t(k)));
                }
                if (!incident)
                    continue;
                if (incident->component == -1) {
                    regionStatus = pb::MAINTENANCE;
                    message = incident->message;
                } else if (status == pb::DOWN && kComponents[k].critical) {
                    regionStatus = pb::DOWN;
                    message = std::string(kComponents[k].displayName) + ": " + incident->message;
                } else if (status == pb::MAINTENANCE) {
                    if (regionStatus == pb::HEALTHY) {
                        regionStatus = pb::MAINTENANCE;
                        message =
                            std::string(kComponents[k].displayName) + ": " + incident->message;
                    }
                } else if (regionStatus == pb::HEALTHY || regionStatus == pb::MAINTENANCE) {
                    regionStatus = pb::DEGRADED;
                    message = std::string(kComponents[k].displayName) + ": " + incident->message;
                }
            }
            pb::Region &region = regions[r];
            std::string failover;
            if (regionStatus == pb::DOWN && infos[r].primary) {
                failover = "regions/" + std::string(infos[r].failoverPartner);
                message += "; traffic failed over to " + failover;
                for (size_t p = 0; p < regions.size(); ++p)
                    if (infos[p].id == infos[r].failoverPartner) {
                        boost[p] += infos[r].trafficWeight;
                        failoverFrom[p] = region.name();
                    }
            }
            if (!failover.empty() && !activeFailover[r]) {
                activeFailover[r] =
                    makeFailover(infos[r], message.substr(0, message.find(';')), nowMs);
                pendingFailovers.push_back(*activeFailover[r]);
                force(int(r));
            } else if (failover.empty() && activeFailover[r]) {
                pb::Failover &f = *activeFailover[r];
                f.set_state(pb::Failover::COMPLETED);
                setTime(f.mutable_end_time(), nowMs);
                setTime(f.mutable_update_time(), nowMs);
                pendingFailovers.push_back(f);
                activeFailover[r].reset();
                force(int(r));
            }
            if (region.status() != regionStatus || region.status_message() != message ||
                region.failover_target() != failover) {
                region.set_status(regionStatus);
                region.set_status_message(message);
                region.set_failover_target(failover);
                force(int(r));
                for (int n : regionNodes[r]) {
                    const pb::HealthStatus nodeStatus =
                        regionStatus == pb::DOWN ? pb::DEGRADED : pb::HEALTHY;
                    if (nodes[size_t(n)].status() != nodeStatus) {
                        nodes[size_t(n)].set_status(nodeStatus);
                        force(int(regions.size() + components.size()) + n);
                    }
                }
            }
        }
        for (size_t p = 0; p < regions.size(); ++p) {
            if (boost[p] != regionBoost[p]) {
                regionBoost[p] = boost[p];
                pb::Region &region = regions[p];
                if (region.status() == pb::HEALTHY)
                    region.set_status_message(boost[p] > 0 ? "receiving failover traffic from " +
                                                                 failoverFrom[p]
                                                           : std::string());
                force(int(p));
            }
        }
    }

    void fillHealth(pb::HealthSample *h, double baseLatency, double throughput, double load,
                    pb::HealthStatus status, std::int64_t ms)
    {
        const double n = noise(rng);
        const double factor = status == pb::DOWN          ? 6.0
                              : status == pb::DEGRADED    ? 2.5
                              : status == pb::MAINTENANCE ? 1.3
                                                          : 1.0;
        const double p50 = baseLatency * (1 + 0.6 * load * load) * factor * (1 + n);
        h->set_latency_p50_ms(p50);
        h->set_latency_p95_ms(p50 * (2.1 + std::abs(n) * 3));
        h->set_latency_p99_ms(h->latency_p95_ms() * (1.6 + std::abs(n) * 4));
        double error = baseErrorRate(load, n);
        if (status == pb::DEGRADED)
            error += 0.015 + 0.01 * std::abs(n);
        else if (status == pb::DOWN)
            error += kDownError;
        h->set_error_rate(std::min(1.0, error));
        h->set_throughput_rps(std::max(0.0, throughput * (1 + n)));
        h->set_availability(std::clamp(1 - error * 1.2, 0.0, 1.0));
        setTime(h->mutable_sample_time(), ms);
    }

    void updateResource(int index, std::int64_t ms, core::Mutation &m)
    {
        const auto &infos = demoRegions();
        const int R = int(regions.size());
        const int C = int(components.size());
        if (index < R) {
            pb::Region &r = regions[size_t(index)];
            const RegionInfo &info = infos[size_t(index)];
            const double load = loadAt(ms, info.utcOffsetMinutes);
            const double traffic =
                r.status() == pb::DOWN
                    ? 0.02
                    : (info.trafficWeight + regionBoost[size_t(index)]) / info.trafficWeight;
            fillHealth(r.mutable_health(), info.baseLatencyMs * std::max(1.0, 0.7 + 0.3 * traffic),
                       info.trafficWeight * 1000 * load * traffic, load, r.status(), ms);
            setTime(r.mutable_update_time(), ms);
            m.regions.push_back(r);
        } else if (index < R + C) {
            const int ci = index - R;
            const int regionIndex = ci / kComponentCount;
            const ComponentSpec &spec = kComponents[ci % kComponentCount];
            const RegionInfo &info = infos[size_t(regionIndex)];
            pb::Component &c = components[size_t(ci)];
            const double load = loadAt(ms, info.utcOffsetMinutes);
            const double traffic =
                (info.trafficWeight + regionBoost[size_t(regionIndex)]) / info.trafficWeight;
            fillHealth(c.mutable_health(), spec.baseLatencyMs,
                       info.trafficWeight * 1000 * spec.trafficShare * load * traffic, load,
                       c.status(), ms);
            setTime(c.mutable_update_time(), ms);
            m.components.push_back(c);
        } else {
            const int ni = index - R - C;
            const int regionIndex = nodeRegion[size_t(ni)];
            const RegionInfo &info = infos[size_t(regionIndex)];
            pb::EdgeNode &n = nodes[size_t(ni)];
            const double load = loadAt(ms, info.utcOffsetMinutes);
            const double perNode =
                info.trafficWeight * 1000 * 0.8 / double(regionNodes[size_t(regionIndex)].size());
            fillHealth(n.mutable_health(), 2 + nodeDistanceKm[size_t(ni)] / 80, perNode * load,
                       load, n.status(), ms);
            setTime(n.mutable_update_time(), ms);
            m.edgeNodes.push_back(n);
        }
    }

    // Announces a maintenance window of region r a few minutes ahead (none if one is open).
    void scheduleWindow(int r, std::int64_t nowMs)
    {
        for (const pb::MaintenanceWindow &w : windows)
            if (regionIdOf(w.name()) == regions[size_t(r)].name().substr(8))
                return;
        const WindowSpec &spec =
            kWindowSpecs[size_t(uniform(rng) * std::size(kWindowSpecs)) % std::size(kWindowSpecs)];
        const std::int64_t lead = 60000 + std::int64_t(uniform(rng) * 180000);
        const std::int64_t start = (nowMs + lead + kMinute - 1) / kMinute * kMinute;
        const std::int64_t end = start + 2 * kMinute + std::int64_t(uniform(rng) * 3) * kMinute;
        windows.push_back(makeWindow(regions[size_t(r)].name().substr(8), spec, start, end,
                                     pb::MaintenanceWindow::SCHEDULED, nowMs));
        pendingWindows.push_back(windows.back());
        force(r);
        spdlog::info("simulator: maintenance \"{}\" scheduled in {} at {} s from now", spec.title,
                     regions[size_t(r)].name(), (start - nowMs) / 1000);
    }

    // Cancels a scheduled window that has not started yet (chosen at random), if any.
    void cancelWindow(std::int64_t nowMs)
    {
        std::vector<size_t> candidates;
        for (size_t i = 0; i < windows.size(); ++i)
            if (windows[i].state() == pb::MaintenanceWindow::SCHEDULED &&
                msOf(windows[i].start_time()) > nowMs + 30000)
                candidates.push_back(i);
        if (candidates.empty())
            return;
        const size_t i =
            candidates[size_t(uniform(rng) * double(candidates.size())) % candidates.size()];
        finishWindow(i, pb::MaintenanceWindow::CANCELLED, nowMs,
                     " Cancelled: postponed by the change board.");
    }

    void finishWindow(size_t i, pb::MaintenanceWindow::State state, std::int64_t nowMs,
                      const std::string &note = {})
    {
        pb::MaintenanceWindow w = std::move(windows[i]);
        windows.erase(windows.begin() + std::ptrdiff_t(i));
        w.set_state(state);
        if (!note.empty())
            w.set_description(w.description() + note);
        setTime(w.mutable_update_time(), nowMs);
        pendingWindows.push_back(w);
        force(regionByName.at("regions/" + regionIdOf(w.name())));
    }

    // Puts a window's maintenance in force until its end: incidents on its components.
    void beginMaintenance(const pb::MaintenanceWindow &w)
    {
        const int r = regionByName.at("regions/" + regionIdOf(w.name()));
        const std::int64_t end = msOf(w.end_time());
        if (w.components_size() >= kComponentCount) {
            incidents.push_back({r, -1, pb::MAINTENANCE, end, w.title()});
            return;
        }
        for (const std::string &c : w.components())
            for (int k = 0; k < kComponentCount; ++k)
                if (c.ends_with(std::string("/components/") + kComponents[k].id))
                    incidents.push_back({r, k, pb::MAINTENANCE, end, w.title()});
    }

    // Moves windows along: SCHEDULED -> IN_PROGRESS at the start (CANCELLED if the region is
    // down), IN_PROGRESS -> COMPLETED at the end. True when an incident started.
    bool advanceWindows(std::int64_t nowMs)
    {
        bool changed = false;
        for (size_t i = 0; i < windows.size();) {
            pb::MaintenanceWindow &w = windows[i];
            const int r = regionByName.at("regions/" + regionIdOf(w.name()));
            if (w.state() == pb::MaintenanceWindow::SCHEDULED && msOf(w.start_time()) <= nowMs) {
                if (msOf(w.end_time()) <= nowMs) {
                    finishWindow(i, pb::MaintenanceWindow::COMPLETED, nowMs);
                    continue;
                }
                if (regions[size_t(r)].status() == pb::DOWN) {
                    finishWindow(i, pb::MaintenanceWindow::CANCELLED, nowMs,
                                 " Cancelled: the region was down at the start of the window.");
                    continue;
                }
                w.set_state(pb::MaintenanceWindow::IN_PROGRESS);
                setTime(w.mutable_update_time(), nowMs);
                pendingWindows.push_back(w);
                force(r);
                beginMaintenance(w);
                changed = true;
            } else if (w.state() == pb::MaintenanceWindow::IN_PROGRESS &&
                       msOf(w.end_time()) <= nowMs) {
                finishWindow(i, pb::MaintenanceWindow::COMPLETED, nowMs);
                changed = true;
                continue;
            }
            ++i;
        }
        return changed;
    }

    void maybeStartIncident(std::int64_t nowMs)
    {
        // One draw per simulated second keeps the decision sequence independent of the tick rate.
        if (uniform(rng) < 1.0 / 1200)
            cancelWindow(nowMs);
        if (uniform(rng) >= 1.0 / 75)
            return;
        const auto &infos = demoRegions();
        const int r = int(uniform(rng) * double(regions.size())) % int(regions.size());
        const double kind = uniform(rng);
        const std::int64_t duration = 30000 + std::int64_t(uniform(rng) * 120000);
        for (const Incident &i : incidents)
            if (i.region == r)
                return; // one at a time per region
        Incident incident{r, 0, pb::DEGRADED, nowMs + duration, {}};
        if (kind < 0.7) {
            incident.component = int(uniform(rng) * kComponentCount) % kComponentCount;
            const auto &reasons = kReasons[size_t(incident.component)].degraded;
            incident.message =
                reasons[size_t(uniform(rng) * std::size(reasons)) % std::size(reasons)];
        } else if (kind < 0.85) {
            static constexpr int critical[] = {0, 1, 6};
            incident.component = critical[size_t(uniform(rng) * 3) % 3];
            incident.status = pb::DOWN;
            const auto &reasons = kReasons[size_t(incident.component)].down;
            incident.message =
                reasons[size_t(uniform(rng) * std::size(reasons)) % std::size(reasons)];
        } else {
            scheduleWindow(r, nowMs);
            return;
        }
        spdlog::info("simulator: {} in {} for {} s: {}", pb::HealthStatus_Name(incident.status),
                     infos[size_t(r)].id, duration / 1000, incident.message);
        incidents.push_back(std::move(incident));
    }

    // The seed's last 30 days (completed failovers and maintenance windows, degraded periods, for
    // the metrics backfill in `history`) and its present: one region burning its error budget fast
    // (degraded for half an hour), one primary down with its failover active, one maintenance in
    // progress and 1-3 windows announced. Resources go into m; incidents start now.
    void seedHistory(std::uint64_t seed, std::int64_t nowMs, core::Mutation &m)
    {
        std::mt19937_64 g(seed * 0x2545f4914f6cdd1dULL + 17);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const auto U = [&] {
            return unit(g);
        };
        const auto pick = [&](size_t n) {
            return size_t(g() % n);
        };
        const auto &infos = demoRegions();
        const int R = int(regions.size());
        const std::int64_t now = nowMs - nowMs % kMinute;
        std::vector<int> order(static_cast<size_t>(R));
        for (int i = 0; i < R; ++i)
            order[size_t(i)] = i;
        std::shuffle(order.begin(), order.end(), g);
        const int burning = order[0];
        int downNow = -1, maintNow = -1;
        for (int i = 1; i < R; ++i) {
            const int r = order[size_t(i)];
            if (downNow < 0 && infos[size_t(r)].primary)
                downNow = r;
            else if (maintNow < 0)
                maintNow = r;
        }
        std::vector<int> usedMuch;
        for (int r : order)
            if (r != burning && r != downNow && r != maintNow && usedMuch.size() < 2)
                usedMuch.push_back(r);

        std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> busy(
            static_cast<size_t>(R));
        const auto isFree = [&](int r, std::int64_t start, std::int64_t end) {
            for (const auto &[a, b] : busy[size_t(r)])
                if (start < b + kHour && a < end + kHour)
                    return false;
            return true;
        };
        // A free start in [earliest, latest - duration], whole minutes; -1 when none is found.
        const auto place = [&](int r, std::int64_t duration, std::int64_t earliest,
                               std::int64_t latest) {
            for (int attempt = 0; attempt < 40; ++attempt) {
                std::int64_t start =
                    earliest + std::int64_t(U() * double(latest - duration - earliest));
                start -= start % kMinute;
                if (isFree(r, start, start + duration)) {
                    busy[size_t(r)].emplace_back(start, start + duration);
                    return start;
                }
            }
            return std::int64_t(-1);
        };
        const std::int64_t monthAgo = now - 30 * kDay;
        const auto reasonOf = [&](const auto &list) {
            return std::string(list[pick(std::size(list))]);
        };
        static constexpr int critical[] = {0, 1, 6};

        // The present first, so the past keeps clear of it.
        {
            const std::int64_t start = now - (20 + std::int64_t(U() * 20)) * kMinute;
            const int k = int(pick(kComponentCount));
            busy[size_t(burning)].emplace_back(start, nowMs);
            history.push_back({burning, start, nowMs, pb::DEGRADED, 0.02});
            incidents.push_back({burning, k, pb::DEGRADED,
                                 nowMs + (3 + std::int64_t(U() * 3)) * kMinute,
                                 reasonOf(kReasons[size_t(k)].degraded)});
        }
        if (downNow >= 0) {
            const std::int64_t start = now - (2 + std::int64_t(U() * 4)) * kMinute;
            const int k = critical[pick(3)];
            const std::string reason = reasonOf(kReasons[size_t(k)].down);
            busy[size_t(downNow)].emplace_back(start, nowMs);
            history.push_back({downNow, start, nowMs, pb::DOWN, kDownError});
            incidents.push_back(
                {downNow, k, pb::DOWN, nowMs + 90000 + std::int64_t(U() * 150000), reason});
            activeFailover[size_t(downNow)] =
                makeFailover(infos[size_t(downNow)],
                             std::string(kComponents[k].displayName) + ": " + reason, start);
            m.failovers.push_back(*activeFailover[size_t(downNow)]);
        }
        std::vector<bool> hasOpenWindow(static_cast<size_t>(R), false);
        if (maintNow >= 0) {
            const std::int64_t start = now - (1 + std::int64_t(pick(3))) * kMinute;
            const std::int64_t end = start + (5 + std::int64_t(pick(4))) * kMinute;
            busy[size_t(maintNow)].emplace_back(start, end);
            windows.push_back(makeWindow(std::string(infos[size_t(maintNow)].id),
                                         kWindowSpecs[pick(std::size(kWindowSpecs))], start, end,
                                         pb::MaintenanceWindow::IN_PROGRESS, start));
            hasOpenWindow[size_t(maintNow)] = true;
            beginMaintenance(windows.back());
            history.push_back({maintNow, start, nowMs, pb::MAINTENANCE, 0});
        }
        // 02:00 local time, `days` days from now (negative: ago).
        const auto twoAm = [&](int r, int days) {
            const std::int64_t offset = std::int64_t(infos[size_t(r)].utcOffsetMinutes) * kMinute;
            const std::int64_t local = now + std::int64_t(days) * kDay + offset;
            return local - local % kDay + 2 * kHour - offset;
        };
        const int upcoming = 1 + int(pick(3));
        for (int i = 0; i < upcoming; ++i) {
            int r = int(pick(size_t(R)));
            // The soon one in a region with nothing else going on, so it does start.
            while (hasOpenWindow[size_t(r)] || (i == 0 && (r == burning || r == downNow)))
                r = (r + 1) % R;
            hasOpenWindow[size_t(r)] = true;
            // The first one starts within 20 s, so a fresh demo shows a window begin; the
            // others at night.
            const std::int64_t start =
                i == 0 ? nowMs - nowMs % 1000 + 12000 + std::int64_t(pick(9)) * 1000
                       : twoAm(r, 1 + int(pick(3)));
            const std::int64_t end =
                start + (i == 0 ? (3 + std::int64_t(pick(3))) * kMinute : 2 * kHour);
            windows.push_back(makeWindow(std::string(infos[size_t(r)].id),
                                         kWindowSpecs[pick(std::size(kWindowSpecs))], start, end,
                                         pb::MaintenanceWindow::SCHEDULED,
                                         now - std::int64_t(pick(48)) * kHour));
        }
        m.maintenanceWindows.insert(m.maintenanceWindows.end(), windows.begin(), windows.end());

        // The past 30 days.
        for (int r = 0; r < R; ++r) {
            const RegionInfo &info = infos[size_t(r)];
            const double budgetMinutes = 30 * 1440 * (1 - info.sloAvailability);
            std::vector<std::int64_t> downs; // outage durations
            if (std::find(usedMuch.begin(), usedMuch.end(), r) != usedMuch.end()) {
                // 45-75 % of the budget in one or two outages (unavailability 1.2 x error rate).
                const int n = 1 + int(pick(2));
                const double minutes = (0.45 + 0.3 * U()) * budgetMinutes / (1.2 * kDownError) / n;
                for (int i = 0; i < n; ++i)
                    downs.push_back(
                        std::max<std::int64_t>(kMinute, std::int64_t(minutes * double(kMinute))));
            } else if (U() < 0.4) {
                const double minutes = (0.08 + 0.12 * U()) * budgetMinutes / (1.2 * kDownError);
                downs.push_back(
                    std::max<std::int64_t>(kMinute, std::int64_t(minutes * double(kMinute))));
            }
            for (const std::int64_t duration : downs) {
                const std::int64_t start = place(r, duration, monthAgo + kHour, now - 3 * kHour);
                if (start < 0)
                    continue;
                const int k = critical[pick(3)];
                const std::string reason = std::string(kComponents[k].displayName) + ": " +
                                           reasonOf(kReasons[size_t(k)].down);
                history.push_back({r, start, start + duration, pb::DOWN, kDownError});
                if (!info.primary)
                    continue;
                pb::Failover f = makeFailover(info, reason, start);
                f.set_state(pb::Failover::COMPLETED);
                setTime(f.mutable_end_time(), start + duration);
                setTime(f.mutable_update_time(), start + duration);
                m.failovers.push_back(std::move(f));
            }
            for (int i = 0, n = 1 + int(pick(3)); i < n; ++i) {
                const std::int64_t duration = (5 + std::int64_t(U() * 20)) * kMinute;
                const std::int64_t start = place(r, duration, monthAgo + kHour, now - 3 * kHour);
                if (start >= 0)
                    history.push_back(
                        {r, start, start + duration, pb::DEGRADED, 0.015 + 0.015 * U()});
            }
            for (int i = 0, n = 1 + int(pick(2)); i < n; ++i) {
                const std::int64_t start = twoAm(r, -1 - int(pick(28)));
                const std::int64_t duration = (2 + std::int64_t(pick(7))) * 15 * kMinute;
                if (!isFree(r, start, start + duration))
                    continue;
                busy[size_t(r)].emplace_back(start, start + duration);
                const bool cancelled = pick(6) == 0;
                pb::MaintenanceWindow w = makeWindow(
                    std::string(info.id), kWindowSpecs[pick(std::size(kWindowSpecs))], start,
                    start + duration,
                    cancelled ? pb::MaintenanceWindow::CANCELLED : pb::MaintenanceWindow::COMPLETED,
                    cancelled ? start - 6 * kHour : start + duration);
                if (cancelled)
                    w.set_description(w.description() +
                                      " Cancelled: postponed by the change board.");
                else
                    history.push_back({r, start, start + duration, pb::MAINTENANCE, 0});
                m.maintenanceWindows.push_back(std::move(w));
            }
        }
    }
};

Simulator::Simulator(core::Store &store, SimulatorOptions options)
    : m_store(store)
    , m_options(options)
    , m_state(std::make_unique<State>())
{}

Simulator::~Simulator()
{
    stop();
}

core::Mutation Simulator::buildWorld(std::uint64_t seed, std::int64_t nowMs)
{
    std::mt19937_64 rng(seed);
    core::Mutation m;
    const auto regions = demoRegions();
    for (const RegionInfo &info : regions) {
        pb::Region r;
        r.set_name("regions/" + std::string(info.id));
        r.set_display_name(std::string(info.displayName));
        r.set_provider(pb::CloudProvider(info.provider));
        r.set_geography(std::string(info.geography));
        r.set_primary(info.primary);
        r.set_latitude(info.latitude);
        r.set_longitude(info.longitude);
        r.set_utc_offset_minutes(info.utcOffsetMinutes);
        r.set_status(pb::HEALTHY);
        r.set_slo_availability(info.sloAvailability);
        setTime(r.mutable_update_time(), nowMs);
        m.regions.push_back(std::move(r));
        for (const ComponentSpec &spec : kComponents) {
            pb::Component c;
            c.set_name("regions/" + std::string(info.id) + "/components/" + spec.id);
            c.set_kind(spec.kind);
            c.set_display_name(spec.displayName);
            c.set_provider(spec.kind == pb::CDN ? pickProvider(rng)
                                                : pb::CloudProvider(info.provider));
            c.set_version(spec.versions[rng() % 3]);
            c.set_status(pb::HEALTHY);
            setTime(c.mutable_update_time(), nowMs);
            m.components.push_back(std::move(c));
        }
    }
    for (const CityInfo &city : demoCities()) {
        size_t nearest = 0;
        double best = 1e18;
        for (size_t i = 0; i < regions.size(); ++i) {
            const double d = distanceKm(city.latitude, city.longitude, regions[i].latitude,
                                        regions[i].longitude);
            if (d < best) {
                best = d;
                nearest = i;
            }
        }
        for (int k = 1; k <= 3; ++k) {
            pb::EdgeNode n;
            char id[16];
            std::snprintf(id, sizeof id, "%s-%02d", std::string(city.code).c_str(), k);
            n.set_name("regions/" + std::string(regions[nearest].id) + "/edgeNodes/" + id);
            n.set_city(std::string(city.city));
            n.set_country_code(std::string(city.countryCode));
            // A few hundred metres apart, like racks in different buildings of one metro.
            n.set_latitude(city.latitude + (double(rng() % 200) - 100) / 10000.0);
            n.set_longitude(city.longitude + (double(rng() % 200) - 100) / 10000.0);
            n.set_provider(pickProvider(rng));
            n.set_status(pb::HEALTHY);
            setTime(n.mutable_update_time(), nowMs);
            m.regions[nearest].set_edge_node_count(m.regions[nearest].edge_node_count() + 1);
            m.edgeNodes.push_back(std::move(n));
        }
    }
    return m;
}

void Simulator::initialize()
{
    State &s = *m_state;
    const std::int64_t nowMs = toMs(Clock::now());
    core::Mutation world = buildWorld(m_options.seed, nowMs);
    s.rng.seed(m_options.seed ^ 0x9e3779b97f4a7c15ULL);
    const auto infos = demoRegions();
    s.regions = world.regions;
    s.components = world.components;
    s.nodes = world.edgeNodes;
    s.regionNodes.assign(s.regions.size(), {});
    s.regionBoost.assign(s.regions.size(), 0.0);
    s.activeFailover.assign(s.regions.size(), std::nullopt);
    std::unordered_map<std::string, int> regionIndex;
    for (size_t i = 0; i < s.regions.size(); ++i) {
        regionIndex[std::string(infos[i].id)] = int(i);
        s.regionByName[s.regions[i].name()] = int(i);
    }
    for (size_t i = 0; i < s.nodes.size(); ++i) {
        const std::string &name = s.nodes[i].name();
        const std::string id = name.substr(8, name.find('/', 8) - 8);
        const int r = regionIndex.at(id);
        s.nodeRegion.push_back(r);
        s.regionNodes[size_t(r)].push_back(int(i));
        s.nodeDistanceKm.push_back(distanceKm(s.nodes[i].latitude(), s.nodes[i].longitude(),
                                              infos[size_t(r)].latitude,
                                              infos[size_t(r)].longitude));
    }
    s.permutation.resize(size_t(s.resourceCount()));
    for (int i = 0; i < s.resourceCount(); ++i)
        s.permutation[size_t(i)] = i;
    s.stamp.assign(size_t(s.resourceCount()), 0);

    const auto stored = m_store.listRegions();
    if (stored.items.empty()) {
        // A month of history and a present with something going on; then every health sample, so
        // the first List already shows live-looking data.
        core::Mutation seed;
        s.seedHistory(m_options.seed, nowMs, seed);
        s.applyStatuses(nowMs);
        s.forced.clear();
        s.pendingFailovers.clear();
        s.pendingWindows.clear();
        for (int i = 0; i < s.resourceCount(); ++i)
            s.updateResource(i, nowMs, seed);
        // Two transactions: the world, then its operations with the regions they concern, so a
        // watcher resuming after the first replays the failovers and windows (and watchers of
        // regions only still see every revision).
        core::Mutation operations;
        operations.failovers = std::move(seed.failovers);
        operations.maintenanceWindows = std::move(seed.maintenanceWindows);
        seed.failovers.clear();
        seed.maintenanceWindows.clear();
        operations.regions = seed.regions;
        const size_t seedFailovers = operations.failovers.size();
        const size_t seedWindows = operations.maintenanceWindows.size();
        m_store.commit(std::move(seed));
        const std::int64_t revision = m_store.commit(std::move(operations));
        backfillMetrics(nowMs);
        spdlog::info("simulator: seeded {} regions, {} components, {} edge nodes, {} failovers, {} "
                     "maintenance windows at revision {} (seed {})",
                     s.regions.size(), s.components.size(), s.nodes.size(), seedFailovers,
                     seedWindows, revision, m_options.seed);
        return;
    }
    // Continue from what a previous run left: stored resources replace the seed's, and anything
    // unhealthy recovers through an incident that ends shortly.
    std::unordered_map<std::string, size_t> byName;
    for (size_t i = 0; i < s.regions.size(); ++i)
        byName[s.regions[i].name()] = i;
    for (const pb::Region &r : stored.items)
        if (auto it = byName.find(r.name()); it != byName.end())
            s.regions[it->second] = r;
    byName.clear();
    for (size_t i = 0; i < s.components.size(); ++i)
        byName[s.components[i].name()] = i;
    for (const pb::Component &c : m_store.listComponents({}).items) {
        auto it = byName.find(c.name());
        if (it == byName.end())
            continue;
        s.components[it->second] = c;
        // Maintenance comes back from its window (below), not as an incident of its own.
        if (c.status() != pb::HEALTHY && c.status() != pb::HEALTH_STATUS_UNSPECIFIED &&
            c.status() != pb::MAINTENANCE) {
            const int region = int(it->second) / kComponentCount;
            const int k = int(it->second) % kComponentCount;
            s.incidents.push_back({region, c.status() == pb::MAINTENANCE ? -1 : k, c.status(),
                                   nowMs + 10000 + std::int64_t(s.uniform(s.rng) * 30000),
                                   c.status_message()});
        }
    }
    byName.clear();
    for (size_t i = 0; i < s.nodes.size(); ++i)
        byName[s.nodes[i].name()] = i;
    for (const pb::EdgeNode &n : m_store.listEdgeNodes({}).items)
        if (auto it = byName.find(n.name()); it != byName.end())
            s.nodes[it->second] = n;
    for (const pb::Failover &f : m_store.listFailovers({}).items)
        if (f.state() == pb::Failover::ACTIVE)
            if (auto it = s.regionByName.find(f.source_region()); it != s.regionByName.end())
                s.activeFailover[size_t(it->second)] = f;
    for (const pb::MaintenanceWindow &w : m_store.listMaintenanceWindows({}).items) {
        if ((w.state() != pb::MaintenanceWindow::SCHEDULED &&
             w.state() != pb::MaintenanceWindow::IN_PROGRESS) ||
            !s.regionByName.count("regions/" + regionIdOf(w.name())))
            continue;
        s.windows.push_back(w);
        if (w.state() == pb::MaintenanceWindow::IN_PROGRESS)
            s.beginMaintenance(w);
    }
    s.applyStatuses(nowMs);
    s.forced.clear();
    spdlog::info(
        "simulator: continuing from revision {} ({} open incidents, {} open maintenance windows)",
        m_store.currentRevision(), s.incidents.size(), s.windows.size());
}

void Simulator::backfillMetrics(std::int64_t nowMs)
{
    std::mt19937_64 rng(m_options.seed * 31 + 7);
    std::normal_distribution<double> noise(0.0, 0.04);
    std::vector<core::MetricSample> samples;
    const auto infos = demoRegions();
    constexpr std::int64_t minute = 60000;
    const std::int64_t end = nowMs - nowMs % minute;
    const std::int64_t dayAgo = end - 1440 * minute;
    samples.reserve(infos.size() * (8640 + 1440));
    for (size_t r = 0; r < infos.size(); ++r) {
        const RegionInfo &info = infos[r];
        std::vector<Outage> outages;
        for (const Outage &o : m_state->history)
            if (o.region == int(r))
                outages.push_back(o);
        for (std::int64_t t = end - 30 * 1440 * minute; t < end;
             t += t < dayAgo ? 5 * minute : minute) {
            const std::int64_t step = t < dayAgo ? 5 * minute : minute;
            // The share of [t, t + step) each outage covers, so short ones show at any resolution.
            double down = 0, degraded = 0, maintenance = 0, extraError = 0;
            for (const Outage &o : outages) {
                const std::int64_t overlap = std::min(t + step, o.endMs) - std::max(t, o.startMs);
                if (overlap <= 0)
                    continue;
                const double f = double(overlap) / double(step);
                extraError += f * o.errorRate;
                (o.status == pb::DOWN       ? down
                 : o.status == pb::DEGRADED ? degraded
                                            : maintenance) += f;
            }
            const double load = loadAt(t, info.utcOffsetMinutes);
            const double n = noise(rng);
            core::MetricSample s;
            s.region = std::string(info.id);
            s.timeMs = t;
            s.p50 = info.baseLatencyMs * (1 + 0.6 * load * load) * (1 + n) *
                    (1 + 5 * down + 1.5 * degraded + 0.3 * maintenance);
            s.p95 = s.p50 * (2.1 + std::abs(n) * 3);
            s.p99 = s.p95 * (1.6 + std::abs(n) * 4);
            s.errorRate = std::min(1.0, baseErrorRate(load, n) + extraError);
            s.throughput =
                info.trafficWeight * 1000 * load * (1 + n) * (1 - kFailoverTraffic * down);
            s.availability = std::clamp(1 - s.errorRate * 1.2, 0.0, 1.0);
            samples.push_back(std::move(s));
        }
    }
    m_state->history.clear();
    m_store.appendMetrics(samples);
}

int Simulator::adoptHealthEndpoint(const std::string &address)
{
    int changed = 0;
    m_store.transact([&](core::Connection &db) {
        core::Mutation m;
        m.writeRegionSettings = true;
        core::Stmt &owner = db.prepare("SELECT owner FROM region_endpoint_owner WHERE region = ?1");
        core::Stmt &claim = db.prepare(
            "INSERT OR REPLACE INTO region_endpoint_owner (region, owner) VALUES (?1, 'demo')");
        for (const RegionInfo &info : demoRegions()) {
            const std::string id(info.id);
            owner.bind(1, id);
            const bool explicitlySet = owner.step() && owner.text(0) == "user";
            owner.reset();
            if (explicitlySet)
                continue;
            auto region = core::Store::readRegion(db, "regions/" + id);
            if (!region || (region->health_endpoint() == address &&
                            region->health_service() == region->name()))
                continue;
            region->set_health_endpoint(address);
            region->set_health_service(region->name());
            setTime(region->mutable_update_time(), toMs(Clock::now()));
            claim.bind(1, id);
            claim.step();
            claim.reset();
            m.regions.push_back(std::move(*region));
        }
        changed = int(m.regions.size());
        return m;
    });
    if (changed)
        spdlog::info("demo: {} regions report health at {} (service regions/<id>)", changed,
                     address);
    return changed;
}

void Simulator::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    m_thread = std::thread([this] { run(); });
}

void Simulator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void Simulator::run()
{
    using namespace std::chrono;
    const double rate = std::max(0.0, m_options.eventsPerSecond);
    // Fast rates tick every 10 ms (low latency); slow ones up to every 100 ms.
    const auto interval =
        milliseconds(std::clamp<long>(rate > 0 ? long(5000 / rate) : 100, 10, 100));
    auto last = steady_clock::now();
    auto next = last + interval;
    auto nextMetrics = last + m_options.metricsInterval;
    auto nextCompact = last + m_options.compactInterval;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_cv.wait_until(lock, next, [this] { return m_stopping; }))
                return;
        }
        const auto now = steady_clock::now();
        const double seconds = duration<double>(now - last).count();
        last = now;
        next += interval;
        if (next < now)
            next = now + interval; // fell behind: do not try to catch up in a burst
        try {
            tick(Clock::now(), seconds);
            if (now >= nextMetrics) {
                nextMetrics = now + m_options.metricsInterval;
                std::vector<core::MetricSample> samples;
                const std::int64_t ms = toMs(Clock::now());
                for (const pb::Region &r : m_state->regions) {
                    const auto &h = r.health();
                    samples.push_back({r.name().substr(8), ms, h.latency_p50_ms(),
                                       h.latency_p95_ms(), h.latency_p99_ms(), h.error_rate(),
                                       h.throughput_rps(), h.availability()});
                }
                m_store.appendMetrics(samples);
            }
            if (now >= nextCompact) {
                nextCompact = now + m_options.compactInterval;
                if (const auto removed = m_store.compact())
                    spdlog::debug("store: compacted {} revisions", removed);
            }
        } catch (const std::exception &e) {
            spdlog::error("simulator: {}", e.what());
        }
    }
}

void Simulator::tick(Clock::time_point now, double seconds)
{
    State &s = *m_state;
    const std::int64_t nowMs = toMs(now);
    const double rate = m_options.eventsPerSecond;

    // Maintenance windows move on; incidents end when they expire; new ones are drawn once per
    // elapsed second.
    bool changed = s.advanceWindows(nowMs);
    const size_t before = s.incidents.size();
    std::erase_if(s.incidents, [&](const State::Incident &i) { return i.endMs <= nowMs; });
    changed = changed || s.incidents.size() != before;
    s.secondsSinceIncidentCheck += seconds;
    while (s.secondsSinceIncidentCheck >= 1.0) {
        s.secondsSinceIncidentCheck -= 1.0;
        const size_t n = s.incidents.size();
        s.maybeStartIncident(nowMs);
        changed = changed || s.incidents.size() != n;
    }
    if (changed)
        s.applyStatuses(nowMs);
    // Failovers and windows ride in the same transaction as their region, so a watcher of regions
    // only sees every revision it used to.
    for (const pb::Failover &f : s.pendingFailovers)
        s.force(s.regionByName.at(f.source_region()));
    for (const pb::MaintenanceWindow &w : s.pendingWindows)
        s.force(s.regionByName.at("regions/" + regionIdOf(w.name())));

    s.budget = std::min(s.budget + rate * seconds, std::max(1.0, rate * 0.25));
    auto events = std::int64_t(s.budget);
    s.budget -= double(events);
    const int total = s.resourceCount();
    while (events > 0 || !s.forced.empty()) {
        ++s.txCounter;
        core::Mutation m;
        const std::int64_t txMs = toMs(Clock::now());
        int inTx = 0;
        m.failovers = std::move(s.pendingFailovers);
        m.maintenanceWindows = std::move(s.pendingWindows);
        s.pendingFailovers.clear();
        s.pendingWindows.clear();
        for (int index : s.forced) {
            if (s.stamp[size_t(index)] == s.txCounter)
                continue;
            s.stamp[size_t(index)] = s.txCounter;
            s.updateResource(index, txMs, m);
            ++inTx;
        }
        s.forced.clear();
        const int wanted = int(std::min<std::int64_t>(events, total - inTx));
        // Partial Fisher-Yates: `wanted` distinct resources.
        for (int i = 0, picked = 0; picked < wanted && i < total; ++i) {
            const int j = i + int(s.rng() % std::uint64_t(total - i));
            std::swap(s.permutation[size_t(i)], s.permutation[size_t(j)]);
            const int index = s.permutation[size_t(i)];
            if (s.stamp[size_t(index)] == s.txCounter)
                continue;
            s.stamp[size_t(index)] = s.txCounter;
            s.updateResource(index, txMs, m);
            ++picked;
        }
        events -= std::max(wanted, 1);
        const auto count = m.regions.size() + m.components.size() + m.edgeNodes.size();
        m_store.commit(std::move(m));
        m_events += count;
    }
}

} // namespace platformd::regions
