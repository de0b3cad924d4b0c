// focus::Reader's row layer: the header (columns, version, mandatory columns) and each data row
// checked column by column into one reused Row (no allocation per field once warmed up).
#include "cost/focus/private/readerimpl.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace platformd::cost::focus {

namespace {

using detail::Check;
using detail::ColumnSpec;
using detail::Type;

std::string quoted(std::string_view text)
{
    std::string s = "\"";
    s.append(text.substr(0, 200));
    if (text.size() > 200)
        s += "…";
    s += '"';
    return s;
}

std::string timeText(std::int64_t seconds)
{
    char buf[21] = {};
    detail::formatTimestamp(seconds, buf);
    return std::string(buf, 20);
}

std::string notAllowed(Check check, std::string_view value)
{
    switch (check) {
    case Check::ChargeCategory:
        return "not a ChargeCategory (Usage, Purchase, Tax, Credit, Adjustment): " + quoted(value);
    case Check::ChargeClass:
        return "not a ChargeClass (null or Correction): " + quoted(value);
    case Check::ChargeFrequency:
        return "not a ChargeFrequency (One-Time, Recurring, Usage-Based): " + quoted(value);
    case Check::Currency:
        return "not a currency code (three upper-case letters): " + quoted(value);
    case Check::None:
        break;
    }
    return "not allowed: " + quoted(value);
}

} // namespace

void Reader::Impl::note(std::string text)
{
    if (std::find(notes.begin(), notes.end(), text) == notes.end())
        notes.push_back(std::move(text));
}

bool Reader::Impl::reject(std::int64_t rowNo, std::size_t column, std::string reason)
{
    ++stats.rowsRejected;
    if (onRejection)
        onRejection(Rejection{rowNo, columnName(column), std::move(reason)});
    return false;
}

std::string_view Reader::Impl::fieldText(const char *rec, std::size_t index)
{
    const Field &f = fields[index];
    std::string_view v(rec + f.begin, f.end - f.begin);
    if (!(f.flags & Escaped))
        return v;
    // Doubled quotes become one.
    std::string &out = scratch[index];
    out.clear();
    while (!v.empty()) {
        const std::size_t q = v.find('"');
        if (q == std::string_view::npos) {
            out.append(v);
            break;
        }
        out.append(v.substr(0, q + 1));
        v.remove_prefix(std::min(v.size(), q + 2));
    }
    return out;
}

void Reader::Impl::record(const char *rec, std::size_t size)
{
    // A blank line (or a final line break) is no record.
    if (fields.size() == 1 && fields[0].flags == 0 && fields[0].begin == fields[0].end)
        return;
    const std::size_t bad = detail::findInvalidUtf8(rec, size);
    if (bad != size) {
        std::size_t column = 0;
        while (column + 1 < fields.size() && fields[column + 1].begin <= bad)
            ++column;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", unsigned(static_cast<unsigned char>(rec[bad])));
        const std::int64_t rowNo = currentRow();
        if (haveHeader) {
            ++dataRows;
            ++stats.rowsRead;
        }
        setFatal(rowNo, haveHeader ? columnName(column) : std::string(),
                 std::string("not UTF-8: byte ") + hex + " in field " + std::to_string(column + 1));
        return;
    }
    if (haveHeader)
        row(rec, size);
    else
        header(rec, size);
}

