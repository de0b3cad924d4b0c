#include "registry/registrystore.h"

#include "core/caller.h"
#include "core/store.h"
#include "registry/private/registrystoreparts.h"
#include "registry/private/registrytx.h"

#include <google/protobuf/util/time_util.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace platformd::registry {

using core::Connection;
using core::Stmt;
using google::protobuf::util::TimeUtil;

RegistryStore::RegistryStore(core::Store &store)
    : m_store(store)
{
    std::lock_guard writer(m_writeMutex);
    m_store.read([&](Connection &db) {
        core::Transaction tx(db, core::Transaction::Mode::Read);
        load(db);
        tx.commit();
    });
    spdlog::info("registry: {} models, {} versions, {} deployments at registry revision {}",
                 m_models.size(), m_versions.size(), m_deployments.size(), m_revision.load());
    m_subscription = m_store.subscribe(kRegistryChannel, [this] { follow(); });
}

RegistryStore::~RegistryStore()
{
    m_subscription.reset(); // waits for a running follow()
}

// Columns, the name map and the model's list for the version at index (already in m_versions).
// Appends to m_byCreate and the metric index unsorted: callers sort or insert in place.
void RegistryStore::insertVersionIndexes(std::uint32_t index)
{
    const pb::ModelVersion &v = *m_versions[index];
    ModelRec &rec = m_models[names::modelIdOf(v.name())];
    m_versionByName[v.name()] = index;
    m_vStage.push_back(std::uint8_t(v.stage()));
    m_vStatus.push_back(std::uint8_t(v.status()));
    m_vTask.push_back(std::uint8_t(v.task()));
    m_vModel.push_back(rec.ordinal);
    m_vCreate.push_back(micros(v.create_time()));
    if (rec.versions.size() < size_t(v.version()))
        rec.versions.resize(size_t(v.version()), UINT32_MAX);
    rec.versions[size_t(v.version() - 1)] = index;
    m_byCreate.push_back(index);
    for (const auto &[key, value] : v.metrics())
        m_metricIndex[key].emplace_back(value, index);
}

bool RegistryStore::empty() const
{
    std::shared_lock lock(m_mutex);
    return m_models.empty();
}

Status RegistryStore::mutate(const Caller *caller, const std::string &resource,
                             const std::string &summary, const std::function<Status(Tx &)> &op,
                             const std::function<void(const Tx &)> &onCommitted)
{
    std::lock_guard writer(m_writeMutex);
    Tx tx(*this, 0, nowMs());
    Status result;
    auto effect = [&](Connection &db) {
        // What other replicas committed is in memory before op validates against it.
        tx.revision = lockRevision(db) + 1;
        result = op(tx);
        if (result.ok() && !tx.empty()) {
            for (const std::string &id : std::set<std::string>(tx.touchedModels))
                refreshModel(tx, id);
            persist(db, tx, true);
        }
    };
    if (caller) {
        core::audit::Entry entry = core::auditEntry(*caller, resource, summary);
        m_store.audited(std::move(entry), [&](Connection &db, core::audit::Entry &e) {
            effect(db);
            e.result = core::codeName(result.error_code());
            e.resultMessage = result.error_message();
        });
    } else {
        m_store.write(effect);
    }
    if (result.ok() && !tx.empty())
        apply(tx);
    if (result.ok() && onCommitted)
        onCommitted(tx);
    return result;
}

void RegistryStore::refreshModel(Tx &tx, const std::string &id)
{
    if (!tx.model(id))
        return;
    pb::Model &m = tx.stageModel(id);
    const std::int64_t count = tx.versionCount(id);
    m.set_version_count(std::int32_t(count));
    m.set_latest_version(count);
    const pb::ModelVersion *latest = count ? tx.version(id, count) : nullptr;
    m.set_latest_stage(latest ? latest->stage() : pb::MODEL_STAGE_UNSPECIFIED);
    std::int64_t production = 0;
    // Production changes only through staged versions: look at the committed production version
    // and at every staged version of this model.
    if (m.production_version() > 0) {
        const pb::ModelVersion *p = tx.version(id, m.production_version());
        if (p && p->stage() == pb::PRODUCTION)
            production = p->version();
    }
    const std::string prefix = names::model(id) + "/";
    for (const auto &[name, v] : tx.versions)
        if (name.starts_with(prefix) && v.stage() == pb::PRODUCTION)
            production = std::max(production, v.version());
    m.set_production_version(production);
    int live = 0;
    for (const auto &[name, d] : m_deployments)
        if (d.model() == m.name() && !tx.deployments.count(name) &&
            !tx.deletedDeployments.count(name))
            live += d.rollout_state() != pb::Deployment::FAILED;
    for (const auto &[name, d] : tx.deployments)
        if (d.model() == m.name() && !tx.deletedDeployments.count(name))
            live += d.rollout_state() != pb::Deployment::FAILED;
    m.set_live_deployments(live);
}

