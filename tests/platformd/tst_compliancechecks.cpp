// The automated checks against the real platformd, each flipped by changing the platform's state
// (through its RPCs, or by editing a copy of its store where no RPC may do it: a tampered audit
// chain, an approval without a second person, records aged past their retention), with the
// finding each failure opens and the next passing run closes.
#include "tst_compliance_common.h"

#include "ops/platform/v1/incidents.grpc.pb.h"
#include "ops/platform/v1/models.grpc.pb.h"

class TestComplianceChecks : public QObject
{
    Q_OBJECT

private slots:
    void tlsCheck();
    void leastPrivilegeFindingOpensAndCloses();
    void tokensCheckFlips();
    void auditChainCheckOnTamperedCopy();
    void fourEyesOnEditedCopy();
    void postmortemsFlip();
    void failoverDrillsFlip();
    void retentionAppliedFlips();
};

void TestComplianceChecks::tlsCheck()
{
    Server plain;
    QVERIFY2(plain.start(), qPrintable(plain.platformd.errorString()));
    const pb::CheckRun failed = plain.run("tls");
    QCOMPARE(failed.result(), pb::CHECK_FAIL);
    QVERIFY2(failed.detail().find("plaintext") != std::string::npos, failed.detail().c_str());
    const auto open = plain.findings("check = \"checks/tls\" AND state = FINDING_OPEN");
    QCOMPARE(int(open.size()), 1);
    QCOMPARE(open[0].severity(), pb::FINDING_CRITICAL);
    QCOMPARE(open[0].owner(), std::string("team-platform"));
    QVERIFY(open[0].due_time().seconds() > open[0].open_time().seconds());

    Server tls;
    QVERIFY2(tls.start({}, true), qPrintable(tls.platformd.errorString()));
    const pb::CheckRun passed = tls.run("tls");
    QCOMPARE(passed.result(), pb::CHECK_PASS);
    QVERIFY(tls.findings("check = \"checks/tls\" AND state = FINDING_OPEN").empty());
}

void TestComplianceChecks::leastPrivilegeFindingOpensAndCloses()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    QCOMPARE(s.run("least-privilege").result(), pb::CHECK_PASS); // the bootstrap admin only
    QVERIFY(!s.user("second-admin", "admin").empty());
    QCOMPARE(s.run("least-privilege").result(), pb::CHECK_PASS); // two admins are allowed
    QVERIFY(!s.user("third-admin", "admin").empty());
    pb::RunChecksResponse failed;
    QCOMPARE(s.run("least-privilege", &failed).result(), pb::CHECK_FAIL);
    QCOMPARE(failed.opened_findings_size(), 1);
    const std::string finding = failed.opened_findings(0);
    auto open = s.findings("state = FINDING_OPEN AND check = \"checks/least-privilege\"");
    QCOMPARE(int(open.size()), 1);
    QCOMPARE(open[0].name(), finding);
    QCOMPARE(open[0].severity(), pb::FINDING_HIGH);
    // Failing again keeps the one finding.
    pb::RunChecksResponse again;
    QCOMPARE(s.run("least-privilege", &again).result(), pb::CHECK_FAIL);
    QCOMPARE(again.opened_findings_size(), 0);
    // Fix: the third admin becomes a viewer; the next run closes the finding.
    pb::UpdateUserRolesRequest ur;
    ur.set_name("users/third-admin");
    ur.add_roles("viewer");
    pb::User u;
    QVERIFY_OK(s.identity->UpdateUserRoles(s.ctx(s.admin).get(), ur, &u));
    pb::RunChecksResponse fixed;
    QCOMPARE(s.run("least-privilege", &fixed).result(), pb::CHECK_PASS);
    QCOMPARE(fixed.closed_findings_size(), 1);
    QCOMPARE(fixed.closed_findings(0), finding);
    const auto closed = s.findings("state = FINDING_CLOSED");
    QCOMPARE(int(closed.size()), 1);
    QVERIFY(closed[0].close_time().seconds() > 0);
    // The control tested by the check shows its history.
    pb::GetControlRequest gr;
    gr.set_name("controls/pc-least-privilege");
    pb::ControlDetail d;
    QVERIFY_OK(s.stub->GetControl(s.ctx(s.admin).get(), gr, &d));
    QVERIFY(d.check_history_size() >= 5);
    QCOMPARE(d.check_history(0).result(), pb::CHECK_PASS);
    QCOMPARE(d.check_history(1).result(), pb::CHECK_FAIL);
}

