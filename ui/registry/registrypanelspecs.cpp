#include "modeldetailpanel.h"
#include "registrypanel.h"
#include "ui/common/panelspec.h"

#include "models/regiontreemodel.h"
#include "models/resourcename.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/modelregistryclient.h"

namespace ops {

// The model registry: a tab behind Regions.
PanelSpec registryPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("registry");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Model registry");
    spec.area = Qt::TopDockWidgetArea;
    spec.needs = {&Connection::staticMetaObject, &ModelRegistryClient::staticMetaObject};
    spec.roles = {QStringLiteral("operator"), QStringLiteral("manager"),
                  QStringLiteral("compliance_officer")};
    spec.tabBehind = QStringLiteral("regions");
    spec.heightPercent = 26; // when it is the front of its group
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        ModelRegistryClient *client = context.client<ModelRegistryClient>();
        auto *panel =
            new RegistryPanel(client, context.client<IdentityClient>(), host.hostWidget());
        // Deploy offers the platform's regions, as the Regions model holds them.
        if (RegionTreeModel *regions = context.regions) {
            auto passRegions = [regions, panel] {
                QStringList ids;
                for (int row = 0; row < regions->rowCount(); ++row)
                    ids.append(resource::topLevelId(
                        regions->index(row, 0).data(RegionTreeModel::ResourceNameRole).toString()));
                ids.removeAll(QString());
                panel->setRegions(ids);
            };
            QObject::connect(regions, &QAbstractItemModel::rowsInserted, panel, passRegions);
            QObject::connect(regions, &QAbstractItemModel::rowsRemoved, panel, passRegions);
            QObject::connect(regions, &QAbstractItemModel::modelReset, panel, passRegions);
            passRegions();
        }
        client->start(); // follows the connection: lists and watches once it opens
        return panel;
    };
    return spec;
}

// The selected model's detail: a tab behind Region detail in the right column.
PanelSpec modelDetailPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("modelDetail");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Model detail");
    spec.area = Qt::RightDockWidgetArea;
    spec.needs = {&Connection::staticMetaObject, &ModelRegistryClient::staticMetaObject};
    spec.roles = {QStringLiteral("operator"), QStringLiteral("manager"),
                  QStringLiteral("compliance_officer")};
    spec.tabBehind = QStringLiteral("regionDetail");
    spec.widthPercent = 30; // when it is the front of its group
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        auto *registry = host.panel<RegistryPanel>(QStringLiteral("registry"));
        if (!registry)
            return nullptr; // it details the registry panel's current model
        auto *detail = new ModelDetailPanel(context.client<ModelRegistryClient>(),
                                            registry->modelsModel(), registry->deploymentsModel(),
                                            registry->actions(), host.hostWidget());
        QObject::connect(registry, &RegistryPanel::currentModelChanged, detail,
                         &ModelDetailPanel::setModel);
        return detail;
    };
    return spec;
}

} // namespace ops
