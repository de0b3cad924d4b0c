// ModelRegistryService against the real platformd: aliases, stages, four-eyes approvals, traffic
// splits, rollback, permissions per role, filters over map fields, keyset pagination under
// concurrent inserts, WatchModels and the audit rows of writes.
#include "core/caller.h"
#include "core/filter.h"
#include "platformdprocess.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/models.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QElapsedTimer>
#include <QtTest>

#include <atomic>
#include <set>
#include <thread>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;
using platformd::core::Filter;
using platformd::core::FilterError;

namespace {

// "INVALID_ARGUMENT" etc., as the audit log writes it.
std::string codeName(grpc::StatusCode code)
{
    return platformd::core::codeName(code);
}

#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const grpc::Status s_ = (expr);                                                            \
        QVERIFY2(s_.ok(), s_.error_message().c_str());                                             \
    } while (false)

#define QCOMPARE_CODE(expr, code)                                                                  \
    do {                                                                                           \
        const grpc::Status s_ = (expr);                                                            \
        QVERIFY2(s_.error_code() == (code),                                                        \
                 (std::string(codeName(s_.error_code())) + ": " + s_.error_message()).c_str());    \
    } while (false)

pb::ModelVersion sampleVersion(double accuracy)
{
    pb::ModelVersion v;
    v.set_source_uri("s3://models/tst/model");
    v.set_framework("pytorch 2.3");
    (*v.mutable_metrics())["accuracy"] = accuracy;
    (*v.mutable_parameters())["lr"] = "0.01";
    return v;
}

} // namespace

class TestRegistry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void filterMapFields_data();
    void filterMapFields();
    void filterErrors_data();
    void filterErrors();
    void demoData();
    void aliases();
    void stages();
    void approvals();
    void protectedAlias();
    void traffic();
    void permissionsPerRole();
    void listFilters();
    void listOrders_data();
    void listOrders();
    void accessorFilters();
    void paginationUnderInserts();
    void watch();
    void auditRows();

private:
    std::unique_ptr<grpc::ClientContext> ctx(const std::string &token) const
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 20s);
        c->AddMetadata("authorization", "Bearer " + token);
        return c;
    }
    std::string user(const std::string &id, const std::string &role)
    {
        pb::CreateUserRequest cu;
        cu.set_user_id(id);
        cu.add_roles(role);
        pb::User u;
        if (!m_identity->CreateUser(ctx(m_admin).get(), cu, &u).ok())
            return {};
        pb::CreateTokenRequest ct;
        ct.set_user("users/" + id);
        pb::CreateTokenResponse t;
        return m_identity->CreateToken(ctx(m_admin).get(), ct, &t).ok() ? t.secret()
                                                                        : std::string();
    }
    grpc::Status newVersion(const std::string &token, const std::string &model, double accuracy,
                            pb::ModelVersion *out)
    {
        pb::CreateModelVersionRequest r;
        r.set_parent(model);
        *r.mutable_model_version() = sampleVersion(accuracy);
        return m_stub->CreateModelVersion(ctx(token).get(), r, out);
    }
    grpc::Status request(const std::string &token, const std::string &model,
                         pb::ApprovalRequest::Action action, std::int64_t version,
                         pb::ApprovalRequest *out, const std::string &alias = {})
    {
        pb::CreateApprovalRequestRequest r;
        r.set_parent(model);
        r.mutable_approval_request()->set_action(action);
        r.mutable_approval_request()->set_version(version);
        r.mutable_approval_request()->set_alias(alias);
        r.mutable_approval_request()->set_comment("offline evaluation better; canary clean");
        r.mutable_approval_request()->add_evidence_links("https://grafana.example/d/x");
        return m_stub->CreateApprovalRequest(ctx(token).get(), r, out);
    }
    grpc::Status review(const std::string &token, const std::string &name, bool approve,
                        const std::string &comment, pb::ApprovalRequest *out)
    {
        pb::ReviewRequest r;
        r.set_name(name);
        r.set_comment(comment);
        return approve ? m_stub->ApproveRequest(ctx(token).get(), r, out)
                       : m_stub->RejectRequest(ctx(token).get(), r, out);
    }
    // A fresh model with n READY versions, created by the operator.
    std::string makeModel(const std::string &id, int n)
    {
        pb::CreateModelRequest r;
        r.set_model_id(id);
        r.mutable_model()->set_task(pb::CLASSIFICATION);
        r.mutable_model()->set_owner_team("tests");
        pb::Model m;
        if (!m_stub->CreateModel(ctx(m_operator).get(), r, &m).ok())
            return {};
        for (int i = 0; i < n; ++i) {
            pb::ModelVersion v;
            if (!newVersion(m_operator, m.name(), 0.9 + 0.01 * i, &v).ok())
                return {};
        }
        return m.name();
    }

    PlatformdProcess m_platformd;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<pb::ModelRegistryService::Stub> m_stub;
    std::unique_ptr<pb::IdentityService::Stub> m_identity;
    std::unique_ptr<pb::AuditService::Stub> m_audit;
    std::string m_admin, m_viewer, m_operator, m_manager, m_manager2;
};

