#include "auditclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/watchclient_p.h"

#include <QTimer>

#include <chrono>
#include <mutex>
#include <vector>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(10);

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

} // namespace

static_assert(int(AuditClient::StreamState::Refused) == int(WatchClient::State::Refused));

class AuditClient::Private final : public WatchClient
{
public:
    // A new channel lists the whole log again (and so verifies it again from seq 1).
    explicit Private(AuditClient *q, Connection *connection)
        : WatchClient(q, connection, q->m_lastSeq, q->m_lastEventTime,
                      {.relistOnOutOfRange = false, .relistWhenReopened = true})
        , q(q)
    {}

    void listed(quint64 gen, QList<AuditEvent> events, const grpc::Status &status)
    {
        if (!acceptListing(gen, status, {}, events.isEmpty() ? 0 : events.last().seq))
            return;
        emit q->snapshotReceived(events);
        watchAfterListing(gen);
    }

    AuditClient *const q;
    // What the last drain took from the inbox.
    QList<AuditEvent> takenEvents;
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
        auto job = std::make_shared<AuditListJob>(
            std::move(holder), poster, QString(),
            [this, gen, poster = poster](QList<AuditEvent> events, qint64, grpc::Status status) {
                poster->post([this, gen, events = std::move(events), status]() mutable {
                    listed(gen, std::move(events), status);
                });
            });
        job->start();
        return [job] {
            job->cancel();
        };
    }

    std::shared_ptr<WatchInboxBase> startStream(std::shared_ptr<ChannelHolder> holder,
                                                qint64 afterSeq) override
    {
        auto inbox = std::make_shared<AuditInbox>();
        new AuditWatchReactor(std::move(holder), inbox, poster, afterSeq); // deletes itself
        return inbox;
    }

    void takeInbox(WatchInboxBase &base) override
    {
        auto &inbox = static_cast<AuditInbox &>(base);
        takenEvents = std::exchange(inbox.events, {});
        takenProgress = std::exchange(inbox.progressSeq, -1);
    }

    bool deliverTaken(quint64 gen) override
    {
        QList<AuditEvent> events = std::exchange(takenEvents, {});
        const qint64 progress = takenProgress;
        // A resumed stream never hands over what was already delivered.
        events.removeIf([last = q->m_lastSeq](const AuditEvent &e) { return e.seq <= last; });
        if (!events.isEmpty()) {
            q->m_lastSeq = events.last().seq;
            emit q->eventsReceived(events);
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

    QString listFailedText(const grpc::Status &status, const QString &) const override
    {
        return tr("Could not list the audit log of %1: %2")
            .arg(q->endpoint(), convert::statusText(status));
    }
    QString streamLostText(const grpc::Status &status) const override
    {
        return tr("Lost the live audit log of %1: %2")
            .arg(q->endpoint(), convert::statusText(status));
    }
};

AuditClient::AuditClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this, connection))
{}

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
    d->setCoalesceIntervalMs(ms);
}

void AuditClient::start()
{
    d->start();
}

void AuditClient::stop()
{
    d->stop();
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
