#pragma once

#include "services/connection.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QTimer;

namespace ops {

class AuditClient;
class EmbeddedPlatform;
class IdentityClient;
class MainWindow;
class RegionClient;
class RegionStore;
class RegionTreeModel;

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

// Wires the console together: Connection → RegionClient → RegionStore → RegionTreeModel →
// MainWindow (plus IdentityClient for who we are and AuditClient for the Audit panel), and the
// embedded platformd when no endpoint is given. Also implements the --screenshot mode.
class Application : public QObject
{
    Q_OBJECT
public:
    static constexpr int ScreenshotTimeoutMs = 20000;

    explicit Application(const AppOptions &options, QObject *parent = nullptr);
    ~Application() override;

    // Shows the window and starts connecting. Returns false when the options are unusable (the
    // reason is on stderr).
    bool start();

    MainWindow *window() const { return m_window.get(); }
    EmbeddedPlatform *embeddedPlatform() const { return m_embedded.get(); }

private:
    void connectTo(const ConnectionProfile &profile);
    void startEmbedded();
    void reportError(const QString &title, const QString &message);
    void setupScreenshot();
    void setupStartupProbe();
    void maybeTakeScreenshot();
    void takeScreenshot();
    void finish(int exitCode);

    AppOptions m_options;
    // Declaration order is destruction order reversed: the window goes first, platformd last.
    std::unique_ptr<EmbeddedPlatform> m_embedded;
    std::unique_ptr<RegionStore> m_store; // the one copy of the region stream
    std::unique_ptr<RegionTreeModel> m_model;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<RegionClient> m_client;
    std::unique_ptr<IdentityClient> m_identity;
    std::unique_ptr<AuditClient> m_audit;
    std::unique_ptr<MainWindow> m_window;
    bool m_snapshotApplied = false;
    bool m_changesApplied = false; // a change batch applied after the snapshot
    bool m_screenshotScheduled = false;
    bool m_auditShown = false; // the audit snapshot arrived (or the user may not read it)
};

} // namespace ops
