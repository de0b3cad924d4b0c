// A profile listing several replicas over TLS. gRPC checks the server certificate against the
// channel target's host, which for an address list is the whole list; the console names one
// instead (the profile's TLS server name, else the first address's host). Two real platformd
// serve one certificate from `platformd init-tls --host localhost --ip 127.0.0.1`, on copies of
// one store (the same users and tokens, each its own SQLite file).

#include "services/complianceclient.h"
#include "services/connection.h"

#include "callanswer.h"
#include "consolefixture.h"
#include "platformdprocess.h"

#include <QDebug>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ops;

namespace {

template<typename T>
using Answer = CallAnswer<T, ComplianceError>;

} // namespace

class tst_TlsReplicas : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void nameOverride_data();
    void nameOverride();
    void balancesOverTls();
    void serverNameTheCertificateLacks();

private:
    ConnectionProfile tlsProfile(const QString &endpoint, const QString &serverName = {}) const
    {
        ConnectionProfile profile = testProfile(endpoint, m_token);
        profile.useTls = true;
        profile.caFile = QDir(m_a.tlsDir()).filePath(QStringLiteral("ca.pem"));
        profile.tlsServerName = serverName;
        return profile;
    }
    QString bothReplicas() const { return m_a.address() + QStringLiteral(", ") + m_b.address(); }
    // A privacy request written through the console's client on connection.
    static ComplianceError write(Connection *connection, const QString &subject)
    {
        ComplianceClient client(connection);
        NewPrivacyRequest request;
        request.kind = PrivacyRequestKind::Access;
        request.regime = PrivacyRegime::Gdpr;
        request.subject = subject;
        Answer<PrivacyRequest> a;
        client.createPrivacyRequest(request, a.callback());
        if (!a.wait())
            return {-1, {}, QStringLiteral("no answer")};
        return a.error;
    }
    // How many privacy requests replica holds (asked of it alone, over TLS); -1 when that failed.
    int countOn(const PlatformdProcess &replica)
    {
        Connection direct;
        direct.open(tlsProfile(replica.address()));
        ComplianceClient client(&direct);
        Answer<QList<PrivacyRequest>> a;
        client.listPrivacyRequests({}, a.callback());
        return a.wait() && !a.error.isError() && a.result ? int(a.result->size()) : -1;
    }

    PlatformdProcess m_a, m_b;
    QTemporaryDir m_copy;
    QString m_token;
};

void tst_TlsReplicas::initTestCase()
{
    // One CA and server certificate (m_a's tlsDir()), served by both replicas.
    QVERIFY2(m_a.startTls(), qPrintable(m_a.errorString()));
    QCOMPARE(m_a.terminate(), 0);
    QVERIFY(m_a.copyDataDirTo(m_copy.path()));
    const QDir tls(m_a.tlsDir());
    const QStringList tlsArgs{
        QStringLiteral("--tls-cert"), tls.filePath(QStringLiteral("server.pem")),
        QStringLiteral("--tls-key"), tls.filePath(QStringLiteral("server.key"))};
    QVERIFY2(m_a.start(tlsArgs, m_a.dataDir()), qPrintable(m_a.errorString()));
    QVERIFY2(m_b.start(tlsArgs, m_copy.path()), qPrintable(m_b.errorString()));
    m_token = m_a.adminToken();
    QVERIFY(!m_token.isEmpty());
    QCOMPARE(m_b.adminToken(), m_token);
}

void tst_TlsReplicas::nameOverride_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain replicas") << false << QStringLiteral("10.0.0.1:7443,10.0.0.2:7443")
                                    << QStringLiteral("ignored.example") << QString();
    QTest::newRow("one address") << true << QStringLiteral("platform.example.com:7443") << QString()
                                 << QString();
    QTest::newRow("one address, named")
        << true << QStringLiteral("10.0.0.1:7443") << QStringLiteral("platform.example.com")
        << QStringLiteral("platform.example.com");
    QTest::newRow("replicas: first host")
        << true << QStringLiteral(" 10.0.0.1:7443 , 10.0.0.2:7443") << QString()
        << QStringLiteral("10.0.0.1");
    QTest::newRow("replicas ipv6: first host")
        << true << QStringLiteral("[fd00::1]:7443,[::1]:7443") << QString()
        << QStringLiteral("fd00::1");
    QTest::newRow("replicas, named")
        << true << QStringLiteral("10.0.0.1:7443,10.0.0.2:7443")
        << QStringLiteral("platform.example.com") << QStringLiteral("platform.example.com");
}

void tst_TlsReplicas::nameOverride()
{
    QFETCH(bool, tls);
    QFETCH(QString, endpoint);
    QFETCH(QString, serverName);
    QFETCH(QString, expected);
    ConnectionProfile profile = testProfile(endpoint);
    profile.useTls = tls;
    profile.tlsServerName = serverName;
    QCOMPARE(tlsNameOverride(profile), expected);
}

void tst_TlsReplicas::balancesOverTls()
{
    // Checked against the first address (127.0.0.1, in the certificate) and, named, against
    // localhost: both reach Ready, and the calls go round both replicas.
    for (const QString &serverName : {QString(), QStringLiteral("localhost")}) {
        Connection connection;
        connection.open(tlsProfile(bothReplicas(), serverName));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Ready, 30000);
        const int onA = countOn(m_a), onB = countOn(m_b);
        QVERIFY(onA >= 0 && onB >= 0);
        int written = 0;
        int newOnA = 0, newOnB = 0;
        while ((newOnA == 0 || newOnB == 0) && written < 200) {
            for (int i = 0; i < 10; ++i, ++written) {
                const ComplianceError error =
                    write(&connection, QStringLiteral("tls-%1-%2").arg(serverName).arg(written));
                QVERIFY2(!error.isError(), qPrintable(error.text));
            }
            newOnA = countOn(m_a) - onA;
            newOnB = countOn(m_b) - onB;
            QVERIFY(newOnA >= 0 && newOnB >= 0);
        }
        QVERIFY2(newOnA > 0 && newOnB > 0,
                 qPrintable(QStringLiteral("%1 on A, %2 on B").arg(newOnA).arg(newOnB)));
        QCOMPARE(newOnA + newOnB, written);
        QCOMPARE(connection.state(), Connection::State::Ready);
        QVERIFY(connection.roundTripMs() >= 0 ||
                QSignalSpy(&connection, &Connection::roundTripMeasured).wait(30000));
    }
}

void tst_TlsReplicas::serverNameTheCertificateLacks()
{
    Connection connection;
    connection.open(tlsProfile(bothReplicas(), QStringLiteral("wrong.example")));
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::TransientFailure, 30000);
    QCOMPARE(Connection::stateText(connection.state()),
             QStringLiteral("Connection failed, retrying"));
    const ComplianceError error = write(&connection, QStringLiteral("never"));
    QCOMPARE(error.code, 14); // UNAVAILABLE
    qInfo().noquote() << "user-visible error:" << error.text;
    QVERIFY2(error.text.contains(QStringLiteral("wrong.example")), qPrintable(error.text));
    QVERIFY2(error.text.contains(QStringLiteral("not in peer certificate")),
             qPrintable(error.text));
    QCOMPARE(connection.state(), Connection::State::TransientFailure);
}

QTEST_GUILESS_MAIN(tst_TlsReplicas)
#include "tst_tlsreplicas.moc"
