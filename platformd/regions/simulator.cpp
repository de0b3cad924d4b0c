#include "regions/simulator.h"

#include "regions/private/simulatorstate.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>

namespace platformd::regions {

Simulator::Simulator(RegionStore &store, SimulatorOptions options)
    : m_store(store)
    , m_options(options)
    , m_state(std::make_unique<State>())
{}

Simulator::~Simulator()
{
    stop();
}

Mutation Simulator::buildWorld(std::uint64_t seed, std::int64_t nowMs)
{
    std::mt19937_64 rng(seed);
    Mutation m;
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
    Mutation world = buildWorld(m_options.seed, nowMs);
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
        Mutation seed;
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
        Mutation operations;
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

int Simulator::adoptHealthEndpoint(const std::string &address)
{
    int changed = 0;
    m_store.transact([&](core::Connection &db) {
        Mutation m;
        m.writeRegionSettings = true;
        core::Stmt &owner = db.prepare("SELECT owner FROM region_endpoint_owner WHERE region = ?1");
        core::Stmt &claim =
            db.prepare("INSERT INTO region_endpoint_owner (region, owner) VALUES (?1, 'demo') ON "
                       "CONFLICT (region) DO UPDATE SET owner = excluded.owner");
        for (const RegionInfo &info : demoRegions()) {
            const std::string id(info.id);
            owner.bind(1, id);
            const bool explicitlySet = owner.step() && owner.text(0) == "user";
            owner.reset();
            if (explicitlySet)
                continue;
            auto region = RegionStore::readRegion(db, "regions/" + id);
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
                std::vector<MetricSample> samples;
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
                if (const auto removed = m_store.core().compact())
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
        Mutation m;
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
