#pragma once

#include <QGroupBox>
#include <QList>
#include <QString>

class QButtonGroup;
class QLabel;
class QTimer;

namespace ops {

class RegionClient;
class TimeSeriesChart;
struct MetricPoint;

// The region detail's "Health over time": latency, error rate and throughput of one region over a
// chosen range, fetched and refreshed here; on an error the last lines stay, dimmed.
class MetricCharts : public QGroupBox
{
    Q_OBJECT
public:
    enum class Range { Hour, Day, Week, Month };
    Q_ENUM(Range)

    explicit MetricCharts(RegionClient *client, QWidget *parent = nullptr);
    ~MetricCharts() override;

    void setRegion(const QString &region); // clears the lines and fetches; "" stops fetching
    Range range() const { return m_range; }
    void setRange(Range range);

    TimeSeriesChart *latencyChart() const { return m_latency; }
    TimeSeriesChart *errorChart() const { return m_errors; }
    TimeSeriesChart *throughputChart() const { return m_throughput; }
    QString statusText() const; // "Loading…", an error, or "" when the charts are current
    bool hasError() const { return m_error; }
    int fetchCount() const { return m_fetches; }

    // Resolution and refresh interval per range (1 h @ 60 s every 15 s, 24 h @ 10 min every 1 min,
    // 7 d @ 1 h every 5 min, 30 d @ 4 h every 10 min).
    static qint64 rangeMs(Range range);
    static int resolutionSeconds(Range range);
    static int refreshMs(Range range);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fetch();
    void fetched(quint64 generation, const QList<MetricPoint> &points, const QString &error);
    void setStatus(const QString &text, bool error);

    RegionClient *m_client;
    QString m_region;
    Range m_range = Range::Hour;

    QButtonGroup *m_rangeButtons = nullptr;
    QLabel *m_status = nullptr;
    TimeSeriesChart *m_latency = nullptr;
    TimeSeriesChart *m_errors = nullptr;
    TimeSeriesChart *m_throughput = nullptr;
    bool m_error = false;
    int m_fetches = 0;

    QTimer *m_timer; // refetches, interval per range
    quint64 m_generation = 0;
};

} // namespace ops
