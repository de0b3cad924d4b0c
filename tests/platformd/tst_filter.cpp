// AIP-160 filters evaluated against Region messages, and their errors with exact positions.
#include "core/filter.h"
#include "core/ordering.h"

#include "ops/platform/v1/identity.pb.h"
#include "ops/platform/v1/regions.pb.h"

#include <google/protobuf/util/time_util.h>

#include <QtTest>

using platformd::core::Filter;
using platformd::core::FilterError;
using platformd::core::Ordering;
namespace pb = ops::platform::v1;

namespace {

pb::Region sampleRegion()
{
    pb::Region r;
    r.set_name("regions/eu-west");
    r.set_display_name("Europe (Ireland)");
    r.set_provider(pb::AWS);
    r.set_geography("Europe");
    r.set_primary(true);
    r.set_latitude(53.35);
    r.set_longitude(-6.26);
    r.set_status(pb::DEGRADED);
    r.set_status_message("Kafka: consumer lag growing");
    r.set_slo_availability(0.9999);
    r.set_revision(42);
    r.set_edge_node_count(24);
    auto *h = r.mutable_health();
    h->set_latency_p50_ms(20);
    h->set_latency_p95_ms(250);
    h->set_latency_p99_ms(400);
    h->set_error_rate(0.01);
    h->set_throughput_rps(5000);
    h->set_availability(0.999);
    google::protobuf::util::TimeUtil::FromString("2026-03-01T12:00:00Z", r.mutable_update_time());
    return r;
}

} // namespace

class TestFilter : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void errors_data();
    void errors();
    void repeatedMembership();
    void otherMessageTypes();
    void ordering();
};

void TestFilter::matches_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<bool>("expected");

    QTest::newRow("empty matches all") << "" << true;
    QTest::newRow("string =") << R"(name = "regions/eu-west")" << true;
    QTest::newRow("string = unquoted") << "name = regions/eu-west" << true;
    QTest::newRow("single quotes") << "name = 'regions/eu-west'" << true;
    QTest::newRow("string !=") << R"(name != "regions/eu-west")" << false;
    QTest::newRow("wildcard match") << R"(name = "regions/eu-*")" << true;
    QTest::newRow("wildcard no match") << R"(name = "regions/us-*")" << false;
    QTest::newRow("wildcard !=") << R"(name != "regions/us-*")" << true;
    QTest::newRow("wildcard inner") << R"x(display_name = "*(Ire*)")x" << true;
    QTest::newRow("has substring") << R"(display_name : "Ireland")" << true;
    QTest::newRow("has substring miss") << R"(display_name:"Tokyo")" << false;
    QTest::newRow("nested >") << "health.latency_p95_ms > 200" << true;
    QTest::newRow("nested <") << "health.latency_p95_ms < 200" << false;
    QTest::newRow(">= boundary") << "health.latency_p95_ms >= 250" << true;
    QTest::newRow("<= below") << "health.latency_p95_ms <= 249.9" << false;
    QTest::newRow("int =") << "edge_node_count = 24" << true;
    QTest::newRow("int64 >=") << "revision >= 42" << true;
    QTest::newRow("negative number") << "longitude < -6" << true;
    QTest::newRow("fraction") << "health.error_rate > 0.005" << true;
    QTest::newRow("bool true") << "primary = true" << true;
    QTest::newRow("bool false") << "primary = false" << false;
    QTest::newRow("enum =") << "status = DEGRADED" << true;
    QTest::newRow("enum !=") << "status != HEALTHY" << true;
    QTest::newRow("enum quoted") << R"(provider = "AWS")" << true;
    QTest::newRow("enum other") << "provider = GCP" << false;
    QTest::newRow("timestamp >") << R"(update_time > "2026-01-01T00:00:00Z")" << true;
    QTest::newRow("timestamp <") << R"(update_time < "2026-01-01T00:00:00Z")" << false;
    QTest::newRow("timestamp = offset") << R"(update_time = "2026-03-01T13:00:00+01:00")" << true;
    QTest::newRow("presence message") << "health:*" << true;
    QTest::newRow("presence empty string") << "failover_target:*" << false;
    QTest::newRow("presence string") << "status_message:*" << true;
    QTest::newRow("NOT") << "NOT status = HEALTHY" << true;
    QTest::newRow("minus") << "-status = DEGRADED" << false;
    QTest::newRow("minus before paren") << "-(status = DOWN)" << true;
    QTest::newRow("AND") << "status = DEGRADED AND provider = AWS" << true;
    QTest::newRow("AND false") << "status = DEGRADED AND provider = GCP" << false;
    QTest::newRow("OR") << "provider = GCP OR provider = AWS" << true;
    QTest::newRow("juxtaposition is AND") << "status = DEGRADED provider = AWS" << true;
    QTest::newRow("juxtaposition false") << "status = DEGRADED provider = GCP" << false;
    // AIP-160: OR binds tighter than AND. a AND b OR c == a AND (b OR c).
    QTest::newRow("OR binds tighter than AND (1)")
        << "provider = GCP AND status = DEGRADED OR primary = true" << false;
    QTest::newRow("OR binds tighter than AND (2)")
        << "primary = true OR provider = GCP AND status = HEALTHY" << false;
    QTest::newRow("parentheses override")
        << "(provider = GCP AND status = DEGRADED) OR primary = true" << true;
    QTest::newRow("NOT binds tightest") << "NOT primary = true OR status = DEGRADED" << true;
    QTest::newRow("NOT group") << "NOT (status = DOWN OR status = HEALTHY)" << true;
    QTest::newRow("nested parens")
        << R"(geography = "Europe" AND ((latitude > 50) AND (latitude < 60)))" << true;
    QTest::newRow("whitespace free") << "status=DEGRADED AND edge_node_count>=24" << true;
}

