#include "domain/simulator.h"

#include "domain/world.h"
#include "store/store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace platformd::domain {

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
    bool critical;  // down means the region is down
};

constexpr ComponentSpec kComponents[] = {
    {"api-gateway", "API Gateway", pb::API_GATEWAY, {"2.8.1", "2.8.3", "2.9.0"}, 8, 1.0, true},
    {"model-serving", "Model Serving", pb::MODEL_SERVING, {"1.14.2", "1.15.0", "1.15.1"}, 45, 0.6, true},
    {"kafka", "Kafka", pb::KAFKA, {"3.5.1", "3.6.1", "3.7.0"}, 4, 2.5, false},
    {"spark", "Spark", pb::SPARK, {"3.4.1", "3.5.0", "3.5.1"}, 120, 0.05, false},
    {"airflow", "Airflow", pb::AIRFLOW, {"2.7.3", "2.8.1", "2.8.4"}, 60, 0.01, false},
    {"flink", "Flink", pb::FLINK, {"1.17.2", "1.18.1", "1.19.0"}, 15, 0.8, false},
    {"kubernetes", "Kubernetes", pb::KUBERNETES, {"1.28.9", "1.29.4", "1.30.1"}, 6, 0.2, true},
    {"cdn", "CDN", pb::CDN, {"edge-2024.3", "edge-2024.4", "edge-2025.1"}, 3, 3.0, false},
};
constexpr int kComponentCount = int(std::size(kComponents));

const char *const kDegradedReasons[] = {
    "elevated latency after a deployment",
    "partial capacity loss in one availability zone",
    "consumer lag growing",
    "error rate above threshold on a subset of hosts",
    "GPU node pool under memory pressure",
};
const char *const kDownReasons[] = {
    "control plane unreachable",
    "load balancer health checks failing in every zone",
    "certificate expired on the ingress tier",
};

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

} // namespace

struct Simulator::State
{
    struct Incident
    {
        int region;
        int component;  // -1: region-wide maintenance
        pb::HealthStatus status;
        std::int64_t endMs;
        std::string message;
    };

    std::mt19937_64 rng;
    std::normal_distribution<double> noise{0.0, 0.04};
    std::uniform_real_distribution<double> uniform{0.0, 1.0};
    std::vector<pb::Region> regions;
    std::vector<pb::Component> components;  // region r's at r * kComponentCount + k
    std::vector<pb::EdgeNode> nodes;
    std::vector<int> nodeRegion;
    std::vector<double> nodeDistanceKm;
    std::vector<std::vector<int>> regionNodes;
    std::vector<double> regionBoost;  // extra traffic from failed-over partners, percent
    std::vector<Incident> incidents;
    std::vector<int> permutation;     // resource indices, partially shuffled per transaction
    std::vector<std::uint64_t> stamp;  // transaction counter that last picked a resource
    std::uint64_t txCounter = 0;
    std::vector<int> forced;           // resources whose status changed: sent in the next tick
    double budget = 0;
    double secondsSinceIncidentCheck = 0;

    int resourceCount() const { return int(regions.size() + components.size() + nodes.size()); }

    const Incident *incidentFor(int region, int component) const
    {
        for (const Incident &i : incidents)
            if (i.region == region && (i.component == component || i.component == -1))
                return &i;
        return nullptr;
    }

    void force(int index)
    {
        forced.push_back(index);
    }
    void forceRegion(int r)
    {
        force(r);
        for (int k = 0; k < kComponentCount; ++k)
            force(int(regions.size()) + r * kComponentCount + k);
    }

