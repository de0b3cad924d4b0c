#pragma once

#include "core/filter.h"
#include "cost/private/costtypes.h"

#include "ops/platform/v1/cost.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <string>
#include <vector>

namespace platformd::cost {

namespace pb = ops::platform::v1;
using grpc::Status;

class CostStore;

// A CostFilter expression compiled against pb::CostFilterFields.
struct CostFilter
{
    core::Filter filter;
    bool namesResource = false; // evaluated per raw row, not per key
    bool matches(const CostKey &key, const std::string &resource = {}) const;
};
// INVALID_ARGUMENT "<field>: filter: at position …" when it does not compile.
Status compileCostFilter(const std::string &expression, const char *field, CostFilter *out);

Metric metricOf(pb::CostMetric metric);
// The value of one dimension for a key (and resource).
std::string dimensionValue(const CostKey &key, pb::CostDimension dimension,
                           const std::string &tagKey, const std::string &resource);
const char *dimensionName(pb::CostDimension dimension); // "region", "service", …

// Spend per day of [fromDay, toDay) matching filter (index = day - fromDay).
std::vector<Units> dailyTotals(CostStore &store, const CostFilter &filter, Metric metric,
                               std::int64_t fromDay, std::int64_t toDay);

// QueryCosts.
Status queryCosts(CostStore &store, const pb::QueryCostsRequest &request, pb::CostQueryResult *out);

// Timestamp <-> day helpers shared by the handlers.
std::int64_t dayFloor(const google::protobuf::Timestamp &t);
std::int64_t dayCeil(const google::protobuf::Timestamp &t);
void setDay(google::protobuf::Timestamp *t, std::int64_t day);

} // namespace platformd::cost
