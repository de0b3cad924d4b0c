#include "costcharts.h"

#include "ui/common/theme.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QMouseEvent>
#include <QPainterPath>
#include <QPieSeries>
#include <QPieSlice>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ops {

namespace {

constexpr int kMarkerHitPx = 5;
constexpr int kTooltipLines = 10;
constexpr int kClusterPx = 22; // a glyph and its count

void applyTheme(QChart *chart, const QPalette &palette)
{
    chart->setTheme(theme::isDark(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setTitleBrush(palette.color(QPalette::Text));
        axis->setGridLineColor(palette.color(QPalette::Mid));
    }
}

QColor markerColor(CostEventKind kind, bool dark)
{
    switch (kind) {
    case CostEventKind::Deploy:
        return dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x1f, 0x5f, 0xbf);
    case CostEventKind::Incident:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28);
    case CostEventKind::BudgetThreshold:
        return dark ? QColor(0xf0, 0xc0, 0x40) : QColor(0xb0, 0x70, 0x00);
    default:
        return dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x60, 0x60, 0x60);
    }
}

QChartView *makeView(QWidget *parent, const QString &name)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    return view;
}

} // namespace

QColor costSeriesColor(int index, bool dark)
{
    // Tableau-like qualitative colours: distinct for the first ten groups, then repeated lighter.
    static const QRgb light[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2,
                                 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    QColor c = QColor::fromRgb(light[index % 10]);
    if (index >= 10)
        c = c.lighter(125);
    return dark ? c.darker(105) : c;
}

// The chart view that draws the event markers over the plot and names them on hover.
class MarkerView : public QChartView
{
public:
    MarkerView(QChart *chart, QWidget *parent)
        : QChartView(chart, parent)
    {
        setMouseTracking(true);
        viewport()->setMouseTracking(true);
    }

    QList<CostEvent> events;
    QAbstractSeries *anchor = nullptr; // a series on the axes, for mapToPosition
    qint64 minMs = 0;
    qint64 maxMs = 0;

    double xOf(const CostEvent &e) const
    {
        return chart()->mapToPosition(QPointF(double(e.time.toMSecsSinceEpoch()), 0), anchor).x();
    }
    bool visible(const CostEvent &e) const
    {
        const qint64 ms = e.time.toMSecsSinceEpoch();
        return anchor && ms >= minMs && ms <= maxMs;
    }
    // Events closer than a marker's width share one marker (the most important kind's glyph, with
    // their count): a busy month would otherwise paint the plot over with lines.
    struct Cluster
    {
        double x = 0;
        CostEventKind kind = CostEventKind::Unspecified;
        QList<int> events;
    };
    QList<Cluster> clusters() const
    {
        auto rank = [](CostEventKind k) {
            return k == CostEventKind::Incident ? 3 : k == CostEventKind::Deploy ? 2 : 1;
        };
        QList<Cluster> out;
        for (int i = 0; i < events.size(); ++i) {
            const CostEvent &e = events[i];
            if (!visible(e))
                continue;
            const double x = xOf(e);
            if (!out.isEmpty() && std::abs(x - out.last().x) < kClusterPx) {
                Cluster &c = out.last();
                c.events.append(i);
                if (rank(e.kind) > rank(c.kind))
                    c.kind = e.kind;
                continue;
            }
            out.append({x, e.kind, {i}});
        }
        return out;
    }

    QString textAt(const QPoint &pos) const
    {
        const QPointF scene = mapToScene(pos);
        for (const Cluster &c : clusters()) {
            if (std::abs(c.x - scene.x()) > kMarkerHitPx)
                continue;
            QStringList lines;
            for (int i : c.events) {
                if (lines.size() >= kTooltipLines)
                    break;
                const CostEvent &e = events[i];
                lines.append(QStringLiteral("%1 · %2 · %3")
                                 .arg(QLocale().toString(e.time.toUTC(), QLocale::ShortFormat),
                                      CostText::eventKind(e.kind), e.title));
            }
            const int more = int(c.events.size()) - int(lines.size());
            if (more > 0)
                lines.append(CostAreaChart::tr("… and %n more", nullptr, more));
            return lines.join(u'\n');
        }
        return {};
    }

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override
    {
        QChartView::drawForeground(painter, rect);
        if (!anchor)
            return;
        const QRectF plot = chart()->plotArea();
        const bool dark = theme::isDark(palette());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.8);
        painter->setFont(small);
        for (const Cluster &c : clusters()) {
            const double x = c.x;
            QColor color = markerColor(c.kind, dark);
            QColor line = color;
            line.setAlpha(150);
            painter->setPen(QPen(line, 1, Qt::DashLine));
            painter->drawLine(QPointF(x, plot.top() + 10), QPointF(x, plot.bottom()));
            painter->setPen(QPen(palette().color(QPalette::Base), 1));
            painter->setBrush(color);
            const double top = plot.top();
            QPainterPath glyph;
            if (c.kind == CostEventKind::Incident) { // a diamond
                glyph.moveTo(x, top - 1);
                glyph.lineTo(x + 5, top + 5);
                glyph.lineTo(x, top + 11);
                glyph.lineTo(x - 5, top + 5);
                glyph.closeSubpath();
            } else if (c.kind == CostEventKind::Deploy) { // a triangle pointing down
                glyph.moveTo(x - 5, top);
                glyph.lineTo(x + 5, top);
                glyph.lineTo(x, top + 9);
                glyph.closeSubpath();
            } else {
                glyph.addEllipse(QPointF(x, top + 5), 4, 4);
            }
            painter->drawPath(glyph);
            if (c.events.size() > 1) {
                painter->setPen(palette().color(QPalette::Text));
                painter->drawText(QPointF(x + 6, top + 10), QString::number(c.events.size()));
            }
        }
        painter->restore();
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        QChartView::mouseMoveEvent(event);
        const QString text = textAt(event->position().toPoint());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, this);
    }
};

