#include "platformdprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>

PlatformdProcess::PlatformdProcess() = default;

PlatformdProcess::~PlatformdProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString PlatformdProcess::binaryPath()
{
    const QString env = qEnvironmentVariable("OPS_PLATFORMD");
    if (!env.isEmpty())
        return env;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("platformd"));
}

bool PlatformdProcess::start(const QStringList &extraArgs, const QString &dataDir, int timeoutMs)
{
    if (dataDir.isEmpty()) {
        if (!m_tempDir) {
            m_tempDir = std::make_unique<QTemporaryDir>();
            if (!m_tempDir->isValid()) {
                m_error = QStringLiteral("cannot create a temporary data dir");
                return false;
            }
        }
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = dataDir;
    }

    m_process = std::make_unique<QProcess>();
    m_address.clear();
    m_endpoints.clear();
    m_stderr.clear();
    QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data-dir"), m_dataDir};
    args += extraArgs;
    m_process->start(binaryPath(), args);
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("platformd did not start: %1").arg(m_process->errorString());
        return false;
    }

    QDeadlineTimer deadline(timeoutMs);
    QByteArray out;
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine() &&
            !m_process->waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            continue;
        }
        while (m_process->canReadLine()) {
            const QByteArray line = m_process->readLine().trimmed();
            if (line.startsWith("ENDPOINT ")) {
                const QList<QByteArray> parts = line.split(' ');
                if (parts.size() == 3)
                    m_endpoints.insert(QString::fromUtf8(parts[1]), QString::fromUtf8(parts[2]));
            }
            if (line.startsWith("LISTEN ")) {
                m_address = QString::fromUtf8(line.mid(7));
                return true;
            }
        }
    }
    m_stderr += m_process->readAllStandardError();
    m_error = QStringLiteral("platformd gave no LISTEN line (exit code %1): %2")
                  .arg(m_process->exitCode())
                  .arg(QString::fromUtf8(m_stderr.right(2000)));
    return false;
}

bool PlatformdProcess::startTls(const QStringList &extraArgs)
{
    m_tlsDir = std::make_unique<QTemporaryDir>();
    if (!m_tlsDir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory for the certificates");
        return false;
    }
    const QDir dir(m_tlsDir->path());
    QProcess init;
    init.start(binaryPath(),
               {QStringLiteral("init-tls"), dir.path(), QStringLiteral("--host"),
                QStringLiteral("localhost"), QStringLiteral("--ip"), QStringLiteral("127.0.0.1")});
    if (!init.waitForFinished(60000) || init.exitCode() != 0) {
        m_error = QStringLiteral("platformd init-tls failed (exit code %1): %2")
                      .arg(init.exitCode())
                      .arg(QString::fromUtf8(init.readAllStandardError().right(2000)));
        return false;
    }
    return start(
        QStringList{QStringLiteral("--tls-cert"), dir.filePath(QStringLiteral("server.pem")),
                    QStringLiteral("--tls-key"), dir.filePath(QStringLiteral("server.key"))} +
        extraArgs);
}

void PlatformdProcess::kill9()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10000);
}

QByteArray PlatformdProcess::runCli(const QStringList &args, int timeoutMs)
{
    QProcess cli;
    cli.start(binaryPath(), args);
    if (!cli.waitForFinished(timeoutMs) || cli.exitStatus() != QProcess::NormalExit ||
        cli.exitCode() != 0) {
        qWarning() << "platformd" << args << "failed:" << cli.readAllStandardError();
        return {};
    }
    return cli.readAllStandardOutput();
}

int PlatformdProcess::terminate(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return m_process ? m_process->exitCode() : -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs))
        return -1;
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QString PlatformdProcess::adminToken() const
{
    QFile file(QDir(m_dataDir).filePath(QStringLiteral("admin.token")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool PlatformdProcess::copyDataDirTo(const QString &dir) const
{
    const QDir data(m_dataDir);
    for (const QString &name : data.entryList(QDir::Files)) {
        if (name.endsWith(QLatin1String(".lock")))
            continue;
        if (!QFile::copy(data.filePath(name), QDir(dir).filePath(name))) {
            qWarning("cannot copy %s into %s", qPrintable(name), qPrintable(dir));
            return false;
        }
    }
    return true;
}

QByteArray PlatformdProcess::standardError() const
{
    if (!m_process)
        return {};
    m_stderr += m_process->readAllStandardError();
    return m_stderr;
}
