// IncidentService with the real Alertmanager (Debian's prometheus-alertmanager, started on its
// own port): alerts posted to it arrive as webhooks and open, group, update and auto-resolve an
// incident; acknowledge-with-silence and CreateSilence/ExpireSilence write to its API v2;
// silences made in it directly appear (matching nothing); an unreachable Alertmanager is
// UNAVAILABLE and changes nothing; replayed, unauthenticated, malformed and wrong-version webhooks.
#include "alertmanagerprocess.h"
#include "incidents/http/alertmanagerclient.h"
#include "tst_incidents_common.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// A free loopback port (bound once and released).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

const char kToken[] = "tst-webhook-token-0123456789abcdef";

QByteArray alertJson(const QString &instance, bool firing, const QString &alertName,
                     const QString &severity = QStringLiteral("critical"))
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QJsonObject labels{{"alertname", alertName},
                       {"service", "api"},
                       {"severity", severity},
                       {"region", "eu-west"},
                       {"instance", instance}};
    QJsonObject alert{
        {"labels", labels},
        {"annotations", QJsonObject{{"summary", "API errors"}}},
        {"startsAt", now.addSecs(-60).toString(Qt::ISODateWithMs)},
        {"endsAt", (firing ? now.addSecs(3600) : now.addSecs(-1)).toString(Qt::ISODateWithMs)}};
    return QJsonDocument(alert).toJson(QJsonDocument::Compact);
}

} // namespace

class TestIncidentsAm : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void groupedIncident();
    void acknowledgeWithSilence();
    void expireFromPlatformd();
    void oneAlertResolvesAlone();
    void groupResolves();
    void externalSilence();
    void createAndExtendSilence();
    void unreachableAlertmanager();
    void webhookRefusals_data();
    void webhookRefusals();
    void replay();
    void ingestRate();

private:
    // The Alertmanager incident of alertname, or an empty one.
    pb::Incident incidentOf(const std::string &alertName)
    {
        for (const pb::Incident &i :
             m_c.all("created_by = \"alertmanagers/am1\" AND title = \"API errors\"")) {
            for (const pb::Alert &a : i.alerts())
                if (a.labels().at("alertname") == alertName) {
                    pb::Incident full;
                    m_c.get(i.name(), &full);
                    return full;
                }
        }
        return {};
    }
    RawHttpAnswer postWebhook(const QByteArray &body, const QByteArray &auth)
    {
        QByteArray request = "POST /webhooks/alertmanager/am1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Content-Type: application/json\r\nConnection: close\r\n";
        if (!auth.isEmpty())
            request += "Authorization: " + auth + "\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        return rawHttp(m_webhookPort, request);
    }
    static QByteArray webhookBody(const QByteArray &groupKey, const QByteArray &version = "4")
    {
        QJsonObject alert{{"status", "firing"},
                          {"labels", QJsonObject{{"alertname", "Replayed"}}},
                          {"annotations", QJsonObject{}},
                          {"startsAt", "2026-11-29T02:39:07.547Z"},
                          {"endsAt", "0001-01-01T00:00:00Z"},
                          {"generatorURL", "http://prom"},
                          {"fingerprint", "0123456789abcdef"}};
        QJsonObject body{{"version", QString::fromLatin1(version)},
                         {"groupKey", QString::fromLatin1(groupKey)},
                         {"truncatedAlerts", 0},
                         {"status", "firing"},
                         {"receiver", "platformd"},
                         {"groupLabels", QJsonObject{{"alertname", "Replayed"}}},
                         {"commonLabels", QJsonObject{}},
                         {"commonAnnotations", QJsonObject{{"summary", "Replayed"}}},
                         {"externalURL", "http://am"},
                         {"alerts", QJsonArray{alert}}};
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    }

    IncidentClient m_c;
    AlertmanagerProcess m_am;
    std::unique_ptr<platformd::incidents::AlertmanagerClient> m_amClient;
    QTemporaryFile m_tokenFile;
    int m_webhookPort = 0;
    std::string m_operator, m_viewer;
    std::string m_incident, m_silence;
};

