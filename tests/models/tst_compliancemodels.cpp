#include "models/compliance.h"
#include "models/compliancemodels.h"
#include "models/compliancerecordmodels.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace ops;

namespace {

const QDateTime kNow(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);

Control control(const QString &id, ControlStatus status, const QString &owner,
                const QStringList &frameworks)
{
    Control c;
    c.name = QStringLiteral("controls/") + id;
    c.title = id.toUpper();
    c.status = status;
    c.owner = owner;
    for (const QString &f : frameworks)
        c.requirements.append({QStringLiteral("frameworks/") + f, QStringLiteral("R-") + id, {}});
    return c;
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, column).data().toString();
    return out;
}

} // namespace

class TstComplianceModels : public QObject
{
    Q_OBJECT

private slots:
    // One control satisfies requirements of several frameworks; the filter by framework, status
    // and owner narrows the table, each alone and together.
    void controlFilter()
    {
        ControlTableModel model;
        model.setControls(
            {control(QStringLiteral("tls"), ControlStatus::Implemented, QStringLiteral("sec"),
                     {QStringLiteral("gdpr"), QStringLiteral("pci-dss")}),
             control(QStringLiteral("dsr"), ControlStatus::InProgress, QStringLiteral("privacy"),
                     {QStringLiteral("gdpr")}),
             control(QStringLiteral("sox-cm"), ControlStatus::Failing, QStringLiteral("sec"),
                     {QStringLiteral("sox")})},
            kNow);
        ControlFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setFramework(QStringLiteral("frameworks/gdpr"));
        QCOMPARE(column(proxy, ControlTableModel::IdColumn),
                 QStringList({QStringLiteral("tls"), QStringLiteral("dsr")}));
        proxy.setStatus(ControlStatus::Implemented);
        QCOMPARE(column(proxy, ControlTableModel::IdColumn), QStringList{QStringLiteral("tls")});
        proxy.setStatus(std::nullopt);
        proxy.setFramework({});
        proxy.setOwner(QStringLiteral("sec"));
        QCOMPARE(column(proxy, ControlTableModel::IdColumn),
                 QStringList({QStringLiteral("tls"), QStringLiteral("sox-cm")}));
        proxy.setFramework(QStringLiteral("frameworks/hipaa"));
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(model.owners(), QStringList({QStringLiteral("privacy"), QStringLiteral("sec")}));
        // A failing control is drawn red; the requirement count is its cell.
        QVERIFY(model.index(2, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QVERIFY(!model.index(0, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QCOMPARE(model.index(0, ControlTableModel::RequirementsColumn).data().toString(),
                 QStringLiteral("2"));
        QCOMPARE(model.index(2, ControlTableModel::StatusColumn).data().toString(),
                 QStringLiteral("Failing"));
    }

    void frameworkScoresAndTrend()
    {
        Framework f;
        f.name = QStringLiteral("frameworks/gdpr");
        f.displayName = QStringLiteral("GDPR");
        f.requirementCount = 8;
        f.passingCount = 7;
        f.score = 0.875;
        f.trend = {{kNow.addDays(-2), 0.75}, {kNow, 0.875}};
        FrameworkTableModel model;
        model.setFrameworks({f});
        QCOMPARE(model.index(0, FrameworkTableModel::ScoreColumn).data().toString(),
                 QStringLiteral("87.5 %"));
        QCOMPARE(model.index(0, FrameworkTableModel::SatisfiedColumn).data().toString(),
                 QStringLiteral("7 of 8"));
        QCOMPARE(model.index(0, FrameworkTableModel::TrendColumn).data().toString(),
                 QStringLiteral("▲ 12.5 points"));
        QCOMPARE(model.index(0, 0).data(ComplianceRowsModel::SortRole).toString(),
                 QStringLiteral("GDPR"));
        QCOMPARE(model.framework(QStringLiteral("frameworks/gdpr"))->passingCount, 7);
        QVERIFY(!model.framework(QStringLiteral("frameworks/sox")));
        QCOMPARE(model.displayNames().value(QStringLiteral("frameworks/gdpr")),
                 QStringLiteral("GDPR"));
    }

    // Open findings past their due date are overdue (red, marked); closed ones never are.
    void findingsDue()
    {
        Finding overdue;
        overdue.name = QStringLiteral("findings/1");
        overdue.title = QStringLiteral("TLS off on a listener");
        overdue.state = FindingState::Open;
        overdue.severity = FindingSeverity::High;
        overdue.dueTime = kNow.addDays(-1);
        overdue.check = QStringLiteral("checks/tls");
        Finding closed = overdue;
        closed.name = QStringLiteral("findings/2");
        closed.state = FindingState::Closed;
        Finding later = overdue;
        later.name = QStringLiteral("findings/3");
        later.dueTime = kNow.addDays(3);
        FindingTableModel model;
        model.setFindings({overdue, closed, later}, kNow);
        QCOMPARE(model.openCount(), 2);
        QVERIFY(model.index(0, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QVERIFY(!model.index(1, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QVERIFY(!model.index(2, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QCOMPARE(model.index(0, FindingTableModel::DueColumn).data().toString(),
                 QStringLiteral("2026-12-05 (overdue)"));
        QVERIFY(model.index(0, 0).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(0, FindingTableModel::SourceColumn).data().toString(),
                 QStringLiteral("checks/tls"));
    }

    // The privacy queue counts down to the legal deadline and turns red once it has passed;
    // moving "now" recomputes it.
    void privacyCountdown()
    {
        PrivacyRequest gdpr;
        gdpr.name = QStringLiteral("privacyRequests/1");
        gdpr.kind = PrivacyRequestKind::Access;
        gdpr.regime = PrivacyRegime::Gdpr;
        gdpr.state = PrivacyRequestState::Open;
        gdpr.receiveTime = kNow.addDays(-28);
        gdpr.deadline = gdpr.receiveTime.addDays(30);
        PrivacyRequest done = gdpr;
        done.name = QStringLiteral("privacyRequests/2");
        done.state = PrivacyRequestState::Completed;
        done.completeTime = kNow.addDays(-1);
        PrivacyQueueModel model;
        model.setRequests({gdpr, done}, kNow);
        const int c = PrivacyQueueModel::CountdownColumn;
        QCOMPARE(model.index(0, c).data().toString(), QStringLiteral("2 d 0 h left"));
        QVERIFY(!model.index(0, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QCOMPARE(model.overdueCount(), 0);
        model.setNow(kNow.addDays(2).addSecs(3 * 3600 + 120));
        QCOMPARE(model.index(0, c).data().toString(), QStringLiteral("3 h 2 min overdue"));
        QVERIFY(model.index(0, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QCOMPARE(model.overdueCount(), 1);
        QVERIFY(!model.index(1, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QVERIFY(model.index(1, c).data().toString().startsWith(QStringLiteral("completed")));
        QCOMPARE(model.index(0, PrivacyQueueModel::RegimeColumn).data().toString(),
                 QStringLiteral("GDPR"));
    }

    void evidenceAndHistory()
    {
        Evidence file;
        file.name = QStringLiteral("evidence/1");
        file.kind = EvidenceKind::File;
        file.fileName = QStringLiteral("review.pdf");
        file.sha256 = QString(64, u'a');
        file.sizeBytes = 2048;
        file.recordTime = kNow;
        Evidence link;
        link.name = QStringLiteral("evidence/2");
        link.kind = EvidenceKind::AuditEntry;
        link.link = QStringLiteral("auditEntries/12");
        EvidenceTableModel evidence;
        evidence.setEvidence({file, link});
        QCOMPARE(evidence.index(0, EvidenceTableModel::ReferenceColumn).data().toString(),
                 QStringLiteral("review.pdf"));
        QCOMPARE(evidence.index(0, EvidenceTableModel::HashColumn).data().toString(),
                 QString(64, u'a'));
        QCOMPARE(evidence.index(1, EvidenceTableModel::ReferenceColumn).data().toString(),
                 QStringLiteral("auditEntries/12"));
        QCOMPARE(evidence.index(1, EvidenceTableModel::KindColumn).data().toString(),
                 QStringLiteral("Audit entry"));
        QVERIFY(evidence.index(1, EvidenceTableModel::SizeColumn).data().toString().isEmpty());

        CheckRun pass{QStringLiteral("checks/tls/runs/2"),
                      QStringLiteral("checks/tls"),
                      CheckResult::Pass,
                      {},
                      kNow,
                      1.0,
                      QStringLiteral("schedule")};
        CheckRun fail{QStringLiteral("checks/tls/runs/1"),
                      QStringLiteral("checks/tls"),
                      CheckResult::Fail,
                      QStringLiteral("listener is plaintext"),
                      kNow.addSecs(-600),
                      1.0,
                      QStringLiteral("users/olga")};
        CheckHistoryModel history;
        history.setRuns({pass, fail}, {{QStringLiteral("checks/tls"), QStringLiteral("TLS")}});
        QCOMPARE(column(history, CheckHistoryModel::CheckColumn),
                 QStringList({QStringLiteral("TLS"), QStringLiteral("TLS")}));
        QCOMPARE(column(history, CheckHistoryModel::ResultColumn),
                 QStringList({QStringLiteral("Pass"), QStringLiteral("Fail")}));
        QVERIFY(history.index(1, 0).data(ComplianceRowsModel::AlertRole).toBool());
        QVERIFY(!history.index(0, 0).data(ComplianceRowsModel::AlertRole).toBool());
    }

    // OSCAL catalogs with their counts, sortable as numbers; a profile names its source catalog.
    void catalogs()
    {
        CatalogTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        OscalCatalog nist;
        nist.name = QStringLiteral("catalogs/a");
        nist.kind = OscalDocumentKind::Catalog;
        nist.title = QStringLiteral("NIST SP 800-53");
        nist.version = QStringLiteral("5.0.1");
        nist.groupCount = 20;
        nist.controlCount = 322;
        nist.enhancementCount = 867;
        nist.source = QStringLiteral("catalog.json");
        nist.importTime = kNow;
        nist.importedBy = QStringLiteral("users/olga");
        OscalCatalog low = nist;
        low.name = QStringLiteral("catalogs/b");
        low.kind = OscalDocumentKind::Profile;
        low.title = QStringLiteral("LOW");
        low.version.clear();
        low.groupCount = 18;
        low.controlCount = 95; // fewer than 322, but "95" sorts after "322" as text
        low.enhancementCount = 18;
        low.resolvedFrom = QStringLiteral("catalog.json");
        model.setCatalogs({nist, low});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, CatalogTableModel::TitleColumn).data().toString(),
                 QStringLiteral("NIST SP 800-53 (5.0.1)"));
        QCOMPARE(model.index(1, CatalogTableModel::TitleColumn).data().toString(),
                 QStringLiteral("LOW"));
        QCOMPARE(model.index(0, CatalogTableModel::EnhancementsColumn).data().toString(),
                 QStringLiteral("867"));
        QCOMPARE(model.index(1, CatalogTableModel::KindColumn).data().toString(),
                 QStringLiteral("Profile (resolved)"));
        QCOMPARE(model.index(0, CatalogTableModel::ImportedColumn).data().toString(),
                 QStringLiteral("2026-12-06 12:00 by olga"));
        QVERIFY(model.index(1, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("resolved against catalog.json")));
        QCOMPARE(model.index(1, 0).data(ComplianceRowsModel::KeyRole).toString(),
                 QStringLiteral("catalogs/b"));
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ComplianceRowsModel::SortRole);
        proxy.sort(CatalogTableModel::ControlsColumn, Qt::AscendingOrder);
        QCOMPARE(column(proxy, CatalogTableModel::ControlsColumn),
                 QStringList({QStringLiteral("95"), QStringLiteral("322")}));
    }

    // Drills (region shown by its id, who by name) and the retention result, whose last column
    // says whether it counted or deleted.
    void drillsAndRetentionResult()
    {
        FailoverDrillModel drills;
        QAbstractItemModelTester drillTester(
            &drills, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FailoverDrill d;
        d.name = QStringLiteral("failoverDrills/3");
        d.region = QStringLiteral("regions/us-east");
        d.drillTime = kNow.addDays(-40);
        d.note = QStringLiteral("drained");
        d.recordedBy = QStringLiteral("users/otto");
        drills.setDrills({d});
        QCOMPARE(drills.rowCount(), 1);
        QCOMPARE(column(drills, FailoverDrillModel::RegionColumn),
                 QStringList{QStringLiteral("us-east")});
        QCOMPARE(column(drills, FailoverDrillModel::TimeColumn),
                 QStringList{QStringLiteral("2026-10-27 12:00")});
        QCOMPARE(column(drills, FailoverDrillModel::ByColumn), QStringList{QStringLiteral("otto")});
        drills.setDrills({});
        QCOMPARE(drills.rowCount(), 0);

        RetentionResultModel result;
        QAbstractItemModelTester resultTester(
            &result, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RetentionResult r;
        r.validateOnly = true;
        r.categories = {{QStringLiteral("check-runs"), 400, 12, kNow.addDays(-400)},
                        {QStringLiteral("privacy-requests"), 1, 0, kNow.addDays(-1)}};
        result.setResult(r);
        QCOMPARE(result.rowCount(), 2);
        QCOMPARE(result.headerData(RetentionResultModel::DeletedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Would delete"));
        QCOMPARE(result.index(0, RetentionResultModel::DeletedColumn)
                     .data(ComplianceRowsModel::SortRole),
                 QVariant(qint64(12)));
        QCOMPARE(result.index(0, RetentionResultModel::CutoffColumn).data().toString(),
                 kNow.addDays(-400).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        r.validateOnly = false;
        result.setResult(r);
        QCOMPARE(result.headerData(RetentionResultModel::DeletedColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Deleted"));
    }

    void countdownText()
    {
        QCOMPARE(ComplianceText::countdown(kNow.addSecs(59), kNow), QStringLiteral("0 min left"));
        QCOMPARE(ComplianceText::countdown(kNow.addDays(-45), kNow),
                 QStringLiteral("45 d 0 h overdue"));
        QVERIFY(ComplianceText::countdown({}, kNow).isEmpty());
        QCOMPARE(ComplianceText::percent(1.0), QStringLiteral("100.0 %"));
    }
};

QTEST_GUILESS_MAIN(TstComplianceModels)
#include "tst_compliancemodels.moc"
