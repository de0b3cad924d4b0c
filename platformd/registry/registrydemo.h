#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace platformd::registry {

class RegistryStore;

struct RegistryDemoOptions
{
    std::uint64_t seed = 1;
    std::int64_t scale =
        0; // total versions wanted (0: the demo's own ~350); extra ones are older history
};

// Seeds an empty registry with the demo: ~40 models across the ten task families, their versions,
// aliases, deployments in the demo regions and approval requests (deterministic per seed apart
// from times, which are relative to now). Returns the milliseconds the seeding took.
std::int64_t seedRegistryDemo(RegistryStore &registry, const RegistryDemoOptions &options);

// The registry's simulator thread: every few seconds new serving metrics for every deployment in
// one unaudited transaction; now and then a canary takes more traffic or a new version is
// registered (audited as system:demo).
class RegistrySimulator
{
public:
    RegistrySimulator(RegistryStore &registry, std::uint64_t seed);
    ~RegistrySimulator();
    void start();
    void stop();

private:
    void run();

    RegistryStore &m_registry;
    std::uint64_t m_seed;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
};

} // namespace platformd::registry
