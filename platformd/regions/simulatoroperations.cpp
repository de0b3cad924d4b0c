// The simulator: maintenance windows announced, begun, finished or cancelled.
#include "regions/private/simulatorstate.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <numbers>

namespace platformd::regions {

void Simulator::State::scheduleWindow(int r, std::int64_t nowMs)
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

void Simulator::State::cancelWindow(std::int64_t nowMs)
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

void Simulator::State::finishWindow(size_t i, pb::MaintenanceWindow::State state,
                                    std::int64_t nowMs, const std::string &note)
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

void Simulator::State::beginMaintenance(const pb::MaintenanceWindow &w)
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

bool Simulator::State::advanceWindows(std::int64_t nowMs)
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
        } else if (w.state() == pb::MaintenanceWindow::IN_PROGRESS && msOf(w.end_time()) <= nowMs) {
            finishWindow(i, pb::MaintenanceWindow::COMPLETED, nowMs);
            changed = true;
            continue;
        }
        ++i;
    }
    return changed;
}

} // namespace platformd::regions
