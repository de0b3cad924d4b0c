// The incidents module on replicas sharing one PostgreSQL store (issue 15), on a real PostgreSQL
// 15 the test starts itself: two core::Store + IncidentStore pairs on one database are two
// replicas in one process. Incidents declared, acknowledged and resolved and silences written
// through both at once end up the same on both (timelines included) and on a third opened fresh;
// the other replica's feed gets every commit once and in order; the same Alertmanager group
// arriving at one replica and then at the other opens one incident; two replicas seeding the demo
// at once seed it once; a replica that missed history (compacted) reloads and goes on; the
// Alertmanagers' state and reads follow the other replica. Then two real platformd on one store:
// a webhook at one shows in the other's list and watch stream.
#include "core/postgres.h"
#include "core/store.h"
#include "incidents/http/webhookpayload.h"
#include "incidents/private/incidentdemo.h"
#include "incidents/private/incidentops.h"
#include "incidents/private/silencesync.h"
#include "modules.h"

#include "alertmanagerprocess.h"
#include "pgcluster.h"
#include "pgstoretest.h"
#include "tst_incidents_common.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <atomic>
#include <barrier>
#include <thread>

using namespace platformd;
using namespace platformd::incidents;

namespace {

const std::map<std::string, std::string> kAms{{"eu-west", "http://127.0.0.1:9"}};
constexpr int kWait = 30000; // ms: QTRY's limit for the listener's wake-up (normally < 1 s)

// One replica: its store, the incidents module's storage and its writes (the silence sync is
// never started: no Alertmanager runs here).
struct Replica
{
    explicit Replica(const std::string &uri, std::int64_t retention = 100000)
    {
        core::StoreOptions options;
        options.path = uri;
        options.readers = 2;
        options.retention = retention;
        options.migrations = platformd::moduleMigrations();
        store = std::make_unique<core::Store>(options);
        incidents = std::make_unique<IncidentStore>(*store, kAms);
        sync = std::make_unique<SilenceSync>(*incidents, std::chrono::seconds(60));
        ops = std::make_unique<IncidentOps>(*incidents, *sync);
    }
    ~Replica()
    {
        ops.reset();
        sync.reset();
        incidents.reset();
        store.reset();
    }

