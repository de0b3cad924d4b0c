<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ops::ApplyRetentionDialog</name>
    <message numerus="yes">
        <location filename="../ui/compliance/retentiondialogs.cpp" line="97"/>
        <source>Delete %n record(s)</source>
        <translation>
            <numerusform>Delete %n record</numerusform>
            <numerusform>Delete %n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::ApprovalQueueModel</name>
    <message numerus="yes">
        <location filename="../models/approvalqueuemodel.cpp" line="29"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/approvalqueuemodel.cpp" line="31"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/approvalqueuemodel.cpp" line="33"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/approvalqueuemodel.cpp" line="34"/>
        <source>%n d</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::AuditPanel</name>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="256"/>
        <source>%n denied</source>
        <translation>
            <numerusform>%n denied</numerusform>
            <numerusform>%n denied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="316"/>
        <source>platformd: chain intact (%n entries checked).</source>
        <translation>
            <numerusform>platformd: chain intact (%n entry checked).</numerusform>
            <numerusform>platformd: chain intact (%n entries checked).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::ChainBadge</name>
    <message numerus="yes">
        <location filename="../ui/audit/chainbadge.cpp" line="47"/>
        <source>Chain verified · %n entries · head %1…</source>
        <translation>
            <numerusform>Chain verified · %n entry · head %1…</numerusform>
            <numerusform>Chain verified · %n entries · head %1…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::CompliancePanel</name>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="469"/>
        <source>Ran %n check(s)</source>
        <translation>
            <numerusform>Ran %n check</numerusform>
            <numerusform>Ran %n checks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="470"/>
        <source>%n not passing</source>
        <translation>
            <numerusform>%n not passing</numerusform>
            <numerusform>%n not passing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="472"/>
        <source>%n finding(s) opened</source>
        <translation>
            <numerusform>%n finding opened</numerusform>
            <numerusform>%n findings opened</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="473"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n closed</numerusform>
            <numerusform>%n closed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="258"/>
        <source>%1 is now kept for %n day(s).</source>
        <translation>
            <numerusform>%1 is now kept for %n day.</numerusform>
            <numerusform>%1 is now kept for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="304"/>
        <source>Retention applied: %n record(s) deleted (%1).</source>
        <translation>
            <numerusform>Retention applied: %n record deleted (%1).</numerusform>
            <numerusform>Retention applied: %n records deleted (%1).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::ControlsPage</name>
    <message numerus="yes">
        <location filename="../ui/compliance/controlspage.cpp" line="184"/>
        <source>%1 of %n control(s)</source>
        <translation>
            <numerusform>%1 of %n control</numerusform>
            <numerusform>%1 of %n controls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::CostAreaChart</name>
    <message numerus="yes">
        <location filename="../ui/cost/costcharts.cpp" line="158"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::CostPanel</name>
    <message numerus="yes">
        <location filename="../ui/cost/costpanel.cpp" line="220"/>
        <source>%n recommendation(s), estimated saving %1 a month</source>
        <translation>
            <numerusform>%n recommendation, estimated saving %1 a month</numerusform>
            <numerusform>%n recommendations, estimated saving %1 a month</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::DrillsPage</name>
    <message numerus="yes">
        <location filename="../ui/compliance/drillspage.cpp" line="75"/>
        <source>The newest drill ran %n day(s) ago; the failover-drills check wants one within the last quarter.</source>
        <translation>
            <numerusform>The newest drill ran %n day ago; the failover-drills check wants one within the last quarter.</numerusform>
            <numerusform>The newest drill ran %n days ago; the failover-drills check wants one within the last quarter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::IncidentActions</name>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentactions.cpp" line="393"/>
        <source>%n alert(s) still firing; a new notification for them opens a new incident.</source>
        <translation>
            <numerusform>%n alert still firing; a new notification for it opens a new incident.</numerusform>
            <numerusform>%n alerts still firing; a new notification for them opens a new incident.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentactions.cpp" line="464"/>
        <source>Its %n alert(s) are silenced in Alertmanager for %1.</source>
        <translation>
            <numerusform>Its %n alert is silenced in Alertmanager for %1.</numerusform>
            <numerusform>Its %n alerts are silenced in Alertmanager for %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::IncidentTableModel</name>
    <message numerus="yes">
        <location filename="../models/incidenttablemodel.cpp" line="122"/>
        <source>%n alert(s) firing of %1</source>
        <translation>
            <numerusform>%n alert firing of %1</numerusform>
            <numerusform>%n alerts firing of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::IncidentsPanel</name>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentspanel.cpp" line="335"/>
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n incident</numerusform>
            <numerusform>%n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentspanel.cpp" line="421"/>
        <source>Exported %n incident(s) to %1.</source>
        <translation>
            <numerusform>Exported %n incident to %1.</numerusform>
            <numerusform>Exported %n incidents to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::KpiPanel</name>
    <message numerus="yes">
        <location filename="../ui/kpi/kpipanel.cpp" line="130"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::ModelDetailPanel</name>
    <message numerus="yes">
        <location filename="../ui/registry/modeldetailpanel.cpp" line="273"/>
        <source>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 · owner %3 · %n version(s), %4 · %5 live deployment(s)&lt;br&gt;%6</source>
        <translation>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 · owner %3 · %n version, %4 · %5 live deployment(s)&lt;br&gt;%6</numerusform>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 · owner %3 · %n versions, %4 · %5 live deployment(s)&lt;br&gt;%6</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::PrivacyRequestDialog</name>
    <message numerus="yes">
        <location filename="../ui/compliance/privacydialogs.cpp" line="80"/>
        <source>%1 (%n day(s) after receipt)</source>
        <translation>
            <numerusform>%1 (%n day after receipt)</numerusform>
            <numerusform>%1 (%n days after receipt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::RegionsPanel</name>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="300"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="302"/>
        <source>%n degraded</source>
        <translation>
            <numerusform>%n degraded</numerusform>
            <numerusform>%n degraded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="304"/>
        <source>%n down</source>
        <translation>
            <numerusform>%n down</numerusform>
            <numerusform>%n down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="306"/>
        <source>%n in maintenance</source>
        <translation>
            <numerusform>%n in maintenance</numerusform>
            <numerusform>%n in maintenance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="308"/>
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unknown</numerusform>
            <numerusform>%n unknown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::RegistryPanel</name>
    <message numerus="yes">
        <location filename="../ui/registry/registrypanel.cpp" line="436"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n pending</numerusform>
            <numerusform>%n pending</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::RetentionResultModel</name>
    <message numerus="yes">
        <location filename="../models/compliancerecordmodels.cpp" line="107"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/compliancerecordmodels.cpp" line="108"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::RetentionTableModel</name>
    <message numerus="yes">
        <location filename="../models/compliancemodels.cpp" line="491"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::SilenceTableModel</name>
    <message numerus="yes">
        <location filename="../models/silencetablemodel.cpp" line="72"/>
        <source>%n firing alert(s) matched</source>
        <translation>
            <numerusform>%n firing alert matched</numerusform>
            <numerusform>%n firing alerts matched</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::WorldMapWidget</name>
    <message numerus="yes">
        <location filename="../ui/map/maptooltips.cpp" line="50"/>
        <source>%n edge node(s) here (zoom in to see them)</source>
        <translation>
            <numerusform>%n edge node here (zoom in to see it)</numerusform>
            <numerusform>%n edge nodes here (zoom in to see them)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map/maptooltips.cpp" line="66"/>
        <source>&lt;b&gt;%n edge node(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n edge node&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n edge nodes&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map/mapoverlay.cpp" line="188"/>
        <location filename="../ui/map/worldmapwidget.cpp" line="294"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map/mapoverlay.cpp" line="190"/>
        <location filename="../ui/map/worldmapwidget.cpp" line="295"/>
        <source>%n edge node(s)</source>
        <translation>
            <numerusform>%n edge node</numerusform>
            <numerusform>%n edge nodes</numerusform>
        </translation>
    </message>
</context>
</TS>
