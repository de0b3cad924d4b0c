#pragma once

#include "models/region.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

namespace ops {

// A compact painted timeline of one region's operations: the last 30 days and what is scheduled
// ahead, failovers on the upper lane and maintenance windows on the lower one, a "now" line.
class TimelineStrip : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineStrip(QWidget *parent = nullptr);

    void setOperations(const QString &region, const QList<Failover> &failovers,
                       const QList<MaintenanceWindow> &windows, const QDateTime &now);
    int barCount() const { return int(m_bars.size()); }
    QDateTime rangeStart() const { return m_start; }
    QDateTime rangeEnd() const { return m_end; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Bar
    {
        int lane = 0; // 0 failovers, 1 maintenance
        QDateTime start, end;
        HealthStatus look = HealthStatus::Unknown; // colour and legend
        bool hollow = false;                       // cancelled / scheduled
        QString toolTip;
    };
    QRectF laneRect(int lane) const;
    QRectF barRect(const Bar &bar) const;
    double xOf(const QDateTime &time) const;

    QList<Bar> m_bars;
    QDateTime m_start, m_end, m_now;
};

} // namespace ops
