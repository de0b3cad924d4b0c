#pragma once

#include "models/region.h"

#include <QList>
#include <QString>

// The managers' KPIs: fleet figures from the regions' latest health and how they compare with the
// seed's targets. Pure functions, shared by KpiPanel and its tests.
namespace ops::kpi {

enum class State { NoData, Met, AtRisk, Missed, Info };

// The seed's targets.
constexpr double kAvailabilityTarget = 0.9999;
constexpr double kP95TargetMs = 200;
constexpr double kGlobalResponseTargetMs = 100;
constexpr double kBudgetAtRiskBelow = 0.25; // error budget share left below which it is at risk

struct FleetHealth
{
    int regions = 0;
    int degraded = 0;
    int down = 0;
    int maintenance = 0;
    double throughputRps = 0; // sum over regions
    // Request-weighted means over regions (plain means when no region has traffic).
    double availability = 0;
    double latencyP95Ms = 0;
    double latencyP50Ms = 0; // the "global response time"
};

FleetHealth fleetHealth(const QList<Region> &regions);

// Met at or above target; at risk while the failed share is at most twice the allowance
// (99.98 % for 99.99 %); missed below.
State availabilityState(double actual, double target = kAvailabilityTarget);
// "Lower is better" limits: met below 80 % of the limit, at risk up to it, missed at or above it.
State upperLimitState(double actual, double limit);
// Target 0: none met, one at risk, more missed.
State degradedState(int degraded);
// Above 25 % left met, up to it at risk, nothing left missed.
State budgetState(double remainingFraction);

QString stateText(State state); // "Met", "At risk", "Missed", "No data", "No target"

} // namespace ops::kpi
