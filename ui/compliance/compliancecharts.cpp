#include "compliancecharts.h"

#include "ui/common/theme.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace ops {

namespace {

// Builds the chart of `frameworks` (only the one named `only`, when set) between start and end
// (invalid: the points' own range).
QChart *buildChart(const QList<Framework> &frameworks, const QString &only, QDateTime start,
                   QDateTime end, bool dark, QStringList *names, QList<int> *counts)
{
    auto *chart = new QChart;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *x = new QDateTimeAxis(chart);
    x->setFormat(QStringLiteral("yyyy-MM-dd"));
    x->setTickCount(5);
    auto *y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %%"));
    y->setTickCount(6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    QDateTime first;
    QDateTime last;
    for (const Framework &f : frameworks) {
        if (!only.isEmpty() && f.name != only)
            continue;
        auto *series = new QLineSeries(chart);
        series->setName(f.displayName);
        int n = 0;
        for (const ScorePoint &p : f.trend) {
            if ((start.isValid() && p.time < start) || (end.isValid() && p.time > end))
                continue;
            series->append(double(p.time.toMSecsSinceEpoch()), p.score * 100.0);
            if (!first.isValid() || p.time < first)
                first = p.time;
            if (!last.isValid() || p.time > last)
                last = p.time;
            ++n;
        }
        // A single point would be invisible as a line: mark every point.
        series->setPointsVisible(n < 40);
        if (!only.isEmpty()) {
            QPen pen = series->pen();
            pen.setWidth(3);
            series->setPen(pen);
        }
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        if (names)
            names->append(f.displayName);
        if (counts)
            counts->append(n);
    }
    if (!start.isValid())
        start = first;
    if (!end.isValid())
        end = last;
    if (!start.isValid() || !end.isValid() || start >= end) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        end = end.isValid() ? end : now;
        start = end.addDays(-1);
    }
    // A little room either side, so the first and last points are not cut in half.
    const qint64 pad = std::max<qint64>(start.msecsTo(end) / 50, 3600 * 1000);
    x->setRange(start.addMSecs(-pad), end.addMSecs(pad));
    chart->legend()->setVisible(only.isEmpty());
    return chart;
}

} // namespace

class ComplianceTrendChart::Private
{
public:
    QChartView *view = nullptr;
    QList<Framework> frameworks;
    QString only;
    QStringList names;
    QList<int> counts;
};

ComplianceTrendChart::ComplianceTrendChart(QWidget *parent)
    : QWidget(parent)
    , d(new Private)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    d->view = new QChartView(this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setObjectName(QStringLiteral("complianceTrendChart"));
    layout->addWidget(d->view);
    setFrameworks({});
}

ComplianceTrendChart::~ComplianceTrendChart()
{
    delete d;
}

void ComplianceTrendChart::setFrameworks(const QList<Framework> &frameworks, const QString &only)
{
    d->frameworks = frameworks;
    d->only = only;
    d->names.clear();
    d->counts.clear();
    QChart *old = d->view->chart();
    QChart *chart =
        buildChart(frameworks, only, {}, {}, theme::isDark(palette()), &d->names, &d->counts);
    const Framework *f = nullptr;
    for (const Framework &candidate : frameworks) {
        if (candidate.name == only)
            f = &candidate;
    }
    chart->setTitle(f ? tr("%1: score over time").arg(f->displayName)
                      : tr("Framework scores over time"));
    d->view->setChart(chart);
    delete old;
}

QStringList ComplianceTrendChart::seriesNames() const
{
    return d->names;
}

int ComplianceTrendChart::pointCount(int series) const
{
    return d->counts.value(series);
}

QPixmap ComplianceTrendChart::render(const QList<Framework> &frameworks, const QString &only,
                                     const QDateTime &start, const QDateTime &end,
                                     const QSize &size)
{
    QChart *chart = buildChart(frameworks, only, start, end, false, nullptr, nullptr);
    chart->setBackgroundBrush(Qt::white);
    chart->resize(size);
    chart->setPos(0, 0);
    QGraphicsScene scene;
    scene.addItem(chart); // owns it now
    scene.setSceneRect(QRectF(QPointF(0, 0), size));
    QPixmap pixmap(size);
    pixmap.fill(Qt::white);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    return pixmap;
}

void ComplianceTrendChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setFrameworks(d->frameworks, d->only);
}

} // namespace ops
