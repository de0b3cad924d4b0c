#pragma once

#include <cstdint>
#include <string>

namespace platformd::core {

// AIP-158 pagination: page size coercion and opaque page tokens bound to the request.
struct PageLimits
{
    int defaultSize;
    int maxSize;
};

inline constexpr PageLimits kRegionPages{50, 500};
inline constexpr PageLimits kNestedPages{100, 1000}; // edge nodes, components

struct Page
{
    int size = 0;   // effective page size
    int offset = 0; // index of the first item
};

// What a page token is bound to: a hash of everything that shapes the result list.
std::uint64_t requestFingerprint(const std::string &parent, const std::string &filter,
                                 const std::string &orderBy);
// The same, bound to a collection too (the listed message's full name): a token of one List
// method is refused by every other, even for the same parent and filter.
std::uint64_t requestFingerprint(const std::string &collection, const std::string &parent,
                                 const std::string &filter, const std::string &orderBy);
std::string encodePageToken(int offset, std::uint64_t fingerprint);

// Resolves page_size and page_token. On failure returns false and error names the field, e.g.
// "page_size: must not be negative" or "page_token does not match the request".
bool resolvePage(std::int32_t pageSize, const std::string &pageToken, PageLimits limits,
                 std::uint64_t fingerprint, Page *out, std::string *error);

// The next page's token, or empty when [offset, offset + size) reaches total.
std::string nextPageToken(const Page &page, int total, std::uint64_t fingerprint);

} // namespace platformd::core
