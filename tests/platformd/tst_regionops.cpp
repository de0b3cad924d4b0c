// Failovers, maintenance windows, UpdateRegion and the per-region health names, against the real
// platformd: the seeded history and present, lists (filters, order, pages, errors), watches with
// and without include_operations, UpdateRegion (watchers, audit, validation, permissions,
// persistence across a demo restart) and grpc.health.v1 "regions/{region}" against region status.
#include "platformdprocess.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/regions.grpc.pb.h"

#include <google/protobuf/unknown_field_set.h>
#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>

#include <QtTest>

#include <cmath>
#include <map>
#include <set>
#include <thread>

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using namespace std::chrono_literals;

namespace {

std::chrono::system_clock::time_point in(std::chrono::milliseconds d)
{
    return std::chrono::system_clock::now() + d;
}

std::int64_t ms(const google::protobuf::Timestamp &t)
{
    return TimeUtil::TimestampToMilliseconds(t);
}

std::string regionOf(const std::string &name)
{
    return name.substr(0, name.find('/', 8));
}

struct Client
{
    Client(const QString &address, const std::string &token)
        : token(token)
    {
        channel = grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials());
        regions = pb::RegionService::NewStub(channel);
        identity = pb::IdentityService::NewStub(channel);
        audit = pb::AuditService::NewStub(channel);
    }
    std::unique_ptr<grpc::ClientContext> ctx(std::chrono::milliseconds timeout = 10s) const
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(in(timeout));
        c->AddMetadata("authorization", "Bearer " + token);
        return c;
    }
    std::map<std::string, pb::Region> listRegions(std::int64_t *revision = nullptr)
    {
        pb::ListRegionsResponse response;
        const grpc::Status s = regions->ListRegions(ctx().get(), {}, &response);
        if (!s.ok())
            qWarning("ListRegions: %s", s.error_message().c_str());
        if (revision)
            *revision = response.revision();
        std::map<std::string, pb::Region> out;
        for (const pb::Region &r : response.regions())
            out[r.name()] = r;
        return out;
    }
    grpc::Status failovers(const std::string &parent, const std::string &filter,
                           const std::string &orderBy, int pageSize, const std::string &pageToken,
                           pb::ListFailoversResponse *response)
    {
        pb::ListFailoversRequest request;
        request.set_parent(parent);
        request.set_filter(filter);
        request.set_order_by(orderBy);
        request.set_page_size(pageSize);
        request.set_page_token(pageToken);
        return regions->ListFailovers(ctx().get(), request, response);
    }
    std::vector<pb::Failover> allFailovers(const std::string &filter = {})
    {
        pb::ListFailoversResponse response;
        const grpc::Status s = failovers("regions/-", filter, {}, 1000, {}, &response);
        if (!s.ok())
            qWarning("ListFailovers: %s", s.error_message().c_str());
        return {response.failovers().begin(), response.failovers().end()};
    }
    std::vector<pb::MaintenanceWindow> allWindows(const std::string &filter = {},
                                                  const std::string &parent = "regions/-")
    {
        pb::ListMaintenanceWindowsRequest request;
        request.set_parent(parent);
        request.set_filter(filter);
        request.set_page_size(1000);
        pb::ListMaintenanceWindowsResponse response;
        const grpc::Status s = regions->ListMaintenanceWindows(ctx().get(), request, &response);
        if (!s.ok())
            qWarning("ListMaintenanceWindows: %s", s.error_message().c_str());
        return {response.maintenance_windows().begin(), response.maintenance_windows().end()};
    }
    grpc::Status update(const pb::Region &region, const std::vector<std::string> &paths,
                        pb::Region *out, const std::string &asToken = {})
    {
        pb::UpdateRegionRequest request;
        *request.mutable_region() = region;
        for (const std::string &p : paths)
            request.mutable_update_mask()->add_paths(p);
        auto context = ctx();
        if (!asToken.empty()) {
            context = std::make_unique<grpc::ClientContext>();
            context->set_deadline(in(10s));
            context->AddMetadata("authorization", "Bearer " + asToken);
        }
        return regions->UpdateRegion(context.get(), request, out);
    }
    pb::AuditEvent lastAudit(const std::string &action)
    {
        pb::ListAuditEventsRequest request;
        request.set_filter("action = \"" + action + "\"");
        request.set_order_by("seq desc");
        request.set_page_size(1);
        pb::ListAuditEventsResponse response;
        const grpc::Status s = audit->ListAuditEvents(ctx().get(), request, &response);
        if (!s.ok() || response.events_size() == 0)
            return {};
        return response.events(0);
    }
    // grpc.health.v1.Health/Check with hand-encoded messages (no generated health code installed).
    grpc::StatusCode health(const std::string &service, int *serving)
    {
        std::string request;
        request.push_back('\x0a');
        request.push_back(char(service.size()));
        request += service;
        grpc::Slice slice(request);
        grpc::ByteBuffer in(&slice, 1), out;
        grpc::ClientContext context;
        context.set_deadline(::in(5s));
        grpc::internal::RpcMethod method("/grpc.health.v1.Health/Check",
                                         grpc::internal::RpcMethod::NORMAL_RPC);
        const grpc::Status status =
            grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer>(
                channel.get(), method, &context, in, &out);
        *serving = 0;
        std::vector<grpc::Slice> slices;
        std::string bytes;
        if (status.ok() && out.Dump(&slices).ok())
            for (const grpc::Slice &s : slices)
                bytes.append(reinterpret_cast<const char *>(s.begin()), s.size());
        google::protobuf::UnknownFieldSet fields;
        fields.ParseFromString(bytes);
        for (int i = 0; i < fields.field_count(); ++i)
            if (fields.field(i).number() == 1)
                *serving = int(fields.field(i).varint());
        return status.error_code();
    }
    // A user with roles and a token for it, made by the admin through IdentityService.
    std::string userToken(const std::string &userId, const std::string &role)
    {
        pb::CreateUserRequest cu;
        cu.set_user_id(userId);
        cu.add_roles(role);
        pb::User user;
        if (const grpc::Status s = identity->CreateUser(ctx().get(), cu, &user); !s.ok()) {
            qWarning("CreateUser: %s", s.error_message().c_str());
            return {};
        }
        pb::CreateTokenRequest ct;
        ct.set_user("users/" + userId);
        pb::CreateTokenResponse token;
        if (const grpc::Status s = identity->CreateToken(ctx().get(), ct, &token); !s.ok()) {
            qWarning("CreateToken: %s", s.error_message().c_str());
            return {};
        }
        return token.secret();
    }

    std::string token;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<pb::RegionService::Stub> regions;
    std::unique_ptr<pb::IdentityService::Stub> identity;
    std::unique_ptr<pb::AuditService::Stub> audit;
};

