#include "consolefixture.h"
#include "platformdprocess.h"
#include "testmain.h"
#include "ui/common/theme.h"

#include "ui/audit/auditfilterproxymodel.h"
#include "ui/audit/auditpanel.h"
#include "ui/audit/chainbadge.h"

#include "models/audittablemodel.h"
#include "services/auditclient.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/regionclient.h"

#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace ops;

namespace {

// What app/ wires for the Audit panel.
struct Console : ConsoleFixture
{
    IdentityClient identity{&connection};
    AuditClient audit{&connection};
    AuditPanel panel{&audit, &identity, &connection};
};

// Makes platformd audit a refused request: a client with a token it does not know.
void causeDeniedCall(const QString &address)
{
    Connection connection;
    connection.open(testProfile(
        address, QStringLiteral("opt_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
    RegionClient client(&connection);
    QSignalSpy errors(&client, &RegionClient::errorOccurred);
    client.start();
    QVERIFY(errors.wait(10000));
    QVERIFY(errors.first().first().toString().contains(QLatin1String("token was refused")));
}

bool runSql(const QString &database, const QString &sql)
{
    QProcess sqlite;
    sqlite.start(QStringLiteral("sqlite3"), {database, sql});
    if (!sqlite.waitForFinished(15000) || sqlite.exitCode() != 0) {
        qWarning() << "sqlite3 failed:" << sqlite.readAllStandardError();
        return false;
    }
    return true;
}

} // namespace

class tst_AuditPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void liveVerifiedThenTamperedAndTruncated();
    void withoutPermissionExplains();
    void screenshot(); // a picture writer (OPS_SCREENSHOTS=<dir>, scripts/screenshots)

private:
    PlatformdProcess m_platformd;
    QString m_viewerToken;
};

void tst_AuditPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("OpsConsoleTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_auditpanel"));
    QSettings().clear(); // no remembered audit heads from an earlier run
    const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                              QStringLiteral("7")};
    QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
    QVERIFY2(!m_platformd.adminToken().isEmpty(), "platformd writes admin.token at first start");
    // A viewer (no audit.read) made with the CLI, which audits it too.
    const QString address = m_platformd.address();
    QCOMPARE(m_platformd.terminate(), 0);
    const QString dir = m_platformd.dataDir();
    QVERIFY(!PlatformdProcess::runCli({QStringLiteral("user"), QStringLiteral("add"),
                                       QStringLiteral("bob"), QStringLiteral("--role"),
                                       QStringLiteral("viewer"), QStringLiteral("--data-dir"), dir})
                 .isEmpty());
    m_viewerToken =
        QString::fromUtf8(
            PlatformdProcess::runCli({QStringLiteral("token"), QStringLiteral("create"),
                                      QStringLiteral("bob"), QStringLiteral("--data-dir"), dir}))
            .trimmed();
    QVERIFY2(m_viewerToken.startsWith(QLatin1String("opt_")), "token create printed no token");
    QVERIFY2(m_platformd.start(args + QStringList{QStringLiteral("--listen"), address}, dir),
             qPrintable(m_platformd.errorString()));
}

