#pragma once

// The small rules shared by the registry's write operations (registryops.cpp,
// registrydeployops.cpp): limits, status helpers, text checks.
#include "core/validation.h"
#include "registry/private/registrytx.h"

#include <string>

namespace platformd::registry::rules {

using grpc::StatusCode;

constexpr size_t kMaxMarkdown = 64 * 1024;
constexpr size_t kMaxText = 1024;
constexpr size_t kMaxTags = 32;
constexpr size_t kMaxMapEntries = 64;

inline Status invalid(const std::string &message)
{
    return Status(StatusCode::INVALID_ARGUMENT, message);
}
inline Status notFound(const std::string &what)
{
    return Status(StatusCode::NOT_FOUND, what + " not found");
}
inline Status precondition(const std::string &message)
{
    return Status(StatusCode::FAILED_PRECONDITION, message);
}
inline Status denied(const std::string &message)
{
    return Status(StatusCode::PERMISSION_DENIED, message);
}

inline Status checkText(const std::string &text, size_t maxBytes, const std::string &field,
                        bool multiline = false)
{
    if (text.size() > maxBytes)
        return invalid(field + ": longer than " + std::to_string(maxBytes) + " bytes");
    if (!core::isValidUtf8(text))
        return invalid(field + ": not valid UTF-8");
    for (const unsigned char c : text)
        if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f)
            return invalid(field + ": control characters are not allowed");
    return Status::OK;
}

} // namespace platformd::registry::rules