constexpr int kServing = 1, kNotServing = 2;

} // namespace

class TestRegionOps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void seededHistory();
    void outagesAreAvailabilityDips();
    void listFailovers_data();
    void listFailovers();
    void listMaintenanceWindows();
    void pagination();
    void listErrors_data();
    void listErrors();
    void watchReplaysOperationsOnlyWhenAsked();
    void watchLiveWindowStart();
    void updateRegion();
    void updateRegionValidation_data();
    void updateRegionValidation();
    void updateRegionRefusedWithoutRegionsWrite();
    void regionHealthFollowsStatus();
    void demoHealthEndpoints();
    void explicitEndpointSurvivesDemoRestart();

private:
    PlatformdProcess m_platformd;
    std::unique_ptr<Client> m_client;
};

void TestRegionOps::initTestCase()
{
    QVERIFY2(m_platformd.start({"--demo", "--seed", "7", "--progress-interval-ms", "300"}),
             qPrintable(m_platformd.errorString()));
    m_client =
        std::make_unique<Client>(m_platformd.address(), m_platformd.adminToken().toStdString());
}

void TestRegionOps::seededHistory()
{
    const auto regions = m_client->listRegions();
    QCOMPARE(int(regions.size()), 9);
    // SLO targets: 99.99 % by default, a few regions lower.
    std::map<double, int> slos;
    for (const auto &[name, r] : regions)
        ++slos[r.slo_availability()];
    QVERIFY(slos[0.9999] >= 5);
    QVERIFY(slos[0.9995] >= 1);
    QVERIFY(slos[0.999] >= 1);
    QCOMPARE(slos.size(), size_t(3));

    // A fresh demo is not all healthy: something degraded, a failover active, a window running.
    int degraded = 0;
    for (const auto &[name, r] : regions)
        degraded += r.status() == pb::DEGRADED;
    QVERIFY(degraded >= 1);

    const auto failovers = m_client->allFailovers();
    QVERIFY(failovers.size() >= 3);
    const std::int64_t now = ms(TimeUtil::GetCurrentTime());
    int active = 0;
    for (const pb::Failover &f : failovers) {
        QVERIFY2(f.name().starts_with(f.source_region() + "/failovers/fo-"), f.name().c_str());
        QVERIFY(regions.count(f.source_region()));
        QVERIFY(regions.count(f.target_region()));
        QVERIFY(f.source_region() != f.target_region());
        QVERIFY(f.traffic_fraction() > 0 && f.traffic_fraction() <= 1);
        QVERIFY(!f.reason().empty());
        QVERIFY(f.revision() >= 1);
        QVERIFY(ms(f.start_time()) > now - 31LL * 86400000 && ms(f.start_time()) < now);
        if (f.state() == pb::Failover::ACTIVE) {
            ++active;
            QVERIFY(!f.has_end_time());
            // The failed region is down and points at the region receiving its traffic.
            const pb::Region &source = regions.at(f.source_region());
            QCOMPARE(pb::HealthStatus_Name(source.status()), std::string("DOWN"));
            QCOMPARE(source.failover_target(), f.target_region());
        } else {
            QCOMPARE(f.state(), pb::Failover::COMPLETED);
            QVERIFY(ms(f.end_time()) > ms(f.start_time()));
        }
    }
    QVERIFY(active >= 1);

    const auto windows = m_client->allWindows();
    int scheduled = 0, running = 0, completed = 0;
    for (const pb::MaintenanceWindow &w : windows) {
        QVERIFY2(w.name().find("/maintenanceWindows/mw-") != std::string::npos, w.name().c_str());
        QVERIFY(!w.title().empty());
        QVERIFY(w.components_size() >= 1);
        for (const std::string &c : w.components())
            QVERIFY2(c.starts_with(regionOf(w.name()) + "/components/"), c.c_str());
        QVERIFY(ms(w.end_time()) > ms(w.start_time()));
        switch (w.state()) {
        case pb::MaintenanceWindow::SCHEDULED:
            ++scheduled;
            QVERIFY(ms(w.start_time()) > now - 60000);
            break;
        case pb::MaintenanceWindow::IN_PROGRESS:
            ++running;
            QVERIFY(ms(w.start_time()) <= now && ms(w.end_time()) > now - 60000);
            QCOMPARE(pb::HealthStatus_Name(regions.at(regionOf(w.name())).status()),
                     std::string("MAINTENANCE"));
            break;
        case pb::MaintenanceWindow::COMPLETED:
            ++completed;
            QVERIFY(ms(w.end_time()) < now);
            break;
        default:
            QCOMPARE(w.state(), pb::MaintenanceWindow::CANCELLED);
        }
    }
    QVERIFY(scheduled >= 1 && scheduled <= 3);
    QVERIFY(running >= 1);
    QVERIFY(completed >= 9); // every region had at least one in the last 30 days

    // Deterministic per seed: a second demo with seed 7 has the same failovers and windows.
    PlatformdProcess twin;
    QVERIFY2(twin.start({"--demo", "--seed", "7"}), qPrintable(twin.errorString()));
    Client other(twin.address(), twin.adminToken().toStdString());
    const auto describe = [](const std::vector<pb::Failover> &fs) {
        std::set<std::string> out;
        for (const auto &f : fs)
            out.insert(f.source_region() + ">" + f.target_region() + " " + f.reason() + " " +
                       pb::Failover::State_Name(f.state()));
        return out;
    };
    QCOMPARE(describe(other.allFailovers()), describe(failovers));
}

