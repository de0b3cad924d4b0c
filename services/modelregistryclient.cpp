#include "modelregistryclient.h"

#include "connection.h"
#include "private/convert.h"
#include "private/pagedlister_p.h"
#include "private/registryconvert.h"
#include "private/unarycall_p.h"
#include "private/versionpager_p.h"
#include "private/watchclient_p.h"

#include <QHash>
#include <QMap>
#include <QTimer>

#include <chrono>
#include <mutex>
#include <utility>

namespace ops {

namespace {

constexpr auto kUnaryDeadline = std::chrono::seconds(5);

using Registry = RegistryChannel;

// Every page of one registry collection, 1000 a page, from `method` on `registry`; `calls`
// cancels it. The caller fills in the rest of the request, pageFn and doneFn.
template<typename Request, typename Response>
std::shared_ptr<PagedLister<RegistryChannel, Request, Response>>
registryLister(std::shared_ptr<RegistryChannel> registry, std::shared_ptr<GuiPoster> poster,
               std::shared_ptr<CallSet> calls, Registry::Method<Request, Response> method)
{
    auto lister = std::make_shared<PagedLister<RegistryChannel, Request, Response>>();
    lister->channel = std::move(registry);
    lister->poster = std::move(poster);
    lister->deadline = kRegistryPageDeadline;
    lister->calls = std::move(calls);
    lister->request.set_page_size(1000);
    lister->startFn = Registry::call(method);
    return lister;
}

// What a unary call's response becomes on the GUI side (one overload per response type).
ModelInfo toResult(const pb::Model &m)
{
    return convert::toModelInfo(m);
}
ModelVersionInfo toResult(const pb::ModelVersion &v)
{
    return convert::toModelVersionInfo(v);
}
Deployment toResult(const pb::Deployment &d)
{
    return convert::toDeployment(d);
}
ApprovalRequest toResult(const pb::ApprovalRequest &a)
{
    return convert::toApprovalRequest(a);
}

struct StreamInbox : WatchInboxBase
{
    QList<RegistryChangeBatch> batches;
};

class RegistryWatchReactor final
    : public WatchReactor<pb::WatchModelsRequest, pb::WatchModelsResponse, StreamInbox>
{
public:
    RegistryWatchReactor(std::shared_ptr<RegistryChannel> channel,
                         std::shared_ptr<StreamInbox> inbox, std::shared_ptr<GuiPoster> poster,
                         const pb::WatchModelsRequest &request)
        : WatchReactor(channel->holder, std::move(inbox), poster, request)
        , m_channel(std::move(channel))
        , m_channelPoster(std::move(poster))
    {
        start([this](auto *context, auto *req, auto *self) {
            m_channel->stub->async()->WatchModels(context, req, self);
        });
    }
    ~RegistryWatchReactor() override { releaseOnGui(*m_channelPoster, std::move(m_channel)); }

private:
    void deliver(const pb::WatchModelsResponse &response, StreamInbox &inbox) override
    {
        if (response.has_changes()) {
            RegistryChangeBatch batch = convert::toRegistryChangeBatch(response.changes());
            std::lock_guard lock(inbox.mutex);
            inbox.batches.append(std::move(batch));
            inbox.activity = true;
        } else if (response.has_progress()) {
            std::lock_guard lock(inbox.mutex);
            inbox.progress = response.progress().revision();
            inbox.activity = true;
        }
    }

    std::shared_ptr<RegistryChannel> m_channel;
    std::shared_ptr<GuiPoster> m_channelPoster;
};

} // namespace

static_assert(int(ModelRegistryClient::StreamState::Refused) == int(WatchClient::State::Refused));

class ModelRegistryClient::Private final : public WatchClient
{
public:
    explicit Private(ModelRegistryClient *q, Connection *connection)
        : WatchClient(q, connection, q->m_lastRevision, q->m_lastEventTime, {})
        , q(q)
    {}

    std::shared_ptr<RegistryChannel> channel()
    {
        return channelFor(q->m_connection ? q->m_connection->channel() : nullptr);
    }
    std::shared_ptr<RegistryChannel> channelFor(std::shared_ptr<ChannelHolder> holder)
    {
        return RegistryChannel::on(std::move(holder), cachedChannel);
    }
    void listed(quint64 gen, const RegistrySnapshot &snapshot, const grpc::Status &status,
                const QString &what)
    {
        if (!acceptListing(gen, status, what, snapshot.revision))
            return;
        emit q->snapshotReceived(snapshot);
        watchAfterListing(gen);
    }

    // One unary call of the registry (ops::unary) to `method`: its deadline, its error texts
    // ("`what`: …") and the response converted by toResult() (the overload for Response).
    template<typename Request, typename Response, typename Callback>
    void unary(Request request, Registry::Method<Request, Response> method, const QString &what,
               Callback callback);