void TestComplianceChecks::tokensCheckFlips()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    QCOMPARE(s.run("tokens").result(), pb::CHECK_PASS); // the admin's token is in use
    const std::string token = s.user("idle", "viewer");
    QVERIFY(!token.empty());
    const pb::CheckRun unused = s.run("tokens");
    QCOMPARE(unused.result(), pb::CHECK_FAIL);
    QVERIFY2(unused.detail().find("never used") != std::string::npos, unused.detail().c_str());
    // Once used, it passes again and the finding closes.
    pb::WhoAmIResponse who;
    QVERIFY_OK(s.identity->WhoAmI(s.ctx(token).get(), {}, &who));
    pb::RunChecksResponse r;
    QCOMPARE(s.run("tokens", &r).result(), pb::CHECK_PASS);
    QCOMPARE(r.closed_findings_size(), 1);
    // A token expiring within 14 days fails it.
    pb::CreateTokenRequest ct;
    ct.set_user("users/idle");
    ct.set_ttl_seconds(5 * 86400);
    pb::CreateTokenResponse t;
    QVERIFY_OK(s.identity->CreateToken(s.ctx(s.admin).get(), ct, &t));
    QVERIFY_OK(s.identity->WhoAmI(s.ctx(t.secret()).get(), {}, &who));
    const pb::CheckRun expiring = s.run("tokens");
    QCOMPARE(expiring.result(), pb::CHECK_FAIL);
    QVERIFY2(expiring.detail().find("expiring within 14 days") != std::string::npos,
             expiring.detail().c_str());
}

void TestComplianceChecks::auditChainCheckOnTamperedCopy()
{
    QTemporaryDir copy;
    {
        Server s;
        QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
        QVERIFY(!s.user("someone", "viewer").empty()); // audited writes
        const pb::CheckRun intact = s.run("audit-chain");
        QCOMPARE(intact.result(), pb::CHECK_PASS);
        QVERIFY2(intact.detail().find("entries verified") != std::string::npos,
                 intact.detail().c_str());
        QCOMPARE(s.platformd.terminate(), 0);
        QVERIFY(copyDataDir(s.platformd.dataDir(), copy.path()));
    }
    // Edit an audit entry in the copy (the append-only triggers dropped first).
    int changed = 0;
    QCOMPARE(editStore(copy.path(),
                       "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'users/mallory' "
                       "WHERE seq = 2",
                       &changed),
             QString());
    QCOMPARE(changed, 1);
    Server tampered;
    QVERIFY2(tampered.startOn(copy.path()), qPrintable(tampered.platformd.errorString()));
    pb::RunChecksResponse out;
    QCOMPARE(tampered.run("checks/audit-chain", &out).result(), pb::CHECK_FAIL);
    QVERIFY2(out.runs(0).detail().find("broken at entry 2") != std::string::npos,
             out.runs(0).detail().c_str());
    QCOMPARE(out.opened_findings_size(), 1);
    QCOMPARE(tampered.findings("state = FINDING_OPEN")[0].severity(), pb::FINDING_CRITICAL);
}

