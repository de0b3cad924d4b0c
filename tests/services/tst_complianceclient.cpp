#include "services/complianceclient.h"
#include "services/connection.h"

#include "consolefixture.h"
#include "oscalcounts.h"
#include "platformdprocess.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <optional>

using namespace ops;

namespace {

// The answer of one call, waited for (bounded) on the event loop.
template<typename T>
struct Answer
{
    std::optional<T> result;
    ComplianceError error;
    bool done = false;

    auto callback()
    {
        return [this](const T &value, const ComplianceError &e) {
            result = value;
            error = e;
            done = true;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return done; }, 30000);
    }
};

QString addUser(const QString &dir, const QString &user, const QString &role)
{
    if (PlatformdProcess::runCli({QStringLiteral("user"), QStringLiteral("add"), user,
                                  QStringLiteral("--role"), role, QStringLiteral("--data-dir"),
                                  dir})
            .isEmpty())
        return {};
    return QString::fromUtf8(
               PlatformdProcess::runCli({QStringLiteral("token"), QStringLiteral("create"), user,
                                         QStringLiteral("--data-dir"), dir}))
        .trimmed();
}

const QString kGdpr = QStringLiteral("frameworks/gdpr");
const int kPermissionDenied = 7; // grpc::StatusCode
const int kInvalidArgument = 3;
const int kFailedPrecondition = 9;

