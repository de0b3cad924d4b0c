// The model registry on PostgreSQL with replicas (issue 15), on a real PostgreSQL 15 the test
// starts itself: two core::Stores and two RegistryStores on one database — two replicas in one
// process. Writes through both, interleaved from two threads, leave both (and a third opened fresh)
// listing the same models, versions, deployments and approvals; each replica's feed carries the
// other's commits in order, without a gap or a duplicate; a write on one replica is validated
// against what the other committed even before it heard of it; the demo's seed (written without
// history) reaches a replica that was already open; two replicas compacting do not fight; serving
// metrics sampled from a stale copy do not undo a traffic split made on the other replica.
#include "core/postgres.h"
#include "core/store.h"
#include "modules.h"
#include "registry/registrydemo.h"
#include "registry/registrystore.h"

#include "pgcluster.h"
#include "pgstoretest.h"

#include "ops/platform/v1/models.pb.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <QtTest>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace pb = ops::platform::v1;
using platformd::core::Caller;
using platformd::core::Feed;
using platformd::core::FeedCursor;
using platformd::core::FeedEntry;
using platformd::core::Store;
using platformd::core::StoreOptions;
using platformd::registry::ModelBatch;
using platformd::registry::RegistryStore;

namespace {

#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const grpc::Status s_ = (expr);                                                            \
        QVERIFY2(s_.ok(), s_.error_message().c_str());                                             \
    } while (false)

Caller person(const std::string &id, const std::string &role, std::set<std::string> permissions)
{
    Caller c;
    c.actor = "users/" + id;
    c.roles = {role};
    c.action = "tst_pgregistry";
    c.peer = "ipv4:127.0.0.1:1";
    c.permissions = std::move(permissions);
    return c;
}

const Caller kOperator = person(
    "otto", "operator", {"models.read", "models.write", "deployments.write", "promotions.request"});
const Caller kManager = person("mia", "manager", {"models.read", "promotions.approve"});
const Caller kManager2 = person("max", "manager", {"models.read", "promotions.approve"});

grpc::Status createModel(RegistryStore &r, const std::string &id, pb::Model *out = nullptr)
{
    pb::CreateModelRequest req;
    req.set_model_id(id);
    req.mutable_model()->set_task(pb::CLASSIFICATION);
    req.mutable_model()->set_owner_team("tests");
    pb::Model m;
    return r.createModel(kOperator, req, out ? out : &m);
}

grpc::Status createVersion(RegistryStore &r, const std::string &model, double accuracy,
                           pb::ModelVersion *out)
{
    pb::CreateModelVersionRequest req;
    req.set_parent(model);
    pb::ModelVersion *v = req.mutable_model_version();
    v->set_source_uri("s3://models/tst/model");
    v->set_framework("pytorch 2.3");
    (*v->mutable_metrics())["accuracy"] = accuracy;
    return r.createVersion(kOperator, req, out);
}

grpc::Status transition(RegistryStore &r, const std::string &version, pb::ModelStage stage)
{
    pb::TransitionStageRequest req;
    req.set_name(version);
    req.set_stage(stage);
    pb::ModelVersion out;
    return r.transitionStage(kOperator, req, &out);
}

