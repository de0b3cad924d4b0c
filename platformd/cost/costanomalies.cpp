#include "cost/private/costinsights.h"
#include "cost/private/coststore.h"

namespace platformd::cost {

Status costAnomalies(CostStore &, const pb::ListCostAnomaliesRequest &,
                     pb::ListCostAnomaliesResponse *)
{
    return Status(grpc::StatusCode::UNIMPLEMENTED, "ListCostAnomalies: not yet");
}

} // namespace platformd::cost
