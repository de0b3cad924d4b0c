#include "complianceclientfixture.h"
#include "oscalcounts.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace ops;
using namespace compliancetest;

class TstComplianceClient : public ComplianceClientTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startServer(); }

    // The ten frameworks, each with a score that is its passing share and a trend.
    void frameworksWithScoresAndTrend()
    {
        auto c = console(m_viewerToken);
        ComplianceClient client(&c->connection);
        bool ok = false;
        const auto frameworks =
            callOrFail<QList<Framework>>([&](auto cb) { client.listFrameworks(cb); }, &ok);
        QVERIFY(ok);
        QSet<QString> names;
        for (const Framework &f : frameworks) {
            names.insert(f.name);
            QVERIFY2(f.requirementCount > 0, qPrintable(f.name));
            QVERIFY(f.passingCount >= 0 && f.passingCount <= f.requirementCount);
            QCOMPARE(f.score, double(f.passingCount) / f.requirementCount);
            QVERIFY2(f.trend.size() >= 2, qPrintable(f.name));
            QVERIFY(f.trend.first().time < f.trend.last().time);
            QVERIFY(!f.displayName.isEmpty());
        }
        QCOMPARE(names.size(), 10);
        for (const char *id : {"gdpr", "ccpa", "hipaa", "sox", "pci-dss", "iso-27001", "soc-2",
                               "fedramp", "nist-800-53", "cobit"})
            QVERIFY2(names.contains(QStringLiteral("frameworks/") + QLatin1String(id)), id);
    }

    // Controls once, frameworks many: a control satisfies requirements of several frameworks;
    // the framework filter returns exactly the controls mapped to it; a bad one is refused.
    void controlsAcrossFrameworks()
    {
        auto c = console(m_viewerToken);
        ComplianceClient client(&c->connection);
        bool ok = false;
        const auto all =
            callOrFail<QList<Control>>([&](auto cb) { client.listControls({}, {}, cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(all.size() >= 5);
        int shared = 0;
        QSet<QString> gdpr;
        for (const Control &ctl : all) {
            QSet<QString> frameworks;
            for (const Requirement &r : ctl.requirements) {
                QVERIFY2(!r.requirement.isEmpty(), qPrintable(ctl.name));
                frameworks.insert(r.framework);
            }
            shared += frameworks.size() >= 3;
            if (ctl.satisfies(kGdpr))
                gdpr.insert(ctl.name);
            QVERIFY(ctl.status != ControlStatus::Unspecified);
        }
        QVERIFY(shared > 0);
        QVERIFY(!gdpr.isEmpty() && gdpr.size() < all.size());
        const auto filtered =
            callOrFail<QList<Control>>([&](auto cb) { client.listControls(kGdpr, {}, cb); }, &ok);
        QVERIFY(ok);
        QSet<QString> got;
        for (const Control &ctl : filtered)
            got.insert(ctl.name);
        QCOMPARE(got, gdpr);

        Answer<QList<Control>> bad;
        client.listControls(QStringLiteral("gdpr"), {}, bad.callback());
        QVERIFY(bad.wait());
        QCOMPARE(bad.error.code, 3); // INVALID_ARGUMENT
        QVERIFY2(bad.error.text.startsWith(QStringLiteral("Could not load the controls")),
                 qPrintable(bad.error.text));
        QVERIFY2(bad.error.text.contains(QStringLiteral("frameworks/")),
                 qPrintable(bad.error.text));
    }

    // Evidence is added by those with evidence.write, appears in the control's detail with its
    // hash and who added it; a viewer is refused; an unknown control is NOT_FOUND.
    void evidenceAppendOnly()
    {
        auto officer = console(m_officerToken);
        ComplianceClient client(&officer->connection);
        Evidence e;
        e.control = QStringLiteral("controls/pc-backup");
        e.kind = EvidenceKind::File;
        e.fileName = QStringLiteral("restore-drill.txt");
        e.sha256 = QString::fromLatin1(
            QCryptographicHash::hash("restore drill ok", QCryptographicHash::Sha256).toHex());
        e.sizeBytes = 16;
        e.description = QStringLiteral("Q4 restore drill");
        bool ok = false;
        const Evidence added =
            callOrFail<Evidence>([&](auto cb) { client.addEvidence(e, cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(added.name.startsWith(QStringLiteral("evidence/")));
        QCOMPARE(added.recordedBy, QStringLiteral("users/olga"));
        QVERIFY(added.recordTime.isValid());
        const ControlDetail detail =
            callOrFail<ControlDetail>([&](auto cb) { client.getControl(e.control, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(detail.control.name, e.control);
        bool found = false;
        for (const Evidence &x : detail.evidence)
            found = found || (x.name == added.name && x.sha256 == e.sha256 &&
                              x.fileName == e.fileName && x.sizeBytes == 16);
        QVERIFY(found);

        auto viewer = console(m_viewerToken);
        ComplianceClient viewerClient(&viewer->connection);
        Answer<Evidence> refused;
        viewerClient.addEvidence(e, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, 7); // PERMISSION_DENIED
        QVERIFY2(refused.error.text.startsWith(QStringLiteral("Could not add the evidence")),
                 qPrintable(refused.error.text));

        Evidence bad = e;
        bad.sha256 = QStringLiteral("xyz");
        Answer<Evidence> invalid;
        client.addEvidence(bad, invalid.callback());
        QVERIFY(invalid.wait());
        QCOMPARE(invalid.error.code, 3);

        Answer<ControlDetail> missing;
        client.getControl(QStringLiteral("controls/no-such-control"), missing.callback());
        QVERIFY(missing.wait());
        QCOMPARE(missing.error.code, 5); // NOT_FOUND
    }

    // Run checks: an officer may; the plaintext test listener fails the TLS check, whose finding
    // is open with an owner and a due date; the run is in the history. A viewer may not.
    void runChecksOpensFindings()
    {
        auto officer = console(m_officerToken);
        ComplianceClient client(&officer->connection);
        bool ok = false;
        const RunChecksResult result =
            callOrFail<RunChecksResult>([&](auto cb) { client.runChecks({}, cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(result.runs.size() >= 8);
        const CheckRun *tls = nullptr;
        for (const CheckRun &r : result.runs)
            if (r.check == QStringLiteral("checks/tls"))
                tls = &r;
        QVERIFY(tls);
        QCOMPARE(tls->result, CheckResult::Fail);
        QVERIFY(!tls->detail.isEmpty());
        QCOMPARE(tls->triggeredBy, QStringLiteral("users/olga"));

        const auto findings = callOrFail<QList<Finding>>(
            [&](auto cb) { client.listFindings(QStringLiteral("state = FINDING_OPEN"), cb); }, &ok);
        QVERIFY(ok);
        const Finding *tlsFinding = nullptr;
        for (const Finding &f : findings) {
            QCOMPARE(f.state, FindingState::Open);
            if (f.check == QStringLiteral("checks/tls"))
                tlsFinding = &f;
        }
        QVERIFY(tlsFinding);
        QVERIFY(tlsFinding->dueTime.isValid());
        QVERIFY(tlsFinding->severity != FindingSeverity::Unspecified);
        QVERIFY(!tlsFinding->owner.isEmpty());

        const auto runs = callOrFail<QList<CheckRun>>(
            [&](auto cb) { client.listCheckRuns(QStringLiteral("checks/tls"), cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(!runs.isEmpty());
        QCOMPARE(runs.first().name, tls->name); // newest first

        auto viewer = console(m_viewerToken);
        ComplianceClient viewerClient(&viewer->connection);
        Answer<RunChecksResult> refused;
        viewerClient.runChecks({}, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, 7);
    }

    // The privacy queue carries the legal deadlines: GDPR 30 days, CCPA 45 days from receipt.
    void privacyDeadlinesAndRetention()
    {
        auto c = console(m_viewerToken);
        ComplianceClient client(&c->connection);
        bool ok = false;
        const auto requests = callOrFail<QList<PrivacyRequest>>(
            [&](auto cb) { client.listPrivacyRequests({}, cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(requests.size() >= 3);
        QSet<PrivacyRegime> regimes;
        for (const PrivacyRequest &r : requests) {
            regimes.insert(r.regime);
            const qint64 days = r.receiveTime.daysTo(r.deadline);
            QCOMPARE(days, r.regime == PrivacyRegime::Gdpr ? 30 : 45);
        }
        QVERIFY(regimes.contains(PrivacyRegime::Gdpr) && regimes.contains(PrivacyRegime::Ccpa));
        const auto policies = callOrFail<QList<RetentionPolicy>>(
            [&](auto cb) { client.listRetentionPolicies(cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(!policies.isEmpty());
        for (const RetentionPolicy &p : policies)
            QVERIFY2(p.retentionDays > 0, qPrintable(p.name));
    }

    // OSCAL assessment results for a framework: a JSON document with the OSCAL root.
    void exportAssessmentResults()
    {
        auto c = console(m_viewerToken);
        ComplianceClient client(&c->connection);
        bool ok = false;
        const AssessmentResults results = callOrFail<AssessmentResults>(
            [&](auto cb) {
                client.exportAssessmentResults(QStringLiteral("frameworks/nist-800-53"), {}, {},
                                               cb);
            },
            &ok);
        QVERIFY(ok);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(results.document, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root =
            doc.object().value(QStringLiteral("assessment-results")).toObject();
        QVERIFY(!root.isEmpty());
        QVERIFY(!root.value(QStringLiteral("uuid")).toString().isEmpty());
        QVERIFY(!root.value(QStringLiteral("results")).toArray().isEmpty());
        QVERIFY(results.fileName.endsWith(QStringLiteral(".json")));

        Answer<AssessmentResults> bad;
        client.exportAssessmentResults(QStringLiteral("frameworks/nope"), {}, {}, bad.callback());
        QVERIFY(bad.wait());
        QVERIFY(bad.error.isError());
        QVERIFY2(bad.error.text.contains(QStringLiteral("frameworks/nope")),
                 qPrintable(bad.error.text));
    }
};

QTEST_GUILESS_MAIN(TstComplianceClient)
#include "tst_complianceclient.moc"
