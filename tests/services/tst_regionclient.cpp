#include "models/regiontreemodel.h"
#include "services/connection.h"
#include "services/regionclient.h"

#include "consolefixture.h"
#include "platformdprocess.h"

#include "ops/platform/v1/identity.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ops;

namespace {

// A port nobody listens on right now (bound, then released).
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

// A console's view of one platformd: connection, client, model, and what was delivered.
struct Console : ConsoleFixture
{
    RegionClient client{&connection};
    RegionTreeModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::QtTest};
    int snapshots = 0;
    int batches = 0;
    int replayedBatches = 0; // batches at or below what the model already held
    int revisionRegressions = 0;
    qint64 maxAppliedRevision = 0;
    QStringList errors;

    explicit Console(int coalesceMs = 16)
    {
        client.setCoalesceIntervalMs(coalesceMs);
        QObject::connect(&client, &RegionClient::snapshotReceived, &model,
                         [this](const RegionSnapshot &snapshot) {
                             ++snapshots;
                             model.setSnapshot(snapshot);
                             maxAppliedRevision = std::max(maxAppliedRevision, model.revision());
                         });
        QObject::connect(&client, &RegionClient::changesReceived, &model,
                         [this](const QList<RegionChangeBatch> &list) {
                             qint64 previous = model.revision();
                             for (const RegionChangeBatch &batch : list) {
                                 ++batches;
                                 if (batch.revision <= previous)
                                     ++replayedBatches;
                                 previous = batch.revision;
                             }
                             const qint64 before = model.revision();
                             model.applyChanges(list);
                             if (model.revision() < before)
                                 ++revisionRegressions;
                             maxAppliedRevision = std::max(maxAppliedRevision, model.revision());
                         });
        QObject::connect(&client, &RegionClient::errorOccurred, &model,
                         [this](const QString &message) { errors << message; });
    }
    void open(const QString &address, const QString &token = {}) { connectTo(address, token); }
};

// Takes a fresh listing from the server through a second, independent client.
RegionSnapshot freshList(const QString &address, const QString &token)
{
    Connection connection;
    connection.open(testProfile(address, token));
    RegionClient client(&connection);
    QSignalSpy spy(&client, &RegionClient::snapshotReceived);
    client.start();
    if (!spy.wait(15000))
        return {};
    client.stop();
    return spy.first().first().value<RegionSnapshot>();
}

// The model matches a fresh listing taken after it stopped: every resource the listing did not
// see change since the model's revision is identical, nothing is missing, nothing is extra.
void compareWithFreshList(const RegionTreeModel &model, const RegionSnapshot &fresh,
                          int *comparedOut = nullptr)
{
    QVERIFY(!fresh.regions.isEmpty());
    QCOMPARE(model.regionCount(), fresh.regions.size());
    int compared = 0;
    for (const Region &region : fresh.regions) {
        const Region *shown = model.region(region.name);
        QVERIFY2(shown, qPrintable(region.name));
        QVERIFY2(shown->revision <= region.revision, qPrintable(region.name));
        if (region.revision <= model.revision()) {
            QCOMPARE(shown->revision, region.revision);
            QCOMPARE(shown->status, region.status);
            QCOMPARE(shown->displayName, region.displayName);
            QVERIFY2(*shown == region, qPrintable(region.name));
            ++compared;
        }
    }
    int components = 0;
    for (const Component &component : fresh.components) {
        const Component *shown = model.component(component.name);
        QVERIFY2(shown, qPrintable(component.name));
        QVERIFY2(shown->revision <= component.revision, qPrintable(component.name));
        if (component.revision <= model.revision()) {
            QCOMPARE(shown->revision, component.revision);
            QCOMPARE(shown->status, component.status);
            QVERIFY2(*shown == component, qPrintable(component.name));
            ++compared;
        }
        ++components;
    }
    int modelComponents = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        modelComponents += model.rowCount(model.index(row, 0));
    QCOMPARE(modelComponents, components);
    // Most resources did not change while the listing was taken: the comparison has teeth.
    QVERIFY2(compared > (fresh.regions.size() + fresh.components.size()) / 2,
             qPrintable(QStringLiteral("only %1 resources compared").arg(compared)));
    if (comparedOut)
        *comparedOut = compared;
}

} // namespace

