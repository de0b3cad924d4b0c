#include "incidents/private/incidentstore.h"

#include "core/listing.h"
#include "core/store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>
#include <set>

namespace platformd::incidents {

using core::Connection;
using core::Stmt;

// --- Tx ---

const pb::Incident *Tx::incident(std::int64_t number) const
{
    if (auto it = incidents.find(number); it != incidents.end())
        return &it->second;
    auto it = s.m_incidents.find(number);
    return it == s.m_incidents.end() ? nullptr : &it->second;
}

pb::Incident &Tx::stage(std::int64_t number)
{
    auto it = incidents.find(number);
    if (it == incidents.end()) {
        const pb::Incident *committed = incident(number);
        it = incidents.emplace(number, committed ? *committed : pb::Incident()).first;
    }
    return it->second;
}

std::int64_t Tx::nextNumber() const
{
    std::int64_t n = s.m_incidents.empty() ? 1 : s.m_incidents.rbegin()->first + 1;
    if (!incidents.empty())
        n = std::max(n, incidents.rbegin()->first + 1);
    return n;
}

std::int64_t Tx::openByDedup(const std::string &key) const
{
    if (key.empty())
        return 0;
    for (const auto &[number, i] : incidents)
        if (i.dedup_key() == key && isOpen(i.state()))
            return number;
    auto it = s.m_openByDedup.find(key);
    if (it == s.m_openByDedup.end())
        return 0;
    // Staged and no longer open?
    if (auto staged = incidents.find(it->second); staged != incidents.end())
        return isOpen(staged->second.state()) ? it->second : 0;
    return it->second;
}

const pb::Silence *Tx::silence(const std::string &name) const
{
    if (auto it = silences.find(name); it != silences.end())
        return &it->second;
    auto it = s.m_silences.find(name);
    return it == s.m_silences.end() ? nullptr : &it->second;
}

const pb::Runbook *Tx::runbook(const std::string &alertName) const
{
    if (auto it = runbooks.find(alertName); it != runbooks.end())
        return &it->second;
    auto it = s.m_runbooks.find(alertName);
    return it == s.m_runbooks.end() ? nullptr : &it->second;
}

void Tx::note(pb::Incident &incident, const std::string &actor, pb::TimelineEntry::Kind kind,
              const std::string &text, pb::IncidentState state, std::int64_t timeMs)
{
    pb::TimelineEntry *e = incident.add_timeline();
    e->set_seq(incident.timeline_size());
    *e->mutable_time() = fromMs(timeMs ? timeMs : nowMs);
    e->set_actor(actor);
    e->set_kind(kind);
    e->set_text(text);
    e->set_state(state);
    incident.set_timeline_length(incident.timeline_size());
}

// --- history ---

std::int64_t IncidentHistory::currentRevision()
{
    return m_store.currentRevision();
}

std::int64_t IncidentHistory::oldestRetainedRevision()
{
    return m_store.oldestRetainedRevision();
}

std::vector<core::FeedEntry> IncidentHistory::readAfter(std::int64_t after, int limit)
{
    std::vector<core::FeedEntry> entries;
    for (auto &[revision, payload] : m_store.readChanges(after, limit))
        entries.push_back({revision, std::make_shared<const std::string>(std::move(payload))});
    return entries;
}

// --- the store ---

IncidentStore::IncidentStore(core::Store &store,
                             const std::map<std::string, std::string> &alertmanagers)
    : m_store(store)
    , m_amUrls(alertmanagers)
{
    for (const auto &[id, url] : alertmanagers) {
        pb::Alertmanager &am = m_ams[id];
        am.set_name("alertmanagers/" + id);
        am.set_url(url);
        am.set_webhook_path("/webhooks/alertmanager/" + id);
    }
    load();
    // Another replica's commits (PostgreSQL): read from the log, whatever woke us.
    m_subscription = m_store.subscribe(kChannel, [this] { follow(); });
}

IncidentStore::~IncidentStore()
{
    m_subscription.reset(); // waits for a running follow()
}

void IncidentStore::listedCopy(std::int64_t number, const pb::Incident &incident)
{
    pb::Incident &listed = m_listed[number];
    listed = incident;
    listed.clear_timeline();
}

bool IncidentStore::empty() const
{
    std::shared_lock lock(m_mutex);
    return m_incidents.empty() && m_runbooks.empty();
}

bool IncidentStore::hasAlertmanager(const std::string &id) const
{
    return m_amUrls.count(id) > 0;
}

std::string IncidentStore::alertmanagerUrl(const std::string &id) const
{
    auto it = m_amUrls.find(id);
    return it == m_amUrls.end() ? std::string() : it->second;
}

std::vector<std::string> IncidentStore::alertmanagerIds() const
{
    std::vector<std::string> ids;
    for (const auto &[id, url] : m_amUrls)
        ids.push_back(id);
    return ids;
}

Status IncidentStore::mutate(const Caller *caller, const std::string &resource,
                             const std::string &summary, const std::function<Status(Tx &)> &op,
                             const std::function<void(const Tx &)> &onCommitted, bool dryRun)
{
    std::lock_guard writer(m_writeMutex);
    Tx tx(*this, m_revision + 1, nowMs());
    Status result;
    const bool shared = m_store.shared();
    if (dryRun) {
        m_store.read([&](Connection &db) {
            std::optional<core::Transaction> snapshot;
            if (shared) {
                // Validate against what other replicas committed too.
                snapshot.emplace(db, core::Transaction::Mode::Read);
                const std::int64_t revision = db.queryInt(kSelectRevision);
                if (revision > m_revision)
                    catchUp(db, revision);
            }
            tx.db = &db;
            result = op(tx);
            if (snapshot)
                snapshot->commit();
        });
        return result;
    }
    auto effect = [&](Connection &db) {
        // Replicas: the op runs on memory caught up under the revision row's lock, so numbers,
        // dedup keys and timelines it derives are those of the committed state.
        if (shared)
            tx.revision = lockRevision(db) + 1;
        tx.db = &db;
        result = op(tx);
        if (result.ok() && !tx.empty())
            persist(db, tx);
    };
    if (caller) {
        core::audit::Entry entry = core::auditEntry(*caller, resource, summary);
        m_store.audited(std::move(entry), [&](Connection &db, core::audit::Entry &e) {
            effect(db);
            e.result = core::codeName(result.error_code());
            e.resultMessage = result.error_message();
        });
    } else {
        m_store.write(effect);
    }
    tx.db = nullptr;
    if (result.ok() && !tx.empty()) {
        apply(tx);
        // History beyond the store's retention goes, a thousand revisions at a time.
        if (m_revision - m_store.retention() > m_compactedThrough + 1000)
            compact();
    }
    if (result.ok() && onCommitted)
        onCommitted(tx);
    return result;
}

void IncidentStore::persist(Connection &db, Tx &tx)
{
    const std::int64_t revision = tx.revision;
    const auto now = fromMs(tx.nowMs);
    pb::IncidentChangeBatch batch;
    batch.set_revision(revision);
    *batch.mutable_commit_time() = now;
    std::string bytes;
    if (!tx.incidents.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO incidents (number, state, severity, source, dedup_key, "
                       "trigger_time, revision, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON "
                       "CONFLICT (number) DO UPDATE SET state = excluded.state, severity = "
                       "excluded.severity, source = excluded.source, dedup_key = "
                       "excluded.dedup_key, trigger_time = excluded.trigger_time, revision = "
                       "excluded.revision, data = excluded.data");
        Stmt &alert =
            db.prepare("INSERT INTO incident_alerts (incident, alertmanager, fingerprint, ord, "
                       "status, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (incident, "
                       "alertmanager, fingerprint) DO UPDATE SET ord = excluded.ord, status = "
                       "excluded.status, data = excluded.data");
        Stmt &entry = db.prepare("INSERT INTO incident_timeline (incident, seq, time, kind, data) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)");
        for (auto &[number, i] : tx.incidents) {
            i.set_revision(revision);
            *i.mutable_update_time() = now;
            if (!i.has_create_time())
                *i.mutable_create_time() = now;
            i.set_timeline_length(i.timeline_size());
            pb::Incident row = i;
            row.clear_alerts();
            row.clear_timeline();
            row.SerializeToString(&bytes);
            upsert.bind(1, number).bind(2, std::int64_t(i.state()));
            upsert.bind(3, std::int64_t(i.severity())).bind(4, std::int64_t(i.source()));
            upsert.bind(5, i.dedup_key()).bind(6, toMs(i.trigger_time())).bind(7, revision);
            upsert.bindBlob(8, bytes);
            upsert.step();
            upsert.reset();
            for (int a = 0; a < i.alerts_size(); ++a) {
                const pb::Alert &al = i.alerts(a);
                al.SerializeToString(&bytes);
                alert.bind(1, number).bind(2, al.alertmanager()).bind(3, al.fingerprint());
                alert.bind(4, std::int64_t(a)).bind(5, std::int64_t(al.status()));
                alert.bindBlob(6, bytes);
                alert.step();
                alert.reset();
            }
            const pb::Incident *committed = nullptr;
            if (auto it = m_incidents.find(number); it != m_incidents.end())
                committed = &it->second;
            for (int t = committed ? committed->timeline_size() : 0; t < i.timeline_size(); ++t) {
                const pb::TimelineEntry &e = i.timeline(t);
                e.SerializeToString(&bytes);
                entry.bind(1, number).bind(2, e.seq()).bind(3, toMs(e.time()));
                entry.bind(4, std::int64_t(e.kind())).bindBlob(5, bytes);
                entry.step();
                entry.reset();
            }
            pb::IncidentEvent *ev = batch.add_events();
            ev->set_type(pb::CHANGE_TYPE_UPSERT);
            ev->set_name(i.name());
            *ev->mutable_incident() = view(i, false);
        }
    }
    if (!tx.silences.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO silences (name, alertmanager, incident, ends_at, revision, "
                       "data) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (name) DO UPDATE SET "
                       "alertmanager = excluded.alertmanager, incident = excluded.incident, "
                       "ends_at = excluded.ends_at, revision = excluded.revision, data = "
                       "excluded.data");
        for (auto &[name, s] : tx.silences) {
            s.set_revision(revision);
            s.clear_matched_alerts();
            s.SerializeToString(&bytes);
            upsert.bind(1, name).bind(2, s.alertmanager()).bind(3, s.incident());
            upsert.bind(4, toMs(s.ends_at())).bind(5, revision).bindBlob(6, bytes);
            upsert.step();
            upsert.reset();
            pb::IncidentEvent *ev = batch.add_events();
            ev->set_type(pb::CHANGE_TYPE_UPSERT);
            ev->set_name(name);
            *ev->mutable_silence() = viewSilence(s);
        }
    }
    if (!tx.runbooks.empty()) {
        Stmt &upsert =
            db.prepare("INSERT INTO runbooks (alert_name, revision, data) VALUES (?1, ?2, ?3) ON "
                       "CONFLICT (alert_name) DO UPDATE SET revision = excluded.revision, data = "
                       "excluded.data");
        for (auto &[alertName, r] : tx.runbooks) {
            r.set_revision(revision);
            r.SerializeToString(&bytes);
            upsert.bind(1, alertName).bind(2, revision).bindBlob(3, bytes);
            upsert.step();
            upsert.reset();
            pb::IncidentEvent *ev = batch.add_events();
            ev->set_type(pb::CHANGE_TYPE_UPSERT);
            ev->set_name(r.name());
            *ev->mutable_runbook() = r;
        }
    }
    Stmt &meta = db.prepare("UPDATE incidents_meta SET value = ?1 WHERE key = 'revision'");
    meta.bind(1, revision);
    meta.step();
    meta.reset();
    auto payload = std::make_shared<std::string>(batch.SerializeAsString());
    Stmt &append = db.prepare(
        "INSERT INTO incident_changes (revision, commit_time, payload) VALUES (?1, ?2, ?3)");
    append.bind(1, revision).bind(2, tx.nowMs).bindBlob(3, *payload);
    append.step();
    append.reset();
    core::Store::notifyCommit(db, kChannel, revision);
    tx.batch = std::move(payload);
}

void IncidentStore::apply(Tx &tx)
{
    {
        std::unique_lock lock(m_mutex);
        for (auto &[number, i] : tx.incidents) {
            if (auto it = m_incidents.find(number); it != m_incidents.end()) {
                const std::string &old = it->second.dedup_key();
                if (auto o = m_openByDedup.find(old);
                    o != m_openByDedup.end() && o->second == number)
                    m_openByDedup.erase(o);
            }
            if (!i.dedup_key().empty() && isOpen(i.state()))
                m_openByDedup[i.dedup_key()] = number;
            m_incidents[number] = i;
            listedCopy(number, i);
        }
        for (auto &[name, s] : tx.silences)
            m_silences[name] = s;
        for (auto &[alertName, r] : tx.runbooks)
            m_runbooks[alertName] = r;
    }
    m_revision = tx.revision;
    if (tx.batch)
        m_feed.publish({tx.revision, tx.batch});
}

bool IncidentStore::seed(std::vector<pb::Incident> incidents, std::vector<pb::Runbook> runbooks)
{
    bool seeded = false;
    // One transaction: the demo's starting point, like the registry's seed. Replicas starting
    // together each decide to seed: the one that finds another's seed (caught up) leaves it.
    mutate(nullptr, {}, {}, [&](Tx &tx) {
        if (!tx.s.m_incidents.empty() || !tx.s.m_runbooks.empty())
            return Status::OK;
        for (pb::Incident &i : incidents) {
            const std::int64_t number = i.number();
            tx.incidents[number] = std::move(i);
        }
        for (pb::Runbook &r : runbooks) {
            const std::string alertName = r.alert_name();
            tx.runbooks[alertName] = std::move(r);
        }
        seeded = true;
        return Status::OK;
    });
    return seeded;
}

void IncidentStore::noteSync(const std::string &id, bool reachable, const std::string &error)
{
    const bool shared = m_store.shared();
    const std::int64_t now = nowMs();
    bool changed = false, refresh = false;
    pb::Alertmanager copy;
    {
        std::unique_lock lock(m_mutex);
        auto it = m_ams.find(id);
        if (it == m_ams.end())
            return;
        changed = it->second.reachable() != reachable || it->second.last_error() != error;
        it->second.set_reachable(reachable);
        it->second.set_last_error(error);
        if (reachable)
            *it->second.mutable_last_sync_time() = fromMs(now);
        copy = it->second;
        // Replicas show the row: the last sync time is written now and then, not only on change.
        std::int64_t &written = m_amWritten[id].syncMs;
        refresh = shared && reachable && now - written >= kAmRefreshMs;
        if (changed || refresh)
            written = now;
    }
    if (!changed && !refresh)
        return;
    if (changed && !reachable)
        spdlog::warn("incidents: {}: {}", copy.name(), error);
    else if (changed)
        spdlog::info("incidents: {} reachable", copy.name());
    writeAlertmanager(id, copy, true);
}

void IncidentStore::noteWebhook(const std::string &id, std::int64_t ms)
{
    pb::Alertmanager copy;
    {
        std::unique_lock lock(m_mutex);
        auto it = m_ams.find(id);
        if (it == m_ams.end())
            return;
        const bool shared = m_store.shared();
        // Replicas: another replica's newer webhook may be known already.
        if (shared && toMs(it->second.last_webhook_time()) >= ms)
            return;
        *it->second.mutable_last_webhook_time() = fromMs(ms);
        // One process: kept in memory (written with the next sync state). Replicas: written
        // through, at most once a second, so that the others show it.
        std::int64_t &written = m_amWritten[id].webhookMs;
        if (!shared || ms - written < 1000)
            return;
        written = ms;
        copy = it->second;
    }
    writeAlertmanager(id, copy, false);
}

void IncidentStore::compact()
{
    std::int64_t through = 0;
    m_store.write([&](Connection &db) {
        // Replicas compact too: the row's lock makes one of them do each step.
        const std::int64_t done = db.queryInt(
            std::string("SELECT value FROM incidents_meta WHERE key = 'compacted_through'") +
            core::Store::forUpdate(db));
        const std::int64_t target = m_revision - m_store.retention();
        through = done;
        if (target <= done)
            return;
        Stmt &del = db.prepare("DELETE FROM incident_changes WHERE revision <= ?1");
        del.bind(1, target);
        del.step();
        del.reset();
        Stmt &meta =
            db.prepare("UPDATE incidents_meta SET value = ?1 WHERE key = 'compacted_through'");
        meta.bind(1, target);
        meta.step();
        meta.reset();
        through = target;
    });
    noteCompacted(through);
}

std::vector<std::pair<std::int64_t, std::string>> IncidentStore::readChanges(std::int64_t after,
                                                                             int limit)
{
    std::vector<std::pair<std::int64_t, std::string>> rows;
    m_store.read([&](Connection &db) {
        Stmt &select = db.prepare("SELECT revision, payload FROM incident_changes WHERE "
                                  "revision > ?1 ORDER BY revision LIMIT ?2");
        select.bind(1, after).bind(2, std::int64_t(limit));
        while (select.step())
            rows.emplace_back(select.int64(0), std::string(select.blob(1)));
        select.reset();
    });
    return rows;
}

// --- reads ---

pb::Incident IncidentStore::view(const pb::Incident &incident, bool withTimeline) const
{
    pb::Incident out = incident;
    if (!withTimeline)
        out.clear_timeline();
    else
        out.set_timeline_length(incident.timeline_size());
    std::set<std::string> runbooks;
    for (pb::Alert &a : *out.mutable_alerts()) {
        a.clear_silenced_by();
        if (auto it = a.labels().find("alertname"); it != a.labels().end())
            if (m_runbooks.count(it->second))
                runbooks.insert("runbooks/" + it->second);
        if (a.status() != pb::Alert::FIRING)
            continue;
        const std::int64_t now = nowMs();
        for (const auto &[name, s] : m_silences)
            if (s.alertmanager() == a.alertmanager() && toMs(s.starts_at()) <= now &&
                toMs(s.ends_at()) > now && s.state() != pb::Silence::EXPIRED &&
                silenceMatches(s, a.labels()))
                a.add_silenced_by(name);
    }
    out.clear_runbooks();
    for (const std::string &r : runbooks)
        out.add_runbooks(r);
    return out;
}

pb::Silence IncidentStore::viewSilence(const pb::Silence &silence) const
{
    pb::Silence out = silence;
    int matched = 0;
    for (const auto &[number, i] : m_incidents) {
        if (!isOpen(i.state()))
            continue;
        for (const pb::Alert &a : i.alerts())
            matched += a.status() == pb::Alert::FIRING &&
                       a.alertmanager() == silence.alertmanager() &&
                       silenceMatches(silence, a.labels());
    }
    out.set_matched_alerts(matched);
    return out;
}

Status IncidentStore::listIncidents(const pb::ListIncidentsRequest &r,
                                    pb::ListIncidentsResponse *out) const
{
    std::vector<pb::Incident> items;
    std::int64_t revision;
    {
        std::shared_lock lock(m_mutex);
        revision = m_revision;
        items.reserve(m_incidents.size());
        for (const auto &[number, i] : m_listed)
            items.push_back(view(i, false));
    }
    const std::string orderBy = r.order_by().empty() ? "trigger_time desc" : r.order_by();
    std::string next;
    std::int32_t total = 0;
    Status s = core::listPage(
        std::move(items), "incidents", r.filter(), orderBy, r.page_size(), r.page_token(),
        core::PageLimits{100, 1000},
        [&](pb::Incident &&i) { *out->add_incidents() = std::move(i); }, &next, &total);
    if (!s.ok())
        return s;
    out->set_next_page_token(next);
    out->set_total_size(total);
    out->set_revision(revision);
    return Status::OK;
}

Status IncidentStore::getIncident(const std::string &name, pb::Incident *out) const
{
    const std::int64_t number = incidentNumberOf(name);
    if (!number)
        return invalid("name: expected incidents/{number}, got " + core::quote(name));
    std::shared_lock lock(m_mutex);
    auto it = m_incidents.find(number);
    if (it == m_incidents.end())
        return notFound(name);
    *out = view(it->second, true);
    return Status::OK;
}

std::vector<pb::Incident> IncidentStore::incidents() const
{
    std::shared_lock lock(m_mutex);
    std::vector<pb::Incident> out;
    for (const auto &[number, i] : m_incidents)
        out.push_back(i);
    return out;
}

std::optional<pb::Silence> IncidentStore::silence(const std::string &name) const
{
    std::shared_lock lock(m_mutex);
    auto it = m_silences.find(name);
    if (it == m_silences.end())
        return std::nullopt;
    return viewSilence(it->second);
}

std::vector<std::string> IncidentStore::silenceNames(const std::string &amName) const
{
    std::shared_lock lock(m_mutex);
    std::vector<std::string> out;
    for (const auto &[name, s] : m_silences)
        if (s.alertmanager() == amName)
            out.push_back(name);
    return out;
}

Status IncidentStore::listSilences(const pb::ListSilencesRequest &r,
                                   pb::ListSilencesResponse *out) const
{
    std::string am;
    if (!r.alertmanager().empty()) {
        am = alertmanagerIdOf(r.alertmanager());
        if (am.empty())
            return invalid("alertmanager: expected alertmanagers/{name}, got " +
                           core::quote(r.alertmanager()));
        if (!hasAlertmanager(am))
            return notFound(r.alertmanager());
    }
    std::shared_lock lock(m_mutex);
    const std::int64_t now = nowMs();
    std::vector<pb::Silence> list;
    for (const auto &[name, s] : m_silences) {
        if (!am.empty() && s.alertmanager() != r.alertmanager())
            continue;
        const bool expired = s.state() == pb::Silence::EXPIRED || toMs(s.ends_at()) <= now;
        if (expired && !r.include_expired())
            continue;
        list.push_back(viewSilence(s));
    }
    // Soonest to end first.
    std::stable_sort(list.begin(), list.end(), [](const pb::Silence &a, const pb::Silence &b) {
        return toMs(a.ends_at()) < toMs(b.ends_at());
    });
    for (pb::Silence &s : list)
        *out->add_silences() = std::move(s);
    out->set_revision(m_revision);
    return Status::OK;
}

void IncidentStore::listAlertmanagers(pb::ListAlertmanagersResponse *out) const
{
    std::shared_lock lock(m_mutex);
    for (const auto &[id, am] : m_ams)
        *out->add_alertmanagers() = am;
}

void IncidentStore::listRunbooks(pb::ListRunbooksResponse *out) const
{
    std::shared_lock lock(m_mutex);
    for (const auto &[alertName, r] : m_runbooks)
        *out->add_runbooks() = r;
}

Status IncidentStore::getRunbook(const std::string &name, pb::Runbook *out) const
{
    const std::string alertName = name.starts_with("runbooks/") ? name.substr(9) : std::string();
    if (!isValidAlertName(alertName))
        return invalid("name: expected runbooks/{alertname}, got " + core::quote(name));
    std::shared_lock lock(m_mutex);
    auto it = m_runbooks.find(alertName);
    if (it == m_runbooks.end())
        return notFound(name);
    *out = it->second;
    return Status::OK;
}

} // namespace platformd::incidents
