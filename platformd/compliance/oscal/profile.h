#pragma once

#include "compliance/oscal/catalog.h"

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

// OSCAL 1.x profiles and their resolution against the catalogs they import (issue 14): a profile
// is resolved here, never taken from a pre-resolved file.
//
// Supported: imports of catalogs or of other profiles (resolved first; cycles refused) by relative
// path or by "#<back-matter uuid>" whose rlinks name the document (the JSON one preferred);
// include-all, include-controls and exclude-controls by with-ids or by matching patterns (glob: *
// and ?), with-child-controls "yes"; merge as-is (the source catalogs' group structure, only
// groups that keep a control; an included enhancement whose parent is not included moves up to
// the nearest kept group) and flat (every control a sibling; also what an absent merge gives);
// combine: a control imported twice keeps its first occurrence (a warning says so); modify:
// set-parameters (label, usage, class, values, select replace; props, links, constraints,
// guidelines are appended) and alters (removes by name, class, id, ns and item-name over the
// control's params, props, links (by-name matches a link's rel) and parts at any depth; adds of
// title, params, props, links and parts at starting / ending of the control or of the part named
// by by-id, or before / after that part: then its parts become the part's siblings and its props
// and links go to the part). Modifications naming what the resolved catalog lacks are warnings.
// Not supported: merge "custom" (refused with its path), insert-controls, XML or YAML documents.
namespace platformd::compliance::oscal {

struct ControlSelection
{
    std::vector<std::string> withIds;
    std::vector<std::string> matching; // glob patterns
    bool withChildControls = false;
};

struct ProfileImport
{
    std::string href;
    bool includeAll = false;
    std::vector<ControlSelection> include;
    std::vector<ControlSelection> exclude;
};

struct SetParameter
{
    std::string paramId;
    std::optional<std::string> label;
    std::optional<std::string> usage;
    std::optional<std::string> cls;
    std::optional<std::vector<std::string>> values;
    bool hasSelect = false; // select replaces the param's
    std::string howMany;
    std::vector<std::string> choices;
    std::vector<Property> props;
    std::vector<Link> links;
    std::vector<Constraint> constraints;
    std::vector<std::string> guidelines;
};

struct AlterRemove
{
    std::string byName;
    std::string byClass;
    std::string byId;
    std::string byItemName; // "param", "prop", "link", "part"
    std::string byNs;
};

struct AlterAdd
{
    std::string position = "ending"; // "starting", "ending", "before", "after"
    std::string byId;                // a part of the control (or the control); empty: the control
    std::optional<std::string> title;
    std::vector<Parameter> params;
    std::vector<Property> props;
    std::vector<Link> links;
    std::vector<Part> parts;
};

struct Alter
{
    std::string controlId;
    std::vector<AlterRemove> removes;
    std::vector<AlterAdd> adds;
};

enum class MergeMode { Flat, AsIs };

struct Profile
{
    std::string uuid;
    Metadata metadata;
    std::vector<ProfileImport> imports;
    MergeMode merge = MergeMode::Flat;
    std::vector<SetParameter> setParameters;
    std::vector<Alter> alters;
    std::vector<Resource> backMatter;
};

// Parses an OSCAL profile JSON document ({"profile": {...}}); on error *error names the JSON
// pointer ("/profile/imports/0/href: missing") and *out is untouched.
bool parseProfile(std::string_view json, Profile *out, std::string *error);

// Maps an import's href (a path as written in the profile or in a back-matter rlink) to the
// imported document's JSON text; false with *error when it cannot.
using DocumentResolver =
    std::function<bool(const std::string &href, std::string *documentJson, std::string *error)>;

// Reads href as a file path relative to baseDir (absolute paths and file: URLs as they are);
// anything with another URL scheme is refused.
DocumentResolver fileResolver(std::filesystem::path baseDir);

struct ResolvedProfile
{
    Catalog catalog; // the resolved catalog (uuid fresh, metadata the profile's)
    std::vector<std::string>
        warnings; // with-ids not in the catalog, alters of absent controls, ...
};

// Resolves a parsed profile: imports through `resolver`, selection, merge, modify. On error
// (an import that does not resolve or parse, a cycle, an unsupported merge) false with *error and
// *out untouched.
bool resolveProfile(const Profile &profile, const DocumentResolver &resolver, ResolvedProfile *out,
                    std::string *error);

// Reads, parses and resolves the profile file at `path`; imports go through `resolver`, by default
// fileResolver(the profile's directory).
bool resolveProfileFile(const std::filesystem::path &path, ResolvedProfile *out, std::string *error,
                        const DocumentResolver &resolver = {});

} // namespace platformd::compliance::oscal
