<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="68" />
        <source>Operations console for a multi-cloud AI platform.</source>
        <translation>Betriebskonsole für eine Multi-Cloud-KI-Plattform.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="73" />
        <source>Connect to platformd at HOST:PORT instead of starting the embedded demo platform.</source>
        <translation>Mit platformd unter HOST:PORT verbinden, statt die eingebettete Demo-Plattform zu starten.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="78" />
        <source>Save a PNG of the window to PATH once live data is shown, then exit.</source>
        <translation>Ein PNG des Fensters unter PATH speichern, sobald Live-Daten angezeigt werden, und dann beenden.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="83" />
        <source>User interface language, e.g. de or en.</source>
        <translation>Sprache der Benutzeroberfläche, z. B. de oder en.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="87" />
        <source>The platformd binary for the embedded demo platform.</source>
        <translation>Das platformd-Programm für die eingebettete Demo-Plattform.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="91" />
        <source>Directory for settings, logs and the embedded platform's data.</source>
        <translation>Verzeichnis für Einstellungen, Protokolle und die Daten der eingebetteten Plattform.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="96" />
        <source>Start with the default window layout.</source>
        <translation>Mit der Standard-Fensteranordnung starten.</translation>
    </message>
    <message>
        <location filename="../app/main.cpp" line="98" />
        <source>Use the dark theme.</source>
        <translation>Das dunkle Design verwenden.</translation>
    </message>
</context>
<context>
    <name>ops::ActivityPanel</name>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22" />
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22" />
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22" />
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="22" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="78" />
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/activity/activitypanel.cpp" line="79" />
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::Application</name>
    <message>
        <location filename="../app/application.cpp" line="63" />
        <location filename="../app/application.cpp" line="134" />
        <source>Embedded demo platform</source>
        <translation>Eingebettete Demo-Plattform</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="68" />
        <source>Embedded platform failed</source>
        <translation>Eingebettete Plattform fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="72" />
        <source>Embedded platform stopped</source>
        <translation>Eingebettete Plattform beendet</translation>
    </message>
    <message>
        <location filename="../app/application.cpp" line="139" />
        <source>Starting the embedded demo platform…</source>
        <translation>Eingebettete Demo-Plattform wird gestartet …</translation>
    </message>
