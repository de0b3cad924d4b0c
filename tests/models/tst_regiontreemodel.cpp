#include "regionfixture.h"

#include "models/regiontreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ops;

namespace {

using namespace regionfixture;

struct Fixture
{
    RegionTreeModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

} // namespace

class TestRegionTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void snapshotIntoEmptyModelResets()
    {
        Fixture f;
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.setSnapshot(regionsAndComponents());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(f.model.rowCount(), 3);
        QCOMPARE(f.model.regionCount(), 3);
        QCOMPARE(f.model.revision(), 10);
        QCOMPARE(f.model.rowCount(f.model.index(0, 0)), 2);
        QCOMPARE(f.model.rowCount(f.model.index(1, 0)), 0);
        QCOMPARE(f.model.rowCount(f.model.index(2, 0)), 1);
        QCOMPARE(f.model.index(0, 0).data().toString(), QStringLiteral("Region a"));
        QCOMPARE(f.model.index(0, 0, f.model.index(2, 0)).data().toString(), QStringLiteral("CDN"));
        QVERIFY(f.model.region(QStringLiteral("regions/b")));
        QCOMPARE(f.model.indexOf(QStringLiteral("regions/a/components/spark")),
                 f.model.index(1, 0, f.model.index(0, 0)));
    }

    void secondSnapshotIsADiff()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        const QPersistentModelIndex c = f.model.indexOf(QStringLiteral("regions/c"));
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);

        RegionSnapshot s = regionsAndComponents();
        s.revision = 20;
        s.regions.removeAt(1);                                   // b vanishes
        s.regions[1] = makeRegion(QStringLiteral("c"), 15, 300); // c changes
        s.regions.append(makeRegion(QStringLiteral("d"), 16));   // d appears
        s.regions.append(makeRegion(QStringLiteral("e"), 17));   // e appears
        s.components.removeAt(1);                                // a/spark vanishes
        s.components.append(makeComponent(QStringLiteral("d"), QStringLiteral("k8s"), 18));
        f.model.setSnapshot(s);

        QCOMPARE(reset.count(), 0);
        QCOMPARE(f.model.revision(), 20);
        QCOMPARE(f.model.rowCount(), 4);
        QStringList names;
        for (int row = 0; row < f.model.rowCount(); ++row)
            names << f.model.index(row, 0).data(RegionTreeModel::ResourceNameRole).toString();
        QCOMPARE(names, QStringList({"regions/a", "regions/c", "regions/d", "regions/e"}));
        // b removed, spark removed
        QCOMPARE(removed.count(), 2);
        // d and e in one insert at the top level, d's component with it
        QCOMPARE(inserted.count(), 1);
        QVERIFY(!inserted[0][0].value<QModelIndex>().isValid());
        QCOMPARE(inserted[0][1].toInt(), 2);
        QCOMPARE(inserted[0][2].toInt(), 3);
        QCOMPARE(f.model.rowCount(f.model.index(2, 0)), 1);
        // only c changed
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed[0][0].value<QModelIndex>().row(), 1);
        QCOMPARE(changed[0][1].value<QModelIndex>().row(), 1);
        QCOMPARE(QModelIndex(c).row(), 1);
        QCOMPARE(QModelIndex(c)
                     .siblingAtColumn(RegionTreeModel::LatencyP95Column)
                     .data(RegionTreeModel::SortRole)
                     .toDouble(),
                 300.0);
        QCOMPARE(f.model.rowCount(f.model.index(0, 0)), 1);

        // The same snapshot again changes nothing.
        changed.clear();
        inserted.clear();
        removed.clear();
        f.model.setSnapshot(s);
        QCOMPARE(changed.count() + inserted.count() + removed.count() + reset.count(), 0);
    }

    void changesAreCoalescedPerResource()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QList<RegionChangeBatch> batches;
        for (int i = 1; i <= 10; ++i)
            batches.append(
                batch(10 + i, {upsert(makeRegion(QStringLiteral("b"), 10 + i, 100 + i))}));
        f.model.applyChanges(batches);
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed[0][0].value<QModelIndex>();
        const auto bottomRight = changed[0][1].value<QModelIndex>();
        QCOMPARE(topLeft.row(), 1);
        QCOMPARE(bottomRight.row(), 1);
        // Only latency and update time changed.
        QCOMPARE(topLeft.column(), int(RegionTreeModel::LatencyP95Column));
        QCOMPARE(bottomRight.column(), int(RegionTreeModel::UpdatedColumn));
        QCOMPARE(f.model.index(1, RegionTreeModel::LatencyP95Column)
                     .data(RegionTreeModel::SortRole)
                     .toDouble(),
                 110.0);
        QCOMPARE(f.model.revision(), 20);
        QCOMPARE(f.model.region(QStringLiteral("regions/b"))->revision, 20);
    }

    void dataChangedCoversOnlyChangedRows()
    {
        Fixture f;
        RegionSnapshot s;
        s.revision = 100;
        for (int i = 0; i < 8; ++i)
            s.regions.append(makeRegion(QString::number(i), i + 1));
        f.model.setSnapshot(s);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        // rows 1, 2 (adjacent) and 5 change; the status change on 2 widens its run to all columns
        f.model.applyChanges(
            {batch(101, {upsert(makeRegion("1", 101, 500)), upsert(makeRegion("5", 101, 500))}),
             batch(102, {upsert(makeRegion("2", 102, 100, HealthStatus::Down))})});
        QCOMPARE(changed.count(), 2);
        QSet<int> rows;
        for (const auto &args : changed) {
            const auto tl = args[0].value<QModelIndex>();
            const auto br = args[1].value<QModelIndex>();
            for (int row = tl.row(); row <= br.row(); ++row)
                rows.insert(row);
        }
        QCOMPARE(rows, QSet<int>({1, 2, 5}));
        QCOMPARE(changed[0][0].value<QModelIndex>().column(), 0);
        QCOMPARE(f.model.index(2, 0).data(RegionTreeModel::StatusRole).toInt(),
                 int(HealthStatus::Down));
    }

    void componentsGoUnderTheirRegion()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.applyChanges({batch(11, {upsert(makeComponent("b", "flink", 11)),
                                         upsert(makeComponent("c", "kafka", 11))}),
                              batch(12, {upsert(makeComponent("b", "spark", 12))})});
        QCOMPARE(inserted.count(), 2); // one per parent
        const QModelIndex b = f.model.indexOf(QStringLiteral("regions/b"));
        QCOMPARE(f.model.rowCount(b), 2);
        QCOMPARE(f.model.index(0, 0, b).data(RegionTreeModel::ResourceNameRole).toString(),
                 QStringLiteral("regions/b/components/flink"));
        QCOMPARE(f.model.index(1, 0, b).data().toString(), QStringLiteral("SPARK"));
        QCOMPARE(f.model.index(0, 0, b).parent(), b);
        QCOMPARE(f.model.rowCount(f.model.indexOf(QStringLiteral("regions/c"))), 2);
        QVERIFY(!f.model.index(0, 0, b).data(RegionTreeModel::IsRegionRole).toBool());

        // A component of a region that does not exist yet shows up with its region.
        f.model.applyChanges({batch(13, {upsert(makeComponent("z", "cdn", 13))})});
        QCOMPARE(f.model.rowCount(), 3);
        f.model.applyChanges({batch(14, {upsert(makeRegion("z", 14))})});
        QCOMPARE(f.model.rowCount(f.model.indexOf(QStringLiteral("regions/z"))), 1);
    }

    void newRegionsAreInsertedTogether()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&f.model, &QAbstractItemModel::modelReset);
        f.model.applyChanges(
            {batch(11, {upsert(makeRegion("x", 11)), upsert(makeRegion("y", 11))}),
             batch(12, {upsert(makeRegion("z", 12)), upsert(makeRegion("x", 12, 7))})});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(!inserted[0][0].value<QModelIndex>().isValid());
        QCOMPARE(inserted[0][1].toInt(), 3);
        QCOMPARE(inserted[0][2].toInt(), 5);
        // In order of creation; the last event for x wins.
        QCOMPARE(f.model.index(3, 0).data(RegionTreeModel::ResourceNameRole).toString(),
                 QStringLiteral("regions/x"));
        QCOMPARE(f.model.index(5, 0).data(RegionTreeModel::ResourceNameRole).toString(),
                 QStringLiteral("regions/z"));
        QCOMPARE(f.model.region(QStringLiteral("regions/x"))->health.latencyP95Ms, 7.0);
    }

    void deletes()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        const QPersistentModelIndex cdn =
            f.model.indexOf(QStringLiteral("regions/c/components/cdn"));
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        f.model.applyChanges({batch(11, {deletion(QStringLiteral("regions/a/components/kafka"))}),
                              batch(12, {deletion(QStringLiteral("regions/b"))})});
        QCOMPARE(removed.count(), 2);
        QCOMPARE(f.model.rowCount(), 2);
        QCOMPARE(f.model.rowCount(f.model.index(0, 0)), 1);
        QCOMPARE(f.model.index(0, 0, f.model.index(0, 0)).data().toString(),
                 QStringLiteral("SPARK"));
        // c moved up a row; its child's index follows
        QVERIFY(cdn.isValid());
        QCOMPARE(cdn.parent().row(), 1);
        QCOMPARE(cdn.data(RegionTreeModel::ResourceNameRole).toString(),
                 QStringLiteral("regions/c/components/cdn"));
        // Deleting a region takes its components along.
        f.model.applyChanges({batch(13, {deletion(QStringLiteral("regions/c"))})});
        QVERIFY(!cdn.isValid());
        QVERIFY(!f.model.indexOf(QStringLiteral("regions/c/components/cdn")).isValid());
        QVERIFY(!f.model.region(QStringLiteral("regions/c")));
        // Deleting something unknown is harmless.
        f.model.applyChanges({batch(14, {deletion(QStringLiteral("regions/nope")),
                                         deletion(QStringLiteral("regions/a/components/nope"))})});
        QCOMPARE(f.model.rowCount(), 1);
        QCOMPARE(f.model.revision(), 14);
    }

    void oldRevisionsAreIgnored()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        const QList<RegionChangeBatch> batches{
            batch(11, {upsert(makeRegion("a", 11, 111))}),
            batch(12, {upsert(makeComponent("b", "new", 12)), deletion("regions/c")})};
        f.model.applyChanges(batches);
        QCOMPARE(f.model.revision(), 12);
        QSignalSpy changed(&f.model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&f.model, &QAbstractItemModel::rowsRemoved);
        f.model.applyChanges(batches); // applied twice: nothing happens
        f.model.applyChanges({batch(5, {upsert(makeRegion("a", 5, 999)), deletion("regions/a")})});
        QCOMPARE(changed.count() + inserted.count() + removed.count(), 0);
        QCOMPARE(f.model.revision(), 12);
        QCOMPARE(f.model.region(QStringLiteral("regions/a"))->health.latencyP95Ms, 111.0);
        QCOMPARE(f.model.rowCount(), 2);

        // A replay overlapping the snapshot: a resource newer than the event keeps its state.
        Fixture g;
        RegionSnapshot s = regionsAndComponents();
        s.regions[0] = makeRegion("a", 30, 333); // listed later than the snapshot revision 10
        g.model.setSnapshot(s);
        g.model.applyChanges({batch(11, {upsert(makeRegion("a", 11, 111))})});
        QCOMPARE(g.model.region(QStringLiteral("regions/a"))->health.latencyP95Ms, 333.0);
        QCOMPARE(g.model.revision(), 11);
    }

    void edgeNodesAreIgnored()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        EdgeNode node;
        node.name = QStringLiteral("regions/a/edgeNodes/fra-01");
        QSignalSpy inserted(&f.model, &QAbstractItemModel::rowsInserted);
        f.model.applyChanges(
            {batch(11, {{RegionEvent::Type::Upsert, node.name, node}, deletion(node.name)})});
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(f.model.rowCount(f.model.index(0, 0)), 2);
        QCOMPARE(f.model.revision(), 11);
    }

    void sortValuesAreNumbers()
    {
        Fixture f;
        f.model.setSnapshot(regionsAndComponents());
        const QModelIndex a = f.model.index(0, 0);
        auto sortType = [&](int column) {
            return f.model.index(0, column).data(RegionTreeModel::SortRole).metaType().id();
        };
        QCOMPARE(sortType(RegionTreeModel::LatencyP95Column), QMetaType::Double);
        QCOMPARE(sortType(RegionTreeModel::ErrorRateColumn), QMetaType::Double);
        QCOMPARE(sortType(RegionTreeModel::ThroughputColumn), QMetaType::Double);
        QCOMPARE(sortType(RegionTreeModel::AvailabilityColumn), QMetaType::Double);
        QCOMPARE(sortType(RegionTreeModel::StatusColumn), QMetaType::Int);
        QCOMPARE(sortType(RegionTreeModel::UpdatedColumn), QMetaType::LongLong);
        QCOMPARE(sortType(RegionTreeModel::NameColumn), QMetaType::QString);
        QCOMPARE(f.model.index(0, RegionTreeModel::UpdatedColumn)
                     .data(RegionTreeModel::SortRole)
                     .toLongLong(),
                 kT0.addSecs(1).toMSecsSinceEpoch());
        QCOMPARE(a.data(RegionTreeModel::StatusRole).toInt(), int(HealthStatus::Healthy));
        QVERIFY(a.data(RegionTreeModel::IsRegionRole).toBool());
    }

    void displayFormatting_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        using M = RegionTreeModel;
        QTest::newRow("latency 182") << int(M::LatencyP95Column) << 182.4 << "182 ms";
        QTest::newRow("latency below 10") << int(M::LatencyP95Column) << 4.24 << "4.2 ms";
        QTest::newRow("error rate") << int(M::ErrorRateColumn) << 0.0012 << "0.12 %";
        QTest::newRow("error rate zero") << int(M::ErrorRateColumn) << 0.0 << "0.00 %";
        QTest::newRow("throughput small") << int(M::ThroughputColumn) << 850.0 << "850 req/s";
        QTest::newRow("throughput k") << int(M::ThroughputColumn) << 12400.0 << "12.4 k req/s";
        QTest::newRow("throughput M") << int(M::ThroughputColumn) << 2.5e6 << "2.5 M req/s";
        QTest::newRow("availability") << int(M::AvailabilityColumn) << 0.99987 << "99.987 %";
        QTest::newRow("availability full") << int(M::AvailabilityColumn) << 1.0 << "100.000 %";
    }

    void displayFormatting()
    {
        QFETCH(int, column);
        QFETCH(double, value);
        QFETCH(QString, expected);
        Region r = makeRegion(QStringLiteral("eu-west"), 1);
        r.displayName = QStringLiteral("Europe (Ireland)");
        r.statusMessage = QStringLiteral("p95 above target");
        r.status = HealthStatus::Degraded;
        switch (column) {
        case RegionTreeModel::LatencyP95Column:
            r.health.latencyP95Ms = value;
            break;
        case RegionTreeModel::ErrorRateColumn:
            r.health.errorRate = value;
            break;
        case RegionTreeModel::ThroughputColumn:
            r.health.throughputRps = value;
            break;
        case RegionTreeModel::AvailabilityColumn:
            r.health.availability = value;
            break;
        }
        // Both code paths format: the reset path (empty model) and the incremental one.
        Fixture viaSnapshot;
        viaSnapshot.model.setSnapshot({1, {r}, {}, {}});
        Fixture viaChange;
        Region other = makeRegion(QStringLiteral("eu-west"), 1);
        viaChange.model.setSnapshot({1, {other}, {}, {}});
        r.revision = 2;
        viaChange.model.applyChanges({batch(2, {upsert(r)})});
        for (RegionTreeModel *m : {&viaSnapshot.model, &viaChange.model}) {
            QCOMPARE(m->index(0, column).data().toString(), expected);
            QCOMPARE(m->index(0, column).data(Qt::TextAlignmentRole).toInt(),
                     int(Qt::AlignRight | Qt::AlignVCenter));
            QCOMPARE(m->index(0, RegionTreeModel::NameColumn).data().toString(),
                     QStringLiteral("Europe (Ireland)"));
            QVERIFY(m->index(0, RegionTreeModel::NameColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .startsWith(QStringLiteral("eu-west")));
            QCOMPARE(m->index(0, RegionTreeModel::StatusColumn).data(Qt::ToolTipRole).toString(),
                     QStringLiteral("p95 above target"));
            QCOMPARE(m->index(0, RegionTreeModel::StatusColumn).data().toString(),
                     QStringLiteral("Degraded"));
            QCOMPARE(m->index(0, RegionTreeModel::ProviderColumn).data().toString(),
                     QStringLiteral("AWS"));
            QCOMPARE(m->index(0, RegionTreeModel::UpdatedColumn).data().toString(),
                     r.updateTime.toLocalTime().toString(QStringLiteral("hh:mm:ss")));
        }
    }
};

QTEST_GUILESS_MAIN(TestRegionTreeModel)
#include "tst_regiontreemodel.moc"