void TestFilter::matches()
{
    QFETCH(QString, filter);
    QFETCH(bool, expected);
    Filter f;
    FilterError error;
    QVERIFY2(Filter::compile(filter.toStdString(), pb::Region::descriptor(), &f, &error),
             error.format().c_str());
    QCOMPARE(f.matches(sampleRegion()), expected);
}

void TestFilter::errors_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown field") << "latncy > 3" << 0 << R"(unknown field "latncy")";
    QTest::newRow("unknown nested field")
        << "health.latncy > 3" << 7 << R"(unknown field "latncy")";
    QTest::newRow("unknown field after AND")
        << "status = DOWN AND latncy > 200" << 18 << R"(unknown field "latncy")";
    QTest::newRow("field of a scalar") << "name.first = 1" << 5 << R"(unknown field "first")";
    QTest::newRow("missing value") << "status = " << 9 << R"(expected a value after "=")";
    QTest::newRow("missing value before AND")
        << "status != AND primary = true" << 10 << R"(expected a value after "!=")";
    QTest::newRow("unclosed paren") << "(status = DOWN" << 0 << "unbalanced parenthesis";
    QTest::newRow("extra close paren") << "status = DOWN)" << 13 << "unbalanced parenthesis";
    // 64 levels are fine; the 65th "(" (at offset 64) is refused instead of recursing on: one
    // request with 20,000 levels used to overflow platformd's stack.
    QTest::newRow("nesting too deep")
        << QString(QString(65, QLatin1Char('(')) + QStringLiteral("status = DOWN") +
                   QString(65, QLatin1Char(')')))
        << 64 << "parentheses nested deeper than 64";
    QTest::newRow("nesting far too deep")
        << QString(QString(20000, QLatin1Char('(')) + QStringLiteral("status = DOWN") +
                   QString(20000, QLatin1Char(')')))
        << 64 << "parentheses nested deeper than 64";
    QTest::newRow("unknown enum value")
        << "status = FAST" << 9 << R"("FAST" is not a value of ops.platform.v1.HealthStatus)";
    QTest::newRow("enum ordering") << "status < DOWN" << 7 << "is not defined for enum field";
    QTest::newRow("number field with string")
        << R"(edge_node_count = "many")" << 18 << R"(expected a number for "edge_node_count")";
    QTest::newRow("number field with word")
        << "health.latency_p95_ms > abc" << 24 << "expected a number";
    QTest::newRow("bool with word") << "primary = yes" << 10 << "expected true or false";
    QTest::newRow("bad timestamp")
        << R"(update_time > "yesterday")" << 14 << "is not an RFC 3339 timestamp";
    QTest::newRow("message compared") << "health > 3" << 7 << "is a message";
    QTest::newRow("unterminated string") << R"(name = "abc)" << 7 << "unterminated string";
    QTest::newRow("no operator") << "status" << 6 << "expected a comparison operator";
    QTest::newRow("dangling AND") << "status = DOWN AND" << 17
                                  << "expected an expression after AND";
    QTest::newRow("dangling OR") << "status = DOWN OR" << 16 << "expected an expression after OR";
    QTest::newRow("empty parens") << "()" << 1 << "expected an expression inside parentheses";
    QTest::newRow("lone bang") << "status ! DOWN" << 7 << "unexpected \"!\"";
    QTest::newRow("no field") << "= DOWN" << 0 << "expected a field name";
}

