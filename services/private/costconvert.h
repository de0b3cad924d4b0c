#pragma once

// Private to services/: CostService messages <-> the console's cost value types (models/cost.h).

#include "models/cost.h"
#include "stubchannel_p.h"

#include "ops/platform/v1/cost.grpc.pb.h"
#include "ops/platform/v1/cost.pb.h"

#include <grpcpp/support/status.h>

namespace ops {

using CostChannel = StubChannel<::ops::platform::v1::CostService>;

namespace convert {

namespace pb = ::ops::platform::v1;

pb::CostDimension toPbDimension(CostDimension dimension);
CostDimension toCostDimension(pb::CostDimension dimension);
void toPbQuery(const CostQuery &query, pb::QueryCostsRequest *out);
CostQueryResult toCostQueryResult(const pb::CostQueryResult &result);
Budget toBudget(const pb::Budget &budget);
void toPbBudget(const Budget &budget, pb::Budget *out); // the fields a client may set
BudgetStatus toBudgetStatus(const pb::BudgetStatus &status);
Anomaly toAnomaly(const pb::CostAnomaly &anomaly);
RecommendationList toRecommendationList(const pb::ListCostRecommendationsResponse &response);
UnitCostReport toUnitCostReport(const pb::UnitCostReport &report);
CostEvent toCostEvent(const pb::CostEvent &event);
ImportReport toImportReport(const pb::ImportReport &report);
CostForecast toCostForecast(const pb::CostForecast &forecast);

// A failed status as a cost call's error: code, platformd's message, and `what` failed in words.
CostError toCostError(const grpc::Status &status, const QString &what);

} // namespace convert
} // namespace ops
