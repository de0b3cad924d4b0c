#pragma once

#include "models/cost.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QChartView;

namespace ops {

// The adapter around Qt Charts for the cost explorer (the migration to Qt Graphs stays here).

// Spend over time as stacked areas, one per group, with deploys, incidents and the other cost
// events drawn as markers on the time axis (a tooltip names them). Clicking an area emits its
// series index. A last bucket that is still to date is drawn lighter, with the forecast for its
// end as a dashed line, so a month that has only begun does not read as a collapse. The value axis
// reads "700k", "1.2M".
class CostAreaChart : public QWidget
{
    Q_OBJECT
public:
    explicit CostAreaChart(QWidget *parent = nullptr);
    ~CostAreaChart() override;

    // `labels`: one per series of `result`, in its order. `lastToDate`: the last bucket is partial
    // (drawn lighter); `lastEmpty`: its data has not begun (left blank, not drawn as zero).
    void setData(const CostQueryResult &result, const QStringList &labels, bool lastToDate = false,
                 bool lastEmpty = false);
    // The expected total of the partial last bucket (all groups), drawn dashed from the last
    // complete bucket; a negative amount or a chart without a partial bucket draws none.
    void setForecast(double expected);
    bool hasForecastLine() const;
    bool lastBucketToDate() const;
    QStringList valueAxisLabels() const;
    void setEvents(const QList<CostEvent> &events);
    void clear();

    QChartView *view() const;
    QWidget *viewport() const; // where the chart is drawn and clicked
    int seriesCount() const;
    QList<CostEvent> events() const;
    // A point (in view() coordinates) inside the area of `series`, for tests and the report; a
    // null point when the series has no visible area.
    QPoint pointInside(int series) const;
    // The markers' tooltip at `pos` (view() coordinates); empty when no marker is there.
    QString markerTextAt(const QPoint &pos) const;
    // The x (view() coordinates) of the marker of `event`.
    int markerX(int event) const;

signals:
    void seriesClicked(int series);

protected:
    void changeEvent(QEvent *event) override;

private:
    class Private;
    Private *d;
};

// Spend by provider as a donut; clicking a slice emits its label.
class CostDonutChart : public QWidget
{
    Q_OBJECT
public:
    explicit CostDonutChart(QWidget *parent = nullptr);
    ~CostDonutChart() override;

    void setSlices(const QList<QPair<QString, double>> &slices, const QString &currency);
    QChartView *view() const;
    QWidget *viewport() const;
    QStringList sliceLabels() const;
    QPoint pointInside(int slice) const; // view() coordinates

signals:
    void sliceClicked(const QString &label);

protected:
    void changeEvent(QEvent *event) override;

private:
    class Private;
    Private *d;
};

// The colour of the n-th group, the same in the areas, the donut and the report.
QColor costSeriesColor(int index, bool dark);

} // namespace ops
