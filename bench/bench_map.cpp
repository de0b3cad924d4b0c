// map_paint_ms and map_gui_busy_pct: the world map (ui/map/WorldMapWidget) at 1920×1080 with 250
// markers. Paints are full renders into a QImage; the busy share is the GUI thread's
// time spent in event delivery (QApplication::notify) while every marker changes 10 times a second,
// fed through the RegionStore the widget shows, in 16 ms ticks as RegionClient delivers them.
// OPS_BENCH_MAP_PNG=<file> also saves one rendered frame.
#include "models/regionstore.h"
#include "ui/map/worldgeometry.h"
#include "ui/map/worldmapwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ops;

namespace {

constexpr int kMarkers = 250;
constexpr int kRegions = 9;
constexpr int kTickMs = 16;
constexpr int kChangesPerSecond = 10;
constexpr int kRunMs = 5000;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

struct Hub
{
    const char *region;
    double lon, lat;
};

// The demo's nine regions, and edge nodes scattered around metros of each.
const Hub kRegionHubs[kRegions] = {
    {"us-east", -77.0, 38.9},  {"us-west", -122.3, 37.8},     {"eu-west", -6.3, 53.3},
    {"eu-central", 8.7, 50.1}, {"ap-northeast", 139.7, 35.7}, {"ap-southeast", 103.8, 1.35},
    {"sa-east", -46.6, -23.5}, {"af-south", 18.4, -33.9},     {"me-central", 55.3, 25.2},
};

RegionSnapshot makeSnapshot(QRandomGenerator &rng)
{
    RegionSnapshot s;
    for (const Hub &hub : kRegionHubs) {
        Region r;
        r.name = QStringLiteral("regions/") + QLatin1String(hub.region);
        r.displayName = QLatin1String(hub.region);
        r.longitude = hub.lon;
        r.latitude = hub.lat;
        r.status = HealthStatus::Healthy;
        r.provider = CloudProvider::Aws;
        s.regions.append(r);
    }
    for (int i = 0; i < kMarkers - kRegions; ++i) {
        const Hub &hub = kRegionHubs[i % kRegions];
        EdgeNode n;
        n.name = QStringLiteral("regions/%1/edgeNodes/n-%2").arg(QLatin1String(hub.region)).arg(i);
        n.city = QStringLiteral("node %1").arg(i);
        // Within ~25° of the region: dense near it, thinning out.
        const double spread = 25 * rng.generateDouble() * rng.generateDouble();
        const double angle = rng.generateDouble() * 6.2831853;
        n.longitude = std::clamp(hub.lon + spread * std::cos(angle) * 1.5, -179.0, 179.0);
        n.latitude = std::clamp(hub.lat + spread * std::sin(angle), -60.0, 75.0);
        n.status = rng.bounded(10) == 0 ? HealthStatus::Degraded : HealthStatus::Healthy;
        n.provider = CloudProvider::Gcp;
        s.edgeNodes.append(n);
    }
    return s;
}

// One tick's batch: every marker changes kChangesPerSecond times a second, each change a new
// status and new metrics (the worst case: every change repaints its marker or cluster).
QList<RegionChangeBatch> makeTick(const RegionSnapshot &base, int tick, QRandomGenerator &rng)
{
    const int perTick = kMarkers * kChangesPerSecond * kTickMs / 1000; // 40
    RegionChangeBatch batch;
    batch.revision = tick + 100;
    batch.commitTime = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < perTick; ++i) {
        const int index = (tick * perTick + i) % kMarkers;
        const auto status = HealthStatus(1 + rng.bounded(4));
        RegionEvent event;
        HealthSample h;
        h.latencyP95Ms = 50 + rng.bounded(200);
        h.errorRate = rng.generateDouble() * 0.02;
        h.availability = 0.999 + rng.generateDouble() * 0.001;
        if (index < kRegions) {
            Region r = base.regions.at(index);
            r.status = status;
            r.health = h;
            event.name = r.name;
            event.resource = r;
        } else {
            EdgeNode n = base.edgeNodes.at(index - kRegions);
            n.status = status;
            n.health = h;
            event.name = n.name;
            event.resource = n;
        }
        batch.events.append(event);
    }
    return {batch};
}