void TestIncidentsAm::initTestCase()
{
    // platformd's webhook port is chosen first, so Alertmanager can be started pointing at it.
    m_webhookPort = freePort();
    QVERIFY(m_webhookPort > 0);
    const QString webhook =
        QStringLiteral("http://127.0.0.1:%1/webhooks/alertmanager/am1").arg(m_webhookPort);
    AlertmanagerProcess::Options options;
    options.webhookUrl = webhook;
    options.bearerToken = QString::fromLatin1(kToken);
    QVERIFY2(m_am.start(options), qPrintable(m_am.errorString()));
    QVERIFY(m_tokenFile.open());
    m_tokenFile.write(kToken);
    m_tokenFile.write("\n");
    m_tokenFile.flush();
    QVERIFY2(m_c.start({"--demo", "--seed", "7", "--alertmanager", "am1=" + m_am.url(),
                        "--alertmanager", "dead=http://127.0.0.1:1", "--webhook-listen",
                        QStringLiteral("127.0.0.1:%1").arg(m_webhookPort), "--webhook-token-file",
                        m_tokenFile.fileName(), "--silence-sync-ms", "300"}),
             qPrintable(m_c.platformd.errorString()));
    QCOMPARE(m_c.platformd.endpoint(QStringLiteral("webhook")),
             QStringLiteral("http://127.0.0.1:%1").arg(m_webhookPort));
    // The token never reaches the log.
    QVERIFY(!m_c.platformd.standardError().contains(kToken));
    m_operator = m_c.user("otto", "operator");
    m_viewer = m_c.user("vera", "viewer");
    QVERIFY(!m_operator.empty() && !m_viewer.empty());
    m_amClient =
        std::make_unique<platformd::incidents::AlertmanagerClient>(m_am.url().toStdString());
}