void TestRegionOps::outagesAreAvailabilityDips()
{
    // A completed failover's outage shows in GetRegionMetrics as an availability dip.
    int checked = 0;
    for (const pb::Failover &f : m_client->allFailovers("state = COMPLETED")) {
        pb::GetRegionMetricsRequest request;
        request.set_name(f.source_region());
        *request.mutable_start_time() =
            TimeUtil::MillisecondsToTimestamp(ms(f.start_time()) - 3600000);
        *request.mutable_end_time() = TimeUtil::MillisecondsToTimestamp(ms(f.end_time()) + 3600000);
        *request.mutable_resolution() = TimeUtil::SecondsToDuration(300);
        pb::RegionMetrics metrics;
        const grpc::Status s =
            m_client->regions->GetRegionMetrics(m_client->ctx().get(), request, &metrics);
        QVERIFY2(s.ok(), s.error_message().c_str());
        double lowest = 1, highest = 0;
        for (const auto &p : metrics.points()) {
            lowest = std::min(lowest, p.availability());
            highest = std::max(highest, p.availability());
        }
        QVERIFY2(lowest < 0.97, qPrintable(QString("%1: lowest availability %2")
                                               .arg(QString::fromStdString(f.name()))
                                               .arg(lowest)));
        QVERIFY(highest > 0.999);
        ++checked;
    }
    QVERIFY(checked >= 1);
}