class CostAreaChart::Private
{
public:
    MarkerView *view = nullptr;
    QList<QAreaSeries *> areas;
    QList<QAreaSeries *> partial; // the to-date bucket, lighter; empty when none
    QList<QList<QPointF>> lower;
    QList<QList<QPointF>> upper;
    QDateTimeAxis *x = nullptr;
    QCategoryAxis *y = nullptr;
    QLineSeries *forecast = nullptr; // dashed, from the last complete bucket to the forecast
    QString currency;
    QPointF lastComplete; // the top of the stack at the last complete bucket
    double partialX = 0;
    double maxY = 0;
    bool lastToDate = false;

    void recolor(const QPalette &palette)
    {
        const bool dark = theme::isDark(palette);
        for (int i = 0; i < areas.size(); ++i) {
            const QColor c = costSeriesColor(i, dark);
            areas[i]->setColor(c);
            areas[i]->setBorderColor(c.darker(115));
        }
        for (int i = 0; i < partial.size(); ++i) {
            QColor c = costSeriesColor(i, dark);
            c.setAlphaF(0.35f);
            partial[i]->setBrush(QBrush(c, Qt::SolidPattern));
            QPen pen(costSeriesColor(i, dark));
            pen.setStyle(Qt::DotLine);
            partial[i]->setPen(pen);
        }
        QPen pen(palette.color(QPalette::Text));
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(2);
        forecast->setPen(pen);
    }

    // Round ticks from 0 to above `top`, labelled "700k", "1.2M".
    void setValueTicks(double top)
    {
        for (const QString &label : y->categoriesLabels())
            y->remove(label);
        double step = 1;
        if (top > 0) {
            const double raw = top / 4;
            const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
            for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
                step = m * magnitude;
                if (step >= raw)
                    break;
            }
        }
        const int ticks = top > 0 ? int(std::ceil(top / step)) : 1;
        y->setStartValue(-step / 1000); // "0" sits on the axis' origin
        y->append(QStringLiteral("0"), 0);
        for (int i = 1; i <= ticks; ++i)
            y->append(money::axisText(i * step), i * step);
        y->setRange(0, ticks * step);
    }
};

