// Three platformd replicas on one PostgreSQL store (issue 15), real processes on a real
// PostgreSQL 15 the test starts itself. Writes go through all three while a watcher on each
// follows the regions; one replica is killed (SIGKILL) mid-stream and its watcher resumes on
// another from the last revision it had, as the console does. Afterwards every watcher holds
// exactly what a fresh List shows, saw every revision once and in order, and the one audit chain
// verifies. With --demo, exactly one replica simulates (the leader); when it is killed another
// takes over and the platform goes on changing.
#include "core/postgres.h"

#include "pgcluster.h"
#include "platformclient.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/regions.grpc.pb.h"

#include <QtTest>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

namespace {

// One replica: its process and a channel to it.
struct Replica
{
    PlatformdProcess process;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<pb::RegionService::Stub> regions;
    std::unique_ptr<pb::AuditService::Stub> audit;

    bool start(const QString &store, const QStringList &extra = {})
    {
        if (!process.start(QStringList{QStringLiteral("--store"), store} + extra, {}, 60000))
            return false;
        channel = grpc::CreateChannel(process.address().toStdString(),
                                      grpc::InsecureChannelCredentials());
        regions = pb::RegionService::NewStub(channel);
        audit = pb::AuditService::NewStub(channel);
        return true;
    }
};

// A client following WatchRegions like the console's: it applies each batch to its copy of the
// regions and, when its stream breaks, resumes on the next replica from the last revision it has.
class RegionWatcher
{
public:
    RegionWatcher(std::vector<std::string> addresses, size_t first, std::string token,
                  std::int64_t after)
        : m_addresses(std::move(addresses))
        , m_current(first)
        , m_token(std::move(token))
        , m_last(after)
    {
        m_thread = std::thread([this] { run(); });
    }
    ~RegionWatcher() { stop(); }

    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            if (m_context)
                m_context->TryCancel();
        }
        if (m_thread.joinable())
            m_thread.join();
    }
    // The last revision delivered (a batch's or a progress message's).
    std::int64_t reached() const
    {
        std::lock_guard lock(m_mutex);
        return std::max(m_last, m_progress);
    }
    size_t batches() const
    {
        std::lock_guard lock(m_mutex);
        return m_revisions.size();
    }
    std::vector<std::int64_t> revisions() const
    {
        std::lock_guard lock(m_mutex);
        return m_revisions;
    }
    std::map<std::string, std::string> regions() const
    {
        std::lock_guard lock(m_mutex);
        return m_regions;
    }
    int resumes() const
    {
        std::lock_guard lock(m_mutex);
        return m_resumes;
    }
    std::string problem() const
    {
        std::lock_guard lock(m_mutex);
        return m_problem;
    }

private:
    void run()
    {
        for (;;) {
            std::int64_t after = 0;
            std::string address;
            auto context = std::make_unique<grpc::ClientContext>();
            context->AddMetadata("authorization", "Bearer " + m_token);
            {
                std::lock_guard lock(m_mutex);
                if (m_stop)
                    return;
                after = m_last;
                address = m_addresses[m_current];
                m_context = context.get();
            }
            auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
            // A dead replica refuses at once: give a connection its chance, then move on.
            if (channel->WaitForConnected(std::chrono::system_clock::now() + 2s)) {
                auto stub = pb::RegionService::NewStub(channel);
                pb::WatchRegionsRequest request;
                request.set_after_revision(after);
                auto reader = stub->WatchRegions(context.get(), request);
                pb::WatchRegionsResponse response;
                while (reader->Read(&response))
                    apply(response);
                (void)reader->Finish();
            }
            std::lock_guard lock(m_mutex);
            m_context = nullptr;
            if (m_stop)
                return;
            m_current = (m_current + 1) % m_addresses.size();
            ++m_resumes;
        }
    }
    void apply(const pb::WatchRegionsResponse &response)
    {
        std::lock_guard lock(m_mutex);
        if (response.has_progress()) {
            m_progress = std::max(m_progress, response.progress().revision());
            return;
        }
        const pb::RegionChangeBatch &batch = response.changes();
        if (batch.revision() <= m_last && m_problem.empty())
            m_problem = "revision " + std::to_string(batch.revision()) + " after " +
                        std::to_string(m_last) + " (twice or out of order)";
        m_last = batch.revision();
        m_revisions.push_back(batch.revision());
        for (const pb::RegionEvent &event : batch.events()) {
            if (!event.has_region())
                continue;
            if (event.type() == pb::CHANGE_TYPE_DELETE)
                m_regions.erase(event.region().name());
            else
                m_regions[event.region().name()] = event.region().SerializeAsString();
        }
    }

    const std::vector<std::string> m_addresses;
    mutable std::mutex m_mutex;
    size_t m_current;
    std::string m_token;
    std::int64_t m_last = 0, m_progress = 0;
    std::vector<std::int64_t> m_revisions;
    std::map<std::string, std::string> m_regions;
    int m_resumes = 0;
    std::string m_problem;
    bool m_stop = false;
    grpc::ClientContext *m_context = nullptr;
    std::thread m_thread;
};

} // namespace

