#include "registryactions.h"
#include "models/resourcename.h"

#include "actiondialog.h"

#include "models/approvalqueuemodel.h"
#include "models/deploymenttablemodel.h"
#include "models/modeltablemodel.h"
#include "models/versiontablemodel.h"
#include "services/identityclient.h"
#include "services/modelregistryclient.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QWidget>

#include <algorithm>

namespace ops {

namespace rp = registry_permissions;

RegistryActions::RegistryActions(ModelRegistryClient *client, IdentityClient *identity,
                                 ModelTableModel *models, DeploymentTableModel *deployments,
                                 ApprovalQueueModel *pending, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_client(client)
    , m_identity(identity)
    , m_models(models)
    , m_deployments(deployments)
    , m_pending(pending)
    , m_parent(dialogParent)
{
    const struct
    {
        Kind kind;
        const char *id;
        QString text;
    } defs[] = {
        {RequestPromotion, "actionRequestPromotion", tr("Request promotion…")},
        {Approve, "actionApprove", tr("Approve…")},
        {Reject, "actionReject", tr("Reject…")},
        {Withdraw, "actionWithdraw", tr("Withdraw…")},
        {MoveAlias, "actionMoveAlias", tr("Move alias…")},
        {Deploy, "actionDeploy", tr("Deploy…")},
        {ChangeTraffic, "actionChangeTraffic", tr("Change traffic…")},
        {Rollback, "actionRollback", tr("Roll back…")},
        {Archive, "actionArchive", tr("Archive…")},
    };
    for (const auto &def : defs) {
        auto *action = new QAction(def.text, this);
        action->setObjectName(QLatin1String(def.id));
        connect(action, &QAction::triggered, this, [this, kind = def.kind] { trigger(kind); });
        m_actions[def.kind] = action;
    }
    if (m_identity)
        connect(m_identity, &IdentityClient::permissionsChanged, this, &RegistryActions::update);
    connect(m_models, &ModelTableModel::dataChanged, this, &RegistryActions::update);
    connect(m_models, &ModelTableModel::modelReset, this, &RegistryActions::update);
    connect(m_deployments, &DeploymentTableModel::dataChanged, this, &RegistryActions::update);
    connect(m_deployments, &DeploymentTableModel::modelReset, this, &RegistryActions::update);
    for (auto signal : {&ApprovalQueueModel::rowsInserted, &ApprovalQueueModel::rowsRemoved})
        connect(m_pending, signal, this, &RegistryActions::update);
    connect(m_pending, &ApprovalQueueModel::modelReset, this, &RegistryActions::update);
    update();
}

Permissions RegistryActions::permissions() const
{
    return m_identity ? m_identity->permissions() : Permissions();
}

const ModelInfo *RegistryActions::modelInfo() const
{
    return m_model.isEmpty() ? nullptr : m_models->find(m_model);
}

const ApprovalRequest *RegistryActions::request() const
{
    const int row = m_request.isEmpty() ? -1 : m_pending->rowOf(m_request);
    return row < 0 ? nullptr : &m_pending->request(row);
}

void RegistryActions::setVersion(const QString &model, qint64 version, ModelStage stage)
{
    m_model = model;
    m_version = version;
    m_stage = stage;
    update();
}

void RegistryActions::setDeployment(const QString &name)
{
    m_deployment = name;
    update();
}

void RegistryActions::setApprovalRequest(const QString &name)
{
    m_request = name;
    update();
}

void RegistryActions::setRegions(const QStringList &regionIds)
{
    m_regions = regionIds;
    m_regions.removeDuplicates();
    std::sort(m_regions.begin(), m_regions.end());
}

void RegistryActions::setVersionsModel(VersionTableModel *versions)
{
    m_versions = versions;
}

QString RegistryActions::versionLabel(qint64 version) const
{
    return tr("version %1 of %2").arg(version).arg(modelIdFromName(m_model));
}

QString RegistryActions::disabledReason(Kind kind) const
{
    const Permissions perms = permissions();
    const QString me = m_identity ? m_identity->identity().user : QString();
    auto needVersion = [this]() -> QString {
        return m_version > 0 ? QString() : tr("Select a model version first.");
    };
    switch (kind) {
    case RequestPromotion: {
        if (QString why = perms.missingText(rp::PromotionsRequest); !why.isEmpty())
            return why;
        if (QString why = needVersion(); !why.isEmpty())
            return why;
        if (m_stage == ModelStage::Production)
            return tr("Version %1 is already in Production.").arg(m_version);
        for (int row = 0; row < m_pending->rowCount(); ++row) {
            const ApprovalRequest &r = m_pending->request(row);
            if (r.model == m_model && r.version == m_version &&
                r.action == ApprovalAction::PromoteToProduction)
                return tr("A request to promote version %1 is already pending.").arg(m_version);
        }
        return {};
    }
    case Approve:
    case Reject: {
        if (QString why = perms.missingText(rp::PromotionsApprove); !why.isEmpty())
            return why;
        const ApprovalRequest *r = request();
        if (!r)
            return tr("Select a pending request first.");
        if (!me.isEmpty() && r->requester == me)
            return tr("Four eyes: you requested this yourself; another user with %1 must review "
                      "it.")
                .arg(rp::PromotionsApprove);
        return {};
    }
    case Withdraw: {
        if (QString why = perms.missingText(rp::PromotionsRequest); !why.isEmpty())
            return why;
        const ApprovalRequest *r = request();
        if (!r)
            return tr("Select a pending request first.");
        const bool admin =
            m_identity && m_identity->identity().roles.contains(QStringLiteral("admin"));
        if (r->requester != me && !admin)
            return tr("Only the requester (%1) or an admin may withdraw this request.")
                .arg(resource::leafId(r->requester));
        return {};
    }
    case MoveAlias:
        if (QString why = perms.missingText(rp::ModelsWrite); !why.isEmpty())
            return why;
        return needVersion();
    case Deploy:
        if (QString why = perms.missingText(rp::DeploymentsWrite); !why.isEmpty())
            return why;
        return needVersion();
    case ChangeTraffic:
    case Rollback: {
        if (QString why = perms.missingText(rp::DeploymentsWrite); !why.isEmpty())
            return why;
        const int row = m_deployment.isEmpty() ? -1 : m_deployments->rowOf(m_deployment);
        if (row < 0)
            return tr("Select a deployment first.");
        if (kind == Rollback && m_deployments->deployment(row).previousVariants.isEmpty())
            return tr("This deployment has no earlier traffic split to return to.");
        return {};
    }
    case Archive:
        if (QString why = perms.missingText(rp::ModelsWrite); !why.isEmpty())
            return why;
        if (QString why = needVersion(); !why.isEmpty())
            return why;
        if (m_stage == ModelStage::Archived)
            return tr("Version %1 is already archived.").arg(m_version);
        return {};
    case KindCount:
        break;
    }
    return {};
}

void RegistryActions::update()
{
    static const char *const tips[] = {
        QT_TR_NOOP("Ask for this version to go to Production; another user must approve."),
        QT_TR_NOOP("Apply the selected request."),
        QT_TR_NOOP("Turn the selected request down, with a comment."),
        QT_TR_NOOP("Withdraw your pending request."),
        QT_TR_NOOP("Point an alias (champion, challenger, …) at this version."),
        QT_TR_NOOP("Serve this version in a region."),
        QT_TR_NOOP("Change how traffic is split between the deployment's versions."),
        QT_TR_NOOP("Return the deployment to its previous traffic split."),
        QT_TR_NOOP("Move this version to Archived."),
    };
    for (int k = 0; k < KindCount; ++k) {
        const QString why = disabledReason(Kind(k));
        m_actions[k]->setEnabled(why.isEmpty());
        m_actions[k]->setToolTip(why.isEmpty() ? tr(tips[k]) : why);
    }
}

void RegistryActions::open(ActionDialog *dialog)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = dialog;
    dialog->open();
}

void RegistryActions::report(const RegistryError &error, const QString &success)
{
    if (error.isError())
        emit failed(error);
    else
        emit succeeded(success);
}

QString RegistryActions::promotionEffect() const
{
    const ModelInfo *m = modelInfo();
    const qint64 current = m ? m->productionVersion : 0;
    QString effect;
    if (current > 0 && current != m_version)
        effect = tr("Version %1 of %2 goes to Production; version %3 (now Production) is "
                    "archived.")
                     .arg(m_version)
                     .arg(modelIdFromName(m_model))
                     .arg(current);
    else
        effect =
            tr("Version %1 of %2 goes to Production.").arg(m_version).arg(modelIdFromName(m_model));
    return effect + QLatin1Char(' ') +
           tr("Needs approval by another user with %1.").arg(rp::PromotionsApprove);
}

QString RegistryActions::approvalEffect(const ApprovalRequest &r) const
{
    const ModelInfo *m = m_models->find(r.model);
    const QString id = modelIdFromName(r.model);
    const QString who = resource::leafId(r.requester);
    QString effect;
    if (r.action == ApprovalAction::MoveProtectedAlias) {
        const qint64 from = m ? m->aliases.value(r.alias, 0) : 0;
        effect = from > 0 ? tr("The protected alias %1 of %2 moves from version %3 to version %4 "
                               "now.")
                                .arg(r.alias, id)
                                .arg(from)
                                .arg(r.version)
                          : tr("The protected alias %1 of %2 is set on version %3 now.")
                                .arg(r.alias, id)
                                .arg(r.version);
    } else {
        const qint64 current = m ? m->productionVersion : 0;
        effect = current > 0 && current != r.version
                     ? tr("Version %1 of %2 goes to Production now; version %3 (now Production) "
                          "is archived.")
                           .arg(r.version)
                           .arg(id)
                           .arg(current)
                     : tr("Version %1 of %2 goes to Production now.").arg(r.version).arg(id);
    }
    return effect + QLatin1Char(' ') +
           (r.comment.isEmpty() ? tr("Requested by %1 without a comment.").arg(who)
                                : tr("Requested by %1: “%2”").arg(who, r.comment));
}

void RegistryActions::trigger(Kind kind)
{
    if (!disabledReason(kind).isEmpty())
        return;
    const QString model = m_model;
    const qint64 version = m_version;
    const QString id = modelIdFromName(model);
    switch (kind) {
    case RequestPromotion: {
        auto *d = new ActionDialog(tr("Request promotion"), promotionEffect(),
                                   tr("Request promotion"), m_parent);
        d->addComment(true, tr("Why"));
        d->addEvidence();
        connect(d, &QDialog::accepted, this, [this, d, model, version, id] {
            m_client->createApprovalRequest(
                model, ApprovalAction::PromoteToProduction, version, {}, d->comment(),
                d->evidenceLinks(),
                [this, version, id](const ApprovalRequest &, const RegistryError &e) {
                    report(e, tr("Requested the promotion of version %1 of %2; it waits for "
                                 "approval.")
                                  .arg(version)
                                  .arg(id));
                });
        });
        return open(d);
    }
    case Approve:
    case Reject: {
        const ApprovalRequest *r = request();
        if (!r)
            return;
        const ApprovalRequest req = *r;
        const bool approve = kind == Approve;
        const QString who = resource::leafId(req.requester);
        auto *d = new ActionDialog(
            approve ? tr("Approve request") : tr("Reject request"),
            approve ? approvalEffect(req)
                    : tr("The request of %1 (%2 of %3) is rejected; nothing changes.")
                          .arg(who, req.actionText(), modelIdFromName(req.model)),
            approve ? tr("Approve") : tr("Reject"), m_parent);
        d->addComment(!approve, tr("Review comment"));
        connect(d, &QDialog::accepted, this, [this, d, req, approve] {
            auto done = [this, req, approve](const ApprovalRequest &, const RegistryError &e) {
                report(e, approve ? tr("Approved: %1 of %2.")
                                        .arg(req.actionText(), modelIdFromName(req.model))
                                  : tr("Rejected: %1 of %2.")
                                        .arg(req.actionText(), modelIdFromName(req.model)));
            };
            if (approve)
                m_client->approve(req.name, d->comment(), done);
            else
                m_client->reject(req.name, d->comment(), done);
        });
        return open(d);
    }
    case Withdraw: {
        const ApprovalRequest *r = request();
        if (!r)
            return;
        const ApprovalRequest req = *r;
        auto *d = new ActionDialog(tr("Withdraw request"),
                                   tr("Your request (%1 of %2) is withdrawn; nothing changes.")
                                       .arg(req.actionText(), modelIdFromName(req.model)),
                                   tr("Withdraw"), m_parent);
        connect(d, &QDialog::accepted, this, [this, req] {
            m_client->cancelApproval(req.name,
                                     [this](const ApprovalRequest &, const RegistryError &e) {
                                         report(e, tr("The request was withdrawn."));
                                     });
        });
        return open(d);
    }
    case MoveAlias: {
        const ModelInfo *m = modelInfo();
        QStringList aliases = {QStringLiteral("champion"), QStringLiteral("challenger")};
        if (m) {
            for (const QString &a : m->aliases.keys())
                if (!aliases.contains(a))
                    aliases.append(a);
        }
        auto *d = new ActionDialog(tr("Move alias"), QString(), tr("Move alias"), m_parent);
        QComboBox *alias = d->addCombo(tr("Alias:"), aliases, true);
        alias->setObjectName(QStringLiteral("actionAlias"));
        const Permissions perms = permissions();
        auto describe = [this, d, alias, version, id, perms] {
            const QString a = alias->currentText().trimmed();
            const ModelInfo *m = modelInfo();
            const qint64 from = m ? m->aliases.value(a, 0) : 0;
            const bool locked = m && m->isProtected(a);
            QString effect =
                from > 0 && from != version
                    ? tr("The alias %1 moves from version %2 to version %3 of %4.")
                          .arg(a)
                          .arg(from)
                          .arg(version)
                          .arg(id)
                    : tr("The alias %1 is set on version %2 of %3.").arg(a).arg(version).arg(id);
            if (locked)
                effect += QLatin1Char(' ') +
                          tr("%1 is protected: this creates an approval request that another "
                             "user with %2 must approve.")
                              .arg(a, rp::PromotionsApprove);
            d->setEffect(effect);
        };
        d->setValidator([this, d, alias, perms]() -> QString {
            static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9-]{0,62}$"));
            const QString a = alias->currentText().trimmed();
            if (!re.match(a).hasMatch())
                return tr(
                    "An alias is lower-case letters, digits and '-', starting with a letter.");
            if (a == QLatin1String("latest"))
                return tr("\"latest\" is reserved.");
            const ModelInfo *m = modelInfo();
            if (m && m->isProtected(a) && !perms.has(rp::ProtectedAliases))
                return tr("%1 is protected: %2").arg(a, perms.missingText(rp::ProtectedAliases));
            // platformd requires the approval request's comment: the reviewer needs the reason.
            if (m && m->isProtected(a) && d->comment().isEmpty())
                return tr("%1 is protected: say why in the comment, for the reviewer.").arg(a);
            return {};
        });
        connect(alias, &QComboBox::currentTextChanged, d, describe);
        describe();
        d->addComment(false, tr("Why"));
        connect(d, &QDialog::accepted, this, [this, d, alias, model, version, id] {
            const QString a = alias->currentText().trimmed();
            const ModelInfo *m = modelInfo();
            if (m && m->isProtected(a)) {
                m_client->createApprovalRequest(
                    model, ApprovalAction::MoveProtectedAlias, version, a, d->comment(), {},
                    [this, a](const ApprovalRequest &, const RegistryError &e) {
                        report(e, tr("Requested moving the protected alias %1; it waits for "
                                     "approval.")
                                      .arg(a));
                    });
                return;
            }
            m_client->setAlias(
                model, a, version,
                [this, a, version, id](const ModelInfo &, const RegistryError &e) {
                    report(e,
                           tr("The alias %1 is on version %2 of %3.").arg(a).arg(version).arg(id));
                });
        });
        return open(d);
    }
    case Deploy: {
        auto *d = new ActionDialog(tr("Deploy"), QString(), tr("Deploy"), m_parent);
        // The platform's regions when known; else the regions of the deployments held, and the
        // user may type another one.
        QStringList regions = m_regions;
        const bool known = !regions.isEmpty();
        if (!known) {
            for (int row = 0; row < m_deployments->rowCount(); ++row) {
                const QString r = m_deployments->deployment(row).regionId();
                if (!regions.contains(r))
                    regions.append(r);
            }
        }
        auto servedIn = [this, model](const QString &r) {
            return m_deployments->rowOf(QStringLiteral("%1/deployments/%2").arg(model, r));
        };
        QComboBox *region = d->addCombo(tr("Region:"), {}, !known);
        region->setObjectName(QStringLiteral("actionRegion"));
        int first = -1;
        for (const QString &r : std::as_const(regions)) {
            const bool served = servedIn(r) >= 0;
            region->addItem(served ? tr("%1 (serves %2 already)").arg(r, id) : r, r);
            if (!served && first < 0)
                first = region->count() - 1;
        }
        region->setCurrentIndex(std::max(first, 0));
        auto regionId = [region, known] {
            return known ? region->currentData().toString() : region->currentText().trimmed();
        };
        auto describe = [this, d, regionId, version, id] {
            const QString r = regionId();
            const QString name = QStringLiteral("%1/deployments/%2").arg(m_model, r);
            const int row = m_deployments->rowOf(name);
            d->setEffect(
                row >= 0
                    ? tr("%1 already serves %2 in %3.")
                          .arg(id,
                               DeploymentTableModel::trafficText(
                                   m_deployments->deployment(row).variants),
                               r)
                    : tr("Version %1 of %2 is deployed to %3 with 100 % of the traffic of a new "
                         "endpoint.")
                          .arg(version)
                          .arg(id, r));
        };
        d->setValidator([regionId, servedIn, version]() -> QString {
            static const QRegularExpression re(QStringLiteral("^[a-z][a-z0-9-]{0,62}$"));
            const QString r = regionId();
            if (!re.match(r).hasMatch())
                return tr("Name a region, e.g. eu-west.");
            if (servedIn(r) >= 0)
                return tr("There is a deployment in %1 already: use Change traffic on it to give "
                          "version %2 a share.")
                    .arg(r)
                    .arg(version);
            return {};
        });
        connect(region, &QComboBox::currentTextChanged, d, describe);
        connect(region, &QComboBox::currentIndexChanged, d, &ActionDialog::revalidate);
        describe();
        connect(d, &QDialog::accepted, this, [this, regionId, model, version, id] {
            const QString r = regionId();
            DeploymentVariant v;
            v.version = version;
            v.trafficPercent = 100;
            m_client->createDeployment(
                model, r, QStringLiteral("regions/") + r,
                QStringLiteral("https://%1.serve.example/%2").arg(r, id), {v},
                [this, r, version, id](const Deployment &, const RegistryError &e) {
                    report(e, tr("Version %1 of %2 is deploying to %3.").arg(version).arg(id, r));
                });
        });
        return open(d);
    }
    case ChangeTraffic: {
        const int row = m_deployments->rowOf(m_deployment);
        if (row < 0)
            return;
        const Deployment dep = m_deployments->deployment(row);
        const ModelInfo *m = m_models->find(dep.model);
        const qint64 production = m ? m->productionVersion : 0;
        const qint64 selected = m_model == dep.model ? m_version : 0;
        // The versions offered: the split's, Production, the selected one, then every other
        // READY version that is not archived (as the model detail holds them), newest first.
        QList<QPair<qint64, QString>> choices;
        auto offer = [&choices](qint64 v, const QString &label) {
            if (v > 0 && std::none_of(choices.cbegin(), choices.cend(),
                                      [v](const auto &c) { return c.first == v; }))
                choices.append({v, label});
        };
        struct Held
        {
            qint64 version;
            ModelStage stage;
            VersionStatus status;
        };
        QList<Held> held;
        if (m_versions) {
            for (int r = 0; r < m_versions->rowCount(); ++r) {
                if (m_versions->modelName(r) != dep.model)
                    continue;
                held.append(
                    {m_versions->version(r), m_versions->stage(r),
                     VersionStatus(
                         m_versions->index(r, 0).data(VersionTableModel::StatusRole).toInt())});
            }
            std::sort(held.begin(), held.end(),
                      [](const Held &a, const Held &b) { return a.version > b.version; });
        }
        auto label = [&held, production](qint64 v) {
            QString text = tr("Version %1").arg(v);
            for (const Held &h : std::as_const(held)) {
                if (h.version != v)
                    continue;
                if (h.stage != ModelStage::None)
                    text += QStringLiteral(" · ") + RegistryText::stage(h.stage);
                if (h.status != VersionStatus::Ready)
                    text += QStringLiteral(" · ") + RegistryText::status(h.status);
                return text;
            }
            return v == production
                       ? text + QStringLiteral(" · ") + RegistryText::stage(ModelStage::Production)
                       : text;
        };
        for (const DeploymentVariant &v : dep.variants)
            offer(v.version, label(v.version));
        offer(production, label(production));
        offer(selected, label(selected));
        for (const Held &h : std::as_const(held))
            if (h.status == VersionStatus::Ready && h.stage != ModelStage::Archived)
                offer(h.version, label(h.version));
        // The rows: the current split, plus the selected version (at 0 %) when it is not in it.
        QList<DeploymentVariant> variants = dep.variants;
        if (selected > 0 && std::none_of(variants.cbegin(), variants.cend(),
                                         [selected](const DeploymentVariant &x) {
                                             return x.version == selected;
                                         })) {
            DeploymentVariant extra;
            extra.version = selected;
            variants.append(extra);
        }
        auto *d = new ActionDialog(tr("Change traffic"), QString(), tr("Change traffic"), m_parent);
        d->addTraffic(variants, choices);
        auto describe = [d, dep] {
            QList<DeploymentVariant> split;
            for (const DeploymentVariant &v : d->traffic())
                if (v.trafficPercent > 0)
                    split.append(v);
            d->setEffect(tr("%1 in %2: %3 → %4. The current split is kept for a rollback.")
                             .arg(modelIdFromName(dep.model), dep.regionId(),
                                  DeploymentTableModel::trafficText(dep.variants),
                                  DeploymentTableModel::trafficText(split)));
        };
        connect(d, &ActionDialog::trafficChanged, d, describe);
        describe();
        connect(d, &QDialog::accepted, this, [this, d, dep] {
            QList<DeploymentVariant> split;
            for (const DeploymentVariant &v : d->traffic())
                if (v.trafficPercent > 0)
                    split.append(v);
            m_client->updateTraffic(
                dep.name, split, [this, dep](const Deployment &x, const RegistryError &e) {
                    report(e, tr("%1 in %2 now splits %3.")
                                  .arg(modelIdFromName(dep.model), dep.regionId(),
                                       DeploymentTableModel::trafficText(x.variants)));
                });
        });
        return open(d);
    }
    case Rollback: {
        const int row = m_deployments->rowOf(m_deployment);
        if (row < 0)
            return;
        const Deployment dep = m_deployments->deployment(row);
        auto *d = new ActionDialog(
            tr("Roll back"),
            tr("%1 in %2 returns to %3 (the split before the last change); now %4.")
                .arg(modelIdFromName(dep.model), dep.regionId(),
                     DeploymentTableModel::trafficText(dep.previousVariants),
                     DeploymentTableModel::trafficText(dep.variants)),
            tr("Roll back"), m_parent);
        connect(d, &QDialog::accepted, this, [this, dep] {
            m_client->rollback(dep.name, [this, dep](const Deployment &, const RegistryError &e) {
                report(e, tr("%1 in %2 was rolled back.")
                              .arg(modelIdFromName(dep.model), dep.regionId()));
            });
        });
        return open(d);
    }
    case Archive: {
        const ModelInfo *m = modelInfo();
        QString effect = tr("Version %1 of %2 is archived: it leaves %3 and is kept for the "
                            "record.")
                             .arg(version)
                             .arg(id, RegistryText::stage(m_stage));
        if (m_stage == ModelStage::Production)
            effect += QLatin1Char(' ') + tr("%1 then has no version in Production.").arg(id);
        if (m && !m->aliasesOf(version).isEmpty())
            effect += QLatin1Char(' ') + tr("Its aliases (%1) stay until moved.")
                                             .arg(m->aliasesOf(version).join(QStringLiteral(", ")));
        auto *d = new ActionDialog(tr("Archive version"), effect, tr("Archive"), m_parent);
        d->addComment(false, tr("Why"));
        const QString name = QStringLiteral("%1/versions/%2").arg(model).arg(version);
        connect(d, &QDialog::accepted, this, [this, d, name, version, id] {
            m_client->archive(
                name, d->comment(),
                [this, version, id](const ModelVersionInfo &v, const RegistryError &e) {
                    if (!e.isError()) {
                        // The actions follow the new stage (Archive disables).
                        if (v.model == m_model && v.version == m_version) {
                            m_stage = v.stage;
                            update();
                        }
                        emit versionChanged(v);
                    }
                    report(e, tr("Version %1 of %2 is archived.").arg(version).arg(id));
                });
        });
        return open(d);
    }
    case KindCount:
        break;
    }
}

} // namespace ops
