#include "compliance/oscal/profile.h"

#include "compliance/oscal/private/jsonread.h"
#include "compliance/oscal/private/uuid.h"

#include <fnmatch.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

// Profile resolution: imports, selection, merge, modify (see profile.h for what is supported).
namespace platformd::compliance::oscal {

namespace {

struct Context
{
    const DocumentResolver &resolver;
    std::vector<std::string> stack; // hrefs being resolved, to refuse cycles
    std::vector<std::string> warnings;
};

bool resolveInner(const Profile &profile, Context &ctx, Catalog *out, std::string *error);

// The href an import names: itself, or for "#uuid" the JSON rlink of that back-matter resource.
bool importTarget(const Profile &profile, const ProfileImport &imp, const std::string &path,
                  std::string *href, std::string *error)
{
    if (imp.href.empty() || imp.href.front() != '#') {
        *href = imp.href;
        return true;
    }
    const std::string uuid = imp.href.substr(1);
    for (const Resource &r : profile.backMatter) {
        if (r.uuid != uuid)
            continue;
        const Rlink *chosen = nullptr;
        for (const Rlink &l : r.rlinks) {
            const bool json = l.mediaType.find("json") != std::string::npos ||
                              (l.href.size() > 5 && l.href.ends_with(".json"));
            if (json) {
                chosen = &l;
                break;
            }
        }
        if (!chosen) {
            *error = path + "/href: back-matter resource " + uuid + " has no JSON rlink";
            return false;
        }
        *href = chosen->href;
        return true;
    }
    *error = path + "/href: no back-matter resource " + uuid;
    return false;
}

bool loadImport(const Profile &profile, const ProfileImport &imp, const std::string &path,
                Context &ctx, Catalog *catalog, std::string *error)
{
    std::string href;
    if (!importTarget(profile, imp, path, &href, error))
        return false;
    if (std::find(ctx.stack.begin(), ctx.stack.end(), href) != ctx.stack.end()) {
        *error = path + ": import cycle through " + href;
        return false;
    }
    std::string text;
    std::string why;
    if (!ctx.resolver || !ctx.resolver(href, &text, &why)) {
        *error = path + ": cannot resolve " + href + (why.empty() ? "" : ": " + why);
        return false;
    }
    nlohmann::json probe;
    try {
        probe = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error &) {
        *error = path + ": " + href + " is not JSON";
        return false;
    }
    if (probe.is_object() && probe.contains("profile")) {
        Profile inner;
        if (!parseProfile(text, &inner, &why)) {
            *error = path + ": " + href + ": " + why;
            return false;
        }
        ctx.stack.push_back(href);
        const bool ok = resolveInner(inner, ctx, catalog, &why);
        ctx.stack.pop_back();
        if (!ok)
            *error = path + ": " + href + ": " + why;
        return ok;
    }
    if (!parseCatalog(text, catalog, &why)) {
        *error = path + ": " + href + ": " + why;
        return false;
    }
    return true;
}

void addDescendants(const Control &c, std::set<std::string> &into)
{
    for (const Control &child : c.controls) {
        into.insert(child.id);
        addDescendants(child, into);
    }
}

void select(const Catalog &catalog, const std::unordered_map<std::string, const Control *> &byId,
            const ControlSelection &s, std::set<std::string> &into, const std::string &where,
            std::vector<std::string> &warnings)
{
    for (const std::string &id : s.withIds) {
        auto it = byId.find(id);
        if (it == byId.end()) {
            warnings.push_back(where + ": with-ids \"" + id + "\" is not in the catalog");
            continue;
        }
        into.insert(id);
        if (s.withChildControls)
            addDescendants(*it->second, into);
    }
    for (const std::string &pattern : s.matching) {
        catalog.forEachControl([&](const Control &c, int) {
            if (fnmatch(pattern.c_str(), c.id.c_str(), 0) == 0) {
                into.insert(c.id);
                if (s.withChildControls)
                    addDescendants(c, into);
            }
        });
    }
}

// The selected controls of `src`; a selected control under an unselected one moves up here.
std::vector<Control> keepAsIs(const std::vector<Control> &src, const std::set<std::string> &sel)
{
    std::vector<Control> out;
    for (const Control &c : src) {
        if (sel.count(c.id)) {
            Control copy = c;
            copy.controls = keepAsIs(c.controls, sel);
            out.push_back(std::move(copy));
        } else {
            for (Control &lifted : keepAsIs(c.controls, sel))
                out.push_back(std::move(lifted));
        }
    }
    return out;
}

std::vector<Group> keepGroups(const std::vector<Group> &src, const std::set<std::string> &sel)
{
    std::vector<Group> out;
    for (const Group &g : src) {
        Group copy = g;
        copy.controls = keepAsIs(g.controls, sel);
        copy.groups = keepGroups(g.groups, sel);
        if (!copy.controls.empty() || !copy.groups.empty())
            out.push_back(std::move(copy));
    }
    return out;
}

Control *findControl(std::vector<Control> &controls, const std::string &id)
{
    for (Control &c : controls) {
        if (c.id == id)
            return &c;
        if (Control *found = findControl(c.controls, id))
            return found;
    }
    return nullptr;
}

Control *findControl(Catalog &cat, const std::string &id)
{
    if (Control *c = findControl(cat.controls, id))
        return c;
    std::vector<std::vector<Group> *> pending{&cat.groups};
    while (!pending.empty()) {
        std::vector<Group> *groups = pending.back();
        pending.pop_back();
        for (Group &g : *groups) {
            if (Control *c = findControl(g.controls, id))
                return c;
            pending.push_back(&g.groups);
        }
    }
    return nullptr;
}

Parameter *findParam(std::vector<Parameter> &params, const std::string &id)
{
    for (Parameter &p : params) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

Parameter *findParam(std::vector<Control> &controls, const std::string &id)
{
    for (Control &c : controls) {
        if (Parameter *p = findParam(c.params, id))
            return p;
        if (Parameter *p = findParam(c.controls, id))
            return p;
    }
    return nullptr;
}

Parameter *findParam(std::vector<Group> &groups, const std::string &id)
{
    for (Group &g : groups) {
        if (Parameter *p = findParam(g.params, id))
            return p;
        if (Parameter *p = findParam(g.controls, id))
            return p;
        if (Parameter *p = findParam(g.groups, id))
            return p;
    }
    return nullptr;
}

void setParameter(Parameter &p, const SetParameter &s)
{
    if (s.label)
        p.label = *s.label;
    if (s.usage)
        p.usage = *s.usage;
    if (s.cls)
        p.cls = *s.cls;
    if (s.values)
        p.values = *s.values;
    if (s.hasSelect) {
        p.hasSelect = true;
        p.howMany = s.howMany;
        p.choices = s.choices;
    }
    p.props.insert(p.props.end(), s.props.begin(), s.props.end());
    p.links.insert(p.links.end(), s.links.begin(), s.links.end());
    p.constraints.insert(p.constraints.end(), s.constraints.begin(), s.constraints.end());
    p.guidelines.insert(p.guidelines.end(), s.guidelines.begin(), s.guidelines.end());
}

bool matches(const AlterRemove &r, std::string_view item, std::string_view name,
             std::string_view cls, std::string_view id, std::string_view ns)
{
    if (!r.byItemName.empty() && r.byItemName != item)
        return false;
    if (!r.byName.empty() && r.byName != name)
        return false;
    if (!r.byClass.empty() && r.byClass != cls)
        return false;
    if (!r.byId.empty() && r.byId != id)
        return false;
    if (!r.byNs.empty() && r.byNs != ns)
        return false;
    return true;
}

template<typename T, typename Pred>
std::size_t eraseIf(std::vector<T> &v, Pred pred)
{
    const auto before = v.size();
    v.erase(std::remove_if(v.begin(), v.end(), pred), v.end());
    return before - v.size();
}

std::size_t removeFrom(std::vector<Property> &props, std::vector<Link> &links,
                       std::vector<Part> &parts, const AlterRemove &r)
{
    std::size_t n = eraseIf(
        props, [&](const Property &p) { return matches(r, "prop", p.name, p.cls, "", p.ns); });
    n += eraseIf(links, [&](const Link &l) { return matches(r, "link", l.rel, "", "", ""); });
    n += eraseIf(parts,
                 [&](const Part &p) { return matches(r, "part", p.name, p.cls, p.id, p.ns); });
    for (Part &p : parts)
        n += removeFrom(p.props, p.links, p.parts, r);
    return n;
}

// Where a part with that id sits: its vector and index.
bool locatePart(std::vector<Part> &parts, const std::string &id, std::vector<Part> **owner,
                std::size_t *index)
{
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].id == id) {
            *owner = &parts;
            *index = i;
            return true;
        }
        if (locatePart(parts[i].parts, id, owner, index))
            return true;
    }
    return false;
}

