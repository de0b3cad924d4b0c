#include "worldgeometry.h"

#include "geoprojection.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointF>

#include <cmath>
#include <future>
#include <mutex>
#include <vector>

namespace ops {

namespace {

using Ring = std::vector<QPointF>; // (longitude, latitude) in degrees

const QString kLandFile = QStringLiteral(":/worldmap/land-110m.geojson");
const QString kCountriesFile = QStringLiteral(":/worldmap/countries-110m.geojson");
// Longer geographic edges are split before projecting: meridians and the cut lines are curves in
// Equal Earth, and a straight segment in degrees must become one.
constexpr double kMaxEdgeDeg = 2.0;

// Sutherland–Hodgman against one vertical line; keeps the side where sign * (lon - at) <= 0.
Ring clipLongitude(const Ring &ring, double at, double sign)
{
    Ring out;
    if (ring.empty())
        return out;
    out.reserve(ring.size() + 4);
    const auto inside = [&](const QPointF &p) {
        return sign * (p.x() - at) <= 0;
    };
    QPointF prev = ring.back();
    bool prevIn = inside(prev);
    for (const QPointF &cur : ring) {
        const bool curIn = inside(cur);
        if (curIn != prevIn) {
            const double t = (at - prev.x()) / (cur.x() - prev.x());
            out.emplace_back(at, prev.y() + t * (cur.y() - prev.y()));
        }
        if (curIn)
            out.push_back(cur);
        prev = cur;
        prevIn = curIn;
    }
    return out;
}

void addProjected(QPainterPath &path, const Ring &ring, int *points)
{
    if (ring.size() < 3)
        return;
    bool first = true;
    QPointF prev = ring.back();
    for (const QPointF &cur : ring) {
        const double span = std::max(std::abs(cur.x() - prev.x()), std::abs(cur.y() - prev.y()));
        const int steps = first ? 1 : std::max(1, int(std::ceil(span / kMaxEdgeDeg)));
        for (int i = 1; i <= steps; ++i) {
            const double t = double(i) / steps;
            const QPointF geo = first ? cur : prev + (cur - prev) * t;
            const QPointF unit = equalEarth::forward(geo.x(), geo.y());
            if (first) {
                path.moveTo(unit);
                first = false;
            } else {
                path.lineTo(unit);
            }
        }
        prev = cur;
    }
    path.closeSubpath();
    *points += int(ring.size());
}

// Unwraps the ring's longitudes so consecutive points never jump by more than 180°, closes a ring
// that goes around a pole along the pole line, then cuts it into the pieces inside [-180, 180].
void addRing(QPainterPath &path, const QJsonArray &coordinates, int *rings, int *points)
{
    Ring ring;
    ring.reserve(coordinates.size() + 2);
    double offset = 0;
    double prevRaw = 0;
    for (const QJsonValue &value : coordinates) {
        const QJsonArray pair = value.toArray();
        if (pair.size() < 2)
            continue;
        const double lon = pair.at(0).toDouble();
        const double lat = std::clamp(pair.at(1).toDouble(), -90.0, 90.0);
        if (!ring.empty()) {
            const double d = lon - prevRaw;
            if (d > 180)
                offset -= 360;
            else if (d < -180)
                offset += 360;
        }
        prevRaw = lon;
        ring.emplace_back(lon + offset, lat);
    }
    if (ring.size() < 3)
        return;
    ++*rings;
    const double drift = ring.back().x() - ring.front().x();
    if (std::abs(drift) > 180) {
        // Around a pole: close along the pole line (a straight line in Equal Earth).
        double latSum = 0;
        for (const QPointF &p : ring)
            latSum += p.y();
        const double pole = latSum < 0 ? -90.0 : 90.0;
        const QPointF last = ring.back();
        const QPointF first = ring.front();
        ring.emplace_back(last.x(), pole);
        ring.emplace_back(first.x(), pole);
    }
    double minLon = ring.front().x(), maxLon = minLon;
    for (const QPointF &p : ring) {
        minLon = std::min(minLon, p.x());
        maxLon = std::max(maxLon, p.x());
    }
    for (double shift = -720; shift <= 720; shift += 360) {
        if (maxLon + shift <= -180 || minLon + shift >= 180)
            continue;
        Ring piece = ring;
        for (QPointF &p : piece)
            p.rx() += shift;
        if (minLon + shift < -180)
            piece = clipLongitude(piece, -180, -1);
        if (maxLon + shift > 180)
            piece = clipLongitude(piece, 180, 1);
        addProjected(path, piece, points);
    }
}

void addGeometry(QPainterPath &path, const QJsonObject &geometry, int *rings, int *points)
{
    const QString type = geometry.value(QLatin1String("type")).toString();
    const QJsonArray coordinates = geometry.value(QLatin1String("coordinates")).toArray();
    const auto addPolygon = [&](const QJsonArray &polygon) {
        for (const QJsonValue &ring : polygon)
            addRing(path, ring.toArray(), rings, points);
    };
    if (type == QLatin1String("Polygon")) {
        addPolygon(coordinates);
    } else if (type == QLatin1String("MultiPolygon")) {
        for (const QJsonValue &polygon : coordinates)
            addPolygon(polygon.toArray());
    } else if (type == QLatin1String("GeometryCollection")) {
        for (const QJsonValue &child : geometry.value(QLatin1String("geometries")).toArray())
            addGeometry(path, child.toObject(), rings, points);
    }
}

QString readFeatures(const QString &fileName, QPainterPath &path, int *rings, int *points)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return QObject::tr("Cannot read the map data %1: %2").arg(fileName, file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull()) {
        return QObject::tr("The map data %1 is not valid JSON: %2 at offset %3")
            .arg(fileName, parseError.errorString())
            .arg(parseError.offset);
    }
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection"))
        return QObject::tr("The map data %1 is not a GeoJSON FeatureCollection").arg(fileName);
    for (const QJsonValue &feature : root.value(QLatin1String("features")).toArray())
        addGeometry(path, feature.toObject().value(QLatin1String("geometry")).toObject(), rings,
                    points);
    return {};
}

QPainterPath polyline(const std::vector<QPointF> &geo)
{
    QPainterPath path;
    for (size_t i = 0; i < geo.size(); ++i) {
        const QPointF unit = equalEarth::forward(geo[i].x(), geo[i].y());
        if (i == 0)
            path.moveTo(unit);
        else
            path.lineTo(unit);
    }
    return path;
}

} // namespace