void TestComplianceChecks::fourEyesOnEditedCopy()
{
    QTemporaryDir copy;
    std::string model;
    {
        Server s;
        QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
        auto registry = pb::ModelRegistryService::NewStub(s.channel);
        const std::string op = s.user("olga", "operator");
        const std::string manager = s.user("mia", "manager");
        QVERIFY(!op.empty() && !manager.empty());
        // No production model: nothing to approve, the check passes.
        QCOMPARE(s.run("four-eyes").result(), pb::CHECK_PASS);
        pb::CreateModelRequest cm;
        cm.set_model_id("fraud-scorer");
        cm.mutable_model()->set_task(pb::CLASSIFICATION);
        cm.mutable_model()->set_owner_team("risk");
        pb::Model m;
        QVERIFY_OK(registry->CreateModel(s.ctx(op).get(), cm, &m));
        model = m.name();
        for (int i = 0; i < 2; ++i) {
            pb::CreateModelVersionRequest cv;
            cv.set_parent(model);
            cv.mutable_model_version()->set_source_uri("s3://models/fraud-scorer");
            cv.mutable_model_version()->set_framework("xgboost 2.0");
            pb::ModelVersion v;
            QVERIFY_OK(registry->CreateModelVersion(s.ctx(op).get(), cv, &v));
        }
        // Version 1 goes to production the right way: requested by one, approved by another.
        pb::CreateApprovalRequestRequest ar;
        ar.set_parent(model);
        ar.mutable_approval_request()->set_action(pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
        ar.mutable_approval_request()->set_version(1);
        ar.mutable_approval_request()->set_comment("backtest clean");
        pb::ApprovalRequest a;
        QVERIFY_OK(registry->CreateApprovalRequest(s.ctx(op).get(), ar, &a));
        pb::ReviewRequest rr;
        rr.set_name(a.name());
        QVERIFY_OK(registry->ApproveRequest(s.ctx(manager).get(), rr, &a));
        const pb::CheckRun passed = s.run("four-eyes");
        QCOMPARE(passed.result(), pb::CHECK_PASS);
        QVERIFY2(passed.detail().find("1 production versions") != std::string::npos,
                 passed.detail().c_str());
        QCOMPARE(s.platformd.terminate(), 0);
        QVERIFY(copyDataDir(s.platformd.dataDir(), copy.path()));
    }
    // In the copy, the approval's reviewer becomes its requester: approved without a second
    // person (no RPC allows it; someone with the database file could).
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(copy.filePath("platform.db").toUtf8().constData(), &db,
                                 SQLITE_OPEN_READWRITE, nullptr),
                 SQLITE_OK);
        sqlite3_stmt *read = nullptr;
        QCOMPARE(
            sqlite3_prepare_v2(db, "SELECT name, data FROM approval_requests", -1, &read, nullptr),
            SQLITE_OK);
        QCOMPARE(sqlite3_step(read), SQLITE_ROW);
        const std::string name = reinterpret_cast<const char *>(sqlite3_column_text(read, 0));
        pb::ApprovalRequest a;
        QVERIFY(a.ParseFromArray(sqlite3_column_blob(read, 1), sqlite3_column_bytes(read, 1)));
        QCOMPARE(sqlite3_step(read), SQLITE_DONE);
        sqlite3_finalize(read);
        QCOMPARE(a.state(), pb::ApprovalRequest::APPROVED);
        QCOMPARE(a.reviewer(), std::string("users/mia"));
        a.set_reviewer(a.requester());
        const std::string bytes = a.SerializeAsString();
        sqlite3_stmt *write = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "UPDATE approval_requests SET data = ?1 WHERE name = ?2",
                                    -1, &write, nullptr),
                 SQLITE_OK);
        sqlite3_bind_blob(write, 1, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(write, 2, name.c_str(), -1, SQLITE_TRANSIENT);
        QCOMPARE(sqlite3_step(write), SQLITE_DONE);
        QCOMPARE(sqlite3_changes(db), 1);
        sqlite3_finalize(write);
        sqlite3_close(db);
    }
    Server s;
    QVERIFY2(s.startOn(copy.path()), qPrintable(s.platformd.errorString()));
    pb::RunChecksResponse failed;
    QCOMPARE(s.run("four-eyes", &failed).result(), pb::CHECK_FAIL);
    QVERIFY2(failed.runs(0).detail().find(model + "/versions/1") != std::string::npos,
             failed.runs(0).detail().c_str());
    QCOMPARE(failed.opened_findings_size(), 1);
    auto open = s.findings("state = FINDING_OPEN AND check = \"checks/four-eyes\"");
    QCOMPARE(int(open.size()), 1);
    QCOMPARE(open[0].severity(), pb::FINDING_HIGH);
    QVERIFY2(open[0].title().find(model + "/versions/1") != std::string::npos,
             open[0].title().c_str());
    // Fixed the proper way: version 2 promoted with a second person's approval.
    auto registry = pb::ModelRegistryService::NewStub(s.channel);
    const std::string op = s.platformd.adminToken().toStdString();
    pb::CreateApprovalRequestRequest ar;
    ar.set_parent(model);
    ar.mutable_approval_request()->set_action(pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
    ar.mutable_approval_request()->set_version(2);
    ar.mutable_approval_request()->set_comment("replaces the unreviewed version");
    pb::ApprovalRequest a;
    QVERIFY_OK(registry->CreateApprovalRequest(s.ctx(op).get(), ar, &a));
    const std::string reviewer = s.user("max", "manager");
    QVERIFY(!reviewer.empty());
    pb::ReviewRequest rr;
    rr.set_name(a.name());
    QVERIFY_OK(registry->ApproveRequest(s.ctx(reviewer).get(), rr, &a));
    pb::RunChecksResponse fixed;
    QCOMPARE(s.run("four-eyes", &fixed).result(), pb::CHECK_PASS);
    QCOMPARE(fixed.closed_findings_size(), 1);
    QCOMPARE(fixed.closed_findings(0), open[0].name());
    QVERIFY(s.findings("state = FINDING_OPEN AND check = \"checks/four-eyes\"").empty());
}

