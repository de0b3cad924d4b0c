#include "auditclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/watchstream_p.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(10);
constexpr qint64 kProgressTimeoutMs = 10000;
constexpr int kInitialBackoffMs = 250;
constexpr int kMaxBackoffMs = 5000;

// What the watch stream hands to the GUI thread: filled on gRPC threads, drained per tick.
struct AuditInbox : WatchInboxBase
{
    QList<AuditEvent> events;
    qint64 progressSeq = -1;
};

// One WatchAudit call.
class AuditWatchReactor final
    : public WatchReactor<pb::WatchAuditRequest, pb::WatchAuditResponse, AuditInbox>
{
public:
    AuditWatchReactor(std::shared_ptr<ChannelHolder> holder, std::shared_ptr<AuditInbox> inbox,
                      std::shared_ptr<GuiPoster> poster, qint64 afterSeq)
        : WatchReactor(std::move(holder), std::move(inbox), std::move(poster), request(afterSeq))
    {
        start([this](auto *context, auto *req, auto *self) {
            m_holder->audit->async()->WatchAudit(context, req, self);
        });
    }

private:
    static pb::WatchAuditRequest request(qint64 afterSeq)
    {
        pb::WatchAuditRequest r;
        r.set_after_seq(afterSeq);
        return r;
    }

    void deliver(const pb::WatchAuditResponse &response, AuditInbox &inbox) override
    {
        if (response.has_event()) {
            AuditEvent event = convert::toAuditEvent(response.event());
            std::lock_guard lock(inbox.mutex);
            inbox.events.append(std::move(event));
            inbox.activity = true;
        } else if (response.has_progress()) {
            std::lock_guard lock(inbox.mutex);
            inbox.progressSeq = response.progress().revision();
            inbox.activity = true;
        }
    }
};

// Every page of ListAuditEvents, one call after the other.
class AuditListJob : public std::enable_shared_from_this<AuditListJob>
{
public:
    using Done = std::function<void(QList<AuditEvent> events, qint64 lastSeq, grpc::Status status)>;

    AuditListJob(std::shared_ptr<ChannelHolder> holder, std::shared_ptr<GuiPoster> poster,
                 const QString &filter, Done done)
        : m_holder(std::move(holder))
        , m_poster(std::move(poster))
        , m_filter(filter.toStdString())
        , m_done(std::move(done))
    {}

    void start() { next({}); }
    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_current)
            m_current->TryCancel();
    }

private:
    void next(const std::string &pageToken)
    {
        grpc::ClientContext *context;
        {
            std::lock_guard lock(m_mutex);
            m_contexts.push_back(std::make_unique<grpc::ClientContext>());
            context = m_current = m_contexts.back().get();
            context->set_deadline(std::chrono::system_clock::now() + kUnaryDeadline);
            m_holder->authorize(context);
            if (m_cancelled)
                context->TryCancel();
        }
        m_request.set_page_size(1000);
        m_request.set_page_token(pageToken);
        m_request.set_filter(m_filter);
        m_holder->audit->async()->ListAuditEvents(
            context, &m_request, &m_response, [self = shared_from_this()](grpc::Status status) {
                if (!status.ok())
                    return self->finish(status);
                if (self->m_lastSeq == 0)
                    self->m_lastSeq = self->m_response.last_seq();
                for (const pb::AuditEvent &e : self->m_response.events())
                    self->m_events.append(convert::toAuditEvent(e));
                if (!self->m_response.next_page_token().empty())
                    return self->next(self->m_response.next_page_token());
                self->finish(grpc::Status::OK);
            });
    }

    void finish(const grpc::Status &status)
    {
        releaseOnGui(*m_poster, std::move(m_holder));
        m_done(std::move(m_events), m_lastSeq, status);
    }

    std::shared_ptr<ChannelHolder> m_holder;
    std::shared_ptr<GuiPoster> m_poster;
    const std::string m_filter;
    Done m_done;
    std::mutex m_mutex;
    bool m_cancelled = false;
    grpc::ClientContext *m_current = nullptr;
    std::vector<std::unique_ptr<grpc::ClientContext>> m_contexts;
    QList<AuditEvent> m_events;
    qint64 m_lastSeq = 0;
    pb::ListAuditEventsRequest m_request;
    pb::ListAuditEventsResponse m_response;
};

struct VerifyCall
{
    grpc::ClientContext context;
    pb::VerifyChainRequest request;
    pb::VerifyChainResponse response;
    std::shared_ptr<ChannelHolder> holder;
};

bool isTransient(grpc::StatusCode code)
{
    switch (code) {
    case grpc::StatusCode::OK:
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
        return true;
    default:
        return false;
    }
}

} // namespace

