// ComplianceService against the real platformd: frameworks and scores, the demo's NIST SP 800-53
// rev5 import (counts computed independently with python3), profiles resolved on import, malformed
// OSCAL refused with its JSON path and nothing stored, assessment results accepted by
// tests/data/oscal/check_assessment_results.py, the privacy deadlines' findings, append-only
// evidence (no update RPC; the trigger refuses UPDATE and DELETE on a copy of the database),
// permissions. The checks that flip with the platform's state: tst_compliancechecks.cpp.
#include "tst_compliance_common.h"

class TestCompliance : public QObject
{
    Q_OBJECT

private slots:
    void frameworksAndControls();
    void demoImportsNistCatalogAndBaselines();
    void profileResolvedOnImport();
    void malformedOscalRefused();
    void exportValidates();
    void evidenceAppendOnly();
    void privacyDeadlines();
    void permissionsPerRole();
};

void TestCompliance::frameworksAndControls()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    pb::ListFrameworksResponse fw;
    QVERIFY_OK(s.stub->ListFrameworks(s.ctx(s.admin).get(), {}, &fw));
    QStringList names;
    for (const auto &f : fw.frameworks()) {
        names << QString::fromStdString(f.name());
        QVERIFY2(f.score() >= 0 && f.score() <= 1, f.name().c_str());
        QVERIFY2(f.requirement_count() > 0, f.name().c_str());
        QVERIFY(f.passing_count() <= f.requirement_count());
        QCOMPARE(f.score(), double(f.passing_count()) / f.requirement_count());
        QVERIFY(!f.source().empty());
    }
    QCOMPARE(names, (QStringList{"frameworks/gdpr", "frameworks/ccpa", "frameworks/hipaa",
                                 "frameworks/sox", "frameworks/pci-dss", "frameworks/iso-27001",
                                 "frameworks/soc-2", "frameworks/fedramp", "frameworks/nist-800-53",
                                 "frameworks/cobit"}));

    // Controls: the curated set, each mapped across frameworks; filters by framework and owner.
    pb::ListControlsRequest lr;
    lr.set_page_size(500);
    pb::ListControlsResponse all;
    QVERIFY_OK(s.stub->ListControls(s.ctx(s.admin).get(), lr, &all));
    QCOMPARE(all.total_size(), 30);
    lr.set_framework("frameworks/gdpr");
    pb::ListControlsResponse gdpr;
    QVERIFY_OK(s.stub->ListControls(s.ctx(s.admin).get(), lr, &gdpr));
    QVERIFY(gdpr.total_size() > 0 && gdpr.total_size() < 30);
    std::set<std::string> gdprRequirements;
    for (const auto &c : gdpr.controls())
        for (const auto &r : c.requirements())
            if (r.framework() == "frameworks/gdpr")
                gdprRequirements.insert(r.requirement());
    QVERIFY(gdprRequirements.count("Art. 32") && gdprRequirements.count("Art. 33"));

    pb::GetControlRequest gr;
    gr.set_name("controls/pc-tls-transport");
    pb::ControlDetail tls;
    QVERIFY_OK(s.stub->GetControl(s.ctx(s.admin).get(), gr, &tls));
    QCOMPARE(tls.control().check(), std::string("checks/tls"));
    std::set<std::string> fws(tls.control().frameworks().begin(), tls.control().frameworks().end());
    QVERIFY(fws.count("frameworks/hipaa") && fws.count("frameworks/pci-dss"));

    // UpdateControl: owner and status, then the owner filter finds it.
    pb::UpdateControlRequest ur;
    ur.mutable_control()->set_name("controls/pc-mfa");
    ur.mutable_control()->set_owner("team-identity");
    ur.mutable_control()->set_status(pb::CONTROL_IMPLEMENTED);
    ur.add_update_paths("owner");
    ur.add_update_paths("status");
    pb::Control updated;
    QVERIFY_OK(s.stub->UpdateControl(s.ctx(s.admin).get(), ur, &updated));
    QCOMPARE(updated.owner(), std::string("team-identity"));
    QCOMPARE(updated.status(), pb::CONTROL_IMPLEMENTED);
    pb::ListControlsRequest byOwner;
    byOwner.set_filter("owner = \"team-identity\"");
    pb::ListControlsResponse owned;
    QVERIFY_OK(s.stub->ListControls(s.ctx(s.admin).get(), byOwner, &owned));
    QCOMPARE(owned.controls_size(), 1);
    QCOMPARE(owned.controls(0).name(), std::string("controls/pc-mfa"));
    ur.clear_update_paths();
    ur.add_update_paths("title");
    QCOMPARE_CODE(s.stub->UpdateControl(s.ctx(s.admin).get(), ur, &updated),
                  grpc::StatusCode::INVALID_ARGUMENT, "update_paths");
    ur.mutable_control()->set_name("controls/nope");
    ur.clear_update_paths();
    ur.add_update_paths("owner");
    QCOMPARE_CODE(s.stub->UpdateControl(s.ctx(s.admin).get(), ur, &updated),
                  grpc::StatusCode::NOT_FOUND, "controls/nope");
    byOwner.set_filter("ownr = \"x\"");
    QCOMPARE_CODE(s.stub->ListControls(s.ctx(s.admin).get(), byOwner, &owned),
                  grpc::StatusCode::INVALID_ARGUMENT, "ownr");

    // A check run adds a trend point and shows up in the control's history.
    pb::ListFrameworksResponse before;
    QVERIFY_OK(s.stub->ListFrameworks(s.ctx(s.admin).get(), {}, &before));
    pb::RunChecksResponse ran;
    QVERIFY_OK(s.stub->RunChecks(s.ctx(s.admin).get(), {}, &ran));
    QCOMPARE(ran.runs_size(), 9);
    pb::ListFrameworksResponse after;
    QVERIFY_OK(s.stub->ListFrameworks(s.ctx(s.admin).get(), {}, &after));
    QCOMPARE(after.frameworks(0).trend_size(), before.frameworks(0).trend_size() + 1);
    QVERIFY_OK(s.stub->GetControl(s.ctx(s.admin).get(), gr, &tls));
    QVERIFY(tls.check_history_size() >= 1);
    QCOMPARE(tls.check_history(0).triggered_by(), std::string("users/admin"));
}

