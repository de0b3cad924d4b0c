#include "complianceclientfixture.h"
#include "oscalcounts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sqlite3.h>

using namespace ops;
using namespace compliancetest;

// The officer's and the operator's writes through ComplianceClient against the real platformd:
// privacy requests, OSCAL import, control updates, failover drills, retention; each with the
// server's refusals (bad input, a missing permission) surfaced with platformd's message.
class TstComplianceClientActions : public ComplianceClientTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startServer(); }

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

    // Listings follow the server's pages (500 at most each): 1,234 privacy requests, put into a
    // stopped platformd's store directly, all come back, each once, and a filter spans pages.
    void listingsFollowEveryPage()
    {
        PlatformdProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        QCOMPARE(server.terminate(), 0);
        sqlite3 *db = nullptr;
        QCOMPARE(
            sqlite3_open(
                QDir(server.dataDir()).filePath(QStringLiteral("platform.db")).toUtf8().constData(),
                &db),
            SQLITE_OK);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QByteArray sql =
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE "
                           "i < 1234) INSERT INTO compliance_privacy_requests (kind, regime, "
                           "subject, receive_ms, deadline_ms, state, complete_ms, created_by, "
                           "completed_by, note) SELECT 1, 1, 'bulk-' || (i %% 2) || '-' || i, "
                           "%1, %2, 1, 0, 'users/admin', '', '' FROM n")
                .arg(now)
                .arg(now + 30LL * 86400000)
                .replace(QStringLiteral("%%"), QStringLiteral("%"))
                .toUtf8();
        QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
        QVERIFY2(server.start({}, server.dataDir()), qPrintable(server.errorString()));

        ConsoleFixture c;
        c.connectTo(server.address(), server.adminToken());
        ComplianceClient client(&c.connection);
        bool ok = false;
        const QList<PrivacyRequest> all = callOrFail<QList<PrivacyRequest>>(
            [&](auto cb) { client.listPrivacyRequests({}, cb); }, &ok);
        QVERIFY(ok);
        QCOMPARE(all.size(), 1234);
        QSet<QString> names;
        for (const PrivacyRequest &r : all)
            names.insert(r.name);
        QCOMPARE(names.size(), 1234);
        // Only the 617 even ones (1,234 / 2), also more than one page.
        const QList<PrivacyRequest> even = callOrFail<QList<PrivacyRequest>>(
            [&](auto cb) { client.listPrivacyRequests(QStringLiteral("subject:\"bulk-0-\""), cb); },
            &ok);
        QVERIFY(ok);
        QCOMPARE(even.size(), 617);
    }
};

QTEST_GUILESS_MAIN(TstComplianceClientActions)
#include "tst_complianceclientactions.moc"
