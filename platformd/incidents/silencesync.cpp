#include "incidents/private/silencesync.h"

#include "incidents/http/alertmanagerclient.h"

#include <spdlog/spdlog.h>

#include <set>

namespace platformd::incidents {

pb::Silence silenceOf(const std::string &am, const AmSilence &s)
{
    pb::Silence out;
    out.set_name(silenceName(am, s.id));
    out.set_alertmanager("alertmanagers/" + am);
    out.set_id(s.id);
    for (const AmMatcher &m : s.matchers) {
        pb::SilenceMatcher *pm = out.add_matchers();
        pm->set_name(m.name);
        pm->set_value(m.value);
        pm->set_is_regex(m.isRegex);
        pm->set_is_equal(m.isEqual);
    }
    *out.mutable_starts_at() = fromMs(s.startsAtMs);
    *out.mutable_ends_at() = fromMs(s.endsAtMs);
    out.set_created_by(s.createdBy);
    out.set_comment(s.comment);
    out.set_state(s.state == "active"    ? pb::Silence::ACTIVE
                  : s.state == "pending" ? pb::Silence::PENDING
                  : s.state == "expired" ? pb::Silence::EXPIRED
                                         : pb::Silence::STATE_UNSPECIFIED);
    if (s.updatedAtMs)
        *out.mutable_update_time() = fromMs(s.updatedAtMs);
    return out;
}

namespace {

// Whether two mirrors of a silence say the same (ignoring what platformd adds).
bool sameSilence(pb::Silence a, pb::Silence b)
{
    for (pb::Silence *s : {&a, &b}) {
        s->clear_revision();
        s->clear_incident();
        s->clear_matched_alerts();
    }
    return a.SerializeAsString() == b.SerializeAsString();
}

} // namespace

SilenceSync::SilenceSync(IncidentStore &store, std::chrono::milliseconds interval)
    : m_store(store)
    , m_interval(interval)
{
    for (const std::string &id : store.alertmanagerIds())
        m_clients[id] = std::make_unique<AlertmanagerClient>(store.alertmanagerUrl(id),
                                                             std::chrono::seconds(5));
}

SilenceSync::~SilenceSync()
{
    stop();
}

void SilenceSync::start()
{
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[id, client] : m_clients)
            m_poked[id] = true; // the first sync at once
    }
    for (const auto &[id, client] : m_clients)
        m_threads.emplace_back([this, id = id] { run(id); });
}

void SilenceSync::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    for (std::thread &t : m_threads)
        if (t.joinable())
            t.join();
    m_threads.clear();
}

AlertmanagerClient *SilenceSync::client(const std::string &id)
{
    auto it = m_clients.find(id);
    return it == m_clients.end() ? nullptr : it->second.get();
}

void SilenceSync::setActive(bool active)
{
    if (m_active.exchange(active) == active || !active)
        return;
    std::lock_guard lock(m_mutex);
    for (const auto &[id, client] : m_clients)
        m_poked[id] = true; // taking over: sync at once
    m_cv.notify_all();
}

void SilenceSync::poke(const std::string &id)
{
    {
        std::lock_guard lock(m_mutex);
        m_poked[id] = true;
    }
    m_cv.notify_all();
}

bool SilenceSync::syncOnce(const std::string &id, std::string *error)
{
    AlertmanagerClient *c = client(id);
    if (!c) {
        *error = "alertmanagers/" + id + " is not configured";
        return false;
    }
    std::vector<AmSilence> silences;
    if (!c->listSilences(&silences, error)) {
        m_store.noteSync(id, false, *error);
        return false;
    }
    m_store.noteSync(id, true, {});
    const std::string amName = "alertmanagers/" + id;
    m_store.mutate(nullptr, {}, {}, [&](Tx &tx) {
        std::set<std::string> seen;
        for (const AmSilence &s : silences) {
            pb::Silence mirror = silenceOf(id, s);
            seen.insert(mirror.name());
            const pb::Silence *known = tx.silence(mirror.name());
            if (known && sameSilence(*known, mirror))
                continue;
            if (known)
                mirror.set_incident(known->incident());
            tx.silences[mirror.name()] = std::move(mirror);
        }
        // Gone from Alertmanager (garbage-collected after its retention): expired.
        for (const std::string &name : m_store.silenceNames(amName)) {
            if (seen.count(name))
                continue;
            const pb::Silence *known = tx.silence(name);
            if (known && known->state() != pb::Silence::EXPIRED) {
                pb::Silence expired = *known;
                expired.set_state(pb::Silence::EXPIRED);
                tx.silences[name] = std::move(expired);
            }
        }
        return Status::OK;
    });
    return true;
}

void SilenceSync::run(const std::string &id)
{
    std::string error;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, m_interval, [&] { return m_stop || m_poked[id]; });
            if (m_stop)
                return;
            m_poked[id] = false;
        }
        if (!m_active.load())
            continue;
        try {
            syncOnce(id, &error);
        } catch (const std::exception &e) {
            spdlog::error("incidents: syncing alertmanagers/{}: {}", id, e.what());
        }
    }
}

} // namespace platformd::incidents
