// platformd_registrybench [VERSIONS [ROUNDS]]: the registry's server-side figures in process,
// without the network: seeds the demo at VERSIONS (default 100000) into a fresh database, then
// times ListModelVersions as the handler sees it (plan + build the response) and with the
// response's serialization (what gRPC does next). Prints `name: value unit` lines
// (docs/ARCHITECTURE.md, "Model registry"); client round trips are measured by tst_registry
// scale100k.
#include "core/store.h"
#include "modules.h"
#include "registry/registrydemo.h"
#include "registry/registrystore.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace pb = ops::platform::v1;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Figures
{
    std::vector<double> handler, serialized;
    size_t bytes = 0;
    int total = 0;
    int pages = 0;
};

void report(const char *name, Figures f)
{
    if (f.handler.empty())
        return;
    const double cold = f.handler.front(), coldSerialized = f.serialized.front();
    std::sort(f.handler.begin(), f.handler.end());
    std::sort(f.serialized.begin(), f.serialized.end());
    auto p = [](const std::vector<double> &v, int percent) {
        return v[std::min(v.size() - 1, v.size() * size_t(percent) / 100)];
    };
    std::printf(
        "%s: %d matching, %zu calls, largest page %zu bytes; first call (cold caches) %.2f ms, "
        "+serialize %.2f ms; handler median %.2f ms p95 %.2f ms, +serialize median %.2f ms p95 "
        "%.2f ms\n",
        name, f.total, f.handler.size(), f.bytes, cold, coldSerialized, p(f.handler, 50),
        p(f.handler, 95), p(f.serialized, 50), p(f.serialized, 95));
}

Figures run(platformd::registry::RegistryStore &registry, pb::ListModelVersionsRequest request,
            bool allPages, int rounds)
{
    Figures f;
    std::string bytes;
    for (int round = 0; round < rounds; ++round) {
        pb::ListModelVersionsRequest page = request;
        do {
            pb::ListModelVersionsResponse response;
            const auto start = Clock::now();
            const grpc::Status status = registry.listVersions(page, &response);
            f.handler.push_back(msSince(start));
            if (!status.ok()) {
                std::fprintf(stderr, "ListModelVersions(%s): %s\n", page.filter().c_str(),
                             status.error_message().c_str());
                std::exit(1);
            }
            response.SerializeToString(&bytes);
            f.serialized.push_back(msSince(start));
            f.bytes = std::max(f.bytes, bytes.size());
            f.total = response.total_size();
            ++f.pages;
            page.set_page_token(response.next_page_token());
        } while (allPages && !page.page_token().empty());
    }
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    const std::int64_t versions = argc > 1 ? std::atoll(argv[1]) : 100000;
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
    spdlog::set_level(spdlog::level::warn);
    const fs::path dir =
        fs::temp_directory_path() / ("registrybench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        platformd::core::StoreOptions options;
        options.path = (dir / "platformd.db").string();
        options.migrations = platformd::moduleMigrations();
        platformd::core::Store store(options);
        platformd::registry::RegistryStore registry(store);
        const auto seeded = Clock::now();
        spdlog::set_level(spdlog::level::debug); // the seed's phases
        platformd::registry::seedRegistryDemo(registry, {7, versions});
        spdlog::set_level(spdlog::level::warn);
        std::printf("seed %lld versions: %.0f ms\n", static_cast<long long>(versions),
                    msSince(seeded));

        pb::ListModelVersionsRequest all;
        all.set_parent("models/-");
        all.set_page_size(5000);
        report("models/- page_size 5000 (all pages)", run(registry, all, true, rounds));
        pb::ListModelVersionsRequest r = all;
        r.set_page_size(500);
        r.set_filter("metrics.accuracy > 0.97 AND stage = STAGING");
        report("metrics.accuracy > 0.97 AND stage = STAGING, page_size 500",
               run(registry, r, false, rounds * 4));
        r.set_filter("framework = \"xgboost 2.0\"");
        report("framework = \"xgboost 2.0\", page_size 500", run(registry, r, false, rounds * 4));
        r.set_filter("description:\"tuned\" OR run_id = \"x\"");
        report("description:\"tuned\" OR run_id = \"x\", page_size 500",
               run(registry, r, false, rounds * 4));
        r.set_filter("");
        r.set_order_by("metrics.accuracy desc");
        report("order_by metrics.accuracy desc, page_size 500",
               run(registry, r, false, rounds * 4));
        r.set_order_by("framework, version desc");
        report("order_by framework, version desc, page_size 500",
               run(registry, r, false, rounds * 4));
        r.set_order_by("metrics.accuracy desc");
        r.set_page_size(5000);
        report("order_by metrics.accuracy desc, page_size 5000 (all pages)",
               run(registry, r, true, rounds));
        const auto reopened = Clock::now();
        platformd::registry::RegistryStore again(store);
        std::printf("load %lld versions at start: %.0f ms\n", static_cast<long long>(versions),
                    msSince(reopened));
    }
    fs::remove_all(dir);
    return 0;
}
