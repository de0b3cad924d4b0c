#include "modelregistry.h"
#include "models/resourcename.h"

#include <QRegularExpression>

#include <algorithm>

namespace ops {

QString RegistryText::task(ModelTask task)
{
    switch (task) {
    case ModelTask::Nlp:
        return tr("NLP");
    case ModelTask::Vision:
        return tr("Vision");
    case ModelTask::Recommendation:
        return tr("Recommendation");
    case ModelTask::TimeSeries:
        return tr("Time series");
    case ModelTask::AnomalyDetection:
        return tr("Anomaly detection");
    case ModelTask::Clustering:
        return tr("Clustering");
    case ModelTask::Classification:
        return tr("Classification");
    case ModelTask::Regression:
        return tr("Regression");
    case ModelTask::ReinforcementLearning:
        return tr("Reinforcement learning");
    case ModelTask::Generative:
        return tr("Generative");
    case ModelTask::Unspecified:
        break;
    }
    return tr("Unspecified");
}

QString RegistryText::stage(ModelStage stage)
{
    switch (stage) {
    case ModelStage::Staging:
        return tr("Staging");
    case ModelStage::Production:
        return tr("Production");
    case ModelStage::Archived:
        return tr("Archived");
    case ModelStage::None:
        break;
    }
    return tr("None");
}

QString RegistryText::status(VersionStatus status)
{
    switch (status) {
    case VersionStatus::Pending:
        return tr("Pending");
    case VersionStatus::Ready:
        return tr("Ready");
    case VersionStatus::Failed:
        return tr("Failed");
    case VersionStatus::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString RegistryText::rollout(RolloutState state)
{
    switch (state) {
    case RolloutState::RollingOut:
        return tr("Rolling out");
    case RolloutState::Live:
        return tr("Live");
    case RolloutState::RolledBack:
        return tr("Rolled back");
    case RolloutState::Failed:
        return tr("Failed");
    case RolloutState::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString RegistryText::approvalState(ApprovalState state)
{
    switch (state) {
    case ApprovalState::Pending:
        return tr("Pending");
    case ApprovalState::Approved:
        return tr("Approved");
    case ApprovalState::Rejected:
        return tr("Rejected");
    case ApprovalState::Cancelled:
        return tr("Cancelled");
    case ApprovalState::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString RegistryText::stageFilterName(ModelStage stage)
{
    switch (stage) {
    case ModelStage::Staging:
        return QStringLiteral("STAGING");
    case ModelStage::Production:
        return QStringLiteral("PRODUCTION");
    case ModelStage::Archived:
        return QStringLiteral("ARCHIVED");
    case ModelStage::None:
        break;
    }
    return QStringLiteral("MODEL_STAGE_UNSPECIFIED");
}

QString RegistryText::taskFilterName(ModelTask task)
{
    static const char *const names[] = {"MODEL_TASK_UNSPECIFIED",
                                        "NLP",
                                        "VISION",
                                        "RECOMMENDATION",
                                        "TIME_SERIES",
                                        "ANOMALY_DETECTION",
                                        "CLUSTERING",
                                        "CLASSIFICATION",
                                        "REGRESSION",
                                        "REINFORCEMENT_LEARNING",
                                        "GENERATIVE"};
    const auto i = std::size_t(task);
    return QLatin1String(i < std::size(names) ? names[i] : names[0]);
}

QString modelIdFromName(const QString &name)
{
    return resource::topLevelId(name);
}

QStringList ModelInfo::aliasesOf(qint64 version) const
{
    QStringList out;
    for (auto it = aliases.cbegin(); it != aliases.cend(); ++it) {
        if (it.value() == version)
            out.append(it.key());
    }
    return out;
}

QStringList ModelVersionInfo::metricKeys() const
{
    QStringList keys = metrics.keys();
    keys.sort();
    return keys;
}

bool Deployment::isLive() const
{
    return rolloutState == RolloutState::Live || rolloutState == RolloutState::RollingOut;
}

QString ApprovalRequest::actionText() const
{
    switch (action) {
    case ApprovalAction::PromoteToProduction:
        return tr("Promote version %1 to Production").arg(version);
    case ApprovalAction::MoveProtectedAlias:
        return tr("Move alias %1 to version %2").arg(alias).arg(version);
    case ApprovalAction::Unspecified:
        break;
    }
    return tr("Unknown action on version %1").arg(version);
}

int RegistryError::parsePosition(const QString &message)
{
    static const QRegularExpression re(QStringLiteral("at position (\\d+)"));
    const QRegularExpressionMatch match = re.match(message);
    if (!match.hasMatch())
        return -1;
    bool ok = false;
    const int position = match.captured(1).toInt(&ok);
    return ok ? position : -1;
}

} // namespace ops
