#pragma once

#include "services/connection.h"

#include <QByteArray>
#include <QMainWindow>

class QLabel;
class QMenu;
class QTimer;

namespace ops {

class ActivityPanel;
class PanelRegistry;
class RegionClient;
class RegionTreeModel;
class RegionsPanel;

// The console's main window: docked panels (see PanelRegistry), the menus, and a status bar showing
// the endpoint, the channel state, the age of the last event and the round-trip time. The layout is
// saved with a version number; a saved layout of another version is ignored.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int LayoutVersion = 1;
    static constexpr int StaleAfterSeconds = 10;

    MainWindow(RegionTreeModel *model, Connection *connection, RegionClient *client,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    PanelRegistry *panels() const { return m_panels; }
    RegionsPanel *regionsPanel() const { return m_regionsPanel; }
    ActivityPanel *activityPanel() const { return m_activityPanel; }
    QMenu *viewMenu() const { return m_viewMenu; }

    // Restores geometry and dock state from QSettings; returns false (and applies the default
    // layout) when nothing was saved or it was saved by another layout version.
    bool restoreLayout();
    void saveLayout() const;
    void resetLayout();

    // For tests and the status bar: the texts currently shown.
    QString endpointText() const;
    QString channelStateText() const;
    QString lastEventText() const;
    QString roundTripText() const;
    bool isStale() const { return m_stale; }

signals:
    // The user picked a connection in File → Connect…; `embedded` means the built-in demo.
    void connectRequested(const ops::ConnectionProfile &profile, bool embedded);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void createStatusBar();
    void updateEndpoint();
    void updateChannelState();
    void updateLastEvent();
    void updateRoundTrip();
    void applyDefaultSizes();
    void showConnectDialog();
    void showAbout();

    RegionTreeModel *m_model;
    Connection *m_connection;
    RegionClient *m_client;
    PanelRegistry *m_panels;
    RegionsPanel *m_regionsPanel = nullptr;
    ActivityPanel *m_activityPanel = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QLabel *m_stateDot = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_lastEventLabel = nullptr;
    QLabel *m_rttLabel = nullptr;
    QTimer *m_ticker = nullptr;
    bool m_stale = false;
};

} // namespace ops
