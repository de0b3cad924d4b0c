// The modules and the CLI on a PostgreSQL store shared by replicas (issue 15), on a real PostgreSQL
// 15 the test starts itself: a region's settings written through one Store survive a later write
// of the region through another Store on the same database; cost keys interned by two Stores'
// imports (each unknown to the other's cache) give the same, correct group-by totals on both; a
// budget crossing is raised once when two replicas check at once; compliance's base seed is
// written once by replicas starting together; `platformd user|token|import-focus|audit verify
// --store URI` work on the store and audit verify names the entry edited behind its back;
// ImportCosts of a platformd on --store spools its upload in a real directory (--cost-spool-dir,
// or the temporary directory), and a spool directory that is not one is refused at start; a token
// revoked through one platformd ends its stream on another; the audit log appended through one
// is listed and watched (resumed from a seq seen there) through the other.
#include "core/postgres.h"
#include "core/store.h"
#include "modules.h"
#include "regions/regionstore.h"

#include "pgcluster.h"
#include "pgstoretest.h"
#include "tst_cost_common.h"

#include "ops/platform/v1/audit.grpc.pb.h"

// moc cannot parse <compare>, which the FOCUS headers use.
#ifndef Q_MOC_RUN
#include "compliance/private/compliancestore.h"
#include "core/alerts.h"
#include "cost/focus/focuswriter.h"
#include "cost/private/costbudgets.h"
#include "cost/private/costimport.h"
#include "cost/private/costquery.h"
#include "cost/private/coststore.h"
#endif

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <ctime>
#include <map>

using namespace platformd;
namespace focus = platformd::cost::focus;

namespace {

constexpr std::int64_t kSep2024 = 19967; // 2024-09-01, in days since 1970-01-01
constexpr std::int64_t kOct2024 = 19997;
constexpr std::int64_t kNov2024 = 20028;
constexpr std::int64_t kDec2024 = 20058;

// One FOCUS row: a day of spend for one service of billing account acct-1.
focus::Row dayRow(std::int64_t day, const std::string &service, const std::string &amount,
                  std::int64_t line)
{
    focus::Row r;
    r.line = line;
    const auto a = focus::Decimal::parse(amount);
    r.billedCost = r.effectiveCost = r.listCost = r.contractedCost = a.value_or(focus::Decimal());
    r.billingAccountId = "acct-1";
    r.billingAccountName = "Test";
    r.billingCurrency = "USD";
    const std::time_t t = day * 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::tm first = tm;
    first.tm_mday = 1;
    first.tm_hour = first.tm_min = first.tm_sec = 0;
    r.billingPeriodStart = timegm(&first);
    std::tm next = first;
    next.tm_mon += 1;
    r.billingPeriodEnd = timegm(&next);
    r.chargePeriodStart = day * 86400;
    r.chargePeriodEnd = (day + 1) * 86400;
    r.chargeCategory = "Usage";
    r.chargeDescription = service + " usage";
    r.chargeFrequency = "Usage-Based";
    r.invoiceIssuerName = r.publisherName = "Test Cloud";
    r.providerName = "TestCloud";
    r.pricingUnit = "Hours";
    r.pricingQuantity = focus::Decimal::parse("24");
    r.serviceCategory = "Compute";
    r.serviceName = service;
    r.regionId = r.regionName = "us-east";
    r.resourceId = "res-" + service;
    r.tags = {{"team", "platform"}};
    return r;
}

struct Spend
{
    std::int64_t day;
    std::string service, amount;
};

// A FOCUS CSV of the rows, written to dir/name; its path.
QString focusFile(const QTemporaryDir &dir, const QString &name, const std::vector<Spend> &rows)
{
    std::string text = focus::csvHeader();
    std::int64_t line = 0;
    for (const Spend &s : rows)
        focus::appendCsvRow(dayRow(s.day, s.service, s.amount, ++line), text);
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.data(), qint64(text.size())) < 0)
        return {};
    return path;
}

const core::Caller kCli{"system:cli", {}, "cli:import-focus", "local", true, {}};

// Imports path through costs; the error or "" when written.
std::string importThrough(cost::CostStore &costs, const QString &path)
{
    pb::ImportReport report;
    cost::ImportOptions options;
    options.fileName = QFileInfo(path).fileName().toStdString();
    try {
        const grpc::Status s = cost::importFile(costs, kCli, path.toStdString(), options, &report);
        if (!s.ok())
            return s.error_message();
    } catch (const std::exception &e) {
        return e.what();
    }
    if (!report.written())
        return "refused: " + std::to_string(report.rows_rejected()) + " rows rejected";
    return {};
}

