#include "mainwindow.h"

#include "panelregistry.h"
#include "ui/common/resourceselection.h"
#include "ui/common/theme.h"
#include "ui/connection/connectiondialog.h"
#include "ui/panels.h"

#include "services/identityclient.h"
#include "services/regionclient.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QLayout>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace ops {

namespace {
const QString kLayoutVersionKey = QStringLiteral("mainwindow/layoutVersion");
const QString kGeometryKey = QStringLiteral("mainwindow/geometry");
const QString kStateKey = QStringLiteral("mainwindow/state");
const QString kThemeKey = QStringLiteral("ui/theme");
const QString kPanelsKey = QStringLiteral("mainwindow/panels"); // the panel ids saved
} // namespace

MainWindow::MainWindow(const PanelContext &context, QWidget *parent)
    : MainWindow(context, consolePanels(), parent)
{}

MainWindow::MainWindow(const PanelContext &context, const QList<PanelSpec> &specs, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_panels(new PanelRegistry(this))
    , m_selection(new ResourceSelection(this))
{
    m_context.selection = m_selection;
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("opsconsole"));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AllowTabbedDocks);
    // Docks only: the panels share the whole window, no empty central area.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    // The details are a tall column: the right area takes the full height.
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);

    createPanels(specs);
    createMenus();
    createStatusBar();
    resize(1400, 850);
    applyDefaultSizes();
}

void MainWindow::createPanels(const QList<PanelSpec> &specs)
{
    const auto met = [this](const QList<const QMetaObject *> &needs) {
        return std::all_of(needs.begin(), needs.end(),
                           [this](const QMetaObject *type) { return m_context.hasClient(type); });
    };
    for (const PanelSpec &spec : specs) {
        if (!met(spec.needs) || !spec.create)
            continue;
        QWidget *content = spec.create(m_context, *this);
        if (!content)
            continue;
        // A panel as high as its contents (the KPI strip) shows whole; the others scroll when
        // their dock is smaller than they need, instead of growing the window past the screen.
        m_panels->addPanel(spec.id, QCoreApplication::translate("ops::MainWindow", spec.title),
                           content, spec.area, spec.heightPercent >= 0);
        m_specs.append(spec);
    }
}

QList<QWidget *> MainWindow::panelWidgets() const
{
    QList<QWidget *> widgets;
    for (const PanelRegistry::Panel &panel : m_panels->panels())
        widgets.append(panel.content);
    return widgets;
}

