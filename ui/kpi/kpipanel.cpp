#include "kpipanel.h"

#include "kpitile.h"

#include "models/percenttext.h"
#include "models/regiontreemodel.h"
#include "services/regionclient.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLocale>
#include <QPointer>
#include <QTimer>

namespace ops {

namespace {
constexpr int kBudgetResolutionSeconds = 3600;
} // namespace

KpiPanel::KpiPanel(RegionTreeModel *model, RegionClient *client, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_client(client)
    , m_updateTimer(new QTimer(this))
    , m_budgetTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("kpiPanel"));
    const QLocale locale;
    m_tiles[Availability] = new KpiTile(
        tr("Fleet availability"),
        tr("target ≥ %1 %").arg(locale.toString(kpi::kAvailabilityTarget * 100, 'f', 2)), this);
    m_tiles[Availability]->setToolTip(
        tr("Successful share of requests across all regions now (each region's availability "
           "weighted by its requests). At risk while the failed share is at most twice the "
           "allowance (≥ 99.98 %)."));
    m_tiles[LatencyP95] =
        new KpiTile(tr("Fleet p95 latency"), tr("target < %1 ms").arg(kpi::kP95TargetMs), this);
    m_tiles[LatencyP95]->setToolTip(tr(
        "The regions' p95 latency, weighted by their requests. At risk from 80 % of the limit."));
    m_tiles[GlobalResponse] = new KpiTile(
        tr("Global response time"), tr("target < %1 ms").arg(kpi::kGlobalResponseTargetMs), this);
    m_tiles[GlobalResponse]->setToolTip(
        tr("Global response time = the request-weighted mean of the regions' median (p50) "
           "latency: what a typical request sees, wherever it lands. At risk from 80 % of the "
           "limit."));
    m_tiles[Throughput] = new KpiTile(tr("Throughput"), tr("all regions"), this);
    m_tiles[Throughput]->setToolTip(tr("Requests per second, summed over all regions."));
    m_tiles[Degraded] = new KpiTile(tr("Degraded regions"), tr("target 0 now"), this);
    m_tiles[Degraded]->setToolTip(
        tr("Regions whose status is Degraded right now (down and maintenance regions are named "
           "beside the target). One is at risk, more is missed."));
    m_tiles[ErrorBudget] = new KpiTile(
        tr("Error budget left"),
        tr("30 d at %1 %").arg(locale.toString(kpi::kAvailabilityTarget * 100, 'f', 2)), this);
    m_tiles[ErrorBudget]->setToolTip(
        tr("What is left of the fleet's 30-day error budget (1 − 99.99 % of all requests), from "
           "the regions' hourly metrics, refreshed every %1 minutes. At risk below 25 % left.")
            .arg(BudgetRefreshMs / 60000));
    const char *names[] = {"kpiAvailability", "kpiLatencyP95", "kpiGlobalResponse",
                           "kpiThroughput",   "kpiDegraded",   "kpiErrorBudget"};
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(8);
    for (int i = 0; i < TileCount; ++i) {
        m_tiles[i]->setObjectName(QLatin1String(names[i]));
        layout->addWidget(m_tiles[i]);
    }
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_updateTimer->setSingleShot(true);
    m_updateTimer->setInterval(100);
    connect(m_updateTimer, &QTimer::timeout, this, &KpiPanel::updateFromModel);
    connect(m_model, &QAbstractItemModel::modelReset, this, &KpiPanel::updateFromModel);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &KpiPanel::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &KpiPanel::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &KpiPanel::scheduleUpdate);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &KpiPanel::scheduleUpdate);

    m_budgetTimer->setInterval(BudgetRefreshMs);
    connect(m_budgetTimer, &QTimer::timeout, this, &KpiPanel::refreshBudget);
    if (m_client) {
        // The first listing names the regions: fetch their budgets right away.
        connect(m_client, &RegionClient::snapshotReceived, this, [this] {
            if (!m_budgetRequested)
                QTimer::singleShot(0, this, &KpiPanel::refreshBudget);
        });
    }
    updateFromModel();
}

KpiPanel::~KpiPanel() = default;

void KpiPanel::scheduleUpdate()
{
    if (!m_updateTimer->isActive())
        m_updateTimer->start();
}

