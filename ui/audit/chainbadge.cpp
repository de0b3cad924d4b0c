#include "chainbadge.h"

#include "ui/common/theme.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace ops {

namespace {
constexpr int kPadding = 8;
} // namespace

ChainBadge::ChainBadge(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chainBadge"));
    // As wide as its text: the verdict is never cut off.
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    setUnknown(tr("Chain not checked yet"));
}

void ChainBadge::setState(State state, const QString &text)
{
    m_state = state;
    m_text = text;
    setCursor(state == State::Broken ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setFocusPolicy(state == State::Broken ? Qt::StrongFocus : Qt::NoFocus);
    setToolTip(state == State::Broken ? tr("%1\nClick to select the first bad entry.").arg(text)
                                      : text);
    setAccessibleName(text);
    updateGeometry();
    update();
}

void ChainBadge::setUnknown(const QString &text)
{
    setState(State::Unknown, text);
}

void ChainBadge::setVerified(qint64 entries, const QString &headHash)
{
    setState(State::Verified,
             entries == 0 ? tr("Chain verified · no entries yet")
                          : tr("Chain verified · %n entries · head %1…", nullptr, int(entries))
                                .arg(headHash.left(4)));
}

void ChainBadge::setBroken(qint64 seq, const QString &problem)
{
    setState(State::Broken, tr("Chain BROKEN at seq %1: %2").arg(seq).arg(problem));
}

QSize ChainBadge::sizeHint() const
{
    // Measured in the font it is painted in (bold for a verdict).
    QFont f = font();
    f.setBold(m_state != State::Unknown);
    const QFontMetrics fm(f);
    const int h = QFontMetrics(font()).height() + 2 * 5;
    return {h + fm.horizontalAdvance(m_text) + 2 * kPadding + 6, h};
}

QSize ChainBadge::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    const int h = fm.height() + 2 * 5;
    return {h * 4, h};
}

void ChainBadge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const bool dark = theme::isDark(pal);
    QColor accent;
    switch (m_state) {
    case State::Verified:
        accent = theme::statusColor(HealthStatus::Healthy, pal);
        break;
    case State::Broken:
        accent = theme::statusColor(HealthStatus::Down, pal);
        break;
    case State::Unknown:
        accent = pal.color(QPalette::PlaceholderText);
        break;
    }
    // A pill tinted with the accent colour, outlined in it.
    QColor fill = accent;
    fill.setAlphaF(dark ? 0.22 : 0.13);
    const QRectF pill = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QPen(accent, 1));
    p.setBrush(fill);
    p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);

    const qreal s = height() - 8;
    const QRectF icon(kPadding, 4, s, s);
    p.setPen(Qt::NoPen);
    p.setBrush(accent);
    if (m_state == State::Verified) {
        // Shield with a tick.
        QPainterPath shield;
        shield.moveTo(icon.center().x(), icon.top());
        shield.lineTo(icon.right(), icon.top() + s * 0.18);
        shield.cubicTo(icon.right(), icon.top() + s * 0.65, icon.center().x() + s * 0.2,
                       icon.bottom() - s * 0.08, icon.center().x(), icon.bottom());
        shield.cubicTo(icon.center().x() - s * 0.2, icon.bottom() - s * 0.08, icon.left(),
                       icon.top() + s * 0.65, icon.left(), icon.top() + s * 0.18);
        shield.closeSubpath();
        p.drawPath(shield);
        p.setPen(QPen(pal.color(QPalette::Base), std::max(1.5, s / 8), Qt::SolidLine, Qt::RoundCap,
                      Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(icon.left() + s * 0.28, icon.top() + s * 0.5),
                                  QPointF(icon.left() + s * 0.45, icon.top() + s * 0.67),
                                  QPointF(icon.left() + s * 0.74, icon.top() + s * 0.33)}));
    } else if (m_state == State::Broken) {
        // Octagon with an exclamation mark: a stop sign, not a shield.
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const double a = (22.5 + 45.0 * i) * M_PI / 180.0;
            octagon << icon.center() + QPointF(std::cos(a), std::sin(a)) * (s / 2);
        }
        p.drawPolygon(octagon);
        p.setPen(
            QPen(pal.color(QPalette::Base), std::max(1.5, s / 8), Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(icon.center().x(), icon.top() + s * 0.22),
                   QPointF(icon.center().x(), icon.top() + s * 0.56));
        p.drawPoint(QPointF(icon.center().x(), icon.top() + s * 0.76));
    } else {
        p.setPen(QPen(accent, std::max(1.5, s / 8)));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(icon.adjusted(s * 0.1, s * 0.1, -s * 0.1, -s * 0.1));
    }

    p.setPen(m_state == State::Unknown ? pal.color(QPalette::WindowText)
                                       : (dark ? accent.lighter(130) : accent.darker(140)));
    QFont f = font();
    f.setBold(m_state != State::Unknown);
    p.setFont(f);
    const QRectF textRect(icon.right() + 6, 0, width() - icon.right() - 6 - kPadding, height());
    p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
               QFontMetrics(f).elidedText(m_text, Qt::ElideRight, int(textRect.width())));
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(pill.adjusted(2, 2, -2, -2), pill.height() / 2 - 2,
                          pill.height() / 2 - 2);
    }
}

void ChainBadge::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_state == State::Broken && event->button() == Qt::LeftButton &&
        rect().contains(event->position().toPoint()))
        emit activated();
    QWidget::mouseReleaseEvent(event);
}

void ChainBadge::keyPressEvent(QKeyEvent *event)
{
    if (m_state == State::Broken &&
        (event->key() == Qt::Key_Return || event->key() == Qt::Key_Space ||
         event->key() == Qt::Key_Enter)) {
        emit activated();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ops
