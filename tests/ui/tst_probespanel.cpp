// The Health probes panel against live servers: endpoints added through the panel and its dialog,
// kept across a restart of the panel, and region probes that follow the regions (a synthetic
// snapshot, and platformd --demo's own).

#include "consolefixture.h"
#include "healthserverprocess.h"
#include "platformdprocess.h"
#include "testmain.h"

#include "ui/probes/addprobedialog.h"
#include "ui/probes/probespanel.h"

#include "models/probetablemodel.h"
#include "models/regiontreemodel.h"
#include "services/connection.h"
#include "services/healthprober.h"
#include "services/regionclient.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ops;

namespace {

ProbeTarget plain(const QString &endpoint, const QString &service = {})
{
    ProbeTarget t;
    t.endpoint = endpoint;
    t.service = service;
    return t;
}

std::unique_ptr<ProbesPanel> makePanel(RegionTreeModel *regions = nullptr,
                                       Connection *connection = nullptr,
                                       RegionClient *client = nullptr)
{
    auto panel = std::make_unique<ProbesPanel>(regions, client, connection);
    panel->prober()->setCheckIntervalMs(200);
    panel->prober()->setBackoffMs(100, 500);
    panel->resize(1000, 300);
    return panel;
}

QString cell(const ProbesPanel &panel, int id, int column, int role = Qt::DisplayRole)
{
    const int row = panel.model()->rowOf(id);
    return row < 0 ? QStringLiteral("<no row>")
                   : panel.model()->index(row, column).data(role).toString();
}

Region region(const QString &id, const QString &endpoint, const QString &service, qint64 revision,
              HealthStatus status = HealthStatus::Healthy)
{
    Region r;
    r.name = QStringLiteral("regions/") + id;
    r.displayName = id;
    r.status = status;
    r.healthEndpoint = endpoint;
    r.healthService = service;
    r.revision = revision;
    return r;
}

RegionChangeBatch upsert(const Region &r)
{
    RegionChangeBatch batch;
    batch.revision = r.revision;
    batch.commitTime = QDateTime::currentDateTimeUtc();
    RegionEvent event;
    event.name = r.name;
    event.resource = r;
    batch.events = {event};
    return batch;
}

} // namespace

