// Cost: a 1,000,000-row FOCUS CSV (13 months, 3 providers, 12 services, 6 regions, 4 teams,
// ~2,500 resources a day; written by the FOCUS writer) imported by `platformd import-focus`
// against `sqlite3 .import` of the same file into one untyped table, in the same run; then
// QueryCosts grouped by service × day over the whole range, through the real platformd.
// Not a test: it prints `<name>: <value> <unit>` lines (scripts/bench).
#include "platformdprocess.h"

#include "ops/platform/v1/cost.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

// moc is not run on this file, but keep the FOCUS headers (<compare>) last anyway.
#include "cost/focus/focuswriter.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

namespace pb = ops::platform::v1;
namespace focus = platformd::cost::focus;
using namespace std::chrono_literals;

namespace {

constexpr std::int64_t kRows = 1000000;
constexpr std::int64_t kDays = 395;

std::unique_ptr<grpc::ClientContext> ctx(const std::string &token)
{
    auto c = std::make_unique<grpc::ClientContext>();
    c->set_deadline(std::chrono::system_clock::now() + 120s);
    c->AddMetadata("authorization", "Bearer " + token);
    return c;
}

bool writeCsv(const QString &path, std::int64_t firstDay)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const char *providers[] = {"AWS", "Google Cloud", "Microsoft"};
    const char *regions[] = {"us-east",    "us-west",      "eu-west",
                             "eu-central", "ap-southeast", "ap-northeast"};
    const char *teams[] = {"fraud", "search", "vision", "platform"};
    std::string text = focus::csvHeader();
    focus::Row r;
    r.billingCurrency = "USD";
    r.chargeCategory = "Usage";
    r.chargeFrequency = "Usage-Based";
    r.pricingUnit = "Hours";
    r.pricingCategory = "Standard";
    r.serviceCategory = "Compute";
    const std::int64_t perDay = kRows / kDays + 1;
    for (std::int64_t i = 0; i < kRows; ++i) {
        const std::int64_t day = firstDay + i / perDay;
        const int p = int(i % 3);
        r.line = i + 1;
        r.providerName = providers[p];
        r.invoiceIssuerName = r.publisherName = providers[p];
        r.billingAccountId = std::string("acct-") + std::to_string(p);
        r.billingAccountName = r.billingAccountId;
        r.subAccountId = "sub-" + std::to_string(p);
        std::time_t t = day * 86400;
        std::tm tm{};
        gmtime_r(&t, &tm);
        tm.tm_mday = 1;
        r.billingPeriodStart = timegm(&tm);
        tm.tm_mon += 1;
        r.billingPeriodEnd = timegm(&tm);
        r.chargePeriodStart = day * 86400;
        r.chargePeriodEnd = r.chargePeriodStart + 86400;
        r.serviceName = "service-" + std::to_string((i / 3) % 12);
        r.regionId = r.regionName = regions[(i / 36) % 6];
        r.resourceId = "res-" + std::to_string(i % perDay);
        r.tags = {{"team", teams[(i / 216) % 4]}};
        const std::int64_t micro = 1000 + (i * 7919) % 900000;
        r.billedCost = r.effectiveCost = r.listCost = r.contractedCost =
            focus::Decimal::fromUnits(focus::Int128(micro) * 1000000000000LL);
        r.pricingQuantity = focus::Decimal::fromUnits(focus::Int128(24) * 1000000000000000000LL);
        focus::appendCsvRow(r, text);
        if (text.size() > (1u << 22)) {
            f.write(text.data(), qint64(text.size()));
            text.clear();
        }
    }
    f.write(text.data(), qint64(text.size()));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString csv = dir.filePath("focus_1m.csv");
    const std::int64_t today = std::time(nullptr) / 86400;
    if (!writeCsv(csv, today - kDays)) {
        std::fprintf(stderr, "bench_cost: cannot write %s\n", qPrintable(csv));
        return 1;
    }

    // The baseline: sqlite3's own CSV import into one untyped table.
    QElapsedTimer t;
    t.start();
    QProcess sqlite;
    sqlite.start("sqlite3", {dir.filePath("baseline.db")});
    sqlite.write(".mode csv\n.import " + csv.toUtf8() + " focus\n.quit\n");
    sqlite.closeWriteChannel();
    if (!sqlite.waitForFinished(600000) || sqlite.exitCode() != 0) {
        std::fprintf(stderr, "bench_cost: sqlite3 failed: %s\n",
                     sqlite.readAllStandardError().constData());
        return 1;
    }
    const double baseline = double(t.nsecsElapsed()) / 1e9;

    // Ours: parse, check, store exactly, roll up, in one transaction.
    const QString data = dir.filePath("data");
    t.restart();
    QProcess ours;
    ours.start(PlatformdProcess::binaryPath(), {"import-focus", "--data-dir", data, csv});
    if (!ours.waitForFinished(600000) || ours.exitCode() != 0) {
        std::fprintf(stderr, "bench_cost: import-focus failed: %s%s\n",
                     ours.readAllStandardOutput().constData(),
                     ours.readAllStandardError().constData());
        return 1;
    }
    const double ourSeconds = double(t.nsecsElapsed()) / 1e9;
    std::printf("focus_import_1m_s: %.2f s (target < 10)\n", ourSeconds);
    std::printf("focus_import_rows_per_s: %.0f rows/s\n", double(kRows) / ourSeconds);
    std::printf("focus_import_sqlite3_rows_per_s: %.0f rows/s\n", double(kRows) / baseline);
    std::printf("focus_import_ratio: %.2f (target >= 0.5)\n", baseline / ourSeconds);

    PlatformdProcess server;
    if (!server.start({}, data, 60000)) {
        std::fprintf(stderr, "bench_cost: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    auto channel =
        grpc::CreateChannel(server.address().toStdString(), grpc::InsecureChannelCredentials());
    auto stub = pb::CostService::NewStub(channel);
    const std::string token = server.adminToken().toStdString();
    pb::QueryCostsRequest q;
    q.add_group_by(pb::COST_DIMENSION_SERVICE);
    q.set_granularity(pb::DAILY);
    q.mutable_start_time()->set_seconds((today - kDays) * 86400);
    q.mutable_end_time()->set_seconds(today * 86400);
    std::vector<double> ms;
    for (int i = 0; i < 11; ++i) {
        pb::CostQueryResult r;
        t.restart();
        const grpc::Status s = stub->QueryCosts(ctx(token).get(), q, &r);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (!s.ok() || r.series_size() != 12 || r.bucket_starts_size() != kDays) {
            std::fprintf(stderr, "bench_cost: QueryCosts: %s (%d series)\n",
                         s.error_message().c_str(), r.series_size());
            return 1;
        }
    }
    std::sort(ms.begin() + 1, ms.end()); // the first call warms the page cache
    std::printf("cost_groupby_1m_ms: %.1f ms (median of 10 warm calls, 12 services x %lld days; "
                "first call %.1f ms; target < 100)\n",
                ms[5], static_cast<long long>(kDays), ms[0]);
    return 0;
}
