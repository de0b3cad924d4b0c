<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/map/worldgeometry.cpp" line="161"/>
        <source>Cannot read the map data %1: %2</source>
        <translation>Die Kartendaten %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/map/worldgeometry.cpp" line="165"/>
        <source>The map data %1 is not valid JSON: %2 at offset %3</source>
        <translation>Die Kartendaten %1 sind kein gültiges JSON: %2 an Position %3</translation>
    </message>
    <message>
        <location filename="../ui/map/worldgeometry.cpp" line="171"/>
        <source>The map data %1 is not a GeoJSON FeatureCollection</source>
        <translation>Die Kartendaten %1 sind keine GeoJSON-FeatureCollection</translation>
    </message>
    <message>
        <location filename="../ui/map/worldgeometry.cpp" line="203"/>
        <source>The map data %1 contains no land polygons</source>
        <translation>Die Kartendaten %1 enthalten keine Landpolygone</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="71"/>
        <source>Operations console for a multi-cloud AI platform.</source>
        <translation>Betriebskonsole für eine Multi-Cloud-KI-Plattform.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="76"/>
        <source>Connect to platformd at HOST:PORT instead of starting the embedded demo platform.</source>
        <translation>Mit platformd unter HOST:PORT verbinden, statt die eingebettete Demo-Plattform zu starten.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="81"/>
        <source>Read the API token for --endpoint from FILE (keep it readable by you only).</source>
        <translation>Das API-Token für --endpoint aus DATEI lesen (nur für Sie lesbar halten).</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="86"/>
        <source>Save a PNG of the window to PATH once live data is shown, then exit.</source>
        <translation>Ein PNG des Fensters unter PATH speichern, sobald Live-Daten angezeigt werden, und dann beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="91"/>
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="95"/>
        <source>The platformd binary for the embedded demo platform.</source>
        <translation>Das platformd-Programm für die eingebettete Demo-Plattform.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="99"/>
        <source>Directory for settings, logs and the embedded platform&apos;s data.</source>
        <translation>Verzeichnis für Einstellungen, Protokolle und die Daten der eingebetteten Plattform.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="104"/>
        <source>Start with the default window layout.</source>
        <translation>Mit der Standard-Fensteranordnung starten.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="106"/>
        <source>Use the dark theme.</source>
        <translation>Das dunkle Design verwenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="109"/>
        <source>Print FIRST_DATA once the first region row has been painted, then exit (for benchmarks).</source>
        <translation>FIRST_DATA ausgeben, sobald die erste Regionszeile gezeichnet ist, dann beenden (für Benchmarks).</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../models/probe.cpp" line="80"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="82"/>
        <source>Serving</source>
        <translation>In Betrieb</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="84"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="86"/>
        <source>Unknown service</source>
        <translation>Unbekannter Dienst</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="88"/>
        <source>No health service</source>
        <translation>Kein Health-Dienst</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="90"/>
        <source>Not serving</source>
        <translation>Nicht in Betrieb</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="92"/>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="96"/>
        <source>Probe failed</source>
        <translation>Probe fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="101"/>
        <source>Watch</source>
        <translation>Watch</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="101"/>
        <source>Check polling</source>
        <translation>Check-Polling</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="108"/>
        <source>Plaintext</source>
        <translation>Klartext</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="110"/>
        <source>TLS (system roots)</source>
        <translation>TLS (System-Stammzertifikate)</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="114"/>
        <source>TLS (CA file)</source>
        <translation>TLS (CA-Datei)</translation>
    </message>
</context>
<context>
    <name>ops::ActionDialog</name>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="77"/>
        <source>%1 (required):</source>
        <translation>%1 (erforderlich):</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="77"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="86"/>
        <source>https://… (several separated by spaces)</source>
        <translation>https://… (mehrere durch Leerzeichen getrennt)</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="87"/>
        <source>Evidence links:</source>
        <translation>Nachweis-Links:</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="118"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="127"/>
        <source>Add variant</source>
        <translation>Variante hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="136"/>
        <source>Traffic:</source>
        <translation>Traffic:</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="176"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="223"/>
        <source>Sums to %1 %</source>
        <translation>Summe %1 %</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="278"/>
        <source>A comment is required.</source>
        <translation>Ein Kommentar ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="281"/>
        <source>Add at least one variant.</source>
        <translation>Mindestens eine Variante hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="287"/>
        <source>Version %1 is in the split twice.</source>
        <translation>Version %1 kommt in der Aufteilung doppelt vor.</translation>
    </message>
    <message>
        <location filename="../ui/registry/actiondialog.cpp" line="292"/>
        <source>The traffic adds up to %1 %; it must add up to 100 %.</source>
        <translation>Der Traffic ergibt in Summe %1 %; er muss 100 % ergeben.</translation>
    </message>
</context>
<context>
    <name>ops::ActivityPanel</name>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="23"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="23"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="23"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="23"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="23"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="76"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="77"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::AddProbeDialog</name>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="24"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="30"/>
        <source>Add health probe</source>
        <translation>Health-Probe hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="33"/>
        <source>host:port, e.g. api.example.com:443</source>
        <translation>host:port, z. B. api.example.com:443</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="35"/>
        <source>empty: the server as a whole</source>
        <translation>leer: der Server als Ganzes</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="41"/>
        <source>PEM file with the CA certificate</source>
        <translation>PEM-Datei mit dem CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="44"/>
        <source>empty: the endpoint&apos;s host</source>
        <translation>leer: der Host des Endpunkts</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="53"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="54"/>
        <source>&amp;Service:</source>
        <translation>&amp;Dienst:</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="55"/>
        <source>&amp;Transport:</source>
        <translation>&amp;Transport:</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="56"/>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="57"/>
        <source>Server &amp;name:</source>
        <translation>Server&amp;name:</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="60"/>
        <source>The console follows the endpoint with the standard gRPC health protocol (grpc.health.v1: Watch, or Check polling when the server has no Watch). Probes are anonymous: no token is sent.</source>
        <translation>Die Konsole verfolgt den Endpunkt mit dem Standard-gRPC-Health-Protokoll (grpc.health.v1: Watch oder Check-Polling, wenn der Server kein Watch hat). Probes sind anonym: es wird kein Token gesendet.</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="126"/>
        <source>The CA file &quot;%1&quot; cannot be read.</source>
        <translation>Die CA-Datei „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="139"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/probes/addprobedialog.cpp" line="140"/>
        <source>PEM certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ops::AnomalyTableModel</name>
    <message>
        <location filename="../models/costtablemodels.cpp" line="208"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="208"/>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="208"/>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="208"/>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="208"/>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="208"/>
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
</context>
<context>
    <name>ops::Application</name>
    <message>
        <location filename="../app/application.cpp" line="72"/>
        <location filename="../app/application.cpp" line="169"/>
        <source>Embedded demo platform</source>
        <translation>Eingebettete Demo-Plattform</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="78"/>
        <source>Embedded platform failed</source>
        <translation>Eingebettete Plattform fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="82"/>
        <source>Embedded platform stopped</source>
        <translation>Eingebettete Plattform beendet</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="175"/>
        <source>Starting the embedded demo platform…</source>
        <translation>Eingebettete Demo-Plattform wird gestartet …</translation>
    </message>
</context>
<context>
    <name>ops::ApplyRetentionDialog</name>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="65"/>
        <source>Apply retention</source>
        <translation>Aufbewahrung anwenden</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="66"/>
        <source>Deletes the records kept longer than their category&apos;s retention, in one audited step. The audit log itself is never deleted. First, what would go:</source>
        <translation>Löscht in einem protokollierten Schritt die Datensätze, die länger als die Aufbewahrungsfrist ihrer Kategorie gespeichert sind. Das Audit-Protokoll selbst wird nie gelöscht. Zuerst, was wegfiele:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="69"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="78"/>
        <source>Counting what would be deleted…</source>
        <translation>Zähle, was gelöscht würde…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="92"/>
        <source>Nothing is kept past its retention; there is nothing to delete.</source>
        <translation>Nichts ist länger als seine Aufbewahrungsfrist gespeichert; es gibt nichts zu löschen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="97"/>
        <source>Deleting cannot be undone.</source>
        <translation>Das Löschen kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/retentiondialogs.cpp" line="98"/>
        <source>Delete %n record(s)</source>
        <translation>
            <numerusform>%n Datensatz löschen</numerusform>
            <numerusform>%n Datensätze löschen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="105"/>
        <source>Applying retention…</source>
        <translation>Aufbewahrung wird angewendet…</translation>
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
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="98"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="100"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="102"/>
        <source>Requester</source>
        <translation>Antragsteller</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="104"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="106"/>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="108"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="108"/>
        <source>Decided</source>
        <translation>Entschieden</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="110"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="112"/>
        <source>Reviewer</source>
        <translation>Prüfer</translation>
    </message>
    <message>
        <location filename="../models/approvalqueuemodel.cpp" line="114"/>
        <source>Review comment</source>
        <translation>Prüfkommentar</translation>
    </message>
</context>
<context>
    <name>ops::ApprovalRequest</name>
    <message>
        <location filename="../models/modelregistry.cpp" line="166"/>
        <source>Promote version %1 to Production</source>
        <translation>Version %1 in Produktion hochstufen</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="168"/>
        <source>Move alias %1 to version %2</source>
        <translation>Alias %1 auf Version %2 verschieben</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="172"/>
        <source>Unknown action on version %1</source>
        <translation>Unbekannte Aktion für Version %1</translation>
    </message>
</context>
<context>
    <name>ops::AuditChainVerifier</name>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="63"/>
        <source>the first entry does not start the chain (prev_hash is not the genesis hash)</source>
        <translation>der erste Eintrag beginnt die Kette nicht (prev_hash ist nicht der Genesis-Hash)</translation>
    </message>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="65"/>
        <source>entry %1 is missing</source>
        <translation>Eintrag %1 fehlt</translation>
    </message>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="66"/>
        <source>entries %1–%2 are missing</source>
        <translation>Einträge %1–%2 fehlen</translation>
    </message>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="68"/>
        <source>entries are out of order (expected %1, found %2)</source>
        <translation>Einträge in falscher Reihenfolge (erwartet %1, gefunden %2)</translation>
    </message>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="70"/>
        <source>prev_hash does not match the previous entry</source>
        <translation>prev_hash passt nicht zum vorigen Eintrag</translation>
    </message>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="72"/>
        <source>entry_hash does not match its content</source>
        <translation>entry_hash passt nicht zum Inhalt</translation>
    </message>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="74"/>
        <source>this entry differs from the one this console saw before: history was rewritten</source>
        <translation>dieser Eintrag unterscheidet sich von dem, den diese Konsole zuvor gesehen hat: die Historie wurde umgeschrieben</translation>
    </message>
    <message>
        <location filename="../models/auditchainverifier.cpp" line="77"/>
        <source>the log ends at %1, but this console saw it reach %2: entries were removed from its end</source>
        <translation>das Protokoll endet bei %1, diese Konsole hat es aber bis %2 gesehen: am Ende wurden Einträge entfernt</translation>
    </message>
</context>
<context>
    <name>ops::AuditClient</name>
    <message>
        <location filename="../services/auditclient.cpp" line="181"/>
        <source>Could not list the audit log of %1: %2</source>
        <translation>Das Audit-Protokoll von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="186"/>
        <source>Lost the live audit log of %1: %2</source>
        <translation>Die Live-Verbindung zum Audit-Protokoll von %1 ist abgebrochen: %2</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="228"/>
        <location filename="../services/auditclient.cpp" line="283"/>
        <source>Not connected to platformd.</source>
        <translation>Nicht mit platformd verbunden.</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="241"/>
        <source>Could not search the audit log: %1</source>
        <translation>Das Audit-Protokoll konnte nicht durchsucht werden: %1</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="274"/>
        <source>platformd could not verify its audit chain: %1</source>
        <translation>platformd konnte seine Audit-Kette nicht prüfen: %1</translation>
    </message>
</context>
<context>
    <name>ops::AuditPanel</name>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="57"/>
        <source>Verify on server</source>
        <translation>Auf dem Server prüfen</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="72"/>
        <source>Filter actor, action, resource, result…</source>
        <translation>Akteur, Aktion, Ressource, Ergebnis filtern…</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="77"/>
        <source>Server filter, e.g. result != &quot;OK&quot;</source>
        <translation>Serverfilter, z. B. result != &quot;OK&quot;</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="79"/>
        <source>An AIP-160 filter sent to platformd (ListAuditEvents). Press Enter to apply; clear it to show every entry.</source>
        <translation>Ein AIP-160-Filter, der an platformd geschickt wird (ListAuditEvents). Mit Eingabe anwenden; leeren, um alle Einträge zu zeigen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="85"/>
        <source>Ask platformd to verify the whole chain and compare its verdict with the console&apos;s.</source>
        <translation>platformd die ganze Kette prüfen lassen und sein Urteil mit dem der Konsole vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="198"/>
        <source>Ask platformd to verify the whole chain.</source>
        <translation>platformd die ganze Kette prüfen lassen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="213"/>
        <source>Chain not checked</source>
        <translation>Kette nicht geprüft</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="256"/>
        <source>%n denied</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="290"/>
        <source>Server filter: %1</source>
        <translation>Serverfilter: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="307"/>
        <source>Asking platformd to verify its chain…</source>
        <translation>platformd prüft seine Kette…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="316"/>
        <source>platformd: chain intact (%n entries checked).</source>
        <translation>
            <numerusform>platformd: Kette intakt (%n Eintrag geprüft).</numerusform>
            <numerusform>platformd: Kette intakt (%n Einträge geprüft).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="318"/>
        <source>platformd: chain broken at seq %1: %2.</source>
        <translation>platformd: Kette bei Seq %1 gebrochen: %2.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="324"/>
        <source>The verdicts DISAGREE: the console says %1.</source>
        <translation>Die Urteile WIDERSPRECHEN sich: die Konsole sagt %1.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="325"/>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="325"/>
        <source>broken at seq %1</source>
        <translation>gebrochen bei Seq %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="327"/>
        <source>Both find the chain broken; the console first at seq %1.</source>
        <translation>Beide finden die Kette gebrochen; die Konsole zuerst bei Seq %1.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="330"/>
        <source>The console agrees.</source>
        <translation>Die Konsole stimmt zu.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="366"/>
        <source>Checking what you may see…</source>
        <translation>Prüfe, was Sie sehen dürfen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="368"/>
        <source>The audit log needs the permission audit.read, which your roles do not grant. Compliance officers and administrators have it; ask one of them to grant you the role, or connect with their token.</source>
        <translation>Das Audit-Protokoll erfordert die Berechtigung audit.read, die Ihre Rollen nicht gewähren. Compliance-Beauftragte und Administratoren haben sie; bitten Sie eine dieser Personen, Ihnen die Rolle zu geben, oder verbinden Sie sich mit deren Token.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="372"/>
        <source>No audit log: the request failed.</source>
        <translation>Kein Audit-Protokoll: die Anfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="373"/>
        <source>Loading the audit log…</source>
        <translation>Audit-Protokoll wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="375"/>
        <source>The audit log is empty.</source>
        <translation>Das Audit-Protokoll ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="377"/>
        <source>No audit entries match the filter.</source>
        <translation>Keine Audit-Einträge passen zum Filter.</translation>
    </message>
</context>
<context>
    <name>ops::AuditTableModel</name>
    <message>
        <location filename="../models/audittablemodel.cpp" line="104"/>
        <source>Seq</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../models/audittablemodel.cpp" line="106"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../models/audittablemodel.cpp" line="108"/>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <location filename="../models/audittablemodel.cpp" line="110"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../models/audittablemodel.cpp" line="112"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../models/audittablemodel.cpp" line="114"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../models/audittablemodel.cpp" line="116"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../models/audittablemodel.cpp" line="118"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>ops::BudgetDialog</name>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="95"/>
        <source>New budget</source>
        <translation>Neues Budget</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="95"/>
        <source>Edit budget %1</source>
        <translation>Budget %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="98"/>
        <source>gpu-spend</source>
        <translation>gpu-kosten</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="103"/>
        <source>all spend, or e.g. service_category = &quot;AI and Machine Learning&quot;</source>
        <translation>alle Kosten, oder z. B. service_category = &quot;AI and Machine Learning&quot;</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="109"/>
        <source>50000.00</source>
        <translation>50000.00</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="120"/>
        <source>Percentages of the amount; f after a number applies it to the forecast</source>
        <translation>Prozente des Betrags; ein f nach der Zahl bezieht sie auf die Prognose</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="129"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="130"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="131"/>
        <source>Scope filter</source>
        <translation>Bereichsfilter</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="132"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="133"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="134"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="135"/>
        <source>Thresholds</source>
        <translation>Schwellen</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="136"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="202"/>
        <source>The id must start with a lower-case letter and hold only lower-case letters, digits and &apos;-&apos;.</source>
        <translation>Die ID muss mit einem Kleinbuchstaben beginnen und darf nur Kleinbuchstaben, Ziffern und &apos;-&apos; enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="205"/>
        <source>Give the budget a name.</source>
        <translation>Geben Sie dem Budget einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="208"/>
        <source>The amount must be a positive decimal number, e.g. 50000 or 1250.50.</source>
        <translation>Der Betrag muss eine positive Dezimalzahl sein, z. B. 50000 oder 1250.50.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costbudgets.cpp" line="210"/>
        <source>The currency must be a three-letter code such as USD.</source>
        <translation>Die Währung muss ein Code aus drei Buchstaben sein, etwa USD.</translation>
    </message>
</context>
<context>
    <name>ops::BudgetTableModel</name>
    <message>
        <location filename="../models/costtablemodels.cpp" line="120"/>
        <source>%1 % actual, %2 % forecast</source>
        <translation>%1 % Ist, %2 % Prognose</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="124"/>
        <source>All spend</source>
        <translation>Alle Kosten</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="133"/>
        <source>%1
Period %2 – %3
Forecast upper bound %4 %5</source>
        <translation>%1
Zeitraum %2 – %3
Obere Prognosegrenze %4 %5</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="137"/>
        <source>Crossed: %1</source>
        <translation>Überschritten: %1</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="150"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="150"/>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="150"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="150"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="151"/>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="151"/>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="151"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="151"/>
        <source>Thresholds</source>
        <translation>Schwellen</translation>
    </message>
</context>
<context>
    <name>ops::CatalogTableModel</name>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="27"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="27"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="27"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="27"/>
        <source>Controls</source>
        <translation>Kontrollen</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="28"/>
        <source>Enhancements</source>
        <translation>Erweiterungen</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="28"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="28"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="41"/>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="42"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="53"/>
        <source>OSCAL %1</source>
        <translation>OSCAL %1</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="54"/>
        <source>OSCAL %1, resolved against %2</source>
        <translation>OSCAL %1, aufgelöst gegen %2</translation>
    </message>
</context>
<context>
    <name>ops::CatalogsPage</name>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="30"/>
        <source>NIST OSCAL catalogs and profiles (JSON). A profile is resolved against the stored catalogs when it is imported.</source>
        <translation>NIST-OSCAL-Kataloge und -Profile (JSON). Ein Profil wird beim Import gegen die gespeicherten Kataloge aufgelöst.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="34"/>
        <source>Import OSCAL…</source>
        <translation>OSCAL importieren…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="54"/>
        <source>No OSCAL catalog is stored yet.</source>
        <translation>Noch ist kein OSCAL-Katalog gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="83"/>
        <source>Could not read %1: it is a folder</source>
        <translation>%1 konnte nicht gelesen werden: es ist ein Ordner</translation>
    </message>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="88"/>
        <source>%1 is %2; platformd imports OSCAL documents of at most %3.</source>
        <translation>%1 ist %2 groß; platformd importiert OSCAL-Dokumente bis höchstens %3.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="95"/>
        <location filename="../ui/compliance/catalogspage.cpp" line="105"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="101"/>
        <source>%1 is larger than %2; platformd imports no more.</source>
        <translation>%1 ist größer als %2; mehr importiert platformd nicht.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/catalogspage.cpp" line="107"/>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
</context>
<context>
    <name>ops::ChainBadge</name>
    <message>
        <location filename="../ui/audit/chainbadge.cpp" line="22"/>
        <source>Chain not checked yet</source>
        <translation>Kette noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../ui/audit/chainbadge.cpp" line="31"/>
        <source>%1
Click to select the first bad entry.</source>
        <translation>%1
Klicken, um den ersten fehlerhaften Eintrag auszuwählen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/chainbadge.cpp" line="46"/>
        <source>Chain verified · no entries yet</source>
        <translation>Kette geprüft · noch keine Einträge</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/chainbadge.cpp" line="47"/>
        <source>Chain verified · %n entries · head %1…</source>
        <translation>
            <numerusform>Kette geprüft · %n Eintrag · Kopf %1…</numerusform>
            <numerusform>Kette geprüft · %n Einträge · Kopf %1…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/chainbadge.cpp" line="53"/>
        <source>Chain BROKEN at seq %1: %2</source>
        <translation>Kette GEBROCHEN bei Seq %1: %2</translation>
    </message>