void Reader::Impl::header(const char *rec, std::size_t)
{
    haveHeader = true;
    const std::size_t n = fields.size();
    scratch.resize(n);
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < n; ++i) {
        std::string name(fieldText(rec, i));
        // Surrounding blanks are not part of a column name.
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t'))
            name.pop_back();
        name.erase(0, std::min(name.size(), name.find_first_not_of(" \t")));
        if (fields[i].flags & Stray) {
            setFatal(0, name, "a stray quote in the header");
            return;
        }
        const auto [it, inserted] = seen.emplace(name, i);
        if (!inserted) {
            setFatal(0, name,
                     "duplicated column (columns " + std::to_string(it->second + 1) + " and " +
                         std::to_string(i + 1) + ")");
            return;
        }
        columns.push_back(std::move(name));
    }
    std::vector<std::string> missing;
    for (const ColumnSpec &c : detail::columnSpecs()) {
        if (c.mandatory && !seen.count(std::string(c.name)))
            missing.emplace_back(c.name);
    }
    if (!missing.empty()) {
        std::string reason = "mandatory column missing";
        if (missing.size() > 1) {
            reason += " (also missing:";
            for (std::size_t i = 1; i < missing.size(); ++i)
                reason += (i > 1 ? ", " : " ") + missing[i];
            reason += ')';
        }
        setFatal(0, missing.front(), reason);
        return;
    }

    current = Row{};
    version = 10;
    specs.assign(n, nullptr);
    extraIndex.assign(n, -1);
    timeCache.assign(n, TimeCache{});
    notedEmptyNull.assign(n, 0);
    notedCase.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const ColumnSpec *spec = detail::findColumn(columns[i]);
        specs[i] = spec;
        if (!spec)
            unknown.push_back(columns[i]);
        else
            version = std::max(version, spec->since);
        if (!spec || (!spec->text && !spec->decimal && !spec->optionalDecimal && !spec->time &&
                      !spec->tags)) {
            extraIndex[i] = int(current.extra.size());
            current.extra.emplace_back(columns[i], std::string());
        }
        const std::string &c = columns[i];
        if (c == "BillingPeriodStart")
            colBillingStart = int(i);
        else if (c == "BillingPeriodEnd")
            colBillingEnd = int(i);
        else if (c == "ChargePeriodStart")
            colChargeStart = int(i);
        else if (c == "ChargePeriodEnd")
            colChargeEnd = int(i);
        else if (c == "BillingCurrency")
            colCurrency = int(i);
    }
    if (!unknown.empty()) {
        std::string text = "columns outside FOCUS 1.0–1.2 kept as text:";
        for (std::size_t i = 0; i < unknown.size(); ++i)
            text += (i ? ", " : " ") + unknown[i];
        note(std::move(text));
    }
}

