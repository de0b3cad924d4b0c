#include "compliance/oscal/profile.h"

#include "compliance/oscal/private/readers.h"

#include <fstream>
#include <sstream>

// Parsing OSCAL profiles; resolution is in resolve.cpp.
namespace platformd::compliance::oscal {

using namespace detail;

namespace {

std::vector<std::string> strings(const json &obj, const char *key, const std::string &path)
{
    std::vector<std::string> out;
    if (const json *a = optionalArray(obj, key, path)) {
        for (std::size_t i = 0; i < a->size(); ++i)
            out.push_back(stringValue((*a)[i], child(child(path, key), i)));
    }
    return out;
}

ControlSelection readSelection(const json &v, const std::string &path)
{
    object(v, path);
    ControlSelection s;
    s.withIds = strings(v, "with-ids", path);
    if (const json *a = optionalArray(v, "matching", path)) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string mp = child(child(path, "matching"), i);
            s.matching.push_back(requiredString(object((*a)[i], mp), "pattern", mp));
        }
    }
    const std::string children = optionalString(v, "with-child-controls", path);
    if (!children.empty() && children != "yes" && children != "no")
        throw ReadError(child(path, "with-child-controls"), "expected \"yes\" or \"no\"");
    s.withChildControls = children == "yes";
    return s;
}

std::vector<ControlSelection> readSelections(const json &obj, const char *key,
                                             const std::string &path)
{
    std::vector<ControlSelection> out;
    if (const json *a = optionalArray(obj, key, path)) {
        for (std::size_t i = 0; i < a->size(); ++i)
            out.push_back(readSelection((*a)[i], child(child(path, key), i)));
    }
    return out;
}

ProfileImport readImport(const json &v, const std::string &path)
{
    object(v, path);
    ProfileImport imp;
    imp.href = requiredString(v, "href", path);
    if (const json *all = member(v, "include-all")) {
        object(*all, child(path, "include-all"));
        imp.includeAll = true;
    }
    imp.include = readSelections(v, "include-controls", path);
    imp.exclude = readSelections(v, "exclude-controls", path);
    if (!imp.includeAll && imp.include.empty())
        throw ReadError(path, "neither include-all nor include-controls");
    return imp;
}

SetParameter readSetParameter(const json &v, const std::string &path)
{
    object(v, path);
    SetParameter s;
    s.paramId = requiredString(v, "param-id", path);
    if (member(v, "label"))
        s.label = optionalString(v, "label", path);
    if (member(v, "usage"))
        s.usage = optionalString(v, "usage", path);
    if (member(v, "class"))
        s.cls = optionalString(v, "class", path);
    if (optionalArray(v, "values", path))
        s.values = strings(v, "values", path);
    if (const json *sel = member(v, "select")) {
        const std::string sp = child(path, "select");
        object(*sel, sp);
        s.hasSelect = true;
        s.howMany = optionalString(*sel, "how-many", sp);
        s.choices = strings(*sel, "choice", sp);
    }
    s.props = readProperties(v, path);
    s.links = readLinks(v, path);
    // constraints and guidelines read as a parameter's would be
    json asParam = json::object();
    asParam["id"] = s.paramId;
    for (const char *key : {"constraints", "guidelines"}) {
        if (const json *m = member(v, key))
            asParam[key] = *m;
    }
    const Parameter p = readParameter(asParam, path);
    s.constraints = p.constraints;
    s.guidelines = p.guidelines;
    return s;
}

Alter readAlter(const json &v, const std::string &path)
{
    object(v, path);
    Alter a;
    a.controlId = requiredString(v, "control-id", path);
    if (const json *rs = optionalArray(v, "removes", path)) {
        for (std::size_t i = 0; i < rs->size(); ++i) {
            const std::string rp = child(child(path, "removes"), i);
            const json &r = object((*rs)[i], rp);
            AlterRemove rm;
            rm.byName = optionalString(r, "by-name", rp);
            rm.byClass = optionalString(r, "by-class", rp);
            rm.byId = optionalString(r, "by-id", rp);
            rm.byItemName = optionalString(r, "by-item-name", rp);
            rm.byNs = optionalString(r, "by-ns", rp);
            if (rm.byName.empty() && rm.byClass.empty() && rm.byId.empty() &&
                rm.byItemName.empty() && rm.byNs.empty())
                throw ReadError(rp, "a remove names nothing to remove");
            a.removes.push_back(std::move(rm));
        }
    }
    if (const json *as = optionalArray(v, "adds", path)) {
        for (std::size_t i = 0; i < as->size(); ++i) {
            const std::string ap = child(child(path, "adds"), i);
            const json &j = object((*as)[i], ap);
            AlterAdd add;
            const std::string position = optionalString(j, "position", ap);
            if (!position.empty()) {
                if (position != "starting" && position != "ending" && position != "before" &&
                    position != "after")
                    throw ReadError(child(ap, "position"),
                                    "expected starting, ending, before or after");
                add.position = position;
            }
            add.byId = optionalString(j, "by-id", ap);
            if ((add.position == "before" || add.position == "after") && add.byId.empty())
                throw ReadError(ap, "position " + add.position + " needs by-id");
            if (member(j, "title"))
                add.title = optionalString(j, "title", ap);
            add.params = readParameters(j, ap);
            add.props = readProperties(j, ap);
            add.links = readLinks(j, ap);
            add.parts = readParts(j, ap);
            a.adds.push_back(std::move(add));
        }
    }
    return a;
}

} // namespace

