// stream_events_per_s and stream_latency_p99_ms: health events carried from platformd's simulator
// through services/ (RegionClient, coalesced per tick) into models/ (RegionTreeModel).
// stream_vs_bare_ratio: in the same run and window, those events per second divided by what a bare
// grpc++ reader of the same stream (same request, its own connection, a plain Read loop on a
// thread) receives: the console path's cost against the floor.
#include "models/regiontreemodel.h"
#include "ops/platform/v1/regions.grpc.pb.h"
#include "platformdprocess.h"
#include "services/connection.h"
#include "services/regionclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <optional>
#include <thread>
#include <vector>

using namespace ops;

namespace {

qint64 sampleMs(const RegionEvent &event)
{
    if (const auto *r = std::get_if<Region>(&event.resource))
        return r->health.sampleTime.toMSecsSinceEpoch();
    if (const auto *c = std::get_if<Component>(&event.resource))
        return c->health.sampleTime.toMSecsSinceEpoch();
    if (const auto *n = std::get_if<EdgeNode>(&event.resource))
        return n->health.sampleTime.toMSecsSinceEpoch();
    return 0;
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Run
{
    PlatformdProcess platformd;
    Connection connection;
    std::optional<RegionClient> client;
    RegionTreeModel model;
    quint64 events = 0;
    std::vector<double> latenciesMs;
    bool recordLatency = false;
    bool snapshot = false;

    bool start(int rate)
    {
        if (!platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"),
                              QStringLiteral("1"), QStringLiteral("--demo-rate"),
                              QString::number(rate), QStringLiteral("--log-level"),
                              QStringLiteral("warn")})) {
            std::fprintf(stderr, "bench_stream: %s\n", qPrintable(platformd.errorString()));
            return false;
        }
        ConnectionProfile profile;
        profile.endpoint = platformd.address();
        profile.token = platformd.adminToken();
        connection.open(profile);
        client.emplace(&connection);
        client->setIncludeEdgeNodes(true);
        QObject::connect(&*client, &RegionClient::snapshotReceived, &model,
                         [this](const RegionSnapshot &s) {
                             model.setSnapshot(s);
                             snapshot = true;
                         });
        QObject::connect(&*client, &RegionClient::changesReceived, &model,
                         [this](const QList<RegionChangeBatch> &batches) {
                             model.applyChanges(batches);
                             const qint64 now = QDateTime::currentMSecsSinceEpoch();
                             for (const RegionChangeBatch &b : batches) {
                                 events += quint64(b.events.size());
                                 if (!recordLatency)
                                     continue;
                                 for (const RegionEvent &e : b.events) {
                                     if (const qint64 t = sampleMs(e))
                                         latenciesMs.push_back(double(now - t));
                                 }
                             }
                         });
        client->start();
        QElapsedTimer waited;
        waited.start();
        while (!snapshot && waited.elapsed() < 15000)
            runFor(20);
        if (!snapshot)
            std::fprintf(stderr, "bench_stream: no snapshot within 15 s\n");
        return snapshot;
    }
};

// Reads WatchRegions as RegionClient asks for it (components and edge nodes), counting events.
class BareReader
{
public:
    BareReader(const QString &address, const QString &token)
    {
        grpc::ChannelArguments args;
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1); // not RegionClient's connection
        args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
        auto channel = grpc::CreateCustomChannel(address.toStdString(),
                                                 grpc::InsecureChannelCredentials(), args);
        m_stub = ops::platform::v1::RegionService::NewStub(channel);
        m_context.AddMetadata("authorization", "Bearer " + token.toStdString());
        m_thread = std::thread([this] {
            ops::platform::v1::WatchRegionsRequest request;
            request.set_include_components(true);
            request.set_include_edge_nodes(true);
            auto reader = m_stub->WatchRegions(&m_context, request);
            ops::platform::v1::WatchRegionsResponse response;
            while (reader->Read(&response)) {
                if (response.has_changes())
                    events += quint64(response.changes().events_size());
            }
            reader->Finish();
        });
    }
    ~BareReader()
    {
        m_context.TryCancel();
        m_thread.join();
    }
    std::atomic<quint64> events{0};

private:
    std::unique_ptr<ops::platform::v1::RegionService::Stub> m_stub;
    grpc::ClientContext m_context;
    std::thread m_thread;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = qEnvironmentVariableIntValue("OPS_BENCH_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("OPS_BENCH_SECONDS")
                            : 5;

    {
        Run run;
        if (!run.start(300000))
            return 1;
        BareReader bare(run.platformd.address(), run.platformd.adminToken());
        runFor(1000); // warm up
        const quint64 before = run.events;
        const quint64 bareBefore = bare.events;
        QElapsedTimer t;
        t.start();
        runFor(seconds * 1000);
        const double perS = double(run.events - before) * 1000.0 / double(t.elapsed());
        const double barePerS = double(bare.events - bareBefore) * 1000.0 / double(t.elapsed());
        std::printf("stream_events_per_s: %.0f events/s\n", perS);
        std::printf("stream_bare_events_per_s: %.0f events/s\n", barePerS);
        std::printf("stream_vs_bare_ratio: %.2f\n", barePerS > 0 ? perS / barePerS : 0.0);
        std::fflush(stdout);
        run.client->stop();
    }
    {
        Run run;
        if (!run.start(1000))
            return 1;
        runFor(1000);
        run.recordLatency = true;
        runFor(seconds * 1000);
        run.recordLatency = false;
        std::printf("stream_latency_p50_ms: %.1f ms\n", percentile(run.latenciesMs, 0.50));
        std::printf("stream_latency_p99_ms: %.1f ms\n", percentile(run.latenciesMs, 0.99));
        std::printf("stream_latency_samples: %zu events\n", run.latenciesMs.size());
        run.client->stop();
    }
    return 0;
}
