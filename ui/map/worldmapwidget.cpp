#include "worldmapwidget.h"

#include "maptooltips.h"
#include "worldgeometry.h"

#include "models/regionstore.h"

#include <QGestureEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QPinchGesture>
#include <QToolButton>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace ops {

using namespace mapmetrics;

namespace {
constexpr double kMaxZoom = 80;
constexpr int kMaxDirtyRects = 40; // beyond this one full repaint is cheaper than a region
constexpr int kButtonSize = 28;
} // namespace

WorldMapWidget::WorldMapWidget(RegionStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_zoomIn(new QToolButton(this))
    , m_zoomOut(new QToolButton(this))
    , m_fit(new QToolButton(this))
{
    setObjectName(QStringLiteral("worldMap"));
    WorldGeometry::preload();
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_AcceptTouchEvents);
    grabGesture(Qt::PinchGesture);
    setMinimumSize(240, 160);
    setCursor(Qt::OpenHandCursor);
    setAccessibleName(tr("World map of regions and edge nodes"));

    const auto setupButton = [this](QToolButton *button, const QString &name, const QString &text,
                                    const QString &tip) {
        button->setObjectName(name);
        button->setText(text);
        button->setToolTip(tip);
        button->setFocusPolicy(Qt::NoFocus);
        button->setCursor(Qt::ArrowCursor);
        button->setFixedSize(kButtonSize, kButtonSize);
    };
    setupButton(m_zoomIn, QStringLiteral("mapZoomIn"), QStringLiteral("+"), tr("Zoom in (+)"));
    setupButton(m_zoomOut, QStringLiteral("mapZoomOut"), QStringLiteral("−"), tr("Zoom out (−)"));
    setupButton(m_fit, QStringLiteral("mapFit"), tr("Fit"), tr("Fit the map to the data (F)"));
    m_fit->setFixedWidth(kButtonSize * 3 / 2);
    connect(m_zoomIn, &QToolButton::clicked, this,
            [this] { zoomAt(QPointF(width() / 2.0, height() / 2.0), 1.5); });
    connect(m_zoomOut, &QToolButton::clicked, this,
            [this] { zoomAt(QPointF(width() / 2.0, height() / 2.0), 1 / 1.5); });
    connect(m_fit, &QToolButton::clicked, this, &WorldMapWidget::fitToData);

    m_view.setSize(size());
    m_view.setScale(m_view.fitWorldScale());

    connect(m_store, &RegionStore::reset, this, &WorldMapWidget::storeReset);
    connect(m_store, &RegionStore::changed, this, &WorldMapWidget::storeChanged);
    if (m_store->hasSnapshot())
        storeReset();
}

WorldMapWidget::~WorldMapWidget() = default;

// ---- data -----------------------------------------------------------------------------------

bool WorldMapWidget::hasSnapshot() const
{
    return m_store->hasSnapshot();
}

void WorldMapWidget::storeReset()
{
    syncViewSize();
    m_markers.reset(*m_store);
    m_lastUpdate = QDateTime::currentDateTime();
    if (m_autoFit)
        fit();
    update();
}

void WorldMapWidget::storeChanged(const RegionStoreChange &change)
{
    QList<QRect> dirty;
    const bool full = m_markers.apply(*m_store, change, &dirty);
    if (change.commitTime.isValid())
        m_lastUpdate = change.commitTime.toLocalTime();
    if (!m_lastUpdate.isValid())
        m_lastUpdate = QDateTime::currentDateTime();
    if (full || dirty.size() > kMaxDirtyRects) {
        update();
        return;
    }
    for (const QRect &rect : std::as_const(dirty))
        update(rect);
    // The header's text changes with the counts and the time; repaint it only when it would.
    const QString updated = m_lastUpdate.toString(QStringLiteral("HH:mm:ss"));
    if (!dirty.isEmpty() || updated != m_headerUpdated)
        update(m_headerRect);
}

// ---- selection and view -----------------------------------------------------------------------

