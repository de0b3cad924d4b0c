#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace platformd::core {
class Store;
}

namespace platformd::incidents {

class IncidentOps;
class IncidentStore;

// Seeds an empty store with the demo: 60 days of incidents from every source (timelines,
// acknowledgements, postmortems with follow-ups on the closed ones, a few still open) and
// runbooks for the demo's alert names. Deterministic per seed apart from times (relative to now).
void seedIncidentDemo(IncidentStore &store, std::uint64_t seed);

// The demo's incident simulator: every few seconds it looks at the regions (a region DOWN, its
// traffic failing over) and the registry's deployments (drift above 0.3) and opens an incident
// (source SIMULATOR, created_by "simulator") for each new one, resolving it when the region is
// back or the drift is below 0.2.
class IncidentSimulator
{
public:
    IncidentSimulator(core::Store &core, IncidentStore &store, IncidentOps &ops,
                      std::uint64_t seed);
    ~IncidentSimulator();
    void start();
    void stop();

private:
    void run();
    void tick();

    core::Store &m_core;
    IncidentStore &m_store;
    IncidentOps &m_ops;
    std::uint64_t m_seed;
    std::map<std::string, bool> m_open; // dedup keys the simulator opened
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
};

} // namespace platformd::incidents
