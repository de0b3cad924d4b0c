#include "incidents/private/incidentservice.h"

#include "core/auth.h"
#include "core/guarded.h"
#include "core/permissions.h"
#include "core/watchstream.h"
#include "incidents/private/incidentops.h"

#include "ops/platform/v1/incidents.grpc.pb.h"

namespace platformd::incidents {

namespace {

using grpc::ServerContext;

const std::string kPrefix = "/ops.platform.v1.IncidentService/";
constexpr const char *kService = "IncidentService";

class IncidentServiceImpl final
    : public pb::IncidentService::WithRawCallbackMethod_WatchIncidents<pb::IncidentService::Service>
{
public:
    IncidentServiceImpl(const core::ModuleContext &context, IncidentStore &store, IncidentOps &ops)
        : m_store(store)
        , m_ops(ops)
        , m_context(context)
    {}

    Status ListIncidents(ServerContext *, const pb::ListIncidentsRequest *r,
                         pb::ListIncidentsResponse *out) override
    {
        return core::guarded(kService, [&] {
            m_store.freshen();
            return m_store.listIncidents(*r, out);
        });
    }
    Status GetIncident(ServerContext *, const pb::GetIncidentRequest *r, pb::Incident *out) override
    {
        return core::guarded(kService, [&] {
            m_store.freshen();
            return m_store.getIncident(r->name(), out);
        });
    }
    Status CreateIncident(ServerContext *c, const pb::CreateIncidentRequest *r,
                          pb::Incident *out) override
    {
        return core::guarded(kService,
                             [&] { return m_ops.create(caller(c, "CreateIncident"), *r, out); });
    }
    Status UpdateIncident(ServerContext *c, const pb::UpdateIncidentRequest *r,
                          pb::Incident *out) override
    {
        return core::guarded(kService,
                             [&] { return m_ops.update(caller(c, "UpdateIncident"), *r, out); });
    }
    Status AcknowledgeIncident(ServerContext *c, const pb::AcknowledgeIncidentRequest *r,
                               pb::Incident *out) override
    {
        return core::guarded(
            kService, [&] { return m_ops.acknowledge(caller(c, "AcknowledgeIncident"), *r, out); });
    }
    Status MitigateIncident(ServerContext *c, const pb::TransitionIncidentRequest *r,
                            pb::Incident *out) override
    {
        return core::guarded(kService, [&] {
            return m_ops.transition(caller(c, "MitigateIncident"), *r, pb::MITIGATED, out);
        });
    }
    Status ResolveIncident(ServerContext *c, const pb::TransitionIncidentRequest *r,
                           pb::Incident *out) override
    {
        return core::guarded(kService, [&] {
            return m_ops.transition(caller(c, "ResolveIncident"), *r, pb::RESOLVED, out);
        });
    }
    Status CloseIncident(ServerContext *c, const pb::TransitionIncidentRequest *r,
                         pb::Incident *out) override
    {
        return core::guarded(kService, [&] {
            return m_ops.transition(caller(c, "CloseIncident"), *r, pb::CLOSED, out);
        });
    }
    Status ReopenIncident(ServerContext *c, const pb::TransitionIncidentRequest *r,
                          pb::Incident *out) override
    {
        return core::guarded(kService, [&] {
            return m_ops.transition(caller(c, "ReopenIncident"), *r, pb::TRIGGERED, out);
        });
    }
    Status AddTimelineNote(ServerContext *c, const pb::AddTimelineNoteRequest *r,
                           pb::Incident *out) override
    {
        return core::guarded(kService,
                             [&] { return m_ops.addNote(caller(c, "AddTimelineNote"), *r, out); });
    }
    Status UpdatePostmortem(ServerContext *c, const pb::UpdatePostmortemRequest *r,
                            pb::Incident *out) override
    {
        return core::guarded(kService, [&] {
            return m_ops.updatePostmortem(caller(c, "UpdatePostmortem"), *r, out);
        });
    }
    Status ListSilences(ServerContext *, const pb::ListSilencesRequest *r,
                        pb::ListSilencesResponse *out) override
    {
        return core::guarded(kService, [&] {
            m_store.freshen();
            return m_store.listSilences(*r, out);
        });
    }
    Status CreateSilence(ServerContext *c, const pb::CreateSilenceRequest *r,
                         pb::Silence *out) override
    {
        return core::guarded(
            kService, [&] { return m_ops.createSilence(caller(c, "CreateSilence"), *r, out); });
    }
    Status ExtendSilence(ServerContext *c, const pb::ExtendSilenceRequest *r,
                         pb::Silence *out) override
    {
        return core::guarded(
            kService, [&] { return m_ops.extendSilence(caller(c, "ExtendSilence"), *r, out); });
    }
    Status ExpireSilence(ServerContext *c, const pb::ExpireSilenceRequest *r,
                         pb::Silence *out) override
    {
        return core::guarded(
            kService, [&] { return m_ops.expireSilence(caller(c, "ExpireSilence"), *r, out); });
    }
    Status ListAlertmanagers(ServerContext *, const pb::ListAlertmanagersRequest *,
                             pb::ListAlertmanagersResponse *out) override
    {
        return core::guarded(kService, [&] {
            m_store.listAlertmanagers(out);
            return Status::OK;
        });
    }
    Status ListRunbooks(ServerContext *, const pb::ListRunbooksRequest *,
                        pb::ListRunbooksResponse *out) override
    {
        return core::guarded(kService, [&] {
            m_store.freshen();
            m_store.listRunbooks(out);
            return Status::OK;
        });
    }
    Status GetRunbook(ServerContext *, const pb::GetRunbookRequest *r, pb::Runbook *out) override
    {
        return core::guarded(kService, [&] {
            m_store.freshen();
            return m_store.getRunbook(r->name(), out);
        });
    }
    Status UpdateRunbook(ServerContext *c, const pb::UpdateRunbookRequest *r,
                         pb::Runbook *out) override
    {
        return core::guarded(
            kService, [&] { return m_ops.updateRunbook(caller(c, "UpdateRunbook"), *r, out); });
    }
    Status GetIncidentAnalytics(ServerContext *, const pb::GetIncidentAnalyticsRequest *r,
                                pb::IncidentAnalytics *out) override
    {
        return core::guarded(kService, [&] {
            m_store.freshen();
            return m_store.analytics(*r, out);
        });
    }
    // On the callback API (core/watchstream.h): an open watch holds no thread.
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchIncidents(grpc::CallbackServerContext *context,
                                                               const grpc::ByteBuffer *raw) override
    {
        pb::WatchIncidentsRequest request;
        return m_context.watches->serve(
            kService, context, *raw, request, [&]() -> core::WatchStreams::Opened {
                core::FeedCursor::Options options;
                options.after = request.after_revision();
                options.maxLag = std::int64_t(m_context.watchQueue);
                options.select = [](const core::FeedEntry &e) {
                    return std::static_pointer_cast<const std::string>(e.data);
                };
                return core::WatchStreams::start(
                    core::FeedCursor(m_store.feed(), std::move(options)),
                    {kPrefix + "WatchIncidents", m_context.progressInterval, [this] {
                         return m_store.oldestRetainedRevision();
                     }});
            });
    }

private:
    Caller caller(ServerContext *context, const char *method)
    {
        Caller c;
        Status refused;
        if (!core::actorOf(context, kPrefix + method, &c, &refused))
            throw core::CallRefused{refused};
        c.permissions = m_context.permissions.permissionsOf(c.roles);
        return c;
    }

    IncidentStore &m_store;
    IncidentOps &m_ops;
    const core::ModuleContext m_context;
};

} // namespace

std::unique_ptr<grpc::Service> makeIncidentService(const core::ModuleContext &context,
                                                   IncidentStore &store, IncidentOps &ops)
{
    return std::make_unique<IncidentServiceImpl>(context, store, ops);
}

} // namespace platformd::incidents