CostAreaChart::CostAreaChart(QWidget *parent)
    : QWidget(parent)
    , d(new Private)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 8, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    d->view = new MarkerView(chart, this);
    d->view->setObjectName(QStringLiteral("costAreaChart"));
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setMinimumHeight(220);
    d->x = new QDateTimeAxis(chart);
    d->y = new QCategoryAxis(chart);
    d->y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    d->y->setMin(0);
    chart->addAxis(d->x, Qt::AlignBottom);
    chart->addAxis(d->y, Qt::AlignLeft);
    d->forecast = new QLineSeries(chart);
    d->forecast->setName(tr("Forecast"));
    chart->addSeries(d->forecast);
    d->forecast->attachAxis(d->x);
    d->forecast->attachAxis(d->y);
    d->forecast->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);
    applyTheme(chart, palette());
}

CostAreaChart::~CostAreaChart()
{
    delete d;
}

QChartView *CostAreaChart::view() const
{
    return d->view;
}

QWidget *CostAreaChart::viewport() const
{
    return d->view->viewport();
}

int CostAreaChart::seriesCount() const
{
    return int(d->areas.size());
}

QList<CostEvent> CostAreaChart::events() const
{
    return d->view->events;
}

void CostAreaChart::clear()
{
    setData({}, {});
}

void CostAreaChart::setData(const CostQueryResult &result, const QStringList &labels,
                            bool lastToDate, bool lastEmpty)
{
    QChart *chart = d->view->chart();
    const int buckets = int(result.bucketStarts.size());
    const int count = buckets == 0 ? 0 : int(result.series.size());
    // The partial bucket is drawn apart only when there is a complete one before it.
    d->lastToDate = lastToDate && buckets >= 2;
    d->currency = result.currency;
    const int partialCount = d->lastToDate && !lastEmpty ? count : 0;
    while (d->partial.size() > partialCount) {
        QAreaSeries *area = d->partial.takeLast();
        chart->removeSeries(area);
        delete area;
    }
    while (d->partial.size() < partialCount) {
        auto *upperSeries = new QLineSeries;
        auto *lowerSeries = new QLineSeries;
        auto *area = new QAreaSeries(upperSeries, lowerSeries);
        upperSeries->setParent(area);
        lowerSeries->setParent(area);
        chart->addSeries(area);
        area->attachAxis(d->x);
        area->attachAxis(d->y);
        const int index = int(d->partial.size());
        connect(area, &QAreaSeries::clicked, this, [this, index] { emit seriesClicked(index); });
        d->partial.append(area);
    }
    d->forecast->clear();
    d->forecast->setVisible(false);
    // The series are kept and their points replaced: regrouping is the explorer's hot path, and
    // building a QAreaSeries costs more than refilling one.
    while (d->areas.size() > count) {
        QAreaSeries *area = d->areas.takeLast();
        chart->removeSeries(area);
        delete area;
    }
    while (d->areas.size() < count) {
        auto *upperSeries = new QLineSeries;
        auto *lowerSeries = new QLineSeries;
        auto *area = new QAreaSeries(upperSeries, lowerSeries);
        upperSeries->setParent(area);
        lowerSeries->setParent(area);
        chart->addSeries(area);
        area->attachAxis(d->x);
        area->attachAxis(d->y);
        const int index = int(d->areas.size());
        connect(area, &QAreaSeries::clicked, this, [this, index] { emit seriesClicked(index); });
        d->areas.append(area);
    }
    d->lower.resize(count);
    d->upper.resize(count);
    d->view->anchor = nullptr;
    if (count == 0) {
        d->view->viewport()->update();
        return;
    }
    QList<double> xs;
    xs.reserve(buckets);
    for (const QDateTime &t : result.bucketStarts)
        xs.append(double(t.toMSecsSinceEpoch()));
    QList<double> cumulative(buckets, 0.0);
    double maxY = 0;
    const int complete = d->lastToDate ? buckets - 1 : buckets; // points of the solid areas
    for (int s = 0; s < count; ++s) {
        const CostSeries &series = result.series[s];
        QList<QPointF> lower;
        QList<QPointF> upper;
        lower.reserve(buckets);
        upper.reserve(buckets);
        for (int b = 0; b < buckets; ++b) {
            // Credits (negative amounts) are not stacked below zero: the table shows them.
            const double v = std::max(0.0, money::toDouble(series.amounts.value(b)));
            lower.append(QPointF(xs[b], cumulative[b]));
            cumulative[b] += v;
            upper.append(QPointF(xs[b], cumulative[b]));
            maxY = std::max(maxY, cumulative[b]);
        }
        QAreaSeries *area = d->areas[s];
        area->upperSeries()->replace(upper.mid(0, complete));
        area->lowerSeries()->replace(lower.mid(0, complete));
        area->setName(labels.value(s));
        if (partialCount > 0) {
            QAreaSeries *part = d->partial[s];
            part->upperSeries()->replace(upper.mid(complete - 1));
            part->lowerSeries()->replace(lower.mid(complete - 1));
            part->setName(tr("%1 (to date)").arg(labels.value(s)));
            for (QLegendMarker *marker : chart->legend()->markers(part))
                marker->setVisible(false);
        }
        d->lower[s] = std::move(lower);
        d->upper[s] = std::move(upper);
    }
    const QDateTime first = result.bucketStarts.first();
    const QDateTime last = result.bucketStarts.last();
    d->x->setRange(first, last > first ? last : first.addDays(1));
    const qint64 spanDays = first.daysTo(last);
    d->x->setFormat(spanDays > 120 ? QStringLiteral("MMM yyyy") : QStringLiteral("d MMM"));
    d->x->setTickCount(std::clamp(buckets, 2, 8));
    // A round upper bound leaves room for the markers' glyphs above the stack.
    const double magnitude = maxY > 0 ? std::pow(10.0, std::floor(std::log10(maxY))) : 1.0;
    d->maxY = maxY;
    d->setValueTicks(std::ceil(maxY * 1.08 / magnitude) * magnitude);
    d->y->setTitleText(result.currency);
    if (d->lastToDate) {
        d->lastComplete = QPointF(xs[complete - 1], cumulative[complete - 1]);
        d->partialX = xs[buckets - 1];
    }
    for (QLegendMarker *marker : chart->legend()->markers(d->forecast))
        marker->setVisible(false);
    d->view->anchor = d->areas.first();
    d->view->minMs = first.toMSecsSinceEpoch();
    d->view->maxMs = last > first ? last.toMSecsSinceEpoch() : first.addDays(1).toMSecsSinceEpoch();
    d->recolor(palette());
    chart->legend()->setVisible(count <= 12);
    d->view->viewport()->update();
}

