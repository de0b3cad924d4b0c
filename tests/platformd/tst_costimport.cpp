// FOCUS imports against the real platformd (no demo): the real multi-cloud sample through
// ImportCosts and through `platformd import-focus`, with exact totals per provider and charge
// category computed independently (python3's decimal on the raw CSV); re-import replaces;
// malformed files are refused with row and column and write nothing; kill -9 during a large
// import leaves nothing partial; forecast and anomaly detection on constructed series with a
// known answer.
#include "tst_cost_common.h"

// moc cannot parse <compare>, which the FOCUS headers use.
#ifndef Q_MOC_RUN
#include "cost/focus/focuswriter.h"
#endif

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>

namespace focus = platformd::cost::focus;

namespace {

QString samplePath()
{
    return qEnvironmentVariable("OPS_SHARED_DATA", "../tests/data/shared") +
           "/focus/focus_sample_1.0.csv";
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "kind\tname\tamount" lines: exact sums of the raw CSV by python3's decimal module.
std::map<std::string, std::string> pythonTotals(const QString &csv)
{
    const char *script = R"(import csv, decimal, sys
from collections import defaultdict
t = defaultdict(decimal.Decimal)
def d(x):
    return decimal.Decimal(x) if x not in ('', 'NULL') else decimal.Decimal(0)
with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
    for r in csv.DictReader(f):
        t['billed provider ' + r['ProviderName']] += d(r['BilledCost'])
        t['effective provider ' + r['ProviderName']] += d(r['EffectiveCost'])
        t['billed charge ' + r['ChargeCategory']] += d(r['BilledCost'])
for k, v in sorted(t.items()):
    print(k + '\t' + format(v, 'f'))
)";
    QProcess p;
    p.start("/usr/bin/python3", {"-c", script, csv});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "python3 failed:" << p.readAllStandardError();
        return {};
    }
    std::map<std::string, std::string> out;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split('\t');
        if (parts.size() == 2)
            out[parts[0].toStdString()] = parts[1].toStdString();
    }
    return out;
}

// Splits one CSV line into fields (quotes kept), and joins them back.
QList<QByteArray> fields(const QByteArray &line)
{
    QList<QByteArray> out;
    QByteArray cur;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            out << cur;
            cur.clear();
        } else {
            cur.append(c);
        }
    }
    out << cur;
    return out;
}

// The sample with field `column` of data row `row` (1-based) replaced by value.
QByteArray withField(const QByteArray &csv, int row, const char *column, const QByteArray &value)
{
    QList<QByteArray> lines = csv.split('\n');
    const QList<QByteArray> header = fields(lines[0]);
    int index = -1;
    for (int i = 0; i < header.size(); ++i)
        if (header[i] == QByteArray("\"") + column + "\"")
            index = i;
    if (index < 0)
        qFatal("no column %s", column);
    QList<QByteArray> f = fields(lines[row]);
    f[index] = value;
    lines[row] = f.join(',');
    return lines.join('\n');
}

QByteArray gzip(const QByteArray &data)
{
    QProcess p;
    p.start("gzip", {"-c"});
    p.write(data);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

// One constructed FOCUS row: a day of spend for one (region, service, model).
focus::Row dayRow(std::int64_t day, const std::string &region, const std::string &service,
                  const std::string &model, const std::string &amount, std::int64_t line)
{
    focus::Row r;
    r.line = line;
    const auto a = focus::Decimal::parse(amount);
    r.billedCost = r.effectiveCost = r.listCost = r.contractedCost = a.value_or(focus::Decimal());
    r.billingAccountId = "acct-test";
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
    r.regionId = r.regionName = region;
    r.resourceId = "res-" + service + "-" + region;
    r.tags = {{"model", model}};
    return r;
}

} // namespace

class TestCostImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sampleThroughRpc();
    void reimportReplaces();
    void refused_data();
    void refused();
    void acceptPartialAndValidateOnly();
    void cli();
    void killDuringLargeImport();
    void forecastKnownAnswer();
    void anomalyFoundAndExplained();

