#include "incidents/incidentevents.h"

#include "core/database.h"
#include "core/store.h"

#include "ops/platform/v1/incidents.pb.h"

#include <algorithm>

namespace platformd::incidents {

std::vector<IncidentMarker> incidentsTriggered(core::Store &store, std::int64_t fromMs,
                                               std::int64_t toMs, int limit)
{
    std::vector<IncidentMarker> out;
    store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT data FROM incidents WHERE trigger_time >= ?1 AND "
                                   "trigger_time < ?2 ORDER BY trigger_time DESC LIMIT ?3");
        s.bind(1, fromMs).bind(2, toMs).bind(3, std::int64_t(std::max(0, limit)));
        while (s.step()) {
            ops::platform::v1::Incident i;
            if (!i.ParseFromString(std::string(s.blob(0))))
                continue;
            IncidentMarker m;
            m.name = i.name();
            m.title = i.title();
            m.triggerMs = i.trigger_time().seconds() * 1000 + i.trigger_time().nanos() / 1000000;
            m.severity = i.severity();
            for (const auto &r : i.regions())
                m.regions.push_back(r);
            for (const auto &md : i.models())
                m.models.push_back(md);
            out.push_back(std::move(m));
        }
        s.reset();
    });
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<PostmortemStatus> majorIncidentPostmortems(core::Store &store)
{
    namespace pb = ops::platform::v1;
    std::vector<PostmortemStatus> out;
    store.read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT data FROM incidents ORDER BY number");
        while (s.step()) {
            pb::Incident i;
            if (!i.ParseFromString(std::string(s.blob(0))))
                continue;
            if ((i.severity() != pb::SEV1 && i.severity() != pb::SEV2) ||
                (i.state() != pb::RESOLVED && i.state() != pb::CLOSED))
                continue;
            PostmortemStatus p;
            p.name = i.name();
            p.title = i.title();
            p.severity = i.severity();
            p.hasPostmortem = !i.postmortem().summary().empty();
            out.push_back(std::move(p));
        }
    });
    return out;
}

} // namespace platformd::incidents