void TestComplianceChecks::postmortemsFlip()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    auto incidents = pb::IncidentService::NewStub(s.channel);
    const std::string op = s.user("olga", "operator");
    QVERIFY(!op.empty());
    QCOMPARE(s.run("postmortems").result(), pb::CHECK_PASS);
    auto create = [&](const char *title, pb::IncidentSeverity severity) {
        pb::CreateIncidentRequest r;
        r.mutable_incident()->set_title(title);
        r.mutable_incident()->set_severity(severity);
        pb::Incident i;
        const grpc::Status st = incidents->CreateIncident(s.ctx(op).get(), r, &i);
        if (!st.ok())
            qWarning("CreateIncident: %s", st.error_message().c_str());
        return i.name();
    };
    auto resolve = [&](const std::string &name) {
        pb::TransitionIncidentRequest r;
        r.set_name(name);
        pb::Incident i;
        return incidents->ResolveIncident(s.ctx(op).get(), r, &i);
    };
    const std::string sev1 = create("Checkout down in eu-west", pb::SEV1);
    const std::string sev3 = create("Slow dashboard", pb::SEV3);
    const std::string open = create("Model drift alarm", pb::SEV2);
    QVERIFY(!sev1.empty() && !sev3.empty() && !open.empty());
    // Unresolved major incidents do not need a postmortem yet.
    QCOMPARE(s.run("postmortems").result(), pb::CHECK_PASS);
    QVERIFY_OK(resolve(sev1));
    QVERIFY_OK(resolve(sev3)); // a SEV3 never needs one
    pb::RunChecksResponse failed;
    QCOMPARE(s.run("postmortems", &failed).result(), pb::CHECK_FAIL);
    QVERIFY2(failed.runs(0).detail().find("1 without a postmortem") != std::string::npos,
             failed.runs(0).detail().c_str());
    QCOMPARE(failed.opened_findings_size(), 1);
    const auto findings = s.findings("state = FINDING_OPEN AND check = \"checks/postmortems\"");
    QCOMPARE(int(findings.size()), 1);
    QVERIFY2(findings[0].title().find(sev1) != std::string::npos, findings[0].title().c_str());
    QCOMPARE(findings[0].severity(), pb::FINDING_MEDIUM);
    // An empty summary is not a postmortem.
    pb::UpdatePostmortemRequest pm;
    pm.set_name(sev1);
    pm.mutable_postmortem()->set_impact("Checkout failed for 14 minutes");
    pb::Incident i;
    QVERIFY_OK(incidents->UpdatePostmortem(s.ctx(op).get(), pm, &i));
    QCOMPARE(s.run("postmortems").result(), pb::CHECK_FAIL);
    pm.mutable_postmortem()->set_summary("A bad config push; rolled back.");
    QVERIFY_OK(incidents->UpdatePostmortem(s.ctx(op).get(), pm, &i));
    pb::RunChecksResponse fixed;
    QCOMPARE(s.run("postmortems", &fixed).result(), pb::CHECK_PASS);
    QCOMPARE(fixed.closed_findings_size(), 1);
    QCOMPARE(fixed.closed_findings(0), findings[0].name());
}

