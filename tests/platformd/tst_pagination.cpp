// AIP-158 paging: page size coercion, opaque tokens bound to the request, stable paging through
// every region and edge node of a seeded store over a real gRPC channel.
#include "core/pagination.h"
#include "core/server.h"
#include "core/store.h"
#include "identity/identitystore.h"
#include "modules.h"
#include "regions/regionstore.h"
#include "regions/simulator.h"

#include "ops/platform/v1/regions.grpc.pb.h"

#include <grpcpp/grpcpp.h>
#include <spdlog/spdlog.h>

#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace platformd;
namespace pb = ops::platform::v1;

class TestPagination : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pageSize_data();
    void pageSize();
    void tokenRoundTrip();
    void tokenBoundToRequest();
    void garbageToken_data();
    void garbageToken();
    void pagesThroughRegions();
    void pagesThroughEdgeNodes_data();
    void pagesThroughEdgeNodes();
    void totalSizeCountsMatches();
    void apiErrors_data();
    void apiErrors();

private:
    std::unique_ptr<grpc::ClientContext> context()
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
        c->AddMetadata("authorization", "Bearer " + m_token);
        return c;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<core::Store> m_store;
    std::unique_ptr<core::Server> m_server;
    std::unique_ptr<pb::RegionService::Stub> m_stub;
    int m_edgeNodeCount = 0;
    std::string m_token;
};

void TestPagination::initTestCase()
{
    spdlog::set_level(spdlog::level::warn);
    core::StoreOptions options;
    options.path = m_dir.filePath("platform.db").toStdString();
    options.migrations = moduleMigrations();
    m_store = std::make_unique<core::Store>(options);
    auto world = regions::Simulator::buildWorld(7, 1767225600000);
    m_edgeNodeCount = int(world.edgeNodes.size());
    regions::RegionStore(*m_store).commit(std::move(world));
    const QString tokenPath = m_dir.filePath("admin.token");
    QVERIFY(identity::bootstrapAdmin(*m_store, tokenPath.toStdString()));
    QFile tokenFile(tokenPath);
    QVERIFY(tokenFile.open(QIODevice::ReadOnly));
    m_token = tokenFile.readAll().trimmed().toStdString();
    core::ServerOptions serverOptions;
    serverOptions.listen = "127.0.0.1:0";
    m_server = std::make_unique<core::Server>(*m_store, serverOptions, modules());
    std::string error;
    QVERIFY2(m_server->start(&error), error.c_str());
    m_stub = pb::RegionService::NewStub(grpc::CreateChannel(
        "127.0.0.1:" + std::to_string(m_server->port()), grpc::InsecureChannelCredentials()));
}

void TestPagination::cleanupTestCase()
{
    m_server->shutdown(std::chrono::milliseconds(500));
}

void TestPagination::pageSize_data()
{
    QTest::addColumn<int>("requested");
    QTest::addColumn<bool>("nested");
    QTest::addColumn<int>("expected"); // -1: INVALID_ARGUMENT
    QTest::newRow("regions 0 -> default 50") << 0 << false << 50;
    QTest::newRow("regions 7") << 7 << false << 7;
    QTest::newRow("regions 500 (max)") << 500 << false << 500;
    QTest::newRow("regions 501 -> max 500") << 501 << false << 500;
    QTest::newRow("regions negative") << -1 << false << -1;
    QTest::newRow("nested 0 -> default 100") << 0 << true << 100;
    QTest::newRow("nested 5000 -> max 1000") << 5000 << true << 1000;
    QTest::newRow("nested int min") << std::numeric_limits<int>::min() << true << -1;
}

void TestPagination::pageSize()
{
    QFETCH(int, requested);
    QFETCH(bool, nested);
    QFETCH(int, expected);
    core::Page page;
    std::string error;
    const bool ok = core::resolvePage(
        requested, {}, nested ? core::kNestedPages : core::kRegionPages, 1, &page, &error);
    QCOMPARE(ok, expected >= 0);
    if (ok) {
        QCOMPARE(page.size, expected);
        QCOMPARE(page.offset, 0);
    } else {
        QCOMPARE(error, std::string("page_size: must not be negative"));
    }
}

void TestPagination::tokenRoundTrip()
{
    const auto fp = core::requestFingerprint("regions/-", "status = DOWN", "name desc");
    const std::string token = core::encodePageToken(150, fp);
    QVERIFY(token.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
            std::string::npos); // URL-safe
    core::Page page;
    std::string error;
    QVERIFY2(core::resolvePage(100, token, core::kNestedPages, fp, &page, &error), error.c_str());
    QCOMPARE(page.offset, 150);
    QCOMPARE(page.size, 100);
    QCOMPARE(core::nextPageToken({100, 150}, 250, fp), std::string());
    QCOMPARE(core::nextPageToken({100, 150}, 251, fp), core::encodePageToken(250, fp));
}

void TestPagination::tokenBoundToRequest()
{
    const auto fp = core::requestFingerprint("regions/-", "status = DOWN", "");
    const std::string token = core::encodePageToken(10, fp);
    core::Page page;
    std::string error;
    for (const auto other : {core::requestFingerprint("regions/-", "status = UP", ""),
                             core::requestFingerprint("regions/eu-west", "status = DOWN", ""),
                             core::requestFingerprint("regions/-", "status = DOWN", "name")}) {
        QVERIFY(!core::resolvePage(10, token, core::kNestedPages, other, &page, &error));
        QVERIFY2(error.starts_with("page_token does not match the request"), error.c_str());
    }
    // Field boundaries matter: ("ab", "") is not ("a", "b").
    QVERIFY(core::requestFingerprint("a", "b", "") != core::requestFingerprint("ab", "", ""));
}

