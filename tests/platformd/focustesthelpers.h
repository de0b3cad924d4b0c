#pragma once

// Helpers of tst_focusreader: the FOCUS sample (../shared/data/focus) as bytes and as raw fields
// split by the test itself, a Reader run over bytes in chosen chunks, and row comparison.

#include "cost/focus/focusreader.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <functional>

namespace focustest {

using namespace platformd::cost::focus;

inline QString sharedData(const QString &file)
{
    return qEnvironmentVariable("OPS_SHARED_DATA") + QStringLiteral("/focus/") + file;
}

inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

inline const QByteArray &sampleCsv()
{
    static const QByteArray bytes = readBytes(sharedData(QStringLiteral("focus_sample_1.0.csv")));
    return bytes;
}

// The sample split by the test itself (every record of it is one line): raw fields, quotes kept.
struct Table
{
    QList<QByteArray> header;
    QList<QList<QByteArray>> rows;

    int column(const char *name) const
    {
        return int(header.indexOf(QByteArray('"' + QByteArray(name) + '"')));
    }
    QByteArray join(const char *eol = "\n") const
    {
        QByteArray out = header.join(',') + eol;
        for (const auto &r : rows)
            out += r.join(',') + eol;
        return out;
    }
};

inline QList<QByteArray> splitFields(const QByteArray &line)
{
    QList<QByteArray> fields;
    QByteArray cur;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            fields.append(cur);
            cur.clear();
        } else {
            cur.append(c);
        }
    }
    fields.append(cur);
    return fields;
}

inline Table sampleTable()
{
    Table t;
    const QList<QByteArray> lines = sampleCsv().split('\n');
    t.header = splitFields(lines.front());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (!lines[i].isEmpty())
            t.rows.append(splitFields(lines[i]));
    }
    return t;
}

// The sample with one raw field replaced (row is 1-based, as the reader counts).
inline QByteArray withField(int row, const char *column, const QByteArray &raw)
{
    Table t = sampleTable();
    t.rows[row - 1][t.column(column)] = raw;
    return t.join();
}

inline QByteArray gzip(const QByteArray &bytes)
{
    QProcess p;
    p.start(QStringLiteral("gzip"), {QStringLiteral("-c")});
    if (!p.waitForStarted())
        qFatal("cannot start gzip");
    p.write(bytes);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        qFatal("gzip failed");
    return p.readAllStandardOutput();
}

struct Result
{
    bool ok = false;
    std::vector<Row> rows;
    std::vector<Rejection> rejections;
    std::optional<Rejection> fatal;
    std::vector<std::string> notes, unknown;
    std::string version;
    ReaderStats stats;
};

// Feeds `bytes` in chunks of chunk() bytes (all at once without it), then finishes.
inline Result read(const QByteArray &bytes, const std::function<qsizetype()> &chunk = {})
{
    Result r;
    Reader reader([&](const Row &row) { r.rows.push_back(row); },
                  [&](const Rejection &rej) { r.rejections.push_back(rej); });
    bool ok = true;
    for (qsizetype at = 0; ok && at < bytes.size();) {
        const qsizetype n = chunk ? std::min(chunk(), bytes.size() - at) : bytes.size();
        ok = reader.feed(std::string_view(bytes.constData() + at, std::size_t(n)));
        at += n;
    }
    r.ok = ok && reader.finish();
    r.fatal = reader.fatal();
    r.notes = reader.notes();
    r.unknown = reader.unknownColumns();
    r.version = reader.focusVersion();
    r.stats = reader.stats();
    return r;
}

