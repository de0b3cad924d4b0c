#include "compliance/compliancemodule.h"

#include "compliance/private/compliancechecks.h"
#include "compliance/private/compliancedata.h"
#include "compliance/private/complianceoscal.h"
#include "compliance/private/complianceservice.h"
#include "compliance/private/compliancestore.h"
#include "core/database.h"
#include "core/store.h"
#include "core/storesync.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <tuple>

namespace platformd::compliance {

namespace {

const std::string kPrefix = "/ops.platform.v1.ComplianceService/";

// Migration 8. compliance_frameworks / _requirements / _controls / _mappings: the curated control
// set (data/controls.json) and which framework requirements each control satisfies;
// compliance_checks: the automated checks' latest result, compliance_check_runs their history;
// compliance_findings: from failing checks (one per check and subject); compliance_evidence:
// append-only (triggers refuse UPDATE and DELETE); compliance_privacy_requests;
// compliance_retention: per data category; compliance_catalogs: imported OSCAL catalogs and
// profiles (the document as imported, counts of the catalog or resolved profile);
// compliance_scores: each framework's score per check batch (the trend); compliance_drills:
// failover drills (the demo records some). One migration in three pieces: the evidence triggers
// have a hand-written PostgreSQL form (core/sqldialect.h).
const char *const kSchema =
    R"(CREATE TABLE compliance_frameworks (id TEXT PRIMARY KEY, title TEXT NOT NULL,
  version TEXT NOT NULL, source TEXT NOT NULL, position INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE compliance_requirements (framework TEXT NOT NULL, requirement TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '', PRIMARY KEY (framework, requirement)) WITHOUT ROWID;
CREATE TABLE compliance_controls (id TEXT PRIMARY KEY, title TEXT NOT NULL,
  description TEXT NOT NULL, owner TEXT NOT NULL, status INTEGER NOT NULL, due_ms INTEGER NOT NULL,
  last_tested_ms INTEGER NOT NULL, check_id TEXT NOT NULL, update_ms INTEGER NOT NULL)
  WITHOUT ROWID;
CREATE TABLE compliance_mappings (control TEXT NOT NULL, framework TEXT NOT NULL,
  requirement TEXT NOT NULL, PRIMARY KEY (control, framework, requirement)) WITHOUT ROWID;
CREATE TABLE compliance_checks (id TEXT PRIMARY KEY, last_result INTEGER NOT NULL,
  last_detail TEXT NOT NULL, last_run_ms INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE compliance_check_runs (id INTEGER PRIMARY KEY, check_id TEXT NOT NULL,
  result INTEGER NOT NULL, detail TEXT NOT NULL, run_ms INTEGER NOT NULL,
  duration_ms REAL NOT NULL, triggered_by TEXT NOT NULL);
CREATE INDEX compliance_check_runs_by_check ON compliance_check_runs (check_id, id);
CREATE TABLE compliance_findings (id INTEGER PRIMARY KEY, title TEXT NOT NULL,
  detail TEXT NOT NULL, severity INTEGER NOT NULL, owner TEXT NOT NULL, due_ms INTEGER NOT NULL,
  state INTEGER NOT NULL, check_id TEXT NOT NULL, subject TEXT NOT NULL,
  privacy_request INTEGER NOT NULL, open_ms INTEGER NOT NULL, close_ms INTEGER NOT NULL,
  control TEXT NOT NULL);
CREATE INDEX compliance_findings_open ON compliance_findings (check_id, state);
CREATE TABLE compliance_evidence (id INTEGER PRIMARY KEY, control TEXT NOT NULL,
  kind INTEGER NOT NULL, description TEXT NOT NULL, file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL, link TEXT NOT NULL, recorded_by TEXT NOT NULL,
  record_ms INTEGER NOT NULL);
CREATE INDEX compliance_evidence_by_control ON compliance_evidence (control, id);)";
const char *const kEvidenceGuards =
    R"(CREATE TRIGGER compliance_evidence_no_update BEFORE UPDATE ON compliance_evidence
BEGIN SELECT RAISE(ABORT, 'compliance_evidence is append-only'); END;
CREATE TRIGGER compliance_evidence_no_delete BEFORE DELETE ON compliance_evidence
BEGIN SELECT RAISE(ABORT, 'compliance_evidence is append-only'); END;)";
// PostgreSQL: the same refusal from a trigger function; TRUNCATE skips row triggers, so it is
// refused too.
const char *const kEvidenceGuardsPostgres =
    R"(CREATE FUNCTION compliance_evidence_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'compliance_evidence is append-only'; END $$;
CREATE TRIGGER compliance_evidence_no_update BEFORE UPDATE ON compliance_evidence
  FOR EACH ROW EXECUTE FUNCTION compliance_evidence_append_only();
CREATE TRIGGER compliance_evidence_no_delete BEFORE DELETE ON compliance_evidence
  FOR EACH ROW EXECUTE FUNCTION compliance_evidence_append_only();
CREATE TRIGGER compliance_evidence_no_truncate BEFORE TRUNCATE ON compliance_evidence
  FOR EACH STATEMENT EXECUTE FUNCTION compliance_evidence_append_only();)";
