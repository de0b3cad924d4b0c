#pragma once

#include "models/probe.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace ops {

class Connection;
class HealthProber;
class ProbeTableModel;
class RegionClient;
class RegionTreeModel;

// The "Health probes" panel: gRPC endpoints followed with grpc.health.v1 (HealthProber), as a
// table with status badges. The user adds and removes endpoints (kept in QSettings); regions that
// carry a health endpoint are probed automatically and follow their region.
class ProbesPanel : public QWidget
{
    Q_OBJECT
public:
    // Any of them may be null: without `regions` there are no region probes. `client` tells about
    // region updates the tree does not show (a new health endpoint changes no visible cell).
    ProbesPanel(RegionTreeModel *regions, RegionClient *client, Connection *connection,
                QWidget *parent = nullptr);
    ~ProbesPanel() override;

    static QString settingsKey(); // where the user's probes are kept

    HealthProber *prober() const { return m_prober; }
    ProbeTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *removeButton() const { return m_removeButton; }

    // Adds a probe the user asked for and saves the list. Returns its id, or 0 (and `error` says
    // why: an invalid target, or the same endpoint and service twice).
    int addManualProbe(const ProbeTarget &target, QString *error = nullptr);
    // Removes a probe the user added and saves the list; region probes cannot be removed.
    bool removeProbe(int id);
    QList<ProbeTarget> manualTargets() const;
    int probeForRegion(const QString &regionName) const; // 0 if none

    QString summaryText() const;
    QString emptyStateText() const; // empty while the table is shown
    bool isShowingTable() const;

public slots:
    void showAddDialog();
    void removeSelected();

private:
    void load();
    void save() const;
    void syncRegionProbes();
    ProbeTarget regionTarget(const QString &endpoint, const QString &service) const;
    void updateSummary();
    void updateButtons();

    RegionTreeModel *m_regions;
    Connection *m_connection;
    HealthProber *m_prober;
    ProbeTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_summary;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QTableView *m_view;
    QTimer *m_regionSync;
    QList<int> m_manual;            // ids of the user's probes, in the order added
    QHash<QString, int> m_byRegion; // region name -> probe id
    bool m_loading = false;
};

} // namespace ops