template<typename T>
void place(std::vector<T> &into, const std::vector<T> &items, bool starting)
{
    into.insert(starting ? into.begin() : into.end(), items.begin(), items.end());
}

void applyAlter(Control &control, const Alter &alter, const std::string &where,
                std::vector<std::string> &warnings)
{
    for (std::size_t i = 0; i < alter.removes.size(); ++i) {
        const AlterRemove &r = alter.removes[i];
        std::size_t n = eraseIf(control.params, [&](const Parameter &p) {
            return matches(r, "param", "", p.cls, p.id, "");
        });
        n += removeFrom(control.props, control.links, control.parts, r);
        if (n == 0)
            warnings.push_back(where + "/removes/" + std::to_string(i) + ": removed nothing");
    }
    for (std::size_t i = 0; i < alter.adds.size(); ++i) {
        const AlterAdd &add = alter.adds[i];
        const bool starting = add.position == "starting";
        if (add.byId.empty() || add.byId == control.id) {
            if (add.title)
                control.title = *add.title;
            place(control.params, add.params, starting);
            place(control.props, add.props, starting);
            place(control.links, add.links, starting);
            place(control.parts, add.parts, starting);
            continue;
        }
        std::vector<Part> *owner = nullptr;
        std::size_t index = 0;
        if (!locatePart(control.parts, add.byId, &owner, &index)) {
            warnings.push_back(where + "/adds/" + std::to_string(i) + ": no part \"" + add.byId +
                               "\" in " + control.id);
            continue;
        }
        if (add.position == "before" || add.position == "after") {
            // parts become siblings of the target; its props and links join the target
            const auto at = owner->begin() + std::ptrdiff_t(index + (add.position == "after"));
            owner->insert(at, add.parts.begin(), add.parts.end());
            Part &target = (*owner)[add.position == "after" ? index : index + add.parts.size()];
            place(target.props, add.props, false);
            place(target.links, add.links, false);
        } else {
            Part &target = (*owner)[index];
            if (add.title)
                target.title = *add.title;
            place(target.props, add.props, starting);
            place(target.links, add.links, starting);
            place(target.parts, add.parts, starting);
        }
        if (!add.params.empty())
            place(control.params, add.params, starting);
    }
}

