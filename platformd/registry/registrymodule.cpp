#include "registry/registrymodule.h"

#include "registry/private/registryservice.h"
#include "registry/registrydemo.h"
#include "registry/registrystore.h"

#include <grpcpp/impl/codegen/service_type.h>

#include <stdexcept>

namespace platformd::registry {

namespace {

const std::string kPrefix = "/ops.platform.v1.ModelRegistryService/";

// Migration 5. The model registry: its own revision sequence and change log (model_changes:
// revision -> serialized ModelChangeBatch), resources as serialized protos plus indexed columns,
// and version metrics by (key, value) for metric filters.
const char *const kSchema =
    R"(CREATE TABLE registry_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO registry_meta VALUES ('revision', 0), ('compacted_through', 0);
CREATE TABLE registry_models (name TEXT PRIMARY KEY, task INTEGER NOT NULL, owner_team TEXT NOT NULL,
  revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE model_versions (model TEXT NOT NULL, version INTEGER NOT NULL, stage INTEGER NOT NULL,
  status INTEGER NOT NULL, create_time INTEGER NOT NULL, revision INTEGER NOT NULL,
  data BLOB NOT NULL, PRIMARY KEY (model, version)) WITHOUT ROWID;
CREATE INDEX model_versions_by_stage ON model_versions (stage, create_time);
CREATE INDEX model_versions_by_create ON model_versions (create_time);
CREATE TABLE version_metrics (model TEXT NOT NULL, version INTEGER NOT NULL, key TEXT NOT NULL,
  value REAL NOT NULL, PRIMARY KEY (model, version, key)) WITHOUT ROWID;
CREATE INDEX version_metrics_by_key ON version_metrics (key, value);
CREATE TABLE registry_deployments (name TEXT PRIMARY KEY, model TEXT NOT NULL, region TEXT NOT NULL,
  revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX registry_deployments_by_model ON registry_deployments (model);
CREATE TABLE approval_requests (name TEXT PRIMARY KEY, model TEXT NOT NULL, state INTEGER NOT NULL,
  create_time INTEGER NOT NULL, revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX approval_requests_by_state ON approval_requests (state, create_time);
CREATE TABLE model_changes (revision INTEGER PRIMARY KEY, commit_time INTEGER NOT NULL,
  payload BLOB NOT NULL);)";

class RegistryRuntime final : public core::ModuleRuntime
{
public:
    explicit RegistryRuntime(const core::ModuleContext &context)
        : m_demo(context.demo)
    {
        try {
            m_registry = std::make_unique<RegistryStore>(context.store);
            if (context.demo.enabled && m_registry->empty())
                seedRegistryDemo(*m_registry, {context.demo.seed, context.demo.scale});
        } catch (const std::exception &e) {
            throw std::runtime_error(std::string("refusing to start: the model registry: ") +
                                     e.what());
        }
        m_service = makeRegistryService(context, *m_registry);
        if (context.demo.enabled)
            m_simulator = std::make_unique<RegistrySimulator>(*m_registry, context.demo.seed);
    }
    std::vector<grpc::Service *> services() override { return {m_service.get()}; }
    void started(grpc::HealthCheckServiceInterface *, const std::string &) override
    {
        if (m_simulator)
            m_simulator->start();
    }
    void lead(const std::string &) override
    {
        if (!m_demo.standby || m_simulator)
            return;
        m_simulator = std::make_unique<RegistrySimulator>(*m_registry, m_demo.seed);
        m_simulator->start();
    }
    void stopping() override
    {
        if (m_simulator)
            m_simulator->stop();
    }

private:
    const core::DemoOptions m_demo;
    std::unique_ptr<RegistryStore> m_registry;
    std::unique_ptr<grpc::Service> m_service;
    std::unique_ptr<RegistrySimulator> m_simulator;
};

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "registry";
    m.services = {"ops.platform.v1.ModelRegistryService"};
    const std::pair<const char *, const char *> rules[] = {
        {"ListModels", "models.read"},
        {"GetModel", "models.read"},
        {"CreateModel", "models.write"},
        {"UpdateModel", "models.write"},
        {"ListModelVersions", "models.read"},
        {"GetModelVersion", "models.read"},
        {"CreateModelVersion", "models.write"},
        {"UpdateModelVersion", "models.write"},
        {"TransitionStage", "models.write"},
        {"SetAlias", "models.write"},
        {"DeleteAlias", "models.write"},
        {"CreateApprovalRequest", "promotions.request"},
        {"ListApprovalRequests", "models.read"},
        {"ApproveRequest", "promotions.approve"},
        {"RejectRequest", "promotions.approve"},
        {"CancelApprovalRequest", "promotions.request"},
        {"ListDeployments", "models.read"},
        {"CreateDeployment", "deployments.write"},
        {"UpdateTraffic", "deployments.write"},
        {"RollbackDeployment", "deployments.write"},
        {"DeleteDeployment", "deployments.write"},
        {"WatchModels", "models.read"},
    };
    for (const auto &[method, permission] : rules)
        m.methods.push_back({kPrefix + method, permission});
    m.grants = {
        {"viewer", {"models.read"}},
        {"operator", {"deployments.write", "models.write", "promotions.request"}},
        {"manager", {"promotions.approve"}},
        {"compliance_officer", {"models.read"}},
        {"admin", {"models.read", "aliases.protected"}},
    };
    m.migrations = {{5, kSchema}};
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<RegistryRuntime>(context);
    };
    return m;
}

} // namespace platformd::registry
