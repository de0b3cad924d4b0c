#include "incidentclient.h"

#include "connection.h"
#include "private/convert.h"
#include "private/incidentconvert.h"
#include "private/pagedlister_p.h"
#include "private/unarycall_p.h"
#include "private/watchclient_p.h"

#include <chrono>
#include <mutex>
#include <utility>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(10); // acknowledge may write a silence
constexpr auto kListDeadline = std::chrono::seconds(30);

using Incidents = IncidentChannel;

// What a unary call's response becomes on the GUI side (one overload per response type).
Incident toResult(const pb::Incident &i)
{
    return convert::toIncident(i);
}
Silence toResult(const pb::Silence &s)
{
    return convert::toSilence(s);
}
Runbook toResult(const pb::Runbook &r)
{
    return convert::toRunbook(r);
}
IncidentAnalytics toResult(const pb::IncidentAnalytics &a)
{
    return convert::toIncidentAnalytics(a);
}

// One call of a listing that has no pages (silences, Alertmanagers, runbooks): `onOk` takes the
// response on the gRPC thread, `then` runs with the status; the channel goes back to the GUI
// thread first.
template<typename Request, typename Response, typename OnOk, typename Then>
void listOnce(std::shared_ptr<Incidents> channel, std::shared_ptr<GuiPoster> poster,
              std::shared_ptr<CallSet> calls, Incidents::Method<Request, Response> method,
              Request request, OnOk onOk, Then then)
{
    Incidents &target = *channel;
    startUnary<Response>(
        target, kListDeadline, std::move(request), Incidents::call(method),
        [channel = std::move(channel), poster, onOk = std::move(onOk),
         then = std::move(then)](const auto &call, const grpc::Status &status) mutable {
            if (status.ok())
                onOk(call.response);
            releaseOnGui(*poster, std::move(channel));
            then(status);
        },
        std::move(calls));
}

struct StreamInbox : WatchInboxBase
{
    QList<IncidentChangeBatch> batches;
};

class IncidentWatchReactor final
    : public WatchReactor<pb::WatchIncidentsRequest, pb::WatchIncidentsResponse, StreamInbox>
{
public:
    IncidentWatchReactor(std::shared_ptr<Incidents> channel, std::shared_ptr<StreamInbox> inbox,
                         std::shared_ptr<GuiPoster> poster,
                         const pb::WatchIncidentsRequest &request)
        : WatchReactor(channel->holder, std::move(inbox), poster, request)
        , m_channel(std::move(channel))
        , m_channelPoster(std::move(poster))
    {
        start([this](auto *context, auto *req, auto *self) {
            m_channel->stub->async()->WatchIncidents(context, req, self);
        });
    }
    ~IncidentWatchReactor() override { releaseOnGui(*m_channelPoster, std::move(m_channel)); }

private:
    void deliver(const pb::WatchIncidentsResponse &response, StreamInbox &inbox) override
    {
        if (response.has_changes()) {
            IncidentChangeBatch batch = convert::toIncidentChangeBatch(response.changes());
            std::lock_guard lock(inbox.mutex);
            inbox.batches.append(std::move(batch));
            inbox.activity = true;
        } else if (response.has_progress()) {
            std::lock_guard lock(inbox.mutex);
            inbox.progress = response.progress().revision();
            inbox.activity = true;
        }
    }

    std::shared_ptr<Incidents> m_channel;
    std::shared_ptr<GuiPoster> m_channelPoster;
};

} // namespace

static_assert(int(IncidentClient::StreamState::Refused) == int(WatchClient::State::Refused));

class IncidentClient::Private final : public WatchClient
{
public:
    explicit Private(IncidentClient *q, Connection *connection)
        : WatchClient(q, connection, q->m_lastRevision, q->m_lastEventTime, {})
        , q(q)
    {}

    std::shared_ptr<Incidents> channel()
    {
        return channelFor(q->m_connection ? q->m_connection->channel() : nullptr);
    }
    std::shared_ptr<Incidents> channelFor(std::shared_ptr<ChannelHolder> holder)
    {
        return Incidents::on(std::move(holder), cachedChannel);
    }
    void listed(quint64 gen, const IncidentSnapshot &snapshot, const grpc::Status &status,
                const QString &what)
    {
        if (!acceptListing(gen, status, what, snapshot.revision))
            return;
        emit q->snapshotReceived(snapshot);
        watchAfterListing(gen);
    }

