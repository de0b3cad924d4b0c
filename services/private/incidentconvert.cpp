#include "incidentconvert.h"

#include "convert.h"

namespace ops::convert {

namespace {

std::string bytes(const QString &s)
{
    return s.toStdString();
}

QStringList strings(const google::protobuf::RepeatedPtrField<std::string> &list)
{
    QStringList out;
    out.reserve(list.size());
    for (const std::string &s : list)
        out.append(str(s));
    return out;
}

QMap<QString, QString> stringMap(const google::protobuf::Map<std::string, std::string> &map)
{
    QMap<QString, QString> out;
    for (const auto &[k, v] : map)
        out.insert(str(k), str(v));
    return out;
}

// Alertmanager's "0001-01-01T00:00:00Z" (no end while firing) as well as an unset time: invalid.
QDateTime time(const google::protobuf::Timestamp &t)
{
    return t.seconds() < 0 ? QDateTime() : toDateTime(t);
}

void setTime(const QDateTime &t, google::protobuf::Timestamp *out)
{
    if (t.isValid())
        toTimestamp(t, out);
}

TimelineEntry toTimelineEntry(const pb::TimelineEntry &e)
{
    TimelineEntry out;
    out.seq = e.seq();
    out.time = time(e.time());
    out.actor = str(e.actor());
    out.kind =
        e.kind() >= pb::TimelineEntry::KIND_UNSPECIFIED && e.kind() <= pb::TimelineEntry::UPDATED
            ? TimelineKind(int(e.kind()))
            : TimelineKind::Unspecified;
    out.text = str(e.text());
    out.state = toIncidentState(e.state());
    return out;
}

IncidentSource toSource(pb::IncidentSource source)
{
    return source >= pb::INCIDENT_SOURCE_UNSPECIFIED && source <= pb::MANUAL
               ? IncidentSource(int(source))
               : IncidentSource::Unspecified;
}

} // namespace

IncidentSeverity toIncidentSeverity(pb::IncidentSeverity severity)
{
    return severity >= pb::INCIDENT_SEVERITY_UNSPECIFIED && severity <= pb::SEV4
               ? IncidentSeverity(int(severity))
               : IncidentSeverity::Unspecified;
}

pb::IncidentSeverity toPbSeverity(IncidentSeverity severity)
{
    return pb::IncidentSeverity(int(severity));
}

IncidentState toIncidentState(pb::IncidentState state)
{
    return state >= pb::INCIDENT_STATE_UNSPECIFIED && state <= pb::CLOSED
               ? IncidentState(int(state))
               : IncidentState::Unspecified;
}

IncidentAlert toIncidentAlert(const pb::Alert &a)
{
    IncidentAlert out;
    out.fingerprint = str(a.fingerprint());
    out.alertmanager = str(a.alertmanager());
    out.firing = a.status() == pb::Alert::FIRING;
    out.labels = stringMap(a.labels());
    out.annotations = stringMap(a.annotations());
    out.startsAt = time(a.starts_at());
    out.endsAt = time(a.ends_at());
    out.generatorUrl = str(a.generator_url());
    out.lastNotifiedTime = time(a.last_notified_time());
    out.silencedBy = strings(a.silenced_by());
    return out;
}

Postmortem toPostmortem(const pb::Postmortem &p)
{
    Postmortem out;
    out.summary = str(p.summary());
    out.impact = str(p.impact());
    out.rootCause = str(p.root_cause());
    out.resolution = str(p.resolution());
    out.lessons = str(p.lessons());
    for (const pb::FollowUp &f : p.follow_ups()) {
        FollowUp fu;
        fu.title = str(f.title());
        fu.owner = str(f.owner());
        fu.dueTime = time(f.due_time());
        fu.done = f.done();
        fu.ticketUrl = str(f.ticket_url());
        out.followUps.append(fu);
    }
    out.updatedBy = str(p.updated_by());
    out.updateTime = time(p.update_time());
    return out;
}

void toPbPostmortem(const Postmortem &p, pb::Postmortem *out)
{
    out->set_summary(bytes(p.summary));
    out->set_impact(bytes(p.impact));
    out->set_root_cause(bytes(p.rootCause));
    out->set_resolution(bytes(p.resolution));
    out->set_lessons(bytes(p.lessons));
    for (const FollowUp &f : p.followUps) {
        pb::FollowUp *fu = out->add_follow_ups();
        fu->set_title(bytes(f.title));
        fu->set_owner(bytes(f.owner));
        setTime(f.dueTime, fu->mutable_due_time());
        fu->set_done(f.done);
        fu->set_ticket_url(bytes(f.ticketUrl));
    }
}

Incident toIncident(const pb::Incident &i)
{
    Incident out;
    out.name = str(i.name());
    out.number = i.number();
    out.title = str(i.title());
    out.summary = str(i.summary());
    out.severity = toIncidentSeverity(i.severity());
    out.severityPinned = i.severity_pinned();
    out.state = toIncidentState(i.state());
    out.source = toSource(i.source());
    out.dedupKey = str(i.dedup_key());
    out.assignee = str(i.assignee());
    out.createdBy = str(i.created_by());
    out.regions = strings(i.regions());
    out.models = strings(i.models());
    out.groupLabels = stringMap(i.group_labels());
    out.alerts.reserve(i.alerts_size());
    for (const pb::Alert &a : i.alerts())
        out.alerts.append(toIncidentAlert(a));
    out.firingAlerts = i.firing_alerts();
    out.triggerTime = time(i.trigger_time());
    out.acknowledgeTime = time(i.acknowledge_time());
    out.mitigateTime = time(i.mitigate_time());
    out.resolveTime = time(i.resolve_time());
    out.closeTime = time(i.close_time());
    out.acknowledgedBy = str(i.acknowledged_by());
    out.resolvedBy = str(i.resolved_by());
    for (const pb::TimelineEntry &e : i.timeline())
        out.timeline.append(toTimelineEntry(e));
    out.timelineLength = i.timeline_length();
    out.postmortem = toPostmortem(i.postmortem());
    out.runbooks = strings(i.runbooks());
    out.createTime = time(i.create_time());
    out.updateTime = time(i.update_time());
    out.revision = i.revision();
    return out;
}

void toPbIncident(const Incident &i, pb::Incident *out)
{
    out->set_name(bytes(i.name));
    out->set_title(bytes(i.title));
    out->set_summary(bytes(i.summary));
    out->set_severity(toPbSeverity(i.severity));
    out->set_assignee(bytes(i.assignee));
    for (const QString &r : i.regions)
        out->add_regions(bytes(r));
    for (const QString &m : i.models)
        out->add_models(bytes(m));
}

Silence toSilence(const pb::Silence &s)
{
    Silence out;
    out.name = str(s.name());
    out.alertmanager = str(s.alertmanager());
    out.id = str(s.id());
    for (const pb::SilenceMatcher &m : s.matchers())
        out.matchers.append({str(m.name()), str(m.value()), m.is_regex(), m.is_equal()});
    out.startsAt = time(s.starts_at());
    out.endsAt = time(s.ends_at());
    out.createdBy = str(s.created_by());
    out.comment = str(s.comment());
    switch (s.state()) {
    case pb::Silence::ACTIVE:
        out.state = SilenceState::Active;
        break;
    case pb::Silence::PENDING:
        out.state = SilenceState::Pending;
        break;
    case pb::Silence::EXPIRED:
        out.state = SilenceState::Expired;
        break;
    default:
        break;
    }
    out.updateTime = time(s.update_time());
    out.incident = str(s.incident());
    out.matchedAlerts = s.matched_alerts();
    out.revision = s.revision();
    return out;
}

void toPbSilence(const Silence &s, pb::Silence *out)
{
    out->set_alertmanager(bytes(s.alertmanager));
    for (const SilenceMatcher &m : s.matchers) {
        pb::SilenceMatcher *pm = out->add_matchers();
        pm->set_name(bytes(m.name));
        pm->set_value(bytes(m.value));
        pm->set_is_regex(m.isRegex);
        pm->set_is_equal(m.isEqual);
    }
    setTime(s.startsAt, out->mutable_starts_at());
    setTime(s.endsAt, out->mutable_ends_at());
    out->set_comment(bytes(s.comment));
    out->set_incident(bytes(s.incident));
}

AlertmanagerInfo toAlertmanager(const pb::Alertmanager &a)
{
    AlertmanagerInfo out;
    out.name = str(a.name());
    out.url = str(a.url());
    out.webhookPath = str(a.webhook_path());
    out.reachable = a.reachable();
    out.lastError = str(a.last_error());
    out.lastSyncTime = time(a.last_sync_time());
    out.lastWebhookTime = time(a.last_webhook_time());
    return out;
}

Runbook toRunbook(const pb::Runbook &r)
{
    Runbook out;
    out.name = str(r.name());
    out.alertName = str(r.alert_name());
    out.markdown = str(r.markdown());
    out.updatedBy = str(r.updated_by());
    out.updateTime = time(r.update_time());
    out.revision = r.revision();
    return out;
}

IncidentChangeBatch toIncidentChangeBatch(const pb::IncidentChangeBatch &batch)
{
    IncidentChangeBatch out;
    out.revision = batch.revision();
    out.commitTime = time(batch.commit_time());
    for (const pb::IncidentEvent &event : batch.events()) {
        if (event.type() == pb::CHANGE_TYPE_DELETE) {
            out.deleted.append(str(event.name()));
            continue;
        }
        switch (event.resource_case()) {
        case pb::IncidentEvent::kIncident:
            out.incidents.append(toIncident(event.incident()));
            break;
        case pb::IncidentEvent::kSilence:
            out.silences.append(toSilence(event.silence()));
            break;
        case pb::IncidentEvent::kRunbook:
            out.runbooks.append(toRunbook(event.runbook()));
            break;
        default:
            break;
        }
    }
    return out;
}

IncidentAnalytics toIncidentAnalytics(const pb::IncidentAnalytics &a)
{
    IncidentAnalytics out;
    out.startTime = time(a.start_time());
    out.endTime = time(a.end_time());
    out.triggered = a.triggered();
    out.acknowledged = a.acknowledged();
    out.resolved = a.resolved();
    out.open = a.open();
    out.mttaSeconds = a.mtta_seconds();
    out.mttrSeconds = a.mttr_seconds();
    auto counts = [](const auto &list) {
        QList<IncidentCount> result;
        for (const pb::IncidentCount &c : list)
            result.append({str(c.key()), c.count()});
        return result;
    };
    out.bySeverity = counts(a.by_severity());
    out.byRegion = counts(a.by_region());
    out.bySource = counts(a.by_source());
    for (const pb::AnalyticsBucket &b : a.buckets())
        out.buckets.append({time(b.start_time()), b.triggered(), b.resolved(), b.mtta_seconds(),
                            b.mttr_seconds()});
    return out;
}

IncidentError toIncidentError(const grpc::Status &status, const QString &what)
{
    return toClientError<IncidentError>(status, what);
}

} // namespace ops::convert
