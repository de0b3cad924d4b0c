// focus::Reader on the real FOCUS 1.0 sample (../shared/data/focus): every row read, totals
// checked against the sqlite3 CLI's decimal_sum over the raw CSV; the quirks and variants real
// exports have; every malformed variant refused with its row and column; the writer's round trip;
// the column table against the specification's column lists.
#include "cost/focus/focusreader.h"
#include "cost/focus/focuswriter.h"
#include "cost/focus/private/focusparse.h"

#include "focustesthelpers.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>

using namespace platformd::cost::focus;

using namespace focustest;

namespace {

using Totals = std::map<std::string, std::pair<Decimal, Decimal>>; // BilledCost, EffectiveCost

// Totals per `column` computed by the sqlite3 CLI over the raw CSV (untyped table, decimal_sum).
Totals sqliteTotals(const QString &csvPath, const QString &column)
{
    QProcess p;
    p.start(QStringLiteral("sqlite3"), {QStringLiteral(":memory:")});
    if (!p.waitForStarted())
        qFatal("cannot start sqlite3");
    p.write(QStringLiteral(".import --csv %1 focus\n"
                           "SELECT %2, decimal_sum(BilledCost), decimal_sum(EffectiveCost) "
                           "FROM focus GROUP BY %2;\n")
                .arg(csvPath, column)
                .toUtf8());
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("sqlite3 failed: %s", p.readAllStandardError().constData());
    Totals totals;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split('|');
        if (parts.size() != 3)
            continue;
        const auto billed = Decimal::parse(parts[1].toStdString());
        const auto effective = Decimal::parse(parts[2].toStdString());
        if (!billed || !effective)
            qFatal("sqlite3 printed %s", line.constData());
        totals[parts[0].toStdString()] = {*billed, *effective};
    }
    return totals;
}

Totals ourTotals(const std::vector<Row> &rows, std::string Row::*key)
{
    Totals totals;
    for (const Row &r : rows) {
        auto &t = totals[r.*key];
        t.first += r.billedCost;
        t.second += r.effectiveCost;
    }
    return totals;
}

} // namespace

class TestFocusReader : public QObject
{
    Q_OBJECT

private slots:
    void sampleReadsEveryRow();
    void sampleTotalsMatchSqlite();
    void sampleQuirks();
    void emptyVersusNull();
    void accepted_data();
    void accepted();
    void newerVersions_data();
    void newerVersions();
    void chunked();
    void gzipped();
    void refused_data();
    void refused();
    void writerRoundTrip();
    void columnTableMatchesSpec_data();
    void columnTableMatchesSpec();
};

void TestFocusReader::sampleReadsEveryRow()
{
    const Result &r = sampleResult();
    QVERIFY(r.ok);
    QCOMPARE(r.rejections.size(), 0u);
    QCOMPARE(r.rows.size(), 1000u);
    QCOMPARE(r.stats.rowsRead, 1000);
    QCOMPARE(r.stats.rowsAccepted, 1000);
    QCOMPARE(r.stats.bytesRead, std::uint64_t(sampleCsv().size()));
    QCOMPARE(r.version, std::string("1.0"));
    QCOMPARE(r.unknown, std::vector<std::string>{"Id"});
    for (std::size_t i = 0; i < r.rows.size(); ++i)
        QCOMPARE(r.rows[i].line, std::int64_t(i + 1));
    // Row 2 as the file has it.
    const Row &row = r.rows[1];
    QCOMPARE(row.billedCost.toString(), std::string("0.0000160599"));
    QCOMPARE(row.billingAccountId, std::string("1234567890123"));
    QCOMPARE(row.billingPeriodStart, std::int64_t(1725148800)); // 2024-09-01T00:00:00Z
    QCOMPARE(row.chargePeriodEnd, std::int64_t(1727737200));    // 2024-09-30 23:00:00
    QCOMPARE(row.chargeClass, std::string());
    QCOMPARE(row.pricingQuantity, Decimal::parse("0.00200749"));
    QCOMPARE(row.listUnitPrice, Decimal::parse("0.008")); // quoted in the file
    QCOMPARE(row.availabilityZone, std::string());        // NULL
    QCOMPARE(row.tags.size(), 3u);
    QCOMPARE(row.tags.at("application"), std::string("BrightLensMatrix"));
    QCOMPARE(row.tagsJson, std::string("{\"application\": \"BrightLensMatrix\", \"environment\": "
                                       "\"dev\", \"business_unit\": \"ViennaAI\"}"));
    QCOMPARE(row.extra.size(), 1u);
    QCOMPARE(row.extra[0], (std::pair<std::string, std::string>("Id", "19384")));
}

