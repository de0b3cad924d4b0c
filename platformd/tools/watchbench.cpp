// platformd_watchbench ADDRESS [SECONDS [stall]]: watches every kind of change and prints the
// events per second received and the latency from each event's sample_time to its arrival here.
// With "stall" it stops reading for SECONDS instead, then prints how the server ended the stream.
#include "ops/platform/v1/regions.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

namespace pb = ops::platform::v1;

static std::int64_t nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

static std::int64_t sampleUs(const pb::RegionEvent &e)
{
    const google::protobuf::Timestamp *t = nullptr;
    if (e.has_region())
        t = &e.region().health().sample_time();
    else if (e.has_component())
        t = &e.component().health().sample_time();
    else if (e.has_edge_node())
        t = &e.edge_node().health().sample_time();
    return t ? t->seconds() * 1000000 + t->nanos() / 1000 : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: platformd_watchbench HOST:PORT [SECONDS]\n");
        return 2;
    }
    const double seconds = argc > 2 ? std::atof(argv[2]) : 5;
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    auto channel = grpc::CreateCustomChannel(argv[1], grpc::InsecureChannelCredentials(), args);
    auto stub = pb::RegionService::NewStub(channel);
    grpc::ClientContext context;
    pb::WatchRegionsRequest request;
    request.set_include_components(true);
    request.set_include_edge_nodes(true);
    auto reader = stub->WatchRegions(&context, request);
    pb::WatchRegionsResponse response;
    if (argc > 3 && std::string(argv[3]) == "stall") {
        reader->Read(&response);
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        long long messages = 0;
        while (reader->Read(&response))
            ++messages;
        const grpc::Status status = reader->Finish();
        std::printf("stalled stream ended after %lld more messages: code %d: %s\n", messages,
                    int(status.error_code()), status.error_message().c_str());
        return 0;
    }
    std::vector<double> latencies;
    std::int64_t events = 0, batches = 0, lastRevision = 0, gaps = 0;
    const std::int64_t warmup = nowUs() + 1000000;
    std::int64_t start = 0;
    while (reader->Read(&response)) {
        const std::int64_t now = nowUs();
        if (!response.has_changes())
            continue;
        const auto &batch = response.changes();
        if (lastRevision && batch.revision() != lastRevision + 1)
            ++gaps;
        lastRevision = batch.revision();
        if (now < warmup)
            continue;
        if (!start)
            start = now;
        ++batches;
        events += batch.events_size();
        for (const auto &e : batch.events())
            if (const std::int64_t t = sampleUs(e))
                latencies.push_back(double(now - t) / 1000.0);
        if (double(now - start) / 1e6 >= seconds)
            break;
    }
    context.TryCancel();
    const double elapsed = double(nowUs() - start) / 1e6;
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.empty() ? 0.0 : latencies[size_t(p * double(latencies.size() - 1))];
    };
    std::printf("events: %lld in %.2f s = %.0f events/s (%lld batches, %lld revision gaps)\n",
                static_cast<long long>(events), elapsed, double(events) / elapsed,
                static_cast<long long>(batches), static_cast<long long>(gaps));
    std::printf("latency ms: p50 %.2f p95 %.2f p99 %.2f max %.2f\n", pct(0.5), pct(0.95), pct(0.99),
                pct(1.0));
    return 0;
}
