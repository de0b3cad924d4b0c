// The real platformd binary over real gRPC channels: the API, health, reflection, determinism,
// crash recovery, graceful shutdown and refusing a corrupt database.
#include "platformdprocess.h"

#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/regions.grpc.pb.h"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/sync_stream.h>

#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using namespace std::chrono_literals;

namespace {

std::chrono::system_clock::time_point in(std::chrono::milliseconds d)
{
    return std::chrono::system_clock::now() + d;
}

// grpc.health.v1 and grpc.reflection.v1alpha messages built at run time: no generated code for
// them is installed.
class DynamicProtos
{
public:
    DynamicProtos()
    {
        using F = google::protobuf::FieldDescriptorProto;
        google::protobuf::FileDescriptorProto file;
        file.set_name("tst_platformd_dynamic.proto");
        file.set_package("t");
        file.set_syntax("proto3");
        auto message = [&](const char *name) {
            auto *m = file.add_message_type();
            m->set_name(name);
            return m;
        };
        auto field = [](google::protobuf::DescriptorProto *m, const char *name, int number,
                        F::Type type, const char *typeName = nullptr, bool repeated = false) {
            auto *f = m->add_field();
            f->set_name(name);
            f->set_number(number);
            f->set_type(type);
            f->set_label(repeated ? F::LABEL_REPEATED : F::LABEL_OPTIONAL);
            if (typeName)
                f->set_type_name(typeName);
        };
        field(message("HealthCheckRequest"), "service", 1, F::TYPE_STRING);
        field(message("HealthCheckResponse"), "status", 1, F::TYPE_INT32);
        field(message("ReflectionRequest"), "list_services", 7, F::TYPE_STRING);
        auto *response = message("ReflectionResponse");
        field(response, "list_services_response", 6, F::TYPE_MESSAGE, ".t.ListServiceResponse");
        field(message("ListServiceResponse"), "service", 1, F::TYPE_MESSAGE, ".t.ServiceResponse",
              true);
        field(message("ServiceResponse"), "name", 1, F::TYPE_STRING);
        m_file = m_pool.BuildFile(file);
    }
    std::unique_ptr<google::protobuf::Message> make(const char *name)
    {
        const auto *type = m_pool.FindMessageTypeByName(std::string("t.") + name);
        return std::unique_ptr<google::protobuf::Message>(m_factory.GetPrototype(type)->New());
    }

private:
    google::protobuf::DescriptorPool m_pool;
    google::protobuf::DynamicMessageFactory m_factory{&m_pool};
    const google::protobuf::FileDescriptor *m_file = nullptr;
};

struct Client
{
    Client(const QString &address, const QString &adminToken)
        : token(adminToken.toStdString())
    {
        channel = grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials());
        regions = pb::RegionService::NewStub(channel);
        identity = pb::IdentityService::NewStub(channel);
    }
    std::unique_ptr<grpc::ClientContext> ctx(std::chrono::milliseconds timeout = 5s)
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(in(timeout));
        authorize(*c);
        return c;
    }
    void authorize(grpc::ClientContext &c) const
    {
        c.AddMetadata("authorization", "Bearer " + token);
    }
    std::string token;
    std::vector<pb::Region> listRegions(std::int64_t *revision = nullptr,
                                        const std::string &filter = {})
    {
        pb::ListRegionsRequest request;
        request.set_filter(filter);
        pb::ListRegionsResponse response;
        const auto status = regions->ListRegions(ctx().get(), request, &response);
        if (!status.ok())
            qWarning("ListRegions: %s", status.error_message().c_str());
        if (revision)
            *revision = response.revision();
        return {response.regions().begin(), response.regions().end()};
    }
    std::vector<pb::EdgeNode> listEdgeNodes(std::int64_t *revision = nullptr)
    {
        std::vector<pb::EdgeNode> all;
        pb::ListEdgeNodesRequest request;
        request.set_parent("regions/-");
        request.set_page_size(1000);
        pb::ListEdgeNodesResponse response;
        const auto status = regions->ListEdgeNodes(ctx().get(), request, &response);
        if (!status.ok())
            qWarning("ListEdgeNodes: %s", status.error_message().c_str());
        all.assign(response.edge_nodes().begin(), response.edge_nodes().end());
        if (revision)
            *revision = response.revision();
        return all;
    }
    std::vector<pb::Component> listComponents(std::int64_t *revision = nullptr)
    {
        std::vector<pb::Component> all;
        pb::ListComponentsRequest request;
        request.set_parent("regions/-");
        request.set_page_size(1000);
        pb::ListComponentsResponse response;
        const auto status = regions->ListComponents(ctx().get(), request, &response);
        if (!status.ok())
            qWarning("ListComponents: %s", status.error_message().c_str());
        all.assign(response.components().begin(), response.components().end());
        if (revision)
            *revision = response.revision();
        return all;
    }
    // grpc.health.v1.Health/Check; returns the status code and the serving status.
    grpc::StatusCode health(const std::string &service, int *serving)
    {
        auto request = protos.make("HealthCheckRequest");
        auto response = protos.make("HealthCheckResponse");
        request->GetReflection()->SetString(request.get(), request->GetDescriptor()->field(0),
                                            service);
        grpc::internal::RpcMethod method("/grpc.health.v1.Health/Check",
                                         grpc::internal::RpcMethod::NORMAL_RPC);
        const grpc::Status status =
            grpc::internal::BlockingUnaryCall<google::protobuf::Message, google::protobuf::Message>(
                channel.get(), method, ctx().get(), *request, response.get());
        *serving =
            response->GetReflection()->GetInt32(*response, response->GetDescriptor()->field(0));
        return status.error_code();
    }
    std::set<std::string> reflectedServices()
    {
        auto context = ctx();
        grpc::internal::RpcMethod method(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            grpc::internal::RpcMethod::BIDI_STREAMING);
        std::unique_ptr<
            grpc::ClientReaderWriter<google::protobuf::Message, google::protobuf::Message>>
            stream(grpc::internal::ClientReaderWriterFactory<
                   google::protobuf::Message, google::protobuf::Message>::Create(channel.get(),
                                                                                 method,
                                                                                 context.get()));
        auto request = protos.make("ReflectionRequest");
        request->GetReflection()->SetString(request.get(), request->GetDescriptor()->field(0), "*");
        std::set<std::string> names;
        if (!stream->Write(*request))
            return names;
        stream->WritesDone();
        auto response = protos.make("ReflectionResponse");
        if (stream->Read(response.get())) {
            const auto *r = response->GetReflection();
            const auto &list = r->GetMessage(*response, response->GetDescriptor()->field(0));
            const auto *services = list.GetDescriptor()->field(0);
            for (int i = 0; i < list.GetReflection()->FieldSize(list, services); ++i) {
                const auto &s = list.GetReflection()->GetRepeatedMessage(list, services, i);
                names.insert(s.GetReflection()->GetString(s, s.GetDescriptor()->field(0)));
            }
        }
        stream->Finish();
        return names;
    }

    DynamicProtos protos;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<pb::RegionService::Stub> regions;
    std::unique_ptr<pb::IdentityService::Stub> identity;
};