    std::unique_ptr<core::Store> store;
    std::unique_ptr<IncidentStore> incidents;
    std::unique_ptr<SilenceSync> sync;
    std::unique_ptr<IncidentOps> ops;
};

Caller operatorCaller(const std::string &who)
{
    Caller c;
    c.actor = "users/" + who;
    c.roles = {"operator"};
    c.action = "/ops.platform.v1.IncidentService/Test";
    c.peer = "ipv4:127.0.0.1:1";
    return c;
}

// The mirror's write of one silence (what SilenceSync does for an Alertmanager's answer).
Status mirrorSilence(IncidentStore &store, const std::string &id, const std::string &comment)
{
    return store.mutate(nullptr, {}, {}, [&](Tx &tx) {
        pb::Silence s;
        s.set_name(silenceName("eu-west", id));
        s.set_alertmanager("alertmanagers/eu-west");
        s.set_id(id);
        pb::SilenceMatcher *m = s.add_matchers();
        m->set_name("alertname");
        m->set_value("HighLatency");
        m->set_is_equal(true);
        *s.mutable_starts_at() = fromMs(nowMs() - 1000);
        *s.mutable_ends_at() = fromMs(nowMs() + 3600000);
        s.set_state(pb::Silence::ACTIVE);
        s.set_comment(comment);
        s.set_created_by("otto");
        tx.silences[s.name()] = std::move(s);
        return Status::OK;
    });
}

WebhookNotification firing(const std::string &groupKey, const std::string &fingerprint)
{
    WebhookNotification n;
    n.receiver = "platformd";
    n.status = "firing";
    n.groupKey = groupKey;
    n.groupLabels = {{"alertname", "HighLatency"}, {"region", "eu-west-1"}};
    n.commonLabels = n.groupLabels;
    WebhookAlert a;
    a.status = "firing";
    a.labels = {{"alertname", "HighLatency"}, {"region", "eu-west-1"}};
    a.startsAtMs = nowMs() - 60000;
    a.fingerprint = fingerprint;
    n.alerts.push_back(a);
    return n;
}

// What a replica serves: the list (with its revision), every incident with its timeline, every
// silence, as bytes.
QStringList served(IncidentStore &s)
{
    QStringList out;
    pb::ListIncidentsRequest lr;
    lr.set_page_size(1000);
    lr.set_order_by("name");
    pb::ListIncidentsResponse list;
    if (!s.listIncidents(lr, &list).ok())
        return {QStringLiteral("list refused")};
    out << QString::fromStdString(list.ShortDebugString());
    for (const pb::Incident &i : list.incidents()) {
        pb::Incident full;
        if (!s.getIncident(i.name(), &full).ok())
            return {QStringLiteral("get refused")};
        out << QString::fromStdString(full.ShortDebugString());
    }
    pb::ListSilencesRequest sr;
    sr.set_include_expired(true);
    pb::ListSilencesResponse silences;
    if (!s.listSilences(sr, &silences).ok())
        return {QStringLiteral("silences refused")};
    out << QString::fromStdString(silences.ShortDebugString());
    return out;
}

std::int64_t dbRevision(const std::string &uri)
{
    core::PgConnection db(uri);
    return db.queryInt(IncidentStore::kSelectRevision);
}

// One Alertmanager notification (payload version 4) for group `groupKey`, one firing alert.
QByteArray webhookBody(const QString &groupKey, const QString &fingerprint)
{
    const QJsonObject labels{{"alertname", "ReplicaAlert"}, {"alert", fingerprint}};
    const QJsonObject alert{{"status", "firing"},
                            {"labels", labels},
                            {"annotations", QJsonObject{}},
                            {"startsAt", "2026-11-29T02:39:07.547Z"},
                            {"endsAt", "0001-01-01T00:00:00Z"},
                            {"generatorURL", "http://prom"},
                            {"fingerprint", fingerprint}};
    const QJsonObject body{{"version", "4"},
                           {"groupKey", groupKey},
                           {"truncatedAlerts", 0},
                           {"status", "firing"},
                           {"receiver", "platformd"},
                           {"groupLabels", QJsonObject{{"alertname", "ReplicaAlert"}}},
                           {"commonLabels", QJsonObject{{"alertname", "ReplicaAlert"}}},
                           {"commonAnnotations", QJsonObject{{"summary", "Seen by both"}}},
                           {"externalURL", "http://am"},
                           {"alerts", QJsonArray{alert}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

RawHttpAnswer postWebhook(const QString &endpoint, const QByteArray &token, const QByteArray &body)
{
    const int port = QUrl(endpoint).port();
    const QByteArray request = "POST /webhooks/alertmanager/am1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Content-Type: application/json\r\nConnection: close\r\n"
                               "Authorization: Bearer " +
                               token + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                               "\r\n\r\n" + body;
    return rawHttp(port, request);
}

} // namespace

class TestPgIncidents : public QObject
{
    Q_OBJECT

private:
    std::string freshDatabase(const std::string &name) { return freshPgDatabase(m_cluster, name); }

    PgCluster m_cluster;

private slots:
    void initTestCase();
    void twoReplicasInterleave();
    void sameAlertAtBothOpensOne();
    void seedingTogetherSeedsOnce();
    void missedHistoryReloads();
    void alertmanagerStateShared();
    void readsSeeOtherReplicasWrites();
    void compactionAcrossReplicas();
    void webhookAtOneReplicaReachesTheOther();
};

void TestPgIncidents::initTestCase()
{
    QVERIFY2(m_cluster.start(), qPrintable(m_cluster.errorString()));
}

void TestPgIncidents::twoReplicasInterleave()
{
    const std::string uri = freshDatabase("inc_interleave");
    Replica a(uri), b(uri);
    QVERIFY(a.store->shared());

    // B's feed as a watcher reads it: every revision after 0, live.
    constexpr int kRounds = 15;
    std::atomic<bool> stop{false}, watched{false};
    std::atomic<std::int64_t> expected{-1};
    QList<qint64> seen;
    QString feedProblem;
    std::thread watcher([&] {
        std::int64_t after = 0;
        while (!stop) {
            const std::int64_t target = expected.load();
            if (target >= 0 && after >= target)
                break;
            std::vector<core::FeedEntry> entries;
            const auto take =
                b.incidents->feed().wait(after, std::chrono::milliseconds(200), 256, &entries);
            if (take == core::Feed::Take::Behind) {
                feedProblem = QStringLiteral("behind after %1").arg(after);
                break;
            }
            for (const core::FeedEntry &e : entries) {
                pb::IncidentChangeBatch batch;
                if (!batch.ParseFromString(e.as<std::string>()) || batch.revision() != e.revision)
                    feedProblem = QStringLiteral("revision %1: not its batch").arg(e.revision);
                seen << e.revision;
                after = e.revision;
            }
        }
        watched = true;
    });
    struct Join
    {
        std::atomic<bool> &stop;
        std::thread &thread;
        ~Join()
        {
            stop = true;
            thread.join();
        }
    } join{stop, watcher};

    // Two threads, each declaring on its replica, acknowledging through the other (which must
    // know the incident the first just declared), resolving on its own, and mirroring a silence.
    QStringList errors[2];
    auto rounds = [&](int t, Replica &mine, Replica &other, const Caller &c) {
        for (int k = 0; k < kRounds; ++k) {
            pb::CreateIncidentRequest cr;
            cr.mutable_incident()->set_title("replica " + std::to_string(t) + " round " +
                                             std::to_string(k));
            cr.mutable_incident()->set_severity(pb::SEV3);
            pb::Incident i;
            Status s = mine.ops->create(c, cr, &i);
            if (!s.ok()) {
                errors[t] << QString::fromStdString("create: " + s.error_message());
                continue;
            }
            pb::AcknowledgeIncidentRequest ar;
            ar.set_name(i.name());
            ar.set_comment("on it");
            s = other.ops->acknowledge(c, ar, &i);
            if (!s.ok())
                errors[t] << QString::fromStdString("ack " + i.name() + ": " + s.error_message());
            pb::TransitionIncidentRequest rr;
            rr.set_name(i.name());
            s = mine.ops->transition(c, rr, pb::RESOLVED, &i);
            if (!s.ok())
                errors[t] << QString::fromStdString("resolve " + i.name() + ": " +
                                                    s.error_message());
            s = mirrorSilence(*mine.incidents, std::to_string(t) + "-" + std::to_string(k),
                              "round " + std::to_string(k));
            if (!s.ok())
                errors[t] << QString::fromStdString("silence: " + s.error_message());
        }
    };
    std::barrier start(2);
    auto writer = [&](int t) {
        start.arrive_and_wait();
        try {
            rounds(t, t == 0 ? a : b, t == 0 ? b : a, operatorCaller(t == 0 ? "otto" : "rita"));
        } catch (const std::exception &e) {
            errors[t] << QString::fromUtf8(e.what()); // e.g. a revision or key taken twice
        }
    };
    std::thread w0(writer, 0), w1(writer, 1);
    w0.join();
    w1.join();
    QCOMPARE(errors[0], QStringList());
    QCOMPARE(errors[1], QStringList());

    // 2 threads x rounds x (declare, acknowledge, resolve, silence): dense, no revision twice.
    const std::int64_t final = dbRevision(uri);
    QCOMPARE(final, std::int64_t(2 * kRounds * 4));
    expected = final;
    QTRY_COMPARE_WITH_TIMEOUT(a.incidents->currentRevision(), final, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), final, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(watched.load(), kWait);
    QCOMPARE(feedProblem, QString());
    QList<qint64> all;
    for (qint64 r = 1; r <= final; ++r)
        all << r;
    QCOMPARE(seen, all);
    // What B published is what the committing replica wrote to the log, byte for byte.
    std::vector<core::FeedEntry> published;
    QCOMPARE(b.incidents->feed().take(0, 10000, &published), core::Feed::Take::Entries);
    const auto history = b.incidents->readChanges(0, 10000);
    QCOMPARE(published.size(), history.size());
    for (size_t k = 0; k < history.size(); ++k) {
        QCOMPARE(published[k].revision, history[k].first);
        QVERIFY(published[k].as<std::string>() == history[k].second);
    }

    // Both serve the same, and so does a replica opened now from the tables.
    const QStringList fromA = served(*a.incidents);
    QCOMPARE(fromA.size(), 2 + 2 * kRounds);
    QVERIFY(fromA[1].contains(QStringLiteral("on it")));
    QVERIFY(fromA.last().contains(QStringLiteral("round 14")));
    QCOMPARE(served(*b.incidents), fromA);
    Replica c(uri);
    QCOMPARE(served(*c.incidents), fromA);
    // Every incident went TRIGGERED -> ACKNOWLEDGED -> RESOLVED, numbered 1..2 x rounds.
    for (const pb::Incident &i : a.incidents->incidents()) {
        QCOMPARE(i.state(), pb::RESOLVED);
        QCOMPARE(i.timeline_size(), 3);
    }
    QCOMPARE(a.incidents->incidents().back().number(), std::int64_t(2 * kRounds));
}

void TestPgIncidents::sameAlertAtBothOpensOne()
{
    const std::string uri = freshDatabase("inc_dedup");
    Replica a(uri), b(uri);
    Caller am;
    am.actor = "alertmanagers/eu-west";
    am.action = "webhook:POST /webhooks/alertmanager/eu-west";
    am.peer = "ipv4:127.0.0.1:2";
    am.system = true;
    std::string summary;
    QVERIFY(a.ops->ingest(am, "eu-west", firing("{}:{alertname=\"HighLatency\"}", "aa01"), &summary)
                .ok());
    // B has not necessarily heard of it yet: its write catches up under the lock first.
    QVERIFY(b.ops->ingest(am, "eu-west", firing("{}:{alertname=\"HighLatency\"}", "aa02"), &summary)
                .ok());
    QTRY_COMPARE_WITH_TIMEOUT(a.incidents->currentRevision(), dbRevision(uri), kWait);
    for (Replica *r : {&a, &b}) {
        const std::vector<pb::Incident> open = r->incidents->incidents();
        QCOMPARE(open.size(), size_t(1));
        QCOMPARE(open[0].state(), pb::TRIGGERED);
        QCOMPARE(open[0].alerts_size(), 2); // both alerts, on the one incident
    }
    QCOMPARE(served(*b.incidents), served(*a.incidents));
    // A second group is a second incident, numbered after the first by whichever replica.
    QVERIFY(
        b.ops->ingest(am, "eu-west", firing("{}:{alertname=\"Other\"}", "bb01"), &summary).ok());
    QVERIFY(
        a.ops->ingest(am, "eu-west", firing("{}:{alertname=\"Third\"}", "cc01"), &summary).ok());
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), dbRevision(uri), kWait);
    QCOMPARE(b.incidents->incidents().size(), size_t(3));
    QCOMPARE(b.incidents->incidents().back().number(), std::int64_t(3));
    QCOMPARE(served(*b.incidents), served(*a.incidents));
}

void TestPgIncidents::seedingTogetherSeedsOnce()
{
    const std::string uri = freshDatabase("inc_seed");
    Replica a(uri), b(uri);
    QVERIFY(a.incidents->empty());
    QVERIFY(b.incidents->empty());
    // Both started empty with the demo on: both seed, at once.
    std::barrier start(2);
    QString errors[2];
    auto seed = [&](int t) {
        start.arrive_and_wait();
        try {
            seedIncidentDemo(*(t == 0 ? a : b).incidents, 7);
        } catch (const std::exception &e) {
            errors[t] = QString::fromUtf8(e.what());
        }
    };
    std::thread sa(seed, 0), sb(seed, 1);
    sa.join();
    sb.join();
    QCOMPARE(errors[0], QString());
    QCOMPARE(errors[1], QString());
    QCOMPARE(dbRevision(uri),
             std::int64_t(1)); // one seed transaction; the other found it and left it
    QTRY_COMPARE_WITH_TIMEOUT(a.incidents->currentRevision(), std::int64_t(1), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), std::int64_t(1), kWait);
    QVERIFY(a.incidents->incidents().size() > 10);
    pb::ListRunbooksResponse runbooks;
    b.incidents->listRunbooks(&runbooks);
    QVERIFY(runbooks.runbooks_size() > 0);
    QCOMPARE(served(*b.incidents), served(*a.incidents));
    Replica c(uri);
    QCOMPARE(served(*c.incidents), served(*a.incidents));
}

