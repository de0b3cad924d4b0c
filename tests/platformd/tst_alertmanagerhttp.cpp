// The incidents module's webhook side: Alertmanager's real webhook bodies, every refusal of the
// webhook endpoint (raw requests for what a client library would not send), HTTPS and mTLS with
// certificates from `platformd init-tls`, stalled clients, stop() with requests in flight, and a
// rough throughput figure. The real Alertmanager's side is tst_alertmanagerapi.
#include "alertmanagerprocess.h"
#include "incidents/http/webhookpayload.h"
#include "incidents/http/webhookserver.h"
#include "webhooktesthelpers.h"

#include <httplib.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <future>

using namespace platformd::incidents;
using namespace webhooktest;

class TestAlertmanagerHttp : public QObject
{
    Q_OBJECT

private slots:
    // ---- the payload ----

    void parseRealBodies()
    {
        WebhookNotification n;
        std::string error;
        QVERIFY2(
            parseWebhook(testData("webhook_1_firing_one_alert.json").toStdString(), &n, &error),
            error.c_str());
        QCOMPARE(n.receiver, "console-webhook");
        QCOMPARE(n.status, "firing");
        QCOMPARE(n.groupKey, "{}:{alertname=\"HighCpuUsage\", service=\"billing-api\"}");
        QCOMPARE(n.groupLabels.at("service"), "billing-api");
        QCOMPARE(n.commonAnnotations.at("runbook_url"), "https://runbooks.example.com/cpu");
        QCOMPARE(n.externalUrl, "http://127.0.0.1:19093");
        QCOMPARE(n.alerts.size(), 1u);
        QCOMPARE(n.alerts[0].fingerprint, "eddbc082a698a22c");
        QCOMPARE(n.alerts[0].labels.at("instance"), "10.0.0.12:9100");
        QCOMPARE(n.alerts[0].startsAtMs, *parseRfc3339Ms("2026-11-29T02:39:07Z"));
        QVERIFY(!n.alerts[0].endsAtMs); // 0001-01-01T00:00:00Z while firing
        QCOMPARE(n.alerts[0].generatorUrl, "http://127.0.0.1:9090/graph?g0.expr=cpu_usage%3E0.9");

        QVERIFY2(parseWebhook(testData("webhook_3_firing_group_one_resolved.json").toStdString(),
                              &n, &error),
                 error.c_str());
        QCOMPARE(n.status, "firing");
        QCOMPARE(n.alerts.size(), 2u);
        QCOMPARE(n.alerts[0].status, "resolved");
        QCOMPARE(*n.alerts[0].endsAtMs, *parseRfc3339Ms("2026-11-29T02:39:22Z"));
        QCOMPARE(n.alerts[1].status, "firing");
        QCOMPARE(n.alerts[1].startsAtMs, *parseRfc3339Ms("2026-11-29T02:39:17.547Z"));
        QVERIFY(!n.alerts[1].endsAtMs);
        QVERIFY(n.commonAnnotations.empty());
    }