// Effective cost by service from September to November 2024, as QueryCosts answers it.
std::map<std::string, std::string> totalsByService(cost::CostStore &costs)
{
    pb::QueryCostsRequest r;
    r.add_group_by(pb::COST_DIMENSION_SERVICE);
    r.set_metric(pb::EFFECTIVE_COST);
    r.mutable_start_time()->set_seconds(kSep2024 * 86400);
    r.mutable_end_time()->set_seconds(kDec2024 * 86400);
    pb::CostQueryResult out;
    std::map<std::string, std::string> totals;
    const grpc::Status s = cost::queryCosts(costs, r, &out);
    if (!s.ok()) {
        totals["error"] = s.error_message();
        return totals;
    }
    for (const auto &series : out.series())
        totals[series.key().values(0)] = series.total();
    totals["total"] = out.total();
    return totals;
}

// The decimal text of each total as exact units, for comparison with the expected text.
std::map<std::string, TestUnits> exact(const std::map<std::string, std::string> &totals)
{
    std::map<std::string, TestUnits> out;
    for (const auto &[k, v] : totals)
        out[k] = k == "error" ? -1 : units(v);
    return out;
}

struct CliResult
{
    int exitCode = -1;
    QByteArray out, err;
};

CliResult cli(const QStringList &args)
{
    QProcess p;
    p.start(PlatformdProcess::binaryPath(), args);
    CliResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestPgModules : public QObject
{
    Q_OBJECT

private:
    // A new, empty database in the cluster; its URI.
    std::string freshDatabase(const std::string &name) { return freshPgDatabase(m_cluster, name); }
    static core::StoreOptions optionsFor(const std::string &uri) { return pgStoreOptions(uri); }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void regionSettingsSurviveAnotherReplica();
    void costKeysInternedByTwoReplicas();
    void budgetAlertRaisedOnceAcrossReplicas();
    void complianceSeededOnceByReplicasStartingTogether();
    void cliCommandsOnTheStore();
    void importSpoolsInARealDirectory();
    void revocationOnOneReplicaEndsStreamsOnAnother();
    void auditOfOneReplicaListedAndWatchedOnAnother();
};

void TestPgModules::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPgModules::regionSettingsSurviveAnotherReplica()
{
    const std::string uri = freshDatabase("mods_regions");
    core::Store a(optionsFor(uri)), b(optionsFor(uri));
    regions::RegionStore ra(a), rb(b);

    pb::Region region;
    region.set_name("regions/eu-west");
    region.set_display_name("Europe (Ireland)");
    region.set_status(pb::HEALTHY);
    region.set_slo_availability(0.99);
    regions::Mutation seed;
    seed.regions = {region};
    seed.writeRegionSettings = true;
    QCOMPARE(ra.commit(seed), 1);
    // Both replicas have read the region (and its settings) once.
    QCOMPARE(ra.getRegion("regions/eu-west")->slo_availability(), 0.99);
    QCOMPARE(rb.getRegion("regions/eu-west")->slo_availability(), 0.99);

    // UpdateRegion served by replica B.
    const std::int64_t updated = rb.transact([](core::Connection &db) {
        regions::Mutation m;
        pb::Region r = *regions::RegionStore::readRegion(db, "regions/eu-west");
        r.set_slo_availability(0.9995);
        r.set_health_endpoint("b.example:7443");
        r.set_health_service("regions/eu-west");
        m.regions = {r};
        m.writeRegionSettings = true;
        return m;
    });
    QCOMPARE(updated, 2);

    // Replica A's simulator then writes its own, older copy of the region with a new status.
    pb::Region stale = region;
    stale.set_status(pb::DEGRADED);
    stale.set_status_message("p95 above target");
    regions::Mutation tick;
    tick.regions = {stale};
    QCOMPARE(ra.commit(tick), 3);

    for (regions::RegionStore *store : {&ra, &rb}) {
        const std::optional<pb::Region> r = store->getRegion("regions/eu-west");
        QVERIFY(r);
        QCOMPARE(r->status(), pb::DEGRADED); // the simulator's change is kept
        QCOMPARE(r->status_message(), std::string("p95 above target"));
        QCOMPARE(r->slo_availability(), 0.9995); // and so are B's settings
        QCOMPARE(r->health_endpoint(), std::string("b.example:7443"));
        QCOMPARE(r->health_service(), std::string("regions/eu-west"));
        QCOMPARE(r->revision(), 3);
    }
    // What the log carried for A's write (what watchers are sent) holds B's settings too.
    const std::vector<core::ChangeRow> rows = b.readChanges(2, 3, 10);
    QCOMPARE(int(rows.size()), 1);
    regions::ChangeBatch batch;
    QVERIFY(regions::ChangeBatch::decode(rows[0].payload, &batch));
    QCOMPARE(int(batch.events.size()), 1);
    pb::RegionEvent event;
    QVERIFY(event.ParseFromString(batch.events[0].bytes));
    const pb::Region &carried = event.region();
    QCOMPARE(carried.slo_availability(), 0.9995);
    QCOMPARE(carried.health_endpoint(), std::string("b.example:7443"));
}

void TestPgModules::costKeysInternedByTwoReplicas()
{
    const std::string uri = freshDatabase("mods_cost");
    core::Store a(optionsFor(uri)), b(optionsFor(uri));
    // Both caches are loaded now, while the store holds no key.
    cost::CostStore ca(a), cb(b);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // September through A: keys svc-a and svc-b.
    const QString sep = focusFile(dir, "sep.csv",
                                  {{kSep2024, "svc-a", "10.25"},
                                   {kSep2024 + 1, "svc-a", "1.75"},
                                   {kSep2024 + 2, "svc-b", "100"}});
    QCOMPARE(importThrough(ca, sep), std::string());
    // October through B, whose cache has never seen svc-a: it must find A's key, not insert a
    // second one (the unique key would refuse the whole import).
    const QString oct =
        focusFile(dir, "oct.csv", {{kOct2024, "svc-a", "5"}, {kOct2024 + 3, "svc-c", "0.000001"}});
    QCOMPARE(importThrough(cb, oct), std::string());
    // November through A: svc-c was interned by B only, svc-d is new.
    const QString nov =
        focusFile(dir, "nov.csv", {{kNov2024, "svc-c", "2.5"}, {kNov2024 + 1, "svc-d", "7"}});
    QCOMPARE(importThrough(ca, nov), std::string());

    core::PgConnection db(uri);
    QCOMPARE(db.queryInt("SELECT count(*) FROM cost_keys"), 4);
    QCOMPARE(db.queryInt("SELECT count(DISTINCT key) FROM cost_rows"), 4);

    const std::map<std::string, std::string> expected = {
        {"svc-a", "17"}, {"svc-b", "100"},        {"svc-c", "2.500001"},
        {"svc-d", "7"},  {"total", "126.500001"},
    };
    // Both replicas answer with every replica's imports, each amount under its own key.
    QCOMPARE(exact(totalsByService(ca)), exact(expected));
    QCOMPARE(exact(totalsByService(cb)), exact(expected));

    // A re-import of October through A replaces B's segment; B sees the replacement.
    const QString oct2 = focusFile(dir, "oct2.csv", {{kOct2024 + 4, "svc-b", "1"}});
    QCOMPARE(importThrough(ca, oct2), std::string());
    const std::map<std::string, std::string> replaced = {
        {"svc-a", "12"}, {"svc-b", "101"}, {"svc-c", "2.5"}, {"svc-d", "7"}, {"total", "122.5"},
    };
    QCOMPARE(exact(totalsByService(cb)), exact(replaced));
    QCOMPARE(exact(totalsByService(ca)), exact(replaced));
}

// Replica B checks the budgets while replica A is handing a crossing's alert over (inside A's
// alert bus): every crossing is still raised exactly once, by whichever replica claimed it. An
// alert nobody took is given back and raised by a later check.
void TestPgModules::budgetAlertRaisedOnceAcrossReplicas()
{
    const std::string uri = freshDatabase("mods_budgets");
    core::Store a(optionsFor(uri)), b(optionsFor(uri));
    cost::CostStore ca(a), cb(b);
    core::AlertBus busA, busB;
    cost::CostBudgets budgetsA(ca, &busA), budgetsB(cb, &busB);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // 60 USD spent in November against a 100 USD monthly budget: 50 % crossed, 80 % not.
    QCOMPARE(
        importThrough(ca, focusFile(dir, "nov.csv",
                                    {{kNov2024, "svc-a", "30"}, {kNov2024 + 1, "svc-a", "30"}})),
        std::string());
    pb::CreateBudgetRequest create;
    create.set_budget_id("platform");
    create.mutable_budget()->set_display_name("Platform");
    create.mutable_budget()->set_period(pb::BUDGET_MONTHLY);
    create.mutable_budget()->set_amount("100");
    create.mutable_budget()->add_thresholds()->set_percent(50);
    create.mutable_budget()->add_thresholds()->set_percent(80);
    pb::Budget created;
    QVERIFY_OK(budgetsA.create(kCli, create, &created));

    // Nobody listens on A yet: nothing raised, nothing claimed.
    QCOMPARE(budgetsA.checkThresholds(), 0);
    core::PgConnection db(uri);
    QCOMPARE(db.queryInt("SELECT count(*) FROM cost_budget_crossings"), 0);

    QStringList raised; // "replica dedupKey"
    int nested = -1;
    busB.subscribe([&](const core::ModuleAlert &alert) {
        raised << QStringLiteral("B ") + QString::fromStdString(alert.dedupKey);
        return true;
    });
    busA.subscribe([&](const core::ModuleAlert &alert) {
        raised << QStringLiteral("A ") + QString::fromStdString(alert.dedupKey);
        if (nested < 0)
            nested = budgetsB.checkThresholds(); // B checks while A hands its alert over
        return true;
    });
    // 120 USD by the end of the month: 50 % and 80 % (and 100 %, not a threshold) crossed.
    QCOMPARE(importThrough(cb, focusFile(dir, "nov-more.csv",
                                         {{kNov2024, "svc-a", "30"},
                                          {kNov2024 + 1, "svc-a", "30"},
                                          {kNov2024 + 2, "svc-a", "60"}})),
             std::string());
    const int byA = budgetsA.checkThresholds();
    QCOMPARE(byA + nested, 2);
    QCOMPARE(byA, 1);
    QCOMPARE(nested, 1);
    QCOMPARE(raised, QStringList({"A cost:budgets/platform:2024-11-01:50:actual",
                                  "B cost:budgets/platform:2024-11-01:80:actual"}));
    QCOMPARE(db.queryInt("SELECT count(*) FROM cost_budget_crossings"), 2);
    // Checked again on either replica: nothing more.
    QCOMPARE(budgetsA.checkThresholds(), 0);
    QCOMPARE(budgetsB.checkThresholds(), 0);
    QCOMPARE(raised.size(), 2);
}

// Two replicas on a new database both find it unseeded; the second to seed finds the first's
// frameworks under the lock and leaves them (rather than refusing to start on a duplicate key).
void TestPgModules::complianceSeededOnceByReplicasStartingTogether()
{
    const std::string uri = freshDatabase("mods_compliance");
    core::Store a(optionsFor(uri)), b(optionsFor(uri));
    compliance::ComplianceStore ca(a), cb(b);
    QVERIFY(!ca.seeded());
    QVERIFY(!cb.seeded());
    QVERIFY(ca.seedBase(1764000000000));
    core::PgConnection db(uri);
    const std::int64_t frameworks = db.queryInt("SELECT count(*) FROM compliance_frameworks");
    const std::int64_t controls = db.queryInt("SELECT count(*) FROM compliance_controls");
    const std::int64_t checks = db.queryInt("SELECT count(*) FROM compliance_checks");
    QVERIFY(frameworks > 0 && controls > 0 && checks > 0);
    QVERIFY(!cb.seedBase(1764000000001));
    QVERIFY(cb.seeded());
    QCOMPARE(db.queryInt("SELECT count(*) FROM compliance_frameworks"), frameworks);
    QCOMPARE(db.queryInt("SELECT count(*) FROM compliance_controls"), controls);
    QCOMPARE(db.queryInt("SELECT count(*) FROM compliance_checks"), checks);
}

void TestPgModules::cliCommandsOnTheStore()
{
    const std::string uri = freshDatabase("mods_cli");
    const QString store = QString::fromStdString(uri);
    {
        core::Store migrated(optionsFor(uri)); // as the first platformd would
    }
    // User and token administration on the store (no data dir involved).
    QVERIFY(PlatformdProcess::runCli({"user", "add", "alice", "--role", "viewer", "--store", store})
                .contains("created users/alice"));
    const QByteArray secret =
        PlatformdProcess::runCli({"token", "create", "alice", "--store", store}).trimmed();
    QVERIFY(secret.startsWith("opt_"));
    QVERIFY(PlatformdProcess::runCli({"user", "list", "--store", store}).contains("users/alice"));
    QVERIFY(PlatformdProcess::runCli({"token", "list", "--store", store}).contains("users/alice"));
    core::PgConnection db(uri);
    QCOMPARE(db.queryInt("SELECT count(*) FROM tokens WHERE user_id = 'alice'"), 1);
    // A FOCUS import into the store.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString csv =
        focusFile(dir, "sep.csv", {{kSep2024, "svc-a", "1.5"}, {kSep2024 + 1, "svc-a", "2"}});
    QVERIFY(PlatformdProcess::runCli({"import-focus", "--store", store, csv})
                .contains("sep.csv: imported as costImports/"));
    QCOMPARE(db.queryInt("SELECT count(*) FROM cost_rows"), 2);

    // A good chain.
    const qint64 entries = db.queryInt("SELECT count(*) FROM audit");
    QCOMPARE(entries, 3); // user add, token create, import-focus
    CliResult verified = cli({"audit", "verify", "--store", store});
    QCOMPARE(verified.exitCode, 0);
    QVERIFY2(verified.out.startsWith("audit chain intact: 3 entries"), verified.out.constData());

    // An entry edited behind the triggers' back: exit 1, naming the entry.
    db.exec("ALTER TABLE audit DISABLE TRIGGER USER;"
            "UPDATE audit SET actor = 'mallory' WHERE seq = 2;"
            "ALTER TABLE audit ENABLE TRIGGER USER;");
    const CliResult broken = cli({"audit", "verify", "--store", store});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.out.startsWith("audit chain broken at seq 2: "), broken.out.constData());

    // Not a URI: a usage error naming the option. A server that is not there: exit 1, naming
    // the database and never the password.
    const CliResult notUri = cli({"token", "list", "--store", "platform.db"});
    QCOMPARE(notUri.exitCode, 2);
    QVERIFY2(notUri.err.contains("--store"), notUri.err.constData());
    for (const QStringList &args : {QStringList{"audit", "verify"}, QStringList{"user", "list"}}) {
        const CliResult unreachable =
            cli(args + QStringList{"--store", "postgresql://ops:s3cret@127.0.0.1:1/nowhere"});
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains("nowhere"), unreachable.err.constData());
        QVERIFY2(!unreachable.err.contains("s3cret"), unreachable.err.constData());
    }
}

