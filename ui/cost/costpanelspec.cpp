#include "costpanel.h"
#include "ui/common/panelspec.h"

#include "services/connection.h"
#include "services/costclient.h"
#include "services/identityclient.h"

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
