#include "compliancepanelfixture.h"
#include "consolefixture.h"
#include "oscalcounts.h"
#include "platformdprocess.h"
#include "testmain.h"
#include "ui/common/theme.h"
#include "ui/compliance/catalogspage.h"
#include "ui/compliance/compliancecharts.h"
#include "ui/compliance/compliancepanel.h"
#include "ui/compliance/compliancereport.h"
#include "ui/compliance/controleditdialog.h"
#include "ui/compliance/controlspage.h"
#include "ui/compliance/drillspage.h"
#include "ui/compliance/evidencedialog.h"
#include "ui/compliance/privacydialogs.h"
#include "ui/compliance/privacypage.h"
#include "ui/compliance/retentiondialogs.h"

#include "models/compliancemodels.h"
#include "models/compliancerecordmodels.h"
#include "services/auditclient.h"
#include "services/complianceclient.h"
#include "services/connection.h"
#include "services/identityclient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ops;
using namespace compliancetest;

class tst_CompliancePanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                  QStringLiteral("7"), QStringLiteral("--demo-rate"),
                                  QStringLiteral("5")};
        QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
        // Users are added while platformd is stopped (the CLI refuses a data dir in use).
        QCOMPARE(m_platformd.terminate(), 0);
        m_officer = addUser(m_platformd.dataDir(), QStringLiteral("olga"),
                            QStringLiteral("compliance_officer"));
        m_viewer = addUser(m_platformd.dataDir(), QStringLiteral("vera"), QStringLiteral("viewer"));
        QVERIFY(!m_officer.isEmpty() && !m_viewer.isEmpty());
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
        QVERIFY(m_files.isValid());
    }

    // The officer's flow: pick a framework → its controls → open one → add evidence (a file,
    // hashed by the console) → run checks → the failing check's finding → the PDF report.
    void officerFlow()
    {
        Console c(m_platformd.address(), m_officer);
        QVERIFY(c.loaded());
        QVERIFY2(c.panel.messageText().isEmpty(), qPrintable(c.panel.messageText()));
        QCOMPARE(c.panel.frameworksModel()->rowCount(), 10);
        const int total = c.panel.controlsPage()->model()->rowCount();
        QVERIFY(total >= 5);

        // Pick GDPR in the framework table: the combo, the chart and the control filter follow.
        QTableView *frameworks = c.panel.frameworksTable();
        const int gdprRow =
            rowOf(frameworks->model(), FrameworkTableModel::NameColumn, QStringLiteral("GDPR"));
        QVERIFY(gdprRow >= 0);
        clickRow(frameworks, gdprRow);
        QCOMPARE(c.panel.framework(), QStringLiteral("frameworks/gdpr"));
        QCOMPARE(c.panel.frameworkCombo()->currentText(), QStringLiteral("GDPR"));
        QCOMPARE(c.panel.trendChart()->seriesNames(), QStringList{QStringLiteral("GDPR")});
        QVERIFY(c.panel.trendChart()->pointCount(0) >= 2);
        QVERIFY(c.panel.reportButton()->isEnabled());
        ControlsPage *page = c.panel.controlsPage();
        const int shown = page->proxy()->rowCount();
        QVERIFY(shown > 0 && shown < total);
        for (int r = 0; r < shown; ++r) {
            const QString name =
                page->proxy()->index(r, 0).data(ComplianceRowsModel::KeyRole).toString();
            QVERIFY2(page->model()->control(name)->satisfies(QStringLiteral("frameworks/gdpr")),
                     qPrintable(name));
        }

        // Open the first control: its requirements across frameworks, GDPR among them.
        c.panel.tabs()->setCurrentIndex(CompliancePanel::ControlsTab);
        QSignalSpy detail(&c.panel, &CompliancePanel::controlDetailLoaded);
        QVERIFY(!page->addEvidenceButton()->isEnabled()); // nothing selected yet
        clickRow(page->table(), 0);
        QVERIFY(detail.wait(20000));
        const QString control = detail.first().at(0).toString();
        QCOMPARE(page->currentControl(), control);
        QVERIFY(page->detailTitle()->text().contains(control.section(u'/', 1)));
        QVERIFY(rowOf(page->requirementsModel(), RequirementTableModel::FrameworkColumn,
                      QStringLiteral("GDPR")) >= 0);

        // Add evidence: a file whose SHA-256 is known.
        QVERIFY(QTest::qWaitFor([&] { return page->addEvidenceButton()->isEnabled(); }, 20000));
        const QString file = m_files.filePath(QStringLiteral("access-review-q4.txt"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("abc");
        }
        page->addEvidenceButton()->click();
        auto *dialog = c.panel.findChild<EvidenceDialog *>();
        QVERIFY(dialog);
        // Refused without a description, naming what is missing; nothing sent.
        dialog->pathEdit()->setText(file);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Describe")));
        QTest::keyClicks(dialog->descriptionEdit(), QStringLiteral("Q4 access review sign-off"));
        QSignalSpy added(&c.panel, &CompliancePanel::evidenceAdded);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(added.wait(20000));
        const Evidence evidence = added.first().at(0).value<Evidence>();
        QCOMPARE(evidence.sha256, kAbcSha256);
        QCOMPARE(evidence.sizeBytes, 3);
        QCOMPARE(evidence.recordedBy, QStringLiteral("users/olga"));
        QVERIFY(detail.wait(20000)); // the detail reloads with it
        const int evRow = rowOf(page->evidenceModel(), EvidenceTableModel::HashColumn, kAbcSha256);
        QVERIFY(evRow >= 0);
        QCOMPARE(page->evidenceModel()->index(evRow, EvidenceTableModel::ReferenceColumn).data(),
                 QVariant(QStringLiteral("access-review-q4.txt")));

        // Run checks: the test's plaintext listener fails the TLS check; its finding shows.
        QVERIFY(c.panel.runChecksButton()->isEnabled());
        QSignalSpy checks(&c.panel, &CompliancePanel::checksFinished);
        c.findings.clear();
        c.panel.runChecksButton()->click();
        QVERIFY(checks.wait(60000));
        QVERIFY2(!checks.first().at(1).value<ComplianceError>().isError(),
                 qPrintable(checks.first().at(1).value<ComplianceError>().text));
        QVERIFY(c.findings.wait(20000));
        const FindingTableModel *findings = c.panel.findingsModel();
        int tls = -1;
        for (int r = 0; r < findings->rowCount(); ++r)
            if (findings->findings().at(r).check == QStringLiteral("checks/tls") &&
                findings->findings().at(r).state == FindingState::Open)
                tls = r;
        QVERIFY(tls >= 0);
        QVERIFY(!findings->index(tls, FindingTableModel::DueColumn).data().toString().isEmpty());
        QVERIFY(
            c.panel.tabs()->tabText(CompliancePanel::FindingsTab).contains(QStringLiteral("open")));
        QVERIFY(c.panel.messageText().startsWith(QStringLiteral("Ran ")));

        // The PDF report for GDPR over the period.
        const QString pdf = m_files.filePath(QStringLiteral("gdpr-report.pdf"));
        QSignalSpy written(&c.panel, &CompliancePanel::reportWritten);
        c.panel.writeReport(pdf);
        QVERIFY(written.count() == 1 || written.wait(60000));
        QVERIFY2(written.first().at(1).toString().isEmpty(),
                 qPrintable(written.first().at(1).toString()));
        const QString text = pdfText(pdf);
        for (const QString &section : compliancereport::sectionTitles())
            QVERIFY2(text.contains(section), qPrintable(section + QStringLiteral("\n") + text));
        QVERIFY(text.contains(QStringLiteral("Compliance report: GDPR")));
        const Framework *gdpr = c.panel.frameworksModel()->framework(c.panel.framework());
        QVERIFY(text.contains(QStringLiteral("%1 of %2 requirements")
                                  .arg(gdpr->passingCount)
                                  .arg(gdpr->requirementCount)));
        QVERIFY2(text.contains(QStringLiteral("access-review-q4.txt")), qPrintable(text));
        QVERIFY2(text.contains(kAbcSha256.left(16)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Intact:")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Signature:")));
        QVERIFY(text.contains(QStringLiteral("olga")));
    }

    // A viewer sees the status but may neither run checks nor add evidence; the buttons say why.
    void viewerMayOnlyLook()
    {
        Console c(m_platformd.address(), m_viewer);
        QVERIFY(c.loaded());
        QVERIFY(QTest::qWaitFor([&] { return c.identity.identity().isValid(); }, 20000));
        QCoreApplication::processEvents();
        QVERIFY(!c.panel.runChecksButton()->isEnabled());
        QVERIFY2(c.panel.runChecksButton()->toolTip().contains(QStringLiteral("checks.run")),
                 qPrintable(c.panel.runChecksButton()->toolTip()));
        QSignalSpy detail(&c.panel, &CompliancePanel::controlDetailLoaded);
        c.panel.tabs()->setCurrentIndex(CompliancePanel::ControlsTab);
        clickRow(c.panel.controlsPage()->table(), 0);
        QVERIFY(detail.wait(20000));
        QVERIFY(!c.panel.controlsPage()->addEvidenceButton()->isEnabled());
        QVERIFY(c.panel.controlsPage()->addEvidenceButton()->toolTip().contains(
            QStringLiteral("evidence.write")));
        // Nor may the viewer act: each action is disabled and names the permission it needs.
        PrivacyPage *privacy = c.panel.privacyPage();
        const QList<QPair<QToolButton *, QString>> actions = {
            {c.panel.controlsPage()->editControlButton(), QStringLiteral("compliance.write")},
            {privacy->newRequestButton(), QStringLiteral("privacy.write")},
            {privacy->completeButton(), QStringLiteral("privacy.write")},
            {privacy->editPolicyButton(), QStringLiteral("compliance.write")},
            {privacy->applyRetentionButton(), QStringLiteral("compliance.write")},
            {c.panel.catalogsPage()->importButton(), QStringLiteral("compliance.write")},
            {c.panel.drillsPage()->recordButton(), QStringLiteral("drills.write")},
        };
        for (const auto &[button, permission] : actions) {
            QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
            QVERIFY2(button->toolTip().contains(permission),
                     qPrintable(button->objectName() + QStringLiteral(": ") + button->toolTip()));
        }
    }

    // The privacy queue counts down to the legal deadlines; past one, the row is red.
    void privacyCountdown()
    {
        Console c(m_platformd.address(), m_viewer);
        QSignalSpy privacy(&c.panel, &CompliancePanel::privacyLoaded);
        QVERIFY(privacy.wait(30000));
        const PrivacyQueueModel *model = c.panel.privacyModel();
        QVERIFY(model->rowCount() >= 3);
        int open = -1;
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->requests().at(r).state == PrivacyRequestState::Open)
                open = r;
        QVERIFY(open >= 0);
        const QString left =
            model->index(open, PrivacyQueueModel::CountdownColumn).data().toString();
        QVERIFY2(left.endsWith(QStringLiteral("left")), qPrintable(left));
        QVERIFY(!model->index(open, 0).data(ComplianceRowsModel::AlertRole).toBool());
        // Sixty days on, every open request is past its deadline.
        c.panel.setNow(QDateTime::currentDateTimeUtc().addDays(60));
        const QString overdue =
            model->index(open, PrivacyQueueModel::CountdownColumn).data().toString();
        QVERIFY2(overdue.endsWith(QStringLiteral("overdue")), qPrintable(overdue));
        QVERIFY(model->index(open, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QVERIFY(model->index(open, 0).data(Qt::ForegroundRole).isValid());
    }

    // CSV of the filtered control table; OSCAL saved as the server wrote it; a report into a
    // folder that does not exist fails in words and leaves nothing behind.
    void exports()
    {
        Console c(m_platformd.address(), m_viewer);
        QVERIFY(c.loaded());
        c.panel.setFramework(QStringLiteral("frameworks/hipaa"));
        const int rows = c.panel.controlsPage()->proxy()->rowCount();
        QVERIFY(rows > 0);
        const QString csvPath = m_files.filePath(QStringLiteral("controls.csv"));
        QString error;
        QVERIFY2(c.panel.exportCsv(CompliancePanel::ControlsTab, csvPath, &error),
                 qPrintable(error));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), rows + 1);
        QVERIFY(lines.first().startsWith("Control,Title,Status,Owner"));

        const QString oscal = m_files.filePath(QStringLiteral("hipaa.json"));
        QSignalSpy saved(&c.panel, &CompliancePanel::oscalWritten);
        c.panel.exportOscal(oscal);
        QVERIFY(saved.wait(30000));
        QVERIFY2(saved.first().at(1).toString().isEmpty(),
                 qPrintable(saved.first().at(1).toString()));
        QFile json(oscal);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(json.readAll().contains("\"assessment-results\""));

        const QString bad = m_files.filePath(QStringLiteral("no/such/dir/report.pdf"));
        QSignalSpy written(&c.panel, &CompliancePanel::reportWritten);
        c.panel.writeReport(bad);
        QVERIFY(written.count() == 1 || written.wait(60000));
        QVERIFY2(written.first().at(1).toString().startsWith(QStringLiteral("Could not write")),
                 qPrintable(written.first().at(1).toString()));
        QVERIFY(!QFile::exists(bad));
        QVERIFY(c.panel.messageText().startsWith(QStringLiteral("Could not write")));
    }

    // A custom period for the report: the dates bound each other, and the PDF states them.
    void customReportPeriod()
    {
        Console c(m_platformd.address(), m_viewer);
        QVERIFY(c.loaded());
        QVERIFY(!c.panel.periodFromEdit()->isVisible()); // a preset is chosen
        QComboBox *period = c.panel.periodCombo();
        period->setCurrentIndex(period->findData(-1));
        QVERIFY(c.panel.periodFromEdit()->isVisible() && c.panel.periodToEdit()->isVisible());
        const QDate to = QDateTime::currentDateTimeUtc().date().addDays(-10);
        const QDate from = to.addDays(-20);
        c.panel.periodFromEdit()->setDate(from);
        c.panel.periodToEdit()->setDate(to);
        QCOMPARE(c.panel.periodStart(), QDateTime(from, QTime(0, 0), Qt::UTC));
        QCOMPARE(c.panel.periodEnd(), QDateTime(to, QTime(23, 59, 59, 999), Qt::UTC));
        // The end cannot go before the start, nor the start after the end.
        c.panel.periodToEdit()->setDate(from.addDays(-5));
        QCOMPARE(c.panel.periodToEdit()->date(), from);
        c.panel.periodToEdit()->setDate(to);
        c.panel.periodFromEdit()->setDate(to.addDays(5));
        QCOMPARE(c.panel.periodFromEdit()->date(), to);
        c.panel.periodFromEdit()->setDate(from);

        c.panel.setFramework(QStringLiteral("frameworks/gdpr"));
        const QString pdf = m_files.filePath(QStringLiteral("custom-period.pdf"));
        QSignalSpy written(&c.panel, &CompliancePanel::reportWritten);
        c.panel.writeReport(pdf);
        QVERIFY(written.count() == 1 || written.wait(60000));
        QVERIFY2(written.first().at(1).toString().isEmpty(),
                 qPrintable(written.first().at(1).toString()));
        const QString text = pdfText(pdf);
        const QString stated = QStringLiteral("Period %1 to %2")
                                   .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
        QVERIFY2(text.contains(stated), qPrintable(stated + QStringLiteral("\n") + text));
        // Back to a preset: the dates hide, the preset applies.
        period->setCurrentIndex(period->findData(30));
        QVERIFY(!c.panel.periodFromEdit()->isVisible());
        QCOMPARE(c.panel.periodStart().daysTo(c.panel.periodEnd()), 30);
    }

    void screenshot(); // a picture writer (OPS_SCREENSHOTS=<dir>, scripts/screenshots)

