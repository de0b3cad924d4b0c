// The map's marker layer without a widget: the store's regions and edge nodes as markers,
// clustered and badged for the viewport's scale, hit-tested, labelled without collisions, and
// updated in place from the store's changes (so stale replays never reach the map).
#include "mapfixture.h"

#include "ui/map/mapoverlay.h"
#include "ui/map/markerlayer.h"

#include "models/regionstore.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTest>

using namespace ops;

namespace {

using namespace mapfixture;

// The map fixture with two nodes next to London (under the eu-west marker: its badge).
RegionSnapshot fixtureWithLondon()
{
    RegionSnapshot s = fixture();
    addLondonNodes(s);
    return s;
}

// The whole world in 1000×500 pixels, as WorldMapWidget::showWholeWorld() shows it.
MapViewport wholeWorld()
{
    MapViewport view;
    view.setSize(QSizeF(1000, 500));
    view.setScale(view.fitWorldScale());
    view.setCenter(QPointF());
    return view;
}

int clusterOfSize(const MarkerLayer &layer, int size)
{
    for (int i = 0; i < layer.clusters().size(); ++i) {
        if (layer.clusters().at(i).size() == size)
            return i;
    }
    return -1;
}

} // namespace

class TestMarkerLayer : public QObject
{
    Q_OBJECT
private slots:
    // The badge is painted between the region markers and their labels: it must not leave its
    // smaller font (or its pen and brush) on the painter, or every label after it is drawn in the
    // badge's font inside boxes measured for the label font.
    void badgeLeavesThePainterAsItWas()
    {
        QImage image(200, 100, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter p(&image);
        QFont labelFont = QGuiApplication::font();
        labelFont.setBold(true);
        labelFont.setPointSizeF(11);
        p.setFont(labelFont);
        p.setPen(QPen(Qt::red, 2));
        p.setBrush(Qt::blue);
        MarkerCluster badge;
        badge.members = {0, 1, 2};
        badge.counts[size_t(HealthStatus::Degraded)] = 3;
        MapOverlayPainter overlay;
        overlay.paintBadge(p, QPointF(100, 50), badge, QGuiApplication::font(),
                           QGuiApplication::palette());
        QCOMPARE(p.font(), labelFont);
        QCOMPARE(p.pen(), QPen(Qt::red, 2));
        QCOMPARE(p.brush(), QBrush(Qt::blue));
        p.end();
        // It did paint: the badge's ring and count are on the image.
        int painted = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                painted += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY(painted > 20);
    }

    void markersFollowTheStore()
    {
        RegionStore store;
        store.setSnapshot(fixtureWithLondon());
        MapViewport view = wholeWorld();
        MarkerLayer layer(&view);
        layer.reset(store);
        QCOMPARE(layer.markerCount(MapMarkerKind::Region), 3);
        QCOMPARE(layer.markerCount(MapMarkerKind::EdgeNode), 13);
        const MapMarker *london = layer.marker(QStringLiteral("regions/eu-west"));
        QVERIFY(london);
        QCOMPARE(london->unit, equalEarth::forward(-0.13, 51.5));
        QCOMPARE(layer.statusCounts()[size_t(HealthStatus::Degraded)], 4);
        // A component (or anything under a region) selects its region's marker.
        QCOMPARE(layer.selectedMarker(QStringLiteral("regions/eu-west/components/kafka")), london);
        QVERIFY(!layer.selectedMarker(QString()));
        QVERIFY(layer.bounds().contains(london->unit));
    }

    void clustersAndBadgesAtWorldZoom()
    {
        RegionStore store;
        store.setSnapshot(fixtureWithLondon());
        MapViewport view = wholeWorld();
        MarkerLayer layer(&view);
        layer.reset(store);
        const int frankfurt = clusterOfSize(layer, 10);
        QVERIFY(frankfurt >= 0);
        const MarkerCluster c = layer.clusters().at(frankfurt);
        QCOMPARE(c.counts[size_t(HealthStatus::Healthy)], 7);
        QCOMPARE(c.counts[size_t(HealthStatus::Degraded)], 2);
        QCOMPARE(c.counts[size_t(HealthStatus::Down)], 1);
        QCOMPARE(layer.clusterMemberNames(frankfurt).size(), 10);
        QVERIFY(layer.clusterBounds(frankfurt).contains(equalEarth::forward(8.6, 50.1)));
        // The London nodes are the region's badge, not a cluster over its marker.
        QCOMPARE(layer.regionBadgeCount(QStringLiteral("regions/eu-west")), 2);
        QCOMPARE(layer.regionBadgeCount(QStringLiteral("regions/sa-east")), 0);
        int clustered = 0;
        for (const MarkerCluster &cluster : layer.clusters())
            clustered += cluster.size();
        QCOMPARE(clustered, 11);
        // Positions: a clustered node at its cluster, a badged one at its region.
        QPointF pos, londonPos;
        QVERIFY(layer.position(QStringLiteral("regions/eu-west/edgeNodes/fra-3"), &pos));
        QCOMPARE(pos, view.toScreen(c.position));
        QVERIFY(layer.position(QStringLiteral("regions/eu-west"), &londonPos));
        QVERIFY(layer.position(QStringLiteral("regions/eu-west/edgeNodes/lon-2"), &pos));
        QCOMPARE(pos, londonPos);
        QVERIFY(!layer.position(QStringLiteral("regions/nope"), &pos));

        // Zoomed in 16×, the node half a degree from London is its own marker again.
        view.setScale(view.scale() * 16);
        view.setCenter(equalEarth::forward(-0.13, 51.5));
        QCOMPARE(layer.regionBadgeCount(QStringLiteral("regions/eu-west")), 1);
        QVERIFY(layer.position(QStringLiteral("regions/eu-west/edgeNodes/lon-2"), &pos));
        QVERIFY(QLineF(pos, view.geoToScreen(-0.63, 51.5)).length() < 1e-6);
    }

    void hitTesting()
    {
        RegionStore store;
        store.setSnapshot(fixtureWithLondon());
        const MapViewport view = wholeWorld();
        MarkerLayer layer(&view);
        layer.reset(store);
        const QPointF london = view.geoToScreen(-0.13, 51.5);
        // Regions win over what is under them; a few pixels off still hits.
        QCOMPARE(layer.markerAt(london), QStringLiteral("regions/eu-west"));
        QCOMPARE(layer.markerAt(london + QPointF(4, 4)), QStringLiteral("regions/eu-west"));
        QCOMPARE(layer.markerAt(view.geoToScreen(151.21, -33.87)),
                 QStringLiteral("regions/ap-northeast/edgeNodes/syd-01"));
        QVERIFY(layer.markerAt(view.geoToScreen(-150, 0)).isEmpty());
        // A cluster of 2+ is hit as a cluster, not as a marker.
        const int frankfurt = clusterOfSize(layer, 10);
        const QPointF center = view.toScreen(layer.clusters().at(frankfurt).position);
        QCOMPARE(layer.clusterAt(center), frankfurt);
        QVERIFY(layer.markerAt(center).isEmpty());
        QCOMPARE(layer.clusterAt(view.geoToScreen(-150, 0)), -1);
        // What a change repaints covers the marker (and a region's label below it).
        const MapMarker &sa = *layer.marker(QStringLiteral("regions/sa-east"));
        const QRect rect = layer.markerRect(sa);
        QVERIFY(rect.contains(view.toScreen(sa.unit).toPoint()));
        QVERIFY(rect.bottom() > view.toScreen(sa.unit).y() + mapmetrics::kRegionSize);
    }

    void labelsDoNotCollide()
    {
        RegionSnapshot s = fixtureWithLondon();
        // A neighbour so close that its label cannot go below eu-west's place.
        s.regions.append(
            makeRegion(QStringLiteral("eu-south"), -0.13, 49.8, HealthStatus::Healthy));
        RegionStore store;
        store.setSnapshot(s);
        const MapViewport view = wholeWorld();
        MarkerLayer layer(&view);
        layer.reset(store);
        QFont font;
        font.setBold(true);
        const QList<PlacedLabel> labels =
            layer.placeLabels(QRect(0, 0, 1000, 500), QFontMetricsF(font));
        QCOMPARE(labels.size(), 4);
        // In name order, each a short id, none overlapping another or any region marker.
        QStringList texts;
        for (const PlacedLabel &label : labels)
            texts << label.text;
        QCOMPARE(texts, (QStringList{QStringLiteral("ap-northeast"), QStringLiteral("eu-south"),
                                     QStringLiteral("eu-west"), QStringLiteral("sa-east")}));
        for (int i = 0; i < labels.size(); ++i) {
            for (int j = i + 1; j < labels.size(); ++j)
                QVERIFY2(!labels[i].box.intersects(labels[j].box),
                         qPrintable(labels[i].text + QLatin1Char('/') + labels[j].text));
            for (const MapMarker &m : layer.markers()) {
                if (m.kind != MapMarkerKind::Region)
                    continue;
                const QPointF p = view.toScreen(m.unit);
                const double half = mapmetrics::kRegionSize / 2;
                QVERIFY(!labels[i].box.intersects(
                    QRectF(p.x() - half, p.y() - half, 2 * half, 2 * half)));
            }
        }
        // Regions outside the visible rectangle get no label (ap-northeast is at x ≈ 880).
        QCOMPARE(layer.placeLabels(QRect(0, 0, 600, 500), QFontMetricsF(font)).size(), 3);
    }

    void changesUpdateInPlace()
    {
        RegionStore store;
        store.setSnapshot(fixtureWithLondon());
        const MapViewport view = wholeWorld();
        MarkerLayer layer(&view);
        layer.reset(store);
        const int frankfurt = clusterOfSize(layer, 10);
        QVERIFY(frankfurt >= 0);

        // A status change: the cluster's distribution follows without reclustering, and only
        // the cluster is repainted.
        RegionChangeBatch batch;
        batch.revision = 11;
        EdgeNode node = fixtureWithLondon().edgeNodes.at(0);
        node.status = HealthStatus::Down;
        node.revision = 11;
        batch.events.append({RegionEvent::Type::Upsert, node.name, node});
        RegionStoreChange change;
        QObject::connect(&store, &RegionStore::changed, &store,
                         [&](const RegionStoreChange &c) { change = c; });
        store.applyChanges({batch});
        QList<QRect> dirty;
        QVERIFY(!layer.apply(store, change, &dirty));
        QCOMPARE(dirty.size(), 1);
        QCOMPARE(dirty.at(0), layer.clusterRect(layer.clusters().at(frankfurt)));
        QCOMPARE(layer.clusters().at(frankfurt).counts[size_t(HealthStatus::Down)], 2);
        QCOMPARE(layer.marker(node.name)->status, HealthStatus::Down);

        // A stale replay never reaches the layer: the store skips it.
        EdgeNode old = node;
        old.status = HealthStatus::Healthy;
        old.revision = 5;
        batch.revision = 12;
        batch.events = {{RegionEvent::Type::Upsert, old.name, old}};
        store.applyChanges({batch});
        dirty.clear();
        layer.apply(store, change, &dirty);
        QCOMPARE(layer.marker(node.name)->status, HealthStatus::Down);

        // A deleted region goes, with its edge nodes: the whole view repaints.
        batch.revision = 13;
        batch.events = {{RegionEvent::Type::Delete, QStringLiteral("regions/ap-northeast"), {}}};
        store.applyChanges({batch});
        dirty.clear();
        QVERIFY(layer.apply(store, change, &dirty));
        QVERIFY(!layer.marker(QStringLiteral("regions/ap-northeast")));
        QVERIFY(!layer.marker(QStringLiteral("regions/ap-northeast/edgeNodes/syd-01")));
        QCOMPARE(layer.markerCount(MapMarkerKind::Region), 2);
        QCOMPARE(layer.markerCount(MapMarkerKind::EdgeNode), 12);
    }

    void failoverArrowsJoinActiveFailovers()
    {
        RegionSnapshot s = fixtureWithLondon();
        Failover f;
        f.name = QStringLiteral("regions/ap-northeast/failovers/f-1");
        f.sourceRegion = QStringLiteral("regions/ap-northeast");
        f.targetRegion = QStringLiteral("regions/eu-west");
        f.state = Failover::State::Active;
        Failover done = f;
        done.name = QStringLiteral("regions/sa-east/failovers/f-2");
        done.sourceRegion = QStringLiteral("regions/sa-east");
        done.state = Failover::State::Completed;
        Failover unknown = f;
        unknown.name = QStringLiteral("regions/nope/failovers/f-3");
        unknown.sourceRegion = QStringLiteral("regions/nope");
        s.failovers = {f, done, unknown};
        RegionStore store;
        store.setSnapshot(s);
        const MapViewport view = wholeWorld();
        MarkerLayer layer(&view);
        layer.reset(store);
        const QList<FailoverArrow> arrows = layer.failoverArrows(store.failovers());
        QCOMPARE(arrows.size(), 1);
        QCOMPARE(arrows.at(0).failover->name, f.name);
        // From outside the source marker to outside the target's, bending off the straight line.
        const QPointF from = view.geoToScreen(139.69, 35.69), to = view.geoToScreen(-0.13, 51.5);
        const QPointF start = arrows.at(0).path.pointAtPercent(0);
        const QPointF end = arrows.at(0).path.pointAtPercent(1);
        QVERIFY(QLineF(start, from).length() > mapmetrics::kRegionSize / 2);
        QVERIFY(QLineF(end, to).length() > mapmetrics::kRegionSize / 2);
        QVERIFY(QLineF(start, from).length() < mapmetrics::kRegionSize);
        const QPointF mid = arrows.at(0).path.pointAtPercent(0.5);
        QVERIFY(QLineF(mid, (from + to) / 2).length() > 20);
    }
};

QTEST_MAIN(TestMarkerLayer)
#include "tst_markerlayer.moc"
