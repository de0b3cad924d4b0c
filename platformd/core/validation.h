#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace platformd::core {

// Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool isValidUtf8(std::string_view text);
// Resource ids: [a-z][a-z0-9-]{0,62}.
bool isValidId(std::string_view id);
// A gRPC target "host:port": host a DNS name, an IPv4 address or a bracketed IPv6 address, port
// 1..65535. Returns an empty string, or what is wrong with it.
std::string checkHostPort(std::string_view endpoint);

// Text in double quotes for an error message: at most 80 bytes, quotes and backslashes escaped,
// control characters as "?".
std::string quote(std::string_view text);

} // namespace platformd::core
