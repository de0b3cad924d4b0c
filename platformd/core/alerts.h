#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <vector>

// Alerts one module raises for another to act on (a cost budget's threshold crossed → an incident),
// without either including the other: the raising module publishes, the receiving module (the
// incidents module) subscribes when it opens. Thread-safe.
namespace platformd::core {

struct ModuleAlert
{
    std::string source;   // the raising module: "cost"
    std::string dedupKey; // one alert per key: "cost:budget:gpu-spend:2026-12:80:actual"
    std::string title;
    std::string summary;
    int severity = 3;                 // ops.platform.v1.IncidentSeverity: 1 critical … 4 info
    std::vector<std::string> regions; // "regions/us-east"
    std::vector<std::string> models;  // "models/fraud-detector"
    std::string resource;             // what it is about: "budgets/gpu-spend"
};

class AlertBus
{
public:
    // Returns true when the alert was taken (recorded durably by the receiver).
    using Handler = std::function<bool(const ModuleAlert &)>;

    void subscribe(Handler handler)
    {
        std::lock_guard lock(m_mutex);
        m_handlers.push_back(std::move(handler));
    }
    // True when at least one subscriber took it; false when nobody listens (e.g. the CLI).
    bool publish(const ModuleAlert &alert) const
    {
        std::vector<Handler> handlers;
        {
            std::lock_guard lock(m_mutex);
            handlers = m_handlers;
        }
        bool taken = false;
        for (const Handler &h : handlers)
            taken = h(alert) || taken;
        return taken;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<Handler> m_handlers;
};

} // namespace platformd::core
