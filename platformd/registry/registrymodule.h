#pragma once

#include "core/module.h"

namespace platformd::registry {

// The model registry (ModelRegistryService): models, versions, aliases, deployments, approvals,
// its own revision sequence and watch hub, and the demo's registry and its simulator.
core::Module module();

} // namespace platformd::registry
