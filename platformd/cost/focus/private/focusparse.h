#pragma once

// Internals of the FOCUS reader and writer: the column table (FOCUS 1.0–1.2), timestamps, the
// Tags JSON and UTF-8 checks. Not part of the module's interface (tests may use it).

#include "cost/focus/focusreader.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace platformd::cost::focus::detail {

enum class Type : std::uint8_t { String, Decimal, DateTime, Json };
// Allowed values checked beyond the type.
enum class Check : std::uint8_t { None, ChargeCategory, ChargeClass, ChargeFrequency, Currency };

// One FOCUS column as the specification defines it (focus_columns_v1.{0,1,2}.csv), and where an
// accepted value goes in Row (no target: kept in Row::extra as text).
struct ColumnSpec
{
    std::string_view name;
    Type type;
    bool mandatory;
    bool nullable;
    int since; // 10, 11 or 12: the FOCUS version that introduced the column
    Check check = Check::None;
    std::string Row::*text = nullptr;
    Decimal Row::*decimal = nullptr;
    std::optional<Decimal> Row::*optionalDecimal = nullptr;
    std::int64_t Row::*time = nullptr;
    bool tags = false;
    // Real exports leave it null although FOCUS allows no nulls (Oracle's ContractedCost in the
    // FOCUS sample): read as 0 with a note instead of refusing the row.
    bool nullAsZero = false;
};

// Every FOCUS 1.0–1.2 column; the 1.0 columns first, in the order of the 1.0 list.
std::span<const ColumnSpec> columnSpecs();
// The number of 1.0 columns at the start of columnSpecs() (what the writer emits).
std::size_t focus10ColumnCount();
const ColumnSpec *findColumn(std::string_view name);

// The canonical spelling of an allowed value ("usage-based" -> "Usage-Based"), or empty when the
// value is not allowed. Currency codes are checked, never rewritten.
std::string_view canonicalValue(Check check, std::string_view value);

struct TimestampInfo
{
    bool naive = false;    // no zone: read as UTC
    bool offset = false;   // a zone other than Z / +00:00: converted
    bool fraction = false; // fractional seconds dropped
};
// "2024-09-18 22:00:00", "2024-09-18T22:00:00Z", "…+02:00", "…+0200", "….123Z": Unix seconds.
std::optional<std::int64_t> parseTimestamp(std::string_view text, TimestampInfo *info);
// "2024-09-18T22:00:00Z"; writes 20 characters to out.
void formatTimestamp(std::int64_t seconds, char *out);

// The offset of the first byte that is not part of valid UTF-8 (overlongs, surrogates and code
// points above U+10FFFF are invalid), or `size` when all are valid.
std::size_t findInvalidUtf8(const char *data, std::size_t size);

// Parses a JSON object of tags into `out` (reusing its nodes): string values unescaped, other
// values kept as their JSON text. False with *why on bad JSON or a non-object.
class TagsParser
{
public:
    bool parse(std::string_view json, std::map<std::string, std::string> &out, bool *nonString,
               std::string *why);
    // Empties `tags`, keeping its nodes for the next parse.
    void recycle(std::map<std::string, std::string> &tags);

private:
    std::vector<std::map<std::string, std::string>::node_type> m_pool;
};
// Checks that `json` is one JSON object (SkuPriceDetails).
bool validJsonObject(std::string_view json, std::string *why);
// Appends a JSON string literal of `text` ("…" with escapes).
void appendJsonString(std::string &out, std::string_view text);

} // namespace platformd::cost::focus::detail
