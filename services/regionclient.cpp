#include "regionclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/watchstream_p.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(5);
constexpr qint64 kProgressTimeoutMs = 10000; // the server sends progress every few seconds
constexpr int kInitialBackoffMs = 250;
constexpr int kMaxBackoffMs = 5000;

auto deadlineFromNow()
{
    return std::chrono::system_clock::now() + kUnaryDeadline;
}

// What one watch stream hands over to the GUI thread. Filled on gRPC threads, drained per tick.
struct StreamInbox : WatchInboxBase
{
    QList<RegionChangeBatch> batches;
    quint64 events = 0;
    qint64 progressRevision = -1;
    qint64 oldestRetained = 0;
};

// One WatchRegions call.
class RegionWatchReactor final
    : public WatchReactor<pb::WatchRegionsRequest, pb::WatchRegionsResponse, StreamInbox>
{
public:
    RegionWatchReactor(std::shared_ptr<ChannelHolder> holder, std::shared_ptr<StreamInbox> inbox,
                       std::shared_ptr<GuiPoster> poster, const pb::WatchRegionsRequest &request)
        : WatchReactor(std::move(holder), std::move(inbox), std::move(poster), request)
    {
        start([this](auto *context, auto *req, auto *self) {
            m_holder->regions->async()->WatchRegions(context, req, self);
        });
    }

private:
    void deliver(const pb::WatchRegionsResponse &response, StreamInbox &inbox) override
    {
        if (response.has_changes()) {
            // Convert outside the lock; only the append is serialized with the GUI's drain.
            RegionChangeBatch batch = convert::toChangeBatch(response.changes());
            const auto events = quint64(batch.events.size());
            std::lock_guard lock(inbox.mutex);
            inbox.batches.append(std::move(batch));
            inbox.events += events;
            inbox.activity = true;
        } else if (response.has_progress()) {
            std::lock_guard lock(inbox.mutex);
            inbox.progressRevision = response.progress().revision();
            inbox.oldestRetained = response.progress().oldest_retained_revision();
            inbox.activity = true;
        }
    }
};

// Lists regions, components and (optionally) edge nodes, failovers and maintenance windows, all
// pages, one unary call after the other.
class ListJob : public std::enable_shared_from_this<ListJob>
{
public:
    using Done = std::function<void(RegionSnapshot snapshot, grpc::Status status, QString what)>;

    ListJob(std::shared_ptr<ChannelHolder> holder, std::shared_ptr<GuiPoster> poster,
            bool includeEdgeNodes, bool includeOperations, Done done)
        : m_holder(std::move(holder))
        , m_poster(std::move(poster))
        , m_includeEdgeNodes(includeEdgeNodes)
        , m_includeOperations(includeOperations)
        , m_done(std::move(done))
    {}

    void start() { listRegions({}); }

    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_current)
            m_current->TryCancel();
    }

