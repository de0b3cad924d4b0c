// The map's arithmetic: the Equal Earth projection and its inverse, the viewport's pixel mapping,
// the grid clustering, and the bundled Natural Earth data as it is projected.
#include "ui/map/geoprojection.h"
#include "ui/map/markerclustering.h"
#include "ui/map/worldgeometry.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace ops;

class tst_MapProjection : public QObject
{
    Q_OBJECT
private slots:
    void worldBounds();
    void citiesToPixels_data();
    void citiesToPixels();
    void inverseOfForward();
    void inverseOutsideTheWorld();
    void viewportRoundTrip();
    void clampCenter();
    void clusterEveryMemberOnce();
    void clusterDistributionsSumToMembers();
    void zoomingInSplitsClusters();
    void clusterCellIsPowerOfTwo();
    void worldDataLoads();
    void landContains_data();
    void landContains();
    void missingFileIsAnError();
};

void tst_MapProjection::worldBounds()
{
    // Equal Earth's extent for a unit sphere (Šavrič et al. 2018): 2.7066 × 1.3174.
    QVERIFY(std::abs(equalEarth::worldHalfWidth() - 2.70663) < 1e-4);
    QVERIFY(std::abs(equalEarth::worldHalfHeight() - 1.31736) < 1e-4);
    QCOMPARE(equalEarth::forward(0, 0), QPointF(0, 0));
    // Equal area: on a unit sphere the band between the equator and 30°N has area
    // 2π·sin 30° = π, and so must its projection.
    double area = 0;
    const int steps = 3000;
    for (int i = 0; i < steps; ++i) {
        const double lat0 = 30.0 * i / steps, lat1 = 30.0 * (i + 1) / steps;
        const QPointF a = equalEarth::forward(180, lat0), b = equalEarth::forward(180, lat1);
        area += (a.x() + b.x()) * (b.y() - a.y()); // width 2x, averaged over the step
    }
    QVERIFY2(std::abs(area - M_PI) < 1e-5, qPrintable(QString::number(area)));
}

void tst_MapProjection::citiesToPixels_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<QPointF>("pixel");
    // Expected pixels computed independently (Python, the published formula) for a 1000×500
    // viewport showing the whole world: scale 184.7316 px/unit, centre (0, 0).
    QTest::newRow("London") << -0.1276 << 51.5072 << QPointF(499.711, 71.715);
    QTest::newRow("Tokyo") << 139.6917 << 35.6895 << QPointF(852.738, 121.086);
    QTest::newRow("Sydney") << 151.2093 << -33.8688 << QPointF(885.554, 372.788);
    QTest::newRow("São Paulo") << -46.6333 << -23.5505 << QPointF(375.649, 336.821);
}

void tst_MapProjection::citiesToPixels()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(QPointF, pixel);
    MapViewport view;
    view.setSize(QSizeF(1000, 500));
    view.setScale(view.fitWorldScale());
    QVERIFY(std::abs(view.scale() - 184.7316) < 1e-3);
    const QPointF got = view.geoToScreen(lon, lat);
    QVERIFY2(QLineF(got, pixel).length() < 0.01,
             qPrintable(QStringLiteral("got %1,%2").arg(got.x()).arg(got.y())));
    double backLon = 999, backLat = 999;
    QVERIFY(view.screenToGeo(got, &backLon, &backLat));
    QVERIFY(std::abs(backLon - lon) < 1e-7);
    QVERIFY(std::abs(backLat - lat) < 1e-7);
}

void tst_MapProjection::inverseOfForward()
{
    double worst = 0;
    for (int lat = -89; lat <= 89; lat += 2) {
        for (int lon = -179; lon <= 179; lon += 4) {
            double l = 0, p = 0;
            QVERIFY(equalEarth::inverse(equalEarth::forward(lon + 0.25, lat + 0.5), &l, &p));
            worst = std::max({worst, std::abs(l - (lon + 0.25)), std::abs(p - (lat + 0.5))});
        }
    }
    QVERIFY2(worst < 1e-9, qPrintable(QString::number(worst)));
}

void tst_MapProjection::inverseOutsideTheWorld()
{
    double lon = 7, lat = 7;
    // Beyond the poles, and beside the curved edge at high latitude.
    QVERIFY(!equalEarth::inverse(QPointF(0, 1.4), &lon, &lat));
    QVERIFY(!equalEarth::inverse(QPointF(2.6, 1.2), &lon, &lat));
    QCOMPARE(lon, 7.0);
    QCOMPARE(lat, 7.0);
}