void TestFocusReader::sampleTotalsMatchSqlite()
{
    const Result &r = sampleResult();
    const QString path = sharedData(QStringLiteral("focus_sample_1.0.csv"));
    const Totals byProvider = sqliteTotals(path, QStringLiteral("ProviderName"));
    const Totals byCategory = sqliteTotals(path, QStringLiteral("ChargeCategory"));
    QCOMPARE(byProvider.size(), 3u); // AWS, Microsoft, Oracle
    QCOMPARE(byCategory.size(), 3u); // Usage, Adjustment, Credit
    QVERIFY(ourTotals(r.rows, &Row::providerName) == byProvider);
    QVERIFY(ourTotals(r.rows, &Row::chargeCategory) == byCategory);
    // Not all zero: the comparison above compares something.
    QVERIFY(!byProvider.at("AWS").first.isZero());
}

void TestFocusReader::sampleQuirks()
{
    const Result &r = sampleResult();
    // Usage-based (7 Oracle rows) normalised, with a note naming it.
    for (const Row &row : r.rows)
        QVERIFY(row.chargeFrequency == "Usage-Based" || row.chargeFrequency == "One-Time");
    QVERIFY(hasNote(r, QStringLiteral("\"Usage-based\" is read as \"Usage-Based\"")));
    // Row 926 has a quoted empty PricingCategory: empty text (Row keeps nulls as "" too).
    QCOMPARE(r.rows[925].pricingCategory, std::string());
    QCOMPARE(r.rows[0].pricingCategory, std::string("Standard"));
    QVERIFY(hasNote(r, QStringLiteral("without a time zone are read as UTC")));
    // Oracle's NULL ContractedCost is read as 0, with a note.
    QVERIFY(r.rows[925].contractedCost.isZero());
    QVERIFY(hasNote(r, QStringLiteral("ContractedCost: null")));
}

void TestFocusReader::emptyVersusNull()
{
    // Unquoted empty = null where the column allows nulls (noted); NULL = null; "NULL" = text.
    Table t = sampleTable();
    t.rows[0][t.column("PricingCategory")] = "";
    t.rows[0][t.column("ListUnitPrice")] = "";
    t.rows[1][t.column("ListUnitPrice")] = "NULL";
    t.rows[2][t.column("ResourceName")] = "\"NULL\"";
    t.rows[3][t.column("ResourceName")] = "NULL";
    t.rows[4][t.column("ResourceName")] = "\"\"";
    const Result r = read(t.join());
    QVERIFY(r.ok);
    QCOMPARE(r.rejections.size(), 0u);
    QCOMPARE(r.rows[0].pricingCategory, std::string());
    QCOMPARE(r.rows[0].listUnitPrice, std::nullopt);
    QCOMPARE(r.rows[1].listUnitPrice, std::nullopt);
    QCOMPARE(sampleResult().rows[1].listUnitPrice, Decimal::parse("0.008"));
    QCOMPARE(r.rows[2].resourceName, std::string("NULL"));
    QCOMPARE(r.rows[3].resourceName, std::string());
    QCOMPARE(r.rows[4].resourceName, std::string());
    QVERIFY(hasNote(r, QStringLiteral("PricingCategory: an empty field is read as null "
                                      "(first at row 1)")));
    QVERIFY(hasNote(r, QStringLiteral("ListUnitPrice: an empty field is read as null")));
    // A quoted empty or quoted NULL is no decimal.
    for (const QByteArray &raw : {QByteArray("\"\""), QByteArray("\"NULL\"")}) {
        const Result bad = read(withField(1, "ListUnitPrice", raw));
        QCOMPARE(bad.rejections.size(), 1u);
        QCOMPARE(bad.rejections[0].row, 1);
        QCOMPARE(bad.rejections[0].column, std::string("ListUnitPrice"));
    }
}