grpc::Status requestPromotion(RegistryStore &r, const std::string &model, std::int64_t version,
                              pb::ApprovalRequest *out)
{
    pb::CreateApprovalRequestRequest req;
    req.set_parent(model);
    req.mutable_approval_request()->set_action(pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
    req.mutable_approval_request()->set_version(version);
    req.mutable_approval_request()->set_comment("offline evaluation better");
    return r.createApproval(kOperator, req, out);
}

grpc::Status approve(RegistryStore &r, const Caller &c, const std::string &name,
                     pb::ApprovalRequest *out)
{
    pb::ReviewRequest req;
    req.set_name(name);
    req.set_comment("ok");
    return r.approve(c, req, out);
}

grpc::Status deploy(RegistryStore &r, const std::string &model, const std::string &id,
                    std::int64_t version)
{
    pb::CreateDeploymentRequest req;
    req.set_parent(model);
    req.set_deployment_id(id);
    req.mutable_deployment()->set_region("regions/eu-west");
    pb::DeploymentVariant *v = req.mutable_deployment()->add_variants();
    v->set_version(version);
    v->set_traffic_percent(100);
    pb::Deployment out;
    return r.createDeployment(kOperator, req, &out);
}

// Equal messages, equal bytes (maps such as aliases in key order).
std::string deterministic(const google::protobuf::Message &message)
{
    std::string out;
    {
        google::protobuf::io::StringOutputStream stream(&out);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        message.SerializeToCodedStream(&coded);
    }
    return out;
}

// Every page of a list, serialized item by item, with the list's revision first.
template<typename Request, typename Response, typename Items>
std::vector<std::string>
everything(RegistryStore &r, Request request,
           grpc::Status (RegistryStore::*list)(const Request &, Response *), Items items)
{
    std::vector<std::string> out;
    request.set_page_size(1000);
    for (;;) {
        Response response;
        const grpc::Status s = (r.*list)(request, &response);
        if (!s.ok())
            return {"error: " + s.error_message()};
        if (out.empty())
            out.push_back("revision " + std::to_string(response.revision()));
        // As a client gets it (the versions' list carries them pre-serialized).
        Response parsed;
        if (!parsed.ParseFromString(response.SerializeAsString()))
            return {"error: unreadable response"};
        for (const auto &item : items(parsed))
            out.push_back(deterministic(item));
        if (response.next_page_token().empty())
            return out;
        request.set_page_token(response.next_page_token());
    }
}

// What a client listing the whole registry sees.
std::vector<std::string> snapshot(RegistryStore &r)
{
    std::vector<std::string> all;
    auto add = [&](std::vector<std::string> part) {
        all.insert(all.end(), part.begin(), part.end());
    };
    add(everything(r, pb::ListModelsRequest(), &RegistryStore::listModels,
                   [](const pb::ListModelsResponse &x) { return x.models(); }));
    pb::ListModelVersionsRequest versions;
    versions.set_parent("models/-");
    add(everything(r, versions, &RegistryStore::listVersions,
                   [](const pb::ListModelVersionsResponse &x) { return x.model_versions(); }));
    pb::ListDeploymentsRequest deployments;
    deployments.set_parent("models/-");
    add(everything(r, deployments, &RegistryStore::listDeployments,
                   [](const pb::ListDeploymentsResponse &x) { return x.deployments(); }));
    pb::ListApprovalRequestsRequest approvals;
    approvals.set_parent("models/-");
    add(everything(
        r, approvals, &RegistryStore::listApprovals,
        [](const pb::ListApprovalRequestsResponse &x) { return x.approval_requests(); }));
    return all;
}

// A watcher of a registry feed from revision `after` (every event, versions included).
FeedCursor::Options watchFrom(std::int64_t after)
{
    FeedCursor::Options options;
    options.after = after;
    options.zeroMeansNow = false;
    options.select = [](const FeedEntry &e) {
        return e.as<ModelBatch>().all;
    };
    return options;
}

// The batches a cursor has (revision, bytes) until it is idle.
struct Drained
{
    std::vector<std::pair<std::int64_t, std::string>> batches;
    FeedCursor::Item::Type end = FeedCursor::Item::Type::Idle;
};
Drained drain(FeedCursor &cursor)
{
    using Type = FeedCursor::Item::Type;
    Drained out;
    for (;;) {
        FeedCursor::Item item = cursor.next();
        if (item.type == Type::Batch) {
            out.batches.emplace_back(item.revision, *item.bytes);
            continue;
        }
        if (item.type == Type::CaughtUp)
            continue;
        out.end = item.type;
        return out;
    }
}

// Holds a store's listener thread (so a replica hears nothing of the other's commits) while held:
// a subscriber of the registry's channel that, once held, keeps the thread until released. Made
// after the registry (destroyed before it: the registry's unsubscribing waits for the thread).
class ListenerHold
{
public:
    explicit ListenerHold(Store &store)
    {
        m_subscription = store.subscribe("platformd_registry", [this] {
            std::unique_lock lock(m_mutex);
            m_entered = m_held;
            m_cv.notify_all();
            m_cv.wait(lock, [this] { return !m_held; });
            m_entered = false;
        });
    }
    ~ListenerHold()
    {
        release();
        m_subscription.reset();
    }
    void hold()
    {
        std::lock_guard lock(m_mutex);
        m_held = true;
    }
    // The listener thread is inside the hold (its next wake-up, at most a second away).
    bool holding()
    {
        std::lock_guard lock(m_mutex);
        return m_entered;
    }
    void release()
    {
        std::lock_guard lock(m_mutex);
        m_held = false;
        m_cv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_held = false, m_entered = false;
    std::unique_ptr<platformd::core::StoreListener::Subscription> m_subscription;
};

} // namespace

class TestPgRegistry : public QObject
{
    Q_OBJECT

private:
    // A new, empty database in the cluster; its URI.
    std::string freshDatabase(const std::string &name) { return freshPgDatabase(m_cluster, name); }
    static StoreOptions optionsFor(const std::string &uri, std::int64_t retention = 100000)
    {
        return pgStoreOptions(uri, retention);
    }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void interleavedReplicasAgree();
    void refusalsSeeCommittedState();
    void seedReachesOpenReplica();
    void compactionOnceAcrossReplicas();
    void servingMetricsKeepOtherReplicasSplit();
};

void TestPgRegistry::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPgRegistry::interleavedReplicasAgree()
{
    const std::string uri = freshDatabase("registry_interleaved");
    Store storeA(optionsFor(uri)), storeB(optionsFor(uri));
    RegistryStore a(storeA), b(storeB);
    // Watchers of both feeds from the start.
    FeedCursor watchA(a.feed(), watchFrom(0)), watchB(b.feed(), watchFrom(0));
    QCOMPARE(watchA.start(), FeedCursor::Start::Ok);
    QCOMPARE(watchB.start(), FeedCursor::Start::Ok);
    // One model both replicas add versions to (version numbers are taken from committed state).
    QVERIFY_OK(createModel(a, "shared"));

    constexpr int kRounds = 12;
    std::mutex failuresMutex;
    std::vector<std::string> failures;
    std::vector<std::string> approvalNames[2];
    auto check = [&](const grpc::Status &s, const std::string &what) {
        if (s.ok())
            return true;
        std::lock_guard lock(failuresMutex);
        failures.push_back(what + ": " + s.error_message());
        return false;
    };
    auto writes = [&](int replica) {
        RegistryStore &mine = replica == 0 ? a : b;
        RegistryStore &other = replica == 0 ? b : a;
        const std::string tag = replica == 0 ? "a" : "b";
        for (int i = 0; i < kRounds; ++i) {
            const std::string id = "m" + tag + "-" + std::to_string(i);
            pb::Model model;
            if (!check(createModel(mine, id, &model), "create " + id))
                continue;
            // The version through the other replica: it may not have heard of the model yet.
            pb::ModelVersion v1, v2, shared;
            if (!check(createVersion(other, model.name(), 0.8, &v1), "version 1 of " + id) ||
                !check(createVersion(mine, model.name(), 0.9, &v2), "version 2 of " + id))
                continue;
            check(createVersion(mine, "models/shared", 0.5 + 0.01 * i, &shared),
                  "shared version by " + tag);
            check(transition(other, v1.name(), pb::STAGING), "staging " + v1.name());
            pb::ApprovalRequest request, decided;
            if (check(requestPromotion(mine, model.name(), 2, &request), "request " + id)) {
                approvalNames[replica].push_back(request.name());
                // Decided on the other replica, by a manager who did not request it.
                check(approve(other, replica == 0 ? kManager : kManager2, request.name(), &decided),
                      "approve " + request.name());
            }
            check(deploy(other, model.name(), "canary", 1), "deploy " + id);
        }
    };
    auto writer = [&](int replica) {
        try {
            writes(replica);
        } catch (const std::exception &e) { // a store error: the test fails, not the process
            std::lock_guard lock(failuresMutex);
            failures.push_back(std::string("replica ") + (replica ? "b" : "a") + ": " + e.what());
        }
    };
    std::thread ta(writer, 0), tb(writer, 1);
    ta.join();
    tb.join();
    for (const std::string &failure : failures)
        qWarning("%s", failure.c_str());
    QVERIFY(failures.empty());

    // Every approval got its own number, across both replicas.
    std::set<std::string> approvalSet(approvalNames[0].begin(), approvalNames[0].end());
    approvalSet.insert(approvalNames[1].begin(), approvalNames[1].end());
    QCOMPARE(approvalSet.size(), size_t(2 * kRounds));
    // 1 model + per round and replica: model, 2 versions, shared version, staging, request,
    // approval, deployment.
    const std::int64_t revisions = 1 + 2 * kRounds * 8;
    QTRY_COMPARE(a.currentRevision(), revisions);
    QTRY_COMPARE(b.currentRevision(), revisions);
    pb::Model shared;
    QVERIFY_OK(a.getModel("models/shared", &shared));
    QCOMPARE(shared.version_count(), 2 * kRounds);

    // Both replicas list the same registry, and so does one opened now.
    const std::vector<std::string> listedA = snapshot(a), listedB = snapshot(b);
    QCOMPARE(listedA.front(), "revision " + std::to_string(revisions));
    QCOMPARE(listedA.size(), size_t(4 + (1 + 2 * kRounds) + (2 * kRounds * 2 + 2 * kRounds) +
                                    2 * kRounds + 2 * kRounds));
    QVERIFY(listedA == listedB);
    Store storeC(optionsFor(uri));
    RegistryStore c(storeC);
    QVERIFY(snapshot(c) == listedA);

    // Each feed has every revision once, in order, as the history holds it (B's includes A's
    // commits, A's B's).
    const std::vector<std::pair<std::int64_t, std::string>> history =
        a.readChanges(0, revisions, 10000);
    QCOMPARE(std::int64_t(history.size()), revisions);
    for (FeedCursor *cursor : {&watchA, &watchB}) {
        const Drained got = drain(*cursor);
        QCOMPARE(got.end, FeedCursor::Item::Type::Idle);
        QCOMPARE(got.batches.size(), history.size());
        for (size_t i = 0; i < history.size(); ++i) {
            QCOMPARE(got.batches[i].first, std::int64_t(i + 1));
            QVERIFY(got.batches[i].second == history[i].second);
        }
    }
    // ... published live, in order (the feed keeps them contiguous in memory from revision 1).
    for (RegistryStore *r : {&a, &b}) {
        std::vector<FeedEntry> entries;
        QCOMPARE(r->feed().take(0, 10000, &entries), Feed::Take::Entries);
        QCOMPARE(std::int64_t(entries.size()), revisions);
        QCOMPARE(entries.back().revision, revisions);
    }
}

void TestPgRegistry::refusalsSeeCommittedState()
{
    const std::string uri = freshDatabase("registry_refusals");
    Store storeA(optionsFor(uri)), storeB(optionsFor(uri));
    RegistryStore a(storeA), b(storeB);
    ListenerHold deaf(storeB);
    FeedCursor watchB(b.feed(), watchFrom(0));
    QCOMPARE(watchB.start(), FeedCursor::Start::Ok);
    deaf.hold();
    QTRY_VERIFY(deaf.holding()); // B hears nothing from here on

    pb::Model alpha;
    QVERIFY_OK(createModel(a, "alpha", &alpha));
    pb::ModelVersion v1, v2;
    QVERIFY_OK(createVersion(a, alpha.name(), 0.9, &v1));
    pb::ApprovalRequest request, decided;
    QVERIFY_OK(requestPromotion(a, alpha.name(), 1, &request));
    QVERIFY_OK(approve(a, kManager, request.name(), &decided));
    QCOMPARE(decided.state(), pb::ApprovalRequest::APPROVED);
    QCOMPARE(a.currentRevision(), 4);
    QCOMPARE(b.currentRevision(), 0); // B has not heard of any of it
    pb::Model unknown;
    QCOMPARE(b.getModel(alpha.name(), &unknown).error_code(), grpc::StatusCode::NOT_FOUND);

    // B decides on what is committed, not on what it had in memory.
    pb::Model again;
    const grpc::Status exists = createModel(b, "alpha", &again);
    QCOMPARE(exists.error_code(), grpc::StatusCode::ALREADY_EXISTS);
    QCOMPARE(b.currentRevision(), 4); // caught up inside its refused write
    pb::ApprovalRequest twice;
    const grpc::Status decidedTwice = approve(b, kManager2, request.name(), &twice);
    QCOMPARE(decidedTwice.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY2(decidedTwice.error_message().find("APPROVED") != std::string::npos,
             decidedTwice.error_message().c_str());
    // A second version of A's model on B is number 2, and B's next approval request gets the
    // next number after A's.
    QVERIFY_OK(createModel(a, "beta"));
    QVERIFY_OK(createVersion(b, alpha.name(), 0.95, &v2));
    QCOMPARE(v2.version(), 2);
    QCOMPARE(v2.revision(), 6);
    pb::ApprovalRequest next;
    QVERIFY_OK(requestPromotion(b, alpha.name(), 2, &next));
    QCOMPARE(next.name(), alpha.name() + "/approvalRequests/ar-2");
    QCOMPARE(request.name(), alpha.name() + "/approvalRequests/ar-1");
    // A promotion A requests and approves meanwhile; B, not having heard of it, refuses to
    // request it again: the version is in production by what is committed.
    pb::ApprovalRequest third;
    QVERIFY_OK(requestPromotion(a, alpha.name(), 2, &third));
    QCOMPARE(third.name(), alpha.name() + "/approvalRequests/ar-3");
    QVERIFY_OK(approve(a, kManager, next.name(), &decided));
    QCOMPARE(b.currentRevision(), 7);
    // A client resuming on B from what it saw on A is accepted (B reads it when it catches up).
    FeedCursor resumed(b.feed(), watchFrom(a.currentRevision()));
    QCOMPARE(resumed.start(), FeedCursor::Start::Ok);
    FeedCursor ahead(b.feed(), watchFrom(a.currentRevision() + 1));
    QCOMPARE(ahead.start(), FeedCursor::Start::InvalidArgument);
    pb::ApprovalRequest late;
    const grpc::Status inProduction = requestPromotion(b, alpha.name(), 2, &late);
    QCOMPARE(inProduction.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY2(inProduction.error_message().find("already in PRODUCTION") != std::string::npos,
             inProduction.error_message().c_str());
    pb::ModelVersion production;
    QVERIFY_OK(b.getVersion(v2.name(), &production));
    QCOMPARE(production.stage(), pb::PRODUCTION);

    // B's feed has A's commits first, then its own, each once and in order.
    const Drained got = drain(watchB);
    std::vector<std::int64_t> revisions;
    for (const auto &[revision, bytes] : got.batches)
        revisions.push_back(revision);
    const std::vector<std::int64_t> expected{1, 2, 3, 4, 5, 6, 7, 8, 9};
    QCOMPARE(revisions, expected);
    const auto history = b.readChanges(0, 100, 100);
    QCOMPARE(history.size(), size_t(9));
    for (size_t i = 0; i < history.size(); ++i)
        QVERIFY(got.batches[i].second == history[i].second);
    deaf.release();
    QVERIFY_OK(createModel(a, "gamma"));
    QTRY_COMPARE(b.currentRevision(), a.currentRevision());
    QVERIFY(snapshot(a) == snapshot(b));
    const Drained fromA = drain(resumed);
    QCOMPARE(fromA.batches.size(), size_t(1));
    QCOMPARE(fromA.batches[0].first, 10);
}

void TestPgRegistry::seedReachesOpenReplica()
{
    const std::string uri = freshDatabase("registry_seed");
    Store storeB(optionsFor(uri));
    RegistryStore b(storeB);
    QVERIFY(b.empty());
    FeedCursor early(b.feed(), watchFrom(0));
    QCOMPARE(early.start(), FeedCursor::Start::Ok);
    QCOMPARE(drain(early).end, FeedCursor::Item::Type::Idle);

    Store storeA(optionsFor(uri));
    RegistryStore a(storeA);
    platformd::registry::seedRegistryDemo(a, {7, 0});
    QVERIFY(!a.empty());
    QCOMPARE(a.currentRevision(), 1);
    // B was open on the empty store: it reloads the seeded tables (no history to read them from).
    QTRY_COMPARE(b.currentRevision(), 1);
    QVERIFY(!b.empty());
    const std::vector<std::string> seeded = snapshot(a);
    QVERIFY(seeded.size() > 100);
    QVERIFY(snapshot(b) == seeded);
    // A watcher from before the seed cannot be brought there batch by batch: list again.
    QCOMPARE(drain(early).end, FeedCursor::Item::Type::OutOfRange);
    QVERIFY2(early.message().find("oldest retained revision is 2") != std::string::npos,
             early.message().c_str());
    // B seeding too (two replicas starting together) writes nothing.
    QCOMPARE(b.seed({}, {}, {}, {}), false);
    QCOMPARE(b.currentRevision(), 1);
    // Writes after the seed flow both ways through the history.
    FeedCursor afterSeed(a.feed(), watchFrom(1));
    QCOMPARE(afterSeed.start(), FeedCursor::Start::Ok);
    pb::Model fresh;
    QVERIFY_OK(createModel(b, "after-seed", &fresh));
    QCOMPARE(fresh.revision(), 2);
    QTRY_COMPARE(a.currentRevision(), 2);
    const Drained got = drain(afterSeed);
    QCOMPARE(got.batches.size(), size_t(1));
    QCOMPARE(got.batches[0].first, 2);
    QVERIFY(snapshot(a) == snapshot(b));
}

void TestPgRegistry::compactionOnceAcrossReplicas()
{
    const std::string uri = freshDatabase("registry_compact");
    Store storeA(optionsFor(uri, 3)), storeB(optionsFor(uri, 3));
    RegistryStore a(storeA), b(storeB);
    for (int i = 0; i < 10; ++i)
        QVERIFY_OK(createModel(i % 2 ? a : b, "c" + std::to_string(i)));
    QTRY_COMPARE(a.currentRevision(), 10);
    QTRY_COMPARE(b.currentRevision(), 10);
    QCOMPARE(a.compact(), 7);
    QCOMPARE(a.oldestRetainedRevision(), 8);
    // B finds it done: nothing removed twice, and it knows where history starts now.
    QCOMPARE(b.compact(), 0);
    QCOMPARE(b.oldestRetainedRevision(), 8);
    QCOMPARE(b.readChanges(0, 100, 100).size(), size_t(3));
    FeedCursor old(b.feed(), watchFrom(5));
    QCOMPARE(old.start(), FeedCursor::Start::OutOfRange);
}

void TestPgRegistry::servingMetricsKeepOtherReplicasSplit()
{
    const std::string uri = freshDatabase("registry_metrics");
    Store storeA(optionsFor(uri)), storeB(optionsFor(uri));
    RegistryStore a(storeA), b(storeB);
    pb::Model model;
    pb::ModelVersion v1, v2;
    QVERIFY_OK(createModel(a, "served", &model));
    QVERIFY_OK(createVersion(a, model.name(), 0.9, &v1));
    QVERIFY_OK(createVersion(a, model.name(), 0.91, &v2));
    QVERIFY_OK(deploy(a, model.name(), "main", 1));
    // A's simulator samples from its copy; meanwhile B moves the traffic to a canary split.
    std::vector<pb::Deployment> sample = a.deployments();
    QCOMPARE(sample.size(), size_t(1));
    pb::UpdateTrafficRequest split;
    split.set_name(model.name() + "/deployments/main");
    pb::DeploymentVariant *stable = split.add_variants();
    stable->set_version(1);
    stable->set_traffic_percent(90);
    pb::DeploymentVariant *canary = split.add_variants();
    canary->set_version(2);
    canary->set_traffic_percent(10);
    pb::Deployment changed;
    QVERIFY_OK(b.updateTraffic(kOperator, split, &changed));
    sample[0].mutable_metrics()->set_requests_per_second(42);
    sample[0].mutable_variants(0)->mutable_metrics()->set_requests_per_second(42);
    a.updateServingMetrics(sample);
    // The metrics landed on B's split, which the stale copy did not overwrite.
    QTRY_COMPARE(b.currentRevision(), a.currentRevision());
    for (RegistryStore *r : {&a, &b}) {
        const std::vector<pb::Deployment> now = r->deployments();
        QCOMPARE(now.size(), size_t(1));
        QCOMPARE(now[0].variants_size(), 2);
        QCOMPARE(now[0].variants(0).traffic_percent(), 90);
        QCOMPARE(now[0].variants(0).metrics().requests_per_second(), 42.0);
        QCOMPARE(now[0].variants(1).version(), 2);
        QCOMPARE(now[0].metrics().requests_per_second(), 42.0);
    }
}

QTEST_GUILESS_MAIN(TestPgRegistry)
#include "tst_pgregistry.moc"