void tst_MapProjection::viewportRoundTrip()
{
    MapViewport view;
    view.setSize(QSizeF(1920, 1080));
    view.setScale(view.fitWorldScale() * 3.7);
    view.setCenter(QPointF(0.8, 0.4));
    const QPointF unit(1.234, -0.5);
    const QPointF back = view.toUnit(view.toScreen(unit));
    QVERIFY(QLineF(back, unit).length() < 1e-12);
    // North is up: a point further north is higher on screen.
    QVERIFY(view.geoToScreen(10, 50).y() < view.geoToScreen(10, 40).y());
    QVERIFY(view.geoToScreen(20, 0).x() > view.geoToScreen(10, 0).x());
    QVERIFY(std::abs(view.zoom() - 3.7) < 1e-9);
}

void tst_MapProjection::clampCenter()
{
    MapViewport view;
    view.setSize(QSizeF(800, 400));
    view.setScale(view.fitWorldScale());
    view.setCenter(QPointF(2, 1));
    view.clampCenter();
    // The whole world fits: it is centred.
    QCOMPARE(view.center(), QPointF(0, 0));
    view.setScale(view.fitWorldScale() * 4);
    view.setCenter(QPointF(100, -100));
    view.clampCenter();
    // Zoomed in: the view's edge stops at the world's edge.
    QVERIFY(std::abs(view.toScreen(QPointF(equalEarth::worldHalfWidth(), 0)).x() - 800) < 1e-6);
    QVERIFY(std::abs(view.toScreen(QPointF(0, -equalEarth::worldHalfHeight())).y() - 400) < 1e-6);
}

namespace {
struct Points
{
    QList<QPointF> points;
    QList<HealthStatus> statuses;
};

Points randomPoints(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    Points p;
    for (int i = 0; i < n; ++i) {
        // Dense in a few places (like edge nodes around metros), sparse elsewhere.
        const QPointF hub(double(rng.bounded(5)) - 2, double(rng.bounded(3)) - 1);
        p.points.append(hub + QPointF(rng.generateDouble() * 0.3, rng.generateDouble() * 0.3));
        p.statuses.append(HealthStatus(rng.bounded(5)));
    }
    return p;
}
} // namespace

void tst_MapProjection::clusterEveryMemberOnce()
{
    const Points p = randomPoints(250, 7);
    QList<int> clusterOf;
    const QList<MarkerCluster> clusters = clusterPoints(p.points, p.statuses, 0.125, &clusterOf);
    QVERIFY(clusters.size() > 1);
    QVERIFY(clusters.size() < 250);
    QList<int> seen(250, 0);
    for (int c = 0; c < clusters.size(); ++c) {
        for (int member : clusters.at(c).members) {
            ++seen[member];
            QCOMPARE(clusterOf.at(member), c);
        }
    }
    for (int count : seen)
        QCOMPARE(count, 1);
}

void tst_MapProjection::clusterDistributionsSumToMembers()
{
    const Points p = randomPoints(250, 11);
    const QList<MarkerCluster> clusters = clusterPoints(p.points, p.statuses, 0.25);
    int total = 0;
    for (const MarkerCluster &c : clusters) {
        int sum = 0;
        std::array<int, 5> expected{};
        for (int member : c.members)
            ++expected[size_t(p.statuses.at(member))];
        for (int n : c.counts)
            sum += n;
        QCOMPARE(sum, c.size());
        QCOMPARE(c.counts, expected);
        total += c.size();
        // The centroid lies within the members' bounds.
        QRectF bounds(p.points.at(c.members.first()), QSizeF());
        for (int member : c.members)
            bounds = bounds.united(QRectF(p.points.at(member), QSizeF(1e-12, 1e-12)));
        QVERIFY(bounds.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(c.position));
    }
    QCOMPARE(total, 250);
    // The worst state is the most urgent one present.
    MarkerCluster c;
    c.members = {0, 1};
    c.counts[size_t(HealthStatus::Healthy)] = 1;
    c.counts[size_t(HealthStatus::Maintenance)] = 1;
    QCOMPARE(c.worst(), HealthStatus::Maintenance);
    c.counts[size_t(HealthStatus::Down)] = 1;
    QCOMPARE(c.worst(), HealthStatus::Down);
}