void tst_AuditPanel::liveVerifiedThenTamperedAndTruncated()
{
    const QString address = m_platformd.address();
    const QStringList restartArgs = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                     QStringLiteral("7"), QStringLiteral("--listen"), address};
    const QString dir = m_platformd.dataDir();
    const QString database = dir + QStringLiteral("/platform.db");
    qint64 rows = 0;
    {
        Console c;
        c.panel.resize(1000, 500);
        c.panel.show();
        c.connectTo(address, m_platformd.adminToken());
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.isShowingTable(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(c.panel.badge()->state(), ChainBadge::State::Verified, 10000);
        // Bootstrap, user add, token create at least.
        const qint64 before = c.panel.model()->rowCount();
        QVERIFY2(before >= 3, qPrintable(QString::number(before)));

        // A refused request shows up live, marked denied, and the chain still verifies.
        causeDeniedCall(address);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.model()->rowCount() > before, 10000);
        const int last = c.panel.model()->rowCount() - 1;
        QCOMPARE(c.panel.model()->index(last, 0).data(AuditTableModel::DeniedRole).toBool(), true);
        QCOMPARE(c.panel.model()->event(last).result, QStringLiteral("UNAUTHENTICATED"));
        QVERIFY2(!c.panel.model()->event(last).requestSummary.contains(QLatin1String("AAAAAAAA")),
                 "the audit log must not carry the token");
        QCOMPARE(c.panel.badge()->state(), ChainBadge::State::Verified);
        QVERIFY2(c.panel.badge()->text().startsWith(QLatin1String("Chain verified")),
                 qPrintable(c.panel.badge()->text()));
        QCOMPARE(c.panel.verdict().entriesChecked, qint64(c.panel.model()->rowCount()));

        // The quick filter and the server filter (with its error inline).
        c.panel.filterEdit()->setText(QStringLiteral("unauthenticated"));
        QVERIFY(c.panel.proxyModel()->rowCount() >= 1);
        QVERIFY(c.panel.proxyModel()->rowCount() < c.panel.model()->rowCount());
        c.panel.filterEdit()->clear();
        c.panel.serverFilterEdit()->setText(QStringLiteral("result = \"UNAUTHENTICATED\""));
        QTest::keyClick(c.panel.serverFilterEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.proxyModel()->rowCount() < c.panel.model()->rowCount(),
                                 10000);
        QVERIFY(c.panel.proxyModel()->rowCount() >= 1);
        QVERIFY(c.panel.serverFilterError().isEmpty());
        c.panel.serverFilterEdit()->setText(QStringLiteral("result = = ("));
        QTest::keyClick(c.panel.serverFilterEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!c.panel.serverFilterError().isEmpty(), 10000);
        c.panel.serverFilterEdit()->clear();
        QTRY_COMPARE(c.panel.proxyModel()->rowCount(), c.panel.model()->rowCount());

        // platformd's own verdict agrees.
        c.panel.verifyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.serverVerdictText().contains(QLatin1String("agrees")),
                                 10000);
        rows = c.panel.model()->rowCount();

        // platformd goes away: the panel says its data is stale (after 10 s of silence).
        QCOMPARE(m_platformd.terminate(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.staleText().startsWith(QLatin1String("Stale since")),
                                 20000);
        QVERIFY(c.panel.proxyModel()->isStale());
    }

    // Someone edits row 2 directly in the SQLite file.
    QVERIFY(runSql(database, QStringLiteral("DROP TRIGGER audit_no_update; DROP TRIGGER "
                                            "audit_no_delete; UPDATE audit SET resource = "
                                            "resource || '-mallory' WHERE seq = 2;")));
    QVERIFY2(m_platformd.start(restartArgs, dir), qPrintable(m_platformd.errorString()));
    {
        Console c;
        c.panel.show();
        c.connectTo(address, m_platformd.adminToken());
        QTRY_COMPARE_WITH_TIMEOUT(c.panel.badge()->state(), ChainBadge::State::Broken, 15000);
        QCOMPARE(c.panel.verdict().firstBadSeq, qint64(2));
        QVERIFY2(c.panel.badge()->text().startsWith(QLatin1String("Chain BROKEN at seq 2")),
                 qPrintable(c.panel.badge()->text()));
        const int row = c.panel.model()->rowForSeq(2);
        QVERIFY(c.panel.model()->index(row, 0).data(AuditTableModel::FirstBadRole).toBool());
        c.panel.selectFirstBadEntry();
        const QModelIndex current = c.panel.view()->currentIndex();
        QCOMPARE(current.data(AuditTableModel::SeqRole).toLongLong(), qint64(2));
        c.panel.verifyButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.serverVerdictText().contains(QLatin1String("broken")),
                                 10000);
        QCOMPARE(m_platformd.terminate(), 0);
    }

    // Undo the edit, but cut the log's end: a shorter chain that is valid in itself. The head this
    // console remembered for the endpoint catches it. (platformd put the append-only triggers
    // back when it started: drop them again.)
    QVERIFY(runSql(database, QStringLiteral("DROP TRIGGER audit_no_update; DROP TRIGGER "
                                            "audit_no_delete; "
                                            "UPDATE audit SET resource = substr(resource, 1, "
                                            "length(resource) - 8) WHERE seq = 2; DELETE FROM "
                                            "audit WHERE seq > %1;")
                                 .arg(rows - 2)));
    QVERIFY2(m_platformd.start(restartArgs, dir), qPrintable(m_platformd.errorString()));
    {
        Console c;
        c.panel.show();
        c.connectTo(address, m_platformd.adminToken());
        QTRY_COMPARE_WITH_TIMEOUT(c.panel.badge()->state(), ChainBadge::State::Broken, 15000);
        QCOMPARE(c.panel.verdict().problem, AuditChainVerifier::Problem::Truncated);
        QVERIFY2(c.panel.badge()->text().contains(QLatin1String("removed")),
                 qPrintable(c.panel.badge()->text()));
    }
}

void tst_AuditPanel::withoutPermissionExplains()
{
    Console c;
    c.panel.show();
    QSignalSpy states(&c.audit, &AuditClient::streamStateChanged);
    c.connectTo(m_platformd.address(), m_viewerToken);
    QTRY_VERIFY_WITH_TIMEOUT(c.identity.identity().isValid(), 10000);
    QVERIFY(!c.identity.permissions().has(Permissions::AuditRead));
    QVERIFY2(c.panel.emptyStateText().contains(QLatin1String("audit.read")),
             qPrintable(c.panel.emptyStateText()));
    QVERIFY(!c.panel.verifyButton()->isEnabled());
    QVERIFY(c.panel.verifyButton()->toolTip().contains(QLatin1String("audit.read")));
    // It never asked: no listing, no refusal.
    QCOMPARE(c.audit.streamState(), AuditClient::StreamState::Stopped);
    QVERIFY(states.isEmpty());
}

// The panel as an admin sees it, with a refused call among the entries: <dir>/audit.png.
void tst_AuditPanel::screenshot()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    if (const QString mode = qEnvironmentVariable("OPS_SCREENSHOT_THEME"); !mode.isEmpty())
        theme::apply(theme::modeFromString(mode));
    causeDeniedCall(m_platformd.address());
    Console c;
    c.panel.resize(1400, 850);
    c.panel.show();
    c.connectTo(m_platformd.address(), m_platformd.adminToken());
    QTRY_VERIFY_WITH_TIMEOUT(c.panel.isShowingTable(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(c.panel.badge()->state(), ChainBadge::State::Verified, 10000);
    QVERIFY(c.panel.grab().save(dir + QStringLiteral("/audit.png")));
}

OPS_TEST_MAIN(tst_AuditPanel)
#include "tst_auditpanel.moc"
