#pragma once

#include "metriccharts.h"

#include "models/region.h"

#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTimer;
class QTreeView;
class QTreeView;
class QTreeWidget;

namespace ops {

class RegionClient;
class RegionComponentsModel;
class RegionStore;
class RegionTreeModel;
class ResourceSelection;
class SloBlock;
class StatusBadge;
class TimelineStrip;
class TimeSeriesChart;

// The "Region detail" dock: everything about the region of the window's current resource — header,
// SLO and error budget with burn-rate alerts, live latency / error / throughput charts over a
// chosen range, its components, and its failovers and maintenance windows (list and timeline).
// The SLO block and the charts are widgets of their own (SloBlock, MetricCharts) composed here.
class RegionDetailPanel : public QWidget
{
    Q_OBJECT
public:
    using Range = MetricCharts::Range;

    RegionDetailPanel(RegionTreeModel *model, RegionClient *client, ResourceSelection *selection,
                      QWidget *parent = nullptr);
    ~RegionDetailPanel() override;

    QString region() const { return m_region; } // "" when nothing is selected
    Range range() const { return m_charts->range(); }
    void setRange(Range range);

    // For tests and the screenshot: what the panel shows.
    bool isEmptyStateShown() const;
    QString titleText() const;
    QString headerText() const; // id, provider, geography, role, status, message, failover target
    TimeSeriesChart *latencyChart() const { return m_charts->latencyChart(); }
    TimeSeriesChart *errorChart() const { return m_charts->errorChart(); }
    TimeSeriesChart *throughputChart() const { return m_charts->throughputChart(); }
    // "Loading…", an error, or "" when the charts are current
    QString metricsStatusText() const { return m_charts->statusText(); }
    bool hasMetricsError() const { return m_charts->hasError(); }
    int metricsFetchCount() const { return m_charts->fetchCount(); }
    QTreeView *componentsView() const { return m_components; } // over RegionComponentsModel
    QTreeWidget *operationsView() const { return m_operations; }
    QTreeView *alertsView() const;
    TimelineStrip *timeline() const { return m_timeline; }
    RegionStore *store() const { return m_store; } // the model's: regions, operations
    QString budgetText() const;
    QString availabilityText() const;
    QString sloStatusText() const;

    // Resolution and refresh interval per range: see MetricCharts.
    static qint64 rangeMs(Range range) { return MetricCharts::rangeMs(range); }
    static int resolutionSeconds(Range range) { return MetricCharts::resolutionSeconds(range); }
    static int refreshMs(Range range) { return MetricCharts::refreshMs(range); }

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createComponents();
    QWidget *createOperations();
    void showRegion(const QString &region);
    void scheduleRefresh();
    void refreshFromModel();
    void refreshOperations();

    RegionTreeModel *m_model;
    RegionStore *m_store;
    ResourceSelection *m_selection;
    QString m_region;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_id = nullptr;
    StatusBadge *m_status = nullptr;
    QLabel *m_provider = nullptr;
    QLabel *m_geography = nullptr;
    QLabel *m_role = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_failoverTarget = nullptr;

    SloBlock *m_slo = nullptr;
    MetricCharts *m_charts = nullptr;

    RegionComponentsModel *m_componentsModel;
    QTreeView *m_components = nullptr;
    QTreeWidget *m_operations = nullptr;
    TimelineStrip *m_timeline = nullptr;
    QLabel *m_operationsEmpty = nullptr;

    QTimer *m_refreshTimer; // coalesces model changes into one refresh
};

} // namespace ops