private:
    pb::CostQueryResult totals(pb::CostDimension d, pb::CostMetric metric,
                               const std::string &filter = {})
    {
        pb::QueryCostsRequest r;
        r.add_group_by(d);
        r.set_metric(metric);
        r.mutable_filter()->set_expression(filter);
        r.mutable_start_time()->set_seconds(1704067200); // 2024-01-01
        r.mutable_end_time()->set_seconds(1735689600);   // 2025-01-01
        pb::CostQueryResult out;
        const grpc::Status s = m_c.stub->QueryCosts(CostClient::ctx(m_c.admin).get(), r, &out);
        if (!s.ok())
            qWarning("QueryCosts: %s", s.error_message().c_str());
        return out;
    }
    int importCount()
    {
        pb::ListCostImportsRequest r;
        r.set_page_size(1000);
        pb::ListCostImportsResponse out;
        return m_c.stub->ListCostImports(CostClient::ctx(m_c.admin).get(), r, &out).ok()
                   ? out.imports_size()
                   : -1;
    }
    void checkSampleTotals()
    {
        const pb::CostQueryResult byProvider = totals(pb::COST_DIMENSION_PROVIDER, pb::BILLED_COST);
        const pb::CostQueryResult byCharge =
            totals(pb::COST_DIMENSION_CHARGE_CATEGORY, pb::BILLED_COST);
        const pb::CostQueryResult effective =
            totals(pb::COST_DIMENSION_PROVIDER, pb::EFFECTIVE_COST);
        int n = 0;
        for (const auto &s : byProvider.series()) {
            const std::string &want = m_expected["billed provider " + s.key().values(0)];
            QVERIFY2(units(s.total()) == units(want), (s.total() + " != " + want).c_str());
            ++n;
        }
        for (const auto &s : effective.series())
            QVERIFY(units(s.total()) ==
                    units(m_expected["effective provider " + s.key().values(0)]));
        for (const auto &s : byCharge.series()) {
            const std::string &want = m_expected["billed charge " + s.key().values(0)];
            QVERIFY2(units(s.total()) == units(want), (s.total() + " != " + want).c_str());
            ++n;
        }
        QCOMPARE(n, 6); // AWS, Microsoft, Oracle; Usage, Credit, Adjustment
    }

    CostClient m_c;
    QByteArray m_sample;
    std::map<std::string, std::string> m_expected;
};

void TestCostImport::initTestCase()
{
    QVERIFY2(m_c.start({}), qPrintable(m_c.platformd.errorString()));
    m_sample = readAll(samplePath());
    QVERIFY2(!m_sample.isEmpty(), qPrintable(samplePath()));
    m_expected = pythonTotals(samplePath());
    QCOMPARE(m_expected.size(), std::size_t(9));
}

void TestCostImport::sampleThroughRpc()
{
    pb::ImportReport report;
    QVERIFY_OK(
        m_c.import(m_c.admin, "focus_sample_1.0.csv", m_sample, &report, false, false, 64 * 1024));
    QVERIFY(report.written());
    QCOMPARE(report.name(), std::string("costImports/1"));
    QCOMPARE(report.focus_version(), std::string("1.0"));
    QCOMPARE(report.rows_read(), 1000);
    QCOMPARE(report.rows_accepted(), 1000);
    QCOMPARE(report.rows_rejected(), 0);
    QCOMPARE(report.currency(), std::string("USD"));
    QCOMPARE(report.imported_by(), std::string("users/admin"));
    QCOMPARE(report.unknown_columns_size(), 1); // "Id", kept
    for (const auto &[provider, amount] : report.billed_cost_by_provider())
        QVERIFY(units(amount) == units(m_expected["billed provider " + provider]));
    for (const auto &[provider, amount] : report.effective_cost_by_provider())
        QVERIFY(units(amount) == units(m_expected["effective provider " + provider]));
    QCOMPARE(report.billed_cost_by_provider_size(), 3);
    bool usageBased = false;
    for (const auto &n : report.notes())
        usageBased = usageBased || n.find("Usage-based") != std::string::npos;
    QVERIFY(usageBased);
    checkSampleTotals();
    QCOMPARE(importCount(), 1);
}

