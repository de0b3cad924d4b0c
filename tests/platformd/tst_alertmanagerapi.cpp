// The incidents module against the real Prometheus Alertmanager (Debian's, started by the test):
// firing and resolved notifications delivered to the webhook endpoint with the bearer token, and
// silences made, read, extended and expired through its API v2, over HTTP and HTTPS.
#include "alertmanagerprocess.h"
#include "incidents/http/alertmanagerclient.h"
#include "incidents/http/webhookpayload.h"
#include "incidents/http/webhookserver.h"
#include "webhooktesthelpers.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QtTest>

using namespace platformd::incidents;
using namespace webhooktest;

namespace {

QByteArray alertJson(const QString &alertname, const QString &instance, const QDateTime &startsAt,
                     const QDateTime &endsAt = {})
{
    QJsonObject alert{
        {QStringLiteral("labels"),
         QJsonObject{{QStringLiteral("alertname"), alertname},
                     {QStringLiteral("service"), QStringLiteral("billing-api")},
                     {QStringLiteral("instance"), instance},
                     {QStringLiteral("severity"), QStringLiteral("critical")}}},
        {QStringLiteral("annotations"),
         QJsonObject{{QStringLiteral("summary"), QStringLiteral("CPU above 90%")}}},
        {QStringLiteral("startsAt"), startsAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("generatorURL"), QStringLiteral("http://127.0.0.1:9090/graph")}};
    if (endsAt.isValid())
        alert[QStringLiteral("endsAt")] = endsAt.toUTC().toString(Qt::ISODateWithMs);
    return QJsonDocument(QJsonArray{alert}).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAlertmanagerApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(AlertmanagerProcess::binaryPath()),
                 "prometheus-alertmanager is not installed (scripts/bootstrap installs it)");
    }

    // ---- the real Alertmanager ----

    void realAlertmanagerDeliversFiringAndResolved()
    {
        Recorder recorder;
        WebhookServerOptions options;
        options.listen = "127.0.0.1:0";
        options.bearerToken = kToken;
        WebhookServer server(options, {"am1"}, recorder.handler());
        std::string error;
        QVERIFY2(server.bind(&error), error.c_str());
        server.start();

        AlertmanagerProcess am;
        AlertmanagerProcess::Options amOptions;
        amOptions.webhookUrl =
            QString::fromStdString(server.url()) + QStringLiteral("/webhooks/alertmanager/am1");
        amOptions.bearerToken = QString::fromLatin1(kToken);
        QVERIFY2(am.start(amOptions), qPrintable(am.errorString()));

        const QString alertname =
            QStringLiteral("HighCpu") + QUuid::createUuid().toString(QUuid::Id128);
        const QDateTime startsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        QString postError;
        QVERIFY2(am.postAlerts(alertJson(alertname, QStringLiteral("10.0.0.12:9100"), startsAt),
                               &postError),
                 qPrintable(postError));

        // Every delivery reached the handler with the bearer token (the server refuses others)
        // and parses; wait for one with the given group status.
        auto delivered = [&recorder](const char *status, WebhookNotification *out) {
            for (const WebhookRequest &r : recorder.snapshot()) {
                WebhookNotification n;
                if (parseWebhook(r.body, &n, nullptr) && n.status == status) {
                    *out = n;
                    return true;
                }
            }
            return false;
        };
        WebhookNotification firing;
        QTRY_VERIFY2_WITH_TIMEOUT(delivered("firing", &firing), am.log().right(3000).constData(),
                                  30000);
        QCOMPARE(firing.receiver, AlertmanagerProcess::receiverName().toStdString());
        QCOMPARE(firing.alerts.size(), 1u);
        QCOMPARE(firing.alerts[0].labels.at("alertname"), alertname.toStdString());
        QCOMPARE(firing.alerts[0].startsAtMs, startsAt.toMSecsSinceEpoch());
        QVERIFY(!firing.alerts[0].endsAtMs);
        QCOMPARE(firing.alerts[0].fingerprint.size(), 16u);
        QCOMPARE(firing.groupLabels.at("alertname"), alertname.toStdString());
        QCOMPARE(recorder.snapshot().front().alertmanager, "am1");

        const QDateTime endsAt = QDateTime::currentDateTimeUtc().addSecs(-1);
        QVERIFY2(
            am.postAlerts(alertJson(alertname, QStringLiteral("10.0.0.12:9100"), startsAt, endsAt),
                          &postError),
            qPrintable(postError));
        WebhookNotification resolved;
        QTRY_VERIFY2_WITH_TIMEOUT(delivered("resolved", &resolved),
                                  am.log().right(3000).constData(), 30000);
        QCOMPARE(resolved.groupKey, firing.groupKey);
        QCOMPARE(resolved.alerts.size(), 1u);
        QCOMPARE(resolved.alerts[0].status, "resolved");
        QCOMPARE(resolved.alerts[0].fingerprint, firing.alerts[0].fingerprint);
        QCOMPARE(resolved.alerts[0].endsAtMs,
                 std::optional<std::int64_t>(endsAt.toMSecsSinceEpoch()));
    }

    void silencesInTheRealAlertmanager()
    {
        AlertmanagerProcess am;
        AlertmanagerProcess::Options amOptions;
        amOptions.webhookUrl = QStringLiteral("http://127.0.0.1:%1/").arg(closedPort());
        QVERIFY2(am.start(amOptions), qPrintable(am.errorString()));
        AlertmanagerClient client(am.url().toStdString());
        std::string error;
        QVERIFY2(client.ping(&error), error.c_str());

        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        AmSilence silence;
        silence.matchers = {{"alertname", "HighCpuUsage", false, true},
                            {"instance", "10\\.0\\.0\\..*", true, true}};
        silence.startsAtMs = now;
        silence.endsAtMs = now + 3600 * 1000;
        silence.createdBy = "alice";
        silence.comment = "acknowledged: looking into it";
        std::string id;
        QVERIFY2(client.postSilence(silence, &id, &error), error.c_str());
        QVERIFY(!id.empty());

        std::vector<AmSilence> list;
        QVERIFY2(client.listSilences(&list, &error), error.c_str());
        QCOMPARE(list.size(), 1u);
        QCOMPARE(list[0].id, id);
        AmSilence got;
        QVERIFY2(client.getSilence(id, &got, &error), error.c_str());
        QCOMPARE(got.state, "active");
        QCOMPARE(got.createdBy, "alice");
        QCOMPARE(got.comment, silence.comment);
        QCOMPARE(got.endsAtMs, silence.endsAtMs);
        QCOMPARE(got.matchers.size(), 2u);
        QCOMPARE(got.matchers[1].name, "instance");
        QCOMPARE(got.matchers[1].value, "10\\.0\\.0\\..*");
        QVERIFY(got.matchers[1].isRegex);
        QVERIFY(got.updatedAtMs > 0);

        // Extend it: Alertmanager updates it in place or replaces it (and expires the old one).
        AmSilence extended = got;
        extended.endsAtMs = now + 2 * 3600 * 1000;
        extended.comment = "extended";
        std::string newId;
        QVERIFY2(client.postSilence(extended, &newId, &error), error.c_str());
        QVERIFY2(client.getSilence(newId, &got, &error), error.c_str());
        QCOMPARE(got.endsAtMs, extended.endsAtMs);
        QCOMPARE(got.comment, "extended");
        QCOMPARE(got.state, "active");
        if (newId != id) {
            AmSilence old;
            QVERIFY2(client.getSilence(id, &old, &error), error.c_str());
            QCOMPARE(old.state, "expired");
        }

        QVERIFY2(client.expireSilence(newId, &error), error.c_str());
        QVERIFY2(client.getSilence(newId, &got, &error), error.c_str());
        QCOMPARE(got.state, "expired");

        // Alertmanager's own refusal, with its text.
        AmSilence bad = silence;
        bad.matchers = {{"", "x", false, true}};
        QVERIFY(!client.postSilence(bad, &id, &error));
        const std::string post =
            "POST " + am.url().toStdString() + "/api/v2/silences: 400 Bad Request: ";
        QVERIFY2(error.rfind(post, 0) == 0 && error.size() > post.size(), error.c_str());
        bad = silence;
        bad.endsAtMs = now - 1000;
        bad.startsAtMs = now - 5000;
        QVERIFY(!client.postSilence(bad, &id, &error));
        QVERIFY2(error.rfind(post, 0) == 0, error.c_str());

        QVERIFY(!client.getSilence("6b1bd2d4-0000-4000-8000-000000000000", &got, &error));
        QVERIFY2(error.find("/api/v2/silence/6b1bd2d4-0000-4000-8000-000000000000: 404") !=
                     std::string::npos,
                 error.c_str());
        QVERIFY(!client.getSilence("../status", &got, &error));
        QCOMPARE(error, "silence id \"../status\": not an Alertmanager id");

        const std::string closed = "http://127.0.0.1:" + std::to_string(closedPort());
        AlertmanagerClient nobody(closed, std::chrono::seconds(2));
        QVERIFY(!nobody.ping(&error));
        QCOMPARE(error, "GET " + closed +
                            "/api/v2/status: cannot connect (connection refused or "
                            "unreachable)");
        AlertmanagerClient ftp("ftp://127.0.0.1:21");
        QVERIFY(!ftp.ping(&error));
        QCOMPARE(error, "ftp://127.0.0.1:21: expected an http:// or https:// URL");
    }

    void alertmanagerOverHttps()
    {
        QTemporaryDir dir;
        QVERIFY(makeCertificates(dir));
        const QDir d(dir.path());
        AlertmanagerProcess am;
        AlertmanagerProcess::Options amOptions;
        amOptions.webhookUrl = QStringLiteral("http://127.0.0.1:%1/").arg(closedPort());
        amOptions.tlsCertFile = d.filePath(QStringLiteral("server.pem"));
        amOptions.tlsKeyFile = d.filePath(QStringLiteral("server.key"));
        QVERIFY2(am.start(amOptions), qPrintable(am.errorString()));
        QVERIFY(am.url().startsWith(QStringLiteral("https://")));

        AlertmanagerClient trusting(am.url().toStdString(), std::chrono::seconds(5),
                                    readFile(d.filePath(QStringLiteral("ca.pem"))));
        std::string error;
        QVERIFY2(trusting.ping(&error), error.c_str());
        AmSilence silence;
        silence.matchers = {{"alertname", "TlsCheck", false, true}};
        silence.startsAtMs = QDateTime::currentMSecsSinceEpoch();
        silence.endsAtMs = silence.startsAtMs + 600 * 1000;
        silence.createdBy = "bob";
        silence.comment = "over https";
        std::string id;
        QVERIFY2(trusting.postSilence(silence, &id, &error), error.c_str());
        std::vector<AmSilence> list;
        QVERIFY2(trusting.listSilences(&list, &error), error.c_str());
        QCOMPARE(list.size(), 1u);

        // The system CAs do not know the test's CA.
        AlertmanagerClient untrusting(am.url().toStdString());
        QVERIFY(!untrusting.ping(&error));
        QCOMPARE(error, "GET " + am.url().toStdString() +
                            "/api/v2/status: server certificate not trusted");
        AlertmanagerClient badCa(am.url().toStdString(), std::chrono::seconds(5), "no PEM");
        QVERIFY(!badCa.ping(&error));
        QCOMPARE(error, "GET " + am.url().toStdString() + "/api/v2/status: CA: no PEM certificate");
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerApi)
#include "tst_alertmanagerapi.moc"