private:
    grpc::ClientContext *nextContext()
    {
        std::lock_guard lock(m_mutex);
        // Contexts stay alive until the job ends: gRPC may still hold the previous one while its
        // callback (which starts the next call) runs.
        m_contexts.push_back(std::make_unique<grpc::ClientContext>());
        m_current = m_contexts.back().get();
        m_current->set_deadline(deadlineFromNow());
        m_holder->authorize(m_current);
        if (m_cancelled)
            m_current->TryCancel();
        return m_current;
    }

    void noteRevision(qint64 revision)
    {
        // Lists answered at different revisions: watch from the earliest, replays are harmless.
        if (m_snapshot.revision == 0 || revision < m_snapshot.revision)
            m_snapshot.revision = revision;
    }

    void listRegions(const std::string &pageToken)
    {
        m_regionsRequest.set_page_size(500);
        m_regionsRequest.set_page_token(pageToken);
        m_holder->regions->async()->ListRegions(
            nextContext(), &m_regionsRequest, &m_regionsResponse,
            [self = shared_from_this()](grpc::Status status) {
                if (!status.ok())
                    return self->finish(status, ListJob::tr("the regions"));
                self->noteRevision(self->m_regionsResponse.revision());
                for (const pb::Region &region : self->m_regionsResponse.regions())
                    self->m_snapshot.regions.append(convert::toRegion(region));
                if (!self->m_regionsResponse.next_page_token().empty())
                    return self->listRegions(self->m_regionsResponse.next_page_token());
                self->listComponents({});
            });
    }

    void listComponents(const std::string &pageToken)
    {
        m_componentsRequest.set_parent("regions/-");
        m_componentsRequest.set_page_size(1000);
        m_componentsRequest.set_page_token(pageToken);
        m_holder->regions->async()->ListComponents(
            nextContext(), &m_componentsRequest, &m_componentsResponse,
            [self = shared_from_this()](grpc::Status status) {
                if (!status.ok())
                    return self->finish(status, ListJob::tr("the components"));
                self->noteRevision(self->m_componentsResponse.revision());
                for (const pb::Component &component : self->m_componentsResponse.components())
                    self->m_snapshot.components.append(convert::toComponent(component));
                if (!self->m_componentsResponse.next_page_token().empty())
                    return self->listComponents(self->m_componentsResponse.next_page_token());
                if (self->m_includeEdgeNodes)
                    return self->listEdgeNodes({});
                self->afterEdgeNodes();
            });
    }

    void afterEdgeNodes()
    {
        if (m_includeOperations)
            return listFailovers({});
        finish(grpc::Status::OK, {});
    }

    void listEdgeNodes(const std::string &pageToken)
    {
        m_edgeNodesRequest.set_parent("regions/-");
        m_edgeNodesRequest.set_page_size(1000);
        m_edgeNodesRequest.set_page_token(pageToken);
        m_holder->regions->async()->ListEdgeNodes(
            nextContext(), &m_edgeNodesRequest, &m_edgeNodesResponse,
            [self = shared_from_this()](grpc::Status status) {
                if (!status.ok())
                    return self->finish(status, ListJob::tr("the edge nodes"));
                self->noteRevision(self->m_edgeNodesResponse.revision());
                for (const pb::EdgeNode &node : self->m_edgeNodesResponse.edge_nodes())
                    self->m_snapshot.edgeNodes.append(convert::toEdgeNode(node));
                if (!self->m_edgeNodesResponse.next_page_token().empty())
                    return self->listEdgeNodes(self->m_edgeNodesResponse.next_page_token());
                self->afterEdgeNodes();
            });
    }

    void listFailovers(const std::string &pageToken)
    {
        m_failoversRequest.set_parent("regions/-");
        m_failoversRequest.set_page_size(1000);
        m_failoversRequest.set_page_token(pageToken);
        m_holder->regions->async()->ListFailovers(
            nextContext(), &m_failoversRequest, &m_failoversResponse,
            [self = shared_from_this()](grpc::Status status) {
                // A platformd from before failovers existed: the console shows none.
                if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED)
                    return self->finish(grpc::Status::OK, {});
                if (!status.ok())
                    return self->finish(status, ListJob::tr("the failovers"));
                self->noteRevision(self->m_failoversResponse.revision());
                for (const pb::Failover &failover : self->m_failoversResponse.failovers())
                    self->m_snapshot.failovers.append(convert::toFailover(failover));
                if (!self->m_failoversResponse.next_page_token().empty())
                    return self->listFailovers(self->m_failoversResponse.next_page_token());
                self->listMaintenanceWindows({});
            });
    }

    void listMaintenanceWindows(const std::string &pageToken)
    {
        m_windowsRequest.set_parent("regions/-");
        m_windowsRequest.set_page_size(1000);
        m_windowsRequest.set_page_token(pageToken);
        m_holder->regions->async()->ListMaintenanceWindows(
            nextContext(), &m_windowsRequest, &m_windowsResponse,
            [self = shared_from_this()](grpc::Status status) {
                if (status.error_code() == grpc::StatusCode::UNIMPLEMENTED)
                    return self->finish(grpc::Status::OK, {});
                if (!status.ok())
                    return self->finish(status, ListJob::tr("the maintenance windows"));
                self->noteRevision(self->m_windowsResponse.revision());
                for (const pb::MaintenanceWindow &window :
                     self->m_windowsResponse.maintenance_windows())
                    self->m_snapshot.maintenanceWindows.append(convert::toMaintenanceWindow(window));
                if (!self->m_windowsResponse.next_page_token().empty())
                    return self->listMaintenanceWindows(self->m_windowsResponse.next_page_token());
                self->finish(grpc::Status::OK, {});
            });
    }

    void finish(const grpc::Status &status, const QString &what)
    {
        releaseOnGui(*m_poster, std::move(m_holder));
        m_done(std::move(m_snapshot), status, what);
    }

    static QString tr(const char *text) { return RegionClient::tr(text); }

    std::shared_ptr<ChannelHolder> m_holder;
    std::shared_ptr<GuiPoster> m_poster;
    const bool m_includeEdgeNodes;
    const bool m_includeOperations;
    Done m_done;
    std::mutex m_mutex;
    bool m_cancelled = false;
    grpc::ClientContext *m_current = nullptr;
    std::vector<std::unique_ptr<grpc::ClientContext>> m_contexts;
    RegionSnapshot m_snapshot;
    pb::ListRegionsRequest m_regionsRequest;
    pb::ListRegionsResponse m_regionsResponse;
    pb::ListComponentsRequest m_componentsRequest;
    pb::ListComponentsResponse m_componentsResponse;
    pb::ListEdgeNodesRequest m_edgeNodesRequest;
    pb::ListEdgeNodesResponse m_edgeNodesResponse;
    pb::ListFailoversRequest m_failoversRequest;
    pb::ListFailoversResponse m_failoversResponse;
    pb::ListMaintenanceWindowsRequest m_windowsRequest;
    pb::ListMaintenanceWindowsResponse m_windowsResponse;
};