void TestCostImport::reimportReplaces()
{
    // The same file again, gzip-compressed this time (detected from the bytes).
    pb::ImportReport report;
    QVERIFY_OK(m_c.import(m_c.admin, "again.csv.gz", gzip(m_sample), &report));
    QCOMPARE(report.rows_accepted(), 1000);
    QVERIFY(report.written());
    QVERIFY(report.replaced_periods_size() >= 1);
    bool september = false;
    for (const auto &p : report.replaced_periods())
        september = september || p.find("2024-09") != std::string::npos;
    QVERIFY(september);
    checkSampleTotals(); // not doubled
    QCOMPARE(importCount(), 2);
}

void TestCostImport::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<qint64>("row");
    QTest::addColumn<QString>("column");
    QByteArray missing = m_sample;
    missing.replace("\"BilledCost\"", "\"BilledKost\"");
    QTest::newRow("missing mandatory column") << missing << qint64(0) << "BilledCost";
    QTest::newRow("bad number") << withField(m_sample, 2, "BilledCost", "12abc") << qint64(2)
                                << "BilledCost";
    QTest::newRow("bad date") << withField(m_sample, 3, "ChargePeriodStart",
                                           "\"2024-13-18 22:00:00\"")
                              << qint64(3) << "ChargePeriodStart";
    QTest::newRow("mixed currencies")
        << withField(m_sample, 4, "BillingCurrency", "\"EUR\"") << qint64(4) << "BillingCurrency";
    const QByteArray gz = gzip(m_sample);
    QTest::newRow("truncated gzip") << gz.left(gz.size() / 2) << qint64(-1) << "";
    QTest::newRow("quote left open") << m_sample + "\"NULL,1.0,\"acct" << qint64(1001) << "";
}

void TestCostImport::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(qint64, row);
    QFETCH(QString, column);
    const int before = importCount();
    pb::ImportReport report;
    QVERIFY_OK(m_c.import(m_c.admin, "bad.csv", bytes, &report));
    QVERIFY(!report.written());
    QVERIFY(report.name().empty());
    QVERIFY(report.rejections_size() >= 1);
    bool named = false;
    for (const auto &r : report.rejections()) {
        QVERIFY(!r.reason().empty());
        if ((row < 0 || r.row() == row) &&
            (column.isEmpty() || r.column() == column.toStdString() ||
             r.reason().find(column.toStdString()) != std::string::npos))
            named = true;
    }
    QVERIFY2(named,
             (report.rejections(0).column() + " @" + std::to_string(report.rejections(0).row()) +
              ": " + report.rejections(0).reason())
                 .c_str());
    // Nothing written: the same imports, the same totals.
    QCOMPARE(importCount(), before);
    checkSampleTotals();
}

void TestCostImport::acceptPartialAndValidateOnly()
{
    const int before = importCount();
    pb::ImportReport report;
    QVERIFY_OK(m_c.import(m_c.admin, "check.csv", m_sample, &report, false, true));
    QVERIFY(!report.written());
    QCOMPARE(report.rows_accepted(), 1000);
    QVERIFY(report.replaced_periods_size() == 0);
    QCOMPARE(importCount(), before);

    // One bad row, accepted partially: 999 rows written, the bad one reported.
    const QByteArray bad = withField(m_sample, 10, "EffectiveCost", "NaN");
    QVERIFY_OK(m_c.import(m_c.admin, "partial.csv", bad, &report, true));
    QVERIFY(report.written());
    QCOMPARE(report.rows_accepted(), 999);
    QCOMPARE(report.rows_rejected(), 1);
    QCOMPARE(report.rejections(0).row(), 10);
    QCOMPARE(report.rejections(0).column(), std::string("EffectiveCost"));
    QCOMPARE(importCount(), before + 1);
    // Put the whole sample back.
    QVERIFY_OK(m_c.import(m_c.admin, "whole.csv", m_sample, &report));
    checkSampleTotals();
}