void TestPgIncidents::missedHistoryReloads()
{
    const std::string uri = freshDatabase("inc_gap");
    Replica a(uri), b(uri);
    const Caller c = operatorCaller("otto");
    pb::CreateIncidentRequest cr;
    cr.mutable_incident()->set_title("before");
    cr.mutable_incident()->set_severity(pb::SEV2);
    pb::Incident i;
    QVERIFY(a.ops->create(c, cr, &i).ok());
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), std::int64_t(1), kWait);
    // Another replica's commit whose history is gone before anyone read it (it compacted the
    // log in the same transaction): B has no batch to apply for revision 2.
    {
        core::PgConnection db(uri);
        core::Transaction tx(db, core::Transaction::Mode::Write);
        pb::Incident row = i;
        row.clear_timeline();
        row.clear_alerts();
        row.set_title("changed where the log does not say");
        row.set_revision(2);
        db.prepare("UPDATE incidents SET revision = 2, data = ?1 WHERE number = 1")
            .bindBlob(1, row.SerializeAsString())
            .step();
        db.exec("UPDATE incidents_meta SET value = 2 WHERE key = 'revision'");
        db.exec("DELETE FROM incident_changes");
        db.exec("UPDATE incidents_meta SET value = 2 WHERE key = 'compacted_through'");
        tx.commit();
    }
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), std::int64_t(2), kWait);
    pb::Incident got;
    QVERIFY(b.incidents->getIncident("incidents/1", &got).ok());
    QCOMPARE(got.title(), "changed where the log does not say");
    QCOMPARE(got.timeline_size(), 1);
    // Watchers behind the gap are out of range (they list again), not silently skipped.
    QCOMPARE(b.incidents->oldestRetainedRevision(), std::int64_t(3));
    // And the replica goes on: A's next commit (A missed revision 2 too) reaches B's feed.
    pb::AcknowledgeIncidentRequest ar;
    ar.set_name("incidents/1");
    QVERIFY(a.ops->acknowledge(c, ar, &got).ok());
    QCOMPARE(got.title(), "changed where the log does not say");
    QCOMPARE(got.timeline_size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), std::int64_t(3), kWait);
    std::vector<core::FeedEntry> entries;
    QCOMPARE(b.incidents->feed().take(2, 10, &entries), core::Feed::Take::Entries);
    QCOMPARE(entries.size(), size_t(1));
    QCOMPARE(entries[0].revision, std::int64_t(3));
    QCOMPARE(served(*b.incidents), served(*a.incidents));
    // A revision committed without its history row (not compacted: a hole): B reloads, and
    // watchers behind the hole are out of range, not passed over it.
    {
        core::PgConnection db(uri);
        core::Transaction tx(db, core::Transaction::Mode::Write);
        pb::Incident row = got;
        row.clear_timeline();
        row.clear_alerts();
        row.set_title("changed without history");
        row.set_revision(4);
        db.prepare("UPDATE incidents SET revision = 4, data = ?1 WHERE number = 1")
            .bindBlob(1, row.SerializeAsString())
            .step();
        db.exec("UPDATE incidents_meta SET value = 4 WHERE key = 'revision'");
        tx.commit();
    }
    cr.mutable_incident()->set_title("after the hole");
    QVERIFY(a.ops->create(c, cr, &i).ok());
    QCOMPARE(i.number(), std::int64_t(2));
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), std::int64_t(5), kWait);
    QCOMPARE(b.incidents->oldestRetainedRevision(), std::int64_t(5));
    QVERIFY(b.incidents->getIncident("incidents/1", &got).ok());
    QCOMPARE(got.title(), "changed without history");
    QCOMPARE(served(*b.incidents), served(*a.incidents));
}