void TestCompliance::demoImportsNistCatalogAndBaselines()
{
    Server s;
    QVERIFY2(s.start({"--demo", "--seed", "3"}), qPrintable(s.platformd.errorString()));
    // The demo imports after the server listens; wait for its three documents.
    QTRY_COMPARE_WITH_TIMEOUT(s.catalogCount(), 3, 120000);
    pb::ListCatalogsResponse out;
    QVERIFY_OK(s.stub->ListCatalogs(s.ctx(s.admin).get(), {}, &out));
    QStringList got;
    for (const auto &c : out.catalogs())
        got << QString("%1 %2 %3 %4")
                   .arg(QString::fromStdString(c.source()))
                   .arg(c.group_count())
                   .arg(c.control_count())
                   .arg(c.enhancement_count());
    const QString catalog = kOscal + "/NIST_SP-800-53_rev5_catalog.json";
    QCOMPARE(pythonCounts(catalog), QString("20 322 867"));
    const QString low =
        pythonCounts(catalog, kOscal + "/NIST_SP-800-53_rev5_LOW-baseline_profile.json");
    const QString moderate =
        pythonCounts(catalog, kOscal + "/NIST_SP-800-53_rev5_MODERATE-baseline_profile.json");
    QVERIFY2(got.contains("NIST_SP-800-53_rev5_catalog.json 20 322 867"),
             qPrintable(got.join("; ")));
    QVERIFY2(got.filter("LOW-baseline_profile.json").size() == 1 &&
                 got.filter("LOW-baseline_profile.json")[0].endsWith(low),
             qPrintable(got.join("; ") + " python: " + low));
    QVERIFY2(got.filter("MODERATE-baseline_profile.json").size() == 1 &&
                 got.filter("MODERATE-baseline_profile.json")[0].endsWith(moderate),
             qPrintable(got.join("; ") + " python: " + moderate));
    // The demo also gives a trend and privacy requests with their deadlines.
    pb::ListFrameworksResponse fw;
    QVERIFY_OK(s.stub->ListFrameworks(s.ctx(s.admin).get(), {}, &fw));
    QVERIFY(fw.frameworks(0).trend_size() >= 12);
    pb::ListPrivacyRequestsResponse pr;
    QVERIFY_OK(s.stub->ListPrivacyRequests(s.ctx(s.admin).get(), {}, &pr));
    QCOMPARE(pr.requests_size(), 3);
}

