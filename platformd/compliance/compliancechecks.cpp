#include "compliance/private/compliancechecks.h"

#include "compliance/private/compliancestore.h"
#include "core/caller.h"
#include "core/database.h"
#include "core/store.h"
#include "incidents/incidentevents.h"
#include "registry/registrystore.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace platformd::compliance {

using grpc::StatusCode;

const std::vector<CheckDefinition> &checkDefinitions()
{
    static const std::vector<CheckDefinition> defs = {
        {"tls", "TLS on every listener",
         "platformd serves gRPC (and its other endpoints) with its TLS certificate; a plaintext "
         "listener fails.",
         pb::FINDING_CRITICAL, "pc-tls-transport", 7},
        {"audit-chain", "Audit chain verified",
         "The hash-chained audit log verifies end to end against its head anchor.",
         pb::FINDING_CRITICAL, "pc-audit-integrity", 3},
        {"tokens", "API tokens expire and are used",
         "No active API token expires within 14 days or has never been used.", pb::FINDING_MEDIUM,
         "pc-token-hygiene", 30},
        {"least-privilege", "Least privilege",
         "At most two users hold the admin role (roles held by nobody are listed).",
         pb::FINDING_HIGH, "pc-least-privilege", 14},
        {"four-eyes", "Four-eyes approval of production models",
         "Every model version in PRODUCTION was promoted by an approval request that a second "
         "person approved.",
         pb::FINDING_HIGH, "pc-four-eyes", 14},
        {"postmortems", "Postmortems for SEV1 and SEV2",
         "Every resolved or closed SEV1/SEV2 incident has a postmortem with a summary.",
         pb::FINDING_MEDIUM, "pc-postmortems", 30},
        {"failover-drills", "Failover drilled this quarter",
         "A regional failover drill was recorded within the last 92 days.", pb::FINDING_MEDIUM,
         "pc-failover-drills", 30},
        {"retention", "Retention applied",
         "No audit entry, completed privacy request or check run is older than its category's "
         "retention period.",
         pb::FINDING_LOW, "pc-retention", 90},
        {"privacy-deadlines", "Privacy requests within their deadline",
         "No open data-subject request is past its legal deadline (GDPR 30 days, CCPA 45 days).",
         pb::FINDING_HIGH, "pc-privacy-requests", 7},
    };
    return defs;
}

ComplianceChecks::ComplianceChecks(const core::ModuleContext &context, ComplianceStore &store)
    : m_context(context)
    , m_store(store)
{}

namespace {

std::int64_t parseAuditTimeMs(const std::string &time)
{
    // "2026-11-29T06:05:00.123456Z"
    std::tm tm{};
    if (time.size() < 19 || !strptime(time.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm))
        return 0;
    return std::int64_t(timegm(&tm)) * 1000;
}

} // namespace