void TestPgIncidents::alertmanagerStateShared()
{
    const std::string uri = freshDatabase("inc_am");
    Replica a(uri), b(uri);
    auto stateOf = [](Replica &r) {
        pb::ListAlertmanagersResponse out;
        r.incidents->listAlertmanagers(&out);
        return out.alertmanagers_size() == 1 ? out.alertmanagers(0) : pb::Alertmanager();
    };
    // A's sync finds its Alertmanager unreachable (nothing listens on port 9): B shows it too.
    std::string error;
    QVERIFY(!a.sync->syncOnce("eu-west", &error));
    QVERIFY(!error.empty());
    QCOMPARE(stateOf(a).last_error(), error);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(b).last_error(), error, kWait);
    QVERIFY(!stateOf(b).reachable());
    // A webhook taken by A: its time reaches B.
    const std::int64_t t = nowMs();
    a.incidents->noteWebhook("eu-west", t);
    QTRY_COMPARE_WITH_TIMEOUT(toMs(stateOf(b).last_webhook_time()), t, kWait);
    // B noting an older one (a slow delivery) does not move its view back.
    b.incidents->noteWebhook("eu-west", t - 5000);
    QCOMPARE(toMs(stateOf(b).last_webhook_time()), t);
    // Another replica's newer webhook in the row, which B has not read yet: B's next observation
    // (reachable now) is merged with the row under its lock, keeping that time.
    core::PgConnection db(uri);
    auto readRow = [&db] {
        pb::Alertmanager stored;
        core::Stmt &row = db.prepare("SELECT data FROM alertmanagers WHERE name = 'eu-west'");
        if (row.step()) {
            const std::string_view data = row.blob(0);
            if (!stored.ParseFromArray(data.data(), int(data.size())))
                stored.set_name("unreadable");
        }
        row.reset();
        return stored;
    };
    pb::Alertmanager newer = readRow();
    QCOMPARE(newer.name(), "alertmanagers/eu-west");
    *newer.mutable_last_webhook_time() = fromMs(t + 10000);
    db.prepare("UPDATE alertmanagers SET data = ?1 WHERE name = 'eu-west'")
        .bindBlob(1, newer.SerializeAsString())
        .step();
    b.incidents->noteSync("eu-west", true, {});
    const pb::Alertmanager stored = readRow();
    QCOMPARE(toMs(stored.last_webhook_time()), t + 10000);
    QVERIFY(stored.reachable());
    QCOMPARE(stored.last_error(), "");
    QVERIFY(toMs(stored.last_sync_time()) >= t);
    // And A takes B's observation.
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(a).reachable(), kWait);
    QCOMPARE(stateOf(a).last_error(), "");
    QCOMPARE(toMs(stateOf(a).last_webhook_time()), t + 10000);
}

