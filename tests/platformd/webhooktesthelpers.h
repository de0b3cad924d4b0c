#pragma once

// Helpers shared by tst_alertmanagerhttp and tst_alertmanagerapi (the incidents module's HTTP
// side).
#include "incidents/http/webhookpayload.h"
#include "incidents/http/webhookserver.h"
#include "platformdprocess.h"

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

#include <mutex>
#include <string>
#include <vector>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace webhooktest {

using namespace platformd::incidents;

inline constexpr const char *kToken = "s3cret-webhook-token";

inline QByteArray testData(const QString &name)
{
    QFile file(QStringLiteral(OPS_TEST_DATA "/alertmanager/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

inline std::string readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

// What the incidents module answers: 422 for another version, 400 for anything else malformed.
inline WebhookResponse parsingHandler(const WebhookRequest &request)
{
    WebhookNotification n;
    std::string error;
    if (!parseWebhook(request.body, &n, &error))
        return {error.rfind("version:", 0) == 0 ? 422 : 400, error};
    return {200, "accepted " + std::to_string(n.alerts.size()) + " alerts"};
}

// Records every delivery that reached the handler.
struct Recorder
{
    std::mutex mutex;
    std::vector<WebhookRequest> requests;

    WebhookServer::Handler handler()
    {
        return [this](const WebhookRequest &r) {
            {
                std::lock_guard lock(mutex);
                requests.push_back(r);
            }
            return parsingHandler(r);
        };
    }
    std::vector<WebhookRequest> snapshot()
    {
        std::lock_guard lock(mutex);
        return requests;
    }
};

inline QByteArray request(const QByteArray &method, const QByteArray &path,
                          const QByteArray &headers, const QByteArray &body = {})
{
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n" + body;
}

// A port nothing listens on (bound, then closed).
inline int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

// `platformd init-tls`: ca.pem, server.pem/.key for 127.0.0.1 and client-am.pem/.key.
inline bool makeCertificates(const QTemporaryDir &dir)
{
    return dir.isValid() &&
           !PlatformdProcess::runCli({QStringLiteral("init-tls"), dir.path(),
                                      QStringLiteral("--host"), QStringLiteral("localhost"),
                                      QStringLiteral("--ip"), QStringLiteral("127.0.0.1"),
                                      QStringLiteral("--client"), QStringLiteral("am")})
                .isNull();
}

inline X509_STORE *storeOf(const std::string &pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    X509 *cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    X509_STORE *store = X509_STORE_new();
    X509_STORE_add_cert(store, cert);
    X509_free(cert);
    return store;
}

} // namespace webhooktest
