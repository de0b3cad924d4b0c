#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace platformd::regions {

class RegionStore;
struct Mutation;

struct SimulatorOptions
{
    std::uint64_t seed = 1;
    double eventsPerSecond = 50;
    std::chrono::milliseconds metricsInterval{10000}; // live region_metrics samples
    std::chrono::milliseconds compactInterval{5000};
};

// The demo: a deterministic (per seed) world of regions, edge nodes and components whose health
// follows each region's time of day, with random incidents, failovers and maintenance windows
// (Failover and MaintenanceWindow resources, with a seeded 30-day history).
// Every tick commits its events as store transactions with at most one event per resource.
class Simulator
{
public:
    Simulator(RegionStore &store, SimulatorOptions options);
    ~Simulator();

    // Seeds an empty store (resources in one transaction, 30 days of metrics history) or picks up
    // the state a previous run left in it.
    void initialize();
    void start();
    void stop();
    // Once the server listens at address (host:port): every region whose health endpoint was not
    // set through UpdateRegion gets health_endpoint = address and health_service =
    // "regions/{region}", in one store transaction. Returns the number of regions changed.
    int adoptHealthEndpoint(const std::string &address);

    // The resources a seed produces, as the seeding transaction writes them.
    static Mutation buildWorld(std::uint64_t seed, std::int64_t nowMs);
    std::uint64_t eventsCommitted() const { return m_events.load(); }

    struct State;

private:
    void run();
    void tick(std::chrono::system_clock::time_point now, double seconds);
    void backfillMetrics(std::int64_t nowMs);

    RegionStore &m_store;
    SimulatorOptions m_options;
    std::unique_ptr<State> m_state;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stopping = false;
    std::atomic<std::uint64_t> m_events{0};
};

} // namespace platformd::regions
