#pragma once

#include "core/module.h"

// Cost (docs/API.md, CostService): FinOps FOCUS imports, the explorer's rollups and queries,
// budgets, forecasts, anomalies, recommendations, unit cost per model, the demo.
namespace platformd::cost {

core::Module module();

} // namespace platformd::cost
