#pragma once

#include <string>
#include <string_view>

// API tokens: "opt_<id>_<secret>", id 12 lowercase hex characters (public), secret 43 base64url
// characters of 32 bytes from OpenSSL's CSPRNG. Only SHA-256(token) is ever stored
// (docs/SECURITY.md).
namespace platformd::core::tokens {

struct NewToken
{
    std::string id;    // 12 hex characters
    std::string token; // the whole secret token, shown once
    std::string hash;  // lowercase hex SHA-256 of token
};

// Throws std::runtime_error when the CSPRNG fails.
NewToken generate();
std::string sha256Hex(std::string_view data);
// Splits a well-formed token; false when malformed (the token is never echoed in errors).
bool parse(std::string_view token, std::string *id);
// Constant-time comparison of two hex hashes.
bool hashesEqual(std::string_view a, std::string_view b);

} // namespace platformd::core::tokens
