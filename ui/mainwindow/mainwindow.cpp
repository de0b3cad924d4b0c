#include "mainwindow.h"

#include "panelregistry.h"
#include "ui/activity/activitypanel.h"
#include "ui/audit/auditpanel.h"
#include "ui/common/resourceselection.h"
#include "ui/common/theme.h"
#include "ui/connection/connectiondialog.h"
#include "ui/kpi/kpipanel.h"
#include "ui/map/mappanel.h"
#include "ui/probes/probespanel.h"
#include "ui/regiondetail/regiondetailpanel.h"
#include "ui/regions/regionspanel.h"
#include "ui/registry/modeldetailpanel.h"
#include "ui/registry/registrypanel.h"

#include "models/regiontreemodel.h"
#include "services/identityclient.h"
#include "services/modelregistryclient.h"
#include "services/regionclient.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

namespace ops {

namespace {
const QString kLayoutVersionKey = QStringLiteral("mainwindow/layoutVersion");
const QString kGeometryKey = QStringLiteral("mainwindow/geometry");
const QString kStateKey = QStringLiteral("mainwindow/state");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kRegionsPanelId = QStringLiteral("regions");
const QString kActivityPanelId = QStringLiteral("activity");
const QString kAuditPanelId = QStringLiteral("audit");
const QString kProbesPanelId = QStringLiteral("probes");
const QString kMapPanelId = QStringLiteral("map");
const QString kRegionDetailPanelId = QStringLiteral("regionDetail");
const QString kKpiPanelId = QStringLiteral("kpis");
const QString kRegistryPanelId = QStringLiteral("registry");
const QString kModelDetailPanelId = QStringLiteral("modelDetail");
} // namespace

MainWindow::MainWindow(RegionTreeModel *model, Connection *connection, RegionClient *client,
                       IdentityClient *identity, AuditClient *audit, QWidget *parent)
    : QMainWindow(parent)
    , m_model(model)
    , m_connection(connection)
    , m_client(client)
    , m_panels(new PanelRegistry(this))
    , m_selection(new ResourceSelection(this))
    , m_identity(identity)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("opsconsole"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);
    // Docks only: the panels share the whole window, no empty central area.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // The region detail is a tall column: the right area takes the full height.
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);

    // A short strip of KPIs above everything else in the top area.
    m_kpiPanel = new KpiPanel(m_model, m_client, this);
    m_panels->addPanel(kKpiPanelId, tr("KPIs"), m_kpiPanel, Qt::TopDockWidgetArea);
    // The map first: it takes the wide top of the window (see applyDefaultSizes).
    m_mapPanel = new MapPanel(m_model->store(), m_selection, this);
    m_panels->addPanel(kMapPanelId, tr("Map"), m_mapPanel, Qt::TopDockWidgetArea);
    m_regionsPanel = new RegionsPanel(m_model, m_connection, m_client, m_selection, this);
    m_panels->addPanel(kRegionsPanelId, tr("Regions"), m_regionsPanel, Qt::TopDockWidgetArea);
    m_regionDetailPanel = new RegionDetailPanel(m_model, m_client, m_selection, this);
    m_panels->addPanel(kRegionDetailPanelId, tr("Region detail"), m_regionDetailPanel,
                       Qt::RightDockWidgetArea);
    m_activityPanel = new ActivityPanel(m_client, this);
    m_panels->addPanel(kActivityPanelId, tr("Activity"), m_activityPanel, Qt::BottomDockWidgetArea);
    if (audit) {
        m_auditPanel = new AuditPanel(audit, identity, m_connection, this);
        m_panels->addPanel(kAuditPanelId, tr("Audit"), m_auditPanel, Qt::BottomDockWidgetArea);
    }
    m_probesPanel = new ProbesPanel(m_model, m_client, m_connection, this);
    m_panels->addPanel(kProbesPanelId, tr("Health probes"), m_probesPanel,
                       Qt::BottomDockWidgetArea);
    if (m_connection) {
        // The model registry: a tab behind Regions, its detail a tab behind Region detail.
        m_registryClient = new ModelRegistryClient(m_connection, this);
        m_registryPanel = new RegistryPanel(m_registryClient, identity, this);
        m_panels->addPanel(kRegistryPanelId, tr("Model registry"), m_registryPanel,
                           Qt::TopDockWidgetArea);
        m_modelDetailPanel = new ModelDetailPanel(m_registryClient, m_registryPanel->modelsModel(),
                                                  m_registryPanel->deploymentsModel(),
                                                  m_registryPanel->actions(), this);
        m_panels->addPanel(kModelDetailPanelId, tr("Model detail"), m_modelDetailPanel,
                           Qt::RightDockWidgetArea);
        connect(m_registryPanel, &RegistryPanel::currentModelChanged, m_modelDetailPanel,
                &ModelDetailPanel::setModel);
        // Deploy offers the platform's regions, as the Regions model holds them.
        auto passRegions = [this] {
            QStringList ids;
            for (int row = 0; row < m_model->rowCount(); ++row)
                ids.append(m_model->index(row, 0)
                               .data(RegionTreeModel::ResourceNameRole)
                               .toString()
                               .section(QLatin1Char('/'), 1, 1));
            ids.removeAll(QString());
            m_registryPanel->setRegions(ids);
        };
        connect(m_model, &QAbstractItemModel::rowsInserted, m_registryPanel, passRegions);
        connect(m_model, &QAbstractItemModel::rowsRemoved, m_registryPanel, passRegions);
        connect(m_model, &QAbstractItemModel::modelReset, m_registryPanel, passRegions);
        passRegions();
        m_registryClient->start(); // follows the connection: lists and watches once it opens
    }

    createMenus();
    createStatusBar();
    resize(1400, 850);
    applyDefaultSizes();
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(tr("&Connect…"));
    connectAction->setObjectName(QStringLiteral("actionConnect"));
    connectAction->setShortcut(QKeySequence(tr("Ctrl+K")));
    connect(connectAction, &QAction::triggered, this, &MainWindow::showConnectDialog);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->setObjectName(QStringLiteral("menuView"));
    for (const PanelRegistry::Panel &panel : m_panels->panels()) {
        QAction *toggle = panel.dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionPanel_") + panel.id);
        m_viewMenu->addAction(toggle);
    }
    m_viewMenu->addSeparator();

    QMenu *themeMenu = m_viewMenu->addMenu(tr("&Theme"));
    themeMenu->setObjectName(QStringLiteral("menuTheme"));
    auto *themeGroup = new QActionGroup(themeMenu);
    const std::pair<theme::Mode, QString> modes[] = {
        {theme::Mode::System, tr("&System")},
        {theme::Mode::Light, tr("&Light")},
        {theme::Mode::Dark, tr("&Dark")},
    };
    for (const auto &[mode, text] : modes) {
        QAction *action = themeMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(mode == theme::currentMode());
        themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [mode] {
            theme::apply(mode);
            QSettings().setValue(kThemeKey, theme::modeToString(mode));
        });
    }
    m_viewMenu->addSeparator();
    QAction *reset = m_viewMenu->addAction(tr("&Reset layout"));
    reset->setObjectName(QStringLiteral("actionResetLayout"));
    connect(reset, &QAction::triggered, this, &MainWindow::resetLayout);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About opsconsole"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    QStatusBar *bar = statusBar();
    m_endpointLabel = new QLabel(bar);
    m_endpointLabel->setObjectName(QStringLiteral("statusEndpoint"));
    m_stateDot = new QLabel(bar);
    m_stateLabel = new QLabel(bar);
    m_stateLabel->setObjectName(QStringLiteral("statusChannelState"));
    m_lastEventLabel = new QLabel(bar);
    m_lastEventLabel->setObjectName(QStringLiteral("statusLastEvent"));
    m_rttLabel = new QLabel(bar);
    m_rttLabel->setObjectName(QStringLiteral("statusRoundTrip"));
    m_identityLabel = new QLabel(bar);
    m_identityLabel->setObjectName(QStringLiteral("statusIdentity"));
    // Fixed minimum widths keep the labels from jumping as the numbers change.
    const QFontMetrics fm = fontMetrics();
    m_lastEventLabel->setMinimumWidth(
        fm.horizontalAdvance(tr("last event %1 s ago (stale)").arg(QStringLiteral("9999"))));
    m_rttLabel->setMinimumWidth(fm.horizontalAdvance(tr("RTT %1 ms").arg(QStringLiteral("9999"))));

    for (QLabel *label :
         {m_identityLabel, m_endpointLabel, m_stateLabel, m_lastEventLabel, m_rttLabel})
        label->setContentsMargins(4, 0, 8, 0);
    // All permanent: transient messages (left) never hide the connection facts (right).
    bar->addPermanentWidget(m_identityLabel);
    bar->addPermanentWidget(m_endpointLabel);
    bar->addPermanentWidget(m_stateDot);
    bar->addPermanentWidget(m_stateLabel);
    bar->addPermanentWidget(m_lastEventLabel);
    bar->addPermanentWidget(m_rttLabel);

    if (m_connection) {
        connect(m_connection, &Connection::stateChanged, this, &MainWindow::updateChannelState);
        connect(m_connection, &Connection::opened, this, &MainWindow::updateEndpoint);
        connect(m_connection, &Connection::closed, this, &MainWindow::updateEndpoint);
        connect(m_connection, &Connection::roundTripMeasured, this, &MainWindow::updateRoundTrip);
    }
    if (m_client) {
        connect(m_client, &RegionClient::changesReceived, this, &MainWindow::updateLastEvent);
        connect(m_client, &RegionClient::progressReceived, this, &MainWindow::updateLastEvent);
        connect(m_client, &RegionClient::snapshotReceived, this, &MainWindow::updateLastEvent);
    }
    if (m_identity) {
        connect(m_identity, &IdentityClient::identityChanged, this, &MainWindow::updateIdentity);
        connect(m_identity, &IdentityClient::errorOccurred, this, &MainWindow::updateIdentity);
    }
    m_ticker = new QTimer(this);
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &MainWindow::updateLastEvent);
    m_ticker->start();

    updateEndpoint();
    updateChannelState();
    updateLastEvent();
    updateRoundTrip();
    updateIdentity();
}

