// startup_to_first_data_ms: from launching opsconsole (no endpoint: it starts its embedded
// platformd) to the first region row painted. opsconsole --startup-probe prints "FIRST_DATA" on
// stdout once the Regions view has painted a row, then exits. Measured externally, so process
// start, dynamic loading, the child platformd and the first List are all included.
// startup_vs_bare_window_ratio: that median divided by the median time a bare QMainWindow
// (bench_barewindow, launched the same way) takes to print "SHOWN" after its first paint.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// Returns milliseconds from launching `program` with `args` to its line starting with `marker`,
// or -1.
qint64 launchOnce(const QString &program, const QStringList &args, const QByteArray &marker)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForStarted(10000))
        return -1;
    qint64 result = -1;
    while (t.elapsed() < 30000) {
        if (!p.canReadLine() && !p.waitForReadyRead(1000)) {
            if (p.state() == QProcess::NotRunning)
                break;
            continue;
        }
        if (p.readLine().startsWith(marker)) {
            result = t.elapsed();
            break;
        }
    }
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished();
    }
    if (result < 0)
        std::fprintf(stderr, "bench_startup: no %s from %s; stderr: %s\n", marker.constData(),
                     qPrintable(program), p.readAllStandardError().right(2000).constData());
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString console =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("opsconsole"));
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    const QStringList consoleArgs = {QStringLiteral("--startup-probe"),
                                     QStringLiteral("--data-dir"), dir.path()};
    // First launch: a fresh machine (empty data dir: the embedded platform seeds its database).
    const qint64 cold = launchOnce(console, consoleArgs, "FIRST_DATA");
    if (cold < 0)
        return 1;
    std::vector<qint64> warm;
    for (int i = 0; i < 5; ++i) {
        const qint64 ms = launchOnce(console, consoleArgs, "FIRST_DATA");
        if (ms < 0)
            return 1;
        warm.push_back(ms);
    }
    const QString bareWindow =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("bench_barewindow"));
    std::vector<qint64> bare;
    for (int i = 0; i < 5; ++i) {
        const qint64 ms = launchOnce(bareWindow, {}, "SHOWN");
        if (ms <= 0)
            return 1;
        bare.push_back(ms);
    }
    std::sort(warm.begin(), warm.end());
    std::sort(bare.begin(), bare.end());
    std::printf("startup_to_first_data_ms: %lld ms\n",
                static_cast<long long>(warm[warm.size() / 2]));
    std::printf("startup_to_first_data_cold_ms: %lld ms\n", static_cast<long long>(cold));
    std::printf("startup_bare_window_ms: %lld ms\n", static_cast<long long>(bare[bare.size() / 2]));
    std::printf("startup_vs_bare_window_ratio: %.1f\n",
                double(warm[warm.size() / 2]) / double(bare[bare.size() / 2]));
    return 0;
}