class TestRegionClient : public QObject
{
    Q_OBJECT
private slots:
    void connectionReadyAndRoundTrip()
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
        Connection connection;
        QSignalSpy rtt(&connection, &Connection::roundTripMeasured);
        QSignalSpy opened(&connection, &Connection::opened);
        connection.open(testProfile(p.address(), p.adminToken()));
        QCOMPARE(opened.count(), 1);
        QVERIFY(connection.isOpen());
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), Connection::State::Ready, 10000);
        QVERIFY(rtt.count() > 0 || rtt.wait(10000));
        QVERIFY(connection.roundTripMs() >= 0);
        QVERIFY(connection.roundTripMs() < 3000);
        QSignalSpy closed(&connection, &Connection::closed);
        connection.close();
        QCOMPARE(closed.count(), 1);
        QVERIFY(!connection.isOpen());
    }

    void snapshotThenChanges()
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--seed", "7", "--demo-rate", "200"}),
                 qPrintable(p.errorString()));
        Console console;
        QSignalSpy snapshots(&console.client, &RegionClient::snapshotReceived);
        QSignalSpy changes(&console.client, &RegionClient::changesReceived);
        QSignalSpy states(&console.client, &RegionClient::streamStateChanged);
        console.open(p.address(), p.adminToken());
        console.client.start();
        QVERIFY(snapshots.wait(15000));
        const auto snapshot = snapshots.first().first().value<RegionSnapshot>();
        QCOMPARE(snapshot.regions.size(), 9);
        QVERIFY(snapshot.revision > 0);
        QCOMPARE(console.model.regionCount(), 9);
        for (const Region &region : snapshot.regions) {
            const QModelIndex index = console.model.indexOf(region.name);
            QVERIFY(index.isValid());
            QVERIFY2(console.model.rowCount(index) > 0, qPrintable(region.name));
        }
        QCOMPARE(console.client.streamState(), RegionClient::StreamState::Streaming);

        // Changes arrive coalesced, in increasing revision order, all after the snapshot.
        QTRY_VERIFY_WITH_TIMEOUT(console.batches >= 50, 20000);
        qint64 previous = snapshot.revision;
        for (const auto &args : std::as_const(changes)) {
            const auto list = args.first().value<QList<RegionChangeBatch>>();
            QVERIFY(!list.isEmpty());
            for (const RegionChangeBatch &batch : list) {
                QVERIFY(batch.revision > previous);
                QVERIFY(batch.commitTime.isValid());
                previous = batch.revision;
            }
        }
        QCOMPARE(console.client.lastRevision(), previous);
        QVERIFY(console.client.eventsReceived() > 0);
        QVERIFY(console.client.lastEventTime().isValid());
        QCOMPARE(console.replayedBatches, 0);
        QVERIFY(console.errors.isEmpty());

        console.client.stop();
        QCOMPARE(console.client.streamState(), RegionClient::StreamState::Stopped);
        compareWithFreshList(console.model, freshList(p.address(), p.adminToken()));
    }

    void resumesAfterServerRestart()
    {
        const quint16 port = freePort();
        QVERIFY(port);
        const QString listen = QStringLiteral("127.0.0.1:%1").arg(port);
        const QStringList args{"--demo", "--seed", "7", "--demo-rate", "200", "--listen", listen};
        PlatformdProcess p;
        QVERIFY2(p.start(args), qPrintable(p.errorString()));
        // The restart below reuses the address: platformd must listen where it was told.
        QCOMPARE(p.address(), listen);

        Console console;
        QSignalSpy states(&console.client, &RegionClient::streamStateChanged);
        console.open(p.address(), p.adminToken());
        console.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(console.batches >= 20, 20000);
        const qint64 beforeKill = console.client.lastRevision();

        p.kill9();
        QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(),
                                  RegionClient::StreamState::Reconnecting, 15000);
        const qint64 atRestart = console.client.lastRevision();
        QVERIFY(atRestart >= beforeKill);
        QVERIFY2(p.start(args, p.dataDir()), qPrintable(p.errorString()));
        QCOMPARE(p.address(), listen);

        // The client comes back by itself and continues from where it was, without a relist.
        QTRY_VERIFY_WITH_TIMEOUT(console.client.lastRevision() > atRestart + 20, 30000);
        QCOMPARE(console.client.streamState(), RegionClient::StreamState::Streaming);
        QCOMPARE(console.snapshots, 1);
        QCOMPARE(console.replayedBatches, 0);
        QCOMPARE(console.revisionRegressions, 0);
        QVERIFY(console.errors.isEmpty());

        console.client.stop();
        compareWithFreshList(console.model, freshList(p.address(), p.adminToken()));
    }

    void relistsWhenHistoryIsGone()
    {
        PlatformdProcess p;
        QVERIFY2(
            p.start({"--demo", "--seed", "7", "--demo-rate", "200", "--retention-revisions", "50"}),
            qPrintable(p.errorString()));
        Console console;
        console.open(p.address(), p.adminToken());
        console.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(console.batches >= 5, 20000);
        QCOMPARE(console.snapshots, 1);

        // Cut the console off while the server moves far past its retained history.
        console.connection.close();
        QCOMPARE(console.client.streamState(), RegionClient::StreamState::Reconnecting);
        const qint64 cutAt = console.client.lastRevision();
        Console observer;
        observer.open(p.address(), p.adminToken());
        observer.client.start();
        QTRY_VERIFY_WITH_TIMEOUT(observer.client.lastRevision() > cutAt + 300, 30000);
        // ... and has compacted what the console would need (progress says so).
        QTRY_VERIFY_WITH_TIMEOUT(observer.client.oldestRetainedRevision() > cutAt + 1, 60000);
        observer.client.stop();

        // Resuming from cutAt is OUT_OF_RANGE: the client lists again and streams from there.
        console.connection.open(testProfile(p.address(), p.adminToken()));
        QTRY_COMPARE_WITH_TIMEOUT(console.snapshots, 2, 20000);
        QVERIFY(console.model.revision() > cutAt + 300);
        QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(),
                                  RegionClient::StreamState::Streaming, 10000);
        const int batchesAtRelist = console.batches;
        QTRY_VERIFY_WITH_TIMEOUT(console.batches > batchesAtRelist + 5, 20000);
        QCOMPARE(console.replayedBatches, 0);
        QCOMPARE(console.revisionRegressions, 0);
        QVERIFY(console.errors.isEmpty());
        console.client.stop();
        compareWithFreshList(console.model, freshList(p.address(), p.adminToken()));
    }

    void unreachableEndpoint()
    {
        const quint16 port = freePort();
        QVERIFY(port);
        Console console;
        QSignalSpy states(&console.connection, &Connection::stateChanged);
        console.open(QStringLiteral("127.0.0.1:%1").arg(port));
        console.client.start();
        // Order, not timing: open()/start() return before the outcome of connecting is known;
        // the failure arrives later, through the event loop. A blocking open() would already
        // be in TransientFailure here.
        QVERIFY(console.connection.state() != Connection::State::TransientFailure);
        QTRY_COMPARE_WITH_TIMEOUT(console.connection.state(), Connection::State::TransientFailure,
                                  10000);
        QVERIFY(states.count() > 0);
        QCOMPARE(states.last().first().value<Connection::State>(),
                 Connection::State::TransientFailure);
        // The client keeps retrying in the background.
        QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(),
                                  RegionClient::StreamState::Reconnecting, 10000);
        QCOMPARE(console.snapshots, 0);
        QCOMPARE(console.connection.roundTripMs(), -1);
        console.client.stop();
        QCOMPARE(console.client.streamState(), RegionClient::StreamState::Stopped);
    }

    // A peer that accepts TCP and never answers the HTTP/2 handshake: every connect attempt
    // hangs until it times out (0.5 s at first, growing with the backoff towards 5 s), so a
    // call made on the GUI thread would stall it for a whole attempt or the call's deadline
    // (3 s round trip, 5 s list). The event loop must keep ticking meanwhile.
    void unresponsiveEndpoint()
    {
        QTcpServer blackhole; // listens; the kernel completes the handshake; nothing is read
        QVERIFY(blackhole.listen(QHostAddress::LocalHost));
        Console console;
        console.open(QStringLiteral("127.0.0.1:%1").arg(blackhole.serverPort()));
        console.client.start();
        // 250 ticks of 20 ms (~5 s: past the round-trip deadline, attempts of 1-2 s by then).
        // A generous bound with its reason: the typical largest gap is ~20-40 ms; 1 s is 25x
        // that, and a call blocking the GUI thread here would hold it for seconds.
        QTimer ticker;
        QElapsedTimer sinceTick;
        qint64 maxGap = 0;
        int ticks = 0;
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            maxGap = std::max(maxGap, sinceTick.restart());
            ++ticks;
        });
        sinceTick.start();
        ticker.start(20);
        QTRY_VERIFY_WITH_TIMEOUT(ticks >= 250, 60000);
        ticker.stop();
        qInfo("largest event-loop gap: %lld ms", maxGap);
        QVERIFY2(maxGap < 1000,
                 qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(maxGap)));
        QVERIFY(console.connection.state() != Connection::State::Ready);
        QCOMPARE(console.snapshots, 0);
        QVERIFY(console.client.streamState() != RegionClient::StreamState::Streaming);
        // stop() cancels its calls against the silent peer and returns (its wait is bounded at 2 s
        // by design; a stop() that hung on them fails this test by ctest's timeout).
        console.client.stop();
        QCOMPARE(console.client.streamState(), RegionClient::StreamState::Stopped);
    }

    // With setIncludeOperations the snapshot carries every failover and maintenance window of
    // ListFailovers / ListMaintenanceWindows (regions/-), and the watch delivers their changes: the
    // seed's window that starts within ~20 s arrives as IN_PROGRESS. Without it, none of either.
    void operations()
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
        Console console;
        console.client.setIncludeOperations(true);
        QSignalSpy snapshots(&console.client, &RegionClient::snapshotReceived);
        QList<RegionEvent> operationEvents;
        QObject::connect(&console.client, &RegionClient::changesReceived, &console.model,
                         [&](const QList<RegionChangeBatch> &batches) {
                             for (const RegionChangeBatch &batch : batches)
                                 for (const RegionEvent &event : batch.events)
                                     if (std::holds_alternative<Failover>(event.resource) ||
                                         std::holds_alternative<MaintenanceWindow>(event.resource))
                                         operationEvents << event;
                         });
        console.open(p.address(), p.adminToken());
        console.client.start();
        QVERIFY(snapshots.wait(15000));
        const auto snapshot = snapshots.first().first().value<RegionSnapshot>();
        QCOMPARE(snapshot.regions.size(), 9);
        // The seed: at least three failovers (one active, towards the down region's failover
        // target) and ten or more maintenance windows, one of them starting in a few seconds.
        QVERIFY2(snapshot.failovers.size() >= 3,
                 qPrintable(QString::number(snapshot.failovers.size())));
        QVERIFY(snapshot.maintenanceWindows.size() >= 10);
        QStringList regionNames;
        for (const Region &region : snapshot.regions)
            regionNames << region.name;
        int active = 0;
        for (const Failover &f : snapshot.failovers) {
            QVERIFY2(f.name.startsWith(f.sourceRegion + QStringLiteral("/failovers/")),
                     qPrintable(f.name));
            QVERIFY(regionNames.contains(f.sourceRegion));
            QVERIFY(regionNames.contains(f.targetRegion));
            QVERIFY(f.startTime.isValid());
            QVERIFY(f.revision > 0);
            QVERIFY(f.state != Failover::State::Unknown);
            if (f.state == Failover::State::Active) {
                ++active;
                QVERIFY(!f.endTime.isValid());
                const auto source =
                    std::find_if(snapshot.regions.cbegin(), snapshot.regions.cend(),
                                 [&](const Region &r) { return r.name == f.sourceRegion; });
                QCOMPARE(source->status, HealthStatus::Down);
                QCOMPARE(source->failoverTarget, f.targetRegion);
            } else {
                QVERIFY(f.endTime > f.startTime);
            }
        }
        QVERIFY(active >= 1);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QString soon;
        for (const MaintenanceWindow &w : snapshot.maintenanceWindows) {
            QVERIFY(regionNames.contains(w.regionName()));
            QVERIFY(!w.title.isEmpty());
            QVERIFY(w.endTime > w.startTime);
            if (w.state == MaintenanceWindow::State::Scheduled && w.startTime < now.addSecs(60))
                soon = w.name;
        }
        QVERIFY2(!soon.isEmpty(), "no window starting within a minute");

        // Live: the window starts, the watch (include_operations) says so.
        const auto started = [&] {
            for (const RegionEvent &e : std::as_const(operationEvents))
                if (const auto *w = std::get_if<MaintenanceWindow>(&e.resource))
                    if (w->name == soon && w->state == MaintenanceWindow::State::InProgress)
                        return e.name == soon && e.type == RegionEvent::Type::Upsert;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(started(), 40000);
        QCOMPARE(console.model.region(soon.section(QLatin1Char('/'), 0, 1))->status,
                 HealthStatus::Maintenance);
        QVERIFY(console.errors.isEmpty());
        console.client.stop();

        // The same platformd without operations: none listed, none streamed.
        Console plain;
        QSignalSpy plainSnapshots(&plain.client, &RegionClient::snapshotReceived);
        int plainOperationEvents = 0;
        QObject::connect(&plain.client, &RegionClient::changesReceived, &plain.model,
                         [&](const QList<RegionChangeBatch> &batches) {
                             for (const RegionChangeBatch &batch : batches)
                                 for (const RegionEvent &event : batch.events)
                                     plainOperationEvents += event.resource.index() >= 4 ? 1 : 0;
                         });
        plain.open(p.address(), p.adminToken());
        plain.client.start();
        QVERIFY(plainSnapshots.wait(15000));
        const auto plainSnapshot = plainSnapshots.first().first().value<RegionSnapshot>();
        QVERIFY(plainSnapshot.failovers.isEmpty());
        QVERIFY(plainSnapshot.maintenanceWindows.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(plain.batches >= 3, 20000);
        QCOMPARE(plainOperationEvents, 0);
    }

    void metricsErrorIsUserFacing()
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
        Console console;
        QSignalSpy snapshots(&console.client, &RegionClient::snapshotReceived);
        console.open(p.address(), p.adminToken());
        console.client.start();
        QVERIFY(snapshots.wait(15000));
        const QString region =
            console.model.index(0, 0).data(RegionTreeModel::ResourceNameRole).toString();
        QList<MetricPoint> points;
        QString error;
        bool called = false;
        const QDateTime end = QDateTime::currentDateTimeUtc();
        console.client.fetchMetrics(QStringLiteral("regions/nope"), end.addSecs(-3600), end, 60,
                                    [&](const QList<MetricPoint> &p, const QString &e) {
                                        points = p;
                                        error = e;
                                        called = true;
                                    });
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
        QVERIFY(points.isEmpty());
        QVERIFY2(error.contains(QStringLiteral("regions/nope")), qPrintable(error));

        called = false;
        console.client.fetchMetrics(region, end.addSecs(-3600), end, 60,
                                    [&](const QList<MetricPoint> &p, const QString &e) {
                                        points = p;
                                        error = e;
                                        called = true;
                                    });
        QTRY_VERIFY_WITH_TIMEOUT(called, 10000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!points.isEmpty());
        QVERIFY(points.first().time.isValid());
    }

    // The token travels as per-call metadata on TLS channels too (call credentials would be refused
    // on the insecure ones): a TLS profile with the CA pinned lists; without the token it is
    // refused.
    void tlsWithToken()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        // scripts/bootstrap installs it; without it this test cannot make its certificates.
        QVERIFY2(!openssl.isEmpty(),
                 "openssl is needed to make test certificates: apt-get install openssl "
                 "(scripts/bootstrap installs it)");
        QTemporaryDir dir;
        const auto run = [&](const QStringList &args) {
            QProcess p;
            p.setWorkingDirectory(dir.path());
            p.start(openssl, args);
            return p.waitForFinished(30000) && p.exitCode() == 0;
        };
        QFile ext(dir.filePath(QStringLiteral("ext.cnf")));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        ext.close();
        QVERIFY(run({"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out",
                     "ca.pem", "-days", "2", "-subj", "/CN=test-ca"}));
        QVERIFY(run({"req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
                     "server.csr", "-subj", "/CN=localhost"}));
        QVERIFY(
            run({"x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                 "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf"}));

        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--seed", "7", "--tls-cert", dir.filePath("server.pem"),
                          "--tls-key", dir.filePath("server.key")}),
                 qPrintable(p.errorString()));
        ConnectionProfile profile = testProfile(p.address(), p.adminToken());
        profile.useTls = true;
        profile.caFile = dir.filePath(QStringLiteral("ca.pem"));
        {
            Console console;
            console.connection.open(profile);
            QSignalSpy snapshots(&console.client, &RegionClient::snapshotReceived);
            console.client.start();
            QVERIFY(snapshots.wait(15000));
            QVERIFY(console.model.regionCount() > 0);
            QTRY_COMPARE_WITH_TIMEOUT(console.connection.state(), Connection::State::Ready, 10000);
        }
        if (p.adminToken().isEmpty())
            return;
        Console console;
        profile.token.clear();
        console.connection.open(profile);
        console.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(), RegionClient::StreamState::Refused,
                                  10000);
    }

    // A refused token is reported once, clearly, and not retried until the connection is opened
    // again (here with the right token, which then works).
    void refusedTokenStopsRetrying_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("none") << QString();
        QTest::newRow("malformed") << QStringLiteral("not-a-token");
        QTest::newRow("unknown") << QStringLiteral(
            "opt_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
    void refusedTokenStopsRetrying()
    {
        QFETCH(QString, token);
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
        QVERIFY2(!p.adminToken().isEmpty(), "platformd writes admin.token and enforces tokens");
        Console console;
        QSignalSpy errors(&console.client, &RegionClient::errorOccurred);
        console.open(p.address(), token);
        console.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(), RegionClient::StreamState::Refused,
                                  10000);
        QCOMPARE(errors.count(), 1);
        const QString message = errors.first().first().toString();
        QVERIFY2(message.startsWith(QStringLiteral("The token was refused")), qPrintable(message));
        if (!token.isEmpty())
            QVERIFY2(!message.contains(token), "the token must never be echoed");
        // No retry storm: nothing more happens on its own (the longest backoff is 5 s).
        QSignalSpy states(&console.client, &RegionClient::streamStateChanged);
        QVERIFY(!states.wait(6000));
        QCOMPARE(errors.count(), 1);

        QSignalSpy snapshots(&console.client, &RegionClient::snapshotReceived);
        console.open(p.address(), p.adminToken());
        QVERIFY(snapshots.wait(15000));
        QVERIFY(console.model.regionCount() > 0);
    }

    // A token revoked while the console streams: platformd ends the stream, the client stops
    // retrying and says why (the operator sees it in the status bar and the regions panel).
    void revokedWhileStreaming()
    {
        PlatformdProcess p;
        QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
        // The admin makes a viewer and her token over the API (a test-side gRPC client).
        namespace pb = ops::platform::v1;
        auto identity = pb::IdentityService::NewStub(
            grpc::CreateChannel(p.address().toStdString(), grpc::InsecureChannelCredentials()));
        const auto admin = [&] {
            auto c = std::make_unique<grpc::ClientContext>();
            c->AddMetadata("authorization", "Bearer " + p.adminToken().toStdString());
            return c;
        };
        pb::CreateUserRequest cu;
        cu.set_user_id("vera");
        cu.add_roles("viewer");
        pb::User user;
        QVERIFY(identity->CreateUser(admin().get(), cu, &user).ok());
        pb::CreateTokenRequest ct;
        ct.set_user("users/vera");
        pb::CreateTokenResponse created;
        QVERIFY(identity->CreateToken(admin().get(), ct, &created).ok());

        Console console;
        QSignalSpy errors(&console.client, &RegionClient::errorOccurred);
        console.open(p.address(), QString::fromStdString(created.secret()));
        console.client.start();
        QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(),
                                  RegionClient::StreamState::Streaming, 15000);
        QVERIFY(errors.isEmpty());

        pb::RevokeTokenRequest revoke;
        revoke.set_name(created.token().name());
        pb::Token revoked;
        QVERIFY(identity->RevokeToken(admin().get(), revoke, &revoked).ok());
        QTRY_COMPARE_WITH_TIMEOUT(console.client.streamState(), RegionClient::StreamState::Refused,
                                  15000);
        QVERIFY(!errors.isEmpty());
        bool named = false;
        for (const QList<QVariant> &e : std::as_const(errors))
            named = named || e.first().toString().contains(QLatin1String("revoked"));
        QVERIFY2(named, qPrintable(errors.first().first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestRegionClient)
#include "tst_regionclient.moc"
