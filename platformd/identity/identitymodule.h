#pragma once

#include "core/module.h"

namespace platformd::identity {

// Users and API tokens (IdentityService): WhoAmI, user and token administration.
core::Module module();

} // namespace platformd::identity