void MainWindow::updateIdentity()
{
    m_identityLabel->setVisible(m_identity != nullptr);
    if (!m_identity)
        return;
    const Identity identity = m_identity->identity();
    if (identity.isValid()) {
        m_identityLabel->setText(identity.summary());
        m_identityLabel->setToolTip(
            tr("Signed in as %1 with token %2. Permissions: %3")
                .arg(identity.user, identity.token,
                     identity.permissions.isEmpty()
                         ? tr("none")
                         : identity.permissions.join(QStringLiteral(", "))));
    } else if (!m_identity->errorText().isEmpty()) {
        m_identityLabel->setText(tr("not signed in"));
        m_identityLabel->setToolTip(m_identity->errorText());
    } else {
        m_identityLabel->setText(QString());
        m_identityLabel->setToolTip(QString());
    }
}

QString MainWindow::identityText() const
{
    return m_identityLabel->text();
}

void MainWindow::updateEndpoint()
{
    const QString endpoint = m_connection ? m_connection->endpoint() : QString();
    m_endpointLabel->setText(endpoint.isEmpty() ? tr("Not connected")
                                                : tr("Endpoint: %1").arg(endpoint));
    updateChannelState();
}

void MainWindow::updateChannelState()
{
    const Connection::State state = m_connection ? m_connection->state() : Connection::State::Idle;
    HealthStatus look = HealthStatus::Unknown;
    switch (state) {
    case Connection::State::Ready:
        look = HealthStatus::Healthy;
        break;
    case Connection::State::Connecting:
        look = HealthStatus::Degraded;
        break;
    case Connection::State::TransientFailure:
        look = HealthStatus::Down;
        break;
    case Connection::State::Idle:
    case Connection::State::Shutdown:
        break;
    }
    const int size = fontMetrics().height() * 2 / 3;
    m_stateDot->setPixmap(
        theme::dotPixmap(theme::statusColor(look, palette()), size, devicePixelRatioF()));
    m_stateLabel->setText(Connection::stateText(state));
}