void CostAreaChart::setForecast(double expected)
{
    d->forecast->clear();
    const bool show = d->lastToDate && expected >= 0 && !d->areas.isEmpty();
    d->forecast->setVisible(show);
    for (QLegendMarker *marker : d->view->chart()->legend()->markers(d->forecast))
        marker->setVisible(show);
    if (!show)
        return;
    d->forecast->setName(tr("Forecast %1").arg(money::shortText(expected, d->currency)));
    d->forecast->append(d->lastComplete);
    d->forecast->append(QPointF(d->partialX, expected));
    d->forecast->setPointsVisible(true);
    if (expected > d->maxY * 1.04) { // room for the point and the markers above it
        const double magnitude = std::pow(10.0, std::floor(std::log10(expected)));
        d->setValueTicks(std::ceil(expected * 1.08 / magnitude) * magnitude);
    }
    d->recolor(palette());
}

bool CostAreaChart::hasForecastLine() const
{
    return d->forecast->isVisible() && d->forecast->count() == 2;
}

bool CostAreaChart::lastBucketToDate() const
{
    return d->lastToDate;
}

QStringList CostAreaChart::valueAxisLabels() const
{
    return d->y->categoriesLabels();
}

void CostAreaChart::setEvents(const QList<CostEvent> &events)
{
    d->view->events = events;
    d->view->viewport()->update();
}

QPoint CostAreaChart::pointInside(int series) const
{
    if (series < 0 || series >= d->areas.size())
        return {};
    const QList<QPointF> &lower = d->lower[series];
    const QList<QPointF> &upper = d->upper[series];
    int best = -1;
    double height = 0;
    // The tallest part of the area, away from the plot's edges.
    for (int b = 0; b < upper.size(); ++b) {
        const double h = upper[b].y() - lower[b].y();
        const bool inner = b > 0 && b + 1 < upper.size();
        if (h > height && (inner || upper.size() <= 2)) {
            height = h;
            best = b;
        }
    }
    if (best < 0)
        return {};
    QChart *chart = d->view->chart();
    const QPointF mid(upper[best].x(), (upper[best].y() + lower[best].y()) / 2);
    const QPointF scene = chart->mapToScene(chart->mapToPosition(mid, d->areas[series]));
    return d->view->mapFromScene(scene);
}

