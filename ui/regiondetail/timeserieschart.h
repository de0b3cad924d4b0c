#pragma once

#include <QColor>
#include <QDateTime>
#include <QList>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <functional>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace ops {

// The one place the region detail touches Qt Charts (deprecated after Qt 6.10 in favour of Qt
// Graphs; a migration stays in this file): a time chart of a few lines, replaced in one go per
// fetch, with time labels, a hover read-out and a palette that follows light/dark.
class TimeSeriesChart : public QWidget
{
    Q_OBJECT
public:
    struct Line
    {
        QString name;
        QColor color;
    };
    using Formatter = std::function<QString(double)>;

    TimeSeriesChart(const QString &title, const QList<Line> &lines, Formatter format,
                    QWidget *parent = nullptr);

    // Points are (msecs since epoch, value). Replaces the whole line with one QXYSeries::replace.
    void setPoints(int line, const QList<QPointF> &points);
    // Shows at least [start, end], widened to whole `tickMs` steps of local time, with a tick (and
    // label) on every step: 10 minutes gives 09:20, 09:30, ... Steps of whole days start at local
    // midnight on days whose Julian day number is a multiple of the step (every 5 days: evenly
    // spaced across month ends). QDateTimeAxis spaces ticks evenly in milliseconds, so on a day
    // with a daylight-saving change later ticks are an hour off.
    void setTimeRange(const QDateTime &start, const QDateTime &end, qint64 tickMs,
                      const QString &labelFormat);
    struct AlignedRange
    {
        QDateTime min;
        QDateTime max;
        int tickCount = 2;
    };
    static AlignedRange alignedRange(const QDateTime &start, const QDateTime &end, qint64 tickMs);
    // What the time axis shows now (tests): its range and tick count, and its label format.
    AlignedRange timeAxisRange() const;
    QString timeLabelFormat() const;
    // Dims the lines while what they show is not current (loading, or the last fetch failed).
    void setDimmed(bool dimmed);

    int pointCount(int line) const;
    QString title() const { return m_title; }
    QChart *chart() const { return m_chart; }
    // The text the hover read-out shows for a point of `line` (tests and the tooltip share it).
    QString valueText(int line, const QPointF &point) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void updateValueRange();

    QString m_title;
    Formatter m_format;
    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QList<QLineSeries *> m_series;
    QList<Line> m_lines;
};

} // namespace ops
