// HealthProber against live servers: the real platformd (gRPC's default health service, plaintext
// and TLS) and ops_healthserver, an independent server whose Health implementation the test
// controls (live status flips, Check only, no health service at all, killed and restarted).

#include "services/connection.h"
#include "services/healthprober.h"
#include "services/regionclient.h"

#include "consolefixture.h"
#include "healthserverprocess.h"
#include "platformdprocess.h"

#include <QDir>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace ops;

namespace {

ProbeTarget plain(const QString &endpoint, const QString &service = {})
{
    ProbeTarget t;
    t.endpoint = endpoint;
    t.service = service;
    return t;
}

// A loopback port nobody listens on (bound, then released: nothing else here takes it so fast).
int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort();
}

char *stateName(ProbeState state)
{
    return qstrdup(probeStateText(state).toUtf8().constData());
}

} // namespace

namespace QTest {
template<>
char *toString(const ProbeState &state)
{
    return stateName(state);
}
template<>
char *toString(const ProbeMode &mode)
{
    return qstrdup(probeModeText(mode).toUtf8().constData());
}
} // namespace QTest

class TstHealthProber : public QObject
{
    Q_OBJECT

private:
    // Short intervals: every wait below is on a condition, these only bound how long it takes.
    static void configure(HealthProber &prober)
    {
        prober.setCheckIntervalMs(200);
        prober.setDeadlineMs(1500);
        prober.setBackoffMs(100, 500);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(HealthServerProcess::binaryPath()),
                 qPrintable(HealthServerProcess::binaryPath()));
    }

    void validation_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("error"); // a part of the message; empty = valid
        QTest::newRow("host:port") << "localhost:50051"
                                   << "";
        QTest::newRow("ipv4") << "127.0.0.1:1"
                              << "";
        QTest::newRow("ipv6") << "[::1]:443"
                              << "";
        QTest::newRow("fqdn") << "eu-west.health.example.com:443"
                              << "";
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("no port") << "localhost"
                                 << "no port";
        QTest::newRow("port 0") << "localhost:0"
                                << "1 to 65535";
        QTest::newRow("port too big") << "localhost:70000"
                                      << "1 to 65535";
        QTest::newRow("port not a number") << "localhost:http"
                                           << "1 to 65535";
        QTest::newRow("bare ipv6") << "::1:443"
                                   << "brackets";
        QTest::newRow("bad host") << "bad_host!:80"
                                  << "not a valid host";
        QTest::newRow("spaces") << " localhost:80"
                                << "spaces";
    }
    void validation()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, error);
        const QString message = ProbeTarget::endpointError(endpoint);
        if (error.isEmpty())
            QVERIFY2(message.isEmpty(), qPrintable(message));
        else
            QVERIFY2(message.contains(error), qPrintable(message));
    }

    // platformd: gRPC's default health service, Watch, per service; no token needed.
    void platformdServing()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.start(
                     {QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")}),
                 qPrintable(platformd.errorString()));
        HealthProber prober;
        configure(prober);
        const int whole = prober.addTarget(plain(platformd.address()));
        const int regions = prober.addTarget(
            plain(platformd.address(), QStringLiteral("ops.platform.v1.RegionService")));
        const int missing = prober.addTarget(
            plain(platformd.address(), QStringLiteral("ops.platform.v1.NoSuchService")));
        QCOMPARE(prober.status(whole).state, ProbeState::Connecting);

        QTRY_COMPARE_WITH_TIMEOUT(prober.status(whole).state, ProbeState::Serving, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(regions).state, ProbeState::Serving, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(missing).state, ProbeState::ServiceUnknown, 10000);
        for (int id : {whole, regions, missing}) {
            const ProbeStatus s = prober.status(id);
            QCOMPARE(s.mode, ProbeMode::Watch);
            QVERIFY(s.error.isEmpty());
            QVERIFY(s.lastHeard.isValid());
            QVERIFY(s.since.isValid());
            QCOMPARE(s.history.size(), 1);
            QCOMPARE(s.history.first().from, ProbeState::Connecting);
        }
    }

    // A region's own health service name on platformd: "regions/{id}", NOT_SERVING exactly while
    // the region is DOWN (the demo seed has one primary down), followed live.
    void platformdRegionServices()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.start(
                     {QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")}),
                 qPrintable(platformd.errorString()));
        Connection connection;
        connection.open(testProfile(platformd.address(), platformd.adminToken()));
        RegionClient client(&connection);
        QHash<QString, Region> regions;
        connect(&client, &RegionClient::snapshotReceived, this, [&](const RegionSnapshot &s) {
            regions.clear();
            for (const Region &r : s.regions)
                regions.insert(r.name, r);
        });
        connect(&client, &RegionClient::changesReceived, this,
                [&](const QList<RegionChangeBatch> &batches) {
                    for (const RegionChangeBatch &batch : batches)
                        for (const RegionEvent &e : batch.events)
                            if (const Region *r = std::get_if<Region>(&e.resource))
                                regions.insert(r->name, *r);
                });
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(!regions.isEmpty(), 15000);

        HealthProber prober;
        configure(prober);
        QHash<QString, int> probes;
        bool anyDown = false;
        for (const Region &r : std::as_const(regions)) {
            // The demo points every region at platformd itself, under the region's own name.
            QCOMPARE(r.healthEndpoint, platformd.address());
            QCOMPARE(r.healthService, r.name);
            probes.insert(r.name, prober.addTarget(plain(r.healthEndpoint, r.healthService)));
            anyDown |= r.status == HealthStatus::Down;
        }
        QVERIFY2(anyDown, "the demo seed has a region down");
        const auto matches = [&] {
            for (auto it = probes.cbegin(); it != probes.cend(); ++it) {
                const ProbeStatus s = prober.status(it.value());
                const ProbeState want = regions.value(it.key()).status == HealthStatus::Down
                                            ? ProbeState::NotServing
                                            : ProbeState::Serving;
                if (s.state != want || s.mode != ProbeMode::Watch)
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(matches(), 10000);
        // An id that is no region: platformd does not know the name.
        const int none =
            prober.addTarget(plain(platformd.address(), QStringLiteral("regions/atlantis")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(none).state, ProbeState::ServiceUnknown, 10000);
    }

    void platformdTls()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.startTls(), qPrintable(platformd.errorString()));
        const QDir dir(platformd.tlsDir());
        const QString port = platformd.address().section(QLatin1Char(':'), -1);

        HealthProber prober;
        configure(prober);
        ProbeTarget tls = plain(QStringLiteral("localhost:") + port);
        tls.tls = ProbeTarget::Tls::CaFile;
        tls.caFile = dir.filePath(QStringLiteral("ca.pem"));
        const int good = prober.addTarget(tls);
        // Another name than the certificate's, fixed by the server name override.
        ProbeTarget byIp = tls;
        byIp.endpoint = platformd.address();
        byIp.serverName = QStringLiteral("localhost");
        const int overridden = prober.addTarget(byIp);
        ProbeTarget wrongName = tls;
        wrongName.serverName = QStringLiteral("not-the-server.example");
        const int mismatch = prober.addTarget(wrongName);
        const int plaintext = prober.addTarget(plain(platformd.address()));
        ProbeTarget missingCa = tls;
        missingCa.caFile = dir.filePath(QStringLiteral("no-such-ca.pem"));
        const int badCa = prober.addTarget(missingCa);

        QTRY_COMPARE_WITH_TIMEOUT(prober.status(good).state, ProbeState::Serving, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(overridden).state, ProbeState::Serving, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(mismatch).state, ProbeState::Unreachable, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(plaintext).state, ProbeState::Unreachable, 10000);
        QVERIFY(!prober.status(plaintext).error.isEmpty());
        // A CA file that cannot be read: said at once, naming the file.
        QCOMPARE(prober.status(badCa).state, ProbeState::Failed);
        QVERIFY2(prober.status(badCa).error.contains(QStringLiteral("no-such-ca.pem")),
                 qPrintable(prober.status(badCa).error));
    }

    // SERVING -> NOT_SERVING -> SERVING, seen live on the Watch stream.
    void flipLive()
    {
        HealthServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--service"), QStringLiteral("app=SERVING")}),
                 qPrintable(server.errorString()));
        HealthProber prober;
        configure(prober);
        // Polling would see the flip too, only later: make sure it is not what we measure.
        prober.setCheckIntervalMs(60000);
        QSignalSpy transitions(&prober, &HealthProber::stateChanged);
        const int id = prober.addTarget(plain(server.address(), QStringLiteral("app")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Serving, 10000);
        QCOMPARE(prober.status(id).mode, ProbeMode::Watch);

        // The next poll is 60 s away, so seeing the flip within 20 s (typically a few ms, and
        // far below the poll interval even on a loaded machine) proves the Watch delivered it.
        QVERIFY(server.set(QStringLiteral("app"), QStringLiteral("NOT_SERVING")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::NotServing, 20000);
        QVERIFY(server.set(QStringLiteral("app"), QStringLiteral("SERVING")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Serving, 20000);

        QCOMPARE(transitions.size(), 3);
        const auto t = transitions.at(1).at(1).value<ProbeTransition>();
        QCOMPARE(transitions.at(1).at(0).toInt(), id);
        QCOMPARE(t.from, ProbeState::Serving);
        QCOMPARE(t.to, ProbeState::NotServing);
        const QList<ProbeTransition> history = prober.status(id).history;
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.last().to, ProbeState::Serving);
        QVERIFY(history.at(1).time <= history.at(2).time);
        QCOMPARE(prober.status(id).mode, ProbeMode::Watch);
    }

    // A service the server does not know: SERVICE_UNKNOWN on the stream; learning it later shows.
    void unknownService()
    {
        HealthServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        HealthProber prober;
        configure(prober);
        const int id = prober.addTarget(plain(server.address(), QStringLiteral("nope")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::ServiceUnknown, 10000);
        QCOMPARE(prober.status(id).mode, ProbeMode::Watch);
        QVERIFY(server.set(QStringLiteral("nope"), QStringLiteral("NOT_SERVING")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::NotServing, 5000);
    }

    // Watch answers UNIMPLEMENTED: Check polling, with round-trip times, and NOT_FOUND as unknown.
    void checkOnly()
    {
        HealthServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--check-only"), QStringLiteral("--service"),
                               QStringLiteral("app=NOT_SERVING")}),
                 qPrintable(server.errorString()));
        HealthProber prober;
        configure(prober);
        const int id = prober.addTarget(plain(server.address(), QStringLiteral("app")));
        const int missing = prober.addTarget(plain(server.address(), QStringLiteral("nope")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::NotServing, 10000);
        QCOMPARE(prober.status(id).mode, ProbeMode::CheckPolling);
        // The round trip is measured and shown; how long it is depends on the machine (bench/).
        QVERIFY(prober.status(id).roundTripMs >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(missing).state, ProbeState::ServiceUnknown, 10000);
        QCOMPARE(prober.status(missing).mode, ProbeMode::CheckPolling);

        // The next poll sees the change.
        QVERIFY(server.set(QStringLiteral("app"), QStringLiteral("SERVING")));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Serving, 5000);
        QCOMPARE(prober.status(id).mode, ProbeMode::CheckPolling);
    }

    // No health service at all: both methods UNIMPLEMENTED, a state of its own.
    void noHealthService()
    {
        HealthServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--no-health")}), qPrintable(server.errorString()));
        HealthProber prober;
        configure(prober);
        const int id = prober.addTarget(plain(server.address()));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::NoHealthService, 10000);
        const ProbeStatus s = prober.status(id);
        QCOMPARE(s.mode, ProbeMode::CheckPolling);
        QVERIFY2(s.error.contains(QStringLiteral("neither Watch nor Check")), qPrintable(s.error));
        QVERIFY(probeStateText(s.state) != probeStateText(ProbeState::Unreachable));
    }

    void unreachable()
    {
        const int port = freePort();
        QVERIFY(port > 0);
        HealthProber prober;
        configure(prober);
        const int id = prober.addTarget(plain(QStringLiteral("127.0.0.1:%1").arg(port)));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Unreachable, 10000);
        const ProbeStatus s = prober.status(id);
        QVERIFY2(s.error.startsWith(QStringLiteral("UNAVAILABLE")), qPrintable(s.error));
        QVERIFY(!s.lastHeard.isValid());
    }

    // A server that accepts connections but never speaks HTTP/2: no answer within the deadline.
    void silentServer()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        HealthProber prober;
        configure(prober);
        prober.setDeadlineMs(500);
        const int id =
            prober.addTarget(plain(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort())));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Unreachable, 10000);
        QVERIFY2(prober.status(id).error.contains(QStringLiteral("DEADLINE_EXCEEDED")),
                 qPrintable(prober.status(id).error));
    }

    // The server dies mid-watch, comes back on the same port: the probe says so, then recovers.
    void killedAndRestarted()
    {
        HealthServerProcess server;
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString address = server.address();
        HealthProber prober;
        configure(prober);
        const int id = prober.addTarget(plain(address));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Serving, 10000);

        server.kill9();
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Unreachable, 10000);
        QVERIFY(!prober.status(id).error.isEmpty());

        QVERIFY2(server.start({}, address), qPrintable(server.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Serving, 10000);
        QCOMPARE(prober.status(id).mode, ProbeMode::Watch);
        const QList<ProbeTransition> history = prober.status(id).history;
        QCOMPARE(history.size(), 3); // Connecting→Serving→Unreachable→Serving
        QCOMPARE(history.at(1).to, ProbeState::Unreachable);
        QCOMPARE(history.at(1).detail, history.at(1).detail.trimmed());
        QVERIFY(!history.at(1).detail.isEmpty());
    }

    // Check mode survives a restart too, and a server that now has Watch is watched again.
    void checkModeRecoversToWatch()
    {
        HealthServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--check-only")}), qPrintable(server.errorString()));
        const QString address = server.address();
        HealthProber prober;
        configure(prober);
        const int id = prober.addTarget(plain(address));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Serving, 10000);
        QCOMPARE(prober.status(id).mode, ProbeMode::CheckPolling);
        server.kill9();
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).state, ProbeState::Unreachable, 10000);
        QVERIFY2(server.start({}, address), qPrintable(server.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(prober.status(id).mode, ProbeMode::Watch, 10000);
        QCOMPARE(prober.status(id).state, ProbeState::Serving);
    }

    void removeAndShutdown()
    {
        HealthServerProcess server;
        QVERIFY2(server.start({QStringLiteral("--service"), QStringLiteral("app=SERVING")}),
                 qPrintable(server.errorString()));
        auto prober = std::make_unique<HealthProber>();
        configure(*prober);
        QList<int> ids;
        for (int i = 0; i < 6; ++i)
            ids << prober->addTarget(plain(server.address(), QStringLiteral("app")));
        for (int id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(prober->status(id).state, ProbeState::Serving, 10000);

        QSignalSpy changes(prober.get(), &HealthProber::statusChanged);
        prober->removeTarget(ids.first());
        QVERIFY(!prober->hasTarget(ids.first()));
        QCOMPARE(prober->targetIds().size(), 5);
        QVERIFY(server.set(QStringLiteral("app"), QStringLiteral("NOT_SERVING")));
        for (int i = 1; i < ids.size(); ++i)
            QTRY_COMPARE_WITH_TIMEOUT(prober->status(ids.at(i)).state, ProbeState::NotServing,
                                      5000);
        for (const QList<QVariant> &change : std::as_const(changes))
            QVERIFY(change.at(0).toInt() != ids.first()); // the removed probe is silent

        // Five open streams: the destructor cancels them and returns (its wait is bounded at 2 s
        // by design; a destructor that hung on an open Watch fails this test by ctest's timeout).
        prober.reset();
        QVERIFY(!prober);
    }
};

QTEST_GUILESS_MAIN(TstHealthProber)
#include "tst_healthprober.moc"
