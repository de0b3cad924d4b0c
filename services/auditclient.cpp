#include "auditclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/pagedlister_p.h"
#include "private/unarycall_p.h"
#include "private/watchclient_p.h"

#include <chrono>
#include <mutex>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(10);

// What the watch stream hands to the GUI thread: filled on gRPC threads, drained per tick.
struct AuditInbox : WatchInboxBase
{
    QList<AuditEvent> events;
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
            inbox.progress = response.progress().revision();
            inbox.activity = true;
        }
    }
};

// Every page of ListAuditEvents, one call after the other. `done` runs once, on a gRPC thread.
// Returns how to cancel it.
using AuditListDone =
    std::function<void(QList<AuditEvent> events, qint64 lastSeq, grpc::Status status)>;
std::shared_ptr<CallSet> listAuditEvents(std::shared_ptr<ChannelHolder> holder,
                                         std::shared_ptr<GuiPoster> poster, const QString &filter,
                                         AuditListDone done)
{
    struct Listed
    {
        QList<AuditEvent> events;
        qint64 lastSeq = 0;
    };
    auto listed = std::make_shared<Listed>();
    using Lister =
        PagedLister<ChannelHolder, pb::ListAuditEventsRequest, pb::ListAuditEventsResponse>;
    auto lister = std::make_shared<Lister>();
    lister->channel = std::move(holder);
    lister->poster = std::move(poster);
    lister->calls = std::make_shared<CallSet>();
    lister->deadline = kUnaryDeadline;
    lister->request.set_page_size(1000);
    lister->request.set_filter(filter.toStdString());
    lister->startFn = [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
        ch.audit->async()->ListAuditEvents(c, q, r, std::move(f));
    };
    lister->pageFn = [listed](const pb::ListAuditEventsResponse &response) {
        if (listed->lastSeq == 0)
            listed->lastSeq = response.last_seq();
        for (const pb::AuditEvent &e : response.events())
            listed->events.append(convert::toAuditEvent(e));
    };
    lister->doneFn = [listed, done = std::move(done)](const grpc::Status &status) {
        done(std::move(listed->events), listed->lastSeq, status);
    };
    lister->next({});
    return lister->calls;
}

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

private:
    void stateChanged(State state) override
    {
        q->m_streamState = StreamState(state);
        emit q->streamStateChanged(q->m_streamState);
    }
    void reportError(const QString &message) override { emit q->errorOccurred(message); }

    std::function<void()> startListing(std::shared_ptr<ChannelHolder> holder, quint64 gen) override
    {
        auto calls = listAuditEvents(
            std::move(holder), poster, QString(),
            [this, gen, poster = poster](QList<AuditEvent> events, qint64, grpc::Status status) {
                poster->post([this, gen, events = std::move(events), status]() mutable {
                    listed(gen, std::move(events), status);
                });
            });
        return [calls] {
            calls->cancel();
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
    }

    void progressReceived(qint64 position) override { emit q->progressReceived(position); }

    bool deliverTaken(quint64 gen) override
    {
        QList<AuditEvent> events = std::exchange(takenEvents, {});
        // A resumed stream never hands over what was already delivered.
        events.removeIf([last = q->m_lastSeq](const AuditEvent &e) { return e.seq <= last; });
        if (!events.isEmpty()) {
            q->m_lastSeq = events.last().seq;
            emit q->eventsReceived(events);
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
        d->poster->post(
            [callback = std::move(callback)] { callback({}, tr("Not connected to platformd.")); });
        return;
    }
    listAuditEvents(
        std::move(holder), d->poster, filter,
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
}

void AuditClient::verifyOnServer(VerifyCallback callback)
{
    struct Answer
    {
        ServerChainVerdict verdict;
        QString error;
    };
    // Walks the whole chain on the server: allow it longer than a lookup.
    unary<pb::VerifyChainResponse>(
        d->poster, m_connection ? m_connection->channel() : nullptr, std::chrono::seconds(30),
        pb::VerifyChainRequest(),
        [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
            ch.audit->async()->VerifyChain(c, q, r, std::move(f));
        },
        [](const grpc::Status &status, const pb::VerifyChainResponse &response) {
            Answer answer;
            if (status.ok()) {
                answer.verdict.intact = response.intact();
                answer.verdict.entriesChecked = response.entries_checked();
                answer.verdict.firstBadSeq = response.first_bad_seq();
                answer.verdict.problem = QString::fromStdString(response.problem());
                answer.verdict.headHash = QString::fromStdString(response.head_hash());
            } else {
                answer.error = convert::isRefusal(status.error_code())
                                   ? convert::refusalText(status)
                                   : tr("platformd could not verify its audit chain: %1")
                                         .arg(convert::statusText(status));
            }
            return answer;
        },
        [callback = std::move(callback)](const Answer &answer) {
            callback(answer.verdict, answer.error);
        },
        [] {
            return Answer{{}, tr("Not connected to platformd.")};
        });
}

} // namespace ops
