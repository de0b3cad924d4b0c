#include "alertmanagerprocess.h"

#include <httplib.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace {

QString yamlQuoted(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

} // namespace

AlertmanagerProcess::AlertmanagerProcess() = default;

AlertmanagerProcess::~AlertmanagerProcess()
{
    stop();
}

QString AlertmanagerProcess::binaryPath()
{
    const QString env = qEnvironmentVariable("OPS_ALERTMANAGER");
    return env.isEmpty() ? QStringLiteral("/usr/bin/prometheus-alertmanager") : env;
}

bool AlertmanagerProcess::start(const Options &options, int timeoutMs)
{
    stop();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QStringList groupBy;
    for (const QString &label : options.groupBy)
        groupBy << yamlQuoted(label);
    QString config =
        QStringLiteral("route:\n"
                       "  receiver: %1\n"
                       "  group_by: [%2]\n"
                       "  group_wait: %3\n"
                       "  group_interval: %4\n"
                       "  repeat_interval: %5\n"
                       "receivers:\n"
                       "  - name: %1\n"
                       "    webhook_configs:\n"
                       "      - url: %6\n"
                       "        send_resolved: true\n"
                       "        max_alerts: 0\n")
            .arg(receiverName(), groupBy.join(QStringLiteral(", ")), options.groupWait,
                 options.groupInterval, options.repeatInterval, yamlQuoted(options.webhookUrl));
    if (!options.bearerToken.isEmpty() || !options.caFile.isEmpty())
        config += QStringLiteral("        http_config:\n");
    if (!options.bearerToken.isEmpty())
        config += QStringLiteral("          authorization:\n"
                                 "            type: Bearer\n"
                                 "            credentials: %1\n")
                      .arg(yamlQuoted(options.bearerToken));
    if (!options.caFile.isEmpty())
        config += QStringLiteral("          tls_config:\n"
                                 "            ca_file: %1\n")
                      .arg(yamlQuoted(options.caFile));
    const QString configPath = QDir(m_dir->path()).filePath(QStringLiteral("alertmanager.yml"));
    QFile file(configPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) != config.toUtf8().size()) {
        m_error = QStringLiteral("cannot write %1").arg(configPath);
        return false;
    }
    file.close();

    QStringList args{QStringLiteral("--config.file=") + configPath,
                     QStringLiteral("--storage.path=") + QDir(m_dir->path()).filePath("data"),
                     QStringLiteral("--web.listen-address=127.0.0.1:0"),
                     QStringLiteral("--cluster.listen-address="),
                     QStringLiteral("--log.level=debug")};
    m_tls = !options.tlsCertFile.isEmpty();
    if (m_tls) {
        const QString webPath = QDir(m_dir->path()).filePath(QStringLiteral("web.yml"));
        const QByteArray web =
            QStringLiteral("tls_server_config:\n"
                           "  cert_file: %1\n"
                           "  key_file: %2\n")
                .arg(yamlQuoted(options.tlsCertFile), yamlQuoted(options.tlsKeyFile))
                .toUtf8();
        QFile webFile(webPath);
        if (!webFile.open(QIODevice::WriteOnly) || webFile.write(web) != web.size()) {
            m_error = QStringLiteral("cannot write %1").arg(webPath);
            return false;
        }
        args << QStringLiteral("--web.config.file=") + webPath;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_log.clear();
    // Alertmanager dies with the test even when the test crashes.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(binaryPath(), args);
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error =
            QStringLiteral("%1 did not start: %2").arg(binaryPath(), m_process->errorString());
        return false;
    }

    // Port 0 works: Alertmanager logs the address it got ("msg=\"Listening on\"
    // address=127.0.0.1:41235").
    static const QRegularExpression listening(
        QStringLiteral("msg=\"Listening on\" address=127\\.0\\.0\\.1:(\\d+)"));
    QDeadlineTimer deadline(timeoutMs);
    while (m_port == 0 && !deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))) &&
            m_process->state() == QProcess::NotRunning)
            break;
        m_log += m_process->readAll();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch())
            m_port = match.captured(1).toInt();
    }
    if (m_port == 0) {
        m_error = QStringLiteral("Alertmanager did not say where it listens: ") +
                  QString::fromUtf8(log().right(2000));
        return false;
    }
    m_url = QStringLiteral("%1://127.0.0.1:%2").arg(m_tls ? "https" : "http").arg(m_port);

    // Ready once it has loaded its config and is serving.
    httplib::Client client(m_url.toStdString());
    client.enable_server_certificate_verification(false); // the tests verify, not this probe
    client.set_connection_timeout(std::chrono::seconds(2));
    client.set_read_timeout(std::chrono::seconds(2));
    while (!deadline.hasExpired()) {
        if (auto res = client.Get("/-/ready"); res && res->status == 200)
            return true;
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(20); // wakes on its next log line or at the interval
    }
    m_error = QStringLiteral("Alertmanager at %1 never became ready: ").arg(m_url) +
              QString::fromUtf8(log().right(2000));
    return false;
}

void AlertmanagerProcess::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    if (m_process)
        m_log += m_process->readAll();
    m_process.reset();
    m_port = 0;
    m_url.clear();
}

QByteArray AlertmanagerProcess::log()
{
    if (m_process)
        m_log += m_process->readAll();
    return m_log;
}

bool AlertmanagerProcess::postAlerts(const QByteArray &jsonArray, QString *error)
{
    httplib::Client client(m_url.toStdString());
    client.enable_server_certificate_verification(false);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(5));
    auto res = client.Post("/api/v2/alerts", jsonArray.toStdString(), "application/json");
    QString e;
    if (!res)
        e = QStringLiteral("POST %1/api/v2/alerts: %2")
                .arg(m_url, QString::fromStdString(httplib::to_string(res.error())));
    else if (res->status != 200)
        e = QStringLiteral("POST %1/api/v2/alerts: %2 %3")
                .arg(m_url)
                .arg(res->status)
                .arg(QString::fromStdString(res->body));
    if (error)
        *error = e;
    return e.isEmpty();
}

RawHttpAnswer rawHttp(int port, const QByteArray &request)
{
    RawHttpAnswer answer;
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        answer.error = QStringLiteral("socket: ") + QString::fromLocal8Bit(std::strerror(errno));
        return answer;
    }
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(quint16(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QByteArray received;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        answer.error = QStringLiteral("connect: ") + QString::fromLocal8Bit(std::strerror(errno));
    } else {
        qsizetype sent = 0;
        while (sent < request.size()) {
            const ssize_t n =
                ::send(fd, request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL);
            if (n <= 0)
                break; // the server may answer and close before taking everything
            sent += n;
        }
        char buf[4096];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) {
                if (n < 0 && received.isEmpty())
                    answer.error =
                        QStringLiteral("recv: ") + QString::fromLocal8Bit(std::strerror(errno));
                break;
            }
            received.append(buf, n);
        }
    }
    ::close(fd);
    // An interim "100 Continue" before the answer: skip it.
    while (received.startsWith("HTTP/1.1 100 ")) {
        const qsizetype interimEnd = received.indexOf("\r\n\r\n");
        if (interimEnd < 0)
            break;
        received.remove(0, interimEnd + 4);
    }
    const qsizetype end = received.indexOf("\r\n\r\n");
    answer.head = end < 0 ? received : received.left(end);
    answer.body = end < 0 ? QByteArray() : received.mid(end + 4);
    if (answer.head.startsWith("HTTP/1.1 ") || answer.head.startsWith("HTTP/1.0 "))
        answer.status = answer.head.mid(9, 3).toInt();
    return answer;
}
