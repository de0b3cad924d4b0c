#include "kpitile.h"

#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include <QPainter>
#include <QPainterPath>

namespace ops {

namespace {

HealthStatus lookOf(kpi::State state)
{
    switch (state) {
    case kpi::State::Met:
        return HealthStatus::Healthy;
    case kpi::State::AtRisk:
        return HealthStatus::Degraded;
    case kpi::State::Missed:
        return HealthStatus::Down;
    case kpi::State::NoData:
    case kpi::State::Info:
        break;
    }
    return HealthStatus::Unknown;
}

constexpr int kPad = 10;

} // namespace

KpiTile::KpiTile(const QString &title, const QString &targetText, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_target(targetText)
    , m_value(QStringLiteral("–"))
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(title);
}

void KpiTile::setValue(const QString &value, kpi::State state, const QString &detail)
{
    if (value == m_value && state == m_state && detail == m_detail)
        return;
    m_value = value;
    m_state = state;
    m_detail = detail;
    setAccessibleDescription(
        tr("%1: %2, %3, %4").arg(m_title, m_value, m_target, kpi::stateText(m_state)));
    update();
}

QFont KpiTile::valueFont() const
{
    QFont f = font();
    f.setPointSizeF(font().pointSizeF() * 2.0);
    f.setBold(true);
    return f;
}

QSize KpiTile::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const QFontMetrics big(valueFont());
    return {fm.averageCharWidth() * 26, kPad * 2 + fm.height() * 3 + big.height() + 6};
}

QSize KpiTile::minimumSizeHint() const
{
    return {fontMetrics().averageCharWidth() * 14, sizeHint().height()};
}

void KpiTile::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QColor stateColor = theme::statusColor(lookOf(m_state), pal);
    const QRectF frame = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    QColor border = pal.color(QPalette::Text);
    border.setAlphaF(0.18f);
    p.setPen(QPen(border, 1));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(frame, 6, 6);
    // The state stripe on the left edge.
    QPainterPath clip;
    clip.addRoundedRect(frame, 6, 6);
    p.save();
    p.setClipPath(clip);
    p.fillRect(QRectF(frame.left(), frame.top(), 5, frame.height()), stateColor);
    p.restore();

    const QFontMetrics fm = fontMetrics();
    const double left = frame.left() + kPad + 4;
    const double width = frame.right() - kPad - left;
    double y = frame.top() + kPad;
    QFont small = font();
    small.setBold(true);
    p.setFont(small);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRectF(left, y, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(m_title, Qt::ElideRight, int(width)));
    y += fm.height() + 2;

    // The number matters most: on a narrow tile it shrinks (down to 1.3× the body text) before
    // it is elided.
    QFont big = valueFont();
    const qreal basePoints = font().pointSizeF();
    while (QFontMetrics(big).horizontalAdvance(m_value) > width &&
           big.pointSizeF() > basePoints * 1.3) {
        big.setPointSizeF(big.pointSizeF() - 0.5);
    }
    const QFontMetrics bfm(big);
    const QFontMetrics fullHeight(valueFont()); // keeps the rows below at the same place
    p.setFont(big);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(QRectF(left, y, width, fullHeight.height()), Qt::AlignLeft | Qt::AlignVCenter,
               bfm.elidedText(m_value, Qt::ElideRight, int(width)));
    y += fullHeight.height() + 2;

    p.setFont(font());
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRectF(left, y, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(m_target, Qt::ElideRight, int(width)));
    y += fm.height() + 4;

    const double shape = fm.height() - 3;
    double x = left;
    if (m_state != kpi::State::Info) {
        StatusBadgeDelegate::paintShape(&p, QRectF(x, y + 1.5, shape, shape), lookOf(m_state),
                                        stateColor);
        x += shape + 6;
    }
    QFont stateFont = font();
    stateFont.setBold(true);
    p.setFont(stateFont);
    p.setPen(m_state == kpi::State::Info ? pal.color(QPalette::PlaceholderText) : stateColor);
    const QString state = kpi::stateText(m_state);
    const QFontMetrics sfm(stateFont);
    p.drawText(QRectF(x, y, left + width - x, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
               sfm.elidedText(state, Qt::ElideRight, int(left + width - x)));
    x += sfm.horizontalAdvance(state);
    if (!m_detail.isEmpty() && x < left + width) {
        // The detail (e.g. "2.1 of 4.32 min") after the state, in the quieter colour.
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString detail = QStringLiteral(" · ") + m_detail;
        p.drawText(QRectF(x, y, left + width - x, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(detail, Qt::ElideRight, int(left + width - x)));
    }
}

} // namespace ops
