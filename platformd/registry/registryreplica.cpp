// The registry's memory following its store (docs/ARCHITECTURE.md, "PostgreSQL backend"): loading
// the tables, and catching up with the transactions other replicas committed to a shared store.
// `model_changes` is the truth: a replica applies each committed row once, in revision order, as
// the transaction it was, and publishes it to its own feed, whether it reads the rows inside its
// next write (under the revision row's lock, before validating) or when woken by the other
// replica's notification. On SQLite the process is the only writer: the committed revision always
// equals memory's and nothing here runs after load().
#include "registry/registrystore.h"

#include "core/store.h"
#include "registry/private/registrystoreparts.h"
#include "registry/private/registrytx.h"

#include <google/protobuf/util/time_util.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>

namespace platformd::registry {

using core::Connection;
using core::Stmt;
using google::protobuf::util::TimeUtil;

namespace {

const char *const kSelectRevision = "SELECT value FROM registry_meta WHERE key = 'revision'";
const char *const kSelectCompacted =
    "SELECT value FROM registry_meta WHERE key = 'compacted_through'";

// value = max(value, to).
void raise(std::atomic<std::int64_t> &value, std::int64_t to)
{
    std::int64_t known = value.load();
    while (known < to && !value.compare_exchange_weak(known, to)) {
    }
}

template<typename T>
T parseRow(Stmt &s, int column, const Connection &db, const char *table)
{
    const std::string_view data = s.blob(column);
    T item;
    if (!item.ParseFromArray(data.data(), int(data.size())))
        throw core::StoreError("database " + db.path() + ": unreadable row in " + table);
    return item;
}

} // namespace

void RegistryStore::load(Connection &db)
{
    const std::int64_t revision = db.queryInt(kSelectRevision);
    const std::int64_t compacted = db.queryInt(kSelectCompacted);
    std::vector<pb::Model> models;
    std::vector<pb::ModelVersion> versions;
    std::vector<std::shared_ptr<const std::string>> versionBytes;
    std::vector<pb::Deployment> deployments;
    std::vector<pb::ApprovalRequest> approvals;
    Stmt &selectModels = db.prepare("SELECT data FROM registry_models ORDER BY name");
    while (selectModels.step())
        models.push_back(parseRow<pb::Model>(selectModels, 0, db, "registry_models"));
    selectModels.reset();
    Stmt &selectVersions = db.prepare("SELECT data FROM model_versions ORDER BY model, version");
    while (selectVersions.step()) {
        versions.push_back(parseRow<pb::ModelVersion>(selectVersions, 0, db, "model_versions"));
        versionBytes.push_back(std::make_shared<const std::string>(selectVersions.blob(0)));
    }
    selectVersions.reset();
    Stmt &selectDeployments = db.prepare("SELECT data FROM registry_deployments");
    while (selectDeployments.step())
        deployments.push_back(
            parseRow<pb::Deployment>(selectDeployments, 0, db, "registry_deployments"));
    selectDeployments.reset();
    Stmt &selectApprovals = db.prepare("SELECT data FROM approval_requests");
    while (selectApprovals.step())
        approvals.push_back(
            parseRow<pb::ApprovalRequest>(selectApprovals, 0, db, "approval_requests"));
    selectApprovals.reset();

    std::unique_lock lock(m_mutex);
    m_models.clear();
    m_modelIdByOrdinal.clear();
    m_versions.clear();
    m_vBytes.clear();
    m_versionByName.clear();
    m_vStage.clear();
    m_vStatus.clear();
    m_vTask.clear();
    m_vModel.clear();
    m_vCreate.clear();
    m_byCreate.clear();
    m_metricIndex.clear();
    m_deployments.clear();
    m_approvals.clear();
    m_nextApproval = 1;
    {
        std::lock_guard cache(m_cacheMutex);
        m_orderCache.clear();
        m_matchCache.clear();
    }
    install(std::move(models), std::move(versions), std::move(versionBytes), std::move(deployments),
            std::move(approvals));
    m_revision = revision;
    m_compactedThrough = compacted;
    lock.unlock();
    // Watchers behind this revision read it from the history, or learn it is gone (OUT_OF_RANGE:
    // list again).
    m_feed.reset(revision);
}

void RegistryStore::install(std::vector<pb::Model> models, std::vector<pb::ModelVersion> versions,
                            std::vector<std::shared_ptr<const std::string>> versionBytes,
                            std::vector<pb::Deployment> deployments,
                            std::vector<pb::ApprovalRequest> approvals)
{
    for (pb::Model &m : models) {
        const std::string id = names::modelIdOf(m.name());
        auto [it, inserted] = m_models.try_emplace(id);
        if (inserted) {
            it->second.ordinal = std::uint32_t(m_modelIdByOrdinal.size());
            m_modelIdByOrdinal.push_back(id);
        }
        it->second.model = std::move(m);
    }
    m_versions.reserve(m_versions.size() + versions.size());
    for (size_t i = 0; i < versions.size(); ++i) {
        const auto index = std::uint32_t(m_versions.size());
        m_versions.push_back(std::make_shared<const pb::ModelVersion>(std::move(versions[i])));
        m_vBytes.push_back(std::move(versionBytes[i]));
        insertVersionIndexes(index);
    }
    std::sort(m_byCreate.begin(), m_byCreate.end(), ByCreate{m_vCreate, m_versions});
    for (auto &[key, entries] : m_metricIndex)
        std::sort(entries.begin(), entries.end());
    for (pb::Deployment &d : deployments)
        m_deployments[d.name()] = std::move(d);
    for (pb::ApprovalRequest &a : approvals) {
        m_nextApproval = std::max(m_nextApproval, approvalNumber(a.name()) + 1);
        m_approvals[a.name()] = std::move(a);
    }
    ++m_versionsEpoch;
}

std::int64_t RegistryStore::lockRevision(Connection &db)
{
    // Writers in every replica serialise on this row (READ COMMITTED: once it is ours, what
    // anyone committed before is visible to this transaction's next statements).
    const std::int64_t revision =
        db.queryInt(std::string(kSelectRevision) + core::Store::forUpdate(db));
    if (revision != m_revision)
        catchUp(db, revision);
    return revision;
}

void RegistryStore::catchUp(Connection &db, std::int64_t revision)
{
    const std::int64_t compacted = db.queryInt(kSelectCompacted);
    raise(m_compactedThrough, compacted);
    std::vector<std::pair<std::int64_t, std::string>> rows;
    while (m_revision < revision) {
        rows.clear();
        Stmt &select =
            db.prepare("SELECT revision, payload FROM model_changes WHERE revision > ?1 AND "
                       "revision <= ?2 ORDER BY revision LIMIT 256");
        select.bind(1, m_revision.load()).bind(2, revision);
        while (select.step())
            rows.emplace_back(select.int64(0), std::string(select.blob(1)));
        select.reset();
        if (rows.empty() || rows.front().first != m_revision + 1)
            break; // a gap: reload below
        for (auto &[at, payload] : rows) {
            if (at != m_revision + 1)
                break;
            applyLogged(at, std::move(payload));
        }
    }
    if (m_revision == revision)
        return;
    // Some of what was committed is only in the tables (the demo's seed writes no history;
    // compaction removed rows this replica never read), or the store went back (restored): the
    // tables at the committed revision replace memory.
    spdlog::info("registry: reloading at revision {} (memory at {}, history from {})", revision,
                 m_revision.load(), compacted + 1);
    load(db);
}

void RegistryStore::applyLogged(std::int64_t revision, std::string payload)
{
    pb::ModelChangeBatch batch;
    if (!batch.ParseFromString(payload))
        throw core::StoreError("registry: unreadable row in model_changes (revision " +
                               std::to_string(revision) + ")");
    Tx tx(*this, revision, TimeUtil::TimestampToMilliseconds(batch.commit_time()));
    for (pb::ModelEvent &e : *batch.mutable_events()) {
        if (e.has_model()) {
            tx.models[names::modelIdOf(e.model().name())] = std::move(*e.mutable_model());
        } else if (e.has_model_version()) {
            const std::string name = e.model_version().name();
            if (!m_versionByName.count(name))
                tx.newVersions.push_back(name);
            tx.versions[name] = std::move(*e.mutable_model_version());
        } else if (e.has_deployment()) {
            tx.deployments[e.deployment().name()] = std::move(*e.mutable_deployment());
        } else if (e.has_approval_request()) {
            tx.approvals[e.approval_request().name()] = std::move(*e.mutable_approval_request());
        } else if (e.type() == pb::CHANGE_TYPE_DELETE) {
            tx.deletedDeployments.insert(e.name()); // the only resource a batch deletes
        }
    }
    // New versions get their indexes in load()'s order.
    std::sort(tx.newVersions.begin(), tx.newVersions.end(),
              [&](const std::string &a, const std::string &b) {
                  const pb::ModelVersion &va = tx.versions.at(a), &vb = tx.versions.at(b);
                  return va.model() != vb.model() ? va.model() < vb.model()
                                                  : va.version() < vb.version();
              });
    tx.batch = modelBatchOf(revision, std::move(payload));
    apply(tx);
}

std::int64_t RegistryStore::committedRevision()
{
    if (!m_store.shared())
        return m_revision;
    std::int64_t revision = 0;
    m_store.read([&](Connection &db) { revision = db.queryInt(kSelectRevision); });
    return std::max(revision, m_revision.load());
}

void RegistryStore::follow()
{
    std::lock_guard writer(m_writeMutex);
    m_store.read([&](Connection &db) {
        core::Transaction tx(db, core::Transaction::Mode::Read); // one snapshot
        const std::int64_t revision = db.queryInt(kSelectRevision);
        if (revision != m_revision)
            catchUp(db, revision);
        else // another replica's compaction moves where watchers may resume from
            raise(m_compactedThrough, db.queryInt(kSelectCompacted));
        tx.commit();
    });
}

} // namespace platformd::registry