void TestRegionOps::listFailovers_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("state"); // every result has this state ("" = any)
    QTest::newRow("active") << "state = ACTIVE"
                            << "ACTIVE";
    QTest::newRow("completed") << "state = COMPLETED"
                               << "COMPLETED";
    QTest::newRow("recent") << "start_time > \"2000-01-01T00:00:00Z\" AND traffic_fraction > 0.5"
                            << "";
}

void TestRegionOps::listFailovers()
{
    QFETCH(QString, filter);
    QFETCH(QString, state);
    const auto all = m_client->allFailovers();
    const auto matched = m_client->allFailovers(filter.toStdString());
    QVERIFY(!matched.empty());
    QVERIFY(matched.size() <= all.size());
    for (const pb::Failover &f : matched)
        if (!state.isEmpty())
            QCOMPARE(QString::fromStdString(pb::Failover::State_Name(f.state())), state);
    // Default order: newest first.
    for (size_t i = 1; i < all.size(); ++i)
        QVERIFY(ms(all[i - 1].start_time()) >= ms(all[i].start_time()));
    // A region's parent lists only its own.
    const std::string source = all.front().source_region();
    pb::ListFailoversResponse own;
    QVERIFY(m_client->failovers(source, filter.toStdString(), "start_time", 1000, {}, &own).ok());
    for (const pb::Failover &f : own.failovers())
        QCOMPARE(f.source_region(), source);
    for (int i = 1; i < own.failovers_size(); ++i) // order_by start_time: oldest first
        QVERIFY(ms(own.failovers(i - 1).start_time()) <= ms(own.failovers(i).start_time()));
}

void TestRegionOps::listMaintenanceWindows()
{
    const auto all = m_client->allWindows();
    QVERIFY(all.size() >= 10);
    for (size_t i = 1; i < all.size(); ++i)
        QVERIFY(ms(all[i - 1].start_time()) >= ms(all[i].start_time()));
    const auto upcoming = m_client->allWindows("state = SCHEDULED");
    QVERIFY(!upcoming.empty());
    for (const auto &w : upcoming)
        QCOMPARE(w.state(), pb::MaintenanceWindow::SCHEDULED);
    const std::string region = regionOf(all.front().name());
    for (const auto &w : m_client->allWindows({}, region))
        QCOMPARE(regionOf(w.name()), region);
    const auto titled = m_client->allWindows("title = \"*upgrade*\" OR state = CANCELLED");
    for (const auto &w : titled)
        QVERIFY(w.title().find("upgrade") != std::string::npos ||
                w.state() == pb::MaintenanceWindow::CANCELLED);
}

