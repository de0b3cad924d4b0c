#include "services/auditclient.h"
#include "services/connection.h"
#include "services/regionclient.h"

#include "consolefixture.h"
#include "platformdprocess.h"

#include <QSignalSpy>
#include <QTest>

using namespace ops;

namespace {

// platformd audits a refused request: one more entry in the log.
void causeDeniedCall(const QString &address)
{
    Connection connection;
    connection.open(testProfile(address, QStringLiteral("not-a-token")));
    RegionClient client(&connection);
    QSignalSpy errors(&client, &RegionClient::errorOccurred);
    client.start();
    QVERIFY(errors.wait(10000));
}

// What the console received, in order.
struct Follower
{
    Connection connection;
    AuditClient client{&connection};
    QList<qint64> seqs;
    int snapshots = 0;

    Follower()
    {
        QObject::connect(&client, &AuditClient::snapshotReceived, &client,
                         [this](const QList<AuditEvent> &events) {
                             ++snapshots;
                             seqs.clear();
                             for (const AuditEvent &e : events)
                                 seqs << e.seq;
                         });
        QObject::connect(&client, &AuditClient::eventsReceived, &client,
                         [this](const QList<AuditEvent> &events) {
                             for (const AuditEvent &e : events)
                                 seqs << e.seq;
                         });
    }
    bool gapFree() const
    {
        for (int i = 0; i < seqs.size(); ++i) {
            if (seqs.at(i) != i + 1)
                return false;
        }
        return true;
    }
};

} // namespace

class tst_AuditClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(m_platformd.start({"--demo", "--seed", "7"}),
                 qPrintable(m_platformd.errorString()));
        QVERIFY2(!m_platformd.adminToken().isEmpty(),
                 "platformd writes admin.token at first start");
    }

    // Listing, then live entries; after a kill -9 and a restart on the same address the stream
    // resumes from the last seq: nothing lost, nothing twice.
    void listWatchAndResumeAfterKill()
    {
        Follower f;
        f.connection.open(testProfile(m_platformd.address(), m_platformd.adminToken()));
        QSignalSpy snapshot(&f.client, &AuditClient::snapshotReceived);
        f.client.start();
        QVERIFY(snapshot.wait(15000));
        QVERIFY(!f.seqs.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(f.client.streamState(), AuditClient::StreamState::Streaming,
                                  10000);

        const qint64 before = f.client.lastSeq();
        causeDeniedCall(m_platformd.address());
        QTRY_VERIFY_WITH_TIMEOUT(f.client.lastSeq() > before, 10000);

        const QString address = m_platformd.address();
        m_platformd.kill9();
        QTRY_COMPARE_WITH_TIMEOUT(f.client.streamState(), AuditClient::StreamState::Reconnecting,
                                  15000);
        QVERIFY2(m_platformd.start({"--demo", "--seed", "7", "--listen", address},
                                   m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(f.client.streamState(), AuditClient::StreamState::Streaming,
                                  20000);
        const qint64 resumedAt = f.client.lastSeq();
        causeDeniedCall(address);
        QTRY_VERIFY_WITH_TIMEOUT(f.client.lastSeq() > resumedAt, 10000);
        QCOMPARE(f.snapshots, 1); // resumed, not listed again
        QVERIFY2(f.gapFree(), "every seq exactly once, in order");
    }

    void serverFilterAndVerify()
    {
        Follower f;
        f.connection.open(testProfile(m_platformd.address(), m_platformd.adminToken()));
        bool called = false;
        QList<AuditEvent> events;
        QString error;
        f.client.listFiltered(QStringLiteral("result = \"UNAUTHENTICATED\""),
                              [&](const QList<AuditEvent> &e, const QString &err) {
                                  events = e;
                                  error = err;
                                  called = true;
                              });
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!events.isEmpty());
        for (const AuditEvent &e : events)
            QCOMPARE(e.result, QStringLiteral("UNAUTHENTICATED"));

        called = false;
        f.client.listFiltered(QStringLiteral("nonsense ==="),
                              [&](const QList<AuditEvent> &e, const QString &err) {
                                  events = e;
                                  error = err;
                                  called = true;
                              });
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
        QVERIFY(!error.isEmpty());
        QVERIFY(events.isEmpty());

        bool verified = false;
        ServerChainVerdict verdict;
        f.client.verifyOnServer([&](const ServerChainVerdict &v, const QString &err) {
            verdict = v;
            error = err;
            verified = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(verified, 15000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(verdict.intact);
        QVERIFY(verdict.entriesChecked > 0);
        QCOMPARE(verdict.headHash.size(), 64);
    }

    void refusedTokenIsNotRetried()
    {
        Follower f;
        QSignalSpy errors(&f.client, &AuditClient::errorOccurred);
        f.connection.open(testProfile(m_platformd.address(), QStringLiteral("wrong")));
        f.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(f.client.streamState(), AuditClient::StreamState::Refused, 10000);
        QCOMPARE(errors.count(), 1);
        QVERIFY(
            errors.first().first().toString().startsWith(QLatin1String("The token was refused")));
    }

private:
    PlatformdProcess m_platformd;
};

QTEST_GUILESS_MAIN(tst_AuditClient)
#include "tst_auditclient.moc"