const char *const kSchemaAfterGuards =
    R"(CREATE TABLE compliance_privacy_requests (id INTEGER PRIMARY KEY, kind INTEGER NOT NULL,
  regime INTEGER NOT NULL, subject TEXT NOT NULL, receive_ms INTEGER NOT NULL,
  deadline_ms INTEGER NOT NULL, state INTEGER NOT NULL, complete_ms INTEGER NOT NULL,
  created_by TEXT NOT NULL, completed_by TEXT NOT NULL, note TEXT NOT NULL);
CREATE TABLE compliance_retention (category TEXT PRIMARY KEY, days INTEGER NOT NULL,
  description TEXT NOT NULL, update_ms INTEGER NOT NULL, updated_by TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE compliance_catalogs (uuid TEXT PRIMARY KEY, kind INTEGER NOT NULL,
  title TEXT NOT NULL, version TEXT NOT NULL, oscal_version TEXT NOT NULL,
  groups INTEGER NOT NULL, controls INTEGER NOT NULL, enhancements INTEGER NOT NULL,
  source TEXT NOT NULL, import_ms INTEGER NOT NULL, imported_by TEXT NOT NULL,
  resolved_from TEXT NOT NULL, document BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE compliance_scores (batch_ms INTEGER NOT NULL, framework TEXT NOT NULL,
  score REAL NOT NULL, PRIMARY KEY (framework, batch_ms)) WITHOUT ROWID;
CREATE TABLE compliance_drills (id INTEGER PRIMARY KEY, region TEXT NOT NULL,
  drill_ms INTEGER NOT NULL, note TEXT NOT NULL);)";

// Migration 9: who recorded a drill (RecordFailoverDrill) and when.
const char kDrillRecords[] =
    R"(ALTER TABLE compliance_drills ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE compliance_drills ADD COLUMN record_ms INTEGER NOT NULL DEFAULT 0;)";

core::Caller demoCaller()
{
    core::Caller c;
    c.actor = "system:demo";
    c.action = "demo:compliance";
    c.system = true;
    return c;
}

class ComplianceRuntime final : public core::ModuleRuntime
{
public:
    explicit ComplianceRuntime(const core::ModuleContext &context)
        : m_store(context.store)
        , m_checks(context, m_store)
        , m_leader(context.leader)
    {
        auto it = context.options.find("--compliance-check-ms");
        if (it != context.options.end() && !it->second.empty()) {
            const std::string &v = it->second.back();
            char *end = nullptr;
            const long long ms = std::strtoll(v.c_str(), &end, 10);
            if (v.empty() || *end || (ms != 0 && ms < 100) || ms > 86400000LL * 7)
                throw std::runtime_error("refusing to start: --compliance-check-ms: expected 0 "
                                         "(no schedule) or 100..604800000 milliseconds, got \"" +
                                         v + "\"");
            m_interval = std::chrono::milliseconds(ms);
        }
        try {
            const auto t0 = std::chrono::steady_clock::now();
            // seedBase answers false when another replica sharing the store seeded it first.
            if (!m_store.seeded() && m_store.seedBase(nowMs())) {
                if (context.demo.enabled)
                    seedDemo(context.demo.seed);
                spdlog::info("compliance: seeded{} in {} ms", context.demo.enabled ? " (demo)" : "",
                             std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::steady_clock::now() - t0)
                                 .count());
            }
            m_store.fillRequirementTitles();
            // The NIST documents after the server listens (keeps the start fast); also finishes
            // an import a crash interrupted.
            m_demoOscal = context.demo.enabled && missingDemoDocuments() > 0;
        } catch (const std::exception &e) {
            throw std::runtime_error(std::string("refusing to start: compliance: ") + e.what());
        }
        m_service = makeComplianceService(context, m_store, m_checks);
    }
    ~ComplianceRuntime() override { stopping(); }

    std::vector<grpc::Service *> services() override { return {m_service.get()}; }
    void started(grpc::HealthCheckServiceInterface *, const std::string &) override
    {
        m_thread = std::thread([this] { schedule(); });
    }
    void stopping() override
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_cv.notify_all();
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    // The NIST catalog and baselines (from the copy embedded in platformd), imported by the
    // scheduler's thread once the server listens (~0.6 s), before its first check run.
    void importDemoOscal()
    {
        const core::Caller c = demoCaller();
        pb::OscalCatalog out;
        const std::pair<std::string_view, std::string_view> docs[] = {
            {nistCatalogJson(), kNistCatalogFile},
            {nistLowProfileJson(), kNistLowFile},
            {nistModerateProfileJson(), kNistModerateFile},
        };
        for (const auto &[json, file] : docs) {
            if (hasDocument(file))
                continue;
            const auto t0 = std::chrono::steady_clock::now();
            Status s = importOscal(m_store, c, std::string(json), std::string(file), &out, false);
            if (!s.ok())
                throw std::runtime_error(std::string(file) + ": " + s.error_message());
            spdlog::info("compliance: demo imported {} ({} controls, {} enhancements) in {} ms",
                         file, out.control_count(), out.enhancement_count(),
                         std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - t0)
                             .count());
        }
    }

    bool hasDocument(std::string_view file)
    {
        bool found = false;
        m_store.core().read([&](core::Connection &db) {
            core::Stmt &s = db.prepare("SELECT 1 FROM compliance_catalogs WHERE source = ?1");
            found = s.bind(1, file).step();
            s.reset();
        });
        return found;
    }
    int missingDemoDocuments()
    {
        return int(!hasDocument(kNistCatalogFile)) + int(!hasDocument(kNistLowFile)) +
               int(!hasDocument(kNistModerateFile));
    }

    // The demo's failover drills, score trend, privacy requests and evidence (named as demo).
    void seedDemo(std::uint64_t seed)
    {
        std::mt19937_64 rng(seed);
        const std::int64_t now = nowMs();
        m_store.core().write([&](core::Connection &db) {
            // Demo failover drills: the latest 40 days ago, one the quarter before.
            const std::pair<const char *, std::int64_t> drills[] = {{"regions/us-east", 40},
                                                                    {"regions/eu-west", 130}};
            for (const auto &[region, daysAgo] : drills)
                db.prepare("INSERT INTO compliance_drills (region, drill_ms, note, recorded_by, "
                           "record_ms) VALUES (?1, ?2, 'demo drill', 'system:demo', ?2)")
                    .bind(1, std::string_view(region))
                    .bind(2, now - daysAgo * kDayMs - std::int64_t(rng() % 3600000))
                    .step();
            // Demo trend: a weekly score per framework over the last twelve weeks, rising.
            core::Stmt &fw = db.prepare("SELECT id FROM compliance_frameworks");
            std::vector<std::string> ids;
            while (fw.step())
                ids.emplace_back(fw.text(0));
            for (const std::string &id : ids)
                for (int w = 12; w >= 1; --w)
                    db.prepare("INSERT INTO compliance_scores (batch_ms, framework, score) VALUES "
                               "(?1, ?2, ?3)")
                        .bind(1, now - w * 7 * kDayMs)
                        .bind(2, id)
                        .bind(3, 0.45 + 0.03 * (12 - w) + double(rng() % 50) / 1000.0)
                        .step();
        });
        // Demo privacy requests (one GDPR access request near its deadline, one CCPA deletion,
        // one completed) and evidence, unaudited like every demo seed.
        m_store.core().write([&](core::Connection &db) {
            const std::tuple<pb::PrivacyRequestKind, pb::PrivacyRegime, int, const char *>
                requests[] = {
                    {pb::PRIVACY_ACCESS, pb::PRIVACY_GDPR, 25, "demo-subject-1042"},
                    {pb::PRIVACY_DELETION, pb::PRIVACY_CCPA, 10, "demo-subject-2210"},
                    {pb::PRIVACY_DELETION, pb::PRIVACY_GDPR, 3, "demo-subject-0077"},
                };
            for (const auto &[kind, regime, daysAgo, subject] : requests) {
                const std::int64_t received = now - daysAgo * kDayMs;
                const bool done = daysAgo == 3;
                db.prepare("INSERT INTO compliance_privacy_requests (kind, regime, subject, "
                           "receive_ms, deadline_ms, state, complete_ms, created_by, "
                           "completed_by, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                           "'system:demo', ?8, 'demo request')")
                    .bind(1, std::int64_t(kind))
                    .bind(2, std::int64_t(regime))
                    .bind(3, std::string_view(subject))
                    .bind(4, received)
                    .bind(5, received + privacyDeadlineDays(regime) * kDayMs)
                    .bind(6, std::int64_t(done ? pb::PRIVACY_COMPLETED : pb::PRIVACY_OPEN))
                    .bind(7, done ? now - kDayMs : std::int64_t(0))
                    .bind(8, std::string_view(done ? "system:demo" : ""))
                    .step();
            }
            db.prepare("INSERT INTO compliance_evidence (control, kind, description, file_name, "
                       "sha256, size_bytes, link, recorded_by, record_ms) VALUES ('pc-backup', "
                       "?1, 'demo: quarterly restore test report', "
                       "'demo-restore-test-2026-q4.pdf', "
                       "'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 48213, "
                       "'', 'system:demo', ?2)")
                .bind(1, std::int64_t(pb::EVIDENCE_FILE))
                .bind(2, now - 5 * kDayMs)
                .step();
        });
    }

    void schedule()
    {
        if (m_demoOscal) {
            try {
                importDemoOscal();
            } catch (const std::exception &e) {
                spdlog::error("compliance: demo OSCAL import: {}", e.what());
            }
        }
        if (m_interval.count() == 0)
            return; // no schedule: checks run on demand only
        for (;;) {
            // Among replicas sharing a store, only the leader runs the schedule.
            const bool leading = !m_leader || m_leader->leading();
            try {
                pb::RunChecksResponse r;
                if (leading && m_checks.run({}, "schedule", &r).ok())
                    spdlog::info("compliance: {} checks run in {:.1f} ms ({} findings opened, {} "
                                 "closed)",
                                 r.runs_size(), r.duration_ms(), r.opened_findings_size(),
                                 r.closed_findings_size());
            } catch (const std::exception &e) {
                spdlog::error("compliance: scheduled checks: {}", e.what());
            }
            std::unique_lock lock(m_mutex);
            if (m_cv.wait_for(lock, m_interval, [this] { return m_stop; }))
                return;
        }
    }

    ComplianceStore m_store;
    ComplianceChecks m_checks;
    std::unique_ptr<grpc::Service> m_service;
    const core::Leadership *m_leader; // null outside a server (always leading then)
    std::chrono::milliseconds m_interval{600000};
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_demoOscal = false;
    std::thread m_thread;
};

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "compliance";
    m.services = {"ops.platform.v1.ComplianceService"};
    const std::pair<const char *, const char *> rules[] = {
        {"ListFrameworks", "compliance.read"},
        {"ListControls", "compliance.read"},
        {"GetControl", "compliance.read"},
        {"UpdateControl", "compliance.write"},
        {"ListChecks", "compliance.read"},
        {"RunChecks", "checks.run"},
        {"ListCheckRuns", "compliance.read"},
        {"ListFindings", "compliance.read"},
        {"AddEvidence", "evidence.write"},
        {"ListEvidence", "compliance.read"},
        {"ListPrivacyRequests", "compliance.read"},
        {"CreatePrivacyRequest", "privacy.write"},
        {"CompletePrivacyRequest", "privacy.write"},
        {"ListRetentionPolicies", "compliance.read"},
        {"UpdateRetentionPolicy", "compliance.write"},
        {"ApplyRetention", "compliance.write"},
        {"ListFailoverDrills", "compliance.read"},
        {"RecordFailoverDrill", "drills.write"},
        {"ImportOscal", "compliance.write"},
        {"ListCatalogs", "compliance.read"},
        {"ExportAssessmentResults", "compliance.read"},
    };
    for (const auto &[method, permission] : rules)
        m.methods.push_back({kPrefix + method, permission});
    m.grants = {
        {"viewer", {"compliance.read"}},
        {"operator", {"checks.run", "drills.write"}},
        {"compliance_officer",
         {"compliance.read", "compliance.write", "evidence.write", "privacy.write", "checks.run"}},
        {"manager", {"compliance.read"}},
        {"admin",
         {"compliance.read", "compliance.write", "evidence.write", "privacy.write", "checks.run",
          "drills.write"}},
    };
    m.migrations = {{8, kSchema},
                    {8, kEvidenceGuards, kEvidenceGuardsPostgres},
                    {8, kSchemaAfterGuards},
                    {9, kDrillRecords}};
    m.options = {
        {"--compliance-check-ms", "MS",
         "how often the compliance module runs its automated checks (600000: every 10 minutes; "
         "also once at start; 0: only on demand, RunChecks)"},
    };
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<ComplianceRuntime>(context);
    };
    return m;
}

} // namespace platformd::compliance