void TestCostImport::cli()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString data = dir.filePath("data");
    const QByteArray out =
        PlatformdProcess::runCli({"import-focus", "--data-dir", data, samplePath()});
    QVERIFY2(out.contains("imported as costImports/1"), out.constData());
    QVERIFY(out.contains("1000 rows read, 1000 accepted, 0 rejected"));
    // The provider totals printed are exact.
    for (const char *p : {"AWS", "Microsoft", "Oracle"}) {
        const std::string want = m_expected[std::string("billed provider ") + p];
        const QByteArray line = QByteArray("billed ") + p + " ";
        const qsizetype at = out.indexOf(line);
        QVERIFY(at >= 0);
        const QByteArray got = out.mid(at + line.size(), out.indexOf('\n', at) - at - line.size());
        QVERIFY2(units(got.toStdString()) == units(want), got.constData());
    }
    // A refused file: exit code 1, nothing written.
    QTemporaryDir bad;
    const QString badFile = bad.filePath("bad.csv");
    {
        QFile f(badFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(withField(m_sample, 7, "BilledCost", "\"x\""));
    }
    QProcess p;
    p.start(PlatformdProcess::binaryPath(), {"import-focus", "--data-dir", data, badFile});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    const QByteArray refused = p.readAllStandardOutput();
    QVERIFY2(refused.contains("REFUSED") && refused.contains("row 7, column BilledCost"),
             refused.constData());
    // The server over that data dir: the CLI's import, exactly.
    CostClient other;
    QVERIFY(other.start({}, data));
    pb::ListCostImportsResponse imports;
    QVERIFY_OK(other.stub->ListCostImports(CostClient::ctx(other.admin).get(), {}, &imports));
    QCOMPARE(imports.imports_size(), 1);
    QCOMPARE(imports.imports(0).imported_by(), std::string("system:cli"));
    pb::QueryCostsRequest r;
    r.add_group_by(pb::COST_DIMENSION_CHARGE_CATEGORY);
    r.set_metric(pb::BILLED_COST);
    r.mutable_start_time()->set_seconds(1704067200);
    r.mutable_end_time()->set_seconds(1735689600);
    pb::CostQueryResult q;
    QVERIFY_OK(other.stub->QueryCosts(CostClient::ctx(other.admin).get(), r, &q));
    QCOMPARE(q.series_size(), 3);
    for (const auto &s : q.series())
        QVERIFY(units(s.total()) == units(m_expected["billed charge " + s.key().values(0)]));
}

void TestCostImport::killDuringLargeImport()
{
    QTemporaryDir dir;
    const QString data = dir.filePath("data");
    QVERIFY(
        !PlatformdProcess::runCli({"import-focus", "--data-dir", data, samplePath()}).isEmpty());
    // A large constructed file (300k rows, one account-month per 10k rows).
    const QString big = dir.filePath("big.csv");
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        std::string text = focus::csvHeader();
        for (std::int64_t i = 0; i < 300000; ++i) {
            focus::Row r = dayRow(19000 + i % 300, "us-east", "svc-" + std::to_string(i % 40),
                                  "m" + std::to_string(i % 7), "1.000000000000001", i + 1);
            r.billingAccountId = "acct-big-" + std::to_string(i % 5);
            focus::appendCsvRow(r, text);
            if (text.size() > (1 << 22)) {
                f.write(text.data(), qint64(text.size()));
                text.clear();
            }
        }
        f.write(text.data(), qint64(text.size()));
    }
    QProcess p;
    p.start(PlatformdProcess::binaryPath(), {"import-focus", "--data-dir", data, big});
    QVERIFY(p.waitForStarted());
    // Mid-import: the transaction's pages are spilling into the WAL.
    const QString wal = data + "/platform.db-wal";
    QTRY_VERIFY_WITH_TIMEOUT(
        QFileInfo(wal).size() > 8 * 1024 * 1024 || p.state() == QProcess::NotRunning, 60000);
    QVERIFY2(p.state() == QProcess::Running, "the import ended before it could be killed");
    p.kill(); // SIGKILL
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::CrashExit);
    // The server over that data dir: only the sample, nothing of the big file.
    CostClient other;
    QVERIFY(other.start({}, data));
    pb::ListCostImportsResponse imports;
    QVERIFY_OK(other.stub->ListCostImports(CostClient::ctx(other.admin).get(), {}, &imports));
    QCOMPARE(imports.imports_size(), 1);
    pb::QueryCostsRequest r;
    r.add_group_by(pb::COST_DIMENSION_BILLING_ACCOUNT);
    r.mutable_start_time()->set_seconds(1577836800); // 2020-01-01
    r.mutable_end_time()->set_seconds(1735689600);
    pb::CostQueryResult q;
    QVERIFY_OK(other.stub->QueryCosts(CostClient::ctx(other.admin).get(), r, &q));
    for (const auto &s : q.series())
        QVERIFY2(!s.key().values(0).starts_with("acct-big"), s.key().values(0).c_str());
}

