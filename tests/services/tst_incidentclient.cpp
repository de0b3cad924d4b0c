#include "models/incidenttablemodel.h"
#include "services/connection.h"
#include "services/incidentclient.h"

#include "callanswer.h"
#include "consolefixture.h"
#include "platformdprocess.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace ops;

namespace {

template<typename T>
using Answer = CallAnswer<T, IncidentError>;

QString addUser(const QString &dir, const QString &user, const QString &role)
{
    if (PlatformdProcess::runCli({QStringLiteral("user"), QStringLiteral("add"), user,
                                  QStringLiteral("--role"), role, QStringLiteral("--data-dir"),
                                  dir})
            .isEmpty())
        return {};
    return QString::fromUtf8(
               PlatformdProcess::runCli({QStringLiteral("token"), QStringLiteral("create"), user,
                                         QStringLiteral("--data-dir"), dir}))
        .trimmed();
}

// The console's side of the stream: the client feeding the queue model as the panel does.
struct Follower : ConsoleFixture
{
    IncidentClient client{&connection};
    IncidentTableModel queue;
    int snapshots = 0;

    Follower()
    {
        QObject::connect(&client, &IncidentClient::snapshotReceived, &queue,
                         [this](const IncidentSnapshot &s) {
                             ++snapshots;
                             queue.setIncidents(s.incidents, s.revision);
                         });
        QObject::connect(&client, &IncidentClient::changesReceived, &queue,
                         [this](const QList<IncidentChangeBatch> &b) { queue.applyChanges(b); });
    }
    void open(const QString &address, const QString &token)
    {
        connectTo(address, token);
        client.start();
    }
    IncidentState stateOf(const QString &name) const
    {
        const Incident *i = queue.find(name);
        return i ? i->state : IncidentState::Unspecified;
    }
};

Incident draft(const QString &title, IncidentSeverity severity)
{
    Incident d;
    d.title = title;
    d.summary = QStringLiteral("Declared by tst_incidentclient");
    d.severity = severity;
    d.regions = {QStringLiteral("regions/eu-west")};
    return d;
}

} // namespace

