#include "mapoverlay.h"

#include "markerlayer.h"

#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace ops {

using namespace mapmetrics;

namespace {

// Drawing order of ring segments and of the header: the urgent states first.
constexpr HealthStatus kStatusOrder[] = {HealthStatus::Down, HealthStatus::Degraded,
                                         HealthStatus::Maintenance, HealthStatus::Unknown,
                                         HealthStatus::Healthy};

// A status shape with a contrasting halo, so it reads on land, sea and neighbours alike.
QPixmap makeSprite(HealthStatus status, double size, const QColor &color, const QColor &halo,
                   qreal dpr)
{
    const double pad = 2.5;
    const double full = size + 2 * pad;
    QPixmap pixmap(QSize(int(std::ceil(full * dpr)), int(std::ceil(full * dpr))));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF shape(pad, pad, size, size);
    // The halo is the same outline grown by the pad; a ring (unknown) gets a disc behind it.
    const HealthStatus haloShape = status == HealthStatus::Unknown ? HealthStatus::Healthy : status;
    StatusBadgeDelegate::paintShape(&p, shape.adjusted(-pad, -pad, pad, pad), haloShape, halo);
    StatusBadgeDelegate::paintShape(&p, shape, status, color);
    return pixmap;
}

} // namespace

void drawSprite(QPainter &p, const QPixmap &sprite, QPointF center)
{
    const QSizeF s = QSizeF(sprite.size()) / sprite.devicePixelRatio();
    p.drawPixmap(QPointF(center.x() - s.width() / 2, center.y() - s.height() / 2), sprite);
}

MapColors mapColorsFor(const QPalette &palette)
{
    MapColors c;
    if (theme::isDark(palette)) {
        c.background = palette.color(QPalette::Window);
        c.ocean = QColor(0x1a, 0x24, 0x31);
        c.land = QColor(0x3b, 0x40, 0x47);
        c.borders = QColor(0x58, 0x5e, 0x67);
        c.graticule = QColor(0x25, 0x33, 0x45);
        c.outline = QColor(0x46, 0x57, 0x6b);
        c.halo = QColor(0x16, 0x17, 0x1a);
        c.failover = QColor(0xd0, 0x8c, 0xf5);
        c.selection = QColor(0x8a, 0xb4, 0xf8);
    } else {
        c.background = palette.color(QPalette::Window);
        c.ocean = QColor(0xd5, 0xe6, 0xf3);
        c.land = QColor(0xf4, 0xf1, 0xe8);
        c.borders = QColor(0xb8, 0xb3, 0xa6);
        c.graticule = QColor(0xc0, 0xd5, 0xe6);
        c.outline = QColor(0x93, 0xae, 0xc6);
        c.halo = Qt::white;
        c.failover = QColor(0x7b, 0x2f, 0xbe);
        c.selection = QColor(0x0b, 0x57, 0xd0);
    }
    return c;
}

void MapOverlayPainter::invalidate()
{
    m_spriteDpr = 0;
    m_legend = QPixmap();
    m_countTexts.clear();
}

void MapOverlayPainter::ensureSprites(qreal dpr, const QPalette &palette)
{
    if (m_spriteDpr == dpr && !m_nodeSprites[0].isNull())
        return;
    m_spriteDpr = dpr;
    const MapColors colors = mapColorsFor(palette);
    for (int s = 0; s < 5; ++s) {
        const auto status = HealthStatus(s);
        const QColor color = theme::statusColor(status, palette);
        m_nodeSprites[size_t(s)] = makeSprite(status, kNodeSize, color, colors.halo, dpr);
        m_regionSprites[size_t(s)] = makeSprite(status, kRegionSize, color, colors.halo, dpr);
        m_badgeSprites[size_t(s)] = makeSprite(status, kBadgeSize, color, colors.halo, dpr);
    }
    m_legend = QPixmap();
    m_countTexts.clear();
}

void MapOverlayPainter::paintCluster(QPainter &p, QPointF center, const MarkerCluster &c,
                                     bool selected, const QFont &baseFont, const QPalette &palette)
{
    const MapColors colors = mapColorsFor(palette);
    const double r = MarkerLayer::clusterRadius(c.size());
    const double ring = 4;
    p.setPen(Qt::NoPen);
    p.setBrush(colors.halo);
    p.drawEllipse(center, r + ring / 2 + 1.5, r + ring / 2 + 1.5);
    // The ring: one arc per state, clockwise from 12 o'clock, urgent states first.
    const QRectF arcRect(center.x() - r, center.y() - r, 2 * r, 2 * r);
    double start = 90 * 16;
    p.setBrush(Qt::NoBrush);
    for (HealthStatus s : kStatusOrder) {
        const int n = c.counts[size_t(s)];
        if (n <= 0)
            continue;
        const double span = -360.0 * 16 * n / c.size();
        p.setPen(QPen(theme::statusColor(s, palette), ring, Qt::SolidLine, Qt::FlatCap));
        if (n == c.size())
            p.drawEllipse(arcRect);
        else
            p.drawArc(arcRect, int(std::lround(start)), int(std::lround(span)));
        start += span;
    }
    if (selected) {
        p.setPen(QPen(colors.selection, 2.5));
        p.drawEllipse(center, r + ring / 2 + 4, r + ring / 2 + 4);
    }
    QFont font = baseFont;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    auto it = m_countTexts.find(c.size());
    if (it == m_countTexts.end()) {
        QStaticText text(QString::number(c.size()));
        text.prepare(QTransform(), font);
        it = m_countTexts.insert(c.size(), text);
    }
    p.setFont(font);
    p.setPen(palette.color(QPalette::Text));
    const QSizeF ts = it->size();
    p.drawStaticText(center - QPointF(ts.width() / 2, ts.height() / 2), *it);
    // The most urgent state also as a shape, so the ring does not rely on colour alone.
    const HealthStatus worst = c.worst();
    if (worst != HealthStatus::Healthy)
        drawSprite(p, m_badgeSprites[size_t(worst)], center + QPointF(r * 0.8, -r * 0.8));
}