// The static facts of a world (what the seed decides), comparable across runs.
QStringList describeWorld(Client &client)
{
    QStringList lines;
    for (const auto &r : client.listRegions())
        lines << QString::fromStdString(
            r.name() + "|" + r.display_name() + "|" + pb::CloudProvider_Name(r.provider()) + "|" +
            r.geography() + "|" + std::to_string(r.latitude()) + "|" +
            std::to_string(r.longitude()) + "|" + std::to_string(r.edge_node_count()));
    for (const auto &n : client.listEdgeNodes())
        lines << QString::fromStdString(n.name() + "|" + n.city() + "|" + n.country_code() + "|" +
                                        std::to_string(n.latitude()) + "|" +
                                        pb::CloudProvider_Name(n.provider()));
    for (const auto &c : client.listComponents())
        lines << QString::fromStdString(c.name() + "|" + c.version() + "|" +
                                        pb::CloudProvider_Name(c.provider()));
    return lines;
}

// Applied state of a watcher, one map per collection: name -> serialized resource.
// Each List call is its own read transaction at its own revision (the simulator
// commits between the three calls), so a snapshot keeps one revision per collection
// and is compared collection by collection.
struct State
{
    enum Collection { Regions, EdgeNodes, Components, Count };
    std::array<std::map<std::string, std::string>, Count> items;
    std::array<std::int64_t, Count> revision{};

    std::int64_t newest() const { return *std::max_element(revision.begin(), revision.end()); }
    std::int64_t oldest() const { return *std::min_element(revision.begin(), revision.end()); }
};

const char *collectionName(int c)
{
    static const char *const names[] = {"regions", "edge nodes", "components"};
    return names[c];
}

void apply(State &state, const pb::RegionChangeBatch &batch)
{
    for (const auto &e : batch.events()) {
        auto collection = State::Regions;
        if (e.has_component())
            collection = State::Components;
        else if (e.has_edge_node())
            collection = State::EdgeNodes;
        else if (!e.has_region()) {
            // A delete carries only the name; its shape says the collection.
            const bool component = e.name().find("/components/") != std::string::npos;
            const bool edgeNode = e.name().find("/edgeNodes/") != std::string::npos;
            collection =
                component ? State::Components : (edgeNode ? State::EdgeNodes : State::Regions);
        }
        auto &items = state.items[collection];
        if (e.type() == pb::CHANGE_TYPE_DELETE)
            items.erase(e.name());
        else if (e.has_region())
            items[e.name()] = e.region().SerializeAsString();
        else if (e.has_component())
            items[e.name()] = e.component().SerializeAsString();
        else if (e.has_edge_node())
            items[e.name()] = e.edge_node().SerializeAsString();
    }
}

State listState(Client &client)
{
    State state;
    for (const auto &r : client.listRegions(&state.revision[State::Regions]))
        state.items[State::Regions][r.name()] = r.SerializeAsString();
    for (const auto &n : client.listEdgeNodes(&state.revision[State::EdgeNodes]))
        state.items[State::EdgeNodes][n.name()] = n.SerializeAsString();
    for (const auto &c : client.listComponents(&state.revision[State::Components]))
        state.items[State::Components][c.name()] = c.SerializeAsString();
    return state;
}

