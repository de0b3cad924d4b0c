#pragma once

// The cost module's value types: exact amounts (10^-18 units in an __int128), the distinct
// dimension combinations rows are rolled up by (keys), days.

#include "cost/focus/decimal.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platformd::cost {

using Units = focus::Int128; // 10^-18 of the currency, as focus::Decimal

constexpr Units kUnitsPerWhole = Units(1000000000000000000LL);

// The four FOCUS cost columns, in CostMetric order (EFFECTIVE_COST = 1 … CONTRACTED_COST = 4).
enum Metric { Effective = 0, Billed = 1, List = 2, Contracted = 3 };
using Amounts = std::array<Units, 4>;

// Stored as two INTEGER columns: whole = units / 10^18 and frac = units % 10^18 (same sign).
inline std::int64_t wholePart(Units u)
{
    return std::int64_t(u / kUnitsPerWhole);
}
inline std::int64_t fracPart(Units u)
{
    return std::int64_t(u % kUnitsPerWhole);
}
inline Units joinUnits(std::int64_t whole, std::int64_t frac)
{
    return Units(whole) * kUnitsPerWhole + frac;
}

// Exact shortest text: "0", "-12.5", "0.0000008".
std::string amountText(Units units);
// Rounded to `decimals` places, half away from zero: "12.50".
std::string amountText(Units units, int decimals);
// "12", "-0.5", "1e3" is refused: plain decimals with at most 18 fractional digits.
std::optional<Units> parseAmount(std::string_view text);
double toDouble(Units units);
Units fromDouble(double value); // rounded to 10^-6

// Days since 1970-01-01 (UTC).
constexpr std::int64_t kDay = 86400;
inline std::int64_t dayOf(std::int64_t unixSeconds)
{
    return unixSeconds >= 0 ? unixSeconds / kDay : -((-unixSeconds + kDay - 1) / kDay);
}
// "2024-09" of a day; the civil date of a day.
struct Civil
{
    int year, month, day;
};
Civil civilOf(std::int64_t day);
std::int64_t dayOfCivil(int year, int month, int day);
int weekdayOf(std::int64_t day); // 0 = Monday
std::string monthText(std::int64_t day);
std::string dateText(std::int64_t day); // "2024-09-18"

// One distinct combination of the dimensions that cost_daily rolls up by.
struct CostKey
{
    std::int64_t id = 0;
    std::string provider, service, serviceCategory, region, billingAccount, subAccount,
        chargeCategory, currency;
    std::map<std::string, std::string> tags;
    std::string model; // "models/<tag model>" or ""
};

// Every key, by id (index = id; absent ids are null).
struct KeyTable
{
    std::vector<std::shared_ptr<const CostKey>> byId;
    const CostKey *find(std::int64_t id) const
    {
        return id >= 0 && std::size_t(id) < byId.size() ? byId[std::size_t(id)].get() : nullptr;
    }
};

// The model dimension of a tag value: "models/fraud-detector".
std::string modelOfTag(std::string_view tagValue);
// Tags as the canonical JSON object stored in cost_keys.tags.
std::string tagsJson(const std::map<std::string, std::string> &tags);

} // namespace platformd::cost