class AuditClient::Private
{
public:
    explicit Private(AuditClient *q)
        : q(q)
        , poster(std::make_shared<GuiPoster>(q))
    {}

    void setStreamState(StreamState state)
    {
        if (q->m_streamState == state)
            return;
        q->m_streamState = state;
        emit q->streamStateChanged(state);
    }
    void cancelCalls(bool wait);
    void restart();
    void startListing();
    void listFinished(quint64 gen, QList<AuditEvent> events, const grpc::Status &status);
    void startWatch();
    void drain();
    void streamEnded(const grpc::Status &status);
    void refused(const grpc::Status &status);
    void scheduleRetry();

    AuditClient *const q;
    std::shared_ptr<GuiPoster> poster;
    QTimer drainTimer;
    QTimer retryTimer;
    QElapsedTimer sinceActivity;
    int coalesceMs = 16;
    int backoffMs = kInitialBackoffMs;
    bool running = false;
    bool haveSnapshot = false;
    bool cancelledForTimeout = false;
    quint64 generation = 0;
    std::shared_ptr<AuditListJob> listJob;
    std::shared_ptr<AuditInbox> stream;
};

void AuditClient::Private::cancelCalls(bool wait)
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

void AuditClient::Private::restart()
{
    cancelCalls(false);
    retryTimer.stop();
    if (!q->m_connection || !q->m_connection->isOpen())
        return setStreamState(StreamState::Reconnecting);
    if (haveSnapshot)
        startWatch();
    else
        startListing();
}

void AuditClient::Private::startListing()
{
    cancelCalls(false);
    auto holder = q->m_connection ? q->m_connection->channel() : nullptr;
    if (!holder)
        return setStreamState(StreamState::Reconnecting);
    setStreamState(StreamState::Listing);
    const quint64 gen = generation;
    listJob = std::make_shared<AuditListJob>(
        holder, poster, QString(),
        [this, gen, poster = poster](QList<AuditEvent> events, qint64, grpc::Status status) {
            poster->post([this, gen, events = std::move(events), status]() mutable {
                listFinished(gen, std::move(events), status);
            });
        });
    listJob->start();
}

void AuditClient::Private::listFinished(quint64 gen, QList<AuditEvent> events,
                                        const grpc::Status &status)
{
    if (gen != generation || !running)
        return;
    listJob.reset();
    if (convert::isRefusal(status.error_code()))
        return refused(status);
    if (!status.ok()) {
        if (!isTransient(status.error_code()))
            emit q->errorOccurred(tr("Could not list the audit log of %1: %2")
                                      .arg(q->endpoint(), convert::statusText(status)));
        return scheduleRetry();
    }
    haveSnapshot = true;
    q->m_lastSeq = events.isEmpty() ? 0 : events.last().seq;
    q->m_lastEventTime = QDateTime::currentDateTimeUtc();
    emit q->snapshotReceived(events);
    if (gen != generation || !running)
        return;
    startWatch();
}

void AuditClient::Private::startWatch()
{
    cancelCalls(false);
    auto holder = q->m_connection ? q->m_connection->channel() : nullptr;
    if (!holder)
        return setStreamState(StreamState::Reconnecting);
    stream = std::make_shared<AuditInbox>();
    new AuditWatchReactor(std::move(holder), stream, poster, q->m_lastSeq); // deletes itself
    cancelledForTimeout = false;
    sinceActivity.start();
    drainTimer.start(coalesceMs);
    if (q->m_streamState != StreamState::Reconnecting)
        setStreamState(StreamState::Streaming);
}

void AuditClient::Private::drain()
{
    const std::shared_ptr<AuditInbox> inbox = stream;
    if (!inbox)
        return drainTimer.stop();
    QList<AuditEvent> events;
    qint64 progress;
    bool activity, done;
    grpc::Status status;
    {
        std::lock_guard lock(inbox->mutex);
        events.swap(inbox->events);
        progress = std::exchange(inbox->progressSeq, -1);
        activity = std::exchange(inbox->activity, false);
        done = inbox->done;
        status = inbox->status;
    }
    const quint64 gen = generation;
    if (activity) {
        q->m_lastEventTime = QDateTime::currentDateTimeUtc();
        sinceActivity.start();
        backoffMs = kInitialBackoffMs;
        setStreamState(StreamState::Streaming);
        if (gen != generation)
            return;
    }
    // A resumed stream never hands over what was already delivered.
    events.removeIf([last = q->m_lastSeq](const AuditEvent &e) { return e.seq <= last; });
    if (!events.isEmpty()) {
        q->m_lastSeq = events.last().seq;
        emit q->eventsReceived(events);
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
        cancelledForTimeout = true;
        inbox->cancel();
    }
}

