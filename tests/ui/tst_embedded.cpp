#include "platformdprocess.h"

#include "app/embeddedplatform.h"

#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace ops;

namespace {

// A pid is gone when /proc has no entry for it, or only a zombie waiting for a reaper (in a
// container, pid 1 may never reap it).
bool processGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || text.mid(close + 2, 1) == "Z";
}

QList<qint64> childrenOf(qint64 pid)
{
    QList<qint64> result;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(tasks.filePath(task + QStringLiteral("/children")));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &child : file.readAll().split(' ')) {
            bool ok = false;
            const qint64 value = child.trimmed().toLongLong(&ok);
            if (ok)
                result << value;
        }
    }
    return result;
}

QByteArray commandLine(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll().replace('\0', ' ') : QByteArray();
}

} // namespace

class tst_Embedded : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void handshakeAndStop();
    void missingBinaryFails();
    void childExitingEarlyReportsItsStderr();
    void handshakeTimeout();
    void platformdDiesWithKilledConsole();
    void firstStartWindowHasTheDefaultSize();

private:
    QTemporaryDir m_dir;
};

void tst_Embedded::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(PlatformdProcess::binaryPath()),
             qPrintable(PlatformdProcess::binaryPath()));
}

void tst_Embedded::handshakeAndStop()
{
    EmbeddedPlatform platform;
    platform.setBinary(PlatformdProcess::binaryPath());
    platform.setDataDir(m_dir.filePath(QStringLiteral("handshake")));
    QSignalSpy ready(&platform, &EmbeddedPlatform::ready);
    QSignalSpy failed(&platform, &EmbeddedPlatform::failed);
    QVERIFY(platform.start());
    QVERIFY2(ready.wait(15000), qPrintable(platform.errorString()));
    QCOMPARE(failed.count(), 0);
    const QString address = ready.at(0).at(0).toString();
    QVERIFY2(
        QRegularExpression(QStringLiteral(R"(^127\.0\.0\.1:[1-9]\d*$)")).match(address).hasMatch(),
        qPrintable(address));
    QCOMPARE(platform.address(), address);
    QVERIFY(QDir(m_dir.filePath(QStringLiteral("handshake"))).exists());
    // The bootstrap admin's token, read once the handshake is done, for the console's profile.
    QVERIFY2(platform.adminToken().startsWith(QLatin1String("opt_")),
             "the embedded platform's admin.token is handed to the console");

    const qint64 pid = platform.processId();
    QVERIFY(pid > 0);
    QVERIFY(!processGone(pid));
    platform.stop();
    QVERIFY(!platform.isRunning());
    QVERIFY(!platform.isReady());
    QVERIFY2(!QFile::exists(QStringLiteral("/proc/%1").arg(pid)), "stop() left the child behind");
}

void tst_Embedded::missingBinaryFails()
{
    EmbeddedPlatform platform;
    platform.setBinary(m_dir.filePath(QStringLiteral("no-such-platformd")));
    platform.setDataDir(m_dir.filePath(QStringLiteral("missing")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("did not start")));
    QSignalSpy failed(&platform, &EmbeddedPlatform::failed);
    platform.start();
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("no-such-platformd")));
    QVERIFY(!platform.isRunning());
}

void tst_Embedded::childExitingEarlyReportsItsStderr()
{
    // A "platformd" that complains and exits before the handshake.
    const QString script = m_dir.filePath(QStringLiteral("broken-platformd"));
    {
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho 'store: database is locked' >&2\nexit 3\n");
    }
    QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    EmbeddedPlatform platform;
    platform.setBinary(script);
    platform.setDataDir(m_dir.filePath(QStringLiteral("broken")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("did not start")));
    QSignalSpy failed(&platform, &EmbeddedPlatform::failed);
    QVERIFY(platform.start());
    QVERIFY(failed.wait(10000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("code 3")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("database is locked")), qPrintable(message));
}