private:
    PlatformdProcess m_platformd;
    QString m_officer;
    QString m_viewer;
    QTemporaryDir m_files;
};

// The framework view with GDPR chosen: <dir>/compliance.png; the first page of its report:
// <dir>/compliance-report.pdf (scripts/screenshots turns it into a PNG with pdftoppm).
void tst_CompliancePanel::screenshot()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    if (const QString mode = qEnvironmentVariable("OPS_SCREENSHOT_THEME"); !mode.isEmpty())
        theme::apply(theme::modeFromString(mode));
    Console c(m_platformd.address(), m_officer);
    c.panel.resize(1500, 820);
    QVERIFY(c.loaded());
    QSignalSpy checks(&c.panel, &CompliancePanel::checksFinished);
    QVERIFY(QTest::qWaitFor([&] { return c.panel.runChecksButton()->isEnabled(); }, 20000));
    c.panel.runChecks();
    QVERIFY(checks.wait(60000));
    c.frameworks.clear();
    QVERIFY(c.frameworks.wait(20000));
    c.panel.setFramework(QStringLiteral("frameworks/gdpr"));
    c.panel.tabs()->setCurrentIndex(CompliancePanel::FrameworksTab);
    QCoreApplication::processEvents();
    QVERIFY(c.panel.grab().save(dir + QStringLiteral("/compliance.png")));
    for (int tab = 1; tab <= 3; ++tab) {
        c.panel.tabs()->setCurrentIndex(tab);
        if (tab == CompliancePanel::ControlsTab) {
            QSignalSpy detail(&c.panel, &CompliancePanel::controlDetailLoaded);
            c.panel.openControl(QStringLiteral("controls/pc-backup"));
            QVERIFY(detail.wait(20000));
        }
        QCoreApplication::processEvents();
        QVERIFY(c.panel.grab().save(dir + QStringLiteral("/compliance-tab%1.png").arg(tab)));
    }
    QSignalSpy written(&c.panel, &CompliancePanel::reportWritten);
    c.panel.writeReport(dir + QStringLiteral("/compliance-report.pdf"));
    QVERIFY(written.count() == 1 || written.wait(60000));
    QVERIFY2(written.first().at(1).toString().isEmpty(),
             qPrintable(written.first().at(1).toString()));
}

OPS_TEST_MAIN(tst_CompliancePanel)
#include "tst_compliancepanel.moc"
