#include "markerclustering.h"

#include <QHash>

#include <cmath>

namespace ops {

HealthStatus MarkerCluster::worst() const
{
    for (HealthStatus s : {HealthStatus::Down, HealthStatus::Degraded, HealthStatus::Maintenance,
                           HealthStatus::Unknown}) {
        if (counts[size_t(s)] > 0)
            return s;
    }
    return HealthStatus::Healthy;
}

QList<MarkerCluster> clusterPoints(const QList<QPointF> &points,
                                   const QList<HealthStatus> &statuses, double cellSize,
                                   QList<int> *clusterOf)
{
    QList<MarkerCluster> clusters;
    QHash<quint64, int> cellCluster;
    cellCluster.reserve(points.size());
    if (clusterOf)
        clusterOf->fill(-1, points.size());
    QList<QPointF> sums;
    for (int i = 0; i < points.size(); ++i) {
        const QPointF p = points.at(i);
        const auto cx = qint32(std::floor(p.x() / cellSize));
        const auto cy = qint32(std::floor(p.y() / cellSize));
        const quint64 key = (quint64(quint32(cx)) << 32) | quint32(cy);
        auto it = cellCluster.find(key);
        if (it == cellCluster.end()) {
            it = cellCluster.insert(key, int(clusters.size()));
            clusters.append(MarkerCluster{});
            sums.append(QPointF());
        }
        MarkerCluster &cluster = clusters[*it];
        cluster.members.append(i);
        const int status = i < statuses.size() ? int(statuses.at(i)) : 0;
        ++cluster.counts[size_t(std::clamp(status, 0, 4))];
        sums[*it] += p;
        if (clusterOf)
            (*clusterOf)[i] = *it;
    }
    for (int c = 0; c < clusters.size(); ++c)
        clusters[c].position = sums.at(c) / clusters.at(c).size();
    return clusters;
}

double clusterCellSize(double minPixels, double pixelsPerUnit)
{
    const double units = minPixels / std::max(pixelsPerUnit, 1e-9);
    return std::exp2(std::ceil(std::log2(units)));
}

} // namespace ops