    // One unary call of IncidentService (ops::unary) to `method`: its deadline, its error texts
    // ("`what`: …") and the response converted by toResult() (the overload for Response).
    template<typename Request, typename Response, typename Callback>
    void unary(Request request, Incidents::Method<Request, Response> method, const QString &what,
               Callback callback)
    {
        ops::unaryOrError<Response, IncidentError>(
            poster, channel(), kUnaryDeadline, std::move(request), Incidents::call(method),
            [](const Response &response) { return toResult(response); },
            [what](const grpc::Status &status) { return convert::toIncidentError(status, what); },
            tr("%1: not connected to platformd").arg(what), std::move(callback));
    }

    void transition(const QString &name, const QString &comment,
                    Incidents::Method<pb::TransitionIncidentRequest, pb::Incident> method,
                    const QString &what, IncidentCallback callback)
    {
        pb::TransitionIncidentRequest request;
        request.set_name(name.toStdString());
        request.set_comment(comment.toStdString());
        unary(std::move(request), method, what, std::move(callback));
    }

    void update(const Incident &incident, const QStringList &fields, const QString &what,
                IncidentCallback callback)
    {
        pb::UpdateIncidentRequest request;
        convert::toPbIncident(incident, request.mutable_incident());
        for (const QString &field : fields)
            request.mutable_update_mask()->add_paths(field.toStdString());
        unary(std::move(request), &Incidents::Async::UpdateIncident, what, std::move(callback));
    }

    IncidentClient *const q;
    std::shared_ptr<Incidents> cachedChannel;
    QList<IncidentChangeBatch> takenBatches; // what the last drain took from the inbox

private:
    void stateChanged(State state) override
    {
        q->m_streamState = StreamState(state);
        emit q->streamStateChanged(q->m_streamState);
    }
    void reportError(const QString &message) override { emit q->errorOccurred(message); }
    void channelChanged() override { cachedChannel.reset(); }

    std::function<void()> startListing(std::shared_ptr<ChannelHolder> holder, quint64 gen) override;

    std::shared_ptr<WatchInboxBase> startStream(std::shared_ptr<ChannelHolder> holder,
                                                qint64 afterRevision) override
    {
        pb::WatchIncidentsRequest request;
        request.set_after_revision(afterRevision);
        auto inbox = std::make_shared<StreamInbox>();
        // Deletes itself.
        new IncidentWatchReactor(channelFor(std::move(holder)), inbox, poster, request);
        return inbox;
    }

    void takeInbox(WatchInboxBase &base) override
    {
        auto &inbox = static_cast<StreamInbox &>(base);
        takenBatches = std::exchange(inbox.batches, {});
    }

    void progressReceived(qint64 position) override { emit q->progressReceived(position); }

    bool deliverTaken(quint64 gen) override
    {
        QList<IncidentChangeBatch> batches = std::exchange(takenBatches, {});
        batches.removeIf([last = q->m_lastRevision](const IncidentChangeBatch &b) {
            return b.revision <= last;
        });
        if (!batches.isEmpty()) {
            q->m_lastRevision = batches.last().revision;
            emit q->changesReceived(batches);
            if (!isCurrent(gen))
                return false;
        }
        return true;
    }

    QString listFailedText(const grpc::Status &status, const QString &what) const override
    {
        return tr("Could not list %1: %2").arg(what, convert::statusText(status));
    }
    QString streamLostText(const grpc::Status &status) const override
    {
        return tr("Lost the live incident updates: %1").arg(convert::statusText(status));
    }
};

