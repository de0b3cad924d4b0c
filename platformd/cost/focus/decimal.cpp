// Decimal: parsing and formatting of 10^-18 fixed-point numbers without floating point.
#include "cost/focus/decimal.h"

#include <cmath>
#include <cstdio>

namespace platformd::cost::focus {

namespace {

__extension__ typedef unsigned __int128 u128;

constexpr u128 pow10(int n)
{
    u128 v = 1;
    for (int i = 0; i < n; ++i)
        v *= 10;
    return v;
}

constexpr u128 kOne = pow10(Decimal::kScale);
// |value| < 1e20, so |units| < 1e38 (an unsigned 128-bit integer holds 3.4e38).
constexpr u128 kLimit = pow10(38);

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::optional<Decimal> refuse(std::string *why, std::string reason)
{
    if (why)
        *why = std::move(reason);
    return std::nullopt;
}

// Writes the digits of v (no sign) backwards ending at *end; returns the first character.
char *digitsBackwards(u128 v, char *end)
{
    do {
        *--end = char('0' + int(v % 10));
        v /= 10;
    } while (v != 0);
    return end;
}

// "123.456" from a magnitude in units, with exactly `decimals` fractional digits (truncated; the
// caller rounds) or, when trim, the shortest exact fraction.
std::string format(bool negative, u128 magnitude, int decimals, bool trim)
{
    const u128 intPart = magnitude / kOne;
    u128 frac = magnitude % kOne;
    char buf[64];
    char *end = buf + sizeof buf;
    char *p = end;
    // Fraction: 18 digits, then keep `decimals` of them (or trim zeros).
    char fracDigits[Decimal::kScale];
    for (int i = Decimal::kScale - 1; i >= 0; --i) {
        fracDigits[i] = char('0' + int(frac % 10));
        frac /= 10;
    }
    int keep = trim ? Decimal::kScale : decimals;
    if (trim) {
        while (keep > 0 && fracDigits[keep - 1] == '0')
            --keep;
    }
    p -= keep;
    for (int i = 0; i < keep; ++i)
        p[i] = fracDigits[i];
    if (keep > 0)
        *--p = '.';
    p = digitsBackwards(intPart, p);
    if (negative && magnitude != 0)
        *--p = '-';
    return std::string(p, std::size_t(end - p));
}

} // namespace

std::optional<Decimal> Decimal::parse(std::string_view text, std::string *why)
{
    const char *p = text.data();
    const char *const end = p + text.size();
    if (p == end)
        return refuse(why, "not a decimal: empty");
    bool negative = false;
    if (*p == '+' || *p == '-') {
        negative = *p == '-';
        ++p;
    }
    const char *intBegin = p;
    while (p != end && isDigit(*p))
        ++p;
    const char *intEnd = p;
    const char *fracBegin = p;
    const char *fracEnd = p;
    if (p != end && *p == '.') {
        fracBegin = ++p;
        while (p != end && isDigit(*p))
            ++p;
        fracEnd = p;
    }
    if (intBegin == intEnd && fracBegin == fracEnd)
        return refuse(why, "not a decimal: \"" + std::string(text) + "\"");
    long exponent = 0;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool expNegative = false;
        if (p != end && (*p == '+' || *p == '-')) {
            expNegative = *p == '-';
            ++p;
        }
        if (p == end || !isDigit(*p))
            return refuse(why, "not a decimal: \"" + std::string(text) + "\"");
        while (p != end && isDigit(*p)) {
            if (exponent < 100000)
                exponent = exponent * 10 + (*p - '0');
            ++p;
        }
        if (expNegative)
            exponent = -exponent;
    }
    if (p != end)
        return refuse(why, "not a decimal: \"" + std::string(text) + "\"");

    // The significant digits: integer then fraction digits without leading and trailing zeros;
    // value = digits * 10^scale10.
    long scale10 = exponent - long(fracEnd - fracBegin);
    // Walk the digits as one sequence (integer part, then fraction part).
    auto at = [&](std::size_t i) {
        const std::size_t nInt = std::size_t(intEnd - intBegin);
        return i < nInt ? intBegin[i] : fracBegin[i - nInt];
    };
    std::size_t first = 0;
    std::size_t last = std::size_t(intEnd - intBegin) + std::size_t(fracEnd - fracBegin);
    while (first < last && at(first) == '0')
        ++first;
    if (first == last)
        return Decimal();
    while (at(last - 1) == '0') {
        --last;
        ++scale10;
    }
    const long significant = long(last - first);
    const long unitsShift = scale10 + kScale; // units = digits * 10^unitsShift
    if (unitsShift < 0)
        return refuse(why, "more than 18 decimals: \"" + std::string(text) + "\"");
    if (significant + unitsShift > 38)
        return refuse(why, "too large (|value| >= 1e20): \"" + std::string(text) + "\"");
    u128 v = 0;
    for (std::size_t i = first; i < last; ++i)
        v = v * 10 + u128(at(i) - '0');
    for (long i = 0; i < unitsShift; ++i)
        v *= 10;
    if (v >= kLimit)
        return refuse(why, "too large (|value| >= 1e20): \"" + std::string(text) + "\"");
    return fromUnits(negative ? -Int128(v) : Int128(v));
}

Decimal Decimal::fromDouble(double value, int decimals)
{
    if (!std::isfinite(value))
        return Decimal();
    if (decimals < 0)
        decimals = 0;
    if (decimals > 17)
        decimals = 17; // %.*f of a double beyond that is noise
    if (std::fabs(value) >= 1e20)
        return fromUnits(value < 0 ? -Int128(kLimit - 1) : Int128(kLimit - 1));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    if (auto d = parse(buf))
        return *d;
    return Decimal();
}

std::string Decimal::toString() const
{
    const bool negative = m_units < 0;
    const u128 magnitude = negative ? u128(-(m_units + 1)) + 1 : u128(m_units);
    return format(negative, magnitude, 0, true);
}

std::string Decimal::toString(int decimals) const
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > kScale)
        decimals = kScale;
    const bool negative = m_units < 0;
    u128 magnitude = negative ? u128(-(m_units + 1)) + 1 : u128(m_units);
    // Round half away from zero at `decimals` places.
    const u128 step = pow10(kScale - decimals);
    const u128 rest = magnitude % step;
    magnitude -= rest;
    if (step > 1 && rest * 2 >= step)
        magnitude += step;
    return format(negative, magnitude, decimals, false);
}

double Decimal::toDouble() const
{
    const bool negative = m_units < 0;
    const u128 magnitude = negative ? u128(-(m_units + 1)) + 1 : u128(m_units);
    const double v = double(magnitude / kOne) + double(magnitude % kOne) / 1e18;
    return negative ? -v : v;
}

} // namespace platformd::cost::focus