void TestPgModules::importSpoolsInARealDirectory()
{
    const std::string uri = freshDatabase("mods_spool");
    const QString store = QString::fromStdString(uri);
    QTemporaryDir files, spool;
    QVERIFY(files.isValid() && spool.isValid());
    const QString csv =
        focusFile(files, "sep.csv", {{kSep2024, "svc-a", "3.5"}, {kSep2024 + 1, "svc-b", "4"}});
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();

    // Without the option (the store is a URI, not a file): the temporary directory.
    std::string admin; // made by the first platformd on the store
    {
        CostClient client;
        QVERIFY2(client.start({"--store", store}), qPrintable(client.platformd.errorString()));
        admin = client.admin;
        QVERIFY(!admin.empty());
        pb::ImportReport report;
        QVERIFY_OK(client.import(admin, "sep.csv", bytes, &report));
        QVERIFY(report.written());
        QCOMPARE(report.rows_accepted(), 2);
        QCOMPARE(client.platformd.terminate(), 0);
    }
    // With it: spooled there, and nothing left behind.
    CostClient client;
    QVERIFY2(client.start({"--store", store, "--cost-spool-dir", spool.path()}),
             qPrintable(client.platformd.errorString()));
    pb::ImportReport report;
    QVERIFY_OK(client.import(admin, "sep-again.csv", bytes, &report));
    QVERIFY(report.written());
    QCOMPARE(report.replaced_periods_size(), 1);
    QCOMPARE(QDir(spool.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
    QCOMPARE(client.platformd.terminate(), 0);

    // A spool directory that is not one: refused at start, naming the option.
    QTemporaryDir data;
    const CliResult refused = cli({"--listen", "127.0.0.1:0", "--data-dir", data.path(), "--store",
                                   store, "--cost-spool-dir", spool.filePath("missing")});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("--cost-spool-dir"), refused.err.constData());
}

// A token revoked through replica B ends that token's open watch stream on replica A, with
// UNAUTHENTICATED naming the cause (not only at the stream's deadline).
void TestPgModules::revocationOnOneReplicaEndsStreamsOnAnother()
{
    const std::string uri = freshDatabase("mods_revoke");
    const QString store = QString::fromStdString(uri);
    PlatformClient a, b;
    QVERIFY2(a.start({"--store", store}), qPrintable(a.platformd.errorString()));
    QVERIFY2(b.start({"--store", store}), qPrintable(b.platformd.errorString()));
    QVERIFY(PlatformdProcess::runCli({"user", "add", "rosa", "--role", "viewer", "--role",
                                      "compliance_officer", "--store", store})
                .contains("created users/rosa"));
    const std::string token =
        PlatformdProcess::runCli({"token", "create", "rosa", "--store", store})
            .trimmed()
            .toStdString();
    QVERIFY(token.starts_with("opt_"));
    const std::string tokenName = "tokens/" + token.substr(4, token.find('_', 4) - 4);

    auto c = PlatformClient::ctx(token);
    auto audit = pb::AuditService::NewStub(a.channel)->WatchAudit(c.get(), pb::WatchAuditRequest());
    pb::WatchAuditResponse response;
    QVERIFY(audit->Read(&response)); // open and delivering on A

    pb::RevokeTokenRequest revoke;
    revoke.set_name(tokenName);
    pb::Token revoked;
    QVERIFY(b.admin.empty()); // the store's admin was made by A; its token works on B too
    QVERIFY_OK(b.identity->RevokeToken(PlatformClient::ctx(a.admin).get(), revoke, &revoked));
    while (audit->Read(&response)) {
    }
    const grpc::Status status = audit->Finish();
    QCOMPARE(int(status.error_code()), int(grpc::StatusCode::UNAUTHENTICATED));
    QVERIFY2(status.error_message() == "token " + tokenName + " has been revoked",
             status.error_message().c_str());
    QCOMPARE(a.platformd.terminate(), 0);
    QCOMPARE(b.platformd.terminate(), 0);
}

// The audit log through replica A holds what replica B appended: listed up to B's newest seq, and
// a watch resumed on A from a seq the client got from B follows B's next entries.
void TestPgModules::auditOfOneReplicaListedAndWatchedOnAnother()
{
    const std::string uri = freshDatabase("mods_audit");
    const QString store = QString::fromStdString(uri);
    PlatformClient a, b;
    QVERIFY2(a.start({"--store", store}), qPrintable(a.platformd.errorString()));
    QVERIFY2(b.start({"--store", store}), qPrintable(b.platformd.errorString()));
    auto auditA = pb::AuditService::NewStub(a.channel);
    auto auditB = pb::AuditService::NewStub(b.channel);
    const std::string admin = a.admin;
    auto createUser = [&](const std::string &id) {
        pb::CreateUserRequest r;
        r.set_user_id(id);
        r.add_roles("viewer");
        pb::User user;
        return b.identity->CreateUser(PlatformClient::ctx(admin).get(), r, &user);
    };

    QVERIFY_OK(createUser("first"));
    pb::ListAuditEventsResponse onB;
    QVERIFY_OK(auditB->ListAuditEvents(PlatformClient::ctx(admin).get(),
                                       pb::ListAuditEventsRequest(), &onB));
    const std::int64_t seen = onB.last_seq();
    QVERIFY(seen >= 2); // the bootstrap admin, then users/first
    pb::ListAuditEventsResponse onA;
    QVERIFY_OK(auditA->ListAuditEvents(PlatformClient::ctx(admin).get(),
                                       pb::ListAuditEventsRequest(), &onA));
    QVERIFY(onA.last_seq() >= seen);
    bool listed = false;
    for (const pb::AuditEvent &e : onA.events())
        listed = listed || (e.resource() == "users/first" && e.seq() <= seen);
    QVERIFY(listed);

    pb::WatchAuditRequest watch;
    watch.set_after_seq(seen);
    auto c = PlatformClient::ctx(admin);
    auto stream = auditA->WatchAudit(c.get(), watch);
    QVERIFY_OK(createUser("second"));
    pb::WatchAuditResponse response;
    std::string resource;
    while (resource.empty() && stream->Read(&response))
        if (response.has_event()) {
            QVERIFY(response.event().seq() > seen);
            resource = response.event().resource();
        }
    QCOMPARE(resource, std::string("users/second"));
    c->TryCancel();
    while (stream->Read(&response)) {
    }
    (void)stream->Finish();
    QCOMPARE(a.platformd.terminate(), 0);
    QCOMPARE(b.platformd.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestPgModules)
#include "tst_pgmodules.moc"