class tst_IncidentClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                  QStringLiteral("7")};
        QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
        m_admin = m_platformd.adminToken();
        QVERIFY2(!m_admin.isEmpty(), "platformd writes admin.token at first start");
        // Users are added while platformd is stopped (the CLI refuses a data dir in use).
        QCOMPARE(m_platformd.terminate(), 0);
        m_viewer = addUser(m_platformd.dataDir(), QStringLiteral("vic"), QStringLiteral("viewer"));
        QVERIFY(m_viewer.startsWith(QLatin1String("opt_")));
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
    }

    // Everything is listed, then the stream delivers what happens after the listing.
    void listsThenFollowsLive()
    {
        Follower f;
        QSignalSpy snapshot(&f.client, &IncidentClient::snapshotReceived);
        f.open(m_platformd.address(), m_admin);
        QVERIFY(snapshot.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(f.client.streamState(), IncidentClient::StreamState::Streaming,
                                  15000);
        const auto listed = snapshot.first().first().value<IncidentSnapshot>();
        QVERIFY(listed.revision > 0);
        QCOMPARE(f.queue.rowCount(), listed.incidents.size());

        // Declared elsewhere (another console), seen here live.
        Follower other;
        other.connectTo(m_platformd.address(), m_admin);
        Answer<Incident> created;
        other.client.createIncident(
            draft(QStringLiteral("Checkout errors"), IncidentSeverity::Sev2), created.callback());
        QVERIFY(created.wait());
        QVERIFY2(!created.error.isError(), qPrintable(created.error.text));
        const Incident &made = *created.result;
        QVERIFY(made.number > 0);
        QCOMPARE(made.name, QStringLiteral("incidents/%1").arg(made.number));
        QCOMPARE(made.state, IncidentState::Triggered);
        QCOMPARE(made.severity, IncidentSeverity::Sev2);
        QTRY_VERIFY_WITH_TIMEOUT(f.queue.find(made.name) != nullptr, 10000);
        QCOMPARE(f.queue.find(made.name)->title, QStringLiteral("Checkout errors"));
        QVERIFY(f.client.lastRevision() >= made.revision);
    }

    // The lifecycle through the client, each answer the incident as platformd holds it; refused
    // steps come back with their gRPC code and platformd's message.
    void lifecycleAndErrors()
    {
        Follower f;
        f.open(m_platformd.address(), m_admin);
        QTRY_COMPARE_WITH_TIMEOUT(f.client.streamState(), IncidentClient::StreamState::Streaming,
                                  20000);
        Answer<Incident> created;
        f.client.createIncident(draft(QStringLiteral("Queue backlog"), IncidentSeverity::Sev3),
                                created.callback());
        QVERIFY(created.wait());
        QVERIFY2(!created.error.isError(), qPrintable(created.error.text));
        const QString name = created.result->name;

        Answer<Incident> ack;
        f.client.acknowledge(name, QStringLiteral("on it"), 0, ack.callback());
        QVERIFY(ack.wait());
        QVERIFY2(!ack.error.isError(), qPrintable(ack.error.text));
        QCOMPARE(ack.result->state, IncidentState::Acknowledged);
        QVERIFY(ack.result->acknowledgeTime.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(f.stateOf(name), IncidentState::Acknowledged, 10000);

        Answer<Incident> again;
        f.client.acknowledge(name, {}, 0, again.callback());
        QVERIFY(again.wait());
        QCOMPARE(again.error.code, 9); // FAILED_PRECONDITION
        QVERIFY(!again.error.message.isEmpty());
        QVERIFY2(again.error.text.contains(name), qPrintable(again.error.text));

        Answer<Incident> assigned;
        f.client.assign(name, QStringLiteral("users/admin"), assigned.callback());
        QVERIFY(assigned.wait());
        QVERIFY2(!assigned.error.isError(), qPrintable(assigned.error.text));
        QCOMPARE(assigned.result->assignee, QStringLiteral("users/admin"));

        Answer<Incident> note;
        f.client.addNote(name, QStringLiteral("Restarted the **consumer**."), note.callback());
        QVERIFY(note.wait());
        QVERIFY2(!note.error.isError(), qPrintable(note.error.text));

        Answer<Incident> mitigated, resolved;
        f.client.mitigate(name, QStringLiteral("drained"), mitigated.callback());
        QVERIFY(mitigated.wait());
        QVERIFY2(!mitigated.error.isError(), qPrintable(mitigated.error.text));
        f.client.resolve(name, {}, resolved.callback());
        QVERIFY(resolved.wait());
        QVERIFY2(!resolved.error.isError(), qPrintable(resolved.error.text));
        QCOMPARE(resolved.result->state, IncidentState::Resolved);

        // Closing needs a postmortem summary.
        Answer<Incident> early;
        f.client.close(name, {}, early.callback());
        QVERIFY(early.wait());
        QCOMPARE(early.error.code, 9); // FAILED_PRECONDITION
        Postmortem pm;
        pm.summary = QStringLiteral("The consumer stalled.");
        FollowUp fu;
        fu.title = QStringLiteral("Alert on consumer lag");
        fu.owner = QStringLiteral("users/admin");
        fu.dueTime = QDateTime::currentDateTimeUtc().addDays(7);
        pm.followUps = {fu};
        Answer<Incident> written;
        f.client.updatePostmortem(name, pm, written.callback());
        QVERIFY(written.wait());
        QVERIFY2(!written.error.isError(), qPrintable(written.error.text));
        QCOMPARE(written.result->postmortem.followUps.size(), 1);
        Answer<Incident> closed;
        f.client.close(name, {}, closed.callback());
        QVERIFY(closed.wait());
        QVERIFY2(!closed.error.isError(), qPrintable(closed.error.text));
        QCOMPARE(closed.result->state, IncidentState::Closed);
        QTRY_COMPARE_WITH_TIMEOUT(f.stateOf(name), IncidentState::Closed, 10000);

        // The whole incident: the timeline holds the note and the state changes in order.
        Answer<Incident> full;
        f.client.getIncident(name, full.callback());
        QVERIFY(full.wait());
        QVERIFY2(!full.error.isError(), qPrintable(full.error.text));
        QCOMPARE(full.result->timeline.size(), full.result->timelineLength);
        bool sawNote = false;
        qint64 seq = 0;
        for (const TimelineEntry &e : full.result->timeline) {
            QVERIFY(e.seq > seq);
            seq = e.seq;
            sawNote |= e.kind == TimelineKind::Note && e.text.contains(QLatin1String("consumer"));
        }
        QVERIFY(sawNote);

        Answer<Incident> missing;
        f.client.getIncident(QStringLiteral("incidents/999999"), missing.callback());
        QVERIFY(missing.wait());
        QCOMPARE(missing.error.code, 5); // NOT_FOUND
    }

    // A viewer reads but may not change anything: PERMISSION_DENIED, with platformd's message.
    void viewerIsRefused()
    {
        const QString token = m_viewer;
        Follower f;
        QSignalSpy snapshot(&f.client, &IncidentClient::snapshotReceived);
        f.open(m_platformd.address(), token);
        QVERIFY(snapshot.wait(20000));
        Answer<Incident> created;
        f.client.createIncident(draft(QStringLiteral("nope"), IncidentSeverity::Sev4),
                                created.callback());
        QVERIFY(created.wait());
        QCOMPARE(created.error.code, 7); // PERMISSION_DENIED
        QVERIFY(!created.error.text.isEmpty());
    }

    void analytics()
    {
        Follower f;
        f.connectTo(m_platformd.address(), m_admin);
        Answer<Incident> created;
        f.client.createIncident(draft(QStringLiteral("Counted"), IncidentSeverity::Sev1),
                                created.callback());
        QVERIFY(created.wait());
        QVERIFY2(!created.error.isError(), qPrintable(created.error.text));
        Answer<IncidentAnalytics> a;
        const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(60);
        f.client.getAnalytics(end.addDays(-1), end, 3600, a.callback());
        QVERIFY(a.wait());
        QVERIFY2(!a.error.isError(), qPrintable(a.error.text));
        QVERIFY(a.result->triggered >= 1); // at least the one declared here
        QCOMPARE(a.result->buckets.size(), 24);
        int bySeverity = 0;
        for (const IncidentCount &c : a.result->bySeverity)
            bySeverity += c.count;
        QCOMPARE(bySeverity, a.result->triggered);
    }

    // Without a connection every call answers at once with UNAVAILABLE, in words.
    void notConnected()
    {
        Connection connection;
        IncidentClient client(&connection);
        Answer<Incident> a;
        client.getIncident(QStringLiteral("incidents/1"), a.callback());
        QVERIFY(a.wait());
        QCOMPARE(a.error.code, 14);
        QVERIFY(a.error.text.contains(QLatin1String("not connected")));
    }

private:
    PlatformdProcess m_platformd;
    QString m_admin;
    QString m_viewer;
};

QTEST_GUILESS_MAIN(tst_IncidentClient)
#include "tst_incidentclient.moc"
