#pragma once

#include "models/modelregistry.h"

#include <QWidget>

class QLabel;
class QComboBox;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabBar;
class QTableView;
class QToolBar;

namespace ops {

class ApprovalQueueModel;
class DeploymentTableModel;
class FilterBox;
class IdentityClient;
class ModelRegistryClient;
class ModelTableModel;
class RegistryActions;
class VersionTableModel;

// The Model registry panel: a switch between Models (one row per registered model, aliases as
// chips, stage badges), Versions (every version, paged from platformd on demand; built for
// 100,000 rows) and Approvals (the pending four-eyes queue with the requesters' comments, and the
// history). A server-side filter with syntax help and inline errors, a count "N of M", CSV export
// of the current view, and the registry's actions (RegistryActions).
class RegistryPanel : public QWidget
{
    Q_OBJECT
public:
    enum class View { Models, Versions, Approvals };

    RegistryPanel(ModelRegistryClient *client, IdentityClient *identity, QWidget *parent = nullptr);
    ~RegistryPanel() override;

    void setView(View view);
    View view() const;

    // The models followed live; the detail panel shares them.
    ModelTableModel *modelsModel() const { return m_models; }
    DeploymentTableModel *deploymentsModel() const { return m_deployments; }
    VersionTableModel *versionsModel() const { return m_versions; }
    ApprovalQueueModel *pendingModel() const { return m_pending; }
    ApprovalQueueModel *historyModel() const { return m_history; }
    RegistryActions *actions() const { return m_actions; }
    FilterBox *filterBox() const { return m_filter; }
    QTableView *modelsView() const { return m_modelsView; }
    QTableView *versionsView() const { return m_versionsView; }
    QTableView *pendingView() const { return m_pendingView; }
    QString countText() const;
    QString messageText() const;
    bool isMessageError() const { return m_messageIsError; }
    bool isLoadingVersions() const { return m_versionListing != 0; }

    // Selects a model by name in the Models view (and so in the detail panel).
    void selectModel(const QString &name);
    QString currentModel() const { return m_currentModel; }
    // Selects a pending request by name (Approvals view).
    void selectApprovalRequest(const QString &name);
    // The platform's region ids, which Deploy offers (MainWindow passes the Regions model's).
    void setRegions(const QStringList &regionIds);

    // Writes the current view's rows (what the filter shows) as CSV. False with `error` set.
    bool exportCsv(const QString &path, QString *error) const;

signals:
    void currentModelChanged(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyFilter(const QString &filter);
    void loadVersions(const QString &filter);
    void updateCount();
    void showMessage(const QString &text, bool error);
    void onModelSelection();
    void onVersionSelection();
    void onApprovalSelection();
    void exportCurrentView();
    void updateApprovalsTab();

    ModelRegistryClient *m_client;
    IdentityClient *m_identity;
    ModelTableModel *m_models;
    QSortFilterProxyModel *m_modelsProxy;
    VersionTableModel *m_versions;
    DeploymentTableModel *m_deployments;
    ApprovalQueueModel *m_pending;
    ApprovalQueueModel *m_history;
    RegistryActions *m_actions;
    QTabBar *m_switch;
    FilterBox *m_filter;
    QLabel *m_count;
    QLabel *m_message;
    QPushButton *m_export;
    QComboBox *m_metric;
    QToolBar *m_toolbar;
    QStackedWidget *m_stack;
    QTableView *m_modelsView;
    QTableView *m_versionsView;
    QTableView *m_pendingView;
    QTableView *m_historyView;
    QString m_filters[3];
    qint64 m_chosenVersion = 0; // the version onModelSelection() gave the actions
    QString m_currentModel;
    quint64 m_versionListing = 0;
    quint64 m_modelListing = 0;
    int m_versionsTotal = 0; // matching the versions filter, as platformd counted
    bool m_versionsLoaded = false;
    bool m_messageIsError = false;
};

} // namespace ops