void MainWindow::updateLastEvent()
{
    const QDateTime last = m_client ? m_client->lastEventTime() : QDateTime();
    bool stale = false;
    if (!last.isValid()) {
        m_lastEventLabel->setText(tr("no events yet"));
    } else {
        const qint64 seconds = qMax<qint64>(0, last.secsTo(QDateTime::currentDateTimeUtc()));
        stale = seconds > StaleAfterSeconds;
        m_lastEventLabel->setText(stale ? tr("last event %1 s ago (stale)").arg(seconds)
                                        : tr("last event %1 s ago").arg(seconds));
    }
    if (stale != m_stale || m_lastEventLabel->toolTip().isEmpty()) {
        m_stale = stale;
        QPalette pal = palette();
        if (stale)
            pal.setColor(QPalette::WindowText, theme::warningColor(pal));
        m_lastEventLabel->setPalette(pal);
        QFont font = m_lastEventLabel->font();
        font.setBold(stale);
        m_lastEventLabel->setFont(font);
        m_lastEventLabel->setToolTip(
            stale ? tr("No change or heartbeat from platformd for more than %1 seconds.")
                        .arg(StaleAfterSeconds)
                  : tr("Time since the last change or heartbeat from platformd."));
    }
}

void MainWindow::updateRoundTrip()
{
    const int ms = m_connection ? m_connection->roundTripMs() : -1;
    m_rttLabel->setText(ms < 0 ? tr("RTT –") : tr("RTT %1 ms").arg(ms));
}

QString MainWindow::endpointText() const
{
    return m_endpointLabel->text();
}

QString MainWindow::channelStateText() const
{
    return m_stateLabel->text();
}

QString MainWindow::lastEventText() const
{
    return m_lastEventLabel->text();
}

QString MainWindow::roundTripText() const
{
    return m_rttLabel->text();
}