    // Derives every status from the incidents; marks changed resources for the next tick.
    void applyStatuses()
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
                } else if (regionStatus == pb::HEALTHY) {
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
            if (region.status() != regionStatus || region.status_message() != message
                || region.failover_target() != failover) {
                region.set_status(regionStatus);
                region.set_status_message(message);
                region.set_failover_target(failover);
                force(int(r));
                for (int n : regionNodes[r]) {
                    const pb::HealthStatus nodeStatus = regionStatus == pb::DOWN ? pb::DEGRADED : pb::HEALTHY;
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
                    region.set_status_message(boost[p] > 0 ? "receiving failover traffic from "
                                                                 + failoverFrom[p]
                                                           : std::string());
                force(int(p));
            }
        }
    }

    void fillHealth(pb::HealthSample *h, double baseLatency, double throughput, double load,
                    pb::HealthStatus status, std::int64_t ms)
    {
        const double n = noise(rng);
        const double factor = status == pb::DOWN ? 6.0 : status == pb::DEGRADED ? 2.5
                              : status == pb::MAINTENANCE ? 1.3 : 1.0;
        const double p50 = baseLatency * (1 + 0.6 * load * load) * factor * (1 + n);
        h->set_latency_p50_ms(p50);
        h->set_latency_p95_ms(p50 * (2.1 + std::abs(n) * 3));
        h->set_latency_p99_ms(h->latency_p95_ms() * (1.6 + std::abs(n) * 4));
        double error = (0.00002 + 0.00006 * load) * (1 + 4 * std::abs(n));
        if (status == pb::DEGRADED)
            error += 0.015 + 0.01 * std::abs(n);
        else if (status == pb::DOWN)
            error += 0.35;
        h->set_error_rate(std::min(1.0, error));
        h->set_throughput_rps(std::max(0.0, throughput * (1 + n)));
        h->set_availability(std::clamp(1 - error * 1.2, 0.0, 1.0));
        setTime(h->mutable_sample_time(), ms);
    }

    void updateResource(int index, std::int64_t ms, store::Mutation &m)
    {
        const auto &infos = demoRegions();
        const int R = int(regions.size());
        const int C = int(components.size());
        if (index < R) {
            pb::Region &r = regions[size_t(index)];
            const RegionInfo &info = infos[size_t(index)];
            const double load = loadAt(ms, info.utcOffsetMinutes);
            const double traffic = r.status() == pb::DOWN ? 0.02 : (info.trafficWeight + regionBoost[size_t(index)]) / info.trafficWeight;
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
            const double traffic = (info.trafficWeight + regionBoost[size_t(regionIndex)]) / info.trafficWeight;
            fillHealth(c.mutable_health(), spec.baseLatencyMs, info.trafficWeight * 1000 * spec.trafficShare * load * traffic,
                       load, c.status(), ms);
            setTime(c.mutable_update_time(), ms);
            m.components.push_back(c);
        } else {
            const int ni = index - R - C;
            const int regionIndex = nodeRegion[size_t(ni)];
            const RegionInfo &info = infos[size_t(regionIndex)];
            pb::EdgeNode &n = nodes[size_t(ni)];
            const double load = loadAt(ms, info.utcOffsetMinutes);
            const double perNode = info.trafficWeight * 1000 * 0.8 / double(regionNodes[size_t(regionIndex)].size());
            fillHealth(n.mutable_health(), 2 + nodeDistanceKm[size_t(ni)] / 80, perNode * load, load,
                       n.status(), ms);
            setTime(n.mutable_update_time(), ms);
            m.edgeNodes.push_back(n);
        }
    }

    void maybeStartIncident(std::int64_t nowMs)
    {
        // One draw per simulated second keeps the decision sequence independent of the tick rate.
        if (uniform(rng) >= 1.0 / 75)
            return;
        const auto &infos = demoRegions();
        const int r = int(uniform(rng) * double(regions.size())) % int(regions.size());
        const double kind = uniform(rng);
        const std::int64_t duration = 30000 + std::int64_t(uniform(rng) * 120000);
        for (const Incident &i : incidents)
            if (i.region == r)
                return;  // one at a time per region
        Incident incident{r, 0, pb::DEGRADED, nowMs + duration, {}};
        if (kind < 0.7) {
            incident.component = int(uniform(rng) * kComponentCount) % kComponentCount;
            incident.message = kDegradedReasons[size_t(uniform(rng) * std::size(kDegradedReasons)) % std::size(kDegradedReasons)];
        } else if (kind < 0.85) {
            static constexpr int critical[] = {0, 1, 6};
            incident.component = critical[size_t(uniform(rng) * 3) % 3];
            incident.status = pb::DOWN;
            incident.message = kDownReasons[size_t(uniform(rng) * std::size(kDownReasons)) % std::size(kDownReasons)];
        } else {
            incident.component = -1;
            incident.status = pb::MAINTENANCE;
            incident.message = "scheduled maintenance window";
        }
        spdlog::info("simulator: {} in {} for {} s: {}", pb::HealthStatus_Name(incident.status),
                     infos[size_t(r)].id, duration / 1000, incident.message);
        incidents.push_back(std::move(incident));
    }
};

Simulator::Simulator(store::Store &store, SimulatorOptions options)
    : m_store(store), m_options(options), m_state(std::make_unique<State>())
{
}

Simulator::~Simulator()
{
    stop();
}

