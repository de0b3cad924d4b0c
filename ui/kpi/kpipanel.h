#pragma once

#include "kpievaluation.h"

#include "models/slo.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

class QTimer;

namespace ops {

class KpiTile;
class RegionClient;
class RegionTreeModel;
struct MetricPoint;

// The "KPIs" dock: a strip of tiles with the fleet's actual values against the seed's targets —
// availability, p95 latency, global response time, throughput, regions degraded now and the fleet's
// 30-day error budget. Live from RegionTreeModel; the error budget from the regions' 30-day
// metrics, fetched every few minutes.
class KpiPanel : public QWidget
{
    Q_OBJECT
public:
    enum Tile {
        Availability,
        LatencyP95,
        GlobalResponse,
        Throughput,
        Degraded,
        ErrorBudget,
        TileCount
    };
    Q_ENUM(Tile)

    static constexpr int BudgetRefreshMs = 5 * 60 * 1000;

    KpiPanel(RegionTreeModel *model, RegionClient *client, QWidget *parent = nullptr);
    ~KpiPanel() override;

    KpiTile *tile(Tile which) const { return m_tiles[which]; }
    kpi::FleetHealth fleet() const { return m_fleet; }
    bool hasBudget() const
    {
        return m_budgetShown;
    } // the error budget tile has a figure or an error
    // Refetches the regions' 30-day metrics now (also on a timer and after the first listing).
    void refreshBudget();

private:
    void scheduleUpdate();
    void updateFromModel();
    void budgetFetched(quint64 generation, const QString &region, int resolutionSeconds,
                       const QList<MetricPoint> &points, const QString &error);
    void updateBudgetTile();

    RegionTreeModel *m_model;
    RegionClient *m_client;
    KpiTile *m_tiles[TileCount] = {};
    kpi::FleetHealth m_fleet;
    QTimer *m_updateTimer;
    QTimer *m_budgetTimer;
    quint64 m_budgetGeneration = 0;
    int m_budgetPending = 0;
    QList<slo::Sample> m_budgetSamples;
    QStringList m_budgetErrors;
    bool m_budgetRequested = false;
    bool m_budgetShown = false;
};

} // namespace ops
