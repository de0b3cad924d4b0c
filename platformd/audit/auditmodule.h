#pragma once

#include "core/module.h"

namespace platformd::audit {

// The audit log's API (AuditService): list, watch and verify. The log itself is the core's.
core::Module module();

} // namespace platformd::audit
