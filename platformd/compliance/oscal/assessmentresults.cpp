#include "compliance/oscal/assessmentresults.h"

#include "compliance/oscal/private/jsonread.h"
#include "compliance/oscal/private/uuid.h"

#include <nlohmann/json.hpp>

#include <regex>
#include <set>

namespace platformd::compliance::oscal {

using namespace detail;

namespace {

using ojson = nlohmann::ordered_json;

const std::set<std::string> kMethods = {"EXAMINE", "INTERVIEW", "TEST", "UNKNOWN"};
const std::set<std::string> kTypes = {
    "ssp-statement-issue", "control-objective", "mitigation", "finding", "historic", "discovery"};

struct Invalid
{
    std::string what;
};

void need(bool ok, const std::string &path, const std::string &what)
{
    if (!ok)
        throw Invalid{path + ": " + what};
}

void needText(const std::string &value, const std::string &path)
{
    need(!value.empty(), path, "required");
}

void needTime(const std::string &value, const std::string &path, bool required)
{
    if (value.empty() && !required)
        return;
    need(isRfc3339DateTime(value), path,
         value.empty() ? "required" : "\"" + value + "\" is not an RFC 3339 date-time with a zone");
}

void fillUuid(std::string &uuid, const std::string &path)
{
    if (uuid.empty())
        uuid = uuidV4();
    need(isUuidV4(uuid) || std::regex_match(uuid, std::regex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-"
                                                             "fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-"
                                                             "F]{12}$")),
         path, "\"" + uuid + "\" is not a uuid");
}

ojson observationJson(Observation &o, const std::string &path)
{
    fillUuid(o.uuid, path + ".uuid");
    needText(o.description, path + ".description");
    need(!o.methods.empty(), path + ".methods", "at least one method");
    for (const std::string &m : o.methods)
        need(kMethods.count(m) > 0, path + ".methods", "\"" + m + "\" is not an OSCAL method");
    for (const std::string &t : o.types)
        need(kTypes.count(t) > 0, path + ".types",
             "\"" + t + "\" is not an OSCAL observation type");
    needTime(o.collected, path + ".collected", true);
    ojson j;
    j["uuid"] = o.uuid;
    if (!o.title.empty())
        j["title"] = o.title;
    j["description"] = o.description;
    j["methods"] = o.methods;
    if (!o.types.empty())
        j["types"] = o.types;
    j["collected"] = o.collected;
    if (!o.evidence.empty()) {
        ojson evidence = ojson::array();
        for (std::size_t i = 0; i < o.evidence.size(); ++i) {
            const Evidence &e = o.evidence[i];
            needText(e.description, path + ".evidence[" + std::to_string(i) + "].description");
            ojson ej;
            if (!e.href.empty())
                ej["href"] = e.href;
            ej["description"] = e.description;
            evidence.push_back(std::move(ej));
        }
        j["relevant-evidence"] = std::move(evidence);
    }
    return j;
}

ojson findingJson(Finding &f, const std::set<std::string> &observations, const std::string &path)
{
    fillUuid(f.uuid, path + ".uuid");
    needText(f.title, path + ".title");
    needText(f.description, path + ".description");
    needText(f.targetId, path + ".targetId");
    ojson j;
    j["uuid"] = f.uuid;
    j["title"] = f.title;
    j["description"] = f.description;
    ojson status;
    status["state"] = f.state == ObjectiveState::Satisfied ? "satisfied" : "not-satisfied";
    if (!f.reason.empty())
        status["reason"] = f.reason;
    j["target"] = {{"type", f.targetIsObjective ? "objective-id" : "statement-id"},
                   {"target-id", f.targetId},
                   {"status", std::move(status)}};
    if (!f.relatedObservations.empty()) {
        ojson related = ojson::array();
        for (const std::string &uuid : f.relatedObservations) {
            need(observations.count(uuid) > 0, path + ".relatedObservations",
                 "no observation " + uuid + " in this result");
            related.push_back({{"observation-uuid", uuid}});
        }
        j["related-observations"] = std::move(related);
    }
    return j;
}

ojson resultJson(AssessmentResult &r, const std::string &path)
{
    fillUuid(r.uuid, path + ".uuid");
    needText(r.title, path + ".title");
    needText(r.description, path + ".description");
    needTime(r.start, path + ".start", true);
    needTime(r.end, path + ".end", false);
    need(!r.reviewedControls.empty(), path + ".reviewedControls", "at least one control");
    ojson j;
    j["uuid"] = r.uuid;
    j["title"] = r.title;
    j["description"] = r.description;
    j["start"] = r.start;
    if (!r.end.empty())
        j["end"] = r.end;
    ojson include = ojson::array();
    for (const std::string &id : r.reviewedControls) {
        needText(id, path + ".reviewedControls");
        include.push_back({{"control-id", id}});
    }
    j["reviewed-controls"] = {
        {"control-selections", ojson::array({{{"include-controls", std::move(include)}}})}};
    std::set<std::string> observationUuids;
    if (!r.observations.empty()) {
        ojson observations = ojson::array();
        for (std::size_t i = 0; i < r.observations.size(); ++i) {
            observations.push_back(observationJson(r.observations[i], path + ".observations[" +
                                                                          std::to_string(i) + "]"));
            observationUuids.insert(r.observations[i].uuid);
        }
        j["observations"] = std::move(observations);
    }
    if (!r.findings.empty()) {
        ojson findings = ojson::array();
        for (std::size_t i = 0; i < r.findings.size(); ++i)
            findings.push_back(findingJson(r.findings[i], observationUuids,
                                           path + ".findings[" + std::to_string(i) + "]"));
        j["findings"] = std::move(findings);
    }
    return j;
}

} // namespace

