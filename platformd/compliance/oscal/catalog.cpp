#include "compliance/oscal/catalog.h"

#include "compliance/oscal/private/readers.h"

#include <set>
#include <unordered_map>

namespace platformd::compliance::oscal {

using namespace detail;

namespace detail {

json parseJson(std::string_view text)
{
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error &e) {
        throw ReadError("", std::string("not JSON: ") + e.what());
    }
}

Property readProperty(const json &v, const std::string &path)
{
    object(v, path);
    Property p;
    p.name = requiredString(v, "name", path);
    // OSCAL 1.x values are strings; be strict, the schema is.
    p.value = stringValue(required(v, "value", path), child(path, "value"));
    p.ns = optionalString(v, "ns", path);
    p.cls = optionalString(v, "class", path);
    return p;
}

std::vector<Property> readProperties(const json &obj, const std::string &path)
{
    std::vector<Property> out;
    if (const json *a = optionalArray(obj, "props", path)) {
        out.reserve(a->size());
        for (std::size_t i = 0; i < a->size(); ++i)
            out.push_back(readProperty((*a)[i], child(child(path, "props"), i)));
    }
    return out;
}

Link readLink(const json &v, const std::string &path)
{
    object(v, path);
    Link l;
    l.href = requiredString(v, "href", path);
    l.rel = optionalString(v, "rel", path);
    l.text = optionalString(v, "text", path);
    return l;
}

std::vector<Link> readLinks(const json &obj, const std::string &path)
{
    std::vector<Link> out;
    if (const json *a = optionalArray(obj, "links", path)) {
        out.reserve(a->size());
        for (std::size_t i = 0; i < a->size(); ++i)
            out.push_back(readLink((*a)[i], child(child(path, "links"), i)));
    }
    return out;
}

Part readPart(const json &v, const std::string &path)
{
    const DepthGuard guard(path);
    object(v, path);
    Part p;
    p.id = optionalString(v, "id", path);
    p.name = requiredString(v, "name", path);
    p.ns = optionalString(v, "ns", path);
    p.cls = optionalString(v, "class", path);
    p.title = optionalString(v, "title", path);
    p.prose = optionalString(v, "prose", path);
    p.props = readProperties(v, path);
    p.links = readLinks(v, path);
    p.parts = readParts(v, path);
    return p;
}

std::vector<Part> readParts(const json &obj, const std::string &path)
{
    std::vector<Part> out;
    if (const json *a = optionalArray(obj, "parts", path)) {
        out.reserve(a->size());
        for (std::size_t i = 0; i < a->size(); ++i)
            out.push_back(readPart((*a)[i], child(child(path, "parts"), i)));
    }
    return out;
}

static std::vector<std::string> readStrings(const json &a, const std::string &path)
{
    std::vector<std::string> out;
    out.reserve(a.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        out.push_back(stringValue(a[i], child(path, i)));
    return out;
}

Parameter readParameter(const json &v, const std::string &path)
{
    object(v, path);
    Parameter p;
    p.id = requiredString(v, "id", path);
    p.cls = optionalString(v, "class", path);
    p.dependsOn = optionalString(v, "depends-on", path);
    p.label = optionalString(v, "label", path);
    p.usage = optionalString(v, "usage", path);
    p.props = readProperties(v, path);
    p.links = readLinks(v, path);
    if (const json *a = optionalArray(v, "constraints", path)) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string cp = child(child(path, "constraints"), i);
            const json &c = object((*a)[i], cp);
            Constraint constraint;
            constraint.description = optionalString(c, "description", cp);
            if (const json *tests = optionalArray(c, "tests", cp)) {
                for (std::size_t t = 0; t < tests->size(); ++t) {
                    const std::string tp = child(child(cp, "tests"), t);
                    constraint.tests.push_back(
                        requiredString(object((*tests)[t], tp), "expression", tp));
                }
            }
            p.constraints.push_back(std::move(constraint));
        }
    }
    if (const json *a = optionalArray(v, "guidelines", path)) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string gp = child(child(path, "guidelines"), i);
            p.guidelines.push_back(requiredString(object((*a)[i], gp), "prose", gp));
        }
    }
    if (const json *a = optionalArray(v, "values", path))
        p.values = readStrings(*a, child(path, "values"));
    else if (const json *one = member(v, "value")) // OSCAL 1.0.0-rc
        p.values.push_back(stringValue(*one, child(path, "value")));
    if (const json *sel = member(v, "select")) {
        const std::string sp = child(path, "select");
        object(*sel, sp);
        p.hasSelect = true;
        p.howMany = optionalString(*sel, "how-many", sp);
        if (const json *a = optionalArray(*sel, "choice", sp))
            p.choices = readStrings(*a, child(sp, "choice"));
    }
    return p;
}

