#include "core/tokens.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace platformd::core::tokens {

namespace {

std::string hex(const unsigned char *data, size_t size)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0xf];
    }
    return out;
}

std::string base64url(const unsigned char *data, size_t size)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    unsigned int buffer = 0;
    int bits = 0;
    for (size_t i = 0; i < size; ++i) {
        buffer = (buffer << 8) | data[i];
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += alphabet[(buffer >> bits) & 0x3f];
        }
    }
    if (bits > 0)
        out += alphabet[(buffer << (6 - bits)) & 0x3f];
    return out; // unpadded: 32 bytes -> 43 characters
}

bool isBase64url(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

} // namespace

std::string sha256Hex(std::string_view data)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return hex(digest.data(), length);
}

NewToken generate()
{
    std::array<unsigned char, 6> id{};
    std::array<unsigned char, 32> secret{};
    if (RAND_bytes(id.data(), int(id.size())) != 1 ||
        RAND_bytes(secret.data(), int(secret.size())) != 1)
        throw std::runtime_error("the random number generator failed");
    NewToken t;
    t.id = hex(id.data(), id.size());
    t.token = "opt_" + t.id + "_" + base64url(secret.data(), secret.size());
    OPENSSL_cleanse(secret.data(), secret.size());
    t.hash = sha256Hex(t.token);
    return t;
}

bool parse(std::string_view token, std::string *id)
{
    // opt_ + 12 + _ + 43
    if (token.size() != 4 + 12 + 1 + 43 || !token.starts_with("opt_") || token[16] != '_')
        return false;
    for (const char c : token.substr(4, 12))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    for (const char c : token.substr(17))
        if (!isBase64url(c))
            return false;
    *id = std::string(token.substr(4, 12));
    return true;
}

bool hashesEqual(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace platformd::core::tokens
