#pragma once

#include "core/module.h"

#include <memory>

namespace grpc {
class Service;
}

namespace platformd::regions {

class RegionStore;

// RegionService on the module's storage: lists with AIP-160 filters and AIP-158 pages, metrics,
// and the watch stream.
std::unique_ptr<grpc::Service> makeRegionService(const core::ModuleContext &context,
                                                 RegionStore &store);

} // namespace platformd::regions
