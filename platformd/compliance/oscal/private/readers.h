#pragma once

#include "compliance/oscal/catalog.h"
#include "compliance/oscal/private/jsonread.h"

// Readers of the OSCAL objects catalogs and profiles share (catalog.cpp). Each throws ReadError.
namespace platformd::compliance::oscal::detail {

Property readProperty(const json &v, const std::string &path);
std::vector<Property> readProperties(const json &obj, const std::string &path);
Link readLink(const json &v, const std::string &path);
std::vector<Link> readLinks(const json &obj, const std::string &path);
Part readPart(const json &v, const std::string &path);
std::vector<Part> readParts(const json &obj, const std::string &path);
Parameter readParameter(const json &v, const std::string &path);
std::vector<Parameter> readParameters(const json &obj, const std::string &path);
Metadata readMetadata(const json &obj, const std::string &path); // obj holds "metadata"
std::vector<Resource> readBackMatter(const json &obj, const std::string &path);
// A document's JSON, or ReadError at "" when it is not JSON.
json parseJson(std::string_view text);

} // namespace platformd::compliance::oscal::detail
