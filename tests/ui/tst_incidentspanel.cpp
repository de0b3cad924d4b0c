#include "consolefixture.h"
#include "platformdprocess.h"
#include "testmain.h"

#include "ui/common/theme.h"
#include "ui/incidents/incidentactions.h"
#include "ui/incidents/incidentanalyticsview.h"
#include "ui/incidents/incidentdetail.h"
#include "ui/incidents/incidentnotifier.h"
#include "ui/incidents/incidentspanel.h"
#include "ui/registry/actiondialog.h"

#include "models/incidentfilterproxymodel.h"
#include "models/incidenttablemodel.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/incidentclient.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <optional>

using namespace ops;

namespace {

// What MainWindow wires for the Incidents panel, signed in with one token.
struct Console : ConsoleFixture
{
    IdentityClient identity{&connection};
    IncidentClient client{&connection};
    IncidentsPanel panel{&client, &identity};

    Console(const QString &address, const QString &token)
    {
        panel.resize(1400, 700);
        panel.show();
        client.start();
        connectTo(address, token);
    }
    bool ready() const
    {
        return client.streamState() == IncidentClient::StreamState::Streaming &&
               identity.permissions().isKnown();
    }
    IncidentActions *actions() const { return panel.actions(); }
    IncidentState stateOf(const QString &name) const
    {
        const Incident *i = panel.incidentsModel()->find(name);
        return i ? i->state : IncidentState::Unspecified;
    }
    // The queue's cell of `name` as the view shows it (empty when the row is filtered out).
    QString cell(const QString &name, int column) const
    {
        const int row = panel.incidentsModel()->rowOf(name);
        if (row < 0)
            return {};
        const QModelIndex index =
            panel.queueProxy()->mapFromSource(panel.incidentsModel()->index(row, column));
        return index.isValid() ? index.data().toString() : QString();
    }
};

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

} // namespace