// The names whose applied value differs from the listed one, for the failure message.
QString differences(const std::map<std::string, std::string> &applied,
                    const std::map<std::string, std::string> &listed)
{
    QStringList names;
    for (const auto &[name, value] : listed) {
        const auto it = applied.find(name);
        if (it == applied.end())
            names << QString::fromStdString(name) + " (missing)";
        else if (it->second != value)
            names << QString::fromStdString(name) + " (differs)";
    }
    for (const auto &[name, value] : applied)
        if (!listed.count(name))
            names << QString::fromStdString(name) + " (not listed)";
    return names.join(", ");
}

} // namespace

class TestPlatformd : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listRegions();
    void filters_data();
    void filters();
    void edgeNodesAndComponents();
    void getRegion_data();
    void getRegion();
    void metrics_data();
    void metrics();
    void metricsValidation_data();
    void metricsValidation();
    void metricsTimestampsOutOfRange();
    void oversizeRequests();
    void watch();
    void watchErrors();
    void watcherThatStopsReadingIsDropped();
    void health();
    void reflection();
    void whoAmI();
    void determinism();
    void crashAndResume();
    void sigtermExitsPromptly();
    void corruptDatabaseRefused();
    void dataDirIsPrivate();
    void badArguments_data();
    void badArguments();

private:
    PlatformdProcess m_platformd;
    std::unique_ptr<Client> m_client;
};

void TestPlatformd::initTestCase()
{
    QVERIFY2(m_platformd.start({"--demo", "--seed", "7", "--progress-interval-ms", "300"}),
             qPrintable(m_platformd.errorString()));
    m_client = std::make_unique<Client>(m_platformd.address(), m_platformd.adminToken());
}

void TestPlatformd::listRegions()
{
    std::int64_t revision = 0;
    const auto regions = m_client->listRegions(&revision);
    QCOMPARE(int(regions.size()), 9);
    QVERIFY(revision >= 1);
    std::map<std::string, pb::Region> byName;
    for (const auto &r : regions)
        byName[r.name()] = r;
    QCOMPARE(byName["regions/us-east"].provider(), pb::AWS);
    QCOMPARE(byName["regions/us-east"].geography(), std::string("North America"));
    QCOMPARE(byName["regions/eu-west"].display_name(), std::string("Europe (Ireland)"));
    QCOMPARE(byName["regions/eu-central"].provider(), pb::AZURE);
    QCOMPARE(byName["regions/ap-southeast"].provider(), pb::GCP);
    QCOMPARE(byName["regions/sa-east"].geography(), std::string("South America"));
    QVERIFY(!byName["regions/sa-east"].primary());
    QVERIFY(byName["regions/ap-northeast"].primary());
    QCOMPARE(byName["regions/ap-northeast"].utc_offset_minutes(), 540);
    int primaries = 0, edgeNodes = 0;
    for (const auto &r : regions) {
        primaries += r.primary();
        edgeNodes += r.edge_node_count();
        // 99.99 % by default; a few regions 99.95 % or 99.9 %.
        QVERIFY(r.slo_availability() == 0.9999 || r.slo_availability() == 0.9995 ||
                r.slo_availability() == 0.999);
        QVERIFY(r.revision() >= 1 && r.revision() <= revision);
        QVERIFY(r.health().throughput_rps() > 0);
        QVERIFY(r.health().has_sample_time());
    }
    QCOMPARE(primaries, 6);
    QVERIFY(edgeNodes >= 200);
}

void TestPlatformd::filters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("expected"); // regions matched; -1: INVALID_ARGUMENT
    QTest::addColumn<QString>("error");
    QTest::newRow("provider AWS") << "provider = AWS" << 5 << "";
    QTest::newRow("secondary") << "primary = false" << 3 << "";
    QTest::newRow("Europe or Asia")
        << R"(geography = "Europe" OR geography = "Asia-Pacific")" << 4 << "";
    QTest::newRow("wildcard") << R"(name = "regions/eu-*")" << 2 << "";
    QTest::newRow("nested") << "health.latency_p50_ms > 0 AND NOT provider = GCP" << 7 << "";
    QTest::newRow("bad field") << "provider = AWS AND latncy > 3" << -1
                               << R"(filter: at position 19: unknown field "latncy")";
    QTest::newRow("bad enum")
        << "status = FAST" << -1
        << R"(filter: at position 9: "FAST" is not a value of ops.platform.v1.HealthStatus)";
    QTest::newRow("unbalanced") << "(primary = true" << -1
                                << "filter: at position 0: unbalanced parenthesis";
}

void TestPlatformd::filters()
{
    QFETCH(QString, filter);
    QFETCH(int, expected);
    QFETCH(QString, error);
    pb::ListRegionsRequest request;
    request.set_filter(filter.toStdString());
    pb::ListRegionsResponse response;
    const auto status = m_client->regions->ListRegions(m_client->ctx().get(), request, &response);
    if (expected < 0) {
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QCOMPARE(QString::fromStdString(status.error_message()), error);
        return;
    }
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(response.regions_size(), expected);
    QCOMPARE(response.total_size(), expected);
}

