// Silences: written to the real Alertmanager first (API v2), read back, then mirrored with their
// audit row; acknowledge-with-silence (karma's "acknowledge").
#include "core/store.h"
#include "incidents/http/alertmanagerclient.h"
#include "incidents/private/incidentops.h"
#include "incidents/private/silencesync.h"

#include <set>

namespace platformd::incidents {

namespace {

Status unavailable(const std::string &am, const std::string &error)
{
    return Status(StatusCode::UNAVAILABLE, "alertmanagers/" + am + ": " + error);
}

AmSilence amSilenceOf(const pb::Silence &s)
{
    AmSilence out;
    out.id = s.id();
    for (const pb::SilenceMatcher &m : s.matchers())
        out.matchers.push_back({m.name(), m.value(), m.is_regex(), m.is_equal()});
    out.startsAtMs = toMs(s.starts_at());
    out.endsAtMs = toMs(s.ends_at());
    out.createdBy = s.created_by();
    out.comment = s.comment();
    return out;
}

Status checkMatchers(const google::protobuf::RepeatedPtrField<pb::SilenceMatcher> &matchers)
{
    if (matchers.empty())
        return invalid("silence.matchers: at least one is required");
    if (matchers.size() > kMaxMatchers)
        return invalid("silence.matchers: more than " + std::to_string(kMaxMatchers));
    for (int k = 0; k < matchers.size(); ++k) {
        const pb::SilenceMatcher &m = matchers[k];
        const std::string field = "silence.matchers[" + std::to_string(k) + "]";
        if (m.name().empty())
            return invalid(field + ".name: required");
        if (Status s = checkText(m.name(), 128, field + ".name"); !s.ok())
            return s;
        if (Status s = checkText(m.value(), 1024, field + ".value"); !s.ok())
            return s;
    }
    return Status::OK;
}

} // namespace

Status IncidentOps::readBack(const std::string &am, const std::string &id, pb::Silence *out)
{
    AmSilence back;
    std::string error;
    if (!m_sync.client(am)->getSilence(id, &back, &error))
        return unavailable(am, error);
    *out = silenceOf(am, back);
    return Status::OK;
}

Status IncidentOps::writeSilence(const std::string &am, const std::string &id,
                                 const pb::Silence &silence, const std::string &createdBy,
                                 pb::Silence *out, std::string *newId)
{
    AlertmanagerClient *client = m_sync.client(am);
    if (!client)
        return precondition("alertmanagers/" + am + " is not configured");
    AmSilence s = amSilenceOf(silence);
    s.id = id;
    s.createdBy = createdBy;
    std::string error;
    if (!client->postSilence(s, newId, &error)) {
        m_store.noteSync(am, false, error);
        return unavailable(am, error);
    }
    return readBack(am, *newId, out);
}

Status IncidentOps::createSilence(const Caller &c, const pb::CreateSilenceRequest &r,
                                  pb::Silence *out)
{
    const pb::Silence &in = r.silence();
    const std::string am = alertmanagerIdOf(in.alertmanager());
    if (am.empty())
        return invalid("silence.alertmanager: expected alertmanagers/{name}, got " +
                       core::quote(in.alertmanager()));
    if (!m_store.hasAlertmanager(am))
        return notFound(in.alertmanager());
    if (Status s = checkMatchers(in.matchers()); !s.ok())
        return s;
    if (in.comment().empty())
        return invalid("silence.comment: required");
    if (Status s = checkText(in.comment(), kMaxComment, "silence.comment", true); !s.ok())
        return s;
    const std::int64_t now = nowMs();
    const std::int64_t starts = in.has_starts_at() ? toMs(in.starts_at()) : now;
    if (!in.has_ends_at())
        return invalid("silence.ends_at: required");
    const std::int64_t ends = toMs(in.ends_at());
    if (ends <= std::max(starts, now))
        return invalid("silence.ends_at: " + formatTime(ends) + " must be after " +
                       formatTime(std::max(starts, now)));
    if (ends - starts > kMaxSilenceMs)
        return invalid("silence.ends_at: a silence lasts at most 30 days");
    if (!in.incident().empty()) {
        const std::int64_t number = incidentNumberOf(in.incident());
        if (!number)
            return invalid("silence.incident: expected incidents/{number}, got " +
                           core::quote(in.incident()));
        pb::Incident ignored;
        if (!m_store.getIncident(in.incident(), &ignored).ok())
            return notFound(in.incident());
    }
    pb::Silence request = in;
    *request.mutable_starts_at() = fromMs(starts);
    pb::Silence written;
    std::string id;
    if (Status s = writeSilence(am, {}, request, c.actor, &written, &id); !s.ok()) {
        core::recordRefusal(m_store.core(), c, s, "CreateSilence in " + in.alertmanager());
        return s;
    }
    written.set_incident(in.incident());
    Status result = m_store.mutate(
        &c, written.name(), "create silence in " + in.alertmanager(),
        [&](Tx &tx) {
            tx.silences[written.name()] = written;
            if (const std::int64_t number = incidentNumberOf(in.incident());
                number && tx.incident(number))
                tx.note(tx.stage(number), c.actor, pb::TimelineEntry::SILENCED,
                        "Silenced until " + formatTime(ends) + " (" + written.name() +
                            "): " + in.comment());
            return Status::OK;
        },
        [&](const Tx &tx) { *out = m_store.viewSilence(tx.silences.at(written.name())); });
    m_sync.poke(am);
    return result;
}

Status IncidentOps::extendSilence(const Caller &c, const pb::ExtendSilenceRequest &r,
                                  pb::Silence *out)
{
    std::string am, id;
    if (!splitSilenceName(r.name(), &am, &id))
        return invalid("name: expected silences/{alertmanager}/{id}, got " + core::quote(r.name()));
    const std::optional<pb::Silence> known = m_store.silence(r.name());
    if (!known || !m_store.hasAlertmanager(am))
        return notFound(r.name());
    if (known->state() == pb::Silence::EXPIRED)
        return precondition(r.name() + " has expired; create a new silence");
    if (!r.has_ends_at())
        return invalid("ends_at: required");
    if (Status s = checkText(r.comment(), kMaxComment, "comment", true); !s.ok())
        return s;
    const std::int64_t now = nowMs(), ends = toMs(r.ends_at());
    if (ends <= now)
        return invalid("ends_at: " + formatTime(ends) + " is in the past");
    if (ends <= toMs(known->starts_at()))
        return invalid("ends_at: must be after the silence's start " +
                       formatTime(toMs(known->starts_at())));
    if (ends - toMs(known->starts_at()) > kMaxSilenceMs)
        return invalid("ends_at: a silence lasts at most 30 days");
    pb::Silence request = *known;
    *request.mutable_ends_at() = r.ends_at();
    if (!r.comment().empty())
        request.set_comment(r.comment());
    pb::Silence written, old;
    std::string newId;
    Status s = writeSilence(am, id, request, known->created_by(), &written, &newId);
    if (s.ok() && newId != id)
        s = readBack(am, id, &old); // replaced: Alertmanager expired the old one
    if (!s.ok()) {
        core::recordRefusal(m_store.core(), c, s, "ExtendSilence " + r.name());
        return s;
    }
    written.set_incident(known->incident());
    old.set_incident(known->incident());
    Status result = m_store.mutate(
        &c, r.name(), "extend silence to " + formatTime(ends),
        [&](Tx &tx) {
            tx.silences[written.name()] = written;
            if (newId != id)
                tx.silences[old.name()] = old;
            if (const std::int64_t number = incidentNumberOf(known->incident());
                number && tx.incident(number))
                tx.note(tx.stage(number), c.actor, pb::TimelineEntry::SILENCED,
                        "Silence " + written.name() + " now ends " + formatTime(ends));
            return Status::OK;
        },
        [&](const Tx &tx) { *out = m_store.viewSilence(tx.silences.at(written.name())); });
    m_sync.poke(am);
    return result;
}

Status IncidentOps::expireSilence(const Caller &c, const pb::ExpireSilenceRequest &r,
                                  pb::Silence *out)
{
    std::string am, id;
    if (!splitSilenceName(r.name(), &am, &id))
        return invalid("name: expected silences/{alertmanager}/{id}, got " + core::quote(r.name()));
    const std::optional<pb::Silence> known = m_store.silence(r.name());
    if (!known || !m_store.hasAlertmanager(am))
        return notFound(r.name());
    if (known->state() == pb::Silence::EXPIRED)
        return precondition(r.name() + " has already expired");
    std::string error;
    pb::Silence written;
    Status s = Status::OK;
    if (!m_sync.client(am)->expireSilence(id, &error)) {
        m_store.noteSync(am, false, error);
        s = unavailable(am, error);
    }
    if (s.ok())
        s = readBack(am, id, &written);
    if (!s.ok()) {
        core::recordRefusal(m_store.core(), c, s, "ExpireSilence " + r.name());
        return s;
    }
    written.set_incident(known->incident());
    Status result = m_store.mutate(
        &c, r.name(), "expire silence",
        [&](Tx &tx) {
            tx.silences[written.name()] = written;
            if (const std::int64_t number = incidentNumberOf(known->incident());
                number && tx.incident(number))
                tx.note(tx.stage(number), c.actor, pb::TimelineEntry::SILENCED,
                        "Silence " + written.name() + " expired");
            return Status::OK;
        },
        [&](const Tx &tx) { *out = m_store.viewSilence(tx.silences.at(written.name())); });
    m_sync.poke(am);
    return result;
}

Status IncidentOps::acknowledge(const Caller &c, const pb::AcknowledgeIncidentRequest &r,
                                pb::Incident *out)
{
    if (Status s = checkText(r.comment(), kMaxComment, "comment", true); !s.ok())
        return s;
    const std::int64_t durationMs =
        r.silence_duration().seconds() * 1000 + r.silence_duration().nanos() / 1000000;
    if (durationMs < 0)
        return invalid("silence_duration: must not be negative");
    if (durationMs > kMaxSilenceMs)
        return invalid("silence_duration: at most 30 days");
    if (durationMs > 0 && r.comment().empty())
        return invalid("comment: required with silence_duration (it becomes the silence's)");
    if (durationMs > 0 && !c.can("silences.write"))
        return Status(StatusCode::PERMISSION_DENIED,
                      "acknowledging with a silence needs silences.write");
    auto transition = [&](Tx &tx, pb::Incident **staged) {
        if (Status s = stageIncident(tx, r.name(), staged); !s.ok())
            return s;
        const std::int64_t effective = r.has_effective_time() ? toMs(r.effective_time()) : tx.nowMs;
        return step(tx, c.actor, **staged, pb::ACKNOWLEDGED, effective, r.comment());
    };
    pb::Incident *staged = nullptr;
    if (durationMs == 0)
        return m_store.mutate(
            &c, r.name(), "acknowledge incident", [&](Tx &tx) { return transition(tx, &staged); },
            [&](const Tx &) { *out = m_store.view(*staged, true); });

    // With a silence: validate first, write to Alertmanager, then commit (expiring what was
    // written when the commit is refused after all).
    std::string am;
    std::vector<pb::Silence> wanted;
    Status check = m_store.mutate(
        nullptr, {}, {},
        [&](Tx &tx) {
            if (Status s = transition(tx, &staged); !s.ok())
                return s;
            const pb::Incident &i = *staged;
            if (i.source() != pb::ALERTMANAGER || i.alerts().empty())
                return precondition(r.name() + " has no Alertmanager alerts to silence");
            am = alertmanagerIdOf(i.alerts(0).alertmanager());
            if (!m_store.hasAlertmanager(am))
                return precondition(i.alerts(0).alertmanager() + " is not configured");
            auto add = [&](const auto &labels) {
                pb::Silence s;
                s.set_alertmanager("alertmanagers/" + am);
                for (const auto &[name, value] : labels) {
                    pb::SilenceMatcher *m = s.add_matchers();
                    m->set_name(name);
                    m->set_value(value);
                    m->set_is_equal(true);
                }
                *s.mutable_starts_at() = fromMs(tx.nowMs);
                *s.mutable_ends_at() = fromMs(tx.nowMs + durationMs);
                s.set_comment(r.comment() + " (" + r.name() + ")");
                wanted.push_back(std::move(s));
            };
            if (!i.group_labels().empty())
                add(std::map<std::string, std::string>(i.group_labels().begin(),
                                                       i.group_labels().end()));
            else
                for (const pb::Alert &a : i.alerts())
                    if (a.status() == pb::Alert::FIRING)
                        add(std::map<std::string, std::string>(a.labels().begin(),
                                                               a.labels().end()));
            if (wanted.empty())
                return precondition(r.name() + " has no firing alert to silence");
            return Status::OK;
        },
        {}, true);
    if (!check.ok()) {
        m_store.mutate(&c, r.name(), "acknowledge incident with a silence",
                       [&](Tx &) { return check; });
        return check;
    }
    std::vector<pb::Silence> written;
    Status failed = Status::OK;
    for (const pb::Silence &s : wanted) {
        pb::Silence back;
        std::string id;
        failed = writeSilence(am, {}, s, c.actor, &back, &id);
        if (!failed.ok())
            break;
        back.set_incident(r.name());
        written.push_back(std::move(back));
    }
    auto undo = [&] {
        std::string ignored;
        for (const pb::Silence &s : written)
            m_sync.client(am)->expireSilence(s.id(), &ignored);
    };
    if (!failed.ok()) {
        undo();
        core::recordRefusal(m_store.core(), c, failed, "AcknowledgeIncident " + r.name());
        return failed;
    }
    Status result = m_store.mutate(
        &c, r.name(), "acknowledge incident with a silence",
        [&](Tx &tx) {
            if (Status s = transition(tx, &staged); !s.ok())
                return s;
            for (const pb::Silence &s : written) {
                tx.silences[s.name()] = s;
                tx.note(*staged, c.actor, pb::TimelineEntry::SILENCED,
                        "Silenced in alertmanagers/" + am + " until " +
                            formatTime(toMs(s.ends_at())) + " (" + s.name() + ")");
            }
            return Status::OK;
        },
        [&](const Tx &) { *out = m_store.view(*staged, true); });
    if (!result.ok())
        undo();
    m_sync.poke(am);
    return result;
}

} // namespace platformd::incidents
