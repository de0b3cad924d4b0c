#pragma once

#include "core/module.h"

namespace platformd::incidents {

// Incidents (IncidentService): Alertmanager webhooks in, silences out through Alertmanager's API
// v2, the lifecycle, timelines, runbooks, postmortems, analytics, its own revision sequence and
// watch feed, and the demo's history and simulator.
core::Module module();

} // namespace platformd::incidents