void TestRegistry::initTestCase()
{
    QVERIFY2(m_platformd.start({"--demo", "--seed", "7", "--demo-scale", "3000"}),
             qPrintable(m_platformd.errorString()));
    m_admin = m_platformd.adminToken().toStdString();
    m_channel = grpc::CreateChannel(m_platformd.address().toStdString(),
                                    grpc::InsecureChannelCredentials());
    m_stub = pb::ModelRegistryService::NewStub(m_channel);
    m_identity = pb::IdentityService::NewStub(m_channel);
    m_audit = pb::AuditService::NewStub(m_channel);
    m_viewer = user("vera", "viewer");
    m_operator = user("otto", "operator");
    m_manager = user("mia", "manager");
    m_manager2 = user("max", "manager");
    QVERIFY(!m_viewer.empty() && !m_operator.empty() && !m_manager.empty() && !m_manager2.empty());
}

void TestRegistry::filterMapFields_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("expected");
    QTest::newRow("metric >") << "metrics.accuracy > 0.9" << true;
    QTest::newRow("metric > miss") << "metrics.accuracy > 0.95" << false;
    QTest::newRow("metric =") << "metrics.f1 = 0.88" << true;
    QTest::newRow("missing key is false") << "metrics.rmse < 100" << false;
    QTest::newRow("missing key != is false") << "metrics.rmse != 1" << false;
    QTest::newRow("NOT missing key") << "NOT metrics.rmse > 1" << true;
    QTest::newRow("parameter =") << R"(parameters.lr = "0.01")" << true;
    QTest::newRow("parameter = miss") << R"(parameters.lr = "0.1")" << false;
    QTest::newRow("has key") << "metrics:accuracy" << true;
    QTest::newRow("has key miss") << "metrics:rmse" << false;
    QTest::newRow("has any") << "metrics:*" << true;
    QTest::newRow("with AND") << "metrics.accuracy > 0.9 AND stage = STAGING" << true;
    QTest::newRow("with OR") << "metrics.rmse > 1 OR metrics.auc >= 0.95" << true;
    QTest::newRow("repeated membership") << R"(aliases:"champion")" << true;
}

void TestRegistry::filterMapFields()
{
    QFETCH(QString, filter);
    QFETCH(bool, expected);
    pb::ModelVersion v = sampleVersion(0.93);
    (*v.mutable_metrics())["f1"] = 0.88;
    (*v.mutable_metrics())["auc"] = 0.95;
    v.set_stage(pb::STAGING);
    v.add_aliases("champion");
    Filter f;
    FilterError error;
    QVERIFY2(Filter::compile(filter.toStdString(), pb::ModelVersion::descriptor(), &f, &error),
             error.format().c_str());
    QCOMPARE(f.matches(v), expected);
}

void TestRegistry::filterErrors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");
    QTest::newRow("map compared") << "metrics > 1" << 8 << "supports only \":\" or a key";
    QTest::newRow("unknown map") << "metricz.accuracy > 1" << 0 << "unknown field \"metricz\"";
    QTest::newRow("string metric") << "metrics.accuracy > high" << 19 << "expected a number";
    QTest::newRow("missing value") << "metrics.accuracy >" << 18 << "expected a value";
    QTest::newRow("empty key") << "metrics. > 1" << 8 << "unknown field";
}

void TestRegistry::filterErrors()
{
    QFETCH(QString, filter);
    QFETCH(int, position);
    QFETCH(QString, message);
    Filter f;
    FilterError error;
    QVERIFY(!Filter::compile(filter.toStdString(), pb::ModelVersion::descriptor(), &f, &error));
    QVERIFY2(error.message.find(message.toStdString()) != std::string::npos,
             error.format().c_str());
    QCOMPARE(error.position, position);
    // The server reports the same, as INVALID_ARGUMENT with the position.
    pb::ListModelVersionsRequest r;
    r.set_parent("models/-");
    r.set_filter(filter.toStdString());
    pb::ListModelVersionsResponse out;
    const grpc::Status s = m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out);
    QCOMPARE(codeName(s.error_code()), "INVALID_ARGUMENT");
    QCOMPARE(s.error_message(), error.format());
}

void TestRegistry::demoData()
{
    pb::ListModelsRequest r;
    r.set_page_size(1000);
    pb::ListModelsResponse models;
    QVERIFY_OK(m_stub->ListModels(ctx(m_viewer).get(), r, &models));
    QVERIFY(models.models_size() >= 40);
    std::set<int> tasks;
    int production = 0, versions = 0;
    for (const pb::Model &m : models.models()) {
        tasks.insert(m.task());
        production += m.production_version() > 0;
        versions += m.version_count();
        if (m.aliases().count("champion")) {
            pb::GetModelVersionRequest g;
            g.set_name(m.name() + "/versions/" + std::to_string(m.aliases().at("champion")));
            pb::ModelVersion v;
            QVERIFY_OK(m_stub->GetModelVersion(ctx(m_viewer).get(), g, &v));
            QVERIFY(std::find(v.aliases().begin(), v.aliases().end(), "champion") !=
                    v.aliases().end());
        }
    }
    QCOMPARE(int(tasks.size()), 10);
    QVERIFY(production >= 20);
    QVERIFY(versions >= 3000);
    pb::ListDeploymentsRequest dr;
    dr.set_parent("models/-");
    pb::ListDeploymentsResponse deployments;
    QVERIFY_OK(m_stub->ListDeployments(ctx(m_viewer).get(), dr, &deployments));
    QVERIFY(deployments.deployments_size() >= 20);
    for (const pb::Deployment &d : deployments.deployments()) {
        int sum = 0;
        for (const auto &v : d.variants())
            sum += v.traffic_percent();
        QCOMPARE(sum, 100);
    }
    pb::ListApprovalRequestsRequest ar;
    ar.set_parent("models/-");
    ar.set_filter("state = PENDING");
    pb::ListApprovalRequestsResponse pending;
    QVERIFY_OK(m_stub->ListApprovalRequests(ctx(m_viewer).get(), ar, &pending));
    QVERIFY(pending.approval_requests_size() >= 3);
    QVERIFY(!pending.approval_requests(0).comment().empty());
}