void MapOverlayPainter::paintBadge(QPainter &p, QPointF regionPos, const MarkerCluster &badge,
                                   const QFont &baseFont, const QPalette &palette) const
{
    const MapColors colors = mapColorsFor(palette);
    p.save(); // the caller's font, pen and brush stay as they were
    QFont font = baseFont;
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.7);
    const QString text = QString::number(badge.size());
    const QFontMetricsF fm(font);
    const double h = fm.height() + 1;
    const double w = std::max(h, fm.horizontalAdvance(text) + 6);
    const QRectF box(regionPos.x() + kRegionSize / 2 - 4, regionPos.y() - kRegionSize / 2 - h + 4,
                     w, h);
    p.setPen(QPen(theme::statusColor(badge.worst(), palette), 1.5));
    p.setBrush(colors.halo);
    p.drawRoundedRect(box, h / 2, h / 2);
    p.setFont(font);
    p.setPen(palette.color(QPalette::Text));
    p.drawText(box, Qt::AlignCenter, text);
    p.restore();
}

QRect MapOverlayPainter::paintHeader(QPainter &p, const MarkerLayer &markers,
                                     const QString &updatedTime, const QFont &font,
                                     const QPalette &palette) const
{
    const std::array<int, 5> counts = markers.statusCounts();
    const int regions = markers.markerCount(MapMarkerKind::Region);
    const int nodes = int(markers.markers().size()) - regions;
    const QString title =
        QCoreApplication::translate("ops::WorldMapWidget", "%n region(s)", nullptr, regions) +
        QStringLiteral(" · ") +
        QCoreApplication::translate("ops::WorldMapWidget", "%n edge node(s)", nullptr, nodes);
    const QString updated =
        QCoreApplication::translate("ops::WorldMapWidget", "updated %1").arg(updatedTime);
    const QFontMetrics fm(font);
    const int pad = 8, gap = 12, icon = int(kBadgeSize) + 5;
    int width = pad + fm.horizontalAdvance(title) + gap;
    for (HealthStatus s : kStatusOrder) {
        if (counts[size_t(s)])
            width += icon + 3 + fm.horizontalAdvance(QString::number(counts[size_t(s)])) + gap;
    }
    width += fm.horizontalAdvance(updated) + pad;
    const QRect box(8, 8, width, fm.height() + 10);
    QColor back = mapColorsFor(palette).halo;
    back.setAlpha(225);
    p.setPen(QPen(palette.color(QPalette::Mid), 1));
    p.setBrush(back);
    p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.setFont(font);
    p.setPen(palette.color(QPalette::Text));
    int x = box.left() + pad;
    const int baseline = box.top() + 5 + fm.ascent();
    p.drawText(x, baseline, title);
    x += fm.horizontalAdvance(title) + gap;
    for (HealthStatus s : kStatusOrder) {
        const int n = counts[size_t(s)];
        if (!n)
            continue;
        drawSprite(p, m_badgeSprites[size_t(s)], QPointF(x + icon / 2.0, box.center().y() + 0.5));
        x += icon + 3;
        p.drawText(x, baseline, QString::number(n));
        x += fm.horizontalAdvance(QString::number(n)) + gap;
    }
    p.setPen(palette.color(QPalette::PlaceholderText));
    p.drawText(x, baseline, updated);
    return box.adjusted(-2, -2, 240, 2); // room for the text to grow
}

