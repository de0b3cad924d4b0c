#include "consolefixture.h"
#include "platformdprocess.h"

#include "ui/activity/activitypanel.h"
#include "ui/common/theme.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/panelregistry.h"
#include "ui/panels.h"
#include "ui/regions/regionfilterproxymodel.h"
#include "ui/regions/regionspanel.h"

#include "models/regiontreemodel.h"
#include "services/auditclient.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/modelregistryclient.h"
#include "services/regionclient.h"
#include "services/services.h"
#include "ui/audit/auditpanel.h"
#include "ui/audit/chainbadge.h"
#include "ui/common/resourceselection.h"
#include "ui/incidents/incidentspanel.h"
#include "ui/registry/registrypanel.h"

#include "models/incidenttablemodel.h"
#include "models/modeltablemodel.h"
#include "services/incidentclient.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace ops;

namespace {

// The region panels' context, as app/ wires it.
PanelContext regionContext(RegionConsole &console)
{
    PanelContext context;
    context.regions = &console.model;
    context.clients = {&console.connection, &console.client};
    return context;
}

// What app/ wires together, for one window.
struct Console : RegionConsole
{
    MainWindow window{regionContext(*this)};
};

// The whole console: identity in the status bar and the Audit panel too.
struct FullConsole : RegionConsole
{
    IdentityClient identity{&connection};
    AuditClient audit{&connection};
    MainWindow window{fullContext()};