void RegistryStore::persist(Connection &db, Tx &tx, bool writeHistory)
{
    const std::int64_t revision = tx.revision;
    const auto now = TimeUtil::MillisecondsToTimestamp(tx.nowMs);
    pb::ModelChangeBatch batch;
    batch.set_revision(revision);
    *batch.mutable_commit_time() = now;
    std::string bytes;
    auto event = [&](const std::string &name, pb::ChangeType type) {
        pb::ModelEvent *e = batch.add_events();
        e->set_type(type);
        e->set_name(name);
        return e;
    };
    if (!tx.models.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO registry_models (name, task, owner_team, revision, data) "
                       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO UPDATE SET task = "
                       "excluded.task, owner_team = excluded.owner_team, revision = "
                       "excluded.revision, data = excluded.data");
        for (auto &[id, m] : tx.models) {
            m.set_revision(revision);
            if (writeHistory || !m.has_update_time())
                *m.mutable_update_time() = now;
            m.SerializeToString(&bytes);
            upsert.bind(1, m.name()).bind(2, std::int64_t(m.task())).bind(3, m.owner_team());
            upsert.bind(4, revision).bindBlob(5, bytes);
            upsert.step();
            upsert.reset();
            if (writeHistory)
                *event(m.name(), pb::CHANGE_TYPE_UPSERT)->mutable_model() = m;
        }
    }
    if (!tx.versions.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO model_versions (model, version, stage, status, create_time, "
                       "revision, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (model, "
                       "version) DO UPDATE SET stage = excluded.stage, status = excluded.status, "
                       "create_time = excluded.create_time, revision = excluded.revision, data = "
                       "excluded.data");
        for (auto &[name, v] : tx.versions) {
            v.set_revision(revision);
            if (writeHistory || !v.has_update_time())
                *v.mutable_update_time() = now;
            v.SerializeToString(&bytes);
            upsert.bind(1, v.model()).bind(2, v.version()).bind(3, std::int64_t(v.stage()));
            upsert.bind(4, std::int64_t(v.status())).bind(5, micros(v.create_time()));
            upsert.bind(6, revision).bindBlob(7, bytes);
            upsert.step();
            upsert.reset();
            if (writeHistory)
                *event(v.name(), pb::CHANGE_TYPE_UPSERT)->mutable_model_version() = v;
        }
        Stmt &metric =
            db.prepare("INSERT INTO version_metrics (model, version, key, value) VALUES (?1, ?2, "
                       "?3, ?4) ON CONFLICT (model, version, key) DO UPDATE SET value = "
                       "excluded.value");
        for (const std::string &name : tx.newVersions) {
            const pb::ModelVersion &v = tx.versions.at(name);
            for (const auto &[key, value] : v.metrics()) {
                metric.bind(1, v.model()).bind(2, v.version()).bind(3, key).bind(4, value);
                metric.step();
                metric.reset();
            }
        }
    }
    if (!tx.deployments.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO registry_deployments (name, model, region, revision, data) "
                       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO UPDATE SET model = "
                       "excluded.model, region = excluded.region, revision = excluded.revision, "
                       "data = excluded.data");
        for (auto &[name, d] : tx.deployments) {
            if (tx.deletedDeployments.count(name))
                continue;
            d.set_revision(revision);
            if (writeHistory || !d.has_update_time())
                *d.mutable_update_time() = now;
            d.SerializeToString(&bytes);
            upsert.bind(1, d.name()).bind(2, d.model()).bind(3, d.region()).bind(4, revision);
            upsert.bindBlob(5, bytes);
            upsert.step();
            upsert.reset();
            if (writeHistory)
                *event(d.name(), pb::CHANGE_TYPE_UPSERT)->mutable_deployment() = d;
        }
    }
    if (!tx.deletedDeployments.empty()) {
        Stmt &del = db.prepare("DELETE FROM registry_deployments WHERE name = ?1");
        for (const std::string &name : tx.deletedDeployments) {
            del.bind(1, name);
            del.step();
            del.reset();
            if (writeHistory)
                event(name, pb::CHANGE_TYPE_DELETE);
        }
    }
    if (!tx.approvals.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO approval_requests (name, model, state, create_time, "
                       "revision, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO "
                       "UPDATE SET model = excluded.model, state = excluded.state, create_time = "
                       "excluded.create_time, revision = excluded.revision, data = excluded.data");
        for (auto &[name, a] : tx.approvals) {
            a.set_revision(revision);
            a.SerializeToString(&bytes);
            upsert.bind(1, a.name()).bind(2, a.model()).bind(3, std::int64_t(a.state()));
            upsert.bind(4, micros(a.create_time())).bind(5, revision).bindBlob(6, bytes);
            upsert.step();
            upsert.reset();
            if (writeHistory)
                *event(a.name(), pb::CHANGE_TYPE_UPSERT)->mutable_approval_request() = a;
        }
    }
    Stmt &meta = db.prepare("UPDATE registry_meta SET value = ?1 WHERE key = 'revision'");
    meta.bind(1, revision);
    meta.step();
    meta.reset();
    core::Store::notifyCommit(db, kRegistryChannel, revision);
    if (!writeHistory)
        return;
    auto out = std::make_shared<ModelBatch>();
    out->revision = revision;
    auto all = std::make_shared<std::string>();
    batch.SerializeToString(all.get());
    bool onlyVersions = true;
    for (const pb::ModelEvent &e : batch.events())
        onlyVersions = onlyVersions && e.has_model_version();
    if (!onlyVersions) {
        pb::ModelChangeBatch without = batch;
        auto *events = without.mutable_events();
        events->erase(std::remove_if(events->begin(), events->end(),
                                     [](const pb::ModelEvent &e) { return e.has_model_version(); }),
                      events->end());
        out->withoutVersions = std::make_shared<const std::string>(without.SerializeAsString());
    }
    out->all = std::move(all);
    Stmt &append = db.prepare(
        "INSERT INTO model_changes (revision, commit_time, payload) VALUES (?1, ?2, ?3)");
    append.bind(1, revision).bind(2, tx.nowMs).bindBlob(3, *out->all);
    append.step();
    append.reset();
    tx.batch = std::move(out);
}

