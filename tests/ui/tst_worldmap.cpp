// The world map as a user sees it: rendered pixels (land, markers where the coordinates say,
// clusters, failover arrows, both themes), incremental updates, zoom, and the one selection shared
// with the Regions table against the real platformd.
#include "consolefixture.h"
#include "mapfixture.h"
#include "platformdprocess.h"
#include "testmain.h"

#include "ui/common/resourceselection.h"
#include "ui/common/theme.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/panelregistry.h"
#include "ui/map/mappanel.h"
#include "ui/map/worldmapwidget.h"
#include "ui/regions/regionfilterproxymodel.h"
#include "ui/regions/regionspanel.h"

#include "models/regionstore.h"
#include "models/regiontreemodel.h"
#include "services/connection.h"
#include "services/regionclient.h"

#include <QApplication>
#include <QDockWidget>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace ops;

namespace {

using namespace mapfixture;

bool near(QRgb a, const QColor &b, int tolerance = 6)
{
    return std::abs(qRed(a) - b.red()) <= tolerance &&
           std::abs(qGreen(a) - b.green()) <= tolerance &&
           std::abs(qBlue(a) - b.blue()) <= tolerance;
}

double share(const QImage &image, const QColor &color)
{
    qint64 n = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            n += near(line[x], color, 2);
    }
    return double(n) / (qint64(image.width()) * image.height());
}

// Pixels of `color` within `radius` of `center` (widget = image coordinates, DPR 1).
int countNear(const QImage &image, QPointF center, int radius, const QColor &color)
{
    int n = 0;
    for (int y = int(center.y()) - radius; y <= int(center.y()) + radius; ++y) {
        for (int x = int(center.x()) - radius; x <= int(center.x()) + radius; ++x) {
            if (image.rect().contains(x, y) && near(image.pixel(x, y), color))
                ++n;
        }
    }
    return n;
}

QImage render(QWidget &widget)
{
    return widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

} // namespace

class tst_WorldMap : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void emptyStateBeforeTheFirstSnapshot();
    void renderedImageLight();
    void renderedImageDark();
    void clusterShowsItsDistribution();
    void zoomingInSplitsClusters();
    void nodesUnderARegionBadgeIt();
    void incrementalUpdates();
    void failoverArrow();
    void selectionFollowsAndReveals();
    void selectionSyncWithRegionsTable();
    void screenshots();

private:
    PlatformdProcess m_platformd;
};

void tst_WorldMap::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    theme::apply(theme::Mode::Light);
    QVERIFY2(m_platformd.start(
                 {QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")}),
             qPrintable(m_platformd.errorString()));
}

void tst_WorldMap::cleanup()
{
    theme::apply(theme::Mode::Light);
}

void tst_WorldMap::emptyStateBeforeTheFirstSnapshot()
{
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(800, 400);
    QCOMPARE(map.emptyStateText(), QStringLiteral("Waiting for regions…"));
    // The world is drawn, dimmed, under the notice: land and sea differ.
    const QImage image = render(map);
    const QPointF sahara = map.geoToWidget(15, 23), pacific = map.geoToWidget(-150, 0);
    QVERIFY(image.pixel(sahara.toPoint()) != image.pixel(pacific.toPoint()));
    store.setSnapshot(RegionSnapshot{});
    QCOMPARE(map.emptyStateText(), QStringLiteral("No regions to show"));
    store.setSnapshot(fixture());
    QVERIFY(map.emptyStateText().isEmpty());
}

void tst_WorldMap::renderedImageLight()
{
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1000, 500);
    store.setSnapshot(fixture());
    map.showWholeWorld();
    const QImage image = render(map);
    QCOMPARE(image.size(), QSize(1000, 500));
    const WorldMapWidget::Colors colors = WorldMapWidget::colorsFor(map.palette());
    // Not blank: land covers roughly a quarter of the world's oval, the sea most of the rest.
    const double land = share(image, colors.land);
    const double ocean = share(image, colors.ocean);
    QVERIFY2(land > 0.12 && land < 0.40, qPrintable(QString::number(land)));
    QVERIFY2(ocean > 0.25, qPrintable(QString::number(ocean)));

    // Markers sit where their coordinates project to, in their status colour.
    const struct
    {
        QString name;
        double lon, lat;
        HealthStatus status;
    } expected[] = {{QStringLiteral("regions/eu-west"), -0.13, 51.5, HealthStatus::Healthy},
                    {QStringLiteral("regions/ap-northeast"), 139.69, 35.69, HealthStatus::Down},
                    {QStringLiteral("regions/sa-east"), -46.63, -23.55, HealthStatus::Degraded}};
    for (const auto &e : expected) {
        QPointF pos;
        QVERIFY(map.markerPosition(e.name, &pos));
        QVERIFY(QLineF(pos, map.geoToWidget(e.lon, e.lat)).length() < 1e-6);
        // Whole-world view of 1000×500: 184.73 px per unit, centred.
        const QColor color = theme::statusColor(e.status, map.palette());
        QVERIFY2(countNear(image, pos, 4, color) >= 12,
                 qPrintable(e.name + QStringLiteral(": %1").arg(countNear(image, pos, 4, color))));
        QVERIFY(QLineF(pos, QPointF(500, 250)).length() > 50);
    }
    // London's marker is drawn at its pixel (independently computed: 499.7, 71.7).
    QPointF london;
    map.markerPosition(QStringLiteral("regions/eu-west"), &london);
    QVERIFY(QLineF(london, QPointF(499.7, 71.7)).length() < 0.5);
    // The lone Sydney node (maintenance): a diamond in the maintenance colour.
    QPointF sydney;
    QVERIFY(map.markerPosition(QStringLiteral("regions/ap-northeast/edgeNodes/syd-01"), &sydney));
    QVERIFY(countNear(image, sydney, 3,
                      theme::statusColor(HealthStatus::Maintenance, map.palette())) >= 6);
    // Nothing in the status colours far from every marker (the middle of the Pacific).
    const QPointF pacific = map.geoToWidget(-150, 0);
    for (HealthStatus s : {HealthStatus::Healthy, HealthStatus::Down, HealthStatus::Degraded})
        QCOMPARE(countNear(image, pacific, 10, theme::statusColor(s, map.palette())), 0);
}