class tst_ProbesPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OpsConsoleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_probespanel"));
        QVERIFY2(m_server.start({QStringLiteral("--service"), QStringLiteral("app=NOT_SERVING"),
                                 QStringLiteral("--service"), QStringLiteral("api=SERVING")}),
                 qPrintable(m_server.errorString()));
    }
    void init() { QSettings().remove(ProbesPanel::settingsKey()); }

    void emptyState()
    {
        auto panel = makePanel();
        QVERIFY(!panel->isShowingTable());
        QVERIFY(panel->emptyStateText().contains(QStringLiteral("Add endpoint")));
        QVERIFY(!panel->removeButton()->isEnabled());
    }

    void addEndpoint()
    {
        auto panel = makePanel();
        QAbstractItemModelTester tester(panel->model());
        QString error;
        QCOMPARE(panel->addManualProbe(plain(QStringLiteral("localhost")), &error), 0);
        QVERIFY2(error.contains(QStringLiteral("no port")), qPrintable(error));
        QVERIFY(!panel->isShowingTable());

        const int id = panel->addManualProbe(plain(m_server.address(), QStringLiteral("app")));
        QVERIFY(id > 0);
        QVERIFY(panel->isShowingTable());
        QCOMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(cell(*panel, id, ProbeTableModel::EndpointColumn), m_server.address());
        QCOMPARE(cell(*panel, id, ProbeTableModel::SourceColumn), QStringLiteral("Manual"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, id, ProbeTableModel::StateColumn),
                                  QStringLiteral("Not serving"), 10000);
        QCOMPARE(
            cell(*panel, id, ProbeTableModel::StateColumn, ProbeTableModel::StatusRole).toInt(),
            int(HealthStatus::Down));
        QCOMPARE(cell(*panel, id, ProbeTableModel::ModeColumn), QStringLiteral("Watch"));
        QVERIFY(panel->summaryText().contains(QStringLiteral("1 not serving")));

        // The same endpoint and service twice is refused, naming it.
        QCOMPARE(panel->addManualProbe(plain(m_server.address(), QStringLiteral("app")), &error),
                 0);
        QVERIFY2(error.contains(m_server.address()), qPrintable(error));

        // Live: the server changes its mind, the cell follows.
        QVERIFY(m_server.set(QStringLiteral("app"), QStringLiteral("SERVING")));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, id, ProbeTableModel::StateColumn),
                                  QStringLiteral("Serving"), 5000);
        QCOMPARE(
            cell(*panel, id, ProbeTableModel::StateColumn, ProbeTableModel::StatusRole).toInt(),
            int(HealthStatus::Healthy));
        QVERIFY(m_server.set(QStringLiteral("app"), QStringLiteral("NOT_SERVING")));

        // Remove through the selection and the button.
        panel->view()->selectRow(0);
        QVERIFY(panel->removeButton()->isEnabled());
        QTest::mouseClick(panel->removeButton(), Qt::LeftButton);
        QCOMPARE(panel->model()->rowCount(), 0);
        QVERIFY(!panel->prober()->hasTarget(id));
        QVERIFY(!panel->isShowingTable());

        // ... and with the Delete key in the table.
        const int again = panel->addManualProbe(plain(m_server.address(), QStringLiteral("api")));
        QVERIFY(again > 0);
        panel->show();
        QVERIFY(QTest::qWaitForWindowActive(panel.get()));
        panel->view()->setFocus();
        panel->view()->selectRow(0);
        QTest::keyClick(panel->view(), Qt::Key_Delete);
        QCOMPARE(panel->model()->rowCount(), 0);
        QVERIFY(panel->manualTargets().isEmpty());
    }

    void dialogValidates()
    {
        AddProbeDialog dialog;
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.endpointEdit()->setText(QStringLiteral("localhost"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY2(dialog.errorText().contains(QStringLiteral("no port")),
                 qPrintable(dialog.errorText()));
        dialog.endpointEdit()->setText(QStringLiteral("localhost:99999"));
        QVERIFY(dialog.errorText().contains(QStringLiteral("65535")));
        dialog.endpointEdit()->setText(m_server.address());
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(dialog.errorText().isEmpty());
        QVERIFY(!dialog.caFileEdit()->isEnabled());
        QVERIFY(!dialog.serverNameEdit()->isEnabled());

        dialog.tlsCombo()->setCurrentIndex(
            dialog.tlsCombo()->findData(int(ProbeTarget::Tls::CaFile)));
        QVERIFY(dialog.caFileEdit()->isEnabled());
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.caFileEdit()->setText(QStringLiteral("/nonexistent/ca.pem"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(dialog.errorText().contains(QStringLiteral("/nonexistent/ca.pem")));
        QTemporaryDir dir;
        const QString ca = dir.filePath(QStringLiteral("ca.pem"));
        QFile file(ca);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN CERTIFICATE-----\n");
        file.close();
        dialog.caFileEdit()->setText(ca);
        dialog.serverNameEdit()->setText(QStringLiteral("health.example"));
        QVERIFY(dialog.okButton()->isEnabled());
        const ProbeTarget t = dialog.target();
        QCOMPARE(t.endpoint, m_server.address());
        QCOMPARE(t.tls, ProbeTarget::Tls::CaFile);
        QCOMPARE(t.caFile, ca);
        QCOMPARE(t.serverName, QStringLiteral("health.example"));
    }

    void persistence()
    {
        ProbeTarget tls =
            plain(QStringLiteral("health.example.com:443"), QStringLiteral("x.v1.Api"));
        tls.tls = ProbeTarget::Tls::SystemRoots;
        tls.serverName = QStringLiteral("edge.example.com");
        {
            auto panel = makePanel();
            QVERIFY(panel->addManualProbe(plain(m_server.address(), QStringLiteral("api"))));
            QVERIFY(panel->addManualProbe(tls));
            QVERIFY(panel->addManualProbe(plain(m_server.address(), QStringLiteral("app"))));
            QVERIFY(panel->removeProbe(panel->model()->idAt(2)));
        }
        auto panel = makePanel();
        const QList<ProbeTarget> restored = panel->manualTargets();
        QCOMPARE(restored.size(), 2);
        QCOMPARE(restored.at(0), plain(m_server.address(), QStringLiteral("api")));
        QCOMPARE(restored.at(1), tls);
        // Restored probes run: the live one is followed again.
        const int id = panel->model()->idAt(0);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, id, ProbeTableModel::StateColumn),
                                  QStringLiteral("Serving"), 10000);

        // A damaged value is ignored, not half-applied.
        QSettings().setValue(ProbesPanel::settingsKey(), QStringLiteral("{\"version\": 1, \"pro"));
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("ignoring the saved")));
        auto damaged = makePanel();
        QCOMPARE(damaged->model()->rowCount(), 0);
    }

    // Regions that name a health endpoint are probed by themselves and follow their region.
    void regionProbesFollowRegions()
    {
        RegionTreeModel regions;
        auto panel = makePanel(&regions);
        QAbstractItemModelTester tester(panel->model());
        RegionSnapshot snapshot;
        snapshot.revision = 10;
        snapshot.regions = {
            region(QStringLiteral("eu-west"), m_server.address(), QStringLiteral("api"), 10),
            region(QStringLiteral("us-east"), QString(), QString(), 10)};
        regions.setSnapshot(snapshot);
        QTRY_VERIFY_WITH_TIMEOUT(panel->probeForRegion(QStringLiteral("regions/eu-west")) > 0,
                                 5000);
        QCOMPARE(panel->probeForRegion(QStringLiteral("regions/us-east")), 0);
        const int id = panel->probeForRegion(QStringLiteral("regions/eu-west"));
        QCOMPARE(cell(*panel, id, ProbeTableModel::SourceColumn),
                 QStringLiteral("regions/eu-west"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, id, ProbeTableModel::StateColumn),
                                  QStringLiteral("Serving"), 10000);
        // Region probes are not the user's: not saved, not removable here.
        QVERIFY(panel->manualTargets().isEmpty());
        QVERIFY(!panel->removeProbe(id));
        panel->view()->selectRow(panel->model()->rowOf(id));
        QVERIFY(!panel->removeButton()->isEnabled());

        // The region now points at another service: the probe follows. (Without a RegionClient
        // the panel hears of it through the tree, which signals visible changes: the status.)
        regions.applyChanges({upsert(region(QStringLiteral("eu-west"), m_server.address(),
                                            QStringLiteral("app"), 11, HealthStatus::Degraded))});
        QTRY_COMPARE_WITH_TIMEOUT(
            panel->model()
                ->target(panel->probeForRegion(QStringLiteral("regions/eu-west")))
                .service,
            QStringLiteral("app"), 5000);
        const int updated = panel->probeForRegion(QStringLiteral("regions/eu-west"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, updated, ProbeTableModel::StateColumn),
                                  QStringLiteral("Not serving"), 10000);
        QCOMPARE(panel->model()->rowCount(), 1);

        // ... and is dropped when the region no longer names an endpoint.
        regions.applyChanges({upsert(region(QStringLiteral("eu-west"), QString(), QString(), 12))});
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 5000);
        QCOMPARE(panel->probeForRegion(QStringLiteral("regions/eu-west")), 0);
        QVERIFY(panel->prober()->targetIds().isEmpty());
    }

    // platformd's own endpoint over TLS: the probe uses the main connection's TLS settings.
    void regionProbeReusesConnectionTls()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.startTls(), qPrintable(platformd.errorString()));
        const QDir dir(platformd.tlsDir());
        const QString endpoint =
            QStringLiteral("localhost:") + platformd.address().section(QLatin1Char(':'), -1);

        Connection connection;
        ConnectionProfile profile;
        profile.endpoint = endpoint;
        profile.useTls = true;
        profile.caFile = dir.filePath(QStringLiteral("ca.pem"));
        connection.open(profile);
        RegionTreeModel regions;
        auto panel = makePanel(&regions, &connection);
        RegionSnapshot snapshot;
        snapshot.revision = 5;
        snapshot.regions = {region(QStringLiteral("eu-west"), endpoint, QString(), 5),
                            region(QStringLiteral("elsewhere"), m_server.address(), QString(), 5)};
        regions.setSnapshot(snapshot);
        QTRY_VERIFY_WITH_TIMEOUT(panel->probeForRegion(QStringLiteral("regions/eu-west")) > 0,
                                 5000);
        const int own = panel->probeForRegion(QStringLiteral("regions/eu-west"));
        QCOMPARE(panel->model()->target(own).tls, ProbeTarget::Tls::CaFile);
        QCOMPARE(panel->model()->target(own).caFile, profile.caFile);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, own, ProbeTableModel::StateColumn),
                                  QStringLiteral("Serving"), 10000);
        // Another endpoint keeps plaintext: the connection's settings are for platformd only.
        const int other = panel->probeForRegion(QStringLiteral("regions/elsewhere"));
        QCOMPARE(panel->model()->target(other).tls, ProbeTarget::Tls::Plaintext);
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, other, ProbeTableModel::StateColumn),
                                  QStringLiteral("Serving"), 10000);
    }

    // platformd reached by IP with the profile's TLS server name: the probe checks that name too.
    void regionProbeUsesTlsServerName()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.startTls(), qPrintable(platformd.errorString()));
        Connection connection;
        ConnectionProfile profile;
        profile.endpoint = platformd.address();
        profile.useTls = true;
        profile.caFile = QDir(platformd.tlsDir()).filePath(QStringLiteral("ca.pem"));
        profile.tlsServerName = QStringLiteral("localhost");
        connection.open(profile);
        RegionTreeModel regions;
        auto panel = makePanel(&regions, &connection);
        RegionSnapshot snapshot;
        snapshot.revision = 5;
        snapshot.regions = {region(QStringLiteral("eu-west"), profile.endpoint, QString(), 5)};
        regions.setSnapshot(snapshot);
        QTRY_VERIFY_WITH_TIMEOUT(panel->probeForRegion(QStringLiteral("regions/eu-west")) > 0,
                                 5000);
        const int own = panel->probeForRegion(QStringLiteral("regions/eu-west"));
        QCOMPARE(panel->model()->target(own).serverName, QStringLiteral("localhost"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(*panel, own, ProbeTableModel::StateColumn),
                                  QStringLiteral("Serving"), 10000);
    }

    // The real thing: platformd --demo's regions as RegionClient delivers them.
    void regionProbesFromPlatformdDemo()
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.start(
                     {QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")}),
                 qPrintable(platformd.errorString()));
        Connection connection;
        connection.open(testProfile(platformd.address(), platformd.adminToken()));
        RegionTreeModel regions;
        RegionClient client(&connection);
        connect(&client, &RegionClient::snapshotReceived, &regions, &RegionTreeModel::setSnapshot);
        connect(&client, &RegionClient::changesReceived, &regions, &RegionTreeModel::applyChanges);
        auto panel = makePanel(&regions, &connection, &client);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(regions.regionCount() > 0, 15000);
        int withEndpoint = 0;
        for (int row = 0; row < regions.rowCount(); ++row) {
            const Region *r = regions.region(
                regions.index(row, 0).data(RegionTreeModel::ResourceNameRole).toString());
            withEndpoint += r && !r->healthEndpoint.isEmpty();
        }
        // The demo points every region at platformd's own health service.
        QCOMPARE(withEndpoint, regions.regionCount());
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), withEndpoint, 5000);
        // Every region probe settles on an answer from platformd (serving, or not while DOWN).
        for (int row = 0; row < panel->model()->rowCount(); ++row) {
            const int id = panel->model()->idAt(row);
            QVERIFY(panel->model()->source(id).startsWith(QStringLiteral("regions/")));
            QTRY_VERIFY_WITH_TIMEOUT(panel->model()->status(id).state == ProbeState::Serving ||
                                         panel->model()->status(id).state == ProbeState::NotServing,
                                     10000);
        }
        QVERIFY(panel->manualTargets().isEmpty());
    }

    // A picture writer (OPS_SCREENSHOTS=<dir>, scripts/screenshots): <dir>/probes.png.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
        QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
        const QString path = dir + QStringLiteral("/probes.png");
        HealthServerProcess checkOnly;
        QVERIFY(checkOnly.start({QStringLiteral("--check-only")}));
        HealthServerProcess noHealth;
        QVERIFY(noHealth.start({QStringLiteral("--no-health")}));
        RegionTreeModel regions;
        auto panel = makePanel(&regions);
        panel->addManualProbe(plain(m_server.address(), QStringLiteral("api")));
        panel->addManualProbe(plain(m_server.address(), QStringLiteral("app")));
        panel->addManualProbe(plain(m_server.address(), QStringLiteral("billing.v1.Invoices")));
        panel->addManualProbe(plain(checkOnly.address()));
        panel->addManualProbe(plain(noHealth.address()));
        panel->addManualProbe(plain(QStringLiteral("127.0.0.1:1")));
        RegionSnapshot snapshot;
        snapshot.revision = 1;
        snapshot.regions = {region(QStringLiteral("eu-west"), m_server.address(), QString(), 1)};
        regions.setSnapshot(snapshot);
        panel->resize(1200, 300);
        panel->show();
        QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 7, 5000);
        for (int row = 0; row < 7; ++row)
            QTRY_VERIFY_WITH_TIMEOUT(panel->model()->status(panel->model()->idAt(row)).state !=
                                         ProbeState::Connecting,
                                     10000);
        QVERIFY(panel->grab().save(path));
    }

private:
    HealthServerProcess m_server;
};

OPS_TEST_MAIN(tst_ProbesPanel)
#include "tst_probespanel.moc"
