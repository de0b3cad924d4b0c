#include "compliance/private/compliancechecks.h"
#include "compliance/private/compliancestore.h"
#include "core/database.h"
#include "core/filter.h"
#include "core/pagination.h"
#include "core/store.h"

#include <algorithm>
#include <cctype>

namespace platformd::compliance {

using grpc::StatusCode;

const char kFindingColumns[] = "id, title, detail, severity, owner, due_ms, state, check_id, "
                               "privacy_request, open_ms, close_ms, control";
const char kEvidenceColumns[] = "id, control, kind, description, file_name, sha256, size_bytes, "
                                "link, recorded_by, record_ms";
const char kPrivacyColumns[] = "id, kind, regime, subject, receive_ms, deadline_ms, state, "
                               "complete_ms, created_by, completed_by, note";
const char kRunColumns[] = "id, check_id, result, detail, run_ms, duration_ms, triggered_by";

namespace {

// Filters, then pages, a list already in its order.
template<typename Message, typename Add>
Status pageOf(std::vector<Message> all, const std::string &filterText, const std::string &parent,
              std::int32_t pageSize, const std::string &pageToken, core::PageLimits limits, Add add,
              std::string *nextToken, int *total = nullptr)
{
    core::Filter filter;
    core::FilterError error;
    if (!core::Filter::compile(filterText, Message::descriptor(), &filter, &error))
        return Status(StatusCode::INVALID_ARGUMENT, error.format());
    const std::uint64_t fingerprint =
        core::requestFingerprint(Message::descriptor()->full_name(), parent, filterText, "");
    core::Page page;
    std::string pageError;
    if (!core::resolvePage(pageSize, pageToken, limits, fingerprint, &page, &pageError))
        return Status(StatusCode::INVALID_ARGUMENT, pageError);
    std::vector<Message> matching;
    for (Message &m : all)
        if (filter.matches(m))
            matching.push_back(std::move(m));
    for (int i = page.offset; i < int(matching.size()) && i < page.offset + page.size; ++i)
        add(std::move(matching[std::size_t(i)]));
    *nextToken = core::nextPageToken(page, int(matching.size()), fingerprint);
    if (total)
        *total = int(matching.size());
    return Status::OK;
}

pb::Evidence readEvidence(core::Stmt &s)
{
    pb::Evidence e;
    e.set_name("evidence/" + std::to_string(s.int64(0)));
    e.set_control("controls/" + std::string(s.text(1)));
    e.set_kind(pb::EvidenceKind(s.int64(2)));
    e.set_description(std::string(s.text(3)));
    e.set_file_name(std::string(s.text(4)));
    e.set_sha256(std::string(s.text(5)));
    e.set_size_bytes(s.int64(6));
    e.set_link(std::string(s.text(7)));
    e.set_recorded_by(std::string(s.text(8)));
    *e.mutable_record_time() = toTimestamp(s.int64(9));
    return e;
}

pb::PrivacyRequest readPrivacy(core::Stmt &s, std::int64_t now)
{
    pb::PrivacyRequest p;
    p.set_name("privacyRequests/" + std::to_string(s.int64(0)));
    p.set_kind(pb::PrivacyRequestKind(s.int64(1)));
    p.set_regime(pb::PrivacyRegime(s.int64(2)));
    p.set_subject(std::string(s.text(3)));
    *p.mutable_receive_time() = toTimestamp(s.int64(4));
    *p.mutable_deadline() = toTimestamp(s.int64(5));
    p.set_state(pb::PrivacyRequestState(s.int64(6)));
    if (s.int64(7))
        *p.mutable_complete_time() = toTimestamp(s.int64(7));
    p.set_created_by(std::string(s.text(8)));
    p.set_completed_by(std::string(s.text(9)));
    p.set_note(std::string(s.text(10)));
    const std::int64_t doneAt = s.int64(7) ? s.int64(7) : now;
    p.set_overdue(doneAt > s.int64(5));
    return p;
}

bool isHex64(const std::string &t)
{
    return t.size() == 64 && std::all_of(t.begin(), t.end(), [](char ch) {
               return std::isdigit(static_cast<unsigned char>(ch)) || (ch >= 'a' && ch <= 'f');
           });
}

} // namespace

Status ComplianceStore::listChecks(pb::ListChecksResponse *out)
{
    m_store.read([&](core::Connection &db) {
        for (const CheckDefinition &def : checkDefinitions()) {
            pb::Check *c = out->add_checks();
            c->set_name("checks/" + def.id);
            c->set_title(def.title);
            c->set_description(def.description);
            c->set_severity(def.severity);
            c->add_controls("controls/" + def.control);
            core::Stmt &s = db.prepare("SELECT last_result, last_detail, last_run_ms FROM "
                                       "compliance_checks WHERE id = ?1");
            if (s.bind(1, def.id).step()) {
                c->set_last_result(pb::CheckResult(s.int64(0)));
                c->set_last_detail(std::string(s.text(1)));
                if (s.int64(2))
                    *c->mutable_last_run_time() = toTimestamp(s.int64(2));
            }
            s.reset();
        }
    });
    return Status::OK;
}

Status ComplianceStore::listCheckRuns(const pb::ListCheckRunsRequest &r,
                                      pb::ListCheckRunsResponse *out)
{
    std::string check;
    if (r.parent() != "checks/-") {
        if (r.parent().rfind("checks/", 0) != 0)
            return Status(StatusCode::INVALID_ARGUMENT,
                          "parent: expected checks/{id} or checks/-, got \"" + r.parent() + "\"");
        check = r.parent().substr(7);
        const auto &defs = checkDefinitions();
        if (std::none_of(defs.begin(), defs.end(),
                         [&](const CheckDefinition &d) { return d.id == check; }))
            return Status(StatusCode::NOT_FOUND, r.parent() + " not found");
    }
    std::vector<pb::CheckRun> all;
    m_store.read([&](core::Connection &db) {
        core::Stmt &s =
            db.prepare(std::string("SELECT ") + kRunColumns +
                       " FROM compliance_check_runs WHERE ?1 = '' OR check_id = ?1 ORDER BY id "
                       "DESC LIMIT 20000");
        s.bind(1, check);
        while (s.step()) {
            pb::CheckRun run;
            run.set_name("checks/" + std::string(s.text(1)) + "/runs/" +
                         std::to_string(s.int64(0)));
            run.set_check("checks/" + std::string(s.text(1)));
            run.set_result(pb::CheckResult(s.int64(2)));
            run.set_detail(std::string(s.text(3)));
            *run.mutable_run_time() = toTimestamp(s.int64(4));
            run.set_duration_ms(s.real(5));
            run.set_triggered_by(std::string(s.text(6)));
            all.push_back(std::move(run));
        }
    });
    return pageOf(
        std::move(all), "", r.parent(), r.page_size(), r.page_token(), {100, 1000},
        [&](pb::CheckRun &&run) { *out->add_runs() = std::move(run); },
        out->mutable_next_page_token());
}

std::vector<pb::Finding> ComplianceStore::findings(core::Connection &db)
{
    std::vector<pb::Finding> out;
    core::Stmt &s = db.prepare(std::string("SELECT ") + kFindingColumns +
                               " FROM compliance_findings ORDER BY state, id DESC");
    while (s.step()) {
        pb::Finding f;
        f.set_name("findings/" + std::to_string(s.int64(0)));
        f.set_title(std::string(s.text(1)));
        f.set_detail(std::string(s.text(2)));
        f.set_severity(pb::FindingSeverity(s.int64(3)));
        f.set_owner(std::string(s.text(4)));
        *f.mutable_due_time() = toTimestamp(s.int64(5));
        f.set_state(pb::FindingState(s.int64(6)));
        if (!s.text(7).empty())
            f.set_check("checks/" + std::string(s.text(7)));
        if (s.int64(8))
            f.set_privacy_request("privacyRequests/" + std::to_string(s.int64(8)));
        *f.mutable_open_time() = toTimestamp(s.int64(9));
        if (s.int64(10))
            *f.mutable_close_time() = toTimestamp(s.int64(10));
        if (!s.text(11).empty())
            f.add_controls("controls/" + std::string(s.text(11)));
        out.push_back(std::move(f));
    }
    return out;
}

Status ComplianceStore::listFindings(const pb::ListFindingsRequest &r,
                                     pb::ListFindingsResponse *out)
{
    std::vector<pb::Finding> all;
    m_store.read([&](core::Connection &db) { all = findings(db); });
    int total = 0;
    Status s = pageOf(
        std::move(all), r.filter(), "", r.page_size(), r.page_token(), {100, 500},
        [&](pb::Finding &&f) { *out->add_findings() = std::move(f); },
        out->mutable_next_page_token(), &total);
    out->set_total_size(total);
    return s;
}

std::vector<pb::Evidence> ComplianceStore::evidenceOf(core::Connection &db,
                                                      const std::string &control,
                                                      std::int64_t fromMs, std::int64_t toMs)
{
    std::vector<pb::Evidence> out;
    core::Stmt &s = db.prepare(std::string("SELECT ") + kEvidenceColumns +
                               " FROM compliance_evidence WHERE (?1 = '' OR control = ?1) AND "
                               "record_ms >= ?2 AND record_ms < ?3 ORDER BY id DESC");
    s.bind(1, control).bind(2, fromMs).bind(3, toMs);
    while (s.step())
        out.push_back(readEvidence(s));
    return out;
}

Status ComplianceStore::addEvidence(const core::Caller &c, const pb::AddEvidenceRequest &r,
                                    pb::Evidence *out)
{
    const pb::Evidence &e = r.evidence();
    if (e.control().rfind("controls/", 0) != 0 || e.control().size() <= 9)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "evidence.control: expected controls/{id}, got \"" + e.control() + "\"");
    const std::string control = e.control().substr(9);
    if (e.description().size() > 2000)
        return Status(StatusCode::INVALID_ARGUMENT, "evidence.description: at most 2000 bytes");
    switch (e.kind()) {
    case pb::EVIDENCE_FILE:
        if (e.file_name().empty() || e.file_name().size() > 255)
            return Status(StatusCode::INVALID_ARGUMENT,
                          "evidence.file_name: required for a file, at most 255 bytes");
        if (!isHex64(e.sha256()))
            return Status(StatusCode::INVALID_ARGUMENT,
                          "evidence.sha256: 64 lower-case hex digits (SHA-256 of the file)");
        if (e.size_bytes() < 0)
            return Status(StatusCode::INVALID_ARGUMENT,
                          "evidence.size_bytes: must not be negative");
        if (!e.link().empty())
            return Status(StatusCode::INVALID_ARGUMENT, "evidence.link: not for a file");
        break;
    case pb::EVIDENCE_AUDIT_ENTRY:
    case pb::EVIDENCE_APPROVAL:
    case pb::EVIDENCE_INCIDENT:
    case pb::EVIDENCE_CHECK_RUN: {
        const char *prefix = e.kind() == pb::EVIDENCE_AUDIT_ENTRY ? "auditEntries/"
                             : e.kind() == pb::EVIDENCE_APPROVAL  ? "models/"
                             : e.kind() == pb::EVIDENCE_INCIDENT  ? "incidents/"
                                                                  : "checks/";
        if (e.link().rfind(prefix, 0) != 0 || e.link().size() > 500)
            return Status(StatusCode::INVALID_ARGUMENT, "evidence.link: expected " +
                                                            std::string(prefix) + "..., got \"" +
                                                            e.link() + "\"");
        if (e.kind() == pb::EVIDENCE_APPROVAL &&
            e.link().find("/approvalRequests/") == std::string::npos)
            return Status(StatusCode::INVALID_ARGUMENT,
                          "evidence.link: expected models/{model}/approvalRequests/{id}");
        if (!e.file_name().empty() || !e.sha256().empty())
            return Status(StatusCode::INVALID_ARGUMENT,
                          "evidence.file_name, evidence.sha256: only for a file");
        break;
    }
    default:
        return Status(StatusCode::INVALID_ARGUMENT, "evidence.kind: required");
    }
    bool exists = false;
    m_store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT 1 FROM compliance_controls WHERE id = ?1");
        exists = s.bind(1, control).step();
        s.reset();
    });
    if (!exists)
        return Status(StatusCode::NOT_FOUND, e.control() + " not found");
    const std::int64_t now = nowMs();
    std::int64_t id = 0;
    m_store.audited(core::auditEntry(c, e.control(),
                                     "evidence added to " + e.control() + ": " +
                                         (e.kind() == pb::EVIDENCE_FILE
                                              ? e.file_name() + " sha256 " + e.sha256()
                                              : e.link())),
                    [&](core::Connection &db, core::audit::Entry &) {
                        core::Stmt &insert =
                            db.prepare(
                                  "INSERT INTO compliance_evidence (control, kind, description, "
                                  "file_name, sha256, size_bytes, link, recorded_by, record_ms) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id")
                                .bind(1, control)
                                .bind(2, std::int64_t(e.kind()))
                                .bind(3, e.description())
                                .bind(4, e.file_name())
                                .bind(5, e.sha256())
                                .bind(6, e.size_bytes())
                                .bind(7, e.link())
                                .bind(8, c.actor)
                                .bind(9, now);
                        insert.step();
                        id = insert.int64(0);
                        insert.reset();
                    });
    *out = e;
    out->set_name("evidence/" + std::to_string(id));
    out->set_recorded_by(c.actor);
    *out->mutable_record_time() = toTimestamp(now);
    return Status::OK;
}

