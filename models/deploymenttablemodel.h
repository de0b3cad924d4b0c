#pragma once

#include "modelregistry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ops {

// Deployments with their traffic split and live serving metrics, kept current from a snapshot
// plus WatchModels batches. Holds every deployment; setModelFilter() shows one model's.
class DeploymentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RegionColumn,
        TrafficColumn,
        StateColumn,
        RpsColumn,
        P95Column,
        ErrorRateColumn,
        AccuracyColumn,
        DriftColumn,
        EndpointColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // models/{m}/deployments/{d}
        VariantsRole,                // QVariantList of QVariantMap{version, percent}
        RolloutRole,                 // int(RolloutState)
        SortRole,
    };

    explicit DeploymentTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setDeployments(const QList<Deployment> &deployments);
    void applyChanges(const QList<RegistryChangeBatch> &batches);
    void upsert(const Deployment &deployment);

    // Only this model's deployments (models/{model}); empty: all.
    void setModelFilter(const QString &model);
    QString modelFilter() const { return m_modelFilter; }

    const Deployment &deployment(int row) const { return m_all.at(m_visible.at(row)); }
    int rowOf(const QString &name) const;
    // Live deployments (rolling out or live) per model, from what is held.
    int liveCount(const QString &model) const;

    // "v7 90 % · v8 10 %"
    static QString trafficText(const QList<DeploymentVariant> &variants);

private:
    void rebuildVisible();

    QList<Deployment> m_all;
    QHash<QString, int> m_index; // name -> index in m_all
    QList<int> m_visible;        // rows -> index in m_all
    QString m_modelFilter;
};

} // namespace ops
