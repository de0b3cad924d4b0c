// startup_to_first_data_ms: from launching opsconsole (no endpoint: it starts its embedded
// platformd) to the first region row painted. opsconsole --startup-probe prints "FIRST_DATA" on
// stdout once the Regions view has painted a row, then exits. Measured externally, so process
// start, dynamic loading, the child platformd and the first List are all included.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

// Returns milliseconds to FIRST_DATA, or -1.
qint64 launchOnce(const QString &console, const QString &dataDir)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(console, {QStringLiteral("--startup-probe"), QStringLiteral("--data-dir"), dataDir});
    if (!p.waitForStarted(10000))
        return -1;
    qint64 result = -1;
    while (t.elapsed() < 30000) {
        if (!p.canReadLine() && !p.waitForReadyRead(1000)) {
            if (p.state() == QProcess::NotRunning)
                break;
            continue;
        }
        if (p.readLine().startsWith("FIRST_DATA")) {
            result = t.elapsed();
            break;
        }
    }
    if (!p.waitForFinished(10000)) {
        p.kill();
        p.waitForFinished();
    }
    if (result < 0)
        std::fprintf(stderr, "bench_startup: no FIRST_DATA; stderr: %s\n",
                     p.readAllStandardError().right(2000).constData());
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

    // First launch: a fresh machine (empty data dir: the embedded platform seeds its database).
    const qint64 cold = launchOnce(console, dir.path());
    if (cold < 0)
        return 1;
    std::vector<qint64> warm;
    for (int i = 0; i < 5; ++i) {
        const qint64 ms = launchOnce(console, dir.path());
        if (ms < 0)
            return 1;
        warm.push_back(ms);
    }
    std::sort(warm.begin(), warm.end());
    std::printf("startup_to_first_data_ms: %lld ms\n",
                static_cast<long long>(warm[warm.size() / 2]));
    std::printf("startup_to_first_data_cold_ms: %lld ms\n", static_cast<long long>(cold));
    return 0;
}
