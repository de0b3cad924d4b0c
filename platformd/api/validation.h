#pragma once

#include <string>
#include <string_view>

namespace platformd::api {

// Resource ids: [a-z][a-z0-9-]{0,62}.
bool isValidId(std::string_view id);
// "regions/{id}" -> id. False when malformed.
bool parseRegionName(std::string_view name, std::string *id);
// "regions/{id}" or "regions/-" (id left empty). False when malformed.
bool parseRegionParent(std::string_view parent, std::string *id);

} // namespace platformd::api
