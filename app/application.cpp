#include "application.h"

#include "embeddedplatform.h"

#include "models/regionstore.h"
#include "models/regiontreemodel.h"
#include "services/auditclient.h"
#include "services/identityclient.h"
#include "services/regionclient.h"
#include "ui/common/resourceselection.h"
#include "ui/connection/profilestore.h"
#include "ui/kpi/kpipanel.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/regiondetail/regiondetailpanel.h"
#include "ui/regiondetail/timeserieschart.h"
#include "ui/regions/regionspanel.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPixmap>
#include <QSaveFile>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

#include <functional>

#include <cstdio>

namespace ops {

namespace {
Q_LOGGING_CATEGORY(lcApp, "ops.app")
constexpr int kStatusMessageMs = 8000;
} // namespace

Application::Application(const AppOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_embedded(std::make_unique<EmbeddedPlatform>())
    , m_store(std::make_unique<RegionStore>())
    , m_model(std::make_unique<RegionTreeModel>(m_store.get()))
    , m_connection(std::make_unique<Connection>())
    , m_client(std::make_unique<RegionClient>(m_connection.get()))
    , m_identity(std::make_unique<IdentityClient>(m_connection.get()))
    , m_audit(std::make_unique<AuditClient>(m_connection.get()))
{
    // The map shows every edge node, so the stream carries them too.
    m_client->setIncludeEdgeNodes(true);
    // Failovers and maintenance windows for the region detail (and the map's failover links).
    m_client->setIncludeOperations(true);
    // The store (and the views over it) is updated before anything else hears about the data.
    connect(m_client.get(), &RegionClient::snapshotReceived, m_store.get(),
            &RegionStore::setSnapshot);
    connect(m_client.get(), &RegionClient::changesReceived, m_store.get(),
            &RegionStore::applyChanges);
    connect(m_client.get(), &RegionClient::errorOccurred, this, [](const QString &message) {
        qCWarning(lcApp).noquote() << "region stream:" << message;
    });

    connect(m_identity.get(), &IdentityClient::errorOccurred, this,
            [](const QString &message) { qCWarning(lcApp).noquote() << "identity:" << message; });
    m_window = std::make_unique<MainWindow>(m_model.get(), m_connection.get(), m_client.get(),
                                            m_identity.get(), m_audit.get());
    connect(m_window.get(), &MainWindow::connectRequested, this,
            [this](const ConnectionProfile &profile, bool embedded) {
                if (embedded) {
                    startEmbedded();
                } else {
                    m_embedded->stop();
                    connectTo(profile);
                }
            });

    m_embedded->setBinary(EmbeddedPlatform::findBinary(m_options.platformdPath));
    if (!m_options.dataDir.isEmpty())
        m_embedded->setDataDir(QDir(m_options.dataDir).filePath(QStringLiteral("embedded")));
    connect(m_embedded.get(), &EmbeddedPlatform::ready, this, [this](const QString &address) {
        ConnectionProfile profile;
        profile.name = tr("Embedded demo platform");
        profile.endpoint = address;
        profile.token = m_embedded->adminToken();
        connectTo(profile);
    });
    connect(m_embedded.get(), &EmbeddedPlatform::failed, this, [this](const QString &message) {
        reportError(tr("Embedded platform failed"), message);
    });
    connect(
        m_embedded.get(), &EmbeddedPlatform::exitedUnexpectedly, this,
        [this](const QString &message) { reportError(tr("Embedded platform stopped"), message); });
}

Application::~Application()
{
    // Stop the stream before the channel and the channel before platformd.
    m_window.reset();
    m_audit.reset();
    m_identity.reset();
    m_client.reset();
    m_connection.reset();
    m_embedded->stop();
}

bool Application::start()
{
    const bool screenshot = !m_options.screenshotPath.isEmpty();
    // Without a saved layout (first start, --reset-layout, a screenshot) the window takes a roomy
    // default size, within the screen, and the default layout is laid out for that size.
    const auto defaultLayout = [this, screenshot] {
        QSize size(1600, 1000);
        if (!screenshot) {
            if (const QScreen *screen = QGuiApplication::primaryScreen())
                size = size.boundedTo(screen->availableGeometry().size() * 0.9);
        }
        m_window->resize(size);
        m_window->resetLayout();
    };
    if (m_options.resetLayout || screenshot || !m_window->restoreLayout())
        defaultLayout();
    if (screenshot)
        setupScreenshot();
    if (m_options.startupProbe)
        setupStartupProbe();
    m_window->show();
    m_window->regionsPanel()->view()->setFocus();

    if (!m_options.endpoint.isEmpty()) {
        QString why;
        if (!ProfileStore::isValidEndpoint(m_options.endpoint, &why)) {
            std::fprintf(stderr, "opsconsole: --endpoint: %s\n", qPrintable(why));
            return false;
        }
        ConnectionProfile profile;
        profile.name = m_options.endpoint;
        profile.endpoint = m_options.endpoint;
        if (!m_options.tokenFile.isEmpty()) {
            QFile file(m_options.tokenFile);
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "opsconsole: --token-file: cannot read %s: %s\n",
                             qPrintable(m_options.tokenFile), qPrintable(file.errorString()));
                return false;
            }
            profile.token = QString::fromUtf8(file.readAll()).trimmed();
        }
        connectTo(profile);
        return true;
    }
    ConnectionProfile last;
    if (!screenshot && ProfileStore().lastProfile(&last)) {
        connectTo(last);
        return true;
    }
    startEmbedded();
    return true;
}