class tst_IncidentsPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                  QStringLiteral("11")};
        QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
        m_admin = m_platformd.adminToken();
        QVERIFY(!m_admin.isEmpty());
        // Users are added while platformd is stopped (the CLI refuses a data dir in use).
        QCOMPARE(m_platformd.terminate(), 0);
        m_viewer = addUser(m_platformd.dataDir(), QStringLiteral("vera"), QStringLiteral("viewer"));
        QVERIFY(m_viewer.startsWith(QLatin1String("opt_")));
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
    }

    // The queue shows what platformd holds, live; the filter narrows it, with an empty state.
    void queueShowsAndFilters()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        const QString name =
            declare(c, QStringLiteral("Payment gateway 502s zebra"), IncidentSeverity::Sev2);
        QVERIFY(!name.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(c.cell(name, IncidentTableModel::StateColumn),
                                  QStringLiteral("Triggered"), 10000);
        QCOMPARE(c.cell(name, IncidentTableModel::SeverityColumn), QStringLiteral("SEV2"));
        QVERIFY(c.panel.queueProxy()->rowCount() >= 1);
        QVERIFY(c.panel.emptyText().isEmpty());

        c.panel.filterEdit()->setText(QStringLiteral("zebra"));
        QCOMPARE(c.panel.queueProxy()->rowCount(), 1);
        QCOMPARE(c.panel.queueProxy()->index(0, 0).data(IncidentTableModel::NameRole).toString(),
                 name);
        QVERIFY2(c.panel.countText().startsWith(QLatin1String("1 of ")),
                 qPrintable(c.panel.countText()));
        c.panel.filterEdit()->setText(QStringLiteral("no-such-incident-anywhere"));
        QCOMPARE(c.panel.queueProxy()->rowCount(), 0);
        QVERIFY(!c.panel.emptyText().isEmpty());
        c.panel.filterEdit()->clear();
        QVERIFY(c.panel.queueProxy()->rowCount() >= 1);

        // The detail shows the selected incident, its header and its timeline.
        c.panel.selectIncident(name);
        QCOMPARE(c.panel.currentIncident(), name);
        QVERIFY(c.panel.detail()->headerText().contains(QLatin1String("zebra")));
        QVERIFY(c.panel.detail()->headerText().contains(QLatin1String("regions/eu-west")));
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.detail()->timelineView()->topLevelItemCount() >= 1, 10000);
    }

    // A viewer sees the queue; every changing action is disabled and says which permission.
    void viewerActionsDisabledWithReason()
    {
        Console admin(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(admin.ready(), 20000);
        const QString name =
            declare(admin, QStringLiteral("Viewer sees this"), IncidentSeverity::Sev3);
        QVERIFY(!name.isEmpty());

        Console c(m_platformd.address(), m_viewer);
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.incidentsModel()->find(name) != nullptr, 10000);
        c.panel.selectIncident(name);
        for (auto kind :
             {IncidentActions::Acknowledge, IncidentActions::Assign, IncidentActions::Mitigate,
              IncidentActions::Resolve, IncidentActions::AddNote}) {
            QAction *action = c.actions()->action(kind);
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
            QVERIFY2(action->toolTip().contains(QLatin1String("incidents.write")),
                     qPrintable(action->toolTip()));
        }
        QVERIFY(c.actions()
                    ->action(IncidentActions::Silence)
                    ->toolTip()
                    .contains(QLatin1String("silences.write")));
        // Triggering anyway (the shortcut) opens nothing.
        c.actions()->action(IncidentActions::Acknowledge)->trigger();
        QVERIFY(!c.actions()->openDialog());
    }

    // Acknowledge → mitigate → resolve with a note, each through its confirmation; the queue
    // follows live.
    void lifecycleThroughDialogs()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        const QString name = declare(c, QStringLiteral("Search latency"), IncidentSeverity::Sev1);
        QVERIFY(!name.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.incidentsModel()->find(name) != nullptr, 10000);
        c.panel.selectIncident(name);

        QAction *ack = c.actions()->action(IncidentActions::Acknowledge);
        QVERIFY2(ack->isEnabled(), qPrintable(ack->toolTip()));
        QCOMPARE(ack->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+A")));
        ack->trigger();
        ActionDialog *dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->effectText().contains(QLatin1String("Acknowledged")),
                 qPrintable(dialog->effectText()));
        dialog->setComment(QStringLiteral("looking"));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(c.cell(name, IncidentTableModel::StateColumn),
                                  QStringLiteral("Acknowledged"), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!c.actions()->action(IncidentActions::Acknowledge)->isEnabled(),
                                 5000);

        c.actions()->action(IncidentActions::AddNote)->trigger();
        dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        QVERIFY(!dialog->isAcceptable()); // a note needs text
        dialog->setComment(QStringLiteral("Rolled back the index build."));
        QVERIFY(dialog->isAcceptable());
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(timelineHas(c, QStringLiteral("Rolled back the index build.")),
                                 10000);

        c.actions()->action(IncidentActions::Mitigate)->trigger();
        dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(c.stateOf(name), IncidentState::Mitigated, 10000);

        c.actions()->action(IncidentActions::Resolve)->trigger();
        dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->effectText().contains(QLatin1String("Resolved")));
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(c.stateOf(name), IncidentState::Resolved, 10000);
        // "Open only" hides it now; unticked, it shows as resolved.
        QVERIFY(c.cell(name, IncidentTableModel::StateColumn).isEmpty());
        c.panel.findChild<QCheckBox *>(QStringLiteral("openOnly"))->setChecked(false);
        QCOMPARE(c.cell(name, IncidentTableModel::StateColumn), QStringLiteral("Resolved"));
        // The action's own confirmation comes with its reply, which may follow the watch's
        // event that changed the state above.
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.messageText().contains(QLatin1String("resolved")), 10000);
    }

    // A new SEV1/SEV2 that arrives live is announced; the initial listing is not.
    void notifiesNewSevereIncidents()
    {
        Console c(m_platformd.address(), m_admin);
        QSignalSpy notified(c.panel.notifier(), &IncidentNotifier::notified);
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        QVERIFY(c.panel.incidentsModel()->rowCount() >= 1); // listed, not announced
        QCOMPARE(notified.count(), 0);
        declare(c, QStringLiteral("Minor thing"), IncidentSeverity::Sev4);
        const QString name =
            declare(c, QStringLiteral("Everything is down"), IncidentSeverity::Sev1);
        QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 1, 10000);
        bool announced = false;
        for (const QList<QVariant> &args : std::as_const(notified)) {
            QVERIFY(!args.at(2).toString().isEmpty());
            announced |= args.at(2).toString() == name;
            QVERIFY(args.at(0).toString().startsWith(QLatin1String("SEV1")) ||
                    args.at(0).toString().startsWith(QLatin1String("SEV2")));
        }
        QVERIFY(announced);
    }

    // CSV: the queue as filtered, RFC 4180 quoting.
    // The runbook of the selected incident's alert, edited through its dialog, arrives live.
    void editsRunbook()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        c.panel.findChild<QCheckBox *>(QStringLiteral("openOnly"))->setChecked(false);
        QString name;
        for (int row = 0; row < c.panel.incidentsModel()->rowCount() && name.isEmpty(); ++row) {
            if (!c.panel.incidentsModel()->incident(row).alerts.isEmpty())
                name = c.panel.incidentsModel()->incident(row).name;
        }
        QVERIFY2(!name.isEmpty(), "the demo has incidents with alerts");
        c.panel.selectIncident(name);
        QAction *edit = c.actions()->action(IncidentActions::EditRunbook);
        QVERIFY2(edit->isEnabled(), qPrintable(edit->toolTip()));
        edit->trigger();
        ActionDialog *dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        const QString text = QStringLiteral("# Steps\n\n1. Check the **wombat** dashboard.");
        dialog->setComment(text);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.messageText().startsWith(QLatin1String("Runbook for")),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            c.panel.detail()->runbookView()->toPlainText().contains(QLatin1String("wombat")),
            10000);
        QVERIFY(c.panel.alertmanagersText().contains(QLatin1String("Alertmanager")));
    }

    // The Analytics tab: figures and charts for the chosen window, counted as the queue shows them.
    void analyticsMatchesTheQueue()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        IncidentAnalyticsView *view = c.panel.analytics();
        QSignalSpy loaded(view, &IncidentAnalyticsView::loaded);
        c.panel.tabs()->setCurrentWidget(view);
        QVERIFY(loaded.wait(20000));
        IncidentAnalytics a = view->analytics();
        QCOMPARE(a.startTime.daysTo(a.endTime), 30);
        QVERIFY(a.triggered >= 1); // the demo's 60 days hold about 90 incidents a month
        int bySeverity = 0;
        for (const IncidentCount &count : a.bySeverity)
            bySeverity += count.count;
        QCOMPARE(bySeverity, a.triggered);
        QVERIFY2(view->figuresText().contains(QLatin1String("MTTA")),
                 qPrintable(view->figuresText()));
        // The same window counted from the live queue (which may still be catching up on an
        // incident the simulator declared a moment ago).
        auto inWindow = [&] {
            int n = 0;
            IncidentTableModel *model = c.panel.incidentsModel();
            for (int row = 0; row < model->rowCount(); ++row) {
                const QDateTime t = model->incident(row).triggerTime;
                n += t >= a.startTime && t < a.endTime;
            }
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(inWindow(), a.triggered, 10000);

        // Another window is fetched anew.
        QComboBox *window = view->findChild<QComboBox *>();
        QVERIFY(window);
        window->setCurrentIndex(0); // the last 24 hours
        QVERIFY(loaded.wait(20000));
        a = view->analytics();
        QCOMPARE(a.startTime.secsTo(a.endTime), qint64(86400));
        QTRY_COMPARE_WITH_TIMEOUT(inWindow(), a.triggered, 10000);
    }

    void screenshot(); // a picture writer (OPS_SCREENSHOTS=<dir>, scripts/screenshots)

    void exportsCsv()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        const QString title = QStringLiteral("Disk \"full\", quokka");
        const QString name = declare(c, title, IncidentSeverity::Sev3);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.incidentsModel()->find(name) != nullptr, 10000);
        c.panel.filterEdit()->setText(QStringLiteral("quokka"));
        QCOMPARE(c.panel.queueProxy()->rowCount(), 1);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("incidents.csv"));
        QString error;
        QVERIFY2(c.panel.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), 3); // header, one row, the empty rest after the last CRLF
        QVERIFY(lines.at(0).startsWith("#,Severity,State,Title,Open for,Assignee,Regions,"));
        QVERIFY(lines.at(0).endsWith("\r"));
        const Incident *i = c.panel.incidentsModel()->find(name);
        QVERIFY(i);
        QVERIFY2(lines.at(1).startsWith(
                     QStringLiteral("#%1,SEV3,Triggered,\"Disk \"\"full\"\", quokka\",")
                         .arg(i->number)
                         .toUtf8()),
                 lines.at(1).constData());
    }