void WorldMapWidget::setSelectedName(const QString &name, bool reveal)
{
    if (name == m_selected)
        return;
    m_selected = name;
    syncViewSize();
    const Marker *selected = m_markers.selectedMarker(m_selected);
    if (reveal && selected) {
        QPointF pos;
        markerPosition(selected->name, &pos);
        const QRectF inner = QRectF(rect()).adjusted(40, 60, -40, -40);
        if (!inner.contains(pos)) {
            m_view.setCenter(selected->unit);
            m_autoFit = false;
            viewChanged();
        }
    }
    update();
}

void WorldMapWidget::viewChanged()
{
    m_view.clampCenter();
    m_staticValid = false;
    update();
}

void WorldMapWidget::setScaleClamped(double scale)
{
    const double fit = m_view.fitWorldScale();
    m_view.setScale(std::clamp(scale, fit, fit * kMaxZoom));
}

void WorldMapWidget::fitToData()
{
    syncViewSize();
    m_autoFit = true; // and keep fitting as the widget resizes, until the user moves the map
    fit();
}

void WorldMapWidget::syncViewSize()
{
    if (m_view.size() == QSizeF(size()))
        return;
    const double zoom = m_view.zoom();
    m_view.setSize(size());
    if (m_autoFit) {
        fit();
    } else {
        setScaleClamped(m_view.fitWorldScale() * zoom);
        viewChanged();
    }
}

void WorldMapWidget::fit()
{
    if (m_markers.isEmpty()) {
        m_view.setScale(m_view.fitWorldScale());
        m_view.setCenter(QPointF());
        viewChanged();
        return;
    }
    const QRectF bounds = m_markers.bounds();
    // Margins for the markers and their labels, the header on top and the legend below.
    const double top = 44, side = 50;
    const double bottom = fontMetrics().height() + 30.0; // the legend's row
    const double w = std::max(1.0, width() - 2 * side);
    const double h = std::max(1.0, height() - top - bottom);
    const double scale =
        std::min(w / std::max(bounds.width(), 0.05), h / std::max(bounds.height(), 0.05));
    setScaleClamped(std::min(scale, m_view.fitWorldScale() * 20));
    m_view.setCenter(bounds.center() + QPointF(0, (top - bottom) / 2 / m_view.scale()));
    viewChanged();
}

void WorldMapWidget::showWholeWorld()
{
    syncViewSize();
    m_autoFit = false;
    m_view.setScale(m_view.fitWorldScale());
    m_view.setCenter(QPointF());
    viewChanged();
}

void WorldMapWidget::zoomAt(QPointF widgetPos, double factor)
{
    if (!(factor > 0))
        return;
    syncViewSize();
    const QPointF anchor = m_view.toUnit(widgetPos);
    setScaleClamped(m_view.scale() * factor);
    // Keep the point under the cursor where it is.
    const QPointF offset = widgetPos - QPointF(width() / 2.0, height() / 2.0);
    m_view.setCenter(QPointF(anchor.x() - offset.x() / m_view.scale(),
                             anchor.y() + offset.y() / m_view.scale()));
    m_autoFit = false;
    viewChanged();
}

void WorldMapWidget::panBy(QPointF pixels)
{
    syncViewSize();
    const QPointF c = m_view.center();
    m_view.setCenter(
        QPointF(c.x() - pixels.x() / m_view.scale(), c.y() + pixels.y() / m_view.scale()));
    m_autoFit = false;
    viewChanged();
}

// ---- inspection -------------------------------------------------------------------------------

QPointF WorldMapWidget::geoToWidget(double longitudeDeg, double latitudeDeg) const
{
    return m_view.geoToScreen(longitudeDeg, latitudeDeg);
}

bool WorldMapWidget::markerPosition(const QString &name, QPointF *pos) const
{
    return m_markers.position(name, pos);
}

QString WorldMapWidget::markerAt(QPointF widgetPos) const
{
    return m_markers.markerAt(widgetPos);
}

int WorldMapWidget::clusterAt(QPointF widgetPos) const
{
    return m_markers.clusterAt(widgetPos);
}

const QList<MarkerCluster> &WorldMapWidget::clusters() const
{
    return m_markers.clusters();
}

int WorldMapWidget::regionBadgeCount(const QString &region) const
{
    return m_markers.regionBadgeCount(region);
}

