#pragma once

#include <QMap>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// Runs the real platformd for a test: ephemeral loopback port, a data dir of its own (or a given
// one), and waits for its "LISTEN host:port" handshake line. The process is killed when this goes
// away.
class PlatformdProcess
{
public:
    PlatformdProcess();
    ~PlatformdProcess();

    // The platformd binary: $OPS_PLATFORMD, else "platformd" beside the test executable.
    static QString binaryPath();

    // Starts platformd with --listen 127.0.0.1:0 --data-dir <dir> plus extraArgs and waits
    // (bounded) for the handshake. dataDir empty: a fresh temporary directory owned by this object.
    bool start(const QStringList &extraArgs = {}, const QString &dataDir = {},
               int timeoutMs = 15000);
    // start() over TLS: `platformd init-tls` first makes a CA (tlsDir()/ca.pem) and a server
    // certificate for localhost and 127.0.0.1 in a temporary directory owned by this object.
    bool startTls(const QStringList &extraArgs = {});
    QString tlsDir() const { return m_tlsDir ? m_tlsDir->path() : QString(); }
    // Runs the platformd binary as a command line tool (user add, token create, ...) and returns
    // its stdout; empty, with a warning naming the arguments and stderr, when it fails.
    static QByteArray runCli(const QStringList &args, int timeoutMs = 15000);
    // Copies a stopped platformd's data dir (its files but the lock) into dir: a second replica
    // with the same users and tokens. false, with a warning naming the file, when a copy fails.
    bool copyDataDirTo(const QString &dir) const;
    // SIGKILL, no chance to clean up, then wait for the process to be gone.
    void kill9();
    // SIGTERM, then wait up to timeoutMs for a graceful exit. Returns the exit code (or -1).
    int terminate(int timeoutMs = 10000);

    QString address() const { return m_address; } // "127.0.0.1:PORT"
    // The URL of an "ENDPOINT <name> <url>" line platformd printed before LISTEN (e.g. "webhook");
    // empty when there was none.
    QString endpoint(const QString &name) const { return m_endpoints.value(name); }
    QString dataDir() const { return m_dataDir; }
    // The bootstrap admin's API token, which platformd writes to <data dir>/admin.token (0600) on a
    // fresh data dir; empty when there is none.
    QString adminToken() const;
    QString errorString() const { return m_error; }
    QByteArray standardError() const; // what platformd wrote to stderr so far
    QProcess *process() const { return m_process.get(); }

private:
    std::unique_ptr<QTemporaryDir> m_tempDir;
    std::unique_ptr<QTemporaryDir> m_tlsDir;
    std::unique_ptr<QProcess> m_process;
    QString m_dataDir;
    QString m_address;
    QMap<QString, QString> m_endpoints;
    QString m_error;
    mutable QByteArray m_stderr; // everything read so far (standardError() appends)
};
