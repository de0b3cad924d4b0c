#include "probespanel.h"
#include "ui/common/panelspec.h"

#include "services/connection.h"
#include "services/regionclient.h"

namespace ops {

PanelSpec probesPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("probes");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Health probes");
    spec.area = Qt::BottomDockWidgetArea;
    spec.roles = {QStringLiteral("operator")};
    spec.tabBehind = QStringLiteral("activity");
    spec.heightPercent = 16;
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        return new ProbesPanel(context.regions, context.client<RegionClient>(),
                               context.client<Connection>(), host.hostWidget());
    };
    return spec;
}

} // namespace ops