void tst_WorldMap::renderedImageDark()
{
    theme::apply(theme::Mode::Dark);
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1000, 500);
    store.setSnapshot(fixture());
    map.showWholeWorld();
    QVERIFY(theme::isDark(map.palette()));
    const QImage image = render(map);
    const WorldMapWidget::Colors dark = WorldMapWidget::colorsFor(map.palette());
    QVERIFY(dark.land != WorldMapWidget::colorsFor(QApplication::style()->standardPalette()).land);
    const double land = share(image, dark.land);
    QVERIFY2(land > 0.12 && land < 0.40, qPrintable(QString::number(land)));
    QVERIFY(share(image, dark.ocean) > 0.25);
    QPointF pos;
    QVERIFY(map.markerPosition(QStringLiteral("regions/eu-west"), &pos));
    QVERIFY(countNear(image, pos, 4, theme::statusColor(HealthStatus::Healthy, map.palette())) >=
            12);
    // A switch back repaints in the light palette (the cached layers follow the theme).
    theme::apply(theme::Mode::Light);
    QCoreApplication::processEvents();
    const QImage light = render(map);
    QVERIFY(share(light, WorldMapWidget::colorsFor(map.palette()).land) > 0.12);
    QCOMPARE(share(light, dark.land), 0.0);
}

void tst_WorldMap::clusterShowsItsDistribution()
{
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1000, 500);
    store.setSnapshot(fixture());
    map.showWholeWorld();
    // The ten Frankfurt nodes (≈0.5° apart overall) are one cluster at world zoom.
    int frankfurt = -1;
    for (int i = 0; i < map.clusters().size(); ++i) {
        if (map.clusters().at(i).size() > 1)
            frankfurt = i;
    }
    QVERIFY(frankfurt >= 0);
    const MarkerCluster c = map.clusters().at(frankfurt);
    QCOMPARE(c.size(), 10);
    QCOMPARE(c.counts[size_t(HealthStatus::Healthy)], 7);
    QCOMPARE(c.counts[size_t(HealthStatus::Degraded)], 2);
    QCOMPARE(c.counts[size_t(HealthStatus::Down)], 1);
    QCOMPARE(c.worst(), HealthStatus::Down);
    // Its ring shows each state present; its tooltip counts them.
    const QImage image = render(map);
    const QPointF center = map.viewport().toScreen(c.position);
    for (HealthStatus s : {HealthStatus::Healthy, HealthStatus::Degraded, HealthStatus::Down}) {
        QVERIFY2(countNear(image, center, 18, theme::statusColor(s, map.palette())) > 4,
                 qPrintable(healthStatusText(s)));
    }
    const QString tip = map.toolTipAt(center);
    QVERIFY2(tip.contains(QStringLiteral("10 edge node")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("Healthy: 7")));
    QVERIFY(tip.contains(QStringLiteral("Degraded: 2")));
    QVERIFY(tip.contains(QStringLiteral("Down: 1")));
    // A node inside the cluster is placed at the cluster.
    QPointF pos;
    QVERIFY(map.markerPosition(QStringLiteral("regions/eu-west/edgeNodes/fra-3"), &pos));
    QCOMPARE(pos, center);
    // Hovering a region tells its name, provider and numbers.
    QPointF london;
    map.markerPosition(QStringLiteral("regions/eu-west"), &london);
    const QString regionTip = map.toolTipAt(london);
    QVERIFY2(regionTip.contains(QStringLiteral("eu-west")) &&
                 regionTip.contains(QStringLiteral("AWS")) &&
                 regionTip.contains(QStringLiteral("120 ms")) &&
                 regionTip.contains(QStringLiteral("0.12 %")) &&
                 regionTip.contains(QStringLiteral("99.950 %")),
             qPrintable(regionTip));
}

