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

// The officer's and the operator's actions in the Compliance panel, through their dialogs, against
// the real platformd: privacy requests, OSCAL import, control edits, retention, failover drills.
class tst_ComplianceActions : public QObject
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
        m_admin = addUser(m_platformd.dataDir(), QStringLiteral("adam"), QStringLiteral("admin"));
        QVERIFY(!m_admin.isEmpty());
        QVERIFY(!m_officer.isEmpty() && !m_viewer.isEmpty());
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
        QVERIFY(m_files.isValid());
    }

    // The officer records a data-subject request through the dialog (what is missing is named
    // there; platformd's refusal of a too long reference shows there too) and completes it.
    void privacyRequestDialogs()
    {
        Console c(m_platformd.address(), m_officer);
        c.panel.setNow(QDateTime::currentDateTimeUtc()); // one "today" for the whole test
        const QDate today = c.panel.now().date();
        QSignalSpy privacy(&c.panel, &CompliancePanel::privacyLoaded);
        QVERIFY(c.loaded());
        QVERIFY(!privacy.isEmpty() || privacy.wait(20000));
        c.panel.tabs()->setCurrentIndex(CompliancePanel::PrivacyTab);
        PrivacyPage *page = c.panel.privacyPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->newRequestButton()->isEnabled(), 20000);
        QVERIFY(!page->completeButton()->isEnabled()); // nothing selected
        QTest::mouseClick(page->newRequestButton(), Qt::LeftButton);
        QPointer<PrivacyRequestDialog> dialog = c.panel.findChild<PrivacyRequestDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->receivedEdit()->date(), today);
        QCOMPARE(dialog->receivedEdit()->maximumDate(), today); // never in the future

        QSignalSpy created(&c.panel, &CompliancePanel::privacyRequestCreated);
        dialog->okButton()->click();
        QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("subject's reference")),
                 qPrintable(dialog->statusLabel()->text()));
        auto *subject = dialog->findChild<QLineEdit *>(QStringLiteral("privacySubject"));
        QVERIFY(subject);
        subject->setText(QString(210, u'x'));
        dialog->okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->statusLabel()->text().contains(QStringLiteral("at most 200 bytes")), 20000);
        QVERIFY2(dialog->statusLabel()->text().startsWith(
                     QStringLiteral("Could not record the privacy request")),
                 qPrintable(dialog->statusLabel()->text()));
        QVERIFY(dialog->isVisible() && dialog->okButton()->isEnabled());
        QVERIFY(created.isEmpty());

        subject->clear();
        QTest::keyClicks(subject, QStringLiteral("ticket-4711"));
        auto *regime = dialog->findChild<QComboBox *>(QStringLiteral("privacyRegime"));
        regime->setCurrentIndex(regime->findText(QStringLiteral("CCPA")));
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("privacyKind"));
        kind->setCurrentIndex(kind->findData(int(PrivacyRequestKind::Deletion)));
        const QDate received = today.addDays(-2);
        dialog->receivedEdit()->setDate(received);
        const QString deadline =
            dialog->findChild<QLabel *>(QStringLiteral("privacyDeadline"))->text();
        QVERIFY2(deadline.startsWith(received.addDays(45).toString(Qt::ISODate)),
                 qPrintable(deadline));
        QTest::keyClicks(dialog->noteEdit(), QStringLiteral("Received by mail"));
        privacy.clear();
        dialog->okButton()->click();
        QVERIFY(created.wait(20000));
        QTRY_VERIFY(!dialog); // closed and gone
        const PrivacyRequest request = created.first().at(0).value<PrivacyRequest>();
        QCOMPARE(request.subject, QStringLiteral("ticket-4711"));
        QCOMPARE(request.regime, PrivacyRegime::Ccpa);
        QCOMPARE(request.kind, PrivacyRequestKind::Deletion);
        QCOMPARE(request.receiveTime.date(), received);
        QCOMPARE(request.receiveTime.daysTo(request.deadline), 45);
        QCOMPARE(request.note, QStringLiteral("Received by mail"));
        QVERIFY2(c.panel.messageText().startsWith(QStringLiteral("Recorded ") + request.name),
                 qPrintable(c.panel.messageText()));
        QVERIFY(!privacy.isEmpty() || privacy.wait(20000)); // the queue reloads with it
        const int row = rowOfKey(c.panel.privacyModel(), request.name);
        QVERIFY(row >= 0);
        QCOMPARE(
            c.panel.privacyModel()->index(row, PrivacyQueueModel::SubjectColumn).data().toString(),
            QStringLiteral("ticket-4711"));

        // Complete it: select its row, Complete…, a note.
        clickRow(page->requestTable(), rowOfKey(page->requestTable()->model(), request.name));
        QCOMPARE(page->currentRequest(), request.name);
        QVERIFY(page->completeButton()->isEnabled());
        QTest::mouseClick(page->completeButton(), Qt::LeftButton);
        QPointer<CompletePrivacyRequestDialog> complete =
            c.panel.findChild<CompletePrivacyRequestDialog *>();
        QVERIFY(complete);
        QCOMPARE(complete->request(), request.name);
        QTest::keyClicks(complete->noteEdit(), QStringLiteral("Records erased in all regions"));
        QSignalSpy completed(&c.panel, &CompliancePanel::privacyRequestCompleted);
        privacy.clear();
        complete->okButton()->click();
        QVERIFY(completed.wait(20000));
        QTRY_VERIFY(!complete);
        const PrivacyRequest done = completed.first().at(0).value<PrivacyRequest>();
        QCOMPARE(done.state, PrivacyRequestState::Completed);
        QCOMPARE(done.completedBy, QStringLiteral("users/olga"));
        QVERIFY(!privacy.isEmpty() || privacy.wait(20000));
        const int doneRow = rowOfKey(c.panel.privacyModel(), request.name);
        QVERIFY(doneRow >= 0);
        QCOMPARE(c.panel.privacyModel()->requests().at(doneRow).state,
                 PrivacyRequestState::Completed);
        // A completed request offers nothing to complete, and says so.
        QVERIFY(page->selectRequest(request.name));
        QVERIFY(!page->completeButton()->isEnabled());
        QVERIFY2(page->completeButton()->toolTip().contains(QStringLiteral("already completed")),
                 qPrintable(page->completeButton()->toolTip()));
    }

    // Import OSCAL: the catalog's counts as the test computes them from the file, and its row in
    // the catalogs list; a malformed file is refused naming the JSON path; an oversized one is
    // refused before anything is sent.
    void oscalImport()
    {
        const QString mini = QStringLiteral(OPS_TEST_DATA "/oscal/mini_catalog.json");
        const QByteArray json = readTestData(QStringLiteral("oscal/mini_catalog.json"));
        const test::OscalCounts expected = test::oscalCatalogCounts(json);
        QVERIFY(expected.groups > 0 && expected.controls > 0 && expected.enhancements > 0);
        Console c(m_platformd.address(), m_officer);
        QSignalSpy catalogs(&c.panel, &CompliancePanel::catalogsLoaded);
        QVERIFY(c.loaded());
        QVERIFY(!catalogs.isEmpty() || catalogs.wait(20000));
        c.panel.tabs()->setCurrentIndex(CompliancePanel::CatalogsTab);
        CatalogsPage *page = c.panel.catalogsPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->importButton()->isEnabled(), 20000);
        QVERIFY(page->importButton()->toolTip().contains(QStringLiteral("OSCAL")));

        QSignalSpy imported(&c.panel, &CompliancePanel::oscalImported);
        catalogs.clear();
        c.panel.importOscalFile(mini);
        QVERIFY(imported.wait(60000));
        QVERIFY2(imported.first().at(1).toString().isEmpty(),
                 qPrintable(imported.first().at(1).toString()));
        const OscalCatalog catalog = imported.first().at(0).value<OscalCatalog>();
        const QString counts = QStringLiteral("groups: %1, controls: %2, enhancements: %3")
                                   .arg(expected.groups)
                                   .arg(expected.controls)
                                   .arg(expected.enhancements);
        const QString status = page->statusLabel()->text();
        QVERIFY2(status.contains(counts) && status.contains(QStringLiteral("Opsconsole Example")),
                 qPrintable(status));
        QVERIFY(page->statusLabel()->isVisible());
        QVERIFY(!catalogs.isEmpty() || catalogs.wait(20000)); // the list reloads with it
        const CatalogTableModel *model = c.panel.catalogsModel();
        const int row = rowOfKey(model, catalog.name);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, CatalogTableModel::GroupsColumn).data().toInt(),
                 expected.groups);
        QCOMPARE(model->index(row, CatalogTableModel::ControlsColumn).data().toInt(),
                 expected.controls);
        QCOMPARE(model->index(row, CatalogTableModel::EnhancementsColumn).data().toInt(),
                 expected.enhancements);
        QCOMPARE(model->index(row, CatalogTableModel::SourceColumn).data().toString(),
                 QStringLiteral("mini_catalog.json"));
        QVERIFY(page->table()->isVisible());

        // The first control of the first subgroup without its id (and a uuid of its own).
        QJsonObject root = QJsonDocument::fromJson(json).object();
        QJsonObject cat = root[QStringLiteral("catalog")].toObject();
        QJsonArray groups = cat[QStringLiteral("groups")].toArray();
        QJsonObject group = groups[0].toObject();
        QJsonArray subgroups = group[QStringLiteral("groups")].toArray();
        QJsonObject sub = subgroups[0].toObject();
        QJsonArray controls = sub[QStringLiteral("controls")].toArray();
        QJsonObject control = controls[0].toObject();
        control.remove(QStringLiteral("id"));
        controls[0] = control;
        sub[QStringLiteral("controls")] = controls;
        subgroups[0] = sub;
        group[QStringLiteral("groups")] = subgroups;
        groups[0] = group;
        cat[QStringLiteral("groups")] = groups;
        cat[QStringLiteral("uuid")] = QStringLiteral("7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
        root[QStringLiteral("catalog")] = cat;
        const QString broken = m_files.filePath(QStringLiteral("broken-catalog.json"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(root).toJson());
        }
        imported.clear();
        c.panel.importOscalFile(broken);
        QVERIFY(imported.wait(60000));
        const QString error = imported.first().at(1).toString();
        QVERIFY2(error.startsWith(QStringLiteral("Could not import broken-catalog.json")),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("/catalog/groups/0/groups/0/controls/0/id")),
                 qPrintable(error));
        QCOMPARE(page->statusLabel()->text(), error);
        QVERIFY(page->statusLabel()->styleSheet().contains(QStringLiteral("#c62828")));
        QVERIFY(page->importButton()->isEnabled()); // ready for another try
        catalogs.clear();
        c.panel.refreshAll();
        QVERIFY(catalogs.wait(20000));
        for (const OscalCatalog &stored : model->catalogs())
            QVERIFY2(stored.source != QStringLiteral("broken-catalog.json"),
                     qPrintable(stored.name));

        // Larger than platformd takes: refused here, naming the limit; nothing is sent.
        const QString big = m_files.filePath(QStringLiteral("big-catalog.json"));
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(kMaxOscalBytes + 1));
        }
        imported.clear();
        c.panel.importOscalFile(big);
        QVERIFY(imported.wait(20000));
        const QString tooBig = imported.first().at(1).toString();
        QVERIFY2(tooBig.contains(QLocale().formattedDataSize(kMaxOscalBytes)), qPrintable(tooBig));
        QVERIFY(tooBig.contains(QStringLiteral("big-catalog.json")));
    }

    // The officer edits a control's owner, status and due date; platformd's refusal of an
    // oversized owner shows in the dialog; the table follows the change.
    void controlEditDialog()
    {
        Console c(m_platformd.address(), m_officer);
        QVERIFY(c.loaded());
        c.panel.tabs()->setCurrentIndex(CompliancePanel::ControlsTab);
        ControlsPage *page = c.panel.controlsPage();
        QVERIFY(!page->editControlButton()->isEnabled()); // nothing selected
        QString name;
        for (const Control &control : page->model()->controls())
            if (control.check.isEmpty() && name.isEmpty())
                name = control.name; // no check sets its status
        QVERIFY(!name.isEmpty());
        const Control before = *page->model()->control(name);
        QSignalSpy detail(&c.panel, &CompliancePanel::controlDetailLoaded);
        QVERIFY(page->selectControl(name));
        QVERIFY(detail.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(page->editControlButton()->isEnabled(), 20000);
        QTest::mouseClick(page->editControlButton(), Qt::LeftButton);
        QPointer<ControlEditDialog> dialog = c.panel.findChild<ControlEditDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->ownerCombo()->currentText(), before.owner);
        dialog->okButton()->click();
        QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Nothing changed")));

        dialog->ownerCombo()->setCurrentText(QString(201, u'o'));
        dialog->okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->statusLabel()->text().contains(QStringLiteral("control.owner")), 20000);
        QVERIFY2(
            dialog->statusLabel()->text().startsWith(QStringLiteral("Could not update ") + name),
            qPrintable(dialog->statusLabel()->text()));

        dialog->ownerCombo()->lineEdit()->clear();
        QTest::keyClicks(dialog->ownerCombo()->lineEdit(), QStringLiteral("team-privacy"));
        const ControlStatus status = before.status == ControlStatus::InProgress
                                         ? ControlStatus::Implemented
                                         : ControlStatus::InProgress;
        dialog->statusCombo()->setCurrentIndex(dialog->statusCombo()->findData(int(status)));
        dialog->dueCheck()->setChecked(true);
        dialog->dueEdit()->setDate(QDate(2027, 3, 31));
        QCOMPARE(dialog->update().fields,
                 (QStringList{QStringLiteral("owner"), QStringLiteral("status"),
                              QStringLiteral("due_time")}));
        QSignalSpy updated(&c.panel, &CompliancePanel::controlUpdated);
        c.controls.clear();
        dialog->okButton()->click();
        QVERIFY(updated.wait(20000));
        QTRY_VERIFY(!dialog);
        const Control after = updated.first().at(0).value<Control>();
        QCOMPARE(after.owner, QStringLiteral("team-privacy"));
        QCOMPARE(after.status, status);
        QCOMPARE(after.dueTime.toUTC().date(), QDate(2027, 3, 31));
        QVERIFY(!c.controls.isEmpty() || c.controls.wait(20000)); // the table reloads
        QCOMPARE(page->model()->control(name)->owner, QStringLiteral("team-privacy"));
        QCOMPARE(page->model()->control(name)->status, status);
    }

    // Retention: the officer shortens a policy in its dialog, then applies retention: first what
    // would be deleted per category, then, confirmed, the deletion. (After the privacy tests: it
    // deletes the demo's completed request.)
    void retentionDialogs()
    {
        Console c(m_platformd.address(), m_officer);
        QSignalSpy privacy(&c.panel, &CompliancePanel::privacyLoaded);
        QVERIFY(c.loaded());
        QVERIFY(!privacy.isEmpty() || privacy.wait(20000));
        c.panel.tabs()->setCurrentIndex(CompliancePanel::PrivacyTab);
        PrivacyPage *page = c.panel.privacyPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->applyRetentionButton()->isEnabled(), 20000);
        QVERIFY(!page->editPolicyButton()->isEnabled()); // no policy selected
        const QString policy = QStringLiteral("retentionPolicies/privacy-requests");
        clickRow(page->retentionTable(), rowOfKey(page->retentionTable()->model(), policy));
        QCOMPARE(page->currentPolicy(), policy);
        QVERIFY(page->editPolicyButton()->isEnabled());
        QTest::mouseClick(page->editPolicyButton(), Qt::LeftButton);
        QPointer<RetentionPolicyDialog> edit = c.panel.findChild<RetentionPolicyDialog *>();
        QVERIFY(edit);
        QCOMPARE(edit->daysSpin()->minimum(), 1);
        QCOMPARE(edit->daysSpin()->maximum(), 3650);
        edit->daysSpin()->setValue(1);
        QSignalSpy updated(&c.panel, &CompliancePanel::retentionPolicyUpdated);
        QSignalSpy retention(&c.panel, &CompliancePanel::retentionLoaded);
        edit->okButton()->click();
        QVERIFY(updated.wait(20000));
        QTRY_VERIFY(!edit);
        QCOMPARE(updated.first().at(0).value<RetentionPolicy>().retentionDays, 1);
        QVERIFY(!retention.isEmpty() || retention.wait(20000)); // the policies reload
        const RetentionTableModel *policies = c.panel.retentionModel();
        const int row = rowOfKey(policies, policy);
        QVERIFY(row >= 0);
        // (Plural forms come from the translations, which tests do not load: "1 day(s)".)
        QVERIFY(policies->index(row, RetentionTableModel::DaysColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("1 day")));

        // Apply: the preview first (the demo's request completed a day ago would go).
        QSignalSpy previewed(&c.panel, &CompliancePanel::retentionPreviewed);
        QTest::mouseClick(page->applyRetentionButton(), Qt::LeftButton);
        QPointer<ApplyRetentionDialog> apply = c.panel.findChild<ApplyRetentionDialog *>();
        QVERIFY(apply);
        QVERIFY(!apply->okButton()->isEnabled()); // nothing to confirm before the count
        QVERIFY(previewed.wait(20000));
        QVERIFY(!previewed.first().at(1).value<ComplianceError>().isError());
        const RetentionResultModel *preview = apply->previewModel();
        QCOMPARE(
            preview->headerData(RetentionResultModel::DeletedColumn, Qt::Horizontal).toString(),
            QStringLiteral("Would delete"));
        const int cat = rowOfKey(preview, QStringLiteral("privacy-requests"));
        QVERIFY(cat >= 0);
        qint64 total = 0;
        for (const RetentionCategoryResult &r : preview->result().categories)
            total += r.deleted;
        QVERIFY(preview->result().categories.at(cat).deleted >= 1);
        QVERIFY(apply->okButton()->isEnabled());
        QVERIFY2(
            apply->okButton()->text().startsWith(QStringLiteral("Delete %1 record").arg(total)),
            qPrintable(apply->okButton()->text()));
        QSignalSpy applied(&c.panel, &CompliancePanel::retentionApplied);
        apply->okButton()->click();
        QVERIFY(applied.wait(20000));
        QTRY_VERIFY(!apply);
        qint64 deleted = 0;
        for (const RetentionCategoryResult &r :
             applied.first().at(0).value<RetentionResult>().categories)
            deleted += r.deleted;
        QCOMPARE(deleted, total);
        QVERIFY2(c.panel.messageText().startsWith(QStringLiteral("Retention applied: ")),
                 qPrintable(c.panel.messageText()));
    }

    // Failover drills: the list with the newest drill's age; Record drill… with a region the
    // console knows; platformd's refusal of an unknown region shows in the dialog.
    void drillDialogs()
    {
        Console c(m_platformd.address(), m_admin);
        QSignalSpy drills(&c.panel, &CompliancePanel::drillsLoaded);
        QVERIFY(c.loaded());
        QVERIFY(!drills.isEmpty() || drills.wait(20000));
        c.panel.setRegions({QStringLiteral("regions/eu-west"), QStringLiteral("regions/us-east")});
        c.panel.tabs()->setCurrentIndex(CompliancePanel::DrillsTab);
        DrillsPage *page = c.panel.drillsPage();
        const int before = c.panel.drillsModel()->rowCount();
        QVERIFY(before >= 1); // the demo's
        QVERIFY(page->table()->isVisible());
        QVERIFY2(page->summaryLabel()->text().contains(QStringLiteral("ran 40 day")),
                 qPrintable(page->summaryLabel()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(page->recordButton()->isEnabled(), 20000);
        QTest::mouseClick(page->recordButton(), Qt::LeftButton);
        QPointer<DrillDialog> dialog = c.panel.findChild<DrillDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->regionCombo()->findText(QStringLiteral("regions/us-east")) >= 0);
        QVERIFY(dialog->timeEdit()->maximumDateTime() <= QDateTime::currentDateTimeUtc());
        dialog->okButton()->click();
        QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("Note what was drilled")),
                 qPrintable(dialog->statusLabel()->text()));
        QTest::keyClicks(dialog->noteEdit(), QStringLiteral("Drained us-east to us-west; 4 min"));
        dialog->regionCombo()->setCurrentText(QStringLiteral("regions/nowhere"));
        QSignalSpy recorded(&c.panel, &CompliancePanel::drillRecorded);
        dialog->okButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->statusLabel()->text().contains(QStringLiteral("regions/nowhere not found")),
            20000);
        QVERIFY(dialog->isVisible() && recorded.isEmpty());
        dialog->regionCombo()->setCurrentIndex(
            dialog->regionCombo()->findText(QStringLiteral("regions/us-east")));
        const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
        dialog->timeEdit()->setDateTime(when);
        drills.clear();
        dialog->okButton()->click();
        QVERIFY(recorded.wait(20000));
        QTRY_VERIFY(!dialog);
        const FailoverDrill drill = recorded.first().at(0).value<FailoverDrill>();
        QCOMPARE(drill.region, QStringLiteral("regions/us-east"));
        QCOMPARE(drill.recordedBy, QStringLiteral("users/adam"));
        QCOMPARE(drill.note, QStringLiteral("Drained us-east to us-west; 4 min"));
        QVERIFY(qAbs(drill.drillTime.secsTo(when)) < 60); // the edit shows minutes
        QVERIFY(!drills.isEmpty() || drills.wait(20000));
        QCOMPARE(c.panel.drillsModel()->rowCount(), before + 1);
        QVERIFY(rowOfKey(c.panel.drillsModel(), drill.name) >= 0);
        QVERIFY2(page->summaryLabel()->text().contains(QStringLiteral("ran 0 day")),
                 qPrintable(page->summaryLabel()->text()));
    }

    void screenshotActions(); // the action dialogs and the new tabs, for review