std::vector<Parameter> readParameters(const json &obj, const std::string &path)
{
    std::vector<Parameter> out;
    if (const json *a = optionalArray(obj, "params", path)) {
        out.reserve(a->size());
        for (std::size_t i = 0; i < a->size(); ++i)
            out.push_back(readParameter((*a)[i], child(child(path, "params"), i)));
    }
    return out;
}

Metadata readMetadata(const json &obj, const std::string &path)
{
    const std::string mp = child(path, "metadata");
    const json &m = object(required(obj, "metadata", path), mp);
    Metadata md;
    md.title = requiredString(m, "title", mp);
    md.lastModified = requiredString(m, "last-modified", mp);
    md.version = requiredString(m, "version", mp);
    md.oscalVersion = requiredString(m, "oscal-version", mp);
    md.published = optionalString(m, "published", mp);
    return md;
}

std::vector<Resource> readBackMatter(const json &obj, const std::string &path)
{
    std::vector<Resource> out;
    const json *bm = member(obj, "back-matter");
    if (!bm)
        return out;
    const std::string bp = child(path, "back-matter");
    object(*bm, bp);
    const json *a = optionalArray(*bm, "resources", bp);
    if (!a)
        return out;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string rp = child(child(bp, "resources"), i);
        const json &r = object((*a)[i], rp);
        Resource res;
        res.uuid = requiredString(r, "uuid", rp);
        res.title = optionalString(r, "title", rp);
        res.description = optionalString(r, "description", rp);
        if (const json *c = member(r, "citation")) {
            const std::string cp = child(rp, "citation");
            res.citation = requiredString(object(*c, cp), "text", cp);
        }
        if (const json *links = optionalArray(r, "rlinks", rp)) {
            for (std::size_t l = 0; l < links->size(); ++l) {
                const std::string lp = child(child(rp, "rlinks"), l);
                const json &rl = object((*links)[l], lp);
                res.rlinks.push_back(
                    {requiredString(rl, "href", lp), optionalString(rl, "media-type", lp)});
            }
        }
        out.push_back(std::move(res));
    }
    return out;
}

} // namespace detail

namespace {

struct CatalogReader
{
    std::unordered_map<std::string, std::string> controlPaths; // id -> where first seen

    Control control(const json &v, const std::string &path)
    {
        const DepthGuard guard(path);
        object(v, path);
        Control c;
        c.id = requiredString(v, "id", path);
        auto [it, fresh] = controlPaths.emplace(c.id, path);
        if (!fresh)
            throw ReadError(child(path, "id"),
                            "duplicate control id \"" + c.id + "\" (first at " + it->second + ")");
        c.cls = optionalString(v, "class", path);
        c.title = requiredString(v, "title", path);
        c.params = readParameters(v, path);
        c.props = readProperties(v, path);
        c.links = readLinks(v, path);
        c.parts = readParts(v, path);
        c.controls = controls(v, path);
        return c;
    }

    std::vector<Control> controls(const json &obj, const std::string &path)
    {
        std::vector<Control> out;
        if (const json *a = optionalArray(obj, "controls", path)) {
            out.reserve(a->size());
            for (std::size_t i = 0; i < a->size(); ++i)
                out.push_back(control((*a)[i], child(child(path, "controls"), i)));
        }
        return out;
    }

    Group group(const json &v, const std::string &path)
    {
        const DepthGuard guard(path);
        object(v, path);
        Group g;
        g.id = optionalString(v, "id", path);
        g.cls = optionalString(v, "class", path);
        g.title = requiredString(v, "title", path);
        g.params = readParameters(v, path);
        g.props = readProperties(v, path);
        g.links = readLinks(v, path);
        g.parts = readParts(v, path);
        g.groups = groups(v, path);
        g.controls = controls(v, path);
        return g;
    }