// At world zoom, nodes next to a region (here: two in London, a degraded one among them) do not
// draw a cluster over its marker: the region stays visible, with a count badge on it.
void tst_WorldMap::nodesUnderARegionBadgeIt()
{
    RegionSnapshot snapshot = fixture();
    addLondonNodes(snapshot);
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1000, 500);
    store.setSnapshot(snapshot);
    map.showWholeWorld();
    QPointF london;
    QVERIFY(map.markerPosition(QStringLiteral("regions/eu-west"), &london));
    QCOMPARE(map.regionBadgeCount(QStringLiteral("regions/eu-west")), 2);
    QCOMPARE(map.regionBadgeCount(QStringLiteral("regions/sa-east")), 0);
    // No cluster within the region marker; the Frankfurt cluster (≈25 px away) is unchanged.
    int total = 0;
    for (const MarkerCluster &c : map.clusters()) {
        total += c.size();
        QVERIFY2(QLineF(map.viewport().toScreen(c.position), london).length() > 15,
                 qPrintable(QString::number(c.size())));
    }
    QCOMPARE(total, 11);
    QPointF pos;
    QVERIFY(map.markerPosition(QStringLiteral("regions/eu-west/edgeNodes/lon-2"), &pos));
    QCOMPARE(pos, london);
    // The region is what is under the pointer, and it counts the nodes it covers.
    QCOMPARE(map.markerAt(london), QStringLiteral("regions/eu-west"));
    const QString tip = map.toolTipAt(london);
    QVERIFY2(tip.contains(QStringLiteral("2 edge node")) &&
                 tip.contains(QStringLiteral("Degraded: 1")),
             qPrintable(tip));
    // The region marker is drawn in its own colour, with the badge ringed in the worst state.
    const QImage image = render(map);
    QVERIFY(countNear(image, london, 4, theme::statusColor(HealthStatus::Healthy, map.palette())) >=
            12);
    QVERIFY(countNear(image, london + QPointF(12, -12), 6,
                      theme::statusColor(HealthStatus::Degraded, map.palette())) >= 4);
    // Zoomed in, the node half a degree away is its own marker again; the one next door is not.
    map.zoomAt(london, 16);
    QVERIFY2(map.viewport().zoom() >= 16, qPrintable(QString::number(map.viewport().zoom())));
    QCOMPARE(map.regionBadgeCount(QStringLiteral("regions/eu-west")), 1);
    QVERIFY(map.markerPosition(QStringLiteral("regions/eu-west/edgeNodes/lon-2"), &pos));
    QVERIFY(QLineF(pos, map.geoToWidget(-0.63, 51.5)).length() < 1e-6);
}