void MapOverlayPainter::paintLegend(QPainter &p, QSize area, qreal dpr, const QFont &baseFont,
                                    const QPalette &palette)
{
    if (m_legend.isNull() || m_legend.devicePixelRatio() != dpr || m_legendWidth != area.width()) {
        m_legendWidth = area.width();
        const MapColors colors = mapColorsFor(palette);
        QFont font = baseFont;
        font.setPointSizeF(font.pointSizeF() * 0.9);
        const QFontMetrics fm(font);
        const QStringList labels = {
            healthStatusText(HealthStatus::Healthy),
            healthStatusText(HealthStatus::Degraded),
            healthStatusText(HealthStatus::Down),
            healthStatusText(HealthStatus::Maintenance),
            healthStatusText(HealthStatus::Unknown),
            QCoreApplication::translate("ops::WorldMapWidget", "Edge nodes (ring: their states)"),
            QCoreApplication::translate("ops::WorldMapWidget", "Active failover")};
        const int icon = 24, gap = 12, row = std::max(fm.height(), 18) + 2;
        int oneRow = 8;
        int textWidth = 0;
        for (const QString &label : labels) {
            oneRow += icon + fm.horizontalAdvance(label) + gap;
            textWidth = std::max(textWidth, fm.horizontalAdvance(label));
        }
        // One row along the bottom when the map is wide; a column when it is tall; else none.
        const bool horizontal = oneRow + 16 <= area.width();
        QSize size;
        if (horizontal)
            size = QSize(oneRow, row + 8);
        else if (area.height() >= 320)
            size = QSize(8 + icon + textWidth + 10, 8 + row * int(labels.size()) + 4);
        if (size.isEmpty()) {
            m_legend = QPixmap(1, 1);
            m_legend.fill(Qt::transparent);
            m_legend.setDevicePixelRatio(dpr);
        } else {
            m_legend = QPixmap(size * dpr);
            m_legend.setDevicePixelRatio(dpr);
            m_legend.fill(Qt::transparent);
            QPainter lp(&m_legend);
            lp.setRenderHint(QPainter::Antialiasing);
            QColor back = colors.halo;
            back.setAlpha(225);
            lp.setPen(QPen(palette.color(QPalette::Mid), 1));
            lp.setBrush(back);
            lp.drawRoundedRect(QRectF(0.5, 0.5, size.width() - 1, size.height() - 1), 4, 4);
            lp.setFont(font);
            const HealthStatus order[] = {HealthStatus::Healthy, HealthStatus::Degraded,
                                          HealthStatus::Down, HealthStatus::Maintenance,
                                          HealthStatus::Unknown};
            int x = 8;
            for (int i = 0; i < int(labels.size()); ++i) {
                const double cy = horizontal ? 4 + row / 2.0 : 6 + row * i + row / 2.0;
                const double left = horizontal ? x : 8;
                const QPointF iconCenter(left + icon / 2.0 - 2, cy);
                if (i < 5) {
                    drawSprite(lp, m_nodeSprites[size_t(order[i])], iconCenter);
                } else if (i == 5) {
                    const double r = 6.5;
                    const QRectF arc(iconCenter.x() - r, cy - r, 2 * r, 2 * r);
                    const std::pair<HealthStatus, int> parts[] = {{HealthStatus::Down, 60},
                                                                  {HealthStatus::Degraded, 90},
                                                                  {HealthStatus::Healthy, 210}};
                    int start = 90;
                    for (const auto &[s, span] : parts) {
                        lp.setPen(
                            QPen(theme::statusColor(s, palette), 3.5, Qt::SolidLine, Qt::FlatCap));
                        lp.drawArc(arc, start * 16, -span * 16);
                        start -= span;
                    }
                } else {
                    QPainterPath curve;
                    curve.moveTo(iconCenter + QPointF(-10, 4));
                    curve.quadTo(iconCenter + QPointF(0, -6), iconCenter + QPointF(7, 2));
                    QPen pen(colors.failover, 2, Qt::DashLine, Qt::RoundCap);
                    pen.setDashPattern({3, 2});
                    lp.setPen(pen);
                    lp.setBrush(Qt::NoBrush);
                    lp.drawPath(curve);
                    lp.setPen(Qt::NoPen);
                    lp.setBrush(colors.failover);
                    const QPointF tip = iconCenter + QPointF(11, 5);
                    lp.drawPolygon(QPolygonF({tip, tip + QPointF(-7, -5), tip + QPointF(-2, -8)}));
                }
                lp.setPen(palette.color(QPalette::Text));
                const int w = fm.horizontalAdvance(labels.at(i));
                lp.drawText(QRectF(left + icon, cy - row / 2.0, w + 4, row),
                            Qt::AlignVCenter | Qt::AlignLeft, labels.at(i));
                x += icon + w + gap;
            }
        }
    }
    const QSizeF s = QSizeF(m_legend.size()) / dpr;
    m_legendRect = QRectF(QPointF(8, area.height() - 8 - s.height()), s).toAlignedRect();
    p.drawPixmap(m_legendRect.topLeft(), m_legend);
}

void MapOverlayPainter::paintEmptyState(QPainter &p, const QRect &area, const QString &text,
                                        const QFont &baseFont, const QPalette &palette)
{
    QColor veil = palette.color(QPalette::Window);
    veil.setAlpha(150);
    p.fillRect(area, veil);
    QFont font = baseFont;
    font.setPointSizeF(font.pointSizeF() * 1.3);
    p.setFont(font);
    p.setPen(palette.color(QPalette::Text));
    p.drawText(area, Qt::AlignCenter, text);
}

} // namespace ops