// Busy time = time spent delivering events (timers, posted events, paints, the backing store
// flush), summed over the outermost notify() calls; the rest is the event loop waiting.
class TimedApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!measuring || depth > 0) {
            ++depth;
            const bool result = QApplication::notify(receiver, event);
            --depth;
            return result;
        }
        QElapsedTimer t;
        t.start();
        ++depth;
        const bool result = QApplication::notify(receiver, event);
        --depth;
        busyNs += t.nsecsElapsed();
        return result;
    }
    bool measuring = false;
    qint64 busyNs = 0;
    int depth = 0;
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QRandomGenerator rng(7);

    QElapsedTimer load;
    load.start();
    const WorldGeometry world =
        WorldGeometry::load(QStringLiteral(":/worldmap/land-110m.geojson"),
                            QStringLiteral(":/worldmap/countries-110m.geojson"));
    const double loadMs = double(load.nsecsElapsed()) / 1e6;
    if (!world.isValid()) {
        std::fprintf(stderr, "bench_map: %s\n", qPrintable(world.error));
        return 1;
    }

    const RegionSnapshot snapshot = makeSnapshot(rng);
    RegionStore store;
    WorldMapWidget map(&store);
    map.resize(1920, 1080);
    store.setSnapshot(snapshot);
    map.fitToData();
    QImage frame(map.size(), QImage::Format_ARGB32_Premultiplied);

    // Static layer (land, borders, graticule) rebuilt: what a zoom or resize costs once.
    std::vector<double> staticMs;
    for (int i = 0; i < 20; ++i) {
        map.zoomAt(QPointF(960, 540), i % 2 ? 1.25 : 0.8);
        QElapsedTimer t;
        t.start();
        map.render(&frame);
        staticMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    map.fitToData();
    map.render(&frame); // warm the cache for this view

    std::vector<double> paintMs;
    for (int i = 0; i < 300; ++i) {
        QElapsedTimer t;
        t.start();
        map.render(&frame);
        paintMs.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    int clustered = 0;
    for (const MarkerCluster &c : map.clusters())
        clustered += c.size() > 1;
    if (const QByteArray png = qgetenv("OPS_BENCH_MAP_PNG"); !png.isEmpty())
        frame.save(QString::fromLocal8Bit(png));

    // Live updates on a shown widget: real update() → paint cycles of the offscreen platform.
    std::vector<QList<RegionChangeBatch>> ticks;
    for (int tick = 0; tick < kRunMs / kTickMs; ++tick)
        ticks.push_back(makeTick(snapshot, tick, rng));
    map.show();
    QApplication::processEvents();

    app.busyNs = 0;
    app.measuring = true;
    int paints = 0;
    struct PaintCounter : QObject
    {
        int *count;
        explicit PaintCounter(int *c)
            : count(c)
        {}
        bool eventFilter(QObject *, QEvent *e) override
        {
            if (e->type() == QEvent::Paint)
                ++*count;
            return false;
        }
    } counter(&paints);
    map.installEventFilter(&counter);

    size_t next = 0;
    QTimer feeder;
    feeder.setTimerType(Qt::PreciseTimer);
    feeder.setInterval(kTickMs);
    QObject::connect(&feeder, &QTimer::timeout, [&] {
        if (next < ticks.size())
            store.applyChanges(ticks[next++]);
        else
            app.quit();
    });
    QElapsedTimer wall;
    wall.start();
    feeder.start();
    app.exec();
    app.measuring = false;
    const double wallNs = double(wall.nsecsElapsed());
    const qint64 busyNs = app.busyNs;

    std::printf("map_paint_ms: %.2f ms (median, 1920x1080, %d markers, %d clusters)\n",
                percentile(paintMs, 0.5), kMarkers, clustered);
    std::printf("map_paint_p95_ms: %.2f ms\n", percentile(paintMs, 0.95));
    std::printf("map_static_layer_ms: %.2f ms (median; once per zoom, resize or theme)\n",
                percentile(staticMs, 0.5));
    std::printf("map_geo_load_ms: %.1f ms (parse and project, once, off the GUI thread)\n", loadMs);
    std::printf("map_gui_busy_pct: %.1f %% (%d markers x %d changes/s, %zu ticks, %d paints)\n",
                100.0 * double(busyNs) / wallNs, kMarkers, kChangesPerSecond, ticks.size(), paints);
    return 0;
}
