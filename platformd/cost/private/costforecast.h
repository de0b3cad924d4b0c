#pragma once

#include "cost/private/costquery.h"

#include <cstdint>
#include <string>
#include <vector>

namespace platformd::cost {

// A weekday-seasonal linear trend fitted by least squares to the last (up to) 91 days, with the
// bounds taken from the fit's residual quantiles (docs/API.md, "Forecast": why this method).
struct DailyForecast
{
    std::vector<double> expected, lower, upper; // one per future day
    double residualLow = 0, residualHigh = 0;   // the residual quantiles of the bounds
    std::string method;
};
// history: spend per day, oldest first, ending the day before the first forecast day (its last
// element is day firstDay - 1); horizon: days to forecast.
DailyForecast forecastDays(const std::vector<double> &history, std::int64_t firstDay, int horizon,
                           double confidence);

// Bounds of a sum of n forecast days: expected ± the residual quantile × sqrt(n).
struct RangeTotal
{
    double expected = 0, lower = 0, upper = 0;
};
RangeTotal sumForecast(const DailyForecast &f, int from, int to);

// GetCostForecast.
Status costForecast(CostStore &store, const pb::GetCostForecastRequest &request,
                    pb::CostForecast *out);

} // namespace platformd::cost