</context>
<context>
    <name>ops::CheckHistoryModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="352"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="352"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="352"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="352"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="352"/>
        <source>Triggered by</source>
        <translation>Ausgelöst von</translation>
    </message>
</context>
<context>
    <name>ops::CloudProvider</name>
    <message>
        <location filename="../models/region.cpp" line="47"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ops::CompletePrivacyRequestDialog</name>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="110"/>
        <source>Complete a data-subject request</source>
        <translation>Betroffenenanfrage abschließen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="111"/>
        <source>Mark the request as answered. A note replaces the request&apos;s note as the record of what was done.</source>
        <translation>Markiert die Anfrage als beantwortet. Eine Notiz ersetzt die Notiz der Anfrage und hält fest, was getan wurde.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="113"/>
        <source>Complete request</source>
        <translation>Anfrage abschließen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="116"/>
        <source>%1 (%2) for %3</source>
        <translation>%1 (%2) für %3</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="122"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="128"/>
        <source>What was done, e.g. &quot;export sent via the support portal&quot;</source>
        <translation>Was getan wurde, z. B. „Export über das Support-Portal gesendet“</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="129"/>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="130"/>
        <source>Deadline:</source>
        <translation>Frist:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="131"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="141"/>
        <source>The note is too long: at most %1 bytes.</source>
        <translation>Die Notiz ist zu lang: höchstens %1 Bytes.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="142"/>
        <source>Completing…</source>
        <translation>Wird abgeschlossen…</translation>
    </message>
</context>
<context>
    <name>ops::ComplianceClient</name>
    <message>
        <location filename="../services/complianceclient.cpp" line="64"/>
        <source>%1: not connected to platformd</source>
        <translation>%1: nicht mit platformd verbunden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="126"/>
        <source>Could not load the frameworks</source>
        <translation>Die Rahmenwerke konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="142"/>
        <source>Could not load the controls</source>
        <translation>Die Kontrollen konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="152"/>
        <source>Could not load the control %1</source>
        <translation>Die Kontrolle %1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="160"/>
        <source>Could not load the checks</source>
        <translation>Die Prüfungen konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="173"/>
        <source>Could not run the checks</source>
        <translation>Die Prüfungen konnten nicht ausgeführt werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="183"/>
        <source>Could not load the check history</source>
        <translation>Der Prüfverlauf konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="197"/>
        <source>Could not load the findings</source>
        <translation>Die Feststellungen konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="207"/>
        <source>Could not add the evidence to %1</source>
        <translation>Der Nachweis konnte %1 nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="218"/>
        <source>Could not load the evidence</source>
        <translation>Die Nachweise konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="233"/>
        <source>Could not load the privacy requests</source>
        <translation>Die Datenschutzanfragen konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="242"/>
        <source>Could not load the retention policies</source>
        <translation>Die Aufbewahrungsrichtlinien konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="255"/>
        <source>Could not record the privacy request</source>
        <translation>Die Datenschutzanfrage konnte nicht erfasst werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="266"/>
        <source>Could not complete %1</source>
        <translation>%1 konnte nicht abgeschlossen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="274"/>
        <location filename="../services/complianceclient.cpp" line="285"/>
        <source>Could not update %1</source>
        <translation>%1 konnte nicht aktualisiert werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="294"/>
        <source>Could not count what retention would delete</source>
        <translation>Es konnte nicht gezählt werden, was die Aufbewahrung löschen würde</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="295"/>
        <source>Could not apply retention</source>
        <translation>Die Aufbewahrung konnte nicht angewendet werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="306"/>
        <source>Could not import %1</source>
        <translation>%1 konnte nicht importiert werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="313"/>
        <source>Could not load the OSCAL catalogs</source>
        <translation>Die OSCAL-Kataloge konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="326"/>
        <source>Could not load the failover drills</source>
        <translation>Die Failover-Übungen konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="342"/>
        <source>Could not record the failover drill</source>
        <translation>Die Failover-Übung konnte nicht erfasst werden</translation>
    </message>
    <message>
        <location filename="../services/complianceclient.cpp" line="358"/>
        <source>Could not export the assessment results of %1</source>
        <translation>Die Bewertungsergebnisse von %1 konnten nicht exportiert werden</translation>
    </message>
</context>
<context>
    <name>ops::CompliancePanel</name>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="72"/>
        <location filename="../ui/compliance/compliancepanel.cpp" line="307"/>
        <source>Every framework</source>
        <translation>Alle Rahmenwerke</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="75"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="76"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="77"/>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="78"/>
        <source>Custom dates</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="92"/>
        <source>The first day of the period (UTC)</source>
        <translation>Der erste Tag des Zeitraums (UTC)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="93"/>
        <source>The last day of the period (UTC), included</source>
        <translation>Der letzte Tag des Zeitraums (UTC), einschließlich</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="97"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="98"/>
        <source>Run checks now</source>
        <translation>Prüfungen jetzt ausführen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="99"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="100"/>
        <source>Export OSCAL…</source>
        <translation>OSCAL exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="101"/>
        <source>PDF report…</source>
        <translation>PDF-Bericht…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="102"/>
        <source>Framework:</source>
        <translation>Rahmenwerk:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="104"/>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="130"/>
        <source>Frameworks</source>
        <translation>Rahmenwerke</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="132"/>
        <source>Controls</source>
        <translation>Kontrollen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="135"/>
        <location filename="../ui/compliance/compliancepanel.cpp" line="348"/>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="137"/>
        <location filename="../ui/compliance/compliancepanel.cpp" line="367"/>
        <source>Privacy requests</source>
        <translation>Datenschutzanfragen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="139"/>
        <source>OSCAL catalogs</source>
        <translation>OSCAL-Kataloge</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="141"/>
        <source>Failover drills</source>
        <translation>Failover-Übungen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="189"/>
        <source>Export this table as CSV…</source>
        <translation>Diese Tabelle als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="348"/>
        <source>Findings (%1 open)</source>
        <translation>Feststellungen (%1 offen)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="366"/>
        <source>Privacy requests (%1 overdue)</source>
        <translation>Datenschutzanfragen (%1 überfällig)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="405"/>
        <source>Evaluate every automated check against the platform now</source>
        <translation>Alle automatischen Prüfungen jetzt gegen die Plattform auswerten</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="412"/>
        <source>Attach a file&apos;s fingerprint or link a platform record</source>
        <translation>Den Fingerabdruck einer Datei anhängen oder einen Plattform-Datensatz verknüpfen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="413"/>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="115"/>
        <source>Select a control first</source>
        <translation>Zuerst eine Kontrolle auswählen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="424"/>
        <source>Choose a framework first</source>
        <translation>Zuerst ein Rahmenwerk wählen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="425"/>
        <source>Save the OSCAL assessment results of the framework</source>
        <translation>Die OSCAL-Bewertungsergebnisse des Rahmenwerks speichern</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="426"/>
        <source>The compliance officer&apos;s report for the framework and period, as PDF</source>
        <translation>Der Bericht des Compliance-Beauftragten für Rahmenwerk und Zeitraum, als PDF</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="455"/>
        <source>Running the automated checks…</source>
        <translation>Die automatischen Prüfungen laufen…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="509"/>
        <source>Evidence %1 added to %2.</source>
        <translation>Nachweis %1 zu %2 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="539"/>
        <source>There is no table to export on this tab.</source>
        <translation>Auf diesem Reiter gibt es keine Tabelle zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="194"/>
        <location filename="../ui/compliance/compliancepanel.cpp" line="548"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="195"/>
        <location filename="../ui/compliance/compliancepanel.cpp" line="548"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="200"/>
        <location filename="../ui/compliance/compliancepanel.cpp" line="553"/>
        <source>Saved %1.</source>
        <translation>%1 gespeichert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="469"/>
        <source>Ran %n check(s)</source>
        <translation>
            <numerusform>%n Prüfung ausgeführt</numerusform>
            <numerusform>%n Prüfungen ausgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="470"/>
        <source>%n not passing</source>
        <translation>
            <numerusform>%n nicht bestanden</numerusform>
            <numerusform>%n nicht bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="472"/>
        <source>%n finding(s) opened</source>
        <translation>
            <numerusform>%n Feststellung eröffnet</numerusform>
            <numerusform>%n Feststellungen eröffnet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanel.cpp" line="473"/>
        <source>%n closed</source>
        <translation>
            <numerusform>%n geschlossen</numerusform>
            <numerusform>%n geschlossen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="474"/>
        <source>%1: %2; %3, %4.</source>
        <comment>ran checks: not passing; opened, closed</comment>
        <translation>%1: %2; %3, %4.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="562"/>
        <source>Choose a framework to export.</source>
        <translation>Ein Rahmenwerk zum Exportieren wählen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="576"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="579"/>
        <source>Saved the OSCAL assessment results to %1.</source>
        <translation>Die OSCAL-Bewertungsergebnisse wurden in %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="590"/>
        <source>Export OSCAL assessment results</source>
        <translation>OSCAL-Bewertungsergebnisse exportieren</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="591"/>
        <source>OSCAL JSON (*.json)</source>
        <translation>OSCAL-JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="600"/>
        <source>Save the compliance report</source>
        <translation>Den Compliance-Bericht speichern</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanel.cpp" line="603"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="49"/>
        <source>Choose a framework for the report.</source>
        <translation>Ein Rahmenwerk für den Bericht wählen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="53"/>
        <source>A report is being written already.</source>
        <translation>Es wird bereits ein Bericht geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="58"/>
        <source>Gathering the evidence and verifying the audit chain…</source>
        <translation>Nachweise werden gesammelt und die Audit-Kette wird geprüft…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="65"/>
        <source>(not signed in)</source>
        <translation>(nicht angemeldet)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="93"/>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="124"/>
        <source>Control</source>
        <translation>Kontrolle</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="93"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="93"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="94"/>
        <source>%1 requirements</source>
        <translation>Anforderungen von %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="94"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="124"/>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="124"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="125"/>
        <source>File or record</source>
        <translation>Datei oder Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="125"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="147"/>
        <source>Saved the %1 report to %2.</source>
        <translation>Der Bericht zu %1 wurde in %2 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="162"/>
        <source>The audit chain was not verified: no audit log connected.</source>
        <translation>Die Audit-Kette wurde nicht geprüft: kein Audit-Log verbunden.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="173"/>
        <source>The audit chain could not be verified: %1</source>
        <translation>Die Audit-Kette konnte nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="182"/>
        <source>Intact: %1 entries verified by the console; head entry %2, hash %3.</source>
        <translation>Intakt: %1 Einträge von der Konsole geprüft; letzter Eintrag %2, Hash %3.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelreport.cpp" line="186"/>
        <source>BROKEN at entry %1: %2 (%3 entries checked).</source>
        <translation>GEBROCHEN bei Eintrag %1: %2 (%3 Einträge geprüft).</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="98"/>
        <source>Record a data-subject request as it was received</source>
        <translation>Eine Betroffenenanfrage so erfassen, wie sie eingegangen ist</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="105"/>
        <source>Mark the selected request as answered</source>
        <translation>Die gewählte Anfrage als beantwortet markieren</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="106"/>
        <source>Select an open request first</source>
        <translation>Zuerst eine offene Anfrage wählen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="107"/>
        <source>The selected request is already completed</source>
        <translation>Die gewählte Anfrage ist bereits abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="109"/>
        <source>Change how long the selected data category is kept</source>
        <translation>Ändern, wie lange die gewählte Datenkategorie aufbewahrt wird</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="110"/>
        <source>Select a retention policy first</source>
        <translation>Zuerst eine Aufbewahrungsregel wählen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="112"/>
        <source>Delete what is kept past its retention (shows what would go first)</source>
        <translation>Löschen, was über seine Aufbewahrungsfrist hinaus gespeichert ist (zeigt zuerst, was wegfiele)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="114"/>
        <source>Change the control&apos;s owner, status or due date</source>
        <translation>Verantwortliche, Status oder Fälligkeit der Kontrolle ändern</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="117"/>
        <source>Import an OSCAL catalog or profile (JSON)</source>
        <translation>Einen OSCAL-Katalog oder ein OSCAL-Profil (JSON) importieren</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="119"/>
        <source>Record a regional failover drill that ran</source>
        <translation>Eine durchgeführte regionale Failover-Übung erfassen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="165"/>
        <source>Recorded %1; due %2 UTC.</source>
        <translation>%1 erfasst; fällig am %2 UTC.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="194"/>
        <source>Completed %1.</source>
        <translation>%1 abgeschlossen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="217"/>
        <source>Updated %1.</source>
        <translation>%1 aktualisiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="246"/>
        <source>%1 is now kept for %n day(s).</source>
        <translation>
            <numerusform>%1 wird jetzt %n Tag aufbewahrt.</numerusform>
            <numerusform>%1 wird jetzt %n Tage aufbewahrt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="283"/>
        <source>Retention applied: %n record(s) deleted (%1).</source>
        <translation>
            <numerusform>Aufbewahrung angewendet: %n Datensatz gelöscht (%1).</numerusform>
            <numerusform>Aufbewahrung angewendet: %n Datensätze gelöscht (%1).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="309"/>
        <source>Recorded the failover drill of %1.</source>
        <translation>Die Failover-Übung von %1 wurde erfasst.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="326"/>
        <source>Import OSCAL</source>
        <translation>OSCAL importieren</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="327"/>
        <source>OSCAL JSON (*.json);;All files (*)</source>
        <translation>OSCAL-JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="335"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="343"/>
        <source>Imported “%1” (%2) from %3 — groups: %4, controls: %5, enhancements: %6.</source>
        <translation>„%1“ (%2) aus %3 importiert — Gruppen: %4, Kontrollen: %5, Erweiterungen: %6.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelactions.cpp" line="356"/>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
</context>
<context>
    <name>ops::ComplianceText</name>
    <message>
        <location filename="../models/compliance.cpp" line="20"/>
        <source>Implemented</source>
        <translation>Umgesetzt</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="22"/>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="24"/>
        <source>Failing</source>
        <translation>Fehlschlagend</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="26"/>
        <source>Not implemented</source>
        <translation>Nicht umgesetzt</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="28"/>
        <source>Not applicable</source>
        <translation>Nicht anwendbar</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="32"/>
        <location filename="../models/compliance.cpp" line="64"/>
        <location filename="../models/compliance.cpp" line="77"/>
        <location filename="../models/compliance.cpp" line="90"/>
        <location filename="../models/compliance.cpp" line="109"/>
        <location filename="../models/compliance.cpp" line="122"/>
        <location filename="../models/compliance.cpp" line="135"/>
        <location filename="../models/compliance.cpp" line="148"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="39"/>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="41"/>
        <source>Fail</source>
        <translation>Nicht bestanden</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="43"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="47"/>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="54"/>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="56"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="58"/>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="60"/>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="71"/>
        <location filename="../models/compliance.cpp" line="142"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="73"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="84"/>
        <source>Access</source>
        <translation>Auskunft</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="86"/>
        <source>Deletion</source>
        <translation>Löschung</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="97"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="99"/>
        <source>Audit entry</source>
        <translation>Audit-Eintrag</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="101"/>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="103"/>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="105"/>
        <source>Check run</source>
        <translation>Prüflauf</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="129"/>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="131"/>
        <source>Profile (resolved)</source>
        <translation>Profil (aufgelöst)</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="144"/>
        <source>Completed</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="162"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="164"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="166"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="167"/>
        <source>%1 overdue</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="167"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../models/compliance.cpp" line="172"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ops::ComplianceTrendChart</name>
    <message>
        <location filename="../ui/compliance/compliancecharts.cpp" line="133"/>
        <source>%1: score over time</source>
        <translation>%1: Bewertung im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancecharts.cpp" line="134"/>
        <source>Framework scores over time</source>
        <translation>Bewertungen der Rahmenwerke im Zeitverlauf</translation>
    </message>
