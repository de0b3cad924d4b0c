#include "costpanel.h"
#include "ui/common/panelspec.h"
#include "ui/registry/registrypanel.h"

#include "services/connection.h"
#include "services/costclient.h"
#include "services/identityclient.h"

#include <QPointer>

namespace ops {

// Cost dashboards for managers: a tab behind Regions, shown by the manager preset.
PanelSpec costPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("cost");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Cost");
    spec.area = Qt::TopDockWidgetArea;
    spec.needs = {&Connection::staticMetaObject, &CostClient::staticMetaObject};
    spec.roles = {QStringLiteral("manager")};
    spec.tabBehind = QStringLiteral("regions");
    spec.heightPercent = 40; // when it is the front of its group
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        auto *panel = new CostPanel(context.client<CostClient>(), context.client<IdentityClient>(),
                                    host.hostWidget());
        // Unit cost sits beside the registry: a model's row selects it in the Model registry.
        QPointer<RegistryPanel> registry = host.panel<RegistryPanel>(QStringLiteral("registry"));
        QObject::connect(panel, &CostPanel::modelActivated, panel, [registry](const QString &m) {
            if (registry)
                registry->selectModel(m);
        });
        // Loads whenever the connection opens a channel (and now, if it is open).
        Connection *connection = context.client<Connection>();
        QObject::connect(connection, &Connection::opened, panel, &CostPanel::refreshAll);
        if (connection->isOpen())
            panel->refreshAll();
        return panel;
    };
    return spec;
}

} // namespace ops
