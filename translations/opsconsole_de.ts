<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>ops::ActivityPanel</name>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22"/>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="78"/>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="79"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::Application</name>
    <message>
        <location filename="../app/application.cpp" line="75"/>
        <location filename="../app/application.cpp" line="160"/>
        <source>Embedded demo platform</source>
        <translation>Eingebettete Demo-Plattform</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="81"/>
        <source>Embedded platform failed</source>
        <translation>Eingebettete Plattform fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="85"/>
        <source>Embedded platform stopped</source>
        <translation>Eingebettete Plattform beendet</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="166"/>
        <source>Starting the embedded demo platform…</source>
        <translation>Eingebettete Demo-Plattform wird gestartet …</translation>
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
        <location filename="../services/auditclient.cpp" line="305"/>
        <source>Could not list the audit log of %1: %2</source>
        <translation>Das Audit-Protokoll von %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="389"/>
        <source>Lost the live audit log of %1: %2</source>
        <translation>Die Live-Verbindung zum Audit-Protokoll von %1 ist abgebrochen: %2</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="486"/>
        <location filename="../services/auditclient.cpp" line="514"/>
        <source>Not connected to platformd.</source>
        <translation>Nicht mit platformd verbunden.</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="500"/>
        <source>Could not search the audit log: %1</source>
        <translation>Das Audit-Protokoll konnte nicht durchsucht werden: %1</translation>
    </message>
    <message>
        <location filename="../services/auditclient.cpp" line="537"/>
        <source>platformd could not verify its audit chain: %1</source>
        <translation>platformd konnte seine Audit-Kette nicht prüfen: %1</translation>
    </message>