</context>
<context>
    <name>ops::ComponentKind</name>
    <message>
        <location filename="../models/region.cpp" line="54"/>
        <source>API gateway</source>
        <translation>API-Gateway</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="56"/>
        <source>Model serving</source>
        <translation>Modellbereitstellung</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="58"/>
        <source>Kafka</source>
        <translation>Kafka</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="60"/>
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="62"/>
        <source>Airflow</source>
        <translation>Airflow</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="64"/>
        <source>Flink</source>
        <translation>Flink</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="66"/>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="68"/>
        <source>CDN</source>
        <translation>CDN</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="72"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ops::Connection</name>
    <message>
        <location filename="../services/connection.cpp" line="122"/>
        <source>Idle</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="124"/>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="126"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="128"/>
        <source>Connection failed, retrying</source>
        <translation>Verbindung fehlgeschlagen, neuer Versuch</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="132"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="199"/>
        <source>Cannot connect to %1: the %2 %3 cannot be read: %4</source>
        <translation>Keine Verbindung zu %1 möglich: %2 %3 kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="206"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="207"/>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="208"/>
        <source>client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="236"/>
        <source>Cannot connect to %1: the channel cannot be created</source>
        <translation>Keine Verbindung zu %1 möglich: der Kanal kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>ops::ConnectionDialog</name>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="51"/>
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="57"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="61"/>
        <source>Connect to platformd</source>
        <translation>Mit platformd verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="68"/>
        <source>Embedded demo platform</source>
        <translation>Eingebettete Demo-Plattform</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="72"/>
        <source>&amp;New profile</source>
        <translation>&amp;Neues Profil</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="82"/>
        <source>Starts a local platformd with simulated demo data and connects to it. Nothing leaves this computer.</source>
        <translation>Startet ein lokales platformd mit simulierten Demodaten und verbindet sich damit. Nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="85"/>
        <source>e.g. Production EU</source>
        <translation>z. B. Produktion EU</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="86"/>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="87"/>
        <source>host:port, or several replicas as IP:port separated by commas (the console balances its calls over them, round robin).</source>
        <translation>host:port, oder mehrere Replikate als IP:port durch Kommas getrennt (die Konsole verteilt ihre Aufrufe reihum auf sie).</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="89"/>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="92"/>
        <source>Optional: the endpoint&apos;s host (with replicas: the first)</source>
        <translation>Optional: der Host des Endpunkts (bei Replikaten: des ersten)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="94"/>
        <source>The name (DNS name or IP address) the server certificate carries, when it is not the endpoint&apos;s host. With several replicas the certificate is checked against this name, or else against the first replica&apos;s address.</source>
        <translation>Der Name (DNS-Name oder IP-Adresse), den das Serverzertifikat trägt, wenn es nicht der Host des Endpunkts ist. Bei mehreren Replikaten wird das Zertifikat gegen diesen Namen geprüft, sonst gegen die Adresse des ersten Replikats.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="99"/>
        <source>opt_…  (from “platformd token create”)</source>
        <translation>opt_…  (von „platformd token create“)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="101"/>
        <location filename="../ui/connection/connectiondialog.cpp" line="112"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="103"/>
        <source>Show or hide the token</source>
        <translation>Token zeigen oder verbergen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="112"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="114"/>
        <source>Encrypt the connection and verify the server certificate.</source>
        <translation>Die Verbindung verschlüsseln und das Serverzertifikat prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="117"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="118"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="119"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="121"/>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="122"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="122"/>
        <location filename="../ui/connection/connectiondialog.cpp" line="124"/>
        <source>PEM files (*.pem *.crt)</source>
        <translation>PEM-Dateien (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="123"/>
        <source>Client c&amp;ertificate:</source>
        <translation>Client-Z&amp;ertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="123"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="125"/>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="126"/>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="126"/>
        <source>PEM files (*.pem *.key)</source>
        <translation>PEM-Dateien (*.pem *.key)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="127"/>
        <source>TLS &amp;server name:</source>
        <translation>TLS-Se&amp;rvername:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="128"/>
        <source>The token is kept in a file only you can read, never in the settings. Keys stay where they are: only their paths are saved.</source>
        <translation>Das Token liegt in einer Datei, die nur Sie lesen können, nie in den Einstellungen. Schlüssel bleiben, wo sie sind: nur ihre Pfade werden gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="329"/>
        <source>The TLS server name “%1” must be one name (a DNS name or IP address), without spaces or commas.</source>
        <translation>Der TLS-Servername „%1“ muss ein einzelner Name sein (ein DNS-Name oder eine IP-Adresse), ohne Leerzeichen oder Kommas.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="335"/>
        <source>The CA certificate</source>
        <translation>Das CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="336"/>
        <source>The client certificate</source>
        <translation>Das Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="337"/>
        <source>The client key</source>
        <translation>Der Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="345"/>
        <source>%1 “%2” does not exist.</source>
        <translation>%1 „%2“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="349"/>
        <source>%1 “%2” cannot be read.</source>
        <translation>%1 „%2“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="354"/>
        <source>Without TLS the token would cross the network in clear: turn on TLS for endpoints other than this computer.</source>
        <translation>Ohne TLS ginge das Token im Klartext über das Netz: schalten Sie TLS für Endpunkte außerhalb dieses Computers ein.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="369"/>
        <source>The token is incomplete or damaged: check that it was copied whole.</source>
        <translation>Das Token ist unvollständig oder beschädigt: prüfen Sie, ob es ganz kopiert wurde.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="370"/>
        <source>A token looks like opt_&lt;id&gt;_&lt;secret&gt;, as printed by “platformd token create”.</source>
        <translation>Ein Token sieht aus wie opt_&lt;id&gt;_&lt;secret&gt;, wie es „platformd token create“ ausgibt.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="151"/>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="195"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="196"/>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="233"/>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="298"/>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="307"/>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="312"/>
        <source>Another profile is already called “%1”.</source>
        <translation>Es gibt bereits ein Profil namens „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="323"/>
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation>Ein Client-Zertifikat braucht seinen Schlüssel und ein Schlüssel sein Zertifikat.</translation>
    </message>
</context>
<context>
    <name>ops::ControlEditDialog</name>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="16"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="17"/>
        <source>Who owns the control, how far it is implemented and when it is due. &quot;Failing&quot; is set by the control&apos;s automated check, not here.</source>
        <translation>Wer für die Kontrolle verantwortlich ist, wie weit sie umgesetzt ist und wann sie fällig ist. „Fehlschlagend“ setzt die automatische Prüfung der Kontrolle, nicht dieser Dialog.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="19"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="29"/>
        <source>users/alice or a team, e.g. team-sre</source>
        <translation>users/alice oder ein Team, z. B. team-sre</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="42"/>
        <source>Due on</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="53"/>
        <source>Owner:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="54"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="55"/>
        <source>Due date (UTC):</source>
        <translation>Fälligkeit (UTC):</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="86"/>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="88"/>
        <source>Name the control&apos;s owner.</source>
        <translation>Die Verantwortlichen der Kontrolle angeben.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controleditdialog.cpp" line="89"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ops::ControlTableModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="151"/>
        <source>Control</source>
        <translation>Kontrolle</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="151"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="151"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="151"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="152"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="152"/>
        <source>Last tested</source>
        <translation>Zuletzt geprüft</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="152"/>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
</context>
<context>
    <name>ops::ControlsPage</name>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="54"/>
        <location filename="../ui/compliance/controlspage.cpp" line="142"/>
        <source>Every framework</source>
        <translation>Alle Rahmenwerke</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="57"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="64"/>
        <location filename="../ui/compliance/controlspage.cpp" line="158"/>
        <source>Any owner</source>
        <translation>Alle Verantwortlichen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="66"/>
        <source>Framework:</source>
        <translation>Rahmenwerk:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="68"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="70"/>
        <source>Owner:</source>
        <translation>Verantwortlich:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="96"/>
        <source>Add evidence…</source>
        <translation>Nachweis hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="100"/>
        <source>Edit control…</source>
        <translation>Kontrolle bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="112"/>
        <source>Requirements</source>
        <translation>Anforderungen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="114"/>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="116"/>
        <source>Check history</source>
        <translation>Prüfverlauf</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/controlspage.cpp" line="184"/>
        <source>%1 of %n control(s)</source>
        <translation>
            <numerusform>%1 von %n Kontrolle</numerusform>
            <numerusform>%1 von %n Kontrollen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="238"/>
        <source>owner %1</source>
        <translation>verantwortlich %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="240"/>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="242"/>
        <source>tested by %1</source>
        <translation>geprüft durch %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/controlspage.cpp" line="261"/>
        <source>Select a control to see its requirements, evidence and checks.</source>
        <translation>Eine Kontrolle auswählen, um ihre Anforderungen, Nachweise und Prüfungen zu sehen.</translation>
    </message>
</context>
<context>
    <name>ops::CostAreaChart</name>
    <message numerus="yes">
        <location filename="../ui/cost/costcharts.cpp" line="158"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/cost/costcharts.cpp" line="305"/>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location filename="../ui/cost/costcharts.cpp" line="432"/>
        <source>%1 (to date)</source>
        <translation>%1 (bisher)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costcharts.cpp" line="473"/>
        <source>Forecast %1</source>
        <translation>Prognose %1</translation>
    </message>
</context>
<context>
    <name>ops::CostClient</name>
    <message>
        <location filename="../services/costclient.cpp" line="94"/>
        <source>Could not import: the file could not be read to the end</source>
        <translation>Import fehlgeschlagen: Die Datei konnte nicht bis zum Ende gelesen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="99"/>
        <source>The import was cancelled; nothing was written</source>
        <translation>Der Import wurde abgebrochen; nichts wurde geschrieben</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="101"/>
        <source>Could not import</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="194"/>
        <source>%1: not connected to platformd</source>
        <translation>%1: nicht mit platformd verbunden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="226"/>
        <source>Could not load the costs</source>
        <translation>Die Kosten konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="238"/>
        <source>Could not load the deploys and incidents</source>
        <translation>Die Deployments und Incidents konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="253"/>
        <source>Could not load the budgets</source>
        <translation>Die Budgets konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="271"/>
        <source>Could not create the budget %1</source>
        <translation>Das Budget %1 konnte nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="282"/>
        <source>Could not save the budget %1</source>
        <translation>Das Budget %1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="292"/>
        <source>Could not delete the budget %1</source>
        <translation>Das Budget %1 konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="309"/>
        <source>Could not load the anomalies</source>
        <translation>Die Anomalien konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="325"/>
        <source>Could not load the recommendations</source>
        <translation>Die Empfehlungen konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="337"/>
        <source>Could not load the unit costs</source>
        <translation>Die Stückkosten konnten nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="345"/>
        <source>Could not load the forecast</source>
        <translation>Die Prognose konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="366"/>
        <source>Could not import %1: the file cannot be opened for reading</source>
        <translation>%1 konnte nicht importiert werden: Die Datei lässt sich nicht zum Lesen öffnen</translation>
    </message>
    <message>
        <location filename="../services/costclient.cpp" line="373"/>
        <source>Could not import %1: not connected to platformd</source>
        <translation>%1 konnte nicht importiert werden: nicht mit platformd verbunden</translation>
    </message>
</context>
<context>
    <name>ops::CostDonutChart</name>
    <message>
        <location filename="../ui/cost/costcharts.cpp" line="569"/>
        <source>By provider</source>
        <translation>Nach Anbieter</translation>
    </message>
</context>
<context>
    <name>ops::CostExplorer</name>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="56"/>
        <source>tag key</source>
        <translation>Tag-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="60"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="61"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="62"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="63"/>
        <source>Last 13 months</source>
        <translation>Letzte 13 Monate</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="64"/>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="77"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="79"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="81"/>
        <source>PDF report…</source>
        <translation>PDF-Bericht…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="85"/>
        <source>Group by</source>
        <translation>Gruppieren nach</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="89"/>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="103"/>
        <source>Filter, e.g. provider = &quot;AWS&quot; AND tags.team = &quot;fraud&quot; — Enter applies</source>
        <translation>Filter, z. B. provider = &quot;AWS&quot; AND tags.team = &quot;fraud&quot; — Eingabetaste wendet an</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="105"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="136"/>
        <source>Click a row to drill down into it</source>
        <translation>Klicken Sie auf eine Zeile, um sie aufzuschlüsseln</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="142"/>
        <source>Top movers against the previous period</source>
        <translation>Größte Veränderungen gegenüber dem Vorzeitraum</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorerquery.cpp" line="240"/>
        <source>All costs</source>
        <translation>Alle Kosten</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorerquery.cpp" line="245"/>
        <source>Tag %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorerquery.cpp" line="247"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="329"/>
        <source>Change %1 %2 — click to drill down</source>
        <translation>Veränderung %1 %2 — zum Aufschlüsseln klicken</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="332"/>
        <source>No change against the previous period</source>
        <translation>Keine Veränderung gegenüber dem Vorzeitraum</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="335"/>
        <source>Total %1 · previous period %2</source>
        <translation>Gesamt %1 · Vorzeitraum %2</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="343"/>
        <source> · data through %1</source>
        <translation> · Daten bis %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="347"/>
        <source> · the last month is to date</source>
        <translation> · der letzte Monat ist unvollständig</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="348"/>
        <source> · the last week is to date</source>
        <translation> · die letzte Woche ist unvollständig</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="358"/>
        <source>No costs between %1.
Import a FOCUS export (Import…) or widen the range.</source>
        <translation>Keine Kosten im Zeitraum %1.
Importieren Sie einen FOCUS-Export (Import…) oder erweitern Sie den Zeitraum.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="360"/>
        <source>No costs match this filter between %1.
Go back with the breadcrumb or change the filter.</source>
        <translation>Keine Kosten passen zu diesem Filter im Zeitraum %1.
Gehen Sie über die Navigationsleiste zurück oder ändern Sie den Filter.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="364"/>
        <source>The costs could not be loaded.
%1</source>
        <translation>Die Kosten konnten nicht geladen werden.
%1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="400"/>
        <source>No forecast: %1</source>
        <translation>Keine Prognose: %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="404"/>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="410"/>
        <source>Forecast: month %1 · quarter %2</source>
        <translation>Prognose: Monat %1 · Quartal %2</translation>
    </message>
    <message>
        <location filename="../ui/cost/costexplorer.cpp" line="411"/>
        <source>Actual to date %1 (exactly %2); bounds at %3 % confidence; %4</source>
        <translation>Bisher tatsächlich %1 (genau %2); Grenzen bei %3 % Konfidenz; %4</translation>
    </message>
</context>
<context>
    <name>ops::CostExplorerModel</name>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="19"/>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="34"/>
        <location filename="../models/costexplorermodel.cpp" line="76"/>
        <source>(other)</source>
        <translation>(übrige)</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="37"/>
        <location filename="../models/costexplorermodel.cpp" line="78"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="88"/>
        <location filename="../models/costexplorermodel.cpp" line="194"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="156"/>
        <source>The groups beyond the largest ones, summed</source>
        <translation>Die Gruppen nach den größten, summiert</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="187"/>
        <source>Tag %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="196"/>
        <source>Previous period</source>
        <translation>Vorzeitraum</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="198"/>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <location filename="../models/costexplorermodel.cpp" line="200"/>
        <source>Change %</source>
        <translation>Veränderung %</translation>
    </message>
</context>
<context>
    <name>ops::CostImportDialog</name>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="30"/>
        <location filename="../ui/cost/costimportdialog.cpp" line="96"/>
        <source>Import FOCUS costs</source>
        <translation>FOCUS-Kosten importieren</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="32"/>
        <source>A FOCUS 1.0–1.2 cost export, .csv or .csv.gz</source>
        <translation>Ein FOCUS-1.0–1.2-Kostenexport, .csv oder .csv.gz</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="33"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="35"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="38"/>
        <source>Validate only (write nothing)</source>
        <translation>Nur prüfen (nichts schreiben)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="39"/>
        <source>Import the accepted rows even if some are refused</source>
        <translation>Angenommene Zeilen importieren, auch wenn einige abgelehnt werden</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="60"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="97"/>
        <source>FOCUS cost exports (*.csv *.csv.gz *.gz);;All files (*)</source>
        <translation>FOCUS-Kostenexporte (*.csv *.csv.gz *.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="114"/>
        <source>Sending %1…</source>
        <translation>Sende %1…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="151"/>
        <source>%1 of %2 sent</source>
        <translation>%1 von %2 gesendet</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="153"/>
        <source> · %1 rows/s</source>
        <translation> · %1 Zeilen/s</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="155"/>
        <source> · platformd is checking and writing…</source>
        <translation> · platformd prüft und schreibt…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="164"/>
        <source>%1 sent</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="179"/>
        <source>Imported.</source>
        <translation>Importiert.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="181"/>
        <source>Valid: nothing was written (validate only).</source>
        <translation>Gültig: Nichts wurde geschrieben (nur prüfen).</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="183"/>
        <source>Not valid: nothing was written (validate only).</source>
        <translation>Ungültig: Nichts wurde geschrieben (nur prüfen).</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="185"/>
        <source>Refused: nothing was written.</source>
        <translation>Abgelehnt: Nichts wurde geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="186"/>
        <source>%1 %2 of %3 rows accepted, %4 refused.</source>
        <translation>%1 %2 von %3 Zeilen angenommen, %4 abgelehnt.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="191"/>
        <source>FOCUS %1</source>
        <translation>FOCUS %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="195"/>
        <source>%1 rows/s</source>
        <translation>%1 Zeilen/s</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="197"/>
        <source>replaced %1</source>
        <translation>ersetzt: %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="206"/>
        <source>Effective cost: %1</source>
        <translation>Effektive Kosten: %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="208"/>
        <source>Kept provider columns: %1</source>
        <translation>Beibehaltene Anbieterspalten: %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="213"/>
        <source>The first %1 refusals are listed.</source>
        <translation>Die ersten %1 Ablehnungen sind aufgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="232"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/cost/costimportdialog.cpp" line="232"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ops::CostPanel</name>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="72"/>
        <source>Explorer</source>
        <translation>Explorer</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="73"/>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="74"/>
        <source>Anomalies</source>
        <translation>Anomalien</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="75"/>
        <source>Recommendations</source>
        <translation>Empfehlungen</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="76"/>
        <source>Unit cost</source>
        <translation>Stückkosten</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="78"/>
        <source>New budget…</source>
        <translation>Neues Budget…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="79"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="80"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="84"/>
        <source>Budgets for the current period: actual (filled), forecast (light) and thresholds (ticks)</source>
        <translation>Budgets des laufenden Zeitraums: Ist (gefüllt), Prognose (hell) und Schwellen (Striche)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="87"/>
        <source>Days whose spend left the expected band, with the dimension values that explain it</source>
        <translation>Tage, deren Kosten das erwartete Band verließen, mit den erklärenden Dimensionswerten</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="89"/>
        <source>Cost per model version and per 1,000 inferences over the explorer&apos;s range</source>
        <translation>Kosten je Modellversion und je 1.000 Inferenzen im Zeitraum des Explorers</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="91"/>
        <source>Import FOCUS…</source>
        <translation>FOCUS importieren…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="117"/>
        <source>Double-click a model to show it in the Model registry</source>
        <translation>Doppelklicken Sie auf ein Modell, um es in der Modell-Registry zu zeigen</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="176"/>
        <source>No budgets yet. A manager can create one with New budget…</source>
        <translation>Noch keine Budgets. Ein Manager kann mit „Neues Budget…“ eines anlegen.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="204"/>
        <source>No anomalies in %1: daily spend stayed within its expected band.</source>
        <translation>Keine Anomalien im Zeitraum %1: Die täglichen Kosten blieben im erwarteten Band.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/cost/costpanel.cpp" line="220"/>
        <source>%n recommendation(s), estimated saving %1 a month</source>
        <translation>
            <numerusform>%n Empfehlung, geschätzte Ersparnis %1 im Monat</numerusform>
            <numerusform>%n Empfehlungen, geschätzte Ersparnis %1 im Monat</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="225"/>
        <source>No recommendations: no idle, oversized or uncommitted spend was found.</source>
        <translation>Keine Empfehlungen: Es wurden keine ungenutzten, überdimensionierten oder ungebundenen Kosten gefunden.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="239"/>
        <source>No cost is tagged with a model in this range.</source>
        <translation>In diesem Zeitraum sind keine Kosten mit einem Modell getaggt.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="256"/>
        <source>Import a FOCUS cost export (.csv, .csv.gz)</source>
        <translation>Einen FOCUS-Kostenexport importieren (.csv, .csv.gz)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="271"/>
        <source>Budget %1 created.</source>
        <translation>Budget %1 angelegt.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="300"/>
        <source>Budget %1 saved.</source>
        <translation>Budget %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="318"/>
        <source>Delete budget</source>
        <translation>Budget löschen</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="319"/>
        <source>Delete the budget %1? Its threshold alerts stop.</source>
        <translation>Budget %1 löschen? Seine Schwellenalarme enden.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="326"/>
        <source>Budget %1 deleted.</source>
        <translation>Budget %1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="365"/>
        <source>Nothing to export</source>
        <translation>Nichts zu exportieren</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="374"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="374"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="381"/>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="387"/>
        <source>Cost report</source>
        <translation>Kostenbericht</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="390"/>
        <source>%1 · grouped by %2 · %3</source>
        <translation>%1 · gruppiert nach %2 · %3</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="392"/>
        <source>all spend</source>
        <translation>alle Kosten</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="392"/>
        <source>filter %1</source>
        <translation>Filter %1</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="407"/>
        <source>PDF cost report</source>
        <translation>PDF-Kostenbericht</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="407"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanel.cpp" line="414"/>
        <source>Report written to %1.</source>
        <translation>Bericht nach %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>ops::CostTablePage</name>
    <message>
        <location filename="../ui/cost/costtablepage.cpp" line="47"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/cost/costtablepage.cpp" line="49"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/cost/costtablepage.cpp" line="105"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>ops::CostText</name>
    <message>
        <location filename="../models/cost.cpp" line="125"/>
        <source>provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="127"/>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="129"/>
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="131"/>
        <source>region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="133"/>
        <source>account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="135"/>
        <source>sub-account</source>
        <translation>Unterkonto</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="137"/>
        <source>charge</source>
        <translation>Gebühr</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="139"/>
        <source>tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="141"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="143"/>
        <source>resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="241"/>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="254"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="256"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="258"/>
        <source>Service category</source>
        <translation>Dienstkategorie</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="260"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="262"/>
        <source>Billing account</source>
        <translation>Abrechnungskonto</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="264"/>
        <source>Sub-account</source>
        <translation>Unterkonto</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="266"/>
        <source>Charge category</source>
        <translation>Gebührenkategorie</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="268"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="270"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="272"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="276"/>
        <location filename="../models/cost.cpp" line="342"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="319"/>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="321"/>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="323"/>
        <location filename="../models/cost.cpp" line="334"/>
        <source>Monthly</source>
        <translation>Monatlich</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="327"/>
        <source>Whole range</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="336"/>
        <source>Quarterly</source>
        <translation>Vierteljährlich</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="338"/>
        <source>Yearly</source>
        <translation>Jährlich</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="349"/>
        <source>Idle resource</source>
        <translation>Ungenutzte Ressource</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="351"/>
        <source>Rightsize</source>
        <translation>Größe anpassen</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="353"/>
        <source>Commitment coverage</source>
        <translation>Abdeckung durch Zusagen</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="355"/>
        <source>GPU utilisation</source>
        <translation>GPU-Auslastung</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="359"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="366"/>
        <source>Deploy</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="368"/>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="370"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="372"/>
        <source>Budget threshold</source>
        <translation>Budgetschwelle</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="374"/>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="378"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="386"/>
        <source>%1 % forecast</source>
        <translation>%1 % Prognose</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="386"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../models/cost.cpp" line="403"/>
        <source>&quot;%1&quot; is not a threshold: write a percentage from 1 to 1000, followed by f for the forecast (e.g. 50, 80, 100, 100f)</source>
        <translation>„%1“ ist keine Schwelle: Geben Sie einen Prozentwert von 1 bis 1000 an, gefolgt von f für die Prognose (z. B. 50, 80, 100, 100f)</translation>
    </message>
</context>
<context>
    <name>ops::DeploymentTableModel</name>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="28"/>
        <source>v%1 %2 %</source>
        <translation>v%1 %2 %</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="50"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="65"/>
        <source>Version %1: %2 % of traffic, %3 req/s, p95 %4 ms, errors %5 %</source>
        <translation>Version %1: %2 % des Traffics, %3 Anf./s, p95 %4 ms, Fehler %5 %</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="72"/>
        <source>Rollback restores: %1</source>
        <translation>Rollback stellt wieder her: %1</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="76"/>
        <source>Population stability index of the inputs (0 = no drift, above 0.2 = significant).</source>
        <translation>Population Stability Index der Eingaben (0 = kein Drift, über 0,2 = signifikant).</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="124"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="126"/>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="128"/>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="130"/>
        <source>Req/s</source>
        <translation>Anf./s</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="132"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="134"/>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="136"/>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="138"/>
        <source>Drift</source>
        <translation>Drift</translation>
    </message>
    <message>
        <location filename="../models/deploymenttablemodel.cpp" line="140"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
</context>
<context>
    <name>ops::DrillDialog</name>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="84"/>
        <source>Record a failover drill</source>
        <translation>Failover-Übung erfassen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="85"/>
        <source>A drill in which a region&apos;s traffic was failed away to the others. The failover-drills check reads the newest.</source>
        <translation>Eine Übung, bei der der Verkehr einer Region auf die anderen umgeleitet wurde. Die Prüfung der Failover-Übungen liest die neueste.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="87"/>
        <source>Record drill</source>
        <translation>Übung erfassen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="108"/>
        <source>What was drilled and how it went</source>
        <translation>Was geübt wurde und wie es lief</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="110"/>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="111"/>
        <source>Ran at (UTC):</source>
        <translation>Durchgeführt am (UTC):</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="112"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="125"/>
        <source>Choose the region, e.g. regions/us-east.</source>
        <translation>Die Region wählen, z. B. regions/us-east.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="128"/>
        <source>The drill cannot be in the future.</source>
        <translation>Die Übung kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="131"/>
        <source>Note what was drilled and how it went.</source>
        <translation>Notieren, was geübt wurde und wie es lief.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="133"/>
        <source>The note is too long: at most %1 bytes.</source>
        <translation>Die Notiz ist zu lang: höchstens %1 Bytes.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="134"/>
        <source>Recording…</source>
        <translation>Wird erfasst…</translation>
    </message>
</context>
<context>
    <name>ops::DrillsPage</name>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="36"/>
        <source>Record drill…</source>
        <translation>Übung erfassen…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="44"/>
        <source>No failover drill is recorded yet.</source>
        <translation>Noch ist keine Failover-Übung erfasst.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/drillspage.cpp" line="70"/>
        <source>The failover-drills check wants a drill within the last quarter.</source>
        <translation>Die Prüfung der Failover-Übungen verlangt eine Übung im letzten Quartal.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/drillspage.cpp" line="76"/>
        <source>The newest drill ran %n day(s) ago; the failover-drills check wants one within the last quarter.</source>
        <translation>
            <numerusform>Die neueste Übung war vor %n Tag; die Prüfung der Failover-Übungen verlangt eine im letzten Quartal.</numerusform>
            <numerusform>Die neueste Übung war vor %n Tagen; die Prüfung der Failover-Übungen verlangt eine im letzten Quartal.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::EmbeddedPlatform</name>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="26"/>
        <source>platformd did not report its address within %1 s.</source>
        <translation>platformd hat seine Adresse nicht innerhalb von %1 s gemeldet.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="61"/>
        <source>platformd was not found next to opsconsole or on PATH.</source>
        <translation>platformd wurde weder neben opsconsole noch im PATH gefunden.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="69"/>
        <source>Cannot create the data directory %1.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="79"/>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="151"/>
        <source>The embedded demo platform did not start. %1</source>
        <translation>Die eingebettete Demo-Plattform ist nicht gestartet. %1</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="152"/>
        <source>The embedded demo platform did not start. %1

Last output of platformd:
%2</source>
        <translation>Die eingebettete Demo-Plattform ist nicht gestartet. %1

Letzte Ausgabe von platformd:
%2</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="165"/>
        <source>platformd crashed.</source>
        <translation>platformd ist abgestürzt.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="166"/>
        <source>platformd exited with code %1.</source>
        <translation>platformd wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="174"/>
        <source>The embedded demo platform stopped: %1</source>
        <translation>Die eingebettete Demo-Plattform wurde beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="175"/>
        <source>The embedded demo platform stopped: %1

Last output of platformd:
%2</source>
        <translation>Die eingebettete Demo-Plattform wurde beendet: %1

Letzte Ausgabe von platformd:
%2</translation>
    </message>
</context>
<context>
    <name>ops::EvidenceDialog</name>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="26"/>
        <source>Add evidence to %1</source>
        <translation>Nachweis zu %1 hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="28"/>
        <source>Evidence is append-only: once added it cannot be changed or removed. A file stays on this computer; platformd records its name, size and SHA-256.</source>
        <translation>Nachweise können nur ergänzt werden: Einmal hinzugefügt, lassen sie sich weder ändern noch entfernen. Eine Datei bleibt auf diesem Rechner; platformd speichert ihren Namen, ihre Größe und ihren SHA-256.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="35"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="37"/>
        <source>&amp;Link to a platform record</source>
        <translation>&amp;Verknüpfung mit einem Plattform-Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="48"/>
        <source>The file to fingerprint</source>
        <translation>Die Datei, deren Fingerabdruck erfasst wird</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="50"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="53"/>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="62"/>
        <source>Record kind:</source>
        <translation>Art des Datensatzes:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="65"/>
        <source>auditEntries/42, incidents/…, checks/tls/runs/3</source>
        <translation>auditEntries/42, incidents/…, checks/tls/runs/3</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="66"/>
        <source>Record:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="69"/>
        <source>What it shows, e.g. &quot;Q3 access review sign-off&quot;</source>
        <translation>Was er belegt, z. B. „Freigabe der Zugriffsprüfung Q3“</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="70"/>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="78"/>
        <source>Add evidence</source>
        <translation>Nachweis hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="98"/>
        <source>Evidence file</source>
        <translation>Nachweisdatei</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="119"/>
        <source>Describe what the evidence shows.</source>
        <translation>Beschreiben Sie, was der Nachweis belegt.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="125"/>
        <source>Name the record as platformd does, e.g. auditEntries/42.</source>
        <translation>Den Datensatz so benennen wie platformd, z. B. auditEntries/42.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="131"/>
        <source>Choose the file to add.</source>
        <translation>Die hinzuzufügende Datei wählen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="137"/>
        <source>Computing the SHA-256 of %1…</source>
        <translation>SHA-256 von %1 wird berechnet…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/evidencedialog.cpp" line="143"/>
        <source>SHA-256 %1; sending…</source>
        <translation>SHA-256 %1; wird gesendet…</translation>
    </message>
</context>
<context>
    <name>ops::EvidenceTableModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="311"/>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="311"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="311"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="311"/>
        <source>File or record</source>
        <translation>Datei oder Datensatz</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="312"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="312"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="312"/>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="338"/>
        <source>%1
SHA-256 %2</source>
        <translation>%1
SHA-256 %2</translation>
    </message>
</context>
<context>
    <name>ops::FailoverDrillModel</name>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="68"/>
        <source>Drill time</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="68"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="68"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="68"/>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
</context>
<context>
    <name>ops::FileHasher</name>
    <message>
        <location filename="../ui/compliance/filehasher.cpp" line="18"/>
        <location filename="../ui/compliance/filehasher.cpp" line="26"/>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/compliance/filehasher.cpp" line="20"/>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
</context>
<context>
    <name>ops::FilterBox</name>
    <message>
        <location filename="../ui/registry/filterbox.cpp" line="25"/>
        <source>Filter on the server, e.g. task = NLP AND metrics.accuracy &gt; 0.9</source>
        <translation>Auf dem Server filtern, z. B. task = NLP AND metrics.accuracy &gt; 0.9</translation>
    </message>
    <message>
        <location filename="../ui/registry/filterbox.cpp" line="30"/>
        <source>Filter syntax and examples</source>
        <translation>Filtersyntax und Beispiele</translation>
    </message>
    <message>
        <location filename="../ui/registry/filterbox.cpp" line="82"/>
        <source>&lt;p&gt;&lt;b&gt;Filter syntax&lt;/b&gt; (evaluated by platformd, AIP-160)&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;task = NLP&lt;/code&gt;&lt;/td&gt;&lt;td&gt;the model&apos;s task (NLP, VISION, RECOMMENDATION, TIME_SERIES, …)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;metrics.accuracy &amp;gt; 0.9&lt;/code&gt;&lt;/td&gt;&lt;td&gt;a metric compared with a number (=, !=, &amp;lt;, &amp;gt;, &amp;lt;=, &amp;gt;=)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;aliases:&quot;champion&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;has the alias (: means contains)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;stage = PRODUCTION&lt;/code&gt;&lt;/td&gt;&lt;td&gt;NONE, STAGING, PRODUCTION, ARCHIVED&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;create_time &amp;gt; &quot;2026-11-01T00:00:00Z&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;RFC 3339 times&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;tags:&quot;pii&quot;&lt;/code&gt;, &lt;code&gt;owner_team = &quot;search&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;tags and owners (models)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;name = &quot;models/fraud-*&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;&lt;code&gt;*&lt;/code&gt; wildcard in strings&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;a AND b&lt;/code&gt;, &lt;code&gt;a OR b&lt;/code&gt;, &lt;code&gt;NOT a&lt;/code&gt;, &lt;code&gt;( … )&lt;/code&gt;&lt;/td&gt;&lt;td&gt;combine; juxtaposition means AND&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Fields: name, task, stage, status, aliases, tags, metrics.&lt;i&gt;key&lt;/i&gt;, framework, dataset, created_by, create_time, update_time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Filtersyntax&lt;/b&gt; (von platformd ausgewertet, AIP-160)&lt;/p&gt;&lt;table cellspacing=&apos;4&apos;&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;task = NLP&lt;/code&gt;&lt;/td&gt;&lt;td&gt;die Aufgabe des Modells (NLP, VISION, RECOMMENDATION, TIME_SERIES, …)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;metrics.accuracy &amp;gt; 0.9&lt;/code&gt;&lt;/td&gt;&lt;td&gt;eine Metrik im Vergleich mit einer Zahl (=, !=, &amp;lt;, &amp;gt;, &amp;lt;=, &amp;gt;=)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;aliases:&quot;champion&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;hat den Alias (: bedeutet „enthält“)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;stage = PRODUCTION&lt;/code&gt;&lt;/td&gt;&lt;td&gt;NONE, STAGING, PRODUCTION, ARCHIVED&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;create_time &amp;gt; &quot;2026-11-01T00:00:00Z&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;Zeitangaben nach RFC 3339&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;tags:&quot;pii&quot;&lt;/code&gt;, &lt;code&gt;owner_team = &quot;search&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;Tags und Eigentümer (Modelle)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;name = &quot;models/fraud-*&quot;&lt;/code&gt;&lt;/td&gt;&lt;td&gt;&lt;code&gt;*&lt;/code&gt; als Platzhalter in Zeichenketten&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;code&gt;a AND b&lt;/code&gt;, &lt;code&gt;a OR b&lt;/code&gt;, &lt;code&gt;NOT a&lt;/code&gt;, &lt;code&gt;( … )&lt;/code&gt;&lt;/td&gt;&lt;td&gt;verknüpfen; Nebeneinanderstellung bedeutet AND&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Felder: name, task, stage, status, aliases, tags, metrics.&lt;i&gt;key&lt;/i&gt;, framework, dataset, created_by, create_time, update_time.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ops::FindingTableModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="380"/>
        <source>Finding</source>
        <translation>Feststellung</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="380"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="380"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="380"/>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="381"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="381"/>
        <source>Raised by</source>
        <translation>Ausgelöst durch</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="381"/>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="394"/>
        <source>%1 (overdue)</source>
        <translation>%1 (überfällig)</translation>
    </message>
</context>
<context>
    <name>ops::FrameworkTableModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="99"/>
        <source>Framework</source>
        <translation>Rahmenwerk</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="99"/>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="99"/>
        <source>Requirements passing</source>
        <translation>Erfüllte Anforderungen</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="99"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="112"/>
        <source>▲ %1 points</source>
        <translation>▲ %1 Punkte</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="113"/>
        <source>▼ %1 points</source>
        <translation>▼ %1 Punkte</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="114"/>
        <source>steady</source>
        <translation>gleichbleibend</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="117"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>ops::HealthProber</name>
    <message>
        <location filename="../services/healthprober.cpp" line="262"/>
        <source>The %1 %2 cannot be read: %3</source>
        <translation>%1 %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <location filename="../services/healthprober.cpp" line="269"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/healthprober.cpp" line="271"/>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/healthprober.cpp" line="273"/>
        <source>client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../services/healthprober.cpp" line="293"/>
        <source>The channel cannot be created.</source>
        <translation>Der Kanal kann nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../services/healthprober.cpp" line="423"/>
        <source>No answer within %1 s (DEADLINE_EXCEEDED)</source>
        <translation>Keine Antwort innerhalb von %1 s (DEADLINE_EXCEEDED)</translation>
    </message>
    <message>
        <location filename="../services/healthprober.cpp" line="457"/>
        <source>The server implements neither Watch nor Check of grpc.health.v1.Health.</source>
        <translation>Der Server implementiert weder Watch noch Check von grpc.health.v1.Health.</translation>
    </message>
</context>
<context>
    <name>ops::HealthStatus</name>
    <message>
        <location filename="../models/region.cpp" line="21"/>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="23"/>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="25"/>
        <source>Down</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="27"/>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="31"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ops::Identity</name>
    <message>
        <location filename="../models/identity.cpp" line="27"/>
        <source>admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../models/identity.cpp" line="29"/>
        <source>manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../models/identity.cpp" line="31"/>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <location filename="../models/identity.cpp" line="33"/>
        <source>viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <location filename="../models/identity.cpp" line="35"/>
        <source>compliance officer</source>
        <translation>Compliance-Beauftragter</translation>
    </message>
    <message>
        <location filename="../models/identity.cpp" line="45"/>
        <source>%1 (no roles)</source>
        <translation>%1 (keine Rollen)</translation>
    </message>
    <message>
        <location filename="../models/identity.cpp" line="46"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ops::IdentityClient</name>
    <message>
        <location filename="../services/identityclient.cpp" line="84"/>
        <source>Could not ask platformd who you are: %1</source>
        <translation>platformd konnte nicht gefragt werden, wer Sie sind: %1</translation>
    </message>
</context>
<context>
    <name>ops::IncidentActions</name>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="59"/>
        <source>Acknowledge…</source>
        <translation>Bestätigen…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="60"/>
        <source>Silence…</source>
        <translation>Stummschalten…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="61"/>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="62"/>
        <source>Mitigate…</source>
        <translation>Eindämmen…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="63"/>
        <source>Resolve…</source>
        <translation>Beheben…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="64"/>
        <source>Add note…</source>
        <translation>Notiz hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="65"/>
        <source>Close…</source>
        <translation>Abschließen…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="66"/>
        <source>Reopen…</source>
        <translation>Wieder öffnen…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="67"/>
        <source>Silence from the current filter…</source>
        <translation>Nach aktuellem Filter stummschalten…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="69"/>
        <source>Expire silence…</source>
        <translation>Stummschaltung beenden…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="70"/>
        <source>Change end…</source>
        <translation>Ende ändern…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="71"/>
        <source>Edit runbook…</source>
        <translation>Runbook bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="185"/>
        <source>Select an incident first.</source>
        <translation>Wählen Sie zuerst einen Vorfall.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="199"/>
        <source>Incident #%1 is already %2.</source>
        <translation>Vorfall #%1 ist bereits %2.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="210"/>
        <source>Incident #%1 has no Alertmanager alerts to silence.</source>
        <translation>Vorfall #%1 hat keine Alertmanager-Alarme, die stummgeschaltet werden könnten.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="212"/>
        <source>Incident #%1 has no firing alert whose labels could be matched.</source>
        <translation>Vorfall #%1 hat keinen aktiven Alarm, dessen Labels sich abgleichen ließen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="227"/>
        <source>Only a resolved incident can be closed.</source>
        <translation>Nur ein behobener Vorfall kann abgeschlossen werden.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="229"/>
        <source>Write the postmortem&apos;s summary first (Postmortem tab).</source>
        <translation>Schreiben Sie zuerst die Zusammenfassung des Postmortems (Reiter Postmortem).</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="237"/>
        <source>Incident #%1 is triggered already.</source>
        <translation>Vorfall #%1 ist bereits ausgelöst.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="239"/>
        <source>A closed incident cannot be reopened.</source>
        <translation>Ein abgeschlossener Vorfall kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="245"/>
        <source>Type label filters into the queue&apos;s filter first, e.g. alertname=HighLatency region=eu-west.</source>
        <translation>Geben Sie zuerst Label-Filter in den Filter der Warteschlange ein, z. B. alertname=HighLatency region=eu-west.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="248"/>
        <source>platformd has no Alertmanager configured.</source>
        <translation>In platformd ist kein Alertmanager konfiguriert.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="255"/>
        <source>Select a silence first.</source>
        <translation>Wählen Sie zuerst eine Stummschaltung.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="257"/>
        <source>This silence has expired already.</source>
        <translation>Diese Stummschaltung ist bereits abgelaufen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="265"/>
        <source>Incident #%1 has no alert; runbooks are kept per alert name.</source>
        <translation>Vorfall #%1 hat keinen Alarm; Runbooks werden je Alarmname geführt.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="277"/>
        <source>Take the incident: it stops paging; optionally silence its alerts.</source>
        <translation>Den Vorfall übernehmen: Es wird nicht mehr alarmiert; optional werden seine Alarme stummgeschaltet.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="278"/>
        <source>Silence the incident&apos;s alerts in their Alertmanager for a while.</source>
        <translation>Die Alarme des Vorfalls in ihrem Alertmanager für eine Weile stummschalten.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="279"/>
        <source>Make someone the incident&apos;s owner.</source>
        <translation>Jemanden zum Verantwortlichen des Vorfalls machen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="280"/>
        <source>The impact is contained; the cause may remain.</source>
        <translation>Die Auswirkung ist eingedämmt; die Ursache kann fortbestehen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="281"/>
        <source>The incident is over.</source>
        <translation>Der Vorfall ist vorbei.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="282"/>
        <source>Add a note to the incident&apos;s timeline.</source>
        <translation>Der Zeitleiste des Vorfalls eine Notiz hinzufügen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="283"/>
        <source>Close the resolved incident with its postmortem.</source>
        <translation>Den behobenen Vorfall mit seinem Postmortem abschließen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="284"/>
        <source>Back to triggered.</source>
        <translation>Zurück auf ausgelöst.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="285"/>
        <source>Silence every alert matching the filter&apos;s labels.</source>
        <translation>Jeden Alarm stummschalten, der auf die Labels des Filters passt.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="286"/>
        <source>End the selected silence now in its Alertmanager.</source>
        <translation>Die gewählte Stummschaltung jetzt in ihrem Alertmanager beenden.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="287"/>
        <source>Move the selected silence&apos;s end, later or earlier.</source>
        <translation>Das Ende der gewählten Stummschaltung verschieben, später oder früher.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="288"/>
        <source>Write the runbook (Markdown) for the incident&apos;s alert name.</source>
        <translation>Das Runbook (Markdown) für den Alarmnamen des Vorfalls schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="330"/>
        <source>Silence alerts</source>
        <translation>Alarme stummschalten</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="330"/>
        <source>Silence</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="331"/>
        <source>For</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="338"/>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="340"/>
        <source>Comment (Alertmanager shows it)</source>
        <translation>Kommentar (Alertmanager zeigt ihn an)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="343"/>
        <source>Alertmanager %1 silences %2 matching %3 for %4, from now. Notifications stop until the silence ends or is expired; the alerts keep firing.</source>
        <translation>Alertmanager %1 schaltet %2 mit %3 ab jetzt für %4 stumm. Benachrichtigungen bleiben aus, bis die Stummschaltung endet oder beendet wird; die Alarme bleiben aktiv.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="362"/>
        <source>Silenced %1 until %2.</source>
        <translation>%1 bis %2 stummgeschaltet.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="376"/>
        <source>#%1 “%2”</source>
        <translation>#%1 „%2“</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="380"/>
        <source>Mitigate incident</source>
        <translation>Vorfall eindämmen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="381"/>
        <source>%1 goes from %2 to Mitigated now: the impact is contained. It stays open until resolved.</source>
        <translation>%1 geht jetzt von %2 auf Eingedämmt: Die Auswirkung ist eingedämmt. Er bleibt offen, bis er behoben ist.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="384"/>
        <source>Mitigate</source>
        <translation>Eindämmen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="387"/>
        <source>Resolve incident</source>
        <translation>Vorfall beheben</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="388"/>
        <source>%1 goes from %2 to Resolved now and leaves the open queue. Its time to resolve counts from %3.</source>
        <translation>%1 geht jetzt von %2 auf Behoben und verlässt die Warteschlange der offenen Vorfälle. Seine Zeit bis zur Behebung zählt ab %3.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentactions.cpp" line="393"/>
        <source>%n alert(s) still firing; a new notification for them opens a new incident.</source>
        <translation>
            <numerusform>%n Alarm ist noch aktiv; eine neue Benachrichtigung dafür öffnet einen neuen Vorfall.</numerusform>
            <numerusform>%n Alarme sind noch aktiv; eine neue Benachrichtigung dafür öffnet einen neuen Vorfall.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="396"/>
        <source>Resolve</source>
        <translation>Beheben</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="399"/>
        <source>Close incident</source>
        <translation>Vorfall abschließen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="400"/>
        <source>%1 is closed with its postmortem; it cannot be reopened.</source>
        <translation>%1 wird mit seinem Postmortem abgeschlossen; er kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="401"/>
        <source>Close</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="404"/>
        <source>Reopen incident</source>
        <translation>Vorfall wieder öffnen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="405"/>
        <source>%1 goes back to Triggered; the times of %2 and the states after it are cleared, and the timeline says so.</source>
        <translation>%1 geht zurück auf Ausgelöst; die Zeiten von %2 und der folgenden Zustände werden gelöscht, und die Zeitleiste vermerkt es.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="408"/>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="414"/>
        <source>Comment (goes to the timeline)</source>
        <translation>Kommentar (kommt in die Zeitleiste)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="419"/>
        <source>Incident #%1 is %2.</source>
        <translation>Vorfall #%1 ist %2.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="449"/>
        <source>Acknowledge incident</source>
        <translation>Vorfall bestätigen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="449"/>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="450"/>
        <source>Don&apos;t silence</source>
        <translation>Nicht stummschalten</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="452"/>
        <source>Also silence its alerts for</source>
        <translation>Seine Alarme außerdem stummschalten für</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="455"/>
        <source>Comment (timeline; the silence&apos;s comment)</source>
        <translation>Kommentar (Zeitleiste; Kommentar der Stummschaltung)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="458"/>
        <source>#%1 “%2” goes from %3 to Acknowledged now, by you: it stops paging and shows who is on it.</source>
        <translation>#%1 „%2“ geht jetzt durch Sie von %3 auf Bestätigt: Es wird nicht mehr alarmiert, und es ist zu sehen, wer sich kümmert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentactions.cpp" line="464"/>
        <source>Its %n alert(s) are silenced in Alertmanager for %1.</source>
        <translation>
            <numerusform>Sein %n Alarm wird im Alertmanager für %1 stummgeschaltet.</numerusform>
            <numerusform>Seine %n Alarme werden im Alertmanager für %1 stummgeschaltet.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="478"/>
        <source>A silence needs a comment.</source>
        <translation>Eine Stummschaltung braucht einen Kommentar.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="487"/>
        <source>Incident #%1 is acknowledged.</source>
        <translation>Vorfall #%1 ist bestätigt.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="495"/>
        <source>the alerts of incident #%1</source>
        <translation>die Alarme von Vorfall #%1</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="498"/>
        <source>every alert</source>
        <translation>jeden Alarm</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="502"/>
        <source>Assign incident</source>
        <translation>Vorfall zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="502"/>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="503"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="503"/>
        <source>user id, e.g. alice</source>
        <translation>Benutzerkennung, z. B. alice</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="507"/>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="508"/>
        <source>#%1 “%2” is assigned to %3 (now %4). The timeline records it.</source>
        <translation>#%1 „%2“ wird %3 zugewiesen (bisher %4). Die Zeitleiste vermerkt es.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="510"/>
        <source>nobody</source>
        <translation>niemandem</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="515"/>
        <source>Name the user to assign.</source>
        <translation>Nennen Sie den Benutzer, dem zugewiesen werden soll.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="524"/>
        <source>Incident #%1 is assigned to %2.</source>
        <translation>Vorfall #%1 ist %2 zugewiesen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="534"/>
        <location filename="../ui/incidents/incidentactions.cpp" line="539"/>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="535"/>
        <source>The note (Markdown) is appended to the timeline of #%1 “%2”, signed by you; notes cannot be edited afterwards.</source>
        <translation>Die Notiz (Markdown) wird mit Ihrem Namen an die Zeitleiste von #%1 „%2“ angehängt; Notizen können danach nicht bearbeitet werden.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="540"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="544"/>
        <source>Note added to #%1.</source>
        <translation>Notiz zu #%1 hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="556"/>
        <source>Expire silence</source>
        <translation>Stummschaltung beenden</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="557"/>
        <source>%1 ends now in its Alertmanager: the alerts it matched notify again.</source>
        <translation>%1 endet jetzt in ihrem Alertmanager: Die erfassten Alarme benachrichtigen wieder.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="560"/>
        <source>Expire</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="564"/>
        <source>%1 expired.</source>
        <translation>%1 beendet.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="571"/>
        <source>Change the end of a silence</source>
        <translation>Ende einer Stummschaltung ändern</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="571"/>
        <source>Change end</source>
        <translation>Ende ändern</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="573"/>
        <source>End in</source>
        <translation>Endet in</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="575"/>
        <source>New comment (optional; replaces the old one)</source>
        <translation>Neuer Kommentar (optional; ersetzt den alten)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="577"/>
        <source>%1 ends %2 from now instead (Alertmanager may give it a new id); its matchers stay.</source>
        <translation>%1 endet stattdessen in %2 (Alertmanager kann ihr eine neue ID geben); ihre Matcher bleiben.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="588"/>
        <source>%1 now ends at %2.</source>
        <translation>%1 endet jetzt um %2.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="599"/>
        <source>Edit runbook</source>
        <translation>Runbook bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="600"/>
        <source>The runbook for alerts named %1 is replaced: every incident with such an alert shows the new text.</source>
        <translation>Das Runbook für Alarme namens %1 wird ersetzt: Jeder Vorfall mit einem solchen Alarm zeigt den neuen Text.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="603"/>
        <source>Save runbook</source>
        <translation>Runbook speichern</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="604"/>
        <source>Runbook (Markdown)</source>
        <translation>Runbook (Markdown)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentactions.cpp" line="609"/>
        <source>Runbook for %1 saved.</source>
        <translation>Runbook für %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ops::IncidentAnalyticsView</name>
    <message>
        <location filename="../ui/incidents/incidentanalyticsview.cpp" line="34"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentanalyticsview.cpp" line="34"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentanalyticsview.cpp" line="34"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentanalyticsview.cpp" line="34"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentanalyticsview.cpp" line="36"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentanalyticsview.cpp" line="99"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentanalyticsview.cpp" line="101"/>
        <source>MTTA &lt;b&gt;%1&lt;/b&gt; · MTTR &lt;b&gt;%2&lt;/b&gt; · triggered %3 · acknowledged %4 · resolved %5 · open %6</source>
        <translation>MTTA &lt;b&gt;%1&lt;/b&gt; · MTTR &lt;b&gt;%2&lt;/b&gt; · ausgelöst %3 · bestätigt %4 · behoben %5 · offen %6</translation>
    </message>
</context>
<context>
    <name>ops::IncidentCharts</name>
    <message>
        <location filename="../ui/incidents/incidentcharts.cpp" line="59"/>
        <source>Incidents by severity</source>
        <translation>Vorfälle nach Schweregrad</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentcharts.cpp" line="60"/>
        <source>Incidents by region</source>
        <translation>Vorfälle nach Region</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentcharts.cpp" line="61"/>
        <source>Incidents by source</source>
        <translation>Vorfälle nach Quelle</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentcharts.cpp" line="63"/>
        <source>MTTA and MTTR per bucket (minutes)</source>
        <translation>MTTA und MTTR je Intervall (Minuten)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentcharts.cpp" line="127"/>
        <source>MTTA</source>
        <translation>MTTA</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentcharts.cpp" line="129"/>
        <source>MTTR</source>
        <translation>MTTR</translation>
    </message>
</context>
<context>
    <name>ops::IncidentClient</name>
    <message>
        <location filename="../services/incidentclient.cpp" line="142"/>
        <source>%1: not connected to platformd</source>
        <translation>%1: keine Verbindung zu platformd</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="216"/>
        <source>Could not list %1: %2</source>
        <translation>%1 konnten nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="220"/>
        <source>Lost the live incident updates: %1</source>
        <translation>Live-Aktualisierungen der Vorfälle unterbrochen: %1</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="251"/>
        <source>the runbooks</source>
        <translation>Die Runbooks</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="264"/>
        <source>the Alertmanagers</source>
        <translation>Die Alertmanager</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="281"/>
        <source>the silences</source>
        <translation>Die Stummschaltungen</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="302"/>
        <source>the incidents</source>
        <translation>Die Vorfälle</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="346"/>
        <source>Could not load %1</source>
        <translation>%1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="356"/>
        <source>Could not declare the incident</source>
        <translation>Der Vorfall konnte nicht erklärt werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="362"/>
        <source>Could not update %1</source>
        <translation>%1 konnte nicht aktualisiert werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="370"/>
        <source>Could not assign %1</source>
        <translation>%1 konnte nicht zugewiesen werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="381"/>
        <source>Could not change the severity of %1</source>
        <translation>Der Schweregrad von %1 konnte nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="393"/>
        <source>Could not acknowledge %1</source>
        <translation>%1 konnte nicht bestätigt werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="400"/>
        <source>Could not mark %1 mitigated</source>
        <translation>%1 konnte nicht als eingedämmt markiert werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="406"/>
        <source>Could not resolve %1</source>
        <translation>%1 konnte nicht behoben werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="412"/>
        <source>Could not close %1</source>
        <translation>%1 konnte nicht abgeschlossen werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="418"/>
        <source>Could not reopen %1</source>
        <translation>%1 konnte nicht wieder geöffnet werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="427"/>
        <source>Could not add the note to %1</source>
        <translation>Die Notiz zu %1 konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="437"/>
        <source>Could not save the postmortem of %1</source>
        <translation>Das Postmortem von %1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="445"/>
        <source>Could not create the silence</source>
        <translation>Die Stummschaltung konnte nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="456"/>
        <source>Could not change the end of %1</source>
        <translation>Das Ende von %1 konnte nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="464"/>
        <source>Could not expire %1</source>
        <translation>%1 konnte nicht beendet werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="474"/>
        <source>Could not save the runbook %1</source>
        <translation>Das Runbook %1 konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../services/incidentclient.cpp" line="488"/>
        <source>Could not compute the incident analytics</source>
        <translation>Die Vorfallsanalyse konnte nicht berechnet werden</translation>
    </message>
</context>
<context>
    <name>ops::IncidentDetail</name>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="65"/>
        <source>Select an incident in the queue to see its timeline, alerts, silences, runbook and postmortem.</source>
        <translation>Wählen Sie einen Vorfall in der Warteschlange, um Zeitleiste, Alarme, Stummschaltungen, Runbook und Postmortem zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="88"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="88"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="88"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="88"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="90"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="90"/>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="90"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="90"/>
        <source>Silenced</source>
        <translation>Stummgeschaltet</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="90"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="93"/>
        <source>Matchers</source>
        <translation>Matcher</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="93"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="93"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="93"/>
        <source>Creator</source>
        <translation>Ersteller</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="93"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="103"/>
        <source>Summary (needed to close)</source>
        <translation>Zusammenfassung (zum Abschließen nötig)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="103"/>
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="103"/>
        <source>Root cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="104"/>
        <source>Resolution</source>
        <translation>Behebung</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="104"/>
        <source>Lessons</source>
        <translation>Lehren</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="112"/>
        <location filename="../ui/incidents/incidentdetail.cpp" line="125"/>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="119"/>
        <source>Follow-up</source>
        <translation>Folgemaßnahme</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="119"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="119"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="119"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="119"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="127"/>
        <source>Follow-ups</source>
        <translation>Folgemaßnahmen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="129"/>
        <source>Add follow-up</source>
        <translation>Folgemaßnahme hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="130"/>
        <source>Save postmortem</source>
        <translation>Postmortem speichern</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="144"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="145"/>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="146"/>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="147"/>
        <location filename="../ui/incidents/incidentdetail.cpp" line="376"/>
        <source>Runbook</source>
        <translation>Runbook</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="148"/>
        <source>Postmortem</source>
        <translation>Postmortem</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="193"/>
        <source>Replace the postmortem on platformd</source>
        <translation>Das Postmortem auf platformd ersetzen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="282"/>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="283"/>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="286"/>
        <source>Regions: %1</source>
        <translation>Regionen: %1</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="287"/>
        <location filename="../ui/incidents/incidentdetail.cpp" line="290"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="289"/>
        <source>Models: %1</source>
        <translation>Modelle: %1</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="292"/>
        <source>triggered %1</source>
        <translation>ausgelöst %1</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="294"/>
        <source>acknowledged %1 by %2</source>
        <translation>bestätigt %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="297"/>
        <source>mitigated %1</source>
        <translation>eingedämmt %1</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="299"/>
        <source>resolved %1</source>
        <translation>behoben %1</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="312"/>
        <source>Firing</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="312"/>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="313"/>
        <source>yes (%1)</source>
        <translation>ja (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="327"/>
        <source>Alerts (%1)</source>
        <translation>Alarme (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="343"/>
        <source>Silences (%1)</source>
        <translation>Stummschaltungen (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="373"/>
        <source>*No runbook for the alerts of this incident.* Runbooks are kept per alert name; someone with runbooks.write can add one.</source>
        <translation>*Kein Runbook für die Alarme dieses Vorfalls.* Runbooks werden je Alarmname geführt; wer runbooks.write hat, kann eines anlegen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="376"/>
        <source>Runbook (%1)</source>
        <translation>Runbook (%1)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="414"/>
        <source>Saved by %1 at %2</source>
        <translation>Gespeichert von %1 um %2</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="415"/>
        <source>No postmortem yet</source>
        <translation>Noch kein Postmortem</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentdetail.cpp" line="457"/>
        <source>Postmortem of %1 saved.</source>
        <translation>Postmortem von %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>ops::IncidentNotifier</name>
    <message>
        <location filename="../ui/incidents/incidentnotifier.cpp" line="37"/>
        <source>%1 incident #%2</source>
        <translation>%1-Vorfall #%2</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentnotifier.cpp" line="43"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentnotifier.cpp" line="46"/>
        <source>Ops console: incidents</source>
        <translation>Ops-Konsole: Vorfälle</translation>
    </message>
</context>
<context>
    <name>ops::IncidentTableModel</name>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="97"/>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="108"/>
        <source>%1 (set by hand)</source>
        <translation>%1 (von Hand gesetzt)</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="111"/>
        <source>Triggered %1, open for %2</source>
        <translation>Ausgelöst %1, offen seit %2</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="115"/>
        <source>Triggered %1, resolved after %2</source>
        <translation>Ausgelöst %1, behoben nach %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/incidenttablemodel.cpp" line="122"/>
        <source>%n alert(s) firing of %1</source>
        <translation>
            <numerusform>%n von %1 Alarmen aktiv</numerusform>
            <numerusform>%n von %1 Alarmen aktiv</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="169"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="171"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="173"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="175"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="177"/>
        <source>Open for</source>
        <translation>Dauer offen</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="179"/>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="181"/>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location filename="../models/incidenttablemodel.cpp" line="183"/>
        <source>Alerts firing</source>
        <translation>Aktive Alarme</translation>
    </message>
</context>
<context>
    <name>ops::IncidentText</name>
    <message>
        <location filename="../models/incident.cpp" line="11"/>
        <source>SEV1</source>
        <translation>SEV1</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="13"/>
        <source>SEV2</source>
        <translation>SEV2</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="15"/>
        <source>SEV3</source>
        <translation>SEV3</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="17"/>
        <source>SEV4</source>
        <translation>SEV4</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="21"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="28"/>
        <source>Critical: customer-facing outage</source>
        <translation>Kritisch: Ausfall mit Kundenwirkung</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="30"/>
        <source>Major: significant degradation</source>
        <translation>Schwer: deutliche Beeinträchtigung</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="32"/>
        <source>Minor: limited impact</source>
        <translation>Leicht: begrenzte Auswirkung</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="34"/>
        <source>Low: no customer impact yet</source>
        <translation>Gering: noch keine Kundenwirkung</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="38"/>
        <source>Severity not set</source>
        <translation>Schweregrad nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="45"/>
        <source>Triggered</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="47"/>
        <source>Acknowledged</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="49"/>
        <source>Mitigated</source>
        <translation>Eingedämmt</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="51"/>
        <source>Resolved</source>
        <translation>Behoben</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="53"/>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="57"/>
        <location filename="../models/incident.cpp" line="72"/>
        <location filename="../models/incident.cpp" line="87"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="64"/>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="66"/>
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="68"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="79"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="81"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="83"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="94"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="96"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="98"/>
        <source>Alert firing</source>
        <translation>Alarm aktiv</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="100"/>
        <source>Alert resolved</source>
        <translation>Alarm behoben</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="102"/>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="104"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="106"/>
        <source>Silence</source>
        <translation>Stummschaltung</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="108"/>
        <source>Postmortem</source>
        <translation>Postmortem</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="110"/>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="114"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="122"/>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="124"/>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="126"/>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../models/incident.cpp" line="129"/>
        <source>%1d %2h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>ops::IncidentsPanel</name>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="58"/>
        <source>Open only</source>
        <translation>Nur offene</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="69"/>
        <source>Filter: words, #number, or labels like alertname=HighLatency region=eu-west</source>
        <translation>Filter: Wörter, #Nummer oder Labels wie alertname=HighLatency region=eu-west</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="80"/>
        <source>Show %1 (%2); none checked shows every severity</source>
        <translation>%1 zeigen (%2); ohne Auswahl werden alle Schweregrade gezeigt</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="87"/>
        <source>Any state</source>
        <translation>Jeder Zustand</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="109"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="111"/>
        <source>Write the queue as filtered to a CSV file</source>
        <translation>Die gefilterte Warteschlange in eine CSV-Datei schreiben</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="113"/>
        <source>Sound</source>
        <translation>Ton</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="115"/>
        <source>Beep when a new SEV1 or SEV2 arrives (the tray notification is always shown)</source>
        <translation>Signalton bei einem neuen SEV1 oder SEV2 (die Benachrichtigung im Infobereich erscheint immer)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="157"/>
        <source>Show expired</source>
        <translation>Abgelaufene zeigen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="183"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="184"/>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="185"/>
        <source>Analytics</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="250"/>
        <source>%1 (reachable, %2)</source>
        <translation>%1 (erreichbar, %2)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="251"/>
        <source>%1 (unreachable: %2)</source>
        <translation>%1 (nicht erreichbar: %2)</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="255"/>
        <source>No Alertmanager is configured in platformd (--alertmanager NAME=URL); silences need one.</source>
        <translation>In platformd ist kein Alertmanager konfiguriert (--alertmanager NAME=URL); Stummschaltungen brauchen einen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="257"/>
        <source>Alertmanagers: %1</source>
        <translation>Alertmanager: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentspanel.cpp" line="335"/>
        <source>%n incident(s)</source>
        <translation>
            <numerusform>%n Vorfall</numerusform>
            <numerusform>%n Vorfälle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="336"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="339"/>
        <source>Loading incidents…</source>
        <translation>Vorfälle werden geladen…</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="341"/>
        <source>No incidents. Alertmanager notifications, the simulator and declared incidents appear here live.</source>
        <translation>Keine Vorfälle. Benachrichtigungen des Alertmanagers, des Simulators und erklärte Vorfälle erscheinen hier live.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="344"/>
        <source>No open incident matches the filter. Untick “Open only” to include resolved ones.</source>
        <translation>Kein offener Vorfall passt zum Filter. Entfernen Sie den Haken bei „Nur offene“, um behobene einzuschließen.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="346"/>
        <source>No incident matches the filter.</source>
        <translation>Kein Vorfall passt zum Filter.</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="414"/>
        <source>Export incidents</source>
        <translation>Vorfälle exportieren</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanel.cpp" line="415"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/incidents/incidentspanel.cpp" line="421"/>
        <source>Exported %n incident(s) to %1.</source>
        <translation>
            <numerusform>%n Vorfall nach %1 exportiert.</numerusform>
            <numerusform>%n Vorfälle nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::KpiPanel</name>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="31"/>
        <source>Fleet availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="32"/>
        <source>target ≥ %1 %</source>
        <translation>Ziel ≥ %1 %</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="34"/>
        <source>Successful share of requests across all regions now (each region&apos;s availability weighted by its requests). At risk while the failed share is at most twice the allowance (≥ 99.98 %).</source>
        <translation>Aktueller Anteil erfolgreicher Anfragen über alle Regionen (Verfügbarkeit jeder Region gewichtet nach ihren Anfragen). Gefährdet, solange der Fehleranteil höchstens doppelt so hoch ist wie erlaubt (≥ 99,98 %).</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="38"/>
        <source>Fleet p95 latency</source>
        <translation>p95-Latenz gesamt</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="38"/>
        <location filename="../ui/kpi/kpipanel.cpp" line="42"/>
        <source>target &lt; %1 ms</source>
        <translation>Ziel &lt; %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="39"/>
        <source>The regions&apos; p95 latency, weighted by their requests. At risk from 80 % of the limit.</source>
        <translation>Die p95-Latenz der Regionen, gewichtet nach ihren Anfragen. Gefährdet ab 80 % des Grenzwerts.</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="42"/>
        <source>Global response time</source>
        <translation>Globale Antwortzeit</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="44"/>
        <source>Global response time = the request-weighted mean of the regions&apos; median (p50) latency: what a typical request sees, wherever it lands. At risk from 80 % of the limit.</source>
        <translation>Globale Antwortzeit = nach Anfragen gewichtetes Mittel der Median-Latenz (p50) der Regionen: was eine typische Anfrage erlebt, egal wo sie landet. Gefährdet ab 80 % des Grenzwerts.</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="47"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="47"/>
        <source>all regions</source>
        <translation>alle Regionen</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="48"/>
        <source>Requests per second, summed over all regions.</source>
        <translation>Anfragen pro Sekunde, summiert über alle Regionen.</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="49"/>
        <source>Degraded regions</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="49"/>
        <source>target 0 now</source>
        <translation>Ziel: jetzt 0</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="51"/>
        <source>Regions whose status is Degraded right now (down and maintenance regions are named beside the target). One is at risk, more is missed.</source>
        <translation>Regionen, deren Status gerade „Beeinträchtigt“ ist (ausgefallene Regionen und Regionen in Wartung stehen neben dem Ziel). Eine ist gefährdet, mehr ist verfehlt.</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="54"/>
        <source>Error budget left</source>
        <translation>Rest-Fehlerbudget</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="55"/>
        <source>30 d at %1 %</source>
        <translation>30 d bei %1 %</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="57"/>
        <source>What is left of the fleet&apos;s 30-day error budget (1 − 99.99 % of all requests), from the regions&apos; hourly metrics, refreshed every %1 minutes. At risk below 25 % left.</source>
        <translation>Was vom 30-Tage-Fehlerbudget aller Regionen übrig ist (1 − 99,99 % aller Anfragen), aus den stündlichen Metriken der Regionen, alle %1 Minuten aktualisiert. Gefährdet unter 25 % Rest.</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="115"/>
        <location filename="../ui/kpi/kpipanel.cpp" line="190"/>
        <location filename="../ui/kpi/kpipanel.cpp" line="197"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="121"/>
        <location filename="../ui/kpi/kpipanel.cpp" line="124"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="128"/>
        <source>%1 k rps</source>
        <translation>%1 Tsd. Anf./s</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="129"/>
        <source>%1 rps</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/kpi/kpipanel.cpp" line="130"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n Region</numerusform>
            <numerusform>%n Regionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="133"/>
        <source>%1 down</source>
        <translation>%1 ausgefallen</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="135"/>
        <source>%1 in maintenance</source>
        <translation>%1 in Wartung</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="136"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="190"/>
        <source>metrics unavailable</source>
        <translation>Metriken nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="197"/>
        <source>no samples</source>
        <translation>keine Messwerte</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="202"/>
        <source>overspent</source>
        <translation>überzogen</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanel.cpp" line="203"/>
        <source>%1 of %2 min</source>
        <translation>%1 von %2 min</translation>
    </message>
</context>
<context>
    <name>ops::KpiTile</name>
    <message>
        <location filename="../ui/kpi/kpitile.cpp" line="51"/>
        <source>%1: %2, %3, %4</source>
        <translation>%1: %2, %3, %4</translation>
    </message>
</context>
<context>
    <name>ops::ListJob</name>
    <message>
        <location filename="../services/regionclient.cpp" line="142"/>
        <source>the regions</source>
        <translation>die Regionen</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="159"/>
        <source>the components</source>
        <translation>die Komponenten</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="188"/>
        <source>the edge nodes</source>
        <translation>die Edge-Knoten</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="206"/>
        <source>the failovers</source>
        <translation>die Failovers</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="224"/>
        <source>the maintenance windows</source>
        <translation>die Wartungsfenster</translation>
    </message>
</context>
<context>
    <name>ops::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="50"/>
        <source>opsconsole</source>
        <translation>opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpipanelspec.cpp" line="13"/>
        <source>KPIs</source>
        <translation>KPIs</translation>
    </message>
    <message>
        <location filename="../ui/map/mappanelspec.cpp" line="13"/>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanelspec.cpp" line="13"/>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanelspec.cpp" line="13"/>
        <source>Region detail</source>
        <translation>Regionsdetails</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanelspec.cpp" line="14"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanelspec.cpp" line="14"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanelspec.cpp" line="13"/>
        <source>Health probes</source>
        <translation>Health-Probes</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanelspecs.cpp" line="18"/>
        <source>Model registry</source>
        <translation>Modell-Registry</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanelspecs.cpp" line="55"/>
        <source>Model detail</source>
        <translation>Modelldetails</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="103"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="104"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="106"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="109"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="115"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="123"/>
        <source>Show panels &amp;for</source>
        <translation>Panels &amp;zeigen für</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="126"/>
        <source>&amp;Every role</source>
        <translation>&amp;Alle Rollen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="127"/>
        <source>&amp;Operator</source>
        <translation>&amp;Operator</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="128"/>
        <source>&amp;Compliance officer</source>
        <translation>&amp;Compliance-Beauftragte</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="129"/>
        <source>&amp;Manager</source>
        <translation>&amp;Manager</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="139"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="143"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="144"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="145"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="158"/>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="162"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="163"/>
        <source>&amp;About opsconsole</source>
        <translation>&amp;Über opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="166"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="188"/>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="302"/>
        <source>last event %1 s ago (stale)</source>
        <translation>letztes Ereignis vor %1 s (veraltet)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="189"/>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="325"/>
        <source>RTT %1 ms</source>
        <translation>RTT %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="239"/>
        <source>Signed in as %1 with token %2. Permissions: %3</source>
        <translation>Angemeldet als %1 mit Token %2. Berechtigungen: %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="242"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="245"/>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="262"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="263"/>
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="298"/>
        <source>no events yet</source>
        <translation>noch keine Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="303"/>
        <source>last event %1 s ago</source>
        <translation>letztes Ereignis vor %1 s</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="315"/>
        <source>No change or heartbeat from platformd for more than %1 seconds.</source>
        <translation>Seit mehr als %1 Sekunden keine Änderung und kein Lebenszeichen von platformd.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="317"/>
        <source>Time since the last change or heartbeat from platformd.</source>
        <translation>Zeit seit der letzten Änderung oder dem letzten Lebenszeichen von platformd.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="325"/>
        <source>RTT –</source>
        <translation>RTT –</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="529"/>
        <source>About opsconsole</source>
        <translation>Über opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="530"/>
        <source>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Operations console for a multi-cloud AI platform.&lt;/p&gt;&lt;p&gt;Watches regions, components and their health as platformd streams them.&lt;/p&gt;&lt;p&gt;Map data: Made with Natural Earth. Free vector and raster map data @ &lt;a href=&quot;https://www.naturalearthdata.com&quot;&gt;naturalearthdata.com&lt;/a&gt;, prepared by world-atlas (© 2013-2019 Michael Bostock, ISC license).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole für eine Multi-Cloud-KI-Plattform.&lt;/p&gt;&lt;p&gt;Überwacht Regionen, Komponenten und ihren Zustand, wie platformd sie streamt.&lt;/p&gt;&lt;p&gt;Kartendaten: Made with Natural Earth. Free vector and raster map data @ &lt;a href=&quot;https://www.naturalearthdata.com&quot;&gt;naturalearthdata.com&lt;/a&gt;, aufbereitet von world-atlas (© 2013-2019 Michael Bostock, ISC-Lizenz).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/incidents/incidentspanelspec.cpp" line="20"/>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <location filename="../ui/cost/costpanelspec.cpp" line="18"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancepanelspec.cpp" line="18"/>
        <source>Compliance</source>
        <translation>Compliance</translation>
    </message>
</context>
<context>
    <name>ops::MetricChart</name>
    <message>
        <location filename="../ui/registry/metricchart.cpp" line="92"/>
        <source>%1 by version</source>
        <translation>%1 nach Version</translation>
    </message>
</context>
<context>
    <name>ops::ModelDetailPanel</name>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="87"/>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="87"/>
        <source>Bars</source>
        <translation>Balken</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="88"/>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="96"/>
        <source>No metrics recorded for this model&apos;s versions.</source>
        <translation>Für die Versionen dieses Modells sind keine Metriken erfasst.</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="116"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="117"/>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="372"/>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="118"/>
        <source>Lineage</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="119"/>
        <source>Model card</source>
        <translation>Model Card</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="137"/>
        <source>&lt;b&gt;Deployments&lt;/b&gt; — traffic split and live serving metrics per region</source>
        <translation>&lt;b&gt;Deployments&lt;/b&gt; — Traffic-Aufteilung und Live-Serving-Metriken je Region</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="257"/>
        <source>&lt;i&gt;Select a model in the Model registry.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie ein Modell in der Modell-Registry.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="261"/>
        <source>version %1 in Production</source>
        <translation>Version %1 in Produktion</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="262"/>
        <source>no version in Production</source>
        <translation>keine Version in Produktion</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/registry/modeldetailpanel.cpp" line="273"/>
        <source>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 · owner %3 · %n version(s), %4 · %5 live deployment(s)&lt;br&gt;%6</source>
        <translation>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 · Eigentümer %3 · %n Version, %4 · %5 Live-Deployment(s)&lt;br&gt;%6</numerusform>
            <numerusform>&lt;b style=&apos;font-size:large&apos;&gt;%1&lt;/b&gt; &amp;nbsp; %2 · Eigentümer %3 · %n Versionen, %4 · %5 Live-Deployment(s)&lt;br&gt;%6</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="336"/>
        <source>&lt;i&gt;Select a version to see where it came from.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Wählen Sie eine Version, um ihre Herkunft zu sehen.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="350"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="350"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="355"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="356"/>
        <source>Training run</source>
        <translation>Trainingslauf</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="357"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="358"/>
        <source>Dataset hash</source>
        <translation>Datensatz-Hash</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="360"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="361"/>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="362"/>
        <source>Input signature</source>
        <translation>Eingabesignatur</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="364"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="365"/>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="379"/>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="381"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../ui/registry/modeldetailpanel.cpp" line="385"/>
        <source>*No model card for version %1.*</source>
        <translation>*Keine Model Card für Version %1.*</translation>
    </message>
</context>
<context>
    <name>ops::ModelRegistryClient</name>
    <message>
        <location filename="../services/private/versionpager.cpp" line="81"/>
        <source>Could not list the model versions</source>
        <translation>Die Modellversionen konnten nicht abgerufen werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="236"/>
        <source>the approval requests</source>
        <translation>die Freigabeanfragen</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="249"/>
        <source>the deployments</source>
        <translation>die Deployments</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="261"/>
        <source>the models</source>
        <translation>die Modelle</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="203"/>
        <source>Could not list %1: %2</source>
        <translation>%1 konnten nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="207"/>
        <source>Lost the live registry updates: %1</source>
        <translation>Live-Aktualisierungen der Registry unterbrochen: %1</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="279"/>
        <source>%1: not connected to platformd</source>
        <translation>%1: keine Verbindung zu platformd</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="359"/>
        <source>Could not list the model versions: not connected to platformd</source>
        <translation>Die Modellversionen konnten nicht abgerufen werden: keine Verbindung zu platformd</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="406"/>
        <source>Could not list the models: not connected to platformd</source>
        <translation>Die Modelle konnten nicht abgerufen werden: keine Verbindung zu platformd</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="430"/>
        <source>Could not list the models</source>
        <translation>Die Modelle konnten nicht abgerufen werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="454"/>
        <source>Could not load %1</source>
        <translation>%1 konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="475"/>
        <source>Could not request the approval</source>
        <translation>Die Genehmigung konnte nicht beantragt werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="485"/>
        <source>Could not approve the request</source>
        <translation>Die Anfrage konnte nicht genehmigt werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="495"/>
        <source>Could not reject the request</source>
        <translation>Die Anfrage konnte nicht abgelehnt werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="503"/>
        <source>Could not withdraw the request</source>
        <translation>Die Anfrage konnte nicht zurückgezogen werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="514"/>
        <source>Could not move the alias %1</source>
        <translation>Der Alias %1 konnte nicht verschoben werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="525"/>
        <source>Could not move the version to %1</source>
        <translation>Die Version konnte nicht nach %1 verschoben werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="542"/>
        <source>Could not deploy</source>
        <translation>Bereitstellung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="555"/>
        <source>Could not change the traffic split</source>
        <translation>Die Traffic-Aufteilung konnte nicht geändert werden</translation>
    </message>
    <message>
        <location filename="../services/modelregistryclient.cpp" line="562"/>
        <source>Could not roll back</source>
        <translation>Rollback fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ops::ModelTableModel</name>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="71"/>
        <source>%1 → version %2 (protected: moves need approval)</source>
        <translation>%1 → Version %2 (geschützt: Verschieben erfordert Genehmigung)</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="74"/>
        <source>%1 → version %2</source>
        <translation>%1 → Version %2</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="79"/>
        <source>Latest version %1 is %2; version %3 is in Production.</source>
        <translation>Neueste Version %1 ist %2; Version %3 ist in Produktion.</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="83"/>
        <source>Latest version %1 is %2; no version is in Production.</source>
        <translation>Neueste Version %1 ist %2; keine Version ist in Produktion.</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="125"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="127"/>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="129"/>
        <source>Latest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="131"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="133"/>
        <source>Live deployments</source>
        <translation>Live-Deployments</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="135"/>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="137"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location filename="../models/modeltablemodel.cpp" line="139"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::PdfPages</name>
    <message>
        <location filename="../ui/common/pdfpages.h" line="172"/>
        <source>… and %1 more rows</source>
        <translation>… und %1 weitere Zeilen</translation>
    </message>
</context>
<context>
    <name>ops::Permissions</name>
    <message>
        <location filename="../models/identity.cpp" line="15"/>
        <source>Waiting for platformd to say what you may do (permission %1).</source>
        <translation>Warte darauf, dass platformd mitteilt, was Sie dürfen (Berechtigung %1).</translation>
    </message>
    <message>
        <location filename="../models/identity.cpp" line="16"/>
        <source>Requires the permission %1, which your roles do not grant.</source>
        <translation>Erfordert die Berechtigung %1, die Ihre Rollen nicht gewähren.</translation>
    </message>
</context>
<context>
    <name>ops::PrivacyPage</name>
    <message>
        <location filename="../ui/compliance/privacypage.cpp" line="65"/>
        <source>New request…</source>
        <translation>Neue Anfrage…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacypage.cpp" line="66"/>
        <source>Complete…</source>
        <translation>Abschließen…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacypage.cpp" line="67"/>
        <source>Edit policy…</source>
        <translation>Regel bearbeiten…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacypage.cpp" line="69"/>
        <source>Apply retention…</source>
        <translation>Aufbewahrung anwenden…</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacypage.cpp" line="71"/>
        <source>Data-subject requests</source>
        <translation>Betroffenenanfragen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacypage.cpp" line="72"/>
        <source>Retention per data category</source>
        <translation>Aufbewahrung je Datenkategorie</translation>
    </message>
</context>
<context>
    <name>ops::PrivacyQueueModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="426"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="426"/>
        <source>Regime</source>
        <translation>Rechtsrahmen</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="426"/>
        <source>Subject</source>
        <translation>Betroffene Person</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="426"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="427"/>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="427"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="427"/>
        <source>Time left</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="451"/>
        <source>completed %1</source>
        <translation>erledigt %1</translation>
    </message>
</context>
<context>
    <name>ops::PrivacyRequestDialog</name>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="35"/>
        <source>New data-subject request</source>
        <translation>Neue Betroffenenanfrage</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="36"/>
        <source>Record a request as it was received. Its legal deadline follows from the regime: 30 days under GDPR, 45 days under CCPA. Store only the subject&apos;s reference, no other personal data.</source>
        <translation>Eine Anfrage so erfassen, wie sie eingegangen ist. Ihre gesetzliche Frist folgt aus dem Rechtsrahmen: 30 Tage nach GDPR (DSGVO), 45 Tage nach CCPA. Nur die Referenz der betroffenen Person speichern, keine weiteren personenbezogenen Daten.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="39"/>
        <source>Record request</source>
        <translation>Anfrage erfassen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="54"/>
        <source>e.g. a ticket or customer number</source>
        <translation>z. B. eine Ticket- oder Kundennummer</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="63"/>
        <source>Optional: how it came in, what is asked</source>
        <translation>Optional: wie sie einging, was verlangt wird</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="64"/>
        <source>Request:</source>
        <translation>Anfrage:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="65"/>
        <source>Regime:</source>
        <translation>Rechtsrahmen:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="66"/>
        <source>Subject reference:</source>
        <translation>Referenz der betroffenen Person:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="67"/>
        <source>Received (UTC):</source>
        <translation>Eingegangen (UTC):</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="68"/>
        <source>Deadline:</source>
        <translation>Frist:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="69"/>
        <source>Note:</source>
        <translation>Notiz:</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/compliance/privacydialogs.cpp" line="80"/>
        <source>%1 (%n day(s) after receipt)</source>
        <translation>
            <numerusform>%1 (%n Tag nach Eingang)</numerusform>
            <numerusform>%1 (%n Tage nach Eingang)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="94"/>
        <source>Enter the subject&apos;s reference.</source>
        <translation>Die Referenz der betroffenen Person eingeben.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="97"/>
        <source>The received date cannot be in the future.</source>
        <translation>Das Eingangsdatum kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="99"/>
        <source>The note is too long: at most %1 bytes.</source>
        <translation>Die Notiz ist zu lang: höchstens %1 Bytes.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/privacydialogs.cpp" line="103"/>
        <source>Recording…</source>
        <translation>Wird erfasst…</translation>
    </message>
</context>
<context>
    <name>ops::ProbeTableModel</name>
    <message>
        <location filename="../models/probetablemodel.cpp" line="129"/>
        <source>(whole server)</source>
        <translation>(ganzer Server)</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="130"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="137"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="141"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="144"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="146"/>
        <source>Last answer: %1</source>
        <translation>Letzte Antwort: %1</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="149"/>
        <source>Recent changes:</source>
        <translation>Letzte Änderungen:</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="186"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="225"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="227"/>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="229"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="231"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="233"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="235"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="237"/>
        <source>Last RTT</source>
        <translation>Letzte RTT</translation>
    </message>
    <message>
        <location filename="../models/probetablemodel.cpp" line="239"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
</context>
<context>
    <name>ops::ProbeTarget</name>
    <message>
        <location filename="../models/probe.cpp" line="25"/>
        <source>The endpoint is empty: write host:port, e.g. localhost:50051.</source>
        <translation>Der Endpunkt ist leer: schreiben Sie host:port, z. B. localhost:50051.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="27"/>
        <source>The endpoint &quot;%1&quot; has spaces around it.</source>
        <translation>Der Endpunkt „%1“ ist von Leerzeichen umgeben.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="33"/>
        <source>The endpoint &quot;%1&quot; has no port: write [address]:port, e.g. [::1]:50051.</source>
        <translation>Der Endpunkt „%1“ hat keinen Port: schreiben Sie [Adresse]:port, z. B. [::1]:50051.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="39"/>
        <source>&quot;%1&quot; is not an IPv6 address.</source>
        <translation>„%1“ ist keine IPv6-Adresse.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="43"/>
        <source>The endpoint &quot;%1&quot; has no port: write host:port, e.g. localhost:50051.</source>
        <translation>Der Endpunkt „%1“ hat keinen Port: schreiben Sie host:port, z. B. localhost:50051.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="48"/>
        <source>Write an IPv6 address in brackets: [%1]:%2.</source>
        <translation>Schreiben Sie eine IPv6-Adresse in eckigen Klammern: [%1]:%2.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="52"/>
        <source>The endpoint &quot;%1&quot; has no host.</source>
        <translation>Der Endpunkt „%1“ hat keinen Host.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="54"/>
        <source>&quot;%1&quot; is not a valid host name or address.</source>
        <translation>„%1“ ist kein gültiger Hostname und keine gültige Adresse.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="59"/>
        <source>The port &quot;%1&quot; is not a number from 1 to 65535.</source>
        <translation>Der Port „%1“ ist keine Zahl von 1 bis 65535.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="68"/>
        <source>The service name is longer than 512 characters.</source>
        <translation>Der Dienstname ist länger als 512 Zeichen.</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="70"/>
        <source>Choose the CA certificate file (PEM) for TLS with a CA file.</source>
        <translation>Wählen Sie für TLS mit CA-Datei die CA-Zertifikatsdatei (PEM).</translation>
    </message>
    <message>
        <location filename="../models/probe.cpp" line="72"/>
        <source>A TLS server name needs TLS.</source>
        <translation>Ein TLS-Servername erfordert TLS.</translation>
    </message>
</context>
<context>
    <name>ops::ProbesPanel</name>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="72"/>
        <source>Add endpoint…</source>
        <translation>Endpunkt hinzufügen…</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="73"/>
        <location filename="../ui/probes/probespanel.cpp" line="151"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="85"/>
        <source>Follow a gRPC endpoint with the grpc.health.v1 protocol</source>
        <translation>Einen gRPC-Endpunkt mit dem Protokoll grpc.health.v1 verfolgen</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="97"/>
        <source>No health probes yet.
Add any gRPC endpoint with “Add endpoint…”: the console follows it with the standard health protocol. Regions whose platformd names a health endpoint appear here by themselves.</source>
        <translation>Noch keine Health-Probes.
Fügen Sie mit „Endpunkt hinzufügen…“ einen beliebigen gRPC-Endpunkt hinzu: die Konsole verfolgt ihn mit dem Standard-Health-Protokoll. Regionen, deren platformd einen Health-Endpunkt nennt, erscheinen hier von selbst.</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="130"/>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="137"/>
        <source>Last RTT</source>
        <translation>Letzte RTT</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="137"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="236"/>
        <source>%1 is already probed for service &quot;%2&quot;.</source>
        <translation>%1 wird für den Dienst „%2“ bereits geprüft.</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="429"/>
        <source>Health probes</source>
        <translation>Health-Probes</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="441"/>
        <source>1 probe</source>
        <translation>1 Probe</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="441"/>
        <source>%1 probes</source>
        <translation>%1 Probes</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="442"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="454"/>
        <source>Stop probing the selected endpoints</source>
        <translation>Die ausgewählten Endpunkte nicht mehr prüfen</translation>
    </message>
    <message>
        <location filename="../ui/probes/probespanel.cpp" line="455"/>
        <source>A region&apos;s probe follows the region&apos;s health endpoint; it cannot be removed here.</source>
        <translation>Die Probe einer Region folgt dem Health-Endpunkt der Region; sie kann hier nicht entfernt werden.</translation>
    </message>
</context>
<context>
    <name>ops::ProfileStore</name>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="128"/>
        <source>Enter an endpoint as host:port.</source>
        <translation>Geben Sie einen Endpunkt als host:port ein.</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="135"/>
        <source>“%1” is not host:port (for example platform.example.com:7443).</source>
        <translation>„%1“ ist nicht im Format host:port (zum Beispiel platform.example.com:7443).</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="138"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="149"/>
        <source>“%1”: several replicas are listed as IP addresses; for a name with several addresses, give the name alone.</source>
        <translation>“%1”: mehrere Replikate werden als IP-Adressen angegeben; einen Namen mit mehreren Adressen bitte allein angeben.</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="153"/>
        <source>The replicas&apos; addresses must all be IPv4 or all IPv6.</source>
        <translation>Die Adressen der Replikate müssen alle IPv4 oder alle IPv6 sein.</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="157"/>
        <source>An address is listed twice.</source>
        <translation>Eine Adresse ist doppelt angegeben.</translation>
    </message>
</context>
<context>
    <name>ops::RecommendationTableModel</name>
    <message>
        <location filename="../models/costtablemodels.cpp" line="258"/>
        <source>Monthly saving</source>
        <translation>Monatliche Ersparnis</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="258"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="258"/>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="258"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="259"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="259"/>
        <source>Monthly cost</source>
        <translation>Monatliche Kosten</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="259"/>
        <source>Utilisation</source>
        <translation>Auslastung</translation>
    </message>
</context>
<context>
    <name>ops::RegionClient</name>
    <message>
        <location filename="../services/regionclient.cpp" line="349"/>
        <source>Could not list %1 from %2: %3</source>
        <translation>%1 konnten nicht von %2 abgerufen werden: %3</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="354"/>
        <source>Lost the live updates from %1: %2</source>
        <translation>Live-Aktualisierungen von %1 unterbrochen: %2</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="439"/>
        <source>Could not load the metrics of %1: not connected to platformd</source>
        <translation>Die Metriken von %1 konnten nicht geladen werden: keine Verbindung zu platformd</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="429"/>
        <source>Could not load the metrics of %1: %2</source>
        <translation>Die Metriken von %1 konnten nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>ops::RegionDetailPanel</name>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="86"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="19"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="23"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="25"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="49"/>
        <source>Select a region on the map or in the table</source>
        <translation>Wählen Sie eine Region auf der Karte oder in der Tabelle</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="146"/>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="145"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="146"/>
        <source>Geography</source>
        <translation>Geografie</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="147"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="150"/>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="148"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="149"/>
        <source>Failover target</source>
        <translation>Failover-Ziel</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="52"/>
        <source>Availability and error budget (30 days)</source>
        <translation>Verfügbarkeit und Fehlerbudget (30 Tage)</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="76"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="90"/>
        <source>Error budget left</source>
        <translation>Verbleibendes Fehlerbudget</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="135"/>
        <source>Burn-rate alert</source>
        <translation>Burn-Rate-Alarm</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="137"/>
        <source>Burn long / short</source>
        <translation>Burn lang / kurz</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="139"/>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="184"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="101"/>
        <source>Multi-window, multi-burn-rate alerts (Google SRE workbook): an alert fires when the error budget burns faster than its rate over both its long and its short window. Burn rate 1 spends exactly the 30-day budget in 30 days.</source>
        <translation>Multi-Window-, Multi-Burn-Rate-Alarme (Google SRE Workbook): Ein Alarm wird ausgelöst, wenn das Fehlerbudget sowohl im langen als auch im kurzen Fenster schneller als seine Rate verbraucht wird. Burn-Rate 1 verbraucht genau das 30-Tage-Budget in 30 Tagen.</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="38"/>
        <source>%1 · %2× · %3 / %4</source>
        <translation>%1 · %2× · %3 / %4</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="42"/>
        <source>%1 when the burn rate exceeds %2× over %3 and over %4 (%5 of the 30-day budget spent in %3)</source>
        <translation>%1, wenn die Burn-Rate über %3 und über %4 %2× übersteigt (%5 des 30-Tage-Budgets in %3 verbraucht)</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="35"/>
        <source>Health over time</source>
        <translation>Zustand im Zeitverlauf</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="44"/>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="45"/>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="46"/>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="47"/>
        <source>30 d</source>
        <translation>30 d</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="73"/>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="74"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="152"/>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="75"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="76"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="30"/>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="78"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="83"/>
        <source>Error rate (%)</source>
        <translation>Fehlerrate (%)</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="84"/>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="91"/>
        <source>Throughput (requests/s)</source>
        <translation>Durchsatz (Anfragen/s)</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="92"/>
        <source>throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="94"/>
        <source>%1 rps</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="156"/>
        <source>Components</source>
        <translation>Komponenten</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="142"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="144"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="148"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../models/regioncomponentsmodel.cpp" line="154"/>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="178"/>
        <source>Failovers and maintenance</source>
        <translation>Failovers und Wartung</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="184"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="184"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="184"/>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="184"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="188"/>
        <source>No failovers or maintenance in the last 30 days.</source>
        <translation>Keine Failovers oder Wartungen in den letzten 30 Tagen.</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="170"/>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="192"/>
        <location filename="../ui/regiondetail/sloblock.cpp" line="211"/>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="268"/>
        <source>Waiting for data…</source>
        <translation>Warte auf Daten…</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="66"/>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="270"/>
        <location filename="../ui/regiondetail/sloblock.cpp" line="210"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="279"/>
        <source>Primary region</source>
        <translation>Primärregion</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="279"/>
        <source>Secondary region</source>
        <translation>Sekundärregion</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="283"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="288"/>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="359"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="319"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="320"/>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="343"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="321"/>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="349"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="324"/>
        <source>%1 of traffic · %2</source>
        <translation>%1 des Traffics · %2</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="327"/>
        <source>Failover → %1</source>
        <translation>Failover → %1</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="328"/>
        <source>Failover ← %1</source>
        <translation>Failover ← %1</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="329"/>
        <source>ongoing</source>
        <translation>andauernd</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="337"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="340"/>
        <source>In progress</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="346"/>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/regiondetailpanel.cpp" line="356"/>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/metriccharts.cpp" line="261"/>
        <source>No samples in this range.</source>
        <translation>Keine Messwerte in diesem Zeitraum.</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="212"/>
        <location filename="../ui/regiondetail/sloblock.cpp" line="224"/>
        <source>target %1</source>
        <translation>Ziel %1</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="223"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="227"/>
        <source>No samples in the last 30 days.</source>
        <translation>Keine Messwerte in den letzten 30 Tagen.</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="238"/>
        <source>✔ meets the target of %1</source>
        <translation>✔ erfüllt das Ziel von %1</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="240"/>
        <source>✖ below the target of %1</source>
        <translation>✖ unter dem Ziel von %1</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="251"/>
        <source>%1 left · %2 of %3 min of full outage</source>
        <translation>%1 übrig · %2 von %3 min Totalausfall</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="256"/>
        <source>Exhausted: overspent by %1 (%2 min over the %3 min allowed)</source>
        <translation>Aufgebraucht: um %1 überzogen (%2 min über den erlaubten %3 min)</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/sloblock.cpp" line="264"/>
        <source>(data covers %1 of the 30 days)</source>
        <translation>(Daten decken %1 der 30 Tage ab)</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="69"/>
        <source>Not enough samples in the %1 or the %2 window.</source>
        <translation>Zu wenige Messwerte im %1- oder im %2-Fenster.</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="76"/>
        <source>%1× / %2×</source>
        <translation>%1× / %2×</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="82"/>
        <source>not burning</source>
        <translation>kein Verbrauch</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="84"/>
        <source>budget exhausted</source>
        <translation>Budget aufgebraucht</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="85"/>
        <source>budget gone in %1</source>
        <translation>Budget leer in %1</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="89"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../models/burnratealertmodel.cpp" line="93"/>
        <source>At the current burn rate (%1× over %2): %3</source>
        <translation>Bei der aktuellen Burn-Rate (%1× über %2): %3</translation>
    </message>
</context>
<context>
    <name>ops::RegionTreeModel</name>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="64"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="71"/>
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="73"/>
        <source>%1 k req/s</source>
        <translation>%1 Tsd. Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="74"/>
        <source>%1 M req/s</source>
        <translation>%1 Mio. Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="282"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="284"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="286"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="288"/>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="290"/>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="292"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="294"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="296"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::RegionsPanel</name>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="60"/>
        <source>Filter regions and components…</source>
        <translation>Regionen und Komponenten filtern …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="78"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="300"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n Region</numerusform>
            <numerusform>%n Regionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="302"/>
        <source>%n degraded</source>
        <translation>
            <numerusform>%n beeinträchtigt</numerusform>
            <numerusform>%n beeinträchtigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="304"/>
        <source>%n down</source>
        <translation>
            <numerusform>%n ausgefallen</numerusform>
            <numerusform>%n ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="306"/>
        <source>%n in maintenance</source>
        <translation>
            <numerusform>%n in Wartung</numerusform>
            <numerusform>%n in Wartung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="308"/>
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unbekannt</numerusform>
            <numerusform>%n unbekannt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="317"/>
        <source>No regions</source>
        <translation>Keine Regionen</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="319"/>
        <source>No data: the connection failed.</source>
        <translation>Keine Daten: Die Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="322"/>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="322"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="325"/>
        <source>No regions match “%1”</source>
        <translation>Keine Region passt zu „%1“</translation>
    </message>
</context>
<context>
    <name>ops::RegistryActions</name>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="43"/>
        <source>Request promotion…</source>
        <translation>Hochstufung beantragen…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="44"/>
        <source>Approve…</source>
        <translation>Genehmigen…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="45"/>
        <source>Reject…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="46"/>
        <source>Withdraw…</source>
        <translation>Zurückziehen…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="47"/>
        <source>Move alias…</source>
        <translation>Alias verschieben…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="48"/>
        <source>Deploy…</source>
        <translation>Bereitstellen…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="49"/>
        <source>Change traffic…</source>
        <translation>Traffic ändern…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="50"/>
        <source>Roll back…</source>
        <translation>Zurückrollen…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="51"/>
        <source>Archive…</source>
        <translation>Archivieren…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="121"/>
        <source>version %1 of %2</source>
        <translation>Version %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="129"/>
        <source>Select a model version first.</source>
        <translation>Wählen Sie zuerst eine Modellversion.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="138"/>
        <source>Version %1 is already in Production.</source>
        <translation>Version %1 ist bereits in Produktion.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="143"/>
        <source>A request to promote version %1 is already pending.</source>
        <translation>Eine Anfrage zur Hochstufung von Version %1 ist bereits offen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="153"/>
        <location filename="../ui/registry/registryactions.cpp" line="165"/>
        <source>Select a pending request first.</source>
        <translation>Wählen Sie zuerst eine offene Anfrage.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="155"/>
        <source>Four eyes: you requested this yourself; another user with %1 must review it.</source>
        <translation>Vier-Augen-Prinzip: Sie haben dies selbst beantragt; ein anderer Benutzer mit %1 muss es prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="169"/>
        <source>Only the requester (%1) or an admin may withdraw this request.</source>
        <translation>Nur der Antragsteller (%1) oder ein Administrator darf diese Anfrage zurückziehen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="187"/>
        <source>Select a deployment first.</source>
        <translation>Wählen Sie zuerst ein Deployment.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="189"/>
        <source>This deployment has no earlier traffic split to return to.</source>
        <translation>Dieses Deployment hat keine frühere Traffic-Aufteilung, zu der es zurückkehren kann.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="198"/>
        <source>Version %1 is already archived.</source>
        <translation>Version %1 ist bereits archiviert.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="209"/>
        <source>Ask for this version to go to Production; another user must approve.</source>
        <translation>Beantragen, dass diese Version in Produktion geht; ein anderer Benutzer muss genehmigen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="210"/>
        <source>Apply the selected request.</source>
        <translation>Die ausgewählte Anfrage umsetzen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="211"/>
        <source>Turn the selected request down, with a comment.</source>
        <translation>Die ausgewählte Anfrage mit einem Kommentar ablehnen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="212"/>
        <source>Withdraw your pending request.</source>
        <translation>Ihre offene Anfrage zurückziehen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="213"/>
        <source>Point an alias (champion, challenger, …) at this version.</source>
        <translation>Einen Alias (champion, challenger, …) auf diese Version setzen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="214"/>
        <source>Serve this version in a region.</source>
        <translation>Diese Version in einer Region bereitstellen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="215"/>
        <source>Change how traffic is split between the deployment&apos;s versions.</source>
        <translation>Ändern, wie der Traffic auf die Versionen des Deployments aufgeteilt wird.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="216"/>
        <source>Return the deployment to its previous traffic split.</source>
        <translation>Das Deployment auf seine vorherige Traffic-Aufteilung zurücksetzen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="217"/>
        <source>Move this version to Archived.</source>
        <translation>Diese Version archivieren.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="248"/>
        <source>Version %1 of %2 goes to Production; version %3 (now Production) is archived.</source>
        <translation>Version %1 von %2 geht in Produktion; Version %3 (bisher in Produktion) wird archiviert.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="255"/>
        <source>Version %1 of %2 goes to Production.</source>
        <translation>Version %1 von %2 geht in Produktion.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="257"/>
        <source>Needs approval by another user with %1.</source>
        <translation>Erfordert die Genehmigung durch einen anderen Benutzer mit %1.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="268"/>
        <source>The protected alias %1 of %2 moves from version %3 to version %4 now.</source>
        <translation>Der geschützte Alias %1 von %2 wird jetzt von Version %3 auf Version %4 verschoben.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="273"/>
        <source>The protected alias %1 of %2 is set on version %3 now.</source>
        <translation>Der geschützte Alias %1 von %2 wird jetzt auf Version %3 gesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="279"/>
        <source>Version %1 of %2 goes to Production now; version %3 (now Production) is archived.</source>
        <translation>Version %1 von %2 geht jetzt in Produktion; Version %3 (bisher in Produktion) wird archiviert.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="284"/>
        <source>Version %1 of %2 goes to Production now.</source>
        <translation>Version %1 von %2 geht jetzt in Produktion.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="287"/>
        <source>Requested by %1 without a comment.</source>
        <translation>Beantragt von %1 ohne Kommentar.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="288"/>
        <source>Requested by %1: “%2”</source>
        <translation>Beantragt von %1: „%2“</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="300"/>
        <location filename="../ui/registry/registryactions.cpp" line="301"/>
        <source>Request promotion</source>
        <translation>Hochstufung beantragen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="302"/>
        <location filename="../ui/registry/registryactions.cpp" line="413"/>
        <location filename="../ui/registry/registryactions.cpp" line="637"/>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="309"/>
        <source>Requested the promotion of version %1 of %2; it waits for approval.</source>
        <translation>Hochstufung von Version %1 von %2 beantragt; sie wartet auf Genehmigung.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="326"/>
        <source>Approve request</source>
        <translation>Anfrage genehmigen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="326"/>
        <source>Reject request</source>
        <translation>Anfrage ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="328"/>
        <source>The request of %1 (%2 of %3) is rejected; nothing changes.</source>
        <translation>Die Anfrage von %1 (%3: %2) wird abgelehnt; nichts ändert sich.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="330"/>
        <source>Approve</source>
        <translation>Genehmigen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="330"/>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="331"/>
        <source>Review comment</source>
        <translation>Prüfkommentar</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="334"/>
        <source>Approved: %1 of %2.</source>
        <translation>Genehmigt für %2: %1.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="336"/>
        <source>Rejected: %1 of %2.</source>
        <translation>Abgelehnt für %2: %1.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="351"/>
        <source>Withdraw request</source>
        <translation>Anfrage zurückziehen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="352"/>
        <source>Your request (%1 of %2) is withdrawn; nothing changes.</source>
        <translation>Ihre Anfrage (%2: %1) wird zurückgezogen; nichts ändert sich.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="354"/>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="358"/>
        <source>The request was withdrawn.</source>
        <translation>Die Anfrage wurde zurückgezogen.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="371"/>
        <source>Move alias</source>
        <translation>Alias verschieben</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="372"/>
        <source>Alias:</source>
        <translation>Alias:</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="382"/>
        <source>The alias %1 moves from version %2 to version %3 of %4.</source>
        <translation>Der Alias %1 wird von Version %2 auf Version %3 von %4 verschoben.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="387"/>
        <source>The alias %1 is set on version %2 of %3.</source>
        <translation>Der Alias %1 wird auf Version %2 von %3 gesetzt.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="390"/>
        <source>%1 is protected: this creates an approval request that another user with %2 must approve.</source>
        <translation>%1 ist geschützt: dies erstellt eine Freigabeanfrage, die ein anderer Benutzer mit %2 genehmigen muss.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="399"/>
        <source>An alias is lower-case letters, digits and &apos;-&apos;, starting with a letter.</source>
        <translation>Ein Alias besteht aus Kleinbuchstaben, Ziffern und „-“ und beginnt mit einem Buchstaben.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="402"/>
        <source>&quot;latest&quot; is reserved.</source>
        <translation>„latest“ ist reserviert.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="405"/>
        <source>%1 is protected: %2</source>
        <translation>%1 ist geschützt: %2</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="408"/>
        <source>%1 is protected: say why in the comment, for the reviewer.</source>
        <translation>%1 ist geschützt: Begründen Sie es im Kommentar für die prüfende Person.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="421"/>
        <source>Requested moving the protected alias %1; it waits for approval.</source>
        <translation>Verschieben des geschützten Alias %1 beantragt; es wartet auf Genehmigung.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="431"/>
        <source>The alias %1 is on version %2 of %3.</source>
        <translation>Der Alias %1 steht auf Version %2 von %3.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="437"/>
        <source>Deploy</source>
        <translation>Bereitstellen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="452"/>
        <source>Region:</source>
        <translation>Region:</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="457"/>
        <source>%1 (serves %2 already)</source>
        <translation>%1 (bedient bereits %2)</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="471"/>
        <source>%1 already serves %2 in %3.</source>
        <translation>%1 bedient %2 bereits in %3.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="476"/>
        <source>Version %1 of %2 is deployed to %3 with 100 % of the traffic of a new endpoint.</source>
        <translation>Version %1 von %2 wird in %3 mit 100 % des Traffics eines neuen Endpunkts bereitgestellt.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="485"/>
        <source>Name a region, e.g. eu-west.</source>
        <translation>Geben Sie eine Region an, z. B. eu-west.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="487"/>
        <source>There is a deployment in %1 already: use Change traffic on it to give version %2 a share.</source>
        <translation>In %1 gibt es bereits ein Deployment: Geben Sie Version %2 dort mit „Traffic ändern“ einen Anteil.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="505"/>
        <source>Version %1 of %2 is deploying to %3.</source>
        <translation>Version %1 von %2 wird in %3 bereitgestellt.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="546"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="577"/>
        <source>Change traffic</source>
        <translation>Traffic ändern</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="584"/>
        <source>%1 in %2: %3 → %4. The current split is kept for a rollback.</source>
        <translation>%1 in %2: %3 → %4. Die aktuelle Aufteilung wird für ein Rollback aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="598"/>
        <source>%1 in %2 now splits %3.</source>
        <translation>%1 in %2 teilt jetzt auf: %3.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="611"/>
        <location filename="../ui/registry/registryactions.cpp" line="616"/>
        <source>Roll back</source>
        <translation>Zurückrollen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="612"/>
        <source>%1 in %2 returns to %3 (the split before the last change); now %4.</source>
        <translation>%1 in %2 kehrt zu %3 zurück (der Aufteilung vor der letzten Änderung); aktuell %4.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="619"/>
        <source>%1 in %2 was rolled back.</source>
        <translation>%1 in %2 wurde zurückgerollt.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="627"/>
        <source>Version %1 of %2 is archived: it leaves %3 and is kept for the record.</source>
        <translation>Version %1 von %2 wird archiviert: sie verlässt %3 und bleibt zur Dokumentation erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="632"/>
        <source>%1 then has no version in Production.</source>
        <translation>%1 hat dann keine Version in Produktion.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="634"/>
        <source>Its aliases (%1) stay until moved.</source>
        <translation>Ihre Aliasse (%1) bleiben, bis sie verschoben werden.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="636"/>
        <source>Archive version</source>
        <translation>Version archivieren</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="636"/>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <location filename="../ui/registry/registryactions.cpp" line="651"/>
        <source>Version %1 of %2 is archived.</source>
        <translation>Version %1 von %2 ist archiviert.</translation>
    </message>
</context>
<context>
    <name>ops::RegistryPanel</name>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="74"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="81"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="82"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="83"/>
        <location filename="../ui/registry/registrypanel.cpp" line="445"/>
        <source>Approvals</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="87"/>
        <source>Save the rows of the current view as a CSV file.</source>
        <translation>Die Zeilen der aktuellen Ansicht als CSV-Datei speichern.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="90"/>
        <source>The metric the Versions table shows and sorts by.</source>
        <translation>Die Metrik, die die Versionstabelle anzeigt und nach der sie sortiert.</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="160"/>
        <source>&lt;b&gt;Waiting for review&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wartet auf Prüfung&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="165"/>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verlauf&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="416"/>
        <source>%1 of %2 models</source>
        <translation>%1 von %2 Modellen</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="425"/>
        <source>Loading %1 of %2…</source>
        <translation>Lade %1 von %2…</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="430"/>
        <source>%1 of %2 versions</source>
        <translation>%1 von %2 Versionen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/registry/registrypanel.cpp" line="436"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n offen</numerusform>
            <numerusform>%n offen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="445"/>
        <source>Approvals (%1)</source>
        <translation>Freigaben (%1)</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="556"/>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="556"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/registry/registrypanel.cpp" line="562"/>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
</context>
<context>
    <name>ops::RegistryText</name>
    <message>
        <location filename="../models/modelregistry.cpp" line="14"/>
        <source>NLP</source>
        <translation>NLP</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="16"/>
        <source>Vision</source>
        <translation>Bildverarbeitung</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="18"/>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="20"/>
        <source>Time series</source>
        <translation>Zeitreihen</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="22"/>
        <source>Anomaly detection</source>
        <translation>Anomalieerkennung</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="24"/>
        <source>Clustering</source>
        <translation>Clustering</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="26"/>
        <source>Classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="28"/>
        <source>Regression</source>
        <translation>Regression</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="30"/>
        <source>Reinforcement learning</source>
        <translation>Bestärkendes Lernen</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="32"/>
        <source>Generative</source>
        <translation>Generativ</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="36"/>
        <source>Unspecified</source>
        <translation>Nicht angegeben</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="43"/>
        <source>Staging</source>
        <translation>Staging</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="45"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="47"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="51"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="58"/>
        <location filename="../models/modelregistry.cpp" line="90"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="60"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="62"/>
        <location filename="../models/modelregistry.cpp" line="79"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="66"/>
        <location filename="../models/modelregistry.cpp" line="83"/>
        <location filename="../models/modelregistry.cpp" line="100"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="73"/>
        <source>Rolling out</source>
        <translation>Wird ausgerollt</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="75"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="77"/>
        <source>Rolled back</source>
        <translation>Zurückgerollt</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="92"/>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="94"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location filename="../models/modelregistry.cpp" line="96"/>
        <source>Cancelled</source>
        <translation>Zurückgezogen</translation>
    </message>
</context>
<context>
    <name>ops::RejectionTableModel</name>
    <message>
        <location filename="../models/costtablemodels.cpp" line="330"/>
        <source>header</source>
        <translation>Kopfzeile</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="331"/>
        <source>(whole row)</source>
        <translation>(ganze Zeile)</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="340"/>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="340"/>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="340"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ops::RequirementTableModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="285"/>
        <source>Framework</source>
        <translation>Rahmenwerk</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="285"/>
        <source>Requirement</source>
        <translation>Anforderung</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="285"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>ops::RetentionPolicyDialog</name>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="26"/>
        <source>Retention of %1</source>
        <translation>Aufbewahrung von %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="27"/>
        <source>Records of this category older than the retention are deleted when retention is applied.</source>
        <translation>Datensätze dieser Kategorie, die älter als die Aufbewahrungsfrist sind, werden gelöscht, wenn die Aufbewahrung angewendet wird.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="29"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="35"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="39"/>
        <source>Why this long, e.g. the law that asks for it</source>
        <translation>Warum so lange, z. B. das Gesetz, das es verlangt</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="41"/>
        <source>Data category:</source>
        <translation>Datenkategorie:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="42"/>
        <source>Keep for:</source>
        <translation>Aufbewahren für:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="43"/>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="55"/>
        <source>The description is too long: at most %1 bytes.</source>
        <translation>Die Beschreibung ist zu lang: höchstens %1 Bytes.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="58"/>
        <source>Nothing changed.</source>
        <translation>Nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/retentiondialogs.cpp" line="59"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
</context>
<context>
    <name>ops::RetentionResultModel</name>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="96"/>
        <source>Data category</source>
        <translation>Datenkategorie</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="96"/>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="96"/>
        <source>Older than</source>
        <translation>Älter als</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="97"/>
        <source>Would delete</source>
        <translation>Würde löschen</translation>
    </message>
    <message>
        <location filename="../models/compliancerecordmodels.cpp" line="97"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/compliancerecordmodels.cpp" line="107"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/compliancerecordmodels.cpp" line="108"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::RetentionTableModel</name>
    <message>
        <location filename="../models/compliancemodels.cpp" line="481"/>
        <source>Data category</source>
        <translation>Datenkategorie</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="481"/>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../models/compliancemodels.cpp" line="481"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/compliancemodels.cpp" line="491"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::RpcStatus</name>
    <message>
        <location filename="../services/private/convert.cpp" line="265"/>
        <source>platformd is not reachable</source>
        <translation>platformd ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="268"/>
        <source>platformd did not answer in time</source>
        <translation>platformd hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="271"/>
        <source>the request was cancelled</source>
        <translation>die Anfrage wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="274"/>
        <source>you are not signed in</source>
        <translation>Sie sind nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="277"/>
        <source>you lack the permission</source>
        <translation>Ihnen fehlt die Berechtigung</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="280"/>
        <source>it does not exist</source>
        <translation>es existiert nicht</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="283"/>
        <source>the request was invalid</source>
        <translation>die Anfrage war ungültig</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="287"/>
        <source>this platformd does not support it</source>
        <translation>dieser platformd unterstützt das nicht</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="290"/>
        <source>platformd is overloaded or the answer is too large</source>
        <translation>platformd ist überlastet oder die Antwort ist zu groß</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="295"/>
        <source>platformd reported an error (code %1)</source>
        <translation>platformd hat einen Fehler gemeldet (Code %1)</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="301"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="357"/>
        <source>The token was refused: %1. Enter a valid token in File → Connect… and connect again.</source>
        <translation>Das Token wurde abgelehnt: %1. Geben Sie unter Datei → Verbinden… ein gültiges Token ein und verbinden Sie sich neu.</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="361"/>
        <location filename="../services/private/convert.cpp" line="364"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="363"/>
        <source>Permission denied: %1</source>
        <translation>Zugriff verweigert: %1</translation>
    </message>
</context>
<context>
    <name>ops::SilenceTableModel</name>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="27"/>
        <source>expired %1 ago</source>
        <translation>vor %1 abgelaufen</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="31"/>
        <source>starts in %1</source>
        <translation>beginnt in %1</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="33"/>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="66"/>
        <source>From %1 to %2</source>
        <translation>Von %1 bis %2</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="71"/>
        <source>Matches no alert platformd knows of</source>
        <translation>Erfasst keinen Alarm, den platformd kennt</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/silencetablemodel.cpp" line="72"/>
        <source>%n firing alert(s) matched</source>
        <translation>
            <numerusform>%n aktiver Alarm erfasst</numerusform>
            <numerusform>%n aktive Alarme erfasst</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="111"/>
        <source>Matchers</source>
        <translation>Matcher</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="113"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="115"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="117"/>
        <source>Matched alerts</source>
        <translation>Erfasste Alarme</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="119"/>
        <source>Creator</source>
        <translation>Ersteller</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="121"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="123"/>
        <source>Alertmanager</source>
        <translation>Alertmanager</translation>
    </message>
    <message>
        <location filename="../models/silencetablemodel.cpp" line="125"/>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
</context>
<context>
    <name>ops::StageBadgeDelegate</name>
    <message>
        <location filename="../ui/registry/registrydelegates.cpp" line="201"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
</context>
<context>
    <name>ops::StaleBanner</name>
    <message>
        <location filename="../ui/common/stalebanner.cpp" line="48"/>
        <source>Stale since %1 — reconnecting</source>
        <translation>Veraltet seit %1 — verbinde neu</translation>
    </message>
    <message>
        <location filename="../ui/common/stalebanner.cpp" line="49"/>
        <source>Stale since %1 — not retrying: reconnect with File → Connect…</source>
        <translation>Veraltet seit %1 — kein neuer Versuch: über Datei → Verbinden… neu verbinden</translation>
    </message>
    <message>
        <location filename="../ui/common/stalebanner.cpp" line="52"/>
        <source>No data or heartbeat from platformd since %1. The values below are dimmed until the stream is live again.</source>
        <translation>Seit %1 keine Daten und kein Lebenszeichen von platformd. Die Werte unten sind abgeblendet, bis der Datenstrom wieder läuft.</translation>
    </message>
</context>
<context>
    <name>ops::TimeSeriesChart</name>
    <message>
        <location filename="../ui/regiondetail/timeserieschart.cpp" line="155"/>
        <source>%1 — %2: %3</source>
        <translation>%1 — %2: %3</translation>
    </message>
</context>
<context>
    <name>ops::TimelineStrip</name>
    <message>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="53"/>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="169"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="65"/>
        <source>Failover to %1</source>
        <translation>Failover nach %1</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="66"/>
        <source>Failover from %1</source>
        <translation>Failover von %1</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="67"/>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="84"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="95"/>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="128"/>
        <source>Failovers</source>
        <translation>Failovers</translation>
    </message>
    <message>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="95"/>
        <location filename="../ui/regiondetail/timelinestrip.cpp" line="128"/>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
</context>
<context>
    <name>ops::TokenStore</name>
    <message>
        <location filename="../services/tokenstore.cpp" line="56"/>
        <source>Cannot create the token directory %1.</source>
        <translation>Das Token-Verzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../services/tokenstore.cpp" line="62"/>
        <location filename="../services/tokenstore.cpp" line="71"/>
        <source>Cannot save the token of “%1”: %2</source>
        <translation>Das Token von „%1“ kann nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <location filename="../services/tokenstore.cpp" line="67"/>
        <source>Cannot restrict the permissions of the token file of “%1”.</source>
        <translation>Die Rechte der Token-Datei von „%1“ können nicht eingeschränkt werden.</translation>
    </message>
</context>
<context>
    <name>ops::UnitCostTableModel</name>
    <message>
        <location filename="../models/costtablemodels.cpp" line="281"/>
        <source>untagged version</source>
        <translation>Version ohne Tag</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="285"/>
        <source>no inferences</source>
        <translation>keine Inferenzen</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="304"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="305"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="306"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="307"/>
        <source>Inferences</source>
        <translation>Inferenzen</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="308"/>
        <source>Per 1,000 inferences</source>
        <translation>Je 1.000 Inferenzen</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="309"/>
        <source>GPU cost</source>
        <translation>GPU-Kosten</translation>
    </message>
    <message>
        <location filename="../models/costtablemodels.cpp" line="310"/>
        <source>GPU utilisation</source>
        <translation>GPU-Auslastung</translation>
    </message>
</context>
<context>
    <name>ops::VersionTableModel</name>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="144"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="146"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="148"/>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="150"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="152"/>
        <source>Aliases</source>
        <translation>Aliasse</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="154"/>
        <source>Metric</source>
        <translation>Metrik</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="156"/>
        <source>Framework</source>
        <translation>Framework</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="158"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="160"/>
        <source>Created by</source>
        <translation>Erstellt von</translation>
    </message>
    <message>
        <location filename="../models/versiontablemodel.cpp" line="162"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>ops::WorldMapWidget</name>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="15"/>
        <source>p95 %1 ms · error rate %2 · availability %3</source>
        <translation>p95 %1 ms · Fehlerrate %2 · Verfügbarkeit %3</translation>
    </message>
    <message>
        <location filename="../ui/map/worldmapwidget.cpp" line="50"/>
        <source>World map of regions and edge nodes</source>
        <translation>Weltkarte der Regionen und Edge-Knoten</translation>
    </message>
    <message>
        <location filename="../ui/map/worldmapwidget.cpp" line="61"/>
        <source>Zoom in (+)</source>
        <translation>Vergrößern (+)</translation>
    </message>
    <message>
        <location filename="../ui/map/worldmapwidget.cpp" line="62"/>
        <source>Zoom out (−)</source>
        <translation>Verkleinern (−)</translation>
    </message>
    <message>
        <location filename="../ui/map/worldmapwidget.cpp" line="63"/>
        <source>Fit</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../ui/map/worldmapwidget.cpp" line="63"/>
        <source>Fit the map to the data (F)</source>
        <translation>Karte an die Daten anpassen (F)</translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="27"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — region %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Region %2</translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="32"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — edge node %2 of %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — Edge-Knoten %2 von %3</translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="35"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — edge node %3 of %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) — Edge-Knoten %3 von %4</translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="41"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map/maptooltips.cpp" line="50"/>
        <source>%n edge node(s) here (zoom in to see them)</source>
        <translation>
            <numerusform>%n Edge-Knoten hier (hineinzoomen, um ihn zu sehen)</numerusform>
            <numerusform>%n Edge-Knoten hier (hineinzoomen, um sie zu sehen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map/maptooltips.cpp" line="66"/>
        <source>&lt;b&gt;%n edge node(s)&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n Edge-Knoten&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n Edge-Knoten&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="56"/>
        <location filename="../ui/map/maptooltips.cpp" line="71"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="76"/>
        <source>Double-click to zoom in</source>
        <translation>Doppelklicken zum Vergrößern</translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="82"/>
        <source>&lt;b&gt;Failover&lt;/b&gt; %1 → %2</source>
        <translation>&lt;b&gt;Failover&lt;/b&gt; %1 → %2</translation>
    </message>
    <message>
        <location filename="../ui/map/maptooltips.cpp" line="85"/>
        <source>%1 of the traffic since %2</source>
        <translation>%1 des Traffics seit %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map/mapoverlay.cpp" line="188"/>
        <location filename="../ui/map/worldmapwidget.cpp" line="294"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n Region</numerusform>
            <numerusform>%n Regionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/map/mapoverlay.cpp" line="190"/>
        <location filename="../ui/map/worldmapwidget.cpp" line="295"/>
        <source>%n edge node(s)</source>
        <translation>
            <numerusform>%n Edge-Knoten</numerusform>
            <numerusform>%n Edge-Knoten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/map/worldmapwidget.cpp" line="307"/>
        <source>Waiting for regions…</source>
        <translation>Warte auf Regionen…</translation>
    </message>
    <message>
        <location filename="../ui/map/worldmapwidget.cpp" line="309"/>
        <source>No regions to show</source>
        <translation>Keine Regionen anzuzeigen</translation>
    </message>
    <message>
        <location filename="../ui/map/mapoverlay.cpp" line="192"/>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
    <message>
        <location filename="../ui/map/mapoverlay.cpp" line="242"/>
        <source>Edge nodes (ring: their states)</source>
        <translation>Edge-Knoten (Ring: ihre Zustände)</translation>
    </message>
    <message>
        <location filename="../ui/map/mapoverlay.cpp" line="243"/>
        <source>Active failover</source>
        <translation>Aktiver Failover</translation>
    </message>
</context>
<context>
    <name>ops::compliancereport</name>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="44"/>
        <source>Scores</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="45"/>
        <source>Score trend</source>
        <translation>Bewertungsverlauf</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="46"/>
        <source>Controls</source>
        <translation>Kontrollen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="47"/>
        <source>Findings</source>
        <translation>Feststellungen</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="48"/>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="49"/>
        <source>Audit chain verification</source>
        <translation>Prüfung der Audit-Kette</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="50"/>
        <source>Sign-off</source>
        <translation>Abnahme</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="59"/>
        <location filename="../ui/compliance/compliancereport.cpp" line="181"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="69"/>
        <source>Compliance report: %1</source>
        <translation>Compliance-Bericht: %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="78"/>
        <source>Could not write %1: the PDF could not be started</source>
        <translation>%1 konnte nicht geschrieben werden: das PDF konnte nicht begonnen werden</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="90"/>
        <source>Period %1 to %2</source>
        <translation>Zeitraum %1 bis %2</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="96"/>
        <source>Generated %1 UTC from %2 by %3</source>
        <translation>Erstellt %1 UTC aus %2 von %3</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="102"/>
        <source>%1: %2 of %3 requirements satisfied by passing controls (%4). %5 open findings.</source>
        <translation>%1: %2 von %3 Anforderungen durch bestandene Kontrollen erfüllt (%4). %5 offene Feststellungen.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="114"/>
        <source>Requirements cited from: %1</source>
        <translation>Anforderungen zitiert aus: %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="130"/>
        <source>No findings in the period.</source>
        <translation>Keine Feststellungen im Zeitraum.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="139"/>
        <source>No evidence recorded in the period.</source>
        <translation>Keine Nachweise im Zeitraum erfasst.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="153"/>
        <source>I have reviewed this report and confirm that it reflects the compliance status of the platform for the period stated.</source>
        <translation>Ich habe diesen Bericht geprüft und bestätige, dass er den Compliance-Status der Plattform für den angegebenen Zeitraum wiedergibt.</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="159"/>
        <source>Prepared by: %1</source>
        <translation>Erstellt von: %1</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="163"/>
        <source>Compliance officer (name):</source>
        <translation>Compliance-Beauftragte/r (Name):</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="165"/>
        <source>Signature:</source>
        <translation>Unterschrift:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="167"/>
        <source>Date:</source>
        <translation>Datum:</translation>
    </message>
    <message>
        <location filename="../ui/compliance/compliancereport.cpp" line="173"/>
        <source>Could not write %1: the PDF could not be finished</source>
        <translation>%1 konnte nicht geschrieben werden: das PDF konnte nicht abgeschlossen werden</translation>
    </message>
</context>
<context>
    <name>ops::costreport</name>
    <message>
        <location filename="../ui/cost/costreport.cpp" line="21"/>
        <location filename="../ui/cost/costreport.cpp" line="87"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/cost/costreport.cpp" line="36"/>
        <source>Could not write %1: the PDF could not be started</source>
        <translation>%1 konnte nicht geschrieben werden: Das PDF ließ sich nicht beginnen</translation>
    </message>
    <message>
        <location filename="../ui/cost/costreport.cpp" line="45"/>
        <source>Generated %1 UTC</source>
        <translation>Erstellt %1 UTC</translation>
    </message>
    <message>
        <location filename="../ui/cost/costreport.cpp" line="60"/>
        <source>Cost by group</source>
        <translation>Kosten nach Gruppe</translation>
    </message>
    <message>
        <location filename="../ui/cost/costreport.cpp" line="65"/>
        <source>Budgets</source>
        <translation>Budgets</translation>
    </message>
    <message>
        <location filename="../ui/cost/costreport.cpp" line="70"/>
        <source>Recommendations (estimated monthly saving %1)</source>
        <translation>Empfehlungen (geschätzte monatliche Ersparnis %1)</translation>
    </message>
    <message>
        <location filename="../ui/cost/costreport.cpp" line="79"/>
        <source>Could not write %1: the PDF could not be finished</source>
        <translation>%1 konnte nicht geschrieben werden: Das PDF ließ sich nicht abschließen</translation>
    </message>
</context>
<context>
    <name>ops::csv</name>
    <message>
        <location filename="../ui/registry/csvexport.cpp" line="60"/>
        <location filename="../ui/registry/csvexport.cpp" line="67"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ops::kpi</name>
    <message>
        <location filename="../ui/kpi/kpievaluation.cpp" line="75"/>
        <source>Met</source>
        <translation>Erfüllt</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpievaluation.cpp" line="77"/>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpievaluation.cpp" line="79"/>
        <source>Missed</source>
        <translation>Verfehlt</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpievaluation.cpp" line="81"/>
        <source>No target</source>
        <translation>Kein Ziel</translation>
    </message>
    <message>
        <location filename="../ui/kpi/kpievaluation.cpp" line="85"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
</context>
<context>
    <name>ops::percentText</name>
    <message>
        <location filename="../models/percenttext.cpp" line="11"/>
        <source>%1 %</source>
        <extracomment>A percentage: the number, then the sign (in English and German with a space between).</extracomment>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ops::slo</name>
    <message>
        <location filename="../models/slo.cpp" line="26"/>
        <source>The SLO target is not a number</source>
        <translation>Das SLO-Ziel ist keine Zahl</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="28"/>
        <source>The SLO target %1 leaves no error budget: it must be below 100 %</source>
        <translation>Das SLO-Ziel %1 lässt kein Fehlerbudget übrig: es muss unter 100 % liegen</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="32"/>
        <source>The SLO target %1 must be above 0 %</source>
        <translation>Das SLO-Ziel %1 muss über 0 % liegen</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="153"/>
        <source>Page</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="154"/>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="161"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="163"/>
        <source>Firing</source>
        <translation>Ausgelöst</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="167"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="173"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="175"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../models/slo.cpp" line="176"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
</TS>