void TestComplianceChecks::failoverDrillsFlip()
{
    // The demo's regions and drills (the newest 40 days ago), aged in a copy past a quarter.
    QTemporaryDir copy;
    {
        Server s;
        QVERIFY2(s.start({"--demo", "--seed", "11"}), qPrintable(s.platformd.errorString()));
        const pb::CheckRun passed = s.run("failover-drills");
        QCOMPARE(passed.result(), pb::CHECK_PASS);
        QVERIFY2(passed.detail().find("regions/us-east") != std::string::npos,
                 passed.detail().c_str());
        QCOMPARE(s.platformd.terminate(), 0);
        QVERIFY(copyDataDir(s.platformd.dataDir(), copy.path()));
    }
    int changed = 0;
    QCOMPARE(editStore(copy.path(),
                       "UPDATE compliance_drills SET drill_ms = drill_ms - 60 * 86400000",
                       &changed),
             QString());
    QCOMPARE(changed, 2);
    Server s;
    QVERIFY2(s.startOn(copy.path(), {"--demo", "--seed", "11"}),
             qPrintable(s.platformd.errorString()));
    pb::RunChecksResponse failed;
    QCOMPARE(s.run("failover-drills", &failed).result(), pb::CHECK_FAIL);
    QVERIFY2(failed.runs(0).detail().find("more than a quarter ago") != std::string::npos,
             failed.runs(0).detail().c_str());
    QCOMPARE(failed.opened_findings_size(), 1);

    const std::string viewer = s.user("vera", "viewer");
    const std::string op = s.user("olga", "operator");
    const std::string officer = s.user("cora", "compliance_officer");
    QVERIFY(!viewer.empty() && !op.empty() && !officer.empty());
    pb::RecordFailoverDrillRequest r;
    r.set_region("regions/eu-west");
    r.set_note("Drained eu-west to eu-central; 0 errors, 41 s to shift traffic");
    *r.mutable_drill_time() = TimeUtil::MillisecondsToTimestamp(
        TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime()) - 2 * 86400000LL);
    pb::FailoverDrill d;
    // Operators run drills; viewers and compliance officers only read them.
    for (const std::string &t : {viewer, officer})
        QCOMPARE_CODE(s.stub->RecordFailoverDrill(s.ctx(t).get(), r, &d),
                      grpc::StatusCode::PERMISSION_DENIED, "");
    // Bad input names what is wrong.
    pb::RecordFailoverDrillRequest bad = r;
    bad.set_region("eu-west");
    QCOMPARE_CODE(s.stub->RecordFailoverDrill(s.ctx(op).get(), bad, &d),
                  grpc::StatusCode::INVALID_ARGUMENT, "region: expected regions/{region}");
    bad.set_region("regions/atlantis");
    QCOMPARE_CODE(s.stub->RecordFailoverDrill(s.ctx(op).get(), bad, &d),
                  grpc::StatusCode::NOT_FOUND, "regions/atlantis");
    bad = r;
    bad.clear_note();
    QCOMPARE_CODE(s.stub->RecordFailoverDrill(s.ctx(op).get(), bad, &d),
                  grpc::StatusCode::INVALID_ARGUMENT, "note: required");
    bad = r;
    bad.mutable_drill_time()->set_seconds(r.drill_time().seconds() + 30 * 86400);
    QCOMPARE_CODE(s.stub->RecordFailoverDrill(s.ctx(op).get(), bad, &d),
                  grpc::StatusCode::INVALID_ARGUMENT, "drill_time: must not be in the future");
    pb::ListFailoverDrillsResponse list;
    QVERIFY_OK(s.stub->ListFailoverDrills(s.ctx(viewer).get(), {}, &list));
    QCOMPARE(list.drills_size(), 2); // nothing refused was stored

    QVERIFY_OK(s.stub->RecordFailoverDrill(s.ctx(op).get(), r, &d));
    QCOMPARE(d.region(), r.region());
    QCOMPARE(d.recorded_by(), std::string("users/olga"));
    QCOMPARE(d.drill_time().seconds(), r.drill_time().seconds());
    QVERIFY(d.record_time().seconds() >= d.drill_time().seconds());
    QVERIFY_OK(s.stub->ListFailoverDrills(s.ctx(viewer).get(), {}, &list));
    QCOMPARE(list.drills_size(), 3);
    QCOMPARE(list.drills(0).name(), d.name()); // newest first
    QCOMPARE(list.drills(1).recorded_by(), std::string("system:demo"));
    pb::RunChecksResponse fixed;
    QCOMPARE(s.run("failover-drills", &fixed).result(), pb::CHECK_PASS);
    QVERIFY2(fixed.runs(0).detail().find("regions/eu-west") != std::string::npos,
             fixed.runs(0).detail().c_str());
    QCOMPARE(fixed.closed_findings_size(), 1);
    QCOMPARE(fixed.closed_findings(0), failed.opened_findings(0));
}

