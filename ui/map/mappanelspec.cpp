#include "mappanel.h"
#include "ui/common/panelspec.h"

#include "models/regiontreemodel.h"

namespace ops {

// The map takes the wide top of the window: the operator's first look.
PanelSpec mapPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("map");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Map");
    spec.area = Qt::TopDockWidgetArea;
    spec.roles = {QStringLiteral("operator"), QStringLiteral("manager")};
    spec.below = QStringLiteral("kpis");
    spec.heightPercent = 44;
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        if (!context.regions)
            return nullptr;
        return new MapPanel(context.regions->store(), context.selection, host.hostWidget());
    };
    return spec;
}

} // namespace ops
