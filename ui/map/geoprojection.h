#pragma once

#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace ops {

// The Equal Earth projection (Šavrič, Patterson, Jenny 2018): an equal-area pseudocylindrical world
// projection with straight parallels, so areas compare truthfully and the poles are flat lines.
//
// "Unit space" is the projection's own plane for a unit sphere: x grows east, y grows NORTH,
// the world spans ±worldHalfWidth() × ±worldHalfHeight() (about 5.41 × 2.63). Screen space is
// produced by MapViewport below (y down, pixels).
namespace equalEarth {

QPointF forward(double longitudeDeg, double latitudeDeg);
// The inverse; false when `unit` lies outside the world outline (then lon/lat are untouched).
bool inverse(QPointF unit, double *longitudeDeg, double *latitudeDeg);

double worldHalfWidth();  // x at (180°, 0°)
double worldHalfHeight(); // y at 90°
QRectF worldBounds();     // in unit space, y up (top() is -halfHeight)

} // namespace equalEarth

// Which part of the projected world a widget shows: a centre in unit space and a scale in
// pixels per unit. Maps unit space to widget pixels (y flipped) and back.
class MapViewport
{
public:
    void setSize(QSizeF size) { m_size = size; }
    QSizeF size() const { return m_size; }
    void setCenter(QPointF unit) { m_center = unit; }
    QPointF center() const { return m_center; }
    void setScale(double pixelsPerUnit) { m_scale = pixelsPerUnit; }
    double scale() const { return m_scale; }

    // The scale at which the whole world fits the size (zoom 1).
    double fitWorldScale() const;
    double zoom() const { return m_scale / fitWorldScale(); }

    QPointF toScreen(QPointF unit) const
    {
        return {(unit.x() - m_center.x()) * m_scale + m_size.width() / 2,
                (m_center.y() - unit.y()) * m_scale + m_size.height() / 2};
    }
    QPointF toUnit(QPointF screen) const
    {
        return {(screen.x() - m_size.width() / 2) / m_scale + m_center.x(),
                m_center.y() - (screen.y() - m_size.height() / 2) / m_scale};
    }
    QPointF geoToScreen(double longitudeDeg, double latitudeDeg) const
    {
        return toScreen(equalEarth::forward(longitudeDeg, latitudeDeg));
    }
    bool screenToGeo(QPointF screen, double *longitudeDeg, double *latitudeDeg) const
    {
        return equalEarth::inverse(toUnit(screen), longitudeDeg, latitudeDeg);
    }

    // Keeps the centre such that the world does not leave the view more than necessary: when the
    // world is smaller than the view along an axis it is centred, otherwise no empty margin shows.
    void clampCenter();

private:
    QSizeF m_size{1, 1};
    QPointF m_center;
    double m_scale = 1;
};

} // namespace ops
