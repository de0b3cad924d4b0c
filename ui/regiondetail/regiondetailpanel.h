#pragma once

#include "models/region.h"
#include "models/slo.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTimer;
class QTreeView;
class QTreeWidget;

namespace ops {

class RegionClient;
class RegionComponentsModel;
class RegionStore;
class RegionTreeModel;
class ResourceSelection;
class StatusBadge;
class TimelineStrip;
class TimeSeriesChart;
struct MetricPoint;

// The "Region detail" dock: everything about the region of the window's current resource — header,
// SLO and error budget with burn-rate alerts, live latency / error / throughput charts over a
// chosen range, its components, and its failovers and maintenance windows (list and timeline).
class RegionDetailPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Range { Hour, Day, Week, Month };
    Q_ENUM(Range)

    RegionDetailPanel(RegionTreeModel *model, RegionClient *client, ResourceSelection *selection,
                      QWidget *parent = nullptr);
    ~RegionDetailPanel() override;

    QString region() const { return m_region; } // "" when nothing is selected
    Range range() const { return m_range; }
    void setRange(Range range);

    // For tests and the screenshot: what the panel shows.
    bool isEmptyStateShown() const;
    QString titleText() const;
    QString headerText() const; // id, provider, geography, role, status, message, failover target
    TimeSeriesChart *latencyChart() const { return m_latency; }
    TimeSeriesChart *errorChart() const { return m_errors; }
    TimeSeriesChart *throughputChart() const { return m_throughput; }
    QString metricsStatusText() const; // "Loading…", an error, or "" when the charts are current
    bool hasMetricsError() const { return m_metricsError; }
    int metricsFetchCount() const { return m_metricsFetches; }
    QTreeView *componentsView() const { return m_components; } // over RegionComponentsModel
    QTreeWidget *operationsView() const { return m_operations; }
    QTreeWidget *alertsView() const { return m_alerts; }
    TimelineStrip *timeline() const { return m_timeline; }
    RegionStore *store() const { return m_store; } // the model's: regions, operations
    QString budgetText() const;
    QString availabilityText() const;
    QString sloStatusText() const;

    // Resolution and refresh interval per range (1 h @ 60 s every 15 s, 24 h @ 10 min every 1 min,
    // 7 d @ 1 h every 5 min, 30 d @ 4 h every 10 min).
    static qint64 rangeMs(Range range);
    static int resolutionSeconds(Range range);
    static int refreshMs(Range range);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createSloBlock();
    QWidget *createCharts();
    QWidget *createComponents();
    QWidget *createOperations();
    void showRegion(const QString &region);
    void scheduleRefresh();
    void refreshFromModel();
    void refreshOperations();
    void fetchCharts();
    void chartsFetched(quint64 generation, const QList<MetricPoint> &points, const QString &error);
    void fetchSlo();
    void sloFetched(quint64 generation, bool fine, const QList<MetricPoint> &points,
                    const QString &error);
    void updateSlo();
    void setMetricsStatus(const QString &text, bool error);

    RegionTreeModel *m_model;
    RegionStore *m_store;
    RegionClient *m_client;
    ResourceSelection *m_selection;
    QString m_region;
    Range m_range = Range::Hour;

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

    QLabel *m_availability = nullptr;
    QLabel *m_sloState = nullptr;
    QProgressBar *m_budgetBar = nullptr;
    QLabel *m_budgetLabel = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QLabel *m_sloError = nullptr;

    QButtonGroup *m_rangeButtons = nullptr;
    QLabel *m_metricsStatus = nullptr;
    TimeSeriesChart *m_latency = nullptr;
    TimeSeriesChart *m_errors = nullptr;
    TimeSeriesChart *m_throughput = nullptr;
    bool m_metricsError = false;
    bool m_chartsHaveData = false;
    int m_metricsFetches = 0;

    RegionComponentsModel *m_componentsModel;
    QTreeView *m_components = nullptr;
    QTreeWidget *m_operations = nullptr;
    TimelineStrip *m_timeline = nullptr;
    QLabel *m_operationsEmpty = nullptr;

    QTimer *m_refreshTimer; // coalesces model changes into one refresh
    QTimer *m_chartTimer;   // refetches the charts, interval per range
    QTimer *m_sloTimer;     // refetches the SLO series every minute
    quint64 m_chartGeneration = 0;
    quint64 m_sloGeneration = 0;
    QList<slo::Sample> m_sloCoarse; // 30 d @ 1 h
    QList<slo::Sample> m_sloFine;   // 6 h @ 1 min
    bool m_sloCoarseLoaded = false;
    bool m_sloFineLoaded = false;
    QString m_sloErrorText;
};

} // namespace ops
