#include "metriccharts.h"

#include "timeserieschart.h"

#include "models/slo.h"
#include "services/regionclient.h"
#include "ui/common/theme.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace {

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies, on light and dark.
const QColor kBlue(0x00, 0x72, 0xb2);
const QColor kOrange(0xe6, 0x9f, 0x00);
const QColor kPurple(0xcc, 0x79, 0xa7);
const QColor kVermillion(0xd5, 0x5e, 0x00);
const QColor kGreen(0x00, 0x9e, 0x73);

} // namespace

// The texts keep the context of the panel they were written for, and so their translations.
MetricCharts::MetricCharts(RegionClient *client, QWidget *parent)
    : QGroupBox(QCoreApplication::translate("ops::RegionDetailPanel", "Health over time"), parent)
    , m_client(client)
    , m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_rangeButtons = new QButtonGroup(this);
    m_rangeButtons->setExclusive(true);
    const std::pair<Range, QString> ranges[] = {
        {Range::Hour, QCoreApplication::translate("ops::RegionDetailPanel", "1 h")},
        {Range::Day, QCoreApplication::translate("ops::RegionDetailPanel", "24 h")},
        {Range::Week, QCoreApplication::translate("ops::RegionDetailPanel", "7 d")},
        {Range::Month, QCoreApplication::translate("ops::RegionDetailPanel", "30 d")},
    };
    for (const auto &[range, text] : ranges) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setObjectName(QStringLiteral("regionDetailRange_%1").arg(int(range)));
        button->setChecked(range == m_range);
        QFont f = button->font();
        f.setBold(range == m_range);
        button->setFont(f);
        m_rangeButtons->addButton(button, int(range));
        bar->addWidget(button);
    }
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(Range(id)); });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("regionDetailMetricsStatus"));
    m_status->setWordWrap(true);
    m_status->setMargin(4);
    bar->addSpacing(8);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);

    m_latency = new TimeSeriesChart(
        QCoreApplication::translate("ops::RegionDetailPanel", "Latency (ms)"),
        {{QCoreApplication::translate("ops::RegionDetailPanel", "p50"), kBlue},
         {QCoreApplication::translate("ops::RegionDetailPanel", "p95"), kOrange},
         {QCoreApplication::translate("ops::RegionDetailPanel", "p99"), kPurple}},
        [](double v) {
            return QCoreApplication::translate("ops::RegionDetailPanel", "%1 ms")
                .arg(QLocale().toString(v, 'f', 1));
        },
        this);
    m_errors = new TimeSeriesChart(
        QCoreApplication::translate("ops::RegionDetailPanel", "Error rate (%)"),
        {{QCoreApplication::translate("ops::RegionDetailPanel", "errors"), kVermillion}},
        [](double v) {
            return QCoreApplication::translate("ops::RegionDetailPanel", "%1 %")
                .arg(QLocale().toString(v, 'f', 4));
        },
        this);
    m_throughput = new TimeSeriesChart(
        QCoreApplication::translate("ops::RegionDetailPanel", "Throughput (requests/s)"),
        {{QCoreApplication::translate("ops::RegionDetailPanel", "throughput"), kGreen}},
        [](double v) {
            return QCoreApplication::translate("ops::RegionDetailPanel", "%1 rps")
                .arg(QLocale().toString(v, 'f', 0));
        },
        this);
    m_latency->setObjectName(QStringLiteral("regionDetailLatencyChart"));
    m_errors->setObjectName(QStringLiteral("regionDetailErrorChart"));
    m_throughput->setObjectName(QStringLiteral("regionDetailThroughputChart"));
    m_latency->setMinimumHeight(210);
    layout->addWidget(m_latency);
    layout->addWidget(m_errors);
    layout->addWidget(m_throughput);

    connect(m_timer, &QTimer::timeout, this, &MetricCharts::fetch);
}

MetricCharts::~MetricCharts() = default;

qint64 MetricCharts::rangeMs(Range range)
{
    switch (range) {
    case Range::Hour:
        return slo::kHourMs;
    case Range::Day:
        return slo::kDayMs;
    case Range::Week:
        return 7 * slo::kDayMs;
    case Range::Month:
        break;
    }
    return 30 * slo::kDayMs;
}

int MetricCharts::resolutionSeconds(Range range)
{
    switch (range) {
    case Range::Hour:
        return 60;
    case Range::Day:
        return 600;
    case Range::Week:
        return 3600;
    case Range::Month:
        break;
    }
    return 4 * 3600;
}

int MetricCharts::refreshMs(Range range)
{
    // About a quarter of a bucket, at least every 15 s: new points show up soon after they exist.
    switch (range) {
    case Range::Hour:
        return 15 * 1000;
    case Range::Day:
        return 60 * 1000;
    case Range::Week:
        return 5 * 60 * 1000;
    case Range::Month:
        break;
    }
    return 10 * 60 * 1000;
}

