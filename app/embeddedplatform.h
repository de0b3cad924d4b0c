#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

class QTimer;

namespace ops {

// Runs the embedded demo platformd as a child process: `platformd --demo --listen 127.0.0.1:0
// --data-dir <dir> --exit-with-parent`, reads its stdout until the `LISTEN host:port` line and
// reports the address. stop() terminates it (kill after 3 s); --exit-with-parent makes it go away
// by itself when the console dies without a chance to stop it.
class EmbeddedPlatform : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedPlatform(QObject *parent = nullptr);
    ~EmbeddedPlatform() override; // stop()

    // `override` if not empty, else platformd beside this executable, else on PATH; empty if none.
    static QString findBinary(const QString &override = {});

    void setBinary(const QString &path) { m_binary = path; }
    void setDataDir(const QString &dir) { m_dataDir = dir; }
    void setExtraArguments(const QStringList &args) { m_extraArgs = args; }
    void setHandshakeTimeoutMs(int ms) { m_handshakeTimeoutMs = ms; }

    // Starts the child; the result arrives as ready() or failed(). Returns false (after emitting
    // failed()) when it cannot even be launched.
    bool start();
    // Terminates the child and waits for it (SIGTERM, SIGKILL after 3 s).
    void stop();

    bool isRunning() const;
    bool isReady() const { return !m_address.isEmpty(); }
    qint64 processId() const;
    QString address() const { return m_address; }
    QString dataDir() const { return m_dataDir; }
    // The bootstrap admin's token, which platformd writes to <data dir>/admin.token (0600) on a
    // fresh data dir; empty when there is none. Read after the handshake; never logged.
    QString adminToken() const;
    QString binary() const { return m_binary; }
    QString errorString() const { return m_error; }
    QString stderrTail() const; // the last lines platformd wrote to stderr

signals:
    void ready(const QString &address);
    // Start-up failed: `message` is user-facing and includes platformd's stderr tail.
    void failed(const QString &message);
    // The child ended on its own after the handshake.
    void exitedUnexpectedly(const QString &message);

private:
    void readStdout();
    void readStderr();
    void fail(const QString &reason);
    void onFinished(int exitCode, QProcess::ExitStatus status);

    QString m_binary;
    QString m_dataDir;
    QStringList m_extraArgs;
    int m_handshakeTimeoutMs = 10000;
    QProcess *m_process = nullptr;
    QTimer *m_handshakeTimer;
    QByteArray m_stdoutBuffer;
    QByteArray m_stderrTail;
    QString m_address;
    QString m_error;
    bool m_stopping = false;
    bool m_failed = false;
};

} // namespace ops