void Application::connectTo(const ConnectionProfile &profile)
{
    qCInfo(lcApp) << "connecting to" << profile.endpoint << (profile.useTls ? "(TLS)" : "");
    m_client->stop();
    m_connection->open(profile);
    m_client->start();
    // The status bar's state label takes over from here.
    m_window->statusBar()->clearMessage();
}

void Application::startEmbedded()
{
    if (m_embedded->isReady()) {
        ConnectionProfile profile;
        profile.name = tr("Embedded demo platform");
        profile.endpoint = m_embedded->address();
        profile.token = m_embedded->adminToken();
        connectTo(profile);
        return;
    }
    m_window->statusBar()->showMessage(tr("Starting the embedded demo platform…"));
    m_embedded->start();
}

void Application::reportError(const QString &title, const QString &message)
{
    qCWarning(lcApp).noquote() << title << ":" << message;
    if (!m_options.screenshotPath.isEmpty()) {
        std::fprintf(stderr, "opsconsole: %s\n", qPrintable(message));
        finish(1);
        return;
    }
    m_window->statusBar()->showMessage(title, kStatusMessageMs);
    auto *box =
        new QMessageBox(QMessageBox::Critical, title, message, QMessageBox::Ok, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

namespace {

// Watches the Regions view's viewport: the first paint that happens while the view has rows is the
// moment a user first sees live data. Reports it once, after that paint has completed.
class FirstRowPaintProbe : public QObject
{
public:
    FirstRowPaintProbe(QTreeView *view, std::function<void()> reached)
        : QObject(view)
        , m_view(view)
        , m_reached(std::move(reached))
    {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_fired && m_view->model() &&
            m_view->model()->rowCount() > 0) {
            m_fired = true;
            watched->removeEventFilter(this);
            // Queued: runs once this paint event has been delivered and drawn.
            QTimer::singleShot(0, this, [this] { m_reached(); });
        }
        return false;
    }

private:
    QTreeView *m_view;
    std::function<void()> m_reached;
    bool m_fired = false;
};

} // namespace

void Application::setupStartupProbe()
{
    new FirstRowPaintProbe(m_window->regionsPanel()->view(), [this] {
        std::fprintf(stdout, "FIRST_DATA\n");
        std::fflush(stdout);
        finish(0);
    });
}

void Application::setupScreenshot()
{
    connect(m_client.get(), &RegionClient::snapshotReceived, this, [this] {
        m_snapshotApplied = true;
        // Show the region detail of the first region that is not healthy (degraded first).
        if (m_window->selection()->current().isEmpty()) {
            for (const HealthStatus wanted : {HealthStatus::Degraded, HealthStatus::Down}) {
                for (int row = 0; row < m_model->rowCount(); ++row) {
                    const QModelIndex index = m_model->index(row, 0);
                    if (HealthStatus(index.data(RegionTreeModel::StatusRole).toInt()) == wanted &&
                        m_window->selection()->current().isEmpty())
                        m_window->selection()->setCurrent(
                            index.data(RegionTreeModel::ResourceNameRole).toString());
                }
            }
        }
    });
    connect(m_client.get(), &RegionClient::changesReceived, this, [this] {
        if (m_snapshotApplied)
            m_changesApplied = true;
        maybeTakeScreenshot();
    });
    // The Audit panel should show its verdict, not "Loading…" (unless the user may not read it).
    connect(m_audit.get(), &AuditClient::snapshotReceived, this, [this] {
        m_auditShown = true;
        maybeTakeScreenshot();
    });
    connect(m_identity.get(), &IdentityClient::permissionsChanged, this,
            [this](const Permissions &permissions) {
                if (permissions.isKnown() && !permissions.has(Permissions::AuditRead))
                    m_auditShown = true;
                maybeTakeScreenshot();
            });
    // The status bar should not say "Idle" on a picture of live data: wait for the channel too.
    connect(m_connection.get(), &Connection::stateChanged, this, &Application::maybeTakeScreenshot);
    QTimer::singleShot(ScreenshotTimeoutMs, this, [this] {
        if (m_screenshotScheduled)
            return;
        std::fprintf(stderr, "opsconsole: no live data arrived within %d s; no screenshot taken\n",
                     ScreenshotTimeoutMs / 1000);
        finish(1);
    });
}

void Application::maybeTakeScreenshot()
{
    if (!m_changesApplied || !m_auditShown || m_screenshotScheduled ||
        m_connection->state() != Connection::State::Ready || !m_identity->identity().isValid())
        return;
    // The region detail's charts should show lines (or their error), not "Loading…".
    if (const RegionDetailPanel *detail = m_window->regionDetailPanel();
        detail && !detail->region().isEmpty() && detail->latencyChart()->pointCount(0) == 0 &&
        !detail->hasMetricsError()) {
        QTimer::singleShot(200, this, &Application::maybeTakeScreenshot);
        return;
    }
    if (const KpiPanel *kpis = m_window->kpiPanel(); kpis && !kpis->hasBudget()) {
        QTimer::singleShot(200, this, &Application::maybeTakeScreenshot);
        return;
    }
    m_screenshotScheduled = true;
    // Show why regions are unhealthy: expand them to their components.
    QTreeView *view = m_window->regionsPanel()->view();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        const auto status = HealthStatus(index.data(RegionTreeModel::StatusRole).toInt());
        if (status != HealthStatus::Healthy && view->model()->rowCount(index) > 0)
            view->expand(index);
    }
    m_window->repaint();
    QTimer::singleShot(0, this, &Application::takeScreenshot);
}

void Application::takeScreenshot()
{
    const QPixmap pixmap = m_window->grab();
    QSaveFile file(m_options.screenshotPath);
    if (!file.open(QIODevice::WriteOnly) || !pixmap.save(&file, "PNG") || !file.commit()) {
        std::fprintf(stderr, "opsconsole: cannot write the screenshot to %s: %s\n",
                     qPrintable(m_options.screenshotPath), qPrintable(file.errorString()));
        finish(1);
        return;
    }
    std::fprintf(stdout, "screenshot written to %s (%dx%d)\n", qPrintable(m_options.screenshotPath),
                 pixmap.width(), pixmap.height());
    std::fflush(stdout);
    finish(0);
}

void Application::finish(int exitCode)
{
    // Leave the event loop; the destructor stops the stream and platformd.
    QTimer::singleShot(0, qApp, [exitCode] { QCoreApplication::exit(exitCode); });
}

} // namespace ops
