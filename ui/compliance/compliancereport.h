#pragma once

#include "models/compliance.h"

#include <QDateTime>
#include <QPixmap>
#include <QString>

class QAbstractItemModel;

namespace ops::compliancereport {

// What the compliance officer's PDF report holds for one framework and period.
struct Content
{
    Framework framework;
    QDateTime start; // the period
    QDateTime end;
    QString preparedBy; // the signed-in user, "alice (compliance officer)"
    QString endpoint;   // the platformd it was taken from
    QPixmap trendChart;
    const QAbstractItemModel *scores = nullptr;   // every framework's score
    const QAbstractItemModel *controls = nullptr; // the framework's controls
    const QAbstractItemModel *findings = nullptr;
    const QAbstractItemModel *evidence = nullptr;
    int openFindings = 0;
    // The audit chain, verified by the console (AuditChainVerifier) over the whole log.
    bool auditChecked = false; // false: it could not be verified (auditText says why)
    bool auditIntact = false;
    QString auditText;
};

// The section headings, in order (tests look for them in the PDF's text).
QStringList sectionTitles();

// Writes an A4 PDF atomically (QSaveFile): the file is replaced only when the whole report was
// written. False with `error` set otherwise.
bool writePdf(const Content &content, const QString &path, QString *error);

} // namespace ops::compliancereport
