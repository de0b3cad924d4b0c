#include "region.h"

#include <QCoreApplication>

namespace ops {

namespace {
// Registered once, before any queued signal can carry these types across threads.
const int s_metaTypes = [] {
    qRegisterMetaType<RegionSnapshot>();
    qRegisterMetaType<RegionChangeBatch>();
    qRegisterMetaType<QList<RegionChangeBatch>>();
    return 0;
}();
} // namespace

QString healthStatusText(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Healthy:
        return QCoreApplication::translate("ops::HealthStatus", "Healthy");
    case HealthStatus::Degraded:
        return QCoreApplication::translate("ops::HealthStatus", "Degraded");
    case HealthStatus::Down:
        return QCoreApplication::translate("ops::HealthStatus", "Down");
    case HealthStatus::Maintenance:
        return QCoreApplication::translate("ops::HealthStatus", "Maintenance");
    case HealthStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("ops::HealthStatus", "Unknown");
}

QString cloudProviderText(CloudProvider provider)
{
    // Brand names are not translated; "Unknown" is.
    switch (provider) {
    case CloudProvider::Aws:
        return QStringLiteral("AWS");
    case CloudProvider::Gcp:
        return QStringLiteral("GCP");
    case CloudProvider::Azure:
        return QStringLiteral("Azure");
    case CloudProvider::Unknown:
        break;
    }
    return QCoreApplication::translate("ops::CloudProvider", "Unknown");
}

QString componentKindText(ComponentKind kind)
{
    switch (kind) {
    case ComponentKind::ApiGateway:
        return QCoreApplication::translate("ops::ComponentKind", "API gateway");
    case ComponentKind::ModelServing:
        return QCoreApplication::translate("ops::ComponentKind", "Model serving");
    case ComponentKind::Kafka:
        return QCoreApplication::translate("ops::ComponentKind", "Kafka");
    case ComponentKind::Spark:
        return QCoreApplication::translate("ops::ComponentKind", "Spark");
    case ComponentKind::Airflow:
        return QCoreApplication::translate("ops::ComponentKind", "Airflow");
    case ComponentKind::Flink:
        return QCoreApplication::translate("ops::ComponentKind", "Flink");
    case ComponentKind::Kubernetes:
        return QCoreApplication::translate("ops::ComponentKind", "Kubernetes");
    case ComponentKind::Cdn:
        return QCoreApplication::translate("ops::ComponentKind", "CDN");
    case ComponentKind::Unknown:
        break;
    }
    return QCoreApplication::translate("ops::ComponentKind", "Unknown");
}

} // namespace ops
