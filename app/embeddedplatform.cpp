#include "embeddedplatform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

namespace ops {

namespace {
Q_LOGGING_CATEGORY(lcEmbedded, "ops.embedded")
constexpr int kStderrTailBytes = 4096;
constexpr int kTerminateGraceMs = 3000;
} // namespace

EmbeddedPlatform::EmbeddedPlatform(QObject *parent)
    : QObject(parent)
    , m_handshakeTimer(new QTimer(this))
{
    m_handshakeTimer->setSingleShot(true);
    connect(m_handshakeTimer, &QTimer::timeout, this, [this] {
        fail(tr("platformd did not report its address within %1 s.")
                 .arg(m_handshakeTimeoutMs / 1000));
    });
}

EmbeddedPlatform::~EmbeddedPlatform()
{
    stop();
}

QString EmbeddedPlatform::findBinary(const QString &override)
{
    if (!override.isEmpty())
        return override;
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("platformd"));
    if (QFileInfo(beside).isExecutable())
        return beside;
    return QStandardPaths::findExecutable(QStringLiteral("platformd"));
}

bool EmbeddedPlatform::start()
{
    if (m_process)
        return true;
    m_address.clear();
    m_error.clear();
    m_stdoutBuffer.clear();
    m_stderrTail.clear();
    m_stopping = false;
    m_failed = false;

    if (m_binary.isEmpty())
        m_binary = findBinary();
    if (m_binary.isEmpty()) {
        fail(tr("platformd was not found next to opsconsole or on PATH."));
        return false;
    }
    if (m_dataDir.isEmpty()) {
        m_dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                        .filePath(QStringLiteral("embedded"));
    }
    if (!QDir().mkpath(m_dataDir)) {
        fail(tr("Cannot create the data directory %1.").arg(QDir::toNativeSeparators(m_dataDir)));
        return false;
    }

    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &EmbeddedPlatform::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &EmbeddedPlatform::readStderr);
    connect(m_process, &QProcess::errorOccurred, this,
            [this, process = m_process](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart)
                    fail(tr("Cannot run %1: %2").arg(m_binary, process->errorString()));
            });
    connect(m_process, &QProcess::finished, this, &EmbeddedPlatform::onFinished);

    QStringList args{QStringLiteral("--demo"),
                     QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data-dir"),
                     m_dataDir,
                     QStringLiteral("--exit-with-parent")};
    args += m_extraArgs;
    qCInfo(lcEmbedded) << "starting" << m_binary << args;
    m_handshakeTimer->start(m_handshakeTimeoutMs);
    m_process->start(m_binary, args);
    return !m_failed;
}

void EmbeddedPlatform::readStdout()
{
    if (!m_process)
        return;
    m_stdoutBuffer += m_process->readAllStandardOutput();
    if (!m_address.isEmpty()) {
        m_stdoutBuffer.clear(); // after the handshake stdout is only drained
        return;
    }
    static const QRegularExpression listen(QStringLiteral(R"(^LISTEN\s+(\S+:\d+)\s*$)"));
    qsizetype newline;
    while ((newline = m_stdoutBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_stdoutBuffer.left(newline)).trimmed();
        m_stdoutBuffer.remove(0, newline + 1);
        const QRegularExpressionMatch match = listen.match(line);
        if (match.hasMatch()) {
            m_handshakeTimer->stop();
            m_address = match.captured(1);
            m_stdoutBuffer.clear();
            qCInfo(lcEmbedded) << "platformd listening on" << m_address << "pid" << processId();
            emit ready(m_address);
            return;
        }
    }
}

void EmbeddedPlatform::readStderr()
{
    if (!m_process)
        return;
    const QByteArray data = m_process->readAllStandardError();
    m_stderrTail += data;
    if (m_stderrTail.size() > kStderrTailBytes)
        m_stderrTail = m_stderrTail.right(kStderrTailBytes);
}

QString EmbeddedPlatform::stderrTail() const
{
    QString text = QString::fromUtf8(m_stderrTail).trimmed();
    // Whole lines only, at most the last 15.
    QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > 15)
        lines = lines.mid(lines.size() - 15);
    return lines.join(QLatin1Char('\n'));
}

void EmbeddedPlatform::fail(const QString &reason)
{
    if (m_failed)
        return;
    m_failed = true;
    m_handshakeTimer->stop();
    if (m_process)
        readStderr();
    const QString tail = stderrTail();
    m_error = tail.isEmpty() ? tr("The embedded demo platform did not start. %1").arg(reason)
                             : tr("The embedded demo platform did not start. %1\n\nLast output of "
                                  "platformd:\n%2")
                                   .arg(reason, tail);
    qCWarning(lcEmbedded).noquote() << m_error;
    stop();
    emit failed(m_error);
}

void EmbeddedPlatform::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_stopping)
        return;
    const QString how = status == QProcess::CrashExit
                            ? tr("platformd crashed.")
                            : tr("platformd exited with code %1.").arg(exitCode);
    if (m_address.isEmpty()) {
        fail(how);
        return;
    }
    readStderr();
    const QString tail = stderrTail();
    const QString message = tail.isEmpty()
                                ? tr("The embedded demo platform stopped: %1").arg(how)
                                : tr("The embedded demo platform stopped: %1\n\nLast output of "
                                     "platformd:\n%2")
                                      .arg(how, tail);
    qCWarning(lcEmbedded).noquote() << message;
    m_address.clear();
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    emit exitedUnexpectedly(message);
}

void EmbeddedPlatform::stop()
{
    m_handshakeTimer->stop();
    if (!m_process)
        return;
    m_stopping = true;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(kTerminateGraceMs)) {
            qCWarning(lcEmbedded) << "platformd ignored SIGTERM; killing it";
            process->kill();
            process->waitForFinished(kTerminateGraceMs);
        }
    }
    m_address.clear();
    // The child is reaped. deleteLater: stop() may run inside one of the process's own signals.
    process->deleteLater();
    m_stopping = false;
}

bool EmbeddedPlatform::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 EmbeddedPlatform::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QString EmbeddedPlatform::adminToken() const
{
    if (m_dataDir.isEmpty())
        return {};
    QFile file(QDir(m_dataDir).filePath(QStringLiteral("admin.token")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace ops
