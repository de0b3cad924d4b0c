#include "core/pagination.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

namespace platformd::core {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr const char *kTokenVersion = "p1";

std::string base64url(const std::string &in)
{
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const unsigned char c : in) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += kAlphabet[(buffer >> bits) & 63];
        }
    }
    if (bits > 0)
        out += kAlphabet[(buffer << (6 - bits)) & 63];
    return out;
}

bool unbase64url(const std::string &in, std::string *out)
{
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : in) {
        const char *p = std::char_traits<char>::find(kAlphabet, 64, c);
        if (!p)
            return false;
        buffer = (buffer << 6) | unsigned(p - kAlphabet);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            *out += char((buffer >> bits) & 0xff);
        }
    }
    return true;
}

std::vector<std::string> split(const std::string &s, char sep)
{
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        const size_t end = s.find(sep, start);
        parts.push_back(s.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            return parts;
        start = end + 1;
    }
}

} // namespace

std::uint64_t requestFingerprint(const std::string &parent, const std::string &filter,
                                 const std::string &orderBy)
{
    return requestFingerprint({}, parent, filter, orderBy);
}

std::uint64_t requestFingerprint(const std::string &collection, const std::string &parent,
                                 const std::string &filter, const std::string &orderBy)
{
    std::uint64_t h = 1469598103934665603ULL; // FNV-1a
    if (!collection.empty()) {
        for (const unsigned char c : collection) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h ^= 0xfe; // a separator no UTF-8 text contains
        h *= 1099511628211ULL;
    }
    for (const std::string *part : {&parent, &filter, &orderBy}) {
        for (const unsigned char c : *part) {
            h ^= c;
            h *= 1099511628211ULL;
        }
        h ^= 0xff; // separator, so ("a", "b") and ("ab", "") differ
        h *= 1099511628211ULL;
    }
    return h;
}

std::string encodePageToken(int offset, std::uint64_t fingerprint)
{
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fingerprint));
    return base64url(std::string(kTokenVersion) + "|" + std::to_string(offset) + "|" + hex);
}

bool resolvePage(std::int32_t pageSize, const std::string &pageToken, PageLimits limits,
                 std::uint64_t fingerprint, Page *out, std::string *error)
{
    if (pageSize < 0) {
        *error = "page_size: must not be negative";
        return false;
    }
    out->size = pageSize == 0 ? limits.defaultSize : std::min(pageSize, limits.maxSize);
    out->offset = 0;
    if (pageToken.empty())
        return true;
    std::string decoded;
    const auto parts =
        unbase64url(pageToken, &decoded) ? split(decoded, '|') : std::vector<std::string>();
    int offset = -1;
    std::uint64_t tokenFingerprint = 0;
    const bool wellFormed =
        parts.size() == 3 && parts[0] == kTokenVersion && parts[2].size() == 16 &&
        std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), offset).ec ==
            std::errc() &&
        offset >= 0 &&
        std::from_chars(parts[2].data(), parts[2].data() + 16, tokenFingerprint, 16).ec ==
            std::errc();
    if (!wellFormed) {
        *error = "page_token: not a valid page token";
        return false;
    }
    if (tokenFingerprint != fingerprint) {
        *error = "page_token does not match the request (filter, order_by and parent must stay the "
                 "same)";
        return false;
    }
    out->offset = offset;
    return true;
}

std::string nextPageToken(const Page &page, int total, std::uint64_t fingerprint)
{
    const long long next = static_cast<long long>(page.offset) + page.size;
    return next < total ? encodePageToken(int(next), fingerprint) : std::string();
}

} // namespace platformd::core