</context>
<context>
    <name>ops::AuditPanel</name>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="55"/>
        <source>Verify on server</source>
        <translation>Auf dem Server prüfen</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="70"/>
        <source>Filter actor, action, resource, result…</source>
        <translation>Akteur, Aktion, Ressource, Ergebnis filtern…</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="75"/>
        <source>Server filter, e.g. result != &quot;OK&quot;</source>
        <translation>Serverfilter, z. B. result != &quot;OK&quot;</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="77"/>
        <source>An AIP-160 filter sent to platformd (ListAuditEvents). Press Enter to apply; clear it to show every entry.</source>
        <translation>Ein AIP-160-Filter, der an platformd geschickt wird (ListAuditEvents). Mit Eingabe anwenden; leeren, um alle Einträge zu zeigen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="83"/>
        <source>Ask platformd to verify the whole chain and compare its verdict with the console&apos;s.</source>
        <translation>platformd die ganze Kette prüfen lassen und sein Urteil mit dem der Konsole vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="202"/>
        <source>Ask platformd to verify the whole chain.</source>
        <translation>platformd die ganze Kette prüfen lassen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="217"/>
        <source>Chain not checked</source>
        <translation>Kette nicht geprüft</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="260"/>
        <source>%n denied</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="294"/>
        <source>Server filter: %1</source>
        <translation>Serverfilter: %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="311"/>
        <source>Asking platformd to verify its chain…</source>
        <translation>platformd prüft seine Kette…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/audit/auditpanel.cpp" line="320"/>
        <source>platformd: chain intact (%n entries checked).</source>
        <translation>
            <numerusform>platformd: Kette intakt (%n Eintrag geprüft).</numerusform>
            <numerusform>platformd: Kette intakt (%n Einträge geprüft).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="322"/>
        <source>platformd: chain broken at seq %1: %2.</source>
        <translation>platformd: Kette bei Seq %1 gebrochen: %2.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="328"/>
        <source>The verdicts DISAGREE: the console says %1.</source>
        <translation>Die Urteile WIDERSPRECHEN sich: die Konsole sagt %1.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="329"/>
        <source>intact</source>
        <translation>intakt</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="329"/>
        <source>broken at seq %1</source>
        <translation>gebrochen bei Seq %1</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="331"/>
        <source>Both find the chain broken; the console first at seq %1.</source>
        <translation>Beide finden die Kette gebrochen; die Konsole zuerst bei Seq %1.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="334"/>
        <source>The console agrees.</source>
        <translation>Die Konsole stimmt zu.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="370"/>
        <source>Checking what you may see…</source>
        <translation>Prüfe, was Sie sehen dürfen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="372"/>
        <source>The audit log needs the permission audit.read, which your roles do not grant. Compliance officers and administrators have it; ask one of them to grant you the role, or connect with their token.</source>
        <translation>Das Audit-Protokoll erfordert die Berechtigung audit.read, die Ihre Rollen nicht gewähren. Compliance-Beauftragte und Administratoren haben sie; bitten Sie eine dieser Personen, Ihnen die Rolle zu geben, oder verbinden Sie sich mit deren Token.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="376"/>
        <source>No audit log: the request failed.</source>
        <translation>Kein Audit-Protokoll: die Anfrage ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="377"/>
        <source>Loading the audit log…</source>
        <translation>Audit-Protokoll wird geladen…</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="379"/>
        <source>The audit log is empty.</source>
        <translation>Das Audit-Protokoll ist leer.</translation>
    </message>
    <message>
        <location filename="../ui/audit/auditpanel.cpp" line="381"/>
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
    <name>ops::CloudProvider</name>
    <message>
        <location filename="../models/region.cpp" line="47"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
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
        <location filename="../services/connection.cpp" line="131"/>
        <source>Idle</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="133"/>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="135"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="137"/>
        <source>Connection failed, retrying</source>
        <translation>Verbindung fehlgeschlagen, neuer Versuch</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="141"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="167"/>
        <source>Cannot connect to %1: the %2 %3 cannot be read: %4</source>
        <translation>Keine Verbindung zu %1 möglich: %2 %3 kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="174"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="175"/>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="176"/>
        <source>client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="195"/>
        <source>Cannot connect to %1: the channel cannot be created</source>
        <translation>Keine Verbindung zu %1 möglich: der Kanal kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>ops::ConnectionDialog</name>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="46"/>
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="51"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="55"/>
        <source>Connect to platformd</source>
        <translation>Mit platformd verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="62"/>
        <source>Embedded demo platform</source>
        <translation>Eingebettete Demo-Plattform</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="66"/>
        <source>&amp;New profile</source>
        <translation>&amp;Neues Profil</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="76"/>
        <source>Starts a local platformd with simulated demo data and connects to it. Nothing leaves this computer.</source>
        <translation>Startet ein lokales platformd mit simulierten Demodaten und verbindet sich damit. Nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="79"/>
        <source>e.g. Production EU</source>
        <translation>z. B. Produktion EU</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="80"/>
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="81"/>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="84"/>
        <source>opt_…  (from “platformd token create”)</source>
        <translation>opt_…  (von „platformd token create“)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="86"/>
        <location filename="../ui/connection/connectiondialog.cpp" line="97"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="88"/>
        <source>Show or hide the token</source>
        <translation>Token zeigen oder verbergen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="97"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="99"/>
        <source>Encrypt the connection and verify the server certificate.</source>
        <translation>Die Verbindung verschlüsseln und das Serverzertifikat prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="102"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="103"/>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="104"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="106"/>
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="107"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="107"/>
        <location filename="../ui/connection/connectiondialog.cpp" line="110"/>
        <source>PEM files (*.pem *.crt)</source>
        <translation>PEM-Dateien (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="108"/>
        <source>Client c&amp;ertificate:</source>
        <translation>Client-Z&amp;ertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="109"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="111"/>
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="112"/>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="112"/>
        <source>PEM files (*.pem *.key)</source>
        <translation>PEM-Dateien (*.pem *.key)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="113"/>
        <source>The token is kept in a file only you can read, never in the settings. Keys stay where they are: only their paths are saved.</source>
        <translation>Das Token liegt in einer Datei, die nur Sie lesen können, nie in den Einstellungen. Schlüssel bleiben, wo sie sind: nur ihre Pfade werden gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="306"/>
        <source>The CA certificate</source>
        <translation>Das CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="307"/>
        <source>The client certificate</source>
        <translation>Das Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="308"/>
        <source>The client key</source>
        <translation>Der Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="316"/>
        <source>%1 “%2” does not exist.</source>
        <translation>%1 „%2“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="320"/>
        <source>%1 “%2” cannot be read.</source>
        <translation>%1 „%2“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="325"/>
        <source>Without TLS the token would cross the network in clear: turn on TLS for endpoints other than this computer.</source>
        <translation>Ohne TLS ginge das Token im Klartext über das Netz: schalten Sie TLS für Endpunkte außerhalb dieses Computers ein.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="340"/>
        <source>The token is incomplete or damaged: check that it was copied whole.</source>
        <translation>Das Token ist unvollständig oder beschädigt: prüfen Sie, ob es ganz kopiert wurde.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="341"/>
        <source>A token looks like opt_&lt;id&gt;_&lt;secret&gt;, as printed by “platformd token create”.</source>
        <translation>Ein Token sieht aus wie opt_&lt;id&gt;_&lt;secret&gt;, wie es „platformd token create“ ausgibt.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="136"/>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="178"/>
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="179"/>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="216"/>
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="277"/>
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="286"/>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="291"/>
        <source>Another profile is already called “%1”.</source>
        <translation>Es gibt bereits ein Profil namens „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="302"/>
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation>Ein Client-Zertifikat braucht seinen Schlüssel und ein Schlüssel sein Zertifikat.</translation>
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
        <location filename="../app/embeddedplatform.cpp" line="150"/>
        <source>The embedded demo platform did not start. %1</source>
        <translation>Die eingebettete Demo-Plattform ist nicht gestartet. %1</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="151"/>
        <source>The embedded demo platform did not start. %1

Last output of platformd:
%2</source>
        <translation>Die eingebettete Demo-Plattform ist nicht gestartet. %1

Letzte Ausgabe von platformd:
%2</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="164"/>
        <source>platformd crashed.</source>
        <translation>platformd ist abgestürzt.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="165"/>
        <source>platformd exited with code %1.</source>
        <translation>platformd wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="173"/>
        <source>The embedded demo platform stopped: %1</source>
        <translation>Die eingebettete Demo-Plattform wurde beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="174"/>
        <source>The embedded demo platform stopped: %1

Last output of platformd:
%2</source>
        <translation>Die eingebettete Demo-Plattform wurde beendet: %1

Letzte Ausgabe von platformd:
%2</translation>
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
        <location filename="../services/identityclient.cpp" line="87"/>
        <source>Could not ask platformd who you are: %1</source>
        <translation>platformd konnte nicht gefragt werden, wer Sie sind: %1</translation>
    </message>
</context>
<context>
    <name>ops::ListJob</name>
    <message>
        <location filename="../services/regionclient.cpp" line="179"/>
        <source>the regions</source>
        <translation>die Regionen</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="198"/>
        <source>the components</source>
        <translation>die Komponenten</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="219"/>
        <source>the edge nodes</source>
        <translation>die Edge-Knoten</translation>
    </message>
</context>
<context>
    <name>ops::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="49"/>
        <source>opsconsole</source>
        <translation>opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="57"/>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="59"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="63"/>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="76"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="77"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="79"/>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="82"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="88"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="97"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="101"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="102"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="103"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="116"/>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="120"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="121"/>
        <source>&amp;About opsconsole</source>
        <translation>&amp;Über opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="124"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="145"/>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="255"/>
        <source>last event %1 s ago (stale)</source>
        <translation>letztes Ereignis vor %1 s (veraltet)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="147"/>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="277"/>
        <source>RTT %1 ms</source>
        <translation>RTT %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="196"/>
        <source>Signed in as %1 with token %2. Permissions: %3</source>
        <translation>Angemeldet als %1 mit Token %2. Berechtigungen: %3</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="198"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="201"/>
        <source>not signed in</source>
        <translation>nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="217"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="218"/>
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="251"/>
        <source>no events yet</source>
        <translation>noch keine Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="256"/>
        <source>last event %1 s ago</source>
        <translation>letztes Ereignis vor %1 s</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="268"/>
        <source>No change or heartbeat from platformd for more than %1 seconds.</source>
        <translation>Seit mehr als %1 Sekunden keine Änderung und kein Lebenszeichen von platformd.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="270"/>
        <source>Time since the last change or heartbeat from platformd.</source>
        <translation>Zeit seit der letzten Änderung oder dem letzten Lebenszeichen von platformd.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="277"/>
        <source>RTT –</source>
        <translation>RTT –</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="371"/>
        <source>About opsconsole</source>
        <translation>Über opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="372"/>
        <source>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Operations console for a multi-cloud AI platform.&lt;/p&gt;&lt;p&gt;Watches regions, components and their health as platformd streams them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole für eine Multi-Cloud-KI-Plattform.&lt;/p&gt;&lt;p&gt;Überwacht Regionen, Komponenten und ihren Zustand, wie platformd sie live liefert.&lt;/p&gt;</translation>
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
    <name>ops::ProfileStore</name>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="123"/>
        <source>Enter an endpoint as host:port.</source>
        <translation>Geben Sie einen Endpunkt als host:port ein.</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="126"/>
        <source>“%1” is not host:port (for example platform.example.com:7443).</source>
        <translation>„%1“ ist nicht im Format host:port (zum Beispiel platform.example.com:7443).</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="130"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
</context>
<context>
    <name>ops::RegionClient</name>
    <message>
        <location filename="../services/regionclient.cpp" line="387"/>
        <source>Could not list %1 from %2: %3</source>
        <translation>%1 konnten nicht von %2 abgerufen werden: %3</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="492"/>
        <source>Lost the live updates from %1: %2</source>
        <translation>Live-Aktualisierungen von %1 unterbrochen: %2</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="597"/>
        <source>Could not load the metrics of %1: not connected to platformd</source>
        <translation>Die Metriken von %1 konnten nicht geladen werden: keine Verbindung zu platformd</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="622"/>
        <source>Could not load the metrics of %1: %2</source>
        <translation>Die Metriken von %1 konnten nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>ops::RegionTreeModel</name>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="68"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="73"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="80"/>
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="82"/>
        <source>%1 k req/s</source>
        <translation>%1 Tsd. Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="83"/>
        <source>%1 M req/s</source>
        <translation>%1 Mio. Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="326"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="328"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="330"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="332"/>
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="334"/>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="336"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="338"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="340"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::RegionsPanel</name>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="57"/>
        <source>Filter regions and components…</source>
        <translation>Regionen und Komponenten filtern …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="75"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="263"/>
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n Region</numerusform>
            <numerusform>%n Regionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="265"/>
        <source>%n degraded</source>
        <translation>
            <numerusform>%n beeinträchtigt</numerusform>
            <numerusform>%n beeinträchtigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="267"/>
        <source>%n down</source>
        <translation>
            <numerusform>%n ausgefallen</numerusform>
            <numerusform>%n ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="269"/>
        <source>%n in maintenance</source>
        <translation>
            <numerusform>%n in Wartung</numerusform>
            <numerusform>%n in Wartung</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="271"/>
        <source>%n unknown</source>
        <translation>
            <numerusform>%n unbekannt</numerusform>
            <numerusform>%n unbekannt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="280"/>
        <source>No regions</source>
        <translation>Keine Regionen</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="282"/>
        <source>No data: the connection failed.</source>
        <translation>Keine Daten: Die Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="285"/>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="285"/>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="288"/>
        <source>No regions match “%1”</source>
        <translation>Keine Region passt zu „%1“</translation>
    </message>
</context>
<context>
    <name>ops::RpcStatus</name>
    <message>
        <location filename="../services/private/convert.cpp" line="205"/>
        <source>platformd is not reachable</source>
        <translation>platformd ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="208"/>
        <source>platformd did not answer in time</source>
        <translation>platformd hat nicht rechtzeitig geantwortet</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="211"/>
        <source>the request was cancelled</source>
        <translation>die Anfrage wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="214"/>
        <source>you are not signed in</source>
        <translation>Sie sind nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="217"/>
        <source>you lack the permission</source>
        <translation>Ihnen fehlt die Berechtigung</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="220"/>
        <source>it does not exist</source>
        <translation>es existiert nicht</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="223"/>
        <source>the request was invalid</source>
        <translation>die Anfrage war ungültig</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="226"/>
        <source>this platformd does not support it</source>
        <translation>dieser platformd unterstützt das nicht</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="229"/>
        <source>platformd is overloaded or the answer is too large</source>
        <translation>platformd ist überlastet oder die Antwort ist zu groß</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="233"/>
        <source>platformd reported an error (code %1)</source>
        <translation>platformd hat einen Fehler gemeldet (Code %1)</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="239"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="294"/>
        <source>The token was refused: %1. Enter a valid token in File → Connect… and connect again.</source>
        <translation>Das Token wurde abgelehnt: %1. Geben Sie unter Datei → Verbinden… ein gültiges Token ein und verbinden Sie sich neu.</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="297"/>
        <location filename="../services/private/convert.cpp" line="300"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <location filename="../services/private/convert.cpp" line="299"/>
        <source>Permission denied: %1</source>
        <translation>Zugriff verweigert: %1</translation>
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
</TS>