void RegistryStore::apply(Tx &tx)
{
    std::map<std::string, std::shared_ptr<const std::string>> versionBytes;
    for (const auto &[name, v] : tx.versions)
        versionBytes[name] = std::make_shared<const std::string>(v.SerializeAsString());
    {
        std::unique_lock lock(m_mutex);
        if (!tx.versions.empty())
            ++m_versionsEpoch;
        for (auto &[id, m] : tx.models) {
            auto [it, inserted] = m_models.try_emplace(id);
            if (inserted) {
                it->second.ordinal = std::uint32_t(m_modelIdByOrdinal.size());
                m_modelIdByOrdinal.push_back(id);
            }
            it->second.model = m;
        }
        const ByCreate order{m_vCreate, m_versions};
        for (const std::string &name : tx.newVersions) {
            const auto index = std::uint32_t(m_versions.size());
            m_versions.push_back(std::make_shared<const pb::ModelVersion>(tx.versions.at(name)));
            m_vBytes.push_back(versionBytes.at(name));
            insertVersionIndexes(index);
            // Keep the default order and the metric index sorted: move the new entries into place.
            m_byCreate.pop_back();
            m_byCreate.insert(std::lower_bound(m_byCreate.begin(), m_byCreate.end(), index, order),
                              index);
            for (const auto &[key, value] : m_versions[index]->metrics()) {
                auto &entries = m_metricIndex[key];
                entries.pop_back();
                const std::pair<double, std::uint32_t> entry{value, index};
                entries.insert(std::lower_bound(entries.begin(), entries.end(), entry), entry);
            }
        }
        const std::set<std::string> created(tx.newVersions.begin(), tx.newVersions.end());
        for (const auto &[name, v] : tx.versions) {
            if (created.count(name))
                continue;
            const std::uint32_t index = m_versionByName.at(name);
            m_vStage[index] = std::uint8_t(v.stage());
            m_vStatus[index] = std::uint8_t(v.status());
            m_versions[index] = std::make_shared<const pb::ModelVersion>(v);
            m_vBytes[index] = versionBytes.at(name);
        }
        for (const auto &[name, d] : tx.deployments)
            if (!tx.deletedDeployments.count(name))
                m_deployments[name] = d;
        for (const std::string &name : tx.deletedDeployments)
            m_deployments.erase(name);
        for (const auto &[name, a] : tx.approvals) {
            m_approvals[name] = a;
            m_nextApproval = std::max(m_nextApproval, approvalNumber(name) + 1);
        }
    }
    m_revision = tx.revision;
    if (tx.batch)
        m_feed.publish({tx.revision, tx.batch});
}

