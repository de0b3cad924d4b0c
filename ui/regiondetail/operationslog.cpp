#include "operationslog.h"

#include <algorithm>

namespace ops {

namespace {

template<typename T>
void sortNewestFirst(QList<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) {
        if (a.startTime != b.startTime)
            return a.startTime > b.startTime;
        return a.name < b.name;
    });
}

bool isFailoverName(const QString &name)
{
    return name.section(QLatin1Char('/'), 2, 2) == QLatin1String("failovers");
}

bool isMaintenanceName(const QString &name)
{
    return name.section(QLatin1Char('/'), 2, 2) == QLatin1String("maintenanceWindows");
}

} // namespace

OperationsLog::OperationsLog(QObject *parent)
    : QObject(parent)
{}

void OperationsLog::setSnapshot(const RegionSnapshot &snapshot)
{
    m_failovers.clear();
    m_windows.clear();
    for (const Failover &f : snapshot.failovers)
        m_failovers.insert(f.name, f);
    for (const MaintenanceWindow &w : snapshot.maintenanceWindows)
        m_windows.insert(w.name, w);
    m_revision = snapshot.revision;
    emit changed();
}

void OperationsLog::applyChanges(const QList<RegionChangeBatch> &batches)
{
    bool any = false;
    for (const RegionChangeBatch &batch : batches) {
        if (batch.revision <= m_revision)
            continue; // replayed after a resume
        m_revision = batch.revision;
        for (const RegionEvent &event : batch.events) {
            if (event.type == RegionEvent::Type::Delete) {
                if (isFailoverName(event.name))
                    any |= m_failovers.remove(event.name);
                else if (isMaintenanceName(event.name))
                    any |= m_windows.remove(event.name);
                continue;
            }
            if (const auto *f = std::get_if<Failover>(&event.resource)) {
                const auto it = m_failovers.constFind(f->name);
                if (it == m_failovers.cend() || it->revision <= f->revision) {
                    m_failovers.insert(f->name, *f);
                    any = true;
                }
            } else if (const auto *w = std::get_if<MaintenanceWindow>(&event.resource)) {
                const auto it = m_windows.constFind(w->name);
                if (it == m_windows.cend() || it->revision <= w->revision) {
                    m_windows.insert(w->name, *w);
                    any = true;
                }
            }
        }
    }
    if (any)
        emit changed();
}

QList<Failover> OperationsLog::failoversOf(const QString &region) const
{
    QList<Failover> out;
    for (const Failover &f : m_failovers)
        if (f.sourceRegion == region || f.targetRegion == region)
            out.append(f);
    sortNewestFirst(out);
    return out;
}

QList<MaintenanceWindow> OperationsLog::maintenanceOf(const QString &region) const
{
    QList<MaintenanceWindow> out;
    for (const MaintenanceWindow &w : m_windows)
        if (w.regionName() == region)
            out.append(w);
    sortNewestFirst(out);
    return out;
}

QList<Failover> OperationsLog::failovers() const
{
    QList<Failover> out(m_failovers.cbegin(), m_failovers.cend());
    sortNewestFirst(out);
    return out;
}

} // namespace ops