void tst_MapProjection::zoomingInSplitsClusters()
{
    const Points p = randomPoints(250, 3);
    QList<int> coarseOf, fineOf;
    const double coarseCell = clusterCellSize(22, 100); // zoomed out
    const double fineCell = clusterCellSize(22, 800);   // 8× closer
    const auto coarse = clusterPoints(p.points, p.statuses, coarseCell, &coarseOf);
    const auto fine = clusterPoints(p.points, p.statuses, fineCell, &fineOf);
    QVERIFY(fine.size() > coarse.size());
    // The grids nest: every fine cluster lies within one coarse cluster.
    for (const MarkerCluster &c : fine) {
        QSet<int> parents;
        for (int member : c.members)
            parents.insert(coarseOf.at(member));
        QCOMPARE(parents.size(), 1);
    }
}

void tst_MapProjection::clusterCellIsPowerOfTwo()
{
    for (double scale : {37.0, 184.7, 1000.0, 15000.0}) {
        const double cell = clusterCellSize(22, scale);
        QVERIFY(cell * scale >= 22 - 1e-9);
        QVERIFY(cell * scale < 44);
        QCOMPARE(std::exp2(std::round(std::log2(cell))), cell);
    }
}

void tst_MapProjection::worldDataLoads()
{
    const WorldGeometry &world = WorldGeometry::shared();
    QVERIFY2(world.isValid(), qPrintable(world.error));
    QVERIFY(world.ringCount > 300); // 126 land rings + 286 country rings (some cut in two)
    QVERIFY(world.pointCount > 15000);
    // Nothing sticks out of the world: the antimeridian cuts held.
    const QRectF bounds = equalEarth::worldBounds().adjusted(-1e-6, -1e-6, 1e-6, 1e-6);
    QVERIFY(bounds.contains(world.land.boundingRect()));
    QVERIFY(bounds.contains(world.borders.boundingRect()));
    // And it reaches both edges: Fiji's islands touch the antimeridian at 16°S on either side.
    const double fijiEdge = equalEarth::forward(180, -16.1).x();
    QVERIFY(world.land.boundingRect().right() > fijiEdge - 1e-3);
    QVERIFY(world.land.boundingRect().left() < -fijiEdge + 1e-3);
}

void tst_MapProjection::landContains_data()
{
    QTest::addColumn<double>("lon");
    QTest::addColumn<double>("lat");
    QTest::addColumn<bool>("land");
    QTest::newRow("Sahara") << 15.0 << 23.0 << true;
    QTest::newRow("Paris") << 2.35 << 48.85 << true;
    QTest::newRow("Mid-Pacific") << -150.0 << 0.0 << false;
    QTest::newRow("Atlantic") << -35.0 << 30.0 << false;
    QTest::newRow("Antarctica") << 40.0 << -80.0 << true;
    QTest::newRow("Chukotka west of 180") << 175.0 << 66.0 << true;
    QTest::newRow("Chukotka east of 180") << -175.0 << 66.5 << true;
    QTest::newRow("Bering Sea") << -178.0 << 58.0 << false;
    QTest::newRow("Caspian Sea (a hole)") << 50.5 << 42.0 << false;
}

void tst_MapProjection::landContains()
{
    QFETCH(double, lon);
    QFETCH(double, lat);
    QFETCH(bool, land);
    QCOMPARE(WorldGeometry::shared().land.contains(equalEarth::forward(lon, lat)), land);
}

void tst_MapProjection::missingFileIsAnError()
{
    const WorldGeometry world =
        WorldGeometry::load(QStringLiteral("/nonexistent/land.geojson"),
                            QStringLiteral(":/worldmap/countries-110m.geojson"));
    QVERIFY(!world.isValid());
    QVERIFY2(world.error.contains(QLatin1String("/nonexistent/land.geojson")),
             qPrintable(world.error));
    // A file that is not GeoJSON names itself too.
    const WorldGeometry notGeo =
        WorldGeometry::load(QStringLiteral(":/worldmap/LICENSE-world-atlas.txt"), QString());
    QVERIFY(!notGeo.isValid());
    QVERIFY2(notGeo.error.contains(QLatin1String("LICENSE-world-atlas.txt")),
             qPrintable(notGeo.error));
}

QTEST_GUILESS_MAIN(tst_MapProjection)
#include "tst_mapprojection.moc"
