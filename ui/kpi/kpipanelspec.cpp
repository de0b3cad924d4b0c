#include "kpipanel.h"
#include "ui/common/panelspec.h"

#include "services/regionclient.h"

namespace ops {

// A short strip of KPIs above everything else in the top area.
PanelSpec kpiPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("kpis");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "KPIs");
    spec.area = Qt::TopDockWidgetArea;
    spec.roles = {QStringLiteral("operator"), QStringLiteral("manager")};
    spec.heightPercent = -1; // as high as its tiles
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        return new KpiPanel(context.regions, context.client<RegionClient>(), host.hostWidget());
    };
    return spec;
}

} // namespace ops
