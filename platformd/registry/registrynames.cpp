#include "registry/private/registrynames.h"

#include "core/validation.h"

#include <charconv>

namespace platformd::registry::names {

bool isValidId(std::string_view id)
{
    return core::isValidId(id);
}

bool parseModel(std::string_view name, std::string *id)
{
    if (!name.starts_with("models/"))
        return false;
    const std::string_view rest = name.substr(7);
    if (!isValidId(rest))
        return false;
    *id = std::string(rest);
    return true;
}

bool parseModelParent(std::string_view parent, std::string *id)
{
    if (parent == "models/-") {
        id->clear();
        return true;
    }
    return parseModel(parent, id);
}

bool parseChild(std::string_view name, std::string_view collection, std::string *id,
                std::string *child)
{
    if (!name.starts_with("models/"))
        return false;
    const std::string_view rest = name.substr(7);
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos)
        return false;
    const std::string_view model = rest.substr(0, slash);
    std::string_view tail = rest.substr(slash + 1);
    if (!isValidId(model) || !tail.starts_with(collection) ||
        tail.size() <= collection.size() + 1 || tail[collection.size()] != '/')
        return false;
    tail = tail.substr(collection.size() + 1);
    if (tail.find('/') != std::string_view::npos || tail.empty() || tail.size() > 63)
        return false;
    *id = std::string(model);
    *child = std::string(tail);
    return true;
}

bool parseVersion(std::string_view name, std::string *id, std::int64_t *number)
{
    std::string child;
    if (!parseChild(name, "versions", id, &child))
        return false;
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(child.data(), child.data() + child.size(), n);
    if (ec != std::errc() || end != child.data() + child.size() || n < 1 || child[0] == '0')
        return false;
    *number = n;
    return true;
}

std::string model(const std::string &id)
{
    return "models/" + id;
}

std::string version(const std::string &id, std::int64_t number)
{
    return "models/" + id + "/versions/" + std::to_string(number);
}

std::string modelIdOf(std::string_view name)
{
    if (!name.starts_with("models/"))
        return {};
    const std::string_view rest = name.substr(7);
    return std::string(rest.substr(0, rest.find('/')));
}

} // namespace platformd::registry::names
