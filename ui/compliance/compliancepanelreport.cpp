// CompliancePanel::writeReport: gathers what the officer's PDF report needs (the framework's
// controls, findings and evidence in the period, the audit chain verified by the console), then
// writes it (compliancereport.cpp).

#include "compliancecharts.h"
#include "compliancepanel.h"
#include "compliancereport.h"
#include "controlspage.h"

#include "models/auditchainverifier.h"
#include "models/compliancemodels.h"
#include "services/auditclient.h"
#include "services/complianceclient.h"
#include "services/identityclient.h"

#include <QPointer>
#include <QSet>
#include <QStandardItemModel>
#include <QToolButton>

#include <memory>

namespace ops {

namespace {

// What the report gathers before it can be written.
struct ReportJob
{
    QString path;
    compliancereport::Content content;
    QList<Evidence> evidence;
    bool evidenceDone = false;
    bool auditDone = false;
    QString evidenceError;
};

QString day(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

void CompliancePanel::writeReport(const QString &path)
{
    const Framework *framework = m_frameworks->framework(this->framework());
    if (!framework) {
        emit reportWritten(path, tr("Choose a framework for the report."));
        return;
    }
    if (m_reportBusy) {
        emit reportWritten(path, tr("A report is being written already."));
        return;
    }
    m_reportBusy = true;
    m_report->setEnabled(false);
    showMessage(tr("Gathering the evidence and verifying the audit chain…"), false);
    auto job = std::make_shared<ReportJob>();
    job->path = path;
    job->content.framework = *framework;
    job->content.start = periodStart();
    job->content.end = periodEnd();
    job->content.endpoint = m_audit ? m_audit->endpoint() : QString();
    job->content.preparedBy = m_identity ? m_identity->identity().summary() : tr("(not signed in)");

    QPointer<CompliancePanel> self(this);
    auto finish = [self, job] {
        if (!self || !job->evidenceDone || !job->auditDone)
            return;
        self->m_reportBusy = false;
        self->updateFrameworkViews();
        if (!job->evidenceError.isEmpty()) {
            self->showMessage(job->evidenceError, true);
            emit self->reportWritten(job->path, job->evidenceError);
            return;
        }
        compliancereport::Content &content = job->content;
        const QString name = content.framework.name;
        // The framework's controls.
        QList<Control> controls;
        QSet<QString> controlNames;
        for (const Control &c : self->m_controls->model()->controls()) {
            if (c.satisfies(name)) {
                controls.append(c);
                controlNames.insert(c.name);
            }
        }
        // The framework's controls with the requirements of it they satisfy (the title last, so
        // only it is shortened when the page is too narrow).
        QStandardItemModel controlModel(0, 5);
        controlModel.setHorizontalHeaderLabels(
            {tr("Control"), tr("Status"), tr("Owner"),
             tr("%1 requirements").arg(content.framework.displayName), tr("Title")});
        for (const Control &c : controls) {
            QStringList requirements;
            for (const Requirement &r : c.requirements) {
                if (r.framework == name)
                    requirements << r.requirement;
            }
            QList<QStandardItem *> row;
            for (const QString &text : {c.id(), ComplianceText::status(c.status), c.owner,
                                        requirements.join(QStringLiteral(", ")), c.title})
                row.append(new QStandardItem(text));
            controlModel.appendRow(row);
        }
        // Findings on those controls (or on no control: platform-wide) open during the period.
        QList<Finding> findings;
        for (const Finding &f : self->m_findings->findings()) {
            bool related = f.controls.isEmpty();
            for (const QString &c : f.controls)
                related = related || controlNames.contains(c);
            const bool inPeriod = (!f.openTime.isValid() || f.openTime <= content.end) &&
                                  (f.state == FindingState::Open || !f.closeTime.isValid() ||
                                   f.closeTime >= content.start);
            if (related && inPeriod)
                findings.append(f);
        }
        FindingTableModel findingModel;
        findingModel.setFindings(findings, content.end);
        content.openFindings = findingModel.openCount();
        // Evidence of those controls recorded in the period: what, where and its fingerprint.
        QStandardItemModel evidenceModel(0, 5);
        evidenceModel.setHorizontalHeaderLabels({tr("Control"), tr("Recorded"), tr("Description"),
                                                 tr("File or record"), tr("SHA-256")});
        for (const Evidence &e : job->evidence) {
            if (!controlNames.contains(e.control) || e.recordTime < content.start ||
                e.recordTime > content.end)
                continue;
            const bool file = e.kind == EvidenceKind::File;
            QList<QStandardItem *> row;
            for (const QString &text :
                 {e.control.section(QLatin1Char('/'), 1), day(e.recordTime), e.description,
                  file ? e.fileName : e.link, file ? e.sha256 : QString()})
                row.append(new QStandardItem(text));
            evidenceModel.appendRow(row);
        }
        content.scores = self->m_frameworks;
        content.controls = &controlModel;
        content.findings = &findingModel;
        content.evidence = &evidenceModel;
        content.trendChart = ComplianceTrendChart::render(
            self->m_frameworks->frameworks(), name, content.start, content.end, QSize(900, 340));
        QString error;
        const bool ok = compliancereport::writePdf(content, job->path, &error);
        self->showMessage(
            ok ? tr("Saved the %1 report to %2.").arg(content.framework.displayName, job->path)
               : error,
            !ok);
        emit self->reportWritten(job->path, ok ? QString() : error);
    };

    m_client->listEvidence(
        QStringLiteral("controls/-"),
        [job, finish](const QList<Evidence> &list, const ComplianceError &error) {
            job->evidence = list;
            job->evidenceError = error.isError() ? error.text : QString();
            job->evidenceDone = true;
            finish();
        });
    if (!m_audit) {
        job->content.auditText = tr("The audit chain was not verified: no audit log connected.");
        job->auditDone = true;
        finish();
        return;
    }
    // The console's own verification over the whole log (AuditChainVerifier), not platformd's
    // word for it.
    m_audit->listFiltered({}, [job, finish](const QList<AuditEvent> &events, const QString &error) {
        compliancereport::Content &content = job->content;
        if (!error.isEmpty()) {
            content.auditChecked = false;
            content.auditText = tr("The audit chain could not be verified: %1").arg(error);
        } else {
            AuditChainVerifier verifier;
            verifier.append(events);
            const AuditChainVerifier::Verdict &verdict = verifier.finishListing();
            content.auditChecked = true;
            content.auditIntact = verdict.intact;
            content.auditText =
                verdict.intact
                    ? tr("Intact: %1 entries verified by the console; head entry %2, hash %3.")
                          .arg(verdict.entriesChecked)
                          .arg(verdict.headSeq)
                          .arg(verdict.headHash)
                    : tr("BROKEN at entry %1: %2 (%3 entries checked).")
                          .arg(verdict.firstBadSeq)
                          .arg(verdict.problemText)
                          .arg(verdict.entriesChecked);
        }
        job->auditDone = true;
        finish();
    });
}

} // namespace ops
