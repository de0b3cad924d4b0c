#include "compliancepanel.h"
#include "ui/common/panelspec.h"

#include "models/regionstore.h"
#include "models/regiontreemodel.h"
#include "services/auditclient.h"
#include "services/complianceclient.h"
#include "services/connection.h"
#include "services/identityclient.h"

namespace ops {

// Compliance status for compliance officers: a tab behind Regions, shown by their preset.
PanelSpec compliancePanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("compliance");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Compliance");
    spec.area = Qt::TopDockWidgetArea;
    spec.needs = {&Connection::staticMetaObject, &ComplianceClient::staticMetaObject,
                  &AuditClient::staticMetaObject};
    spec.roles = {QStringLiteral("compliance_officer")};
    spec.tabBehind = QStringLiteral("regions");
    spec.heightPercent = 40; // when it is the front of its group
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        auto *panel = new CompliancePanel(context.client<ComplianceClient>(),
                                          context.client<IdentityClient>(),
                                          context.client<AuditClient>(), host.hostWidget());
        // The drill dialog offers the regions the console knows.
        if (context.regions) {
            RegionStore *store = context.regions->store();
            auto update = [panel, store] {
                QStringList names;
                for (const Region &r : store->regions())
                    names << r.name;
                panel->setRegions(names);
            };
            QObject::connect(store, &RegionStore::reset, panel, update);
            QObject::connect(store, &RegionStore::changed, panel, update);
            update();
        }
        // Loads whenever the connection opens a channel (and now, if it is open).
        Connection *connection = context.client<Connection>();
        QObject::connect(connection, &Connection::opened, panel, &CompliancePanel::refreshAll);
        if (connection->isOpen())
            panel->refreshAll();
        return panel;
    };
    return spec;
}

} // namespace ops
