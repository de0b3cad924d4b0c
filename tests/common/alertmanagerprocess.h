#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// Runs the real Prometheus Alertmanager (Debian's prometheus-alertmanager) for a test: a generated
// config with one webhook receiver, clustering off, its own storage in a temporary directory, an
// ephemeral loopback port read back from its "Listening on" log line; start() returns once
// /-/ready answers. The process is stopped when this goes away.
class AlertmanagerProcess
{
public:
    struct Options
    {
        QString webhookUrl;  // where notifications go
        QString bearerToken; // sent as "Authorization: Bearer ..." when non-empty
        QString caFile;      // the CA for an https:// webhook URL
        // Non-empty: Alertmanager serves its API over HTTPS with these (--web.config.file).
        QString tlsCertFile, tlsKeyFile;
        QString groupWait = QStringLiteral("0s");
        QString groupInterval = QStringLiteral("1s");
        QString repeatInterval = QStringLiteral("1h");
        QStringList groupBy{QStringLiteral("alertname"), QStringLiteral("service")};
    };

    AlertmanagerProcess();
    ~AlertmanagerProcess();

    // $OPS_ALERTMANAGER, else /usr/bin/prometheus-alertmanager.
    static QString binaryPath();
    static QString receiverName() { return QStringLiteral("platformd"); }

    bool start(const Options &options, int timeoutMs = 30000);
    void stop(); // SIGTERM, then SIGKILL if it does not go within 10 s

    QString url() const { return m_url; } // "http://127.0.0.1:PORT" or https://
    int port() const { return m_port; }
    QString errorString() const { return m_error; }
    QByteArray log(); // what Alertmanager wrote so far

    // POSTs a JSON array of alerts to /api/v2/alerts (what Prometheus does).
    bool postAlerts(const QByteArray &jsonArray, QString *error = nullptr);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
    QString m_url;
    int m_port = 0;
    bool m_tls = false;
    QString m_error;
};

// A raw HTTP/1.1 exchange for refusal tests that a client library would not send (two
// Authorization headers, no Content-Length, headers without their body): connects to
// 127.0.0.1:port, writes `request` as given, reads until the server closes (or 10 s pass).
struct RawHttpAnswer
{
    int status = 0; // 0: no status line
    QByteArray head, body;
    QString error;
};
RawHttpAnswer rawHttp(int port, const QByteArray &request);
