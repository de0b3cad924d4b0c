// The demo's incident history and simulator.
#include "incidents/private/incidentdemo.h"

#include "core/database.h"
#include "core/store.h"
#include "incidents/private/incidentops.h"
#include "regions/regionstore.h"
#include "regions/world.h"

#include "ops/platform/v1/models.pb.h"

#include <spdlog/spdlog.h>

#include <random>

namespace platformd::incidents {

namespace {

constexpr std::int64_t kMinute = 60 * 1000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

struct Kind
{
    const char *alertName;
    const char *title; // %r: region
    pb::IncidentSeverity severity;
    const char *rootCause;
};

const Kind kKinds[] = {
    {"HighErrorRate", "Elevated 5xx rate on the inference API in %r", pb::SEV2,
     "A bad config push raised the gateway's upstream timeout failures."},
    {"HighLatencyP99", "p99 latency above SLO in %r", pb::SEV3,
     "A noisy neighbour on the GPU pool saturated PCIe bandwidth."},
    {"RegionDown", "%r unreachable: traffic failed over", pb::SEV1,
     "The provider lost a power feed in one availability zone."},
    {"ModelDriftHigh", "Input drift on the fraud model in %r", pb::SEV3,
     "A partner changed a field's encoding without notice."},
    {"EdgeNodeUnreachable", "Edge nodes in %r not reporting", pb::SEV4,
     "An expired certificate on the edge collector."},
    {"DiskFillingUp", "Feature store disk filling up in %r", pb::SEV3,
     "Compaction was disabled during a migration and never re-enabled."},
};

const char *const kPeople[] = {"users/admin", "users/alice", "users/bob", "users/chen"};

const std::pair<const char *, const char *> kRunbooks[] = {
    {"HighErrorRate", R"(# HighErrorRate

The inference API answers more than 2 % 5xx over 5 minutes.

1. Open the region's dashboard; check whether one model or all of them fail.
2. If one deployment: **roll it back** (`RollbackDeployment`) and tell its owner team.
3. If all: check the gateway's upstream errors; a recent config push is the usual cause —
   revert it.
4. Still failing after 15 minutes: fail the region over and page the platform lead.
)"},
    {"HighLatencyP99", R"(# HighLatencyP99

p99 latency above the region's SLO for 10 minutes.

- Check GPU pool saturation and queue depth.
- Shift canary traffic away (`UpdateTraffic`) if a new version is slower.
- Scale the pool; if the provider is degraded, consider a failover.
)"},
    {"RegionDown", R"(# RegionDown

The region fails its health checks.

1. Confirm from two vantage points (the map's edge nodes).
2. Verify the failover partner took the traffic; watch its latency.
3. Open a provider ticket; post in #status every 30 minutes.
4. After recovery: move traffic back gradually (10 %, 50 %, 100 %).
)"},
    {"ModelDriftHigh", R"(# ModelDriftHigh

Population stability index above 0.3 for a deployment's inputs.

- Compare input distributions with the training set (the model card links the notebook).
- If a partner changed a feed: contact them, pin the previous parser.
- Otherwise schedule a retrain; keep the champion until the challenger passes review.
)"},
    {"EdgeNodeUnreachable", R"(# EdgeNodeUnreachable

Edge nodes stopped reporting.

- Check the collector's certificate expiry and the node's last heartbeat.
- Restart the collector; if several cities fail, suspect the region's network.
)"},
    {"DiskFillingUp", R"(# DiskFillingUp

The feature store's disk will be full within 4 hours at the current rate.

- Check compaction is enabled and running.
- Expand the volume (no downtime) and open a follow-up for the retention settings.
)"},
};

std::string replaceRegion(std::string text, const std::string &region)
{
    const size_t at = text.find("%r");
    if (at != std::string::npos)
        text.replace(at, 2, region);
    return text;
}

} // namespace

void seedIncidentDemo(IncidentStore &store, std::uint64_t seed)
{
    std::mt19937_64 rng(seed * 7919 + 12);
    std::uniform_real_distribution<double> u(0, 1);
    const auto regionsList = regions::demoRegions();
    std::vector<std::string> models;
    store.core().read([&](core::Connection &db) {
        core::Stmt &s = db.prepare("SELECT name FROM registry_models ORDER BY name");
        while (s.step())
            models.emplace_back(s.text(0));
        s.reset();
    });
    const std::int64_t now = nowMs();
    const std::int64_t begin = now - 60 * kDay;
    std::vector<pb::Incident> incidents;
    std::int64_t t = begin + std::int64_t(u(rng) * 6 * kHour);
    std::int64_t number = 0;
    while (t < now - 20 * kMinute) {
        ++number;
        const Kind &kind = kKinds[size_t(u(rng) * std::size(kKinds))];
        const auto &region = regionsList[size_t(u(rng) * double(regionsList.size()))];
        const std::string regionName = "regions/" + std::string(region.id);
        pb::Incident i;
        i.set_name(incidentName(number));
        i.set_number(number);
        i.set_title(replaceRegion(kind.title, std::string(region.displayName)));
        i.set_summary("Seen by the " + std::string(kind.alertName) + " alert in " +
                      std::string(region.displayName) + ".");
        pb::IncidentSeverity severity = kind.severity;
        if (u(rng) < 0.2 && severity < pb::SEV4)
            severity = pb::IncidentSeverity(severity + 1);
        i.set_severity(severity);
        const double sourceDraw = u(rng);
        const pb::IncidentSource source = sourceDraw < 0.65   ? pb::ALERTMANAGER
                                          : sourceDraw < 0.85 ? pb::SIMULATOR
                                                              : pb::MANUAL;
        i.set_source(source);
        const std::string amName = "alertmanagers/" + std::string(region.id);
        i.set_created_by(source == pb::ALERTMANAGER ? amName
                         : source == pb::SIMULATOR  ? "simulator"
                                                    : kPeople[size_t(u(rng) * 4)]);
        if (source == pb::ALERTMANAGER)
            i.set_dedup_key(amName + ":{}:{alertname=\"" + kind.alertName + "\"}");
        else if (source == pb::SIMULATOR)
            i.set_dedup_key("simulator:" + std::string(kind.alertName) + "/" +
                            std::string(region.id) + "/" + std::to_string(number));
        i.add_regions(regionName);
        if (std::string(kind.alertName) == "ModelDriftHigh" && !models.empty())
            i.add_models(models[size_t(u(rng) * double(models.size()))]);
        *i.mutable_trigger_time() = fromMs(t);
        *i.mutable_create_time() = fromMs(t);
        int seq = 0;
        auto note = [&](std::int64_t when, const std::string &actor, pb::TimelineEntry::Kind k,
                        const std::string &text, pb::IncidentState state) {
            pb::TimelineEntry *e = i.add_timeline();
            e->set_seq(++seq);
            *e->mutable_time() = fromMs(when);
            e->set_actor(actor);
            e->set_kind(k);
            e->set_text(text);
            e->set_state(state);
        };
        note(t, i.created_by(), pb::TimelineEntry::STATE_CHANGE, "Triggered", pb::TRIGGERED);
        if (source == pb::ALERTMANAGER) {
            pb::Alert *a = i.add_alerts();
            char fp[17];
            std::snprintf(fp, sizeof fp, "%016llx", static_cast<unsigned long long>(rng()));
            a->set_fingerprint(fp);
            a->set_alertmanager(amName);
            (*a->mutable_labels())["alertname"] = kind.alertName;
            (*a->mutable_labels())["region"] = std::string(region.id);
            (*a->mutable_labels())["severity"] = severity == pb::SEV1   ? "critical"
                                                 : severity == pb::SEV2 ? "error"
                                                 : severity == pb::SEV3 ? "warning"
                                                                        : "info";
            (*a->mutable_annotations())["summary"] = i.title();
            *a->mutable_starts_at() = fromMs(t);
            a->set_generator_url("http://prometheus." + std::string(region.id) +
                                 ".example/graph?g0.expr=" + kind.alertName);
            (*i.mutable_group_labels())["alertname"] = kind.alertName;
            note(t, amName, pb::TimelineEntry::ALERT_FIRING,
                 std::string(kind.alertName) + " {region=" + std::string(region.id) + "} firing",
                 pb::INCIDENT_STATE_UNSPECIFIED);
        }
        const std::string responder = kPeople[size_t(u(rng) * 4)];
        i.set_assignee(responder);
        const double age = double(now - t);
        // Time to acknowledge: minutes, longer at night and for low severities.
        const std::int64_t tta =
            std::int64_t((1 + u(rng) * 12 + (severity >= pb::SEV3 ? u(rng) * 30 : 0)) * kMinute);
        const std::int64_t ttm = tta + std::int64_t((5 + u(rng) * 50) * kMinute);
        const std::int64_t ttr = ttm + std::int64_t((5 + u(rng) * 180) * kMinute);
        i.set_state(pb::TRIGGERED);
        if (age > double(tta)) {
            *i.mutable_acknowledge_time() = fromMs(t + tta);
            i.set_acknowledged_by(responder);
            i.set_state(pb::ACKNOWLEDGED);
            note(t + tta, responder, pb::TimelineEntry::STATE_CHANGE, "TRIGGERED -> ACKNOWLEDGED",
                 pb::ACKNOWLEDGED);
            note(t + tta + 2 * kMinute, responder, pb::TimelineEntry::NOTE,
                 "Looking into it; following the runbook for " + std::string(kind.alertName) + ".",
                 pb::INCIDENT_STATE_UNSPECIFIED);
        }
        if (age > double(ttm)) {
            *i.mutable_mitigate_time() = fromMs(t + ttm);
            i.set_state(pb::MITIGATED);
            note(t + ttm, responder, pb::TimelineEntry::STATE_CHANGE,
                 "ACKNOWLEDGED -> MITIGATED\n\nImpact contained; watching the graphs.",
                 pb::MITIGATED);
        }
        if (age > double(ttr)) {
            *i.mutable_resolve_time() = fromMs(t + ttr);
            const std::string by = source == pb::ALERTMANAGER ? amName : responder;
            i.set_resolved_by(by);
            i.set_state(pb::RESOLVED);
            if (source == pb::ALERTMANAGER) {
                pb::Alert *a = i.mutable_alerts(0);
                a->set_status(pb::Alert::RESOLVED);
                *a->mutable_ends_at() = fromMs(t + ttr);
                note(t + ttr, amName, pb::TimelineEntry::ALERT_RESOLVED,
                     std::string(kind.alertName) + " resolved", pb::INCIDENT_STATE_UNSPECIFIED);
            }
            note(t + ttr, by, pb::TimelineEntry::STATE_CHANGE, "MITIGATED -> RESOLVED",
                 pb::RESOLVED);
        } else if (source == pb::ALERTMANAGER) {
            i.set_firing_alerts(1);
        }
        if (source == pb::ALERTMANAGER && i.state() != pb::RESOLVED)
            i.set_firing_alerts(1);
        // Postmortems for the serious ones older than a week; closed when complete.
        if (i.state() == pb::RESOLVED && severity <= pb::SEV2 && age > double(7 * kDay)) {
            pb::Postmortem *p = i.mutable_postmortem();
            p->set_summary(i.title() + ", " + std::to_string(ttr / kMinute) + " minutes.");
            p->set_impact("Requests in " + std::string(region.displayName) +
                          " saw errors or failed over; no data lost.");
            p->set_root_cause(kind.rootCause);
            p->set_resolution("Mitigated by the on-call engineer following the runbook.");
            p->set_lessons("Alert earlier; the runbook's first step found the cause.");
            for (int f = 0; f < 2; ++f) {
                pb::FollowUp *fu = p->add_follow_ups();
                fu->set_title(f == 0 ? "Add a canary check for this failure mode"
                                     : "Update the runbook with what we learned");
                fu->set_owner(kPeople[size_t(u(rng) * 4)]);
                *fu->mutable_due_time() = fromMs(t + ttr + 14 * kDay);
                fu->set_done(u(rng) < 0.6);
                fu->set_ticket_url("https://tickets.example/OPS-" + std::to_string(1000 + number));
            }
            p->set_updated_by(responder);
            *p->mutable_update_time() = fromMs(t + ttr + 2 * kDay);
            note(t + ttr + 2 * kDay, responder, pb::TimelineEntry::POSTMORTEM,
                 "Postmortem written (2 follow-ups)", pb::INCIDENT_STATE_UNSPECIFIED);
            if (u(rng) < 0.7) {
                *i.mutable_close_time() = fromMs(t + ttr + 3 * kDay);
                i.set_state(pb::CLOSED);
                note(t + ttr + 3 * kDay, "users/admin", pb::TimelineEntry::STATE_CHANGE,
                     "RESOLVED -> CLOSED", pb::CLOSED);
            }
        }
        i.set_timeline_length(i.timeline_size());
        *i.mutable_update_time() = i.timeline(i.timeline_size() - 1).time();
        incidents.push_back(std::move(i));
        // About three a day, unevenly.
        t += std::int64_t((0.5 + u(rng) * 15) * kHour);
    }
    std::vector<pb::Runbook> runbooks;
    for (const auto &[alertName, markdown] : kRunbooks) {
        pb::Runbook r;
        r.set_name("runbooks/" + std::string(alertName));
        r.set_alert_name(alertName);
        r.set_markdown(markdown);
        r.set_updated_by("users/admin");
        *r.mutable_update_time() = fromMs(begin);
        runbooks.push_back(std::move(r));
    }
    const size_t count = incidents.size();
    if (store.seed(std::move(incidents), std::move(runbooks)))
        spdlog::info("incidents: demo seeded with {} incidents over 60 days", count);
    else
        spdlog::info("incidents: demo already seeded (by another replica)");
}

IncidentSimulator::IncidentSimulator(core::Store &core, IncidentStore &store, IncidentOps &ops,
                                     std::uint64_t seed)
    : m_core(core)
    , m_store(store)
    , m_ops(ops)
    , m_seed(seed)
{}

IncidentSimulator::~IncidentSimulator()
{
    stop();
}

void IncidentSimulator::start()
{
    m_thread = std::thread([this] { run(); });
}

void IncidentSimulator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void IncidentSimulator::run()
{
    for (;;) {
        try {
            tick();
        } catch (const std::exception &e) {
            spdlog::error("incidents: simulator: {}", e.what());
        }
        std::unique_lock lock(m_mutex);
        if (m_cv.wait_for(lock, std::chrono::seconds(3), [&] { return m_stop; }))
            return;
    }
}

void IncidentSimulator::tick()
{
    Caller c;
    c.actor = "system:demo";
    c.action = "demo:incident-simulator";
    c.system = true;
    std::vector<pb::Region> regionsNow;
    std::vector<pb::Deployment> deployments;
    m_core.read([&](core::Connection &db) {
        for (const auto &info : regions::demoRegions())
            if (auto r = regions::RegionStore::readRegion(db, "regions/" + std::string(info.id)))
                regionsNow.push_back(std::move(*r));
        // The registry's deployments (its table; drift is in their serving metrics).
        core::Stmt &s = db.prepare("SELECT data FROM registry_deployments ORDER BY name");
        while (s.step()) {
            pb::Deployment d;
            const std::string_view data = s.blob(0);
            if (d.ParseFromArray(data.data(), int(data.size())))
                deployments.push_back(std::move(d));
        }
        s.reset();
    });
    for (const pb::Region &r : regionsNow) {
        const std::string key = "simulator:" + r.name() + "/down";
        if (r.status() == pb::DOWN && !m_open[key]) {
            std::vector<std::string> affected{r.name()};
            std::string summary = r.display_name() + " is down";
            if (!r.status_message().empty())
                summary += ": " + r.status_message();
            if (!r.failover_target().empty()) {
                affected.push_back(r.failover_target());
                summary += "; traffic failing over to " + r.failover_target();
            }
            m_ops.openSimulated(c, key, r.display_name() + " down", summary,
                                r.primary() ? pb::SEV1 : pb::SEV2, affected, {});
            m_open[key] = true;
        } else if (r.status() != pb::DOWN && m_open[key]) {
            m_ops.resolveSimulated(c, key, r.display_name() + " is back");
            m_open[key] = false;
        }
    }
    for (const pb::Deployment &d : deployments) {
        const std::string key = "simulator:" + d.name() + "/drift";
        const double drift = d.metrics().drift_score();
        if (drift > 0.3 && !m_open[key]) {
            char text[64];
            std::snprintf(text, sizeof text, "%.2f", drift);
            m_ops.openSimulated(c, key, "Input drift on " + d.model() + " in " + d.region(),
                                "Drift score " + std::string(text) + " on " + d.name() +
                                    " (threshold 0.3)",
                                pb::SEV3, {d.region()}, {d.model()});
            m_open[key] = true;
        } else if (drift < 0.2 && m_open[key]) {
            m_ops.resolveSimulated(c, key, "drift back below 0.2");
            m_open[key] = false;
        }
    }
    (void)m_seed;
    (void)m_store;
}

} // namespace platformd::incidents
