#include "compliance/private/complianceoscal.h"

#include "compliance/oscal/assessmentresults.h"
#include "compliance/oscal/catalog.h"
#include "compliance/oscal/profile.h"
#include "core/database.h"
#include "core/store.h"

#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace platformd::compliance {

using grpc::StatusCode;

namespace {

constexpr std::size_t kMaxDocument = 4 * 1024 * 1024 * 3; // 12 MiB: the NIST catalog is ~3 MiB

// The first member name of the document's top-level object ("catalog", "profile"), "" if none.
std::string rootMember(const std::string &json)
{
    std::size_t i = 0;
    auto ws = [&] {
        while (i < json.size() && std::isspace(static_cast<unsigned char>(json[i])))
            ++i;
    };
    ws();
    if (i < json.size() && json[i] == '{')
        ++i;
    else
        return {};
    ws();
    if (i >= json.size() || json[i] != '"')
        return {};
    const std::size_t end = json.find('"', i + 1);
    return end == std::string::npos ? std::string() : json.substr(i + 1, end - i - 1);
}

std::string baseName(const std::string &href)
{
    const auto slash = href.find_last_of('/');
    return slash == std::string::npos ? href : href.substr(slash + 1);
}

void storeDocument(ComplianceStore &store, const core::Caller &c, const pb::OscalCatalog &row,
                   const std::string &document, bool audited)
{
    auto write = [&](core::Connection &db) {
        db.prepare("INSERT INTO compliance_catalogs (uuid, kind, title, version, "
                   "oscal_version, groups, controls, enhancements, source, import_ms, "
                   "imported_by, resolved_from, document) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                   "?7, ?8, ?9, ?10, ?11, ?12, ?13) ON CONFLICT (uuid) DO UPDATE SET kind = "
                   "excluded.kind, title = excluded.title, version = excluded.version, "
                   "oscal_version = excluded.oscal_version, groups = excluded.groups, "
                   "controls = excluded.controls, enhancements = excluded.enhancements, "
                   "source = excluded.source, import_ms = excluded.import_ms, imported_by = "
                   "excluded.imported_by, resolved_from = excluded.resolved_from, document = "
                   "excluded.document")
            .bind(1, row.name().substr(9))
            .bind(2, std::int64_t(row.kind()))
            .bind(3, row.title())
            .bind(4, row.version())
            .bind(5, row.oscal_version())
            .bind(6, std::int64_t(row.group_count()))
            .bind(7, std::int64_t(row.control_count()))
            .bind(8, std::int64_t(row.enhancement_count()))
            .bind(9, row.source())
            .bind(10, toMs(row.import_time()))
            .bind(11, row.imported_by())
            .bind(12, row.resolved_from())
            .bindBlob(13, document)
            .step();
    };
    if (!audited) {
        store.core().write(write);
        return;
    }
    store.core().audited(
        core::auditEntry(c, row.name(),
                         std::string("OSCAL ") +
                             (row.kind() == pb::OSCAL_PROFILE ? "profile" : "catalog") +
                             " imported: " + row.title() + " (" + row.source() + ", " +
                             std::to_string(row.control_count()) + " controls)"),
        [&](core::Connection &db, core::audit::Entry &) { write(db); });
}

void fill(pb::OscalCatalog *row, const oscal::Catalog &catalog, const std::string &uuid)
{
    const oscal::CatalogCounts counts = catalog.counts();
    row->set_name("catalogs/" + uuid);
    row->set_title(catalog.metadata.title);
    row->set_version(catalog.metadata.version);
    row->set_oscal_version(catalog.metadata.oscalVersion);
    row->set_group_count(int(counts.topGroups));
    row->set_control_count(int(counts.controls));
    row->set_enhancement_count(int(counts.enhancements));
}

} // namespace

