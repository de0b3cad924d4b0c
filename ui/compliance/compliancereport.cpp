#include "compliancereport.h"

#include "ui/common/pdfpages.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace ops::compliancereport {

namespace {

QString day(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

// Evidence as one block per item, so its SHA-256 is printed whole: "control · recorded ·
// file or record — description", then the hash.
void evidenceList(PdfPages &pages, const QAbstractItemModel &model)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        auto cell = [&](int c) {
            return model.index(r, c).data().toString();
        };
        pages.text(QStringLiteral("%1 · %2 · %3 — %4").arg(cell(0), cell(1), cell(3), cell(2)), 8,
                   true, cell(4).isEmpty() ? pages.gap() / 3 : 0);
        const QString hash = cell(4);
        if (!hash.isEmpty())
            pages.text(QStringLiteral("SHA-256 %1").arg(hash), 8, false, pages.gap() / 3);
    }
    pages.skip(pages.gap());
}

} // namespace

QStringList sectionTitles()
{
    return {QCoreApplication::translate("ops::compliancereport", "Scores"),
            QCoreApplication::translate("ops::compliancereport", "Score trend"),
            QCoreApplication::translate("ops::compliancereport", "Controls"),
            QCoreApplication::translate("ops::compliancereport", "Findings"),
            QCoreApplication::translate("ops::compliancereport", "Evidence"),
            QCoreApplication::translate("ops::compliancereport", "Audit chain verification"),
            QCoreApplication::translate("ops::compliancereport", "Sign-off")};
}

bool writePdf(const Content &content, const QString &path, QString *error)
{
    const QStringList sections = sectionTitles();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QCoreApplication::translate("ops::compliancereport", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(200);
        const QString title =
            QCoreApplication::translate("ops::compliancereport", "Compliance report: %1")
                .arg(content.framework.displayName);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("opsconsole"));
        QPainter painter;
        if (!painter.begin(&writer)) {
            file.cancelWriting();
            if (error)
                *error =
                    QCoreApplication::translate("ops::compliancereport",
                                                "Could not write %1: the PDF could not be started")
                        .arg(path);
            return false;
        }
        painter.setPen(Qt::black);
        // No ligatures: "verification" must stay searchable and copyable as typed.
        QFont font = painter.font();
        font.setStyleStrategy(QFont::PreferNoShaping);
        painter.setFont(font);
        PdfPages pages(writer, painter);
        pages.text(title, 16, true, pages.gap() / 2);
        QString subtitle = QCoreApplication::translate("ops::compliancereport", "Period %1 to %2")
                               .arg(day(content.start), day(content.end));
        if (!content.framework.version.isEmpty())
            subtitle += QStringLiteral(" · ") + content.framework.version;
        pages.text(subtitle, 9, false);
        pages.text(
            QCoreApplication::translate("ops::compliancereport", "Generated %1 UTC from %2 by %3")
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                     content.endpoint, content.preparedBy),
            8, false, pages.gap());

        pages.text(sections.at(0), 12, true, pages.gap() / 2);
        pages.text(QCoreApplication::translate(
                       "ops::compliancereport",
                       "%1: %2 of %3 requirements satisfied by passing controls (%4). %5 open "
                       "findings.")
                       .arg(content.framework.displayName)
                       .arg(content.framework.passingCount)
                       .arg(content.framework.requirementCount)
                       .arg(ComplianceText::percent(content.framework.score))
                       .arg(content.openFindings),
                   10, true, pages.gap() / 2);
        if (!content.framework.source.isEmpty())
            pages.text(
                QCoreApplication::translate("ops::compliancereport", "Requirements cited from: %1")
                    .arg(content.framework.source),
                8, false, pages.gap() / 2);
        if (content.scores)
            pages.table(*content.scores, 20);

        pages.text(sections.at(1), 12, true, pages.gap() / 2);
        pages.image(content.trendChart, pages.width());

        if (content.controls) {
            pages.text(sections.at(2), 12, true, pages.gap() / 2);
            pages.table(*content.controls, 80);
        }
        if (content.findings) {
            pages.text(sections.at(3), 12, true, pages.gap() / 2);
            if (content.findings->rowCount() == 0)
                pages.text(QCoreApplication::translate("ops::compliancereport",
                                                       "No findings in the period."),
                           9, false, pages.gap());
            else
                pages.table(*content.findings, 80);
        }
        if (content.evidence) {
            pages.text(sections.at(4), 12, true, pages.gap() / 2);
            if (content.evidence->rowCount() == 0)
                pages.text(QCoreApplication::translate("ops::compliancereport",
                                                       "No evidence recorded in the period."),
                           9, false, pages.gap());
            else
                evidenceList(pages, *content.evidence);
        }

        pages.text(sections.at(5), 12, true, pages.gap() / 2);
        const QColor verdictColor = !content.auditChecked ? QColor(0xb2, 0x6a, 0x00)
                                    : content.auditIntact ? QColor(0x2e, 0x7d, 0x32)
                                                          : QColor(0xc6, 0x28, 0x28);
        pages.coloredText(content.auditText, 10, true, verdictColor, pages.gap());

        pages.text(sections.at(6), 12, true, pages.gap() / 2);
        pages.text(QCoreApplication::translate(
                       "ops::compliancereport",
                       "I have reviewed this report and confirm that it reflects the compliance "
                       "status of the platform for the period stated."),
                   9, false, pages.gap());
        const int lineWidth = pages.width() * 2 / 3;
        pages.signatureLine(QCoreApplication::translate("ops::compliancereport", "Prepared by: %1")
                                .arg(content.preparedBy),
                            0, lineWidth);
        pages.signatureLine(
            QCoreApplication::translate("ops::compliancereport", "Compliance officer (name):"), 0,
            lineWidth);
        pages.signatureLine(QCoreApplication::translate("ops::compliancereport", "Signature:"), 0,
                            lineWidth);
        pages.signatureLine(QCoreApplication::translate("ops::compliancereport", "Date:"), 0,
                            lineWidth);
        if (!painter.end()) {
            file.cancelWriting();
            if (error)
                *error =
                    QCoreApplication::translate("ops::compliancereport",
                                                "Could not write %1: the PDF could not be finished")
                        .arg(path);
            return false;
        }
    }
    if (!file.commit()) {
        if (error)
            *error = QCoreApplication::translate("ops::compliancereport", "Could not write %1: %2")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ops::compliancereport