void TestFilter::errors()
{
    QFETCH(QString, filter);
    QFETCH(int, position);
    QFETCH(QString, message);
    Filter f;
    FilterError error;
    QVERIFY(!Filter::compile(filter.toStdString(), pb::Region::descriptor(), &f, &error));
    QVERIFY2(QString::fromStdString(error.message).contains(message), error.message.c_str());
    QCOMPARE(error.position, position);
    QVERIFY(error.format().starts_with("filter: at position " + std::to_string(position) + ": "));
}

void TestFilter::repeatedMembership()
{
    pb::WhoAmIResponse who;
    who.add_roles("viewer");
    who.add_roles("admin");
    who.add_permissions("regions.list");
    Filter f;
    FilterError error;
    QVERIFY(Filter::compile(R"(roles : "admin")", pb::WhoAmIResponse::descriptor(), &f, &error));
    QVERIFY(f.matches(who));
    QVERIFY(Filter::compile(R"(roles : "adm")", pb::WhoAmIResponse::descriptor(), &f, &error));
    QVERIFY(!f.matches(who)); // membership is element equality, not a substring
    QVERIFY(Filter::compile(R"(permissions : "regions.*")", pb::WhoAmIResponse::descriptor(), &f,
                            &error));
    QVERIFY(f.matches(who));
    QVERIFY(!Filter::compile(R"(roles = "admin")", pb::WhoAmIResponse::descriptor(), &f, &error));
    QCOMPARE(error.position, 6);
}

void TestFilter::otherMessageTypes()
{
    pb::EdgeNode node;
    node.set_name("regions/eu-west/edgeNodes/dub-01");
    node.set_country_code("IE");
    node.set_status(pb::HEALTHY);
    Filter f;
    FilterError error;
    QVERIFY(Filter::compile(R"(country_code = "IE" AND name = "*/edgeNodes/dub-*")",
                            pb::EdgeNode::descriptor(), &f, &error));
    QVERIFY(f.matches(node));
    // The same text is checked against each type: EdgeNode has no geography.
    QVERIFY(!Filter::compile(R"(geography = "Europe")", pb::EdgeNode::descriptor(), &f, &error));
    QCOMPARE(error.message, std::string(R"(unknown field "geography")"));
}

void TestFilter::ordering()
{
    std::vector<pb::Region> regions(3, sampleRegion());
    regions[0].set_name("regions/a");
    regions[0].mutable_health()->set_latency_p95_ms(100);
    regions[1].set_name("regions/b");
    regions[1].mutable_health()->set_latency_p95_ms(300);
    regions[2].set_name("regions/c");
    regions[2].mutable_health()->set_latency_p95_ms(100);
    Ordering order;
    std::string error;
    QVERIFY(
        Ordering::parse("health.latency_p95_ms desc", pb::Region::descriptor(), &order, &error));
    std::sort(regions.begin(), regions.end(),
              [&](const pb::Region &a, const pb::Region &b) { return order.less(a, b); });
    QCOMPARE(regions[0].name(), std::string("regions/b"));
    QCOMPARE(regions[1].name(), std::string("regions/a")); // ties broken by name
    QCOMPARE(regions[2].name(), std::string("regions/c"));
    QVERIFY(Ordering::parse(" status desc , name ", pb::Region::descriptor(), &order, &error));
    QVERIFY(!Ordering::parse("latncy", pb::Region::descriptor(), &order, &error));
    QCOMPARE(error, std::string(R"(order_by: unknown field "latncy")"));
    QVERIFY(!Ordering::parse("name upward", pb::Region::descriptor(), &order, &error));
    QVERIFY(!Ordering::parse("health", pb::Region::descriptor(), &order, &error));
}

QTEST_GUILESS_MAIN(TestFilter)
#include "tst_filter.moc"
