#include "capture.h"

#include "models/regiontreemodel.h"
#include "services/auditclient.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/regionclient.h"
#include "services/services.h"
#include "ui/common/resourceselection.h"
#include "ui/kpi/kpipanel.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/regiondetail/regiondetailpanel.h"
#include "ui/regiondetail/timeserieschart.h"
#include "ui/regions/regionspanel.h"

#include <QEvent>
#include <QPixmap>
#include <QSaveFile>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

namespace ops {

namespace {

// Watches the Regions view's viewport: the first paint that happens while the view has rows is the
// moment a user first sees live data. Reports it once, after that paint has completed.
class FirstRowPaintProbe : public QObject
{
public:
    FirstRowPaintProbe(QTreeView *view, std::function<void()> reached)
        : QObject(view)
        , m_view(view)
        , m_reached(std::move(reached))
    {
        view->viewport()->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_fired && m_view->model() &&
            m_view->model()->rowCount() > 0) {
            m_fired = true;
            watched->removeEventFilter(this);
            // Queued: runs once this paint event has been delivered and drawn.
            QTimer::singleShot(0, this, [this] { m_reached(); });
        }
        return false;
    }

private:
    QTreeView *m_view;
    std::function<void()> m_reached;
    bool m_fired = false;
};

} // namespace

void installStartupProbe(MainWindow *window, std::function<void(int)> finish)
{
    auto *regions = window->findPanel<RegionsPanel>();
    if (!regions) {
        std::fprintf(stderr, "opsconsole: --startup-probe needs the Regions panel\n");
        finish(1);
        return;
    }
    new FirstRowPaintProbe(regions->view(), [finish] {
        std::fprintf(stdout, "FIRST_DATA\n");
        std::fflush(stdout);
        finish(0);
    });
}

ScreenshotCapture::ScreenshotCapture(MainWindow *window, Services *services, RegionTreeModel *model,
                                     const QString &path, std::function<void(int)> finish,
                                     QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_services(services)
    , m_model(model)
    , m_path(path)
    , m_finish(std::move(finish))
{
    connect(services->regions(), &RegionClient::snapshotReceived, this, [this] {
        m_snapshotApplied = true;
        selectUnhealthyRegion();
    });
    connect(services->regions(), &RegionClient::changesReceived, this, [this] {
        if (m_snapshotApplied)
            m_changesApplied = true;
        maybeTake();
    });
    // The Audit panel should show its verdict, not "Loading…" (unless the user may not read it).
    connect(services->audit(), &AuditClient::snapshotReceived, this, [this] {
        m_auditShown = true;
        maybeTake();
    });
    connect(services->identity(), &IdentityClient::permissionsChanged, this,
            [this](const Permissions &permissions) {
                if (permissions.isKnown() && !permissions.has(Permissions::AuditRead))
                    m_auditShown = true;
                maybeTake();
            });
    // The status bar should not say "Idle" on a picture of live data: wait for the channel too.
    connect(services->connection(), &Connection::stateChanged, this, &ScreenshotCapture::maybeTake);
    QTimer::singleShot(TimeoutMs, this, [this] {
        if (m_scheduled)
            return;
        std::fprintf(stderr, "opsconsole: no live data arrived within %d s; no screenshot taken\n",
                     TimeoutMs / 1000);
        m_finish(1);
    });
}

// Shows the region detail of the first region that is not healthy (degraded first).
void ScreenshotCapture::selectUnhealthyRegion()
{
    ResourceSelection *selection = m_window->selection();
    for (const HealthStatus wanted : {HealthStatus::Degraded, HealthStatus::Down}) {
        for (int row = 0; row < m_model->rowCount() && selection->current().isEmpty(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (HealthStatus(index.data(RegionTreeModel::StatusRole).toInt()) == wanted)
                selection->setCurrent(index.data(RegionTreeModel::ResourceNameRole).toString());
        }
    }
}

void ScreenshotCapture::maybeTake()
{
    if (!m_changesApplied || !m_auditShown || m_scheduled ||
        m_services->connection()->state() != Connection::State::Ready ||
        !m_services->identity()->identity().isValid())
        return;
    // The region detail's charts should show lines (or their error), not "Loading…".
    if (const auto *detail = m_window->findPanel<RegionDetailPanel>();
        detail && !detail->region().isEmpty() && detail->latencyChart()->pointCount(0) == 0 &&
        !detail->hasMetricsError()) {
        QTimer::singleShot(200, this, &ScreenshotCapture::maybeTake);
        return;
    }
    if (const auto *kpis = m_window->findPanel<KpiPanel>(); kpis && !kpis->hasBudget()) {
        QTimer::singleShot(200, this, &ScreenshotCapture::maybeTake);
        return;
    }
    m_scheduled = true;
    // Show why regions are unhealthy: expand them to their components.
    if (auto *regions = m_window->findPanel<RegionsPanel>()) {
        QTreeView *view = regions->view();
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            const auto status = HealthStatus(index.data(RegionTreeModel::StatusRole).toInt());
            if (status != HealthStatus::Healthy && view->model()->rowCount(index) > 0)
                view->expand(index);
        }
    }
    m_window->repaint();
    QTimer::singleShot(0, this, &ScreenshotCapture::take);
}

void ScreenshotCapture::take()
{
    const QPixmap pixmap = m_window->grab();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !pixmap.save(&file, "PNG") || !file.commit()) {
        std::fprintf(stderr, "opsconsole: cannot write the screenshot to %s: %s\n",
                     qPrintable(m_path), qPrintable(file.errorString()));
        m_finish(1);
        return;
    }
    std::fprintf(stdout, "screenshot written to %s (%dx%d)\n", qPrintable(m_path), pixmap.width(),
                 pixmap.height());
    std::fflush(stdout);
    m_finish(0);
}

} // namespace ops
