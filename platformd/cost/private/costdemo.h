#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace platformd::cost {

class CostStore;

// One GPU serving line of the demo: a registry deployment's model in a region.
struct DemoDeployment
{
    std::string model;  // "fraud-detector"
    std::string region; // "us-east"
    std::int64_t version = 0;
};

// Seeds 13 months (to yesterday) of daily FOCUS-shaped rows for the demo platform in one
// unaudited transaction, recorded as the import "demo": AWS/GCP/Azure about 60/25/15, GPU
// instances per registry deployment (tags team/model/model_version/environment), commitments,
// each provider's managed ML service (also "AI and Machine Learning"), the inferences each GPU
// line served per day (x_Inferences, which unit cost prefers to the registry's current rate),
// idle and oversized resources (x_CpuUtilization, x_GpuUtilization), weekly seasonality, growth
// and four injected anomalies. Deterministic per seed apart from dates (relative to today).
// Returns the rows written.
std::int64_t seedCostDemo(CostStore &store, std::uint64_t seed, std::int64_t todayDay,
                          const std::vector<DemoDeployment> &deployments);

} // namespace platformd::cost
