#pragma once

#include <QPixmap>
#include <QString>

class QAbstractItemModel;

namespace ops::costreport {

// What the manager's PDF cost report holds: the explorer's charts (grabbed from the widgets, so
// the report shows what the console shows), its table, the budgets and the recommendations.
struct Content
{
    QString title;
    QString subtitle; // range, grouping, filter
    QString summary;  // totals against the previous period
    QPixmap areaChart;
    QPixmap donutChart;
    const QAbstractItemModel *costs = nullptr;
    const QAbstractItemModel *budgets = nullptr;
    const QAbstractItemModel *recommendations = nullptr;
    QString recommendationsTotal;
};

// Writes an A4 PDF atomically (QSaveFile): the file is replaced only when the whole report was
// written. False with `error` set otherwise.
bool writePdf(const Content &content, const QString &path, QString *error);

} // namespace ops::costreport