Status ComplianceStore::listEvidence(const pb::ListEvidenceRequest &r,
                                     pb::ListEvidenceResponse *out)
{
    std::string control;
    if (r.parent() != "controls/-") {
        if (r.parent().rfind("controls/", 0) != 0 || r.parent().size() <= 9)
            return Status(StatusCode::INVALID_ARGUMENT, "parent: expected controls/{id} or "
                                                        "controls/-, got \"" +
                                                            r.parent() + "\"");
        control = r.parent().substr(9);
    }
    std::vector<pb::Evidence> all;
    m_store.read([&](core::Connection &db) { all = evidenceOf(db, control, 0, INT64_MAX); });
    return pageOf(
        std::move(all), "", r.parent(), r.page_size(), r.page_token(), {100, 1000},
        [&](pb::Evidence &&e) { *out->add_evidence() = std::move(e); },
        out->mutable_next_page_token());
}

std::vector<pb::PrivacyRequest> ComplianceStore::privacyRequests(core::Connection &db,
                                                                 std::int64_t now)
{
    std::vector<pb::PrivacyRequest> out;
    core::Stmt &s = db.prepare(std::string("SELECT ") + kPrivacyColumns +
                               " FROM compliance_privacy_requests ORDER BY state, deadline_ms, id");
    while (s.step())
        out.push_back(readPrivacy(s, now));
    return out;
}

