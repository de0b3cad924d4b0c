#include "regiondetailpanel.h"
#include "ui/common/panelspec.h"

#include "services/regionclient.h"

namespace ops {

// The details: a full-height column on the right.
PanelSpec regionDetailPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("regionDetail");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Region detail");
    spec.area = Qt::RightDockWidgetArea;
    spec.roles = {QStringLiteral("operator"), QStringLiteral("manager")};
    spec.widthPercent = 30;
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        return new RegionDetailPanel(context.regions, context.client<RegionClient>(),
                                     context.selection, host.hostWidget());
    };
    return spec;
}

} // namespace ops
