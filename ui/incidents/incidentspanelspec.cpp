#include "incidentspanel.h"
#include "ui/common/panelspec.h"
#include "ui/common/resourceselection.h"
#include "ui/registry/registrypanel.h"

#include "models/incidenttablemodel.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/incidentclient.h"

#include <QPointer>

namespace ops {

// The incident queue: a tab behind Regions (with the Model registry), where operators live.
PanelSpec incidentsPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("incidents");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Incidents");
    spec.area = Qt::TopDockWidgetArea;
    spec.needs = {&Connection::staticMetaObject, &IncidentClient::staticMetaObject};
    spec.roles = {QStringLiteral("operator"), QStringLiteral("manager")};
    spec.tabBehind = QStringLiteral("regions");
    spec.heightPercent = 30; // when it is the front of its group
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        IncidentClient *client = context.client<IncidentClient>();
        auto *panel =
            new IncidentsPanel(client, context.client<IdentityClient>(), host.hostWidget());
        // The incident's region is highlighted on the map (the window's selection, which the
        // map and the Regions table follow) and its model in the registry.
        ResourceSelection *selection = context.selection;
        QPointer<RegistryPanel> registry = host.panel<RegistryPanel>(QStringLiteral("registry"));
        auto showRegion = [selection](const QString &region) {
            if (selection && !region.isEmpty())
                selection->setCurrent(region);
        };
        auto showModel = [registry](const QString &model) {
            if (registry && !model.isEmpty())
                registry->selectModel(model);
        };
        QObject::connect(panel, &IncidentsPanel::currentIncidentChanged, panel,
                         [panel, showRegion, showModel](const QString &name) {
                             const Incident *i = panel->incidentsModel()->find(name);
                             if (!i)
                                 return;
                             showRegion(i->regions.value(0));
                             showModel(i->models.value(0));
                         });
        QObject::connect(panel, &IncidentsPanel::regionActivated, panel, showRegion);
        QObject::connect(panel, &IncidentsPanel::modelActivated, panel, showModel);
        client->start(); // follows the connection: lists and watches once it opens
        return panel;
    };
    return spec;
}

} // namespace ops
