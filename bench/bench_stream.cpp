// stream_events_per_s and stream_latency_p99_ms: health events carried from platformd's simulator
// through services/ (RegionClient, coalesced per tick) into models/ (RegionTreeModel).
#include "models/regiontreemodel.h"
#include "platformdprocess.h"
#include "services/connection.h"
#include "services/regionclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <optional>
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
        runFor(1000); // warm up
        const quint64 before = run.events;
        QElapsedTimer t;
        t.start();
        runFor(seconds * 1000);
        const double perS = double(run.events - before) * 1000.0 / double(t.elapsed());
        std::printf("stream_events_per_s: %.0f events/s\n", perS);
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