store::Mutation Simulator::buildWorld(std::uint64_t seed, std::int64_t nowMs)
{
    std::mt19937_64 rng(seed);
    store::Mutation m;
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
        r.set_slo_availability(0.9999);
        setTime(r.mutable_update_time(), nowMs);
        m.regions.push_back(std::move(r));
        for (const ComponentSpec &spec : kComponents) {
            pb::Component c;
            c.set_name("regions/" + std::string(info.id) + "/components/" + spec.id);
            c.set_kind(spec.kind);
            c.set_display_name(spec.displayName);
            c.set_provider(spec.kind == pb::CDN ? pickProvider(rng) : pb::CloudProvider(info.provider));
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
            const double d = distanceKm(city.latitude, city.longitude, regions[i].latitude, regions[i].longitude);
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
    store::Mutation world = buildWorld(m_options.seed, nowMs);
    s.rng.seed(m_options.seed ^ 0x9e3779b97f4a7c15ULL);
    const auto infos = demoRegions();
    s.regions = world.regions;
    s.components = world.components;
    s.nodes = world.edgeNodes;
    s.regionNodes.assign(s.regions.size(), {});
    s.regionBoost.assign(s.regions.size(), 0.0);
    std::unordered_map<std::string, int> regionIndex;
    for (size_t i = 0; i < s.regions.size(); ++i)
        regionIndex[std::string(infos[i].id)] = int(i);
    for (size_t i = 0; i < s.nodes.size(); ++i) {
        const std::string &name = s.nodes[i].name();
        const std::string id = name.substr(8, name.find('/', 8) - 8);
        const int r = regionIndex.at(id);
        s.nodeRegion.push_back(r);
        s.regionNodes[size_t(r)].push_back(int(i));
        s.nodeDistanceKm.push_back(distanceKm(s.nodes[i].latitude(), s.nodes[i].longitude(),
                                              infos[size_t(r)].latitude, infos[size_t(r)].longitude));
    }
    s.permutation.resize(size_t(s.resourceCount()));
    for (int i = 0; i < s.resourceCount(); ++i)
        s.permutation[size_t(i)] = i;
    s.stamp.assign(size_t(s.resourceCount()), 0);

    const auto stored = m_store.listRegions();
    if (stored.items.empty()) {
        // Fill every health sample so the first List already shows live-looking data.
        store::Mutation seed;
        for (int i = 0; i < s.resourceCount(); ++i)
            s.updateResource(i, nowMs, seed);
        const std::int64_t revision = m_store.commit(std::move(seed));
        backfillMetrics(nowMs);
        spdlog::info("simulator: seeded {} regions, {} components, {} edge nodes at revision {} (seed {})",
                     s.regions.size(), s.components.size(), s.nodes.size(), revision, m_options.seed);
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
        if (c.status() != pb::HEALTHY && c.status() != pb::HEALTH_STATUS_UNSPECIFIED) {
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
    s.applyStatuses();
    s.forced.clear();
    spdlog::info("simulator: continuing from revision {} ({} open incidents)",
                 m_store.currentRevision(), s.incidents.size());
}

void Simulator::backfillMetrics(std::int64_t nowMs)
{
    std::mt19937_64 rng(m_options.seed * 31 + 7);
    std::normal_distribution<double> noise(0.0, 0.04);
    std::vector<store::MetricSample> samples;
    const auto infos = demoRegions();
    constexpr std::int64_t minute = 60000;
    const std::int64_t end = nowMs - nowMs % minute;
    const std::int64_t dayAgo = end - 1440 * minute;
    samples.reserve(infos.size() * (8640 + 1440));
    for (const RegionInfo &info : infos) {
        for (std::int64_t t = end - 30 * 1440 * minute; t < end;
             t += t < dayAgo ? 5 * minute : minute) {
            const double load = loadAt(t, info.utcOffsetMinutes);
            const double n = noise(rng);
            store::MetricSample s;
            s.region = std::string(info.id);
            s.timeMs = t;
            s.p50 = info.baseLatencyMs * (1 + 0.6 * load * load) * (1 + n);
            s.p95 = s.p50 * (2.1 + std::abs(n) * 3);
            s.p99 = s.p95 * (1.6 + std::abs(n) * 4);
            s.errorRate = (0.00002 + 0.00006 * load) * (1 + 4 * std::abs(n));
            s.throughput = info.trafficWeight * 1000 * load * (1 + n);
            s.availability = 1 - s.errorRate * 1.2;
            samples.push_back(std::move(s));
        }
    }
    m_store.appendMetrics(samples);
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
    const auto interval = milliseconds(std::clamp<long>(rate > 0 ? long(5000 / rate) : 100, 10, 100));
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
            next = now + interval;  // fell behind: do not try to catch up in a burst
        try {
            tick(Clock::now(), seconds);
            if (now >= nextMetrics) {
                nextMetrics = now + m_options.metricsInterval;
                std::vector<store::MetricSample> samples;
                const std::int64_t ms = toMs(Clock::now());
                for (const pb::Region &r : m_state->regions) {
                    const auto &h = r.health();
                    samples.push_back({r.name().substr(8), ms, h.latency_p50_ms(), h.latency_p95_ms(),
                                       h.latency_p99_ms(), h.error_rate(), h.throughput_rps(), h.availability()});
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

    // Incidents: end the expired ones, draw for new ones once per elapsed second.
    const size_t before = s.incidents.size();
    std::erase_if(s.incidents, [&](const State::Incident &i) { return i.endMs <= nowMs; });
    bool changed = s.incidents.size() != before;
    s.secondsSinceIncidentCheck += seconds;
    while (s.secondsSinceIncidentCheck >= 1.0) {
        s.secondsSinceIncidentCheck -= 1.0;
        const size_t n = s.incidents.size();
        s.maybeStartIncident(nowMs);
        changed = changed || s.incidents.size() != n;
    }
    if (changed)
        s.applyStatuses();

    s.budget = std::min(s.budget + rate * seconds, std::max(1.0, rate * 0.25));
    auto events = std::int64_t(s.budget);
    s.budget -= double(events);
    const int total = s.resourceCount();
    while (events > 0 || !s.forced.empty()) {
        ++s.txCounter;
        store::Mutation m;
        const std::int64_t txMs = toMs(Clock::now());
        int inTx = 0;
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

} // namespace platformd::domain