    struct PagerEntry
    {
        std::shared_ptr<VersionPager> pager;
        PageCallback callback;
        int nextIndex = 0;
        QMap<int, VersionPage> early; // arrived before their predecessors
    };
    void deliverPage(quint64 id, VersionPage page);

    ModelRegistryClient *const q;
    std::shared_ptr<RegistryChannel> cachedChannel;
    // What the last drain took from the inbox.
    QList<RegistryChangeBatch> takenBatches;
    quint64 nextId = 1;
    QHash<quint64, PagerEntry> pagers;
    QHash<quint64, std::shared_ptr<CallSet>> modelListings;

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
        pb::WatchModelsRequest request;
        request.set_after_revision(afterRevision);
        request.set_include_versions(false);
        auto inbox = std::make_shared<StreamInbox>();
        // Deletes itself.
        new RegistryWatchReactor(channelFor(std::move(holder)), inbox, poster, request);
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
        QList<RegistryChangeBatch> batches = std::exchange(takenBatches, {});
        batches.removeIf([last = q->m_lastRevision](const RegistryChangeBatch &b) {
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
        return tr("Lost the live registry updates: %1").arg(convert::statusText(status));
    }
};

std::function<void()>
ModelRegistryClient::Private::startListing(std::shared_ptr<ChannelHolder> holder, quint64 gen)
{
    auto registry = channelFor(std::move(holder));
    auto listCalls = std::make_shared<CallSet>();
    auto snapshot = std::make_shared<RegistrySnapshot>();
    auto noteRevision = [snapshot](qint64 revision) {
        // Lists answered at different revisions: watch from the earliest; replays are harmless.
        if (snapshot->revision == 0 || revision < snapshot->revision)
            snapshot->revision = revision;
    };
    auto finish = [this, gen, snapshot, poster = poster](const grpc::Status &status,
                                                         const QString &what) {
        poster->post([this, gen, snapshot, status, what] { listed(gen, *snapshot, status, what); });
    };

    auto approvals =
        registryLister(registry, poster, listCalls, &Registry::Async::ListApprovalRequests);
    approvals->request.set_parent("models/-");
    approvals->pageFn = [snapshot, noteRevision](const pb::ListApprovalRequestsResponse &r) {
        noteRevision(r.revision());
        for (const pb::ApprovalRequest &a : r.approval_requests())
            snapshot->approvals.append(convert::toApprovalRequest(a));
    };
    approvals->doneFn = [finish](const grpc::Status &status) {
        finish(status, ModelRegistryClient::tr("the approval requests"));
    };

    auto deployments =
        registryLister(registry, poster, listCalls, &Registry::Async::ListDeployments);
    deployments->request.set_parent("models/-");
    deployments->pageFn = [snapshot, noteRevision](const pb::ListDeploymentsResponse &r) {
        noteRevision(r.revision());
        for (const pb::Deployment &d : r.deployments())
            snapshot->deployments.append(convert::toDeployment(d));
    };
    deployments->doneFn = [finish, approvals](const grpc::Status &status) {
        if (!status.ok())
            return finish(status, ModelRegistryClient::tr("the deployments"));
        approvals->next({});
    };

    auto models = registryLister(registry, poster, listCalls, &Registry::Async::ListModels);
    models->pageFn = [snapshot, noteRevision](const pb::ListModelsResponse &r) {
        noteRevision(r.revision());
        for (const pb::Model &m : r.models())
            snapshot->models.append(convert::toModelInfo(m));
    };
    models->doneFn = [finish, deployments](const grpc::Status &status) {
        if (!status.ok())
            return finish(status, ModelRegistryClient::tr("the models"));
        deployments->next({});
    };
    models->next({});
    return [listCalls] {
        listCalls->cancel();
    };
}

template<typename Request, typename Response, typename Callback>
void ModelRegistryClient::Private::unary(Request request,
                                         Registry::Method<Request, Response> method,
                                         const QString &what, Callback callback)
{
    ops::unaryOrError<Response, RegistryError>(
        poster, channel(), kUnaryDeadline, std::move(request), Registry::call(method),
        [](const Response &response) { return toResult(response); },
        [what](const grpc::Status &status) { return convert::toRegistryError(status, what); },
        tr("%1: not connected to platformd").arg(what), std::move(callback));
}

void ModelRegistryClient::Private::deliverPage(quint64 id, VersionPage page)
{
    auto it = pagers.find(id);
    if (it == pagers.end())
        return; // cancelled or superseded
    PagerEntry &entry = it.value();
    entry.early.insert(page.index, std::move(page));
    // Pages are delivered in order; the callback may cancel (erase) this listing.
    while (true) {
        it = pagers.find(id);
        if (it == pagers.end())
            return;
        auto next = it->early.find(it->nextIndex);
        if (next == it->early.end())
            return;
        VersionPage ready = std::move(next.value());
        it->early.erase(next);
        ++it->nextIndex;
        const bool last = ready.last;
        const PageCallback callback = it->callback;
        if (last) {
            if (auto ch = it->pager->takeChannel())
                releaseOnGui(*poster, std::move(ch));
            pagers.erase(it);
        }
        callback(ready);
        if (last)
            return;
    }
}

ModelRegistryClient::ModelRegistryClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this, connection))
{
    qRegisterMetaType<RegistrySnapshot>();
    qRegisterMetaType<RegistryChangeBatch>();
}

