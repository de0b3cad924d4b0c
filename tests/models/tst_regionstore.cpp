// RegionStore, the console's one copy of the region stream: snapshots replace, batches apply once
// and per resource by revision, deletes (and a region's cascade) are honoured, and every call says
// what it changed.
#include "regionfixture.h"

#include "models/regionstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace ops;

namespace {

using namespace regionfixture;

EdgeNode makeNode(const QString &region, const QString &id, qint64 revision,
                  HealthStatus status = HealthStatus::Healthy)
{
    EdgeNode n;
    n.name = QStringLiteral("regions/%1/edgeNodes/%2").arg(region, id);
    n.city = id;
    n.status = status;
    n.revision = revision;
    return n;
}

Failover makeFailover(const QString &id, const QString &from, const QString &to, qint64 revision,
                      int startMinutes, Failover::State state = Failover::State::Active)
{
    Failover f;
    f.name = QStringLiteral("regions/%1/failovers/%2").arg(from, id);
    f.sourceRegion = QStringLiteral("regions/") + from;
    f.targetRegion = QStringLiteral("regions/") + to;
    f.state = state;
    f.startTime = kT0.addSecs(60 * startMinutes);
    f.revision = revision;
    return f;
}

MaintenanceWindow makeWindow(const QString &region, const QString &id, qint64 revision,
                             int startMinutes)
{
    MaintenanceWindow w;
    w.name = QStringLiteral("regions/%1/maintenanceWindows/%2").arg(region, id);
    w.title = id;
    w.state = MaintenanceWindow::State::Scheduled;
    w.startTime = kT0.addSecs(60 * startMinutes);
    w.revision = revision;
    return w;
}

// The regions and components, with edge nodes, failovers and maintenance windows.
RegionSnapshot snapshot()
{
    RegionSnapshot s = regionsAndComponents();
    s.edgeNodes = {makeNode(QStringLiteral("a"), QStringLiteral("fra-1"), 7),
                   makeNode(QStringLiteral("c"), QStringLiteral("syd-1"), 8)};
    s.failovers = {
        makeFailover(QStringLiteral("f1"), QStringLiteral("b"), QStringLiteral("a"), 9, 0,
                     Failover::State::Completed),
        makeFailover(QStringLiteral("f2"), QStringLiteral("c"), QStringLiteral("b"), 9, 30)};
    s.maintenanceWindows = {makeWindow(QStringLiteral("a"), QStringLiteral("m1"), 9, 10),
                            makeWindow(QStringLiteral("a"), QStringLiteral("m2"), 9, 20)};
    return s;
}

QStringList names(const QList<Region> &regions)
{
    QStringList out;
    for (const Region &r : regions)
        out << r.name;
    return out;
}

RegionStoreChange lastChange(const QSignalSpy &spy)
{
    return spy.last().at(0).value<RegionStoreChange>();
}

} // namespace

class TestRegionStore : public QObject
{
    Q_OBJECT
private slots:
    void emptyUntilTheSnapshot()
    {
        RegionStore store;
        QVERIFY(!store.hasSnapshot());
        QCOMPARE(store.revision(), 0);
        QVERIFY(store.regions().isEmpty());
        QVERIFY(!store.region(QStringLiteral("regions/a")));
    }

    void snapshotReplacesEverything()
    {
        RegionStore store;
        QSignalSpy reset(&store, &RegionStore::reset);
        QSignalSpy changed(&store, &RegionStore::changed);
        store.setSnapshot(snapshot());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(changed.count(), 0);
        QVERIFY(store.hasSnapshot());
        QCOMPARE(store.revision(), 10);
        QCOMPARE(names(store.regions()),
                 (QStringList{QStringLiteral("regions/a"), QStringLiteral("regions/b"),
                              QStringLiteral("regions/c")}));
        QCOMPARE(store.components().size(), 3);
        QCOMPARE(store.componentsOf(QStringLiteral("regions/a")).size(), 2);
        QCOMPARE(store.componentsOf(QStringLiteral("regions/a")).at(1).displayName,
                 QStringLiteral("SPARK"));
        QCOMPARE(store.componentsOf(QStringLiteral("regions/b")).size(), 0);
        QCOMPARE(store.edgeNodes().size(), 2);
        QCOMPARE(store.edgeNodesOf(QStringLiteral("regions/c")).size(), 1);
        QVERIFY(store.edgeNode(QStringLiteral("regions/a/edgeNodes/fra-1")));
        QCOMPARE(store.failoverCount(), 2);
        QCOMPARE(store.maintenanceCount(), 2);

        // A second snapshot replaces, it does not merge.
        RegionSnapshot smaller;
        smaller.revision = 20;
        smaller.regions = {makeRegion(QStringLiteral("z"), 15)};
        store.setSnapshot(smaller);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(store.revision(), 20);
        QCOMPARE(names(store.regions()), QStringList{QStringLiteral("regions/z")});
        QVERIFY(store.components().isEmpty());
        QVERIFY(store.edgeNodes().isEmpty());
        QCOMPARE(store.failoverCount(), 0);
        QCOMPARE(store.maintenanceCount(), 0);
    }