void TestRegistry::aliases()
{
    const std::string model = makeModel("alias-model", 3);
    QVERIFY(!model.empty());
    pb::SetAliasRequest r;
    r.set_model(model);
    r.set_alias("challenger");
    r.set_version(1);
    pb::Model m;
    QVERIFY_OK(m_stub->SetAlias(ctx(m_operator).get(), r, &m));
    QCOMPARE(m.aliases().at("challenger"), std::int64_t(1));
    r.set_version(2);
    QVERIFY_OK(m_stub->SetAlias(ctx(m_operator).get(), r, &m));
    QCOMPARE(m.aliases().at("challenger"), std::int64_t(2));
    // Moving took it off version 1.
    pb::GetModelVersionRequest g;
    g.set_name(model + "/versions/1");
    pb::ModelVersion v1, v2;
    QVERIFY_OK(m_stub->GetModelVersion(ctx(m_viewer).get(), g, &v1));
    QCOMPARE(v1.aliases_size(), 0);
    g.set_name(model + "/versions/2");
    QVERIFY_OK(m_stub->GetModelVersion(ctx(m_viewer).get(), g, &v2));
    QCOMPARE(v2.aliases_size(), 1);
    QCOMPARE(v2.aliases(0), std::string("challenger"));
    // Reserved, malformed, protected, missing version.
    r.set_alias("latest");
    QCOMPARE_CODE(m_stub->SetAlias(ctx(m_operator).get(), r, &m),
                  grpc::StatusCode::INVALID_ARGUMENT);
    r.set_alias("Bad Alias");
    QCOMPARE_CODE(m_stub->SetAlias(ctx(m_operator).get(), r, &m),
                  grpc::StatusCode::INVALID_ARGUMENT);
    r.set_alias("champion");
    QCOMPARE_CODE(m_stub->SetAlias(ctx(m_operator).get(), r, &m),
                  grpc::StatusCode::FAILED_PRECONDITION);
    r.set_alias("shadow");
    r.set_version(99);
    QCOMPARE_CODE(m_stub->SetAlias(ctx(m_operator).get(), r, &m), grpc::StatusCode::NOT_FOUND);
    pb::DeleteAliasRequest d;
    d.set_model(model);
    d.set_alias("challenger");
    QVERIFY_OK(m_stub->DeleteAlias(ctx(m_operator).get(), d, &m));
    QVERIFY(!m.aliases().count("challenger"));
    // Version numbers are per model and consecutive.
    QCOMPARE(m.version_count(), 3);
    QCOMPARE(m.latest_version(), std::int64_t(3));
}

void TestRegistry::stages()
{
    const std::string model = makeModel("stage-model", 2);
    QVERIFY(!model.empty());
    pb::TransitionStageRequest t;
    t.set_name(model + "/versions/1");
    t.set_stage(pb::PRODUCTION);
    pb::ModelVersion v;
    const grpc::Status refused = m_stub->TransitionStage(ctx(m_operator).get(), t, &v);
    QCOMPARE(codeName(refused.error_code()), "FAILED_PRECONDITION");
    QVERIFY2(refused.error_message().find("approval") != std::string::npos,
             refused.error_message().c_str());
    // Not even an admin skips the approval.
    QCOMPARE_CODE(m_stub->TransitionStage(ctx(m_admin).get(), t, &v),
                  grpc::StatusCode::FAILED_PRECONDITION);
    t.set_stage(pb::STAGING);
    QVERIFY_OK(m_stub->TransitionStage(ctx(m_operator).get(), t, &v));
    QCOMPARE(v.stage(), pb::STAGING);
    t.set_stage(pb::ARCHIVED);
    QVERIFY_OK(m_stub->TransitionStage(ctx(m_operator).get(), t, &v));
    QCOMPARE(v.stage(), pb::ARCHIVED);
    t.set_name(model + "/versions/7");
    QCOMPARE_CODE(m_stub->TransitionStage(ctx(m_operator).get(), t, &v),
                  grpc::StatusCode::NOT_FOUND);
    t.set_name("models/stage-model/versions/x");
    QCOMPARE_CODE(m_stub->TransitionStage(ctx(m_operator).get(), t, &v),
                  grpc::StatusCode::INVALID_ARGUMENT);
}

