// Fuzzes the AIP-160 filter compiler against ops.platform.v1.Region and evaluates what compiles.
// Properties: no crash, hang or leak; a rejected filter has a message and a position within the
// input (0 .. size, where size means "at the end of the filter").
#include "core/filter.h"

#include "ops/platform/v1/regions.pb.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

namespace {

namespace pb = ops::platform::v1;
using platformd::core::Filter;
using platformd::core::FilterError;

const pb::Region &sampleRegion()
{
    static const pb::Region region = [] {
        pb::Region r;
        r.set_name("regions/eu-west");
        r.set_display_name("Europe (Ireland)");
        r.set_provider(pb::AWS);
        r.set_geography("Europe");
        r.set_primary(true);
        r.set_latitude(53.35);
        r.set_longitude(-6.26);
        r.set_utc_offset_minutes(60);
        r.set_status(pb::DEGRADED);
        pb::HealthSample *h = r.mutable_health();
        h->set_latency_p50_ms(42.5);
        h->set_latency_p95_ms(212);
        h->set_latency_p99_ms(480);
        h->set_error_rate(0.012);
        h->set_throughput_rps(15000);
        h->set_availability(0.9991);
        h->mutable_sample_time()->set_seconds(1798524300);
        r.set_slo_availability(0.9999);
        r.set_failover_target("regions/eu-central");
        r.set_status_message("p95 latency above 200 ms");
        r.set_revision(123456);
        r.mutable_update_time()->set_seconds(1798524300);
        r.mutable_update_time()->set_nanos(123000000);
        r.set_edge_node_count(7);
        r.set_health_endpoint("eu-west.example:443");
        return r;
    }();
    return region;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    Filter filter;
    FilterError error;
    if (Filter::compile(text, pb::Region::descriptor(), &filter, &error)) {
        (void)filter.matches(sampleRegion());
        (void)filter.matches(pb::Region::default_instance());
        const Filter copy = filter; // compiled filters are shared between requests by copy
        if (copy.matches(sampleRegion()) != filter.matches(sampleRegion()))
            __builtin_trap();
        return 0;
    }
    if (error.position < 0 || std::size_t(error.position) > size || error.message.empty())
        __builtin_trap();
    (void)error.format();
    return 0;
}
