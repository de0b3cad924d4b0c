#include "panels.h"

namespace ops {

// Each folder under ui/ registers its panels with one function, defined in its *panelspec*.cpp.
PanelSpec kpiPanelSpec();          // ui/kpi/
PanelSpec mapPanelSpec();          // ui/map/
PanelSpec regionsPanelSpec();      // ui/regions/
PanelSpec regionDetailPanelSpec(); // ui/regiondetail/
PanelSpec activityPanelSpec();     // ui/activity/
PanelSpec auditPanelSpec();        // ui/audit/
PanelSpec probesPanelSpec();       // ui/probes/
PanelSpec registryPanelSpec();     // ui/registry/
PanelSpec modelDetailPanelSpec();  // ui/registry/
PanelSpec incidentsPanelSpec();    // ui/incidents/
PanelSpec costPanelSpec();         // ui/cost/
PanelSpec compliancePanelSpec();   // ui/compliance/

// The one list: a new panel is its folder plus one line here (and its declaration above).
const QList<PanelSpec> &consolePanels()
{
    static const QList<PanelSpec> panels = {
        kpiPanelSpec(),         mapPanelSpec(),       regionsPanelSpec(), regionDetailPanelSpec(),
        activityPanelSpec(),    auditPanelSpec(),     probesPanelSpec(),  registryPanelSpec(),
        modelDetailPanelSpec(), incidentsPanelSpec(), costPanelSpec(),    compliancePanelSpec(),
    };
    return panels;
}

} // namespace ops