void TestPlatformd::edgeNodesAndComponents()
{
    pb::ListEdgeNodesRequest request;
    request.set_parent("regions/-");
    request.set_page_size(100);
    std::set<std::string> names;
    std::string token;
    do {
        request.set_page_token(token);
        pb::ListEdgeNodesResponse response;
        const auto status =
            m_client->regions->ListEdgeNodes(m_client->ctx().get(), request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(response.total_size() >= 200);
        for (const auto &n : response.edge_nodes()) {
            QVERIFY(n.name().find("/edgeNodes/") != std::string::npos);
            QCOMPARE(int(n.country_code().size()), 2);
            names.insert(n.name());
        }
        token = response.next_page_token();
    } while (!token.empty());
    QVERIFY(names.size() >= 200);
    QVERIFY(names.count("regions/eu-central/edgeNodes/fra-01"));
    QVERIFY(names.count("regions/eu-west/edgeNodes/dub-01"));

    pb::ListEdgeNodesRequest one;
    one.set_parent("regions/ap-northeast");
    pb::ListEdgeNodesResponse oneResponse;
    QVERIFY(m_client->regions->ListEdgeNodes(m_client->ctx().get(), one, &oneResponse).ok());
    for (const auto &n : oneResponse.edge_nodes())
        QVERIFY(n.name().starts_with("regions/ap-northeast/"));

    pb::ListComponentsRequest components;
    components.set_parent("regions/-");
    components.set_filter("kind = KAFKA");
    pb::ListComponentsResponse componentResponse;
    QVERIFY(m_client->regions->ListComponents(m_client->ctx().get(), components, &componentResponse)
                .ok());
    QCOMPARE(componentResponse.total_size(), 9);
    QCOMPARE(componentResponse.components(0).kind(), pb::KAFKA);
    QVERIFY(!componentResponse.components(0).version().empty());

    components.set_parent("regions/nowhere");
    components.clear_filter();
    QCOMPARE(
        m_client->regions->ListComponents(m_client->ctx().get(), components, &componentResponse)
            .error_code(),
        grpc::StatusCode::NOT_FOUND);
    components.set_parent("Regions/EU");
    QCOMPARE(
        m_client->regions->ListComponents(m_client->ctx().get(), components, &componentResponse)
            .error_code(),
        grpc::StatusCode::INVALID_ARGUMENT);
    components.set_parent("regions/-");
    components.set_order_by("latncy desc");
    const auto status =
        m_client->regions->ListComponents(m_client->ctx().get(), components, &componentResponse);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY(status.error_message().find("latncy") != std::string::npos);
}

void TestPlatformd::getRegion_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("code");
    QTest::newRow("existing") << "regions/eu-west" << int(grpc::StatusCode::OK);
    QTest::newRow("unknown") << "regions/mars-north" << int(grpc::StatusCode::NOT_FOUND);
    QTest::newRow("no collection") << "eu-west" << int(grpc::StatusCode::INVALID_ARGUMENT);
    QTest::newRow("upper case") << "regions/EU-west" << int(grpc::StatusCode::INVALID_ARGUMENT);
    QTest::newRow("empty") << "" << int(grpc::StatusCode::INVALID_ARGUMENT);
    QTest::newRow("nested name") << "regions/eu-west/components/kafka"
                                 << int(grpc::StatusCode::INVALID_ARGUMENT);
}

void TestPlatformd::getRegion()
{
    QFETCH(QString, name);
    QFETCH(int, code);
    pb::GetRegionRequest request;
    request.set_name(name.toStdString());
    pb::Region region;
    const auto status = m_client->regions->GetRegion(m_client->ctx().get(), request, &region);
    QCOMPARE(int(status.error_code()), code);
    if (status.ok())
        QCOMPARE(region.name(), name.toStdString());
    if (code == int(grpc::StatusCode::INVALID_ARGUMENT))
        QVERIFY(status.error_message().starts_with("name: "));
}

void TestPlatformd::metrics_data()
{
    QTest::addColumn<int>("hours");
    QTest::addColumn<int>("minPoints");
    QTest::newRow("1h default resolution") << 1 << 55;
    QTest::newRow("24h") << 24 << 55;
    QTest::newRow("30d") << 24 * 30 << 55;
}

void TestPlatformd::metrics()
{
    QFETCH(int, hours);
    QFETCH(int, minPoints);
    pb::GetRegionMetricsRequest request;
    request.set_name("regions/us-east");
    const auto now = TimeUtil::GetCurrentTime();
    *request.mutable_end_time() = now;
    *request.mutable_start_time() = now - TimeUtil::HoursToDuration(hours);
    pb::RegionMetrics metrics;
    const auto status =
        m_client->regions->GetRegionMetrics(m_client->ctx().get(), request, &metrics);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(TimeUtil::DurationToSeconds(metrics.resolution()), std::int64_t(hours * 60));
    QVERIFY2(metrics.points_size() >= minPoints,
             qPrintable(QString::number(metrics.points_size())));
    QVERIFY(metrics.points_size() <= 61);
    for (int i = 1; i < metrics.points_size(); ++i)
        QVERIFY(metrics.points(i).time() > metrics.points(i - 1).time());
    QVERIFY(metrics.points(0).throughput_rps() > 0);
    QVERIFY(metrics.points(0).latency_p99_ms() >= metrics.points(0).latency_p50_ms());
}