Status importOscal(ComplianceStore &store, const core::Caller &c, const std::string &document,
                   const std::string &fileName, pb::OscalCatalog *out, bool audited)
{
    if (document.empty())
        return Status(StatusCode::INVALID_ARGUMENT, "document: required (OSCAL JSON bytes)");
    if (document.size() > kMaxDocument)
        return Status(StatusCode::INVALID_ARGUMENT, "document: larger than 12 MiB");
    if (fileName.size() > 255)
        return Status(StatusCode::INVALID_ARGUMENT, "file_name: at most 255 bytes");
    const std::string root = rootMember(document);
    const std::int64_t now = nowMs();
    pb::OscalCatalog row;
    row.set_source(fileName);
    *row.mutable_import_time() = toTimestamp(now);
    row.set_imported_by(c.actor);
    std::string error;
    if (root == "catalog") {
        oscal::Catalog catalog;
        if (!oscal::parseCatalog(document, &catalog, &error))
            return Status(StatusCode::INVALID_ARGUMENT, "document: " + error);
        fill(&row, catalog, catalog.uuid);
        row.set_kind(pb::OSCAL_CATALOG);
    } else if (root == "profile") {
        oscal::Profile profile;
        if (!oscal::parseProfile(document, &profile, &error))
            return Status(StatusCode::INVALID_ARGUMENT, "document: " + error);
        // Imports resolve against the stored documents: by file name (the href's last segment),
        // "catalogs/{uuid}" or "#{uuid}" / "{uuid}" of a stored document.
        std::set<std::string> used;
        oscal::DocumentResolver resolver = [&](const std::string &href, std::string *json,
                                               std::string *err) {
            std::string key = href;
            if (key.rfind("catalogs/", 0) == 0)
                key = key.substr(9);
            else if (!key.empty() && key[0] == '#')
                key = key.substr(1);
            const std::string base = baseName(href);
            bool found = false;
            store.core().read([&](core::Connection &db) {
                core::Stmt &s = db.prepare("SELECT document, uuid, source FROM compliance_catalogs "
                                           "WHERE uuid = ?1 OR (source <> '' AND source = ?2) "
                                           "ORDER BY kind, import_ms DESC LIMIT 1");
                if (s.bind(1, key).bind(2, base).step()) {
                    *json = std::string(s.blob(0));
                    used.insert(std::string(s.text(2)).empty() ? std::string(s.text(1))
                                                               : std::string(s.text(2)));
                    found = true;
                }
                s.reset();
            });
            if (!found)
                *err = "no stored catalog or profile matches \"" + href +
                       "\" (import the catalog first)";
            return found;
        };
        oscal::ResolvedProfile resolved;
        if (!oscal::resolveProfile(profile, resolver, &resolved, &error))
            return Status(StatusCode::INVALID_ARGUMENT, "document: " + error);
        fill(&row, resolved.catalog, profile.uuid);
        row.set_title(profile.metadata.title);
        row.set_version(profile.metadata.version);
        row.set_oscal_version(profile.metadata.oscalVersion);
        row.set_kind(pb::OSCAL_PROFILE);
        std::string from;
        for (const std::string &u : used)
            from += (from.empty() ? "" : ", ") + u;
        row.set_resolved_from(from);
    } else {
        return Status(StatusCode::INVALID_ARGUMENT,
                      "document: /: expected an OSCAL JSON object with \"catalog\" or \"profile\"");
    }
    storeDocument(store, c, row, document, audited);
    *out = row;
    return Status::OK;
}

Status listCatalogs(ComplianceStore &store, pb::ListCatalogsResponse *out)
{
    store.core().read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT uuid, kind, title, version, oscal_version, groups, "
                                   "controls, enhancements, source, import_ms, imported_by, "
                                   "resolved_from FROM compliance_catalogs ORDER BY kind, "
                                   "import_ms, uuid");
        while (s.step()) {
            pb::OscalCatalog *c = out->add_catalogs();
            c->set_name("catalogs/" + std::string(s.text(0)));
            c->set_kind(pb::OscalDocumentKind(s.int64(1)));
            c->set_title(std::string(s.text(2)));
            c->set_version(std::string(s.text(3)));
            c->set_oscal_version(std::string(s.text(4)));
            c->set_group_count(int(s.int64(5)));
            c->set_control_count(int(s.int64(6)));
            c->set_enhancement_count(int(s.int64(7)));
            c->set_source(std::string(s.text(8)));
            *c->mutable_import_time() = toTimestamp(s.int64(9));
            c->set_imported_by(std::string(s.text(10)));
            c->set_resolved_from(std::string(s.text(11)));
        }
    });
    return Status::OK;
}

std::string nistControlId(const std::string &text)
{
    static const std::regex re(R"(^([A-Z]{2})-(\d+)(?:\((\d+)\))?$)");
    std::smatch m;
    if (!std::regex_match(text, m, re))
        return {};
    std::string id = m[1].str();
    for (char &ch : id)
        ch = char(std::tolower(static_cast<unsigned char>(ch)));
    id += "-" + m[2].str();
    if (m[3].matched)
        id += "." + m[3].str();
    return id;
}