struct MetricsCall
{
    grpc::ClientContext context;
    pb::GetRegionMetricsRequest request;
    pb::RegionMetrics response;
    std::shared_ptr<ChannelHolder> holder;
};

} // namespace

class RegionClient::Private
{
public:
    explicit Private(RegionClient *q)
        : q(q)
        , poster(std::make_shared<GuiPoster>(q))
    {}

    void setStreamState(StreamState state);
    void restart();
    void startListing();
    void startWatch(qint64 afterRevision);
    void cancelCalls(bool wait);
    void drain();
    void streamEnded(const grpc::Status &status);
    void listFinished(quint64 generation, RegionSnapshot snapshot, const grpc::Status &status,
                      const QString &what);
    void scheduleRetry();
    void retry();
    void refused(const grpc::Status &status);
    static bool isTransient(grpc::StatusCode code);
    QString endpoint() const { return q->m_connection ? q->m_connection->endpoint() : QString(); }

    RegionClient *const q;
    std::shared_ptr<GuiPoster> poster;
    QTimer drainTimer;
    QTimer retryTimer;
    QElapsedTimer sinceActivity;
    int coalesceMs = 16;
    int backoffMs = kInitialBackoffMs;
    bool includeEdgeNodes = false;
    bool includeOperations = false;
    bool running = false;
    bool haveSnapshot = false;
    bool cancelledForTimeout = false;
    qint64 oldestRetained = 0;
    quint64 generation = 0; // bumped whenever the calls in flight are abandoned
    std::shared_ptr<ListJob> listJob;
    std::shared_ptr<StreamInbox> stream;
};

void RegionClient::Private::setStreamState(StreamState state)
{
    if (q->m_streamState == state)
        return;
    q->m_streamState = state;
    emit q->streamStateChanged(state);
}

bool RegionClient::Private::isTransient(grpc::StatusCode code)
{
    // Network trouble, a restarting server, our own progress-timeout cancel, or a clean end.
    switch (code) {
    case grpc::StatusCode::OK:
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED: // we read too slowly: resume where we were
        return true;
    default:
        return false;
    }
}

void RegionClient::Private::cancelCalls(bool wait)
{
    ++generation;
    if (listJob) {
        listJob->cancel();
        listJob.reset();
    }
    if (stream) {
        stream->cancel();
        if (wait)
            stream->waitDone();
        stream.reset();
    }
    drainTimer.stop();
}

void RegionClient::Private::restart()
{
    cancelCalls(false);
    retryTimer.stop();
    if (!q->m_connection || !q->m_connection->isOpen()) {
        setStreamState(StreamState::Reconnecting); // until the connection opens
        return;
    }
    if (haveSnapshot)
        startWatch(q->m_lastRevision);
    else
        startListing();
}

void RegionClient::Private::startListing()
{
    cancelCalls(false);
    auto holder = q->m_connection ? q->m_connection->channel() : nullptr;
    if (!holder)
        return setStreamState(StreamState::Reconnecting);
    setStreamState(StreamState::Listing);
    const quint64 gen = generation;
    listJob = std::make_shared<ListJob>(
        holder, poster, includeEdgeNodes, includeOperations,
        [this, gen, poster = poster](RegionSnapshot snapshot, grpc::Status status, QString what) {
            // On a gRPC thread: hand the result to the GUI thread (dropped if the client is gone).
            poster->post([this, gen, snapshot = std::move(snapshot), status, what]() mutable {
                listFinished(gen, std::move(snapshot), status, what);
            });
        });
    listJob->start();
}