void tst_WorldMap::zoomingInSplitsClusters()
{
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1000, 500);
    store.setSnapshot(fixture());
    map.showWholeWorld();
    const int before = int(map.clusters().size());
    int frankfurt = -1;
    for (int i = 0; i < map.clusters().size(); ++i) {
        if (map.clusters().at(i).size() == 10)
            frankfurt = i;
    }
    QVERIFY(frankfurt >= 0);
    const double scale = map.viewport().scale();
    const QPointF center = map.viewport().toScreen(map.clusters().at(frankfurt).position);
    // Double-clicking the cluster zooms into it until it splits.
    map.show();
    QVERIFY(QTest::qWaitForWindowExposed(&map));
    QTest::mouseDClick(&map, Qt::LeftButton, {}, center.toPoint());
    QVERIFY(map.viewport().scale() >= 2 * scale);
    QVERIFY(map.clusters().size() > before);
    int largest = 0;
    for (const MarkerCluster &c : map.clusters())
        largest = std::max(largest, c.size());
    QVERIFY2(largest < 10, qPrintable(QString::number(largest)));
    // Every node still belongs to exactly one cluster.
    int total = 0;
    for (const MarkerCluster &c : map.clusters())
        total += c.size();
    QCOMPARE(total, 11);
    // Keys: F fits the data again, 0 shows the whole world.
    QTest::keyClick(&map, Qt::Key_0);
    QCOMPARE(map.viewport().zoom(), 1.0);
    QTest::keyClick(&map, Qt::Key_Plus);
    QVERIFY(map.viewport().zoom() > 1.4);
    const QPointF c0 = map.viewport().center();
    QTest::keyClick(&map, Qt::Key_Left);
    QVERIFY(map.viewport().center().x() < c0.x());
    QTest::keyClick(&map, Qt::Key_F);
    // Fitting to data shows every marker.
    for (const QString &name :
         {QStringLiteral("regions/eu-west"), QStringLiteral("regions/sa-east"),
          QStringLiteral("regions/ap-northeast/edgeNodes/syd-01")}) {
        QPointF pos;
        QVERIFY(map.markerPosition(name, &pos));
        QVERIFY2(map.rect().contains(pos.toPoint()), qPrintable(name));
    }
}

void tst_WorldMap::incrementalUpdates()
{
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1000, 500);
    store.setSnapshot(fixture());
    map.showWholeWorld();
    // (Plural forms come from the English translation, which a test does not load.)
    const QString header = map.headerText();
    QVERIFY2(
        header.startsWith(QStringLiteral("3 region")) &&
            header.contains(QStringLiteral("11 edge node")) &&
            header.endsWith(QStringLiteral(" · 2 Down · 3 Degraded · 1 Maintenance · 8 Healthy")),
        qPrintable(header));
    // One node turns down: the cluster's distribution follows without reclustering.
    RegionChangeBatch batch;
    batch.revision = 11;
    batch.commitTime = QDateTime::currentDateTimeUtc();
    RegionEvent event;
    EdgeNode node = fixture().edgeNodes.at(0);
    node.status = HealthStatus::Down;
    node.health.latencyP95Ms = 900;
    event.name = node.name;
    event.resource = node;
    batch.events.append(event);
    // And a region goes away.
    RegionEvent removal;
    removal.type = RegionEvent::Type::Delete;
    removal.name = QStringLiteral("regions/sa-east");
    batch.events.append(removal);
    store.applyChanges({batch});
    QCOMPARE(map.marker(node.name)->status, HealthStatus::Down);
    QCOMPARE(map.marker(node.name)->health.latencyP95Ms, 900.0);
    QVERIFY(!map.marker(QStringLiteral("regions/sa-east")));
    QCOMPARE(map.markerCount(WorldMapWidget::MarkerKind::Region), 2);
    int tenth = -1;
    for (int i = 0; i < map.clusters().size(); ++i) {
        if (map.clusters().at(i).size() == 10)
            tenth = i;
    }
    QVERIFY(tenth >= 0);
    QCOMPARE(map.clusters().at(tenth).counts[size_t(HealthStatus::Down)], 2);
    QCOMPARE(map.clusters().at(tenth).counts[size_t(HealthStatus::Healthy)], 6);
    QVERIFY(map.headerText().startsWith(QStringLiteral("2 region")));
    QVERIFY(map.headerText().contains(QStringLiteral("3 Down")));
    QCOMPARE(map.lastUpdate(), batch.commitTime.toLocalTime());
    // The picture follows: the Sao Paulo marker is gone.
    const QImage image = render(map);
    QCOMPARE(countNear(image, map.geoToWidget(-46.63, -23.55), 4,
                       theme::statusColor(HealthStatus::Degraded, map.palette())),
             0);
}

