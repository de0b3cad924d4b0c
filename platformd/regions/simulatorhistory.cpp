// The simulator: the seed's last 30 days (failovers, windows, degraded periods) and the
// metrics backfill over them.
#include "regions/private/simulatorstate.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>

namespace platformd::regions {

void Simulator::State::seedHistory(std::uint64_t seed, std::int64_t nowMs, Mutation &m)
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

    std::vector<std::vector<std::pair<std::int64_t, std::int64_t>>> busy(static_cast<size_t>(R));
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
        activeFailover[size_t(downNow)] = makeFailover(
            infos[size_t(downNow)], std::string(kComponents[k].displayName) + ": " + reason, start);
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
        const std::int64_t start = i == 0
                                       ? nowMs - nowMs % 1000 + 12000 + std::int64_t(pick(9)) * 1000
                                       : twoAm(r, 1 + int(pick(3)));
        const std::int64_t end =
            start + (i == 0 ? (3 + std::int64_t(pick(3))) * kMinute : 2 * kHour);
        windows.push_back(makeWindow(
            std::string(infos[size_t(r)].id), kWindowSpecs[pick(std::size(kWindowSpecs))], start,
            end, pb::MaintenanceWindow::SCHEDULED, now - std::int64_t(pick(48)) * kHour));
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
            const std::string reason =
                std::string(kComponents[k].displayName) + ": " + reasonOf(kReasons[size_t(k)].down);
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
                history.push_back({r, start, start + duration, pb::DEGRADED, 0.015 + 0.015 * U()});
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
                w.set_description(w.description() + " Cancelled: postponed by the change board.");
            else
                history.push_back({r, start, start + duration, pb::MAINTENANCE, 0});
            m.maintenanceWindows.push_back(std::move(w));
        }
    }
}

void Simulator::backfillMetrics(std::int64_t nowMs)
{
    std::mt19937_64 rng(m_options.seed * 31 + 7);
    std::normal_distribution<double> noise(0.0, 0.04);
    std::vector<MetricSample> samples;
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
            MetricSample s;
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

} // namespace platformd::regions