bool resolveInner(const Profile &profile, Context &ctx, Catalog *out, std::string *error)
{
    Catalog result;
    result.uuid = detail::uuidV4();
    result.metadata = profile.metadata;
    std::unordered_set<std::string> taken;            // control ids already imported
    std::unordered_set<std::string> resources, param; // back-matter uuids, catalog param ids
    for (std::size_t i = 0; i < profile.imports.size(); ++i) {
        const ProfileImport &imp = profile.imports[i];
        const std::string path = "/profile/imports/" + std::to_string(i);
        Catalog source;
        if (!loadImport(profile, imp, path, ctx, &source, error))
            return false;
        std::unordered_map<std::string, const Control *> byId;
        source.forEachControl([&byId](const Control &c, int) { byId.emplace(c.id, &c); });
        std::set<std::string> selected;
        if (imp.includeAll) {
            for (const auto &[id, c] : byId)
                selected.insert(id);
        }
        for (std::size_t s = 0; s < imp.include.size(); ++s)
            select(source, byId, imp.include[s], selected,
                   path + "/include-controls/" + std::to_string(s), ctx.warnings);
        std::set<std::string> excluded;
        for (std::size_t s = 0; s < imp.exclude.size(); ++s)
            select(source, byId, imp.exclude[s], excluded,
                   path + "/exclude-controls/" + std::to_string(s), ctx.warnings);
        for (const std::string &id : excluded)
            selected.erase(id);
        for (auto it = selected.begin(); it != selected.end();) {
            if (!taken.insert(*it).second) {
                ctx.warnings.push_back(path + ": control \"" + *it +
                                       "\" was already imported; the first one is kept");
                it = selected.erase(it);
            } else {
                ++it;
            }
        }
        if (profile.merge == MergeMode::AsIs) {
            for (Control &c : keepAsIs(source.controls, selected))
                result.controls.push_back(std::move(c));
            for (Group &g : keepGroups(source.groups, selected))
                result.groups.push_back(std::move(g));
        } else {
            source.forEachControl([&](const Control &c, int) {
                if (selected.count(c.id)) {
                    Control copy = c;
                    copy.controls.clear();
                    result.controls.push_back(std::move(copy));
                }
            });
        }
        for (const Parameter &p : source.params) {
            if (param.insert(p.id).second)
                result.params.push_back(p);
        }
        for (const Resource &r : source.backMatter) {
            if (resources.insert(r.uuid).second)
                result.backMatter.push_back(r);
        }
    }
    for (std::size_t i = 0; i < profile.setParameters.size(); ++i) {
        const SetParameter &s = profile.setParameters[i];
        Parameter *p = findParam(result.params, s.paramId);
        if (!p)
            p = findParam(result.controls, s.paramId);
        if (!p)
            p = findParam(result.groups, s.paramId);
        if (p)
            setParameter(*p, s);
        else
            ctx.warnings.push_back("/profile/modify/set-parameters/" + std::to_string(i) +
                                   ": param \"" + s.paramId + "\" is not in the resolved catalog");
    }
    for (std::size_t i = 0; i < profile.alters.size(); ++i) {
        const Alter &alter = profile.alters[i];
        const std::string where = "/profile/modify/alters/" + std::to_string(i);
        if (Control *c = findControl(result, alter.controlId))
            applyAlter(*c, alter, where, ctx.warnings);
        else
            ctx.warnings.push_back(where + ": control \"" + alter.controlId +
                                   "\" is not in the resolved catalog");
    }
    *out = std::move(result);
    return true;
}

} // namespace

bool resolveProfile(const Profile &profile, const DocumentResolver &resolver, ResolvedProfile *out,
                    std::string *error)
{
    Context ctx{resolver, {}, {}};
    Catalog catalog;
    std::string why;
    if (!resolveInner(profile, ctx, &catalog, &why)) {
        if (error)
            *error = why;
        return false;
    }
    out->catalog = std::move(catalog);
    out->warnings = std::move(ctx.warnings);
    return true;
}

} // namespace platformd::compliance::oscal
