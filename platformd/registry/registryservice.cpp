#include "registry/private/registryservice.h"

#include "core/auth.h"
#include "core/caller.h"
#include "core/guarded.h"
#include "core/permissions.h"
#include "registry/registrystore.h"

#include "ops/platform/v1/models.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>

namespace platformd::registry {

namespace {

using google::protobuf::util::TimeUtil;
using grpc::ServerContext;
using grpc::StatusCode;

const std::string kPrefix = "/ops.platform.v1.ModelRegistryService/";

class RegistryServiceImpl final : public pb::ModelRegistryService::Service
{
public:
    RegistryServiceImpl(const core::ModuleContext &context, RegistryStore &registry)
        : m_store(context.store)
        , m_registry(registry)
        , m_context(context)
    {}

    Status ListModels(ServerContext *, const pb::ListModelsRequest *r,
                      pb::ListModelsResponse *out) override
    {
        return core::guarded("ModelRegistryService",
                             [&] { return m_registry.listModels(*r, out); });
    }
    Status GetModel(ServerContext *, const pb::GetModelRequest *r, pb::Model *out) override
    {
        return core::guarded("ModelRegistryService",
                             [&] { return m_registry.getModel(r->name(), out); });
    }
    Status CreateModel(ServerContext *c, const pb::CreateModelRequest *r, pb::Model *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.createModel(caller(c, "CreateModel"), *r, out);
        });
    }
    Status UpdateModel(ServerContext *c, const pb::UpdateModelRequest *r, pb::Model *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.updateModel(caller(c, "UpdateModel"), *r, out);
        });
    }
    Status ListModelVersions(ServerContext *, const pb::ListModelVersionsRequest *r,
                             pb::ListModelVersionsResponse *out) override
    {
        return core::guarded("ModelRegistryService",
                             [&] { return m_registry.listVersions(*r, out); });
    }
    Status GetModelVersion(ServerContext *, const pb::GetModelVersionRequest *r,
                           pb::ModelVersion *out) override
    {
        return core::guarded("ModelRegistryService",
                             [&] { return m_registry.getVersion(r->name(), out); });
    }
    Status CreateModelVersion(ServerContext *c, const pb::CreateModelVersionRequest *r,
                              pb::ModelVersion *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.createVersion(caller(c, "CreateModelVersion"), *r, out);
        });
    }
    Status UpdateModelVersion(ServerContext *c, const pb::UpdateModelVersionRequest *r,
                              pb::ModelVersion *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.updateVersion(caller(c, "UpdateModelVersion"), *r, out);
        });
    }
    Status TransitionStage(ServerContext *c, const pb::TransitionStageRequest *r,
                           pb::ModelVersion *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.transitionStage(caller(c, "TransitionStage"), *r, out);
        });
    }
    Status SetAlias(ServerContext *c, const pb::SetAliasRequest *r, pb::Model *out) override
    {
        return core::guarded("ModelRegistryService",
                             [&] { return m_registry.setAlias(caller(c, "SetAlias"), *r, out); });
    }
    Status DeleteAlias(ServerContext *c, const pb::DeleteAliasRequest *r, pb::Model *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.deleteAlias(caller(c, "DeleteAlias"), *r, out);
        });
    }
    Status CreateApprovalRequest(ServerContext *c, const pb::CreateApprovalRequestRequest *r,
                                 pb::ApprovalRequest *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.createApproval(caller(c, "CreateApprovalRequest"), *r, out);
        });
    }
    Status ListApprovalRequests(ServerContext *, const pb::ListApprovalRequestsRequest *r,
                                pb::ListApprovalRequestsResponse *out) override
    {
        return core::guarded("ModelRegistryService",
                             [&] { return m_registry.listApprovals(*r, out); });
    }
    Status ApproveRequest(ServerContext *c, const pb::ReviewRequest *r,
                          pb::ApprovalRequest *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.approve(caller(c, "ApproveRequest"), *r, out);
        });
    }
    Status RejectRequest(ServerContext *c, const pb::ReviewRequest *r,
                         pb::ApprovalRequest *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.reject(caller(c, "RejectRequest"), *r, out);
        });
    }
    Status CancelApprovalRequest(ServerContext *c, const pb::CancelApprovalRequestRequest *r,
                                 pb::ApprovalRequest *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.cancelApproval(caller(c, "CancelApprovalRequest"), *r, out);
        });
    }
    Status ListDeployments(ServerContext *, const pb::ListDeploymentsRequest *r,
                           pb::ListDeploymentsResponse *out) override
    {
        return core::guarded("ModelRegistryService",
                             [&] { return m_registry.listDeployments(*r, out); });
    }
    Status CreateDeployment(ServerContext *c, const pb::CreateDeploymentRequest *r,
                            pb::Deployment *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.createDeployment(caller(c, "CreateDeployment"), *r, out);
        });
    }
    Status UpdateTraffic(ServerContext *c, const pb::UpdateTrafficRequest *r,
                         pb::Deployment *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.updateTraffic(caller(c, "UpdateTraffic"), *r, out);
        });
    }
    Status RollbackDeployment(ServerContext *c, const pb::RollbackDeploymentRequest *r,
                              pb::Deployment *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.rollback(caller(c, "RollbackDeployment"), *r, out);
        });
    }
    Status DeleteDeployment(ServerContext *c, const pb::DeleteDeploymentRequest *r,
                            pb::Deployment *out) override
    {
        return core::guarded("ModelRegistryService", [&] {
            return m_registry.deleteDeployment(caller(c, "DeleteDeployment"), *r, out);
        });
    }
    Status WatchModels(ServerContext *c, const pb::WatchModelsRequest *r,
                       grpc::ServerWriter<pb::WatchModelsResponse> *writer) override
    {
        return core::guarded("ModelRegistryService", [&] { return watch(c, *r, writer); });
    }

