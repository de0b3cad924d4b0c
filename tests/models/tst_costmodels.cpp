#include "models/cost.h"
#include "models/costexplorermodel.h"
#include "models/costtablemodels.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace ops;

namespace {

CostSeries series(const QString &key, const QStringList &amounts, const QString &total,
                  const QString &previous, bool other = false)
{
    CostSeries s;
    s.key = {key};
    s.amounts = amounts;
    s.total = total;
    s.previousTotal = previous;
    s.other = other;
    return s;
}

CostQueryResult threeServices()
{
    CostQueryResult r;
    const QDateTime day(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    r.bucketStarts = {day, day.addDays(1)};
    r.series = {
        series(QStringLiteral("Amazon EC2"),
               {QStringLiteral("600.000000000000001"), QStringLiteral("400")},
               QStringLiteral("1000.000000000000001"), QStringLiteral("800")),
        series(QStringLiteral(""), {QStringLiteral("100"), QStringLiteral("200")},
               QStringLiteral("300"), QStringLiteral("0")),
        series(QStringLiteral("(other)"), {QStringLiteral("10"), QStringLiteral("15.5")},
               QStringLiteral("25.5"), QStringLiteral("40"), true),
    };
    r.total = QStringLiteral("1325.500000000000001");
    r.previousTotal = QStringLiteral("840");
    r.currency = QStringLiteral("USD");
    return r;
}

} // namespace

class TstCostModels : public QObject
{
    Q_OBJECT

private slots:
    void decimalArithmetic_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("difference");
        QTest::addColumn<QString>("sum");
        QTest::newRow("fifteen decimals kept") << "0.100000000000001"
                                               << "0.1"
                                               << "0.000000000000001"
                                               << "0.200000000000001";
        QTest::newRow("scales align") << "12.5"
                                      << "2.25"
                                      << "10.25"
                                      << "14.75";
        QTest::newRow("negative result") << "2"
                                         << "10.5"
                                         << "-8.5"
                                         << "12.5";
        QTest::newRow("credits") << "-3.5"
                                 << "-1"
                                 << "-2.5"
                                 << "-4.5";
        QTest::newRow("zero is unsigned") << "1.10"
                                          << "1.1"
                                          << "0.00"
                                          << "2.20";
        QTest::newRow("38 digits") << "12345678901234567890.123456789012345678"
                                   << "1"
                                   << "12345678901234567889.123456789012345678"
                                   << "12345678901234567891.123456789012345678";
    }
    void decimalArithmetic()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, difference);
        QFETCH(QString, sum);
        QCOMPARE(money::subtract(a, b).value_or(QStringLiteral("?")), difference);
        QCOMPARE(money::add(a, b).value_or(QStringLiteral("?")), sum);
    }

    void notADecimal()
    {
        QVERIFY(!money::subtract(QStringLiteral("1e5"), QStringLiteral("1")));
        QVERIFY(!money::add(QStringLiteral(""), QStringLiteral("1")));
        QVERIFY(!money::add(QStringLiteral("1.2.3"), QStringLiteral("1")));
        QCOMPARE(money::toDouble(QStringLiteral("abc")), 0.0);
        QVERIFY(!money::percentChange(QStringLiteral("5"), QStringLiteral("0")));
        QCOMPARE(*money::percentChange(QStringLiteral("150"), QStringLiteral("100")), 50.0);
    }

    // Amounts for reading: rounded, grouped in the user's locale; chart axes in k / M.
    void readableMoney()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(money::displayText(QStringLiteral("3632006.877272"), QStringLiteral("USD")),
                 QStringLiteral("3,632,006.88 USD"));
        QCOMPARE(money::displayText(QStringLiteral("-14.5")), QStringLiteral("-14.50"));
        QCOMPARE(money::displayText(QStringLiteral("0.01234")), QStringLiteral("0.0123"));
        QCOMPARE(money::displayText(QString()), QString());
        QCOMPARE(money::shortText(982548.438641, QStringLiteral("USD")),
                 QStringLiteral("982,548.44 USD"));
        QCOMPARE(money::countText(4903876304), QStringLiteral("4,903,876,304"));
        QCOMPARE(money::axisText(0), QStringLiteral("0"));
        QCOMPARE(money::axisText(850), QStringLiteral("850"));
        QCOMPARE(money::axisText(700000), QStringLiteral("700k"));
        QCOMPARE(money::axisText(1200000), QStringLiteral("1.2M"));
        QCOMPARE(money::axisText(175000), QStringLiteral("175k"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(money::displayText(QStringLiteral("3632006.877272"), QStringLiteral("EUR")),
                 QStringLiteral("3.632.006,88 EUR"));
        QCOMPARE(money::axisText(1200000), QStringLiteral("1,2M"));
        QLocale::setDefault(QLocale::c()); // grouped even in the C locale
        QCOMPARE(money::displayText(QStringLiteral("1234567.891")), QStringLiteral("1,234,567.89"));
        QLocale::setDefault(before);
    }

    void filterTermsAndThresholds()
    {
        QCOMPARE(CostText::filterTerm(CostDimension::ServiceCategory, {},
                                      QStringLiteral("AI and \"ML\"")),
                 QStringLiteral("service_category = \"AI and \\\"ML\\\"\""));
        QCOMPARE(CostText::filterTerm(CostDimension::Tag, QStringLiteral("team"),
                                      QStringLiteral("fraud")),
                 QStringLiteral("tags.team = \"fraud\""));
        QString error;
        const auto t =
            CostText::parseThresholds(QStringLiteral("50, 80 %, 100f, 120 forecast"), &error);
        QVERIFY(t);
        QCOMPARE(t->size(), 4);
        QCOMPARE(t->at(1).percent, 80.0);
        QVERIFY(!t->at(1).forecast);
        QVERIFY(t->at(2).forecast && t->at(3).forecast);
        QVERIFY(!CostText::parseThresholds(QStringLiteral("50, lots"), &error));
        QVERIFY2(error.contains(QStringLiteral("lots")), qPrintable(error));
        QVERIFY(!CostText::parseThresholds(QStringLiteral("0"), &error));
        QVERIFY(!CostText::parseThresholds(QStringLiteral("1001"), &error));
    }

    // The table shows amounts rounded and grouped for reading, the exact text (and the change
    // computed exactly) in the tooltip and kExactTextRole, then a totals row.
    void explorerTable()
    {
        CostExplorerModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(threeServices(), {CostDimension::Service});
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Service"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Total (USD)"));
        auto cell = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(0, 0), QStringLiteral("Amazon EC2"));
        QCOMPARE(cell(0, model.totalColumn()), QStringLiteral("1,000.00"));
        QCOMPARE(cell(0, model.deltaColumn()), QStringLiteral("200.00"));
        auto exact = [&](int row, int column) {
            return model.index(row, column).data(CostExplorerModel::ExactTextRole).toString();
        };
        auto tip = [&](int row, int column) {
            return model.index(row, column).data(Qt::ToolTipRole).toString();
        };
        QCOMPARE(exact(0, model.totalColumn()), QStringLiteral("1000.000000000000001"));
        QCOMPARE(tip(0, model.totalColumn()), QStringLiteral("1000.000000000000001"));
        QCOMPARE(exact(0, model.deltaColumn()), QStringLiteral("200.000000000000001"));
        QCOMPARE(tip(0, model.deltaColumn()), QStringLiteral("200.000000000000001"));
        QCOMPARE(exact(0, 0), QStringLiteral("Amazon EC2")); // not money: the text itself
        QCOMPARE(cell(0, model.percentColumn()), QStringLiteral("+25.0 %"));
        QCOMPARE(cell(1, 0), QStringLiteral("(none)"));                  // untagged value
        QCOMPARE(cell(1, model.percentColumn()), QStringLiteral("new")); // nothing before
        QCOMPARE(cell(2, 0), QStringLiteral("(other)"));
        QCOMPARE(cell(2, model.deltaColumn()), QStringLiteral("-14.50"));
        QCOMPARE(exact(2, model.deltaColumn()), QStringLiteral("-14.5"));
        QCOMPARE(cell(3, 0), QStringLiteral("Total"));
        QCOMPARE(cell(3, model.totalColumn()), QStringLiteral("1,325.50"));
        QCOMPARE(exact(3, model.totalColumn()), QStringLiteral("1325.500000000000001"));
        QCOMPARE(tip(3, model.deltaColumn()), QStringLiteral("485.500000000000001"));
        QCOMPARE(model.index(3, 0).data(CostExplorerModel::TotalRowRole).toBool(), true);
        QCOMPARE(model.index(3, 0).data(CostExplorerModel::SeriesIndexRole).toInt(), -1);
        QCOMPARE(model.index(2, 0).data(CostExplorerModel::OtherRole).toBool(), true);
        QCOMPARE(model.index(0, 0).data(CostExplorerModel::KeyRole).toStringList(),
                 QStringList{QStringLiteral("Amazon EC2")});
        QCOMPARE(model.index(0, model.totalColumn()).data(CostExplorerModel::SortRole).toDouble(),
                 1000.0);
        QCOMPARE(model.index(0, model.totalColumn()).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
    }

    void topMoversByAbsoluteChange()
    {
        CostExplorerModel model;
        model.setResult(threeServices(), {CostDimension::Service});
        const auto movers = model.topMovers(2);
        QCOMPARE(movers.size(), 2);
        QCOMPARE(movers[0].label, QStringLiteral("(none)"));     // +300
        QCOMPARE(movers[1].label, QStringLiteral("Amazon EC2")); // +200
        QCOMPARE(movers[1].delta, QStringLiteral("200.000000000000001"));
        QCOMPARE(model.topMovers(10).size(), 3);
    }

    void emptyResult()
    {
        CostExplorerModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(threeServices(), {CostDimension::Service});
        model.clear();
        QCOMPARE(model.rowCount(), 0); // no totals row without groups
        QVERIFY(model.topMovers(5).isEmpty());
    }

    // Recommendations arrive in any order and are shown largest saving first, with the total.
    void recommendationsBySaving()
    {
        RecommendationTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        RecommendationList list;
        auto rec = [](const QString &name, const QString &saving) {
            Recommendation r;
            r.name = name;
            r.kind = RecommendationKind::IdleResource;
            r.monthlySaving = saving;
            r.monthlyCost = QStringLiteral("1000");
            r.utilisation = 0.05;
            return r;
        };
        list.recommendations = {rec(QStringLiteral("a"), QStringLiteral("12.5")),
                                rec(QStringLiteral("b"), QStringLiteral("900.01")),
                                rec(QStringLiteral("c"), QStringLiteral("99.99"))};
        model.setRecommendations(list);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, 0).data(CostRowsModel::RowKeyRole).toString(), QStringLiteral("b"));
        QCOMPARE(model.index(2, 0).data(CostRowsModel::RowKeyRole).toString(), QStringLiteral("a"));
        QCOMPARE(model.totalSaving(), QStringLiteral("1012.50")); // exact sum when none was sent
        QCOMPARE(model.index(0, RecommendationTableModel::UtilisationColumn).data().toString(),
                 QStringLiteral("5 %"));
        list.totalMonthlySaving = QStringLiteral("1012.500");
        model.setRecommendations(list);
        QCOMPARE(model.totalSaving(), QStringLiteral("1012.500")); // platformd's when sent

        // Sorting through a proxy is numeric, not textual ("99.99" < "900.01").
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(CostRowsModel::SortRole);
        proxy.sort(RecommendationTableModel::SavingColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("12.50"));
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("99.99"));
        QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("900.01"));
        // The exact text stays for the tooltip (above the detail) and for CSV export.
        QCOMPARE(proxy.index(0, 0).data(CostRowsModel::ExactTextRole).toString(),
                 QStringLiteral("12.5"));
        QCOMPARE(proxy.index(0, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("12.5"));
    }

    void budgetsCarryProgress()
    {
        BudgetTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BudgetStatus s;
        s.budget.name = QStringLiteral("budgets/gpu");
        s.budget.displayName = QStringLiteral("GPU");
        s.budget.amount = QStringLiteral("1000");
        s.budget.thresholds = {{50, false}, {100, true}};
        s.actual = QStringLiteral("720.10");
        s.forecast = QStringLiteral("1100");
        s.actualPercent = 72.01;
        s.forecastPercent = 110;
        s.crossed = {{50, false}, {100, true}};
        model.setStatuses({s});
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex progress = model.index(0, BudgetTableModel::ProgressColumn);
        QCOMPARE(progress.data(BudgetTableModel::ActualPercentRole).toDouble(), 72.01);
        QCOMPARE(progress.data(BudgetTableModel::ForecastPercentRole).toDouble(), 110.0);
        QCOMPARE(progress.data(BudgetTableModel::ThresholdsRole).toList().size(), 2);
        QVERIFY(progress.data(BudgetTableModel::CrossedRole).toBool());
        QCOMPARE(model.index(0, BudgetTableModel::ScopeColumn).data().toString(),
                 QStringLiteral("All spend"));
        QCOMPARE(model.index(0, BudgetTableModel::ThresholdsColumn).data().toString(),
                 QStringLiteral("50 %, 100 % forecast"));
        QCOMPARE(model.index(0, BudgetTableModel::AmountColumn).data().toString(),
                 QStringLiteral("1,000.00"));
        const QModelIndex actual = model.index(0, BudgetTableModel::ActualColumn);
        QCOMPARE(actual.data().toString(), QStringLiteral("720.10"));
        QCOMPARE(actual.data(CostRowsModel::ExactTextRole).toString(), QStringLiteral("720.10"));
        QCOMPARE(actual.data(CostRowsModel::SortRole).toDouble(), 720.1);
        QCOMPARE(model.index(0, BudgetTableModel::AmountColumn)
                     .data(CostRowsModel::ExactTextRole)
                     .toString(),
                 QStringLiteral("1000"));
        QVERIFY(model.index(0, BudgetTableModel::AmountColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("1000\n")));
        QCOMPARE(model.statusAt(0)->budget.name, QStringLiteral("budgets/gpu"));
        QVERIFY(!model.statusAt(1));
    }

    void anomalyCauseInWords()
    {
        Anomaly a;
        a.summary = QStringLiteral("GPU spend doubled");
        QCOMPARE(a.causeText(), QStringLiteral("GPU spend doubled")); // no cause: the summary
        CostAnomalyCause c;
        c.dimensions = {CostDimension::Region, CostDimension::ServiceCategory,
                        CostDimension::Model};
        c.values = {QStringLiteral("us-east-1"), QStringLiteral("GPU instances"),
                    QStringLiteral("models/fraud-detector")};
        c.share = 0.82;
        a.causes = {c};
        QCOMPARE(a.causeText(), QStringLiteral("region us-east-1 · category GPU instances · model "
                                               "models/fraud-detector (82 %)"));
        AnomalyTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAnomalies({a});
        QCOMPARE(model.index(0, AnomalyTableModel::CauseColumn).data().toString(), a.causeText());
    }

    void unitCostAndRejections()
    {
        UnitCostTableModel units;
        QAbstractItemModelTester t1(&units, QAbstractItemModelTester::FailureReportingMode::QtTest);
        UnitCostReport report;
        UnitCost u;
        u.model = QStringLiteral("models/fraud-detector");
        u.version = 3;
        u.cost = QStringLiteral("120.5");
        u.inferences = 1000000;
        u.costPer1k = QStringLiteral("0.1205");
        UnitCost none = u;
        none.version = 0;
        none.inferences = 0;
        none.costPer1k.clear();
        report.unitCosts = {u, none};
        units.setReport(report);
        QCOMPARE(units.rowCount(), 2);
        QCOMPARE(units.index(0, UnitCostTableModel::Per1kColumn).data().toString(),
                 QStringLiteral("0.1205")); // under 1: four decimals
        QCOMPARE(units.index(0, UnitCostTableModel::CostColumn).data().toString(),
                 QStringLiteral("120.50"));
        QCOMPARE(units.index(0, UnitCostTableModel::InferencesColumn).data().toString(),
                 QStringLiteral("1,000,000"));
        QCOMPARE(units.index(0, UnitCostTableModel::CostColumn).data(CostRowsModel::ExactTextRole),
                 QStringLiteral("120.5"));
        QCOMPARE(units.index(1, UnitCostTableModel::Per1kColumn).data().toString(),
                 QStringLiteral("no inferences"));
        QCOMPARE(units.index(1, UnitCostTableModel::VersionColumn).data().toString(),
                 QStringLiteral("untagged version"));

        RejectionTableModel rejections;
        QAbstractItemModelTester t2(&rejections,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        rejections.setRejections({{2, QStringLiteral("BilledCost"), QStringLiteral("not a number")},
                                  {5, QString(), QStringLiteral("too few fields")}});
        QCOMPARE(rejections.rowCount(), 2);
        QCOMPARE(rejections.index(0, 1).data().toString(), QStringLiteral("BilledCost"));
        QCOMPARE(rejections.index(1, 1).data().toString(), QStringLiteral("(whole row)"));
    }
};

QTEST_GUILESS_MAIN(TstCostModels)
#include "tst_costmodels.moc"
