// Values inside FOCUS fields: timestamps, UTF-8 checks and the Tags JSON (a small own parser: no
// allocation per tag once the row's map has nodes to reuse).
#include "cost/focus/private/focusparse.h"

#include <cstring>

namespace platformd::cost::focus::detail {

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

unsigned daysInMonth(int y, int m)
{
    static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

// Exactly n digits at p[0..n).
bool digits(const char *p, int n, int *value)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        const unsigned d = unsigned(p[i] - '0');
        if (d > 9)
            return false;
        v = v * 10 + int(d);
    }
    *value = v;
    return true;
}

// --- JSON ---------------------------------------------------------------------------------------

class Json
{
public:
    Json(std::string_view text, std::string *why)
        : m_p(text.data())
        , m_end(text.data() + text.size())
        , m_begin(text.data())
        , m_why(why)
    {}

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    bool atEnd() const { return m_p == m_end; }
    bool peek(char c) const { return m_p != m_end && *m_p == c; }
    bool eat(char c)
    {
        if (!peek(c))
            return false;
        ++m_p;
        return true;
    }
    const char *pos() const { return m_p; }

    bool fail(const char *what)
    {
        if (m_why) {
            *m_why = "bad JSON at offset " + std::to_string(m_p - m_begin) + ": " + what;
        }
        return false;
    }

