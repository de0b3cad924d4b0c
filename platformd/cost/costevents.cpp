#include "core/database.h"
#include "core/store.h"
#include "cost/private/costbudgets.h"
#include "cost/private/costinsights.h"
#include "cost/private/coststore.h"
#include "incidents/incidentevents.h"
#include "registry/registrystore.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>

namespace platformd::cost {

using google::protobuf::util::TimeUtil;
using grpc::StatusCode;

namespace {

constexpr int kMaxEvents = 500;

std::int64_t msOf(const google::protobuf::Timestamp &t)
{
    return TimeUtil::TimestampToMilliseconds(t);
}

} // namespace

Status costEvents(CostStore &store, CostBudgets &budgets, const pb::ListCostEventsRequest &r,
                  pb::ListCostEventsResponse *out)
{
    const auto [firstDay, endOfData] = store.dataDays();
    // Default: the 90 days to the later of the end of the data and now (deploys and incidents
    // go on after the last import).
    const std::int64_t nowMs = TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime());
    const std::int64_t toMs =
        r.has_end_time() ? msOf(r.end_time()) : std::max((endOfData + 1) * kDay * 1000, nowMs + 1);
    const std::int64_t fromMs = r.has_start_time() ? msOf(r.start_time()) : toMs - 90 * kDay * 1000;
    if (fromMs >= toMs)
        return Status(StatusCode::INVALID_ARGUMENT, "start_time: must be before end_time");
    std::vector<pb::CostEvent> events;
    auto add = [&](std::int64_t ms, pb::CostEventKind kind, std::string title,
                   std::string resource) {
        if (ms < fromMs || ms >= toMs)
            return;
        pb::CostEvent e;
        *e.mutable_time() = TimeUtil::MillisecondsToTimestamp(ms);
        e.set_kind(kind);
        e.set_title(std::move(title));
        e.set_resource(std::move(resource));
        events.push_back(std::move(e));
    };

    // Imports.
    store.core().read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT id, time_ms, file_name, rows_accepted FROM "
                                   "cost_imports WHERE time_ms >= ?1 AND time_ms < ?2");
        s.bind(1, fromMs).bind(2, toMs);
        while (s.step())
            add(s.int64(1), pb::IMPORT,
                "Imported " + std::string(s.text(2)) + " (" + std::to_string(s.int64(3)) + " rows)",
                "costImports/" + std::to_string(s.int64(0)));
        s.reset();
    });
    // Budget thresholds crossed.
    for (const auto &c : budgets.crossings(fromMs, toMs))
        add(c.timeMs, pb::BUDGET_THRESHOLD, c.title, c.budget);
    // Deploys: each deployment's creation and its last change, from the registry.
    {
        registry::RegistryStore reg(store.core());
        for (const auto &d : reg.deployments()) {
            std::string versions;
            for (const auto &v : d.variants())
                versions += (versions.empty() ? " v" : ", v") + std::to_string(v.version());
            add(msOf(d.create_time()), pb::DEPLOY,
                "Deployed " + d.model() + versions + " in " + d.region(), d.name());
            if (msOf(d.update_time()) > msOf(d.create_time()))
                add(msOf(d.update_time()), pb::DEPLOY,
                    "Changed " + d.model() + versions + " in " + d.region(), d.name());
        }
    }
    // Incidents.
    for (const auto &i : incidents::incidentsTriggered(store.core(), fromMs, toMs, kMaxEvents))
        add(i.triggerMs, pb::INCIDENT, i.title, i.name);
    // Anomalies of the whole platform's daily spend.
    {
        pb::ListCostAnomaliesRequest ar;
        *ar.mutable_start_time() = TimeUtil::MillisecondsToTimestamp(fromMs);
        *ar.mutable_end_time() = TimeUtil::MillisecondsToTimestamp(toMs);
        ar.set_page_size(500);
        pb::ListCostAnomaliesResponse anomalies;
        if (costAnomalies(store, ar, &anomalies).ok())
            for (const auto &a : anomalies.anomalies())
                add(msOf(a.day()), pb::ANOMALY, a.summary(), a.name());
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const auto &a, const auto &b) { return msOf(a.time()) < msOf(b.time()); });
    // At most 500: keep the newest.
    const std::size_t skip = events.size() > kMaxEvents ? events.size() - kMaxEvents : 0;
    for (std::size_t i = skip; i < events.size(); ++i)
        *out->add_events() = std::move(events[i]);
    return Status::OK;
}

} // namespace platformd::cost