void TestRegistry::approvals()
{
    const std::string model = makeModel("approval-model", 3);
    QVERIFY(!model.empty());
    pb::ApprovalRequest a;
    QVERIFY_OK(request(m_operator, model, pb::ApprovalRequest::PROMOTE_TO_PRODUCTION, 2, &a));
    QCOMPARE(a.state(), pb::ApprovalRequest::PENDING);
    QCOMPARE(a.requester(), std::string("users/otto"));
    pb::ApprovalRequest out;
    // The operator may not approve at all (no promotions.approve).
    QCOMPARE_CODE(review(m_operator, a.name(), true, "", &out),
                  grpc::StatusCode::PERMISSION_DENIED);
    // A manager may not approve their own request: four eyes.
    pb::ApprovalRequest own;
    QVERIFY_OK(request(m_manager, model, pb::ApprovalRequest::PROMOTE_TO_PRODUCTION, 3, &own));
    const grpc::Status self = review(m_manager, own.name(), true, "", &out);
    QCOMPARE(codeName(self.error_code()), "PERMISSION_DENIED");
    QVERIFY2(self.error_message().starts_with("four eyes:"), self.error_message().c_str());
    // Rejecting needs a comment.
    QCOMPARE_CODE(review(m_manager2, own.name(), false, "", &out),
                  grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY_OK(review(m_manager2, own.name(), false, "needs a fairness report", &out));
    QCOMPARE(out.state(), pb::ApprovalRequest::REJECTED);
    QCOMPARE(out.review_comment(), std::string("needs a fairness report"));
    QCOMPARE_CODE(review(m_manager2, own.name(), true, "", &out),
                  grpc::StatusCode::FAILED_PRECONDITION);
    // Another manager approves: version 2 goes to production.
    QVERIFY_OK(review(m_manager, a.name(), true, "ok", &out));
    QCOMPARE(out.state(), pb::ApprovalRequest::APPROVED);
    QCOMPARE(out.reviewer(), std::string("users/mia"));
    pb::GetModelVersionRequest g;
    g.set_name(model + "/versions/2");
    pb::ModelVersion v;
    QVERIFY_OK(m_stub->GetModelVersion(ctx(m_viewer).get(), g, &v));
    QCOMPARE(v.stage(), pb::PRODUCTION);
    // Promoting version 3 archives version 2 in the same transaction.
    QVERIFY_OK(request(m_operator, model, pb::ApprovalRequest::PROMOTE_TO_PRODUCTION, 3, &a));
    QVERIFY_OK(review(m_manager2, a.name(), true, "", &out));
    QVERIFY_OK(m_stub->GetModelVersion(ctx(m_viewer).get(), g, &v));
    QCOMPARE(v.stage(), pb::ARCHIVED);
    QCOMPARE(v.revision(), out.revision());
    pb::GetModelRequest gm;
    gm.set_name(model);
    pb::Model m;
    QVERIFY_OK(m_stub->GetModel(ctx(m_viewer).get(), gm, &m));
    QCOMPARE(m.production_version(), std::int64_t(3));
    // Cancel: only the requester (or an admin), only while pending.
    QVERIFY_OK(request(m_operator, model, pb::ApprovalRequest::PROMOTE_TO_PRODUCTION, 1, &a));
    pb::CancelApprovalRequestRequest c;
    c.set_name(a.name());
    QCOMPARE_CODE(m_stub->CancelApprovalRequest(ctx(m_manager).get(), c, &out),
                  grpc::StatusCode::PERMISSION_DENIED);
    QVERIFY_OK(m_stub->CancelApprovalRequest(ctx(m_operator).get(), c, &out));
    QCOMPARE(out.state(), pb::ApprovalRequest::CANCELLED);
    // A request needs a comment.
    pb::CreateApprovalRequestRequest bare;
    bare.set_parent(model);
    bare.mutable_approval_request()->set_action(pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
    bare.mutable_approval_request()->set_version(1);
    QCOMPARE_CODE(m_stub->CreateApprovalRequest(ctx(m_operator).get(), bare, &out),
                  grpc::StatusCode::INVALID_ARGUMENT);
}

void TestRegistry::protectedAlias()
{
    const std::string model = makeModel("champion-model", 2);
    QVERIFY(!model.empty());
    pb::ApprovalRequest a, out;
    // An operator may not even request moving a protected alias.
    const grpc::Status s =
        request(m_operator, model, pb::ApprovalRequest::MOVE_PROTECTED_ALIAS, 2, &a, "champion");
    QCOMPARE(codeName(s.error_code()), "PERMISSION_DENIED");
    QVERIFY2(s.error_message().find("aliases.protected") != std::string::npos,
             s.error_message().c_str());
    // An admin requests, a manager approves: the alias moves.
    QVERIFY_OK(
        request(m_admin, model, pb::ApprovalRequest::MOVE_PROTECTED_ALIAS, 2, &a, "champion"));
    QVERIFY_OK(review(m_manager, a.name(), true, "", &out));
    pb::GetModelRequest g;
    g.set_name(model);
    pb::Model m;
    QVERIFY_OK(m_stub->GetModel(ctx(m_viewer).get(), g, &m));
    QCOMPARE(m.aliases().at("champion"), std::int64_t(2));
    // Deleting it directly is refused too.
    pb::DeleteAliasRequest d;
    d.set_model(model);
    d.set_alias("champion");
    QCOMPARE_CODE(m_stub->DeleteAlias(ctx(m_admin).get(), d, &m),
                  grpc::StatusCode::FAILED_PRECONDITION);
}

void TestRegistry::traffic()
{
    const std::string model = makeModel("traffic-model", 3);
    QVERIFY(!model.empty());
    pb::CreateDeploymentRequest r;
    r.set_parent(model);
    r.set_deployment_id("eu-west");
    r.mutable_deployment()->set_region("regions/eu-west");
    auto variants = [&](std::initializer_list<std::pair<int, int>> split) {
        r.mutable_deployment()->clear_variants();
        for (auto [version, percent] : split) {
            auto *v = r.mutable_deployment()->add_variants();
            v->set_version(version);
            v->set_traffic_percent(percent);
        }
    };
    pb::Deployment d;
    variants({{1, 50}, {2, 49}});
    grpc::Status s = m_stub->CreateDeployment(ctx(m_operator).get(), r, &d);
    QCOMPARE(codeName(s.error_code()), "INVALID_ARGUMENT");
    QVERIFY2(s.error_message().find("sum to exactly 100") != std::string::npos,
             s.error_message().c_str());
    variants({{1, 50}, {2, 51}});
    QCOMPARE_CODE(m_stub->CreateDeployment(ctx(m_operator).get(), r, &d),
                  grpc::StatusCode::INVALID_ARGUMENT);
    variants({{1, 101}});
    s = m_stub->CreateDeployment(ctx(m_operator).get(), r, &d);
    QVERIFY2(s.error_message().find("traffic_percent") != std::string::npos,
             s.error_message().c_str());
    variants({{9, 100}});
    s = m_stub->CreateDeployment(ctx(m_operator).get(), r, &d);
    QVERIFY2(s.error_message().find("variants[0].version") != std::string::npos,
             s.error_message().c_str());
    r.mutable_deployment()->set_region("regions/atlantis");
    variants({{1, 100}});
    QCOMPARE_CODE(m_stub->CreateDeployment(ctx(m_operator).get(), r, &d),
                  grpc::StatusCode::INVALID_ARGUMENT);
    r.mutable_deployment()->set_region("regions/eu-west");
    variants({{1, 50}, {2, 50}});
    QVERIFY_OK(m_stub->CreateDeployment(ctx(m_operator).get(), r, &d));
    QCOMPARE(d.variants_size(), 2);
    // No previous split yet.
    pb::RollbackDeploymentRequest rb;
    rb.set_name(d.name());
    pb::Deployment after;
    QCOMPARE_CODE(m_stub->RollbackDeployment(ctx(m_operator).get(), rb, &after),
                  grpc::StatusCode::FAILED_PRECONDITION);
    pb::UpdateTrafficRequest u;
    u.set_name(d.name());
    auto *a = u.add_variants();
    a->set_version(3);
    a->set_traffic_percent(90);
    auto *b = u.add_variants();
    b->set_version(1);
    b->set_traffic_percent(10);
    QVERIFY_OK(m_stub->UpdateTraffic(ctx(m_operator).get(), u, &after));
    QCOMPARE(after.variants(0).version(), std::int64_t(3));
    QCOMPARE(after.previous_variants_size(), 2);
    // Rollback restores the previous split.
    QVERIFY_OK(m_stub->RollbackDeployment(ctx(m_operator).get(), rb, &after));
    QCOMPARE(after.variants_size(), 2);
    QCOMPARE(after.variants(0).version(), std::int64_t(1));
    QCOMPARE(after.variants(0).traffic_percent(), 50);
    QCOMPARE(after.rollout_state(), pb::Deployment::ROLLED_BACK);
    pb::GetModelRequest gm;
    gm.set_name(model);
    pb::Model m;
    QVERIFY_OK(m_stub->GetModel(ctx(m_viewer).get(), gm, &m));
    QCOMPARE(m.live_deployments(), 1);
    pb::DeleteDeploymentRequest del;
    del.set_name(d.name());
    QVERIFY_OK(m_stub->DeleteDeployment(ctx(m_operator).get(), del, &after));
    QCOMPARE_CODE(m_stub->DeleteDeployment(ctx(m_operator).get(), del, &after),
                  grpc::StatusCode::NOT_FOUND);
}

void TestRegistry::permissionsPerRole()
{
    pb::CreateModelRequest r;
    r.set_model_id("viewer-model");
    r.mutable_model()->set_task(pb::NLP);
    pb::Model m;
    QCOMPARE_CODE(m_stub->CreateModel(ctx(m_viewer).get(), r, &m),
                  grpc::StatusCode::PERMISSION_DENIED);
    // The admin role alone does not write models (admin's token also holds manager here).
    const std::string compliance = user("cora", "compliance_officer");
    QCOMPARE_CODE(m_stub->CreateModel(ctx(compliance).get(), r, &m),
                  grpc::StatusCode::PERMISSION_DENIED);
    pb::ListModelsRequest l;
    pb::ListModelsResponse lr;
    QVERIFY_OK(m_stub->ListModels(ctx(compliance).get(), l, &lr));
    pb::CreateDeploymentRequest d;
    pb::Deployment dep;
    QCOMPARE_CODE(m_stub->CreateDeployment(ctx(m_viewer).get(), d, &dep),
                  grpc::StatusCode::PERMISSION_DENIED);
    pb::ReviewRequest rv;
    pb::ApprovalRequest a;
    QCOMPARE_CODE(m_stub->ApproveRequest(ctx(m_operator).get(), rv, &a),
                  grpc::StatusCode::PERMISSION_DENIED);
    QVERIFY_OK(m_stub->CreateModel(ctx(m_operator).get(), r, &m));
    QCOMPARE_CODE(m_stub->CreateModel(ctx(m_operator).get(), r, &m),
                  grpc::StatusCode::ALREADY_EXISTS);
}

void TestRegistry::listFilters()
{
    pb::ListModelVersionsRequest r;
    r.set_parent("models/-");
    r.set_filter("metrics.accuracy > 0.97 AND stage = STAGING");
    r.set_page_size(500);
    pb::ListModelVersionsResponse out;
    QVERIFY_OK(m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out));
    QVERIFY(out.total_size() > 0);
    for (const pb::ModelVersion &v : out.model_versions()) {
        QVERIFY(v.metrics().at("accuracy") > 0.97);
        QCOMPARE(v.stage(), pb::STAGING);
    }
    // Cross-check the index answer with a filter the indexes cannot answer (evaluated in full).
    r.set_filter("(metrics.accuracy > 0.97 OR metrics.accuracy > 0.97) AND NOT stage != STAGING");
    pb::ListModelVersionsResponse full;
    QVERIFY_OK(m_stub->ListModelVersions(ctx(m_viewer).get(), r, &full));
    QCOMPARE(full.total_size(), out.total_size());
    // Order by a metric, descending; versions without it last.
    r.set_filter("task = CLASSIFICATION");
    r.set_order_by("metrics.accuracy desc");
    QVERIFY_OK(m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out));
    QVERIFY(out.model_versions_size() > 10);
    for (int i = 1; i < out.model_versions_size(); ++i)
        QVERIFY(out.model_versions(i - 1).metrics().at("accuracy") >=
                out.model_versions(i).metrics().at("accuracy"));
    r.set_order_by("nonsense");
    QCOMPARE_CODE(m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out),
                  grpc::StatusCode::INVALID_ARGUMENT);
    // Models: aliases as a map, tags, task.
    pb::ListModelsRequest mr;
    mr.set_filter(R"(aliases:"champion" AND task = NLP)");
    pb::ListModelsResponse models;
    QVERIFY_OK(m_stub->ListModels(ctx(m_viewer).get(), mr, &models));
    QVERIFY(models.models_size() >= 1);
    for (const pb::Model &m : models.models())
        QVERIFY(m.aliases().count("champion") && m.task() == pb::NLP);
    r.set_parent("models/nope");
    r.clear_order_by();
    r.clear_filter();
    QCOMPARE_CODE(m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out),
                  grpc::StatusCode::NOT_FOUND);
}

