#pragma once

#include "services/connection.h"

#include <QByteArray>
#include <QMainWindow>

class QLabel;
class QMenu;
class QTimer;

namespace ops {

class ActivityPanel;
class AuditClient;
class AuditPanel;
class IdentityClient;
class KpiPanel;
class MapPanel;
class ModelDetailPanel;
class ModelRegistryClient;
class PanelRegistry;
class ProbesPanel;
class RegionClient;
class RegionDetailPanel;
class RegionTreeModel;
class RegionsPanel;
class RegistryPanel;
class ResourceSelection;

// The console's main window: docked panels (see PanelRegistry), the menus, and a status bar showing
// the endpoint, the channel state, the age of the last event and the round-trip time. The layout is
// saved with a version number; a saved layout of another version is ignored.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // 2: the Audit panel; 3: the Map on top, the Regions table under it, KPIs above them, Region
    // detail on the right
    static constexpr int LayoutVersion = 3;
    static constexpr int StaleAfterSeconds = 10;

    // identity and audit may be null (then there is no identity label and no Audit panel).
    MainWindow(RegionTreeModel *model, Connection *connection, RegionClient *client,
               IdentityClient *identity = nullptr, AuditClient *audit = nullptr,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    PanelRegistry *panels() const { return m_panels; }
    RegionsPanel *regionsPanel() const { return m_regionsPanel; }
    ActivityPanel *activityPanel() const { return m_activityPanel; }
    AuditPanel *auditPanel() const { return m_auditPanel; }
    ProbesPanel *probesPanel() const { return m_probesPanel; }
    MapPanel *mapPanel() const { return m_mapPanel; }
    RegionDetailPanel *regionDetailPanel() const { return m_regionDetailPanel; }
    KpiPanel *kpiPanel() const { return m_kpiPanel; }
    // The model registry (null without a connection) and the detail of its selected model.
    RegistryPanel *registryPanel() const { return m_registryPanel; }
    ModelDetailPanel *modelDetailPanel() const { return m_modelDetailPanel; }
    ModelRegistryClient *registryClient() const { return m_registryClient; }
    QMenu *viewMenu() const { return m_viewMenu; }
    // The window's one current resource, shared by the panels that select.
    ResourceSelection *selection() const { return m_selection; }

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
    QString identityText() const;
    bool isStale() const { return m_stale; }

signals:
    // The user picked a connection in File → Connect…; `embedded` means the built-in demo.
    void connectRequested(const ops::ConnectionProfile &profile, bool embedded);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    void createStatusBar();
    void updateEndpoint();
    void updateChannelState();
    void updateLastEvent();
    void updateRoundTrip();
    void updateIdentity();
    void applyDefaultSizes();     // arranges the docks, then applyDefaultDockSizes()
    void applyDefaultDockSizes(); // the default widths and heights of the arranged docks
    void showConnectDialog();
    void showAbout();

    RegionTreeModel *m_model;
    Connection *m_connection;
    RegionClient *m_client;
    PanelRegistry *m_panels;
    ResourceSelection *m_selection;
    RegionsPanel *m_regionsPanel = nullptr;
    ActivityPanel *m_activityPanel = nullptr;
    AuditPanel *m_auditPanel = nullptr;
    ProbesPanel *m_probesPanel = nullptr;
    MapPanel *m_mapPanel = nullptr;
    RegionDetailPanel *m_regionDetailPanel = nullptr;
    KpiPanel *m_kpiPanel = nullptr;
    ModelRegistryClient *m_registryClient = nullptr;
    RegistryPanel *m_registryPanel = nullptr;
    ModelDetailPanel *m_modelDetailPanel = nullptr;
    IdentityClient *m_identity = nullptr;
    QLabel *m_identityLabel = nullptr;
    QMenu *m_viewMenu = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QLabel *m_stateDot = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_lastEventLabel = nullptr;
    QLabel *m_rttLabel = nullptr;
    QTimer *m_ticker = nullptr;
    bool m_stale = false;
    bool m_defaultSizesPending = false;
};

} // namespace ops
