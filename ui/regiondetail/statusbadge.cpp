#include "statusbadge.h"

#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include <QPainter>

namespace ops {

StatusBadge::StatusBadge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void StatusBadge::setStatus(HealthStatus status, const QString &text)
{
    if (status == m_status && text == m_text)
        return;
    m_status = status;
    m_text = text;
    setAccessibleName(text);
    updateGeometry();
    update();
}

QSize StatusBadge::sizeHint() const
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    return {fm.height() + 8 + fm.horizontalAdvance(m_text) + 4, fm.height() + 6};
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QFontMetrics fm(bold);
    const QColor color = theme::statusColor(m_status, palette());
    const int size = fm.height() - 2;
    const QRectF shape(1, (height() - size) / 2.0, size, size);
    StatusBadgeDelegate::paintShape(&p, shape, m_status, color);
    p.setPen(color);
    p.drawText(QRectF(shape.right() + 6, 0, width() - shape.right() - 6, height()),
               Qt::AlignLeft | Qt::AlignVCenter, m_text);
}

} // namespace ops
