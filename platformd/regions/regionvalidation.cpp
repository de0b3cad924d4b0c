#include "regions/private/regionvalidation.h"

#include "core/validation.h"

#include "ops/platform/v1/regions.pb.h"

#include <algorithm>
#include <cmath>

namespace platformd::regions {

using core::checkHostPort;
using core::isValidId;
using core::quote;

bool parseRegionName(std::string_view name, std::string *id)
{
    constexpr std::string_view prefix = "regions/";
    if (!name.starts_with(prefix) || !isValidId(name.substr(prefix.size())))
        return false;
    *id = std::string(name.substr(prefix.size()));
    return true;
}

bool parseRegionParent(std::string_view parent, std::string *id)
{
    if (parent == "regions/-") {
        id->clear();
        return true;
    }
    return parseRegionName(parent, id);
}

namespace {

// google.protobuf.Timestamp's valid range, 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z: outside it
// the millisecond conversions overflow.
constexpr std::int64_t kMinTimestampSeconds = -62135596800;
constexpr std::int64_t kMaxTimestampSeconds = 253402300799;

template<typename T>
bool inTimestampRange(const T &t)
{
    return t.seconds() >= kMinTimestampSeconds && t.seconds() <= kMaxTimestampSeconds &&
           t.nanos() >= 0 && t.nanos() <= 999999999;
}

} // namespace

std::string resolveMetricsWindow(const ops::platform::v1::GetRegionMetricsRequest &request,
                                 std::int64_t nowMs, MetricsWindow *window)
{
    constexpr std::int64_t second = 1000;
    constexpr std::int64_t maxWindow = 31 * 86400 * second;
    if (request.has_start_time() && !inTimestampRange(request.start_time()))
        return "start_time: outside 0001-01-01..9999-12-31";
    if (request.has_end_time() && !inTimestampRange(request.end_time()))
        return "end_time: outside 0001-01-01..9999-12-31";
    const auto toMs = [](const auto &t) {
        return t.seconds() * second + t.nanos() / 1000000;
    };
    const std::int64_t end = request.has_end_time() ? toMs(request.end_time()) : nowMs;
    const std::int64_t start =
        request.has_start_time() ? toMs(request.start_time()) : end - 3600 * second;
    if (start >= end)
        return "start_time: must be before end_time";
    const std::int64_t span = end - start;
    if (span > maxWindow)
        return "start_time: the window must not exceed 31 days";
    std::int64_t resolution = std::max<std::int64_t>(10 * second, span / 60);
    if (request.has_resolution()) {
        const auto &d = request.resolution();
        // Anything beyond the largest window is refused below; checking first keeps the arithmetic
        // in range.
        if (d.seconds() < 0 || d.nanos() < 0 || d.seconds() > maxWindow / second)
            return "resolution: must be between 10s and the window (end_time - start_time)";
        resolution = d.seconds() * second + d.nanos() / 1000000;
    }
    if (resolution < 10 * second)
        return "resolution: must be at least 10s";
    if (resolution > span)
        return "resolution: must not exceed the window (end_time - start_time)";
    if ((span + resolution - 1) / resolution > 10000)
        return "resolution: the window would have more than 10000 points";
    *window = {start, end, resolution};
    return {};
}

std::string checkUpdateRegion(const ops::platform::v1::UpdateRegionRequest &request,
                              std::vector<std::string> *paths)
{
    static const char *const kUpdatable[] = {"slo_availability", "health_endpoint",
                                             "health_service"};
    std::string id;
    if (!request.has_region())
        return "region: required (with region.name and the fields named in update_mask)";
    if (!parseRegionName(request.region().name(), &id))
        return "region.name: " + quote(request.region().name()) +
               " is not a region name (regions/{region})";
    paths->clear();
    std::vector<std::string> unknown;
    for (const std::string &path : request.update_mask().paths()) {
        const bool updatable =
            std::find(std::begin(kUpdatable), std::end(kUpdatable), path) != std::end(kUpdatable);
        std::vector<std::string> &list = updatable ? *paths : unknown;
        if (std::find(list.begin(), list.end(), path) == list.end())
            list.push_back(path);
    }
    if (!unknown.empty()) {
        std::string names;
        for (const std::string &u : unknown)
            names += (names.empty() ? "" : ", ") + quote(u);
        return "update_mask: cannot update " + names +
               "; only slo_availability, health_endpoint and health_service can be updated";
    }
    if (paths->empty())
        return "update_mask: name at least one of slo_availability, health_endpoint, "
               "health_service";
    const auto &region = request.region();
    const auto masked = [&](const char *field) {
        return std::find(paths->begin(), paths->end(), field) != paths->end();
    };
    if (masked("slo_availability")) {
        const double slo = region.slo_availability();
        if (!std::isfinite(slo) || slo <= 0 || slo >= 1) {
            char text[64];
            std::snprintf(text, sizeof text, "%.17g", slo);
            return std::string(
                       "region.slo_availability: must be greater than 0 and less than 1 (e.g. "
                       "0.9999), got ") +
                   text;
        }
    }
    if (masked("health_endpoint") && !region.health_endpoint().empty()) {
        if (const std::string problem = checkHostPort(region.health_endpoint()); !problem.empty())
            return "region.health_endpoint: " + quote(region.health_endpoint()) + ": " + problem;
    }
    if (masked("health_service")) {
        const std::string &service = region.health_service();
        if (service.size() > 200)
            return "region.health_service: longer than 200 bytes";
        for (const char c : service)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                return "region.health_service: control characters are not allowed";
    }
    return {};
}

} // namespace platformd::regions