void TestCompliance::profileResolvedOnImport()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    const QString moderate = kOscal + "/NIST_SP-800-53_rev5_MODERATE-baseline_profile.json";
    pb::OscalCatalog out;
    // No catalog stored yet: the profile's import does not resolve, nothing is stored.
    QCOMPARE_CODE(s.import(moderate, &out), grpc::StatusCode::INVALID_ARGUMENT,
                  "no stored catalog or profile matches");
    QCOMPARE(s.catalogCount(), 0);
    const QString catalog = kOscal + "/NIST_SP-800-53_rev5_catalog.json";
    QVERIFY_OK(s.import(catalog, &out));
    QCOMPARE(out.kind(), pb::OSCAL_CATALOG);
    QCOMPARE(out.control_count(), 322);
    QVERIFY_OK(s.import(moderate, &out));
    QCOMPARE(out.kind(), pb::OSCAL_PROFILE);
    QCOMPARE(QString("%1 %2").arg(out.control_count()).arg(out.enhancement_count()),
             pythonCounts(catalog, moderate));
    QCOMPARE(out.resolved_from(), std::string("NIST_SP-800-53_rev5_catalog.json"));
    QCOMPARE(s.catalogCount(), 2);
}

void TestCompliance::malformedOscalRefused()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    QJsonDocument doc =
        QJsonDocument::fromJson(readAll(kOscal + "/NIST_SP-800-53_rev5_catalog.json"));
    QVERIFY(doc.isObject());
    QJsonObject root = doc.object();
    QJsonObject cat = root["catalog"].toObject();
    QJsonArray groups = cat["groups"].toArray();
    QJsonObject g1 = groups[1].toObject();
    QJsonArray controls = g1["controls"].toArray();
    QJsonObject c2 = controls[2].toObject();
    c2.remove("id");
    controls[2] = c2;
    g1["controls"] = controls;
    groups[1] = g1;
    cat["groups"] = groups;
    root["catalog"] = cat;
    pb::ImportOscalRequest r;
    r.set_document(QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString());
    r.set_file_name("broken.json");
    pb::OscalCatalog out;
    QCOMPARE_CODE(s.stub->ImportOscal(s.ctx(s.admin).get(), r, &out),
                  grpc::StatusCode::INVALID_ARGUMENT, "/catalog/groups/1/controls/2/id");
    r.set_document("{\"catalog\": {\"uuid\": 12");
    QCOMPARE_CODE(s.stub->ImportOscal(s.ctx(s.admin).get(), r, &out),
                  grpc::StatusCode::INVALID_ARGUMENT, "document: ");
    r.set_document("{\"assessment-plan\": {}}");
    QCOMPARE_CODE(s.stub->ImportOscal(s.ctx(s.admin).get(), r, &out),
                  grpc::StatusCode::INVALID_ARGUMENT, "\"catalog\" or \"profile\"");
    QCOMPARE(s.catalogCount(), 0);
}

void TestCompliance::exportValidates()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    pb::RunChecksResponse ran;
    QVERIFY_OK(s.stub->RunChecks(s.ctx(s.admin).get(), {}, &ran));
    pb::AddEvidenceRequest e;
    e.mutable_evidence()->set_control("controls/pc-audit-integrity");
    e.mutable_evidence()->set_kind(pb::EVIDENCE_AUDIT_ENTRY);
    e.mutable_evidence()->set_link("auditEntries/1");
    e.mutable_evidence()->set_description("the bootstrap entry");
    pb::Evidence added;
    QVERIFY_OK(s.stub->AddEvidence(s.ctx(s.admin).get(), e, &added));
    QTemporaryDir dir;
    for (const char *framework : {"frameworks/nist-800-53", "frameworks/gdpr"}) {
        pb::ExportAssessmentResultsRequest r;
        r.set_framework(framework);
        pb::ExportAssessmentResultsResponse out;
        QVERIFY_OK(s.stub->ExportAssessmentResults(s.ctx(s.admin).get(), r, &out));
        const QString path = dir.filePath(QString::fromStdString(out.file_name()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(out.document()));
        f.close();
        QProcess p;
        p.start("python3", {kChecker, path});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray verdict = p.readAllStandardOutput().trimmed();
        QVERIFY2(p.exitCode() == 0, verdict.constData());
        QCOMPARE(verdict, QByteArray("valid"));
        const QJsonObject ar = QJsonDocument::fromJson(QByteArray::fromStdString(out.document()))
                                   .object()["assessment-results"]
                                   .toObject();
        const QJsonObject result = ar["results"].toArray()[0].toObject();
        QVERIFY(!result["findings"].toArray().isEmpty());
        if (QByteArray(framework) == "frameworks/nist-800-53") {
            // Reviewed controls are SP 800-53 ids; the evidence added above is an observation's.
            const QByteArray text = QByteArray::fromStdString(out.document());
            QVERIFY(text.contains("\"control-id\": \"au-9\""));
            QVERIFY(text.contains("platformd://auditEntries/1"));
        }
    }
    pb::ExportAssessmentResultsRequest bad;
    bad.set_framework("frameworks/nope");
    pb::ExportAssessmentResultsResponse out;
    QCOMPARE_CODE(s.stub->ExportAssessmentResults(s.ctx(s.admin).get(), bad, &out),
                  grpc::StatusCode::NOT_FOUND, "frameworks/nope");
}

