// The simulator: statuses derived from incidents, health samples, resources written per tick.
#include "regions/private/simulatorstate.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>

namespace platformd::regions {

void Simulator::State::applyStatuses(std::int64_t nowMs)
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
                    message = std::string(kComponents[k].displayName) + ": " + incident->message;
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
            activeFailover[r] = makeFailover(infos[r], message.substr(0, message.find(';')), nowMs);
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
                region.set_status_message(boost[p] > 0
                                              ? "receiving failover traffic from " + failoverFrom[p]
                                              : std::string());
            force(int(p));
        }
    }
}

void Simulator::State::fillHealth(pb::HealthSample *h, double baseLatency, double throughput,
                                  double load, pb::HealthStatus status, std::int64_t ms)
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

void Simulator::State::updateResource(int index, std::int64_t ms, Mutation &m)
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
                   info.trafficWeight * 1000 * spec.trafficShare * load * traffic, load, c.status(),
                   ms);
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
        fillHealth(n.mutable_health(), 2 + nodeDistanceKm[size_t(ni)] / 80, perNode * load, load,
                   n.status(), ms);
        setTime(n.mutable_update_time(), ms);
        m.edgeNodes.push_back(n);
    }
}

void Simulator::State::maybeStartIncident(std::int64_t nowMs)
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
        incident.message = reasons[size_t(uniform(rng) * std::size(reasons)) % std::size(reasons)];
    } else if (kind < 0.85) {
        static constexpr int critical[] = {0, 1, 6};
        incident.component = critical[size_t(uniform(rng) * 3) % 3];
        incident.status = pb::DOWN;
        const auto &reasons = kReasons[size_t(incident.component)].down;
        incident.message = reasons[size_t(uniform(rng) * std::size(reasons)) % std::size(reasons)];
    } else {
        scheduleWindow(r, nowMs);
        return;
    }
    spdlog::info("simulator: {} in {} for {} s: {}", pb::HealthStatus_Name(incident.status),
                 infos[size_t(r)].id, duration / 1000, incident.message);
    incidents.push_back(std::move(incident));
}

} // namespace platformd::regions
