#pragma once

#include "models/incident.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;

namespace ops {

class IncidentClient;
class IncidentCharts;

// MTTA, MTTR and the counts by severity, region and source over a chosen window
// (GetIncidentAnalytics), as figures and Qt Charts (behind IncidentCharts, the folder's only chart
// code). Fetches when shown and every minute while visible.
class IncidentAnalyticsView : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentAnalyticsView(IncidentClient *client, QWidget *parent = nullptr);
    ~IncidentAnalyticsView() override;

    void refresh();
    const IncidentAnalytics &analytics() const { return m_analytics; }
    QString figuresText() const;

signals:
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void display(const IncidentAnalytics &analytics);

    IncidentClient *m_client;
    QComboBox *m_window;
    QLabel *m_figures;
    QLabel *m_error;
    IncidentCharts *m_charts;
    QTimer *m_timer;
    IncidentAnalytics m_analytics;
    quint64 m_generation = 0;
};

} // namespace ops