void TestCostImport::forecastKnownAnswer()
{
    // 84 days of y = 100 + 2 t + 10 × weekday (exact), ending on 2025-02-14: the forecast must
    // continue the line exactly, with bounds equal to it (no residuals).
    std::tm tm{};
    tm.tm_year = 2025 - 1900;
    tm.tm_mon = 1; // February 2025
    tm.tm_mday = 15;
    const std::int64_t firstForecast = timegm(&tm) / 86400;
    const std::int64_t first = firstForecast - 84;
    auto value = [&](std::int64_t day) {
        const int weekday = int(((day % 7) + 7 + 3) % 7);
        return 100.0 + 2.0 * double(day - first) + 10.0 * weekday;
    };
    std::string text = focus::csvHeader();
    for (std::int64_t d = first; d < firstForecast; ++d) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", value(d));
        focus::appendCsvRow(dayRow(d, "fc-region", "fc-service", "fc-model", buf, d - first + 1),
                            text);
    }
    pb::ImportReport report;
    QVERIFY_OK(m_c.import(m_c.admin, "forecast.csv", QByteArray::fromStdString(text), &report));
    QVERIFY2(report.written(),
             report.rejections_size() ? report.rejections(0).reason().c_str() : "");
    pb::GetCostForecastRequest fr;
    fr.mutable_filter()->set_expression("service = \"fc-service\"");
    *fr.mutable_as_of() = TimeUtil::SecondsToTimestamp(firstForecast * 86400);
    pb::CostForecast f;
    QVERIFY_OK(m_c.stub->GetCostForecast(CostClient::ctx(m_c.admin).get(), fr, &f));
    tm.tm_mday = 1;
    const std::int64_t monthStart = timegm(&tm) / 86400;
    tm.tm_mon = 2;
    const std::int64_t monthEnd = timegm(&tm) / 86400; // March 1st
    tm.tm_mon = 3;
    const std::int64_t quarterEnd = timegm(&tm) / 86400; // April 1st
    tm.tm_mon = 0;
    const std::int64_t quarterStart = timegm(&tm) / 86400;
    double actualMonth = 0, restMonth = 0, actualQuarter = 0, restQuarter = 0;
    for (std::int64_t d = monthStart; d < firstForecast; ++d)
        actualMonth += value(d);
    for (std::int64_t d = firstForecast; d < monthEnd; ++d)
        restMonth += value(d);
    for (std::int64_t d = quarterStart; d < firstForecast; ++d)
        actualQuarter += value(d);
    for (std::int64_t d = firstForecast; d < quarterEnd; ++d)
        restQuarter += value(d);
    QCOMPARE(f.month().period_start().seconds(), monthStart * 86400);
    QCOMPARE(f.month().period_end().seconds(), monthEnd * 86400);
    QVERIFY(std::abs(money(f.month().actual_to_date()) - actualMonth) < 1e-9);
    QVERIFY2(std::abs(money(f.month().expected()) - (actualMonth + restMonth)) < 0.01,
             f.month().expected().c_str());
    QVERIFY(std::abs(money(f.month().lower()) - money(f.month().expected())) < 0.01);
    QVERIFY(std::abs(money(f.month().upper()) - money(f.month().expected())) < 0.01);
    QVERIFY(std::abs(money(f.quarter().actual_to_date()) - actualQuarter) < 1e-9);
    QVERIFY2(std::abs(money(f.quarter().expected()) - (actualQuarter + restQuarter)) < 0.01,
             f.quarter().expected().c_str());
    // The daily points continue the line.
    int checked = 0;
    for (const auto &p : f.days()) {
        const std::int64_t d = p.day().seconds() / 86400;
        QVERIFY(std::abs(money(p.expected()) - value(d)) < 0.001);
        QCOMPARE(p.actual(), d < firstForecast);
        ++checked;
    }
    QCOMPARE(checked, 30 + int(quarterEnd - firstForecast));
}