QWidget *MainWindow::panelWidget(const QString &id) const
{
    return m_panels->content(id);
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
    // Role presets: what an operator, a compliance officer or a manager looks at first.
    QMenu *presets = m_viewMenu->addMenu(tr("Show panels &for"));
    presets->setObjectName(QStringLiteral("menuRolePresets"));
    const std::pair<QString, QString> roles[] = {
        {QString(), tr("&Every role")},
        {QStringLiteral("operator"), tr("&Operator")},
        {QStringLiteral("compliance_officer"), tr("&Compliance officer")},
        {QStringLiteral("manager"), tr("&Manager")},
    };
    for (const auto &[role, text] : roles) {
        QAction *action = presets->addAction(text);
        action->setObjectName(QStringLiteral("actionPreset_") +
                              (role.isEmpty() ? QStringLiteral("all") : role));
        connect(action, &QAction::triggered, this, [this, role] { showPanelsFor(role); });
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

    if (auto *connection = m_context.client<Connection>()) {
        connect(connection, &Connection::stateChanged, this, &MainWindow::updateChannelState);
        connect(connection, &Connection::opened, this, &MainWindow::updateEndpoint);
        connect(connection, &Connection::closed, this, &MainWindow::updateEndpoint);
        connect(connection, &Connection::roundTripMeasured, this, &MainWindow::updateRoundTrip);
    }
    if (auto *client = m_context.client<RegionClient>()) {
        connect(client, &RegionClient::changesReceived, this, &MainWindow::updateLastEvent);
        connect(client, &RegionClient::progressReceived, this, &MainWindow::updateLastEvent);
        connect(client, &RegionClient::snapshotReceived, this, &MainWindow::updateLastEvent);
    }
    if (auto *identity = m_context.client<IdentityClient>()) {
        connect(identity, &IdentityClient::identityChanged, this, &MainWindow::updateIdentity);
        connect(identity, &IdentityClient::errorOccurred, this, &MainWindow::updateIdentity);
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
    auto *client = m_context.client<IdentityClient>();
    m_identityLabel->setVisible(client != nullptr);
    if (!client)
        return;
    const Identity identity = client->identity();
    if (identity.isValid()) {
        m_identityLabel->setText(identity.summary());
        m_identityLabel->setToolTip(
            tr("Signed in as %1 with token %2. Permissions: %3")
                .arg(identity.user, identity.token,
                     identity.permissions.isEmpty()
                         ? tr("none")
                         : identity.permissions.join(QStringLiteral(", "))));
    } else if (!client->errorText().isEmpty()) {
        m_identityLabel->setText(tr("not signed in"));
        m_identityLabel->setToolTip(client->errorText());
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
    const auto *connection = m_context.client<Connection>();
    const QString endpoint = connection ? connection->endpoint() : QString();
    m_endpointLabel->setText(endpoint.isEmpty() ? tr("Not connected")
                                                : tr("Endpoint: %1").arg(endpoint));
    updateChannelState();
}

void MainWindow::updateChannelState()
{
    const auto *connection = m_context.client<Connection>();
    const Connection::State state = connection ? connection->state() : Connection::State::Idle;
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
    const auto *client = m_context.client<RegionClient>();
    const QDateTime last = client ? client->lastEventTime() : QDateTime();
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
    const auto *connection = m_context.client<Connection>();
    const int ms = connection ? connection->roundTripMs() : -1;
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

QDockWidget *MainWindow::docked(const QString &id) const
{
    if (id.isEmpty())
        return nullptr;
    QDockWidget *dock = m_panels->dock(id);
    return dock && !dock->isFloating() ? dock : nullptr;
}

QList<int> MainWindow::groupFronts() const
{
    // A panel is in front unless it is a tab behind a docked panel. When the panel a group is
    // tabbed behind is missing, the group's first docked panel takes the front.
    QList<int> fronts;
    QStringList orphanGroups;
    for (int i = 0; i < m_specs.size(); ++i) {
        const PanelSpec &spec = m_specs.at(i);
        if (!docked(spec.id))
            continue;
        if (spec.tabBehind.isEmpty()) {
            fronts.append(i);
        } else if (!docked(spec.tabBehind) && !orphanGroups.contains(spec.tabBehind)) {
            orphanGroups.append(spec.tabBehind);
            fronts.append(i);
        }
    }
    return fronts;
}

void MainWindow::placeByDefault(int index)
{
    const PanelSpec &spec = m_specs.at(index);
    QDockWidget *dock = m_panels->dock(spec.id);
    if (!dock || dock->isFloating())
        return;
    if (!spec.tabBehind.isEmpty()) {
        QDockWidget *front = docked(spec.tabBehind);
        if (!front) { // the group's first docked panel stands in for the missing one
            for (int i = 0; i < index && !front; ++i) {
                if (m_specs.at(i).tabBehind == spec.tabBehind)
                    front = docked(m_specs.at(i).id);
            }
        }
        if (front && front != dock) {
            tabifyDockWidget(front, dock);
            return;
        }
    }
    if (QDockWidget *above = docked(spec.below); above && above != dock)
        splitDockWidget(above, dock, Qt::Vertical);
}

void MainWindow::applyDefaultSizes()
{
    for (int i = 0; i < m_specs.size(); ++i)
        placeByDefault(i);
    for (int i : groupFronts())
        m_panels->dock(m_specs.at(i).id)->raise();
    applyDefaultDockSizes();
}

void MainWindow::applyDefaultDockSizes()
{
    // Widths of the side columns, then the heights: panels sized to their hint first, the rest
    // of the column shared by percent.
    QList<QDockWidget *> column;
    QList<int> heights;
    for (int i : groupFronts()) {
        const PanelSpec &spec = m_specs.at(i);
        QDockWidget *dock = m_panels->dock(spec.id);
        if (spec.widthPercent > 0)
            resizeDocks({dock}, {width() * spec.widthPercent / 100}, Qt::Horizontal);
        if (spec.heightPercent < 0) {
            resizeDocks({dock}, {dock->sizeHint().height()}, Qt::Vertical);
        } else if (spec.heightPercent > 0 && spec.widthPercent == 0) {
            column << dock;
            heights << height() * spec.heightPercent / 100;
        }
    }
    if (column.size() > 1)
        resizeDocks(column, heights, Qt::Vertical);
}

bool MainWindow::restoreLayout()
{
    QSettings settings;
    const bool sameVersion = settings.value(kLayoutVersionKey, -1).toInt() == LayoutVersion;
    if (!sameVersion || !restoreGeometry(settings.value(kGeometryKey).toByteArray()) ||
        !restoreState(settings.value(kStateKey).toByteArray(), LayoutVersion)) {
        resetLayout();
        return false;
    }
    // Panels added since the layout was saved: in their default place, visible. Without the
    // saved list (layouts saved before it existed), every panel counts as known.
    const QVariant saved = settings.value(kPanelsKey);
    if (saved.isValid()) {
        const QStringList known = saved.toStringList();
        for (int i = 0; i < m_specs.size(); ++i) {
            const PanelSpec &spec = m_specs.at(i);
            if (known.contains(spec.id))
                continue;
            QDockWidget *dock = m_panels->dock(spec.id);
            dock->setFloating(false);
            addDockWidget(spec.area, dock);
            placeByDefault(i);
            dock->show();
            dock->raise();
        }
    }
    return true;
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kLayoutVersionKey, LayoutVersion);
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState(LayoutVersion));
    QStringList ids;
    for (const PanelSpec &spec : m_specs)
        ids.append(spec.id);
    settings.setValue(kPanelsKey, ids);
}

void MainWindow::showPanelsFor(const QString &role)
{
    for (const PanelSpec &spec : m_specs) {
        const bool shown = role.isEmpty() || spec.roles.isEmpty() || spec.roles.contains(role);
        m_panels->dock(spec.id)->setVisible(shown);
    }
}

void MainWindow::resetLayout()
{
    m_panels->restoreDefaultPlacement();
    applyDefaultSizes();
    // The minimum size of this placement now, not of the one before (a hidden window's layout
    // is not activated until shown).
    if (layout())
        layout()->activate();
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
