#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace ops {

class MainWindow;
class RegionTreeModel;
class Services;

// --screenshot: waits until the window shows live data (a change after the snapshot, the audit
// verdict, the channel Ready, the identity, the region detail's charts and the KPIs' budget), then
// saves the window as a PNG and calls `finish` with the exit code. Gives up after TimeoutMs.
class ScreenshotCapture : public QObject
{
    Q_OBJECT
public:
    static constexpr int TimeoutMs = 20000;

    ScreenshotCapture(MainWindow *window, Services *services, RegionTreeModel *model,
                      const QString &path, std::function<void(int)> finish,
                      QObject *parent = nullptr);

private:
    void selectUnhealthyRegion();
    void maybeTake();
    void take();

    MainWindow *m_window;
    Services *m_services;
    RegionTreeModel *m_model;
    QString m_path;
    std::function<void(int)> m_finish;
    bool m_snapshotApplied = false;
    bool m_changesApplied = false; // a change batch applied after the snapshot
    bool m_scheduled = false;
    bool m_auditShown = false; // the audit snapshot arrived (or the user may not read it)
};

// --startup-probe: prints FIRST_DATA once the Regions view has painted a row, then calls `finish`.
void installStartupProbe(MainWindow *window, std::function<void(int)> finish);

} // namespace ops