void TestPlatformd::metricsValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("windowS");
    QTest::addColumn<int>("resolutionS"); // 0: default
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("default window")
        << "regions/eu-west" << 0 << 0 << int(grpc::StatusCode::OK) << "";
    QTest::newRow("start after end")
        << "regions/eu-west" << -60 << 0 << int(grpc::StatusCode::INVALID_ARGUMENT) << "start_time";
    QTest::newRow("32 days") << "regions/eu-west" << 32 * 86400 << 0
                             << int(grpc::StatusCode::INVALID_ARGUMENT) << "start_time";
    QTest::newRow("resolution 5s") << "regions/eu-west" << 3600 << 5
                                   << int(grpc::StatusCode::INVALID_ARGUMENT) << "resolution";
    QTest::newRow("resolution > window") << "regions/eu-west" << 3600 << 7200
                                         << int(grpc::StatusCode::INVALID_ARGUMENT) << "resolution";
    QTest::newRow("too many points") << "regions/eu-west" << 30 * 86400 << 10
                                     << int(grpc::StatusCode::INVALID_ARGUMENT) << "resolution";
    QTest::newRow("unknown region")
        << "regions/mars" << 3600 << 0 << int(grpc::StatusCode::NOT_FOUND) << "";
    QTest::newRow("bad name") << "mars" << 3600 << 0 << int(grpc::StatusCode::INVALID_ARGUMENT)
                              << "name";
}

void TestPlatformd::metricsValidation()
{
    QFETCH(QString, name);
    QFETCH(int, windowS);
    QFETCH(int, resolutionS);
    QFETCH(int, code);
    QFETCH(QString, field);
    pb::GetRegionMetricsRequest request;
    request.set_name(name.toStdString());
    if (windowS) {
        const auto now = TimeUtil::GetCurrentTime();
        *request.mutable_end_time() = now;
        *request.mutable_start_time() = now - TimeUtil::SecondsToDuration(windowS);
    }
    if (resolutionS)
        *request.mutable_resolution() = TimeUtil::SecondsToDuration(resolutionS);
    pb::RegionMetrics metrics;
    const auto status =
        m_client->regions->GetRegionMetrics(m_client->ctx().get(), request, &metrics);
    QCOMPARE(int(status.error_code()), code);
    if (!field.isEmpty())
        QVERIFY2(status.error_message().starts_with(field.toStdString() + ":"),
                 status.error_message().c_str());
}

// Timestamps far outside 0001..9999 used to overflow the window arithmetic (found by fuzzing).
void TestPlatformd::metricsTimestampsOutOfRange()
{
    pb::GetRegionMetricsRequest request;
    request.set_name("regions/eu-west");
    request.mutable_start_time()->set_seconds(-9000000000000000);
    request.mutable_end_time()->set_seconds(9000000000000000);
    pb::RegionMetrics metrics;
    const auto status =
        m_client->regions->GetRegionMetrics(m_client->ctx().get(), request, &metrics);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(status.error_message().starts_with("start_time: outside"),
             status.error_message().c_str());
}