bool parseProfile(std::string_view text, Profile *out, std::string *error)
{
    try {
        const json doc = parseJson(text);
        object(doc, "");
        const std::string path = "/profile";
        const json &p = object(required(doc, "profile", ""), path);
        Profile profile;
        profile.uuid = requiredString(p, "uuid", path);
        profile.metadata = readMetadata(p, path);
        const json &imports = required(p, "imports", path);
        if (!imports.is_array() || imports.empty())
            throw ReadError(child(path, "imports"), "expected a non-empty array");
        for (std::size_t i = 0; i < imports.size(); ++i)
            profile.imports.push_back(readImport(imports[i], child(child(path, "imports"), i)));
        if (const json *merge = member(p, "merge")) {
            const std::string mp = child(path, "merge");
            object(*merge, mp);
            if (member(*merge, "custom"))
                throw ReadError(child(mp, "custom"), "merge custom is not supported");
            if (const json *asIs = member(*merge, "as-is")) {
                if (!asIs->is_boolean())
                    throw ReadError(child(mp, "as-is"), "expected a boolean");
                if (asIs->get<bool>())
                    profile.merge = MergeMode::AsIs;
            }
            if (const json *combine = member(*merge, "combine")) {
                const std::string cp = child(mp, "combine");
                const std::string method = optionalString(object(*combine, cp), "method", cp);
                if (!method.empty() && method != "use-first")
                    throw ReadError(child(cp, "method"),
                                    "combine method \"" + method + "\" is not supported");
            }
        }
        if (const json *modify = member(p, "modify")) {
            const std::string mp = child(path, "modify");
            object(*modify, mp);
            if (const json *a = optionalArray(*modify, "set-parameters", mp)) {
                for (std::size_t i = 0; i < a->size(); ++i)
                    profile.setParameters.push_back(
                        readSetParameter((*a)[i], child(child(mp, "set-parameters"), i)));
            }
            if (const json *a = optionalArray(*modify, "alters", mp)) {
                for (std::size_t i = 0; i < a->size(); ++i)
                    profile.alters.push_back(readAlter((*a)[i], child(child(mp, "alters"), i)));
            }
        }
        profile.backMatter = readBackMatter(p, path);
        *out = std::move(profile);
        return true;
    } catch (const ReadError &e) {
        if (error)
            *error = e.what();
    } catch (const json::exception &e) {
        if (error)
            *error = std::string("invalid OSCAL: ") + e.what();
    }
    return false;
}

DocumentResolver fileResolver(std::filesystem::path baseDir)
{
    return [baseDir = std::move(baseDir)](const std::string &href, std::string *documentJson,
                                          std::string *error) {
        std::string ref = href;
        if (ref.rfind("file://", 0) == 0)
            ref = ref.substr(7);
        else if (ref.find("://") != std::string::npos) {
            *error = href + ": only files are resolved, not URLs";
            return false;
        }
        std::filesystem::path path(ref);
        if (path.is_relative())
            path = baseDir / path;
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            *error = href + ": cannot read " + path.string();
            return false;
        }
        std::ostringstream buffer;
        buffer << in.rdbuf();
        *documentJson = buffer.str();
        return true;
    };
}

bool resolveProfileFile(const std::filesystem::path &path, ResolvedProfile *out, std::string *error,
                        const DocumentResolver &resolver)
{
    std::string text;
    std::string readError;
    if (!fileResolver({})(std::filesystem::absolute(path).string(), &text, &readError)) {
        *error = readError;
        return false;
    }
    Profile profile;
    if (!parseProfile(text, &profile, error))
        return false;
    return resolveProfile(
        profile, resolver ? resolver : fileResolver(std::filesystem::absolute(path).parent_path()),
        out, error);
}

} // namespace platformd::compliance::oscal