    PanelContext fullContext()
    {
        PanelContext context = regionContext(*this);
        context.clients << &identity << &audit;
        return context;
    }
};

// Offline window: the layout tests need no platform.
struct OfflineWindow
{
    RegionTreeModel model;
    MainWindow window{PanelContext{&model}};
};

int countPixelsNear(const QImage &image, const QColor &color, int tolerance = 12)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            if (qAbs(qRed(p) - color.red()) <= tolerance &&
                qAbs(qGreen(p) - color.green()) <= tolerance &&
                qAbs(qBlue(p) - color.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void liveRegions();
    void filterAndEmptyStates();
    void errorBanner();
    void viewMenuListsExactlyThePanels();
    void servicesMeetEveryPanelsNeeds();
    void layoutRoundTrip();
    void layoutVersionMismatchGivesDefaults();
    void resetLayout();
    void savedLayoutSurvivesANewPanel();
    void registeredPanelGetsDockMenuAndPlace();
    void rolePresetsShowTheRolesPanels();
    void grabShowsStatusColours();
    void identityAuditPanelAndStaleRegions();
    void incidentSelectionShowsItsRegionAndModel();

private:
    PlatformdProcess m_platformd;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("OpsConsoleTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QVERIFY2(m_platformd.start(
                 {QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")}),
             qPrintable(m_platformd.errorString()));
}

void tst_MainWindow::init()
{
    QSettings().clear();
}

void tst_MainWindow::liveRegions()
{
    Console c;
    c.window.show();
    RegionsPanel *panel = c.window.findPanel<RegionsPanel>();
    QVERIFY(!panel->isShowingTree());
    c.open(m_platformd.address(), m_platformd.adminToken());
    QVERIFY(panel->emptyStateText().contains(m_platformd.address()));

    QTreeView *view = panel->view();
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 9, 15000);
    QVERIFY(panel->isShowingTree());
    QVERIFY2(panel->summaryText().startsWith(QLatin1String("9 region")),
             qPrintable(panel->summaryText()));
    QVERIFY(c.window.endpointText().contains(m_platformd.address()));
    QTRY_COMPARE_WITH_TIMEOUT(c.window.channelStateText(),
                              Connection::stateText(Connection::State::Ready), 10000);

    // Regions expand to their components.
    const QModelIndex first = view->model()->index(0, 0);
    QVERIFY(view->model()->rowCount(first) > 0);

    // Live updates: changes arrive after the snapshot and move the model's revision on.
    const qint64 revision = c.model.revision();
    QSignalSpy changes(&c.client, &RegionClient::changesReceived);
    QVERIFY(changes.wait(15000));
    QTRY_VERIFY_WITH_TIMEOUT(c.model.revision() > revision, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(c.window.findPanel<ActivityPanel>()->model()->rowCount() > 0, 5000);
    QTRY_VERIFY(c.window.lastEventText().contains(QLatin1String("last event")));
    QVERIFY(!c.window.isStale());
}

void tst_MainWindow::filterAndEmptyStates()
{
    Console c;
    c.window.show();
    c.open(m_platformd.address(), m_platformd.adminToken());
    RegionsPanel *panel = c.window.findPanel<RegionsPanel>();
    QTRY_COMPARE_WITH_TIMEOUT(panel->view()->model()->rowCount(), 9, 15000);

    const QString firstName =
        c.model.index(0, RegionTreeModel::NameColumn).data(Qt::DisplayRole).toString();
    panel->filterEdit()->setText(firstName);
    QVERIFY(panel->view()->model()->rowCount() >= 1);
    QVERIFY(panel->view()->model()->rowCount() < 9);

    panel->filterEdit()->setText(QStringLiteral("no-such-region-xyz"));
    QCOMPARE(panel->view()->model()->rowCount(), 0);
    QVERIFY(!panel->isShowingTree());
    QVERIFY(panel->emptyStateText().contains(QLatin1String("no-such-region-xyz")));

    panel->filterEdit()->clear();
    QCOMPARE(panel->view()->model()->rowCount(), 9);
    QVERIFY(panel->isShowingTree());
}

void tst_MainWindow::errorBanner()
{
    Console c;
    c.window.show();
    RegionsPanel *panel = c.window.findPanel<RegionsPanel>();
    QVERIFY(panel->errorText().isEmpty());
    emit c.client.errorOccurred(QStringLiteral("Listing regions failed: unavailable"));
    QCOMPARE(panel->errorText(), QStringLiteral("Listing regions failed: unavailable"));
    QVERIFY(!panel->isShowingTree());
    // Data flowing again clears the banner.
    c.open(m_platformd.address(), m_platformd.adminToken());
    QTRY_COMPARE_WITH_TIMEOUT(panel->view()->model()->rowCount(), 9, 15000);
    QTRY_VERIFY(panel->errorText().isEmpty());
}

void tst_MainWindow::viewMenuListsExactlyThePanels()
{
    OfflineWindow w;
    const QList<PanelRegistry::Panel> panels = w.window.panels()->panels();
    // Without a connection there is no Audit and no Model registry panel; every other panel is
    // there, each once, in this order.
    QStringList ids;
    for (const PanelRegistry::Panel &panel : panels)
        ids << panel.id;
    QCOMPARE(ids, (QStringList{QStringLiteral("kpis"), QStringLiteral("map"),
                               QStringLiteral("regions"), QStringLiteral("regionDetail"),
                               QStringLiteral("activity"), QStringLiteral("probes")}));
    QStringList panelTitles;
    for (const PanelRegistry::Panel &panel : panels) {
        QCOMPARE(panel.dock->objectName(), panel.id);
        panelTitles << panel.title;
    }
    QStringList toggles;
    bool hasReset = false;
    for (QAction *action : w.window.viewMenu()->actions()) {
        if (action->isSeparator() || action->menu())
            continue;
        if (action->objectName() == QLatin1String("actionResetLayout")) {
            hasReset = true;
            continue;
        }
        QVERIFY(action->isCheckable());
        toggles << action->text();
    }
    QVERIFY(hasReset);
    QCOMPARE(toggles, panelTitles);
}

// app/ passes Services::clients(): each panel finds its client by type, and every panel's needs
// are met, so a panel that needs a new client needs no change of PanelContext or app/.
void tst_MainWindow::servicesMeetEveryPanelsNeeds()
{
    Services services;
    PanelContext context;
    QCOMPARE(context.client<Connection>(), nullptr);
    context.clients = services.clients();
    QCOMPARE(context.client<Connection>(), services.connection());
    QCOMPARE(context.client<RegionClient>(), services.regions());
    QCOMPARE(context.client<IdentityClient>(), services.identity());
    QCOMPARE(context.client<AuditClient>(), services.audit());
    QCOMPARE(context.client<ModelRegistryClient>(), services.registry());
    QCOMPARE(context.client<QObject>(), services.connection()); // the first that fits

    RegionTreeModel model;
    context.regions = &model;
    MainWindow window(context);
    QStringList ids;
    for (const PanelRegistry::Panel &panel : window.panels()->panels())
        ids << panel.id;
    QStringList all;
    for (const PanelSpec &spec : consolePanels()) {
        for (const QMetaObject *type : spec.needs)
            QVERIFY2(context.hasClient(type), qPrintable(spec.id));
        all << spec.id;
    }
    QCOMPARE(ids, all);
}

void tst_MainWindow::layoutRoundTrip()
{
    {
        OfflineWindow w;
        QVERIFY(!w.window.restoreLayout()); // nothing saved yet
        w.window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        w.window.addDockWidget(Qt::LeftDockWidgetArea,
                               w.window.panels()->dock(QStringLiteral("regions")));
        w.window.panels()->dock(QStringLiteral("activity"))->hide();
        w.window.close(); // saves
    }
    OfflineWindow w;
    QVERIFY(w.window.restoreLayout());
    w.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QDockWidget *regions = w.window.panels()->dock(QStringLiteral("regions"));
    QDockWidget *activity = w.window.panels()->dock(QStringLiteral("activity"));
    QCOMPARE(w.window.dockWidgetArea(regions), Qt::LeftDockWidgetArea);
    QVERIFY(regions->isVisible());
    QVERIFY(!activity->isVisible());
    QVERIFY(!activity->toggleViewAction()->isChecked());
}

void tst_MainWindow::layoutVersionMismatchGivesDefaults()
{
    {
        OfflineWindow w;
        w.window.show();
        w.window.panels()->dock(QStringLiteral("activity"))->hide();
        w.window.saveLayout();
    }
    QSettings().setValue(QStringLiteral("mainwindow/layoutVersion"), MainWindow::LayoutVersion + 1);
    OfflineWindow w;
    QVERIFY(!w.window.restoreLayout());
    w.window.show();
    for (const PanelRegistry::Panel &panel : w.window.panels()->panels()) {
        QVERIFY2(panel.dock->isVisible(), qPrintable(panel.id));
        QCOMPARE(w.window.dockWidgetArea(panel.dock), panel.defaultArea);
    }
}

void tst_MainWindow::resetLayout()
{
    OfflineWindow w;
    w.window.show();
    QDockWidget *regions = w.window.panels()->dock(QStringLiteral("regions"));
    QDockWidget *activity = w.window.panels()->dock(QStringLiteral("activity"));
    w.window.addDockWidget(Qt::RightDockWidgetArea, regions);
    activity->hide();
    QCOMPARE(w.window.dockWidgetArea(regions), Qt::RightDockWidgetArea);

    QAction *reset = w.window.findChild<QAction *>(QStringLiteral("actionResetLayout"));
    QVERIFY(reset);
    reset->trigger();
    QCOMPARE(w.window.dockWidgetArea(regions), Qt::TopDockWidgetArea);
    QCOMPARE(w.window.dockWidgetArea(activity), Qt::BottomDockWidgetArea);
    QVERIFY(regions->isVisible());
    QVERIFY(activity->isVisible());
}

// A panel added in a later version: the saved layout keeps the user's arrangement (no version
// bump, no reset) and the new panel appears in its default place.
void tst_MainWindow::savedLayoutSurvivesANewPanel()
{
    QList<PanelSpec> older = consolePanels();
    older.erase(
        std::remove_if(older.begin(), older.end(),
                       [](const PanelSpec &spec) { return spec.id == QLatin1String("probes"); }),
        older.end());
    {
        RegionTreeModel model;
        MainWindow window(PanelContext{&model}, older);
        QVERIFY(!window.panels()->dock(QStringLiteral("probes")));
        window.resetLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.addDockWidget(Qt::LeftDockWidgetArea,
                             window.panels()->dock(QStringLiteral("regions")));
        window.panels()->dock(QStringLiteral("kpis"))->hide();
        window.saveLayout();
    }
    RegionTreeModel model;
    MainWindow window(PanelContext{&model});
    QVERIFY(window.restoreLayout()); // not reset: the user's arrangement stays
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget *regions = window.panels()->dock(QStringLiteral("regions"));
    QCOMPARE(window.dockWidgetArea(regions), Qt::LeftDockWidgetArea);
    QVERIFY(!window.panels()->dock(QStringLiteral("kpis"))->isVisible());
    QDockWidget *probes = window.panels()->dock(QStringLiteral("probes"));
    QVERIFY(probes);
    QVERIFY(!probes->isFloating());
    QVERIFY(probes->isVisible());
    QCOMPARE(window.dockWidgetArea(probes), Qt::BottomDockWidgetArea);
    QVERIFY(window.tabifiedDockWidgets(window.panels()->dock(QStringLiteral("activity")))
                .contains(probes));

    // Saved again, the new panel is known: where the user puts it is where it stays.
    window.addDockWidget(Qt::LeftDockWidgetArea, probes);
    window.saveLayout();
    RegionTreeModel model2;
    MainWindow again(PanelContext{&model2});
    QVERIFY(again.restoreLayout());
    QCOMPARE(again.dockWidgetArea(again.panels()->dock(QStringLiteral("probes"))),
             Qt::LeftDockWidgetArea);
}

// A panel is its spec: the window gives it a dock, a View menu entry and its default place,
// and creates it only when the context has what it needs.
void tst_MainWindow::registeredPanelGetsDockMenuAndPlace()
{
    PanelSpec extra;
    extra.id = QStringLiteral("extra");
    extra.title = "Extra";
    extra.area = Qt::BottomDockWidgetArea;
    extra.tabBehind = QStringLiteral("activity");
    QPointer<QLabel> created;
    extra.create = [&created](const PanelContext &context, PanelHost &host) -> QWidget * {
        if (!context.selection || !host.panelWidget(QStringLiteral("activity")))
            return nullptr; // the window passes its selection; earlier panels are found by id
        created = new QLabel(QStringLiteral("extra"), host.hostWidget());
        return created;
    };
    PanelSpec needy = extra;
    needy.id = QStringLiteral("needy");
    needy.needs = {&AuditClient::staticMetaObject};

    RegionTreeModel model;
    MainWindow window(PanelContext{&model}, consolePanels() + QList<PanelSpec>{extra, needy});
    QVERIFY(created);
    QDockWidget *dock = window.panels()->dock(QStringLiteral("extra"));
    QVERIFY(dock);
    QCOMPARE(window.panels()->content(QStringLiteral("extra")), created.data());
    QVERIFY(dock->widget()->isAncestorOf(created.data())); // in the dock's scroll area
    QCOMPARE(window.panelWidget(QStringLiteral("extra")), created.data());
    QCOMPARE(window.findPanel<QLabel>(), created.data());
    QCOMPARE(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QVERIFY(window.tabifiedDockWidgets(window.panels()->dock(QStringLiteral("activity")))
                .contains(dock));
    QVERIFY(!window.panels()->dock(QStringLiteral("needy"))); // no audit client: not created
    QStringList toggles;
    for (QAction *action : window.viewMenu()->actions())
        toggles << action->objectName();
    QVERIFY(toggles.contains(QStringLiteral("actionPanel_extra")));
    QVERIFY(!toggles.contains(QStringLiteral("actionPanel_needy")));
}

void tst_MainWindow::rolePresetsShowTheRolesPanels()
{
    RegionConsole console;
    IdentityClient identity{&console.connection};
    AuditClient audit{&console.connection};
    PanelContext context = regionContext(console);
    context.clients << &identity << &audit;
    MainWindow window(context);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto trigger = [&window](const QString &name) {
        auto *action = window.findChild<QAction *>(name);
        QVERIFY2(action, qPrintable(name));
        action->trigger();
    };
    const auto visible = [&window] {
        QStringList ids;
        for (const PanelRegistry::Panel &panel : window.panels()->panels()) {
            if (panel.dock->isVisible())
                ids << panel.id;
        }
        return ids;
    };
    trigger(QStringLiteral("actionPreset_compliance_officer"));
    QCOMPARE(visible(), QStringList{QStringLiteral("audit")});
    trigger(QStringLiteral("actionPreset_manager"));
    QCOMPARE(visible(), (QStringList{QStringLiteral("kpis"), QStringLiteral("map"),
                                     QStringLiteral("regions"), QStringLiteral("regionDetail")}));
    trigger(QStringLiteral("actionPreset_all"));
    QCOMPARE(visible().size(), window.panels()->panels().size());
}

void tst_MainWindow::grabShowsStatusColours()
{
    Console c;
    c.window.resize(1400, 850);
    c.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&c.window));
    c.open(m_platformd.address(), m_platformd.adminToken());
    QTRY_COMPARE_WITH_TIMEOUT(c.window.findPanel<RegionsPanel>()->view()->model()->rowCount(), 9,
                              15000);
    QSignalSpy changes(&c.client, &RegionClient::changesReceived);
    QVERIFY(changes.wait(15000));

    const QImage image = c.window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), c.window.size() * c.window.devicePixelRatio());