namespace {

// The documented version order for one key, as a client computes it from the messages.
int compareBy(const pb::ModelVersion &a, const pb::ModelVersion &b, const std::string &field)
{
    auto cmp = [](const auto &x, const auto &y) {
        return x < y ? -1 : (y < x ? 1 : 0);
    };
    if (field == "name")
        return cmp(a.name(), b.name());
    if (field == "model")
        return cmp(a.model(), b.model());
    if (field == "version")
        return cmp(a.version(), b.version());
    if (field == "create_time")
        return cmp(a.create_time().seconds() * 1000000 + a.create_time().nanos() / 1000,
                   b.create_time().seconds() * 1000000 + b.create_time().nanos() / 1000);
    if (field == "update_time")
        return cmp(std::pair(a.update_time().seconds(), a.update_time().nanos()),
                   std::pair(b.update_time().seconds(), b.update_time().nanos()));
    if (field == "stage")
        return cmp(int(a.stage()), int(b.stage()));
    if (field == "status")
        return cmp(int(a.status()), int(b.status()));
    if (field == "task")
        return cmp(int(a.task()), int(b.task()));
    if (field == "framework")
        return cmp(a.framework(), b.framework());
    if (field == "created_by")
        return cmp(a.created_by(), b.created_by());
    if (field == "dataset")
        return cmp(a.dataset(), b.dataset());
    if (field == "revision")
        return cmp(a.revision(), b.revision());
    return 0;
}

} // namespace

