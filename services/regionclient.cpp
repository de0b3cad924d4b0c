#include "regionclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/pagedlister_p.h"
#include "private/unarycall_p.h"
#include "private/watchclient_p.h"

#include <QCoreApplication>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(5);

// What one watch stream hands over to the GUI thread. Filled on gRPC threads, drained per tick.
struct StreamInbox : WatchInboxBase
{
    QList<RegionChangeBatch> batches;
    quint64 events = 0;
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
            inbox.progress = response.progress().revision();
            inbox.oldestRetained = response.progress().oldest_retained_revision();
            inbox.activity = true;
        }
    }
};

// Lists regions, components and (optionally) edge nodes, failovers and maintenance windows: one
// collection after the other, each every page through a PagedLister; the lists' calls are one
// CallSet, cancelled together.
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

    void start() { listRegions(); }
    void cancel() { m_calls->cancel(); }

private:
    // What UNIMPLEMENTED from a collection's List call means.
    enum class Missing {
        Fails,     // UNIMPLEMENTED fails the listing like any other error
        ShowsNone, // a platformd from before the collection existed: the console shows none
    };

    // Every page of one collection; `take(snapshot, page)` keeps a page, `then()` runs after the
    // last one. The lister is made when the collection's turn comes, so the channel is held only
    // by the call in flight (and by the job, which releases it on the GUI thread in finish()).
    template<typename Response, typename Request, typename Start, typename Take, typename Then>
    void list(Request request, Start start, Take take, QString what, Missing missing, Then then)
    {
        using Lister = PagedLister<ChannelHolder, Request, Response>;
        auto lister = std::make_shared<Lister>();
        lister->channel = m_holder;
        lister->poster = m_poster;
        lister->calls = m_calls;
        lister->deadline = kUnaryDeadline;
        lister->request = std::move(request);
        lister->startFn = std::move(start);
        lister->pageFn = [self = shared_from_this(), take](const Response &page) {
            self->noteRevision(page.revision());
            take(self->m_snapshot, page);
        };
        lister->doneFn = [self = shared_from_this(), what = std::move(what), missing,
                          then](const grpc::Status &status) {
            if (missing == Missing::ShowsNone &&
                status.error_code() == grpc::StatusCode::UNIMPLEMENTED)
                return self->finish(grpc::Status::OK, {});
            if (!status.ok())
                return self->finish(status, what);
            then(*self);
        };
        lister->next({});
    }

    void noteRevision(qint64 revision)
    {
        // Lists answered at different revisions: watch from the earliest, replays are harmless.
        if (m_snapshot.revision == 0 || revision < m_snapshot.revision)
            m_snapshot.revision = revision;
    }

    void listRegions()
    {
        pb::ListRegionsRequest request;
        request.set_page_size(500);
        list<pb::ListRegionsResponse>(
            std::move(request),
            [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
                ch.regions->async()->ListRegions(c, q, r, std::move(f));
            },
            [](RegionSnapshot &snapshot, const pb::ListRegionsResponse &page) {
                for (const pb::Region &region : page.regions())
                    snapshot.regions.append(convert::toRegion(region));
            },
            ListJob::tr("the regions"), Missing::Fails, [](ListJob &job) { job.listComponents(); });
    }

    void listComponents()
    {
        pb::ListComponentsRequest request;
        request.set_parent("regions/-");
        request.set_page_size(1000);
        list<pb::ListComponentsResponse>(
            std::move(request),
            [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
                ch.regions->async()->ListComponents(c, q, r, std::move(f));
            },
            [](RegionSnapshot &snapshot, const pb::ListComponentsResponse &page) {
                for (const pb::Component &component : page.components())
                    snapshot.components.append(convert::toComponent(component));
            },
            ListJob::tr("the components"), Missing::Fails,
            [](ListJob &job) {
                if (job.m_includeEdgeNodes)
                    return job.listEdgeNodes();
                job.afterEdgeNodes();
            });
    }

    void afterEdgeNodes()
    {
        if (m_includeOperations)
            return listFailovers();
        finish(grpc::Status::OK, {});
    }

    void listEdgeNodes()
    {
        pb::ListEdgeNodesRequest request;
        request.set_parent("regions/-");
        request.set_page_size(1000);
        list<pb::ListEdgeNodesResponse>(
            std::move(request),
            [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
                ch.regions->async()->ListEdgeNodes(c, q, r, std::move(f));
            },
            [](RegionSnapshot &snapshot, const pb::ListEdgeNodesResponse &page) {
                for (const pb::EdgeNode &node : page.edge_nodes())
                    snapshot.edgeNodes.append(convert::toEdgeNode(node));
            },
            ListJob::tr("the edge nodes"), Missing::Fails,
            [](ListJob &job) { job.afterEdgeNodes(); });
    }

    void listFailovers()
    {
        pb::ListFailoversRequest request;
        request.set_parent("regions/-");
        request.set_page_size(1000);
        list<pb::ListFailoversResponse>(
            std::move(request),
            [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
                ch.regions->async()->ListFailovers(c, q, r, std::move(f));
            },
            [](RegionSnapshot &snapshot, const pb::ListFailoversResponse &page) {
                for (const pb::Failover &failover : page.failovers())
                    snapshot.failovers.append(convert::toFailover(failover));
            },
            ListJob::tr("the failovers"), Missing::ShowsNone,
            [](ListJob &job) { job.listMaintenanceWindows(); });
    }

    void listMaintenanceWindows()
    {
        pb::ListMaintenanceWindowsRequest request;
        request.set_parent("regions/-");
        request.set_page_size(1000);
        list<pb::ListMaintenanceWindowsResponse>(
            std::move(request),
            [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
                ch.regions->async()->ListMaintenanceWindows(c, q, r, std::move(f));
            },
            [](RegionSnapshot &snapshot, const pb::ListMaintenanceWindowsResponse &page) {
                for (const pb::MaintenanceWindow &window : page.maintenance_windows())
                    snapshot.maintenanceWindows.append(convert::toMaintenanceWindow(window));
            },
            ListJob::tr("the maintenance windows"), Missing::ShowsNone,
            [](ListJob &job) { job.finish(grpc::Status::OK, {}); });
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
    const std::shared_ptr<CallSet> m_calls = std::make_shared<CallSet>();
    RegionSnapshot m_snapshot; // filled one page after the other, on gRPC threads
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
        if (inbox.progress >= 0) // taken by the base after this
            oldestRetained = inbox.oldestRetained;
    }

    void progressReceived(qint64 position) override { emit q->progressReceived(position); }

    bool deliverTaken(quint64 gen) override
    {
        QList<RegionChangeBatch> batches = std::exchange(takenBatches, {});
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