QByteArray readTestData(const QString &name)
{
    QFile f(QStringLiteral(OPS_TEST_DATA "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TstComplianceClient : public QObject
{
    Q_OBJECT

private:
    PlatformdProcess m_platformd;
    QString m_viewerToken;
    QString m_officerToken;
    QString m_operatorToken;

    std::unique_ptr<ConsoleFixture> console(const QString &token)
    {
        auto fixture = std::make_unique<ConsoleFixture>();
        fixture->connectTo(m_platformd.address(), token);
        return fixture;
    }

    template<typename T, typename Call>
    T callOrFail(Call call, bool *ok)
    {
        Answer<T> a;
        call(a.callback());
        *ok = a.wait() && !a.error.isError() && a.result;
        if (!*ok)
            qWarning() << "call failed:" << a.error.text;
        return a.result.value_or(T());
    }

private slots:
    void initTestCase()
    {
        const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                  QStringLiteral("7"), QStringLiteral("--demo-rate"),
                                  QStringLiteral("5")};
        QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
        // Users are added while platformd is stopped (the CLI refuses a data dir in use).
        QCOMPARE(m_platformd.terminate(), 0);
        m_viewerToken =
            addUser(m_platformd.dataDir(), QStringLiteral("vera"), QStringLiteral("viewer"));
        m_officerToken = addUser(m_platformd.dataDir(), QStringLiteral("olga"),
                                 QStringLiteral("compliance_officer"));
        m_operatorToken =
            addUser(m_platformd.dataDir(), QStringLiteral("otto"), QStringLiteral("operator"));
        QVERIFY(!m_operatorToken.isEmpty());
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
        QVERIFY(!m_viewerToken.isEmpty());
        QVERIFY(!m_officerToken.isEmpty());
    }

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

    // The officer records a CCPA deletion request received three days ago (its deadline 45 days
    // on) and completes it; completing it again, a future receipt and a viewer's attempt are
    // refused with platformd's reasons.
    void privacyRequestCreateAndComplete()
    {
        auto c = console(m_officerToken);
        ComplianceClient client(&c->connection);
        NewPrivacyRequest request;
        request.kind = PrivacyRequestKind::Deletion;
        request.regime = PrivacyRegime::Ccpa;
        request.subject = QStringLiteral("ticket-4711");
        request.receiveTime = QDateTime::currentDateTimeUtc().addDays(-3);
        request.note = QStringLiteral("by mail");
        bool ok = false;
        const PrivacyRequest created = callOrFail<PrivacyRequest>(
            [&](auto cb) { client.createPrivacyRequest(request, cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(created.name.startsWith(QStringLiteral("privacyRequests/")));
        QCOMPARE(created.kind, PrivacyRequestKind::Deletion);
        QCOMPARE(created.regime, PrivacyRegime::Ccpa);
        QCOMPARE(created.subject, request.subject);
        QCOMPARE(created.state, PrivacyRequestState::Open);
        QCOMPARE(created.createdBy, QStringLiteral("users/olga"));
        QCOMPARE(created.receiveTime.toSecsSinceEpoch(), request.receiveTime.toSecsSinceEpoch());
        QCOMPARE(created.receiveTime.daysTo(created.deadline), 45);

        const PrivacyRequest done = callOrFail<PrivacyRequest>(
            [&](auto cb) {
                client.completePrivacyRequest(created.name, QStringLiteral("records erased"), cb);
            },
            &ok);
        QVERIFY(ok);
        QCOMPARE(done.name, created.name);
        QCOMPARE(done.state, PrivacyRequestState::Completed);
        QCOMPARE(done.completedBy, QStringLiteral("users/olga"));
        QCOMPARE(done.note, QStringLiteral("records erased"));
        QVERIFY(done.completeTime.isValid());

        Answer<PrivacyRequest> again;
        client.completePrivacyRequest(created.name, {}, again.callback());
        QVERIFY(again.wait());
        QCOMPARE(again.error.code, kFailedPrecondition);
        QVERIFY2(again.error.message.contains(QStringLiteral("already completed")),
                 qPrintable(again.error.message));
        QVERIFY2(again.error.text.startsWith(QStringLiteral("Could not complete ") + created.name),
                 qPrintable(again.error.text));
        QVERIFY(again.error.text.contains(again.error.message));

        Answer<PrivacyRequest> future;
        request.receiveTime = QDateTime::currentDateTimeUtc().addDays(2);
        client.createPrivacyRequest(request, future.callback());
        QVERIFY(future.wait());
        QCOMPARE(future.error.code, kInvalidArgument);
        QVERIFY2(future.error.text.contains(QStringLiteral("receive_time")),
                 qPrintable(future.error.text));

        auto v = console(m_viewerToken);
        ComplianceClient viewer(&v->connection);
        Answer<PrivacyRequest> refused;
        request.receiveTime = {};
        viewer.createPrivacyRequest(request, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, kPermissionDenied);
        QVERIFY2(refused.error.text.contains(QStringLiteral("privacy.write")),
                 qPrintable(refused.error.text));
    }

    // An OSCAL catalog imports with the counts the test computes from its JSON and is listed; a
    // malformed one is refused naming the JSON path, and nothing is stored; a viewer may not.
    void importOscalCatalog()
    {
        const QByteArray mini = readTestData(QStringLiteral("oscal/mini_catalog.json"));
        QVERIFY(!mini.isEmpty());
        const test::OscalCounts expected = test::oscalCatalogCounts(mini);
        QVERIFY(expected.groups > 0 && expected.controls > 0 && expected.enhancements > 0);
        auto c = console(m_officerToken);
        ComplianceClient client(&c->connection);
        bool ok = false;
        const OscalCatalog imported = callOrFail<OscalCatalog>(
            [&](auto cb) { client.importOscal(mini, QStringLiteral("mini_catalog.json"), cb); },
            &ok);
        QVERIFY(ok);
        QCOMPARE(imported.kind, OscalDocumentKind::Catalog);
        QCOMPARE(imported.title, QStringLiteral("Opsconsole Example Catalog"));
        QCOMPARE(imported.source, QStringLiteral("mini_catalog.json"));
        QCOMPARE(imported.groupCount, expected.groups);
        QCOMPARE(imported.controlCount, expected.controls);
        QCOMPARE(imported.enhancementCount, expected.enhancements);
        QCOMPARE(imported.importedBy, QStringLiteral("users/olga"));
        const auto after =
            callOrFail<QList<OscalCatalog>>([&](auto cb) { client.listCatalogs(cb); }, &ok);
        QVERIFY(ok);
        bool listed = false;
        for (const OscalCatalog &cat : after)
            listed =
                listed || (cat.name == imported.name && cat.controlCount == expected.controls &&
                           cat.enhancementCount == expected.enhancements);
        QVERIFY(listed);

        // The second control of the first group without its id.
        QJsonObject root = QJsonDocument::fromJson(mini).object();
        QJsonObject catalog = root[QStringLiteral("catalog")].toObject();
        QJsonArray groups = catalog[QStringLiteral("groups")].toArray();
        QJsonObject group = groups[0].toObject();
        QJsonArray subgroups = group[QStringLiteral("groups")].toArray();
        QJsonObject sub = subgroups[0].toObject();
        QJsonArray controls = sub[QStringLiteral("controls")].toArray();
        QVERIFY(controls.size() >= 1);
        QJsonObject control = controls[0].toObject();
        control.remove(QStringLiteral("id"));
        controls[0] = control;
        sub[QStringLiteral("controls")] = controls;
        subgroups[0] = sub;
        group[QStringLiteral("groups")] = subgroups;
        groups[0] = group;
        catalog[QStringLiteral("groups")] = groups;
        catalog[QStringLiteral("uuid")] = QStringLiteral("5d0f6a7e-1b2c-4d3e-8f90-a1b2c3d4e5f6");
        root[QStringLiteral("catalog")] = catalog;
        Answer<OscalCatalog> bad;
        client.importOscal(QJsonDocument(root).toJson(), QStringLiteral("broken.json"),
                           bad.callback());
        QVERIFY(bad.wait());
        QCOMPARE(bad.error.code, kInvalidArgument);
        QVERIFY2(
            bad.error.message.contains(QStringLiteral("/catalog/groups/0/groups/0/controls/0/id")),
            qPrintable(bad.error.message));
        QVERIFY2(bad.error.text.startsWith(QStringLiteral("Could not import broken.json")),
                 qPrintable(bad.error.text));
        const auto last =
            callOrFail<QList<OscalCatalog>>([&](auto cb) { client.listCatalogs(cb); }, &ok);
        QVERIFY(ok);
        for (const OscalCatalog &cat : last)
            QVERIFY2(cat.source != QStringLiteral("broken.json"), qPrintable(cat.name));

        auto v = console(m_viewerToken);
        ComplianceClient viewer(&v->connection);
        Answer<OscalCatalog> refused;
        viewer.importOscal(mini, QStringLiteral("mini_catalog.json"), refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, kPermissionDenied);
        QVERIFY2(refused.error.text.contains(QStringLiteral("compliance.write")),
                 qPrintable(refused.error.text));
    }

    // The officer changes a control's owner, status and due date (only the named fields);
    // "failing" is refused (it comes from the check); a viewer may not.
    void updateControl()
    {
        auto c = console(m_officerToken);
        ComplianceClient client(&c->connection);
        bool ok = false;
        const auto controls =
            callOrFail<QList<Control>>([&](auto cb) { client.listControls({}, {}, cb); }, &ok);
        QVERIFY(ok);
        Control target;
        for (const Control &ctl : controls)
            if (ctl.check.isEmpty() && target.name.isEmpty())
                target = ctl; // not tested by a check: its status is the officer's to set
        QVERIFY(!target.name.isEmpty());
        ControlUpdate update;
        update.name = target.name;
        update.owner = QStringLiteral("team-privacy");
        update.status = ControlStatus::InProgress;
        update.dueTime = QDateTime(QDate(2027, 3, 31), QTime(0, 0), Qt::UTC);
        update.fields = {QStringLiteral("owner"), QStringLiteral("due_time")};
        const Control updated =
            callOrFail<Control>([&](auto cb) { client.updateControl(update, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(updated.owner, QStringLiteral("team-privacy"));
        QCOMPARE(updated.dueTime, update.dueTime);
        QCOMPARE(updated.status, target.status); // not named: unchanged
        update.fields = {QStringLiteral("status")};
        const Control moved =
            callOrFail<Control>([&](auto cb) { client.updateControl(update, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(moved.status, ControlStatus::InProgress);
        const ControlDetail detail =
            callOrFail<ControlDetail>([&](auto cb) { client.getControl(target.name, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(detail.control.owner, QStringLiteral("team-privacy"));
        QCOMPARE(detail.control.status, ControlStatus::InProgress);

        Answer<Control> failing;
        update.status = ControlStatus::Failing;
        client.updateControl(update, failing.callback());
        QVERIFY(failing.wait());
        QCOMPARE(failing.error.code, kInvalidArgument);
        QVERIFY2(failing.error.message.contains(QStringLiteral("control.status")),
                 qPrintable(failing.error.message));

        auto v = console(m_viewerToken);
        ComplianceClient viewer(&v->connection);
        Answer<Control> refused;
        viewer.updateControl(update, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, kPermissionDenied);
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

    // Failover drills: an operator records one (drills.write) and every reader lists it, newest
    // first; an unknown region and a caller without drills.write are refused in words.
    void failoverDrills()
    {
        auto op = console(m_operatorToken);
        ComplianceClient operatorClient(&op->connection);
        const QDateTime when = QDateTime::currentDateTimeUtc().addDays(-2);
        bool ok = false;
        const FailoverDrill drill = callOrFail<FailoverDrill>(
            [&](auto cb) {
                operatorClient.recordFailoverDrill(QStringLiteral("regions/us-east"), when,
                                                   QStringLiteral("us-east drained to us-west"),
                                                   cb);
            },
            &ok);
        QVERIFY(ok);
        QVERIFY(drill.name.startsWith(QStringLiteral("failoverDrills/")));
        QCOMPARE(drill.region, QStringLiteral("regions/us-east"));
        QCOMPARE(drill.drillTime.toSecsSinceEpoch(), when.toSecsSinceEpoch());
        QCOMPARE(drill.recordedBy, QStringLiteral("users/otto"));
        QVERIFY(drill.recordTime.isValid());
        // Older than the first: listed after it.
        const FailoverDrill older = callOrFail<FailoverDrill>(
            [&](auto cb) {
                operatorClient.recordFailoverDrill(QStringLiteral("regions/us-west"),
                                                   when.addDays(-30),
                                                   QStringLiteral("us-west drained"), cb);
            },
            &ok);
        QVERIFY(ok);

        auto v = console(m_viewerToken);
        ComplianceClient viewer(&v->connection);
        const auto drills =
            callOrFail<QList<FailoverDrill>>([&](auto cb) { viewer.listFailoverDrills(cb); }, &ok);
        QVERIFY(ok);
        QStringList names;
        for (const FailoverDrill &d : drills)
            names << d.name;
        QVERIFY(names.contains(drill.name) && names.contains(older.name));
        QVERIFY(names.indexOf(drill.name) < names.indexOf(older.name));
        for (int i = 1; i < drills.size(); ++i)
            QVERIFY(drills.at(i - 1).drillTime >= drills.at(i).drillTime);

        Answer<FailoverDrill> unknown;
        operatorClient.recordFailoverDrill(QStringLiteral("regions/nowhere"), {},
                                           QStringLiteral("x"), unknown.callback());
        QVERIFY(unknown.wait());
        QCOMPARE(unknown.error.code, 5); // NOT_FOUND
        QVERIFY2(unknown.error.text.contains(QStringLiteral("regions/nowhere not found")),
                 qPrintable(unknown.error.text));
        QVERIFY(
            unknown.error.text.startsWith(QStringLiteral("Could not record the failover drill")));

        auto o = console(m_officerToken);
        ComplianceClient officer(&o->connection);
        Answer<FailoverDrill> refused;
        officer.recordFailoverDrill(QStringLiteral("regions/us-east"), {}, QStringLiteral("x"),
                                    refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, kPermissionDenied);
        QVERIFY2(refused.error.text.contains(QStringLiteral("drills.write")),
                 qPrintable(refused.error.text));
    }

    // Retention: the officer shortens the retention of completed privacy requests to one day;
    // validating counts what would go (the demo's request completed a day ago) and deletes
    // nothing, applying deletes exactly that, and a second count finds nothing left; days out of
    // range and a viewer are refused. (Last: it deletes records.)
    void retentionUpdateAndApply()
    {
        auto c = console(m_officerToken);
        ComplianceClient client(&c->connection);
        bool ok = false;
        const auto policies = callOrFail<QList<RetentionPolicy>>(
            [&](auto cb) { client.listRetentionPolicies(cb); }, &ok);
        QVERIFY(ok);
        RetentionPolicy privacy;
        for (const RetentionPolicy &p : policies)
            if (p.category == QStringLiteral("privacy-requests"))
                privacy = p;
        QVERIFY(!privacy.name.isEmpty());
        RetentionPolicy shorter = privacy;
        shorter.retentionDays = 1;
        shorter.description = QStringLiteral("test: one day");
        const RetentionPolicy updated = callOrFail<RetentionPolicy>(
            [&](auto cb) { client.updateRetentionPolicy(shorter, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(updated.name, privacy.name);
        QCOMPARE(updated.retentionDays, 1);
        QCOMPARE(updated.description, QStringLiteral("test: one day"));

        auto category = [](const RetentionResult &r) {
            for (const RetentionCategoryResult &cat : r.categories)
                if (cat.category == QStringLiteral("privacy-requests"))
                    return cat;
            return RetentionCategoryResult{};
        };
        auto completedBefore = [&](const QDateTime &cutoff, bool *ok) {
            const auto requests = callOrFail<QList<PrivacyRequest>>(
                [&](auto cb) { client.listPrivacyRequests({}, cb); }, ok);
            QStringList names;
            for (const PrivacyRequest &r : requests)
                if (r.state == PrivacyRequestState::Completed &&
                    (!cutoff.isValid() || r.completeTime < cutoff))
                    names << r.name;
            return names;
        };
        const QStringList completed = completedBefore({}, &ok);
        QVERIFY(ok);
        const RetentionResult preview =
            callOrFail<RetentionResult>([&](auto cb) { client.applyRetention(true, cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(preview.validateOnly);
        const RetentionCategoryResult previewed = category(preview);
        QCOMPARE(previewed.retentionDays, 1);
        QVERIFY(previewed.cutoff.isValid());
        const QStringList expired = completedBefore(previewed.cutoff, &ok);
        QVERIFY(ok);
        QVERIFY2(!expired.isEmpty(), "the demo completed a request a day ago");
        QCOMPARE(previewed.deleted, qint64(expired.size()));
        QCOMPARE(completedBefore({}, &ok), completed); // validating deletes nothing

        const RetentionResult applied =
            callOrFail<RetentionResult>([&](auto cb) { client.applyRetention(false, cb); }, &ok);
        QVERIFY(ok);
        QVERIFY(!applied.validateOnly);
        QCOMPARE(category(applied).deleted, previewed.deleted);
        const QStringList left = completedBefore({}, &ok);
        QVERIFY(ok);
        for (const QString &name : expired)
            QVERIFY2(!left.contains(name), qPrintable(name));
        QCOMPARE(left.size(), completed.size() - expired.size());
        const RetentionResult after =
            callOrFail<RetentionResult>([&](auto cb) { client.applyRetention(true, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(category(after).deleted, qint64(0));

        Answer<RetentionPolicy> invalid;
        shorter.retentionDays = 0;
        client.updateRetentionPolicy(shorter, invalid.callback());
        QVERIFY(invalid.wait());
        QCOMPARE(invalid.error.code, kInvalidArgument);
        QVERIFY2(invalid.error.text.contains(QStringLiteral("1..3650")),
                 qPrintable(invalid.error.text));

        auto v = console(m_viewerToken);
        ComplianceClient viewer(&v->connection);
        Answer<RetentionResult> refused;
        viewer.applyRetention(true, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, kPermissionDenied);
        QVERIFY2(refused.error.text.contains(QStringLiteral("compliance.write")),
                 qPrintable(refused.error.text));
    }
};

QTEST_GUILESS_MAIN(TstComplianceClient)
#include "tst_complianceclient.moc"
