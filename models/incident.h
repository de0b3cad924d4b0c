#pragma once

// Incidents, alerts, silences, runbooks and analytics (IncidentService,
// proto/ops/platform/v1/incidents.proto) as the console holds them: Qt types only, no protobuf.

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ops {

// The wire values; SEV1 is the most severe, so ascending order is "worst first".
enum class IncidentSeverity : quint8 { Unspecified, Sev1, Sev2, Sev3, Sev4 };
enum class IncidentState : quint8 {
    Unspecified,
    Triggered,
    Acknowledged,
    Mitigated,
    Resolved,
    Closed
};
enum class IncidentSource : quint8 { Unspecified, Alertmanager, Simulator, Manual };
enum class SilenceState : quint8 { Unspecified, Active, Pending, Expired };
enum class TimelineKind : quint8 {
    Unspecified,
    Note,
    StateChange,
    AlertFiring,
    AlertResolved,
    Assigned,
    SeverityChanged,
    Silenced,
    Postmortem,
    Updated
};

// The permissions platformd's incidents module checks (docs/SECURITY.md).
namespace incident_permissions {
inline const QString Read = QStringLiteral("incidents.read");
inline const QString Write = QStringLiteral("incidents.write");
inline const QString Close = QStringLiteral("incidents.close");
inline const QString SilencesWrite = QStringLiteral("silences.write");
inline const QString RunbooksWrite = QStringLiteral("runbooks.write");
} // namespace incident_permissions

// Translated words for the enums.
class IncidentText
{
    Q_DECLARE_TR_FUNCTIONS(ops::IncidentText)
public:
    static QString severity(IncidentSeverity severity);        // "SEV1"
    static QString severityMeaning(IncidentSeverity severity); // "Critical"
    static QString state(IncidentState state);                 // "Acknowledged"
    static QString source(IncidentSource source);              // "Alertmanager"
    static QString silenceState(SilenceState state);           // "Active"
    static QString timelineKind(TimelineKind kind);            // "Note"
    // "45s", "12m", "3h 05m", "2d 4h": a compact age or remaining time; negative shows as 0s.
    static QString duration(qint64 seconds);
};

struct IncidentAlert
{
    QString fingerprint;
    QString alertmanager; // alertmanagers/{name}
    bool firing = false;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QDateTime startsAt;
    QDateTime endsAt; // invalid while firing
    QString generatorUrl;
    QDateTime lastNotifiedTime;
    QStringList silencedBy; // silences/{alertmanager}/{id}

    QString alertName() const { return labels.value(QStringLiteral("alertname")); }
};

struct TimelineEntry
{
    qint64 seq = 0;
    QDateTime time;
    QString actor;
    TimelineKind kind = TimelineKind::Unspecified;
    QString text; // Markdown for notes
    IncidentState state = IncidentState::Unspecified;
};

struct FollowUp
{
    QString title;
    QString owner;
    QDateTime dueTime;
    bool done = false;
    QString ticketUrl;
};

struct Postmortem
{
    QString summary; // required to close
    QString impact;
    QString rootCause;
    QString resolution;
    QString lessons;
    QList<FollowUp> followUps;
    QString updatedBy;
    QDateTime updateTime;
};

struct Incident
{
    QString name; // incidents/{number}
    qint64 number = 0;
    QString title;
    QString summary;
    IncidentSeverity severity = IncidentSeverity::Unspecified;
    bool severityPinned = false;
    IncidentState state = IncidentState::Unspecified;
    IncidentSource source = IncidentSource::Unspecified;
    QString dedupKey;
    QString assignee; // users/{user}; empty: unassigned
    QString createdBy;
    QStringList regions; // regions/{region}
    QStringList models;  // models/{model}
    QMap<QString, QString> groupLabels;
    QList<IncidentAlert> alerts;
    int firingAlerts = 0;
    QDateTime triggerTime;
    QDateTime acknowledgeTime;
    QDateTime mitigateTime;
    QDateTime resolveTime;
    QDateTime closeTime;
    QString acknowledgedBy;
    QString resolvedBy;
    QList<TimelineEntry> timeline; // GetIncident only
    int timelineLength = 0;
    Postmortem postmortem;
    QStringList runbooks; // runbooks/{alertname}
    QDateTime createTime;
    QDateTime updateTime;
    qint64 revision = 0;

    bool isOpen() const
    {
        return state != IncidentState::Resolved && state != IncidentState::Closed;
    }
    // Every label of its alerts and its group labels ("alertname" → "HighLatency", …); where
    // alerts disagree the group label wins, then the first alert.
    QMap<QString, QString> allLabels() const;
};

struct SilenceMatcher
{
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true;

    // Alertmanager's notation: name="value", name!="value", name=~"re", name!~"re".
    QString text() const;
    bool matches(const QMap<QString, QString> &labels) const;
};

struct Silence
{
    QString name;         // silences/{alertmanager}/{id}
    QString alertmanager; // alertmanagers/{name}
    QString id;
    QList<SilenceMatcher> matchers;
    QDateTime startsAt;
    QDateTime endsAt;
    QString createdBy;
    QString comment;
    SilenceState state = SilenceState::Unspecified;
    QDateTime updateTime;
    QString incident; // incidents/{number} it was made for, if any
    int matchedAlerts = 0;
    qint64 revision = 0;

    QString matchersText() const; // "{alertname="X", region="eu-west"}"
};

struct AlertmanagerInfo
{
    QString name; // alertmanagers/{name}
    QString url;
    QString webhookPath;
    bool reachable = false;
    QString lastError;
    QDateTime lastSyncTime;
    QDateTime lastWebhookTime;
};

struct Runbook
{
    QString name; // runbooks/{alertname}
    QString alertName;
    QString markdown;
    QString updatedBy;
    QDateTime updateTime;
    qint64 revision = 0;
};

// Everything the incidents stream follows, as one listing.
struct IncidentSnapshot
{
    QList<Incident> incidents;
    QList<Silence> silences;
    QList<AlertmanagerInfo> alertmanagers;
    QList<Runbook> runbooks;
    qint64 revision = 0;
};

// One WatchIncidents transaction. Deleted resources are named in `deleted`.
struct IncidentChangeBatch
{
    qint64 revision = 0;
    QDateTime commitTime;
    QList<Incident> incidents;
    QList<Silence> silences;
    QList<Runbook> runbooks;
    QStringList deleted;
};

struct IncidentCount
{
    QString key; // "SEV1", "regions/eu-west", "ALERTMANAGER"
    int count = 0;
};

struct AnalyticsBucket
{
    QDateTime startTime;
    int triggered = 0;
    int resolved = 0;
    double mttaSeconds = 0; // 0: none acknowledged in the bucket
    double mttrSeconds = 0;
};

struct IncidentAnalytics
{
    QDateTime startTime;
    QDateTime endTime;
    int triggered = 0;
    int acknowledged = 0;
    int resolved = 0;
    int open = 0;
    double mttaSeconds = 0;
    double mttrSeconds = 0;
    QList<IncidentCount> bySeverity;
    QList<IncidentCount> byRegion;
    QList<IncidentCount> bySource;
    QList<AnalyticsBucket> buckets;
};

// A failed incident call: the gRPC code, platformd's message and what failed, in words.
struct IncidentError
{
    int code = 0;    // grpc::StatusCode; 0: no error
    QString message; // platformd's message
    QString text;    // user-facing: "Could not acknowledge incidents/7: …" (translated)

    bool isError() const { return code != 0; }
};

} // namespace ops

Q_DECLARE_METATYPE(ops::IncidentSnapshot)
Q_DECLARE_METATYPE(ops::IncidentChangeBatch)
Q_DECLARE_METATYPE(ops::IncidentError)