// Every order_by, paged in pages of 97 (keyset seeks): each item once, and each neighbour pair
// in the documented order (keys, versions without a metric last, ties by name).
void TestRegistry::listOrders_data()
{
    QTest::addColumn<QString>("orderBy");
    for (const char *o :
         {"name", "name desc", "version desc", "model, version desc", "create_time",
          "update_time desc", "stage, create_time desc", "status desc", "task", "framework",
          "framework desc, version", "created_by desc", "dataset", "revision desc",
          "metrics.accuracy desc", "metrics.accuracy", "task, metrics.f1 desc"})
        QTest::newRow(o) << QString::fromLatin1(o);
}

void TestRegistry::listOrders()
{
    QFETCH(QString, orderBy);
    std::vector<std::pair<std::string, bool>> keys; // field, desc
    for (const QString &part : orderBy.split(u',')) {
        const QStringList words = part.trimmed().split(u' ');
        keys.emplace_back(words.front().toStdString(), words.size() > 1 && words.back() == u"desc");
    }
    pb::ListModelVersionsRequest r;
    r.set_parent("models/-");
    r.set_page_size(97);
    r.set_order_by(orderBy.toStdString());
    std::vector<pb::ModelVersion> all;
    int total = 0;
    for (;;) {
        pb::ListModelVersionsResponse out;
        QVERIFY_OK(m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out));
        total = out.total_size();
        all.insert(all.end(), out.model_versions().begin(), out.model_versions().end());
        if (out.next_page_token().empty())
            break;
        r.set_page_token(out.next_page_token());
    }
    QVERIFY(total > 300);
    QCOMPARE(int(all.size()), total);
    std::set<std::string> names;
    for (const pb::ModelVersion &v : all)
        names.insert(v.name());
    QCOMPARE(int(names.size()), total);
    for (size_t i = 1; i < all.size(); ++i) {
        const pb::ModelVersion &a = all[i - 1], &b = all[i];
        int c = 0;
        for (const auto &[field, desc] : keys) {
            if (field.starts_with("metrics.")) {
                const std::string key = field.substr(8);
                const bool ha = a.metrics().count(key), hb = b.metrics().count(key);
                if (ha != hb) {
                    c = ha ? -1 : 1; // without the metric last, in either direction
                    break;
                }
                if (ha)
                    c = a.metrics().at(key) < b.metrics().at(key)
                            ? -1
                            : (b.metrics().at(key) < a.metrics().at(key) ? 1 : 0);
            } else {
                c = compareBy(a, b, field);
            }
            if (desc)
                c = -c;
            if (c)
                break;
        }
        if (!c)
            c = compareBy(a, b, "name");
        QVERIFY2(c < 0, (a.name() + " before " + b.name()).c_str());
    }
}

