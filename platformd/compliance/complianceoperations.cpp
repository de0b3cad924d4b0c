// The compliance module's operations on the platform's records: applying the retention policies
// (deleting what is kept past them) and recording regional failover drills.
#include "compliance/private/compliancestore.h"
#include "core/caller.h"
#include "core/database.h"
#include "core/store.h"
#include "regions/regionstore.h"

#include <algorithm>
#include <map>

namespace platformd::compliance {

using grpc::StatusCode;

namespace {

// The categories ApplyRetention deletes from: the table, the time column and which rows count.
struct Purgeable
{
    const char *category;
    const char *count;
    const char *remove;
};

const Purgeable kPurgeable[] = {
    {"check-runs", "SELECT COUNT(*) FROM compliance_check_runs WHERE run_ms < ?1",
     "DELETE FROM compliance_check_runs WHERE run_ms < ?1"},
    {"privacy-requests",
     "SELECT COUNT(*) FROM compliance_privacy_requests WHERE state = 2 AND complete_ms < ?1",
     "DELETE FROM compliance_privacy_requests WHERE state = 2 AND complete_ms < ?1"},
};

pb::FailoverDrill readDrill(core::Stmt &s)
{
    pb::FailoverDrill d;
    d.set_name("failoverDrills/" + std::to_string(s.int64(0)));
    d.set_region(std::string(s.text(1)));
    *d.mutable_drill_time() = toTimestamp(s.int64(2));
    d.set_note(std::string(s.text(3)));
    d.set_recorded_by(std::string(s.text(4)));
    if (s.int64(5))
        *d.mutable_record_time() = toTimestamp(s.int64(5));
    return d;
}

const char kDrillColumns[] = "id, region, drill_ms, note, recorded_by, record_ms";

} // namespace

Status ComplianceStore::applyRetention(const core::Caller &c, const pb::ApplyRetentionRequest &r,
                                       pb::ApplyRetentionResponse *out)
{
    const std::int64_t now = nowMs();
    out->set_validate_only(r.validate_only());
    auto measure = [&](core::Connection &db, bool remove) {
        out->clear_categories();
        std::map<std::string, int> days;
        for (const pb::RetentionPolicy &p : retentionPolicies(db))
            days[p.category()] = p.retention_days();
        std::int64_t total = 0;
        for (const Purgeable &p : kPurgeable) {
            auto it = days.find(p.category);
            if (it == days.end())
                continue;
            const std::int64_t cutoff = now - std::int64_t(it->second) * kDayMs;
            core::Stmt &count = db.prepare(p.count);
            count.bind(1, cutoff).step();
            const std::int64_t n = count.int64(0);
            count.reset();
            if (remove && n)
                db.prepare(p.remove).bind(1, cutoff).step();
            pb::ApplyRetentionResponse::Category *cat = out->add_categories();
            cat->set_category(p.category);
            cat->set_retention_days(it->second);
            cat->set_deleted(n);
            *cat->mutable_cutoff() = toTimestamp(cutoff);
            total += n;
        }
        return total;
    };
    if (r.validate_only()) {
        m_store.read([&](core::Connection &db) { measure(db, false); });
        return Status::OK;
    }
    m_store.audited(core::auditEntry(c, "retentionPolicies", "retention applied"),
                    [&](core::Connection &db, core::audit::Entry &entry) {
                        measure(db, true);
                        std::string deleted;
                        for (const auto &cat : out->categories())
                            deleted += (deleted.empty() ? "" : ", ") + cat.category() + " " +
                                       std::to_string(cat.deleted());
                        entry.resultMessage = "deleted: " + deleted;
                    });
    return Status::OK;
}

Status ComplianceStore::listFailoverDrills(const pb::ListFailoverDrillsRequest &r,
                                           pb::ListFailoverDrillsResponse *out)
{
    if (r.page_size() < 0)
        return Status(StatusCode::INVALID_ARGUMENT, "page_size: must not be negative");
    const int limit = r.page_size() == 0 ? 50 : std::min(r.page_size(), 500);
    m_store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare(std::string("SELECT ") + kDrillColumns +
                                   " FROM compliance_drills ORDER BY drill_ms DESC, id DESC "
                                   "LIMIT ?1");
        s.bind(1, std::int64_t(limit));
        while (s.step())
            *out->add_drills() = readDrill(s);
        s.reset();
    });
    return Status::OK;
}

Status ComplianceStore::recordFailoverDrill(const core::Caller &c,
                                            const pb::RecordFailoverDrillRequest &r,
                                            pb::FailoverDrill *out)
{
    if (r.region().rfind("regions/", 0) != 0 || r.region().size() <= 8)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "region: expected regions/{region}, got \"" + r.region() + "\"");
    if (r.note().empty() || r.note().size() > 1000)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "note: required (what was drilled and how it went), at most 1000 bytes");
    const std::int64_t now = nowMs();
    const std::int64_t when = r.has_drill_time() ? toMs(r.drill_time()) : now;
    if (when > now + 60000)
        return Status(StatusCode::INVALID_ARGUMENT, "drill_time: must not be in the future");
    if (when < now - 3650 * kDayMs)
        return Status(StatusCode::INVALID_ARGUMENT, "drill_time: at most 3650 days ago");
    bool known = false;
    m_store.read([&](core::Connection &db) {
        known = regions::RegionStore::readRegion(db, r.region()).has_value();
    });
    if (!known)
        return Status(StatusCode::NOT_FOUND, r.region() + " not found");
    std::int64_t id = 0;
    m_store.audited(
        core::auditEntry(c, "failoverDrills",
                         "failover drill recorded for " + r.region() + " at " + rfc3339(when)),
        [&](core::Connection &db, core::audit::Entry &entry) {
            core::Stmt &insert =
                db.prepare("INSERT INTO compliance_drills (region, drill_ms, note, "
                           "recorded_by, record_ms) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id")
                    .bind(1, r.region())
                    .bind(2, when)
                    .bind(3, r.note())
                    .bind(4, c.actor)
                    .bind(5, now);
            insert.step();
            id = insert.int64(0);
            insert.reset();
            entry.resource = "failoverDrills/" + std::to_string(id);
        });
    m_store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare(std::string("SELECT ") + kDrillColumns +
                                   " FROM compliance_drills WHERE id = ?1");
        if (s.bind(1, id).step())
            *out = readDrill(s);
        s.reset();
    });
    return Status::OK;
}

} // namespace platformd::compliance