    void batchesApplyInOrderAndSayWhatChanged()
    {
        RegionStore store;
        store.setSnapshot(snapshot());
        QSignalSpy changed(&store, &RegionStore::changed);
        QSignalSpy reset(&store, &RegionStore::reset);
        store.applyChanges(
            {batch(11, {upsert(makeRegion("x", 11)), upsert(makeRegion("a", 11, 111))}),
             batch(12, {upsert(makeRegion("y", 12)), upsert(makeRegion("x", 12, 7)),
                        upsert(makeComponent("a", "kafka", 12, 99)),
                        upsert(makeNode("a", "fra-2", 12, HealthStatus::Down))})});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1); // one signal per call, not per batch
        const RegionStoreChange change = lastChange(changed);
        QCOMPARE(change.previousRevision, 10);
        QCOMPARE(change.revision, 12);
        QCOMPARE(change.commitTime, kT0.addSecs(12));
        // Once each, in first-touch order.
        QCOMPARE(change.regions,
                 (QStringList{QStringLiteral("regions/x"), QStringLiteral("regions/a"),
                              QStringLiteral("regions/y")}));
        QVERIFY(change.removedRegions.isEmpty());
        QCOMPARE(change.components, QStringList{QStringLiteral("regions/a/components/kafka")});
        QCOMPARE(change.edgeNodes, QStringList{QStringLiteral("regions/a/edgeNodes/fra-2")});
        QVERIFY(!change.touchesOperations());
        QVERIFY(!change.isEmpty());