std::function<void()> IncidentClient::Private::startListing(std::shared_ptr<ChannelHolder> holder,
                                                            quint64 gen)
{
    auto incidents = channelFor(std::move(holder));
    auto listCalls = std::make_shared<CallSet>();
    // Filled on gRPC threads one call after the other (each starts in the previous one's
    // callback), read on the GUI thread after the last.
    auto snapshot = std::make_shared<IncidentSnapshot>();
    auto noteRevision = [snapshot](qint64 revision) {
        // Lists answered at different revisions: watch from the earliest; replays are harmless.
        if (snapshot->revision == 0 || revision < snapshot->revision)
            snapshot->revision = revision;
    };
    auto finish = [this, gen, snapshot, poster = poster](const grpc::Status &status,
                                                         const QString &what) {
        poster->post([this, gen, snapshot, status, what] { listed(gen, *snapshot, status, what); });
    };

    auto runbooks = [incidents, poster = poster, listCalls, snapshot, finish] {
        listOnce(
            incidents, poster, listCalls, &Incidents::Async::ListRunbooks,
            pb::ListRunbooksRequest(),
            [snapshot](const pb::ListRunbooksResponse &r) {
                for (const pb::Runbook &rb : r.runbooks())
                    snapshot->runbooks.append(convert::toRunbook(rb));
            },
            [finish](const grpc::Status &status) {
                finish(status, IncidentClient::tr("the runbooks"));
            });
    };
    auto alertmanagers = [incidents, poster = poster, listCalls, snapshot, finish, runbooks] {
        listOnce(
            incidents, poster, listCalls, &Incidents::Async::ListAlertmanagers,
            pb::ListAlertmanagersRequest(),
            [snapshot](const pb::ListAlertmanagersResponse &r) {
                for (const pb::Alertmanager &am : r.alertmanagers())
                    snapshot->alertmanagers.append(convert::toAlertmanager(am));
            },
            [finish, runbooks](const grpc::Status &status) {
                if (!status.ok())
                    return finish(status, IncidentClient::tr("the Alertmanagers"));
                runbooks();
            });
    };
    auto silences = [incidents, poster = poster, listCalls, snapshot, noteRevision, finish,
                     alertmanagers] {
        pb::ListSilencesRequest request;
        request.set_include_expired(true);
        listOnce(
            incidents, poster, listCalls, &Incidents::Async::ListSilences, std::move(request),
            [snapshot, noteRevision](const pb::ListSilencesResponse &r) {
                noteRevision(r.revision());
                for (const pb::Silence &s : r.silences())
                    snapshot->silences.append(convert::toSilence(s));
            },
            [finish, alertmanagers](const grpc::Status &status) {
                if (!status.ok())
                    return finish(status, IncidentClient::tr("the silences"));
                alertmanagers();
            });
    };

    auto lister = std::make_shared<
        PagedLister<Incidents, pb::ListIncidentsRequest, pb::ListIncidentsResponse>>();
    lister->channel = incidents;
    lister->poster = poster;
    lister->deadline = kListDeadline;
    lister->calls = listCalls;
    lister->request.set_page_size(1000);
    lister->startFn = Incidents::call(&Incidents::Async::ListIncidents);
    lister->pageFn = [snapshot, noteRevision](const pb::ListIncidentsResponse &r) {
        noteRevision(r.revision());
        snapshot->incidents.reserve(r.total_size());
        for (const pb::Incident &i : r.incidents())
            snapshot->incidents.append(convert::toIncident(i));
    };
    lister->doneFn = [finish, silences](const grpc::Status &status) {
        if (!status.ok())
            return finish(status, IncidentClient::tr("the incidents"));
        silences();
    };
    lister->next({});
    return [listCalls] {
        listCalls->cancel();
    };
}

IncidentClient::IncidentClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this, connection))
{
    qRegisterMetaType<IncidentSnapshot>();
    qRegisterMetaType<IncidentChangeBatch>();
    qRegisterMetaType<IncidentError>();
}

IncidentClient::~IncidentClient()
{
    stop();
    d->poster->detach();
}

void IncidentClient::setCoalesceIntervalMs(int ms)
{
    d->setCoalesceIntervalMs(ms);
}

void IncidentClient::start()
{
    d->start();
}

void IncidentClient::stop()
{
    d->stop();
}

void IncidentClient::getIncident(const QString &name, IncidentCallback callback)
{
    pb::GetIncidentRequest request;
    request.set_name(name.toStdString());
    d->unary(std::move(request), &Incidents::Async::GetIncident, tr("Could not load %1").arg(name),
             std::move(callback));
}

void IncidentClient::createIncident(const Incident &draft, IncidentCallback callback)
{
    pb::CreateIncidentRequest request;
    convert::toPbIncident(draft, request.mutable_incident());
    request.mutable_incident()->clear_name();
    d->unary(std::move(request), &Incidents::Async::CreateIncident,
             tr("Could not declare the incident"), std::move(callback));
}

void IncidentClient::updateIncident(const Incident &incident, const QStringList &fields,
                                    IncidentCallback callback)
{
    d->update(incident, fields, tr("Could not update %1").arg(incident.name), std::move(callback));
}

void IncidentClient::assign(const QString &name, const QString &assignee, IncidentCallback callback)
{
    Incident incident;
    incident.name = name;
    incident.assignee = assignee;
    d->update(incident, {QStringLiteral("assignee")}, tr("Could not assign %1").arg(name),
              std::move(callback));
}

void IncidentClient::setSeverity(const QString &name, IncidentSeverity severity,
                                 IncidentCallback callback)
{
    Incident incident;
    incident.name = name;
    incident.severity = severity;
    d->update(incident, {QStringLiteral("severity")},
              tr("Could not change the severity of %1").arg(name), std::move(callback));
}

