#pragma once

#include "models/region.h"

#include <QStyledItemDelegate>

class QPainter;

namespace ops {

// Paints a status cell as a coloured badge plus the status text. Each status also has its own shape
// (circle healthy, triangle degraded, crossed square down, diamond maintenance, ring unknown), so
// the column reads without colour. The status comes from `statusRole` (an int(HealthStatus)).
class StatusBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit StatusBadgeDelegate(int statusRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Draws the status shape filling `rect` (square) with `color`; shared with legends and badges.
    static void paintShape(QPainter *painter, const QRectF &rect, HealthStatus status,
                           const QColor &color);

private:
    int m_statusRole;
};

} // namespace ops
