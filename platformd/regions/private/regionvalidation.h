#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ops::platform::v1 {
class GetRegionMetricsRequest;
class UpdateRegionRequest;
} // namespace ops::platform::v1

// RegionService's request checks (names, metrics windows, UpdateRegion).
namespace platformd::regions {

// "regions/{id}" -> id. False when malformed.
bool parseRegionName(std::string_view name, std::string *id);
// "regions/{id}" or "regions/-" (id left empty). False when malformed.
bool parseRegionParent(std::string_view parent, std::string *id);

// GetRegionMetrics' time window, resolved against `nowMs`: defaults applied, every bound checked
// (timestamps within 0001..9999, start < end, window <= 31 days, resolution >= 10 s and <= window,
// at most 10,000 points). Returns an empty string, or "field: problem" for INVALID_ARGUMENT.
struct MetricsWindow
{
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::int64_t resolutionMs = 0;
};
std::string resolveMetricsWindow(const ops::platform::v1::GetRegionMetricsRequest &request,
                                 std::int64_t nowMs, MetricsWindow *window);

// UpdateRegion's request: region.name, update_mask (only the updatable fields, at least one) and
// the value of every masked field (slo_availability in (0, 1), health_endpoint empty or
// host:port, health_service printable and at most 200 bytes). Returns an empty string, or
// "field: problem" for INVALID_ARGUMENT. paths receives the mask's distinct paths.
std::string checkUpdateRegion(const ops::platform::v1::UpdateRegionRequest &request,
                              std::vector<std::string> *paths);

} // namespace platformd::regions
