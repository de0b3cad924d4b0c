// The FOCUS 1.0–1.2 column table and allowed values, copied from the specification's column
// lists (../shared/data/focus/focus_columns_v1.{0,1,2}.csv: FeatureLevel, AllowsNulls, DataType,
// Introduced). tst_focusreader checks this table against those files.
#include "cost/focus/private/focusparse.h"

#include <algorithm>
#include <array>

namespace platformd::cost::focus::detail {

namespace {

constexpr bool M = true;  // Mandatory
constexpr bool O = false; // Conditional or Recommended
constexpr bool N = true;  // allows nulls
constexpr bool X = false; // allows no nulls
using T = Type;

ColumnSpec str(std::string_view name, bool mandatory, bool nullable, int since,
               std::string Row::*target = nullptr, Check check = Check::None)
{
    ColumnSpec c{name, T::String, mandatory, nullable, since, check};
    c.text = target;
    return c;
}

ColumnSpec dec(std::string_view name, bool mandatory, bool nullable, int since)
{
    return ColumnSpec{name, T::Decimal, mandatory, nullable, since};
}

ColumnSpec dec(std::string_view name, bool mandatory, bool nullable, int since,
               Decimal Row::*target)
{
    ColumnSpec c{name, T::Decimal, mandatory, nullable, since};
    c.decimal = target;
    return c;
}

ColumnSpec lenient(ColumnSpec c)
{
    c.nullAsZero = true;
    return c;
}

ColumnSpec optDec(std::string_view name, bool mandatory, bool nullable, int since,
                  std::optional<Decimal> Row::*target)
{
    ColumnSpec c{name, T::Decimal, mandatory, nullable, since};
    c.optionalDecimal = target;
    return c;
}

ColumnSpec time(std::string_view name, std::int64_t Row::*target)
{
    ColumnSpec c{name, T::DateTime, M, X, 10};
    c.time = target;
    return c;
}

ColumnSpec json(std::string_view name, int since, bool tags)
{
    ColumnSpec c{name, T::Json, O, N, since};
    c.tags = tags;
    return c;
}

const std::array<ColumnSpec, 57> &table()
{
    static const std::array<ColumnSpec, 57> columns = {
        // FOCUS 1.0 (43 columns, the order of the 1.0 list).
        str("AvailabilityZone", O, N, 10, &Row::availabilityZone),
        dec("BilledCost", M, X, 10, &Row::billedCost),
        str("BillingAccountId", M, X, 10, &Row::billingAccountId),
        str("BillingAccountName", M, N, 10, &Row::billingAccountName),
        str("BillingCurrency", M, X, 10, &Row::billingCurrency, Check::Currency),
        time("BillingPeriodEnd", &Row::billingPeriodEnd),
        time("BillingPeriodStart", &Row::billingPeriodStart),
        str("ChargeCategory", M, X, 10, &Row::chargeCategory, Check::ChargeCategory),
        str("ChargeClass", M, N, 10, &Row::chargeClass, Check::ChargeClass),
        str("ChargeDescription", M, N, 10, &Row::chargeDescription),
        str("ChargeFrequency", O, X, 10, &Row::chargeFrequency, Check::ChargeFrequency),
        time("ChargePeriodEnd", &Row::chargePeriodEnd),
        time("ChargePeriodStart", &Row::chargePeriodStart),
        str("CommitmentDiscountCategory", O, N, 10, &Row::commitmentDiscountCategory),
        str("CommitmentDiscountId", O, N, 10, &Row::commitmentDiscountId),
        str("CommitmentDiscountName", O, N, 10, &Row::commitmentDiscountName),
        str("CommitmentDiscountStatus", O, N, 10, &Row::commitmentDiscountStatus),
        str("CommitmentDiscountType", O, N, 10, &Row::commitmentDiscountType),
        optDec("ConsumedQuantity", O, N, 10, &Row::consumedQuantity),
        str("ConsumedUnit", O, N, 10, &Row::consumedUnit),
        lenient(dec("ContractedCost", M, X, 10, &Row::contractedCost)),
        optDec("ContractedUnitPrice", O, N, 10, &Row::contractedUnitPrice),
        dec("EffectiveCost", M, X, 10, &Row::effectiveCost),
        str("InvoiceIssuerName", M, X, 10, &Row::invoiceIssuerName),
        dec("ListCost", M, X, 10, &Row::listCost),
        optDec("ListUnitPrice", O, N, 10, &Row::listUnitPrice),
        str("PricingCategory", O, N, 10, &Row::pricingCategory),
        optDec("PricingQuantity", M, N, 10, &Row::pricingQuantity),
        str("PricingUnit", M, N, 10, &Row::pricingUnit),
        str("ProviderName", M, X, 10, &Row::providerName),
        str("PublisherName", M, X, 10, &Row::publisherName),
        str("RegionId", O, N, 10, &Row::regionId),
        str("RegionName", O, N, 10, &Row::regionName),
        str("ResourceId", O, N, 10, &Row::resourceId),
        str("ResourceName", O, N, 10, &Row::resourceName),
        str("ResourceType", O, N, 10, &Row::resourceType),
        str("ServiceCategory", M, X, 10, &Row::serviceCategory),
        str("ServiceName", M, X, 10, &Row::serviceName),
        str("SkuId", O, N, 10, &Row::skuId),
        str("SkuPriceId", O, N, 10, &Row::skuPriceId),
        str("SubAccountId", O, N, 10, &Row::subAccountId),
        str("SubAccountName", O, N, 10, &Row::subAccountName),
        json("Tags", 10, true),
        // Introduced in FOCUS 1.1 (kept in Row::extra).
        str("CapacityReservationId", O, N, 11),
        str("CapacityReservationStatus", O, N, 11),
        dec("CommitmentDiscountQuantity", O, N, 11),
        str("CommitmentDiscountUnit", O, N, 11),
        str("ServiceSubcategory", O, X, 11),
        str("SkuMeter", O, N, 11),
        json("SkuPriceDetails", 11, false),
        // Introduced in FOCUS 1.2 (kept in Row::extra).
        str("BillingAccountType", O, X, 12),
        str("InvoiceId", O, N, 12),
        str("PricingCurrency", O, N, 12, nullptr, Check::Currency),
        dec("PricingCurrencyContractedUnitPrice", O, N, 12),
        dec("PricingCurrencyEffectiveCost", O, N, 12),
        dec("PricingCurrencyListUnitPrice", O, N, 12),
        str("SubAccountType", O, N, 12),
    };
    return columns;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = char(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

template<std::size_t N>
std::string_view pick(const std::array<std::string_view, N> &allowed, std::string_view value)
{
    for (std::string_view a : allowed) {
        if (a == value)
            return a;
    }
    for (std::string_view a : allowed) {
        if (equalsIgnoringCase(a, value))
            return a;
    }
    return {};
}

} // namespace

std::span<const ColumnSpec> columnSpecs()
{
    return table();
}

std::size_t focus10ColumnCount()
{
    return 43;
}

const ColumnSpec *findColumn(std::string_view name)
{
    for (const ColumnSpec &c : table()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

std::string_view canonicalValue(Check check, std::string_view value)
{
    static constexpr std::array<std::string_view, 5> categories = {"Usage", "Purchase", "Tax",
                                                                   "Credit", "Adjustment"};
    static constexpr std::array<std::string_view, 1> classes = {"Correction"};
    static constexpr std::array<std::string_view, 3> frequencies = {"One-Time", "Recurring",
                                                                    "Usage-Based"};
    switch (check) {
    case Check::None:
        return value;
    case Check::ChargeCategory:
        return pick(categories, value);
    case Check::ChargeClass:
        return pick(classes, value);
    case Check::ChargeFrequency:
        return pick(frequencies, value);
    case Check::Currency:
        if (value.size() == 3 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            return value;
        return {};
    }
    return {};
}

} // namespace platformd::cost::focus::detail