    // The status badges are painted in the status colours of the palette in use.
    int statusPixels = 0;
    QStringList seen;
    for (HealthStatus status : {HealthStatus::Healthy, HealthStatus::Degraded, HealthStatus::Down,
                                HealthStatus::Maintenance}) {
        const int n = countPixelsNear(image, theme::statusColor(status, c.window.palette()));
        statusPixels += n;
        seen << QStringLiteral("%1=%2").arg(healthStatusText(status)).arg(n);
    }
    QVERIFY2(statusPixels > 200, qPrintable(seen.join(QLatin1Char(' '))));
    QVERIFY2(countPixelsNear(image, theme::statusColor(HealthStatus::Healthy, c.window.palette())) >
                 50,
             qPrintable(seen.join(QLatin1Char(' '))));
}

void tst_MainWindow::identityAuditPanelAndStaleRegions()
{
    PlatformdProcess platformd;
    QVERIFY2(
        platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")}),
        qPrintable(platformd.errorString()));
    FullConsole c;
    c.window.show();
    // The Audit panel is registered like every panel: a dock and a View menu entry.
    QVERIFY(c.window.findPanel<AuditPanel>());
    QVERIFY(c.window.panels()->dock(QStringLiteral("audit")));
    QVERIFY(c.window.viewMenu()->findChild<QAction *>(QStringLiteral("actionPanel_audit")) ||
            std::any_of(c.window.viewMenu()->actions().cbegin(),
                        c.window.viewMenu()->actions().cend(), [](const QAction *a) {
                            return a->objectName() == QLatin1String("actionPanel_audit");
                        }));

    const QString address = platformd.address();
    c.open(address, platformd.adminToken());
    QTRY_COMPARE_WITH_TIMEOUT(c.window.identityText(),
                              QStringLiteral("admin (admin, compliance officer, manager)"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(c.window.findPanel<AuditPanel>()->badge()->state(),
                              ChainBadge::State::Verified, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(c.window.findPanel<RegionsPanel>()->proxyModel()->rowCount(), 9,
                              15000);
    QVERIFY(c.window.findPanel<RegionsPanel>()->staleText().isEmpty());

    // platformd goes away: the regions are marked stale and dimmed, until it is back.
    QCOMPARE(platformd.terminate(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        c.window.findPanel<RegionsPanel>()->staleText().startsWith(QLatin1String("Stale since")),
        15000);
    QVERIFY(c.window.findPanel<RegionsPanel>()->proxyModel()->isStale());
    const QModelIndex cell = c.window.findPanel<RegionsPanel>()->proxyModel()->index(0, 0);
    QVERIFY(cell.data(Qt::ForegroundRole).value<QColor>().isValid());
    QVERIFY2(platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"),
                              QStringLiteral("7"), QStringLiteral("--listen"), address},
                             platformd.dataDir()),
             qPrintable(platformd.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(c.window.findPanel<RegionsPanel>()->staleText().isEmpty(), 20000);
    QVERIFY(!c.window.findPanel<RegionsPanel>()->proxyModel()->isStale());
}

// Selecting an incident highlights its region (the window's selection, which the map and the
// Regions table follow) and its model in the registry; the links in its detail do the same.
void tst_MainWindow::incidentSelectionShowsItsRegionAndModel()
{
    PlatformdProcess platformd;
    QVERIFY2(
        platformd.start({QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")}),
        qPrintable(platformd.errorString()));
    RegionConsole c;
    IdentityClient identity{&c.connection};
    IncidentClient incidents{&c.connection};
    ModelRegistryClient registry{&c.connection};
    PanelContext context = regionContext(c);
    context.clients << &identity << &incidents << &registry;
    MainWindow window(context);
    window.show();
    c.open(platformd.address(), platformd.adminToken());
    IncidentsPanel *panel = window.findPanel<IncidentsPanel>();
    RegistryPanel *models = window.findPanel<RegistryPanel>();
    QVERIFY(panel && models && window.selection());
    // A demo incident about a model in a region (the simulator's model drift ones).
    IncidentTableModel *queue = panel->incidentsModel();
    auto withModel = [queue]() -> const Incident * {
        for (int row = 0; row < queue->rowCount(); ++row) {
            const Incident &i = queue->incident(row);
            if (!i.models.isEmpty() && !i.regions.isEmpty())
                return &i;
        }
        return nullptr;
    };
    QTRY_VERIFY_WITH_TIMEOUT(withModel() != nullptr, 20000);
    const Incident incident = *withModel();
    // The registry has the model listed (selecting one it has not listed yet selects nothing).
    QTRY_VERIFY_WITH_TIMEOUT(models->modelsModel()->rowOf(incident.models.first()) >= 0, 20000);
    panel->selectIncident(incident.name);
    QTRY_COMPARE_WITH_TIMEOUT(window.selection()->current(), incident.regions.first(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(models->currentModel(), incident.models.first(), 20000);

    // Another resource selected elsewhere; the incident's region link brings it back.
    window.selection()->setCurrent(QStringLiteral("regions/no-such-region"));
    emit panel->regionActivated(incident.regions.first());
    QCOMPARE(window.selection()->current(), incident.regions.first());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