void TestCompliance::evidenceAppendOnly()
{
    // No RPC changes or removes evidence.
    const auto *service = pb::ComplianceService::service_full_name();
    const auto *descriptor =
        google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(service);
    QVERIFY(descriptor);
    for (int i = 0; i < descriptor->method_count(); ++i) {
        const std::string &name = descriptor->method(i)->name();
        QVERIFY2(name.find("Evidence") == std::string::npos || name == "AddEvidence" ||
                     name == "ListEvidence",
                 name.c_str());
    }

    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    pb::AddEvidenceRequest e;
    e.mutable_evidence()->set_control("controls/pc-backup");
    e.mutable_evidence()->set_kind(pb::EVIDENCE_FILE);
    e.mutable_evidence()->set_file_name("restore-test.pdf");
    e.mutable_evidence()->set_sha256(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    e.mutable_evidence()->set_size_bytes(0);
    e.mutable_evidence()->set_recorded_by("users/someone-else"); // ignored: the server records
    pb::Evidence added;
    QVERIFY_OK(s.stub->AddEvidence(s.ctx(s.admin).get(), e, &added));
    QCOMPARE(added.recorded_by(), std::string("users/admin"));
    QVERIFY(added.record_time().seconds() > 0);
    QVERIFY(added.name().rfind("evidence/", 0) == 0);
    // Bad input is refused naming the field.
    pb::AddEvidenceRequest bad = e;
    bad.mutable_evidence()->set_sha256("not-a-hash");
    QCOMPARE_CODE(s.stub->AddEvidence(s.ctx(s.admin).get(), bad, &added),
                  grpc::StatusCode::INVALID_ARGUMENT, "evidence.sha256");
    bad = e;
    bad.mutable_evidence()->set_kind(pb::EVIDENCE_INCIDENT);
    bad.mutable_evidence()->clear_file_name();
    bad.mutable_evidence()->clear_sha256();
    bad.mutable_evidence()->set_link("regions/eu-west");
    QCOMPARE_CODE(s.stub->AddEvidence(s.ctx(s.admin).get(), bad, &added),
                  grpc::StatusCode::INVALID_ARGUMENT, "evidence.link");
    bad.mutable_evidence()->set_link("incidents/4");
    bad.mutable_evidence()->set_control("controls/nope");
    QCOMPARE_CODE(s.stub->AddEvidence(s.ctx(s.admin).get(), bad, &added),
                  grpc::StatusCode::NOT_FOUND, "controls/nope");
    pb::ListEvidenceRequest lr;
    lr.set_parent("controls/pc-backup");
    pb::ListEvidenceResponse listed;
    QVERIFY_OK(s.stub->ListEvidence(s.ctx(s.admin).get(), lr, &listed));
    QCOMPARE(listed.evidence_size(), 1);
    QCOMPARE(listed.evidence(0).sha256(), e.evidence().sha256());

    // The table refuses UPDATE and DELETE, even from outside platformd (on a copy of the store).
    QCOMPARE(s.platformd.terminate(), 0);
    QTemporaryDir dir;
    const QString copy = dir.filePath("platform.db");
    QVERIFY(QFile::copy(s.platformd.dataDir() + "/platform.db", copy));
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(copy.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr),
             SQLITE_OK);
    for (const char *sql :
         {"UPDATE compliance_evidence SET sha256 = 'x'", "DELETE FROM compliance_evidence"}) {
        char *message = nullptr;
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &message);
        const QString text = message ? QString::fromUtf8(message) : QString();
        sqlite3_free(message);
        QVERIFY2(rc != SQLITE_OK, sql);
        QVERIFY2(text.contains("append-only"), qPrintable(text));
    }
    sqlite3_stmt *st = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT COUNT(*), MIN(sha256) FROM compliance_evidence", -1,
                                &st, nullptr),
             SQLITE_OK);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(st, 0), 1);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(st, 1))),
             QByteArray::fromStdString(e.evidence().sha256()));
    sqlite3_finalize(st);
    sqlite3_close(db);
}