WorldGeometry WorldGeometry::load(const QString &landPath, const QString &countriesPath)
{
    WorldGeometry world;
    world.land.setFillRule(Qt::OddEvenFill);
    world.error = readFeatures(landPath, world.land, &world.ringCount, &world.pointCount);
    if (world.error.isEmpty()) {
        world.error =
            readFeatures(countriesPath, world.borders, &world.ringCount, &world.pointCount);
    }
    if (world.error.isEmpty() && world.land.isEmpty())
        world.error = QObject::tr("The map data %1 contains no land polygons").arg(landPath);

    for (int lon = -150; lon <= 150; lon += 30) {
        std::vector<QPointF> meridian;
        for (int lat = -90; lat <= 90; lat += 2)
            meridian.emplace_back(lon, lat);
        world.graticule.addPath(polyline(meridian));
    }
    for (int lat = -60; lat <= 60; lat += 30) {
        std::vector<QPointF> parallel{{-180.0, double(lat)}, {180.0, double(lat)}};
        world.graticule.addPath(polyline(parallel));
    }
    std::vector<QPointF> edge;
    for (int lat = -90; lat <= 90; lat += 2)
        edge.emplace_back(-180, lat);
    for (int lat = 90; lat >= -90; lat -= 2)
        edge.emplace_back(180, lat);
    world.outline = polyline(edge);
    world.outline.closeSubpath();
    return world;
}

namespace {
std::once_flag g_preloadOnce;
std::shared_future<WorldGeometry> g_world;
} // namespace

void WorldGeometry::preload()
{
    std::call_once(g_preloadOnce, [] {
        g_world = std::async(std::launch::async, [] {
                      return WorldGeometry::load(kLandFile, kCountriesFile);
                  }).share();
    });
}

const WorldGeometry &WorldGeometry::shared()
{
    preload();
    return g_world.get();
}

} // namespace ops
