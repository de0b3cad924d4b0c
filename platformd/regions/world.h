#pragma once

#include <span>
#include <string_view>

namespace platformd::regions {

// Static facts of the demo world: real regions and cities. Providers are enum numbers of
// ops.platform.v1.CloudProvider (1 AWS, 2 GCP, 3 Azure).
struct RegionInfo
{
    std::string_view id;
    std::string_view displayName;
    std::string_view geography;
    bool primary;
    double latitude, longitude;
    int utcOffsetMinutes;
    int provider;
    double trafficWeight; // share of the platform's traffic, percent
    std::string_view failoverPartner;
    double baseLatencyMs;
    double sloAvailability; // the region's availability target over 30 days
};

struct CityInfo
{
    std::string_view code; // edge node name prefix, e.g. "fra"
    std::string_view city;
    std::string_view countryCode; // ISO 3166-1 alpha-2
    double latitude, longitude;
};

std::span<const RegionInfo> demoRegions();
std::span<const CityInfo> demoCities();
double distanceKm(double lat1, double lon1, double lat2, double lon2);

} // namespace platformd::regions