// Requests beyond the 4 MiB message limit are refused before any handler runs; a filter beyond its
// own limit is refused naming the field.
void TestPlatformd::oversizeRequests()
{
    pb::ListRegionsRequest huge;
    huge.set_filter(std::string(5 * 1024 * 1024, 'x'));
    pb::ListRegionsResponse response;
    auto status = m_client->regions->ListRegions(m_client->ctx().get(), huge, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);

    pb::ListRegionsRequest longFilter;
    longFilter.set_filter("name = \"" + std::string(5000, 'a') + "\"");
    status = m_client->regions->ListRegions(m_client->ctx().get(), longFilter, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(status.error_message().starts_with("filter:"), status.error_message().c_str());

    // The server is still serving afterwards.
    status =
        m_client->regions->ListRegions(m_client->ctx().get(), pb::ListRegionsRequest(), &response);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(response.regions_size(), 9);
}

void TestPlatformd::watch()
{
    std::int64_t listed = 0;
    m_client->listRegions(&listed);
    grpc::ClientContext context;
    m_client->authorize(context);
    context.set_deadline(in(20s));
    pb::WatchRegionsRequest request;
    request.set_after_revision(listed);
    request.set_include_components(true);
    request.set_include_edge_nodes(true);
    auto reader = m_client->regions->WatchRegions(&context, request);
    pb::WatchRegionsResponse response;
    std::int64_t last = listed;
    int batches = 0, progress = 0, events = 0;
    std::set<std::string> kinds;
    while ((batches < 20 || progress < 3) && reader->Read(&response)) {
        if (response.has_progress()) {
            ++progress;
            QVERIFY(response.progress().revision() >= last); // never ahead of what was delivered
            QVERIFY(response.progress().oldest_retained_revision() >= 1);
            QVERIFY(response.progress().has_server_time());
            continue;
        }
        QVERIFY(response.has_changes());
        const auto &batch = response.changes();
        QCOMPARE(batch.revision(), last + 1); // no gaps: every demo transaction touches a region
        last = batch.revision();
        ++batches;
        QVERIFY(batch.events_size() > 0);
        QVERIFY(batch.has_commit_time());
        for (const auto &e : batch.events()) {
            ++events;
            QCOMPARE(e.type(), pb::CHANGE_TYPE_UPSERT);
            kinds.insert(e.has_region() ? "region" : e.has_component() ? "component" : "edge node");
            if (e.has_region())
                QCOMPARE(e.region().revision(), batch.revision());
        }
    }
    context.TryCancel();
    QVERIFY(batches >= 20);
    QVERIFY(progress >= 3);
    QVERIFY(kinds.size() >= 2);
}

void TestPlatformd::watchErrors()
{
    std::int64_t listed = 0;
    m_client->listRegions(&listed);
    {
        grpc::ClientContext context;
        m_client->authorize(context);
        context.set_deadline(in(5s));
        pb::WatchRegionsRequest request;
        request.set_after_revision(listed + 1000000);
        auto reader = m_client->regions->WatchRegions(&context, request);
        pb::WatchRegionsResponse response;
        QVERIFY(!reader->Read(&response));
        const auto status = reader->Finish();
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY(status.error_message().starts_with("after_revision"));
    }
    {
        // From now on: the first message is progress at (at least) the listed revision.
        grpc::ClientContext context;
        m_client->authorize(context);
        context.set_deadline(in(5s));
        auto reader = m_client->regions->WatchRegions(&context, pb::WatchRegionsRequest());
        pb::WatchRegionsResponse response;
        QVERIFY(reader->Read(&response));
        QVERIFY(response.has_progress());
        QVERIFY(response.progress().revision() >= listed);
        context.TryCancel();
    }
}

void TestPlatformd::watcherThatStopsReadingIsDropped()
{
    PlatformdProcess p;
    QVERIFY2(
        p.start({"--demo", "--demo-rate", "20000", "--watch-queue", "64", "--log-level", "warn"}),
        qPrintable(p.errorString()));
    Client client(p.address(), p.adminToken());
    grpc::ClientContext context;
    client.authorize(context);
    context.set_deadline(in(60s));
    pb::WatchRegionsRequest request;
    request.set_include_edge_nodes(true);
    request.set_include_components(true);
    auto reader = client.regions->WatchRegions(&context, request);
    pb::WatchRegionsResponse response;
    QVERIFY(reader->Read(&response));
    // Stop reading: flow control fills, the server's queue overflows and it ends the stream
    // rather than buffering without bound.
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err = p.standardError()).contains("watch: "), 30000);
    QVERIFY2(err.contains("stopped reading") || err.contains("too slow"), err.constData());
    while (reader->Read(&response)) {
    }
    const auto status = reader->Finish();
    QVERIFY2(status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED ||
                 status.error_code() == grpc::StatusCode::CANCELLED,
             status.error_message().c_str());
    // The server is fine and serves others.
    QCOMPARE(int(client.listRegions().size()), 9);
}

void TestPlatformd::health()
{
    int serving = -1;
    for (const char *service :
         {"", "ops.platform.v1.RegionService", "ops.platform.v1.IdentityService"}) {
        QCOMPARE(m_client->health(service, &serving), grpc::StatusCode::OK);
        QCOMPARE(serving, 1); // SERVING
    }
    QCOMPARE(m_client->health("ops.platform.v1.NoSuchService", &serving),
             grpc::StatusCode::NOT_FOUND);
}

void TestPlatformd::reflection()
{
    const auto services = m_client->reflectedServices();
    QVERIFY(services.count("ops.platform.v1.RegionService"));
    QVERIFY(services.count("ops.platform.v1.IdentityService"));
    QVERIFY(services.count("grpc.health.v1.Health"));
}

void TestPlatformd::whoAmI()
{
    pb::WhoAmIResponse who;
    QVERIFY(m_client->identity->WhoAmI(m_client->ctx().get(), pb::WhoAmIRequest(), &who).ok());
    QCOMPARE(who.user(), std::string("users/admin"));
    QCOMPARE(who.display_name(), std::string("Administrator"));
    QCOMPARE(std::vector<std::string>(who.roles().begin(), who.roles().end()),
             (std::vector<std::string>{"admin", "compliance_officer", "manager"}));
    for (const char *permission : {"regions.read", "audit.read", "users.write", "tokens.write",
                                   "promotions.approve", "identity.self"})
        QVERIFY2(std::count(who.permissions().begin(), who.permissions().end(), permission),
                 permission);
    QVERIFY(who.token().starts_with("tokens/"));
    QVERIFY(!who.has_token_expire_time());
    QVERIFY(who.server_version().find("platformd") != std::string::npos);
}