private:
    // Declares an incident through the console's client; its name, or empty.
    QString declare(Console &c, const QString &title, IncidentSeverity severity)
    {
        Incident d;
        d.title = title;
        d.severity = severity;
        d.regions = {QStringLiteral("regions/eu-west")};
        std::optional<Incident> made;
        c.client.createIncident(d, [&made](const Incident &i, const IncidentError &e) {
            if (e.isError())
                qWarning() << e.text;
            made = e.isError() ? Incident() : i;
        });
        if (!QTest::qWaitFor([&made] { return made.has_value(); }, 15000))
            return {};
        return made->name;
    }
    static bool timelineHas(const Console &c, const QString &text)
    {
        const QTreeWidget *t = c.panel.detail()->timelineView();
        for (int row = 0; row < t->topLevelItemCount(); ++row)
            if (t->topLevelItem(row)->text(3).contains(text))
                return true;
        return false;
    }

    PlatformdProcess m_platformd;
    QString m_admin;
    QString m_viewer;
};

// The queue and the worst open incident's detail, on the demo (its incidents follow the simulated
// region incidents and failovers): <dir>/incidents.png.
void tst_IncidentsPanel::screenshot()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    if (const QString mode = qEnvironmentVariable("OPS_SCREENSHOT_THEME"); !mode.isEmpty())
        theme::apply(theme::modeFromString(mode));
    Console c(m_platformd.address(), m_admin);
    c.panel.resize(1500, 820);
    QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(c.panel.incidentsModel()->rowCount() >= 3, 20000);
    if (c.panel.queueProxy()->rowCount() < 8) // a quiet moment: show the recent history too
        c.panel.findChild<QCheckBox *>(QStringLiteral("openOnly"))->setChecked(false);
    // The worst open incident with a region (a live failover's), else the worst with alerts.
    QString pick = c.panel.queueProxy()->index(0, 0).data(IncidentTableModel::NameRole).toString();
    QString withAlerts;
    for (int row = 0; row < c.panel.queueProxy()->rowCount(); ++row) {
        const QString name =
            c.panel.queueProxy()->index(row, 0).data(IncidentTableModel::NameRole).toString();
        const Incident *i = c.panel.incidentsModel()->find(name);
        if (i && i->isOpen() && !i->regions.isEmpty()) {
            pick = name;
            withAlerts.clear();
            break;
        }
        if (i && withAlerts.isEmpty() && !i->alerts.isEmpty())
            withAlerts = name;
    }
    if (!withAlerts.isEmpty())
        pick = withAlerts;
    c.panel.selectIncident(pick);
    QTRY_VERIFY_WITH_TIMEOUT(c.panel.detail()->timelineView()->topLevelItemCount() >= 1, 10000);
    QCoreApplication::processEvents(); // lay out the fetched timeline; grab() paints it
    QVERIFY(c.panel.grab().save(dir + QStringLiteral("/incidents.png")));
}

OPS_TEST_MAIN(tst_IncidentsPanel)
#include "tst_incidentspanel.moc"
