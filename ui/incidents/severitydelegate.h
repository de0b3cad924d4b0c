#pragma once

#include "models/incident.h"

#include <QStyledItemDelegate>

namespace ops {

// Paints a severity cell as a badge with colour *and* shape (SEV1 a crossed square, SEV2 a
// triangle, SEV3 a diamond, SEV4 a ring: the Regions status shapes in order of alarm), so the
// queue reads without colour. The severity comes from `severityRole` (an int(IncidentSeverity)).
class SeverityDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit SeverityDelegate(int severityRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor color(IncidentSeverity severity, const QPalette &palette);
    // Draws the severity's shape filling `rect`.
    static void paintShape(QPainter *painter, const QRectF &rect, IncidentSeverity severity,
                           const QPalette &palette);

private:
    int m_role;
};

} // namespace ops