void TestFocusReader::accepted_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("note");
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF" + sampleCsv())
                         << QStringLiteral("byte order mark");
    QTest::newRow("CRLF") << sampleTable().join("\r\n") << QStringLiteral("CRLF");
    QTest::newRow("no final line break") << sampleCsv().chopped(1) << QString();
    QTest::newRow("blank last lines") << QByteArray(sampleCsv() + "\n\n") << QString();
    Table reversed = sampleTable();
    std::reverse(reversed.header.begin(), reversed.header.end());
    for (auto &row : reversed.rows)
        std::reverse(row.begin(), row.end());
    QTest::newRow("columns in another order") << reversed.join() << QString();
}

void TestFocusReader::accepted()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, note);
    const Result r = read(bytes);
    QVERIFY(r.ok);
    QCOMPARE(r.rejections.size(), 0u);
    compareRows(r.rows, sampleResult().rows);
    if (!note.isEmpty())
        QVERIFY2(hasNote(r, note), qPrintable(note));
}

void TestFocusReader::newerVersions_data()
{
    QTest::addColumn<QByteArrayList>("columns");
    QTest::addColumn<QByteArrayList>("values");
    QTest::addColumn<QString>("version");
    QTest::newRow("1.1") << QByteArrayList{"ServiceSubcategory", "SkuPriceDetails"}
                         << QByteArrayList{"\"Other (Compute)\"", "\"{\"\"CoreCount\"\": 4}\""}
                         << QStringLiteral("1.1");
    QTest::newRow("1.2") << QByteArrayList{"BillingAccountType", "InvoiceId", "ServiceSubcategory"}
                         << QByteArrayList{"\"Billing Profile\"", "NULL", "\"Other\""}
                         << QStringLiteral("1.2");
    QTest::newRow("x_ and unknown")
        << QByteArrayList{"x_Team", "Extra Column"} << QByteArrayList{"\"blue\"", "\"NULL\""}
        << QStringLiteral("1.0");
}

void TestFocusReader::newerVersions()
{
    QFETCH(QByteArrayList, columns);
    QFETCH(QByteArrayList, values);
    QFETCH(QString, version);
    Table t = sampleTable();
    for (const QByteArray &c : columns)
        t.header.append('"' + c + '"');
    for (auto &row : t.rows)
        row.append(values);
    const Result r = read(t.join());
    QVERIFY(r.ok);
    QCOMPARE(r.rejections.size(), 0u);
    QCOMPARE(QString::fromStdString(r.version), version);
    QCOMPARE(r.rows.size(), 1000u);
    // The added columns come after Id in extra, as text ("" for NULL; a quoted "NULL" is text).
    const Row &row = r.rows[41];
    QCOMPARE(row.extra.size(), std::size_t(1 + columns.size()));
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const auto &[name, text] = row.extra[std::size_t(1 + i)];
        QCOMPARE(QByteArray::fromStdString(name), columns[i]);
        const QByteArray expected =
            values[i] == "NULL" ? QByteArray() : values[i].mid(1).chopped(1).replace("\"\"", "\"");
        QCOMPARE(QByteArray::fromStdString(text), expected);
    }
    std::vector<std::string> unknown{"Id"};
    for (const QByteArray &c : columns) {
        if (!detail::findColumn(c.toStdString()))
            unknown.push_back(c.toStdString());
    }
    QCOMPARE(r.unknown, unknown);
    compareRows(r.rows, sampleResult().rows, false);
}

