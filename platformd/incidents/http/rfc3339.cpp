// RFC 3339 timestamps as Alertmanager writes them (Go's time.RFC3339Nano): to and from Unix ms.
#include "incidents/http/webhookpayload.h"

#include <cstdio>

namespace platformd::incidents {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

void civilFromDays(std::int64_t z, std::int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = std::int64_t(yoe) + era * 400 + (*m <= 2);
}

bool isLeap(std::int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(std::int64_t y, unsigned m)
{
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : days[m - 1];
}

// Reads exactly n digits at text[*pos].
bool digits(std::string_view text, std::size_t *pos, int n, int *value)
{
    if (*pos + std::size_t(n) > text.size())
        return false;
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const char c = text[*pos + std::size_t(i)];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *pos += std::size_t(n);
    *value = v;
    return true;
}

bool expect(std::string_view text, std::size_t *pos, char a, char b = 0)
{
    if (*pos >= text.size() || (text[*pos] != a && (b == 0 || text[*pos] != b)))
        return false;
    ++*pos;
    return true;
}

} // namespace

std::optional<std::int64_t> parseRfc3339Ms(std::string_view text)
{
    std::size_t pos = 0;
    int year, month, day, hour, minute, second;
    if (!digits(text, &pos, 4, &year) || !expect(text, &pos, '-') ||
        !digits(text, &pos, 2, &month) || !expect(text, &pos, '-') ||
        !digits(text, &pos, 2, &day) || !expect(text, &pos, 'T', 't') ||
        !digits(text, &pos, 2, &hour) || !expect(text, &pos, ':') ||
        !digits(text, &pos, 2, &minute) || !expect(text, &pos, ':') ||
        !digits(text, &pos, 2, &second))
        return std::nullopt;
    // Go's parser (and so Alertmanager) refuses leap seconds: so do we.
    if (month < 1 || month > 12 || day < 1 || unsigned(day) > daysInMonth(year, unsigned(month)) ||
        hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    int millis = 0;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        int n = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (n < 3)
                millis = millis * 10 + (text[pos] - '0');
            ++n;
            ++pos;
        }
        if (n == 0 || n > 9) // Go writes at most nanoseconds
            return std::nullopt;
        for (int i = n; i < 3; ++i)
            millis *= 10;
    }
    int offsetMinutes = 0;
    if (expect(text, &pos, 'Z', 'z')) {
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        int oh, om;
        if (!digits(text, &pos, 2, &oh) || !expect(text, &pos, ':') ||
            !digits(text, &pos, 2, &om) || oh > 23 || om > 59)
            return std::nullopt;
        offsetMinutes = sign * (oh * 60 + om);
    } else {
        return std::nullopt;
    }
    if (pos != text.size())
        return std::nullopt;
    const std::int64_t days = daysFromCivil(year, unsigned(month), unsigned(day));
    const std::int64_t seconds =
        days * 86400 + hour * 3600 + minute * 60 + second - std::int64_t(offsetMinutes) * 60;
    return seconds * 1000 + millis;
}

std::string formatRfc3339Ms(std::int64_t unixMs)
{
    std::int64_t seconds = unixMs / 1000;
    std::int64_t millis = unixMs % 1000;
    if (millis < 0) {
        millis += 1000;
        seconds -= 1;
    }
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        days -= 1;
    }
    std::int64_t y;
    unsigned m, d;
    civilFromDays(days, &y, &m, &d);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ",
                  static_cast<long long>(y), m, d, int(rest / 3600), int(rest / 60 % 60),
                  int(rest % 60), int(millis));
    return buf;
}

} // namespace platformd::incidents