void Reader::Impl::row(const char *rec, std::size_t)
{
    const std::int64_t rowNo = ++dataRows;
    ++stats.rowsRead;
    const std::size_t n = columns.size();
    if (fields.size() != n) {
        reject(rowNo, std::size_t(-1),
               "expected " + std::to_string(n) + " fields, found " + std::to_string(fields.size()));
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Field &f = fields[i];
        if (f.flags & Stray) {
            reject(rowNo, i,
                   f.flags & Quoted ? "text after the closing quote"
                                    : "a quote inside an unquoted field");
            return;
        }
        std::string_view v = fieldText(rec, i);
        const bool isNull = !(f.flags & Quoted) && (v.empty() || v == "NULL");
        const ColumnSpec *s = specs[i];
        const int extra = extraIndex[i];
        if (!s) {
            current.extra[std::size_t(extra)].second.assign(isNull ? std::string_view() : v);
            continue;
        }
        if (isNull && s->nullAsZero) {
            if (!notedCase[i]) {
                notedCase[i] = 1;
                note(columns[i] + ": null, though FOCUS allows none, is read as 0 (first at row " +
                     std::to_string(rowNo) + ")");
            }
            current.*(s->decimal) = Decimal();
            continue;
        }
        if (isNull) {
            if (!s->nullable) {
                reject(rowNo, i,
                       v.empty() ? "empty, but the column allows no nulls"
                                 : "NULL, but the column allows no nulls");
                return;
            }
            if (v.empty() && !notedEmptyNull[i]) {
                notedEmptyNull[i] = 1;
                note(columns[i] + ": an empty field is read as null (first at row " +
                     std::to_string(rowNo) + ")");
            }
            if (s->text)
                (current.*(s->text)).clear();
            else if (s->optionalDecimal)
                (current.*(s->optionalDecimal)).reset();
            else if (s->tags) {
                tags.recycle(current.tags);
                current.tagsJson.clear();
            }
            if (extra >= 0)
                current.extra[std::size_t(extra)].second.clear();
            continue;
        }
        switch (s->type) {
        case Type::String:
            if (v.empty() && !s->nullable) {
                reject(rowNo, i, "empty, but the column allows no nulls");
                return;
            }
            if (s->check != Check::None) {
                const std::string_view canonical = detail::canonicalValue(s->check, v);
                if (canonical.empty()) {
                    reject(rowNo, i, notAllowed(s->check, v));
                    return;
                }
                if (canonical != v && !notedCase[i]) {
                    notedCase[i] = 1;
                    note(columns[i] + ": " + quoted(v) + " is read as " + quoted(canonical) +
                         " (first at row " + std::to_string(rowNo) + ")");
                }
                v = canonical;
            }
            if (s->text)
                (current.*(s->text)).assign(v);
            break;
        case Type::Decimal: {
            const std::optional<Decimal> d = Decimal::parse(v, &why);
            if (!d) {
                reject(rowNo, i, why);
                return;
            }
            if (s->decimal)
                current.*(s->decimal) = *d;
            else if (s->optionalDecimal)
                current.*(s->optionalDecimal) = *d;
            break;
        }
        case Type::DateTime: {
            TimeCache &cache = timeCache[i];
            if (!cache.valid || cache.text != v) {
                detail::TimestampInfo info;
                const std::optional<std::int64_t> t = detail::parseTimestamp(v, &info);
                if (!t) {
                    cache.valid = false;
                    reject(rowNo, i, "not a date/time: " + quoted(v));
                    return;
                }
                if (info.naive && !notedNaive) {
                    notedNaive = true;
                    note("timestamps without a time zone are read as UTC");
                }
                if (info.offset && !notedOffset) {
                    notedOffset = true;
                    note("timestamps with a UTC offset are converted to UTC");
                }
                if (info.fraction && !notedFraction) {
                    notedFraction = true;
                    note("fractions of a second are dropped");
                }
                cache.text.assign(v);
                cache.value = *t;
                cache.valid = true;
            }
            if (s->time)
                current.*(s->time) = cache.value;
            break;
        }
        case Type::Json:
            if (s->tags) {
                bool nonString = false;
                if (!tags.parse(v, current.tags, &nonString, &why)) {
                    reject(rowNo, i, why);
                    return;
                }
                current.tagsJson.assign(v);
                if (nonString && !notedNonString) {
                    notedNonString = true;
                    note("Tags values that are not strings are kept as their JSON text");
                }
            } else if (!detail::validJsonObject(v, &why)) {
                reject(rowNo, i, why);
                return;
            }
            break;
        }
        if (extra >= 0)
            current.extra[std::size_t(extra)].second.assign(v);
    }

    // Rules across columns (the mandatory columns are all present).
    if (current.billingPeriodStart >= current.billingPeriodEnd) {
        reject(rowNo, std::size_t(colBillingEnd),
               "BillingPeriodEnd " + timeText(current.billingPeriodEnd) +
                   " is not after BillingPeriodStart " + timeText(current.billingPeriodStart));
        return;
    }
    if (current.chargePeriodStart > current.chargePeriodEnd) {
        reject(rowNo, std::size_t(colChargeEnd),
               "ChargePeriodEnd " + timeText(current.chargePeriodEnd) +
                   " is before ChargePeriodStart " + timeText(current.chargePeriodStart));
        return;
    }
    // One currency per billing account: the first accepted row's.
    if (!lastCurrency || lastAccount != current.billingAccountId) {
        auto it = currencies.find(current.billingAccountId);
        if (it == currencies.end()) {
            it = currencies
                     .emplace(current.billingAccountId, Currency{current.billingCurrency, rowNo})
                     .first;
        }
        lastAccount = current.billingAccountId;
        lastCurrency = &it->second;
    }
    if (lastCurrency->code != current.billingCurrency) {
        reject(rowNo, std::size_t(colCurrency),
               "billing account " + quoted(current.billingAccountId) + " is billed in " +
                   lastCurrency->code + " (since row " + std::to_string(lastCurrency->firstRow) +
                   "), this row in " + current.billingCurrency);
        return;
    }
    current.line = rowNo;
    ++stats.rowsAccepted;
    if (onRow)
        onRow(current);
}

} // namespace platformd::cost::focus
