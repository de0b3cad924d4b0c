#pragma once

#include "models/cost.h"

#include <QDate>
#include <QList>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace ops {

class CostAreaChart;
class CostClient;
class CostDonutChart;
class CostExplorerModel;

// The cost explorer: group-by and filter bar, time range and granularity, spend over time as
// stacked areas with deploys and incidents as markers, a donut by provider, the table with totals
// and the previous period, and the top movers. Clicking an area, a slice, a row or a mover drills
// down: the value joins the filter and the view regroups by the next dimension; the breadcrumb
// goes back.
class CostExplorer : public QWidget
{
    Q_OBJECT
public:
    enum class Range { Last30Days, Last90Days, ThisMonth, Last13Months, Custom };
    Q_ENUM(Range)

    // One drill-down: the value filtered on, and what the view was grouped by before.
    struct Step
    {
        CostDimension dimension = CostDimension::Unspecified;
        QString tagKey;
        QString value;
        CostDimension groupByBefore = CostDimension::Unspecified;
    };

    explicit CostExplorer(CostClient *client, QWidget *parent = nullptr);
    ~CostExplorer() override;

    // "Today" for the range presets (default: the current UTC date); tests and screenshots pin it.
    void setToday(const QDate &today);
    void setRange(Range range);
    void setCustomRange(const QDate &first, const QDate &last); // inclusive days
    void setGranularity(CostGranularity granularity);
    void setGroupBy(CostDimension dimension, const QString &tagKey = {});
    void setBaseFilter(const QString &expression);

    CostDimension groupBy() const { return m_groupBy; }
    QString tagKey() const;
    QList<Step> path() const { return m_path; }
    // The filter sent to platformd: the typed expression and every drill-down step, ANDed.
    QString filterExpression() const;
    CostQuery currentQuery() const;
    QDateTime rangeStart() const;
    QDateTime rangeEnd() const; // exclusive
    QString rangeText() const;  // "2026-11-06 – 2026-12-05"

    // Adds `value` of the current grouping to the filter and regroups by the next dimension.
    void drillDown(const QString &value);
    // Drill-down on another dimension (a donut slice is a provider).
    void drillDown(CostDimension dimension, const QString &tagKey, const QString &value);
    // Back to `level` steps (0: no drill-down).
    void goBack(int level);
    // The dimension after `dimension` when drilling down, skipping those already filtered.
    static CostDimension nextDimension(CostDimension dimension, const QList<Step> &path);

    void refresh(); // everything, again
    bool isLoading() const { return m_pending > 0; }

    CostExplorerModel *model() const { return m_model; }
    CostAreaChart *areaChart() const { return m_area; }
    CostDonutChart *donut() const { return m_donut; }
    QTableView *table() const { return m_table; }
    QListWidget *movers() const { return m_movers; }
    QList<QToolButton *> breadcrumbButtons() const { return m_crumbs; }
    QString messageText() const;
    QString emptyText() const;
    QString summaryText() const;
    QString forecastText() const; // this month's and quarter's forecast with bounds
    bool isShowingEmpty() const;

signals:
    void loaded(); // every call of a refresh answered (successfully or not)
    void exportCsvRequested();
    void reportRequested();

private:
    void applyResult(quint64 generation, const CostQueryResult &result, const CostError &error);
    void applyDonut(quint64 generation, const CostQueryResult &result, const CostError &error);
    void applyEvents(quint64 generation, const QList<CostEvent> &events, const CostError &error);
    void applyForecast(quint64 generation, const CostForecast &forecast, const CostError &error);
    void showForecastLine();
    void reload(bool everything);
    void finishCall(quint64 generation);
    void rebuildBreadcrumb();
    void syncControls();
    void onRowClicked(const QModelIndex &index);
    void onSeriesClicked(int series);
    void updateRangeControls();
    void showError(const QString &text);

    CostClient *m_client;
    CostExplorerModel *m_model;
    CostAreaChart *m_area;
    CostDonutChart *m_donut;
    QTableView *m_table;
    QListWidget *m_movers;
    QComboBox *m_groupByBox;
    QLineEdit *m_tagKeyEdit;
    QComboBox *m_rangeBox;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_granularityBox;
    QLineEdit *m_filterEdit;
    QHBoxLayout *m_crumbLayout;
    QList<QToolButton *> m_crumbs;
    QLabel *m_message;
    QLabel *m_summary;
    QLabel *m_forecast;
    QStackedWidget *m_stack;
    QLabel *m_empty;

    CostDimension m_groupBy = CostDimension::Service;
    QString m_tagKey = QStringLiteral("team");
    Range m_range = Range::Last90Days;
    double m_monthForecast = -1; // the expected total of this month, -1 when unknown
    QDate m_customFirst;
    QDate m_customLast;
    QDate m_today;
    CostGranularity m_granularity = CostGranularity::Daily;
    QString m_baseFilter;
    QList<Step> m_path;
    quint64 m_generation = 0;
    int m_pending = 0;
    QString m_error;
    QString m_donutKey;                             // the range and filter the donut shows
    QString m_forecastKey = QStringLiteral("\x1f"); // the filter the forecast is for (none yet)
    QString m_eventsKey;                            // the range the markers are for
    bool m_syncing = false;
};

} // namespace ops