QStringList WorldMapWidget::clusterMemberNames(int cluster) const
{
    return m_markers.clusterMemberNames(cluster);
}

int WorldMapWidget::activeFailoverCount() const
{
    const QList<Failover> &failovers = m_store->failovers();
    return int(std::count_if(failovers.cbegin(), failovers.cend(),
                             [](const Failover &f) { return f.state == Failover::State::Active; }));
}

QString WorldMapWidget::toolTipAt(QPointF widgetPos) const
{
    if (const Marker *m = marker(markerAt(widgetPos)))
        return maptooltips::markerText(*m, m->kind == MarkerKind::Region ? m_markers.badgeOf(*m)
                                                                         : nullptr);
    if (const int cluster = clusterAt(widgetPos); cluster >= 0)
        return maptooltips::clusterText(m_markers.clusters().at(cluster));
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    for (const FailoverArrow &arrow : m_markers.failoverArrows(m_store->failovers())) {
        if (stroker.createStroke(arrow.path).contains(widgetPos))
            return maptooltips::failoverText(*arrow.failover);
    }
    return {};
}

QString WorldMapWidget::headerText() const
{
    const int regions = markerCount(MarkerKind::Region);
    const int nodes = int(m_markers.markers().size()) - regions;
    QString text = tr("%n region(s)", nullptr, regions) + QStringLiteral(" · ") +
                   tr("%n edge node(s)", nullptr, nodes);
    const std::array<int, 5> counts = m_markers.statusCounts();
    for (HealthStatus s : maptooltips::kStatusOrder) {
        if (counts[size_t(s)])
            text += QStringLiteral(" · %1 %2").arg(counts[size_t(s)]).arg(healthStatusText(s));
    }
    return text;
}

QString WorldMapWidget::emptyStateText() const
{
    if (!hasSnapshot())
        return tr("Waiting for regions…");
    if (m_markers.isEmpty())
        return tr("No regions to show");
    return {};
}

// ---- painting ---------------------------------------------------------------------------------

void WorldMapWidget::ensureStaticLayer()
{
    const qreal dpr = devicePixelRatioF();
    const QSize deviceSize = (QSizeF(size()) * dpr).toSize();
    if (m_staticValid && m_static.size() == deviceSize && m_static.devicePixelRatio() == dpr)
        return;
    const WorldGeometry &world = WorldGeometry::shared();
    const Colors colors = colorsFor(palette());
    m_static = QPixmap(deviceSize);
    m_static.setDevicePixelRatio(dpr);
    m_static.fill(colors.background);
    QPainter p(&m_static);
    p.setRenderHint(QPainter::Antialiasing);
    QTransform t;
    t.translate(width() / 2.0, height() / 2.0);
    t.scale(m_view.scale(), -m_view.scale());
    t.translate(-m_view.center().x(), -m_view.center().y());
    p.setTransform(t);
    const auto cosmetic = [](const QColor &color, qreal width) {
        QPen pen(color, width);
        pen.setCosmetic(true);
        return pen;
    };
    p.setPen(Qt::NoPen);
    p.setBrush(colors.ocean);
    p.drawPath(world.outline);
    p.setBrush(Qt::NoBrush);
    p.setPen(cosmetic(colors.graticule, 1));
    p.drawPath(world.graticule);
    p.setPen(Qt::NoPen);
    p.setBrush(colors.land);
    p.drawPath(world.land);
    p.setBrush(Qt::NoBrush);
    p.setPen(cosmetic(colors.borders, m_view.zoom() > 3 ? 1.0 : 0.7));
    p.drawPath(world.borders);
    p.setPen(cosmetic(colors.outline, 1.2));
    p.drawPath(world.outline);
    m_staticValid = true;
}

