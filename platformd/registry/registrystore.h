#pragma once

#include "core/caller.h"
#include "core/storesync.h"
#include "registry/modelwatch.h"

#include "ops/platform/v1/models.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace platformd::core {
class Connection;
class Store;
} // namespace platformd::core

// The model registry (docs/API.md, ModelRegistryService): models, versions, aliases, deployments
// and four-eyes approval requests. SQLite tables (with indexes) are the durable copy; an in-memory
// copy with column indexes answers the lists (docs/ARCHITECTURE.md, "Model registry"). On a shared
// store (PostgreSQL) the copy follows what other replicas commit (registryreplica.cpp).
namespace platformd::registry {

namespace pb = ops::platform::v1;
using grpc::Status;
using VersionPtr = std::shared_ptr<const pb::ModelVersion>;

// Who performs a registry operation: the core's one caller type (its permissions filled).
using core::Caller;

// The changes one registry transaction stages; lookups see staged values over committed ones.
class Tx;

class RegistryStore
{
public:
    // Loads the registry tables into memory. Throws core::StoreError.
    explicit RegistryStore(core::Store &store);
    ~RegistryStore();

    // --- reads (any thread) ---
    Status listModels(const pb::ListModelsRequest &request, pb::ListModelsResponse *response);
    Status getModel(const std::string &name, pb::Model *out);
    Status listVersions(const pb::ListModelVersionsRequest &request,
                        pb::ListModelVersionsResponse *response);
    Status getVersion(const std::string &name, pb::ModelVersion *out);
    Status listDeployments(const pb::ListDeploymentsRequest &request,
                           pb::ListDeploymentsResponse *response);
    Status listApprovals(const pb::ListApprovalRequestsRequest &request,
                         pb::ListApprovalRequestsResponse *response);

    // --- writes: validated, applied and audited in one transaction ---
    Status createModel(const Caller &c, const pb::CreateModelRequest &r, pb::Model *out);
    Status updateModel(const Caller &c, const pb::UpdateModelRequest &r, pb::Model *out);
    Status createVersion(const Caller &c, const pb::CreateModelVersionRequest &r,
                         pb::ModelVersion *out);
    Status updateVersion(const Caller &c, const pb::UpdateModelVersionRequest &r,
                         pb::ModelVersion *out);
    Status transitionStage(const Caller &c, const pb::TransitionStageRequest &r,
                           pb::ModelVersion *out);
    Status setAlias(const Caller &c, const pb::SetAliasRequest &r, pb::Model *out);
    Status deleteAlias(const Caller &c, const pb::DeleteAliasRequest &r, pb::Model *out);
    Status createApproval(const Caller &c, const pb::CreateApprovalRequestRequest &r,
                          pb::ApprovalRequest *out);
    Status approve(const Caller &c, const pb::ReviewRequest &r, pb::ApprovalRequest *out);
    Status reject(const Caller &c, const pb::ReviewRequest &r, pb::ApprovalRequest *out);
    Status cancelApproval(const Caller &c, const pb::CancelApprovalRequestRequest &r,
                          pb::ApprovalRequest *out);
    Status createDeployment(const Caller &c, const pb::CreateDeploymentRequest &r,
                            pb::Deployment *out);
    Status updateTraffic(const Caller &c, const pb::UpdateTrafficRequest &r, pb::Deployment *out);
    Status rollback(const Caller &c, const pb::RollbackDeploymentRequest &r, pb::Deployment *out);
    Status deleteDeployment(const Caller &c, const pb::DeleteDeploymentRequest &r,
                            pb::Deployment *out);

    // --- the demo ---
    bool empty() const;
    // Writes the whole initial registry in one unaudited transaction (no history). Only into an
    // empty registry: false (nothing written) when another replica seeded or wrote it first.
    bool seed(std::vector<pb::Model> models, std::vector<pb::ModelVersion> versions,
              std::vector<pb::Deployment> deployments, std::vector<pb::ApprovalRequest> approvals);
    // One unaudited transaction setting the serving metrics of deployments (theirs and their
    // variants', matched by version); everything else stays as committed.
    void updateServingMetrics(std::vector<pb::Deployment> deployments);
    std::vector<pb::Deployment> deployments() const;
    std::vector<std::string> modelIds() const;
    std::vector<pb::ApprovalRequest> approvals() const;

    // --- the revision log ---
    std::int64_t currentRevision() const { return m_revision.load(); }
    // The newest committed revision: on a shared store possibly ahead of currentRevision() (what
    // another replica committed and this one has not read yet), so a watcher may resume here from
    // a revision it got from another replica.
    std::int64_t committedRevision();
    std::int64_t oldestRetainedRevision() const { return m_compactedThrough.load() + 1; }
    // History rows with after < revision <= upTo, ascending, at most limit (serialized batches).
    std::vector<std::pair<std::int64_t, std::string>> readChanges(std::int64_t after,
                                                                  std::int64_t upTo, int limit);
    // Drops history beyond the store's retention. Returns the revisions removed.
    std::int64_t compact();
    // Committed transactions for watchers (entries: ModelBatch).
    core::Feed &feed() { return m_feed; }

private:
    friend class Tx;
    struct ModelRec
    {
        pb::Model model;
        std::uint32_t ordinal = 0;
        std::vector<std::uint32_t> versions; // version n at index n - 1
    };