// The first field that differs ("" when none).
inline QString rowDiff(const Row &a, const Row &b, bool withExtra = true)
{
    const std::pair<const char *, bool> same[] = {
        {"line", a.line == b.line},
        {"billedCost", a.billedCost == b.billedCost},
        {"effectiveCost", a.effectiveCost == b.effectiveCost},
        {"listCost", a.listCost == b.listCost},
        {"contractedCost", a.contractedCost == b.contractedCost},
        {"pricingQuantity", a.pricingQuantity == b.pricingQuantity},
        {"billingAccountId", a.billingAccountId == b.billingAccountId},
        {"billingAccountName", a.billingAccountName == b.billingAccountName},
        {"billingCurrency", a.billingCurrency == b.billingCurrency},
        {"billingPeriodStart", a.billingPeriodStart == b.billingPeriodStart},
        {"billingPeriodEnd", a.billingPeriodEnd == b.billingPeriodEnd},
        {"chargePeriodStart", a.chargePeriodStart == b.chargePeriodStart},
        {"chargePeriodEnd", a.chargePeriodEnd == b.chargePeriodEnd},
        {"chargeCategory", a.chargeCategory == b.chargeCategory},
        {"chargeClass", a.chargeClass == b.chargeClass},
        {"chargeDescription", a.chargeDescription == b.chargeDescription},
        {"chargeFrequency", a.chargeFrequency == b.chargeFrequency},
        {"invoiceIssuerName", a.invoiceIssuerName == b.invoiceIssuerName},
        {"providerName", a.providerName == b.providerName},
        {"publisherName", a.publisherName == b.publisherName},
        {"pricingUnit", a.pricingUnit == b.pricingUnit},
        {"serviceCategory", a.serviceCategory == b.serviceCategory},
        {"serviceName", a.serviceName == b.serviceName},
        {"availabilityZone", a.availabilityZone == b.availabilityZone},
        {"regionId", a.regionId == b.regionId},
        {"regionName", a.regionName == b.regionName},
        {"resourceId", a.resourceId == b.resourceId},
        {"resourceName", a.resourceName == b.resourceName},
        {"resourceType", a.resourceType == b.resourceType},
        {"subAccountId", a.subAccountId == b.subAccountId},
        {"subAccountName", a.subAccountName == b.subAccountName},
        {"skuId", a.skuId == b.skuId},
        {"skuPriceId", a.skuPriceId == b.skuPriceId},
        {"pricingCategory", a.pricingCategory == b.pricingCategory},
        {"commitmentDiscountCategory",
         a.commitmentDiscountCategory == b.commitmentDiscountCategory},
        {"commitmentDiscountId", a.commitmentDiscountId == b.commitmentDiscountId},
        {"commitmentDiscountName", a.commitmentDiscountName == b.commitmentDiscountName},
        {"commitmentDiscountStatus", a.commitmentDiscountStatus == b.commitmentDiscountStatus},
        {"commitmentDiscountType", a.commitmentDiscountType == b.commitmentDiscountType},
        {"consumedQuantity", a.consumedQuantity == b.consumedQuantity},
        {"contractedUnitPrice", a.contractedUnitPrice == b.contractedUnitPrice},
        {"listUnitPrice", a.listUnitPrice == b.listUnitPrice},
        {"consumedUnit", a.consumedUnit == b.consumedUnit},
        {"tags", a.tags == b.tags},
        {"tagsJson", a.tagsJson == b.tagsJson},
        {"extra", !withExtra || a.extra == b.extra},
    };
    for (const auto &[name, equal] : same) {
        if (!equal)
            return QString::fromLatin1(name);
    }
    return {};
}

inline void compareRows(const std::vector<Row> &got, const std::vector<Row> &expected,
                        bool withExtra = true)
{
    QCOMPARE(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        const QString diff = rowDiff(got[i], expected[i], withExtra);
        if (!diff.isEmpty())
            QFAIL(qPrintable(QStringLiteral("row %1 differs in %2").arg(i + 1).arg(diff)));
    }
}

inline const Result &sampleResult()
{
    static const Result r = read(sampleCsv());
    return r;
}

inline bool hasNote(const Result &r, const QString &part)
{
    return std::any_of(r.notes.begin(), r.notes.end(), [&](const std::string &n) {
        return QString::fromStdString(n).contains(part);
    });
}

} // namespace focustest
