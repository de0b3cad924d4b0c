// Fuzzes request validation: the input is parsed as each RegionService request type in turn, and
// each parsed request goes through the checks its handler makes before touching the store (names,
// filter, order_by, page_size/page_token, watch revision, metrics window). The raw input is also
// tried directly as a name, a parent and a page token. Properties: no crash, hang or leak; every
// accepted value satisfies what the handler relies on; every rejection has a message.
#include "core/filter.h"
#include "core/ordering.h"
#include "core/pagination.h"
#include "core/validation.h"
#include "regions/private/regionvalidation.h"

#include "ops/platform/v1/regions.pb.h"

#include <google/protobuf/stubs/logging.h>
#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

namespace pb = ops::platform::v1;
namespace core = platformd::core;
using google::protobuf::util::TimeUtil;

void check(bool property)
{
    if (!property)
        __builtin_trap();
}

void checkName(std::string_view name)
{
    std::string id;
    if (platformd::regions::parseRegionName(name, &id))
        check(platformd::core::isValidId(id) && "regions/" + id == name);
    std::string parent = "stale";
    if (platformd::regions::parseRegionParent(name, &parent))
        check(name == "regions/-"
                  ? parent.empty()
                  : platformd::core::isValidId(parent) && "regions/" + parent == name);
}

void checkPageToken(std::int32_t pageSize, const std::string &token, core::PageLimits limits,
                    std::uint64_t fingerprint)
{
    core::Page page;
    std::string error;
    if (!core::resolvePage(pageSize, token, limits, fingerprint, &page, &error)) {
        check(error.starts_with("page_"));
        return;
    }
    check(page.size >= 1 && page.size <= limits.maxSize && page.offset >= 0);
    // A token the server hands out for this page resolves back to it.
    core::Page again;
    check(core::resolvePage(pageSize, core::encodePageToken(page.offset, fingerprint), limits,
                            fingerprint, &again, &error) &&
          again.offset == page.offset && again.size == page.size);
    const std::string next = core::nextPageToken(page, 5000, fingerprint);
    check(next.empty() || core::resolvePage(pageSize, next, limits, fingerprint, &again, &error));
}

// What ListRegions/ListEdgeNodes/ListComponents check, in their order (regionservice.cpp listPage).
template<typename Item>
void checkList(const std::string &parent, const std::string &filterText, const std::string &orderBy,
               std::int32_t pageSize, const std::string &pageToken, core::PageLimits limits)
{
    core::Filter filter;
    core::FilterError filterError;
    if (core::Filter::compile(filterText, Item::descriptor(), &filter, &filterError)) {
        (void)filter.matches(Item::default_instance());
    } else {
        check(filterError.position >= 0 && std::size_t(filterError.position) <= filterText.size() &&
              !filterError.message.empty());
    }
    core::Ordering ordering;
    std::string error;
    if (core::Ordering::parse(orderBy, Item::descriptor(), &ordering, &error)) {
        Item named;
        named.set_name(parent.empty() ? "regions/a" : parent + "/x");
        const Item &plain = Item::default_instance();
        check(!ordering.less(plain, plain) && !ordering.less(named, named));
        check(!(ordering.less(plain, named) && ordering.less(named, plain)));
    } else {
        check(error.starts_with("order_by: "));
    }
    checkPageToken(pageSize, pageToken, limits,
                   core::requestFingerprint(parent, filterText, orderBy));
}

// GetRegionMetrics' window checks (api/validation.cpp, shared with the handler): never overflow,
// and whatever they accept is a sane window.
void checkMetricsWindow(const pb::GetRegionMetricsRequest &request)
{
    platformd::regions::MetricsWindow w;
    if (!platformd::regions::resolveMetricsWindow(request, 1798524300000, &w).empty())
        return;
    const std::int64_t window = w.endMs - w.startMs;
    check(window > 0 && w.resolutionMs >= 10000 && w.resolutionMs <= window &&
          (window + w.resolutionMs - 1) / w.resolutionMs <= 10000);
}

template<typename Request>
bool parse(const std::uint8_t *data, std::size_t size, Request *request)
{
    return request->ParseFromArray(data, int(std::min<std::size_t>(size, INT32_MAX)));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Parsing invalid UTF-8 into proto3 strings logs an error per field: keep the fuzzer quiet.
    static const bool quiet = (google::protobuf::SetLogHandler(nullptr), true);
    (void)quiet;

    const std::string raw(reinterpret_cast<const char *>(data), size);
    checkName(raw);
    checkPageToken(0, raw, core::kRegionPages, core::requestFingerprint({}, {}, {}));

    if (pb::ListRegionsRequest r; parse(data, size, &r))
        checkList<pb::Region>({}, r.filter(), r.order_by(), r.page_size(), r.page_token(),
                              core::kRegionPages);
    if (pb::GetRegionRequest r; parse(data, size, &r))
        checkName(r.name());
    if (pb::ListEdgeNodesRequest r; parse(data, size, &r)) {
        checkName(r.parent());
        checkList<pb::EdgeNode>(r.parent(), r.filter(), r.order_by(), r.page_size(), r.page_token(),
                                core::kNestedPages);
    }
    if (pb::ListComponentsRequest r; parse(data, size, &r)) {
        checkName(r.parent());
        checkList<pb::Component>(r.parent(), r.filter(), r.order_by(), r.page_size(),
                                 r.page_token(), core::kNestedPages);
    }
    if (pb::WatchRegionsRequest r; parse(data, size, &r)) {
        // Its only check (after_revision against the store's revisions) needs a store; what the
        // handler reads must survive a re-encoding unchanged.
        pb::WatchRegionsRequest again;
        check(again.ParseFromString(r.SerializeAsString()) &&
              again.after_revision() == r.after_revision() &&
              again.include_components() == r.include_components() &&
              again.include_edge_nodes() == r.include_edge_nodes());
    }
    if (pb::GetRegionMetricsRequest r; parse(data, size, &r)) {
        checkName(r.name());
        checkMetricsWindow(r);
    }
    return 0;
}
