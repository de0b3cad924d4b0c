#pragma once

#include "models/incident.h"

#include <QWidget>

namespace ops {

// The adapter around Qt Charts for the incident analytics (the migration to Qt Graphs stays
// here): bars of counts by severity, region and source, and MTTA/MTTR lines per bucket.
class IncidentCharts : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentCharts(QWidget *parent = nullptr);
    ~IncidentCharts() override;

    void setAnalytics(const IncidentAnalytics &analytics);

protected:
    void changeEvent(QEvent *event) override;

private:
    class Private;
    Private *d;
};

} // namespace ops
