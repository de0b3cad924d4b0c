#include "regionclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/unarycall_p.h"
#include "private/watchclient_p.h"

#include <QCoreApplication>

#include <chrono>
#include <mutex>
#include <vector>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(5);

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
                    self->m_snapshot.maintenanceWindows.append(
                        convert::toMaintenanceWindow(window));
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

    // The context lupdate files these under (ListJob is no QObject): "ops::ListJob".
    static QString tr(const char *text)
    {
        return QCoreApplication::translate("ops::ListJob", text);
    }

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

} // namespace

static_assert(int(RegionClient::StreamState::Refused) == int(WatchClient::State::Refused));

class RegionClient::Private final : public WatchClient
{
public:
    explicit Private(RegionClient *q, Connection *connection)
        : WatchClient(q, connection, q->m_lastRevision, q->m_lastEventTime, {})
        , q(q)
    {}

    void listed(quint64 gen, RegionSnapshot snapshot, const grpc::Status &status,
                const QString &what)
    {
        if (!acceptListing(gen, status, what, snapshot.revision))
            return;
        emit q->snapshotReceived(snapshot);
        watchAfterListing(gen);
    }
    QString endpoint() const { return q->m_connection ? q->m_connection->endpoint() : QString(); }

    RegionClient *const q;
    bool includeEdgeNodes = false;
    bool includeOperations = false;
    qint64 oldestRetained = 0;
    // What the last drain took from the inbox.
    QList<RegionChangeBatch> takenBatches;
    quint64 takenEvents = 0;
    qint64 takenProgress = -1;

private:
    void stateChanged(State state) override
    {
        q->m_streamState = StreamState(state);
        emit q->streamStateChanged(q->m_streamState);
    }
    void reportError(const QString &message) override { emit q->errorOccurred(message); }

    std::function<void()> startListing(std::shared_ptr<ChannelHolder> holder, quint64 gen) override
    {
        auto job = std::make_shared<ListJob>(
            std::move(holder), poster, includeEdgeNodes, includeOperations,
            [this, gen, poster = poster](RegionSnapshot snapshot, grpc::Status status,
                                         QString what) {
                // On a gRPC thread: hand it to the GUI thread (dropped if the client is gone).
                poster->post([this, gen, snapshot = std::move(snapshot), status, what]() mutable {
                    listed(gen, std::move(snapshot), status, what);
                });
            });
        job->start();
        return [job] {
            job->cancel();
        };
    }

    std::shared_ptr<WatchInboxBase> startStream(std::shared_ptr<ChannelHolder> holder,
                                                qint64 afterRevision) override
    {
        pb::WatchRegionsRequest request;
        request.set_after_revision(afterRevision);
        request.set_include_components(true);
        request.set_include_edge_nodes(includeEdgeNodes);
        request.set_include_operations(includeOperations);
        auto inbox = std::make_shared<StreamInbox>();
        new RegionWatchReactor(std::move(holder), inbox, poster, request); // deletes itself
        return inbox;
    }

    void takeInbox(WatchInboxBase &base) override
    {
        auto &inbox = static_cast<StreamInbox &>(base);
        takenBatches = std::exchange(inbox.batches, {});
        takenEvents = std::exchange(inbox.events, 0);
        takenProgress = std::exchange(inbox.progressRevision, -1);
        if (takenProgress >= 0)
            oldestRetained = inbox.oldestRetained;
    }

    bool deliverTaken(quint64 gen) override
    {
        QList<RegionChangeBatch> batches = std::exchange(takenBatches, {});
        const qint64 progress = takenProgress;
        // A resumed stream never repeats what was handed over, even if the server did.
        if (!batches.isEmpty() && batches.first().revision <= q->m_lastRevision) {
            batches.removeIf([last = q->m_lastRevision](const RegionChangeBatch &b) {
                return b.revision <= last;
            });
        }
        if (!batches.isEmpty()) {
            q->m_lastRevision = batches.last().revision;
            q->m_eventsReceived += takenEvents;
            emit q->changesReceived(batches);
            if (!isCurrent(gen))
                return false;
        }
        if (progress >= 0) {
            emit q->progressReceived(progress);
            if (!isCurrent(gen))
                return false;
        }
        return true;
    }

    QString listFailedText(const grpc::Status &status, const QString &what) const override
    {
        return tr("Could not list %1 from %2: %3")
            .arg(what, endpoint(), convert::statusText(status));
    }
    QString streamLostText(const grpc::Status &status) const override
    {
        return tr("Lost the live updates from %1: %2").arg(endpoint(), convert::statusText(status));
    }
};

RegionClient::RegionClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this, connection))
{}

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
    d->setCoalesceIntervalMs(ms);
}

void RegionClient::start()
{
    d->start();
}

void RegionClient::stop()
{
    d->stop();
}

void RegionClient::fetchMetrics(const QString &region, const QDateTime &start, const QDateTime &end,
                                int resolutionSeconds, MetricsCallback callback)
{
    pb::GetRegionMetricsRequest request;
    request.set_name(region.toStdString());
    if (start.isValid())
        convert::toTimestamp(start, request.mutable_start_time());
    if (end.isValid())
        convert::toTimestamp(end, request.mutable_end_time());
    if (resolutionSeconds > 0)
        request.mutable_resolution()->set_seconds(resolutionSeconds);
    struct Answer
    {
        QList<MetricPoint> points;
        QString error;
    };
    unary<pb::RegionMetrics>(
        d->poster, m_connection ? m_connection->channel() : nullptr, kUnaryDeadline,
        std::move(request),
        [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
            ch.regions->async()->GetRegionMetrics(c, q, r, std::move(f));
        },
        [region](const grpc::Status &status, const pb::RegionMetrics &response) {
            Answer answer;
            if (status.ok()) {
                answer.points.reserve(response.points_size());
                for (const pb::MetricPoint &point : response.points())
                    answer.points.append(convert::toMetricPoint(point));
            } else {
                answer.error = tr("Could not load the metrics of %1: %2")
                                   .arg(region, convert::statusText(status));
            }
            return answer;
        },
        [callback = std::move(callback)](const Answer &answer) {
            callback(answer.points, answer.error);
        },
        [region] {
            return Answer{
                {}, tr("Could not load the metrics of %1: not connected to platformd").arg(region)};
        });
}

} // namespace ops