void tst_WorldMap::failoverArrow()
{
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1000, 500);
    RegionSnapshot s = fixture();
    Failover f;
    f.name = QStringLiteral("regions/ap-northeast/failovers/f-1");
    f.sourceRegion = QStringLiteral("regions/ap-northeast");
    f.targetRegion = QStringLiteral("regions/eu-west");
    f.state = Failover::State::Active;
    f.trafficFraction = 0.6;
    f.reason = QStringLiteral("region down");
    f.startTime = QDateTime::currentDateTimeUtc();
    s.failovers.append(f);
    store.setSnapshot(s);
    map.showWholeWorld();
    QCOMPARE(map.activeFailoverCount(), 1);
    const QColor arrowColor = WorldMapWidget::colorsFor(map.palette()).failover;
    const QImage image = render(map);
    QVERIFY(share(image, arrowColor) > 0.0005);
    // The arrow's label shows on hover, halfway along the curve.
    QPointF from, to;
    map.markerPosition(f.sourceRegion, &from);
    map.markerPosition(f.targetRegion, &to);
    QString tip;
    // Search the curve's middle (it bends to the left of the travel direction).
    const QPointF mid = (from + to) / 2;
    const QLineF line(from, to);
    const QPointF normal(-(to.y() - from.y()) / line.length(), (to.x() - from.x()) / line.length());
    for (double t = 0; t < 0.3 && tip.isEmpty(); t += 0.005)
        tip = map.toolTipAt(mid + normal * line.length() * t);
    QVERIFY2(tip.contains(QStringLiteral("ap-northeast → eu-west")), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("60 %")));
    // Completed: no arrow.
    f.state = Failover::State::Completed;
    RegionChangeBatch batch;
    batch.revision = 12;
    RegionEvent event;
    event.name = f.name;
    event.resource = f;
    batch.events.append(event);
    store.applyChanges({batch});
    QCOMPARE(map.activeFailoverCount(), 0);
    // (The legend's sample arrow stays: look above it.)
    const QImage after = render(map);
    QCOMPARE(share(after.copy(0, 0, after.width(), after.height() - 200), arrowColor), 0.0);
}

void tst_WorldMap::selectionFollowsAndReveals()
{
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(800, 400);
    store.setSnapshot(fixture());
    // Zoomed into Europe: Sydney is off-screen.
    map.showWholeWorld();
    map.zoomAt(map.geoToWidget(8.6, 50.1), 8);
    QPointF pos;
    QVERIFY(map.markerPosition(QStringLiteral("regions/ap-northeast/edgeNodes/syd-01"), &pos));
    QVERIFY(!map.rect().contains(pos.toPoint()));
    map.setSelectedName(QStringLiteral("regions/ap-northeast/edgeNodes/syd-01"));
    QCOMPARE(map.selectedName(), QStringLiteral("regions/ap-northeast/edgeNodes/syd-01"));
    QVERIFY(map.markerPosition(QStringLiteral("regions/ap-northeast/edgeNodes/syd-01"), &pos));
    QVERIFY(map.rect().contains(pos.toPoint()));
    // The selected marker is outlined in the selection colour.
    const QColor ring = WorldMapWidget::colorsFor(map.palette()).selection;
    QVERIFY(countNear(render(map), pos, 12, ring) > 10);
    // A component selects its region's marker.
    map.setSelectedName(QStringLiteral("regions/sa-east/components/kafka"));
    QVERIFY(map.markerPosition(QStringLiteral("regions/sa-east"), &pos));
    QVERIFY(map.rect().contains(pos.toPoint()));
    QVERIFY(countNear(render(map), pos, 16, ring) > 10);
}

