#include "services/connection.h"
#include "services/costclient.h"

#include "callanswer.h"
#include "consolefixture.h"
#include "platformdprocess.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <optional>

using namespace ops;

namespace {

template<typename T>
using Answer = CallAnswer<T, CostError>;

QString addUser(const QString &dir, const QString &user, const QString &role)
{
    if (PlatformdProcess::runCli({QStringLiteral("user"), QStringLiteral("add"), user,
                                  QStringLiteral("--role"), role, QStringLiteral("--data-dir"),
                                  dir})
            .isEmpty())
        return {};
    return QString::fromUtf8(
               PlatformdProcess::runCli({QStringLiteral("token"), QStringLiteral("create"), user,
                                         QStringLiteral("--data-dir"), dir}))
        .trimmed();
}

QString sharedData(const QString &relative)
{
    return qEnvironmentVariable("OPS_SHARED_DATA") + u'/' + relative;
}

} // namespace

class TstCostClient : public QObject
{
    Q_OBJECT

private:
    PlatformdProcess m_platformd;
    QString m_viewerToken;
    QString m_managerToken;
    QTemporaryDir m_files;

    std::unique_ptr<ConsoleFixture> console(const QString &token)
    {
        auto fixture = std::make_unique<ConsoleFixture>();
        fixture->connectTo(m_platformd.address(), token);
        return fixture;
    }

    // One import, waited for; the report or the error.
    std::pair<ImportReport, CostError> import(CostClient &client, const QString &path,
                                              ImportOptions options = {})
    {
        CostImport *job = client.importFile(path, options);
        QSignalSpy finished(job, &CostImport::finished);
        if (!finished.wait(60000))
            return {{}, CostError{-1, {}, QStringLiteral("no answer")}};
        return {finished.first().at(0).value<ImportReport>(),
                finished.first().at(1).value<CostError>()};
    }

