<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ops::AuditPanel</name>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="258"/>
        <source>%n denied</source>
        <translation>
            <numerusform>%n denied</numerusform>
            <numerusform>%n denied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="319"/>
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
    <name>ops::RegionsPanel</name>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="262"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n region</numerusform>
            <numerusform>%n regions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="264"/>
        <source>%n degraded</source>
        <translation>
            <numerusform>%n degraded</numerusform>
            <numerusform>%n degraded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="266"/>
        <source>%n down</source>
        <translation>
            <numerusform>%n down</numerusform>
            <numerusform>%n down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="268"/>
        <source>%n in maintenance</source>
        <translation>
            <numerusform>%n in maintenance</numerusform>
            <numerusform>%n in maintenance</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="270"/>
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unknown</numerusform>
            <numerusform>%n unknown</numerusform>
        </translation>
    </message>
</context>
</TS>