        QCOMPARE(store.revision(), 12);
        // New resources are appended in creation order; the last event per resource wins.
        QCOMPARE(names(store.regions()),
                 (QStringList{QStringLiteral("regions/a"), QStringLiteral("regions/b"),
                              QStringLiteral("regions/c"), QStringLiteral("regions/x"),
                              QStringLiteral("regions/y")}));
        QCOMPARE(store.region(QStringLiteral("regions/x"))->health.latencyP95Ms, 7.0);
        QCOMPARE(store.region(QStringLiteral("regions/a"))->health.latencyP95Ms, 111.0);
        QCOMPARE(store.component(QStringLiteral("regions/a/components/kafka"))->health.latencyP95Ms,
                 99.0);
        QCOMPARE(store.edgeNode(QStringLiteral("regions/a/edgeNodes/fra-2"))->status,
                 HealthStatus::Down);
        // An update keeps its place.
        QCOMPARE(store.componentsOf(QStringLiteral("regions/a")).at(0).name,
                 QStringLiteral("regions/a/components/kafka"));
    }

    void staleBatchesAndRevisionsAreSkipped()
    {
        RegionStore store;
        store.setSnapshot(snapshot());
        const QList<RegionChangeBatch> batches{
            batch(11, {upsert(makeRegion("a", 11, 111))}),
            batch(12, {upsert(makeComponent("b", "new", 12)), deletion("regions/c")})};
        store.applyChanges(batches);
        QCOMPARE(store.revision(), 12);
        QSignalSpy changed(&store, &RegionStore::changed);
        store.applyChanges(batches); // applied twice: nothing happens
        store.applyChanges({batch(5, {upsert(makeRegion("a", 5, 999)), deletion("regions/a")})});
        store.applyChanges({});
        QCOMPARE(changed.count(), 0);
        QCOMPARE(store.revision(), 12);
        QCOMPARE(store.region(QStringLiteral("regions/a"))->health.latencyP95Ms, 111.0);
        QCOMPARE(store.regions().size(), 2);

        // A replay overlapping the snapshot: a resource newer than the event keeps its state,
        // but the batch still moves the revision (and says it changed nothing).
        RegionStore g;
        RegionSnapshot s = snapshot();
        s.regions[0] = makeRegion("a", 30, 333); // listed later than the snapshot revision 10
        s.components[0] = makeComponent("a", "kafka", 30, 333);
        g.setSnapshot(s);
        QSignalSpy gChanged(&g, &RegionStore::changed);
        g.applyChanges({batch(11, {upsert(makeRegion("a", 11, 111)),
                                   upsert(makeComponent("a", "kafka", 11, 111)),
                                   deletion(QStringLiteral("regions/a/components/kafka"))})});
        QCOMPARE(g.region(QStringLiteral("regions/a"))->health.latencyP95Ms, 333.0);
        QVERIFY(g.component(QStringLiteral("regions/a/components/kafka")));
        QCOMPARE(g.component(QStringLiteral("regions/a/components/kafka"))->health.latencyP95Ms,
                 333.0);
        QCOMPARE(g.revision(), 11);
        QCOMPARE(gChanged.count(), 1);
        QVERIFY(lastChange(gChanged).isEmpty());
        QCOMPARE(lastChange(gChanged).revision, 11);
    }

    void deletesAreHonoured()
    {
        RegionStore store;
        store.setSnapshot(snapshot());
        QSignalSpy changed(&store, &RegionStore::changed);
        store.applyChanges({batch(11, {deletion(QStringLiteral("regions/a/components/kafka")),
                                       deletion(QStringLiteral("regions/c/edgeNodes/syd-1"))}),
                            batch(12, {deletion(QStringLiteral("regions/b"))})});
        RegionStoreChange change = lastChange(changed);
        QCOMPARE(change.removedComponents,
                 QStringList{QStringLiteral("regions/a/components/kafka")});
        QCOMPARE(change.removedEdgeNodes, QStringList{QStringLiteral("regions/c/edgeNodes/syd-1")});
        QCOMPARE(change.removedRegions, QStringList{QStringLiteral("regions/b")});
        QVERIFY(change.regions.isEmpty() && change.components.isEmpty());
        QVERIFY(!store.component(QStringLiteral("regions/a/components/kafka")));
        QCOMPARE(store.componentsOf(QStringLiteral("regions/a")).size(), 1);
        QVERIFY(!store.region(QStringLiteral("regions/b")));
        // The others close the gap and stay reachable by name.
        QCOMPARE(names(store.regions()),
                 (QStringList{QStringLiteral("regions/a"), QStringLiteral("regions/c")}));
        QCOMPARE(store.region(QStringLiteral("regions/c"))->name, QStringLiteral("regions/c"));

        // Deleting a region takes its components and edge nodes along.
        store.applyChanges({batch(13, {deletion(QStringLiteral("regions/a"))})});
        change = lastChange(changed);
        QCOMPARE(change.removedRegions, QStringList{QStringLiteral("regions/a")});
        QCOMPARE(change.removedComponents,
                 QStringList{QStringLiteral("regions/a/components/spark")});
        QCOMPARE(change.removedEdgeNodes, QStringList{QStringLiteral("regions/a/edgeNodes/fra-1")});
        QVERIFY(store.componentsOf(QStringLiteral("regions/a")).isEmpty());
        QVERIFY(store.edgeNodesOf(QStringLiteral("regions/a")).isEmpty());

        // Deleted and created again in one call: it exists afterwards, listed as such.
        store.applyChanges({batch(14, {deletion(QStringLiteral("regions/c"))}),
                            batch(15, {upsert(makeRegion("c", 15, 5))})});
        change = lastChange(changed);
        QCOMPARE(change.regions, QStringList{QStringLiteral("regions/c")});
        QVERIFY(change.removedRegions.isEmpty());
        QCOMPARE(change.removedComponents, QStringList{QStringLiteral("regions/c/components/cdn")});
        QCOMPARE(store.region(QStringLiteral("regions/c"))->health.latencyP95Ms, 5.0);

        // Deleting something unknown is harmless and changes nothing.
        store.applyChanges({batch(16, {deletion(QStringLiteral("regions/nope")),
                                       deletion(QStringLiteral("regions/c/components/nope")),
                                       deletion(QStringLiteral("regions/c/failovers/nope"))})});
        QVERIFY(lastChange(changed).isEmpty());
        QCOMPARE(store.revision(), 16);
        QCOMPARE(store.regions().size(), 1);
    }

    // Components whose region has not arrived yet are kept; they belong to it once it does.
    void componentsBeforeTheirRegion()
    {
        RegionStore store;
        store.setSnapshot(snapshot());
        store.applyChanges({batch(11, {upsert(makeComponent("z", "cdn", 11))})});
        QVERIFY(!store.region(QStringLiteral("regions/z")));
        QCOMPARE(store.componentsOf(QStringLiteral("regions/z")).size(), 1);
        store.applyChanges({batch(12, {upsert(makeRegion("z", 12))})});
        QVERIFY(store.region(QStringLiteral("regions/z")));
        QCOMPARE(store.componentsOf(QStringLiteral("regions/z")).size(), 1);
    }

    void operations()
    {
        RegionStore store;
        store.setSnapshot(snapshot());
        // Newest start first; a failover counts for both its regions.
        QList<Failover> ofB = store.failoversOf(QStringLiteral("regions/b"));
        QCOMPARE(ofB.size(), 2);
        QCOMPARE(ofB.at(0).name, QStringLiteral("regions/c/failovers/f2"));
        QCOMPARE(store.failoversOf(QStringLiteral("regions/a")).size(), 1);
        QCOMPARE(store.failovers().size(), 2);
        const QList<MaintenanceWindow> ofA = store.maintenanceOf(QStringLiteral("regions/a"));
        QCOMPARE(ofA.size(), 2);
        QCOMPARE(ofA.at(0).name, QStringLiteral("regions/a/maintenanceWindows/m2"));
        QVERIFY(store.maintenanceOf(QStringLiteral("regions/b")).isEmpty());

        QSignalSpy changed(&store, &RegionStore::changed);
        Failover done = makeFailover(QStringLiteral("f2"), QStringLiteral("c"), QStringLiteral("b"),
                                     11, 30, Failover::State::Completed);
        store.applyChanges(
            {batch(11, {upsert(done), upsert(makeWindow("b", "m3", 11, 40)),
                        deletion(QStringLiteral("regions/a/maintenanceWindows/m1"))})});
        RegionStoreChange change = lastChange(changed);
        QVERIFY(change.touchesOperations());
        QVERIFY(!change.touchesRegions());
        QCOMPARE(change.failovers, QStringList{QStringLiteral("regions/c/failovers/f2")});
        QCOMPARE(change.maintenanceWindows,
                 QStringList{QStringLiteral("regions/b/maintenanceWindows/m3")});
        QCOMPARE(change.removedMaintenanceWindows,
                 QStringList{QStringLiteral("regions/a/maintenanceWindows/m1")});
        QCOMPARE(store.failover(QStringLiteral("regions/c/failovers/f2"))->state,
                 Failover::State::Completed);
        QCOMPARE(store.maintenanceOf(QStringLiteral("regions/a")).size(), 1);
        QCOMPARE(store.maintenanceOf(QStringLiteral("regions/b")).size(), 1);

        // An older revision of a failover (a replay) does not undo the newer one.
        Failover old = done;
        old.state = Failover::State::Active;
        old.revision = 9;
        store.applyChanges({batch(12, {upsert(old)})});
        QVERIFY(lastChange(changed).isEmpty());
        QCOMPARE(store.failover(QStringLiteral("regions/c/failovers/f2"))->state,
                 Failover::State::Completed);

        // A region's delete leaves its operations alone (they are history).
        store.applyChanges({batch(13, {deletion(QStringLiteral("regions/c"))})});
        QCOMPARE(store.failoverCount(), 2);
        store.applyChanges({batch(14, {deletion(QStringLiteral("regions/c/failovers/f2"))})});
        QCOMPARE(lastChange(changed).removedFailovers,
                 QStringList{QStringLiteral("regions/c/failovers/f2")});
        QCOMPARE(store.failoverCount(), 1);
    }

    // A queued connection carries the change across threads (the type is registered).
    void changeTravelsQueued()
    {
        RegionStore store;
        store.setSnapshot(snapshot());
        RegionStoreChange received;
        QObject receiver;
        connect(
            &store, &RegionStore::changed, &receiver,
            [&](const RegionStoreChange &change) { received = change; }, Qt::QueuedConnection);
        store.applyChanges({batch(11, {upsert(makeRegion("a", 11))})});
        QVERIFY(received.regions.isEmpty());
        QTRY_COMPARE(received.regions, QStringList{QStringLiteral("regions/a")});
    }
};

QTEST_GUILESS_MAIN(TestRegionStore)
#include "tst_regionstore.moc"