void TestPlatformd::determinism()
{
    PlatformdProcess a, b, other;
    QVERIFY2(a.start({"--demo", "--seed", "7"}), qPrintable(a.errorString()));
    QVERIFY2(b.start({"--demo", "--seed", "7"}), qPrintable(b.errorString()));
    QVERIFY2(other.start({"--demo", "--seed", "8"}), qPrintable(other.errorString()));
    Client ca(a.address(), a.adminToken()), cb(b.address(), b.adminToken()),
        co(other.address(), other.adminToken());
    const QStringList worldA = describeWorld(ca);
    QVERIFY(worldA.size() >= 9 + 200 + 72);
    QCOMPARE(describeWorld(cb), worldA);
    QVERIFY(describeWorld(co) != worldA); // the seed matters
    // The fixture's platformd used seed 7 too.
    QCOMPARE(describeWorld(*m_client), worldA);
}

void TestPlatformd::crashAndResume()
{
    QTemporaryDir dir;
    const QStringList args{"--demo", "--seed", "7", "--demo-rate", "3000", "--progress-interval-ms",
                           "200"};
    PlatformdProcess first;
    QVERIFY2(first.start(args, dir.path()), qPrintable(first.errorString()));
    std::int64_t lastSeen = 0;
    State state;
    {
        Client client(first.address(), first.adminToken());
        state = listState(client);
        // Watch from the oldest of the three list revisions: events are whole upserts,
        // so replaying the few a newer list already holds converges to the same state.
        lastSeen = state.oldest();
        const std::int64_t initialNewest = state.newest();
        grpc::ClientContext context;
        client.authorize(context);
        context.set_deadline(in(20s));
        pb::WatchRegionsRequest request;
        request.set_after_revision(lastSeen);
        request.set_include_components(true);
        request.set_include_edge_nodes(true);
        auto reader = client.regions->WatchRegions(&context, request);
        pb::WatchRegionsResponse response;
        int batches = 0;
        while (batches < 50 && reader->Read(&response)) {
            if (!response.has_changes())
                continue;
            QCOMPARE(response.changes().revision(), lastSeen + 1);
            apply(state, response.changes());
            lastSeen = response.changes().revision();
            ++batches;
        }
        QCOMPARE(batches, 50);
        QVERIFY(lastSeen >= initialNewest); // every collection is past its own list
        first.kill9();                      // mid-stream, while the simulator writes
        reader->Read(&response);
    }

    const std::int64_t beforeCrash = lastSeen;
    const auto restartTime = TimeUtil::GetCurrentTime();
    PlatformdProcess second;
    QVERIFY2(second.start(args, dir.path()), qPrintable(second.errorString()));
    Client client(second.address(), second.adminToken());
    grpc::ClientContext context;
    client.authorize(context);
    context.set_deadline(in(30s));
    pb::WatchRegionsRequest request;
    request.set_after_revision(lastSeen);
    request.set_include_components(true);
    request.set_include_edge_nodes(true);
    auto reader = client.regions->WatchRegions(&context, request);
    pb::WatchRegionsResponse response;
    // A fresh snapshot, taken once the restarted platformd commits, and the state the
    // stream had applied when it reached each collection's own list revision.
    std::optional<State> listed;
    std::array<std::optional<std::map<std::string, std::string>>, State::Count> applied;
    const auto captureReached = [&] {
        for (int c = 0; c < State::Count; ++c)
            if (!applied[c] && lastSeen == listed->revision[c])
                applied[c] = state.items[c];
    };
    while (reader->Read(&response)) {
        if (!response.has_changes())
            continue;
        const auto &batch = response.changes();
        QCOMPARE(batch.revision(), lastSeen + 1); // resumed with no gap and no duplicate
        apply(state, batch);
        lastSeen = batch.revision();
        if (!listed && batch.commit_time() >= restartTime) {
            // The restarted platformd commits after everything the killed one left behind.
            QVERIFY(batch.revision() > beforeCrash);
            listed = listState(client);
            QVERIFY2(listed->oldest() >= lastSeen,
                     "a List after a commit the stream delivered is at least that revision");
        }
        if (listed) {
            captureReached();
            if (lastSeen == listed->newest())
                break;
        }
    }
    context.TryCancel();
    QVERIFY2(listed, "the restarted platformd committed and the stream delivered it");
    QCOMPARE(lastSeen, listed->newest());
    for (int c = 0; c < State::Count; ++c) {
        QVERIFY2(applied[c], collectionName(c));
        QVERIFY2(!listed->items[c].empty(), collectionName(c));
        QVERIFY2(*applied[c] == listed->items[c],
                 qPrintable(QStringLiteral("%1 applied from the watch up to revision %2 equal a "
                                           "fresh List at that revision; differing: %3")
                                .arg(QLatin1String(collectionName(c)))
                                .arg(listed->revision[c])
                                .arg(differences(*applied[c], listed->items[c]))));
    }
}

