#include "severitydelegate.h"

#include "ui/common/statusbadgedelegate.h"
#include "ui/common/theme.h"

#include <QApplication>
#include <QPainter>

namespace ops {

namespace {

HealthStatus shapeOf(IncidentSeverity severity)
{
    switch (severity) {
    case IncidentSeverity::Sev1:
        return HealthStatus::Down;
    case IncidentSeverity::Sev2:
        return HealthStatus::Degraded;
    case IncidentSeverity::Sev3:
        return HealthStatus::Maintenance;
    default:
        return HealthStatus::Unknown;
    }
}

} // namespace

SeverityDelegate::SeverityDelegate(int severityRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_role(severityRole)
{}

QColor SeverityDelegate::color(IncidentSeverity severity, const QPalette &palette)
{
    const bool dark = theme::isDark(palette);
    switch (severity) {
    case IncidentSeverity::Sev1:
        return theme::statusColor(HealthStatus::Down, palette);
    case IncidentSeverity::Sev2:
        return dark ? QColor(0xff, 0x9e, 0x40) : QColor(0xd0, 0x5a, 0x00);
    case IncidentSeverity::Sev3:
        return theme::statusColor(HealthStatus::Degraded, palette);
    case IncidentSeverity::Sev4:
        return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x5f, 0xb4);
    case IncidentSeverity::Unspecified:
        break;
    }
    return palette.color(QPalette::PlaceholderText);
}

void SeverityDelegate::paintShape(QPainter *painter, const QRectF &rect, IncidentSeverity severity,
                                  const QPalette &palette)
{
    StatusBadgeDelegate::paintShape(painter, rect, shapeOf(severity), color(severity, palette));
}

void SeverityDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto severity = IncidentSeverity(index.data(m_role).toInt());
    const QRect r = option.rect.adjusted(4, 0, -2, 0);
    const int side = qMin(r.height() - 6, 12);
    const QRectF shape(r.left(), r.center().y() - side / 2.0 + 0.5, side, side);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    paintShape(painter, shape, severity, option.palette);
    QFont font = option.font;
    font.setBold(severity == IncidentSeverity::Sev1 || severity == IncidentSeverity::Sev2);
    painter->setFont(font);
    painter->setPen(option.state & QStyle::State_Selected
                        ? option.palette.color(QPalette::HighlightedText)
                        : color(severity, option.palette));
    painter->drawText(r.adjusted(side + 6, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QSize SeverityDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + 22);
    return size;
}

} // namespace ops
