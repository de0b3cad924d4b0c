#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace platformd::core {
class Store;
}

// A read-only view of incidents for other modules (the cost explorer's markers), straight from
// the incidents tables (migration 6) in one read transaction; no IncidentStore instance needed.
namespace platformd::incidents {

struct IncidentMarker
{
    std::string name; // "incidents/42"
    std::string title;
    std::int64_t triggerMs = 0;
    int severity = 0; // ops.platform.v1.IncidentSeverity
    std::vector<std::string> regions, models;
};

// Incidents triggered in [fromMs, toMs), oldest first, at most limit (the newest kept).
std::vector<IncidentMarker> incidentsTriggered(core::Store &store, std::int64_t fromMs,
                                               std::int64_t toMs, int limit);

// A resolved or closed SEV1/SEV2 incident and whether it has a postmortem (a summary), for the
// compliance module's postmortem check.
struct PostmortemStatus
{
    std::string name; // "incidents/42"
    std::string title;
    int severity = 0; // ops.platform.v1.IncidentSeverity
    bool hasPostmortem = false;
};

// Every RESOLVED or CLOSED incident of severity SEV1 or SEV2, oldest first.
std::vector<PostmortemStatus> majorIncidentPostmortems(core::Store &store);

} // namespace platformd::incidents
