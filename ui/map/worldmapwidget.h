#pragma once

#include "geoprojection.h"
#include "markerclustering.h"

#include "models/region.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QPixmap>
#include <QPolygonF>
#include <QStaticText>
#include <QWidget>

#include <array>
#include <vector>

class QToolButton;

namespace ops {

class RegionStore;
struct RegionStoreChange;

// A live world map of regions and edge nodes, drawn with QPainter in the Equal Earth projection.
// Land, borders and graticule are rendered once per view into a device-pixel-ratio-aware pixmap;
// markers are painted over it. Status reads by colour AND shape (the shapes of the Regions table);
// zoomed out, nearby edge nodes merge into clusters whose ring shows their state distribution.
// Active failovers are curved arrows from the failed to the receiving region.
// Pan: drag or arrow keys. Zoom: wheel (around the cursor), +/- keys, pinch. F fits to the data.
class WorldMapWidget : public QWidget
{
    Q_OBJECT
public:
    enum class MarkerKind { Region, EdgeNode };
    struct Marker
    {
        MarkerKind kind = MarkerKind::Region;
        QString name;        // regions/eu-west or regions/eu-west/edgeNodes/fra-01
        QString label;       // display name or city
        QString countryCode; // edge nodes
        CloudProvider provider = CloudProvider::Unknown;
        HealthStatus status = HealthStatus::Unknown;
        HealthSample health;
        QString statusMessage;
        double longitude = 0;
        double latitude = 0;
        QPointF unit;      // projected
        int nodeSlot = -1; // edge nodes: index among the clustered points
    };

    // Shows `store`'s regions, edge nodes and failovers (the store outlives the widget). A reset
    // of the store rebuilds the markers; a change updates them in place and repaints only what
    // changed.
    explicit WorldMapWidget(RegionStore *store, QWidget *parent = nullptr);
    ~WorldMapWidget() override;

    RegionStore *store() const { return m_store; }
    bool hasSnapshot() const;

    // The outlined marker: a region or edge node name (a component's name selects its region).
    // reveal: pans to it when it is off-screen.
    void setSelectedName(const QString &name, bool reveal = true);
    QString selectedName() const { return m_selected; }

    void fitToData();
    void showWholeWorld();
    void zoomAt(QPointF widgetPos, double factor);
    void panBy(QPointF pixels);
    const MapViewport &viewport() const { return m_view; }

    // Inspection (tests, benchmarks, tools).
    QPointF geoToWidget(double longitudeDeg, double latitudeDeg) const;
    // Where a marker is drawn (its cluster's centre when it is clustered); false if unknown.
    bool markerPosition(const QString &name, QPointF *pos) const;
    const Marker *marker(const QString &name) const;
    int markerCount(MarkerKind kind) const;
    QString markerAt(QPointF widgetPos) const;    // region or lone edge node under pos, else ""
    int clusterAt(QPointF widgetPos) const;       // index of a cluster of 2+ under pos, else -1
    const QList<MarkerCluster> &clusters() const; // edge node clusters at the current zoom
    // Edge nodes under `region`'s marker at the current zoom (shown as a badge on it), 0 if none.
    int regionBadgeCount(const QString &region) const;
    QStringList clusterMemberNames(int cluster) const;
    QString toolTipAt(QPointF widgetPos) const;
    QString headerText() const;
    QString emptyStateText() const; // "" once markers are shown
    QDateTime lastUpdate() const { return m_lastUpdate; }
    int activeFailoverCount() const;

    // The static layers' colours for a palette (light or dark).
    struct Colors
    {
        QColor background, ocean, land, borders, graticule, outline, halo, failover, selection;
    };
    static Colors colorsFor(const QPalette &palette);

signals:
    // A region or edge node was clicked (not emitted for setSelectedName).
    void markerClicked(const QString &name);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;

private:
    void storeReset();
    void storeChanged(const RegionStoreChange &change);
    void upsertRegion(const Region &region, QList<QRect> &dirty, bool &full);
    void upsertEdgeNode(const EdgeNode &node, QList<QRect> &dirty, bool &full);
    void statusChanged(int index, HealthStatus from, QList<QRect> &dirty);
    void rebuildIndex();
    void ensureClusters() const;
    void ensureStaticLayer();
    void ensureSprites();
    void viewChanged();
    void syncViewSize(); // adopts the widget's size (resize events come late for hidden widgets)
    void fit();
    void setScaleClamped(double scale);
    void layoutButtons();
    QRect markerRect(const Marker &m) const;
    QRect clusterRect(const MarkerCluster &c) const;
    double clusterRadius(int size) const;
    QPointF clusterScreenPos(const MarkerCluster &c) const { return m_view.toScreen(c.position); }
    int selectedIndex() const;
    struct FailoverArrow
    {
        QPainterPath path; // the curve, widget pixels
        QPolygonF head;
        QPointF labelPos;
        const Failover *failover = nullptr;
    };
    QList<FailoverArrow> failoverArrows() const;

    void paintFailovers(QPainter &p, const QRect &dirty);
    void paintMarkers(QPainter &p, const QRect &dirty);
    void paintCluster(QPainter &p, const MarkerCluster &c, bool selected);
    void paintBadge(QPainter &p, QPointF regionPos, const MarkerCluster &badge);
    int badgeOfRegion(int regionIndex) const; // index into m_badges, or -1
    void paintHeader(QPainter &p);
    void paintLegend(QPainter &p);
    void paintEmptyState(QPainter &p);

    RegionStore *m_store;
    MapViewport m_view;
    std::vector<Marker> m_markers;
    QHash<QString, int> m_index; // name -> index into m_markers
    QList<int> m_nodeMarkers;    // edge node marker indexes, in nodeSlot order

    // Clusters for m_cellSize (lazily recomputed when the cell size or the node set changes).
    mutable QList<MarkerCluster> m_clusters;
    mutable QList<int> m_clusterOf; // nodeSlot -> cluster index; -2 - badge index: on a region
    // Edge nodes under a region marker at the current scale: a small count badge on the region
    // instead of a cluster drawn over it. position: the region's; members: node slots.
    mutable QList<MarkerCluster> m_badges;
    mutable QList<int> m_badgeRegion; // badge index -> region marker index
    mutable double m_clusterCell = 0;
    mutable double m_clusterScale = 0;
    mutable bool m_clustersDirty = true;

    QString m_selected;
    bool m_autoFit = true; // fit to the data (on snapshots and resizes) until the user moves
    QDateTime m_lastUpdate;
    QString m_headerUpdated; // the "updated hh:mm:ss" text last painted

    QPixmap m_static; // land, borders, graticule for the current view
    bool m_staticValid = false;
    std::array<QPixmap, 5> m_nodeSprites, m_regionSprites, m_badgeSprites;
    qreal m_spriteDpr = 0;
    QPixmap m_legend;
    QRect m_legendRect;
    int m_legendWidth = -1; // the widget width the legend was laid out for
    QHash<int, QStaticText> m_countTexts;
    QRect m_headerRect;

    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_pressed = false;
    bool m_dragging = false;
    qreal m_pinchLast = 1;

    QToolButton *m_zoomIn;
    QToolButton *m_zoomOut;
    QToolButton *m_fit;
};

} // namespace ops