void TestCompliance::privacyDeadlines()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    const auto received = TimeUtil::GetCurrentTime() - TimeUtil::HoursToDuration(24 * 10);
    for (const auto &[regime, days] :
         {std::pair{pb::PRIVACY_GDPR, 30}, std::pair{pb::PRIVACY_CCPA, 45}}) {
        pb::CreatePrivacyRequestRequest r;
        r.set_kind(pb::PRIVACY_ACCESS);
        r.set_regime(regime);
        r.set_subject("subject-" + std::to_string(days));
        *r.mutable_receive_time() = received;
        pb::PrivacyRequest p;
        QVERIFY_OK(s.stub->CreatePrivacyRequest(s.ctx(s.admin).get(), r, &p));
        QCOMPARE(p.deadline().seconds() - p.receive_time().seconds(), std::int64_t(days) * 86400);
        QCOMPARE(p.state(), pb::PRIVACY_OPEN);
        QVERIFY(!p.overdue());
    }
    QCOMPARE(s.run("privacy-deadlines").result(), pb::CHECK_PASS);
    // A GDPR deletion received 31 days ago is overdue: the check fails with a finding naming it.
    pb::CreatePrivacyRequestRequest late;
    late.set_kind(pb::PRIVACY_DELETION);
    late.set_regime(pb::PRIVACY_GDPR);
    late.set_subject("subject-late");
    *late.mutable_receive_time() = TimeUtil::GetCurrentTime() - TimeUtil::HoursToDuration(24 * 31);
    pb::PrivacyRequest overdue;
    QVERIFY_OK(s.stub->CreatePrivacyRequest(s.ctx(s.admin).get(), late, &overdue));
    QVERIFY(overdue.overdue());
    pb::RunChecksResponse r;
    QCOMPARE(s.run("privacy-deadlines", &r).result(), pb::CHECK_FAIL);
    QCOMPARE(r.opened_findings_size(), 1);
    auto open = s.findings("privacy_request = \"" + overdue.name() + "\"");
    QCOMPARE(int(open.size()), 1);
    QCOMPARE(open[0].state(), pb::FINDING_OPEN);
    // The same CCPA request would still be in time (45 days).
    late.set_regime(pb::PRIVACY_CCPA);
    pb::PrivacyRequest ccpa;
    QVERIFY_OK(s.stub->CreatePrivacyRequest(s.ctx(s.admin).get(), late, &ccpa));
    QVERIFY(!ccpa.overdue());
    // Completing it closes the finding on the next run.
    pb::CompletePrivacyRequestRequest done;
    done.set_name(overdue.name());
    pb::PrivacyRequest completed;
    QVERIFY_OK(s.stub->CompletePrivacyRequest(s.ctx(s.admin).get(), done, &completed));
    QCOMPARE(completed.state(), pb::PRIVACY_COMPLETED);
    QCOMPARE(completed.completed_by(), std::string("users/admin"));
    QCOMPARE_CODE(s.stub->CompletePrivacyRequest(s.ctx(s.admin).get(), done, &completed),
                  grpc::StatusCode::FAILED_PRECONDITION, "already completed");
    pb::RunChecksResponse r2;
    QCOMPARE(s.run("privacy-deadlines", &r2).result(), pb::CHECK_PASS);
    QCOMPARE(r2.closed_findings_size(), 1);
    QCOMPARE(r2.closed_findings(0), open[0].name());
    // Validation.
    pb::CreatePrivacyRequestRequest future = late;
    *future.mutable_receive_time() = TimeUtil::GetCurrentTime() + TimeUtil::HoursToDuration(48);
    QCOMPARE_CODE(s.stub->CreatePrivacyRequest(s.ctx(s.admin).get(), future, &completed),
                  grpc::StatusCode::INVALID_ARGUMENT, "receive_time");
    future.clear_receive_time();
    future.set_regime(pb::PRIVACY_REGIME_UNSPECIFIED);
    QCOMPARE_CODE(s.stub->CreatePrivacyRequest(s.ctx(s.admin).get(), future, &completed),
                  grpc::StatusCode::INVALID_ARGUMENT, "regime");
}

