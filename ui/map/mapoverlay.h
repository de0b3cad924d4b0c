#pragma once

#include "markerclustering.h"

#include "models/region.h"

#include <QColor>
#include <QHash>
#include <QPixmap>
#include <QPointF>
#include <QRect>
#include <QSize>
#include <QStaticText>
#include <QString>

#include <array>

class QFont;
class QPainter;
class QPalette;

namespace ops {

class MarkerLayer;

// The map's colours for a palette (light or dark).
struct MapColors
{
    QColor background, ocean, land, borders, graticule, outline, halo, failover, selection;
};
MapColors mapColorsFor(const QPalette &palette);

// Draws a sprite centred on `center` (logical pixels).
void drawSprite(QPainter &p, const QPixmap &sprite, QPointF center);

// What the map draws over its markers, and the pictures it draws them with: status sprites
// (colour AND shape, with a halo), edge node clusters and region badges, the header (counts by
// state, last update), the legend and the empty state. Caches sprites, count texts and the
// legend; invalidate() after a palette, font or style change.
class MapOverlayPainter
{
public:
    void invalidate();
    // Builds the sprites for the device pixel ratio and palette (once, until invalidate()).
    void ensureSprites(qreal dpr, const QPalette &palette);
    const QPixmap &nodeSprite(HealthStatus s) const { return m_nodeSprites[size_t(s)]; }
    const QPixmap &regionSprite(HealthStatus s) const { return m_regionSprites[size_t(s)]; }

    // A cluster of 2+ edge nodes: a ring in its members' states, their count, the worst state.
    void paintCluster(QPainter &p, QPointF center, const MarkerCluster &c, bool selected,
                      const QFont &font, const QPalette &palette);
    // The edge nodes under a region marker: a small count at its upper right, ringed in the
    // most urgent state among them.
    void paintBadge(QPainter &p, QPointF regionPos, const MarkerCluster &badge, const QFont &font,
                    const QPalette &palette) const;
    // "3 regions · 11 edge nodes", counts by state, "updated hh:mm:ss". Returns the rectangle to
    // repaint when it changes (with room for the text to grow).
    QRect paintHeader(QPainter &p, const MarkerLayer &markers, const QString &updatedTime,
                      const QFont &font, const QPalette &palette) const;
    // The legend at the bottom left of `area`: one row when wide enough, a column when tall
    // enough, else nothing. Cached per width.
    void paintLegend(QPainter &p, QSize area, qreal dpr, const QFont &font,
                     const QPalette &palette);
    bool legendNeedsPaint(const QRect &dirty) const
    {
        return m_legend.isNull() || dirty.intersects(m_legendRect);
    }
    static void paintEmptyState(QPainter &p, const QRect &area, const QString &text,
                                const QFont &font, const QPalette &palette);

private:
    std::array<QPixmap, 5> m_nodeSprites, m_regionSprites, m_badgeSprites;
    qreal m_spriteDpr = 0;
    QPixmap m_legend;
    QRect m_legendRect;
    int m_legendWidth = -1; // the width the legend was laid out for
    QHash<int, QStaticText> m_countTexts;
};

} // namespace ops
