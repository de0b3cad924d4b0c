// The console on three platformd replicas sharing one PostgreSQL store (issue 15): its profile
// lists all three, its channel balances over them, and when the replica serving its region watch
// is killed (SIGKILL) the watch resumes on another from the last revision it had — without
// listing again, nothing lost, nothing twice — while the survivors take writes. The console's
// regions then equal a fresh List. Real processes, a real PostgreSQL 15 the test starts itself.
#include "services/regionclient.h"

#include "consolefixture.h"
#include "pgcluster.h"
#include "platformdprocess.h"

#include "ops/platform/v1/regions.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QSignalSpy>
#include <QTest>

#include <map>
#include <memory>

using namespace ops;
namespace pb = ops::platform::v1;

class TestPgConsoleReplicas : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<grpc::ClientContext> ctx() const
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
        c->AddMetadata("authorization", "Bearer " + m_token.toStdString());
        return c;
    }
    std::unique_ptr<pb::RegionService::Stub> stubFor(const PlatformdProcess &replica) const
    {
        return pb::RegionService::NewStub(grpc::CreateChannel(replica.address().toStdString(),
                                                              grpc::InsecureChannelCredentials()));
    }

    PgCluster m_cluster;
    PlatformdProcess m_replicas[3];
    QString m_token;

private slots:
    void initTestCase();
    void watchResumesOnAnotherReplica();
};

void TestPgConsoleReplicas::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
    const QString store = m_cluster.uri();
    // The demo's world, seeded once; then replicas without a simulator (every change is ours).
    PlatformdProcess seeder;
    QVERIFY2(seeder.start({QStringLiteral("--store"), store, QStringLiteral("--demo"),
                           QStringLiteral("--demo-rate"), QStringLiteral("0")},
                          {}, 60000),
             qPrintable(seeder.errorString()));
    m_token = seeder.adminToken();
    QVERIFY(!m_token.isEmpty());
    QCOMPARE(seeder.terminate(), 0);
    // Debug logs name each watch a replica serves: how the test finds the console's.
    for (PlatformdProcess &replica : m_replicas)
        QVERIFY2(replica.start({QStringLiteral("--store"), store, QStringLiteral("--log-level"),
                                QStringLiteral("debug")},
                               {}, 60000),
                 qPrintable(replica.errorString()));
}

void TestPgConsoleReplicas::watchResumesOnAnotherReplica()
{
    RegionConsole console;
    QSignalSpy snapshots(&console.client, &RegionClient::snapshotReceived);
    QList<qint64> delivered;
    QObject::connect(&console.client, &RegionClient::changesReceived, &console.store,
                     [&](const QList<RegionChangeBatch> &batches) {
                         for (const RegionChangeBatch &b : batches)
                             delivered.append(b.revision);
                     });
    console.open(m_replicas[0].address() + QStringLiteral(",") + m_replicas[1].address() +
                     QStringLiteral(",") + m_replicas[2].address(),
                 m_token);
    QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(), RegionClient::StreamState::Streaming,
                              30000);
    QCOMPARE(snapshots.count(), 1);
    const qint64 listedAt = console.store.revision();
    QVERIFY(listedAt > 0);
    QVERIFY(!console.store.regions().isEmpty());

    // Which replica serves the watch (the others have none).
    auto serving = [&] {
        int found = -1;
        for (int i = 0; i < 3; ++i)
            if (m_replicas[i].standardError().contains("WatchRegions from revision"))
                found = found == -1 ? i : 3;
        return found;
    };
    QTRY_VERIFY_WITH_TIMEOUT(serving() >= 0, 30000);
    const int victim = serving();
    QVERIFY2(victim < 3, "more than one replica serves the console's one watch");
    m_replicas[victim].kill9();

    // The survivors take writes (one after the other, through each).
    std::vector<std::unique_ptr<pb::RegionService::Stub>> survivors;
    for (int i = 0; i < 3; ++i)
        if (i != victim)
            survivors.push_back(stubFor(m_replicas[i]));
    const QList<Region> regions = console.store.regions();
    constexpr int kWrites = 40;
    for (int k = 0; k < kWrites; ++k) {
        pb::UpdateRegionRequest request;
        request.mutable_region()->set_name(regions[k % regions.size()].name.toStdString());
        request.mutable_region()->set_slo_availability(0.95 + k * 1e-5);
        request.mutable_update_mask()->add_paths("slo_availability");
        pb::Region out;
        const grpc::Status s =
            survivors[size_t(k) % survivors.size()]->UpdateRegion(ctx().get(), request, &out);
        QVERIFY2(s.ok(), s.error_message().c_str());
    }
    pb::ListRegionsRequest listRequest;
    listRequest.set_page_size(1000);
    pb::ListRegionsResponse listed;
    const grpc::Status s = survivors[0]->ListRegions(ctx().get(), listRequest, &listed);
    QVERIFY2(s.ok(), s.error_message().c_str());
    QCOMPARE(listed.revision(), listedAt + kWrites);

    // The watch came back on a survivor and caught up from where it was: no second List, every
    // revision once and in order, and the console's regions are the List's.
    QTRY_COMPARE_WITH_TIMEOUT(console.store.revision(), listed.revision(), 60000);
    QCOMPARE(snapshots.count(), 1);
    QList<qint64> every;
    for (qint64 r = listedAt + 1; r <= listed.revision(); ++r)
        every.append(r);
    QCOMPARE(delivered, every);
    QCOMPARE(console.store.regions().size(), listed.regions_size());
    for (const pb::Region &r : listed.regions()) {
        const Region *mine = console.store.region(QString::fromStdString(r.name()));
        QVERIFY2(mine, r.name().c_str());
        QCOMPARE(mine->sloAvailability, r.slo_availability());
    }
    QCOMPARE(console.client.streamState(), RegionClient::StreamState::Streaming);
}

QTEST_GUILESS_MAIN(TestPgConsoleReplicas)
#include "tst_pgconsolereplicas.moc"
