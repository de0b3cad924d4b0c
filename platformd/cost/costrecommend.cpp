#include "cost/private/costinsights.h"
#include "cost/private/coststore.h"

namespace platformd::cost {

Status costRecommendations(CostStore &, const pb::ListCostRecommendationsRequest &,
                           pb::ListCostRecommendationsResponse *)
{
    return Status(grpc::StatusCode::UNIMPLEMENTED, "ListCostRecommendations: not yet");
}

Status unitCosts(CostStore &, const pb::GetUnitCostsRequest &, pb::UnitCostReport *)
{
    return Status(grpc::StatusCode::UNIMPLEMENTED, "GetUnitCosts: not yet");
}

} // namespace platformd::cost