void tst_WorldMap::selectionSyncWithRegionsTable()
{
    RegionTreeModel model;
    Connection connection;
    RegionClient client(&connection);
    client.setIncludeEdgeNodes(true);
    QObject::connect(&client, &RegionClient::snapshotReceived, &model,
                     &RegionTreeModel::setSnapshot);
    QObject::connect(&client, &RegionClient::changesReceived, &model,
                     &RegionTreeModel::applyChanges);
    MainWindow window(PanelContext{&model, {&connection, &client}});
    window.resetLayout();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget *dock = window.panels()->dock(QStringLiteral("map"));
    QVERIFY(dock);
    QCOMPARE(window.dockWidgetArea(dock), Qt::TopDockWidgetArea);
    QVERIFY(window.findPanel<MapPanel>());
    WorldMapWidget *map = window.findPanel<MapPanel>()->map();
    // On top, the Regions table right under it, as wide as it.
    QDockWidget *regionsDock = window.panels()->dock(QStringLiteral("regions"));
    QVERIFY(dock->geometry().bottom() < regionsDock->geometry().top());
    QVERIFY(regionsDock->geometry().top() - dock->geometry().bottom() < 12);
    QCOMPARE(dock->width(), regionsDock->width());
    QVERIFY(map->height() >= 150);

    connection.open(testProfile(m_platformd.address(), m_platformd.adminToken()));
    client.start();
    QTRY_VERIFY_WITH_TIMEOUT(map->hasSnapshot(), 15000);
    QCOMPARE(map->markerCount(WorldMapWidget::MarkerKind::Region), 9);
    QVERIFY2(map->markerCount(WorldMapWidget::MarkerKind::EdgeNode) > 200,
             qPrintable(QString::number(map->markerCount(WorldMapWidget::MarkerKind::EdgeNode))));
    QTRY_COMPARE(model.rowCount(), 9);

    // Click the region marker nearest the map's centre (away from the buttons and the legend).
    QString target;
    QPointF targetPos;
    double best = 1e9;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString name = model.index(row, 0).data(RegionTreeModel::ResourceNameRole).toString();
        QPointF pos;
        QVERIFY(map->markerPosition(name, &pos));
        const double d = QLineF(pos, QPointF(map->rect().center())).length();
        if (d < best && map->markerAt(pos) == name) {
            best = d;
            target = name;
            targetPos = pos;
        }
    }
    QVERIFY(!target.isEmpty());
    QTest::mouseClick(map, Qt::LeftButton, {}, targetPos.toPoint());
    QCOMPARE(window.selection()->current(), target);
    QCOMPARE(map->selectedName(), target);
    QTreeView *view = window.findPanel<RegionsPanel>()->view();
    QCOMPARE(
        view->currentIndex().siblingAtColumn(0).data(RegionTreeModel::ResourceNameRole).toString(),
        target);
    QVERIFY(view->selectionModel()->isRowSelected(view->currentIndex().row(),
                                                  view->currentIndex().parent()));

    // Selecting another row in the table highlights it on the map.
    const QModelIndex other = view->model()->index(view->currentIndex().row() == 0 ? 1 : 0, 0);
    const QString otherName = other.data(RegionTreeModel::ResourceNameRole).toString();
    view->setCurrentIndex(other);
    QCOMPARE(window.selection()->current(), otherName);
    QCOMPARE(map->selectedName(), otherName);

    // An edge node selected elsewhere selects its region's row, and the map keeps the node.
    const QString node = map->clusterMemberNames(0).value(0);
    QVERIFY(node.contains(QStringLiteral("/edgeNodes/")));
    window.selection()->setCurrent(node);
    QCOMPARE(map->selectedName(), node);
    QCOMPARE(window.selection()->current(), node);
    QCOMPARE(
        view->currentIndex().siblingAtColumn(0).data(RegionTreeModel::ResourceNameRole).toString(),
        node.section(QLatin1Char('/'), 0, 1));
    client.stop();
}

// A picture writer, not a check (OPS_SCREENSHOTS=<dir>, scripts/screenshots): saves the live
// console and its map, light and dark, for a human to look at (docs/screenshot-map.png comes from
// here).
void tst_WorldMap::screenshots()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    RegionTreeModel model;
    Connection connection;
    RegionClient client(&connection);
    client.setIncludeEdgeNodes(true);
    client.setIncludeOperations(true); // failovers, as the app streams them
    QObject::connect(&client, &RegionClient::snapshotReceived, &model,
                     &RegionTreeModel::setSnapshot);
    QObject::connect(&client, &RegionClient::changesReceived, &model,
                     &RegionTreeModel::applyChanges);
    MainWindow window(PanelContext{&model, {&connection, &client}});
    window.resize(1600, 1000);
    window.resetLayout();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    connection.open(testProfile(m_platformd.address(), m_platformd.adminToken()));
    client.start();
    WorldMapWidget *map = window.findPanel<MapPanel>()->map();
    QTRY_VERIFY_WITH_TIMEOUT(map->hasSnapshot(), 15000);
    QSignalSpy changes(&client, &RegionClient::changesReceived);
    QVERIFY(changes.wait(10000));
    window.selection()->setCurrent(QStringLiteral("regions/eu-central"));
    for (const QString &mode : {QStringLiteral("light"), QStringLiteral("dark")}) {
        theme::apply(theme::modeFromString(mode));
        QCoreApplication::processEvents(); // grab() paints afresh; this delivers the palette
        QVERIFY(window.grab().save(dir + QStringLiteral("/console-%1.png").arg(mode)));
        QVERIFY(map->grab().save(dir + QStringLiteral("/map-%1.png").arg(mode)));
    }
    client.stop();
}

OPS_TEST_MAIN(tst_WorldMap)
#include "tst_worldmap.moc"