void RegionClient::Private::listFinished(quint64 gen, RegionSnapshot snapshot,
                                         const grpc::Status &status, const QString &what)
{
    if (gen != generation || !running)
        return; // abandoned
    listJob.reset();
    if (convert::isRefusal(status.error_code()))
        return refused(status);
    if (!status.ok()) {
        if (!isTransient(status.error_code()))
            emit q->errorOccurred(tr("Could not list %1 from %2: %3")
                                      .arg(what, endpoint(), convert::statusText(status)));
        return scheduleRetry();
    }
    haveSnapshot = true;
    q->m_lastRevision = snapshot.revision;
    q->m_lastEventTime = QDateTime::currentDateTimeUtc();  // the listing is data too
    const qint64 revision = snapshot.revision;
    emit q->snapshotReceived(snapshot);
    if (gen != generation || !running)
        return; // a slot stopped or restarted us
    startWatch(revision);
}

void RegionClient::Private::startWatch(qint64 afterRevision)
{
    cancelCalls(false);
    auto holder = q->m_connection ? q->m_connection->channel() : nullptr;
    if (!holder)
        return setStreamState(StreamState::Reconnecting);
    pb::WatchRegionsRequest request;
    request.set_after_revision(afterRevision);
    request.set_include_components(true);
    request.set_include_edge_nodes(includeEdgeNodes);
    request.set_include_operations(includeOperations);
    stream = std::make_shared<StreamInbox>();
    new RegionWatchReactor(std::move(holder), stream, poster, request); // deletes itself
    cancelledForTimeout = false;
    sinceActivity.start();
    drainTimer.start(coalesceMs);
    // While reconnecting, only the first message proves the stream is back (no state flapping).
    if (q->m_streamState != StreamState::Reconnecting)
        setStreamState(StreamState::Streaming);
}

void RegionClient::Private::drain()
{
    const std::shared_ptr<StreamInbox> inbox = stream;
    if (!inbox)
        return drainTimer.stop();
    QList<RegionChangeBatch> batches;
    quint64 events;
    qint64 progress;
    bool activity, done;
    grpc::Status status;
    {
        // Swap the whole inbox: the reactor is blocked for a pointer swap, not for our work.
        std::lock_guard lock(inbox->mutex);
        batches.swap(inbox->batches);
        events = std::exchange(inbox->events, 0);
        progress = std::exchange(inbox->progressRevision, -1);
        if (progress >= 0)
            oldestRetained = inbox->oldestRetained;
        activity = std::exchange(inbox->activity, false);
        done = inbox->done;
        status = inbox->status;
    }
    const quint64 gen = generation;
    if (activity) {
        q->m_lastEventTime = QDateTime::currentDateTimeUtc();
        sinceActivity.start();
        backoffMs = kInitialBackoffMs; // the stream works again
        setStreamState(StreamState::Streaming);
        if (gen != generation)
            return;
    }
    // A resumed stream never repeats what was handed over, even if the server did.
    if (!batches.isEmpty() && batches.first().revision <= q->m_lastRevision) {
        batches.removeIf(
            [last = q->m_lastRevision](const RegionChangeBatch &b) { return b.revision <= last; });
    }
    if (!batches.isEmpty()) {
        q->m_lastRevision = batches.last().revision;
        q->m_eventsReceived += events;
        emit q->changesReceived(batches);
        if (gen != generation)
            return;
    }
    if (progress >= 0) {
        emit q->progressReceived(progress);
        if (gen != generation)
            return;
    }
    if (done)
        return streamEnded(status);
    if (!cancelledForTimeout && sinceActivity.hasExpired(kProgressTimeoutMs)) {
        // Silent for too long (a half-open connection): give up on this stream and resume.
        cancelledForTimeout = true;
        inbox->cancel();
    }
}

void RegionClient::Private::streamEnded(const grpc::Status &status)
{
    stream.reset();
    drainTimer.stop();
    if (!running)
        return;
    if (convert::isRefusal(status.error_code()))
        return refused(status);
    if (status.error_code() == grpc::StatusCode::OUT_OF_RANGE) {
        // We fell behind the retained history: start over from a fresh listing.
        return startListing();
    }
    if (!isTransient(status.error_code()) && !cancelledForTimeout) {
        emit q->errorOccurred(
            tr("Lost the live updates from %1: %2").arg(endpoint(), convert::statusText(status)));
        // Resuming may not be possible (e.g. the server's history was reset): list again.
        haveSnapshot = false;
    }
    if (running)
        scheduleRetry();
}

