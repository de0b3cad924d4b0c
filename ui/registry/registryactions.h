#pragma once

#include "actiondialog.h"

#include "models/identity.h"
#include "models/modelregistry.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace ops {

class ApprovalQueueModel;
class DeploymentTableModel;
class IdentityClient;
class ModelRegistryClient;
class ModelTableModel;
class VersionTableModel;

// The registry's actions, shared by the Model registry and Model detail panels: request promotion,
// approve, reject, withdraw, move alias, deploy, change traffic, roll back, archive. Each opens a
// confirmation (ActionDialog) that states its effect, then calls platformd. An action is disabled
// with the reason in its tooltip when the signed-in identity lacks the permission or the selection
// does not allow it; platformd stays the authority and its refusals are reported as they are.
class RegistryActions : public QObject
{
    Q_OBJECT
public:
    enum Kind {
        RequestPromotion,
        Approve,
        Reject,
        Withdraw,
        MoveAlias,
        Deploy,
        ChangeTraffic,
        Rollback,
        Archive,
        KindCount
    };

    RegistryActions(ModelRegistryClient *client, IdentityClient *identity, ModelTableModel *models,
                    DeploymentTableModel *deployments, ApprovalQueueModel *pending,
                    QWidget *dialogParent);

    QAction *action(Kind kind) const { return m_actions[kind]; }
    // Why `kind` is disabled (empty when enabled).
    QString disabledReason(Kind kind) const;

    // What the actions act on. Version: stage as held; 0 clears.
    void setVersion(const QString &model, qint64 version, ModelStage stage);
    void setDeployment(const QString &name);
    void setApprovalRequest(const QString &name);
    // The platform's region ids ("eu-west"), offered by Deploy; empty: typed as text.
    void setRegions(const QStringList &regionIds);
    QStringList regions() const { return m_regions; }
    // The model detail's versions: Change traffic offers the servable ones.
    void setVersionsModel(VersionTableModel *versions);
    QString currentModel() const { return m_model; }
    qint64 currentVersion() const { return m_version; }

    // The open confirmation, if any (tests confirm it programmatically).
    ActionDialog *openDialog() const { return m_dialog; }
    // The effect texts (also what the dialogs say).
    QString promotionEffect() const;
    QString approvalEffect(const ApprovalRequest &request) const;

    Permissions permissions() const;

signals:
    // The outcome of an action, for the panels' message bar.
    void succeeded(const QString &message);
    void failed(const ops::RegistryError &error);
    void versionChanged(const ops::ModelVersionInfo &version);

private:
    void update();
    void trigger(Kind kind);
    void open(ActionDialog *dialog);
    const ModelInfo *modelInfo() const;
    const ApprovalRequest *request() const;
    QString versionLabel(qint64 version) const; // "version 7 of fraud-detector"
    void report(const RegistryError &error, const QString &success);

    ModelRegistryClient *m_client;
    IdentityClient *m_identity;
    ModelTableModel *m_models;
    DeploymentTableModel *m_deployments;
    ApprovalQueueModel *m_pending;
    QWidget *m_parent;
    QAction *m_actions[KindCount] = {};
    QString m_model;
    qint64 m_version = 0;
    ModelStage m_stage = ModelStage::None;
    QString m_deployment;
    QString m_request;
    QPointer<ActionDialog> m_dialog;
    QStringList m_regions;
    QPointer<VersionTableModel> m_versions;
};

} // namespace ops
