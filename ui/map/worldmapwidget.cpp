#include "worldmapwidget.h"

#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"
#include "worldgeometry.h"

#include "models/regionstore.h"

#include <QGestureEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
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
#include <numbers>

namespace ops {

namespace {
constexpr double kNodeSize = 11;      // edge node marker, logical px
constexpr double kRegionSize = 19;    // region marker
constexpr double kBadgeSize = 9;      // worst-state badge on a cluster
constexpr double kClusterCellPx = 22; // minimum grid cell; the power-of-two grid makes it 22..44
constexpr double kMaxZoom = 80;
constexpr int kMaxDirtyRects = 40; // beyond this one full repaint is cheaper than a region
constexpr int kButtonSize = 28;

// Drawing order of ring segments and of the header: the urgent states first.
constexpr HealthStatus kStatusOrder[] = {HealthStatus::Down, HealthStatus::Degraded,
                                         HealthStatus::Maintenance, HealthStatus::Unknown,
                                         HealthStatus::Healthy};

QString shortName(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

QString percent(double fraction, int decimals)
{
    return QLocale().toString(fraction * 100, 'f', decimals) + QStringLiteral(" %");
}

QString healthLines(const HealthSample &h)
{
    return WorldMapWidget::tr("p95 %1 ms · error rate %2 · availability %3")
        .arg(QLocale().toString(h.latencyP95Ms, 'f', 0), percent(h.errorRate, 2),
             percent(h.availability, 3));
}

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

void drawSprite(QPainter &p, const QPixmap &sprite, QPointF center)
{
    const QSizeF s = QSizeF(sprite.size()) / sprite.devicePixelRatio();
    p.drawPixmap(QPointF(center.x() - s.width() / 2, center.y() - s.height() / 2), sprite);
}

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
    m_markers.clear();
    m_markers.reserve(m_store->regions().size() + m_store->edgeNodes().size());
    QList<QRect> dirty;
    bool full = true;
    m_index.clear();
    for (const Region &region : m_store->regions())
        upsertRegion(region, dirty, full);
    for (const EdgeNode &node : m_store->edgeNodes())
        upsertEdgeNode(node, dirty, full);
    rebuildIndex();
    m_lastUpdate = QDateTime::currentDateTime();
    if (m_autoFit)
        fit();
    update();
}

void WorldMapWidget::storeChanged(const RegionStoreChange &change)
{
    QList<QRect> dirty;
    bool full = change.touchesOperations(); // failover arrows may have moved
    bool structural = false;
    for (const QStringList *removed : {&change.removedRegions, &change.removedEdgeNodes}) {
        for (const QString &name : *removed) {
            const auto it = m_index.constFind(name);
            if (it == m_index.cend())
                continue;
            m_markers.erase(m_markers.begin() + *it);
            structural = true;
            rebuildIndex();
        }
    }
    for (const QString &name : change.regions) {
        if (const Region *region = m_store->region(name)) {
            structural |= !m_index.contains(name);
            upsertRegion(*region, dirty, full);
        }
    }
    for (const QString &name : change.edgeNodes) {
        if (const EdgeNode *node = m_store->edgeNode(name)) {
            structural |= !m_index.contains(name);
            upsertEdgeNode(*node, dirty, full);
        }
    }
    if (change.commitTime.isValid())
        m_lastUpdate = change.commitTime.toLocalTime();
    if (!m_lastUpdate.isValid())
        m_lastUpdate = QDateTime::currentDateTime();
    if (structural) {
        rebuildIndex();
        full = true;
    }
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

void WorldMapWidget::upsertRegion(const Region &region, QList<QRect> &dirty, bool &full)
{
    auto it = m_index.constFind(region.name);
    if (it == m_index.constEnd()) {
        Marker m;
        m.kind = MarkerKind::Region;
        m.name = region.name;
        m_index.insert(region.name, int(m_markers.size()));
        m_markers.push_back(m);
        it = m_index.constFind(region.name);
        full = true;
    }
    Marker &m = m_markers[size_t(*it)];
    const HealthStatus from = m.status;
    m.label = region.displayName.isEmpty() ? shortName(region.name) : region.displayName;
    m.provider = region.provider;
    m.status = region.status;
    m.health = region.health;
    m.statusMessage = region.statusMessage;
    if (m.longitude != region.longitude || m.latitude != region.latitude || m.unit.isNull()) {
        m.longitude = region.longitude;
        m.latitude = region.latitude;
        m.unit = equalEarth::forward(m.longitude, m.latitude);
        full = true;
    }
    if (from != m.status)
        statusChanged(*it, from, dirty);
}

void WorldMapWidget::upsertEdgeNode(const EdgeNode &node, QList<QRect> &dirty, bool &full)
{
    auto it = m_index.constFind(node.name);
    if (it == m_index.constEnd()) {
        Marker m;
        m.kind = MarkerKind::EdgeNode;
        m.name = node.name;
        m_index.insert(node.name, int(m_markers.size()));
        m_markers.push_back(m);
        it = m_index.constFind(node.name);
        full = true;
    }
    Marker &m = m_markers[size_t(*it)];
    const HealthStatus from = m.status;
    m.label = node.city.isEmpty() ? shortName(node.name) : node.city;
    m.countryCode = node.countryCode;
    m.provider = node.provider;
    m.status = node.status;
    m.health = node.health;
    if (m.longitude != node.longitude || m.latitude != node.latitude || m.unit.isNull()) {
        m.longitude = node.longitude;
        m.latitude = node.latitude;
        m.unit = equalEarth::forward(m.longitude, m.latitude);
        m_clustersDirty = true;
        full = true;
    }
    if (from != m.status)
        statusChanged(*it, from, dirty);
}

// Keeps the cluster's distribution current without reclustering, and marks what to repaint.
void WorldMapWidget::statusChanged(int index, HealthStatus from, QList<QRect> &dirty)
{
    const Marker &m = m_markers[size_t(index)];
    if (m.kind == MarkerKind::EdgeNode && !m_clustersDirty && m.nodeSlot >= 0 &&
        m.nodeSlot < m_clusterOf.size() && m_clusterOf.at(m.nodeSlot) <= -2) {
        MarkerCluster &badge = m_badges[-2 - m_clusterOf.at(m.nodeSlot)];
        --badge.counts[size_t(from)];
        ++badge.counts[size_t(m.status)];
        const QPoint pos = m_view.toScreen(badge.position).toPoint();
        dirty.append(QRect(pos, pos).adjusted(-30, -30, 30, 30));
    } else if (m.kind == MarkerKind::EdgeNode && !m_clustersDirty && m.nodeSlot >= 0 &&
               m.nodeSlot < m_clusterOf.size() && m_clusterOf.at(m.nodeSlot) >= 0) {
        MarkerCluster &cluster = m_clusters[m_clusterOf.at(m.nodeSlot)];
        --cluster.counts[size_t(from)];
        ++cluster.counts[size_t(m.status)];
        dirty.append(cluster.size() > 1 ? clusterRect(cluster) : markerRect(m));
    } else {
        dirty.append(markerRect(m));
    }
}

void WorldMapWidget::rebuildIndex()
{
    m_index.clear();
    m_nodeMarkers.clear();
    for (int i = 0; i < int(m_markers.size()); ++i) {
        Marker &m = m_markers[size_t(i)];
        m_index.insert(m.name, i);
        if (m.kind == MarkerKind::EdgeNode) {
            m.nodeSlot = int(m_nodeMarkers.size());
            m_nodeMarkers.append(i);
        }
    }
    m_clustersDirty = true;
}

void WorldMapWidget::ensureClusters() const
{
    const double cell = clusterCellSize(kClusterCellPx, m_view.scale());
    if (!m_clustersDirty && cell == m_clusterCell && m_view.scale() == m_clusterScale)
        return;
    // A node whose marker would overlap a region marker joins that region's badge: regions and
    // their labels stay visible at world zoom instead of disappearing under clusters.
    QList<int> regions;
    for (int i = 0; i < int(m_markers.size()); ++i) {
        if (m_markers[size_t(i)].kind == MarkerKind::Region)
            regions.append(i);
    }
    const double under = m_view.scale() > 0 ? (kRegionSize + kNodeSize) / 2 / m_view.scale() : 0;
    m_badges.clear();
    m_badgeRegion.clear();
    QList<QPointF> points;
    QList<HealthStatus> statuses;
    QList<int> pointSlot; // clustered point -> node slot
    QList<int> badgeOf(m_nodeMarkers.size(), -1);
    points.reserve(m_nodeMarkers.size());
    statuses.reserve(m_nodeMarkers.size());
    for (int slot = 0; slot < m_nodeMarkers.size(); ++slot) {
        const Marker &node = m_markers[size_t(m_nodeMarkers.at(slot))];
        int nearest = -1;
        double best = under;
        for (int r : std::as_const(regions)) {
            const double d = QLineF(node.unit, m_markers[size_t(r)].unit).length();
            if (d < best) {
                best = d;
                nearest = r;
            }
        }
        if (nearest >= 0) {
            int badge = int(m_badgeRegion.indexOf(nearest));
            if (badge < 0) {
                badge = int(m_badges.size());
                m_badgeRegion.append(nearest);
                MarkerCluster b;
                b.position = m_markers[size_t(nearest)].unit;
                m_badges.append(b);
            }
            m_badges[badge].members.append(slot);
            ++m_badges[badge].counts[size_t(node.status)];
            badgeOf[slot] = badge;
            continue;
        }
        pointSlot.append(slot);
        points.append(node.unit);
        statuses.append(node.status);
    }
    QList<int> clusterOfPoint;
    m_clusters = clusterPoints(points, statuses, cell, &clusterOfPoint);
    for (MarkerCluster &c : m_clusters) {
        for (int &member : c.members)
            member = pointSlot.at(member);
    }
    m_clusterOf = QList<int>(m_nodeMarkers.size(), -1);
    for (int slot = 0; slot < m_nodeMarkers.size(); ++slot) {
        if (badgeOf.at(slot) >= 0)
            m_clusterOf[slot] = -2 - badgeOf.at(slot);
    }
    for (int i = 0; i < pointSlot.size(); ++i)
        m_clusterOf[pointSlot.at(i)] = clusterOfPoint.at(i);
    m_clusterCell = cell;
    m_clusterScale = m_view.scale();
    m_clustersDirty = false;
}

int WorldMapWidget::badgeOfRegion(int regionIndex) const
{
    ensureClusters();
    return int(m_badgeRegion.indexOf(regionIndex));
}

int WorldMapWidget::regionBadgeCount(const QString &region) const
{
    const int badge = badgeOfRegion(m_index.value(region, -1));
    return badge >= 0 ? m_badges.at(badge).size() : 0;
}

const QList<MarkerCluster> &WorldMapWidget::clusters() const
{
    ensureClusters();
    return m_clusters;
}

QStringList WorldMapWidget::clusterMemberNames(int cluster) const
{
    ensureClusters();
    QStringList names;
    if (cluster < 0 || cluster >= m_clusters.size())
        return names;
    for (int slot : m_clusters.at(cluster).members)
        names.append(m_markers[size_t(m_nodeMarkers.at(slot))].name);
    return names;
}

// ---- selection and view -----------------------------------------------------------------------

int WorldMapWidget::selectedIndex() const
{
    if (m_selected.isEmpty())
        return -1;
    auto it = m_index.constFind(m_selected);
    if (it != m_index.constEnd())
        return *it;
    // A component (or anything else under a region) selects its region.
    return m_index.value(m_selected.section(QLatin1Char('/'), 0, 1), -1);
}

void WorldMapWidget::setSelectedName(const QString &name, bool reveal)
{
    if (name == m_selected)
        return;
    m_selected = name;
    syncViewSize();
    const int index = selectedIndex();
    if (reveal && index >= 0) {
        QPointF pos;
        markerPosition(m_markers[size_t(index)].name, &pos);
        const QRectF inner = QRectF(rect()).adjusted(40, 60, -40, -40);
        if (!inner.contains(pos)) {
            m_view.setCenter(m_markers[size_t(index)].unit);
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
    if (m_markers.empty()) {
        m_view.setScale(m_view.fitWorldScale());
        m_view.setCenter(QPointF());
        viewChanged();
        return;
    }
    QRectF bounds;
    for (const Marker &m : m_markers) {
        const QRectF point(m.unit, QSizeF(1e-9, 1e-9));
        bounds = bounds.isNull() ? point : bounds.united(point);
    }
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

const WorldMapWidget::Marker *WorldMapWidget::marker(const QString &name) const
{
    auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_markers[size_t(*it)];
}

bool WorldMapWidget::markerPosition(const QString &name, QPointF *pos) const
{
    const Marker *m = marker(name);
    if (!m)
        return false;
    if (m->kind == MarkerKind::EdgeNode) {
        ensureClusters();
        const int cluster = m_clusterOf.at(m->nodeSlot);
        if (cluster <= -2) { // under its region's marker: counted in the region's badge
            *pos = m_view.toScreen(m_badges.at(-2 - cluster).position);
            return true;
        }
        const MarkerCluster &c = m_clusters.at(cluster);
        if (c.size() > 1) {
            *pos = clusterScreenPos(c);
            return true;
        }
    }
    *pos = m_view.toScreen(m->unit);
    return true;
}

int WorldMapWidget::markerCount(MarkerKind kind) const
{
    return int(std::count_if(m_markers.begin(), m_markers.end(),
                             [kind](const Marker &m) { return m.kind == kind; }));
}

QString WorldMapWidget::markerAt(QPointF widgetPos) const
{
    // Regions are drawn on top, so they win.
    double best = kRegionSize / 2 + 3;
    QString found;
    for (const Marker &m : m_markers) {
        if (m.kind != MarkerKind::Region)
            continue;
        const double d = QLineF(widgetPos, m_view.toScreen(m.unit)).length();
        if (d <= best) {
            best = d;
            found = m.name;
        }
    }
    if (!found.isEmpty())
        return found;
    ensureClusters();
    best = kNodeSize / 2 + 3;
    for (const MarkerCluster &c : std::as_const(m_clusters)) {
        if (c.size() != 1)
            continue;
        const double d = QLineF(widgetPos, clusterScreenPos(c)).length();
        if (d <= best) {
            best = d;
            found = m_markers[size_t(m_nodeMarkers.at(c.members.first()))].name;
        }
    }
    return found;
}

int WorldMapWidget::clusterAt(QPointF widgetPos) const
{
    ensureClusters();
    int found = -1;
    double best = 1e9;
    for (int i = 0; i < m_clusters.size(); ++i) {
        const MarkerCluster &c = m_clusters.at(i);
        if (c.size() < 2)
            continue;
        const double d = QLineF(widgetPos, clusterScreenPos(c)).length();
        if (d <= clusterRadius(c.size()) + 2 && d < best) {
            best = d;
            found = i;
        }
    }
    return found;
}

int WorldMapWidget::activeFailoverCount() const
{
    return int(std::count_if(m_store->failovers().cbegin(), m_store->failovers().cend(),
                             [](const Failover &f) { return f.state == Failover::State::Active; }));
}

QString WorldMapWidget::toolTipAt(QPointF widgetPos) const
{
    const QString name = markerAt(widgetPos);
    if (const Marker *m = marker(name)) {
        QString text;
        if (m->kind == MarkerKind::Region) {
            text = tr("<b>%1</b> — region %2").arg(m->label.toHtmlEscaped(), shortName(m->name));
        } else {
            const QString region = m->name.section(QLatin1Char('/'), 1, 1);
            text = m->countryCode.isEmpty()
                       ? tr("<b>%1</b> — edge node %2 of %3")
                             .arg(m->label.toHtmlEscaped(), shortName(m->name), region)
                       : tr("<b>%1</b> (%2) — edge node %3 of %4")
                             .arg(m->label.toHtmlEscaped(), m->countryCode, shortName(m->name),
                                  region);
        }
        text += QStringLiteral("<br/>") +
                tr("%1 · %2").arg(cloudProviderText(m->provider), healthStatusText(m->status));
        text += QStringLiteral("<br/>") + healthLines(m->health);
        if (!m->statusMessage.isEmpty())
            text += QStringLiteral("<br/><i>") + m->statusMessage.toHtmlEscaped() +
                    QStringLiteral("</i>");
        if (m->kind == MarkerKind::Region) {
            if (const int badge = badgeOfRegion(int(m - m_markers.data())); badge >= 0) {
                const MarkerCluster &b = m_badges.at(badge);
                text += QStringLiteral("<br/>") +
                        tr("%n edge node(s) here (zoom in to see them)", nullptr, b.size());
                for (HealthStatus s : kStatusOrder) {
                    if (const int n = b.counts[size_t(s)]; n > 0 && s != HealthStatus::Healthy)
                        text +=
                            QStringLiteral(" · ") + tr("%1: %2").arg(healthStatusText(s)).arg(n);
                }
            }
        }
        return text;
    }
    const int cluster = clusterAt(widgetPos);
    if (cluster >= 0) {
        const MarkerCluster &c = m_clusters.at(cluster);
        QString text = tr("<b>%n edge node(s)</b>", nullptr, c.size());
        for (HealthStatus s : kStatusOrder) {
            if (const int n = c.counts[size_t(s)])
                text += QStringLiteral("<br/>") + tr("%1: %2").arg(healthStatusText(s)).arg(n);
        }
        return text + QStringLiteral("<br/><i>") + tr("Double-click to zoom in") +
               QStringLiteral("</i>");
    }
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    for (const FailoverArrow &arrow : failoverArrows()) {
        if (!stroker.createStroke(arrow.path).contains(widgetPos))
            continue;
        const Failover &f = *arrow.failover;
        QString text =
            tr("<b>Failover</b> %1 → %2").arg(shortName(f.sourceRegion), shortName(f.targetRegion));
        text +=
            QStringLiteral("<br/>") +
            tr("%1 of the traffic since %2")
                .arg(percent(f.trafficFraction, 0),
                     QLocale().toString(f.startTime.toLocalTime().time(), QLocale::ShortFormat));
        if (!f.reason.isEmpty())
            text += QStringLiteral("<br/><i>") + f.reason.toHtmlEscaped() + QStringLiteral("</i>");
        return text;
    }
    return {};
}

QString WorldMapWidget::headerText() const
{
    const int regions = markerCount(MarkerKind::Region);
    const int nodes = int(m_markers.size()) - regions;
    QString text = tr("%n region(s)", nullptr, regions) + QStringLiteral(" · ") +
                   tr("%n edge node(s)", nullptr, nodes);
    std::array<int, 5> counts{};
    for (const Marker &m : m_markers)
        ++counts[size_t(m.status)];
    for (HealthStatus s : kStatusOrder) {
        if (counts[size_t(s)])
            text += QStringLiteral(" · %1 %2").arg(counts[size_t(s)]).arg(healthStatusText(s));
    }
    return text;
}

QString WorldMapWidget::emptyStateText() const
{
    if (!hasSnapshot())
        return tr("Waiting for regions…");
    if (m_markers.empty())
        return tr("No regions to show");
    return {};
}

WorldMapWidget::Colors WorldMapWidget::colorsFor(const QPalette &palette)
{
    Colors c;
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

// ---- painting ---------------------------------------------------------------------------------

QRect WorldMapWidget::markerRect(const Marker &m) const
{
    const QPointF p = m_view.toScreen(m.unit);
    if (m.kind == MarkerKind::Region) {
        // The label below and the selection ring around.
        return QRectF(p.x() - 90, p.y() - kRegionSize - 22, 180, 2 * kRegionSize + 44)
            .toAlignedRect();
    }
    const double r = kNodeSize / 2 + 8;
    return QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r).toAlignedRect();
}

double WorldMapWidget::clusterRadius(int size) const
{
    return std::min(14.0, 8.0 + 1.3 * std::log2(double(std::max(size, 1))));
}

QRect WorldMapWidget::clusterRect(const MarkerCluster &c) const
{
    const QPointF p = clusterScreenPos(c);
    const double r = clusterRadius(c.size()) + 10;
    return QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r).toAlignedRect();
}

void WorldMapWidget::ensureSprites()
{
    const qreal dpr = devicePixelRatioF();
    if (m_spriteDpr == dpr && !m_nodeSprites[0].isNull())
        return;
    m_spriteDpr = dpr;
    const Colors colors = colorsFor(palette());
    for (int s = 0; s < 5; ++s) {
        const auto status = HealthStatus(s);
        const QColor color = theme::statusColor(status, palette());
        m_nodeSprites[size_t(s)] = makeSprite(status, kNodeSize, color, colors.halo, dpr);
        m_regionSprites[size_t(s)] = makeSprite(status, kRegionSize, color, colors.halo, dpr);
        m_badgeSprites[size_t(s)] = makeSprite(status, kBadgeSize, color, colors.halo, dpr);
    }
    m_legend = QPixmap();
    m_countTexts.clear();
}

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
    ensureSprites();
    ensureClusters();
    const QRect dirty = event->rect();
    QPainter p(this);
    const qreal dpr = m_static.devicePixelRatio();
    p.drawPixmap(
        QRectF(dirty), m_static,
        QRectF(dirty.x() * dpr, dirty.y() * dpr, dirty.width() * dpr, dirty.height() * dpr));
    p.setRenderHint(QPainter::Antialiasing);
    paintMarkers(p, dirty);
    paintHeader(p);
    if (m_legend.isNull() || dirty.intersects(m_legendRect))
        paintLegend(p);
    if (!emptyStateText().isEmpty())
        paintEmptyState(p);
}

QList<WorldMapWidget::FailoverArrow> WorldMapWidget::failoverArrows() const
{
    QList<FailoverArrow> arrows;
    for (const Failover &f : m_store->failovers()) {
        if (f.state != Failover::State::Active)
            continue;
        const Marker *from = marker(f.sourceRegion);
        const Marker *to = marker(f.targetRegion);
        if (!from || !to || from == to)
            continue;
        const QPointF a = m_view.toScreen(from->unit);
        const QPointF b = m_view.toScreen(to->unit);
        const QLineF line(a, b);
        if (line.length() < 4)
            continue;
        // Bend to the left of the direction of travel, a quarter of the distance.
        const QPointF normal(-(b.y() - a.y()) / line.length(), (b.x() - a.x()) / line.length());
        const QPointF control = (a + b) / 2 + normal * line.length() * 0.25;
        // Start and end outside the region markers.
        const double gap = kRegionSize / 2 + 4;
        const QPointF start = a + (control - a) / QLineF(a, control).length() * gap;
        const QPointF end = b + (control - b) / QLineF(b, control).length() * gap;
        FailoverArrow arrow;
        arrow.failover = &f;
        arrow.path.moveTo(start);
        arrow.path.quadTo(control, end);
        const QPointF dir = (end - control) / QLineF(control, end).length();
        const QPointF side(-dir.y(), dir.x());
        arrow.head << end << end - dir * 11 + side * 5 << end - dir * 11 - side * 5;
        arrow.labelPos = (start + end) / 4 + control / 2;
        arrows.append(arrow);
    }
    return arrows;
}

void WorldMapWidget::paintFailovers(QPainter &p, const QRect &dirty)
{
    if (m_store->failovers().isEmpty())
        return;
    const Colors colors = colorsFor(palette());
    for (const FailoverArrow &arrow : failoverArrows()) {
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

void WorldMapWidget::paintCluster(QPainter &p, const MarkerCluster &c, bool selected)
{
    const Colors colors = colorsFor(palette());
    const QPointF center = clusterScreenPos(c);
    const double r = clusterRadius(c.size());
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
        p.setPen(QPen(theme::statusColor(s, palette()), ring, Qt::SolidLine, Qt::FlatCap));
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
    QFont font = this->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    auto it = m_countTexts.find(c.size());
    if (it == m_countTexts.end()) {
        QStaticText text(QString::number(c.size()));
        text.prepare(QTransform(), font);
        it = m_countTexts.insert(c.size(), text);
    }
    p.setFont(font);
    p.setPen(palette().color(QPalette::Text));
    const QSizeF ts = it->size();
    p.drawStaticText(center - QPointF(ts.width() / 2, ts.height() / 2), *it);
    // The most urgent state also as a shape, so the ring does not rely on colour alone.
    const HealthStatus worst = c.worst();
    if (worst != HealthStatus::Healthy)
        drawSprite(p, m_badgeSprites[size_t(worst)], center + QPointF(r * 0.8, -r * 0.8));
}

// The edge nodes under a region marker: a small count at its upper right, ringed in the most
// urgent state among them.
void WorldMapWidget::paintBadge(QPainter &p, QPointF regionPos, const MarkerCluster &badge)
{
    const Colors colors = colorsFor(palette());
    QFont font = this->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.7);
    const QString text = QString::number(badge.size());
    const QFontMetricsF fm(font);
    const double h = fm.height() + 1;
    const double w = std::max(h, fm.horizontalAdvance(text) + 6);
    const QRectF box(regionPos.x() + kRegionSize / 2 - 4, regionPos.y() - kRegionSize / 2 - h + 4,
                     w, h);
    p.setPen(QPen(theme::statusColor(badge.worst(), palette()), 1.5));
    p.setBrush(colors.halo);
    p.drawRoundedRect(box, h / 2, h / 2);
    p.setFont(font);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(box, Qt::AlignCenter, text);
}

void WorldMapWidget::paintMarkers(QPainter &p, const QRect &dirty)
{
    const Colors colors = colorsFor(palette());
    const int selected = selectedIndex();
    const Marker *selectedMarker = selected >= 0 ? &m_markers[size_t(selected)] : nullptr;
    const int selectedCluster = selectedMarker && selectedMarker->kind == MarkerKind::EdgeNode
                                    ? m_clusterOf.value(selectedMarker->nodeSlot, -1)
                                    : -1;
    const QRect visible = rect().adjusted(-40, -40, 40, 40);
    for (int i = 0; i < m_clusters.size(); ++i) {
        const MarkerCluster &c = m_clusters.at(i);
        const QPointF pos = clusterScreenPos(c);
        if (!visible.contains(pos.toPoint()))
            continue;
        if (c.size() > 1) {
            if (clusterRect(c).intersects(dirty))
                paintCluster(p, c, i == selectedCluster);
            continue;
        }
        const Marker &m = m_markers[size_t(m_nodeMarkers.at(c.members.first()))];
        if (!markerRect(m).intersects(dirty))
            continue;
        drawSprite(p, m_nodeSprites[size_t(m.status)], pos);
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
    const QFontMetricsF fm(labelFont);
    // Regions over the nodes, and their labels over every marker (two passes).
    for (const Marker &m : m_markers) {
        if (m.kind != MarkerKind::Region)
            continue;
        const QPointF pos = m_view.toScreen(m.unit);
        if (!visible.contains(pos.toPoint()) || !markerRect(m).intersects(dirty))
            continue;
        drawSprite(p, m_regionSprites[size_t(m.status)], pos);
        if (const int badge = badgeOfRegion(int(&m - m_markers.data())); badge >= 0)
            paintBadge(p, pos, m_badges.at(badge));
        if (&m == selectedMarker) {
            p.setPen(QPen(colors.halo, 5));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(pos, kRegionSize / 2 + 6, kRegionSize / 2 + 6);
            p.setPen(QPen(colors.selection, 3));
            p.drawEllipse(pos, kRegionSize / 2 + 6, kRegionSize / 2 + 6);
        }
    }
    // Labels go below, above, right or left of their marker, wherever they collide with no other
    // label or region marker; placed in name order, so a partial repaint places them alike.
    QList<QRectF> taken;
    QList<const Marker *> regions;
    for (const Marker &m : m_markers) {
        if (m.kind == MarkerKind::Region && visible.contains(m_view.toScreen(m.unit).toPoint())) {
            regions.append(&m);
            const QPointF pos = m_view.toScreen(m.unit);
            taken.append(QRectF(pos.x() - kRegionSize / 2, pos.y() - kRegionSize / 2, kRegionSize,
                                kRegionSize));
        }
    }
    std::sort(regions.begin(), regions.end(),
              [](const Marker *a, const Marker *b) { return a->name < b->name; });
    QColor back = colors.halo;
    back.setAlpha(200);
    for (const Marker *m : std::as_const(regions)) {
        const QPointF pos = m_view.toScreen(m->unit);
        const QString label = shortName(m->name);
        const double w = fm.horizontalAdvance(label) + 8, h = fm.height() + 2;
        const double gap = kRegionSize / 2 + 3;
        const QRectF candidates[] = {
            QRectF(pos.x() - w / 2, pos.y() + gap, w, h),
            QRectF(pos.x() - w / 2, pos.y() - gap - h, w, h),
            QRectF(pos.x() + gap, pos.y() - h / 2, w, h),
            QRectF(pos.x() - gap - w, pos.y() - h / 2, w, h),
        };
        const QRectF *box = nullptr;
        for (const QRectF &candidate : candidates) {
            if (std::none_of(taken.cbegin(), taken.cend(),
                             [&](const QRectF &t) { return t.intersects(candidate); })) {
                box = &candidate;
                break;
            }
        }
        if (!box)
            continue; // the tooltip still names it
        taken.append(*box);
        if (!box->toAlignedRect().intersects(dirty))
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(back);
        p.drawRoundedRect(*box, 3, 3);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(*box, Qt::AlignCenter, label);
    }
}

void WorldMapWidget::paintHeader(QPainter &p)
{
    if (!hasSnapshot()) {
        m_headerRect = QRect();
        return;
    }
    std::array<int, 5> counts{};
    int regions = 0;
    for (const Marker &m : m_markers) {
        ++counts[size_t(m.status)];
        regions += m.kind == MarkerKind::Region;
    }
    const int nodes = int(m_markers.size()) - regions;
    m_headerUpdated = m_lastUpdate.toString(QStringLiteral("HH:mm:ss"));
    const QString title = tr("%n region(s)", nullptr, regions) + QStringLiteral(" · ") +
                          tr("%n edge node(s)", nullptr, nodes);
    const QString updated = tr("updated %1").arg(m_headerUpdated);
    const QFontMetrics fm(font());
    const int pad = 8, gap = 12, icon = int(kBadgeSize) + 5;
    int width = pad + fm.horizontalAdvance(title) + gap;
    for (HealthStatus s : kStatusOrder) {
        if (counts[size_t(s)])
            width += icon + 3 + fm.horizontalAdvance(QString::number(counts[size_t(s)])) + gap;
    }
    width += fm.horizontalAdvance(updated) + pad;
    const QRect box(8, 8, width, fm.height() + 10);
    m_headerRect = box.adjusted(-2, -2, 240, 2); // room for the text to grow
    QColor back = colorsFor(palette()).halo;
    back.setAlpha(225);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(back);
    p.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
    p.setFont(font());
    p.setPen(palette().color(QPalette::Text));
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
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(x, baseline, updated);
}

void WorldMapWidget::paintLegend(QPainter &p)
{
    const qreal dpr = devicePixelRatioF();
    if (m_legend.isNull() || m_legend.devicePixelRatio() != dpr || m_legendWidth != width()) {
        m_legendWidth = width();
        const Colors colors = colorsFor(palette());
        QFont font = this->font();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        const QFontMetrics fm(font);
        const QStringList labels = {healthStatusText(HealthStatus::Healthy),
                                    healthStatusText(HealthStatus::Degraded),
                                    healthStatusText(HealthStatus::Down),
                                    healthStatusText(HealthStatus::Maintenance),
                                    healthStatusText(HealthStatus::Unknown),
                                    tr("Edge nodes (ring: their states)"),
                                    tr("Active failover")};
        const int icon = 24, gap = 12, row = std::max(fm.height(), 18) + 2;
        int oneRow = 8;
        int textWidth = 0;
        for (const QString &label : labels) {
            oneRow += icon + fm.horizontalAdvance(label) + gap;
            textWidth = std::max(textWidth, fm.horizontalAdvance(label));
        }
        // One row along the bottom when the map is wide; a column when it is tall; else none.
        const bool horizontal = oneRow + 16 <= width();
        QSize size;
        if (horizontal)
            size = QSize(oneRow, row + 8);
        else if (height() >= 320)
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
            lp.setPen(QPen(palette().color(QPalette::Mid), 1));
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
                        lp.setPen(QPen(theme::statusColor(s, palette()), 3.5, Qt::SolidLine,
                                       Qt::FlatCap));
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
                lp.setPen(palette().color(QPalette::Text));
                const int w = fm.horizontalAdvance(labels.at(i));
                lp.drawText(QRectF(left + icon, cy - row / 2.0, w + 4, row),
                            Qt::AlignVCenter | Qt::AlignLeft, labels.at(i));
                x += icon + w + gap;
            }
        }
    }
    const QSizeF s = QSizeF(m_legend.size()) / dpr;
    m_legendRect = QRectF(QPointF(8, height() - 8 - s.height()), s).toAlignedRect();
    p.drawPixmap(m_legendRect.topLeft(), m_legend);
}

void WorldMapWidget::paintEmptyState(QPainter &p)
{
    QColor veil = palette().color(QPalette::Window);
    veil.setAlpha(150);
    p.fillRect(rect(), veil);
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    p.setFont(font);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(rect(), Qt::AlignCenter, emptyStateText());
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
    QRectF bounds;
    for (int slot : m_clusters.at(cluster).members) {
        const QRectF point(m_markers[size_t(m_nodeMarkers.at(slot))].unit, QSizeF(1e-9, 1e-9));
        bounds = bounds.isNull() ? point : bounds.united(point);
    }
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
        m_spriteDpr = 0;
        m_legend = QPixmap();
        m_countTexts.clear();
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
