#pragma once

#include "core/filter.h"
#include "core/ordering.h"
#include "core/pagination.h"

#include <grpcpp/support/status.h>

#include <algorithm>
#include <string>
#include <vector>

namespace platformd::core {

using grpc::Status;
using grpc::StatusCode;

inline Status invalid(const std::string &message)
{
    return Status(StatusCode::INVALID_ARGUMENT, message);
}

// Filters, orders and pages one snapshot; the same code for every list method.
template<typename T, typename Add>
inline Status listPage(std::vector<T> items, const std::string &parent,
                       const std::string &filterText, const std::string &orderBy,
                       std::int32_t pageSize, const std::string &pageToken, core::PageLimits limits,
                       Add add, std::string *nextToken, std::int32_t *total)
{
    if (filterText.size() > 4096)
        return invalid("filter: longer than 4096 bytes");
    if (orderBy.size() > 1024)
        return invalid("order_by: longer than 1024 bytes");
    core::Filter filter;
    core::FilterError filterError;
    if (!core::Filter::compile(filterText, T::descriptor(), &filter, &filterError))
        return invalid(filterError.format());
    core::Ordering ordering;
    std::string error;
    if (!core::Ordering::parse(orderBy, T::descriptor(), &ordering, &error))
        return invalid(error);
    const std::uint64_t fingerprint =
        core::requestFingerprint(T::descriptor()->full_name(), parent, filterText, orderBy);
    core::Page page;
    if (!core::resolvePage(pageSize, pageToken, limits, fingerprint, &page, &error))
        return invalid(error);
    if (!filter.empty())
        std::erase_if(items, [&](const T &item) { return !filter.matches(item); });
    std::stable_sort(items.begin(), items.end(),
                     [&](const T &a, const T &b) { return ordering.less(a, b); });
    *total = std::int32_t(items.size());
    const size_t begin = std::min(items.size(), size_t(page.offset));
    const size_t end = std::min(items.size(), begin + size_t(page.size));
    for (size_t i = begin; i < end; ++i)
        add(std::move(items[i]));
    *nextToken = core::nextPageToken(page, *total, fingerprint);
    return Status::OK;
}

} // namespace platformd::core