private:
    // Thrown by caller() when the call has no authenticated caller: the handler fails closed.
    Caller caller(ServerContext *context, const char *method)
    {
        Caller c;
        Status refused;
        if (!core::actorOf(context, kPrefix + method, &c, &refused))
            throw core::CallRefused{refused};
        c.permissions = m_context.permissions.permissionsOf(c.roles);
        return c;
    }

    bool sendProgress(grpc::ServerWriter<pb::WatchModelsResponse> *writer, std::int64_t revision)
    {
        pb::WatchModelsResponse response;
        pb::WatchProgress *progress = response.mutable_progress();
        progress->set_revision(revision);
        *progress->mutable_server_time() = TimeUtil::GetCurrentTime();
        progress->set_oldest_retained_revision(m_registry.oldestRetainedRevision());
        return writer->Write(response);
    }

    // The batch rides as field 1 (changes), serialized once for every watcher.
    bool sendBatch(grpc::ServerWriter<pb::WatchModelsResponse> *writer, const std::string &bytes)
    {
        pb::WatchModelsResponse response;
        response.GetReflection()->MutableUnknownFields(&response)->AddLengthDelimited(1, bytes);
        return writer->Write(response);
    }

    Status watch(ServerContext *context, const pb::WatchModelsRequest &request,
                 grpc::ServerWriter<pb::WatchModelsResponse> *writer)
    {
        using namespace std::chrono;
        const std::int64_t after = request.after_revision();
        if (after < 0)
            return Status(StatusCode::INVALID_ARGUMENT, "after_revision: must not be negative");
        const std::int64_t current = m_registry.currentRevision();
        if (after > current)
            return Status(StatusCode::INVALID_ARGUMENT, "after_revision: " + std::to_string(after) +
                                                            " is ahead of the current revision " +
                                                            std::to_string(current));
        const std::int64_t oldest = m_registry.oldestRetainedRevision();
        if (after > 0 && after < oldest - 1)
            return Status(StatusCode::OUT_OF_RANGE,
                          "after_revision: revision " + std::to_string(after) +
                              " is compacted; oldest retained revision is " +
                              std::to_string(oldest) + "; list again");
        std::int64_t last = after == 0 ? current : after;
        const bool versions = request.include_versions();
        bool caughtUp = after == 0;
        if (caughtUp && !sendProgress(writer, last))
            return Status(StatusCode::CANCELLED, "client went away");
        auto nextProgress = steady_clock::now() + m_context.progressInterval;
        std::vector<ModelBatchPtr> batches;
        core::StreamAccess access(m_store, m_context.permissions, context, kPrefix + "WatchModels");
        for (;;) {
            if (context->IsCancelled())
                return Status(StatusCode::CANCELLED, "client went away");
            if (Status refused = access.check(); !refused.ok())
                return refused;
            const auto wait = duration_cast<milliseconds>(nextProgress - steady_clock::now());
            // Wake at least every 500 ms to notice a cancelled client.
            const auto timeout = std::clamp(wait, milliseconds(0),
                                            milliseconds(core::StreamAccess::kRecheckInterval));
            switch (m_registry.hub().next(last, timeout, 256, &batches)) {
            case ModelWatchHub::Wait::Closed:
                return Status(StatusCode::UNAVAILABLE, "platformd is shutting down");
            case ModelWatchHub::Wait::Timeout:
                break;
            case ModelWatchHub::Wait::Batches:
                for (const ModelBatchPtr &b : batches) {
                    const auto &bytes = versions ? b->all : b->withoutVersions;
                    if (bytes && !sendBatch(writer, *bytes))
                        return Status(StatusCode::CANCELLED, "client went away");
                    last = b->revision;
                }
                break;
            case ModelWatchHub::Wait::History: {
                const auto rows =
                    m_registry.readChanges(last, std::numeric_limits<std::int64_t>::max(), 256);
                if (rows.empty() || rows.front().first != last + 1)
                    return Status(
                        StatusCode::OUT_OF_RANGE,
                        "after_revision: revision " + std::to_string(last) +
                            " was compacted while catching up; oldest retained revision is " +
                            std::to_string(m_registry.oldestRetainedRevision()));
                for (const auto &[revision, payload] : rows) {
                    if (versions) {
                        if (!sendBatch(writer, payload))
                            return Status(StatusCode::CANCELLED, "client went away");
                    } else {
                        pb::ModelChangeBatch batch;
                        if (batch.ParseFromString(payload)) {
                            auto *events = batch.mutable_events();
                            events->erase(std::remove_if(events->begin(), events->end(),
                                                         [](const pb::ModelEvent &e) {
                                                             return e.has_model_version();
                                                         }),
                                          events->end());
                            if (!batch.events().empty() &&
                                !sendBatch(writer, batch.SerializeAsString()))
                                return Status(StatusCode::CANCELLED, "client went away");
                        }
                    }
                    last = revision;
                }
                break;
            }
            }
            bool progressDue = steady_clock::now() >= nextProgress;
            if (!caughtUp && last >= m_registry.currentRevision()) {
                caughtUp = true;
                progressDue = true;
            }
            if (progressDue && caughtUp) {
                if (!sendProgress(writer, last))
                    return Status(StatusCode::CANCELLED, "client went away");
                nextProgress = steady_clock::now() + m_context.progressInterval;
            }
        }
    }

    core::Store &m_store;
    RegistryStore &m_registry;
    const core::ModuleContext m_context;
};

} // namespace

std::unique_ptr<grpc::Service> makeRegistryService(const core::ModuleContext &context,
                                                   RegistryStore &registry)
{
    return std::make_unique<RegistryServiceImpl>(context, registry);
}

} // namespace platformd::registry
