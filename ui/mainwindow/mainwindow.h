#pragma once

#include "services/connection.h"
#include "ui/common/panelspec.h"

#include <QByteArray>
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;
class QTimer;

namespace ops {

class PanelRegistry;
class RegionClient;
class ResourceSelection;

// The console's main window: the panels of ui/panels.cpp as docks (see PanelRegistry), the menus,
// and a status bar showing the endpoint, the channel state, the age of the last event and the
// round-trip time. It names no panel: each spec says where it goes and what it needs.
class MainWindow : public QMainWindow, public PanelHost
{
    Q_OBJECT
public:
    // The saved layout's format. A panel added later does not need a new version: a saved layout
    // that lacks it keeps the user's arrangement and puts the new panel in its default place.
    static constexpr int LayoutVersion = 3;
    static constexpr int StaleAfterSeconds = 10;

    // Creates every panel of `specs` whose needs `context` meets (an offline window has no
    // connection and no clients). The status bar follows the context's Connection, RegionClient
    // and IdentityClient when it has them. The window sets context.selection.
    explicit MainWindow(const PanelContext &context, QWidget *parent = nullptr);
    MainWindow(const PanelContext &context, const QList<PanelSpec> &specs,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    PanelRegistry *panels() const { return m_panels; }
    // The first panel of type T, or null.
    template<class T>
    T *findPanel() const
    {
        for (QWidget *widget : panelWidgets()) {
            if (T *panel = qobject_cast<T *>(widget))
                return panel;
        }
        return nullptr;
    }
    QList<QWidget *> panelWidgets() const;
    QWidget *panelWidget(const QString &id) const override;
    QWidget *hostWidget() override { return this; }
    QMenu *viewMenu() const { return m_viewMenu; }
    // The window's one current resource, shared by the panels that select.
    ResourceSelection *selection() const { return m_selection; }

    // Restores geometry and dock state from QSettings; returns false (and applies the default
    // layout) when nothing was saved or it was saved by another layout version. Panels the saved
    // layout does not know are put in their default place.
    bool restoreLayout();
    void saveLayout() const;
    void resetLayout();
    // A role preset (View → Show panels for): shows the panels whose spec lists `role` (or no
    // role) and hides the others; an empty role shows every panel.
    void showPanelsFor(const QString &role);

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
    void createPanels(const QList<PanelSpec> &specs);
    void createMenus();
    void createStatusBar();
    void updateEndpoint();
    void updateChannelState();
    void updateLastEvent();
    void updateRoundTrip();
    void updateIdentity();
    QDockWidget *docked(const QString &id) const; // the panel's dock unless missing or floating
    QList<int> groupFronts() const; // indexes in m_specs of the docks in front of their group
    void placeByDefault(int index); // one panel into its default area, group and tab
    void applyDefaultSizes();       // arranges the docks, then applyDefaultDockSizes()
    void applyDefaultDockSizes();   // the default widths and heights of the arranged docks
    void showConnectDialog();
    void showAbout();

    PanelContext m_context;
    PanelRegistry *m_panels;
    ResourceSelection *m_selection;
    QList<PanelSpec> m_specs; // of the panels created, in the order of m_panels->panels()
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
