// Cost explorer figures:
//   cost_explorer_redraw_ms — the console re-grouping and repainting a 13-month stacked chart:
//     a new 13-month daily CostQueryResult (12 groups × 396 days, the explorer's maximum) goes into
//     the table model, the stacked areas and the donut, and the explorer is painted (offscreen,
//     1400×860). Median and p95 over alternating groupings. Target < 50 ms.
//   cost_explorer_regroup_rpc_ms — the same through the real platformd --demo: the group-by
//     changes (service ↔ region, 13 months, daily), until QueryCosts, the donut query and the
//     events have answered and the explorer is painted. Median.
#include "models/costexplorermodel.h"
#include "services/connection.h"
#include "services/costclient.h"
#include "ui/cost/costcharts.h"
#include "ui/cost/costexplorer.h"

#include "platformdprocess.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

using namespace ops;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

CostQueryResult thirteenMonths(int variant)
{
    CostQueryResult r;
    const QDate first(2025, 11, 1);
    const int days = int(first.daysTo(QDate(2026, 12, 1)));
    for (int d = 0; d < days; ++d)
        r.bucketStarts.append(QDateTime(first.addDays(d), QTime(0, 0), Qt::UTC));
    for (int s = 0; s < 12; ++s) {
        CostSeries series;
        series.key = {QStringLiteral("group-%1-%2").arg(variant).arg(s)};
        series.other = s == 11;
        double total = 0;
        for (int d = 0; d < days; ++d) {
            const double v = (1000.0 / (s + 1)) * (1.0 + 0.2 * std::sin(d / 7.0 + s + variant));
            total += v;
            series.amounts.append(QString::number(v, 'f', 15));
        }
        series.total = QString::number(total, 'f', 15);
        series.previousTotal = QString::number(total * 0.9, 'f', 15);
        r.series.append(series);
    }
    r.total = QStringLiteral("1000000.123456789012345");
    r.previousTotal = QStringLiteral("900000");
    r.currency = QStringLiteral("USD");
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);

    // Offline: the model, the charts and a table, as the explorer lays them out.
    {
        QWidget window;
        window.resize(1400, 860);
        auto *model = new CostExplorerModel(&window);
        auto *area = new CostAreaChart(&window);
        auto *donut = new CostDonutChart(&window);
        auto *table = new QTableView(&window);
        table->setModel(model);
        auto *top = new QHBoxLayout;
        top->addWidget(area, 3);
        top->addWidget(donut, 1);
        auto *layout = new QVBoxLayout(&window);
        layout->addLayout(top, 3);
        layout->addWidget(table, 2);
        window.show();
        const CostQueryResult results[2] = {thirteenMonths(0), thirteenMonths(1)};
        std::vector<double> ms;
        for (int i = 0; i < 42; ++i) {
            const CostQueryResult &r = results[i % 2];
            QElapsedTimer timer;
            timer.start();
            model->setResult(r, {i % 2 ? CostDimension::Region : CostDimension::Service});
            QStringList labels;
            for (const CostSeries &s : r.series)
                labels.append(CostExplorerModel::keyLabel(s));
            area->setData(r, labels);
            donut->setSlices({{QStringLiteral("AWS"), 60},
                              {QStringLiteral("Google Cloud"), 25},
                              {QStringLiteral("Microsoft"), 15}},
                             r.currency);
            table->resizeColumnsToContents();
            window.repaint(); // synchronous: every child paints now
            const double elapsed = double(timer.nsecsElapsed()) / 1e6;
            if (i >= 2) // the first two build the fonts' and the charts' caches
                ms.push_back(elapsed);
        }
        std::printf("cost_explorer_redraw_ms: %.1f ms (median; p95 %.1f ms; 12 groups x %lld days, "
                    "1400x860 offscreen)\n",
                    percentile(ms, 0.5), percentile(ms, 0.95),
                    static_cast<long long>(results[0].bucketStarts.size()));
    }

    // Through the real platformd.
    PlatformdProcess platformd;
    if (!platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7"),
                          QStringLiteral("--demo-rate"), QStringLiteral("5")})) {
        std::fprintf(stderr, "bench_costexplorer: platformd: %s\n",
                     qPrintable(platformd.errorString()));
        return 1;
    }
    Connection connection;
    CostClient client(&connection);
    CostExplorer explorer(&client);
    explorer.resize(1400, 860);
    explorer.show();
    connection.open([&] {
        ConnectionProfile p;
        p.name = QStringLiteral("bench");
        p.endpoint = platformd.address();
        p.token = platformd.adminToken();
        return p;
    }());
    explorer.setRange(CostExplorer::Range::Last13Months);
    explorer.setGranularity(CostGranularity::Daily);
    if (!QTest::qWaitFor([&] { return !explorer.isLoading(); }, 30000)) {
        std::fprintf(stderr, "bench_costexplorer: the first query did not answer\n");
        return 1;
    }
    std::vector<double> rpc;
    for (int i = 0; i < 12; ++i) {
        QElapsedTimer timer;
        timer.start();
        explorer.setGroupBy(i % 2 ? CostDimension::Region : CostDimension::Service);
        if (!QTest::qWaitFor([&] { return !explorer.isLoading(); }, 30000)) {
            std::fprintf(stderr, "bench_costexplorer: a query did not answer\n");
            return 1;
        }
        explorer.repaint();
        if (!explorer.messageText().isEmpty()) {
            std::fprintf(stderr, "bench_costexplorer: %s\n", qPrintable(explorer.messageText()));
            return 1;
        }
        rpc.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("cost_explorer_regroup_rpc_ms: %.1f ms (median; p95 %.1f ms; platformd --demo, "
                "13 months daily)\n",
                percentile(rpc, 0.5), percentile(rpc, 0.95));
    return 0;
}
