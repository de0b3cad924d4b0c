<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ops::RegionsPanel</name>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="226" />
        <source>%n region(s)</source>
        <translation><numerusform>%n region</numerusform><numerusform>%n regions</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="228" />
        <source>%n degraded</source>
        <translation><numerusform>%n degraded</numerusform><numerusform>%n degraded</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="230" />
        <source>%n down</source>
        <translation><numerusform>%n down</numerusform><numerusform>%n down</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="232" />
        <source>%n in maintenance</source>
        <translation><numerusform>%n in maintenance</numerusform><numerusform>%n in maintenance</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="234" />
        <source>%n unknown</source>
        <translation><numerusform>%n unknown</numerusform><numerusform>%n unknown</numerusform></translation>
    </message>
</context>
</TS>