QString CostAreaChart::markerTextAt(const QPoint &pos) const
{
    return d->view->textAt(pos);
}

int CostAreaChart::markerX(int event) const
{
    if (event < 0 || event >= d->view->events.size() || !d->view->anchor)
        return -1;
    const double x = d->view->xOf(d->view->events[event]);
    return d->view->mapFromScene(d->view->chart()->mapToScene(QPointF(x, 0))).x();
}

void CostAreaChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme(d->view->chart(), palette());
        d->recolor(palette());
    }
}

// The donut

class CostDonutChart::Private
{
public:
    QChartView *view = nullptr;
    QPieSeries *pie = nullptr;
};

CostDonutChart::CostDonutChart(QWidget *parent)
    : QWidget(parent)
    , d(new Private)
{
    d->view = makeView(this, QStringLiteral("costDonutChart"));
    d->view->setMinimumSize(340, 220); // room for the legend of three providers
    QChart *chart = d->view->chart();
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitle(tr("By provider"));
    d->pie = new QPieSeries;
    d->pie->setHoleSize(0.5);
    d->pie->setPieSize(0.85);
    chart->addSeries(d->pie);
    connect(d->pie, &QPieSeries::clicked, this,
            [this](QPieSlice *slice) { emit sliceClicked(slice->property("key").toString()); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);
    applyTheme(chart, palette());
}

CostDonutChart::~CostDonutChart()
{
    delete d;
}

QChartView *CostDonutChart::view() const
{
    return d->view;
}

void CostDonutChart::setSlices(const QList<QPair<QString, double>> &slices, const QString &currency)
{
    d->pie->clear();
    double total = 0;
    for (const auto &s : slices)
        total += std::max(0.0, s.second);
    const bool dark = theme::isDark(palette());
    int i = 0;
    for (const auto &[label, value] : slices) {
        if (value <= 0)
            continue;
        const double share = total > 0 ? value / total * 100 : 0;
        auto *slice = d->pie->append(
            QStringLiteral("%1 %2 %").arg(label, QLocale().toString(share, 'f', 0)), value);
        slice->setProperty("key", label);
        slice->setColor(costSeriesColor(i++, dark));
        slice->setBorderColor(palette().color(QPalette::Base));
        slice->setLabelVisible(false);
        connect(slice, &QPieSlice::hovered, slice, [slice, label, value, currency](bool on) {
            slice->setExploded(on);
            if (on)
                QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2").arg(
                                                       label, money::shortText(value, currency)));
        });
    }
}

QWidget *CostDonutChart::viewport() const
{
    return d->view->viewport();
}

QStringList CostDonutChart::sliceLabels() const
{
    QStringList labels;
    for (QPieSlice *s : d->pie->slices())
        labels.append(s->property("key").toString());
    return labels;
}

QPoint CostDonutChart::pointInside(int slice) const
{
    const QList<QPieSlice *> slices = d->pie->slices();
    if (slice < 0 || slice >= slices.size())
        return {};
    QPieSlice *s = slices[slice];
    const QRectF plot = d->view->chart()->plotArea();
    const double angle = (s->startAngle() + s->angleSpan() / 2) * M_PI / 180.0;
    const double outer = std::min(plot.width(), plot.height()) / 2 * d->pie->pieSize();
    const double r = outer * (1 + d->pie->holeSize()) / 2;
    // Qt Charts measures angles clockwise from 12 o'clock.
    const QPointF p(plot.center().x() + r * std::sin(angle),
                    plot.center().y() - r * std::cos(angle));
    return d->view->mapFromScene(d->view->chart()->mapToScene(p));
}

void CostDonutChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme(d->view->chart(), palette());
        const bool dark = theme::isDark(palette());
        int i = 0;
        for (QPieSlice *s : d->pie->slices()) {
            s->setColor(costSeriesColor(i++, dark));
            s->setBorderColor(palette().color(QPalette::Base));
        }
    }
}

} // namespace ops
