#include "metricchart.h"

#include "ui/common/theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace ops {

namespace {
// The view takes the new chart but does not delete the one it had.
void replaceChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}
} // namespace

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(160);
    rebuild();
}

MetricChart::~MetricChart() = default;

void MetricChart::setData(const QString &metric, const QList<QPair<qint64, double>> &points)
{
    m_metric = metric;
    m_points = points;
    std::sort(m_points.begin(), m_points.end());
    rebuild();
}

void MetricChart::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    rebuild();
}

void MetricChart::setEmptyText(const QString &text)
{
    m_emptyText = text;
    rebuild();
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        rebuild();
    QWidget::changeEvent(event);
}

void MetricChart::rebuild()
{
    auto *chart = new QChart;
    const QPalette pal = palette();
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->hide();
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = theme::isDark(pal) ? QColor(0x3a, 0x3d, 0x42) : QColor(0xe2, 0xe4, 0xe8);
    // The selection blue is too deep for a thin line on the dark theme's chart; its link blue
    // reads.
    const QColor accent = pal.color(theme::isDark(pal) ? QPalette::Link : QPalette::Highlight);
    chart->setTitleBrush(text);
    if (m_points.isEmpty()) {
        chart->setTitle(m_emptyText);
        replaceChart(m_view, chart);
        return;
    }
    chart->setTitle(tr("%1 by version").arg(m_metric));
    double lo = m_points.first().second, hi = lo;
    for (const auto &p : m_points) {
        lo = std::min(lo, p.second);
        hi = std::max(hi, p.second);
    }
    const double pad = hi > lo ? (hi - lo) * 0.15 : std::max(0.01, std::abs(hi) * 0.05);
    auto *y = new QValueAxis;
    y->setRange(lo - pad, hi + pad);
    y->setLabelFormat(QStringLiteral("%.3g"));
    y->setLabelsBrush(text);
    y->setGridLineColor(grid);
    y->setLinePenColor(grid);
    if (m_kind == Kind::Bars) {
        auto *set = new QBarSet(m_metric);
        set->setColor(accent);
        set->setBorderColor(accent);
        QStringList categories;
        for (const auto &p : m_points) {
            *set << p.second;
            categories << QStringLiteral("v%1").arg(p.first);
        }
        auto *series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        x->setLabelsBrush(text);
        x->setGridLineVisible(false);
        x->setLinePenColor(grid);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
    } else {
        auto *line = new QLineSeries;
        auto *dots = new QScatterSeries;
        for (const auto &p : m_points) {
            line->append(double(p.first), p.second);
            dots->append(double(p.first), p.second);
        }
        line->setPen(QPen(accent, 2));
        dots->setColor(accent);
        dots->setBorderColor(pal.color(QPalette::Base));
        dots->setMarkerSize(8);
        chart->addSeries(line);
        chart->addSeries(dots);
        auto *x = new QValueAxis;
        const double first = double(m_points.first().first), last = double(m_points.last().first);
        x->setRange(first - 0.5, last + 0.5);
        x->setLabelFormat(QStringLiteral("v%.0f"));
        x->setTickType(QValueAxis::TicksDynamic);
        x->setTickAnchor(first);
        x->setTickInterval(std::max(1.0, std::ceil((last - first + 1) / 10.0)));
        x->setLabelsBrush(text);
        x->setGridLineColor(grid);
        x->setLinePenColor(grid);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (auto *s : {static_cast<QXYSeries *>(line), static_cast<QXYSeries *>(dots)}) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
    }
    replaceChart(m_view, chart);
}

} // namespace ops