void TestPlatformd::sigtermExitsPromptly()
{
    PlatformdProcess p;
    QVERIFY2(p.start({"--demo", "--demo-rate", "1000"}), qPrintable(p.errorString()));
    Client client(p.address(), p.adminToken());
    grpc::ClientContext context;
    client.authorize(context);
    auto reader = client.regions->WatchRegions(&context, pb::WatchRegionsRequest());
    pb::WatchRegionsResponse response;
    QVERIFY(reader->Read(&response)); // an open watch stream must not hold shutdown up
    // No timing here: terminate(10000) fails if platformd is still running after 10 s, and the
    // status below proves the stream was ended by platformd's own shutdown (the watch hub
    // closing it) rather than waited out until gRPC's 2 s shutdown deadline cancelled it.
    QCOMPARE(p.terminate(10000), 0);
    while (reader->Read(&response)) {
    }
    const auto status = reader->Finish();
    QCOMPARE(int(status.error_code()), int(grpc::StatusCode::UNAVAILABLE));
    QCOMPARE(QString::fromStdString(status.error_message()),
             QStringLiteral("platformd is shutting down"));
}

void TestPlatformd::corruptDatabaseRefused()
{
    QTemporaryDir dir;
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo"}, dir.path()), qPrintable(p.errorString()));
        QCOMPARE(p.terminate(), 0);
    }
    const QString path = dir.filePath("platform.db");
    QFile file(path);
    QVERIFY(file.size() > 1024 * 1024);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(file.size() / 2));
    file.write(QByteArray(64 * 1024, char(0x5a)));
    file.close();

    PlatformdProcess p;
    QVERIFY(!p.start({"--demo"}, dir.path(), 10000));
    QVERIFY(p.address().isEmpty()); // never printed LISTEN
    p.process()->waitForFinished(5000);
    QCOMPARE(p.process()->exitStatus(), QProcess::NormalExit);
    QVERIFY(p.process()->exitCode() != 0);
    const QByteArray err = p.standardError();
    QVERIFY2(err.contains(path.toUtf8()) && err.contains("corrupt"), err.constData());
}

namespace {
constexpr QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup |
                                             QFile::ExeGroup | QFile::ReadOther |
                                             QFile::WriteOther | QFile::ExeOther;

bool isPrivate(const QString &path)
{
    return QFile::exists(path) && !(QFile::permissions(path) & kGroupOrOther);
}
} // namespace

// Users, token hashes and the audit log are readable by platformd's user only, whatever the umask;
// a data dir others may write to is refused; what an older platformd left readable is tightened.
void TestPlatformd::dataDirIsPrivate()
{
    QTemporaryDir parent;
    const QString dir = parent.filePath("data"); // platformd creates it
    const QString log = parent.filePath("platformd.log");
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--log-file", log}, dir), qPrintable(p.errorString()));
        for (const QString &path :
             {dir, dir + "/platform.db", dir + "/platform.db-wal", dir + "/platform.db-shm",
              dir + "/audit.head", dir + "/admin.token", log})
            QVERIFY2(isPrivate(path), qPrintable(path));
        QCOMPARE(p.terminate(), 0);
    }
    // What an older platformd left: a 0755 dir and a 0644 database. Tightened at start.
    QVERIFY(QFile::setPermissions(dir, QFile::permissions(dir) | QFile::ReadGroup |
                                           QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QFile::setPermissions(dir + "/platform.db", QFile::permissions(dir + "/platform.db") |
                                                            QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(!isPrivate(dir));
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo"}, dir), qPrintable(p.errorString()));
        QVERIFY(isPrivate(dir));
        QVERIFY(isPrivate(dir + "/platform.db"));
        QVERIFY(p.standardError().contains("now 0700"));
        QCOMPARE(p.terminate(), 0);
    }
    // A dir its group may write to: refused, naming it.
    QVERIFY(QFile::setPermissions(dir, QFile::permissions(dir) | QFile::WriteGroup));
    PlatformdProcess p;
    QVERIFY(!p.start({"--demo"}, dir, 10000));
    p.process()->waitForFinished(5000);
    QVERIFY(p.process()->exitCode() != 0);
    const QByteArray err = p.standardError();
    QVERIFY2(err.contains(dir.toUtf8()) && err.contains("writable by its group or by others"),
             err.constData());
}

void TestPlatformd::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "--frobnicate";
    QTest::newRow("bad seed") << QStringList{"--seed", "many"} << "--seed";
    QTest::newRow("bad listen") << QStringList{"--listen", "localhost"} << "--listen";
    QTest::newRow("bad log level") << QStringList{"--log-level", "loud"} << "--log-level";
    QTest::newRow("missing value") << QStringList{"--demo-rate"} << "--demo-rate";
}

void TestPlatformd::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    QProcess p;
    p.start(PlatformdProcess::binaryPath(), args);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitCode(), 2);
    QVERIFY(p.readAllStandardOutput().isEmpty());
    QVERIFY(p.readAllStandardError().contains(named.toUtf8()));
}

QTEST_GUILESS_MAIN(TestPlatformd)
#include "tst_platformd.moc"
