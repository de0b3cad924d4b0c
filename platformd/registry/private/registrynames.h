#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// Resource names of the model registry (docs/API.md): models/{model},
// models/{model}/versions/{n}, models/{model}/deployments/{id},
// models/{model}/approvalRequests/{id}.
namespace platformd::registry::names {

bool isValidId(std::string_view id); // [a-z][a-z0-9-]{0,62}
// "models/{id}" -> id.
bool parseModel(std::string_view name, std::string *id);
// "models/{id}" or "models/-" (id left empty).
bool parseModelParent(std::string_view parent, std::string *id);
// "models/{id}/versions/{n}" with n >= 1.
bool parseVersion(std::string_view name, std::string *id, std::int64_t *number);
// "models/{id}/{collection}/{child}".
bool parseChild(std::string_view name, std::string_view collection, std::string *id,
                std::string *child);

std::string model(const std::string &id);
std::string version(const std::string &id, std::int64_t number);
// "models/x/versions/3" -> "x"; the model id of any registry name.
std::string modelIdOf(std::string_view name);

} // namespace platformd::registry::names
