#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

// NIST OSCAL 1.x catalogs as plain values (issue 14). Any catalog of the OSCAL 1.0/1.1 JSON schema
// imports, not only NIST SP 800-53; members the model does not use are ignored. No Qt, no gRPC: the
// compliance module stores what this returns.
namespace platformd::compliance::oscal {

struct Property
{
    std::string name;
    std::string value;
    std::string ns;
    std::string cls; // "class"
};

struct Link
{
    std::string href; // "#ac-3", "#<resource uuid>", a URL
    std::string rel;  // "reference", "related", "required", ...
    std::string text;
};

// A part: "statement", "item", "guidance", "objective"/"assessment-objective",
// "assessment"/"assessment-method", ... Its prose keeps the {{ insert: param, id }} placeholders.
struct Part
{
    std::string id;
    std::string name;
    std::string ns;
    std::string cls;
    std::string title;
    std::string prose;
    std::vector<Property> props;
    std::vector<Part> parts;
    std::vector<Link> links;

    std::string label() const; // the "label" prop ("a.", "1."), empty when none
};

struct Constraint
{
    std::string description;
    std::vector<std::string> tests; // the tests' expressions
};

struct Parameter
{
    std::string id;
    std::string cls;
    std::string dependsOn;
    std::string label;
    std::string usage;
    std::vector<Property> props;
    std::vector<Link> links;
    std::vector<Constraint> constraints;
    std::vector<std::string> guidelines; // their prose
    std::vector<std::string> values;     // set values ("values", OSCAL 1.0 "value" too)
    bool hasSelect = false;
    std::string howMany; // select's "how-many": "", "one", "one-or-more"
    std::vector<std::string> choices;
};

struct Control
{
    std::string id;
    std::string cls; // "SP800-53", "SP800-53-enhancement", ...
    std::string title;
    std::vector<Parameter> params;
    std::vector<Property> props;
    std::vector<Link> links;
    std::vector<Part> parts;
    std::vector<Control> controls; // enhancements

    std::string label() const;                     // the "label" prop ("AC-2(1)"), else the id
    std::string sortId() const;                    // the "sort-id" prop ("ac-02.01"), else the id
    const Part *part(std::string_view name) const; // the first part with that name
};

struct Group
{
    std::string id;
    std::string cls;
    std::string title;
    std::vector<Parameter> params;
    std::vector<Property> props;
    std::vector<Link> links;
    std::vector<Part> parts;
    std::vector<Group> groups;
    std::vector<Control> controls;
};

struct Rlink
{
    std::string href;
    std::string mediaType;
};

struct Resource
{
    std::string uuid;
    std::string title;
    std::string description;
    std::vector<Rlink> rlinks;
    std::string citation; // citation text
};

struct Metadata
{
    std::string title;
    std::string version;
    std::string oscalVersion;
    std::string lastModified; // as written (RFC 3339)
    std::string published;
};

struct CatalogCounts
{
    std::size_t topGroups = 0;    // groups directly in the catalog (NIST: the families)
    std::size_t groups = 0;       // every group, nested ones too
    std::size_t controls = 0;     // controls whose parent is a group or the catalog
    std::size_t enhancements = 0; // controls nested in a control, at any depth
};

struct Catalog
{
    std::string uuid;
    Metadata metadata;
    std::vector<Parameter> params;
    std::vector<Control> controls; // controls outside any group
    std::vector<Group> groups;
    std::vector<Resource> backMatter;

    CatalogCounts counts() const;
    const Control *findControl(std::string_view id) const; // at any depth; nullptr when none
    const Parameter *findParam(std::string_view id) const; // catalog, group or control param
    const Resource *findResource(std::string_view uuid) const;
    // Every control, depth first in document order; depth 0 for a control outside any control.
    void forEachControl(const std::function<void(const Control &, int depth)> &visit) const;
    std::vector<std::string> controlIds() const; // document order
};

// Parses an OSCAL catalog JSON document ({"catalog": {...}}). Refuses, with *error naming the JSON
// pointer of the problem ("/catalog/groups/3/controls/7/id: missing"), anything that is not JSON,
// lacks catalog.uuid, metadata or metadata.title (or version, oscal-version, last-modified), has a
// control, group or param without an id, two controls with one id, or a member of the wrong type.
// *out is only written on success.
bool parseCatalog(std::string_view json, Catalog *out, std::string *error);

// How prose renders {{ insert: param, id }}.
enum class ParamInsert {
    Keep,       // leave the placeholder as written
    Substitute, // the param's values, else "[Selection (one or more): a; b]", else
                // "[Assignment: <label>]"
};

// A param's text as Substitute renders it.
std::string paramText(const Parameter &param,
                      const std::function<const Parameter *(std::string_view)> &lookup = {});
// Prose with its placeholders kept or substituted; unknown params stay as written.
std::string renderProse(std::string_view prose, ParamInsert mode,
                        const std::function<const Parameter *(std::string_view)> &lookup);
// A part and its sub-parts as readable text: one line per part, "<label> <prose>", two spaces of
// indent per level of nesting; the part's own title, when it has one and no prose, as a line.
std::string partText(const Part &part, ParamInsert mode,
                     const std::function<const Parameter *(std::string_view)> &lookup);
// Shortcut: the control's part of that name ("statement", "guidance", ...) rendered with the
// catalog's params; empty when the control has no such part.
std::string controlText(const Catalog &catalog, const Control &control, std::string_view partName,
                        ParamInsert mode);

} // namespace platformd::compliance::oscal