</context>
<context>
    <name>ops::CloudProvider</name>
    <message>
        <location filename="../models/region.cpp" line="47" />
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ops::ComponentKind</name>
    <message>
        <location filename="../models/region.cpp" line="54" />
        <source>API gateway</source>
        <translation>API-Gateway</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="56" />
        <source>Model serving</source>
        <translation>Modellbereitstellung</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="58" />
        <source>Kafka</source>
        <translation>Kafka</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="60" />
        <source>Spark</source>
        <translation>Spark</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="62" />
        <source>Airflow</source>
        <translation>Airflow</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="64" />
        <source>Flink</source>
        <translation>Flink</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="66" />
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="68" />
        <source>CDN</source>
        <translation>CDN</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="72" />
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ops::Connection</name>
    <message>
        <location filename="../services/connection.cpp" line="131" />
        <source>Idle</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="133" />
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="135" />
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="137" />
        <source>Connection failed, retrying</source>
        <translation>Verbindung fehlgeschlagen, neuer Versuch</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="141" />
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="167" />
        <source>Cannot connect to %1: the %2 %3 cannot be read: %4</source>
        <translation>Keine Verbindung zu %1 möglich: %2 %3 kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="174" />
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="175" />
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="176" />
        <source>client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../services/connection.cpp" line="195" />
        <source>Cannot connect to %1: the channel cannot be created</source>
        <translation>Keine Verbindung zu %1 möglich: der Kanal kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>ops::ConnectionDialog</name>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="35" />
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="40" />
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="44" />
        <source>Connect to platformd</source>
        <translation>Mit platformd verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="51" />
        <source>Embedded demo platform</source>
        <translation>Eingebettete Demo-Plattform</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="55" />
        <source>&amp;New profile</source>
        <translation>&amp;Neues Profil</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="65" />
        <source>Starts a local platformd with simulated demo data and connects to it. Nothing leaves this computer.</source>
        <translation>Startet ein lokales platformd mit simulierten Demodaten und verbindet sich damit. Nichts verlässt diesen Computer.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="68" />
        <source>e.g. Production EU</source>
        <translation>z. B. Produktion EU</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="69" />
        <source>host:port</source>
        <translation>host:port</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="70" />
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="71" />
        <source>Encrypt the connection and verify the server certificate.</source>
        <translation>Die Verbindung verschlüsseln und das Serverzertifikat prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="74" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="75" />
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="77" />
        <source>&amp;CA certificate:</source>
        <translation>&amp;CA-Zertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="78" />
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="78" />
        <location filename="../ui/connection/connectiondialog.cpp" line="81" />
        <source>PEM files (*.pem *.crt)</source>
        <translation>PEM-Dateien (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="79" />
        <source>Client c&amp;ertificate:</source>
        <translation>Client-Z&amp;ertifikat:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="80" />
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="82" />
        <source>Client &amp;key:</source>
        <translation>Client-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="83" />
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="83" />
        <source>PEM files (*.pem *.key)</source>
        <translation>PEM-Dateien (*.pem *.key)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="84" />
        <source>Only file paths are saved; keys and tokens are never stored.</source>
        <translation>Gespeichert werden nur Dateipfade; Schlüssel und Tokens werden nie gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="106" />
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="148" />
        <source>…</source>
        <translation>…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="149" />
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="186" />
        <source>Profile %1</source>
        <translation>Profil %1</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="244" />
        <source>(unnamed)</source>
        <translation>(unbenannt)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="253" />
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="258" />
        <source>Another profile is already called “%1”.</source>
        <translation>Es gibt bereits ein Profil namens „%1“.</translation>
    </message>
    <message>
        <location filename="../ui/connection/connectiondialog.cpp" line="266" />
        <source>A client certificate needs its key, and a key its certificate.</source>
        <translation>Ein Client-Zertifikat braucht seinen Schlüssel und ein Schlüssel sein Zertifikat.</translation>
    </message>
</context>
<context>
    <name>ops::EmbeddedPlatform</name>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="25" />
        <source>platformd did not report its address within %1 s.</source>
        <translation>platformd hat seine Adresse nicht innerhalb von %1 s gemeldet.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="60" />
        <source>platformd was not found next to opsconsole or on PATH.</source>
        <translation>platformd wurde weder neben opsconsole noch im PATH gefunden.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="68" />
        <source>Cannot create the data directory %1.</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="78" />
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="149" />
        <source>The embedded demo platform did not start. %1</source>
        <translation>Die eingebettete Demo-Plattform ist nicht gestartet. %1</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="150" />
        <source>The embedded demo platform did not start. %1

Last output of platformd:
%2</source>
        <translation>Die eingebettete Demo-Plattform ist nicht gestartet. %1

Letzte Ausgabe von platformd:
%2</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="163" />
        <source>platformd crashed.</source>
        <translation>platformd ist abgestürzt.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="164" />
        <source>platformd exited with code %1.</source>
        <translation>platformd wurde mit Code %1 beendet.</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="172" />
        <source>The embedded demo platform stopped: %1</source>
        <translation>Die eingebettete Demo-Plattform wurde beendet: %1</translation>
    </message>
    <message>
        <location filename="../app/embeddedplatform.cpp" line="173" />
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
        <location filename="../models/region.cpp" line="21" />
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="23" />
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="25" />
        <source>Down</source>
        <translation>Ausgefallen</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="27" />
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location filename="../models/region.cpp" line="31" />
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ops::ListJob</name>
    <message>
        <location filename="../services/regionclient.cpp" line="177" />
        <source>the regions</source>
        <translation>die Regionen</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="196" />
        <source>the components</source>
        <translation>die Komponenten</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="217" />
        <source>the edge nodes</source>
        <translation>die Edge-Knoten</translation>
    </message>
</context>
<context>
    <name>ops::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="45" />
        <source>opsconsole</source>
        <translation>opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="53" />
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="55" />
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="68" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="69" />
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="71" />
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="74" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="80" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="89" />
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="93" />
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="94" />
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="95" />
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="108" />
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="112" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="113" />
        <source>&amp;About opsconsole</source>
        <translation>&amp;Über opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="116" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="135" />
        <location filename="../ui/mainwindow/mainwindow.cpp" line="211" />
        <source>last event %1 s ago (stale)</source>
        <translation>letztes Ereignis vor %1 s (veraltet)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="137" />
        <location filename="../ui/mainwindow/mainwindow.cpp" line="233" />
        <source>RTT %1 ms</source>
        <translation>RTT %1 ms</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="173" />
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="174" />
        <source>Endpoint: %1</source>
        <translation>Endpunkt: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="207" />
        <source>no events yet</source>
        <translation>noch keine Ereignisse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="212" />
        <source>last event %1 s ago</source>
        <translation>letztes Ereignis vor %1 s</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="224" />
        <source>No change or heartbeat from platformd for more than %1 seconds.</source>
        <translation>Seit mehr als %1 Sekunden keine Änderung und kein Lebenszeichen von platformd.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="226" />
        <source>Time since the last change or heartbeat from platformd.</source>
        <translation>Zeit seit der letzten Änderung oder dem letzten Lebenszeichen von platformd.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="233" />
        <source>RTT –</source>
        <translation>RTT –</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="318" />
        <source>About opsconsole</source>
        <translation>Über opsconsole</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow/mainwindow.cpp" line="319" />
        <source>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Operations console for a multi-cloud AI platform.&lt;/p&gt;&lt;p&gt;Watches regions, components and their health as platformd streams them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole für eine Multi-Cloud-KI-Plattform.&lt;/p&gt;&lt;p&gt;Überwacht Regionen, Komponenten und ihren Zustand, wie platformd sie live liefert.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ops::ProfileStore</name>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="98" />
        <source>Enter an endpoint as host:port.</source>
        <translation>Geben Sie einen Endpunkt als host:port ein.</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="101" />
        <source>“%1” is not host:port (for example platform.example.com:7443).</source>
        <translation>„%1“ ist nicht im Format host:port (zum Beispiel platform.example.com:7443).</translation>
    </message>
    <message>
        <location filename="../ui/connection/profilestore.cpp" line="105" />
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
</context>
<context>
    <name>ops::RegionClient</name>
    <message>
        <location filename="../services/regionclient.cpp" line="383" />
        <source>Could not list %1 from %2: %3</source>
        <translation>%1 konnten nicht von %2 abgerufen werden: %3</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="484" />
        <source>Lost the live updates from %1: %2</source>
        <translation>Live-Aktualisierungen von %1 unterbrochen: %2</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="581" />
        <source>Could not load the metrics of %1: not connected to platformd</source>
        <translation>Die Metriken von %1 konnten nicht geladen werden: keine Verbindung zu platformd</translation>
    </message>
    <message>
        <location filename="../services/regionclient.cpp" line="605" />
        <source>Could not load the metrics of %1: %2</source>
        <translation>Die Metriken von %1 konnten nicht geladen werden: %2</translation>
    </message>
</context>
<context>
    <name>ops::RegionTreeModel</name>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="68" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="73" />
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="80" />
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="82" />
        <source>%1 k req/s</source>
        <translation>%1 Tsd. Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="83" />
        <source>%1 M req/s</source>
        <translation>%1 Mio. Anf./s</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="326" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="328" />
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="330" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="332" />
        <source>Latency p95</source>
        <translation>Latenz p95</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="334" />
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="336" />
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="338" />
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location filename="../models/regiontreemodel.cpp" line="340" />
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>ops::RegionsPanel</name>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="53" />
        <source>Filter regions and components…</source>
        <translation>Regionen und Komponenten filtern …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="71" />
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="230" />
        <source>%n region(s)</source>
        <translation><numerusform>%n Region</numerusform><numerusform>%n Regionen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="232" />
        <source>%n degraded</source>
        <translation><numerusform>%n beeinträchtigt</numerusform><numerusform>%n beeinträchtigt</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="234" />
        <source>%n down</source>
        <translation><numerusform>%n ausgefallen</numerusform><numerusform>%n ausgefallen</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="236" />
        <source>%n in maintenance</source>
        <translation><numerusform>%n in Wartung</numerusform><numerusform>%n in Wartung</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/regions/regionspanel.cpp" line="238" />
        <source>%n unknown</source>
        <translation><numerusform>%n unbekannt</numerusform><numerusform>%n unbekannt</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="247" />
        <source>No regions</source>
        <translation>Keine Regionen</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="249" />
        <source>No data: the connection failed.</source>
        <translation>Keine Daten: Die Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="252" />
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="252" />
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <location filename="../ui/regions/regionspanel.cpp" line="255" />
        <source>No regions match “%1”</source>
        <translation>Keine Region passt zu „%1“</translation>
    </message>
</context>
</TS>