void MetricCharts::setRegion(const QString &region)
{
    m_region = region;
    ++m_generation;
    m_timer->stop();
    if (region.isEmpty())
        return;
    m_error = false;
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput}) {
        for (int line = 0; line < 3; ++line)
            chart->setPoints(line, {});
        chart->setDimmed(false);
    }
    setStatus(QCoreApplication::translate("ops::RegionDetailPanel", "Loading…"), false);
    fetch();
}

void MetricCharts::setRange(Range range)
{
    if (QAbstractButton *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    // The chosen range reads in bold too (a checked tool button is faint in some palettes).
    for (QAbstractButton *button : m_rangeButtons->buttons()) {
        QFont f = button->font();
        f.setBold(button->isChecked());
        button->setFont(f);
    }
    if (range == m_range)
        return;
    m_range = range;
    if (m_region.isEmpty())
        return;
    // The lines still show the old range until the new one arrives: dim them meanwhile.
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
        chart->setDimmed(true);
    setStatus(QCoreApplication::translate("ops::RegionDetailPanel", "Loading…"), false);
    fetch();
}

QString MetricCharts::statusText() const
{
    return m_status->isVisible() || !m_status->text().isEmpty() ? m_status->text() : QString();
}

void MetricCharts::fetch()
{
    if (m_region.isEmpty() || !m_client)
        return;
    const quint64 generation = ++m_generation;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addMSecs(-rangeMs(m_range));
    const QString format = m_range == Range::Hour || m_range == Range::Day
                               ? QStringLiteral("HH:mm")
                               : QStringLiteral("d MMM");
    // Ticks on round times: every 10 min, 4 h, day or 5 days.
    const qint64 tickMs = m_range == Range::Hour   ? 10 * 60 * 1000
                          : m_range == Range::Day  ? 4 * slo::kHourMs
                          : m_range == Range::Week ? slo::kDayMs
                                                   : 5 * slo::kDayMs;
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
        chart->setTimeRange(start, end, tickMs, format);
    ++m_fetches;
    m_timer->start(refreshMs(m_range));
    QPointer<MetricCharts> self(this);
    m_client->fetchMetrics(
        m_region, start, end, resolutionSeconds(m_range),
        [self, generation](const QList<MetricPoint> &points, const QString &error) {
            if (self)
                self->fetched(generation, points, error);
        });
}

void MetricCharts::fetched(quint64 generation, const QList<MetricPoint> &points,
                           const QString &error)
{
    if (generation != m_generation)
        return; // another region or range was asked for since
    if (!error.isEmpty()) {
        // Keep the last lines for context, dimmed, and say plainly that they are not current.
        for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
            chart->setDimmed(true);
        setStatus(error, true);
        return;
    }
    QList<QPointF> p50, p95, p99, errors, throughput;
    for (QList<QPointF> *list : {&p50, &p95, &p99, &errors, &throughput})
        list->reserve(points.size());
    for (const MetricPoint &p : points) {
        // Each bucket is drawn at its middle.
        const double x =
            double(p.time.toMSecsSinceEpoch()) + resolutionSeconds(m_range) * 1000.0 / 2;
        p50.append({x, p.latencyP50Ms});
        p95.append({x, p.latencyP95Ms});
        p99.append({x, p.latencyP99Ms});
        errors.append({x, p.errorRate * 100});
        throughput.append({x, p.throughputRps});
    }
    m_latency->setPoints(0, p50);
    m_latency->setPoints(1, p95);
    m_latency->setPoints(2, p99);
    m_errors->setPoints(0, errors);
    m_throughput->setPoints(0, throughput);
    for (TimeSeriesChart *chart : {m_latency, m_errors, m_throughput})
        chart->setDimmed(false);
    setStatus(points.isEmpty() ? QCoreApplication::translate("ops::RegionDetailPanel",
                                                             "No samples in this range.")
                               : QString(),
              false);
}

void MetricCharts::setStatus(const QString &text, bool error)
{
    m_error = error;
    m_status->setText(text);
    m_status->setToolTip(error ? text : QString());
    QPalette pal = palette();
    if (error) {
        m_status->setAutoFillBackground(true);
        pal.setColor(QPalette::Window, theme::errorBackground(pal));
        pal.setColor(QPalette::WindowText, theme::statusColor(HealthStatus::Down, pal));
    } else {
        m_status->setAutoFillBackground(false);
        pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    }
    m_status->setPalette(pal);
}

void MetricCharts::changeEvent(QEvent *event)
{
    QGroupBox::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_status)
        setStatus(m_status->text(), m_error);
}

} // namespace ops
