#pragma once

#include <atomic>
#include <memory>
#include <thread>

namespace grpc {
class HealthCheckServiceInterface;
}

namespace platformd::regions {

class RegionStore;

// Serves one grpc.health.v1 service name per region, "regions/{region}": SERVING unless the
// region is DOWN (NOT_SERVING), kept live by following the region feed on a thread of its
// own. A client probing a region's health_endpoint (the demo points them here) thus sees what the
// simulator does.
class RegionHealthPublisher
{
public:
    RegionHealthPublisher(RegionStore &store, grpc::HealthCheckServiceInterface *health);
    ~RegionHealthPublisher();
    RegionHealthPublisher(const RegionHealthPublisher &) = delete;
    RegionHealthPublisher &operator=(const RegionHealthPublisher &) = delete;

    // Sets every region's status now, then follows changes.
    void start();
    // Stops following (also ends by itself when the hub closes).
    void stop();

private:
    void run();

    RegionStore &m_store;
    grpc::HealthCheckServiceInterface *m_health;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread;
};

} // namespace platformd::regions