bool writeAssessmentResults(AssessmentResults *doc, std::string *json, std::string *error)
{
    AssessmentResults filled = *doc; // uuids are only written back when the whole document is
    try {
        fillUuid(filled.uuid, "uuid");
        needText(filled.title, "title");
        needText(filled.version, "version");
        needText(filled.oscalVersion, "oscalVersion");
        needTime(filled.lastModified, "lastModified", true);
        needText(filled.importApHref, "importApHref");
        need(!filled.results.empty(), "results", "at least one result");
        ojson ar;
        ar["uuid"] = filled.uuid;
        ar["metadata"] = {{"title", filled.title},
                          {"last-modified", filled.lastModified},
                          {"version", filled.version},
                          {"oscal-version", filled.oscalVersion}};
        ar["import-ap"] = {{"href", filled.importApHref}};
        ojson results = ojson::array();
        for (std::size_t i = 0; i < filled.results.size(); ++i)
            results.push_back(resultJson(filled.results[i], "results[" + std::to_string(i) + "]"));
        ar["results"] = std::move(results);
        ojson root;
        root["assessment-results"] = std::move(ar);
        *json = root.dump(2);
        *doc = std::move(filled);
        return true;
    } catch (const Invalid &e) {
        if (error)
            *error = e.what;
    }
    return false;
}