// Equality on plain string fields is answered without reflection: it must agree with the full
// evaluation (forced by an OR) and split the versions exactly.
void TestRegistry::accessorFilters()
{
    auto list = [&](const std::string &filter, std::vector<std::string> *names, int *total) {
        pb::ListModelVersionsRequest r;
        r.set_parent("models/-");
        r.set_page_size(5000);
        r.set_filter(filter);
        pb::ListModelVersionsResponse out;
        const grpc::Status s = m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out);
        for (const pb::ModelVersion &v : out.model_versions())
            names->push_back(v.name());
        *total = out.total_size();
        return s;
    };
    std::vector<std::string> fast, full, other, all;
    int fastTotal = 0, fullTotal = 0, otherTotal = 0, allTotal = 0;
    QVERIFY_OK(list(R"(framework = "xgboost 2.0" AND stage != PRODUCTION)", &fast, &fastTotal));
    QVERIFY_OK(
        list(R"((framework = "xgboost 2.0" OR framework = "xgboost 2.0") AND stage != PRODUCTION)",
             &full, &fullTotal));
    QVERIFY(fastTotal > 0);
    QCOMPARE(fastTotal, fullTotal);
    QCOMPARE(fast, full);
    QVERIFY_OK(list(R"(framework != "xgboost 2.0" AND stage != PRODUCTION)", &other, &otherTotal));
    QVERIFY_OK(list("stage != PRODUCTION", &all, &allTotal));
    QCOMPARE(fastTotal + otherTotal, allTotal);
    // Case matters, as in the full evaluation.
    std::vector<std::string> none;
    int noneTotal = -1;
    QVERIFY_OK(list(R"(framework = "XGBoost 2.0")", &none, &noneTotal));
    QCOMPARE(noneTotal, 0);
    // A name equality finds exactly that version.
    std::vector<std::string> one;
    int oneTotal = 0;
    QVERIFY_OK(list("name = \"" + fast.front() + "\"", &one, &oneTotal));
    QCOMPARE(oneTotal, 1);
    QCOMPARE(one.front(), fast.front());
}

void TestRegistry::paginationUnderInserts()
{
    const std::string model = makeModel("busy-model", 1);
    QVERIFY(!model.empty());
    // What exists before paging starts.
    std::set<std::string> before;
    pb::ListModelVersionsRequest r;
    r.set_parent("models/-");
    r.set_page_size(5000);
    for (;;) {
        pb::ListModelVersionsResponse out;
        QVERIFY_OK(m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out));
        for (const auto &v : out.model_versions())
            before.insert(v.name());
        if (out.next_page_token().empty())
            break;
        r.set_page_token(out.next_page_token());
    }
    QVERIFY(before.size() >= 3000);
    // Page through in small pages while another client registers versions.
    std::atomic<bool> stop{false};
    std::atomic<int> inserted{0};
    std::thread writer([&] {
        while (!stop) {
            pb::ModelVersion v;
            if (newVersion(m_operator, model, 0.5, &v).ok())
                ++inserted;
        }
    });
    std::vector<std::string> seen;
    r.clear_page_token();
    r.set_page_size(150);
    bool ok = true;
    for (int pages = 0; pages < 1000; ++pages) {
        pb::ListModelVersionsResponse out;
        const grpc::Status s = m_stub->ListModelVersions(ctx(m_viewer).get(), r, &out);
        if (!s.ok()) {
            ok = false;
            break;
        }
        for (const auto &v : out.model_versions())
            seen.push_back(v.name());
        if (out.next_page_token().empty())
            break;
        r.set_page_token(out.next_page_token());
    }
    stop = true;
    writer.join();
    QVERIFY(ok);
    QVERIFY2(inserted > 0, "the writer registered nothing while paging");
    const std::set<std::string> unique(seen.begin(), seen.end());
    QCOMPARE(unique.size(), seen.size()); // no duplicates
    for (const std::string &name : before)
        QVERIFY2(unique.count(name), ("skipped " + name).c_str());
    // A token is bound to its request.
    pb::ListModelVersionsRequest other = r;
    other.set_filter("stage = STAGING");
    pb::ListModelVersionsResponse out;
    if (!r.page_token().empty())
        QCOMPARE_CODE(m_stub->ListModelVersions(ctx(m_viewer).get(), other, &out),
                      grpc::StatusCode::INVALID_ARGUMENT);
}

