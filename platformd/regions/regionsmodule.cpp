#include "regions/regionsmodule.h"

#include "regions/private/regionhealth.h"
#include "regions/private/regionservice.h"
#include "regions/regionstore.h"
#include "regions/simulator.h"

#include <grpcpp/impl/codegen/service_type.h>
#include <spdlog/spdlog.h>

#include <stdexcept>

namespace platformd::regions {

namespace {

const std::string kPrefix = "/ops.platform.v1.RegionService/";

class RegionsRuntime final : public core::ModuleRuntime
{
public:
    explicit RegionsRuntime(const core::ModuleContext &context)
        : m_store(context.store)
        , m_service(makeRegionService(context, m_store))
        , m_demo(context.demo)
    {
        if (context.demo.enabled)
            makeSimulator();
    }
    std::vector<grpc::Service *> services() override { return {m_service.get()}; }
    void started(grpc::HealthCheckServiceInterface *health, const std::string &address) override
    {
        m_health = std::make_unique<RegionHealthPublisher>(m_store, health);
        m_health->start();
        startSimulator(address);
    }
    void lead(const std::string &address) override
    {
        if (!m_demo.standby || m_simulator)
            return;
        try {
            makeSimulator(); // continues from what the old leader stored
        } catch (const std::exception &e) {
            spdlog::error("{}", e.what());
            return;
        }
        startSimulator(address);
    }
    void stopping() override
    {
        if (m_simulator)
            m_simulator->stop();
    }
    void closeStreams() override { m_health.reset(); }

private:
    void startSimulator(const std::string &address)
    {
        if (!m_simulator)
            return;
        // Before the handshake line: whoever reads LISTEN finds the regions pointing here.
        try {
            m_simulator->adoptHealthEndpoint(address);
        } catch (const std::exception &e) {
            spdlog::error("demo: cannot set the regions' health endpoint: {}", e.what());
        }
        m_simulator->start();
    }
    void makeSimulator()
    {
        SimulatorOptions options;
        options.seed = m_demo.seed;
        options.eventsPerSecond = m_demo.eventsPerSecond;
        m_simulator = std::make_unique<Simulator>(m_store, options);
        try {
            m_simulator->initialize();
        } catch (const std::exception &e) {
            throw std::runtime_error(std::string("demo: cannot initialise the simulator: ") +
                                     e.what());
        }
    }

    RegionStore m_store; // the core's revision log is this module's
    std::unique_ptr<grpc::Service> m_service;
    const core::DemoOptions m_demo;
    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<RegionHealthPublisher> m_health; // "regions/{region}" health names
};

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "regions";
    m.services = {"ops.platform.v1.RegionService"};
    for (const char *method :
         {"ListRegions", "GetRegion", "WatchRegions", "ListEdgeNodes", "ListComponents",
          "GetRegionMetrics", "ListFailovers", "ListMaintenanceWindows"})
        m.methods.push_back({kPrefix + method, "regions.read"});
    m.methods.push_back({kPrefix + "UpdateRegion", "regions.write"});
    m.grants = {
        {"viewer", {"regions.read"}},
        {"compliance_officer", {"regions.read"}},
        {"admin", {"regions.read", "regions.write"}},
    };
    // Its pieces of versions 1, 2 and 4: the region tables (the core's revision log is version 1's
    // other piece).
    m.migrations = migrations();
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<RegionsRuntime>(context);
    };
    return m;
}

} // namespace platformd::regions