class TestPgReplicas : public QObject
{
    Q_OBJECT

private:
    QString freshDatabase(const std::string &name)
    {
        platformd::core::PgConnection admin(m_cluster.uri().toStdString());
        admin.exec("CREATE DATABASE " + name);
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2")
            .arg(m_cluster.port())
            .arg(QString::fromStdString(name));
    }
    // The regions as a List on replica shows them (name -> serialized) and its revision.
    static bool listRegions(Replica &replica, const std::string &token,
                            std::map<std::string, std::string> *out, std::int64_t *revision)
    {
        pb::ListRegionsRequest request;
        request.set_page_size(1000);
        pb::ListRegionsResponse response;
        if (!replica.regions->ListRegions(PlatformClient::ctx(token).get(), request, &response)
                 .ok())
            return false;
        out->clear();
        for (const pb::Region &r : response.regions())
            (*out)[r.name()] = r.SerializeAsString();
        *revision = response.revision();
        return true;
    }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void watchersOnEveryReplicaSurviveAKill();
    void oneDemoLeaderThatHandsOver();
};

void TestPgReplicas::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPgReplicas::watchersOnEveryReplicaSurviveAKill()
{
    const QString store = freshDatabase("replicas_watch");
    // The demo's world, seeded once; then three replicas without a simulator, so every change is
    // one of this test's writes.
    std::string token;
    {
        Replica seeder;
        QVERIFY2(seeder.start(store, {QStringLiteral("--demo"), QStringLiteral("--demo-rate"),
                                      QStringLiteral("0")}),
                 qPrintable(seeder.process.errorString()));
        token = seeder.process.adminToken().toStdString();
        QCOMPARE(seeder.process.terminate(), 0);
    }
    QVERIFY(!token.empty());
    Replica replicas[3];
    std::vector<std::string> addresses;
    for (Replica &r : replicas) {
        QVERIFY2(r.start(store, {QStringLiteral("--progress-interval-ms"), QStringLiteral("200")}),
                 qPrintable(r.process.errorString()));
        addresses.push_back(r.process.address().toStdString());
    }
    std::map<std::string, std::string> listed;
    std::int64_t start = 0;
    QVERIFY(listRegions(replicas[0], token, &listed, &start));
    QVERIFY(listed.size() >= 3);
    const std::vector<std::string> names = [&] {
        std::vector<std::string> n;
        for (const auto &[name, bytes] : listed)
            n.push_back(name);
        return n;
    }();

    std::vector<std::unique_ptr<RegionWatcher>> watchers;
    for (size_t i = 0; i < 3; ++i)
        watchers.push_back(std::make_unique<RegionWatcher>(addresses, i, token, start));

    // Writers, one per replica, each changing regions' SLO targets through its replica; the one
    // on the replica that dies stops at its first failure.
    std::atomic<int> landed[3] = {0, 0, 0};
    std::atomic<bool> stopWriting{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < 3; ++w)
        writers.emplace_back([&, w] {
            for (int k = 0; k < 400 && !stopWriting; ++k) {
                pb::UpdateRegionRequest request;
                request.mutable_region()->set_name(names[size_t(w + 3 * k) % names.size()]);
                request.mutable_region()->set_slo_availability(0.9 + (w * 1000 + k) * 1e-6);
                request.mutable_update_mask()->add_paths("slo_availability");
                pb::Region out;
                if (!replicas[w]
                         .regions->UpdateRegion(PlatformClient::ctx(token).get(), request, &out)
                         .ok())
                    return;
                ++landed[w];
            }
        });
    // Mid-stream: once every watcher has had some of it, replica 2 dies.
    for (const auto &w : watchers)
        QTRY_VERIFY_WITH_TIMEOUT(w->batches() >= 20, 60000);
    replicas[2].process.kill9();
    // The others go on; enough lands after the kill for the resumed watcher to have missed some.
    const int before = landed[0] + landed[1];
    QTRY_VERIFY_WITH_TIMEOUT(landed[0] + landed[1] >= before + 50, 60000);
    stopWriting = true;
    for (std::thread &t : writers)
        t.join();
    QVERIFY2(landed[0] > 0 && landed[1] > 0 && landed[2] > 0,
             qPrintable(QStringLiteral("%1 %2 %3").arg(landed[0]).arg(landed[1]).arg(landed[2])));

    // A fresh List on a survivor; every watcher gets there and holds exactly that.
    std::int64_t end = 0;
    QVERIFY(listRegions(replicas[1], token, &listed, &end));
    QVERIFY(end > start);
    std::vector<std::int64_t> every;
    for (std::int64_t r = start + 1; r <= end; ++r)
        every.push_back(r);
    for (size_t i = 0; i < watchers.size(); ++i) {
        RegionWatcher &w = *watchers[i];
        QTRY_VERIFY_WITH_TIMEOUT(w.reached() >= end, 60000);
        w.stop();
        QVERIFY2(w.problem().empty(), w.problem().c_str());
        // Each revision once, in order, none missing (every write changed a region).
        QCOMPARE(w.revisions(), every);
        const auto held = w.regions();
        for (const auto &[name, bytes] : held)
            QVERIFY2(listed.count(name) && listed.at(name) == bytes, name.c_str());
    }
    QCOMPARE(watchers[2]->resumes() >= 1, true); // its replica died under it
    // The one audit chain verifies (asked of a survivor), and holds every landed write.
    pb::VerifyChainResponse verdict;
    QVERIFY_OK(replicas[0].audit->VerifyChain(PlatformClient::ctx(token).get(), {}, &verdict));
    QVERIFY2(verdict.intact(), verdict.problem().c_str());
    platformd::core::PgConnection db(QString(store).toStdString());
    QVERIFY(db.queryInt("SELECT count(*) FROM audit WHERE action LIKE '%UpdateRegion'") >=
            landed[0] + landed[1] + landed[2]);
}

