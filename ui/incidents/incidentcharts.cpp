#include "incidentcharts.h"

#include "ui/common/theme.h"

#include "models/resourcename.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGridLayout>
#include <QLineSeries>
#include <QValueAxis>

namespace ops {

namespace {

QChartView *makeView(QWidget *parent, const QString &title, const QString &name)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setVisible(false);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(170);
    return view;
}

void applyTheme(QChart *chart, const QPalette &palette)
{
    chart->setTheme(theme::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
}

} // namespace

class IncidentCharts::Private
{
public:
    QChartView *severity;
    QChartView *region;
    QChartView *source;
    QChartView *times;
    IncidentAnalytics data;
};

IncidentCharts::IncidentCharts(QWidget *parent)
    : QWidget(parent)
    , d(new Private)
{
    d->severity = makeView(this, tr("Incidents by severity"), QStringLiteral("chartSeverity"));
    d->region = makeView(this, tr("Incidents by region"), QStringLiteral("chartRegion"));
    d->source = makeView(this, tr("Incidents by source"), QStringLiteral("chartSource"));
    d->times =
        makeView(this, tr("MTTA and MTTR per bucket (minutes)"), QStringLiteral("chartTimes"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(d->severity, 0, 0);
    grid->addWidget(d->source, 0, 1);
    grid->addWidget(d->region, 1, 0);
    grid->addWidget(d->times, 1, 1);
}

IncidentCharts::~IncidentCharts()
{
    delete d;
}

void IncidentCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setAnalytics(d->data);
}

void IncidentCharts::setAnalytics(const IncidentAnalytics &a)
{
    d->data = a;
    const QPalette pal = palette();
    auto bars = [&pal](QChartView *view, const QList<IncidentCount> &counts) {
        QChart *chart = view->chart();
        chart->removeAllSeries();
        for (QAbstractAxis *axis : chart->axes())
            chart->removeAxis(axis);
        applyTheme(chart, pal);
        auto *set = new QBarSet(QString());
        QStringList categories;
        int max = 1;
        for (const IncidentCount &c : counts) {
            *set << c.count;
            categories << (c.key.contains(QLatin1Char('/')) ? resource::leafId(c.key) : c.key);
            max = qMax(max, c.count);
        }
        auto *series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        auto *y = new QValueAxis;
        y->setRange(0, max);
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
    };
    bars(d->severity, a.bySeverity);
    bars(d->region, a.byRegion);
    bars(d->source, a.bySource);

    QChart *chart = d->times->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    applyTheme(chart, pal);
    chart->legend()->setVisible(true);
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    auto *mtta = new QLineSeries;
    mtta->setName(tr("MTTA"));
    auto *mttr = new QLineSeries;
    mttr->setName(tr("MTTR"));
    double max = 1;
    for (const AnalyticsBucket &b : a.buckets) {
        const qreal x = qreal(b.startTime.toMSecsSinceEpoch());
        mtta->append(x, b.mttaSeconds / 60.0);
        mttr->append(x, b.mttrSeconds / 60.0);
        max = qMax(max, qMax(b.mttaSeconds, b.mttrSeconds) / 60.0);
    }
    chart->addSeries(mtta);
    chart->addSeries(mttr);
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MM-dd"));
    if (!a.buckets.isEmpty())
        x->setRange(a.buckets.first().startTime.toLocalTime(),
                    a.buckets.last().startTime.toLocalTime());
    auto *y = new QValueAxis;
    y->setRange(0, max * 1.1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {mtta, mttr}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

} // namespace ops
