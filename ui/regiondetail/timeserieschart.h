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
    void setTimeRange(const QDateTime &start, const QDateTime &end, const QString &labelFormat);
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