Status exportAssessmentResults(ComplianceStore &store, const pb::ExportAssessmentResultsRequest &r,
                               pb::ExportAssessmentResultsResponse *out)
{
    if (r.framework().rfind("frameworks/", 0) != 0)
        return Status(StatusCode::INVALID_ARGUMENT,
                      "framework: expected frameworks/{id}, got \"" + r.framework() + "\"");
    const std::int64_t now = nowMs();
    const std::int64_t end = r.has_end_time() ? toMs(r.end_time()) : now;
    const std::int64_t start = r.has_start_time() ? toMs(r.start_time()) : end - 90 * kDayMs;
    if (start >= end)
        return Status(StatusCode::INVALID_ARGUMENT, "start_time: must be before end_time");
    const std::string fw = r.framework().substr(11);
    const bool nist = fw == "nist-800-53" || fw == "fedramp";
    std::string title;
    std::vector<pb::Control> controls;
    std::map<std::string, std::vector<pb::Evidence>> evidence;
    std::map<std::string, std::pair<std::string, std::int64_t>> lastRun; // check -> detail, time
    store.core().read([&](core::Connection &db) {
        core::Transaction t(db, core::Transaction::Mode::Read);
        core::Stmt &f =
            db.prepare("SELECT title, version FROM compliance_frameworks WHERE id = ?1");
        if (f.bind(1, fw).step())
            title = std::string(f.text(0)) + " (" + std::string(f.text(1)) + ")";
        f.reset();
        if (title.empty())
            return;
        for (pb::Control &c : store.controls(db)) {
            bool mapped = false;
            for (const auto &req : c.requirements())
                mapped = mapped || req.framework() == r.framework();
            if (!mapped)
                continue;
            evidence[c.name()] = store.evidenceOf(db, c.name().substr(9), start, end);
            if (!c.check().empty()) {
                core::Stmt &s = db.prepare("SELECT detail, run_ms FROM compliance_check_runs "
                                           "WHERE check_id = ?1 AND run_ms >= ?2 AND run_ms < ?3 "
                                           "ORDER BY id DESC LIMIT 1");
                if (s.bind(1, c.check().substr(7)).bind(2, start).bind(3, end).step())
                    lastRun[c.check()] = {std::string(s.text(0)), s.int64(1)};
                s.reset();
            }
            controls.push_back(std::move(c));
        }
    });
    if (title.empty())
        return Status(StatusCode::NOT_FOUND, r.framework() + " not found");
    oscal::AssessmentResults doc;
    doc.title = "platformd assessment results: " + title;
    doc.version = rfc3339(end);
    doc.lastModified = rfc3339(now);
    doc.importApHref = "#" + oscal::newUuid();
    oscal::AssessmentResult result;
    result.title = title + " automated assessment";
    result.description = "Platform controls mapped to " + title +
                         ", assessed by platformd's automated checks and recorded evidence from " +
                         rfc3339(start) + " to " + rfc3339(end) + ".";
    result.start = rfc3339(start);
    result.end = rfc3339(end);
    // target -> (satisfied, observation uuids)
    std::map<std::string, std::pair<bool, std::vector<std::string>>> targets;
    std::vector<std::string> order;
    for (const pb::Control &c : controls) {
        oscal::Observation o;
        o.uuid = oscal::newUuid();
        o.title = c.title();
        o.description = c.name() + ": status " + pb::ControlStatus_Name(c.status()) +
                        (c.passing() ? ", passing" : ", not passing") + ", owner " + c.owner();
        auto run = lastRun.find(c.check());
        if (run != lastRun.end()) {
            o.description += "; " + c.check() + ": " + run->second.first;
            o.methods = {"TEST"};
            o.collected = rfc3339(run->second.second);
        } else {
            o.methods = {"EXAMINE"};
            o.collected = rfc3339(end);
        }
        o.types = {"control-objective"};
        for (const pb::Evidence &e : evidence[c.name()]) {
            oscal::Evidence ev;
            ev.href = e.kind() == pb::EVIDENCE_FILE ? "platformd://" + e.name()
                                                    : "platformd://" + e.link();
            ev.description =
                (e.kind() == pb::EVIDENCE_FILE ? e.file_name() + " (sha256 " + e.sha256() + ")"
                                               : e.link()) +
                (e.description().empty() ? "" : ": " + e.description()) + ", recorded by " +
                e.recorded_by() + " at " + rfc3339(toMs(e.record_time()));
            o.evidence.push_back(std::move(ev));
        }
        for (const auto &req : c.requirements()) {
            if (req.framework() != r.framework())
                continue;
            std::string target = nist ? nistControlId(req.requirement()) : c.name().substr(9);
            if (target.empty())
                target = c.name().substr(9);
            auto [it, inserted] = targets.try_emplace(target, true, std::vector<std::string>());
            if (inserted)
                order.push_back(target);
            it->second.first = it->second.first && c.passing();
            if (std::find(it->second.second.begin(), it->second.second.end(), o.uuid) ==
                it->second.second.end())
                it->second.second.push_back(o.uuid);
        }
        result.observations.push_back(std::move(o));
    }
    for (const std::string &target : order) {
        const auto &[ok, observations] = targets[target];
        result.reviewedControls.push_back(target);
        oscal::Finding f;
        f.title = target + (ok ? " satisfied" : " not satisfied");
        f.description = (nist ? "SP 800-53 control " : "Platform control ") + target +
                        (ok ? ": every platform control mapped to it passes."
                            : ": a platform control mapped to it does not pass.");
        f.targetId = target + "_smt";
        f.state = ok ? oscal::ObjectiveState::Satisfied : oscal::ObjectiveState::NotSatisfied;
        f.reason = ok ? "pass" : "fail";
        f.relatedObservations = observations;
        result.findings.push_back(std::move(f));
    }
    if (result.reviewedControls.empty())
        return Status(StatusCode::FAILED_PRECONDITION,
                      r.framework() + " has no platform controls mapped to it");
    doc.results.push_back(std::move(result));
    std::string json, error;
    if (!oscal::writeAssessmentResults(&doc, &json, &error))
        return Status(StatusCode::INTERNAL, "assessment results: " + error);
    out->set_document(std::move(json));
    out->set_file_name("assessment-results-" + fw + "-" + rfc3339(end).substr(0, 10) + ".json");
    return Status::OK;
}

} // namespace platformd::compliance
