// A profile listing several replicas: the console's channel balances its calls over them (gRPC's
// round_robin) and goes on through the survivors when one is killed, without the connection ever
// showing as lost. The replicas are two real platformd processes started on copies of one store
// (the same users and tokens); each keeps its own SQLite file, so what one writes the other does
// not see. Shared state, and a watch resuming on another replica from its last revision, come with
// issue 15's PostgreSQL backend.

#include "services/complianceclient.h"
#include "services/connection.h"

#include "callanswer.h"
#include "consolefixture.h"
#include "platformdprocess.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ops;

namespace {

template<typename T>
using Answer = CallAnswer<T, ComplianceError>;

} // namespace

class tst_Replicas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void endpointTargets();
    void balancesAndSurvivesAReplica();

private:
    // A privacy request written through the console's client on connection; true when it landed.
    bool write(Connection *connection, const QString &subject)
    {
        ComplianceClient client(connection);
        NewPrivacyRequest request;
        request.kind = PrivacyRequestKind::Access;
        request.regime = PrivacyRegime::Gdpr;
        request.subject = subject;
        Answer<PrivacyRequest> a;
        client.createPrivacyRequest(request, a.callback());
        return a.wait() && !a.error.isError() && a.result;
    }
    // How many privacy requests replica holds (asked of it alone); -1 when the call failed.
    int countOn(const PlatformdProcess &replica)
    {
        ConsoleFixture direct;
        direct.connectTo(replica.address(), m_token);
        ComplianceClient client(&direct.connection);
        Answer<QList<PrivacyRequest>> a;
        client.listPrivacyRequests({}, a.callback());
        return a.wait() && !a.error.isError() && a.result ? int(a.result->size()) : -1;
    }

    PlatformdProcess m_a, m_b;
    QTemporaryDir m_copy;
    QString m_token;
};

void tst_Replicas::initTestCase()
{
    QVERIFY2(m_a.start(), qPrintable(m_a.errorString()));
    QCOMPARE(m_a.terminate(), 0);
    QVERIFY(m_a.copyDataDirTo(m_copy.path()));
    QVERIFY2(m_a.start({}, m_a.dataDir()), qPrintable(m_a.errorString()));
    QVERIFY2(m_b.start({}, m_copy.path()), qPrintable(m_b.errorString()));
    m_token = m_a.adminToken();
    QVERIFY(!m_token.isEmpty());
    QCOMPARE(m_b.adminToken(), m_token);
}

void tst_Replicas::endpointTargets()
{
    QCOMPARE(channelTarget(QStringLiteral("platform.example.com:7443")),
             QStringLiteral("platform.example.com:7443"));
    QCOMPARE(channelTarget(QStringLiteral(" 10.0.0.1:7443 , 10.0.0.2:7443,")),
             QStringLiteral("ipv4:10.0.0.1:7443,10.0.0.2:7443"));
    QCOMPARE(channelTarget(QStringLiteral("[::1]:7443,[fd00::2]:7443")),
             QStringLiteral("ipv6:[::1]:7443,[fd00::2]:7443"));
}

void tst_Replicas::balancesAndSurvivesAReplica()
{
    ConsoleFixture console;
    console.connectTo(m_a.address() + QStringLiteral(", ") + m_b.address(), m_token);
    // Writes go round the replicas: within a few, both have some (one replica would get all of
    // them with gRPC's default pick_first).
    int written = 0;
    int onA = 0, onB = 0;
    while ((onA == 0 || onB == 0) && written < 200) {
        for (int i = 0; i < 10; ++i, ++written)
            QVERIFY(write(&console.connection, QStringLiteral("subject-%1").arg(written)));
        onA = countOn(m_a);
        onB = countOn(m_b);
        QVERIFY(onA >= 0 && onB >= 0);
    }
    QVERIFY2(onA > 0 && onB > 0, qPrintable(QStringLiteral("%1 on A, %2 on B").arg(onA).arg(onB)));
    QCOMPARE(onA + onB, written);

    // Replica A dies: the calls go on through B, and the connection never reads as lost.
    m_a.kill9();
    int landed = 0;
    QTRY_VERIFY_WITH_TIMEOUT(write(&console.connection, QStringLiteral("after-%1").arg(landed++)),
                             20000);
    for (int i = 0; i < 10; ++i)
        QVERIFY(write(&console.connection, QStringLiteral("survivor-%1").arg(i)));
    QCOMPARE(console.connection.state(), Connection::State::Ready);
    // The ones that landed are all on B (attempts refused while A's death was noticed are not).
    const int nowOnB = countOn(m_b);
    QVERIFY2(nowOnB > onB + 10 && nowOnB <= onB + 10 + landed,
             qPrintable(QStringLiteral("%1 on B (was %2)").arg(nowOnB).arg(onB)));
}

QTEST_GUILESS_MAIN(tst_Replicas)
#include "tst_replicas.moc"
