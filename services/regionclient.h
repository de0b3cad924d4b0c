#pragma once

#include "models/region.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace ops {

class Connection;

// A region's health as a time series (GetRegionMetrics).
struct MetricPoint
{
    QDateTime time;
    double latencyP50Ms = 0, latencyP95Ms = 0, latencyP99Ms = 0;
    double errorRate = 0, throughputRps = 0, availability = 0;
};

// Follows the regions domain of one platformd: lists it, then watches it, and hands the GUI thread
// a snapshot followed by coalesced change batches. Reconnects with backoff; resumes the watch from
// the last applied revision, and relists when platformd answers OUT_OF_RANGE.
// gRPC runs on gRPC's threads; every signal is emitted on the thread this object lives on.
class RegionClient : public QObject
{
    Q_OBJECT
public:
    // Refused: platformd refused the token or the permission; no retry until the connection is
    // opened again (a new token, or File → Connect…).
    enum class StreamState { Stopped, Listing, Streaming, Reconnecting, Refused };
    Q_ENUM(StreamState)

    explicit RegionClient(Connection *connection, QObject *parent = nullptr);
    ~RegionClient() override; // cancels the stream and waits (bounded) for it to end

    void setIncludeEdgeNodes(bool include); // before start(); components are always included
    // Before start(): also list (ListFailovers, ListMaintenanceWindows for regions/-) and watch
    // failovers and maintenance windows (RegionSnapshot::failovers / maintenanceWindows, and
    // RegionEvent alternatives Failover / MaintenanceWindow).
    void setIncludeOperations(bool include);
    // Batches received in one tick are delivered together; default 16 ms.
    void setCoalesceIntervalMs(int ms);

    void start();
    void stop();

    StreamState streamState() const { return m_streamState; }
    qint64 lastRevision() const { return m_lastRevision; } // last revision handed to the GUI
    QDateTime lastEventTime() const
    {
        return m_lastEventTime;
    } // when the last change or progress arrived
    quint64 eventsReceived() const { return m_eventsReceived; }
    // From the last progress message: resuming from below this - 1 means a relist. 0 until known.
    qint64 oldestRetainedRevision() const;

    // Unary calls with a deadline; the callback runs on this object's thread (dropped if it is
    // gone).
    using MetricsCallback =
        std::function<void(const QList<MetricPoint> &points, const QString &error)>;
    void fetchMetrics(const QString &region, const QDateTime &start, const QDateTime &end,
                      int resolutionSeconds, MetricsCallback callback);

signals:
    // A full, consistent listing: the model replaces its content by it (as a diff).
    void snapshotReceived(const ops::RegionSnapshot &snapshot);
    // Every batch after the snapshot, in revision order, coalesced per tick.
    void changesReceived(const QList<ops::RegionChangeBatch> &batches);
    // Progress from the server (heartbeat): the store is at `revision`.
    void progressReceived(qint64 revision);
    void streamStateChanged(ops::RegionClient::StreamState state);
    // A call failed; `message` is user-facing and says what and why.
    void errorOccurred(const QString &message);

private:
    QPointer<Connection> m_connection; // the connection may go first at shutdown
    StreamState m_streamState = StreamState::Stopped;
    qint64 m_lastRevision = 0;
    QDateTime m_lastEventTime;
    quint64 m_eventsReceived = 0;
    class Private;
    std::unique_ptr<Private> d;
    friend class Private;
};

} // namespace ops
