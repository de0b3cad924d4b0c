#include "api/validation.h"

namespace platformd::api {

bool isValidId(std::string_view id)
{
    if (id.empty() || id.size() > 63 || id[0] < 'a' || id[0] > 'z')
        return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

bool parseRegionName(std::string_view name, std::string *id)
{
    constexpr std::string_view prefix = "regions/";
    if (!name.starts_with(prefix) || !isValidId(name.substr(prefix.size())))
        return false;
    *id = std::string(name.substr(prefix.size()));
    return true;
}

bool parseRegionParent(std::string_view parent, std::string *id)
{
    if (parent == "regions/-") {
        id->clear();
        return true;
    }
    return parseRegionName(parent, id);
}

} // namespace platformd::api
