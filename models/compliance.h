#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ops {

// The console's side of ComplianceService (proto/ops/platform/v1/compliance.proto): one set of
// platform controls mapped to the requirements of many frameworks, evidence, automated checks,
// findings and the privacy queue.

namespace compliance_permissions {
inline const QString Read = QStringLiteral("compliance.read");
inline const QString Write = QStringLiteral("compliance.write");
inline const QString ChecksRun = QStringLiteral("checks.run");
inline const QString EvidenceWrite = QStringLiteral("evidence.write");
inline const QString PrivacyWrite = QStringLiteral("privacy.write");
inline const QString DrillsWrite = QStringLiteral("drills.write");
} // namespace compliance_permissions

enum class ControlStatus {
    Unspecified,
    NotImplemented,
    InProgress,
    Implemented,
    Failing,
    NotApplicable
};
enum class CheckResult { Unspecified, Pass, Fail, Error };
enum class FindingSeverity { Unspecified, Low, Medium, High, Critical };
enum class FindingState { Unspecified, Open, Closed };
enum class EvidenceKind { Unspecified, File, AuditEntry, Approval, Incident, CheckRun };
enum class PrivacyRequestKind { Unspecified, Access, Deletion };
enum class PrivacyRegime { Unspecified, Gdpr, Ccpa };
enum class PrivacyRequestState { Unspecified, Open, Completed };

struct ScorePoint
{
    QDateTime time;
    double score = 0; // 0..1
};

struct Framework
{
    QString name;        // "frameworks/gdpr"
    QString displayName; // "GDPR"
    QString version;     // "Regulation (EU) 2016/679"
    QString source;      // the document the requirement identifiers are cited from
    int requirementCount = 0;
    int passingCount = 0;
    double score = 0;        // passingCount / requirementCount, 0..1
    QList<ScorePoint> trend; // oldest first
};

struct Requirement
{
    QString framework;   // "frameworks/gdpr"
    QString requirement; // "Art. 32"
    QString title;
};

struct Control
{
    QString name; // "controls/pc-access-review"
    QString title;
    QString description;
    QString owner;
    ControlStatus status = ControlStatus::Unspecified;
    QDateTime dueTime;
    QDateTime lastTested;
    QList<Requirement> requirements; // across frameworks
    QString check;                   // "checks/tls" when an automated check tests it
    bool passing = false;

    QString id() const { return name.section(QLatin1Char('/'), 1); } // "pc-access-review"
    bool satisfies(const QString &framework) const;
};

struct Evidence
{
    QString name;    // "evidence/7"
    QString control; // "controls/pc-access-review"
    EvidenceKind kind = EvidenceKind::Unspecified;
    QString description;
    QString fileName; // an attachment: its name, size and SHA-256 (lower-case hex)
    QString sha256;
    qint64 sizeBytes = 0;
    QString link; // a platform record ("auditEntries/12", "incidents/…")
    QString recordedBy;
    QDateTime recordTime;
};

struct CheckRun
{
    QString name;  // "checks/tls/runs/12"
    QString check; // "checks/tls"
    CheckResult result = CheckResult::Unspecified;
    QString detail;
    QDateTime runTime;
    double durationMs = 0;
    QString triggeredBy; // "schedule" or "users/alice"
};

struct Check
{
    QString name; // "checks/tls"
    QString title;
    QString description;
    CheckResult lastResult = CheckResult::Unspecified;
    QString lastDetail;
    QDateTime lastRunTime;
    QStringList controls;
    FindingSeverity severity = FindingSeverity::Unspecified;
};

struct RunChecksResult
{
    QList<CheckRun> runs;
    double durationMs = 0;
    QStringList openedFindings;
    QStringList closedFindings;
};

struct Finding
{
    QString name; // "findings/12"
    QString title;
    QString detail;
    FindingSeverity severity = FindingSeverity::Unspecified;
    QString owner;
    QDateTime dueTime;
    FindingState state = FindingState::Unspecified;
    QString check;          // "checks/tls" when a check raised it
    QString privacyRequest; // "privacyRequests/3" when an overdue request raised it
    QDateTime openTime;
    QDateTime closeTime;
    QStringList controls;

    bool isOverdue(const QDateTime &now) const
    {
        return state == FindingState::Open && dueTime.isValid() && dueTime < now;
    }
};