void TestFocusReader::chunked()
{
    // One byte at a time, and random chunk sizes (a fixed seed per run for a reproducible failure).
    const Result byByte = read(sampleCsv(), [] { return qsizetype(1); });
    QVERIFY(byByte.ok);
    compareRows(byByte.rows, sampleResult().rows);
    const quint32 seed = QRandomGenerator::global()->generate();
    QRandomGenerator random(seed);
    for (int run = 0; run < 20; ++run) {
        const Result r = read(sampleTable().join("\r\n"),
                              [&] { return qsizetype(1 + random.bounded(run < 10 ? 64 : 9000)); });
        QVERIFY2(r.ok, qPrintable(QStringLiteral("seed %1").arg(seed)));
        compareRows(r.rows, sampleResult().rows);
    }
}

void TestFocusReader::gzipped()
{
    const QByteArray gz = gzip(sampleCsv());
    QVERIFY(gz.startsWith("\x1f\x8b"));
    for (const qsizetype chunk : {qsizetype(0), qsizetype(1), qsizetype(777)}) {
        const Result r = chunk ? read(gz, [chunk] { return chunk; }) : read(gz);
        QVERIFY(r.ok);
        QCOMPARE(r.rejections.size(), 0u);
        QCOMPARE(r.stats.bytesRead, std::uint64_t(sampleCsv().size()));
        compareRows(r.rows, sampleResult().rows);
        QVERIFY(ourTotals(r.rows, &Row::providerName) ==
                ourTotals(sampleResult().rows, &Row::providerName));
    }
    // Through readFile, from a .gz on disk.
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("focus.csv.gz")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(gz), gz.size());
    f.close();
    std::vector<Row> rows;
    Rejection fatal;
    QVERIFY(readFile(
        f.fileName().toStdString(), [&](const Row &row) { rows.push_back(row); }, nullptr, &fatal));
    compareRows(rows, sampleResult().rows);
    QVERIFY(!readFile(dir.filePath(QStringLiteral("missing.csv")).toStdString(), nullptr, nullptr,
                      &fatal));
    QVERIFY(QString::fromStdString(fatal.reason).startsWith(QStringLiteral("cannot open")));
}

