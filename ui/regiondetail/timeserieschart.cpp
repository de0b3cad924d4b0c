#include "timeserieschart.h"

#include "ui/common/theme.h"

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLineSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ops {

TimeSeriesChart::TimeSeriesChart(const QString &title, const QList<Line> &lines, Formatter format,
                                 QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_format(std::move(format))
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_valueAxis(new QValueAxis(m_chart))
    , m_lines(lines)
{
    m_chart->setTitle(title);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setVisible(lines.size() > 1);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setTickCount(6);
    m_valueAxis->setTickCount(4);
    m_valueAxis->setRange(0, 1);
    for (int i = 0; i < lines.size(); ++i) {
        auto *series = new QLineSeries(m_chart);
        series->setName(lines[i].name);
        QPen pen(lines[i].color);
        pen.setWidthF(1.6);
        series->setPen(pen);
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_valueAxis);
        connect(series, &QLineSeries::hovered, this, [this, i](const QPointF &point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), valueText(i, point), m_view);
            else
                QToolTip::hideText();
        });
        m_series.append(series);
    }
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(170);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPalette();
}

void TimeSeriesChart::setPoints(int line, const QList<QPointF> &points)
{
    if (line < 0 || line >= m_series.size())
        return;
    m_series[line]->replace(points);
    updateValueRange();
}

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;

// The last step boundary at or before `time` (local time).
QDateTime floorToStep(const QDateTime &time, qint64 tickMs)
{
    const QDateTime local = time.toLocalTime();
    if (tickMs >= kDayMs) {
        const qint64 days = tickMs / kDayMs;
        QDate date = local.date();
        date = date.addDays(-(((date.toJulianDay() % days) + days) % days));
        return QDateTime(date, QTime(0, 0));
    }
    const qint64 sinceMidnight = local.time().msecsSinceStartOfDay();
    return QDateTime(local.date(),
                     QTime::fromMSecsSinceStartOfDay(int(sinceMidnight - sinceMidnight % tickMs)));
}

} // namespace

TimeSeriesChart::AlignedRange TimeSeriesChart::alignedRange(const QDateTime &start,
                                                            const QDateTime &end, qint64 tickMs)
{
    tickMs = std::max<qint64>(tickMs, 1000);
    AlignedRange range;
    range.min = floorToStep(start, tickMs);
    QDateTime max = floorToStep(end, tickMs);
    int steps = 0;
    // Counted in steps of local dates and times, so daylight-saving days still land on midnight
    // (or the whole hour) at the ends.
    const auto step = [&](const QDateTime &t) {
        return tickMs >= kDayMs ? QDateTime(t.date().addDays(tickMs / kDayMs), QTime(0, 0))
                                : t.addMSecs(tickMs);
    };
    for (QDateTime t = range.min; t < end.toLocalTime() || steps == 0; t = step(t)) {
        ++steps;
        max = step(t);
    }
    range.max = max;
    range.tickCount = steps + 1;
    return range;
}

void TimeSeriesChart::setTimeRange(const QDateTime &start, const QDateTime &end, qint64 tickMs,
                                   const QString &labelFormat)
{
    const AlignedRange range = alignedRange(start, end, tickMs);
    m_timeAxis->setFormat(labelFormat);
    m_timeAxis->setTickCount(range.tickCount);
    m_timeAxis->setRange(range.min, range.max);
}

TimeSeriesChart::AlignedRange TimeSeriesChart::timeAxisRange() const
{
    return {m_timeAxis->min(), m_timeAxis->max(), m_timeAxis->tickCount()};
}

QString TimeSeriesChart::timeLabelFormat() const
{
    return m_timeAxis->format();
}

void TimeSeriesChart::setDimmed(bool dimmed)
{
    for (QLineSeries *series : std::as_const(m_series))
        series->setOpacity(dimmed ? 0.35 : 1.0);
}

int TimeSeriesChart::pointCount(int line) const
{
    return line >= 0 && line < m_series.size() ? int(m_series[line]->count()) : 0;
}

QString TimeSeriesChart::valueText(int line, const QPointF &point) const
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(qint64(point.x())).toLocalTime();
    return tr("%1 — %2: %3")
        .arg(QLocale().toString(time, QLocale::ShortFormat),
             line >= 0 && line < m_lines.size() ? m_lines[line].name : QString(),
             m_format(point.y()));
}

void TimeSeriesChart::updateValueRange()
{
    double top = 0;
    for (const QLineSeries *series : std::as_const(m_series))
        for (const QPointF &p : series->points())
            top = std::max(top, p.y());
    if (top <= 0)
        top = 1;
    // A "nice" upper bound: 1, 2 or 5 times a power of ten, above the highest point.
    const double magnitude = std::pow(10.0, std::floor(std::log10(top * 1.1)));
    double nice = magnitude;
    int intervals = 5;
    // Upper bound and how many intervals make round ticks: 1 (0.2), 2 (0.5), 2.5 (0.5), 5 (1), 10
    // (2).
    for (const auto &[step, n] : {std::pair{1.0, 5}, {2.0, 4}, {2.5, 5}, {5.0, 5}, {10.0, 5}}) {
        nice = step * magnitude;
        intervals = n;
        if (nice >= top * 1.1)
            break;
    }
    m_valueAxis->setRange(0, nice);
    m_valueAxis->setTickCount(intervals + 1);
    m_valueAxis->setLabelFormat(nice >= 10 ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
}

void TimeSeriesChart::applyPalette()
{
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.color(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(pal.color(QPalette::Text));
    QFont titleFont = font();
    titleFont.setBold(true);
    m_chart->setTitleFont(titleFont);
    m_chart->legend()->setLabelColor(pal.color(QPalette::Text));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(theme::isDark(pal) ? 0.15f : 0.12f);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_valueAxis)}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.85);
        axis->setLabelsFont(small);
    }
    m_view->setBackgroundBrush(pal.color(QPalette::Base));
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

} // namespace ops
