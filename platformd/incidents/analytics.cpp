// GetIncidentAnalytics: MTTA, MTTR and counts over a window, from the in-memory incidents.
#include "incidents/private/incidentstore.h"

#include <map>

namespace platformd::incidents {

Status IncidentStore::analytics(const pb::GetIncidentAnalyticsRequest &r,
                                pb::IncidentAnalytics *out) const
{
    const std::int64_t end = r.has_end_time() ? toMs(r.end_time()) : nowMs();
    const std::int64_t start =
        r.has_start_time() ? toMs(r.start_time()) : end - 30LL * 24 * 3600 * 1000;
    if (start >= end)
        return invalid("start_time: " + formatTime(start) + " is not before end_time " +
                       formatTime(end));
    const std::int64_t bucket = r.has_bucket()
                                    ? r.bucket().seconds() * 1000 + r.bucket().nanos() / 1000000
                                    : 24LL * 3600 * 1000;
    if (bucket < 60000)
        return invalid("bucket: at least one minute");
    const std::int64_t buckets = (end - start + bucket - 1) / bucket;
    if (buckets > 1000)
        return invalid("bucket: the window would have " + std::to_string(buckets) +
                       " buckets (at most 1000)");
    *out->mutable_start_time() = fromMs(start);
    *out->mutable_end_time() = fromMs(end);
    struct Acc
    {
        int triggered = 0, resolved = 0, acked = 0;
        double ttaSum = 0, ttrSum = 0;
    };
    std::vector<Acc> perBucket(static_cast<size_t>(buckets));
    Acc total;
    int open = 0;
    std::map<std::string, int> bySeverity, byRegion, bySource;
    for (const char *s : {"SEV1", "SEV2", "SEV3", "SEV4"})
        bySeverity[s] = 0;
    for (const char *s : {"ALERTMANAGER", "MANUAL", "SIMULATOR"})
        bySource[s] = 0;
    auto in = [&](std::int64_t t) {
        return t >= start && t < end;
    };
    std::shared_lock lock(m_mutex);
    for (const auto &[number, i] : m_incidents) {
        const std::int64_t trigger = toMs(i.trigger_time());
        if (in(trigger)) {
            ++total.triggered;
            ++perBucket[size_t((trigger - start) / bucket)].triggered;
            ++bySeverity[severityName(i.severity())];
            ++bySource[sourceName(i.source())];
            for (const std::string &region : i.regions())
                ++byRegion[region];
        }
        if (i.has_acknowledge_time() && in(toMs(i.acknowledge_time()))) {
            const std::int64_t t = toMs(i.acknowledge_time());
            const double tta = double(t - trigger) / 1000.0;
            ++total.acked;
            total.ttaSum += tta;
            Acc &b = perBucket[size_t((t - start) / bucket)];
            ++b.acked;
            b.ttaSum += tta;
        }
        if (i.has_resolve_time() && in(toMs(i.resolve_time()))) {
            const std::int64_t t = toMs(i.resolve_time());
            const double ttr = double(t - trigger) / 1000.0;
            ++total.resolved;
            total.ttrSum += ttr;
            Acc &b = perBucket[size_t((t - start) / bucket)];
            ++b.resolved;
            b.ttrSum += ttr;
        }
        if (trigger < end && (!i.has_resolve_time() || toMs(i.resolve_time()) >= end))
            ++open;
    }
    out->set_triggered(total.triggered);
    out->set_acknowledged(total.acked);
    out->set_resolved(total.resolved);
    out->set_open(open);
    out->set_mtta_seconds(total.acked ? total.ttaSum / total.acked : 0);
    out->set_mttr_seconds(total.resolved ? total.ttrSum / total.resolved : 0);
    auto counts = [](const std::map<std::string, int> &m, auto *field) {
        for (const auto &[key, count] : m) {
            pb::IncidentCount *c = field->Add();
            c->set_key(key);
            c->set_count(count);
        }
    };
    counts(bySeverity, out->mutable_by_severity());
    counts(byRegion, out->mutable_by_region());
    counts(bySource, out->mutable_by_source());
    for (size_t k = 0; k < perBucket.size(); ++k) {
        const Acc &a = perBucket[k];
        pb::AnalyticsBucket *b = out->add_buckets();
        *b->mutable_start_time() = fromMs(start + std::int64_t(k) * bucket);
        b->set_triggered(a.triggered);
        b->set_resolved(a.resolved);
        b->set_mtta_seconds(a.acked ? a.ttaSum / a.acked : 0);
        b->set_mttr_seconds(a.resolved ? a.ttrSum / a.resolved : 0);
    }
    return Status::OK;
}

} // namespace platformd::incidents
