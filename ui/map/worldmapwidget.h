#pragma once

#include "geoprojection.h"
#include "mapoverlay.h"
#include "markerclustering.h"
#include "markerlayer.h"

#include <QDateTime>
#include <QList>
#include <QPixmap>
#include <QRect>
#include <QString>
#include <QStringList>
#include <QWidget>

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
// The widget owns input and the viewport; the markers, their clusters and hit testing are a
// MarkerLayer, the header, legend, badges and empty state a MapOverlayPainter.
class WorldMapWidget : public QWidget
{
    Q_OBJECT
public:
    using MarkerKind = MapMarkerKind;
    using Marker = MapMarker;
    using Colors = MapColors;

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
    const MarkerLayer &markers() const { return m_markers; }

    // Inspection (tests, benchmarks, tools).
    QPointF geoToWidget(double longitudeDeg, double latitudeDeg) const;
    // Where a marker is drawn (its cluster's centre when it is clustered); false if unknown.
    bool markerPosition(const QString &name, QPointF *pos) const;
    const Marker *marker(const QString &name) const { return m_markers.marker(name); }
    int markerCount(MarkerKind kind) const { return m_markers.markerCount(kind); }
    QString markerAt(QPointF widgetPos) const; // region or lone edge node under pos, else ""
    int clusterAt(QPointF widgetPos) const;    // index of a cluster of 2+ under pos, else -1
    // Edge node clusters at the current zoom.
    const QList<MarkerCluster> &clusters() const;
    // Edge nodes under `region`'s marker at the current zoom (shown as a badge on it), 0 if none.
    int regionBadgeCount(const QString &region) const;
    QStringList clusterMemberNames(int cluster) const;
    QString toolTipAt(QPointF widgetPos) const;
    QString headerText() const;
    QString emptyStateText() const; // "" once markers are shown
    QDateTime lastUpdate() const { return m_lastUpdate; }
    int activeFailoverCount() const;

    // The static layers' colours for a palette (light or dark).
    static Colors colorsFor(const QPalette &palette) { return mapColorsFor(palette); }

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
    void ensureStaticLayer();
    void viewChanged();
    void syncViewSize(); // adopts the widget's size (resize events come late for hidden widgets)
    void fit();
    void setScaleClamped(double scale);
    void layoutButtons();
    void paintFailovers(QPainter &p, const QRect &dirty);
    void paintMarkers(QPainter &p, const QRect &dirty);

    RegionStore *m_store;
    MapViewport m_view;
    MarkerLayer m_markers{&m_view};
    MapOverlayPainter m_overlay;

    QString m_selected;
    bool m_autoFit = true; // fit to the data (on snapshots and resizes) until the user moves
    QDateTime m_lastUpdate;
    QString m_headerUpdated; // the "updated hh:mm:ss" text last painted
    QRect m_headerRect;

    QPixmap m_static; // land, borders, graticule for the current view
    bool m_staticValid = false;

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
