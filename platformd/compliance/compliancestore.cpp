#include "compliance/private/compliancestore.h"

#include "compliance/private/compliancechecks.h"
#include "compliance/private/compliancedata.h"
#include "core/database.h"
#include "core/filter.h"
#include "core/pagination.h"
#include "core/store.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <stdexcept>

namespace platformd::compliance {

using grpc::StatusCode;

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

google::protobuf::Timestamp toTimestamp(std::int64_t ms)
{
    google::protobuf::Timestamp t;
    std::int64_t s = ms / 1000, r = ms % 1000;
    if (r < 0) {
        r += 1000;
        --s;
    }
    t.set_seconds(s);
    t.set_nanos(int(r * 1000000));
    return t;
}

std::int64_t toMs(const google::protobuf::Timestamp &t)
{
    return t.seconds() * 1000 + t.nanos() / 1000000;
}

std::string rfc3339(std::int64_t ms)
{
    const std::time_t s = std::time_t(ms / 1000);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int privacyDeadlineDays(pb::PrivacyRegime regime)
{
    return regime == pb::PRIVACY_CCPA ? 45 : 30;
}

namespace {

pb::ControlStatus statusByName(const std::string &name)
{
    pb::ControlStatus s = pb::CONTROL_STATUS_UNSPECIFIED;
    if (!pb::ControlStatus_Parse("CONTROL_" + name, &s))
        throw std::runtime_error("compliance data: unknown control status " + name);
    return s;
}

} // namespace

const char kControlColumns[] = "id, title, description, owner, status, due_ms, last_tested_ms, "
                               "check_id, update_ms";

ComplianceStore::ComplianceStore(core::Store &store)
    : m_store(store)
{}

bool ComplianceStore::seeded() const
{
    std::int64_t n = 0;
    m_store.read([&](core::Connection &db) {
        n = db.queryInt("SELECT COUNT(*) FROM compliance_frameworks");
    });
    return n > 0;
}

namespace {

// "AC-2(3)" -> "ac-2.3", the OSCAL id of an SP 800-53 control or enhancement.
std::string oscalIdOf(const std::string &requirement)
{
    std::string id;
    for (char ch : requirement) {
        if (ch == '(')
            id += '.';
        else if (ch != ')')
            id += char(std::tolower(static_cast<unsigned char>(ch)));
    }
    return id;
}

// Titles of the SP 800-53 controls in NIST's catalog by OSCAL id; an enhancement's is
// "Account Management | Disable Accounts", as NIST writes them.
void collectTitles(const nlohmann::json &controls, const std::string &parent,
                   std::map<std::string, std::string> *out)
{
    for (const auto &c : controls) {
        const std::string title = c.value("title", std::string());
        const std::string full = parent.empty() ? title : parent + " | " + title;
        (*out)[c.value("id", std::string())] = full;
        if (c.contains("controls"))
            collectTitles(c.at("controls"), full, out);
    }
}

} // namespace

void ComplianceStore::fillRequirementTitles()
{
    const char *titled = "framework IN ('gdpr', 'ccpa', 'hipaa', 'sox', 'nist-800-53', 'fedramp')";
    bool missing = false;
    m_store.read([&](core::Connection &db) {
        missing = db.queryInt(std::string("SELECT COUNT(*) FROM compliance_requirements WHERE "
                                          "title = '' AND ") +
                              titled) > 0;
    });
    if (!missing)
        return;
    const nlohmann::json data = nlohmann::json::parse(curatedControlsJson());
    std::map<std::string, std::string> nist;
    const nlohmann::json catalog = nlohmann::json::parse(nistCatalogJson());
    for (const auto &g : catalog.at("catalog").at("groups"))
        collectTitles(g.value("controls", nlohmann::json::array()), {}, &nist);
    m_store.write([&](core::Connection &db) {
        std::vector<std::pair<std::string, std::string>> rows;
        core::Stmt &s = db.prepare(std::string("SELECT framework, requirement FROM "
                                               "compliance_requirements WHERE title = '' AND ") +
                                   titled);
        while (s.step())
            rows.emplace_back(s.text(0), s.text(1));
        s.reset();
        const nlohmann::json &law = data.at("requirementTitles");
        for (const auto &[framework, requirement] : rows) {
            std::string title;
            if (framework == "nist-800-53" || framework == "fedramp") {
                auto it = nist.find(oscalIdOf(requirement));
                if (it != nist.end())
                    title = it->second;
            } else if (law.contains(framework) && law.at(framework).contains(requirement)) {
                title = law.at(framework).at(requirement).get<std::string>();
            }
            if (title.empty())
                continue;
            db.prepare("UPDATE compliance_requirements SET title = ?3 WHERE framework = ?1 AND "
                       "requirement = ?2")
                .bind(1, framework)
                .bind(2, requirement)
                .bind(3, title)
                .step();
        }
    });
}

bool ComplianceStore::seedBase(std::int64_t now)
{
    const nlohmann::json data = nlohmann::json::parse(curatedControlsJson());
    std::set<std::string> frameworks;
    bool seededHere = false;
    m_store.write([&](core::Connection &db) {
        // Replicas starting together on a new database may all have found it unseeded: the
        // revision row's lock (held to the commit on PostgreSQL) lets one seed; the others then
        // read its frameworks and leave them.
        (void)db.queryInt(std::string("SELECT value FROM meta WHERE key = 'revision'") +
                          core::Store::forUpdate(db));
        if (db.queryInt("SELECT COUNT(*) FROM compliance_frameworks") > 0)
            return;
        seededHere = true;
        int position = 0;
        for (const auto &f : data.at("frameworks")) {
            db.prepare("INSERT INTO compliance_frameworks (id, title, version, source, position) "
                       "VALUES (?1, ?2, ?3, ?4, ?5)")
                .bind(1, f.at("id").get<std::string>())
                .bind(2, f.at("title").get<std::string>())
                .bind(3, f.at("version").get<std::string>())
                .bind(4, f.at("source").get<std::string>())
                .bind(5, std::int64_t(position++))
                .step();
            frameworks.insert(f.at("id").get<std::string>());
        }
        std::map<std::string, std::string> checkOf;
        for (const CheckDefinition &c : checkDefinitions())
            checkOf[c.control] = c.id;
        for (const auto &c : data.at("controls")) {
            const std::string id = c.at("id").get<std::string>();
            const std::string check = c.value("check", std::string());
            const pb::ControlStatus status = statusByName(c.value("status", "IMPLEMENTED"));
            db.prepare("INSERT INTO compliance_controls (id, title, description, owner, status, "
                       "due_ms, last_tested_ms, check_id, update_ms) VALUES (?1, ?2, ?3, ?4, ?5, "
                       "?6, 0, ?7, ?8)")
                .bind(1, id)
                .bind(2, c.at("title").get<std::string>())
                .bind(3, c.value("description", std::string()))
                .bind(4, c.at("owner").get<std::string>())
                .bind(5, std::int64_t(status))
                .bind(6, status == pb::CONTROL_IMPLEMENTED ? std::int64_t(0) : now + 90 * kDayMs)
                .bind(7, check)
                .bind(8, now)
                .step();
            for (const auto &r : c.at("requirements")) {
                const std::string text = r.get<std::string>();
                const auto colon = text.find(':');
                if (colon == std::string::npos || !frameworks.count(text.substr(0, colon)))
                    throw std::runtime_error("compliance data: control " + id +
                                             ": bad requirement " + text);
                const std::string fw = text.substr(0, colon), req = text.substr(colon + 1);
                db.prepare(
                      "INSERT INTO compliance_requirements (framework, requirement) VALUES (?1, "
                      "?2) ON CONFLICT DO NOTHING")
                    .bind(1, fw)
                    .bind(2, req)
                    .step();
                db.prepare(
                      "INSERT INTO compliance_mappings (control, framework, requirement) VALUES "
                      "(?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .bind(1, id)
                    .bind(2, fw)
                    .bind(3, req)
                    .step();
            }
        }
        for (const CheckDefinition &c : checkDefinitions())
            db.prepare("INSERT INTO compliance_checks (id, last_result, last_detail, last_run_ms) "
                       "VALUES (?1, 0, '', 0)")
                .bind(1, c.id)
                .step();
        const std::pair<const char *, std::pair<int, const char *>> retention[] = {
            {"audit",
             {2555, "Audit log entries (SOX §802 and HIPAA §164.316(b)(2)(i): 6-7 years)"}},
            {"cost", {1095, "Imported FOCUS cost rows"}},
            {"incidents", {1095, "Incidents, timelines and postmortems"}},
            {"privacy-requests", {1095, "Completed data-subject requests"}},
            {"check-runs", {400, "Compliance check history"}},
        };
        for (const auto &[category, v] : retention)
            db.prepare("INSERT INTO compliance_retention (category, days, description, "
                       "update_ms, updated_by) VALUES (?1, ?2, ?3, ?4, 'system')")
                .bind(1, std::string_view(category))
                .bind(2, std::int64_t(v.first))
                .bind(3, std::string_view(v.second))
                .bind(4, now)
                .step();
    });
    return seededHere;
}

std::vector<pb::Control> ComplianceStore::controls(core::Connection &db)
{
    std::map<std::string, pb::CheckResult> results;
    {
        core::Stmt &s = db.prepare("SELECT id, last_result FROM compliance_checks");
        while (s.step())
            results[std::string(s.text(0))] = pb::CheckResult(s.int64(1));
    }
    std::map<std::pair<std::string, std::string>, std::string> titles;
    std::vector<pb::Control> out;
    std::map<std::string, std::size_t> index;
    core::Stmt &s = db.prepare(std::string("SELECT ") + kControlColumns +
                               " FROM compliance_controls ORDER BY id");
    while (s.step()) {
        pb::Control c;
        c.set_name("controls/" + std::string(s.text(0)));
        c.set_title(std::string(s.text(1)));
        c.set_description(std::string(s.text(2)));
        c.set_owner(std::string(s.text(3)));
        c.set_status(pb::ControlStatus(s.int64(4)));
        if (s.int64(5))
            *c.mutable_due_time() = toTimestamp(s.int64(5));
        if (s.int64(6))
            *c.mutable_last_tested_time() = toTimestamp(s.int64(6));
        const std::string check(s.text(7));
        if (!check.empty())
            c.set_check("checks/" + check);
        *c.mutable_update_time() = toTimestamp(s.int64(8));
        const bool checkOk = check.empty() || results[check] == pb::CHECK_PASS;
        c.set_passing(c.status() == pb::CONTROL_IMPLEMENTED && checkOk);
        if (c.status() == pb::CONTROL_IMPLEMENTED && !checkOk && results[check] == pb::CHECK_FAIL)
            c.set_status(pb::CONTROL_FAILING);
        index[std::string(s.text(0))] = out.size();
        out.push_back(std::move(c));
    }
    core::Stmt &m = db.prepare("SELECT m.control, m.framework, m.requirement, r.title FROM "
                               "compliance_mappings m JOIN compliance_requirements r ON "
                               "r.framework = m.framework AND r.requirement = m.requirement "
                               "JOIN compliance_frameworks f ON f.id = m.framework "
                               "ORDER BY m.control, f.position, m.requirement");
    while (m.step()) {
        auto it = index.find(std::string(m.text(0)));
        if (it == index.end())
            continue;
        pb::Control &c = out[it->second];
        pb::RequirementRef *r = c.add_requirements();
        r->set_framework("frameworks/" + std::string(m.text(1)));
        r->set_requirement(std::string(m.text(2)));
        r->set_title(std::string(m.text(3)));
        if (c.frameworks().empty() || c.frameworks(c.frameworks_size() - 1) != r->framework())
            c.add_frameworks(r->framework());
    }
    return out;
}

namespace {

// framework -> (requirements, passing requirements): a requirement passes when every control
// mapped to it passes.
std::map<std::string, std::pair<int, int>> scoresOf(const std::vector<pb::Control> &controls)
{
    std::map<std::pair<std::string, std::string>, bool> requirementOk;
    for (const pb::Control &c : controls)
        for (const pb::RequirementRef &r : c.requirements()) {
            auto [it, inserted] = requirementOk.try_emplace({r.framework(), r.requirement()}, true);
            it->second = it->second && c.passing();
        }
    std::map<std::string, std::pair<int, int>> out;
    for (const auto &[key, ok] : requirementOk) {
        auto &v = out[key.first];
        ++v.first;
        v.second += ok ? 1 : 0;
    }
    return out;
}

} // namespace

void ComplianceStore::recordScores(core::Connection &db, std::int64_t batchMs)
{
    for (const auto &[fw, v] : scoresOf(controls(db)))
        db.prepare("INSERT INTO compliance_scores (batch_ms, framework, score) VALUES (?1, "
                   "?2, ?3) ON CONFLICT (framework, batch_ms) DO UPDATE SET score = "
                   "excluded.score")
            .bind(1, batchMs)
            .bind(2, fw.substr(fw.find('/') + 1))
            .bind(3, v.first ? double(v.second) / v.first : 0.0)
            .step();
}

Status ComplianceStore::listFrameworks(pb::ListFrameworksResponse *out)
{
    m_store.read([&](core::Connection &db) {
        core::Transaction t(db, core::Transaction::Mode::Read);
        const auto scores = scoresOf(controls(db));
        core::Stmt &s = db.prepare("SELECT id, title, version, source FROM compliance_frameworks "
                                   "ORDER BY position");
        std::vector<pb::Framework *> list;
        while (s.step()) {
            pb::Framework *f = out->add_frameworks();
            f->set_name("frameworks/" + std::string(s.text(0)));
            f->set_display_name(std::string(s.text(1)));
            f->set_version(std::string(s.text(2)));
            f->set_source(std::string(s.text(3)));
            auto it = scores.find(f->name());
            if (it != scores.end()) {
                f->set_requirement_count(it->second.first);
                f->set_passing_count(it->second.second);
                f->set_score(it->second.first ? double(it->second.second) / it->second.first : 0.0);
            }
            list.push_back(f);
        }
        for (pb::Framework *f : list) {
            core::Stmt &t = db.prepare("SELECT batch_ms, score FROM (SELECT batch_ms, score FROM "
                                       "compliance_scores WHERE framework = ?1 ORDER BY batch_ms "
                                       "DESC LIMIT 90) AS latest ORDER BY batch_ms");
            t.bind(1, f->name().substr(11));
            while (t.step()) {
                pb::ScorePoint *p = f->add_trend();
                *p->mutable_time() = toTimestamp(t.int64(0));
                p->set_score(t.real(1));
            }
        }
    });
    return Status::OK;
}

Status ComplianceStore::listControls(const pb::ListControlsRequest &r,
                                     pb::ListControlsResponse *out)
{
    core::Filter filter;
    core::FilterError error;
    if (!core::Filter::compile(r.filter(), pb::Control::descriptor(), &filter, &error))
        return Status(StatusCode::INVALID_ARGUMENT, error.format());
    if (!r.framework().empty() && r.framework().rfind("frameworks/", 0) != 0)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "framework: expected frameworks/{id}, got \"" + r.framework() + "\"");
    const std::uint64_t fingerprint = core::requestFingerprint(
        pb::Control::descriptor()->full_name(), r.framework(), r.filter(), "");
    core::Page page;
    std::string pageError;
    if (!core::resolvePage(r.page_size(), r.page_token(), {100, 500}, fingerprint, &page,
                           &pageError))
        return Status(StatusCode::INVALID_ARGUMENT, pageError);
    std::vector<pb::Control> all;
    m_store.read([&](core::Connection &db) {
        core::Transaction t(db, core::Transaction::Mode::Read);
        all = controls(db);
    });
    std::vector<pb::Control> matching;
    for (pb::Control &c : all) {
        if (!r.framework().empty() && std::find(c.frameworks().begin(), c.frameworks().end(),
                                                r.framework()) == c.frameworks().end())
            continue;
        if (filter.matches(c))
            matching.push_back(std::move(c));
    }
    for (int i = page.offset; i < int(matching.size()) && i < page.offset + page.size; ++i)
        *out->add_controls() = matching[std::size_t(i)];
    out->set_total_size(int(matching.size()));
    out->set_next_page_token(core::nextPageToken(page, int(matching.size()), fingerprint));
    return Status::OK;
}

namespace {

bool controlId(const std::string &name, std::string *id)
{
    if (name.rfind("controls/", 0) != 0 || name.size() <= 9)
        return false;
    *id = name.substr(9);
    return true;
}

} // namespace

Status ComplianceStore::getControl(const std::string &name, pb::ControlDetail *out)
{
    std::string id;
    if (!controlId(name, &id))
        return Status(StatusCode::INVALID_ARGUMENT,
                      "name: expected controls/{id}, got \"" + name + "\"");
    bool found = false;
    m_store.read([&](core::Connection &db) {
        core::Transaction t(db, core::Transaction::Mode::Read);
        for (pb::Control &c : controls(db))
            if (c.name() == name) {
                *out->mutable_control() = std::move(c);
                found = true;
            }
        if (!found)
            return;
        for (pb::Evidence &e : evidenceOf(db, id, 0, INT64_MAX))
            *out->add_evidence() = std::move(e);
        if (out->control().check().empty())
            return;
        core::Stmt &s = db.prepare(std::string("SELECT ") + kRunColumns +
                                   " FROM compliance_check_runs WHERE check_id = ?1 ORDER BY id "
                                   "DESC LIMIT 50");
        s.bind(1, out->control().check().substr(7));
        while (s.step()) {
            pb::CheckRun *run = out->add_check_history();
            run->set_name("checks/" + std::string(s.text(1)) + "/runs/" +
                          std::to_string(s.int64(0)));
            run->set_check("checks/" + std::string(s.text(1)));
            run->set_result(pb::CheckResult(s.int64(2)));
            run->set_detail(std::string(s.text(3)));
            *run->mutable_run_time() = toTimestamp(s.int64(4));
            run->set_duration_ms(s.real(5));
            run->set_triggered_by(std::string(s.text(6)));
        }
    });
    if (!found)
        return Status(StatusCode::NOT_FOUND, name + " not found");
    return Status::OK;
}

Status ComplianceStore::updateControl(const core::Caller &c, const pb::UpdateControlRequest &r,
                                      pb::Control *out)
{
    std::string id;
    if (!controlId(r.control().name(), &id))
        return Status(StatusCode::INVALID_ARGUMENT,
                      "control.name: expected controls/{id}, got \"" + r.control().name() + "\"");
    if (r.update_paths().empty())
        return Status(StatusCode::INVALID_ARGUMENT, "update_paths: name at least one field");
    std::vector<std::string> sets;
    for (const std::string &p : r.update_paths()) {
        if (p == "owner") {
            if (r.control().owner().empty() || r.control().owner().size() > 200)
                return Status(StatusCode::INVALID_ARGUMENT,
                              "control.owner: required, at most 200 bytes");
        } else if (p == "status") {
            if (r.control().status() == pb::CONTROL_STATUS_UNSPECIFIED ||
                r.control().status() == pb::CONTROL_FAILING ||
                !pb::ControlStatus_IsValid(r.control().status()))
                return Status(StatusCode::INVALID_ARGUMENT,
                              "control.status: one of CONTROL_NOT_IMPLEMENTED, "
                              "CONTROL_IN_PROGRESS, CONTROL_IMPLEMENTED, CONTROL_NOT_APPLICABLE "
                              "(CONTROL_FAILING comes from its check)");
        } else if (p != "due_time") {
            return Status(StatusCode::INVALID_ARGUMENT,
                          "update_paths: \"" + p + "\" is not one of owner, status, due_time");
        }
    }
    bool exists = false;
    m_store.read([&](core::Connection &db) {
        core::Stmt &st = db.prepare("SELECT 1 FROM compliance_controls WHERE id = ?1");
        exists = st.bind(1, id).step();
        st.reset();
    });
    if (!exists)
        return Status(StatusCode::NOT_FOUND, r.control().name() + " not found");
    const std::int64_t now = nowMs();
    std::string summary = "updated " + r.control().name() + ":";
    for (const std::string &p : r.update_paths())
        summary += " " + p;
    m_store.audited(core::auditEntry(c, r.control().name(), summary), [&](core::Connection &db,
                                                                          core::audit::Entry &) {
        for (const std::string &p : r.update_paths()) {
            if (p == "owner")
                db.prepare("UPDATE compliance_controls SET owner = ?2 WHERE id = ?1")
                    .bind(1, id)
                    .bind(2, r.control().owner())
                    .step();
            else if (p == "status")
                db.prepare("UPDATE compliance_controls SET status = ?2 WHERE id = ?1")
                    .bind(1, id)
                    .bind(2, std::int64_t(r.control().status()))
                    .step();
            else
                db.prepare("UPDATE compliance_controls SET due_ms = ?2 WHERE id = ?1")
                    .bind(1, id)
                    .bind(2, r.control().has_due_time() ? toMs(r.control().due_time())
                                                        : std::int64_t(0))
                    .step();
        }
        db.prepare("UPDATE compliance_controls SET update_ms = ?2 WHERE id = ?1")
            .bind(1, id)
            .bind(2, now)
            .step();
    });
    pb::ControlDetail detail;
    Status s = getControl(r.control().name(), &detail);
    if (s.ok())
        *out = detail.control();
    return s;
}

} // namespace platformd::compliance
