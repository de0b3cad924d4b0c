#pragma once

#include "cost/private/costquery.h"

namespace platformd::cost {

class CostBudgets;

// ListCostEvents: deploys (the model registry's deployments, registry/registrystore.h),
// incidents (incidents/incidentevents.h), imports, budget crossings and anomalies.
Status costEvents(CostStore &store, CostBudgets &budgets, const pb::ListCostEventsRequest &r,
                  pb::ListCostEventsResponse *out);

// ListCostAnomalies (costanomalies.cpp): robust z-scores of daily spend, explained.
Status costAnomalies(CostStore &store, const pb::ListCostAnomaliesRequest &r,
                     pb::ListCostAnomaliesResponse *out);

// ListCostRecommendations and GetUnitCosts (costrecommend.cpp).
Status costRecommendations(CostStore &store, const pb::ListCostRecommendationsRequest &r,
                           pb::ListCostRecommendationsResponse *out);
Status unitCosts(CostStore &store, const pb::GetUnitCostsRequest &r, pb::UnitCostReport *out);

} // namespace platformd::cost