Status ComplianceStore::listPrivacyRequests(const pb::ListPrivacyRequestsRequest &r,
                                            pb::ListPrivacyRequestsResponse *out)
{
    std::vector<pb::PrivacyRequest> all;
    const std::int64_t now = nowMs();
    m_store.read([&](core::Connection &db) { all = privacyRequests(db, now); });
    return pageOf(
        std::move(all), r.filter(), "", r.page_size(), r.page_token(), {100, 500},
        [&](pb::PrivacyRequest &&p) { *out->add_requests() = std::move(p); },
        out->mutable_next_page_token());
}

Status ComplianceStore::createPrivacyRequest(const core::Caller &c,
                                             const pb::CreatePrivacyRequestRequest &r,
                                             pb::PrivacyRequest *out)
{
    if (r.kind() != pb::PRIVACY_ACCESS && r.kind() != pb::PRIVACY_DELETION)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "kind: PRIVACY_ACCESS or PRIVACY_DELETION required");
    if (r.regime() != pb::PRIVACY_GDPR && r.regime() != pb::PRIVACY_CCPA)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "regime: PRIVACY_GDPR or PRIVACY_CCPA required");
    if (r.subject().empty() || r.subject().size() > 200)
        return Status(StatusCode::INVALID_ARGUMENT, "subject: required, at most 200 bytes");
    if (r.note().size() > 2000)
        return Status(StatusCode::INVALID_ARGUMENT, "note: at most 2000 bytes");
    const std::int64_t now = nowMs();
    const std::int64_t received = r.has_receive_time() ? toMs(r.receive_time()) : now;
    if (received > now + 60000)
        return Status(StatusCode::INVALID_ARGUMENT, "receive_time: must not be in the future");
    const std::int64_t deadline = received + privacyDeadlineDays(r.regime()) * kDayMs;
    std::int64_t id = 0;
    m_store.audited(
        core::auditEntry(c, "privacyRequests", "privacy request created"),
        [&](core::Connection &db, core::audit::Entry &entry) {
            core::Stmt &insert =
                db.prepare("INSERT INTO compliance_privacy_requests (kind, regime, subject, "
                           "receive_ms, deadline_ms, state, complete_ms, created_by, completed_by, "
                           "note) VALUES (?1, ?2, ?3, ?4, ?5, 1, 0, ?6, '', ?7) RETURNING id")
                    .bind(1, std::int64_t(r.kind()))
                    .bind(2, std::int64_t(r.regime()))
                    .bind(3, r.subject())
                    .bind(4, received)
                    .bind(5, deadline)
                    .bind(6, c.actor)
                    .bind(7, r.note());
            insert.step();
            id = insert.int64(0);
            insert.reset();
            entry.resource = "privacyRequests/" + std::to_string(id);
        });
    m_store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare(std::string("SELECT ") + kPrivacyColumns +
                                   " FROM compliance_privacy_requests WHERE id = ?1");
        if (s.bind(1, id).step())
            *out = readPrivacy(s, now);
        s.reset();
    });
    return Status::OK;
}