ModelRegistryClient::~ModelRegistryClient()
{
    stop();
    for (auto &entry : d->pagers)
        entry.pager->cancel();
    d->pagers.clear();
    for (auto &calls : d->modelListings)
        calls->cancel();
    d->poster->detach();
}

void ModelRegistryClient::setCoalesceIntervalMs(int ms)
{
    d->setCoalesceIntervalMs(ms);
}

void ModelRegistryClient::start()
{
    d->start();
}

void ModelRegistryClient::stop()
{
    d->stop();
}

quint64 ModelRegistryClient::listVersions(const QString &parent, const QString &filter,
                                          const QString &orderBy, int pageSize,
                                          PageCallback callback, bool light, int firstPageSize,
                                          bool holdAfterFirst)
{
    const quint64 id = d->nextId++;
    auto registry = d->channel();
    if (!registry) {
        VersionPage page;
        page.last = true;
        page.error.code = int(grpc::StatusCode::UNAVAILABLE);
        page.error.text = tr("Could not list the model versions: not connected to platformd");
        QTimer::singleShot(0, this, [callback = std::move(callback), page] { callback(page); });
        return id;
    }
    pb::ListModelVersionsRequest request;
    request.set_parent(parent.toStdString());
    request.set_filter(filter.toStdString());
    request.set_order_by(orderBy.toStdString());
    request.set_page_size(pageSize);
    auto pager = std::make_shared<VersionPager>(
        std::move(registry), std::move(request), light, firstPageSize, holdAfterFirst,
        [this, id, poster = d->poster](VersionPage page) {
            poster->post([this, id, page = std::move(page)]() mutable {
                d->deliverPage(id, std::move(page));
            });
        });
    d->pagers.insert(id, Private::PagerEntry{pager, std::move(callback), 0, {}});
    pager->start();
    return id;
}

void ModelRegistryClient::resumeVersions(quint64 id)
{
    const auto it = d->pagers.find(id);
    if (it != d->pagers.end())
        it->pager->resume();
}

void ModelRegistryClient::cancelVersions(quint64 id)
{
    const auto it = d->pagers.find(id);
    if (it == d->pagers.end())
        return;
    it->pager->cancel();
    if (auto ch = it->pager->takeChannel())
        releaseOnGui(*d->poster, std::move(ch));
    d->pagers.erase(it);
}

quint64 ModelRegistryClient::listModels(const QString &filter, const QString &orderBy,
                                        ModelsCallback callback)
{
    const quint64 id = d->nextId++;
    auto registry = d->channel();
    if (!registry) {
        RegistryError error;
        error.code = int(grpc::StatusCode::UNAVAILABLE);
        error.text = tr("Could not list the models: not connected to platformd");
        QTimer::singleShot(0, this,
                           [callback = std::move(callback), error] { callback({}, 0, error); });
        return id;
    }
    auto calls = std::make_shared<CallSet>();
    d->modelListings.insert(id, calls);
    struct Result
    {
        QList<ModelInfo> models;
        int total = 0;
    };
    auto result = std::make_shared<Result>();
    auto lister = registryLister(registry, d->poster, calls, &Registry::Async::ListModels);
    lister->request.set_filter(filter.toStdString());
    lister->request.set_order_by(orderBy.toStdString());
    lister->pageFn = [result](const pb::ListModelsResponse &r) {
        result->total = r.total_size();
        for (const pb::Model &m : r.models())
            result->models.append(convert::toModelInfo(m));
    };
    lister->doneFn = [this, id, result, calls, callback = std::move(callback),
                      poster = d->poster](const grpc::Status &status) {
        const RegistryError error =
            convert::toRegistryError(status, tr("Could not list the models"));
        const bool cancelled = calls->isCancelled();
        poster->post([this, id, result, error, callback, cancelled] {
            if (cancelled || !d->modelListings.contains(id))
                return;
            d->modelListings.remove(id);
            callback(result->models, result->total, error);
        });
    };
    lister->next({});
    return id;
}

void ModelRegistryClient::cancelModels(quint64 id)
{
    if (auto calls = d->modelListings.take(id))
        calls->cancel();
}

