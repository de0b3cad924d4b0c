#include "core/validation.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace platformd::core {

bool isValidId(std::string_view id)
{
    if (id.empty() || id.size() > 63 || id[0] < 'a' || id[0] > 'z')
        return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

namespace {

bool isHostLabel(std::string_view label)
{
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (const char c : label)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-'))
            return false;
    return true;
}

bool isIpv6(std::string_view host)
{
    if (host.size() < 2 || host.size() > 45 || host.find(':') == std::string_view::npos)
        return false;
    for (const char c : host)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ||
              c == ':' || c == '.'))
            return false;
    return true;
}

} // namespace

std::string quote(std::string_view text)
{
    std::string out = "\"";
    for (const char c : text.substr(0, 80)) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
    }
    return out + (text.size() > 80 ? "...\"" : "\"");
}

std::string checkHostPort(std::string_view endpoint)
{
    if (endpoint.size() > 261)
        return "longer than 261 bytes";
    const size_t colon = endpoint.rfind(':');
    if (colon == std::string_view::npos)
        return "expected host:port, e.g. \"eu-west.example.com:443\"";
    const std::string_view host = endpoint.substr(0, colon);
    const std::string_view port = endpoint.substr(colon + 1);
    int value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value < 1 ||
        value > 65535)
        return "the port " + quote(port) + " is not a number from 1 to 65535";
    if (host.empty())
        return "the host is missing";
    if (host.front() == '[') {
        if (host.back() != ']' || !isIpv6(host.substr(1, host.size() - 2)))
            return "the host " + quote(host) + " is not a bracketed IPv6 address";
        return {};
    }
    if (host.find(':') != std::string_view::npos)
        return "an IPv6 host must be in brackets, e.g. \"[::1]:443\"";
    if (host.size() > 253)
        return "the host is longer than 253 bytes";
    for (size_t start = 0; start <= host.size();) {
        const size_t dot = std::min(host.find('.', start), host.size());
        if (!isHostLabel(host.substr(start, dot - start)))
            return "the host " + quote(host) + " is not a valid DNS name or IP address";
        start = dot + 1;
    }
    return {};
}

bool isValidUtf8(std::string_view text)
{
    size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            extra = 1;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + size_t(extra) >= text.size())
            return false;
        for (int k = 1; k <= extra; ++k) {
            const auto d = static_cast<unsigned char>(text[i + size_t(k)]);
            if ((d & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (d & 0x3f);
        }
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
            (extra == 3 && cp < 0x10000) || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += size_t(extra) + 1;
    }
    return true;
}

} // namespace platformd::core