void TestRegionOps::pagination()
{
    pb::ListFailoversResponse first;
    QVERIFY(m_client->failovers("regions/-", {}, {}, 0, {}, &first).ok());
    const int total = first.total_size();
    QCOMPARE(first.failovers_size(), std::min(total, 100)); // default page size 100
    QVERIFY(first.revision() >= 2);
    std::vector<std::string> paged;
    std::string token;
    int pages = 0;
    do {
        pb::ListFailoversResponse page;
        const grpc::Status s = m_client->failovers("regions/-", "state = COMPLETED",
                                                   "start_time desc", 2, token, &page);
        QVERIFY2(s.ok(), s.error_message().c_str());
        QVERIFY(page.failovers_size() <= 2);
        for (const auto &f : page.failovers())
            paged.push_back(f.name());
        token = page.next_page_token();
        ++pages;
    } while (!token.empty() && pages < 100);
    std::vector<std::string> whole;
    for (const auto &f : m_client->allFailovers("state = COMPLETED"))
        whole.push_back(f.name());
    QCOMPARE(paged, whole);
    QVERIFY(pages >= 2);
    // A page token from one request does not fit another.
    pb::ListFailoversResponse page;
    QVERIFY(m_client->failovers("regions/-", {}, {}, 1, {}, &page).ok());
    pb::ListFailoversResponse other;
    const grpc::Status s =
        m_client->failovers("regions/-", "state = ACTIVE", {}, 1, page.next_page_token(), &other);
    QCOMPARE(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}

void TestRegionOps::listErrors_data()
{
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("orderBy");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const int invalid = int(grpc::StatusCode::INVALID_ARGUMENT);
    QTest::newRow("bad field") << "regions/-"
                               << "stat = ACTIVE"
                               << "" << 0 << invalid << "unknown field \"stat\"";
    QTest::newRow("bad enum") << "regions/-"
                              << "state = RUNNING"
                              << "" << 0 << invalid << "\"RUNNING\" is not a value";
    QTest::newRow("bad time") << "regions/-"
                              << "start_time > \"yesterday\""
                              << "" << 0 << invalid << "is not an RFC 3339 timestamp";
    QTest::newRow("bad order") << "regions/-"
                               << ""
                               << "begin desc" << 0 << invalid << "order_by: unknown field";
    QTest::newRow("negative page") << "regions/-"
                                   << ""
                                   << "" << -1 << invalid << "page_size";
    QTest::newRow("bad parent") << "regions"
                                << ""
                                << "" << 0 << invalid << "parent:";
    QTest::newRow("unknown region")
        << "regions/atlantis"
        << ""
        << "" << 0 << int(grpc::StatusCode::NOT_FOUND) << "regions/atlantis not found";
}

void TestRegionOps::listErrors()
{
    QFETCH(QString, parent);
    QFETCH(QString, filter);
    QFETCH(QString, orderBy);
    QFETCH(int, pageSize);
    QFETCH(int, code);
    QFETCH(QString, message);
    pb::ListFailoversResponse failovers;
    grpc::Status s = m_client->failovers(parent.toStdString(), filter.toStdString(),
                                         orderBy.toStdString(), pageSize, {}, &failovers);
    QCOMPARE(int(s.error_code()), code);
    QVERIFY2(QString::fromStdString(s.error_message()).contains(message),
             s.error_message().c_str());
    // The same for maintenance windows (state values differ but the errors are the same kind).
    pb::ListMaintenanceWindowsRequest request;
    request.set_parent(parent.toStdString());
    request.set_filter(filter.toStdString());
    request.set_order_by(orderBy.toStdString());
    request.set_page_size(pageSize);
    pb::ListMaintenanceWindowsResponse windows;
    s = m_client->regions->ListMaintenanceWindows(m_client->ctx().get(), request, &windows);
    QCOMPARE(int(s.error_code()), code);
}

void TestRegionOps::watchReplaysOperationsOnlyWhenAsked()
{
    // Revision 2 is the seed's operations; resuming after revision 1 replays it.
    const auto firstBatch = [&](bool operations, pb::RegionChangeBatch *out) {
        grpc::ClientContext context;
        context.AddMetadata("authorization", "Bearer " + m_client->token);
        context.set_deadline(in(10s));
        pb::WatchRegionsRequest request;
        request.set_after_revision(1);
        request.set_include_operations(operations);
        auto reader = m_client->regions->WatchRegions(&context, request);
        pb::WatchRegionsResponse response;
        while (reader->Read(&response)) {
            if (response.has_changes()) {
                *out = response.changes();
                break;
            }
        }
        context.TryCancel();
        reader->Finish();
    };
    pb::RegionChangeBatch with, without;
    firstBatch(true, &with);
    firstBatch(false, &without);
    QCOMPARE(with.revision(), std::int64_t(2));
    QCOMPARE(without.revision(), std::int64_t(2)); // the regions of that transaction, no gap
    int failovers = 0, windows = 0, regions = 0;
    for (const auto &e : with.events()) {
        failovers += e.has_failover();
        windows += e.has_maintenance_window();
        regions += e.has_region();
        if (e.has_failover()) {
            QCOMPARE(e.name(), e.failover().name());
            QCOMPARE(e.failover().revision(), std::int64_t(2));
        }
        if (e.has_maintenance_window())
            QCOMPARE(e.name(), e.maintenance_window().name());
    }
    QVERIFY(failovers >= 3);
    QVERIFY(windows >= 10);
    QCOMPARE(regions, 9);
    for (const auto &e : without.events())
        QVERIFY2(e.has_region(), e.name().c_str());
    QCOMPARE(without.events_size(), 9);
}

void TestRegionOps::watchLiveWindowStart()
{
    // The seed announces a window starting within half a minute: a watcher with operations sees it
    // go IN_PROGRESS together with its region turning MAINTENANCE; a watcher without operations
    // sees the region change at the same revision, and never a window or failover.
    std::vector<pb::MaintenanceWindow> soon;
    for (const auto &w : m_client->allWindows("state = SCHEDULED"))
        if (ms(w.start_time()) < ms(TimeUtil::GetCurrentTime()) + 120000)
            soon.push_back(w);
    QCOMPARE(int(soon.size()), 1);
    const std::string windowName = soon.front().name();
    const std::string regionName = regionOf(windowName);
    std::int64_t listed = 0;
    m_client->listRegions(&listed);

    std::int64_t startRevision = 0;
    std::set<std::int64_t> plainRevisions;
    bool plainSawOperations = false;
    std::atomic<bool> done{false};
    grpc::ClientContext plainContext;
    plainContext.AddMetadata("authorization", "Bearer " + m_client->token);
    plainContext.set_deadline(in(50s));
    std::thread plain([&] {
        pb::WatchRegionsRequest request;
        request.set_after_revision(listed);
        auto reader = m_client->regions->WatchRegions(&plainContext, request);
        pb::WatchRegionsResponse response;
        while (!done && reader->Read(&response)) {
            if (!response.has_changes())
                continue;
            plainRevisions.insert(response.changes().revision());
            for (const auto &e : response.changes().events())
                plainSawOperations =
                    plainSawOperations || e.has_failover() || e.has_maintenance_window();
        }
        reader->Finish();
    });
    {
        grpc::ClientContext context;
        context.AddMetadata("authorization", "Bearer " + m_client->token);
        context.set_deadline(in(45s));
        pb::WatchRegionsRequest request;
        request.set_after_revision(listed);
        request.set_include_operations(true);
        auto reader = m_client->regions->WatchRegions(&context, request);
        pb::WatchRegionsResponse response;
        while (!startRevision && reader->Read(&response)) {
            if (!response.has_changes())
                continue;
            bool started = false, regionChanged = false;
            for (const auto &e : response.changes().events()) {
                if (e.has_maintenance_window() && e.name() == windowName &&
                    e.maintenance_window().state() == pb::MaintenanceWindow::IN_PROGRESS)
                    started = true;
                if (e.has_region() && e.name() == regionName)
                    regionChanged = e.region().status() != pb::HEALTHY;
            }
            if (started) {
                QVERIFY2(regionChanged, "the region changes in the window's transaction");
                startRevision = response.changes().revision();
            }
        }
        context.TryCancel();
        reader->Finish();
    }
    QVERIFY2(startRevision > 0, "the announced window started within 45 s");
    // Let the plain watcher reach that revision, then stop it.
    QTRY_VERIFY_WITH_TIMEOUT(!plainRevisions.empty() && *plainRevisions.rbegin() >= startRevision,
                             10000);
    done = true;
    plainContext.TryCancel();
    plain.join();
    QVERIFY(plainRevisions.count(startRevision));
    QVERIFY(!plainSawOperations);
}

void TestRegionOps::updateRegion()
{
    const std::string name = "regions/eu-west";
    std::int64_t listed = 0;
    m_client->listRegions(&listed);
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer " + m_client->token);
    context.set_deadline(in(30s));
    pb::WatchRegionsRequest request;
    request.set_after_revision(listed);
    auto reader = m_client->regions->WatchRegions(&context, request);

    pb::Region change;
    change.set_name(name);
    change.set_slo_availability(0.9995);
    change.set_health_endpoint("probe.example.com:8443");
    change.set_health_service("ops.Probe");
    change.set_display_name("ignored: not in the mask");
    pb::Region updated;
    const grpc::Status s = m_client->update(
        change, {"slo_availability", "health_endpoint", "health_service"}, &updated);
    QVERIFY2(s.ok(), s.error_message().c_str());
    QCOMPARE(updated.name(), name);
    QCOMPARE(updated.slo_availability(), 0.9995);
    QCOMPARE(updated.health_endpoint(), std::string("probe.example.com:8443"));
    QCOMPARE(updated.health_service(), std::string("ops.Probe"));
    QCOMPARE(updated.display_name(), std::string("Europe (Ireland)"));
    QVERIFY(updated.revision() > listed);

    // The watcher sees the change at its revision, and later simulator writes of the region keep
    // it.
    pb::WatchRegionsResponse response;
    bool seen = false;
    int laterWrites = 0;
    while (laterWrites < 2 && reader->Read(&response)) {
        if (!response.has_changes())
            continue;
        for (const auto &e : response.changes().events()) {
            if (!e.has_region() || e.name() != name)
                continue;
            if (response.changes().revision() == updated.revision()) {
                seen = true;
                QCOMPARE(e.region().slo_availability(), 0.9995);
                QCOMPARE(e.region().health_endpoint(), updated.health_endpoint());
            } else if (response.changes().revision() > updated.revision()) {
                ++laterWrites;
                QCOMPARE(e.region().slo_availability(), 0.9995);
                QCOMPARE(e.region().health_service(), std::string("ops.Probe"));
            }
        }
    }
    context.TryCancel();
    reader->Finish();
    QVERIFY(seen);
    QCOMPARE(laterWrites, 2);

    // Audited: who, what, on which region.
    const pb::AuditEvent e = m_client->lastAudit("/ops.platform.v1.RegionService/UpdateRegion");
    QCOMPARE(e.result(), std::string("OK"));
    QCOMPARE(e.resource(), name);
    QCOMPARE(e.actor(), std::string("users/admin"));
    QVERIFY2(e.request_summary().find("slo_availability=0.9995") != std::string::npos,
             e.request_summary().c_str());
    QVERIFY2(e.request_summary().find("probe.example.com:8443") != std::string::npos,
             e.request_summary().c_str());

    // Clearing the endpoint is allowed.
    change.set_health_endpoint("");
    QVERIFY(m_client->update(change, {"health_endpoint"}, &updated).ok());
    QCOMPARE(updated.health_endpoint(), std::string());
    QCOMPARE(updated.health_service(), std::string("ops.Probe"));
}

void TestRegionOps::updateRegionValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("mask");
    QTest::addColumn<double>("slo");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const int invalid = int(grpc::StatusCode::INVALID_ARGUMENT);
    const QStringList slo{"slo_availability"}, ep{"health_endpoint"}, svc{"health_service"};
    const QString r = "regions/us-west";
    QTest::newRow("slo 0") << r << slo << 0.0 << ""
                           << "" << invalid << "region.slo_availability";
    QTest::newRow("slo 1") << r << slo << 1.0 << ""
                           << "" << invalid << "region.slo_availability";
    QTest::newRow("slo 1.5") << r << slo << 1.5 << ""
                             << "" << invalid << "region.slo_availability";
    QTest::newRow("slo negative") << r << slo << -0.5 << ""
                                  << "" << invalid << "region.slo_availability";
    QTest::newRow("slo NaN") << r << slo << std::nan("") << ""
                             << "" << invalid << "region.slo_availability";
    QTest::newRow("no port") << r << ep << 0.0 << "probe.example.com"
                             << "" << invalid << "region.health_endpoint";
    QTest::newRow("port 0") << r << ep << 0.0 << "probe:0"
                            << "" << invalid << "region.health_endpoint";
    QTest::newRow("port too big") << r << ep << 0.0 << "probe:70000"
                                  << "" << invalid << "1 to 65535";
    QTest::newRow("port not a number") << r << ep << 0.0 << "probe:https"
                                       << "" << invalid << "region.health_endpoint";
    QTest::newRow("space in host") << r << ep << 0.0 << "bad host:80"
                                   << "" << invalid << "not a valid DNS name";
    QTest::newRow("bare IPv6") << r << ep << 0.0 << "::1:80"
                               << "" << invalid << "in brackets";
    QTest::newRow("no host") << r << ep << 0.0 << ":80"
                             << "" << invalid << "host is missing";
    QTest::newRow("control char") << r << svc << 0.0 << ""
                                  << "a\tb" << invalid << "region.health_service";
    QTest::newRow("unknown path") << r << QStringList{"status"} << 0.0 << ""
                                  << "" << invalid << "\"status\"";
    QTest::newRow("unknown among known")
        << r << QStringList{"slo_availability", "display_name"} << 0.999 << ""
        << "" << invalid << "\"display_name\"";
    QTest::newRow("empty mask") << r << QStringList{} << 0.999 << ""
                                << "" << invalid << "update_mask";
    QTest::newRow("bad name") << "us-west" << slo << 0.999 << ""
                              << "" << invalid << "region.name";
    QTest::newRow("unknown region")
        << "regions/atlantis" << slo << 0.999 << ""
        << "" << int(grpc::StatusCode::NOT_FOUND) << "regions/atlantis not found";
}

