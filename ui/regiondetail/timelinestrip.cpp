#include "timelinestrip.h"

#include "ui/common/theme.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace ops {

namespace {
constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
} // namespace

TimelineStrip::TimelineStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
    m_now = QDateTime::currentDateTimeUtc();
    m_start = m_now.addDays(-30);
    m_end = m_now.addDays(7);
}

QSize TimelineStrip::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {400, fm.height() * 5};
}

QSize TimelineStrip::minimumSizeHint() const
{
    return {200, sizeHint().height()};
}

void TimelineStrip::setOperations(const QString &region, const QList<Failover> &failovers,
                                  const QList<MaintenanceWindow> &windows, const QDateTime &now)
{
    m_now = now;
    m_start = now.addDays(-30);
    // Upcoming maintenance stretches the range ahead (at least 7, at most 30 days).
    QDateTime end = now.addDays(7);
    for (const MaintenanceWindow &w : windows)
        if (w.endTime.isValid() && w.endTime > end)
            end = std::min(w.endTime.addSecs(3600 * 12), now.addDays(30));
    m_end = end;

    const QLocale locale;
    auto when = [&](const QDateTime &t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : tr("now");
    };
    m_bars.clear();
    for (const Failover &f : failovers) {
        if (!f.startTime.isValid())
            continue;
        Bar bar;
        bar.lane = 0;
        bar.start = f.startTime;
        bar.end = f.endTime.isValid() ? f.endTime : now;
        bar.look = f.state == Failover::State::Active ? HealthStatus::Down : HealthStatus::Degraded;
        const bool away = f.sourceRegion == region;
        bar.toolTip = (away ? tr("Failover to %1").arg(f.targetRegion)
                            : tr("Failover from %1").arg(f.sourceRegion)) +
                      QLatin1Char('\n') + tr("%1 – %2").arg(when(f.startTime), when(f.endTime)) +
                      (f.reason.isEmpty() ? QString() : QLatin1Char('\n') + f.reason);
        if (bar.end >= m_start)
            m_bars.append(bar);
    }
    for (const MaintenanceWindow &w : windows) {
        if (!w.startTime.isValid())
            continue;
        Bar bar;
        bar.lane = 1;
        bar.start = w.startTime;
        bar.end = w.endTime.isValid() ? w.endTime : w.startTime.addSecs(3600);
        bar.look = w.state == MaintenanceWindow::State::Cancelled ? HealthStatus::Unknown
                                                                  : HealthStatus::Maintenance;
        bar.hollow = w.state == MaintenanceWindow::State::Scheduled ||
                     w.state == MaintenanceWindow::State::Cancelled;
        bar.toolTip =
            w.title + QLatin1Char('\n') + tr("%1 – %2").arg(when(w.startTime), when(w.endTime));
        if (bar.end >= m_start && bar.start <= m_end)
            m_bars.append(bar);
    }
    update();
}

QRectF TimelineStrip::laneRect(int lane) const
{
    const QFontMetrics fm = fontMetrics();
    const double left =
        std::max(fm.horizontalAdvance(tr("Failovers")), fm.horizontalAdvance(tr("Maintenance"))) +
        10.0;
    const double laneHeight = fm.height() * 1.3;
    const double top = 2 + lane * (laneHeight + 3);
    return {left, top, width() - left - 4, laneHeight};
}

double TimelineStrip::xOf(const QDateTime &time) const
{
    const QRectF lane = laneRect(0);
    const double span = double(m_start.msecsTo(m_end));
    if (span <= 0)
        return lane.left();
    const double f = double(m_start.msecsTo(time)) / span;
    return lane.left() + std::clamp(f, 0.0, 1.0) * lane.width();
}

QRectF TimelineStrip::barRect(const Bar &bar) const
{
    const QRectF lane = laneRect(bar.lane);
    const double x0 = xOf(bar.start);
    const double x1 = std::max(xOf(bar.end), x0 + 4.0); // short events stay visible
    return {x0, lane.top() + 2, x1 - x0, lane.height() - 4};
}

void TimelineStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    QColor laneBg = pal.color(QPalette::Text);
    laneBg.setAlphaF(0.06f);
    const QString labels[] = {tr("Failovers"), tr("Maintenance")};
    for (int lane = 0; lane < 2; ++lane) {
        const QRectF r = laneRect(lane);
        p.fillRect(r, laneBg);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(0, r.top(), r.left() - 6, r.height()), Qt::AlignRight | Qt::AlignVCenter,
                   labels[lane]);
    }
    // Weekly ticks with dates, counted back from now.
    const QRectF top = laneRect(0);
    const QRectF bottom = laneRect(1);
    QColor tick = pal.color(QPalette::Text);
    tick.setAlphaF(0.25f);
    const QLocale locale;
    for (QDateTime t = m_now; t >= m_start; t = t.addMSecs(-7 * kDayMs)) {
        const double x = xOf(t);
        p.setPen(tick);
        p.drawLine(QPointF(x, top.top()), QPointF(x, bottom.bottom()));
    }
    for (QDateTime t = m_now.addMSecs(-7 * kDayMs); t >= m_start; t = t.addMSecs(-7 * kDayMs)) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString text = locale.toString(t.toLocalTime().date(), QStringLiteral("d MMM"));
        const double x = xOf(t);
        p.drawText(QRectF(x - 40, bottom.bottom() + 2, 80, fm.height()), Qt::AlignHCenter, text);
    }
    for (const Bar &bar : std::as_const(m_bars)) {
        const QColor c = theme::statusColor(bar.look, pal);
        const QRectF r = barRect(bar);
        if (bar.hollow) {
            p.setPen(QPen(c, 1.5));
            p.setBrush(Qt::NoBrush);
        } else {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
        }
        p.drawRoundedRect(r, 2, 2);
    }
    // Now.
    const double x = xOf(m_now);
    p.setPen(QPen(pal.color(QPalette::Highlight), 2));
    p.drawLine(QPointF(x, top.top() - 1), QPointF(x, bottom.bottom() + 1));
    p.drawText(QRectF(x - 40, bottom.bottom() + 2, 80, fm.height()), Qt::AlignHCenter, tr("now"));
}

bool TimelineStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (const Bar &bar : std::as_const(m_bars)) {
            if (barRect(bar).adjusted(-2, -2, 2, 2).contains(help->pos())) {
                QToolTip::showText(help->globalPos(), bar.toolTip, this);
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

} // namespace ops