void RegionClient::Private::scheduleRetry()
{
    setStreamState(StreamState::Reconnecting);
    // Jitter (+-20 %) keeps many consoles from reconnecting in lockstep after a server restart.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    retryTimer.start(int(backoffMs * jitter));
    backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
}

void RegionClient::Private::refused(const grpc::Status &status)
{
    // Retrying with the same token cannot help: say so once and wait for a new connection.
    retryTimer.stop();
    haveSnapshot = false;
    setStreamState(StreamState::Refused);
    emit q->errorOccurred(convert::refusalText(status));
}

void RegionClient::Private::retry()
{
    if (running)
        restart();
}

RegionClient::RegionClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this))
{
    d->retryTimer.setSingleShot(true);
    connect(&d->retryTimer, &QTimer::timeout, this, [this] { d->retry(); });
    connect(&d->drainTimer, &QTimer::timeout, this, [this] { d->drain(); });
    // A new channel (opened, or rebuilt by the watchdog): resume on it.
    connect(connection, &Connection::opened, this, [this] {
        if (d->running)
            d->restart();
    });
    connect(connection, &Connection::closed, this, [this] {
        if (!d->running)
            return;
        d->cancelCalls(false);
        d->retryTimer.stop();
        d->setStreamState(StreamState::Reconnecting);
    });
}

RegionClient::~RegionClient()
{
    stop();
    d->poster->detach();
}

qint64 RegionClient::oldestRetainedRevision() const
{
    return d->oldestRetained;
}

void RegionClient::setIncludeEdgeNodes(bool include)
{
    d->includeEdgeNodes = include;
}

void RegionClient::setIncludeOperations(bool include)
{
    d->includeOperations = include;
}

void RegionClient::setCoalesceIntervalMs(int ms)
{
    d->coalesceMs = std::max(1, ms);
    if (d->drainTimer.isActive())
        d->drainTimer.start(d->coalesceMs);
}

void RegionClient::start()
{
    if (d->running)
        return;
    d->running = true;
    d->haveSnapshot = false;
    d->backoffMs = kInitialBackoffMs;
    m_lastRevision = 0;
    d->restart();
}

void RegionClient::stop()
{
    if (!d->running && !d->stream && !d->listJob)
        return;
    d->running = false;
    d->retryTimer.stop();
    d->cancelCalls(true);
    d->setStreamState(StreamState::Stopped);
}

void RegionClient::fetchMetrics(const QString &region, const QDateTime &start, const QDateTime &end,
                                int resolutionSeconds, MetricsCallback callback)
{
    auto holder = m_connection ? m_connection->channel() : nullptr;
    if (!holder) {
        QTimer::singleShot(0, this, [callback = std::move(callback), region] {
            callback(
                {}, tr("Could not load the metrics of %1: not connected to platformd").arg(region));
        });
        return;
    }
    auto call = std::make_shared<MetricsCall>();
    call->holder = holder;
    call->context.set_deadline(deadlineFromNow());
    holder->authorize(&call->context);
    call->request.set_name(region.toStdString());
    if (start.isValid())
        convert::toTimestamp(start, call->request.mutable_start_time());
    if (end.isValid())
        convert::toTimestamp(end, call->request.mutable_end_time());
    if (resolutionSeconds > 0)
        call->request.mutable_resolution()->set_seconds(resolutionSeconds);
    holder->regions->async()->GetRegionMetrics(
        &call->context, &call->request, &call->response,
        [call, region, callback = std::move(callback), poster = d->poster](grpc::Status status) {
            QList<MetricPoint> points;
            QString error;
            if (status.ok()) {
                points.reserve(call->response.points_size());
                for (const pb::MetricPoint &point : call->response.points())
                    points.append(convert::toMetricPoint(point));
            } else {
                error = tr("Could not load the metrics of %1: %2")
                            .arg(region, convert::statusText(status));
            }
            releaseOnGui(*poster, std::move(call->holder));
            poster->post(
                [callback, points = std::move(points), error] { callback(points, error); });
        });
}

} // namespace ops