void tst_Embedded::handshakeTimeout()
{
    // A "platformd" that never says LISTEN.
    const QString script = m_dir.filePath(QStringLiteral("silent-platformd"));
    {
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho 'opening store' >&2\nexec sleep 60\n");
    }
    QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    EmbeddedPlatform platform;
    platform.setBinary(script);
    platform.setDataDir(m_dir.filePath(QStringLiteral("silent")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("did not start")));
    platform.setHandshakeTimeoutMs(1000);
    QSignalSpy failed(&platform, &EmbeddedPlatform::failed);
    QVERIFY(platform.start());
    QTRY_VERIFY(platform.processId() > 0 || failed.count() > 0);
    const qint64 pid = platform.processId();
    QVERIFY(failed.wait(10000));
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QLatin1String("did not report its address")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("opening store")), qPrintable(message));
    QVERIFY(!platform.isRunning());
    QVERIFY(pid <= 0 || processGone(pid));
}

void tst_Embedded::platformdDiesWithKilledConsole()
{
    const QString dataDir = m_dir.filePath(QStringLiteral("console"));
    QProcess console;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    console.setProcessEnvironment(env);
    console.setProcessChannelMode(QProcess::SeparateChannels);
    console.start(QStringLiteral(OPS_CONSOLE_BINARY),
                  {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--platformd"),
                   PlatformdProcess::binaryPath()});
    QVERIFY2(console.waitForStarted(10000), qPrintable(console.errorString()));

    // The console logs the handshake; by then platformd has armed --exit-with-parent.
    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT(
        (log += console.readAllStandardError()).contains("platformd listening on"), 20000);
    qint64 child = 0;
    for (qint64 pid : childrenOf(console.processId())) {
        if (commandLine(pid).contains("platformd"))
            child = pid;
    }
    QVERIFY2(child > 0, log.constData());
    QVERIFY(commandLine(child).contains("--exit-with-parent"));

    console.kill(); // SIGKILL: the console gets no chance to stop its child
    QVERIFY(console.waitForFinished(5000));
    // Don't leak the child if the check below fails.
    const auto reap = qScopeGuard([child] {
        if (!processGone(child))
            ::kill(pid_t(child), SIGKILL);
    });
    QTRY_VERIFY2_WITH_TIMEOUT(
        processGone(child), "platformd outlived the SIGKILLed console (--exit-with-parent)", 10000);
}

// A first start (no saved layout) on the embedded platform, every panel loaded: the window is the
// roomy default size (1,600 × 1,000; --screenshot does not bound it by a screen), not the width of
// all panels side by side as they were before the default placement tabbed them (3,500 px once),
// nor taller for panels that need more than their dock (they scroll).
void tst_Embedded::firstStartWindowHasTheDefaultSize()
{
    const QString home = m_dir.filePath(QStringLiteral("first-start"));
    const QString png = m_dir.filePath(QStringLiteral("first-start.png"));
    QProcess console;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    console.setProcessEnvironment(env);
    console.start(QStringLiteral(OPS_CONSOLE_BINARY),
                  {QStringLiteral("--reset-layout"), QStringLiteral("--data-dir"),
                   home + QStringLiteral("/data"), QStringLiteral("--platformd"),
                   PlatformdProcess::binaryPath(), QStringLiteral("--screenshot"), png});
    QVERIFY2(console.waitForStarted(10000), qPrintable(console.errorString()));
    QVERIFY2(console.waitForFinished(120000), "opsconsole --screenshot did not finish");
    QVERIFY2(console.exitStatus() == QProcess::NormalExit && console.exitCode() == 0,
             console.readAllStandardError().right(2000).constData());
    QImageReader picture(png);
    const QSize size = picture.size();
    QVERIFY2(size.isValid(), qPrintable(picture.errorString()));
    QCOMPARE(size, QSize(1600, 1000));
}

QTEST_MAIN(tst_Embedded)
#include "tst_embedded.moc"