void TestComplianceChecks::retentionAppliedFlips()
{
    QTemporaryDir copy;
    {
        Server s;
        QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(s.run("least-privilege").result(), pb::CHECK_PASS);
        pb::CreatePrivacyRequestRequest cr;
        cr.set_kind(pb::PRIVACY_DELETION);
        cr.set_regime(pb::PRIVACY_GDPR);
        pb::PrivacyRequest p;
        for (const char *subject : {"subject-old", "subject-new"}) {
            cr.set_subject(subject);
            QVERIFY_OK(s.stub->CreatePrivacyRequest(s.ctx(s.admin).get(), cr, &p));
            pb::CompletePrivacyRequestRequest done;
            done.set_name(p.name());
            done.set_note("erased");
            QVERIFY_OK(s.stub->CompletePrivacyRequest(s.ctx(s.admin).get(), done, &p));
        }
        QCOMPARE(s.run("retention").result(), pb::CHECK_PASS);
        QCOMPARE(s.platformd.terminate(), 0);
        QVERIFY(copyDataDir(s.platformd.dataDir(), copy.path()));
    }
    // Age two check runs past their 400 days and one completed request past its 1095.
    int changed = 0;
    QCOMPARE(editStore(copy.path(),
                       "UPDATE compliance_check_runs SET run_ms = run_ms - 500 * 86400000 WHERE "
                       "id IN (SELECT id FROM compliance_check_runs ORDER BY id LIMIT 2)",
                       &changed),
             QString());
    QCOMPARE(changed, 2);
    QCOMPARE(editStore(copy.path(),
                       "UPDATE compliance_privacy_requests SET receive_ms = receive_ms - 1200 * "
                       "86400000, deadline_ms = deadline_ms - 1200 * 86400000, complete_ms = "
                       "complete_ms - 1200 * 86400000 WHERE subject = 'subject-old'",
                       &changed),
             QString());
    QCOMPARE(changed, 1);
    Server s;
    QVERIFY2(s.startOn(copy.path()), qPrintable(s.platformd.errorString()));
    pb::RunChecksResponse failed;
    QCOMPARE(s.run("retention", &failed).result(), pb::CHECK_FAIL);
    QVERIFY2(failed.runs(0).detail().find("check-runs") != std::string::npos &&
                 failed.runs(0).detail().find("privacy-requests") != std::string::npos,
             failed.runs(0).detail().c_str());
    QCOMPARE(failed.opened_findings_size(), 2); // one per category kept too long

    auto runCount = [&] {
        pb::ListCheckRunsRequest r;
        r.set_parent("checks/-");
        r.set_page_size(1000);
        pb::ListCheckRunsResponse out;
        return s.stub->ListCheckRuns(s.ctx(s.admin).get(), r, &out).ok() ? out.runs_size() : -1;
    };
    auto requestCount = [&] {
        pb::ListPrivacyRequestsRequest r;
        pb::ListPrivacyRequestsResponse out;
        return s.stub->ListPrivacyRequests(s.ctx(s.admin).get(), r, &out).ok() ? out.requests_size()
                                                                               : -1;
    };
    const int runsBefore = runCount();
    QCOMPARE(requestCount(), 2);
    // Only compliance.write applies retention.
    const std::string op = s.user("olga", "operator");
    QVERIFY(!op.empty());
    pb::ApplyRetentionRequest ar;
    pb::ApplyRetentionResponse applied;
    QCOMPARE_CODE(s.stub->ApplyRetention(s.ctx(op).get(), ar, &applied),
                  grpc::StatusCode::PERMISSION_DENIED, "");
    // validate_only counts and deletes nothing.
    ar.set_validate_only(true);
    QVERIFY_OK(s.stub->ApplyRetention(s.ctx(s.admin).get(), ar, &applied));
    QVERIFY(applied.validate_only());
    std::map<std::string, std::int64_t> counted;
    for (const auto &c : applied.categories())
        counted[c.category()] = c.deleted();
    QCOMPARE(counted["check-runs"], std::int64_t(2));
    QCOMPARE(counted["privacy-requests"], std::int64_t(1));
    QCOMPARE(runCount(), runsBefore);
    QCOMPARE(requestCount(), 2);
    ar.set_validate_only(false);
    QVERIFY_OK(s.stub->ApplyRetention(s.ctx(s.admin).get(), ar, &applied));
    QVERIFY(!applied.validate_only());
    QCOMPARE(applied.categories_size(), 2);
    for (const auto &c : applied.categories())
        QCOMPARE(c.deleted(), counted[c.category()]);
    QCOMPARE(runCount(), runsBefore - 2);
    QCOMPARE(requestCount(), 1);
    pb::RunChecksResponse fixed;
    QCOMPARE(s.run("retention", &fixed).result(), pb::CHECK_PASS);
    QCOMPARE(fixed.closed_findings_size(), 2);
    // Applying again deletes nothing more.
    QVERIFY_OK(s.stub->ApplyRetention(s.ctx(s.admin).get(), ar, &applied));
    for (const auto &c : applied.categories())
        QCOMPARE(c.deleted(), std::int64_t(0));
}

QTEST_GUILESS_MAIN(TestComplianceChecks)
#include "tst_compliancechecks.moc"