void MainWindow::applyDefaultSizes()
{
    const auto docked = [this](const QString &id) -> QDockWidget * {
        QDockWidget *dock = m_panels->dock(id);
        return dock && !dock->isFloating() ? dock : nullptr;
    };
    QDockWidget *kpis = docked(kKpiPanelId);
    QDockWidget *map = docked(kMapPanelId);
    QDockWidget *regions = docked(kRegionsPanelId);
    QDockWidget *registry = docked(kRegistryPanelId);
    QDockWidget *regionDetail = docked(kRegionDetailPanelId);
    QDockWidget *modelDetail = docked(kModelDetailPanelId);
    QDockWidget *activity = docked(kActivityPanelId);
    QDockWidget *audit = docked(kAuditPanelId);
    QDockWidget *probes = docked(kProbesPanelId);

    // Top to bottom on the left: the KPI strip, the map (the operator's first look), the Regions
    // table with the model registry as a tab behind it.
    if (kpis && map)
        splitDockWidget(kpis, map, Qt::Vertical);
    if (map && regions)
        splitDockWidget(map, regions, Qt::Vertical);
    if (regions && registry) {
        tabifyDockWidget(regions, registry);
        regions->raise();
    }
    // One bottom strip of tabs: Activity in front, then Audit and Health probes. Side by side they
    // left each too narrow to read.
    QDockWidget *bottomFront = activity ? activity : audit;
    for (QDockWidget *dock : {audit, probes}) {
        if (bottomFront && dock && dock != bottomFront)
            tabifyDockWidget(bottomFront, dock);
    }
    if (bottomFront)
        bottomFront->raise();
    // The details: a full-height column on the right, Region detail in front.
    if (regionDetail && modelDetail) {
        tabifyDockWidget(regionDetail, modelDetail);
        regionDetail->raise();
    }
    applyDefaultDockSizes();
}

void MainWindow::applyDefaultDockSizes()
{
    const auto docked = [this](const QString &id) -> QDockWidget * {
        QDockWidget *dock = m_panels->dock(id);
        return dock && !dock->isFloating() ? dock : nullptr;
    };
    QDockWidget *kpis = docked(kKpiPanelId);
    QDockWidget *map = docked(kMapPanelId);
    QDockWidget *regions = docked(kRegionsPanelId);
    QDockWidget *regionDetail = docked(kRegionDetailPanelId);
    QDockWidget *activity = docked(kActivityPanelId);
    QDockWidget *bottomFront = activity ? activity : docked(kAuditPanelId);
    if (regionDetail)
        resizeDocks({regionDetail}, {width() * 3 / 10}, Qt::Horizontal);

    // Heights: the KPIs as high as their tiles, most of the rest to the map.
    if (kpis)
        resizeDocks({kpis}, {kpis->sizeHint().height()}, Qt::Vertical);
    QList<QDockWidget *> column;
    QList<int> heights;
    const auto share = [&](QDockWidget *dock, int percent) {
        if (dock) {
            column << dock;
            heights << height() * percent / 100;
        }
    };
    share(map, 44);
    share(regions, 26);
    share(bottomFront, 16);
    if (column.size() > 1)
        resizeDocks(column, heights, Qt::Vertical);
}

bool MainWindow::restoreLayout()
{
    QSettings settings;
    const bool sameVersion = settings.value(kLayoutVersionKey, -1).toInt() == LayoutVersion;
    if (sameVersion && restoreGeometry(settings.value(kGeometryKey).toByteArray()) &&
        restoreState(settings.value(kStateKey).toByteArray(), LayoutVersion)) {
        return true;
    }
    resetLayout();
    return false;
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kLayoutVersionKey, LayoutVersion);
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(LayoutVersion));
}

void MainWindow::resetLayout()
{
    m_panels->restoreDefaultPlacement();
    applyDefaultSizes();
    // Before the first show the dock layout has no geometry yet and resizeDocks() is only partly
    // honoured: apply the sizes once more when the window is shown.
    m_defaultSizesPending = !isVisible();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_defaultSizesPending) {
        m_defaultSizesPending = false;
        QTimer::singleShot(0, this, &MainWindow::applyDefaultDockSizes);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    // A theme switch changes the palette: repaint the palette-derived status colours.
    if (event->type() == QEvent::PaletteChange && m_stateLabel) {
        updateChannelState();
        m_stale = !m_stale; // force the stale styling to be re-derived
        updateLastEvent();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::showConnectDialog()
{
    ConnectionDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    emit connectRequested(dialog.selectedProfile(), dialog.isEmbeddedSelected());
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About opsconsole"),
        tr("<h3>opsconsole %1</h3>"
           "<p>Operations console for a multi-cloud AI platform.</p>"
           "<p>Watches regions, components and their health as platformd streams them.</p>"
           "<p>Map data: Made with Natural Earth. Free vector and raster map data @ "
           "<a href=\"https://www.naturalearthdata.com\">naturalearthdata.com</a>, "
           "prepared by world-atlas (© 2013-2019 Michael Bostock, ISC license).</p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

} // namespace ops