void TestRegionOps::updateRegionValidation()
{
    QFETCH(QString, name);
    QFETCH(QStringList, mask);
    QFETCH(double, slo);
    QFETCH(QString, endpoint);
    QFETCH(QString, service);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto before = m_client->listRegions();
    pb::Region change;
    change.set_name(name.toStdString());
    change.set_slo_availability(slo);
    change.set_health_endpoint(endpoint.toStdString());
    change.set_health_service(service.toStdString());
    std::vector<std::string> paths;
    for (const QString &p : mask)
        paths.push_back(p.toStdString());
    pb::Region out;
    const grpc::Status s = m_client->update(change, paths, &out);
    QCOMPARE(int(s.error_code()), code);
    QVERIFY2(QString::fromStdString(s.error_message()).contains(message),
             s.error_message().c_str());
    // Nothing changed, and the refusal is audited.
    const auto after = m_client->listRegions();
    for (const auto &[n, r] : before) {
        QCOMPARE(after.at(n).slo_availability(), r.slo_availability());
        QCOMPARE(after.at(n).health_endpoint(), r.health_endpoint());
        QCOMPARE(after.at(n).health_service(), r.health_service());
    }
    const pb::AuditEvent e = m_client->lastAudit("/ops.platform.v1.RegionService/UpdateRegion");
    QCOMPARE(e.result(), code == int(grpc::StatusCode::NOT_FOUND)
                             ? std::string("NOT_FOUND")
                             : std::string("INVALID_ARGUMENT"));
    QCOMPARE(e.result_message(), s.error_message());
}