    void rfc3339_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: refused
        QTest::newRow("Z") << "2026-11-29T02:39:07Z" << qint64(1795919947000);
        QTest::newRow("nanoseconds") << "2026-11-29T02:39:07.547093029Z" << qint64(1795919947547);
        QTest::newRow("one digit") << "2026-11-29T02:39:07.5Z" << qint64(1795919947500);
        QTest::newRow("offset") << "2026-11-29T04:39:07+02:00" << qint64(1795919947000);
        QTest::newRow("negative offset")
            << "2026-11-28T21:09:07.000-05:30" << qint64(1795919947000);
        QTest::newRow("Go zero time") << "0001-01-01T00:00:00Z" << qint64(-62135596800000);
        QTest::newRow("leap day") << "2028-02-29T00:00:00Z" << qint64(1835395200000);
        QTest::newRow("no leap day") << "2026-02-29T00:00:00Z" << qint64(-1);
        QTest::newRow("ten digits") << "2026-11-29T02:39:07.5470930291Z" << qint64(-1);
        QTest::newRow("no zone") << "2026-11-29T02:39:07" << qint64(-1);
        QTest::newRow("space") << "2026-11-29 02:39:07Z" << qint64(-1);
        QTest::newRow("hour 24") << "2026-11-29T24:00:00Z" << qint64(-1);
        QTest::newRow("leap second") << "2026-12-31T23:59:60Z" << qint64(-1);
        QTest::newRow("trailing") << "2026-11-29T02:39:07Zx" << qint64(-1);
        QTest::newRow("empty dot") << "2026-11-29T02:39:07.Z" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }
    void rfc3339()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const std::optional<std::int64_t> parsed = parseRfc3339Ms(text.toStdString());
        if (ms == -1) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QCOMPARE(*parsed, ms);
            QCOMPARE(parseRfc3339Ms(formatRfc3339Ms(ms)), parsed); // round trip
        }
    }

    void refusedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error"); // the start of the error
        const QByteArray real = testData("webhook_3_firing_group_one_resolved.json");
        auto edit = [&real](const QByteArray &from, const QByteArray &to) {
            QByteArray b = real;
            b.replace(from, to);
            return b;
        };
        QTest::newRow("version 3") << edit("\"version\":\"4\"", "\"version\":\"3\"")
                                   << "version: expected \"4\", got \"3\"";
        QTest::newRow("version number")
            << edit("\"version\":\"4\"", "\"version\":4") << "version: expected \"4\", got 4";
        QTest::newRow("no version") << edit("\"version\":\"4\",", "") << "version: missing";
        QTest::newRow("not JSON") << QByteArray("{\"version\":\"4\",") << "body: not JSON";
        QTest::newRow("array") << QByteArray("[]") << "body: expected a JSON object";
        QTest::newRow("deep") << QByteArray(100, '[') << "body: nested deeper";
        QTest::newRow("bad startsAt")
            << edit("\"startsAt\":\"2026-11-29T02:39:17.547093029Z\"", "\"startsAt\":\"yesterday\"")
            << "alerts[1].startsAt: not an RFC 3339 time";
        QTest::newRow("no fingerprint") << edit(",\"fingerprint\":\"ecc0e9d5fe3ae248\"", "")
                                        << "alerts[1].fingerprint: missing";
        QTest::newRow("short fingerprint")
            << edit("ecc0e9d5fe3ae248", "ecc0") << "alerts[1].fingerprint: expected 16 hex digits";
        QTest::newRow("label number") << edit("\"severity\":\"warning\"", "\"severity\":3")
                                      << "alerts[1].labels.severity: expected a string, got number";
        QTest::newRow("bad status")
            << edit("\"status\":\"firing\",\"alerts\"", "\"status\":\"burning\",\"alerts\"")
            << "status: expected \"firing\" or \"resolved\"";
        QTest::newRow("empty groupKey") << edit("\"groupKey\":\"{}:{alertname=\\\"HighCpuUsage\\\","
                                                " service=\\\"billing-api\\\"}\"",
                                                "\"groupKey\":\"\"")
                                        << "groupKey: empty";
        QTest::newRow("no alerts") << QByteArray("{\"version\":\"4\",\"receiver\":\"r\","
                                                 "\"status\":\"firing\",\"groupKey\":\"k\"}")
                                   << "alerts: missing";
        QTest::newRow("negative truncated")
            << edit("\"truncatedAlerts\":0", "\"truncatedAlerts\":-1")
            << "truncatedAlerts: expected a non-negative integer";
    }
    void refusedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        std::string message;
        QVERIFY(!parseWebhook(body.toStdString(), nullptr, &message));
        QVERIFY2(QString::fromStdString(message).startsWith(error), message.c_str());
    }

    void atMostThousandAlerts()
    {
        QJsonObject doc =
            QJsonDocument::fromJson(testData("webhook_1_firing_one_alert.json")).object();
        const QJsonValue one = doc[QStringLiteral("alerts")].toArray().first();
        QJsonArray alerts;
        for (int i = 0; i < 1000; ++i)
            alerts.append(one);
        doc[QStringLiteral("alerts")] = alerts;
        WebhookNotification n;
        std::string error;
        QVERIFY2(parseWebhook(QJsonDocument(doc).toJson().toStdString(), &n, &error),
                 error.c_str());
        QCOMPARE(n.alerts.size(), 1000u);
        alerts.append(one);
        doc[QStringLiteral("alerts")] = alerts;
        QVERIFY(!parseWebhook(QJsonDocument(doc).toJson().toStdString(), &n, &error));
        QCOMPARE(error, "alerts: 1001 alerts, at most 1000");
    }

    // ---- the endpoint ----

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("reachesHandler");
        const QByteArray body = testData("webhook_1_firing_one_alert.json");
        const QByteArray auth = QByteArray("Authorization: Bearer ") + kToken + "\r\n";
        const QByteArray json = "Content-Type: application/json\r\n";
        const QByteArray length = "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        const QByteArray path = "/webhooks/alertmanager/am1";
        auto post = [&](const QByteArray &headers, const QByteArray &b) {
            return request("POST", path, headers, b);
        };
        QTest::newRow("accepted") << post(auth + json + length, body) << 200 << true;
        QTest::newRow("charset")
            << post(auth + "Content-Type: application/json; charset=utf-8\r\n" + length, body)
            << 200 << true;
        QTest::newRow("no token") << post(json + length, body) << 401 << false;
        QTest::newRow("wrong token")
            << post("Authorization: Bearer s3cret-webhook-tokeN\r\n" + json + length, body) << 401
            << false;
        QTest::newRow("token prefix")
            << post("Authorization: Bearer s3cret\r\n" + json + length, body) << 401 << false;
        QTest::newRow("basic") << post("Authorization: Basic czNjcmV0\r\n" + json + length, body)
                               << 401 << false;
        QTest::newRow("two Authorization headers")
            << post(auth + auth + json + length, body) << 401 << false;
        QTest::newRow("unknown path")
            << request("POST", "/metrics", auth + json + length, body) << 404 << false;
        QTest::newRow("unknown Alertmanager")
            << request("POST", "/webhooks/alertmanager/other", auth + json + length, body) << 404
            << false;
        QTest::newRow("unknown Alertmanager, no token")
            << request("POST", "/webhooks/alertmanager/other", json + length, body) << 401 << false;
        QTest::newRow("GET") << request("GET", path, auth) << 405 << false;
        QTest::newRow("PUT") << request("PUT", path, auth + json + length, body) << 405 << false;
        QTest::newRow("no Content-Length")
            << post(auth + json + "Connection: close\r\n", body) << 411 << false;
        QTest::newRow("chunked") << post(auth + json + "Transfer-Encoding: chunked\r\n",
                                         "5\r\nhello\r\n0\r\n\r\n")
                                 << 411 << false;
        // Only the headers are sent: the answer comes without waiting for the body.
        QTest::newRow("over the limit")
            << post(auth + json + "Content-Length: 65537\r\n", {}) << 413 << false;
        QTest::newRow("over the limit, 100-continue")
            << post(auth + json + "Content-Length: 50000000\r\nExpect: 100-continue\r\n", {}) << 413
            << false;
        QTest::newRow("text/plain")
            << post(auth + "Content-Type: text/plain\r\n" + length, body) << 415 << false;
        QTest::newRow("no Content-Type") << post(auth + length, body) << 415 << false;
        QByteArray v3 = body;
        v3.replace("\"version\":\"4\"", "\"version\":\"3\"");
        QTest::newRow("wrong version") << post(auth + json + length, v3) << 422 << true;
        const QByteArray broken = body.left(body.size() - 1) + "]";
        QTest::newRow("malformed") << post(auth + json + length, broken) << 400 << true;
    }
    void refusals()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(bool, reachesHandler);
        Recorder recorder;
        WebhookServerOptions options;
        options.listen = "127.0.0.1:0";
        options.bearerToken = kToken;
        options.maxBodyBytes = 64 * 1024;
        WebhookServer server(options, {"am1", "am2"}, recorder.handler());
        std::string error;
        QVERIFY2(server.bind(&error), error.c_str());
        QVERIFY(server.port() > 0);
        server.start();
        const RawHttpAnswer answer = rawHttp(server.port(), raw);
        QVERIFY2(answer.error.isEmpty(), qPrintable(answer.error));
        QCOMPARE(answer.status, status);
        QVERIFY(!answer.head.contains(kToken));
        if (status == 401)
            QVERIFY(answer.head.contains("WWW-Authenticate: Bearer"));
        QCOMPARE(recorder.snapshot().size(), reachesHandler ? 1u : 0u);
        if (reachesHandler) {
            const WebhookRequest r = recorder.snapshot().front();
            QCOMPARE(r.alertmanager, "am1");
            QVERIFY(QString::fromStdString(r.peer).startsWith(QStringLiteral("127.0.0.1:")));
        }
    }

    void bindErrors()
    {
        auto bindError = [](WebhookServerOptions options) {
            WebhookServer server(options, {"am1"}, parsingHandler);
            std::string error;
            return server.bind(&error) ? std::string("bound") : error;
        };
        WebhookServerOptions o;
        o.listen = "127.0.0.1:0";
        QCOMPARE(bindError(o), "neither a bearer token nor mTLS configured");
        o.bearerToken = kToken;
        o.listen = "localhost";
        QCOMPARE(bindError(o), "listen address \"localhost\": expected host:port");
        o.listen = "127.0.0.1:0";
        o.certPem = "not a certificate";
        o.keyPem = "not a key";
        QCOMPARE(bindError(o), "HTTPS: certificate: no PEM certificate");

        // A port in use is refused (no SO_REUSEPORT sharing).
        WebhookServerOptions first;
        first.listen = "127.0.0.1:0";
        first.bearerToken = kToken;
        WebhookServer server(first, {"am1"}, parsingHandler);
        std::string error;
        QVERIFY2(server.bind(&error), error.c_str());
        WebhookServerOptions second = first;
        second.listen = "127.0.0.1:" + std::to_string(server.port());
        const std::string refused = bindError(second);
        QVERIFY2(refused.rfind("cannot listen on " + second.listen + ": ", 0) == 0,
                 refused.c_str());
    }

    void stopWaitsForRequestsInFlight()
    {
        std::promise<void> entered, release;
        std::shared_future<void> released = release.get_future().share();
        WebhookServerOptions options;
        options.listen = "127.0.0.1:0";
        options.bearerToken = kToken;
        WebhookServer server(options, {"am1"}, [&](const WebhookRequest &) {
            entered.set_value();
            released.wait();
            return WebhookResponse{200, "done"};
        });
        std::string error;
        QVERIFY2(server.bind(&error), error.c_str());
        server.start();
        const QByteArray body = testData("webhook_1_firing_one_alert.json");
        auto answer = std::async(std::launch::async, [&] {
            return rawHttp(server.port(),
                           request("POST", "/webhooks/alertmanager/am1",
                                   QByteArray("Authorization: Bearer ") + kToken +
                                       "\r\nContent-Type: application/json\r\nContent-Length: " +
                                       QByteArray::number(body.size()) + "\r\n",
                                   body));
        });
        entered.get_future().wait();
        auto stopped = std::async(std::launch::async, [&] { server.stop(); });
        // stop() must not return while the handler still runs.
        QCOMPARE(stopped.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
        release.set_value();
        stopped.wait();
        const RawHttpAnswer a = answer.get();
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, "done");
    }

    void httpsAndMutualTls()
    {
        QTemporaryDir dir;
        QVERIFY(makeCertificates(dir));
        const QDir d(dir.path());
        const std::string ca = readFile(d.filePath("ca.pem"));
        WebhookServerOptions options;
        options.listen = "127.0.0.1:0";
        options.certPem = readFile(d.filePath("server.pem"));
        options.keyPem = readFile(d.filePath("server.key"));
        options.clientCaPem = ca;
        Recorder recorder;
        WebhookServer server(options, {"am1"}, recorder.handler()); // mTLS alone, no token
        std::string error;
        QVERIFY2(server.bind(&error), error.c_str());
        server.start();
        QCOMPARE(server.url(), "https://127.0.0.1:" + std::to_string(server.port()));
        const std::string body = testData("webhook_1_firing_one_alert.json").toStdString();
        const char *path = "/webhooks/alertmanager/am1";

        { // No client certificate: the handshake fails, nothing reaches the handler.
            httplib::SSLClient client("127.0.0.1", server.port());
            client.set_ca_cert_store(storeOf(ca));
            const auto res = client.Post(path, body, "application/json");
            QVERIFY(!res);
        }
        { // Plain HTTP to the HTTPS port: no answer.
            httplib::Client client("127.0.0.1", server.port());
            const auto res = client.Post(path, body, "application/json");
            QVERIFY(!res || res->status != 200);
        }
        QCOMPARE(recorder.snapshot().size(), 0u);
        { // With the client certificate the CA issued.
            const std::string certPem = readFile(d.filePath("client-am.pem"));
            const std::string keyPem = readFile(d.filePath("client-am.key"));
            BIO *certBio = BIO_new_mem_buf(certPem.data(), int(certPem.size()));
            BIO *keyBio = BIO_new_mem_buf(keyPem.data(), int(keyPem.size()));
            X509 *cert = PEM_read_bio_X509(certBio, nullptr, nullptr, nullptr);
            EVP_PKEY *key = PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr);
            BIO_free(certBio);
            BIO_free(keyBio);
            QVERIFY(cert && key);
            httplib::SSLClient client("127.0.0.1", server.port(), cert, key);
            X509_free(cert);
            EVP_PKEY_free(key);
            client.set_ca_cert_store(storeOf(ca));
            const auto res = client.Post(path, body, "application/json");
            QVERIFY2(res, httplib::to_string(res.error()).c_str());
            QCOMPARE(res->status, 200);
            QCOMPARE(res->body, "accepted 1 alerts");
        }
        QCOMPARE(recorder.snapshot().size(), 1u);
    }

    void stalledClientIsDropped()
    {
        WebhookServerOptions options;
        options.listen = "127.0.0.1:0";
        options.bearerToken = kToken;
        options.threads = 1;
        options.ioTimeout = std::chrono::seconds(1);
        WebhookServer server(options, {"am1"}, parsingHandler);
        std::string error;
        QVERIFY2(server.bind(&error), error.c_str());
        server.start();
        // Half a request, then nothing: the server gives up on it after the timeout (httplib
        // answers 400 and closes; rawHttp would otherwise give up after 10 s with an error) and
        // the one worker serves the next request.
        auto stalled = std::async(std::launch::async, [&] {
            return rawHttp(server.port(), "POST /webhooks/alertmanager/am1 HTTP/1.1\r\nHost:");
        });
        const QByteArray body = testData("webhook_1_firing_one_alert.json");
        const RawHttpAnswer served = rawHttp(
            server.port(), request("POST", "/webhooks/alertmanager/am1",
                                   QByteArray("Authorization: Bearer ") + kToken +
                                       "\r\nContent-Type: application/json\r\nContent-Length: " +
                                       QByteArray::number(body.size()) + "\r\n",
                                   body));
        QCOMPARE(served.status, 200);
        const RawHttpAnswer dropped = stalled.get();
        QVERIFY2(dropped.error.isEmpty(), qPrintable(dropped.error));
        QVERIFY2(dropped.status == 0 || dropped.status == 400, dropped.head.constData());
    }

    // ---- figures ----

    void throughput()
    {
        const std::string body = testData("webhook_3_firing_group_one_resolved.json").toStdString();
        const int parses = 20000;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < parses; ++i) {
            WebhookNotification n;
            QVERIFY(parseWebhook(body, &n, nullptr));
        }
        const double parsePerS = parses * 1000.0 / qMax<qint64>(1, timer.elapsed());

        WebhookServerOptions options;
        options.listen = "127.0.0.1:0";
        options.bearerToken = kToken;
        WebhookServer server(options, {"am1"}, parsingHandler);
        std::string error;
        QVERIFY2(server.bind(&error), error.c_str());
        server.start();
        const int posts = 2000;
        const httplib::Headers headers{{"Authorization", std::string("Bearer ") + kToken}};
        timer.restart();
        for (int i = 0; i < posts; ++i) {
            httplib::Client client("127.0.0.1", server.port());
            const auto res =
                client.Post("/webhooks/alertmanager/am1", headers, body, "application/json");
            QVERIFY(res && res->status == 200);
        }
        const double acceptPerS = posts * 1000.0 / qMax<qint64>(1, timer.elapsed());
        qInfo("webhook_parse_per_s: %.0f (2-alert body, %zu bytes)", parsePerS, body.size());
        qInfo("webhook_parse_accept_per_s: %.0f (one client, a connection per webhook)",
              acceptPerS);
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerHttp)
#include "tst_alertmanagerhttp.moc"
