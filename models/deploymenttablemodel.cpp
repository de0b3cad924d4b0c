#include "deploymenttablemodel.h"

#include "percenttext.h"

#include <QLocale>
#include <QVariantMap>

namespace ops {

DeploymentTableModel::DeploymentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int DeploymentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int DeploymentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeploymentTableModel::trafficText(const QList<DeploymentVariant> &variants)
{
    QStringList parts;
    for (const DeploymentVariant &v : variants)
        parts.append(tr("v%1 %2 %").arg(v.version).arg(v.trafficPercent));
    return parts.join(QStringLiteral(" · "));
}

QVariant DeploymentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const Deployment &d = deployment(index.row());
    const ServingMetrics &m = d.metrics;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RegionColumn:
            return d.regionId();
        case TrafficColumn:
            return trafficText(d.variants);
        case StateColumn:
            return RegistryText::rollout(d.rolloutState);
        case RpsColumn:
            return QLocale().toString(m.requestsPerSecond, 'f', 1);
        case P95Column:
            return tr("%1 ms").arg(QLocale().toString(m.latencyP95Ms, 'f', 0));
        case ErrorRateColumn:
            return percentText(m.errorRate, 2);
        case AccuracyColumn:
            return m.accuracy > 0 ? QLocale().toString(m.accuracy, 'f', 3) : QStringLiteral("–");
        case DriftColumn:
            return QLocale().toString(m.driftScore, 'f', 3);
        case EndpointColumn:
            return d.endpoint;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TrafficColumn) {
            QStringList lines;
            for (const DeploymentVariant &v : d.variants)
                lines.append(tr("Version %1: %2 % of traffic, %3 req/s, p95 %4 ms, errors %5 %")
                                 .arg(v.version)
                                 .arg(v.trafficPercent)
                                 .arg(v.metrics.requestsPerSecond, 0, 'f', 1)
                                 .arg(v.metrics.latencyP95Ms, 0, 'f', 0)
                                 .arg(v.metrics.errorRate * 100, 0, 'f', 2));
            if (!d.previousVariants.isEmpty())
                lines.append(tr("Rollback restores: %1").arg(trafficText(d.previousVariants)));
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == DriftColumn)
            return tr("Population stability index of the inputs (0 = no drift, above 0.2 = "
                      "significant).");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= RpsColumn && index.column() <= DriftColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case NameRole:
        return d.name;
    case VariantsRole: {
        QVariantList list;
        for (const DeploymentVariant &v : d.variants) {
            QVariantMap map;
            map.insert(QStringLiteral("version"), v.version);
            map.insert(QStringLiteral("percent"), v.trafficPercent);
            list.append(map);
        }
        return list;
    }
    case RolloutRole:
        return int(d.rolloutState);
    case SortRole:
        switch (index.column()) {
        case RpsColumn:
            return m.requestsPerSecond;
        case P95Column:
            return m.latencyP95Ms;
        case ErrorRateColumn:
            return m.errorRate;
        case AccuracyColumn:
            return m.accuracy;
        case DriftColumn:
            return m.driftScore;
        case StateColumn:
            return int(d.rolloutState);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant DeploymentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RegionColumn:
        return tr("Region");
    case TrafficColumn:
        return tr("Traffic");
    case StateColumn:
        return tr("Rollout");
    case RpsColumn:
        return tr("Req/s");
    case P95Column:
        return tr("p95");
    case ErrorRateColumn:
        return tr("Errors");
    case AccuracyColumn:
        return tr("Accuracy");
    case DriftColumn:
        return tr("Drift");
    case EndpointColumn:
        return tr("Endpoint");
    }
    return {};
}

void DeploymentTableModel::rebuildVisible()
{
    m_visible.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (m_modelFilter.isEmpty() || m_all.at(i).model == m_modelFilter)
            m_visible.append(i);
    }
}

void DeploymentTableModel::setDeployments(const QList<Deployment> &deployments)
{
    beginResetModel();
    m_all = deployments;
    m_index.clear();
    for (int i = 0; i < m_all.size(); ++i)
        m_index.insert(m_all.at(i).name, i);
    rebuildVisible();
    endResetModel();
}

void DeploymentTableModel::setModelFilter(const QString &model)
{
    if (model == m_modelFilter)
        return;
    beginResetModel();
    m_modelFilter = model;
    rebuildVisible();
    endResetModel();
}

int DeploymentTableModel::rowOf(const QString &name) const
{
    const int i = m_index.value(name, -1);
    return i < 0 ? -1 : int(m_visible.indexOf(i));
}

void DeploymentTableModel::upsert(const Deployment &deployment)
{
    const int i = m_index.value(deployment.name, -1);
    if (i >= 0) {
        if (deployment.revision != 0 && deployment.revision < m_all.at(i).revision)
            return;
        m_all[i] = deployment;
        const int row = int(m_visible.indexOf(i));
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_all.size());
    m_index.insert(deployment.name, at);
    if (!m_modelFilter.isEmpty() && deployment.model != m_modelFilter) {
        m_all.append(deployment);
        return;
    }
    const int row = int(m_visible.size());
    beginInsertRows({}, row, row);
    m_all.append(deployment);
    m_visible.append(at);
    endInsertRows();
}

void DeploymentTableModel::applyChanges(const QList<RegistryChangeBatch> &batches)
{
    for (const RegistryChangeBatch &batch : batches) {
        for (const Deployment &d : batch.deployments)
            upsert(d);
        for (const QString &name : batch.deleted) {
            if (!m_index.contains(name))
                continue;
            beginResetModel();
            m_all.removeAt(m_index.value(name));
            m_index.clear();
            for (int i = 0; i < m_all.size(); ++i)
                m_index.insert(m_all.at(i).name, i);
            rebuildVisible();
            endResetModel();
        }
    }
}

int DeploymentTableModel::liveCount(const QString &model) const
{
    int n = 0;
    for (const Deployment &d : m_all)
        n += (d.model == model && d.isLive()) ? 1 : 0;
    return n;
}

} // namespace ops
