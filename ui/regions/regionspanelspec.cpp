#include "regionspanel.h"
#include "ui/common/panelspec.h"

#include "services/connection.h"
#include "services/regionclient.h"

namespace ops {

PanelSpec regionsPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("regions");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Regions");
    spec.area = Qt::TopDockWidgetArea;
    spec.roles = {QStringLiteral("operator"), QStringLiteral("manager")};
    spec.below = QStringLiteral("map");
    spec.heightPercent = 26;
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        return new RegionsPanel(context.regions, context.client<Connection>(),
                                context.client<RegionClient>(), context.selection,
                                host.hostWidget());
    };
    return spec;
}

} // namespace ops