void TestIncidentsAm::groupedIncident()
{
    QString error;
    QVERIFY2(m_am.postAlerts("[" + alertJson("a", true, "TstApiErrors") + "," +
                                 alertJson("b", true, "TstApiErrors") + "]",
                             &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(incidentOf("TstApiErrors").firing_alerts(), 2, 30000);
    const pb::Incident i = incidentOf("TstApiErrors");
    m_incident = i.name();
    QCOMPARE(i.source(), pb::ALERTMANAGER);
    QCOMPARE(i.state(), pb::TRIGGERED);
    QCOMPARE(i.severity(), pb::SEV1); // severity="critical"
    QVERIFY(i.dedup_key().starts_with("alertmanagers/am1:"));
    QCOMPARE(i.alerts_size(), 2);
    QCOMPARE(i.group_labels().at("service"), "api");
    QCOMPARE(std::vector<std::string>(i.regions().begin(), i.regions().end()),
             std::vector<std::string>{"regions/eu-west"});
    for (const pb::Alert &a : i.alerts()) {
        QCOMPARE(a.status(), pb::Alert::FIRING);
        QVERIFY(!a.has_ends_at());
        QCOMPARE(a.fingerprint().size(), size_t(16));
    }
    // Re-posting the same alerts changes nothing: one incident, the same alerts.
    QVERIFY(m_am.postAlerts("[" + alertJson("a", true, "TstApiErrors") + "]"));
    int incidents = 0;
    for (const pb::Incident &x : m_c.all("created_by = \"alertmanagers/am1\""))
        incidents += x.dedup_key() == i.dedup_key();
    QCOMPARE(incidents, 1);
    pb::ListAlertmanagersResponse ams;
    QVERIFY_OK(m_c.stub->ListAlertmanagers(m_c.ctx(m_viewer).get(), {}, &ams));
    QCOMPARE(ams.alertmanagers_size(), 2);
    QCOMPARE(ams.alertmanagers(0).name(), "alertmanagers/am1");
    QVERIFY(ams.alertmanagers(0).has_last_webhook_time());
    QCOMPARE(ams.alertmanagers(0).webhook_path(), "/webhooks/alertmanager/am1");
}

void TestIncidentsAm::acknowledgeWithSilence()
{
    QVERIFY(!m_incident.empty());
    pb::AcknowledgeIncidentRequest r;
    r.set_name(m_incident);
    r.set_comment("looking at the API; silencing for an hour");
    r.mutable_silence_duration()->set_seconds(3600);
    pb::Incident i;
    // A viewer may not; an operator may (incidents.write and silences.write).
    QCOMPARE_CODE(m_c.stub->AcknowledgeIncident(m_c.ctx(m_viewer).get(), r, &i),
                  grpc::StatusCode::PERMISSION_DENIED, "");
    QVERIFY_OK(m_c.stub->AcknowledgeIncident(m_c.ctx(m_operator).get(), r, &i));
    QCOMPARE(i.state(), pb::ACKNOWLEDGED);
    // The silence is in Alertmanager's own API, by the operator, on the group's labels.
    std::vector<platformd::incidents::AmSilence> silences;
    std::string error;
    QVERIFY2(m_amClient->listSilences(&silences, &error), error.c_str());
    const platformd::incidents::AmSilence *made = nullptr;
    for (const auto &s : silences)
        if (s.createdBy == "users/otto" && s.state == "active")
            made = &s;
    QVERIFY(made);
    QVERIFY2(made->comment.find("silencing for an hour") != std::string::npos,
             made->comment.c_str());
    std::map<std::string, std::string> matchers;
    for (const auto &m : made->matchers)
        matchers[m.name] = m.value;
    QCOMPARE(matchers, (std::map<std::string, std::string>{{"alertname", "TstApiErrors"},
                                                           {"service", "api"}}));
    QVERIFY(std::abs(made->endsAtMs - made->startsAtMs - 3600000) < 5000);
    // platformd mirrors it with the incident link and the alerts it matches.
    m_silence = "silences/am1/" + made->id;
    pb::ListSilencesResponse list;
    QVERIFY_OK(m_c.stub->ListSilences(m_c.ctx(m_viewer).get(), {}, &list));
    bool found = false;
    for (const pb::Silence &s : list.silences())
        if (s.name() == m_silence) {
            found = true;
            QCOMPARE(s.incident(), m_incident);
            QCOMPARE(s.matched_alerts(), 2);
            QCOMPARE(s.state(), pb::Silence::ACTIVE);
        }
    QVERIFY(found);
    QVERIFY_OK(m_c.get(m_incident, &i));
    QCOMPARE(i.alerts(0).silenced_by_size(), 1);
    QCOMPARE(i.timeline(i.timeline_size() - 1).kind(), pb::TimelineEntry::SILENCED);
}

void TestIncidentsAm::expireFromPlatformd()
{
    QVERIFY(!m_silence.empty());
    pb::ExpireSilenceRequest r;
    r.set_name(m_silence);
    pb::Silence s;
    QVERIFY_OK(m_c.stub->ExpireSilence(m_c.ctx(m_operator).get(), r, &s));
    QCOMPARE(s.state(), pb::Silence::EXPIRED);
    platformd::incidents::AmSilence there;
    std::string error;
    QVERIFY2(m_amClient->getSilence(m_silence.substr(m_silence.rfind('/') + 1), &there, &error),
             error.c_str());
    QCOMPARE(there.state, "expired");
    QCOMPARE_CODE(m_c.stub->ExpireSilence(m_c.ctx(m_operator).get(), r, &s),
                  grpc::StatusCode::FAILED_PRECONDITION, "already expired");
}

void TestIncidentsAm::oneAlertResolvesAlone()
{
    QVERIFY(m_am.postAlerts("[" + alertJson("b", false, "TstApiErrors") + "]"));
    QTRY_COMPARE_WITH_TIMEOUT(incidentOf("TstApiErrors").firing_alerts(), 1, 30000);
    const pb::Incident i = incidentOf("TstApiErrors");
    QCOMPARE(i.state(), pb::ACKNOWLEDGED); // the group still fires
    int resolvedEntries = 0;
    for (const pb::TimelineEntry &e : i.timeline())
        resolvedEntries += e.kind() == pb::TimelineEntry::ALERT_RESOLVED;
    QCOMPARE(resolvedEntries, 1);
    for (const pb::Alert &a : i.alerts())
        if (a.labels().at("instance") == "b") {
            QCOMPARE(a.status(), pb::Alert::RESOLVED);
            QVERIFY(a.has_ends_at());
        }
}

void TestIncidentsAm::groupResolves()
{
    QVERIFY(m_am.postAlerts("[" + alertJson("a", false, "TstApiErrors") + "]"));
    QTRY_COMPARE_WITH_TIMEOUT(incidentOf("TstApiErrors").state(), pb::RESOLVED, 30000);
    const pb::Incident i = incidentOf("TstApiErrors");
    QCOMPARE(i.resolved_by(), "alertmanagers/am1");
    QCOMPARE(i.firing_alerts(), 0);
    QVERIFY(msOf(i.resolve_time()) >= msOf(i.acknowledge_time()));
}

void TestIncidentsAm::externalSilence()
{
    platformd::incidents::AmSilence s;
    s.matchers.push_back({"alertname", "NothingFiresThis", false, true});
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    s.startsAtMs = now;
    s.endsAtMs = now + 2 * 3600 * 1000;
    s.createdBy = "karma-user";
    s.comment = "maintenance on the batch cluster";
    std::string id, error;
    QVERIFY2(m_amClient->postSilence(s, &id, &error), error.c_str());
    auto mirrored = [&]() -> int {
        pb::ListSilencesRequest r;
        r.set_alertmanager("alertmanagers/am1");
        pb::ListSilencesResponse out;
        if (!m_c.stub->ListSilences(m_c.ctx(m_viewer).get(), r, &out).ok())
            return -2;
        for (const pb::Silence &x : out.silences())
            if (x.id() == id)
                return x.created_by() == "karma-user" &&
                               x.comment() == "maintenance on the batch cluster" &&
                               x.incident().empty()
                           ? x.matched_alerts()
                           : -3;
        return -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(mirrored(), 0, 30000);
    // Expired in Alertmanager directly: the mirror follows.
    QVERIFY2(m_amClient->expireSilence(id, &error), error.c_str());
    QTRY_COMPARE_WITH_TIMEOUT(mirrored(), -1, 30000); // no longer listed without include_expired
}

void TestIncidentsAm::createAndExtendSilence()
{
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    pb::CreateSilenceRequest r;
    pb::Silence *in = r.mutable_silence();
    in->set_alertmanager("alertmanagers/am1");
    pb::SilenceMatcher *m = in->add_matchers();
    m->set_name("service");
    m->set_value("api|web");
    m->set_is_regex(true);
    m->set_is_equal(true);
    in->set_comment("deploy window");
    in->set_incident(m_incident);
    *in->mutable_ends_at() = TimeUtil::MillisecondsToTimestamp(now + 1800 * 1000);
    pb::Silence s;
    // A comment is required; the end must be ahead.
    in->clear_comment();
    QCOMPARE_CODE(m_c.stub->CreateSilence(m_c.ctx(m_operator).get(), r, &s),
                  grpc::StatusCode::INVALID_ARGUMENT, "silence.comment: required");
    in->set_comment("deploy window");
    pb::ListSilencesResponse before;
    QVERIFY_OK(m_c.stub->ListSilences(m_c.ctx(m_viewer).get(), {}, &before));
    QVERIFY_OK(m_c.stub->CreateSilence(m_c.ctx(m_operator).get(), r, &s));
    {
        // Watchers get the new silence as a Silence event.
        auto context = m_c.ctx(m_viewer);
        pb::WatchIncidentsRequest w;
        w.set_after_revision(before.revision());
        auto reader = m_c.stub->WatchIncidents(context.get(), w);
        pb::WatchIncidentsResponse msg;
        bool seen = false;
        while (!seen && reader->Read(&msg))
            for (const pb::IncidentEvent &ev : msg.changes().events())
                seen = seen || (ev.has_silence() && ev.name() == s.name() &&
                                ev.silence().comment() == "deploy window");
        context->TryCancel();
        reader->Finish();
        QVERIFY(seen);
    }
    QCOMPARE(s.created_by(), "users/otto");
    QCOMPARE(s.incident(), m_incident);
    QCOMPARE(s.state(), pb::Silence::ACTIVE);
    platformd::incidents::AmSilence there;
    std::string error;
    QVERIFY2(m_amClient->getSilence(s.id(), &there, &error), error.c_str());
    QCOMPARE(there.comment, "deploy window");
    QCOMPARE(there.matchers.size(), size_t(1));
    QVERIFY(there.matchers[0].isRegex);
    // Extended: Alertmanager's answer (maybe a new id) is what platformd returns.
    pb::ExtendSilenceRequest e;
    e.set_name(s.name());
    *e.mutable_ends_at() = TimeUtil::MillisecondsToTimestamp(now + 7200 * 1000);
    e.set_comment("deploy window, extended");
    pb::Silence extended;
    QVERIFY_OK(m_c.stub->ExtendSilence(m_c.ctx(m_operator).get(), e, &extended));
    QVERIFY(std::abs(msOf(extended.ends_at()) - (now + 7200 * 1000)) < 1000);
    QCOMPARE(extended.comment(), "deploy window, extended");
    QCOMPARE(extended.created_by(), "users/otto");
    QVERIFY2(m_amClient->getSilence(extended.id(), &there, &error), error.c_str());
    QVERIFY(std::abs(there.endsAtMs - (now + 7200 * 1000)) < 1000);
    QCOMPARE(there.state, "active");
    *e.mutable_ends_at() = TimeUtil::MillisecondsToTimestamp(now - 1000);
    e.set_name(extended.name());
    QCOMPARE_CODE(m_c.stub->ExtendSilence(m_c.ctx(m_operator).get(), e, &extended),
                  grpc::StatusCode::INVALID_ARGUMENT, "in the past");
    pb::Incident i;
    QVERIFY_OK(m_c.get(m_incident, &i));
    int silenced = 0;
    for (const pb::TimelineEntry &t : i.timeline())
        silenced += t.kind() == pb::TimelineEntry::SILENCED;
    QVERIFY(silenced >= 3); // acknowledge's, this one's, the extension
}

void TestIncidentsAm::unreachableAlertmanager()
{
    pb::CreateSilenceRequest r;
    r.mutable_silence()->set_alertmanager("alertmanagers/dead");
    pb::SilenceMatcher *m = r.mutable_silence()->add_matchers();
    m->set_name("alertname");
    m->set_value("X");
    m->set_is_equal(true);
    r.mutable_silence()->set_comment("will not work");
    *r.mutable_silence()->mutable_ends_at() =
        TimeUtil::MillisecondsToTimestamp(QDateTime::currentMSecsSinceEpoch() + 3600000);
    pb::Silence s;
    QCOMPARE_CODE(m_c.stub->CreateSilence(m_c.ctx(m_operator).get(), r, &s),
                  grpc::StatusCode::UNAVAILABLE, "alertmanagers/dead");
    pb::ListSilencesRequest lr;
    lr.set_alertmanager("alertmanagers/dead");
    lr.set_include_expired(true);
    pb::ListSilencesResponse list;
    QVERIFY_OK(m_c.stub->ListSilences(m_c.ctx(m_viewer).get(), lr, &list));
    QCOMPARE(list.silences_size(), 0);
    auto deadState = [&] {
        pb::ListAlertmanagersResponse ams;
        m_c.stub->ListAlertmanagers(m_c.ctx(m_viewer).get(), {}, &ams);
        for (const pb::Alertmanager &a : ams.alertmanagers())
            if (a.name() == "alertmanagers/dead")
                return !a.reachable() && !a.last_error().empty();
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(deadState(), 30000);
    const auto audited = m_c.auditOf("CreateSilence");
    QVERIFY(!audited.empty());
    QCOMPARE(audited.back().result(), "UNAVAILABLE");
}

void TestIncidentsAm::webhookRefusals_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("auth");
    QTest::addColumn<int>("status");
    QTest::newRow("no token") << webhookBody("refused-1") << QByteArray() << 401;
    QTest::newRow("wrong token") << webhookBody("refused-2") << QByteArray("Bearer nope") << 401;
    QTest::newRow("malformed") << QByteArray("{\"version\":\"4\",\"groupKey\":")
                               << QByteArray("Bearer ") + kToken << 400;
    QTest::newRow("wrong version")
        << webhookBody("refused-3", "3") << QByteArray("Bearer ") + kToken << 422;
}

void TestIncidentsAm::webhookRefusals()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, auth);
    QFETCH(int, status);
    const RawHttpAnswer answer = postWebhook(body, auth);
    QCOMPARE(answer.status, status);
    for (const pb::Incident &i : m_c.all("created_by = \"alertmanagers/am1\""))
        QVERIFY2(!i.dedup_key().starts_with("alertmanagers/am1:refused"), i.name().c_str());
}

void TestIncidentsAm::replay()
{
    const QByteArray body = webhookBody("replayed-group");
    const QByteArray auth = QByteArray("Bearer ") + kToken;
    RawHttpAnswer first = postWebhook(body, auth);
    QCOMPARE(first.status, 200);
    auto mine = [&] {
        std::vector<pb::Incident> out;
        for (const pb::Incident &i : m_c.all("dedup_key = \"alertmanagers/am1:replayed-group\"")) {
            pb::Incident full;
            m_c.get(i.name(), &full);
            out.push_back(full);
        }
        return out;
    };
    const std::vector<pb::Incident> before = mine(); // durable before the 200
    QCOMPARE(before.size(), size_t(1));
    QCOMPARE(before[0].alerts_size(), 1);
    RawHttpAnswer second = postWebhook(body, auth);
    QCOMPARE(second.status, 200);
    const std::vector<pb::Incident> after = mine();
    QCOMPARE(after.size(), size_t(1));
    QCOMPARE(after[0].alerts_size(), 1);
    QCOMPARE(after[0].timeline_size(), before[0].timeline_size());
    QCOMPARE(after[0].severity(), pb::SEV4); // no severity label
    // Each accepted webhook has its audit row, by the Alertmanager.
    pb::ListAuditEventsRequest ar;
    ar.set_page_size(1000);
    ar.set_filter("actor = \"alertmanagers/am1\" AND resource = \"alertmanagers/am1\"");
    pb::ListAuditEventsResponse rows;
    QVERIFY_OK(m_c.audit->ListAuditEvents(m_c.ctx(m_c.admin).get(), ar, &rows));
    QVERIFY(rows.events_size() >= 2);
    const pb::AuditEvent &last = rows.events(rows.events_size() - 1);
    QCOMPARE(last.action(), "webhook:POST /webhooks/alertmanager/am1");
    QCOMPARE(last.result(), "OK");
    QVERIFY(last.peer().starts_with("127.0.0.1:"));
}

void TestIncidentsAm::ingestRate()
{
    // Each webhook is committed (synchronous=FULL, with its audit row) before its 200.
    const QByteArray auth = QByteArray("Bearer ") + kToken;
    const int n = 100;
    QElapsedTimer timer;
    timer.start();
    for (int k = 0; k < n; ++k)
        QCOMPARE(postWebhook(webhookBody("rate-" + QByteArray::number(k)), auth).status, 200);
    const double perSecond = n * 1000.0 / std::max<qint64>(1, timer.elapsed());
    qInfo("webhook_ingest_per_s: %.0f (%d webhooks, each a new incident, sequential, "
          "new connection each)",
          perSecond, n);
    QCOMPARE(m_c.all("dedup_key = \"alertmanagers/am1:rate-99\"").size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestIncidentsAm)
#include "tst_incidents_am.moc"