void TestFocusReader::refused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("isFatal");
    QTest::addColumn<qint64>("row"); // -1: the row after the last handed over
    QTest::addColumn<QString>("column");
    QTest::addColumn<QStringList>("reason");
    QTest::addColumn<int>("handedOver");

    Table t = sampleTable();
    Table missing = t;
    missing.header[missing.column("BilledCost")] = "\"Cost\"";
    QTest::newRow("missing mandatory column") << missing.join() << true << qint64(0) << "BilledCost"
                                              << QStringList{"mandatory column missing"} << 0;
    Table duplicated = t;
    duplicated.header[duplicated.column("Id")] = "\"ServiceName\"";
    QTest::newRow("duplicated column") << duplicated.join() << true << qint64(0) << "ServiceName"
                                       << QStringList{"duplicated column"} << 0;
    QByteArray notUtf8 = withField(20, "ChargeDescription", "\"caf\xe9 latte\"");
    QTest::newRow("not UTF-8") << notUtf8 << true << qint64(20) << "ChargeDescription"
                               << QStringList{"not UTF-8", "0xE9"} << 19;
    QTest::newRow("quote left open")
        << QByteArray(sampleCsv() + "NULL,\"0.5,123") << true << qint64(1001) << "BilledCost"
        << QStringList{"quote left open"} << 1000;
    const QByteArray gz = gzip(sampleCsv());
    QTest::newRow("truncated gzip") << gz.left(gz.size() / 2) << true << qint64(-1) << ""
                                    << QStringList{"gzip", "truncated"} << -1;
    QByteArray corrupt = gz;
    corrupt[2] = 7; // compression method: not deflate
    QTest::newRow("corrupt gzip") << corrupt << true << qint64(0) << ""
                                  << QStringList{"corrupt gzip"} << 0;
    QTest::newRow("empty file") << QByteArray() << true << qint64(0) << "" << QStringList{"empty"}
                                << 0;

    QTest::newRow("bad number") << withField(5, "BilledCost", "\"1,5\"") << false << qint64(5)
                                << "BilledCost" << QStringList{"not a decimal: \"1,5\""} << 999;
    QTest::newRow("bad date") << withField(7, "ChargePeriodStart", "\"2024-09-31 22:00:00\"")
                              << false << qint64(7) << "ChargePeriodStart"
                              << QStringList{"not a date/time"} << 999;
    QTest::newRow("mixed currencies")
        << withField(10, "BillingCurrency", "\"EUR\"") << false << qint64(10) << "BillingCurrency"
        << QStringList{"1234567890123", "USD", "EUR"} << 999;
    Table short30 = t;
    short30.rows[29].removeLast();
    QTest::newRow("wrong field count") << short30.join() << false << qint64(30) << ""
                                       << QStringList{"expected 44 fields, found 43"} << 999;
    QTest::newRow("bad Tags JSON") << withField(2, "Tags", "\"{\"\"application\"\": }\"") << false
                                   << qint64(2) << "Tags" << QStringList{"bad JSON"} << 999;
    QTest::newRow("Tags not an object") << withField(3, "Tags", "\"[1, 2]\"") << false << qint64(3)
                                        << "Tags" << QStringList{"not a JSON object"} << 999;
    QTest::newRow("null in a non-null column")
        << withField(3, "ProviderName", "NULL") << false << qint64(3) << "ProviderName"
        << QStringList{"allows no nulls"} << 999;
    QTest::newRow("empty in a non-null column")
        << withField(3, "BillingAccountId", "") << false << qint64(3) << "BillingAccountId"
        << QStringList{"allows no nulls"} << 999;
    QTest::newRow("unknown ChargeCategory")
        << withField(4, "ChargeCategory", "\"Refund\"") << false << qint64(4) << "ChargeCategory"
        << QStringList{"not a ChargeCategory", "Refund"} << 999;
    QTest::newRow("unknown ChargeClass")
        << withField(4, "ChargeClass", "\"Rebate\"") << false << qint64(4) << "ChargeClass"
        << QStringList{"not a ChargeClass"} << 999;
    QTest::newRow("lower-case currency")
        << withField(6, "BillingCurrency", "\"usd\"") << false << qint64(6) << "BillingCurrency"
        << QStringList{"not a currency code"} << 999;
    QTest::newRow("billing period reversed")
        << withField(8, "BillingPeriodStart", "\"2024-10-01 00:00:00\"") << false << qint64(8)
        << "BillingPeriodEnd" << QStringList{"not after BillingPeriodStart"} << 999;
    QTest::newRow("charge period reversed")
        << withField(8, "ChargePeriodStart", "\"2025-01-01 00:00:00\"") << false << qint64(8)
        << "ChargePeriodEnd" << QStringList{"before ChargePeriodStart"} << 999;
    QTest::newRow("stray quote") << withField(9, "ServiceName", "Amazon \"S3\"") << false
                                 << qint64(9) << "ServiceName"
                                 << QStringList{"quote inside an unquoted field"} << 999;
}

void TestFocusReader::refused()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, isFatal);
    QFETCH(qint64, row);
    QFETCH(QString, column);
    QFETCH(QStringList, reason);
    QFETCH(int, handedOver);
    const Result r = read(bytes);
    if (handedOver >= 0)
        QCOMPARE(int(r.rows.size()), handedOver);
    if (row < 0)
        row = qint64(r.rows.size() + r.rejections.size()) + 1;
    Rejection got;
    if (isFatal) {
        QVERIFY(!r.ok);
        QVERIFY(r.fatal);
        QCOMPARE(r.rejections.size(), 0u);
        got = *r.fatal;
    } else {
        QVERIFY(r.ok);
        QCOMPARE(r.rejections.size(), 1u);
        QCOMPARE(r.stats.rowsRejected, 1);
        got = r.rejections.front();
        // The refused row is not handed over; the others are.
        for (const Row &accepted : r.rows)
            QVERIFY(accepted.line != row);
    }
    QCOMPARE(qint64(got.row), row);
    QCOMPARE(QString::fromStdString(got.column), column);
    for (const QString &part : reason)
        QVERIFY2(QString::fromStdString(got.reason).contains(part), got.reason.c_str());
    // Fed a byte at a time, the same verdict.
    const Result byByte = read(bytes, [] { return qsizetype(1); });
    QCOMPARE(byByte.ok, r.ok);
    QCOMPARE(byByte.rows.size(), r.rows.size());
    const Rejection &again = isFatal ? *byByte.fatal : byByte.rejections.front();
    QCOMPARE(again.row, got.row);
    QCOMPARE(again.column, got.column);
}