struct PrivacyRequest
{
    QString name; // "privacyRequests/3"
    PrivacyRequestKind kind = PrivacyRequestKind::Unspecified;
    PrivacyRegime regime = PrivacyRegime::Unspecified;
    QString subject;
    QDateTime receiveTime;
    QDateTime deadline;
    PrivacyRequestState state = PrivacyRequestState::Unspecified;
    QDateTime completeTime;
    QString createdBy;   // "users/olga"
    QString completedBy; // "users/olga"
    QString note;

    bool isOverdue(const QDateTime &now) const
    {
        return state == PrivacyRequestState::Open && deadline.isValid() && deadline < now;
    }
};

struct RetentionPolicy
{
    QString name; // "retentionPolicies/audit"
    QString category;
    int retentionDays = 0;
    QString description;
};

// UpdateControl: the fields of `control` named in `fields` ("owner", "status", "due_time") are
// applied; an invalid dueTime with "due_time" clears the due date.
struct ControlUpdate
{
    QString name; // "controls/pc-access-review"
    QString owner;
    ControlStatus status = ControlStatus::Unspecified;
    QDateTime dueTime;
    QStringList fields;
};

// CreatePrivacyRequest: a data-subject request as the officer received it.
struct NewPrivacyRequest
{
    PrivacyRequestKind kind = PrivacyRequestKind::Unspecified;
    PrivacyRegime regime = PrivacyRegime::Unspecified;
    QString subject;       // the subject's reference, no personal data beyond it
    QDateTime receiveTime; // invalid: now
    QString note;
};

// ApplyRetention: per data category, what was (or, validating, would be) deleted.
struct RetentionCategoryResult
{
    QString category; // "check-runs"
    int retentionDays = 0;
    qint64 deleted = 0;
    QDateTime cutoff; // records older than this
};

struct RetentionResult
{
    QList<RetentionCategoryResult> categories;
    bool validateOnly = false;
};

enum class OscalDocumentKind { Unspecified, Catalog, Profile };

// A stored OSCAL catalog or resolved profile with its counts (ImportOscal, ListCatalogs).
struct OscalCatalog
{
    QString name; // "catalogs/{uuid}"
    OscalDocumentKind kind = OscalDocumentKind::Unspecified;
    QString title;
    QString version;
    QString oscalVersion;
    int groupCount = 0;       // top-level groups
    int controlCount = 0;     // top-level controls
    int enhancementCount = 0; // nested controls
    QString source;           // the file name given at import
    QDateTime importTime;
    QString importedBy;
    QString resolvedFrom; // a profile: the catalog it was resolved against
};

// A regional failover drill (the failover-drills check reads the newest).
struct FailoverDrill
{
    QString name;   // "failoverDrills/3"
    QString region; // "regions/us-east"
    QDateTime drillTime;
    QString note;
    QString recordedBy;
    QDateTime recordTime;
};

// GetControl: a control with its evidence and check history (both newest first).
struct ControlDetail
{
    Control control;
    QList<Evidence> evidence;
    QList<CheckRun> checkHistory;
};

// One OSCAL assessment-results export: the JSON as platformd wrote it.
struct AssessmentResults
{
    QByteArray document;
    QString fileName;
};

struct ComplianceError
{
    int code = 0;    // grpc::StatusCode; 0: no error
    QString message; // platformd's message
    QString text;    // user-facing: "Could not load the controls: …" (translated)

    bool isError() const { return code != 0; }
};

// Translated words for the enums, countdowns.
class ComplianceText
{
    Q_DECLARE_TR_FUNCTIONS(ops::ComplianceText)
public:
    static QString status(ControlStatus status);
    static QString result(CheckResult result);
    static QString severity(FindingSeverity severity);
    static QString state(FindingState state);
    static QString kind(PrivacyRequestKind kind);
    static QString kind(EvidenceKind kind);
    static QString regime(PrivacyRegime regime);
    static QString kind(OscalDocumentKind kind);
    static QString requestState(PrivacyRequestState state);
    // "12 d 3 h left", "2 d 4 h overdue", "5 h left".
    static QString countdown(const QDateTime &deadline, const QDateTime &now);
    static QString percent(double fraction); // 0.875 → "87.5 %"
};

} // namespace ops

Q_DECLARE_METATYPE(ops::ComplianceError)
Q_DECLARE_METATYPE(ops::PrivacyRequest)
Q_DECLARE_METATYPE(ops::OscalCatalog)
Q_DECLARE_METATYPE(ops::Control)
Q_DECLARE_METATYPE(ops::RetentionPolicy)
Q_DECLARE_METATYPE(ops::RetentionResult)
Q_DECLARE_METATYPE(ops::FailoverDrill)
