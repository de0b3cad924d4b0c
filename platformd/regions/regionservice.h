#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

namespace grpc {
class Service;
}

namespace platformd::core {
class Store;
}

namespace platformd::regions {

struct RegionServiceOptions
{
    std::chrono::milliseconds progressInterval{2000}; // WatchProgress heartbeat
    size_t watchQueue = 4096; // undelivered transactions before a watcher is dropped
};

// RegionService: lists with AIP-160 filters and AIP-158 pages, metrics, and the watch stream.
std::unique_ptr<grpc::Service> makeRegionService(core::Store &store, RegionServiceOptions options);

} // namespace platformd::regions