void TestCostImport::anomalyFoundAndExplained()
{
    // Three series, steady with a weekly pattern; one of them spikes on one day.
    std::tm tm{};
    tm.tm_year = 2025 - 1900;
    tm.tm_mon = 5;
    tm.tm_mday = 1;
    const std::int64_t first = timegm(&tm) / 86400;
    const std::int64_t spike = first + 50;
    std::string text = focus::csvHeader();
    std::int64_t line = 0;
    for (std::int64_t d = first; d < first + 70; ++d) {
        const int weekday = int(((d % 7) + 7 + 3) % 7);
        const double week = weekday >= 5 ? 0.8 : 1.0;
        const double wobble = 1.0 + 0.01 * double((d * 7919) % 5 - 2);
        struct S
        {
            const char *region, *service, *model;
            double base;
        };
        for (const S &s :
             {S{"an-east", "an-gpu", "fraud-detector", 500}, S{"an-west", "an-gpu", "churn", 400},
              S{"an-east", "an-storage", "", 300}}) {
            double v = s.base * week * wobble;
            if (d == spike && std::string(s.service) == "an-gpu" &&
                std::string(s.region) == "an-east")
                v *= 4;
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", v);
            focus::Row r = dayRow(d, s.region, s.service, s.model, buf, ++line);
            r.billingAccountId = "acct-anomaly";
            if (!*s.model)
                r.tags.clear();
            focus::appendCsvRow(r, text);
        }
    }
    pb::ImportReport report;
    QVERIFY_OK(m_c.import(m_c.admin, "anomaly.csv", QByteArray::fromStdString(text), &report));
    QVERIFY(report.written());
    pb::ListCostAnomaliesRequest ar;
    ar.mutable_filter()->set_expression("billing_account = \"acct-anomaly\"");
    *ar.mutable_start_time() = TimeUtil::SecondsToTimestamp(first * 86400);
    *ar.mutable_end_time() = TimeUtil::SecondsToTimestamp((first + 70) * 86400);
    pb::ListCostAnomaliesResponse out;
    QVERIFY_OK(m_c.stub->ListCostAnomalies(CostClient::ctx(m_c.admin).get(), ar, &out));
    for (const auto &a : out.anomalies())
        qInfo("anomaly %s score %.2f %s", a.name().c_str(), a.score(), a.summary().c_str());
    QCOMPARE(out.anomalies_size(), 1);
    const pb::CostAnomaly &a = out.anomalies(0);
    QCOMPARE(a.day().seconds(), spike * 86400);
    QVERIFY(a.score() > 3.5);
    // The impact is the spike: 3 × the GPU line's usual spend, give or take the wobble.
    const double week = ((spike % 7) + 7 + 3) % 7 >= 5 ? 0.8 : 1.0;
    QVERIFY2(std::abs(money(a.impact()) - 1500 * week) < 120, a.impact().c_str());
    QVERIFY(a.causes_size() >= 1);
    QCOMPARE(a.causes(0).values(0), std::string("an-east"));
    QCOMPARE(a.causes(0).values(1), std::string("an-gpu"));
    QCOMPARE(a.causes(0).values(2), std::string("models/fraud-detector"));
    QVERIFY(a.causes(0).share() > 0.9);
    QVERIFY2(a.summary().find("region an-east · service an-gpu · model models/fraud-detector") !=
                 std::string::npos,
             a.summary().c_str());
}

QTEST_GUILESS_MAIN(TestCostImport)
#include "tst_costimport.moc"