ComplianceChecks::Outcome ComplianceChecks::tls()
{
    Outcome o;
    if (m_context.tls.certPem.empty() || m_context.tls.keyPem.empty()) {
        o.result = pb::CHECK_FAIL;
        o.detail = "the gRPC listener is plaintext: platformd runs without --tls-cert/--tls-key";
        o.failing.push_back({"", "platformd listens without TLS"});
    } else {
        o.detail = "every listener uses the server certificate";
        if (m_context.tls.clientCaPem.empty())
            o.detail += " (no client CA: clients authenticate with tokens)";
    }
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::auditChain()
{
    Outcome o;
    core::audit::Verdict v;
    m_store.core().read([&](core::Connection &db) {
        v = core::Store::verifyAudit(db, m_store.core().auditHeadPath());
    });
    if (v.intact) {
        o.detail = std::to_string(v.entriesChecked) + " entries verified";
    } else {
        o.result = pb::CHECK_FAIL;
        o.detail = "the audit chain is broken at entry " + std::to_string(v.firstBadSeq) + ": " +
                   v.problem;
        o.failing.push_back({"", "Audit chain broken at entry " + std::to_string(v.firstBadSeq)});
    }
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::tokens(std::int64_t now)
{
    Outcome o;
    std::vector<std::string> expiring, unused;
    int active = 0;
    m_store.core().read([&](core::Connection &db) {
        core::Stmt &s = db.prepare(std::string(core::kSelectToken) + " ORDER BY id");
        while (s.step()) {
            const core::Token t = core::readToken(s);
            if (t.revokeMs || (t.expireMs && *t.expireMs <= now))
                continue;
            ++active;
            if (t.expireMs && *t.expireMs - now < 14 * kDayMs)
                expiring.push_back(t.id + " (users/" + t.userId + ")");
            if (!t.lastUseMs)
                unused.push_back(t.id + " (users/" + t.userId + ")");
        }
    });
    auto list = [](const std::vector<std::string> &v) {
        std::string out;
        for (std::size_t i = 0; i < v.size() && i < 10; ++i)
            out += (i ? ", " : "") + v[i];
        return v.size() > 10 ? out + ", ..." : out;
    };
    if (expiring.empty() && unused.empty()) {
        o.detail =
            std::to_string(active) + " active tokens, none expiring within 14 days or unused";
        return o;
    }
    o.result = pb::CHECK_FAIL;
    if (!expiring.empty())
        o.detail = std::to_string(expiring.size()) + " expiring within 14 days: " + list(expiring);
    if (!unused.empty())
        o.detail += (o.detail.empty() ? "" : "; ") + std::to_string(unused.size()) +
                    " never used: " + list(unused);
    o.failing.push_back({"", "API tokens expiring or never used"});
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::leastPrivilege()
{
    Outcome o;
    std::vector<std::string> admins;
    std::set<std::string> held;
    m_store.core().read([&](core::Connection &db) {
        core::Stmt &s = db.prepare(std::string(core::kSelectUser) + " ORDER BY id");
        while (s.step()) {
            const core::User u = core::readUser(s);
            for (const std::string &r : u.roles)
                held.insert(r);
            if (std::find(u.roles.begin(), u.roles.end(), "admin") != u.roles.end())
                admins.push_back("users/" + u.id);
        }
    });
    std::string nobody;
    for (const char *role : {"viewer", "operator", "compliance_officer", "manager", "admin"})
        if (!held.count(role))
            nobody += (nobody.empty() ? "" : ", ") + std::string(role);
    std::string names;
    for (const std::string &a : admins)
        names += (names.empty() ? "" : ", ") + a;
    o.detail = std::to_string(admins.size()) + " admins (" + names + ")";
    if (!nobody.empty())
        o.detail += "; roles held by nobody: " + nobody;
    if (admins.size() > 2) {
        o.result = pb::CHECK_FAIL;
        o.detail = "more than 2 admins: " + o.detail;
        o.failing.push_back({"", std::to_string(admins.size()) + " users hold the admin role"});
    }
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::fourEyes()
{
    Outcome o;
    registry::RegistryStore reg(m_store.core());
    // (model, version) -> approved by a second person
    std::map<std::pair<std::string, std::int64_t>, bool> approved;
    for (const auto &a : reg.approvals())
        if (a.action() == a.PROMOTE_TO_PRODUCTION && a.state() == a.APPROVED &&
            !a.reviewer().empty() && a.reviewer() != a.requester())
            approved[{a.model(), a.version()}] = true;
    int production = 0;
    std::vector<std::string> missing;
    for (const std::string &id : reg.modelIds()) {
        ops::platform::v1::Model m;
        if (!reg.getModel("models/" + id, &m).ok() || m.production_version() == 0)
            continue;
        ++production;
        if (!approved.count({m.name(), m.production_version()}))
            missing.push_back(m.name() + "/versions/" + std::to_string(m.production_version()));
    }
    if (missing.empty()) {
        o.detail =
            std::to_string(production) + " production versions, each approved by a second person";
        return o;
    }
    o.result = pb::CHECK_FAIL;
    o.detail = std::to_string(missing.size()) + " of " + std::to_string(production) +
               " production versions without a second person's approval:";
    for (std::size_t i = 0; i < missing.size() && i < 10; ++i)
        o.detail += " " + missing[i];
    for (const std::string &m : missing)
        o.failing.push_back({m, m + " in production without four-eyes approval"});
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::postmortems()
{
    Outcome o;
    const auto list = incidents::majorIncidentPostmortems(m_store.core());
    int missing = 0;
    for (const auto &p : list)
        if (!p.hasPostmortem) {
            ++missing;
            o.failing.push_back({p.name, p.name + " (SEV" + std::to_string(p.severity) +
                                             ") has no postmortem: " + p.title});
        }
    o.detail = std::to_string(list.size()) + " resolved SEV1/SEV2 incidents, " +
               std::to_string(missing) + " without a postmortem";
    if (missing)
        o.result = pb::CHECK_FAIL;
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::failoverDrills(std::int64_t now)
{
    Outcome o;
    std::int64_t last = 0;
    std::string region;
    m_store.core().read([&](core::Connection &db) {
        core::Stmt &s = db.prepare(
            "SELECT drill_ms, region FROM compliance_drills ORDER BY drill_ms DESC LIMIT 1");
        if (s.step()) {
            last = s.int64(0);
            region = std::string(s.text(1));
        }
        s.reset();
    });
    if (last && now - last <= 92 * kDayMs) {
        o.detail = "last drill " + rfc3339(last) + " (" + region + ")";
        return o;
    }
    o.result = pb::CHECK_FAIL;
    o.detail = last ? "last drill " + rfc3339(last) + " (" + region + "), more than a quarter ago"
                    : "no failover drill recorded";
    o.failing.push_back({"", "No failover drill within the last quarter"});
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::retention(std::int64_t now)
{
    Outcome o;
    std::map<std::string, int> days;
    std::int64_t oldestPrivacy = 0, oldestRun = 0;
    m_store.core().read([&](core::Connection &db) {
        for (const auto &p : m_store.retentionPolicies(db))
            days[p.category()] = p.retention_days();
        oldestPrivacy = db.queryInt("SELECT COALESCE(MIN(complete_ms), 0) FROM "
                                    "compliance_privacy_requests WHERE state = 2");
        oldestRun = db.queryInt("SELECT COALESCE(MIN(run_ms), 0) FROM compliance_check_runs");
    });
    const auto first = m_store.core().readAudit(0, 1);
    const std::int64_t oldestAudit = first.empty() ? 0 : parseAuditTimeMs(first[0].time);
    std::vector<std::string> over;
    auto test = [&](const std::string &category, std::int64_t oldest) {
        auto it = days.find(category);
        if (it == days.end() || !oldest)
            return;
        if (now - oldest > std::int64_t(it->second) * kDayMs) {
            over.push_back(category + " (oldest " + rfc3339(oldest) + ", retention " +
                           std::to_string(it->second) + " days)");
            o.failing.push_back({category, category + " records kept past their retention"});
        }
    };
    test("audit", oldestAudit);
    test("privacy-requests", oldestPrivacy);
    test("check-runs", oldestRun);
    if (over.empty()) {
        o.detail = "audit, privacy requests and check runs within their retention";
        return o;
    }
    o.result = pb::CHECK_FAIL;
    o.detail = "kept past retention:";
    for (const std::string &x : over)
        o.detail += " " + x;
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::privacyDeadlines(std::int64_t now)
{
    Outcome o;
    int open = 0;
    std::vector<pb::PrivacyRequest> overdue;
    m_store.core().read([&](core::Connection &db) {
        for (pb::PrivacyRequest &p : m_store.privacyRequests(db, now))
            if (p.state() == pb::PRIVACY_OPEN) {
                ++open;
                if (p.overdue())
                    overdue.push_back(std::move(p));
            }
    });
    o.detail =
        std::to_string(open) + " open requests, " + std::to_string(overdue.size()) + " overdue";
    for (const pb::PrivacyRequest &p : overdue)
        o.failing.push_back({p.name(), p.name() + " (" +
                                           (p.regime() == pb::PRIVACY_CCPA ? "CCPA" : "GDPR") +
                                           ") past its deadline " + rfc3339(toMs(p.deadline()))});
    if (!overdue.empty())
        o.result = pb::CHECK_FAIL;
    return o;
}

ComplianceChecks::Outcome ComplianceChecks::evaluate(const std::string &id, std::int64_t now)
{
    try {
        if (id == "tls")
            return tls();
        if (id == "audit-chain")
            return auditChain();
        if (id == "tokens")
            return tokens(now);
        if (id == "least-privilege")
            return leastPrivilege();
        if (id == "four-eyes")
            return fourEyes();
        if (id == "postmortems")
            return postmortems();
        if (id == "failover-drills")
            return failoverDrills(now);
        if (id == "retention")
            return retention(now);
        if (id == "privacy-deadlines")
            return privacyDeadlines(now);
        Outcome o;
        o.result = pb::CHECK_ERROR;
        o.detail = "no evaluator";
        return o;
    } catch (const std::exception &e) {
        Outcome o;
        o.result = pb::CHECK_ERROR;
        o.detail = std::string("could not evaluate: ") + e.what();
        return o;
    }
}

grpc::Status ComplianceChecks::run(const std::vector<std::string> &names,
                                   const std::string &triggeredBy, pb::RunChecksResponse *out)
{
    std::vector<const CheckDefinition *> selected;
    for (const std::string &n : names) {
        const std::string id = n.rfind("checks/", 0) == 0 ? n.substr(7) : n;
        const auto &defs = checkDefinitions();
        auto it = std::find_if(defs.begin(), defs.end(),
                               [&](const CheckDefinition &d) { return d.id == id; });
        if (it == defs.end())
            return grpc::Status(StatusCode::INVALID_ARGUMENT,
                                "checks: unknown check \"" + n + "\"");
        selected.push_back(&*it);
    }
    if (names.empty())
        for (const CheckDefinition &d : checkDefinitions())
            selected.push_back(&d);

    std::lock_guard lock(m_runMutex);
    const auto t0 = std::chrono::steady_clock::now();
    const std::int64_t now = nowMs();
    struct Done
    {
        const CheckDefinition *def;
        Outcome outcome;
        double ms;
    };
    std::vector<Done> done;
    for (const CheckDefinition *def : selected) {
        const auto c0 = std::chrono::steady_clock::now();
        Outcome o = evaluate(def->id, now);
        done.push_back(
            {def, std::move(o),
             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0)
                 .count()});
    }
    m_store.core().write([&](core::Connection &db) {
        // Another replica may run the same checks at once: lock their rows (in one order, so two
        // runs cannot deadlock) before reading the open findings, so each failing subject gets
        // one finding and a finding is closed once.
        std::set<std::string> ids;
        for (const Done &d : done)
            ids.insert(d.def->id);
        const std::string lockSql = std::string("SELECT id FROM compliance_checks WHERE id = ?1") +
                                    core::Store::forUpdate(db);
        for (const std::string &id : ids) {
            core::Stmt &lock = db.prepare(lockSql).bind(1, id);
            while (lock.step()) {
            }
            lock.reset();
        }
        for (const Done &d : done) {
            core::Stmt &runInsert =
                db.prepare(
                      "INSERT INTO compliance_check_runs (check_id, result, detail, run_ms, "
                      "duration_ms, triggered_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id")
                    .bind(1, d.def->id)
                    .bind(2, std::int64_t(d.outcome.result))
                    .bind(3, d.outcome.detail)
                    .bind(4, now)
                    .bind(5, d.ms)
                    .bind(6, triggeredBy);
            runInsert.step();
            const std::int64_t runId = runInsert.int64(0);
            runInsert.reset();
            db.prepare("UPDATE compliance_checks SET last_result = ?2, last_detail = ?3, "
                       "last_run_ms = ?4 WHERE id = ?1")
                .bind(1, d.def->id)
                .bind(2, std::int64_t(d.outcome.result))
                .bind(3, d.outcome.detail)
                .bind(4, now)
                .step();
            db.prepare("UPDATE compliance_controls SET last_tested_ms = ?2 WHERE check_id = ?1")
                .bind(1, d.def->id)
                .bind(2, now)
                .step();
            pb::CheckRun *run = out->add_runs();
            run->set_name("checks/" + d.def->id + "/runs/" + std::to_string(runId));
            run->set_check("checks/" + d.def->id);
            run->set_result(d.outcome.result);
            run->set_detail(d.outcome.detail);
            *run->mutable_run_time() = toTimestamp(now);
            run->set_duration_ms(d.ms);
            run->set_triggered_by(triggeredBy);
            if (d.outcome.result == pb::CHECK_ERROR)
                continue; // findings stay as they are
            // Open findings of this check: subject -> id.
            std::map<std::string, std::int64_t> open;
            core::Stmt &s = db.prepare("SELECT subject, id FROM compliance_findings WHERE "
                                       "check_id = ?1 AND state = 1");
            s.bind(1, d.def->id);
            while (s.step())
                open[std::string(s.text(0))] = s.int64(1);
            std::string owner;
            {
                core::Stmt &ow = db.prepare("SELECT owner FROM compliance_controls WHERE id = ?1");
                if (ow.bind(1, d.def->control).step())
                    owner = std::string(ow.text(0));
                ow.reset();
            }
            std::set<std::string> failing;
            for (const auto &[subject, title] : d.outcome.failing) {
                failing.insert(subject);
                if (open.count(subject))
                    continue;
                std::int64_t privacy = 0;
                if (subject.rfind("privacyRequests/", 0) == 0)
                    privacy = std::atoll(subject.c_str() + 16);
                core::Stmt &finding =
                    db.prepare("INSERT INTO compliance_findings (title, detail, severity, owner, "
                               "due_ms, state, check_id, subject, privacy_request, open_ms, "
                               "close_ms, control) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, "
                               "0, ?10) RETURNING id")
                        .bind(1, title)
                        .bind(2, d.outcome.detail)
                        .bind(3, std::int64_t(d.def->severity))
                        .bind(4, owner)
                        .bind(5, now + std::int64_t(d.def->dueDays) * kDayMs)
                        .bind(6, d.def->id)
                        .bind(7, subject)
                        .bind(8, privacy)
                        .bind(9, now)
                        .bind(10, d.def->control);
                finding.step();
                out->add_opened_findings("findings/" + std::to_string(finding.int64(0)));
                finding.reset();
            }
            for (const auto &[subject, id] : open)
                if (!failing.count(subject)) {
                    db.prepare("UPDATE compliance_findings SET state = 2, close_ms = ?2 WHERE "
                               "id = ?1")
                        .bind(1, id)
                        .bind(2, now)
                        .step();
                    out->add_closed_findings("findings/" + std::to_string(id));
                }
        }
        m_store.recordScores(db, now);
    });
    out->set_duration_ms(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    return grpc::Status::OK;
}

} // namespace platformd::compliance