void IncidentClient::acknowledge(const QString &name, const QString &comment, qint64 silenceSeconds,
                                 IncidentCallback callback)
{
    pb::AcknowledgeIncidentRequest request;
    request.set_name(name.toStdString());
    request.set_comment(comment.toStdString());
    if (silenceSeconds > 0)
        request.mutable_silence_duration()->set_seconds(silenceSeconds);
    d->unary(std::move(request), &Incidents::Async::AcknowledgeIncident,
             tr("Could not acknowledge %1").arg(name), std::move(callback));
}

void IncidentClient::mitigate(const QString &name, const QString &comment,
                              IncidentCallback callback)
{
    d->transition(name, comment, &Incidents::Async::MitigateIncident,
                  tr("Could not mark %1 mitigated").arg(name), std::move(callback));
}

void IncidentClient::resolve(const QString &name, const QString &comment, IncidentCallback callback)
{
    d->transition(name, comment, &Incidents::Async::ResolveIncident,
                  tr("Could not resolve %1").arg(name), std::move(callback));
}

void IncidentClient::close(const QString &name, const QString &comment, IncidentCallback callback)
{
    d->transition(name, comment, &Incidents::Async::CloseIncident,
                  tr("Could not close %1").arg(name), std::move(callback));
}

void IncidentClient::reopen(const QString &name, const QString &comment, IncidentCallback callback)
{
    d->transition(name, comment, &Incidents::Async::ReopenIncident,
                  tr("Could not reopen %1").arg(name), std::move(callback));
}

void IncidentClient::addNote(const QString &name, const QString &text, IncidentCallback callback)
{
    pb::AddTimelineNoteRequest request;
    request.set_name(name.toStdString());
    request.set_text(text.toStdString());
    d->unary(std::move(request), &Incidents::Async::AddTimelineNote,
             tr("Could not add the note to %1").arg(name), std::move(callback));
}

void IncidentClient::updatePostmortem(const QString &name, const Postmortem &postmortem,
                                      IncidentCallback callback)
{
    pb::UpdatePostmortemRequest request;
    request.set_name(name.toStdString());
    convert::toPbPostmortem(postmortem, request.mutable_postmortem());
    d->unary(std::move(request), &Incidents::Async::UpdatePostmortem,
             tr("Could not save the postmortem of %1").arg(name), std::move(callback));
}

void IncidentClient::createSilence(const Silence &silence, SilenceCallback callback)
{
    pb::CreateSilenceRequest request;
    convert::toPbSilence(silence, request.mutable_silence());
    d->unary(std::move(request), &Incidents::Async::CreateSilence,
             tr("Could not create the silence"), std::move(callback));
}

void IncidentClient::extendSilence(const QString &name, const QDateTime &endsAt,
                                   const QString &comment, SilenceCallback callback)
{
    pb::ExtendSilenceRequest request;
    request.set_name(name.toStdString());
    convert::toTimestamp(endsAt, request.mutable_ends_at());
    request.set_comment(comment.toStdString());
    d->unary(std::move(request), &Incidents::Async::ExtendSilence,
             tr("Could not change the end of %1").arg(name), std::move(callback));
}

void IncidentClient::expireSilence(const QString &name, SilenceCallback callback)
{
    pb::ExpireSilenceRequest request;
    request.set_name(name.toStdString());
    d->unary(std::move(request), &Incidents::Async::ExpireSilence,
             tr("Could not expire %1").arg(name), std::move(callback));
}

void IncidentClient::updateRunbook(const QString &name, const QString &markdown,
                                   RunbookCallback callback)
{
    pb::UpdateRunbookRequest request;
    request.mutable_runbook()->set_name(name.toStdString());
    request.mutable_runbook()->set_markdown(markdown.toStdString());
    d->unary(std::move(request), &Incidents::Async::UpdateRunbook,
             tr("Could not save the runbook %1").arg(name), std::move(callback));
}

void IncidentClient::getAnalytics(const QDateTime &start, const QDateTime &end,
                                  qint64 bucketSeconds, AnalyticsCallback callback)
{
    pb::GetIncidentAnalyticsRequest request;
    if (start.isValid())
        convert::toTimestamp(start, request.mutable_start_time());
    if (end.isValid())
        convert::toTimestamp(end, request.mutable_end_time());
    if (bucketSeconds > 0)
        request.mutable_bucket()->set_seconds(bucketSeconds);
    d->unary(std::move(request), &Incidents::Async::GetIncidentAnalytics,
             tr("Could not compute the incident analytics"), std::move(callback));
}

} // namespace ops
