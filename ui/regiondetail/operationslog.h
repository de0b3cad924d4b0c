#pragma once

#include "models/region.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

namespace ops {

// The console's copy of platformd's failovers and maintenance windows, kept from RegionClient's
// snapshot and change batches (RegionClient::setIncludeOperations). Deletes and stale replays are
// handled per resource by revision.
class OperationsLog : public QObject
{
    Q_OBJECT
public:
    explicit OperationsLog(QObject *parent = nullptr);

    void setSnapshot(const RegionSnapshot &snapshot);
    void applyChanges(const QList<RegionChangeBatch> &batches);

    // Failovers away from or into `region`, newest first.
    QList<Failover> failoversOf(const QString &region) const;
    // The region's maintenance windows, newest start first.
    QList<MaintenanceWindow> maintenanceOf(const QString &region) const;
    QList<Failover> failovers() const; // all, newest first
    int failoverCount() const { return int(m_failovers.size()); }
    int maintenanceCount() const { return int(m_windows.size()); }

signals:
    void changed();

private:
    QHash<QString, Failover> m_failovers;
    QHash<QString, MaintenanceWindow> m_windows;
    qint64 m_revision = 0;
};

} // namespace ops
