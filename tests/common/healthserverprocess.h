#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

// Runs tests/common/healthserver.cpp (ops_healthserver), an independent grpc.health.v1 server, for
// a test: waits for its "LISTEN host:port" line; set() changes a service's status through stdin and
// waits for the acknowledgement. The process is killed when this goes away.
class HealthServerProcess
{
public:
    ~HealthServerProcess() { stop(); }

    // $OPS_HEALTHSERVER, else the build's (OPS_HEALTHSERVER_BINARY, set by the test's CMake), else
    // ops_healthserver beside the test executable.
    static QString binaryPath()
    {
        const QString env = qEnvironmentVariable("OPS_HEALTHSERVER");
        if (!env.isEmpty())
            return env;
#ifdef OPS_HEALTHSERVER_BINARY
        return QStringLiteral(OPS_HEALTHSERVER_BINARY);
#endif
        return QDir(QCoreApplication::applicationDirPath())
            .filePath(QStringLiteral("ops_healthserver"));
    }

    bool start(const QStringList &args = {}, const QString &listen = QStringLiteral("127.0.0.1:0"))
    {
        stop();
        m_process = std::make_unique<QProcess>();
        m_process->start(binaryPath(), QStringList{QStringLiteral("--listen"), listen} + args);
        if (!m_process->waitForStarted(10000)) {
            m_error = QStringLiteral("ops_healthserver did not start: ") + m_process->errorString();
            return false;
        }
        const QByteArray line = readLine("LISTEN ");
        if (line.isEmpty()) {
            m_error = QStringLiteral("ops_healthserver gave no LISTEN line: ") +
                      QString::fromUtf8(m_process->readAllStandardError());
            return false;
        }
        m_address = QString::fromUtf8(line.mid(7));
        return true;
    }

    // `service` "" = the server as a whole. Returns once the server acknowledged the change.
    bool set(const QString &service, const QString &status)
    {
        if (!m_process)
            return false;
        const QString name = service.isEmpty() ? QStringLiteral("-") : service;
        m_process->write(QStringLiteral("set %1 %2\n").arg(name, status).toUtf8());
        return !readLine("OK ").isEmpty();
    }

    void kill9()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    QString address() const
    {
        return m_address;
    }
    int port() const
    {
        return m_address.section(QLatin1Char(':'), -1).toInt();
    }
    QString errorString() const
    {
        return m_error;
    }

private:
    QByteArray readLine(const QByteArray &prefix)
    {
        QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired()) {
            while (m_process->canReadLine()) {
                const QByteArray line = m_process->readLine().trimmed();
                if (line.startsWith(prefix))
                    return line;
            }
            if (m_process->state() == QProcess::NotRunning)
                return {};
            m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        }
        return {};
    }

    std::unique_ptr<QProcess> m_process;
    QString m_address;
    QString m_error;
};