bool readAssessmentResults(std::string_view text, AssessmentResults *out, std::string *error)
{
    try {
        json doc;
        try {
            doc = json::parse(text.begin(), text.end());
        } catch (const json::parse_error &e) {
            throw ReadError("", std::string("not JSON: ") + e.what());
        }
        object(doc, "");
        const std::string p = "/assessment-results";
        const json &a = object(required(doc, "assessment-results", ""), p);
        AssessmentResults r;
        r.uuid = requiredString(a, "uuid", p);
        const std::string mp = p + "/metadata";
        const json &m = object(required(a, "metadata", p), mp);
        r.title = requiredString(m, "title", mp);
        r.lastModified = requiredString(m, "last-modified", mp);
        r.version = requiredString(m, "version", mp);
        r.oscalVersion = requiredString(m, "oscal-version", mp);
        r.importApHref = requiredString(object(required(a, "import-ap", p), p + "/import-ap"),
                                        "href", p + "/import-ap");
        const json &results = required(a, "results", p);
        if (!results.is_array())
            throw ReadError(p + "/results", "expected an array");
        for (std::size_t i = 0; i < results.size(); ++i) {
            const std::string rp = child(p + "/results", i);
            const json &rj = object(results[i], rp);
            AssessmentResult res;
            res.uuid = requiredString(rj, "uuid", rp);
            res.title = requiredString(rj, "title", rp);
            res.description = requiredString(rj, "description", rp);
            res.start = requiredString(rj, "start", rp);
            res.end = optionalString(rj, "end", rp);
            const std::string cp = rp + "/reviewed-controls";
            const json &rc = object(required(rj, "reviewed-controls", rp), cp);
            const json &sels = required(rc, "control-selections", cp);
            if (!sels.is_array())
                throw ReadError(cp + "/control-selections", "expected an array");
            for (std::size_t s = 0; s < sels.size(); ++s) {
                const std::string sp = child(cp + "/control-selections", s);
                if (const json *inc = optionalArray(object(sels[s], sp), "include-controls", sp)) {
                    for (std::size_t c = 0; c < inc->size(); ++c) {
                        const std::string ip = child(sp + "/include-controls", c);
                        res.reviewedControls.push_back(
                            requiredString(object((*inc)[c], ip), "control-id", ip));
                    }
                }
            }
            if (const json *obs = optionalArray(rj, "observations", rp)) {
                for (std::size_t o = 0; o < obs->size(); ++o) {
                    const std::string op = child(rp + "/observations", o);
                    const json &oj = object((*obs)[o], op);
                    Observation ob;
                    ob.uuid = requiredString(oj, "uuid", op);
                    ob.title = optionalString(oj, "title", op);
                    ob.description = requiredString(oj, "description", op);
                    const json &methods = required(oj, "methods", op);
                    if (!methods.is_array())
                        throw ReadError(op + "/methods", "expected an array");
                    for (std::size_t k = 0; k < methods.size(); ++k)
                        ob.methods.push_back(stringValue(methods[k], child(op + "/methods", k)));
                    if (const json *types = optionalArray(oj, "types", op)) {
                        for (const json &t : *types)
                            ob.types.push_back(stringValue(t, op + "/types"));
                    }
                    ob.collected = requiredString(oj, "collected", op);
                    if (const json *ev = optionalArray(oj, "relevant-evidence", op)) {
                        for (std::size_t e = 0; e < ev->size(); ++e) {
                            const std::string ep = child(op + "/relevant-evidence", e);
                            const json &ej = object((*ev)[e], ep);
                            ob.evidence.push_back({optionalString(ej, "href", ep),
                                                   requiredString(ej, "description", ep)});
                        }
                    }
                    res.observations.push_back(std::move(ob));
                }
            }
            if (const json *fs = optionalArray(rj, "findings", rp)) {
                for (std::size_t f = 0; f < fs->size(); ++f) {
                    const std::string fp = child(rp + "/findings", f);
                    const json &fj = object((*fs)[f], fp);
                    Finding fi;
                    fi.uuid = requiredString(fj, "uuid", fp);
                    fi.title = requiredString(fj, "title", fp);
                    fi.description = requiredString(fj, "description", fp);
                    const std::string tp = fp + "/target";
                    const json &t = object(required(fj, "target", fp), tp);
                    const std::string type = requiredString(t, "type", tp);
                    if (type != "objective-id" && type != "statement-id")
                        throw ReadError(tp + "/type", "expected objective-id or statement-id");
                    fi.targetIsObjective = type == "objective-id";
                    fi.targetId = requiredString(t, "target-id", tp);
                    const json &st = object(required(t, "status", tp), tp + "/status");
                    const std::string state = requiredString(st, "state", tp + "/status");
                    if (state != "satisfied" && state != "not-satisfied")
                        throw ReadError(tp + "/status/state",
                                        "expected satisfied or not-satisfied");
                    fi.state = state == "satisfied" ? ObjectiveState::Satisfied
                                                    : ObjectiveState::NotSatisfied;
                    fi.reason = optionalString(st, "reason", tp + "/status");
                    if (const json *rel = optionalArray(fj, "related-observations", fp)) {
                        for (std::size_t k = 0; k < rel->size(); ++k) {
                            const std::string kp = child(fp + "/related-observations", k);
                            fi.relatedObservations.push_back(
                                requiredString(object((*rel)[k], kp), "observation-uuid", kp));
                        }
                    }
                    res.findings.push_back(std::move(fi));
                }
            }
            r.results.push_back(std::move(res));
        }
        *out = std::move(r);
        return true;
    } catch (const ReadError &e) {
        if (error)
            *error = e.what();
    } catch (const json::exception &e) {
        if (error)
            *error = std::string("invalid assessment results: ") + e.what();
    }
    return false;
}

std::string newUuid()
{
    return uuidV4();
}

bool isUuidV4(std::string_view text)
{
    static const std::regex re(
        "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    return std::regex_match(text.begin(), text.end(), re);
}

bool isRfc3339DateTime(std::string_view text)
{
    static const std::regex re(
        "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]"
        "):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):["
        "0-5][0-9])$");
    return std::regex_match(text.begin(), text.end(), re);
}

} // namespace platformd::compliance::oscal