    // A string at m_p (the opening quote); unescaped into *out when out is not null.
    bool string(std::string *out)
    {
        if (!eat('"'))
            return fail("expected a string");
        if (out)
            out->clear();
        for (;;) {
            const char *run = m_p;
            while (m_p != m_end && *m_p != '"' && *m_p != '\\' && (unsigned char)*m_p >= 0x20)
                ++m_p;
            if (out)
                out->append(run, std::size_t(m_p - run));
            if (m_p == m_end)
                return fail("string not closed");
            if (*m_p == '"') {
                ++m_p;
                return true;
            }
            if ((unsigned char)*m_p < 0x20)
                return fail("control character in a string");
            ++m_p; // backslash
            if (m_p == m_end)
                return fail("string not closed");
            const char e = *m_p++;
            char c = 0;
            switch (e) {
            case '"':
                c = '"';
                break;
            case '\\':
                c = '\\';
                break;
            case '/':
                c = '/';
                break;
            case 'b':
                c = '\b';
                break;
            case 'f':
                c = '\f';
                break;
            case 'n':
                c = '\n';
                break;
            case 'r':
                c = '\r';
                break;
            case 't':
                c = '\t';
                break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(&cp))
                    return fail("bad \\u escape");
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned lo = 0;
                    if (!eat('\\') || !eat('u') || !hex4(&lo) || lo < 0xDC00 || lo > 0xDFFF)
                        return fail("unpaired surrogate in \\u escape");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return fail("unpaired surrogate in \\u escape");
                }
                if (out)
                    appendUtf8(out, cp);
                continue;
            }
            default:
                return fail("bad escape in a string");
            }
            if (out)
                out->push_back(c);
        }
    }

    // Any JSON value (validated, not kept).
    bool value(int depth)
    {
        if (depth > 64)
            return fail("nested too deeply");
        skipSpace();
        if (m_p == m_end)
            return fail("expected a value");
        switch (*m_p) {
        case '"':
            return string(nullptr);
        case '{': {
            ++m_p;
            skipSpace();
            if (eat('}'))
                return true;
            for (;;) {
                skipSpace();
                if (!string(nullptr))
                    return false;
                skipSpace();
                if (!eat(':'))
                    return fail("expected ':'");
                if (!value(depth + 1))
                    return false;
                skipSpace();
                if (eat('}'))
                    return true;
                if (!eat(','))
                    return fail("expected ',' or '}'");
            }
        }
        case '[': {
            ++m_p;
            skipSpace();
            if (eat(']'))
                return true;
            for (;;) {
                if (!value(depth + 1))
                    return false;
                skipSpace();
                if (eat(']'))
                    return true;
                if (!eat(','))
                    return fail("expected ',' or ']'");
            }
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

private:
    bool literal(const char *word)
    {
        const std::size_t n = std::strlen(word);
        if (std::size_t(m_end - m_p) < n || std::memcmp(m_p, word, n) != 0)
            return fail("unexpected character");
        m_p += n;
        return true;
    }

    bool number()
    {
        auto isDigit = [this] {
            return m_p != m_end && *m_p >= '0' && *m_p <= '9';
        };
        eat('-');
        if (eat('0')) {
        } else if (isDigit()) {
            while (isDigit())
                ++m_p;
        } else {
            return fail("unexpected character");
        }
        if (eat('.')) {
            if (!isDigit())
                return fail("bad number");
            while (isDigit())
                ++m_p;
        }
        if (peek('e') || peek('E')) {
            ++m_p;
            if (!eat('+'))
                eat('-');
            if (!isDigit())
                return fail("bad number");
            while (isDigit())
                ++m_p;
        }
        return true;
    }

    bool hex4(unsigned *v)
    {
        if (m_end - m_p < 4)
            return false;
        unsigned r = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *m_p++;
            r <<= 4;
            if (c >= '0' && c <= '9')
                r |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                r |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                r |= unsigned(c - 'A' + 10);
            else
                return false;
        }
        *v = r;
        return true;
    }

    static void appendUtf8(std::string *out, unsigned cp)
    {
        if (cp < 0x80) {
            out->push_back(char(cp));
        } else if (cp < 0x800) {
            out->push_back(char(0xC0 | (cp >> 6)));
            out->push_back(char(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out->push_back(char(0xE0 | (cp >> 12)));
            out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out->push_back(char(0x80 | (cp & 0x3F)));
        } else {
            out->push_back(char(0xF0 | (cp >> 18)));
            out->push_back(char(0x80 | ((cp >> 12) & 0x3F)));
            out->push_back(char(0x80 | ((cp >> 6) & 0x3F)));
            out->push_back(char(0x80 | (cp & 0x3F)));
        }
    }

    const char *m_p;
    const char *m_end;
    const char *m_begin;
    std::string *m_why;
};

} // namespace

std::optional<std::int64_t> parseTimestamp(std::string_view text, TimestampInfo *info)
{
    // YYYY-MM-DD?HH:MM:SS
    if (text.size() < 19)
        return std::nullopt;
    const char *p = text.data();
    int year, month, day, hour, minute, second;
    if (!digits(p, 4, &year) || p[4] != '-' || !digits(p + 5, 2, &month) || p[7] != '-' ||
        !digits(p + 8, 2, &day) || (p[10] != 'T' && p[10] != ' ' && p[10] != 't') ||
        !digits(p + 11, 2, &hour) || p[13] != ':' || !digits(p + 14, 2, &minute) || p[16] != ':' ||
        !digits(p + 17, 2, &second))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || unsigned(day) > daysInMonth(year, month) ||
        hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    std::size_t i = 19;
    bool fraction = false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            fraction = fraction || text[i] != '0';
            ++i;
        }
        if (i == start)
            return std::nullopt;
    }
    std::int64_t offsetSeconds = 0;
    bool naive = false;
    if (i == text.size()) {
        naive = true;
    } else if ((text[i] == 'Z' || text[i] == 'z') && i + 1 == text.size()) {
    } else if (text[i] == '+' || text[i] == '-') {
        const bool negative = text[i] == '-';
        const std::string_view zone = text.substr(i + 1);
        int oh = 0, om = 0;
        if (zone.size() == 5 && zone[2] == ':') {
            if (!digits(zone.data(), 2, &oh) || !digits(zone.data() + 3, 2, &om))
                return std::nullopt;
        } else if (zone.size() == 4) {
            if (!digits(zone.data(), 2, &oh) || !digits(zone.data() + 2, 2, &om))
                return std::nullopt;
        } else if (zone.size() == 2) {
            if (!digits(zone.data(), 2, &oh))
                return std::nullopt;
        } else {
            return std::nullopt;
        }
        if (oh > 23 || om > 59)
            return std::nullopt;
        offsetSeconds = (oh * 3600 + om * 60) * (negative ? -1 : 1);
    } else {
        return std::nullopt;
    }
    if (info) {
        info->naive = naive;
        info->offset = offsetSeconds != 0;
        info->fraction = fraction;
    }
    return daysFromCivil(year, unsigned(month), unsigned(day)) * 86400 + hour * 3600 + minute * 60 +
           second - offsetSeconds;
}