private:
    PlatformdProcess m_platformd;
    QString m_officer;
    QString m_viewer;
    QString m_admin; // drills.write: operators run drills, admins may record them too
    QTemporaryDir m_files;
};

// Each action's dialog (empty, then with an error where one can be shown) and the Privacy,
// Catalogs and Drills tabs: <dir>/compliance-action-*.png. Not in docs/: for review.
void tst_ComplianceActions::screenshotActions()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    // OPS_SCREENSHOT_QM=<a compiled catalogue, e.g. opsconsole_de.qm>: the pictures translated
    // (tests/common/testmain.h installs it).
    Console c(m_platformd.address(), m_admin);
    c.panel.resize(1300, 700);
    QSignalSpy catalogs(&c.panel, &CompliancePanel::catalogsLoaded);
    QSignalSpy drills(&c.panel, &CompliancePanel::drillsLoaded);
    QVERIFY(c.loaded());
    QVERIFY(!catalogs.isEmpty() || catalogs.wait(20000));
    QVERIFY(!drills.isEmpty() || drills.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(c.panel.privacyPage()->newRequestButton()->isEnabled(), 20000);
    auto save = [&](QWidget *w, const QString &name) {
        QCoreApplication::processEvents();
        return w->grab().save(dir + QStringLiteral("/compliance-action-%1.png").arg(name));
    };
    c.panel.tabs()->setCurrentIndex(CompliancePanel::PrivacyTab);
    QVERIFY(save(&c.panel, QStringLiteral("privacy-tab")));
    c.panel.tabs()->setCurrentIndex(CompliancePanel::CatalogsTab);
    QSignalSpy imported(&c.panel, &CompliancePanel::oscalImported);
    c.panel.importOscalFile(QStringLiteral(OPS_TEST_DATA "/oscal/mini_catalog.json"));
    catalogs.clear();
    QVERIFY(imported.wait(60000));
    QVERIFY(!catalogs.isEmpty() || catalogs.wait(20000));
    QVERIFY(save(&c.panel, QStringLiteral("catalogs-tab")));
    c.panel.tabs()->setCurrentIndex(CompliancePanel::DrillsTab);
    QVERIFY(save(&c.panel, QStringLiteral("drills-tab")));
    c.panel.periodCombo()->setCurrentIndex(c.panel.periodCombo()->findData(-1));
    QVERIFY(save(&c.panel, QStringLiteral("custom-period")));

    auto *privacy = c.panel.openPrivacyRequestDialog();
    QVERIFY(save(privacy, QStringLiteral("new-privacy-request")));
    privacy->okButton()->click();
    QVERIFY(save(privacy, QStringLiteral("new-privacy-request-error")));
    privacy->close();
    QVERIFY(
        c.panel.privacyPage()->selectRequest(c.panel.privacyModel()->requests().constFirst().name));
    for (const PrivacyRequest &r : c.panel.privacyModel()->requests())
        if (r.state == PrivacyRequestState::Open)
            QVERIFY(c.panel.privacyPage()->selectRequest(r.name));
    auto *complete = c.panel.openCompletePrivacyDialog();
    QVERIFY(complete);
    QVERIFY(save(complete, QStringLiteral("complete-privacy-request")));
    complete->close();
    QVERIFY(c.panel.privacyPage()->selectPolicy(QStringLiteral("retentionPolicies/audit")));
    auto *policy = c.panel.openRetentionPolicyDialog();
    QVERIFY(policy);
    QVERIFY(save(policy, QStringLiteral("retention-policy")));
    policy->close();
    QSignalSpy previewed(&c.panel, &CompliancePanel::retentionPreviewed);
    auto *apply = c.panel.openApplyRetentionDialog();
    QVERIFY(save(apply, QStringLiteral("apply-retention-counting")));
    QVERIFY(!previewed.isEmpty() || previewed.wait(20000));
    QVERIFY(save(apply, QStringLiteral("apply-retention")));
    apply->close();
    c.panel.tabs()->setCurrentIndex(CompliancePanel::ControlsTab);
    QSignalSpy detail(&c.panel, &CompliancePanel::controlDetailLoaded);
    c.panel.openControl(QStringLiteral("controls/pc-backup"));
    QVERIFY(detail.wait(20000));
    QVERIFY(save(&c.panel, QStringLiteral("controls-tab")));
    auto *edit = c.panel.openControlEditDialog();
    QVERIFY(edit);
    QVERIFY(save(edit, QStringLiteral("control-edit")));
    edit->close();
    c.panel.setRegions({QStringLiteral("regions/eu-west"), QStringLiteral("regions/us-east")});
    auto *drill = c.panel.openDrillDialog();
    QVERIFY(save(drill, QStringLiteral("drill")));
    QTest::keyClicks(drill->noteEdit(), QStringLiteral("Drained the region"));
    drill->regionCombo()->setCurrentText(QStringLiteral("regions/nowhere"));
    drill->okButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(drill->statusLabel()->text().contains(QStringLiteral("not found")),
                             20000);
    QVERIFY(save(drill, QStringLiteral("drill-error")));
    drill->close();

    // The empty states: a platformd without the demo has no catalog and no drill yet.
    PlatformdProcess empty;
    QVERIFY2(empty.start({}), qPrintable(empty.errorString()));
    Console e(empty.address(), empty.adminToken());
    e.panel.resize(1000, 420);
    QSignalSpy emptyDrills(&e.panel, &CompliancePanel::drillsLoaded);
    QVERIFY(e.loaded());
    QVERIFY(!emptyDrills.isEmpty() || emptyDrills.wait(20000));
    e.panel.tabs()->setCurrentIndex(CompliancePanel::CatalogsTab);
    QVERIFY(save(&e.panel, QStringLiteral("catalogs-empty")));
    e.panel.tabs()->setCurrentIndex(CompliancePanel::DrillsTab);
    QVERIFY(save(&e.panel, QStringLiteral("drills-empty")));
}

OPS_TEST_MAIN(tst_ComplianceActions)
#include "tst_complianceactions.moc"