    // Reads every registry table of db (one snapshot, or under the revision row's lock) into
    // memory, replacing what it held, and restarts the feed at the tables' revision
    // (registryreplica.cpp).
    void load(core::Connection &db);
    // --- following other replicas (registryreplica.cpp), m_writeMutex held ---
    // Inside a write transaction: locks the registry's revision row (FOR UPDATE on PostgreSQL),
    // brings memory up to the committed revision and returns it; the transaction's revision is
    // the next one.
    std::int64_t lockRevision(core::Connection &db);
    // Applies and publishes the committed transactions of db after m_revision up to revision, in
    // order; reloads the tables when some are no longer in `model_changes` (compacted, the seed).
    void catchUp(core::Connection &db, std::int64_t revision);
    // One `model_changes` row (a serialized ModelChangeBatch) applied as the transaction it was.
    void applyLogged(std::int64_t revision, std::string payload);
    // The subscription's callback: catches up with what other replicas committed.
    void follow();
    // Runs op on a staged transaction under the registry's writer lock; on success persists it
    // (with the audit row when audited) and applies it to memory, then publishes the batch.
    // onCommitted runs after a successful op (still under the writer lock), e.g. to fill the reply.
    Status mutate(const Caller *caller, const std::string &resource, const std::string &summary,
                  const std::function<Status(Tx &)> &op,
                  const std::function<void(const Tx &)> &onCommitted = {});
    Status review(const Caller &c, const pb::ReviewRequest &r, bool approve,
                  pb::ApprovalRequest *out);
    void persist(core::Connection &db, Tx &tx, bool writeHistory);
    // Memory takes tx's staged values and revision; its batch (if any) goes to the feed.
    void apply(Tx &tx);
    void refreshModel(Tx &tx, const std::string &modelId);
    void insertVersionIndexes(std::uint32_t index);
    // Under m_mutex (unique): adds loaded or seeded rows to memory with their indexes (versions
    // appended; versionBytes: each version serialized), then sorts the orders.
    void install(std::vector<pb::Model> models, std::vector<pb::ModelVersion> versions,
                 std::vector<std::shared_ptr<const std::string>> versionBytes,
                 std::vector<pb::Deployment> deployments,
                 std::vector<pb::ApprovalRequest> approvals);

    // Index helpers (readers hold m_mutex shared).
    struct Planned;
    Status planVersions(const pb::ListModelVersionsRequest &request, Planned *plan) const;
    // Cached per m_versionsEpoch, built by readers (registryquery.cpp): every version in one
    // order_by with each version's rank in it, and the matches of one (parent, filter, order_by).
    struct OrderedVersions;
    struct MatchedVersions;

    core::Store &m_store;
    std::mutex m_writeMutex; // one registry writer at a time (validation sees committed state)
    mutable std::shared_mutex m_mutex;        // guards the in-memory copy below
    std::map<std::string, ModelRec> m_models; // by model id
    std::vector<std::string> m_modelIdByOrdinal;
    std::vector<VersionPtr> m_versions;
    // Each version serialized, as the lists send it (index = version index).
    std::vector<std::shared_ptr<const std::string>> m_vBytes;
    // Bumped whenever a version is added or changed: the key of the cached orders and matches.
    std::uint64_t m_versionsEpoch = 0;
    std::unordered_map<std::string, std::uint32_t> m_versionByName;
    // Columns, index = version index.
    std::vector<std::uint8_t> m_vStage, m_vStatus, m_vTask;
    std::vector<std::uint32_t> m_vModel;
    std::vector<std::int64_t> m_vCreate; // micros
    // Every version in the default order: create_time desc, then name.
    std::vector<std::uint32_t> m_byCreate;
    // metric key -> (value, version index), ascending by value.
    std::unordered_map<std::string, std::vector<std::pair<double, std::uint32_t>>> m_metricIndex;
    mutable std::mutex m_cacheMutex; // guards the two caches (most recently used first)
    mutable std::vector<std::shared_ptr<const OrderedVersions>> m_orderCache;
    mutable std::vector<std::shared_ptr<const MatchedVersions>> m_matchCache;
    std::map<std::string, pb::Deployment> m_deployments;    // by name
    std::map<std::string, pb::ApprovalRequest> m_approvals; // by name
    std::int64_t m_nextApproval = 1;                        // after the highest ar-N in m_approvals
    std::atomic<std::int64_t> m_revision{0};
    std::atomic<std::int64_t> m_compactedThrough{0};
    ModelHistory m_history{*this};
    core::Feed m_feed{m_history};
    // Wakes follow() when another replica committed (null on SQLite); destroyed first.
    std::unique_ptr<core::StoreListener::Subscription> m_subscription;
};

} // namespace platformd::registry
