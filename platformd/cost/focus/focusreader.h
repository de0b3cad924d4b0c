#pragma once

// Reads FinOps FOCUS 1.0–1.2 cost exports: CSV or gzip-compressed CSV (detected from the bytes),
// UTF-8 with or without a BOM, LF or CRLF, RFC 4180 quoting (fields spanning lines, doubled
// quotes), columns in any order. Each data row is checked against the FOCUS column rules (the 21
// mandatory columns present; types Decimal, Date/Time, JSON; nulls only where the spec allows)
// and handed over as a Row, or refused with its row, column and reason. The reader writes
// nothing: platformd/cost stores what it accepts, in one transaction.
//
// Quirks of real exports handled (each reported once in notes()):
//  - an unquoted NULL is null; an empty unquoted field is null too where the column allows nulls
//    (the FOCUS sample has both); a quoted "NULL" is the text NULL;
//  - ChargeFrequency "Usage-based" is read as "Usage-Based" (and other case variants of the
//    spec's values);
//  - Tags is a JSON object inside a CSV field (doubled quotes); values that are not strings are
//    kept as their JSON text;
//  - timestamps "2024-09-18 22:00:00", "2024-09-18T22:00:00", with "Z" or "+00:00": naive ones
//    are UTC; other offsets are converted;
//  - numbers keep every digit (Decimal).
// Unknown columns and provider columns (x_…) are kept as (name, text) pairs.

#include "cost/focus/decimal.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace platformd::cost::focus {

// One accepted row. Times are Unix seconds (UTC). Optional strings are empty when null; the
// optional decimals are nullopt when null.
struct Row
{
    std::int64_t line = 0; // 1-based data row (the header line is row 0)

    // Mandatory in 1.0–1.2.
    Decimal billedCost, effectiveCost, listCost, contractedCost;
    std::optional<Decimal> pricingQuantity;
    std::string billingAccountId, billingAccountName, billingCurrency;
    std::int64_t billingPeriodStart = 0, billingPeriodEnd = 0;
    std::int64_t chargePeriodStart = 0, chargePeriodEnd = 0;
    std::string chargeCategory; // "Usage", "Purchase", "Tax", "Credit", "Adjustment"
    std::string chargeClass;    // "" or "Correction"
    std::string chargeDescription, chargeFrequency;
    std::string invoiceIssuerName, providerName, publisherName;
    std::string pricingUnit, serviceCategory, serviceName;

    // Conditional / recommended, when present.
    std::string availabilityZone, regionId, regionName;
    std::string resourceId, resourceName, resourceType;
    std::string subAccountId, subAccountName;
    std::string skuId, skuPriceId, pricingCategory;
    std::string commitmentDiscountCategory, commitmentDiscountId, commitmentDiscountName,
        commitmentDiscountStatus, commitmentDiscountType;
    std::optional<Decimal> consumedQuantity, contractedUnitPrice, listUnitPrice;
    std::string consumedUnit;

    std::map<std::string, std::string> tags; // parsed Tags
    std::string tagsJson;                    // the Tags field as read ("" when null)
    // Every other column, in file order: (column name, text; "" when null).
    std::vector<std::pair<std::string, std::string>> extra;
};

struct Rejection
{
    std::int64_t row = 0; // 1-based data row; 0 for the header
    std::string column;   // the FOCUS column, "" for the whole row
    std::string reason;   // "not a decimal: \"1,5\"", "mandatory column missing", …
};

struct ReaderStats
{
    std::int64_t rowsRead = 0, rowsAccepted = 0, rowsRejected = 0;
    std::uint64_t bytesRead = 0; // after decompression
};

class Reader
{
public:
    using RowSink = std::function<void(const Row &)>;
    using RejectionSink = std::function<void(const Rejection &)>;

    Reader(RowSink onRow, RejectionSink onRejection);
    ~Reader();
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    // Feeds the next bytes of the file (any chunk size). False once the file cannot be read on:
    // a header without the mandatory columns, a duplicated column, gzip data that is corrupt,
    // bytes that are not UTF-8 (fatal() says which, with the row). Rows before the failure were
    // already handed over; the caller refuses the whole import.
    bool feed(std::string_view bytes);
    // Ends the file: false for a truncated gzip stream or a quote left open at the end.
    bool finish();

    // The fatal error, when feed() or finish() returned false.
    const std::optional<Rejection> &fatal() const;
    const ReaderStats &stats() const;
    // "1.0", "1.1" or "1.2": the newest version whose columns the header has, "" before the header.
    std::string focusVersion() const;
    const std::vector<std::string> &columns() const;        // as in the header
    const std::vector<std::string> &unknownColumns() const; // not FOCUS 1.0–1.2 columns
    const std::vector<std::string> &notes() const;          // the quirks met, once each

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Reads a whole file (plain or .gz) through a Reader. False on a fatal error or an unreadable
// file (the Rejection's column is empty, reason says why).
bool readFile(const std::string &path, const Reader::RowSink &onRow,
              const Reader::RejectionSink &onRejection, Rejection *fatal = nullptr,
              ReaderStats *stats = nullptr);

} // namespace platformd::cost::focus