Status ComplianceStore::completePrivacyRequest(const core::Caller &c,
                                               const pb::CompletePrivacyRequestRequest &r,
                                               pb::PrivacyRequest *out)
{
    std::int64_t id = 0;
    if (r.name().rfind("privacyRequests/", 0) != 0 || !(id = std::atoll(r.name().c_str() + 16)) ||
        std::to_string(id) != r.name().substr(16))
        return Status(StatusCode::INVALID_ARGUMENT,
                      "name: expected privacyRequests/{n}, got \"" + r.name() + "\"");
    const std::int64_t now = nowMs();
    std::int64_t state = -1;
    m_store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT state FROM compliance_privacy_requests WHERE id = ?1");
        if (s.bind(1, id).step())
            state = s.int64(0);
        s.reset();
    });
    if (state < 0)
        return Status(StatusCode::NOT_FOUND, r.name() + " not found");
    if (state != pb::PRIVACY_OPEN)
        return Status(StatusCode::FAILED_PRECONDITION, r.name() + " is already completed");
    m_store.audited(core::auditEntry(c, r.name(), "privacy request completed"),
                    [&](core::Connection &db, core::audit::Entry &) {
                        db.prepare("UPDATE compliance_privacy_requests SET state = 2, "
                                   "complete_ms = ?2, completed_by = ?3, note = CASE WHEN ?4 = '' "
                                   "THEN note ELSE ?4 END WHERE id = ?1 AND state = 1")
                            .bind(1, id)
                            .bind(2, now)
                            .bind(3, c.actor)
                            .bind(4, r.note())
                            .step();
                    });
    m_store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare(std::string("SELECT ") + kPrivacyColumns +
                                   " FROM compliance_privacy_requests WHERE id = ?1");
        if (s.bind(1, id).step())
            *out = readPrivacy(s, now);
        s.reset();
    });
    return Status::OK;
}