void TestRegistry::watch()
{
    pb::ListModelsRequest l;
    pb::ListModelsResponse snapshot;
    QVERIFY_OK(m_stub->ListModels(ctx(m_viewer).get(), l, &snapshot));
    const std::int64_t from = snapshot.revision();
    const std::string model = makeModel("watch-model", 2);
    QVERIFY(!model.empty());
    pb::SetAliasRequest sa;
    sa.set_model(model);
    sa.set_alias("shadow");
    sa.set_version(2);
    pb::Model m;
    QVERIFY_OK(m_stub->SetAlias(ctx(m_operator).get(), sa, &m));

    // Resume from the snapshot: every batch after it, in order, the alias move among them.
    auto read = [&](bool versions, std::int64_t after, std::int64_t *lastRevision,
                    bool *sawVersion) {
        grpc::ClientContext c;
        c.set_deadline(std::chrono::system_clock::now() + 20s);
        c.AddMetadata("authorization", "Bearer " + m_viewer);
        pb::WatchModelsRequest wr;
        wr.set_after_revision(after);
        wr.set_include_versions(versions);
        auto reader = m_stub->WatchModels(&c, wr);
        pb::WatchModelsResponse msg;
        bool sawAlias = false, progress = false;
        std::int64_t previous = after;
        *sawVersion = false;
        while (reader->Read(&msg)) {
            if (msg.has_progress()) {
                progress = true;
                if (sawAlias)
                    break;
                continue;
            }
            if (msg.changes().revision() <= previous)
                return false; // out of order or repeated
            previous = msg.changes().revision();
            for (const pb::ModelEvent &e : msg.changes().events()) {
                *sawVersion = *sawVersion || e.has_model_version();
                if (e.has_model() && e.model().name() == model &&
                    e.model().aliases().count("shadow"))
                    sawAlias = true;
            }
        }
        c.TryCancel();
        reader->Finish();
        *lastRevision = previous;
        return sawAlias && progress;
    };
    std::int64_t last = 0;
    bool sawVersion = false;
    QVERIFY(read(true, from, &last, &sawVersion));
    QVERIFY(sawVersion);
    QVERIFY(last >= m.revision());
    QVERIFY(read(false, from, &last, &sawVersion));
    QVERIFY(!sawVersion); // include_versions off filters version events out
    // Ahead of the current revision: INVALID_ARGUMENT; compacted history: OUT_OF_RANGE.
    grpc::ClientContext c;
    c.AddMetadata("authorization", "Bearer " + m_viewer);
    pb::WatchModelsRequest wr;
    wr.set_after_revision(m.revision() + 1000000);
    auto reader = m_stub->WatchModels(&c, wr);
    pb::WatchModelsResponse msg;
    QVERIFY(!reader->Read(&msg));
    QCOMPARE(codeName(reader->Finish().error_code()), "INVALID_ARGUMENT");
}

void TestRegistry::auditRows()
{
    const std::string model = makeModel("audit-model", 1);
    QVERIFY(!model.empty());
    pb::TransitionStageRequest t;
    t.set_name(model + "/versions/1");
    t.set_stage(pb::PRODUCTION);
    pb::ModelVersion v;
    QCOMPARE_CODE(m_stub->TransitionStage(ctx(m_operator).get(), t, &v),
                  grpc::StatusCode::FAILED_PRECONDITION);
    t.set_stage(pb::STAGING);
    QVERIFY_OK(m_stub->TransitionStage(ctx(m_operator).get(), t, &v));
    pb::ListAuditEventsRequest r;
    r.set_filter(
        "action = \"/ops.platform.v1.ModelRegistryService/TransitionStage\" AND resource = \"" +
        t.name() + "\"");
    r.set_page_size(100);
    pb::ListAuditEventsResponse out;
    QVERIFY_OK(m_audit->ListAuditEvents(ctx(m_admin).get(), r, &out));
    QCOMPARE(out.events_size(), 2);
    QCOMPARE(out.events(0).actor(), std::string("users/otto"));
    QCOMPARE(out.events(0).result(), std::string("FAILED_PRECONDITION"));
    QCOMPARE(out.events(1).result(), std::string("OK"));
    QCOMPARE(out.events(1).request_summary(), std::string("stage=STAGING"));
}

QTEST_GUILESS_MAIN(TestRegistry)
#include "tst_registry.moc"
