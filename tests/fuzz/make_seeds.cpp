// Writes the generated seeds of the fuzz corpora: serialized RegionService requests for
// corpus/validation/ and encoded audit chains for corpus/auditchain/ (format in
// fuzz_auditchain.cpp). Run once by hand when the protos or the encodings change: fuzz_make_seeds
// tests/fuzz/corpus
#include "core/auditchain.h"
#include "core/pagination.h"

#include "ops/platform/v1/regions.pb.h"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

namespace {

namespace pb = ops::platform::v1;
namespace fs = std::filesystem;

void write(const fs::path &dir, const std::string &name, const std::string &bytes)
{
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::string encodeChain(const std::vector<platformd::core::audit::Entry> &entries)
{
    std::string out;
    auto field = [&](const std::string &s) {
        const std::string cut = s.substr(0, 255);
        out += char(static_cast<unsigned char>(cut.size()));
        out += cut;
    };
    for (const auto &e : entries) {
        field(std::to_string(e.seq));
        for (const std::string *s :
             {&e.time, &e.actor, &e.role, &e.action, &e.resource, &e.requestSummary, &e.result,
              &e.resultMessage, &e.peer, &e.prevHash, &e.entryHash})
            field(*s);
    }
    return out;
}

platformd::core::audit::Entry entry(int seq, const std::string &action, const std::string &resource,
                                    const std::string &result)
{
    platformd::core::audit::Entry e;
    e.seq = seq;
    e.time = "2026-11-29T06:05:0" + std::to_string(seq % 10) + ".123456Z";
    e.actor = seq % 3 ? "users/admin" : "anonymous";
    e.role = seq % 3 ? "admin,compliance_officer,manager" : "";
    e.action = action;
    e.resource = resource;
    e.requestSummary = "name=" + resource;
    e.result = result;
    e.resultMessage = result == "OK" ? "" : "token revoked";
    e.peer = "ipv4:127.0.0.1:5" + std::to_string(1000 + seq);
    return e;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s CORPUS_ROOT\n", argv[0]);
        return 2;
    }
    const fs::path root(argv[1]);
    const fs::path v = root / "validation";
    namespace core = platformd::core;

    auto listRegions = [&](const std::string &name, int size, const std::string &filter,
                           const std::string &orderBy, const std::string &token) {
        pb::ListRegionsRequest r;
        r.set_page_size(size);
        r.set_filter(filter);
        r.set_order_by(orderBy);
        r.set_page_token(token);
        write(v, "list-regions-" + name, r.SerializeAsString());
    };
    const std::string filter = "status = DEGRADED AND health.latency_p95_ms > 200";
    const std::string orderBy = "status desc, health.latency_p95_ms";
    listRegions("empty", 0, "", "", "");
    listRegions("filtered", 10, filter, orderBy, "");
    listRegions("negative-size", -1, "", "", "");
    listRegions("huge-size", 1 << 30, "", "", "");
    listRegions("page-2", 2, filter, orderBy,
                core::encodePageToken(2, core::requestFingerprint({}, filter, orderBy)));
    listRegions("token-other-request", 2, "", "",
                core::encodePageToken(2, core::requestFingerprint({}, filter, orderBy)));
    listRegions("token-garbage", 0, "", "", "cDF8LTF8MDAwMDAwMDAwMDAwMDAwMA");
    listRegions("bad-filter", 0, "health.latncy > 1", "", "");
    listRegions("bad-order", 0, "", "latncy desc, name", "");
    listRegions("order-asc-timestamp", 0, "update_time > \"2026-01-01T00:00:00Z\"",
                "update_time asc", "");

    for (const std::string name : {"regions/eu-west", "regions/-", "regions/", "regions/EU",
                                   "regions/eu-west/edgeNodes/dub-01", ""}) {
        pb::GetRegionRequest g;
        g.set_name(name);
        write(v, "get-region-" + std::to_string(std::hash<std::string>{}(name) % 100000),
              g.SerializeAsString());
    }

    auto nested = [&](auto request, const std::string &kind, const std::string &parent,
                      const std::string &f, const std::string &o, int size) {
        request.set_parent(parent);
        request.set_filter(f);
        request.set_order_by(o);
        request.set_page_size(size);
        request.set_page_token(
            size > 1 ? core::encodePageToken(size, core::requestFingerprint(parent, f, o))
                     : std::string());
        write(v,
              "list-" + kind + "-" +
                  std::to_string(std::hash<std::string>{}(parent + f + o) % 100000),
              request.SerializeAsString());
    };
    nested(pb::ListEdgeNodesRequest(), "edge-nodes", "regions/-", "status != HEALTHY", "city", 100);
    nested(pb::ListEdgeNodesRequest(), "edge-nodes", "regions/eu-west", "country_code = \"IE\"", "",
           0);
    nested(pb::ListEdgeNodesRequest(), "edge-nodes", "regions/Bad", "", "", 0);
    nested(pb::ListComponentsRequest(), "components", "regions/-", "kind = KAFKA OR kind = FLINK",
           "version desc", 1000);
    nested(pb::ListComponentsRequest(), "components", "regions/us-east", "kind = FAST", "", 0);

    for (const auto &[name, after, components, edges] :
         std::vector<std::tuple<std::string, std::int64_t, bool, bool>>{
             {"from-now", 0, false, false},
             {"resume", 123456, true, true},
             {"negative", -5, true, false}}) {
        pb::WatchRegionsRequest w;
        w.set_after_revision(after);
        w.set_include_components(components);
        w.set_include_edge_nodes(edges);
        write(v, "watch-" + name, w.SerializeAsString());
    }

    auto metrics = [&](const std::string &name, std::int64_t start, std::int64_t end,
                       std::int64_t resolution) {
        pb::GetRegionMetricsRequest m;
        m.set_name("regions/eu-west");
        if (start)
            m.mutable_start_time()->set_seconds(start);
        if (end)
            m.mutable_end_time()->set_seconds(end);
        if (resolution)
            m.mutable_resolution()->set_seconds(resolution);
        write(v, "metrics-" + name, m.SerializeAsString());
    };
    metrics("default", 0, 0, 0);
    metrics("day", 1798437900, 1798524300, 300);
    metrics("reversed", 1798524300, 1798437900, 0);
    metrics("too-fine", 1798437900, 1798524300, 1);
    metrics("too-long", 1700000000, 1798524300, 3600);
    metrics("far-future", 253402300799, 0, 0);

    // Audit chains: intact, edited, reordered, with a gap, and raw garbage-ish.
    namespace audit = platformd::core::audit;
    std::vector<audit::Entry> chain;
    std::string previous = audit::kGenesisHash;
    const char *actions[] = {"/ops.platform.v1.IdentityService/CreateToken", "cli:token.create",
                             "/ops.platform.v1.IdentityService/RevokeToken",
                             "/ops.platform.v1.RegionService/ListRegions"};
    for (int i = 1; i <= 5; ++i) {
        audit::Entry e = entry(i, actions[i % 4], "users/alice", i == 4 ? "UNAUTHENTICATED" : "OK");
        audit::seal(e, previous);
        previous = e.entryHash;
        chain.push_back(e);
    }
    const fs::path a = root / "auditchain";
    write(a, "intact-1", encodeChain({chain.front()}));
    write(a, "intact-5", encodeChain(chain));
    auto edited = chain;
    edited[2].resultMessage = "edited";
    write(a, "edited-3", encodeChain(edited));
    auto reordered = chain;
    std::swap(reordered[1], reordered[2]);
    write(a, "reordered", encodeChain(reordered));
    auto gap = chain;
    gap.erase(gap.begin() + 1);
    write(a, "gap", encodeChain(gap));
    auto front = chain;
    front.erase(front.begin());
    write(a, "front-truncated", encodeChain(front));
    auto upper = chain;
    for (char &c : upper[0].entryHash)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    write(a, "uppercase-hash", encodeChain(upper));
    std::printf("seeds written under %s\n", root.c_str());
    return 0;
}