std::vector<pb::RetentionPolicy> ComplianceStore::retentionPolicies(core::Connection &db)
{
    std::vector<pb::RetentionPolicy> out;
    core::Stmt &s = db.prepare("SELECT category, days, description, update_ms, updated_by FROM "
                               "compliance_retention ORDER BY category");
    while (s.step()) {
        pb::RetentionPolicy p;
        p.set_name("retentionPolicies/" + std::string(s.text(0)));
        p.set_category(std::string(s.text(0)));
        p.set_retention_days(int(s.int64(1)));
        p.set_description(std::string(s.text(2)));
        *p.mutable_update_time() = toTimestamp(s.int64(3));
        p.set_updated_by(std::string(s.text(4)));
        out.push_back(std::move(p));
    }
    return out;
}

Status ComplianceStore::listRetentionPolicies(pb::ListRetentionPoliciesResponse *out)
{
    m_store.read([&](core::Connection &db) {
        for (pb::RetentionPolicy &p : retentionPolicies(db))
            *out->add_policies() = std::move(p);
    });
    return Status::OK;
}

Status ComplianceStore::updateRetentionPolicy(const core::Caller &c,
                                              const pb::UpdateRetentionPolicyRequest &r,
                                              pb::RetentionPolicy *out)
{
    const pb::RetentionPolicy &p = r.policy();
    if (p.name().rfind("retentionPolicies/", 0) != 0)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "policy.name: expected retentionPolicies/{category}, got \"" + p.name() +
                          "\"");
    if (p.retention_days() < 1 || p.retention_days() > 3650)
        return Status(StatusCode::INVALID_ARGUMENT, "policy.retention_days: 1..3650");
    if (p.description().size() > 500)
        return Status(StatusCode::INVALID_ARGUMENT, "policy.description: at most 500 bytes");
    const std::string category = p.name().substr(18);
    bool exists = false;
    m_store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT 1 FROM compliance_retention WHERE category = ?1");
        exists = s.bind(1, category).step();
        s.reset();
    });
    if (!exists)
        return Status(StatusCode::NOT_FOUND, p.name() + " not found");
    m_store.audited(
        core::auditEntry(c, p.name(),
                         "retention set to " + std::to_string(p.retention_days()) + " days"),
        [&](core::Connection &db, core::audit::Entry &) {
            db.prepare("UPDATE compliance_retention SET days = ?2, description = "
                       "CASE WHEN ?3 = '' THEN description ELSE ?3 END, update_ms = "
                       "?4, updated_by = ?5 WHERE category = ?1")
                .bind(1, category)
                .bind(2, std::int64_t(p.retention_days()))
                .bind(3, p.description())
                .bind(4, nowMs())
                .bind(5, c.actor)
                .step();
        });
    m_store.read([&](core::Connection &db) {
        for (pb::RetentionPolicy &x : retentionPolicies(db))
            if (x.name() == p.name())
                *out = std::move(x);
    });
    return Status::OK;
}

} // namespace platformd::compliance