void TestPgIncidents::readsSeeOtherReplicasWrites()
{
    const std::string uri = freshDatabase("inc_reads");
    Replica a(uri), b(uri);
    const Caller c = operatorCaller("otto");
    // A client's calls go round the replicas: written through A, read at once through B (what
    // IncidentService's reads do first), without waiting for B's wake-up.
    for (int k = 0; k < 5; ++k) {
        pb::CreateIncidentRequest cr;
        cr.mutable_incident()->set_title("read back " + std::to_string(k));
        cr.mutable_incident()->set_severity(pb::SEV4);
        pb::Incident created;
        QVERIFY(a.ops->create(c, cr, &created).ok());
        b.incidents->freshen();
        QCOMPARE(b.incidents->currentRevision(), created.revision());
        pb::Incident got;
        QVERIFY(b.incidents->getIncident(created.name(), &got).ok());
        QCOMPARE(got.ShortDebugString(), created.ShortDebugString());
    }
    // Nothing new: a look at the revision row, nothing published.
    const std::int64_t before = b.incidents->feed().latest();
    b.incidents->freshen();
    QCOMPARE(b.incidents->feed().latest(), before);
    QCOMPARE(before, std::int64_t(5));
}

void TestPgIncidents::compactionAcrossReplicas()
{
    const std::string uri = freshDatabase("inc_compact");
    // History beyond 10 revisions goes, a thousand at a time: past 1,010 revisions each replica
    // compacts after its next write, both at about the same time.
    Replica a(uri, 10), b(uri, 10);
    constexpr int kWrites = 520; // per replica
    QString errors[2];
    auto writer = [&](int t) {
        Replica &mine = t == 0 ? a : b;
        try {
            for (int k = 0; k < kWrites; ++k) {
                const Status s = mirrorSilence(*mine.incidents, "c" + std::to_string(k % 3),
                                               std::to_string(t) + "/" + std::to_string(k));
                if (!s.ok())
                    throw std::runtime_error(s.error_message());
            }
        } catch (const std::exception &e) {
            errors[t] = QString::fromUtf8(e.what());
        }
    };
    std::thread w0(writer, 0), w1(writer, 1);
    w0.join();
    w1.join();
    QCOMPARE(errors[0], QString());
    QCOMPARE(errors[1], QString());
    core::PgConnection db(uri);
    const std::int64_t revision = db.queryInt(IncidentStore::kSelectRevision);
    QCOMPARE(revision, std::int64_t(2 * kWrites));
    const std::int64_t through =
        db.queryInt("SELECT value FROM incidents_meta WHERE key = 'compacted_through'");
    QVERIFY2(through >= 1000 - 10, std::to_string(through).c_str());
    // What the row says is gone is gone, and everything after it is there, each revision once.
    QCOMPARE(db.queryInt("SELECT count(*) FROM incident_changes"), revision - through);
    QCOMPARE(db.queryInt("SELECT min(revision) FROM incident_changes"), through + 1);
    QCOMPARE(db.queryInt("SELECT count(DISTINCT revision) FROM incident_changes"),
             revision - through);
    // Both replicas say so to their watchers.
    QTRY_COMPARE_WITH_TIMEOUT(a.incidents->currentRevision(), revision, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(b.incidents->currentRevision(), revision, kWait);
    QVERIFY(a.incidents->oldestRetainedRevision() <= through + 1);
    QVERIFY(b.incidents->oldestRetainedRevision() <= through + 1);
    QVERIFY(std::max(a.incidents->oldestRetainedRevision(),
                     b.incidents->oldestRetainedRevision()) == through + 1);
    QCOMPARE(served(*b.incidents), served(*a.incidents));
}

void TestPgIncidents::webhookAtOneReplicaReachesTheOther()
{
    const QString uri = QString::fromStdString(freshDatabase("inc_platformd"));
    QTemporaryDir dir;
    const QByteArray token = "replica-webhook-token-0123456789";
    const QString tokenFile = dir.filePath(QStringLiteral("webhook.token"));
    QFile file(tokenFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(token);
    file.close();
    // Two platformd on one store, both taking am1's webhooks.
    const QStringList args{QStringLiteral("--store"),
                           uri,
                           QStringLiteral("--alertmanager"),
                           QStringLiteral("am1=http://127.0.0.1:1"),
                           QStringLiteral("--webhook-listen"),
                           QStringLiteral("127.0.0.1:0"),
                           QStringLiteral("--webhook-token-file"),
                           tokenFile};
    IncidentClient a, b;
    QVERIFY2(a.start(args), qPrintable(a.platformd.errorString()));
    QVERIFY2(b.start(args), qPrintable(b.platformd.errorString()));
    b.admin = a.admin; // one store: the admin a created
    pb::ListIncidentsRequest lr;
    pb::ListIncidentsResponse list;
    QVERIFY_OK(b.stub->ListIncidents(b.ctx(b.admin).get(), lr, &list));
    QCOMPARE(list.incidents_size(), 0);
    const std::int64_t start = list.revision();
    // A watch on B from there.
    auto watchContext = b.ctx(b.admin);
    pb::WatchIncidentsRequest w;
    w.set_after_revision(start);
    auto reader = b.stub->WatchIncidents(watchContext.get(), w);

    // The group's first notification reaches A, the next (another alert) B: one incident.
    const QString group = QStringLiteral("{}:{alertname=\"ReplicaAlert\"}");
    RawHttpAnswer answer = postWebhook(a.platformd.endpoint(QStringLiteral("webhook")), token,
                                       webhookBody(group, QStringLiteral("00000000000000a1")));
    QVERIFY2(answer.status == 200, answer.body.constData());
    // Read through B at once: B's reads look at the store first.
    std::vector<pb::Incident> seen = b.all();
    QCOMPARE(seen.size(), size_t(1));
    QCOMPARE(seen[0].title(), "Seen by both");
    answer = postWebhook(b.platformd.endpoint(QStringLiteral("webhook")), token,
                         webhookBody(group, QStringLiteral("00000000000000b2")));
    QVERIFY2(answer.status == 200, answer.body.constData());
    for (IncidentClient *client : {&a, &b}) {
        seen = client->all();
        QCOMPARE(seen.size(), size_t(1));
        QCOMPARE(seen[0].alerts_size(), 2);
    }
    // B's watch: both commits, in order, once (A's, then its own).
    QList<qint64> revisions;
    pb::WatchIncidentsResponse msg;
    while (revisions.size() < 2 && reader->Read(&msg)) {
        if (!msg.has_changes())
            continue;
        revisions << msg.changes().revision();
        QCOMPARE(msg.changes().events_size(), 1);
        QCOMPARE(msg.changes().events(0).name(), seen[0].name());
        QCOMPARE(msg.changes().events(0).incident().alerts_size(), int(revisions.size()));
    }
    watchContext->TryCancel();
    reader->Finish();
    QCOMPARE(revisions, (QList<qint64>{start + 1, start + 2}));
    // A's webhook time reaches B's ListAlertmanagers.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            pb::ListAlertmanagersResponse ams;
            return b.stub->ListAlertmanagers(b.ctx(b.admin).get(), {}, &ams).ok() &&
                   ams.alertmanagers_size() == 1 && ams.alertmanagers(0).has_last_webhook_time();
        }(),
        kWait);
    QCOMPARE(a.platformd.terminate(), 0);
    QCOMPARE(b.platformd.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestPgIncidents)
#include "tst_pgincidents.moc"
