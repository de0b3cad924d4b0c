#include "statusbadgedelegate.h"

#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>

namespace ops {

namespace {
constexpr int kMargin = 6;
constexpr int kGap = 6;
} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(int statusRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_statusRole(statusRole)
{}

void StatusBadgeDelegate::paintShape(QPainter *painter, const QRectF &rect, HealthStatus status,
                                     const QColor &color)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF r = rect.adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal w = r.width();
    switch (status) {
    case HealthStatus::Healthy:
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(r);
        break;
    case HealthStatus::Degraded: {
        QPainterPath path;
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.bottom());
        path.lineTo(r.left(), r.bottom());
        path.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPath(path);
        // An exclamation mark inside: still a triangle when printed in grey.
        painter->setPen(QPen(Qt::white, qMax<qreal>(1.2, w / 9), Qt::SolidLine, Qt::RoundCap));
        const qreal cx = r.center().x();
        painter->drawLine(QPointF(cx, r.top() + w * 0.38), QPointF(cx, r.top() + w * 0.68));
        painter->drawPoint(QPointF(cx, r.top() + w * 0.84));
        break;
    }
    case HealthStatus::Down: {
        const QRectF sq = r.adjusted(w * 0.05, w * 0.05, -w * 0.05, -w * 0.05);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(sq, w * 0.12, w * 0.12);
        painter->setPen(QPen(Qt::white, qMax<qreal>(1.4, w / 7), Qt::SolidLine, Qt::RoundCap));
        const QRectF x = sq.adjusted(w * 0.27, w * 0.27, -w * 0.27, -w * 0.27);
        painter->drawLine(x.topLeft(), x.bottomRight());
        painter->drawLine(x.topRight(), x.bottomLeft());
        break;
    }
    case HealthStatus::Maintenance: {
        QPainterPath path;
        path.moveTo(r.center().x(), r.top());
        path.lineTo(r.right(), r.center().y());
        path.lineTo(r.center().x(), r.bottom());
        path.lineTo(r.left(), r.center().y());
        path.closeSubpath();
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPath(path);
        break;
    }
    case HealthStatus::Unknown: {
        const qreal pen = qMax<qreal>(1.5, w / 6);
        painter->setPen(QPen(color, pen));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(r.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2));
        break;
    }
    }
    painter->restore();
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background, selection and focus as the style draws them.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QVariant statusValue = index.data(m_statusRole);
    if (!statusValue.isValid())
        return;
    const auto status = HealthStatus(statusValue.toInt());

    const QRect content = opt.rect.adjusted(kMargin, 0, -kMargin, 0);
    const int shape = qMin(content.height() - 6, opt.fontMetrics.height() - 1);
    const QRectF shapeRect(content.left(), content.center().y() - shape / 2.0 + 0.5, shape, shape);
    paintShape(painter, shapeRect, status, theme::statusColor(status, opt.palette));

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        (opt.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect = content.adjusted(shape + kGap, 0, 0, 0);
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int shape = option.fontMetrics.height();
    size.setWidth(size.width() + shape + kGap + kMargin);
    // Room around the badge; with uniform row heights this sets every row's height.
    size.setHeight(qMax(size.height(), shape + 6));
    return size;
}

} // namespace ops
