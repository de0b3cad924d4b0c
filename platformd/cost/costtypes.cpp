#include "cost/private/costtypes.h"

#include <cmath>
#include <cstdio>

namespace platformd::cost {

namespace {

std::string digitsOf(Units u) // u >= 0
{
    if (u == 0)
        return "0";
    std::string s;
    while (u > 0) {
        s.push_back(char('0' + int(u % 10)));
        u /= 10;
    }
    return {s.rbegin(), s.rend()};
}

} // namespace

std::string amountText(Units units)
{
    const bool negative = units < 0;
    const Units a = negative ? -units : units;
    std::string whole = digitsOf(a / kUnitsPerWhole);
    std::string frac = digitsOf(a % kUnitsPerWhole);
    frac.insert(0, 18 - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0')
        frac.pop_back();
    std::string out = negative ? "-" : "";
    out += whole;
    if (!frac.empty())
        out += "." + frac;
    return out == "-0" ? "0" : out;
}

std::string amountText(Units units, int decimals)
{
    decimals = std::max(0, std::min(decimals, 18));
    Units scale = 1;
    for (int i = 0; i < 18 - decimals; ++i)
        scale *= 10;
    const bool negative = units < 0;
    Units a = negative ? -units : units;
    a = (a + scale / 2) / scale; // half away from zero
    Units pow = 1;
    for (int i = 0; i < decimals; ++i)
        pow *= 10;
    std::string out = negative && a != 0 ? "-" : "";
    out += digitsOf(a / pow);
    if (decimals > 0) {
        std::string frac = digitsOf(a % pow);
        frac.insert(0, std::size_t(decimals) - frac.size(), '0');
        out += "." + frac;
    }
    return out;
}

std::optional<Units> parseAmount(std::string_view text)
{
    if (text.empty() || text.size() > 60)
        return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    Units whole = 0, frac = 0;
    int wholeDigits = 0, fracDigits = 0;
    for (; i < text.size() && text[i] != '.'; ++i) {
        if (text[i] < '0' || text[i] > '9' || wholeDigits >= 20)
            return std::nullopt;
        whole = whole * 10 + (text[i] - '0');
        ++wholeDigits;
    }
    if (i < text.size()) {
        for (++i; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9' || fracDigits >= 18)
                return std::nullopt;
            frac = frac * 10 + (text[i] - '0');
            ++fracDigits;
        }
    }
    if (wholeDigits + fracDigits == 0)
        return std::nullopt;
    for (int k = fracDigits; k < 18; ++k)
        frac *= 10;
    const Units u = whole * kUnitsPerWhole + frac;
    if (whole >= Units(100000000000000000LL) * 1000) // >= 1e20
        return std::nullopt;
    return negative ? -u : u;
}

double toDouble(Units units)
{
    return double(units / kUnitsPerWhole) + double(units % kUnitsPerWhole) / 1e18;
}

Units fromDouble(double value)
{
    if (!std::isfinite(value))
        return 0;
    const double micro = std::round(value * 1e6);
    return Units(static_cast<long long>(micro)) * Units(1000000000000LL);
}

Civil civilOf(std::int64_t day)
{
    // Howard Hinnant's civil_from_days.
    std::int64_t z = day + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = yoe + era * 400;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return {int(y + (m <= 2)), int(m), int(d)};
}

std::int64_t dayOfCivil(int year, int month, int day)
{
    const std::int64_t y = year - (month <= 2);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int weekdayOf(std::int64_t day)
{
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    return int(((day % 7) + 7 + 3) % 7);
}

std::string monthText(std::int64_t day)
{
    const Civil c = civilOf(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
    return buf;
}

std::string dateText(std::int64_t day)
{
    const Civil c = civilOf(day);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

std::string modelOfTag(std::string_view tagValue)
{
    if (tagValue.empty())
        return {};
    if (tagValue.starts_with("models/"))
        return std::string(tagValue);
    return "models/" + std::string(tagValue);
}

std::string tagsJson(const std::map<std::string, std::string> &tags)
{
    auto escape = [](const std::string &s) {
        std::string out = "\"";
        for (const char ch : s) {
            const auto c = static_cast<unsigned char>(ch);
            if (c == '"' || c == '\\') {
                out.push_back('\\');
                out.push_back(ch);
            } else if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out.push_back(ch);
            }
        }
        return out + "\"";
    };
    std::string out = "{";
    for (const auto &[k, v] : tags) {
        if (out.size() > 1)
            out.push_back(',');
        out += escape(k) + ":" + escape(v);
    }
    return out + "}";
}

} // namespace platformd::cost
