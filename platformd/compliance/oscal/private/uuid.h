#pragma once

#include <string>

namespace platformd::compliance::oscal::detail {

std::string uuidV4(); // random, RFC 4122 version 4, lower case

} // namespace platformd::compliance::oscal::detail
