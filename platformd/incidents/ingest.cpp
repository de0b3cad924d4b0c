// Alertmanager notifications -> incidents: alerts deduplicated by (Alertmanager, fingerprint),
// grouped by the notification's groupKey into the group's one open incident, updated on every
// notification, auto-resolved when the group resolves; and the simulator's incidents.
#include "incidents/http/webhookpayload.h"
#include "incidents/private/incidentops.h"

#include <algorithm>

namespace platformd::incidents {

namespace {

std::string alertName(const LabelSet &labels)
{
    auto it = labels.find("alertname");
    return it == labels.end() ? std::string("alert") : it->second;
}

std::string describe(const LabelSet &labels)
{
    std::string out = alertName(labels);
    std::string rest;
    for (const auto &[k, v] : labels)
        if (k != "alertname")
            rest += (rest.empty() ? "" : ", ") + k + "=" + v;
    return rest.empty() ? out : out + " {" + rest + "}";
}

template<typename Repeated>
void addLink(Repeated *links, const std::string &name)
{
    if (std::find(links->begin(), links->end(), name) == links->end())
        *links->Add() = name;
}

std::string titleOf(const WebhookNotification &n)
{
    auto it = n.commonAnnotations.find("summary");
    if (it != n.commonAnnotations.end() && !it->second.empty())
        return it->second.substr(0, kMaxTitle);
    std::string title = n.alerts.empty() ? std::string("alert") : alertName(n.alerts[0].labels);
    std::string rest;
    for (const auto &[k, v] : n.groupLabels)
        if (k != "alertname")
            rest += (rest.empty() ? "" : ", ") + k + "=" + v;
    if (!rest.empty())
        title += " (" + rest + ")";
    return title.substr(0, kMaxTitle);
}

} // namespace

Status IncidentOps::ingest(const Caller &c, const std::string &am, const WebhookNotification &n,
                           std::string *summary)
{
    const std::string amName = "alertmanagers/" + am;
    const std::string key = amName + ":" + n.groupKey;
    std::int64_t touched = 0;
    return m_store.mutate(
        &c, amName, "webhook: " + n.status + ", " + std::to_string(n.alerts.size()) + " alerts",
        [&](Tx &tx) {
            std::int64_t number = tx.openByDedup(key);
            int firing = 0;
            for (const WebhookAlert &a : n.alerts)
                firing += a.status == "firing";
            if (!number) {
                if (firing == 0) {
                    *summary = "no open incident for this group and nothing firing: nothing to do";
                    return Status::OK;
                }
                number = tx.nextNumber();
                pb::Incident &i = tx.stage(number);
                i.set_name(incidentName(number));
                i.set_number(number);
                i.set_title(titleOf(n));
                if (auto d = n.commonAnnotations.find("description");
                    d != n.commonAnnotations.end())
                    i.set_summary(d->second.substr(0, kMaxMarkdown));
                i.set_state(pb::TRIGGERED);
                i.set_source(pb::ALERTMANAGER);
                i.set_dedup_key(key);
                i.set_created_by(amName);
                std::int64_t trigger = tx.nowMs;
                for (const WebhookAlert &a : n.alerts)
                    if (a.status == "firing" && a.startsAtMs > 0)
                        trigger = std::min(trigger, a.startsAtMs);
                *i.mutable_trigger_time() = fromMs(trigger);
                i.set_severity(pb::SEV4);
                tx.note(i, amName, pb::TimelineEntry::STATE_CHANGE,
                        "Triggered by " + amName + " (group " + n.groupKey + ")", pb::TRIGGERED);
            }
            touched = number;
            pb::Incident &i = tx.stage(number);
            i.mutable_group_labels()->clear();
            for (const auto &[k, v] : n.groupLabels)
                (*i.mutable_group_labels())[k] = v;
            for (const WebhookAlert &a : n.alerts) {
                pb::Alert *alert = nullptr;
                for (pb::Alert &existing : *i.mutable_alerts())
                    if (existing.fingerprint() == a.fingerprint &&
                        existing.alertmanager() == amName)
                        alert = &existing;
                const auto status = a.status == "firing" ? pb::Alert::FIRING : pb::Alert::RESOLVED;
                const bool isNew = !alert;
                if (isNew) {
                    alert = i.add_alerts();
                    alert->set_fingerprint(a.fingerprint);
                    alert->set_alertmanager(amName);
                }
                const bool refired = !isNew && status == pb::Alert::FIRING &&
                                     toMs(alert->starts_at()) != a.startsAtMs;
                const bool changed = isNew || alert->status() != status || refired;
                alert->set_status(status);
                alert->mutable_labels()->clear();
                for (const auto &[k, v] : a.labels)
                    (*alert->mutable_labels())[k] = v;
                alert->mutable_annotations()->clear();
                for (const auto &[k, v] : a.annotations)
                    (*alert->mutable_annotations())[k] = v;
                *alert->mutable_starts_at() = fromMs(a.startsAtMs);
                if (a.endsAtMs && status == pb::Alert::RESOLVED)
                    *alert->mutable_ends_at() = fromMs(*a.endsAtMs);
                else
                    alert->clear_ends_at();
                alert->set_generator_url(a.generatorUrl);
                *alert->mutable_last_notified_time() = fromMs(tx.nowMs);
                if (changed)
                    tx.note(i, amName,
                            status == pb::Alert::FIRING ? pb::TimelineEntry::ALERT_FIRING
                                                        : pb::TimelineEntry::ALERT_RESOLVED,
                            describe(a.labels) +
                                (status == pb::Alert::FIRING ? " firing" : " resolved"));
                // Links from labels, when they name what exists.
                if (auto r = a.labels.find("region"); r != a.labels.end())
                    if (core::isValidId(r->second) && regionExists(*tx.db, "regions/" + r->second))
                        addLink(i.mutable_regions(), "regions/" + r->second);
                if (auto m = a.labels.find("model"); m != a.labels.end())
                    if (core::isValidId(m->second) && modelExists(*tx.db, "models/" + m->second))
                        addLink(i.mutable_models(), "models/" + m->second);
            }
            int nowFiring = 0;
            pb::IncidentSeverity severity = pb::SEV4;
            for (const pb::Alert &a : i.alerts()) {
                nowFiring += a.status() == pb::Alert::FIRING;
                severity = std::min(severity, severityOf(a.labels()));
            }
            i.set_firing_alerts(nowFiring);
            if (!i.severity_pinned() && severity != i.severity()) {
                if (i.timeline_size() > 1)
                    tx.note(i, amName, pb::TimelineEntry::SEVERITY_CHANGED,
                            std::string("Severity ") + severityName(i.severity()) + " -> " +
                                severityName(severity) + " (from the alerts' severity labels)");
                i.set_severity(severity);
            }
            if (n.status == "resolved" && nowFiring == 0 && isOpen(i.state())) {
                const pb::IncidentState from = i.state();
                i.set_state(pb::RESOLVED);
                *i.mutable_resolve_time() = fromMs(tx.nowMs);
                i.set_resolved_by(amName);
                tx.note(i, amName, pb::TimelineEntry::STATE_CHANGE,
                        std::string(stateName(from)) + " -> RESOLVED: " + amName +
                            " resolved the group",
                        pb::RESOLVED);
            }
            *summary = i.name() + ": " + std::to_string(n.alerts.size()) + " alerts, " +
                       std::to_string(nowFiring) + " firing, " + stateName(i.state());
            return Status::OK;
        });
}

Status IncidentOps::openSimulated(const Caller &c, const std::string &dedupKey,
                                  const std::string &title, const std::string &summary,
                                  pb::IncidentSeverity severity,
                                  const std::vector<std::string> &regions,
                                  const std::vector<std::string> &models)
{
    return m_store.mutate(&c, "incidents", "simulator: " + title, [&](Tx &tx) {
        if (tx.openByDedup(dedupKey))
            return Status::OK;
        const std::int64_t number = tx.nextNumber();
        pb::Incident &i = tx.stage(number);
        i.set_name(incidentName(number));
        i.set_number(number);
        i.set_title(title.substr(0, kMaxTitle));
        i.set_summary(summary);
        i.set_severity(severity);
        i.set_state(pb::TRIGGERED);
        i.set_source(pb::SIMULATOR);
        i.set_dedup_key(dedupKey);
        i.set_created_by("simulator");
        for (const std::string &r : regions)
            if (regionExists(*tx.db, r))
                addLink(i.mutable_regions(), r);
        for (const std::string &m : models)
            if (modelExists(*tx.db, m))
                addLink(i.mutable_models(), m);
        *i.mutable_trigger_time() = fromMs(tx.nowMs);
        tx.note(i, "simulator", pb::TimelineEntry::STATE_CHANGE, "Triggered: " + summary,
                pb::TRIGGERED);
        return Status::OK;
    });
}

Status IncidentOps::openModuleAlert(const Caller &c, const core::ModuleAlert &alert)
{
    return m_store.mutate(&c, "incidents", alert.source + ": " + alert.title, [&](Tx &tx) {
        if (tx.openByDedup(alert.dedupKey))
            return Status::OK;
        const std::int64_t number = tx.nextNumber();
        pb::Incident &i = tx.stage(number);
        i.set_name(incidentName(number));
        i.set_number(number);
        i.set_title(alert.title.substr(0, kMaxTitle));
        i.set_summary(alert.summary + (alert.resource.empty() ? "" : " (" + alert.resource + ")"));
        i.set_severity(pb::IncidentSeverity_IsValid(alert.severity) && alert.severity > 0
                           ? pb::IncidentSeverity(alert.severity)
                           : pb::SEV3);
        i.set_state(pb::TRIGGERED);
        i.set_source(pb::MANUAL);
        i.set_dedup_key(alert.dedupKey);
        i.set_created_by(alert.source);
        for (const std::string &r : alert.regions)
            if (regionExists(*tx.db, r))
                addLink(i.mutable_regions(), r);
        for (const std::string &m : alert.models)
            if (modelExists(*tx.db, m))
                addLink(i.mutable_models(), m);
        *i.mutable_trigger_time() = fromMs(tx.nowMs);
        tx.note(i, alert.source, pb::TimelineEntry::STATE_CHANGE, "Triggered: " + alert.summary,
                pb::TRIGGERED);
        return Status::OK;
    });
}

Status IncidentOps::resolveSimulated(const Caller &c, const std::string &dedupKey,
                                     const std::string &text)
{
    return m_store.mutate(&c, "incidents", "simulator: resolve " + dedupKey, [&](Tx &tx) {
        const std::int64_t number = tx.openByDedup(dedupKey);
        if (!number)
            return Status::OK;
        pb::Incident &i = tx.stage(number);
        const pb::IncidentState from = i.state();
        i.set_state(pb::RESOLVED);
        *i.mutable_resolve_time() = fromMs(tx.nowMs);
        i.set_resolved_by("simulator");
        tx.note(i, "simulator", pb::TimelineEntry::STATE_CHANGE,
                std::string(stateName(from)) + " -> RESOLVED: " + text, pb::RESOLVED);
        return Status::OK;
    });
}

} // namespace platformd::incidents
