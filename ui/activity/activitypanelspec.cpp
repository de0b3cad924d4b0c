#include "activitypanel.h"
#include "ui/common/panelspec.h"

#include "services/regionclient.h"

namespace ops {

// The front of the bottom strip of tabs (Audit and Health probes are tabs behind it: side by side
// they left each too narrow to read).
PanelSpec activityPanelSpec()
{
    PanelSpec spec;
    spec.id = QStringLiteral("activity");
    spec.title = QT_TRANSLATE_NOOP("ops::MainWindow", "Activity");
    spec.area = Qt::BottomDockWidgetArea;
    spec.roles = {QStringLiteral("operator")};
    spec.heightPercent = 16;
    spec.create = [](const PanelContext &context, PanelHost &host) -> QWidget * {
        return new ActivityPanel(context.client<RegionClient>(), host.hostWidget());
    };
    return spec;
}

} // namespace ops