void AuditClient::Private::streamEnded(const grpc::Status &status)
{
    stream.reset();
    drainTimer.stop();
    if (!running)
        return;
    if (convert::isRefusal(status.error_code()))
        return refused(status);
    if (!isTransient(status.error_code()) && !cancelledForTimeout) {
        emit q->errorOccurred(tr("Lost the live audit log of %1: %2")
                                  .arg(q->endpoint(), convert::statusText(status)));
        haveSnapshot = false;
    }
    scheduleRetry();
}

void AuditClient::Private::refused(const grpc::Status &status)
{
    retryTimer.stop();
    haveSnapshot = false;
    setStreamState(StreamState::Refused);
    emit q->errorOccurred(convert::refusalText(status));
}

void AuditClient::Private::scheduleRetry()
{
    setStreamState(StreamState::Reconnecting);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    retryTimer.start(int(backoffMs * jitter));
    backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
}

AuditClient::AuditClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this))
{
    d->retryTimer.setSingleShot(true);
    connect(&d->retryTimer, &QTimer::timeout, this, [this] {
        if (d->running)
            d->restart();
    });
    connect(&d->drainTimer, &QTimer::timeout, this, [this] { d->drain(); });
    if (connection) {
        // A new channel: read the whole log again (and so verify it again from seq 1).
        connect(connection, &Connection::opened, this, [this] {
            if (!d->running)
                return;
            d->haveSnapshot = false;
            d->backoffMs = kInitialBackoffMs;
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
}

AuditClient::~AuditClient()
{
    stop();
    d->poster->detach();
}

QString AuditClient::endpoint() const
{
    return m_connection ? m_connection->endpoint() : QString();
}

void AuditClient::setCoalesceIntervalMs(int ms)
{
    d->coalesceMs = std::max(1, ms);
    if (d->drainTimer.isActive())
        d->drainTimer.start(d->coalesceMs);
}

void AuditClient::start()
{
    if (d->running)
        return;
    d->running = true;
    d->haveSnapshot = false;
    d->backoffMs = kInitialBackoffMs;
    m_lastSeq = 0;
    d->restart();
}

void AuditClient::stop()
{
    if (!d->running && !d->stream && !d->listJob)
        return;
    d->running = false;
    d->retryTimer.stop();
    d->cancelCalls(true);
    d->setStreamState(StreamState::Stopped);
}

void AuditClient::listFiltered(const QString &filter, ListCallback callback)
{
    auto holder = m_connection ? m_connection->channel() : nullptr;
    if (!holder) {
        QTimer::singleShot(0, this, [callback = std::move(callback)] {
            callback({}, tr("Not connected to platformd."));
        });
        return;
    }
    auto job = std::make_shared<AuditListJob>(
        holder, d->poster, filter,
        [callback = std::move(callback), poster = d->poster](QList<AuditEvent> events, qint64,
                                                             grpc::Status status) {
            QString error;
            if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT)
                error = QString::fromStdString(status.error_message()); // names the problem
            else if (convert::isRefusal(status.error_code()))
                error = convert::refusalText(status);
            else if (!status.ok())
                error = tr("Could not search the audit log: %1").arg(convert::statusText(status));
            if (!error.isEmpty())
                events.clear();
            poster->post(
                [callback, events = std::move(events), error] { callback(events, error); });
        });
    job->start();
}

void AuditClient::verifyOnServer(VerifyCallback callback)
{
    auto holder = m_connection ? m_connection->channel() : nullptr;
    if (!holder) {
        QTimer::singleShot(0, this, [callback = std::move(callback)] {
            callback({}, tr("Not connected to platformd."));
        });
        return;
    }
    auto call = std::make_shared<VerifyCall>();
    call->holder = holder;
    // Walks the whole chain on the server: allow it longer than a lookup.
    call->context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    holder->authorize(&call->context);
    holder->audit->async()->VerifyChain(
        &call->context, &call->request, &call->response,
        [call, callback = std::move(callback), poster = d->poster](grpc::Status status) {
            ServerChainVerdict verdict;
            QString error;
            if (status.ok()) {
                verdict.intact = call->response.intact();
                verdict.entriesChecked = call->response.entries_checked();
                verdict.firstBadSeq = call->response.first_bad_seq();
                verdict.problem = QString::fromStdString(call->response.problem());
                verdict.headHash = QString::fromStdString(call->response.head_hash());
            } else {
                error = convert::isRefusal(status.error_code())
                            ? convert::refusalText(status)
                            : tr("platformd could not verify its audit chain: %1")
                                  .arg(convert::statusText(status));
            }
            releaseOnGui(*poster, std::move(call->holder));
            poster->post([callback, verdict, error] { callback(verdict, error); });
        });
}

} // namespace ops