std::vector<std::pair<std::int64_t, std::string>>
RegistryStore::readChanges(std::int64_t after, std::int64_t upTo, int limit)
{
    std::vector<std::pair<std::int64_t, std::string>> rows;
    m_store.read([&](Connection &db) {
        Stmt &select =
            db.prepare("SELECT revision, payload FROM model_changes WHERE revision > ?1 AND "
                       "revision <= ?2 ORDER BY revision LIMIT ?3");
        select.bind(1, after).bind(2, upTo).bind(3, std::int64_t(limit));
        while (select.step())
            rows.emplace_back(select.int64(0), std::string(select.blob(1)));
        select.reset();
    });
    return rows;
}

std::int64_t RegistryStore::compact()
{
    std::lock_guard writer(m_writeMutex);
    const std::int64_t target = m_revision - m_store.retention();
    if (target <= m_compactedThrough)
        return 0;
    std::int64_t before = 0;
    m_store.write([&](Connection &db) {
        // Another replica may have compacted: what is done is read under its row's lock.
        before = db.queryInt(std::string("SELECT value FROM registry_meta WHERE key = "
                                         "'compacted_through'") +
                             core::Store::forUpdate(db));
        if (before >= target)
            return;
        Stmt &del = db.prepare("DELETE FROM model_changes WHERE revision <= ?1");
        del.bind(1, target);
        del.step();
        del.reset();
        Stmt &meta =
            db.prepare("UPDATE registry_meta SET value = ?1 WHERE key = 'compacted_through'");
        meta.bind(1, target);
        meta.step();
        meta.reset();
    });
    m_compactedThrough = std::max(before, target);
    return std::max<std::int64_t>(target - before, 0);
}

// The demo's bulk path: the same rows and in-memory state as one staged transaction would give,
// without the per-item map lookups of Tx (100,000 versions in a few seconds): versions go to
// SQLite in the given order through prepared statements, each serialized once and that copy kept
// for the lists.
void RegistryStore::updateServingMetrics(std::vector<pb::Deployment> deployments)
{
    if (deployments.empty())
        return;
    mutate(nullptr, {}, {}, [&](Tx &tx) {
        // Only the metrics: the rest is as committed (the sample may come from a copy taken
        // before someone, on any replica, changed the traffic split).
        for (pb::Deployment &d : deployments) {
            if (!tx.deployment(d.name()))
                continue; // deleted meanwhile: drop the sample
            pb::Deployment &staged = tx.stageDeployment(d.name());
            *staged.mutable_metrics() = std::move(*d.mutable_metrics());
            for (pb::DeploymentVariant &v : *staged.mutable_variants())
                for (pb::DeploymentVariant &sample : *d.mutable_variants())
                    if (sample.version() == v.version())
                        *v.mutable_metrics() = std::move(*sample.mutable_metrics());
        }
        return Status::OK;
    });
}

std::vector<pb::Deployment> RegistryStore::deployments() const
{
    std::shared_lock lock(m_mutex);
    std::vector<pb::Deployment> out;
    for (const auto &[name, d] : m_deployments)
        out.push_back(d);
    return out;
}

std::vector<std::string> RegistryStore::modelIds() const
{
    std::shared_lock lock(m_mutex);
    return m_modelIdByOrdinal;
}

std::vector<pb::ApprovalRequest> RegistryStore::approvals() const
{
    std::shared_lock lock(m_mutex);
    std::vector<pb::ApprovalRequest> out;
    for (const auto &[name, a] : m_approvals)
        out.push_back(a);
    return out;
}

} // namespace platformd::registry
