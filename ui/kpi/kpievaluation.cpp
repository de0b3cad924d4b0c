#include "kpievaluation.h"

#include <QCoreApplication>

#include <algorithm>

namespace ops::kpi {

FleetHealth fleetHealth(const QList<Region> &regions)
{
    FleetHealth f;
    double weight = 0, availability = 0, p95 = 0, p50 = 0;
    for (const Region &r : regions) {
        ++f.regions;
        f.degraded += r.status == HealthStatus::Degraded;
        f.down += r.status == HealthStatus::Down;
        f.maintenance += r.status == HealthStatus::Maintenance;
        const double w = std::max(0.0, r.health.throughputRps);
        f.throughputRps += w;
        weight += w;
        availability += w * r.health.availability;
        p95 += w * r.health.latencyP95Ms;
        p50 += w * r.health.latencyP50Ms;
    }
    if (weight > 0) {
        f.availability = availability / weight;
        f.latencyP95Ms = p95 / weight;
        f.latencyP50Ms = p50 / weight;
    } else if (f.regions > 0) {
        for (const Region &r : regions) {
            f.availability += r.health.availability / f.regions;
            f.latencyP95Ms += r.health.latencyP95Ms / f.regions;
            f.latencyP50Ms += r.health.latencyP50Ms / f.regions;
        }
    }
    return f;
}

State availabilityState(double actual, double target)
{
    if (actual >= target)
        return State::Met;
    if (1.0 - actual <= 2 * (1.0 - target))
        return State::AtRisk;
    return State::Missed;
}

State upperLimitState(double actual, double limit)
{
    if (actual < 0.8 * limit)
        return State::Met;
    if (actual < limit)
        return State::AtRisk;
    return State::Missed;
}

State degradedState(int degraded)
{
    if (degraded <= 0)
        return State::Met;
    return degraded == 1 ? State::AtRisk : State::Missed;
}

State budgetState(double remainingFraction)
{
    if (remainingFraction <= 0)
        return State::Missed;
    return remainingFraction < kBudgetAtRiskBelow ? State::AtRisk : State::Met;
}

QString stateText(State state)
{
    switch (state) {
    case State::Met:
        return QCoreApplication::translate("ops::kpi", "Met");
    case State::AtRisk:
        return QCoreApplication::translate("ops::kpi", "At risk");
    case State::Missed:
        return QCoreApplication::translate("ops::kpi", "Missed");
    case State::Info:
        return QCoreApplication::translate("ops::kpi", "No target");
    case State::NoData:
        break;
    }
    return QCoreApplication::translate("ops::kpi", "No data");
}

} // namespace ops::kpi
