// The incidents' writes other than silences and notifications: the lifecycle, notes, postmortems,
// updates and runbooks. Each validates against what is committed plus what it staged, under the
// module's writer lock, and commits together with its audit row.
#include "incidents/private/incidentops.h"
#include "core/database.h"
#include "regions/regionstore.h"

#include <google/protobuf/util/time_util.h>

#include <set>

namespace platformd::incidents {

namespace {

// Each state's time field.
google::protobuf::Timestamp *timeOf(pb::Incident &i, pb::IncidentState s)
{
    switch (s) {
    case pb::TRIGGERED:
        return i.mutable_trigger_time();
    case pb::ACKNOWLEDGED:
        return i.mutable_acknowledge_time();
    case pb::MITIGATED:
        return i.mutable_mitigate_time();
    case pb::RESOLVED:
        return i.mutable_resolve_time();
    default:
        return i.mutable_close_time();
    }
}

bool hasTimeOf(const pb::Incident &i, pb::IncidentState s)
{
    switch (s) {
    case pb::TRIGGERED:
        return i.has_trigger_time();
    case pb::ACKNOWLEDGED:
        return i.has_acknowledge_time();
    case pb::MITIGATED:
        return i.has_mitigate_time();
    case pb::RESOLVED:
        return i.has_resolve_time();
    default:
        return i.has_close_time();
    }
}

Status checkLinks(const google::protobuf::RepeatedPtrField<std::string> &v, const char *field,
                  const char *prefix)
{
    if (v.size() > kMaxLinks)
        return invalid(std::string(field) + ": more than " + std::to_string(kMaxLinks));
    std::set<std::string> seen;
    for (const std::string &name : v) {
        if (!name.starts_with(prefix) || !core::isValidId(name.substr(std::strlen(prefix))))
            return invalid(std::string(field) + ": expected " + prefix + "{id}, got " +
                           core::quote(name));
        if (!seen.insert(name).second)
            return invalid(std::string(field) + ": " + name + " given twice");
    }
    return Status::OK;
}

std::string joined(const google::protobuf::RepeatedPtrField<std::string> &v)
{
    std::string out;
    for (const std::string &s : v)
        out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "none" : out;
}

} // namespace

bool regionExists(core::Connection &db, const std::string &name)
{
    return regions::RegionStore::readRegion(db, name).has_value();
}

bool modelExists(core::Connection &db, const std::string &name)
{
    // The registry's table (migration 5); the registry has no instance-free public reader.
    core::Stmt &s = db.prepare("SELECT 1 FROM registry_models WHERE name = ?1");
    s.bind(1, name);
    const bool found = s.step();
    s.reset();
    return found;
}

Status checkAssignee(core::Connection &db, const std::string &assignee)
{
    if (assignee.empty())
        return Status::OK;
    if (!assignee.starts_with("users/") || !core::isValidId(assignee.substr(6)))
        return invalid("assignee: expected users/{user}, got " + core::quote(assignee));
    if (!core::findUser(db, assignee.substr(6)))
        return invalid("assignee: no such user " + assignee);
    return Status::OK;
}

Status checkRegions(core::Connection &db, const google::protobuf::RepeatedPtrField<std::string> &v)
{
    if (Status s = checkLinks(v, "regions", "regions/"); !s.ok())
        return s;
    for (const std::string &name : v)
        if (!regionExists(db, name))
            return invalid("regions: no such region " + name);
    return Status::OK;
}

Status checkModels(core::Connection &db, const google::protobuf::RepeatedPtrField<std::string> &v)
{
    if (Status s = checkLinks(v, "models", "models/"); !s.ok())
        return s;
    for (const std::string &name : v)
        if (!modelExists(db, name))
            return invalid("models: no such model " + name);
    return Status::OK;
}

Status IncidentOps::stageIncident(Tx &tx, const std::string &name, pb::Incident **out)
{
    const std::int64_t number = incidentNumberOf(name);
    if (!number)
        return invalid("name: expected incidents/{number}, got " + core::quote(name));
    if (!tx.incident(number))
        return notFound(name);
    *out = &tx.stage(number);
    return Status::OK;
}

Status IncidentOps::create(const Caller &c, const pb::CreateIncidentRequest &r, pb::Incident *out)
{
    const pb::Incident &in = r.incident();
    if (in.title().empty())
        return invalid("incident.title: required");
    if (Status s = checkText(in.title(), kMaxTitle, "incident.title"); !s.ok())
        return s;
    if (Status s = checkText(in.summary(), kMaxMarkdown, "incident.summary", true); !s.ok())
        return s;
    if (in.severity() < pb::SEV1 || in.severity() > pb::SEV4)
        return invalid("incident.severity: required, one of SEV1..SEV4");
    std::int64_t number = 0;
    return m_store.mutate(
        &c, "incidents", "declare incident \"" + in.title() + "\"",
        [&](Tx &tx) {
            if (Status s = checkAssignee(*tx.db, in.assignee()); !s.ok())
                return s;
            if (Status s = checkRegions(*tx.db, in.regions()); !s.ok())
                return s;
            if (Status s = checkModels(*tx.db, in.models()); !s.ok())
                return s;
            number = tx.nextNumber();
            pb::Incident &i = tx.stage(number);
            i.set_name(incidentName(number));
            i.set_number(number);
            i.set_title(in.title());
            i.set_summary(in.summary());
            i.set_severity(in.severity());
            i.set_severity_pinned(true);
            i.set_state(pb::TRIGGERED);
            i.set_source(pb::MANUAL);
            i.set_assignee(in.assignee());
            i.set_created_by(c.actor);
            *i.mutable_regions() = in.regions();
            *i.mutable_models() = in.models();
            *i.mutable_trigger_time() = fromMs(tx.nowMs);
            tx.note(i, c.actor, pb::TimelineEntry::STATE_CHANGE,
                    std::string("Declared by hand as ") + severityName(in.severity()),
                    pb::TRIGGERED);
            if (!in.assignee().empty())
                tx.note(i, c.actor, pb::TimelineEntry::ASSIGNED, "Assigned to " + in.assignee());
            return Status::OK;
        },
        [&](const Tx &tx) { *out = m_store.view(tx.incidents.at(number), true); });
}

Status IncidentOps::update(const Caller &c, const pb::UpdateIncidentRequest &r, pb::Incident *out)
{
    const pb::Incident &in = r.incident();
    if (r.update_mask().paths().empty())
        return invalid("update_mask: required (title, summary, severity, assignee, regions, "
                       "models)");
    std::set<std::string> paths;
    for (const std::string &p : r.update_mask().paths()) {
        if (p != "title" && p != "summary" && p != "severity" && p != "assignee" &&
            p != "regions" && p != "models")
            return invalid("update_mask: cannot update " + core::quote(p) +
                           " (title, summary, severity, assignee, regions, models)");
        paths.insert(p);
    }
    if (paths.count("title")) {
        if (in.title().empty())
            return invalid("incident.title: must not be empty");
        if (Status s = checkText(in.title(), kMaxTitle, "incident.title"); !s.ok())
            return s;
    }
    if (paths.count("summary"))
        if (Status s = checkText(in.summary(), kMaxMarkdown, "incident.summary", true); !s.ok())
            return s;
    if (paths.count("severity") && (in.severity() < pb::SEV1 || in.severity() > pb::SEV4))
        return invalid("incident.severity: one of SEV1..SEV4");
    pb::Incident *staged = nullptr;
    return m_store.mutate(
        &c, in.name(), "update incident",
        [&](Tx &tx) {
            pb::Incident *i = nullptr;
            if (Status s = stageIncident(tx, in.name(), &i); !s.ok())
                return s;
            std::vector<std::string> changed;
            if (paths.count("assignee")) {
                if (Status s = checkAssignee(*tx.db, in.assignee()); !s.ok())
                    return s;
                if (i->assignee() != in.assignee()) {
                    i->set_assignee(in.assignee());
                    tx.note(*i, c.actor, pb::TimelineEntry::ASSIGNED,
                            in.assignee().empty() ? "Unassigned" : "Assigned to " + in.assignee());
                }
            }
            if (paths.count("regions")) {
                if (Status s = checkRegions(*tx.db, in.regions()); !s.ok())
                    return s;
                *i->mutable_regions() = in.regions();
                changed.push_back("regions: " + joined(in.regions()));
            }
            if (paths.count("models")) {
                if (Status s = checkModels(*tx.db, in.models()); !s.ok())
                    return s;
                *i->mutable_models() = in.models();
                changed.push_back("models: " + joined(in.models()));
            }
            if (paths.count("severity")) {
                if (i->severity() != in.severity())
                    tx.note(*i, c.actor, pb::TimelineEntry::SEVERITY_CHANGED,
                            std::string("Severity ") + severityName(i->severity()) + " -> " +
                                severityName(in.severity()) + " (set by hand)");
                i->set_severity(in.severity());
                i->set_severity_pinned(true);
            }
            if (paths.count("title") && i->title() != in.title()) {
                i->set_title(in.title());
                changed.push_back("title");
            }
            if (paths.count("summary") && i->summary() != in.summary()) {
                i->set_summary(in.summary());
                changed.push_back("summary");
            }
            if (!changed.empty()) {
                std::string text = "Updated ";
                for (size_t k = 0; k < changed.size(); ++k)
                    text += (k ? "; " : "") + changed[k];
                tx.note(*i, c.actor, pb::TimelineEntry::UPDATED, text);
            }
            staged = i;
            return Status::OK;
        },
        [&](const Tx &) { *out = m_store.view(*staged, true); });
}

Status IncidentOps::step(Tx &tx, const std::string &actor, pb::Incident &i,
                         pb::IncidentState target, std::int64_t effectiveMs,
                         const std::string &comment)
{
    const pb::IncidentState from = i.state();
    if (target == pb::TRIGGERED) { // reopen
        if (from == pb::TRIGGERED || from == pb::CLOSED)
            return precondition(std::string("cannot reopen a ") + stateName(from) +
                                " incident (only ACKNOWLEDGED, MITIGATED or RESOLVED)");
        if (!i.dedup_key().empty())
            if (const std::int64_t other = tx.openByDedup(i.dedup_key());
                other && other != i.number())
                return precondition(incidentName(other) + " is already open for " + i.dedup_key());
        i.clear_acknowledge_time();
        i.clear_mitigate_time();
        i.clear_resolve_time();
        i.clear_acknowledged_by();
        i.clear_resolved_by();
        i.set_state(pb::TRIGGERED);
        tx.note(i, actor, pb::TimelineEntry::STATE_CHANGE,
                std::string("Reopened: ") + stateName(from) +
                    " -> TRIGGERED; acknowledge, mitigate and resolve times cleared" +
                    (comment.empty() ? "" : "\n\n" + comment),
                pb::TRIGGERED, effectiveMs);
        return Status::OK;
    }
    if (target <= from)
        return precondition(std::string("incident is ") + stateName(from) + "; cannot move to " +
                            stateName(target));
    if (target == pb::CLOSED) {
        if (from != pb::RESOLVED)
            return precondition(std::string("only a RESOLVED incident can be closed; it is ") +
                                stateName(from));
        if (i.postmortem().summary().empty())
            return precondition("closing needs a postmortem with a summary (UpdatePostmortem)");
    }
    if (effectiveMs > tx.nowMs)
        return invalid("effective_time: " + formatTime(effectiveMs) + " is in the future (now " +
                       formatTime(tx.nowMs) + ")");
    // Never before the previous state's time.
    for (int s = int(target) - 1; s >= int(pb::TRIGGERED); --s) {
        const auto prev = pb::IncidentState(s);
        if (!hasTimeOf(i, prev))
            continue;
        const std::int64_t prevMs = toMs(*timeOf(i, prev));
        if (effectiveMs < prevMs)
            return invalid("effective_time: " + formatTime(effectiveMs) + " is before " +
                           stateName(prev) + " time " + formatTime(prevMs));
        break;
    }
    *timeOf(i, target) = fromMs(effectiveMs);
    if (target == pb::ACKNOWLEDGED)
        i.set_acknowledged_by(actor);
    if (target == pb::RESOLVED)
        i.set_resolved_by(actor);
    i.set_state(target);
    tx.note(i, actor, pb::TimelineEntry::STATE_CHANGE,
            std::string(stateName(from)) + " -> " + stateName(target) +
                (comment.empty() ? "" : "\n\n" + comment),
            target, effectiveMs);
    return Status::OK;
}

Status IncidentOps::transition(const Caller &c, const pb::TransitionIncidentRequest &r,
                               pb::IncidentState target, pb::Incident *out)
{
    if (Status s = checkText(r.comment(), kMaxComment, "comment", true); !s.ok())
        return s;
    if (target == pb::CLOSED && !c.can("incidents.close"))
        return Status(StatusCode::PERMISSION_DENIED, "closing an incident needs incidents.close");
    const char *verb = target == pb::TRIGGERED   ? "reopen"
                       : target == pb::MITIGATED ? "mitigate"
                       : target == pb::RESOLVED  ? "resolve"
                                                 : "close";
    pb::Incident *staged = nullptr;
    return m_store.mutate(
        &c, r.name(), std::string(verb) + " incident",
        [&](Tx &tx) {
            pb::Incident *i = nullptr;
            if (Status s = stageIncident(tx, r.name(), &i); !s.ok())
                return s;
            const std::int64_t effective =
                r.has_effective_time() ? toMs(r.effective_time()) : tx.nowMs;
            staged = i;
            return step(tx, c.actor, *i, target, effective, r.comment());
        },
        [&](const Tx &) { *out = m_store.view(*staged, true); });
}

Status IncidentOps::addNote(const Caller &c, const pb::AddTimelineNoteRequest &r, pb::Incident *out)
{
    if (r.text().empty())
        return invalid("text: required (Markdown, 1..20000 bytes)");
    if (Status s = checkText(r.text(), kMaxMarkdown, "text", true); !s.ok())
        return s;
    pb::Incident *staged = nullptr;
    return m_store.mutate(
        &c, r.name(), "add timeline note",
        [&](Tx &tx) {
            if (Status s = stageIncident(tx, r.name(), &staged); !s.ok())
                return s;
            tx.note(*staged, c.actor, pb::TimelineEntry::NOTE, r.text());
            return Status::OK;
        },
        [&](const Tx &) { *out = m_store.view(*staged, true); });
}

Status IncidentOps::updatePostmortem(const Caller &c, const pb::UpdatePostmortemRequest &r,
                                     pb::Incident *out)
{
    const pb::Postmortem &p = r.postmortem();
    const std::pair<const std::string *, const char *> sections[] = {
        {&p.summary(), "postmortem.summary"},       {&p.impact(), "postmortem.impact"},
        {&p.root_cause(), "postmortem.root_cause"}, {&p.resolution(), "postmortem.resolution"},
        {&p.lessons(), "postmortem.lessons"},
    };
    for (const auto &[text, field] : sections)
        if (Status s = checkText(*text, kMaxMarkdown, field, true); !s.ok())
            return s;
    if (p.follow_ups_size() > kMaxFollowUps)
        return invalid("postmortem.follow_ups: more than " + std::to_string(kMaxFollowUps));
    for (int k = 0; k < p.follow_ups_size(); ++k) {
        const pb::FollowUp &f = p.follow_ups(k);
        const std::string field = "postmortem.follow_ups[" + std::to_string(k) + "]";
        if (f.title().empty())
            return invalid(field + ".title: required");
        if (Status s = checkText(f.title(), kMaxTitle, field + ".title"); !s.ok())
            return s;
        if (Status s = checkText(f.owner(), kMaxTitle, field + ".owner"); !s.ok())
            return s;
        if (Status s = checkText(f.ticket_url(), 2000, field + ".ticket_url"); !s.ok())
            return s;
        if (!f.ticket_url().empty() && !f.ticket_url().starts_with("https://") &&
            !f.ticket_url().starts_with("http://"))
            return invalid(field + ".ticket_url: expected an http(s) URL");
    }
    pb::Incident *staged = nullptr;
    return m_store.mutate(
        &c, r.name(), "update postmortem",
        [&](Tx &tx) {
            if (Status s = stageIncident(tx, r.name(), &staged); !s.ok())
                return s;
            const bool had = staged->has_postmortem();
            *staged->mutable_postmortem() = p;
            staged->mutable_postmortem()->set_updated_by(c.actor);
            *staged->mutable_postmortem()->mutable_update_time() = fromMs(tx.nowMs);
            int done = 0;
            for (const pb::FollowUp &f : p.follow_ups())
                done += f.done();
            tx.note(*staged, c.actor, pb::TimelineEntry::POSTMORTEM,
                    std::string(had ? "Postmortem updated" : "Postmortem started") + " (" +
                        std::to_string(p.follow_ups_size()) + " follow-ups, " +
                        std::to_string(done) + " done)");
            return Status::OK;
        },
        [&](const Tx &) { *out = m_store.view(*staged, true); });
}

Status IncidentOps::updateRunbook(const Caller &c, const pb::UpdateRunbookRequest &r,
                                  pb::Runbook *out)
{
    const std::string &name = r.runbook().name();
    const std::string alertName = name.starts_with("runbooks/") ? name.substr(9) : std::string();
    if (!isValidAlertName(alertName))
        return invalid("runbook.name: expected runbooks/{alertname}, got " + core::quote(name));
    if (Status s = checkText(r.runbook().markdown(), kMaxRunbook, "runbook.markdown", true);
        !s.ok())
        return s;
    return m_store.mutate(
        &c, name, "update runbook",
        [&](Tx &tx) {
            pb::Runbook &rb = tx.runbooks[alertName];
            rb.set_name(name);
            rb.set_alert_name(alertName);
            rb.set_markdown(r.runbook().markdown());
            rb.set_updated_by(c.actor);
            *rb.mutable_update_time() = fromMs(tx.nowMs);
            return Status::OK;
        },
        [&](const Tx &tx) { *out = tx.runbooks.at(alertName); });
}

} // namespace platformd::incidents