void TestPagination::garbageToken_data()
{
    QTest::addColumn<QString>("token");
    QTest::newRow("not base64") << "!!not a token!!";
    QTest::newRow("random base64") << "aGVsbG8gd29ybGQ";
    QTest::newRow("wrong version")
        << QString::fromStdString(core::encodePageToken(5, 1).replace(0, 2, "eD"));
    QTest::newRow("truncated") << QString::fromStdString(core::encodePageToken(5, 1).substr(0, 10));
}

void TestPagination::garbageToken()
{
    QFETCH(QString, token);
    core::Page page;
    std::string error;
    QVERIFY(!core::resolvePage(10, token.toStdString(), core::kRegionPages, 1, &page, &error));
    QVERIFY2(error.starts_with("page_token"), error.c_str());
}

void TestPagination::pagesThroughRegions()
{
    std::vector<std::string> names;
    std::string token;
    int pages = 0;
    do {
        pb::ListRegionsRequest request;
        request.set_page_size(2);
        request.set_page_token(token);
        pb::ListRegionsResponse response;
        const auto status = m_stub->ListRegions(context().get(), request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.total_size(), 9);
        QCOMPARE(response.revision(), 1);
        QVERIFY(response.regions_size() <= 2);
        for (const auto &r : response.regions())
            names.push_back(r.name());
        token = response.next_page_token();
        ++pages;
    } while (!token.empty());
    QCOMPARE(pages, 5);
    QCOMPARE(int(names.size()), 9);
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    QCOMPARE(int(std::set<std::string>(names.begin(), names.end()).size()), 9);
}

void TestPagination::pagesThroughEdgeNodes_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QString>("orderBy");
    QTest::newRow("pages of 50 by name") << 50 << "";
    QTest::newRow("pages of 7 by city desc") << 7 << "city desc";
    QTest::newRow("pages of 64 by provider, latitude") << 64 << "provider, latitude";
    QTest::newRow("one page (default size 100 is less)") << 1000 << "country_code";
}

void TestPagination::pagesThroughEdgeNodes()
{
    QFETCH(int, pageSize);
    QFETCH(QString, orderBy);
    std::vector<std::string> names;
    std::string token;
    do {
        pb::ListEdgeNodesRequest request;
        request.set_parent("regions/-");
        request.set_page_size(pageSize);
        request.set_order_by(orderBy.toStdString());
        request.set_page_token(token);
        pb::ListEdgeNodesResponse response;
        const auto status = m_stub->ListEdgeNodes(context().get(), request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.total_size(), m_edgeNodeCount);
        for (const auto &n : response.edge_nodes())
            names.push_back(n.name());
        token = response.next_page_token();
    } while (!token.empty());
    QVERIFY(m_edgeNodeCount >= 200);
    QCOMPARE(int(names.size()), m_edgeNodeCount);
    QCOMPARE(int(std::set<std::string>(names.begin(), names.end()).size()), m_edgeNodeCount);
}

void TestPagination::totalSizeCountsMatches()
{
    pb::ListEdgeNodesRequest request;
    request.set_parent("regions/-");
    request.set_filter(R"(country_code = "US")");
    request.set_page_size(3);
    pb::ListEdgeNodesResponse response;
    QVERIFY(m_stub->ListEdgeNodes(context().get(), request, &response).ok());
    QCOMPARE(response.edge_nodes_size(), 3);
    QCOMPARE(response.total_size(), 12 * 3); // 12 US cities, three nodes each
    QVERIFY(!response.next_page_token().empty());

    pb::ListComponentsRequest components;
    components.set_parent("regions/eu-west");
    pb::ListComponentsResponse componentResponse;
    QVERIFY(m_stub->ListComponents(context().get(), components, &componentResponse).ok());
    QCOMPARE(componentResponse.total_size(), 8);
    QVERIFY(componentResponse.next_page_token().empty());
}

void TestPagination::apiErrors_data()
{
    QTest::addColumn<QString>("case_");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative page_size") << "negative"
                                        << "page_size: must not be negative";
    QTest::newRow("token with another filter") << "filter"
                                               << "page_token does not match the request";
    QTest::newRow("token with another order") << "order"
                                              << "page_token does not match the request";
    QTest::newRow("token with another parent") << "parent"
                                               << "page_token does not match the request";
    QTest::newRow("garbage token") << "garbage"
                                   << "page_token: not a valid page token";
}

void TestPagination::apiErrors()
{
    QFETCH(QString, case_);
    QFETCH(QString, message);
    pb::ListEdgeNodesRequest first;
    first.set_parent("regions/-");
    first.set_page_size(10);
    first.set_filter("latitude > 0");
    pb::ListEdgeNodesResponse firstResponse;
    QVERIFY(m_stub->ListEdgeNodes(context().get(), first, &firstResponse).ok());
    QVERIFY(!firstResponse.next_page_token().empty());

    pb::ListEdgeNodesRequest next = first;
    next.set_page_token(firstResponse.next_page_token());
    if (case_ == "negative")
        next.set_page_size(-5);
    else if (case_ == "filter")
        next.set_filter("latitude > 1");
    else if (case_ == "order")
        next.set_order_by("city");
    else if (case_ == "parent")
        next.set_parent("regions/eu-west");
    else
        next.set_page_token("garbage!");
    pb::ListEdgeNodesResponse response;
    const auto status = m_stub->ListEdgeNodes(context().get(), next, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(QString::fromStdString(status.error_message()).startsWith(message),
             status.error_message().c_str());
}

QTEST_GUILESS_MAIN(TestPagination)
#include "tst_pagination.moc"