void TestPgReplicas::oneDemoLeaderThatHandsOver()
{
    const QString store = freshDatabase("replicas_demo");
    const QStringList demo = {QStringLiteral("--demo"), QStringLiteral("--demo-rate"),
                              QStringLiteral("20")};
    Replica replicas[3];
    for (Replica &r : replicas)
        QVERIFY2(r.start(store, demo), qPrintable(r.process.errorString()));
    // Exactly one leads (and seeded once: nine regions, not three times nine).
    int leader = -1;
    for (int i = 0; i < 3; ++i)
        if (replicas[i].process.standardError().contains("this replica leads")) {
            QCOMPARE(leader, -1);
            leader = i;
        }
    QVERIFY(leader >= 0);
    platformd::core::PgConnection db(store.toStdString());
    const std::int64_t regionCount = db.queryInt("SELECT count(*) FROM regions");
    QCOMPARE(regionCount, 9);
    const std::string token = replicas[0].process.adminToken().toStdString();
    QVERIFY(!token.empty());
    // The platform changes (the leader simulates); the standbys serve the same store.
    const int standby = (leader + 1) % 3;
    std::map<std::string, std::string> listed;
    std::int64_t first = 0, later = 0;
    QVERIFY(listRegions(replicas[standby], token, &listed, &first));
    QTRY_VERIFY_WITH_TIMEOUT(
        listRegions(replicas[standby], token, &listed, &later) && later > first, 30000);
    // The leader dies: one standby takes over, and the platform goes on changing.
    replicas[leader].process.kill9();
    auto tookOver = [&](int i) {
        return replicas[i].process.standardError().contains("this replica took over");
    };
    const int a = (leader + 1) % 3, b = (leader + 2) % 3;
    const bool handedOver = QTest::qWaitFor([&] { return tookOver(a) || tookOver(b); }, 30000);
    QVERIFY2(handedOver, (replicas[a].process.standardError().right(1500) + "\n---\n" +
                          replicas[b].process.standardError().right(1500))
                             .constData());
    const bool firstTook = tookOver(a), secondTook = tookOver(b);
    QVERIFY(firstTook != secondTook);
    std::int64_t afterKill = 0;
    QVERIFY(listRegions(replicas[standby], token, &listed, &afterKill));
    QTRY_VERIFY_WITH_TIMEOUT(
        listRegions(replicas[standby], token, &listed, &later) && later > afterKill, 30000);
    QCOMPARE(db.queryInt("SELECT count(*) FROM regions"), regionCount);
}

QTEST_GUILESS_MAIN(TestPgReplicas)
#include "tst_pgreplicas.moc"