    CostQueryResult queryOrFail(CostClient &client, const CostQuery &query, bool *ok)
    {
        Answer<CostQueryResult> a;
        client.queryCosts(query, a.callback());
        *ok = a.wait() && !a.error.isError() && a.result;
        if (!*ok)
            qWarning() << "query failed:" << a.error.text;
        return a.result.value_or(CostQueryResult());
    }

private slots:
    void initTestCase()
    {
        const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                  QStringLiteral("7"), QStringLiteral("--demo-rate"),
                                  QStringLiteral("5")};
        QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
        // Users are added while platformd is stopped (the CLI refuses a data dir in use).
        QCOMPARE(m_platformd.terminate(), 0);
        m_viewerToken =
            addUser(m_platformd.dataDir(), QStringLiteral("vera"), QStringLiteral("viewer"));
        m_managerToken =
            addUser(m_platformd.dataDir(), QStringLiteral("mona"), QStringLiteral("manager"));
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
        QVERIFY(!m_viewerToken.isEmpty());
        QVERIFY(!m_managerToken.isEmpty());
        QVERIFY(m_files.isValid());
    }

    // The demo's 13 months by provider: every provider there, and the groups add up exactly to
    // the total (money stays decimal text end to end).
    void queryByProviderAddsUpExactly()
    {
        auto c = console(m_viewerToken);
        CostClient client(&c->connection);
        CostQuery q;
        const QDate today = QDateTime::currentDateTimeUtc().date();
        q.start =
            QDateTime(QDate(today.year(), today.month(), 1).addMonths(-12), QTime(0, 0), Qt::UTC);
        q.end = QDateTime(today.addDays(1), QTime(0, 0), Qt::UTC);
        q.groupBy = {CostDimension::Provider};
        q.granularity = CostGranularity::Monthly;
        bool ok = false;
        const CostQueryResult r = queryOrFail(client, q, &ok);
        QVERIFY(ok);
        QStringList providers;
        QString sum = QStringLiteral("0");
        for (const CostSeries &s : r.series) {
            providers << s.key.value(0);
            QCOMPARE(s.amounts.size(), r.bucketStarts.size());
            sum = money::add(sum, s.total).value_or(QStringLiteral("NaN"));
        }
        QVERIFY2(providers.contains(QStringLiteral("AWS")), qPrintable(providers.join(u',')));
        QVERIFY(r.series.size() >= 3);
        QVERIFY(r.bucketStarts.size() >= 12);
        QVERIFY(money::toDouble(r.total) > 0);
        QCOMPARE(money::toDouble(money::subtract(sum, r.total).value_or(QStringLiteral("NaN"))),
                 0.0);
        QVERIFY(!r.currency.isEmpty());
        QVERIFY(r.previousStart.isValid() && r.previousStart < q.start);
    }

    // A filter narrows the query: the AWS total by service equals AWS's share by provider.
    void filterNarrows()
    {
        auto c = console(m_viewerToken);
        CostClient client(&c->connection);
        CostQuery q;
        q.start =
            QDateTime(QDateTime::currentDateTimeUtc().date().addDays(-89), QTime(0, 0), Qt::UTC);
        q.end = q.start.addDays(90);
        q.groupBy = {CostDimension::Provider};
        q.granularity = CostGranularity::None;
        bool ok = false;
        const CostQueryResult byProvider = queryOrFail(client, q, &ok);
        QVERIFY(ok);
        QString aws;
        for (const CostSeries &s : byProvider.series)
            if (s.key.value(0) == QStringLiteral("AWS"))
                aws = s.total;
        QVERIFY(!aws.isEmpty());
        q.groupBy = {CostDimension::Service};
        q.maxGroups = 500;
        q.filter = CostText::filterTerm(CostDimension::Provider, {}, QStringLiteral("AWS"));
        const CostQueryResult awsByService = queryOrFail(client, q, &ok);
        QVERIFY(ok);
        QCOMPARE(money::toDouble(
                     money::subtract(awsByService.total, aws).value_or(QStringLiteral("NaN"))),
                 0.0);
    }

    void badFilterIsRefusedInWords()
    {
        auto c = console(m_viewerToken);
        CostClient client(&c->connection);
        CostQuery q;
        q.groupBy = {CostDimension::Service};
        q.filter = QStringLiteral("provider = ");
        Answer<CostQueryResult> a;
        client.queryCosts(q, a.callback());
        QVERIFY(a.wait());
        QCOMPARE(a.error.code, 3); // INVALID_ARGUMENT
        QVERIFY2(a.error.text.startsWith(QStringLiteral("Could not load the costs")),
                 qPrintable(a.error.text));
    }

    void eventsForMarkers()
    {
        auto c = console(m_viewerToken);
        CostClient client(&c->connection);
        Answer<QList<CostEvent>> a;
        const QDateTime end = QDateTime::currentDateTimeUtc().addDays(1);
        client.listEvents(end.addDays(-400), end, a.callback());
        QVERIFY(a.wait());
        QVERIFY2(!a.error.isError(), qPrintable(a.error.text));
        QVERIFY(!a.result->isEmpty());
        for (int i = 1; i < a.result->size(); ++i)
            QVERIFY(a.result->at(i - 1).time <= a.result->at(i).time); // oldest first
        QVERIFY(std::any_of(a.result->cbegin(), a.result->cend(),
                            [](const CostEvent &e) { return e.kind == CostEventKind::Deploy; }));
    }

    void insights()
    {
        auto c = console(m_viewerToken);
        CostClient client(&c->connection);
        Answer<QList<Anomaly>> anomalies;
        client.listAnomalies({}, {}, {}, anomalies.callback());
        Answer<RecommendationList> recs;
        client.listRecommendations({}, recs.callback());
        Answer<UnitCostReport> units;
        client.unitCosts({}, {}, units.callback());
        QVERIFY(anomalies.wait() && recs.wait() && units.wait());
        QVERIFY2(!anomalies.error.isError(), qPrintable(anomalies.error.text));
        QVERIFY2(!recs.error.isError(), qPrintable(recs.error.text));
        QVERIFY2(!units.error.isError(), qPrintable(units.error.text));
        // The demo injects spikes: each is explained by at least one dimension value.
        QVERIFY(!anomalies.result->isEmpty());
        for (const Anomaly &a : *anomalies.result)
            QVERIFY2(!a.causes.isEmpty() && !a.causeText().isEmpty(), qPrintable(a.name));
        QVERIFY(!recs.result->recommendations.isEmpty());
        QVERIFY(money::toDouble(recs.result->totalMonthlySaving) > 0);
        QVERIFY(!units.result->unitCosts.isEmpty());
    }

    // The month's and the quarter's forecast, with bounds around the expected spend.
    void forecastWithBounds()
    {
        auto c = console(m_viewerToken);
        CostClient client(&c->connection);
        Answer<CostForecast> a;
        client.forecast({}, a.callback());
        QVERIFY(a.wait());
        QVERIFY2(!a.error.isError(), qPrintable(a.error.text));
        for (const ForecastTotal &t : {a.result->month, a.result->quarter}) {
            const double lower = money::toDouble(t.lower);
            const double expected = money::toDouble(t.expected);
            const double upper = money::toDouble(t.upper);
            QVERIFY2(lower <= expected && expected <= upper,
                     qPrintable(t.lower + u' ' + t.expected + u' ' + t.upper));
            QVERIFY(expected >= money::toDouble(t.actualToDate));
            QVERIFY(t.periodStart < t.periodEnd);
        }
        QVERIFY(!a.result->method.isEmpty());
        QVERIFY(a.result->confidence > 0 && a.result->confidence < 1);

        Answer<CostForecast> bad;
        client.forecast(QStringLiteral("provider = "), bad.callback());
        QVERIFY(bad.wait());
        QCOMPARE(bad.error.code, 3);
        QVERIFY2(bad.error.text.startsWith(QStringLiteral("Could not load the forecast")),
                 qPrintable(bad.error.text));
    }

    // Managers create, edit and delete budgets; the report follows; a viewer is refused.
    void budgetsLifecycleAndPermission()
    {
        auto m = console(m_managerToken);
        CostClient manager(&m->connection);
        Budget b;
        b.displayName = QStringLiteral("GPU spend");
        b.scopeFilter = QStringLiteral("service_category = \"AI and Machine Learning\"");
        b.period = BudgetPeriod::Monthly;
        b.amount = QStringLiteral("25000.50");
        b.currency = QStringLiteral("USD");
        b.thresholds = {{50, false}, {100, false}, {100, true}};
        Answer<Budget> created;
        manager.createBudget(QStringLiteral("gpu-test"), b, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(!created.error.isError(), qPrintable(created.error.text));
        QCOMPARE(created.result->name, QStringLiteral("budgets/gpu-test"));
        QCOMPARE(created.result->thresholds.size(), 3);

        Answer<QList<BudgetStatus>> report;
        manager.budgetReport(report.callback());
        QVERIFY(report.wait());
        QVERIFY2(!report.error.isError(), qPrintable(report.error.text));
        auto it =
            std::find_if(report.result->cbegin(), report.result->cend(), [](const BudgetStatus &s) {
                return s.budget.name == QStringLiteral("budgets/gpu-test");
            });
        QVERIFY(it != report.result->cend());
        // platformd may normalise the text ("25000.5"), never the value.
        QCOMPARE(money::subtract(it->budget.amount, QStringLiteral("25000.50")),
                 QStringLiteral("0.00"));
        QVERIFY(!it->actual.isEmpty());
        QVERIFY(money::toDouble(it->forecast) >= money::toDouble(it->actual));

        Budget changed = *created.result;
        changed.amount = QStringLiteral("30000");
        Answer<Budget> updated;
        manager.updateBudget(changed, {QStringLiteral("amount")}, updated.callback());
        QVERIFY(updated.wait());
        QVERIFY2(!updated.error.isError(), qPrintable(updated.error.text));
        QCOMPARE(money::toDouble(updated.result->amount), 30000.0);

        auto v = console(m_viewerToken);
        CostClient viewer(&v->connection);
        Answer<Budget> refused;
        viewer.createBudget(QStringLiteral("sneaky"), b, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.error.code, 7); // PERMISSION_DENIED
        QVERIFY2(refused.error.text.contains(QStringLiteral("sneaky")),
                 qPrintable(refused.error.text));

        bool deleted = false;
        CostError deleteError;
        manager.deleteBudget(created.result->name, [&](const CostError &e) {
            deleteError = e;
            deleted = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return deleted; }, 30000));
        QVERIFY2(!deleteError.isError(), qPrintable(deleteError.text));
    }

    // The real FOCUS 1.0 sample: validate only writes nothing, then the import accepts every row
    // with per-provider totals; progress arrived on the way.
    void importsTheFocusSample()
    {
        auto m = console(m_managerToken);
        CostClient client(&m->connection);
        const QString path = sharedData(QStringLiteral("focus/focus_sample_1.0.csv"));
        QVERIFY2(QFile::exists(path), qPrintable(path));

        auto [check, checkError] = import(client, path, {true, false});
        QVERIFY2(!checkError.isError(), qPrintable(checkError.text));
        QCOMPARE(check.rowsRead, 1000);
        QCOMPARE(check.rowsRejected, 0);
        QVERIFY(!check.written);
        QVERIFY(check.name.isEmpty());

        CostImport *job = client.importFile(path, {});
        QSignalSpy progress(job, &CostImport::progress);
        QSignalSpy finished(job, &CostImport::finished);
        QVERIFY(finished.wait(60000));
        const auto report = finished.first().at(0).value<ImportReport>();
        const auto error = finished.first().at(1).value<CostError>();
        QVERIFY2(!error.isError(), qPrintable(error.text));
        QVERIFY(job->isFinished());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), QFileInfo(path).size()); // all bytes sent
        QCOMPARE(report.rowsAccepted, 1000);
        QVERIFY(report.written);
        QCOMPARE(report.focusVersion, QStringLiteral("1.0"));
        QCOMPARE(report.currency, QStringLiteral("USD"));
        QStringList providers;
        for (const auto &p : report.effectiveCostByProvider)
            providers << p.first;
        QCOMPARE(providers, (QStringList{QStringLiteral("AWS"), QStringLiteral("Microsoft"),
                                         QStringLiteral("Oracle")}));
    }

    // A file with a bad number and a bad date is refused with row and column; nothing written.
    void malformedFileIsRefusedWithRowAndColumn()
    {
        QFile sample(sharedData(QStringLiteral("focus/focus_sample_1.0.csv")));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = sample.readAll().split('\n');
        QVERIFY(lines.size() > 5);
        const QList<QByteArray> header = lines[0].split(',');
        const int billed = int(header.indexOf("\"BilledCost\""));
        QVERIFY(billed >= 0);
        // Row 2's BilledCost becomes "twelve" (the sample has no quoted commas before it).
        QList<QByteArray> row2 = lines[2].split(',');
        row2[billed] = "\"twelve\"";
        lines[2] = row2.join(',');
        const QString path = m_files.filePath(QStringLiteral("bad.csv"));
        QFile bad(path);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(lines.mid(0, 6).join('\n'));
        bad.close();

        auto m = console(m_managerToken);
        CostClient client(&m->connection);
        auto [report, error] = import(client, path);
        QVERIFY2(!error.isError(), qPrintable(error.text));
        QVERIFY(!report.written);
        QVERIFY(report.rowsRejected >= 1);
        QVERIFY(!report.rejections.isEmpty());
        QCOMPARE(report.rejections.first().row, 2);
        QCOMPARE(report.rejections.first().column, QStringLiteral("BilledCost"));
        QVERIFY(!report.rejections.first().reason.isEmpty());
    }

    void importErrors()
    {
        auto m = console(m_managerToken);
        CostClient client(&m->connection);
        auto [r1, missing] = import(client, m_files.filePath(QStringLiteral("nope.csv")));
        QVERIFY(missing.isError());
        QVERIFY2(missing.text.contains(QStringLiteral("nope.csv")), qPrintable(missing.text));

        // A viewer may not import.
        auto v = console(m_viewerToken);
        CostClient viewer(&v->connection);
        auto [r2, refused] =
            import(viewer, sharedData(QStringLiteral("focus/focus_sample_1.0.csv")));
        QCOMPARE(refused.code, 7);
        QVERIFY2(refused.text.startsWith(QStringLiteral("Could not import")),
                 qPrintable(refused.text));
    }

    void cancelledImportWritesNothing()
    {
        auto m = console(m_managerToken);
        CostClient client(&m->connection);
        CostImport *job =
            client.importFile(sharedData(QStringLiteral("focus/focus_sample_1.0.csv")), {});
        QSignalSpy finished(job, &CostImport::finished);
        job->cancel(); // before the first chunk left
        QVERIFY(finished.wait(30000));
        const auto error = finished.first().at(1).value<CostError>();
        QCOMPARE(error.code, 1); // CANCELLED
        QVERIFY2(error.text.contains(QStringLiteral("nothing was written")),
                 qPrintable(error.text));
    }

    void notConnected()
    {
        Connection connection; // never opened
        CostClient client(&connection);
        Answer<QList<BudgetStatus>> a;
        client.budgetReport(a.callback());
        QVERIFY(a.wait());
        QCOMPARE(a.error.code, 14); // UNAVAILABLE
        QVERIFY2(a.error.text.contains(QStringLiteral("not connected")), qPrintable(a.error.text));
    }
};

QTEST_GUILESS_MAIN(TstCostClient)
#include "tst_costclient.moc"