void TestRegionOps::updateRegionRefusedWithoutRegionsWrite()
{
    for (const std::string role : {"viewer", "manager"}) {
        const std::string token = m_client->userToken("ops-" + role, role);
        QVERIFY(!token.empty());
        pb::Region change;
        change.set_name("regions/us-east");
        change.set_slo_availability(0.99);
        pb::Region out;
        const grpc::Status s = m_client->update(change, {"slo_availability"}, &out, token);
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::PERMISSION_DENIED));
        // Reading is allowed.
        Client reader(m_platformd.address(), token);
        pb::ListFailoversResponse failovers;
        QVERIFY(reader.failovers("regions/-", {}, {}, 0, {}, &failovers).ok());
    }
    QCOMPARE(m_client->listRegions().at("regions/us-east").slo_availability(), 0.9999);
}

void TestRegionOps::regionHealthFollowsStatus()
{
    // Statuses move while we look: retry until one pass over every region agrees (bounded), and
    // require a down region (the seed starts with one) answering NOT_SERVING.
    int serving = 0;
    QCOMPARE(m_client->health("regions/atlantis", &serving), grpc::StatusCode::NOT_FOUND);
    QString mismatch;
    bool sawDown = false;
    // One pass over every region: true when each health name matches its region's status.
    const auto agree = [&] {
        mismatch.clear();
        for (const auto &[name, r] : m_client->listRegions()) {
            int answer = 0;
            if (m_client->health(name, &answer) != grpc::StatusCode::OK) {
                mismatch = QString::fromStdString(name) + ": health check failed";
                return false;
            }
            const int expected = r.status() == pb::DOWN ? kNotServing : kServing;
            sawDown = sawDown || (r.status() == pb::DOWN && answer == kNotServing);
            if (answer != expected) {
                mismatch = QString("%1 is %2, health says %3")
                               .arg(QString::fromStdString(name),
                                    QString::fromStdString(pb::HealthStatus_Name(r.status())))
                               .arg(answer);
                return false;
            }
        }
        return sawDown;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(agree(), qPrintable(mismatch), 10000);
    QVERIFY2(sawDown, "a DOWN region answers NOT_SERVING");
    // The server as a whole stays SERVING.
    QCOMPARE(m_client->health("", &serving), grpc::StatusCode::OK);
    QCOMPARE(serving, kServing);
}

void TestRegionOps::demoHealthEndpoints()
{
    int checked = 0;
    for (const auto &[name, r] : m_client->listRegions()) {
        if (name == "regions/eu-west")
            continue; // set through UpdateRegion above
        QCOMPARE(QString::fromStdString(r.health_endpoint()), m_platformd.address());
        QCOMPARE(r.health_service(), name);
        ++checked;
    }
    QCOMPARE(checked, 8);
}

void TestRegionOps::explicitEndpointSurvivesDemoRestart()
{
    QTemporaryDir dir;
    std::string setAddress;
    {
        PlatformdProcess first;
        QVERIFY2(first.start({"--demo", "--seed", "3"}, dir.path()),
                 qPrintable(first.errorString()));
        Client client(first.address(), first.adminToken().toStdString());
        pb::Region change;
        change.set_name("regions/ap-southeast");
        change.set_health_endpoint("[::1]:50051");
        change.set_health_service("");
        pb::Region out;
        const grpc::Status s = client.update(change, {"health_endpoint", "health_service"}, &out);
        QVERIFY2(s.ok(), s.error_message().c_str());
        setAddress = first.address().toStdString();
        QCOMPARE(first.terminate(), 0);
    }
    PlatformdProcess second;
    QVERIFY2(second.start({"--demo", "--seed", "3"}, dir.path()), qPrintable(second.errorString()));
    QVERIFY(second.address().toStdString() != setAddress);
    Client client(second.address(), second.adminToken().toStdString());
    const auto regions = client.listRegions();
    QCOMPARE(int(regions.size()), 9);
    for (const auto &[name, r] : regions) {
        if (name == "regions/ap-southeast") {
            QCOMPARE(r.health_endpoint(), std::string("[::1]:50051"));
            QCOMPARE(r.health_service(), std::string());
        } else {
            QCOMPARE(QString::fromStdString(r.health_endpoint()), second.address());
        }
    }
}

QTEST_GUILESS_MAIN(TestRegionOps)
#include "tst_regionops.moc"
