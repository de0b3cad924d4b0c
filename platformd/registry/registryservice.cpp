#include "registry/private/registryservice.h"

#include "core/auth.h"
#include "core/caller.h"
#include "core/guarded.h"
#include "core/permissions.h"
#include "core/watchstream.h"
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

class RegistryServiceImpl final
    : public pb::ModelRegistryService::WithRawCallbackMethod_WatchModels<
          pb::ModelRegistryService::Service>
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
    // On the callback API (core/watchstream.h): an open watch holds no thread.
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchModels(grpc::CallbackServerContext *context,
                                                            const grpc::ByteBuffer *raw) override
    {
        pb::WatchModelsRequest request;
        return m_context.watches->serve(
            "ModelRegistryService", context, *raw, request, [&]() -> core::WatchStreams::Opened {
                core::FeedCursor::Options options;
                options.after = request.after_revision();
                options.maxLag = std::int64_t(m_context.watchQueue);
                if (request.include_versions())
                    options.select = [](const core::FeedEntry &e) {
                        return e.as<ModelBatch>().all;
                    };
                else
                    options.select = [](const core::FeedEntry &e) {
                        return e.as<ModelBatch>().withoutVersions;
                    };
                return core::WatchStreams::start(
                    core::FeedCursor(m_registry.feed(), std::move(options)),
                    {kPrefix + "WatchModels", m_context.progressInterval, [this] {
                         return m_registry.oldestRetainedRevision();
                     }});
            });
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
