#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ops::platform::v1 {
class GetRegionMetricsRequest;
}

namespace platformd::api {

// Resource ids: [a-z][a-z0-9-]{0,62}.
bool isValidId(std::string_view id);
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

} // namespace platformd::api