void WorldMapWidget::paintEvent(QPaintEvent *event)
{
    syncViewSize();
    ensureStaticLayer();
    m_overlay.ensureSprites(devicePixelRatioF(), palette());
    const QRect dirty = event->rect();
    QPainter p(this);
    const qreal dpr = m_static.devicePixelRatio();
    p.drawPixmap(
        QRectF(dirty), m_static,
        QRectF(dirty.x() * dpr, dirty.y() * dpr, dirty.width() * dpr, dirty.height() * dpr));
    p.setRenderHint(QPainter::Antialiasing);
    paintMarkers(p, dirty);
    if (hasSnapshot()) {
        m_headerUpdated = m_lastUpdate.toString(QStringLiteral("HH:mm:ss"));
        m_headerRect = m_overlay.paintHeader(p, m_markers, m_headerUpdated, font(), palette());
    } else {
        m_headerRect = QRect();
    }
    if (m_overlay.legendNeedsPaint(dirty))
        m_overlay.paintLegend(p, size(), devicePixelRatioF(), font(), palette());
    if (const QString empty = emptyStateText(); !empty.isEmpty())
        MapOverlayPainter::paintEmptyState(p, rect(), empty, font(), palette());
}

void WorldMapWidget::paintFailovers(QPainter &p, const QRect &dirty)
{
    if (m_store->failovers().isEmpty())
        return;
    const Colors colors = colorsFor(palette());
    for (const FailoverArrow &arrow : m_markers.failoverArrows(m_store->failovers())) {
        if (!arrow.path.controlPointRect().adjusted(-8, -8, 8, 8).intersects(dirty))
            continue;
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(colors.halo, 6, Qt::SolidLine, Qt::RoundCap));
        p.drawPath(arrow.path);
        QPen pen(colors.failover, 3, Qt::DashLine, Qt::RoundCap);
        pen.setDashPattern({3, 1.5});
        p.setPen(pen);
        p.drawPath(arrow.path);
        p.setPen(QPen(colors.halo, 1.5));
        p.setBrush(colors.failover);
        p.drawPolygon(arrow.head);
    }
}

void WorldMapWidget::paintMarkers(QPainter &p, const QRect &dirty)
{
    const Colors colors = colorsFor(palette());
    const Marker *selectedMarker = m_markers.selectedMarker(m_selected);
    const int selectedCluster = selectedMarker ? m_markers.clusterOfMarker(*selectedMarker) : -1;
    const QRect visible = rect().adjusted(-40, -40, 40, 40);
    const QList<MarkerCluster> &clusters = m_markers.clusters();
    for (int i = 0; i < clusters.size(); ++i) {
        const MarkerCluster &c = clusters.at(i);
        const QPointF pos = m_view.toScreen(c.position);
        if (!visible.contains(pos.toPoint()))
            continue;
        if (c.size() > 1) {
            if (m_markers.clusterRect(c).intersects(dirty))
                m_overlay.paintCluster(p, pos, c, i == selectedCluster, font(), palette());
            continue;
        }
        const Marker &m = m_markers.nodeMarker(c.members.first());
        if (!m_markers.markerRect(m).intersects(dirty))
            continue;
        drawSprite(p, m_overlay.nodeSprite(m.status), pos);
        if (i == selectedCluster) {
            p.setPen(QPen(colors.selection, 2.5));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(pos, kNodeSize / 2 + 5, kNodeSize / 2 + 5);
        }
    }
    // Failover arrows over the edge nodes, under the regions they join.
    paintFailovers(p, dirty);
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.85);
    labelFont.setBold(true);
    p.setFont(labelFont);
    // Regions over the nodes, and their labels over every marker (two passes).
    for (const Marker &m : m_markers.markers()) {
        if (m.kind != MarkerKind::Region)
            continue;
        const QPointF pos = m_view.toScreen(m.unit);
        if (!visible.contains(pos.toPoint()) || !m_markers.markerRect(m).intersects(dirty))
            continue;
        drawSprite(p, m_overlay.regionSprite(m.status), pos);
        if (const MarkerCluster *badge = m_markers.badgeOf(m))
            m_overlay.paintBadge(p, pos, *badge, font(), palette());
        if (&m == selectedMarker) {
            p.setPen(QPen(colors.halo, 5));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(pos, kRegionSize / 2 + 6, kRegionSize / 2 + 6);
            p.setPen(QPen(colors.selection, 3));
            p.drawEllipse(pos, kRegionSize / 2 + 6, kRegionSize / 2 + 6);
        }
    }
    QColor back = colors.halo;
    back.setAlpha(200);
    p.setFont(labelFont); // the font the label boxes were measured with
    for (const PlacedLabel &label : m_markers.placeLabels(visible, QFontMetricsF(labelFont))) {
        if (!label.box.toAlignedRect().intersects(dirty))
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(back);
        p.drawRoundedRect(label.box, 3, 3);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(label.box, Qt::AlignCenter, label.text);
    }
}

