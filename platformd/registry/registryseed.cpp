// Seeding the registry in bulk (the demo's path): derived fields in one pass, each version
// serialized once, one transaction with the secondary indexes dropped and re-created after the
// rows.
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

bool RegistryStore::seed(std::vector<pb::Model> models, std::vector<pb::ModelVersion> versions,
                         std::vector<pb::Deployment> deployments,
                         std::vector<pb::ApprovalRequest> approvals)
{
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    std::lock_guard writer(m_writeMutex);
    std::int64_t revision = 0;
    Clock::time_point prepared;
    std::vector<std::shared_ptr<const std::string>> versionBytes;
    // Derived model fields (refreshModel's rules) of an empty registry: counts, latest stage,
    // production version, live deployments; and the revision stamped on every row.
    auto prepare = [&] {
        struct Derived
        {
            std::int64_t count = 0;
            pb::ModelStage latestStage = pb::MODEL_STAGE_UNSPECIFIED;
            std::int64_t latestNumber = 0;
            std::int64_t production = 0;
            int live = 0;
        };
        std::unordered_map<std::string, Derived> derived;
        for (const pb::Model &m : models)
            derived[m.name()];
        for (const pb::ModelVersion &v : versions) {
            const auto it = derived.find(v.model());
            if (it == derived.end())
                continue;
            Derived &d = it->second;
            ++d.count;
            if (v.version() >= d.latestNumber) {
                d.latestNumber = v.version();
                d.latestStage = v.stage();
            }
            if (v.stage() == pb::PRODUCTION)
                d.production = std::max(d.production, v.version());
        }
        for (const pb::Deployment &dep : deployments)
            if (const auto it = derived.find(dep.model()); it != derived.end())
                it->second.live += dep.rollout_state() != pb::Deployment::FAILED;
        const auto now = TimeUtil::MillisecondsToTimestamp(nowMs());
        for (pb::Model &m : models) {
            const Derived &d = derived.at(m.name());
            m.set_version_count(std::int32_t(d.count));
            m.set_latest_version(d.count);
            m.set_latest_stage(d.latestNumber == d.count ? d.latestStage
                                                         : pb::MODEL_STAGE_UNSPECIFIED);
            m.set_production_version(d.production);
            m.set_live_deployments(d.live);
            m.set_revision(revision);
            if (!m.has_update_time())
                *m.mutable_update_time() = now;
        }
        versionBytes.reserve(versions.size());
        for (pb::ModelVersion &v : versions) {
            v.set_revision(revision);
            if (!v.has_update_time())
                *v.mutable_update_time() = now;
            versionBytes.push_back(std::make_shared<const std::string>(v.SerializeAsString()));
        }
        for (pb::Deployment &d : deployments) {
            d.set_revision(revision);
            if (!d.has_update_time())
                *d.mutable_update_time() = now;
        }
        for (pb::ApprovalRequest &a : approvals)
            a.set_revision(revision);
        prepared = Clock::now();
    };

    // No history row: a ModelChangeBatch of the whole demo would be huge. History starts after the
    // seed: watchers resume from its revision at the earliest.
    bool seeded = false;
    m_store.write([&](Connection &db) {
        // Replicas starting together on an empty store: the first to lock seeds, the others
        // catch up with it and write nothing.
        revision = lockRevision(db) + 1;
        if (!m_models.empty() || !m_deployments.empty() || !m_approvals.empty())
            return;
        seeded = true;
        prepare();
        // SQLite only (the statements and the schema table are its own; elsewhere plain
        // inserts): the indexes of 100,000 versions and their metrics outgrow SQLite's default
        // 2 MB page cache, with it every index insert would spill and reread pages.
        const bool sqlite = db.dialect() == Connection::Dialect::Sqlite;
        if (sqlite)
            db.exec("PRAGMA cache_size = -262144"); // sqlite-only (dialect checked)
        struct RestoreCache
        {
            Connection &db;
            bool sqlite;
            ~RestoreCache()
            {
                try {
                    if (sqlite)
                        db.exec("PRAGMA cache_size = -2000"); // sqlite-only (dialect checked)
                } catch (...) {
                }
            }
        } restore{db, sqlite};
        // Bulk load into empty tables: drop their secondary indexes and create them again after
        // the rows are in (one sort per index instead of 450,000 random B-tree inserts). The
        // definitions are read back from the schema, so the migrations stay their only source.
        std::vector<std::pair<std::string, std::string>> indexes; // name, CREATE INDEX sql
        if (sqlite && db.queryInt("SELECT count(*) FROM model_versions") == 0 &&
            db.queryInt("SELECT count(*) FROM version_metrics") == 0) {
            // sqlite-only (dialect checked): SQLite's schema table.
            Stmt &list = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                    "sql IS NOT NULL AND tbl_name IN ('model_versions', "
                                    "'version_metrics')");
            while (list.step())
                indexes.emplace_back(std::string(list.text(0)), std::string(list.text(1)));
            list.reset();
            for (const auto &[name, sql] : indexes)
                db.exec("DROP INDEX \"" + name + "\"");
        }
        std::string bytes;
        Stmt &model =
            db.prepare("INSERT INTO registry_models (name, task, owner_team, revision, data) "
                       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO UPDATE SET task = "
                       "excluded.task, owner_team = excluded.owner_team, revision = "
                       "excluded.revision, data = excluded.data");
        for (const pb::Model &m : models) {
            m.SerializeToString(&bytes);
            model.bind(1, m.name()).bind(2, std::int64_t(m.task())).bind(3, m.owner_team());
            model.bind(4, revision).bindBlob(5, bytes);
            model.step();
            model.reset();
        }
        Stmt &version =
            db.prepare("INSERT INTO model_versions (model, version, stage, status, create_time, "
                       "revision, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (model, "
                       "version) DO UPDATE SET stage = excluded.stage, status = excluded.status, "
                       "create_time = excluded.create_time, revision = excluded.revision, data = "
                       "excluded.data");
        Stmt &metric =
            db.prepare("INSERT INTO version_metrics (model, version, key, value) VALUES (?1, ?2, "
                       "?3, ?4) ON CONFLICT (model, version, key) DO UPDATE SET value = "
                       "excluded.value");
        for (size_t i = 0; i < versions.size(); ++i) {
            const pb::ModelVersion &v = versions[i];
            version.bind(1, v.model()).bind(2, v.version()).bind(3, std::int64_t(v.stage()));
            version.bind(4, std::int64_t(v.status())).bind(5, micros(v.create_time()));
            version.bind(6, revision).bindBlob(7, *versionBytes[i]);
            version.step();
            version.reset();
            for (const auto &[key, value] : v.metrics()) {
                metric.bind(1, v.model()).bind(2, v.version()).bind(3, key).bind(4, value);
                metric.step();
                metric.reset();
            }
        }
        for (const auto &[name, sql] : indexes)
            db.exec(sql);
        Stmt &deployment =
            db.prepare("INSERT INTO registry_deployments (name, model, region, revision, data) "
                       "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO UPDATE SET model = "
                       "excluded.model, region = excluded.region, revision = excluded.revision, "
                       "data = excluded.data");
        for (const pb::Deployment &d : deployments) {
            d.SerializeToString(&bytes);
            deployment.bind(1, d.name()).bind(2, d.model()).bind(3, d.region()).bind(4, revision);
            deployment.bindBlob(5, bytes);
            deployment.step();
            deployment.reset();
        }
        Stmt &approval =
            db.prepare("INSERT INTO approval_requests (name, model, state, create_time, "
                       "revision, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO "
                       "UPDATE SET model = excluded.model, state = excluded.state, create_time = "
                       "excluded.create_time, revision = excluded.revision, data = excluded.data");
        for (const pb::ApprovalRequest &a : approvals) {
            a.SerializeToString(&bytes);
            approval.bind(1, a.name()).bind(2, a.model()).bind(3, std::int64_t(a.state()));
            approval.bind(4, micros(a.create_time())).bind(5, revision).bindBlob(6, bytes);
            approval.step();
            approval.reset();
        }
        Stmt &meta = db.prepare("UPDATE registry_meta SET value = ?1 WHERE key = ?2");
        meta.bind(1, revision).bind(2, std::string("revision"));
        meta.step();
        meta.reset();
        meta.bind(1, revision).bind(2, std::string("compacted_through"));
        meta.step();
        meta.reset();
        core::Store::notifyCommit(db, kRegistryChannel, revision);
    });
    if (!seeded)
        return false;
    m_compactedThrough = revision;
    const auto persisted = Clock::now();
    {
        std::unique_lock lock(m_mutex);
        // New models get their ordinals in name order, as load() gives them.
        std::sort(models.begin(), models.end(),
                  [](const pb::Model &a, const pb::Model &b) { return a.name() < b.name(); });
        install(std::move(models), std::move(versions), std::move(versionBytes),
                std::move(deployments), std::move(approvals));
    }
    m_revision = revision;
    m_feed.reset(revision);
    auto ms = [](Clock::time_point a, Clock::time_point b) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
    };
    spdlog::debug("registry seed: {} versions prepared and serialized in {} ms, written in {} ms, "
                  "indexed in {} ms",
                  m_versions.size(), ms(started, prepared), ms(prepared, persisted),
                  ms(persisted, Clock::now()));
    return true;
}

} // namespace platformd::registry
