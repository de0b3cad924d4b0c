#include "application.h"

#include "capture.h"
#include "embeddedplatform.h"

#include "models/regionstore.h"
#include "models/regiontreemodel.h"
#include "services/identityclient.h"
#include "services/regionclient.h"
#include "services/services.h"
#include "ui/connection/profilestore.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/regions/regionspanel.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

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
    , m_services(std::make_unique<Services>())
{
    RegionClient *regions = m_services->regions();
    // The store (and the views over it) is updated before anything else hears about the data.
    connect(regions, &RegionClient::snapshotReceived, m_store.get(), &RegionStore::setSnapshot);
    connect(regions, &RegionClient::changesReceived, m_store.get(), &RegionStore::applyChanges);
    connect(regions, &RegionClient::errorOccurred, this, [](const QString &message) {
        qCWarning(lcApp).noquote() << "region stream:" << message;
    });
    connect(m_services->identity(), &IdentityClient::errorOccurred, this,
            [](const QString &message) { qCWarning(lcApp).noquote() << "identity:" << message; });

    PanelContext context;
    context.regions = m_model.get();
    context.clients = m_services->clients();
    m_window = std::make_unique<MainWindow>(context);
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
    // The panels before the streams, the streams before the channel, the channel before platformd.
    m_screenshot.reset();
    m_window.reset();
    m_services.reset();
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
        // Placed first, then sized: the window's minimum size is the layout's, and until the
        // default placement tabs the panels together it is the width of all of them side by side
        // (resize() would clamp to it: a window of 3,500 px).
        m_window->resetLayout();
        m_window->resize(size);
    };
    if (m_options.resetLayout || screenshot || !m_window->restoreLayout())
        defaultLayout();
    const auto finish = [this](int exitCode) {
        this->finish(exitCode);
    };
    if (screenshot)
        m_screenshot = std::make_unique<ScreenshotCapture>(
            m_window.get(), m_services.get(), m_model.get(), m_options.screenshotPath, finish);
    if (m_options.startupProbe)
        installStartupProbe(m_window.get(), finish);
    m_window->show();
    if (auto *regions = m_window->findPanel<RegionsPanel>())
        regions->view()->setFocus();

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
    m_services->regions()->stop();
    m_services->connection()->open(profile);
    m_services->regions()->start();
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

void Application::finish(int exitCode)
{
    // Leave the event loop; the destructor stops the stream and platformd.
    QTimer::singleShot(0, qApp, [exitCode] { QCoreApplication::exit(exitCode); });
}

} // namespace ops
