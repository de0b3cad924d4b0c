#pragma once

#include "core/module.h"

namespace platformd::regions {

// Regions, components, edge nodes, their metrics, failovers and maintenance windows
// (RegionService), one grpc.health.v1 name per region, and the demo's world simulator.
core::Module module();

} // namespace platformd::regions
