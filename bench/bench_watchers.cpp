// platformd with 1,000 open watch streams, measured from outside:
//   watchers_0_rss_mb / watchers_1000_rss_mb: platformd's resident memory before the streams and
//     with all 1,000 open (VmRSS); watchers_1000_threads: its threads then.
//   watch_fanout_1000_p50_ms / _p99_ms: for each revision delivered to every one of the 1,000
//     watchers, the time from its events' sample_time (stamped by the simulator just before the
//     commit) to its arrival at the LAST watcher; percentiles over revisions.
// The watchers are raw grpc++ callback readers (20 connections x 50 streams; platformd allows 100
// streams per connection), all in this process.
#include "ops/platform/v1/regions.grpc.pb.h"
#include "platformdprocess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace pb = ops::platform::v1;

namespace {

constexpr int kWatchers = 1000;
constexpr int kChannels = 20;

std::int64_t nowUs()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t sampleUs(const pb::RegionEvent &e)
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

// /proc/<pid>/status field in kB (VmRSS) or a count (Threads); -1 when unreadable.
long procStatus(qint64 pid, const char *field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field))).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

struct Shared
{
    std::mutex mutex;
    std::atomic<int> established{0};
    std::atomic<int> done{0};
    std::atomic<bool> record{false};
    struct Revision
    {
        int watchers = 0;
        std::int64_t sampleUs = 0;
        std::int64_t lastArrivalUs = 0;
    };
    std::map<std::int64_t, Revision> revisions;
    grpc::Status firstFailure;
};

class Watcher final : public grpc::ClientReadReactor<pb::WatchRegionsResponse>
{
public:
    Watcher(Shared &shared, pb::RegionService::Stub *stub, const std::string &token)
        : m_shared(shared)
    {
        m_context.AddMetadata("authorization", "Bearer " + token);
        m_request.set_include_components(true);
        m_request.set_include_edge_nodes(true);
        stub->async()->WatchRegions(&m_context, &m_request, this);
        StartRead(&m_response);
        StartCall();
    }
    void cancel() { m_context.TryCancel(); }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return;
        if (!m_established) {
            m_established = true;
            ++m_shared.established;
        }
        if (m_response.has_changes() && m_shared.record) {
            const std::int64_t arrival = nowUs();
            const auto &batch = m_response.changes();
            std::int64_t sample = 0;
            for (const pb::RegionEvent &e : batch.events())
                sample = std::max(sample, sampleUs(e));
            if (sample > 0) {
                std::lock_guard lock(m_shared.mutex);
                Shared::Revision &r = m_shared.revisions[batch.revision()];
                ++r.watchers;
                r.sampleUs = sample;
                r.lastArrivalUs = std::max(r.lastArrivalUs, arrival);
            }
        }
        StartRead(&m_response);
    }
    void OnDone(const grpc::Status &status) override
    {
        if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
            std::lock_guard lock(m_shared.mutex);
            if (m_shared.firstFailure.ok())
                m_shared.firstFailure = status;
        }
        ++m_shared.done;
    }

private:
    Shared &m_shared;
    grpc::ClientContext m_context;
    pb::WatchRegionsRequest m_request;
    pb::WatchRegionsResponse m_response;
    bool m_established = false;
};

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QThread::msleep(50); // a benchmark polling its own counters, not a test
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = qEnvironmentVariableIntValue("OPS_BENCH_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("OPS_BENCH_SECONDS")
                            : 10;
    // The demo's health events per second (its default is 50).
    const int rate = qEnvironmentVariableIntValue("OPS_BENCH_DEMO_RATE") > 0
                         ? qEnvironmentVariableIntValue("OPS_BENCH_DEMO_RATE")
                         : 200;
    PlatformdProcess platformd;
    if (!platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("1"),
                          QStringLiteral("--demo-rate"), QString::number(rate),
                          QStringLiteral("--log-level"), QStringLiteral("warn")})) {
        std::fprintf(stderr, "bench_watchers: %s\n", qPrintable(platformd.errorString()));
        return 1;
    }
    const qint64 pid = platformd.process()->processId();
    const std::string token = platformd.adminToken().toStdString();
    QThread::msleep(3000); // settle after seeding
    const long rss0 = procStatus(pid, "VmRSS:");

    std::vector<std::shared_ptr<grpc::Channel>> channels;
    std::vector<std::unique_ptr<pb::RegionService::Stub>> stubs;
    for (int i = 0; i < kChannels; ++i) {
        grpc::ChannelArguments args;
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1); // its own connection
        args.SetInt("ops.bench.channel", i);
        channels.push_back(grpc::CreateCustomChannel(platformd.address().toStdString(),
                                                     grpc::InsecureChannelCredentials(), args));
        stubs.push_back(pb::RegionService::NewStub(channels.back()));
    }
    Shared shared;
    std::vector<std::unique_ptr<Watcher>> watchers;
    for (int i = 0; i < kWatchers; ++i)
        watchers.push_back(std::make_unique<Watcher>(shared, stubs[i % kChannels].get(), token));
    if (!waitFor([&] { return shared.established == kWatchers || shared.done > 0; }, 120000) ||
        shared.done > 0) {
        std::fprintf(stderr, "bench_watchers: %d of %d streams open, %d ended (%s)\n",
                     shared.established.load(), kWatchers, shared.done.load(),
                     shared.firstFailure.error_message().c_str());
        return 1;
    }
    QThread::msleep(2000);
    const long rss1000 = procStatus(pid, "VmRSS:");
    const long threads1000 = procStatus(pid, "Threads:");

    shared.record = true;
    QThread::msleep(unsigned(seconds) * 1000);
    shared.record = false;
    QThread::msleep(1000); // let the last recorded revisions reach everyone

    std::vector<double> fanoutMs;
    {
        std::lock_guard lock(shared.mutex);
        for (const auto &[revision, r] : shared.revisions) {
            if (r.watchers == kWatchers)
                fanoutMs.push_back(double(r.lastArrivalUs - r.sampleUs) / 1000.0);
        }
    }
    for (auto &w : watchers)
        w->cancel();
    waitFor([&] { return shared.done == kWatchers; }, 30000);
    watchers.clear();

    std::printf("watchers_demo_rate: %d events/s\n", rate);
    std::printf("watchers_0_rss_mb: %.1f MB\n", double(rss0) / 1024.0);
    std::printf("watchers_1000_rss_mb: %.1f MB\n", double(rss1000) / 1024.0);
    std::printf("watchers_1000_threads: %ld threads\n", threads1000);
    std::printf("watch_fanout_1000_p50_ms: %.1f ms\n", percentile(fanoutMs, 0.50));
    std::printf("watch_fanout_1000_p99_ms: %.1f ms\n", percentile(fanoutMs, 0.99));
    std::printf("watch_fanout_1000_revisions: %zu revisions\n", fanoutMs.size());
    return fanoutMs.empty() ? 1 : 0;
}
