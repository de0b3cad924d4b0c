#pragma once

// The model registry's value types (ModelRegistryService, proto/ops/platform/v1/models.proto) as
// the console holds them: Qt types only, no protobuf.

#include "models/resourcename.h"
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ops {

enum class ModelTask : quint8 {
    Unspecified,
    Nlp,
    Vision,
    Recommendation,
    TimeSeries,
    AnomalyDetection,
    Clustering,
    Classification,
    Regression,
    ReinforcementLearning,
    Generative,
};

// The wire order (None, Staging, Production, Archived) is also the sort order.
enum class ModelStage : quint8 { None, Staging, Production, Archived };

enum class VersionStatus : quint8 { Unspecified, Pending, Ready, Failed };

enum class RolloutState : quint8 { Unspecified, RollingOut, Live, RolledBack, Failed };

enum class ApprovalAction : quint8 { Unspecified, PromoteToProduction, MoveProtectedAlias };

enum class ApprovalState : quint8 { Unspecified, Pending, Approved, Rejected, Cancelled };

// Translated words for the enums, and their names in the filter grammar.
class RegistryText
{
    Q_DECLARE_TR_FUNCTIONS(ops::RegistryText)
public:
    static QString task(ModelTask task);         // "NLP", "Time series"
    static QString stage(ModelStage stage);      // "None", "Production"
    static QString status(VersionStatus status); // "Ready"
    static QString rollout(RolloutState state);  // "Live", "Rolled back"
    static QString approvalState(ApprovalState state);
    // The enum value's name as filters spell it: "PRODUCTION", "TIME_SERIES".
    static QString stageFilterName(ModelStage stage);
    static QString taskFilterName(ModelTask task);
};

// The part of a resource name after the collection: "fraud-detector" for models/fraud-detector.
QString modelIdFromName(const QString &name);

// Permissions the registry's actions need (names as platformd grants them).
namespace registry_permissions {
inline const QString ModelsWrite = QStringLiteral("models.write");
inline const QString PromotionsRequest = QStringLiteral("promotions.request");
inline const QString PromotionsApprove = QStringLiteral("promotions.approve");
inline const QString DeploymentsWrite = QStringLiteral("deployments.write");
inline const QString ProtectedAliases = QStringLiteral("aliases.protected");
} // namespace registry_permissions

// A registered model.
struct ModelInfo
{
    QString name; // models/{model}
    QString displayName;
    QString description; // Markdown
    QString ownerTeam;
    ModelTask task = ModelTask::Unspecified;
    QStringList tags;
    QMap<QString, qint64> aliases; // alias -> version (unique per model)
    QStringList protectedAliases;
    qint64 latestVersion = 0;
    ModelStage latestStage = ModelStage::None;
    qint64 productionVersion = 0; // 0: none
    int liveDeployments = 0;
    int versionCount = 0;
    QString createdBy;
    QDateTime createTime;
    QDateTime updateTime;
    qint64 revision = 0;

    QString id() const { return modelIdFromName(name); }
    bool isProtected(const QString &alias) const { return protectedAliases.contains(alias); }
    // The alias on `version`, if any ("champion"); several are joined by ", ".
    QStringList aliasesOf(qint64 version) const;
};

// One version of a model.
struct ModelVersionInfo
{
    QString name;  // models/{model}/versions/{n}
    QString model; // models/{model}
    qint64 version = 0;
    QString description;
    QString sourceUri;
    QString runId;
    QString runLink;
    QString dataset;
    QString datasetHash;
    QString framework;
    QHash<QString, double> metrics;
    QHash<QString, QString> parameters;
    QString inputSignature;
    QString createdBy;
    QDateTime createTime;
    VersionStatus status = VersionStatus::Unspecified;
    QString statusMessage;
    QString modelCard; // Markdown
    ModelStage stage = ModelStage::None;
    QStringList tags;
    QStringList aliases;
    ModelTask task = ModelTask::Unspecified;
    QDateTime updateTime;
    qint64 revision = 0;

    QString modelId() const { return modelIdFromName(model); }
    QStringList metricKeys() const; // sorted
};

// Live metrics of a deployment or a variant.
struct ServingMetrics
{
    double requestsPerSecond = 0;
    double latencyP95Ms = 0;
    double errorRate = 0;  // 0..1
    double accuracy = 0;   // 0 when not a classifier
    double driftScore = 0; // 0..1
    QDateTime sampleTime;
};

struct DeploymentVariant
{
    qint64 version = 0;
    int trafficPercent = 0;
    ServingMetrics metrics;
};

// Versions of one model serving in one region.
struct Deployment
{
    QString name;   // models/{model}/deployments/{deployment}
    QString model;  // models/{model}
    QString region; // regions/{region}
    QString endpoint;
    QList<DeploymentVariant> variants;
    RolloutState rolloutState = RolloutState::Unspecified;
    QList<DeploymentVariant> previousVariants;
    ServingMetrics metrics;
    QString createdBy;
    QDateTime createTime;
    QDateTime updateTime;
    qint64 revision = 0;

    QString regionId() const { return resource::topLevelId(region); }
    QString deploymentId() const { return resource::leafId(name); }
    bool isLive() const;
};

// A four-eyes request: promote a version to Production, or move a protected alias.
struct ApprovalRequest
{
    Q_DECLARE_TR_FUNCTIONS(ops::ApprovalRequest)
public:
    QString name; // models/{model}/approvalRequests/{id}
    QString model;
    ApprovalAction action = ApprovalAction::Unspecified;
    qint64 version = 0;
    QString alias;
    QString requester; // users/{user}
    QString comment;
    QStringList evidenceLinks;
    ApprovalState state = ApprovalState::Unspecified;
    QString reviewer;
    QString reviewComment;
    QDateTime createTime;
    QDateTime reviewTime;
    qint64 revision = 0;

    // "Promote version 7 to Production" / "Move alias champion to version 7". Translated.
    QString actionText() const;
};

// Everything but the versions, as one consistent listing.
struct RegistrySnapshot
{
    QList<ModelInfo> models;
    QList<Deployment> deployments;
    QList<ApprovalRequest> approvals;
    qint64 revision = 0;
};

// One WatchModels transaction. Deleted resources are named in `deleted`.
struct RegistryChangeBatch
{
    qint64 revision = 0;
    QDateTime commitTime;
    QList<ModelInfo> models;
    QList<ModelVersionInfo> versions;
    QList<Deployment> deployments;
    QList<ApprovalRequest> approvals;
    QStringList deleted;
};

// A failed registry call: the gRPC code, platformd's message, and for a bad filter the 0-based
// character position the message names ("filter: at position 17: …").
struct RegistryError
{
    int code = 0;    // grpc::StatusCode; 0: no error
    QString message; // platformd's message
    QString text;    // user-facing: what failed and why (translated)
    int position = -1;

    bool isError() const { return code != 0; }
    // The position in "…at position N…", or -1.
    static int parsePosition(const QString &message);
};

} // namespace ops

Q_DECLARE_METATYPE(ops::RegistrySnapshot)
Q_DECLARE_METATYPE(ops::RegistryChangeBatch)
Q_DECLARE_METATYPE(ops::RegistryError)
