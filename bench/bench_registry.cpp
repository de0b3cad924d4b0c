// registry_100k_load_ms, registry_filter_p95_ms, registry_sort_ms, registry_rss_mb: the console's
// model registry against `platformd --demo --demo-scale 100000`, through the real RegistryPanel
// (ModelRegistryClient → VersionTableModel → the Versions table), offscreen.
#include "platformdprocess.h"

#include "ui/registry/filterbox.h"
#include "ui/registry/registrypanel.h"

#include "models/modeltablemodel.h"
#include "models/versiontablemodel.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/modelregistryclient.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace ops;

namespace {

constexpr int kVersions = 100000;

// Runs the event loop until `done` holds or `timeoutMs` passes; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.hasExpired(timeoutMs))
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto i =
        std::size_t(std::clamp(p * double(values.size() - 1), 0.0, double(values.size() - 1)));
    return values[i];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    PlatformdProcess platformd;
    if (!platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("1"),
                          QStringLiteral("--demo-scale"), QString::number(kVersions),
                          QStringLiteral("--log-level"), QStringLiteral("warn")},
                         {}, 180000)) {
        std::fprintf(stderr, "bench_registry: %s\n", qPrintable(platformd.errorString()));
        return 1;
    }
    Connection connection;
    IdentityClient identity(&connection);
    ModelRegistryClient client(&connection);
    RegistryPanel panel(&client, &identity);
    panel.resize(1200, 700);
    panel.show();
    client.start();
    ConnectionProfile profile;
    profile.endpoint = platformd.address();
    profile.token = platformd.adminToken();
    connection.open(profile);
    if (!waitFor([&] { return panel.modelsModel()->rowCount() > 0; }, 30000)) {
        std::fprintf(stderr, "bench_registry: no models listed\n");
        return 1;
    }
    VersionTableModel *versions = panel.versionsModel();

    // 1. Load: switching to Versions pages every version into the table.
    QElapsedTimer timer;
    timer.start();
    panel.setView(RegistryPanel::View::Versions);
    if (!waitFor([&] { return !panel.isLoadingVersions() && versions->rowCount() >= kVersions; },
                 60000)) {
        std::fprintf(stderr, "bench_registry: loaded %d versions only (%s; %s)\n",
                     versions->rowCount(), qPrintable(panel.countText()),
                     qPrintable(panel.messageText()));
        return 1;
    }
    const qint64 loadMs = timer.elapsed();
    QCoreApplication::processEvents(); // the view has painted the first rows
    const double rss = rssMb();

    // 2. Sort 100k rows: by the metric (a key lookup per row), by model (interned ranks), by time.
    std::vector<double> sorts;
    for (int column : {int(VersionTableModel::MetricColumn), int(VersionTableModel::ModelColumn),
                       int(VersionTableModel::CreatedColumn)}) {
        for (Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            timer.restart();
            versions->sort(column, order);
            sorts.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
    }
    const double sortMs = *std::max_element(sorts.begin(), sorts.end());

    // 3. Filter keystrokes: a server round trip until the first page is in the table (the rest
    // of a broad result keeps paging in behind, and is cancelled by the next keystroke).
    std::vector<double> filterMs;
    for (int i = 0; i < 50; ++i) {
        const QString threshold = QString::number(0.5 + 0.01 * i, 'f', 2);
        const QString filter =
            i % 2 == 0 ? QStringLiteral("metrics.accuracy > %1").arg(threshold)
                       : QStringLiteral("metrics.accuracy > %1 AND stage = STAGING").arg(threshold);
        bool updated = false;
        const auto c1 =
            QObject::connect(versions, &QAbstractItemModel::rowsInserted, [&] { updated = true; });
        const auto c2 = QObject::connect(versions, &QAbstractItemModel::modelReset,
                                         [&] { updated = panel.filterBox()->hasError(); });
        timer.restart();
        panel.filterBox()->setText(filter);
        if (!waitFor([&] { return updated || panel.filterBox()->hasError(); }, 10000)) {
            std::fprintf(stderr, "bench_registry: filter %s got no answer\n", qPrintable(filter));
            return 1;
        }
        filterMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        QObject::disconnect(c1);
        QObject::disconnect(c2);
        if (panel.filterBox()->hasError()) {
            std::fprintf(stderr, "bench_registry: filter %s: %s\n", qPrintable(filter),
                         qPrintable(panel.filterBox()->errorText()));
            return 1;
        }
    }

    std::printf("registry_100k_load_ms: %lld ms\n", loadMs);
    std::printf("registry_filter_p95_ms: %.1f ms\n", percentile(filterMs, 0.95));
    std::printf("registry_sort_ms: %.1f ms\n", sortMs);
    std::printf("registry_rss_mb: %.0f MB\n", rss);
    std::fflush(stdout);
    return 0;
}