// ---- interaction ------------------------------------------------------------------------------

void WorldMapWidget::layoutButtons()
{
    const int right = width() - 8;
    m_fit->move(right - m_fit->width(), 8);
    m_zoomIn->move(right - kButtonSize, 8 + kButtonSize + 6);
    m_zoomOut->move(right - kButtonSize, 8 + 2 * kButtonSize + 8);
}

void WorldMapWidget::resizeEvent(QResizeEvent *event)
{
    syncViewSize();
    layoutButtons();
    QWidget::resizeEvent(event);
}

void WorldMapWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastDragPos = event->position().toPoint();
}

void WorldMapWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() > 4) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
            QToolTip::hideText();
        }
        if (m_dragging) {
            panBy(pos - m_lastDragPos);
            m_lastDragPos = pos;
        }
        return;
    }
    const bool overMarker = !markerAt(pos).isEmpty() || clusterAt(pos) >= 0;
    setCursor(overMarker ? Qt::PointingHandCursor : Qt::OpenHandCursor);
}

void WorldMapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    const QString name = markerAt(event->position());
    if (!name.isEmpty()) {
        setSelectedName(name, false);
        emit markerClicked(name);
    }
}

void WorldMapWidget::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const int cluster = clusterAt(event->position());
    if (cluster < 0) {
        if (markerAt(event->position()).isEmpty())
            zoomAt(event->position(), 2);
        return;
    }
    // Zoom until the cluster's members fit, at least twice as close (so it always splits).
    const QRectF bounds = m_markers.clusterBounds(cluster);
    const double fit = std::min((width() - 160.0) / std::max(bounds.width(), 1e-6),
                                (height() - 160.0) / std::max(bounds.height(), 1e-6));
    setScaleClamped(std::max(m_view.scale() * 2, std::min(fit, m_view.scale() * 8)));
    m_view.setCenter(bounds.center());
    m_autoFit = false;
    viewChanged();
}

void WorldMapWidget::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() == 0) {
        event->ignore();
        return;
    }
    // One notch (120) zooms by 2^(1/4).
    zoomAt(event->position(), std::exp2(delta.y() / 480.0));
    event->accept();
}

void WorldMapWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = std::min(width(), height()) / 6.0;
    const QPointF center(width() / 2.0, height() / 2.0);
    switch (event->key()) {
    case Qt::Key_Left:
        panBy(QPointF(step, 0));
        break;
    case Qt::Key_Right:
        panBy(QPointF(-step, 0));
        break;
    case Qt::Key_Up:
        panBy(QPointF(0, step));
        break;
    case Qt::Key_Down:
        panBy(QPointF(0, -step));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAt(center, 1.5);
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomAt(center, 1 / 1.5);
        break;
    case Qt::Key_F:
        fitToData();
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        showWholeWorld();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void WorldMapWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange ||
        event->type() == QEvent::StyleChange) {
        m_staticValid = false;
        m_overlay.invalidate();
        update();
    }
    QWidget::changeEvent(event);
}

bool WorldMapWidget::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this, QRect(help->pos(), QSize(1, 1)));
        }
        return true;
    }
    case QEvent::NativeGesture: {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAt(gesture->position(), 1 + gesture->value());
            return true;
        }
        break;
    }
    case QEvent::Gesture: {
        auto *gestureEvent = static_cast<QGestureEvent *>(event);
        if (auto *pinch = static_cast<QPinchGesture *>(gestureEvent->gesture(Qt::PinchGesture))) {
            if (pinch->state() == Qt::GestureStarted)
                m_pinchLast = 1;
            if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged) {
                const qreal total = pinch->totalScaleFactor();
                if (m_pinchLast > 0)
                    zoomAt(mapFromGlobal(pinch->centerPoint()), total / m_pinchLast);
                m_pinchLast = total;
            }
            gestureEvent->accept(pinch);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QWidget::event(event);
}

} // namespace ops
