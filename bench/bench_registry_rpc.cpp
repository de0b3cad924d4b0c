// The registry's server side at 100,000 versions: ListModelVersions round trips over loopback
// (server time plus transfer, the client's parsing included) against
// `platformd --demo --seed 7 --demo-scale 100000`. The figures of docs/ARCHITECTURE.md.
// Not a test: it measures and prints `registry_rpc <what>: ...` lines (scripts/bench).

#include "platformdprocess.h"

#include "ops/platform/v1/models.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<grpc::ClientContext> ctx(const std::string &token)
{
    auto c = std::make_unique<grpc::ClientContext>();
    c->set_deadline(std::chrono::system_clock::now() + 60s);
    c->AddMetadata("authorization", "Bearer " + token);
    return c;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    PlatformdProcess big;
    QElapsedTimer started;
    started.start();
    if (!big.start({"--demo", "--seed", "7", "--demo-scale", "100000"}, {}, 120000)) {
        std::fprintf(stderr, "bench_registry_rpc: %s\n", qPrintable(big.errorString()));
        return 1;
    }
    std::printf("registry_rpc_100k_listening_ms: %lld ms\n", started.elapsed());
    auto channel =
        grpc::CreateChannel(big.address().toStdString(), grpc::InsecureChannelCredentials());
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    channel = grpc::CreateCustomChannel(big.address().toStdString(),
                                        grpc::InsecureChannelCredentials(), args);
    auto stub = pb::ModelRegistryService::NewStub(channel);
    const std::string token = big.adminToken().toStdString();
    bool ok = true;
    auto measure = [&](const char *label, pb::ListModelVersionsRequest r, bool allPages) {
        std::vector<double> ms;
        int items = 0;
        size_t bytes = 0;
        for (int round = 0; round < 5; ++round) {
            pb::ListModelVersionsRequest page = r;
            do {
                pb::ListModelVersionsResponse out;
                QElapsedTimer t;
                t.start();
                const grpc::Status s = stub->ListModelVersions(ctx(token).get(), page, &out);
                ms.push_back(double(t.nsecsElapsed()) / 1e6);
                if (!s.ok()) {
                    std::fprintf(stderr, "bench_registry_rpc: %s: %s\n", label,
                                 s.error_message().c_str());
                    ok = false;
                    return;
                }
                items = out.total_size();
                bytes = std::max(bytes, out.ByteSizeLong());
                page.set_page_token(out.next_page_token());
            } while (allPages && !page.page_token().empty());
        }
        const double first = ms.front(); // builds the server's cached order and matches
        std::sort(ms.begin(), ms.end());
        std::printf(
            "registry_rpc %s: %zu calls, %d matching, largest page %zu bytes, first %.2f ms, "
            "median %.2f ms, p95 %.2f ms\n",
            label, ms.size(), items, bytes, first, ms[ms.size() / 2],
            ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]);
    };
    pb::ListModelVersionsRequest all;
    all.set_parent("models/-");
    all.set_page_size(5000);
    measure("ListModelVersions models/- page_size 5000 (all pages)", all, true);
    pb::ListModelVersionsRequest selective = all;
    selective.set_page_size(500);
    selective.set_filter("metrics.accuracy > 0.97 AND stage = STAGING");
    measure("metrics.accuracy > 0.97 AND stage = STAGING, page_size 500", selective, false);
    selective.set_filter("metrics.accuracy > 0.9");
    measure("metrics.accuracy > 0.9, page_size 500", selective, false);
    selective.set_filter("framework = \"xgboost 2.0\"");
    measure("framework = \"xgboost 2.0\" (accessor), page_size 500", selective, false);
    selective.set_filter("description:\"tuned\" OR run_id = \"x\"");
    measure("description:\"tuned\" OR run_id = \"x\" (reflection), page_size 500", selective,
            false);
    selective.set_filter("");
    selective.set_order_by("metrics.accuracy desc");
    measure("order_by metrics.accuracy desc, page_size 500", selective, false);
    return ok ? 0 : 1;
}
