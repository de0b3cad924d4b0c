#pragma once

#include <QPainterPath>
#include <QString>

namespace ops {

// Natural Earth 1:110m land and country outlines (resources/worldmap, via world-atlas), projected
// once into Equal Earth unit space (see geoprojection.h) as painter paths. Rings that cross the
// antimeridian are cut at ±180° and the ring around the South Pole is closed along the pole line,
// so no stray line crosses the map. Parsing takes tens of milliseconds: preload() starts it on a
// worker thread at startup and shared() waits for it at the first paint.
struct WorldGeometry
{
    QPainterPath land;      // filled (odd-even: lakes stay holes)
    QPainterPath borders;   // country outlines, stroked
    QPainterPath graticule; // meridians and parallels every 30°
    QPainterPath outline;   // the edge of the world
    int ringCount = 0;
    int pointCount = 0;
    QString error; // why the data could not be read; empty when it was

    bool isValid() const { return error.isEmpty() && !land.isEmpty(); }

    // Reads and projects two GeoJSON files (Polygon / MultiPolygon features).
    static WorldGeometry load(const QString &landPath, const QString &countriesPath);

    static void preload();                // idempotent; returns at once
    static const WorldGeometry &shared(); // the bundled data; blocks until loaded
};

} // namespace ops