void ModelRegistryClient::getVersion(const QString &name, VersionCallback callback)
{
    pb::GetModelVersionRequest request;
    request.set_name(name.toStdString());
    d->unary(std::move(request), &Registry::Async::GetModelVersion,
             tr("Could not load %1").arg(name), std::move(callback));
}

void ModelRegistryClient::createApprovalRequest(const QString &model, ApprovalAction action,
                                                qint64 version, const QString &alias,
                                                const QString &comment,
                                                const QStringList &evidenceLinks,
                                                ApprovalCallback callback)
{
    pb::CreateApprovalRequestRequest request;
    request.set_parent(model.toStdString());
    pb::ApprovalRequest *r = request.mutable_approval_request();
    r->set_action(action == ApprovalAction::MoveProtectedAlias
                      ? pb::ApprovalRequest::MOVE_PROTECTED_ALIAS
                      : pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
    r->set_version(version);
    r->set_alias(alias.toStdString());
    r->set_comment(comment.toStdString());
    for (const QString &link : evidenceLinks)
        r->add_evidence_links(link.toStdString());
    d->unary(std::move(request), &Registry::Async::CreateApprovalRequest,
             tr("Could not request the approval"), std::move(callback));
}

void ModelRegistryClient::approve(const QString &requestName, const QString &comment,
                                  ApprovalCallback callback)
{
    pb::ReviewRequest request;
    request.set_name(requestName.toStdString());
    request.set_comment(comment.toStdString());
    d->unary(std::move(request), &Registry::Async::ApproveRequest,
             tr("Could not approve the request"), std::move(callback));
}

void ModelRegistryClient::reject(const QString &requestName, const QString &comment,
                                 ApprovalCallback callback)
{
    pb::ReviewRequest request;
    request.set_name(requestName.toStdString());
    request.set_comment(comment.toStdString());
    d->unary(std::move(request), &Registry::Async::RejectRequest,
             tr("Could not reject the request"), std::move(callback));
}

void ModelRegistryClient::cancelApproval(const QString &requestName, ApprovalCallback callback)
{
    pb::CancelApprovalRequestRequest request;
    request.set_name(requestName.toStdString());
    d->unary(std::move(request), &Registry::Async::CancelApprovalRequest,
             tr("Could not withdraw the request"), std::move(callback));
}

void ModelRegistryClient::setAlias(const QString &model, const QString &alias, qint64 version,
                                   ModelCallback callback)
{
    pb::SetAliasRequest request;
    request.set_model(model.toStdString());
    request.set_alias(alias.toStdString());
    request.set_version(version);
    d->unary(std::move(request), &Registry::Async::SetAlias,
             tr("Could not move the alias %1").arg(alias), std::move(callback));
}

void ModelRegistryClient::transitionStage(const QString &version, ModelStage stage,
                                          const QString &comment, VersionCallback callback)
{
    pb::TransitionStageRequest request;
    request.set_name(version.toStdString());
    request.set_stage(convert::toPbStage(stage));
    request.set_comment(comment.toStdString());
    d->unary(std::move(request), &Registry::Async::TransitionStage,
             tr("Could not move the version to %1").arg(RegistryText::stage(stage)),
             std::move(callback));
}

void ModelRegistryClient::createDeployment(const QString &model, const QString &deploymentId,
                                           const QString &region, const QString &endpoint,
                                           const QList<DeploymentVariant> &variants,
                                           DeploymentCallback callback)
{
    pb::CreateDeploymentRequest request;
    request.set_parent(model.toStdString());
    request.set_deployment_id(deploymentId.toStdString());
    pb::Deployment *dep = request.mutable_deployment();
    dep->set_region(region.toStdString());
    dep->set_endpoint(endpoint.toStdString());
    for (const DeploymentVariant &v : variants)
        convert::toPbVariant(v, dep->add_variants());
    d->unary(std::move(request), &Registry::Async::CreateDeployment, tr("Could not deploy"),
             std::move(callback));
}

void ModelRegistryClient::updateTraffic(const QString &deployment,
                                        const QList<DeploymentVariant> &variants,
                                        DeploymentCallback callback)
{
    pb::UpdateTrafficRequest request;
    request.set_name(deployment.toStdString());
    for (const DeploymentVariant &v : variants)
        convert::toPbVariant(v, request.add_variants());
    d->unary(std::move(request), &Registry::Async::UpdateTraffic,
             tr("Could not change the traffic split"), std::move(callback));
}

void ModelRegistryClient::rollback(const QString &deployment, DeploymentCallback callback)
{
    pb::RollbackDeploymentRequest request;
    request.set_name(deployment.toStdString());
    d->unary(std::move(request), &Registry::Async::RollbackDeployment, tr("Could not roll back"),
             std::move(callback));
}

} // namespace ops