    std::vector<Group> groups(const json &obj, const std::string &path)
    {
        std::vector<Group> out;
        if (const json *a = optionalArray(obj, "groups", path)) {
            out.reserve(a->size());
            for (std::size_t i = 0; i < a->size(); ++i)
                out.push_back(group((*a)[i], child(child(path, "groups"), i)));
        }
        return out;
    }
};

std::string propValue(const std::vector<Property> &props, std::string_view name)
{
    for (const Property &p : props) {
        if (p.name == name && (p.ns.empty() || p.ns == "http://csrc.nist.gov/ns/oscal"))
            return p.value;
    }
    return {};
}

void visitControls(const std::vector<Control> &controls, int depth,
                   const std::function<void(const Control &, int)> &visit)
{
    for (const Control &c : controls) {
        visit(c, depth);
        visitControls(c.controls, depth + 1, visit);
    }
}

void visitGroups(const std::vector<Group> &groups,
                 const std::function<void(const Control &, int)> &visit)
{
    for (const Group &g : groups) {
        visitControls(g.controls, 0, visit);
        visitGroups(g.groups, visit);
    }
}

std::size_t countGroups(const std::vector<Group> &groups)
{
    std::size_t n = groups.size();
    for (const Group &g : groups)
        n += countGroups(g.groups);
    return n;
}

const Parameter *findIn(const std::vector<Parameter> &params, std::string_view id)
{
    for (const Parameter &p : params) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const Parameter *findParamInControls(const std::vector<Control> &controls, std::string_view id)
{
    for (const Control &c : controls) {
        if (const Parameter *p = findIn(c.params, id))
            return p;
        if (const Parameter *p = findParamInControls(c.controls, id))
            return p;
    }
    return nullptr;
}

const Parameter *findParamInGroups(const std::vector<Group> &groups, std::string_view id)
{
    for (const Group &g : groups) {
        if (const Parameter *p = findIn(g.params, id))
            return p;
        if (const Parameter *p = findParamInControls(g.controls, id))
            return p;
        if (const Parameter *p = findParamInGroups(g.groups, id))
            return p;
    }
    return nullptr;
}

} // namespace

std::string Part::label() const
{
    return propValue(props, "label");
}

std::string Control::label() const
{
    std::string l = propValue(props, "label");
    return l.empty() ? id : l;
}

std::string Control::sortId() const
{
    std::string s = propValue(props, "sort-id");
    return s.empty() ? id : s;
}

const Part *Control::part(std::string_view name) const
{
    for (const Part &p : parts) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

CatalogCounts Catalog::counts() const
{
    CatalogCounts n;
    n.topGroups = groups.size();
    n.groups = countGroups(groups);
    forEachControl(
        [&n](const Control &, int depth) { ++(depth == 0 ? n.controls : n.enhancements); });
    return n;
}

void Catalog::forEachControl(const std::function<void(const Control &, int)> &visit) const
{
    visitControls(controls, 0, visit);
    visitGroups(groups, visit);
}

const Control *Catalog::findControl(std::string_view id) const
{
    const Control *found = nullptr;
    forEachControl([&](const Control &c, int) {
        if (!found && c.id == id)
            found = &c;
    });
    return found;
}

const Parameter *Catalog::findParam(std::string_view id) const
{
    if (const Parameter *p = findIn(params, id))
        return p;
    if (const Parameter *p = findParamInControls(controls, id))
        return p;
    return findParamInGroups(groups, id);
}

const Resource *Catalog::findResource(std::string_view id) const
{
    for (const Resource &r : backMatter) {
        if (r.uuid == id)
            return &r;
    }
    return nullptr;
}

std::vector<std::string> Catalog::controlIds() const
{
    std::vector<std::string> ids;
    forEachControl([&ids](const Control &c, int) { ids.push_back(c.id); });
    return ids;
}

bool parseCatalog(std::string_view text, Catalog *out, std::string *error)
{
    try {
        const json doc = parseJson(text);
        object(doc, "");
        const std::string path = "/catalog";
        const json &c = object(required(doc, "catalog", ""), path);
        Catalog cat;
        cat.uuid = requiredString(c, "uuid", path);
        cat.metadata = readMetadata(c, path);
        cat.params = readParameters(c, path);
        CatalogReader reader;
        cat.controls = reader.controls(c, path);
        cat.groups = reader.groups(c, path);
        cat.backMatter = readBackMatter(c, path);
        *out = std::move(cat);
        return true;
    } catch (const ReadError &e) {
        if (error)
            *error = e.what();
    } catch (const json::exception &e) { // defensive: a read the helpers did not check
        if (error)
            *error = std::string("invalid OSCAL: ") + e.what();
    }
    return false;
}

} // namespace platformd::compliance::oscal