void formatTimestamp(std::int64_t seconds, char *out)
{
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    std::int64_t y;
    unsigned m, d;
    civilFromDays(days, &y, &m, &d);
    auto put = [](char *p, std::int64_t v, int n) {
        for (int i = n - 1; i >= 0; --i) {
            p[i] = char('0' + int(v % 10));
            v /= 10;
        }
    };
    if (y < 0 || y > 9999)
        y = y < 0 ? 0 : 9999;
    put(out, y, 4);
    out[4] = '-';
    put(out + 5, m, 2);
    out[7] = '-';
    put(out + 8, d, 2);
    out[10] = 'T';
    put(out + 11, rest / 3600, 2);
    out[13] = ':';
    put(out + 14, rest / 60 % 60, 2);
    out[16] = ':';
    put(out + 17, rest % 60, 2);
    out[19] = 'Z';
}

std::size_t findInvalidUtf8(const char *data, std::size_t size)
{
    const auto *s = reinterpret_cast<const unsigned char *>(data);
    std::size_t i = 0;
    while (i < size) {
        // ASCII fast path, 8 bytes at a time.
        while (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= size)
            break;
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0)
                lo = 0xA0; // overlong
            else if (c == 0xED)
                hi = 0x9F; // surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return i;
        }
        if (i + n >= size) // truncated sequence
            return i;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (std::size_t k = 2; k <= n; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
        }
        i += n + 1;
    }
    return size;
}

void TagsParser::recycle(std::map<std::string, std::string> &tags)
{
    while (!tags.empty())
        m_pool.push_back(tags.extract(tags.begin()));
}

bool TagsParser::parse(std::string_view json, std::map<std::string, std::string> &out,
                       bool *nonString, std::string *why)
{
    recycle(out);
    Json j(json, why);
    j.skipSpace();
    if (!j.eat('{'))
        return j.fail("Tags is not a JSON object");
    j.skipSpace();
    if (j.eat('}')) {
        j.skipSpace();
        return j.atEnd() || j.fail("text after the object");
    }
    for (;;) {
        j.skipSpace();
        std::map<std::string, std::string>::node_type node;
        if (m_pool.empty()) {
            std::map<std::string, std::string> fresh;
            fresh.emplace();
            node = fresh.extract(fresh.begin());
        } else {
            node = std::move(m_pool.back());
            m_pool.pop_back();
        }
        if (!j.string(&node.key())) {
            m_pool.push_back(std::move(node));
            return false;
        }
        j.skipSpace();
        if (!j.eat(':')) {
            m_pool.push_back(std::move(node));
            return j.fail("expected ':'");
        }
        j.skipSpace();
        bool ok;
        if (j.peek('"')) {
            ok = j.string(&node.mapped());
        } else {
            const char *start = j.pos();
            ok = j.value(1);
            if (ok) {
                node.mapped().assign(start, std::size_t(j.pos() - start));
                if (nonString)
                    *nonString = true;
            }
        }
        if (!ok) {
            m_pool.push_back(std::move(node));
            return false;
        }
        auto inserted = out.insert(std::move(node));
        if (!inserted.inserted) { // a repeated key: the last one wins
            inserted.position->second.swap(inserted.node.mapped());
            m_pool.push_back(std::move(inserted.node));
        }
        j.skipSpace();
        if (j.eat('}'))
            break;
        if (!j.eat(','))
            return j.fail("expected ',' or '}'");
    }
    j.skipSpace();
    return j.atEnd() || j.fail("text after the object");
}

bool validJsonObject(std::string_view json, std::string *why)
{
    Json j(json, why);
    j.skipSpace();
    if (!j.peek('{'))
        return j.fail("not a JSON object");
    if (!j.value(0))
        return false;
    j.skipSpace();
    return j.atEnd() || j.fail("text after the object");
}

void appendJsonString(std::string &out, std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (c < 0x20) {
            out.append("\\u00");
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
}

} // namespace platformd::cost::focus::detail
