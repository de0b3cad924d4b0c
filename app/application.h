#pragma once

#include "services/connection.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTimer;

namespace ops {

class EmbeddedPlatform;
class MainWindow;
class RegionStore;
class RegionTreeModel;
class ScreenshotCapture;
class Services;

// What the command line asked for.
struct AppOptions
{
    QString endpoint;       // --endpoint HOST:PORT
    QString tokenFile;      // --token-file FILE: the API token for --endpoint
    QString screenshotPath; // --screenshot PATH
    QString language;       // --lang CODE
    QString platformdPath;  // --platformd PATH
    QString dataDir;        // --data-dir DIR (the app data dir: embedded store, logs, settings)
    bool resetLayout = false;
    bool startupProbe =
        false; // --startup-probe: print FIRST_DATA once a region row is painted, exit
};

// Wires the console together: Services (one channel, every client) → RegionStore →
// RegionTreeModel →
// MainWindow and its panels, and the embedded platformd when no endpoint is given. The
// --screenshot and --startup-probe modes live in capture.h.
class Application : public QObject
{
    Q_OBJECT
public:
    explicit Application(const AppOptions &options, QObject *parent = nullptr);
    ~Application() override;

    // Shows the window and starts connecting. Returns false when the options are unusable (the
    // reason is on stderr).
    bool start();

    MainWindow *window() const { return m_window.get(); }
    EmbeddedPlatform *embeddedPlatform() const { return m_embedded.get(); }
    Services *services() const { return m_services.get(); }

private:
    void connectTo(const ConnectionProfile &profile);
    void startEmbedded();
    void reportError(const QString &title, const QString &message);
    void finish(int exitCode);

    AppOptions m_options;
    // Declaration order is destruction order reversed: the window goes first, platformd last.
    std::unique_ptr<EmbeddedPlatform> m_embedded;
    std::unique_ptr<RegionStore> m_store; // the one copy of the region stream
    std::unique_ptr<RegionTreeModel> m_model;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ScreenshotCapture> m_screenshot;
};

} // namespace ops