void TestFocusReader::writerRoundTrip()
{
    std::string csv = csvHeader();
    for (const Row &row : sampleResult().rows)
        appendCsvRow(row, csv);
    const Result r = read(QByteArray::fromStdString(csv));
    QVERIFY(r.ok);
    QCOMPARE(r.rejections.size(), 0u);
    QCOMPARE(r.unknown.size(), 0u);
    QCOMPARE(r.version, std::string("1.0"));
    // Everything but the non-FOCUS Id column (Row::extra is not written).
    compareRows(r.rows, sampleResult().rows, false);
    for (const Row &row : r.rows)
        QVERIFY(row.extra.empty());
    // Text that needs quoting, a text "NULL" and tags without their JSON text survive too.
    Row odd = sampleResult().rows[1];
    odd.line = 1;
    odd.chargeDescription = "say \"hi\",\nthen NULL";
    odd.resourceName = "NULL";
    odd.tags = {{"team", "a \"b\" \\ c"}, {"x", "ü"}};
    odd.tagsJson.clear();
    std::string one = csvHeader();
    appendCsvRow(odd, one);
    const Result back = read(QByteArray::fromStdString(one));
    QVERIFY(back.ok);
    QCOMPARE(back.rows.size(), 1u);
    QCOMPARE(back.rows[0].chargeDescription, odd.chargeDescription);
    QCOMPARE(back.rows[0].resourceName, std::string("NULL"));
    QCOMPARE(back.rows[0].tags, odd.tags);
}

void TestFocusReader::columnTableMatchesSpec_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("version");
    QTest::newRow("1.0") << "focus_columns_v1.0.csv" << 10;
    QTest::newRow("1.1") << "focus_columns_v1.1.csv" << 11;
    QTest::newRow("1.2") << "focus_columns_v1.2.csv" << 12;
}

void TestFocusReader::columnTableMatchesSpec()
{
    QFETCH(QString, file);
    QFETCH(int, version);
    const QList<QByteArray> lines = readBytes(sharedData(file)).trimmed().split('\n');
    QCOMPARE(lines.front().trimmed(),
             QByteArray("ColumnId,DisplayName,ColumnType,FeatureLevel,AllowsNulls,"
                        "DataType,Introduced,SourceFile"));
    int mandatory = 0;
    int known = 0;
    for (const detail::ColumnSpec &c : detail::columnSpecs())
        known += c.since <= version;
    QCOMPARE(known, int(lines.size() - 1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> f = lines[i].trimmed().split(',');
        QCOMPARE(f.size(), 8);
        const detail::ColumnSpec *c = detail::findColumn(f[0].toStdString());
        QVERIFY2(c, f[0].constData());
        QVERIFY2(c->since <= version, f[0].constData());
        QCOMPARE(c->mandatory, f[3] == "Mandatory");
        QCOMPARE(c->nullable, f[4] == "True");
        const detail::Type type = f[5] == "Decimal"     ? detail::Type::Decimal
                                  : f[5] == "Date/Time" ? detail::Type::DateTime
                                  : f[5] == "JSON"      ? detail::Type::Json
                                                        : detail::Type::String;
        QCOMPARE(int(c->type), int(type));
        mandatory += c->mandatory;
    }
    QCOMPARE(mandatory, 21);
}

QTEST_GUILESS_MAIN(TestFocusReader)
#include "tst_focusreader.moc"
