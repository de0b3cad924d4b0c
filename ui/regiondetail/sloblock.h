#pragma once

#include "models/slo.h"

#include <QGroupBox>
#include <QList>
#include <QString>

class QLabel;
class QProgressBar;
class QTimer;
class QTreeView;

namespace ops {

class BurnRateAlertModel;
class RegionClient;
class RegionTreeModel;
struct MetricPoint;

// The region detail's "Availability and error budget (30 days)": availability against the region's
// SLO target, the error budget left and the four burn-rate alerts. Fetches 30 d @ 1 h and
// 6 h @ 60 s every minute and combines them with models/slo.
class SloBlock : public QGroupBox
{
    Q_OBJECT
public:
    SloBlock(RegionTreeModel *model, RegionClient *client, QWidget *parent = nullptr);
    ~SloBlock() override;

    void setRegion(const QString &region); // forgets the samples and fetches; "" stops fetching
    void refresh();                        // shows the samples against the current target

    QTreeView *alertsView() const { return m_alerts; }
    QString budgetText() const;
    QString availabilityText() const;
    QString statusText() const; // why there are no figures, or ""

protected:
    void changeEvent(QEvent *event) override;

private:
    void fetch();
    void fetched(quint64 generation, bool fine, const QList<MetricPoint> &points,
                 const QString &error);

    RegionTreeModel *m_model;
    RegionClient *m_client;
    QString m_region;

    QLabel *m_availability = nullptr;
    QLabel *m_state = nullptr;
    QProgressBar *m_budgetBar = nullptr;
    QLabel *m_budgetLabel = nullptr;
    BurnRateAlertModel *m_alertModel;
    QTreeView *m_alerts = nullptr;
    QLabel *m_error = nullptr;

    QTimer *m_timer; // refetches every minute
    quint64 m_generation = 0;
    QList<slo::Sample> m_coarse; // 30 d @ 1 h
    QList<slo::Sample> m_fine;   // 6 h @ 1 min
    bool m_coarseLoaded = false;
    bool m_fineLoaded = false;
    QString m_errorText;
};

} // namespace ops