void KpiPanel::updateFromModel()
{
    QList<Region> regions;
    regions.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString name =
            m_model->index(row, 0).data(RegionTreeModel::ResourceNameRole).toString();
        if (const Region *region = m_model->region(name))
            regions.append(*region);
    }
    m_fleet = kpi::fleetHealth(regions);
    const QLocale locale;
    if (regions.isEmpty()) {
        for (KpiTile *tile : m_tiles)
            if (tile != m_tiles[ErrorBudget])
                tile->setValue(tr("–"), kpi::State::NoData);
        return;
    }
    const kpi::FleetHealth &f = m_fleet;
    m_tiles[Availability]->setValue(percentText(f.availability, 3),
                                    kpi::availabilityState(f.availability));
    m_tiles[LatencyP95]->setValue(tr("%1 ms").arg(locale.toString(f.latencyP95Ms, 'f', 0)),
                                  kpi::upperLimitState(f.latencyP95Ms, kpi::kP95TargetMs));
    m_tiles[GlobalResponse]->setValue(
        tr("%1 ms").arg(locale.toString(f.latencyP50Ms, 'f', 0)),
        kpi::upperLimitState(f.latencyP50Ms, kpi::kGlobalResponseTargetMs));
    m_tiles[Throughput]->setValue(
        f.throughputRps >= 10000
            ? tr("%1 k rps").arg(locale.toString(f.throughputRps / 1000, 'f', 1))
            : tr("%1 rps").arg(locale.toString(f.throughputRps, 'f', 0)),
        kpi::State::Info, tr("%n region(s)", nullptr, f.regions));
    QStringList others;
    if (f.down > 0)
        others << tr("%1 down").arg(f.down);
    if (f.maintenance > 0)
        others << tr("%1 in maintenance").arg(f.maintenance);
    m_tiles[Degraded]->setValue(tr("%1 of %2").arg(f.degraded).arg(f.regions),
                                kpi::degradedState(f.degraded), others.join(QStringLiteral(", ")));
}

void KpiPanel::refreshBudget()
{
    if (!m_client)
        return;
    m_budgetRequested = true;
    if (!m_budgetTimer->isActive())
        m_budgetTimer->start();
    QStringList regions;
    for (int row = 0; row < m_model->rowCount(); ++row)
        regions << m_model->index(row, 0).data(RegionTreeModel::ResourceNameRole).toString();
    if (regions.isEmpty())
        return;
    const quint64 generation = ++m_budgetGeneration;
    m_budgetPending = int(regions.size());
    m_budgetSamples.clear();
    m_budgetErrors.clear();
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addMSecs(-slo::kBudgetWindowMs);
    QPointer<KpiPanel> self(this);
    for (const QString &region : std::as_const(regions)) {
        m_client->fetchMetrics(
            region, start, end, kBudgetResolutionSeconds,
            [self, generation, region](const QList<MetricPoint> &points, const QString &error) {
                if (self)
                    self->budgetFetched(generation, region, kBudgetResolutionSeconds, points,
                                        error);
            });
    }
}

void KpiPanel::budgetFetched(quint64 generation, const QString &, int resolutionSeconds,
                             const QList<MetricPoint> &points, const QString &error)
{
    if (generation != m_budgetGeneration)
        return;
    if (!error.isEmpty())
        m_budgetErrors << error;
    for (const MetricPoint &p : points)
        m_budgetSamples.append({p.time.toMSecsSinceEpoch(), qint64(resolutionSeconds) * 1000,
                                p.availability, p.throughputRps});
    if (--m_budgetPending == 0)
        updateBudgetTile();
}

void KpiPanel::updateBudgetTile()
{
    KpiTile *tile = m_tiles[ErrorBudget];
    m_budgetShown = true;
    if (!m_budgetErrors.isEmpty()) {
        // A partial fleet would overstate what is left: say why there is no figure.
        tile->setValue(tr("–"), kpi::State::NoData, tr("metrics unavailable"));
        tile->setToolTip(m_budgetErrors.first());
        return;
    }
    const slo::BudgetStatus budget =
        slo::budget(m_budgetSamples, kpi::kAvailabilityTarget, QDateTime::currentMSecsSinceEpoch());
    if (!budget.hasData) {
        tile->setValue(tr("–"), kpi::State::NoData, tr("no samples"));
        return;
    }
    const QLocale locale;
    const double left = budget.remainingFraction;
    tile->setValue(left > 0 ? percentText(left, 1) : tr("overspent"), kpi::budgetState(left),
                   tr("%1 of %2 min")
                       .arg(locale.toString(budget.remainingMinutes, 'f', 2),
                            locale.toString(budget.budgetMinutes, 'f', 2)));
}

} // namespace ops