void TestCompliance::permissionsPerRole()
{
    Server s;
    QVERIFY2(s.start(), qPrintable(s.platformd.errorString()));
    const std::string viewer = s.user("v", "viewer");
    const std::string officer = s.user("co", "compliance_officer");
    const std::string op = s.user("op", "operator");
    QVERIFY(!viewer.empty() && !officer.empty() && !op.empty());
    pb::ListFrameworksResponse fw;
    for (const std::string &t : {viewer, officer, op})
        QVERIFY_OK(s.stub->ListFrameworks(s.ctx(t).get(), {}, &fw));

    pb::UpdateControlRequest ur;
    ur.mutable_control()->set_name("controls/pc-mfa");
    ur.mutable_control()->set_owner("team-x");
    ur.add_update_paths("owner");
    pb::Control c;
    pb::AddEvidenceRequest ev;
    ev.mutable_evidence()->set_control("controls/pc-mfa");
    ev.mutable_evidence()->set_kind(pb::EVIDENCE_INCIDENT);
    ev.mutable_evidence()->set_link("incidents/1");
    pb::Evidence e;
    pb::CreatePrivacyRequestRequest pr;
    pr.set_kind(pb::PRIVACY_ACCESS);
    pr.set_regime(pb::PRIVACY_CCPA);
    pr.set_subject("s-1");
    pb::PrivacyRequest p;
    pb::RunChecksRequest rc;
    rc.add_checks("tls");
    pb::RunChecksResponse rr;
    pb::UpdateRetentionPolicyRequest rp;
    rp.mutable_policy()->set_name("retentionPolicies/audit");
    rp.mutable_policy()->set_retention_days(2600);
    pb::RetentionPolicy policy;

    for (const std::string &t : {viewer, op}) {
        QCOMPARE_CODE(s.stub->UpdateControl(s.ctx(t).get(), ur, &c),
                      grpc::StatusCode::PERMISSION_DENIED, "");
        QCOMPARE_CODE(s.stub->AddEvidence(s.ctx(t).get(), ev, &e),
                      grpc::StatusCode::PERMISSION_DENIED, "");
        QCOMPARE_CODE(s.stub->CreatePrivacyRequest(s.ctx(t).get(), pr, &p),
                      grpc::StatusCode::PERMISSION_DENIED, "");
        QCOMPARE_CODE(s.stub->UpdateRetentionPolicy(s.ctx(t).get(), rp, &policy),
                      grpc::StatusCode::PERMISSION_DENIED, "");
    }
    QCOMPARE_CODE(s.stub->RunChecks(s.ctx(viewer).get(), rc, &rr),
                  grpc::StatusCode::PERMISSION_DENIED, "");
    QVERIFY_OK(s.stub->RunChecks(s.ctx(op).get(), rc, &rr));
    QCOMPARE(rr.runs(0).triggered_by(), std::string("users/op"));

    QVERIFY_OK(s.stub->UpdateControl(s.ctx(officer).get(), ur, &c));
    QCOMPARE(c.owner(), std::string("team-x"));
    QVERIFY_OK(s.stub->AddEvidence(s.ctx(officer).get(), ev, &e));
    QCOMPARE(e.recorded_by(), std::string("users/co"));
    QVERIFY_OK(s.stub->CreatePrivacyRequest(s.ctx(officer).get(), pr, &p));
    QVERIFY_OK(s.stub->UpdateRetentionPolicy(s.ctx(officer).get(), rp, &policy));
    QCOMPARE(policy.retention_days(), 2600);
    QCOMPARE(policy.updated_by(), std::string("users/co"));
    QVERIFY_OK(s.stub->RunChecks(s.ctx(officer).get(), rc, &rr));
}

QTEST_GUILESS_MAIN(TestCompliance)
#include "tst_compliance.moc"
