#include "costreport.h"

#include "ui/common/pdfpages.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>

namespace ops::costreport {

bool writePdf(const Content &content, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("ops::costreport", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(200);
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("opsconsole"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            if (error)
                *error = QCoreApplication::translate(
                             "ops::costreport", "Could not write %1: the PDF could not be started")
                             .arg(path);
            return false;
        }
        PdfPages pages(writer, painter);
        pages.text(content.title, 16, true, pages.gap() / 2);
        pages.text(content.subtitle, 9, false);
        pages.text(
            QCoreApplication::translate("ops::costreport", "Generated %1 UTC")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm"))),
            8, false, pages.gap());
        pages.text(content.summary, 10, true, pages.gap());
        // The stacked areas wide, the donut beside them when there is room.
        const int donutWidth = pages.width() / 4;
        const int areaWidth =
            content.donutChart.isNull() ? pages.width() : pages.width() - donutWidth - 20;
        const int height = std::max(pages.imageHeight(content.areaChart, areaWidth),
                                    pages.imageHeight(content.donutChart, donutWidth));
        pages.ensure(height);
        pages.image(content.areaChart, areaWidth, 0, false);
        pages.image(content.donutChart, donutWidth, pages.width() - donutWidth, false);
        pages.skip(height + pages.gap());
        if (content.costs) {
            pages.text(QCoreApplication::translate("ops::costreport", "Cost by group"), 12, true,
                       pages.gap() / 2);
            pages.table(*content.costs, 40);
        }
        if (content.budgets && content.budgets->rowCount() > 0) {
            pages.text(QCoreApplication::translate("ops::costreport", "Budgets"), 12, true,
                       pages.gap() / 2);
            pages.table(*content.budgets, 40);
        }
        if (content.recommendations && content.recommendations->rowCount() > 0) {
            pages.text(QCoreApplication::translate("ops::costreport",
                                                   "Recommendations (estimated monthly saving %1)")
                           .arg(content.recommendationsTotal),
                       12, true, pages.gap() / 2);
            pages.table(*content.recommendations, 25);
        }
        if (!painter.end()) {
            file.cancelWriting();
            if (error)
                *error = QCoreApplication::translate(
                             "ops::costreport", "Could not write %1: the PDF could not be finished")
                             .arg(path);
            return false;
        }
    }
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ops::costreport", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ops::costreport
