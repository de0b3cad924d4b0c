#include "regions/world.h"

#include <cmath>
#include <numbers>

namespace platformd::regions {

namespace {

// AWS carries 22+15+11+7+5 = 60 % of the traffic, GCP 15+10 = 25 %, Azure 10+5 = 15 %.
// SLOs: 99.99 % for the big primaries, 99.95 % for Singapore and two secondaries, 99.9 % for Cape
// Town.
constexpr RegionInfo kRegions[] = {
    {"us-east", "US East (Virginia)", "North America", true, 38.13, -78.45, -300, 1, 22, "us-west",
     18, 0.9999},
    {"us-west", "US West (Oregon)", "North America", true, 45.84, -119.70, -480, 2, 15, "us-east",
     20, 0.9999},
    {"eu-west", "Europe (Ireland)", "Europe", true, 53.35, -6.26, 0, 1, 15, "eu-central", 19,
     0.9999},
    {"eu-central", "Europe (Frankfurt)", "Europe", true, 50.11, 8.68, 60, 3, 10, "eu-west", 17,
     0.9999},
    {"ap-southeast", "Asia Pacific (Singapore)", "Asia-Pacific", true, 1.35, 103.82, 480, 2, 10,
     "ap-northeast", 24, 0.9995},
    {"ap-northeast", "Asia Pacific (Tokyo)", "Asia-Pacific", true, 35.68, 139.69, 540, 1, 11,
     "ap-southeast", 22, 0.9999},
    {"sa-east", "South America (São Paulo)", "South America", false, -23.55, -46.63, -180, 1, 7,
     "us-east", 30, 0.9995},
    {"af-south", "Africa (Cape Town)", "Africa", false, -33.92, 18.42, 120, 1, 5, "eu-west", 34,
     0.999},
    {"me-central", "Middle East (UAE)", "Middle East", false, 25.20, 55.27, 240, 3, 5, "eu-central",
     28, 0.9995},
};

constexpr CityInfo kCities[] = {
    {"nyc", "New York", "US", 40.71, -74.01},
    {"iad", "Ashburn", "US", 39.04, -77.49},
    {"atl", "Atlanta", "US", 33.75, -84.39},
    {"mia", "Miami", "US", 25.76, -80.19},
    {"ord", "Chicago", "US", 41.88, -87.63},
    {"dfw", "Dallas", "US", 32.78, -96.80},
    {"den", "Denver", "US", 39.74, -104.99},
    {"lax", "Los Angeles", "US", 34.05, -118.24},
    {"sfo", "San Francisco", "US", 37.77, -122.42},
    {"sea", "Seattle", "US", 47.61, -122.33},
    {"yyz", "Toronto", "CA", 43.65, -79.38},
    {"yul", "Montreal", "CA", 45.50, -73.57},
    {"yvr", "Vancouver", "CA", 49.28, -123.12},
    {"mex", "Mexico City", "MX", 19.43, -99.13},
    {"bos", "Boston", "US", 42.36, -71.06},
    {"phx", "Phoenix", "US", 33.45, -112.07},
    {"gru", "São Paulo", "BR", -23.55, -46.63},
    {"gig", "Rio de Janeiro", "BR", -22.91, -43.17},
    {"eze", "Buenos Aires", "AR", -34.60, -58.38},
    {"scl", "Santiago", "CL", -33.45, -70.67},
    {"bog", "Bogotá", "CO", 4.71, -74.07},
    {"lim", "Lima", "PE", -12.05, -77.04},
    {"dub", "Dublin", "IE", 53.35, -6.26},
    {"lhr", "London", "GB", 51.51, -0.13},
    {"man", "Manchester", "GB", 53.48, -2.24},
    {"cdg", "Paris", "FR", 48.86, 2.35},
    {"mad", "Madrid", "ES", 40.42, -3.70},
    {"lis", "Lisbon", "PT", 38.72, -9.14},
    {"ams", "Amsterdam", "NL", 52.37, 4.90},
    {"bru", "Brussels", "BE", 50.85, 4.35},
    {"fra", "Frankfurt", "DE", 50.11, 8.68},
    {"ber", "Berlin", "DE", 52.52, 13.40},
    {"muc", "Munich", "DE", 48.14, 11.58},
    {"zrh", "Zurich", "CH", 47.38, 8.54},
    {"vie", "Vienna", "AT", 48.21, 16.37},
    {"mxp", "Milan", "IT", 45.46, 9.19},
    {"fco", "Rome", "IT", 41.90, 12.50},
    {"waw", "Warsaw", "PL", 52.23, 21.01},
    {"prg", "Prague", "CZ", 50.08, 14.44},
    {"arn", "Stockholm", "SE", 59.33, 18.07},
    {"cph", "Copenhagen", "DK", 55.68, 12.57},
    {"osl", "Oslo", "NO", 59.91, 10.75},
    {"hel", "Helsinki", "FI", 60.17, 24.94},
    {"ath", "Athens", "GR", 37.98, 23.73},
    {"ist", "Istanbul", "TR", 41.01, 28.98},
    {"dxb", "Dubai", "AE", 25.20, 55.27},
    {"auh", "Abu Dhabi", "AE", 24.45, 54.38},
    {"ruh", "Riyadh", "SA", 24.71, 46.68},
    {"doh", "Doha", "QA", 25.29, 51.53},
    {"tlv", "Tel Aviv", "IL", 32.09, 34.78},
    {"cai", "Cairo", "EG", 30.04, 31.24},
    {"cpt", "Cape Town", "ZA", -33.92, 18.42},
    {"jnb", "Johannesburg", "ZA", -26.20, 28.05},
    {"los", "Lagos", "NG", 6.52, 3.38},
    {"nbo", "Nairobi", "KE", -1.29, 36.82},
    {"bom", "Mumbai", "IN", 19.08, 72.88},
    {"del", "New Delhi", "IN", 28.61, 77.21},
    {"blr", "Bangalore", "IN", 12.97, 77.59},
    {"sin", "Singapore", "SG", 1.35, 103.82},
    {"kul", "Kuala Lumpur", "MY", 3.14, 101.69},
    {"bkk", "Bangkok", "TH", 13.76, 100.50},
    {"cgk", "Jakarta", "ID", -6.21, 106.85},
    {"mnl", "Manila", "PH", 14.60, 120.98},
    {"syd", "Sydney", "AU", -33.87, 151.21},
    {"mel", "Melbourne", "AU", -37.81, 144.96},
    {"akl", "Auckland", "NZ", -36.85, 174.76},
    {"hkg", "Hong Kong", "HK", 22.32, 114.17},
    {"tpe", "Taipei", "TW", 25.03, 121.57},
    {"nrt", "Tokyo", "JP", 35.68, 139.69},
    {"kix", "Osaka", "JP", 34.69, 135.50},
    {"icn", "Seoul", "KR", 37.57, 126.98},
};

} // namespace

std::span<const RegionInfo> demoRegions()
{
    return kRegions;
}

std::span<const CityInfo> demoCities()
{
    return kCities;
}

double distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double a =
        std::sin(dLat / 2) * std::sin(dLat / 2) +
        std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

} // namespace platformd::regions
