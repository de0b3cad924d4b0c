// Loading the incidents' tables and following other replicas (docs/ARCHITECTURE.md, "PostgreSQL
// backend"). Several platformd processes may share one PostgreSQL store: each keeps the module's
// in-memory copy and feed, and the incident_changes log is what keeps them true. A writer locks the
// incidents revision row and first applies what others committed after its m_revision; the
// listener's callback (follow) does the same between writes. Both publish every revision to the
// feed once and in order (under m_writeMutex). A batch carries incidents without their timelines,
// so the incidents it names are read back from the tables, as of the newest revision applied.
#include "incidents/private/incidentstore.h"

#include "core/store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

namespace platformd::incidents {

using core::Connection;
using core::Stmt;

namespace {

template<typename T>
T parseRow(Stmt &s, int column, const Connection &db, const char *table)
{
    const std::string_view data = s.blob(column);
    T item;
    if (!item.ParseFromArray(data.data(), int(data.size())))
        throw core::StoreError("database " + db.path() + ": unreadable row in " + table);
    return item;
}

// Incident `number` from its three tables; nullopt when it has no row (deleted).
std::optional<pb::Incident> readIncident(Connection &db, std::int64_t number)
{
    Stmt &row = db.prepare("SELECT data FROM incidents WHERE number = ?1");
    row.bind(1, number);
    if (!row.step()) {
        row.reset();
        return std::nullopt;
    }
    pb::Incident i = parseRow<pb::Incident>(row, 0, db, "incidents");
    row.reset();
    Stmt &alerts = db.prepare("SELECT data FROM incident_alerts WHERE incident = ?1 ORDER BY ord");
    alerts.bind(1, number);
    while (alerts.step())
        *i.add_alerts() = parseRow<pb::Alert>(alerts, 0, db, "incident_alerts");
    alerts.reset();
    Stmt &timeline =
        db.prepare("SELECT data FROM incident_timeline WHERE incident = ?1 ORDER BY seq");
    timeline.bind(1, number);
    while (timeline.step())
        *i.add_timeline() = parseRow<pb::TimelineEntry>(timeline, 0, db, "incident_timeline");
    timeline.reset();
    i.set_timeline_length(i.timeline_size());
    return i;
}

template<typename T>
std::optional<T> readOne(Connection &db, const char *sql, const std::string &key, const char *table)
{
    Stmt &row = db.prepare(sql);
    row.bind(1, key);
    std::optional<T> out;
    if (row.step())
        out = parseRow<T>(row, 0, db, table);
    row.reset();
    return out;
}

bool later(const google::protobuf::Timestamp &a, const google::protobuf::Timestamp &b)
{
    return toMs(a) > toMs(b);
}

} // namespace

void IncidentStore::load()
{
    std::lock_guard writer(m_writeMutex);
    m_store.read([&](Connection &db) {
        core::Transaction tx(db, core::Transaction::Mode::Read);
        loadFrom(db);
        tx.commit();
    });
    m_feed.reset(m_revision);
    spdlog::info("incidents: {} incidents, {} silences, {} runbooks at incidents revision {}",
                 m_incidents.size(), m_silences.size(), m_runbooks.size(), m_revision.load());
}

void IncidentStore::loadFrom(Connection &db)
{
    const std::int64_t revision = db.queryInt(kSelectRevision);
    const std::int64_t compacted =
        db.queryInt("SELECT value FROM incidents_meta WHERE key = 'compacted_through'");
    std::map<std::int64_t, pb::Incident> incidents;
    std::map<std::string, pb::Silence> silences;
    std::map<std::string, pb::Runbook> runbooks;
    Stmt &rows = db.prepare("SELECT data FROM incidents ORDER BY number");
    while (rows.step()) {
        pb::Incident i = parseRow<pb::Incident>(rows, 0, db, "incidents");
        incidents[i.number()] = std::move(i);
    }
    rows.reset();
    Stmt &alerts = db.prepare("SELECT incident, data FROM incident_alerts ORDER BY incident, ord");
    while (alerts.step()) {
        auto it = incidents.find(alerts.int64(0));
        if (it != incidents.end())
            *it->second.add_alerts() = parseRow<pb::Alert>(alerts, 1, db, "incident_alerts");
    }
    alerts.reset();
    Stmt &timeline =
        db.prepare("SELECT incident, data FROM incident_timeline ORDER BY incident, seq");
    while (timeline.step()) {
        auto it = incidents.find(timeline.int64(0));
        if (it != incidents.end())
            *it->second.add_timeline() =
                parseRow<pb::TimelineEntry>(timeline, 1, db, "incident_timeline");
    }
    timeline.reset();
    Stmt &silenceRows = db.prepare("SELECT data FROM silences");
    while (silenceRows.step()) {
        pb::Silence s = parseRow<pb::Silence>(silenceRows, 0, db, "silences");
        silences[s.name()] = std::move(s);
    }
    silenceRows.reset();
    Stmt &runbookRows = db.prepare("SELECT data FROM runbooks");
    while (runbookRows.step()) {
        pb::Runbook r = parseRow<pb::Runbook>(runbookRows, 0, db, "runbooks");
        runbooks[r.alert_name()] = std::move(r);
    }
    runbookRows.reset();
    {
        std::unique_lock lock(m_mutex);
        m_incidents.swap(incidents);
        m_silences.swap(silences);
        m_runbooks.swap(runbooks);
        m_listed.clear();
        m_openByDedup.clear();
        for (auto &[number, i] : m_incidents) {
            i.set_timeline_length(i.timeline_size());
            if (!i.dedup_key().empty() && isOpen(i.state()))
                m_openByDedup[i.dedup_key()] = number;
            listedCopy(number, i);
        }
    }
    readAlertmanagers(db, false);
    m_revision = revision;
    noteCompacted(compacted);
}

void IncidentStore::noteCompacted(std::int64_t through)
{
    std::int64_t known = m_compactedThrough.load();
    while (known < through && !m_compactedThrough.compare_exchange_weak(known, through)) {
    }
}

std::int64_t IncidentStore::lockRevision(Connection &db)
{
    const std::int64_t revision =
        db.queryInt(std::string(kSelectRevision) + core::Store::forUpdate(db));
    if (revision < m_revision)
        throw core::StoreError("database " + db.path() + ": the incidents revision is " +
                               std::to_string(revision) + ", behind this process's " +
                               std::to_string(m_revision.load()) + " (restored from a backup?)");
    catchUp(db, revision);
    return revision;
}

void IncidentStore::catchUp(Connection &db, std::int64_t target)
{
    const std::int64_t from = m_revision;
    if (target <= from)
        return;
    std::vector<std::pair<std::int64_t, std::string>> rows;
    Stmt &select = db.prepare("SELECT revision, payload FROM incident_changes WHERE revision > ?1 "
                              "AND revision <= ?2 ORDER BY revision");
    select.bind(1, from).bind(2, target);
    while (select.step())
        rows.emplace_back(select.int64(0), std::string(select.blob(1)));
    select.reset();
    // After the rows: in a write transaction (READ COMMITTED) a compaction committed in between
    // shows here too, so a row it took is not mistaken for a hole.
    const std::int64_t compacted =
        db.queryInt("SELECT value FROM incidents_meta WHERE key = 'compacted_through'");
    noteCompacted(compacted);
    if (std::int64_t(rows.size()) != target - from) {
        // Part of it is gone from the history (compacted while this replica was not following,
        // or written without history): the tables are the truth. The feed goes on from target;
        // watchers behind it read the history, and those behind a missing revision get
        // OUT_OF_RANGE (they list again) rather than pass over it.
        std::int64_t lastMissing = 0, expect = from + 1;
        for (const auto &[revision, payload] : rows) {
            if (revision > expect)
                lastMissing = revision - 1;
            expect = revision + 1;
        }
        if (expect <= target)
            lastMissing = target;
        spdlog::warn("incidents: revisions up to {} of another replica are no longer in the "
                     "history: reloading the tables at revision {}",
                     lastMissing, target);
        loadFrom(db);
        noteCompacted(std::max(compacted, lastMissing));
        m_feed.reset(m_revision);
        return;
    }
    // What the batches name, read back at target.
    std::set<std::int64_t> numbers;
    std::set<std::string> silenceNames, runbookNames;
    for (const auto &[revision, payload] : rows) {
        pb::IncidentChangeBatch batch;
        if (!batch.ParseFromString(payload))
            throw core::StoreError("database " + db.path() +
                                   ": unreadable row in incident_changes (revision " +
                                   std::to_string(revision) + ")");
        for (const pb::IncidentEvent &e : batch.events()) {
            if (e.has_incident())
                numbers.insert(e.incident().number());
            else if (e.has_silence())
                silenceNames.insert(e.silence().name());
            else if (e.has_runbook())
                runbookNames.insert(e.runbook().alert_name());
            else if (const std::int64_t number = incidentNumberOf(e.name()))
                numbers.insert(number); // a deletion names what went
            else if (e.name().starts_with("runbooks/"))
                runbookNames.insert(e.name().substr(9));
            else
                silenceNames.insert(e.name());
        }
    }
    Tx tx(*this, target, 0);
    std::vector<std::int64_t> goneIncidents;
    std::vector<std::string> goneSilences, goneRunbooks;
    for (const std::int64_t number : numbers) {
        if (auto i = readIncident(db, number))
            tx.incidents[number] = std::move(*i);
        else
            goneIncidents.push_back(number);
    }
    for (const std::string &name : silenceNames) {
        if (auto s = readOne<pb::Silence>(db, "SELECT data FROM silences WHERE name = ?1", name,
                                          "silences"))
            tx.silences[name] = std::move(*s);
        else
            goneSilences.push_back(name);
    }
    for (const std::string &alertName : runbookNames) {
        if (auto r = readOne<pb::Runbook>(db, "SELECT data FROM runbooks WHERE alert_name = ?1",
                                          alertName, "runbooks"))
            tx.runbooks[alertName] = std::move(*r);
        else
            goneRunbooks.push_back(alertName);
    }
    {
        std::unique_lock lock(m_mutex);
        for (const std::int64_t number : goneIncidents) {
            if (auto it = m_incidents.find(number); it != m_incidents.end()) {
                if (auto o = m_openByDedup.find(it->second.dedup_key());
                    o != m_openByDedup.end() && o->second == number)
                    m_openByDedup.erase(o);
                m_incidents.erase(it);
            }
            m_listed.erase(number);
        }
        for (const std::string &name : goneSilences)
            m_silences.erase(name);
        for (const std::string &alertName : goneRunbooks)
            m_runbooks.erase(alertName);
    }
    // Memory at target (tx.batch is null: apply publishes nothing), then each revision's batch
    // as the replica that committed it wrote it, in order.
    apply(tx);
    for (auto &[revision, payload] : rows)
        m_feed.publish({revision, std::make_shared<const std::string>(std::move(payload))});
}

void IncidentStore::follow()
{
    std::lock_guard writer(m_writeMutex);
    m_store.read([&](Connection &db) {
        core::Transaction snapshot(db, core::Transaction::Mode::Read);
        const std::int64_t revision = db.queryInt(kSelectRevision);
        if (revision > m_revision)
            catchUp(db, revision);
        readAlertmanagers(db, true);
        snapshot.commit();
    });
}

void IncidentStore::freshen()
{
    if (!m_subscription)
        return; // one process
    std::int64_t revision = 0;
    m_store.read([&](Connection &db) { revision = db.queryInt(kSelectRevision); });
    if (revision > m_revision)
        follow();
}

void IncidentStore::readAlertmanagers(Connection &db, bool withState)
{
    std::vector<std::pair<std::string, pb::Alertmanager>> stored; // by id
    Stmt &ams = db.prepare("SELECT name, data FROM alertmanagers");
    while (ams.step())
        stored.emplace_back(std::string(ams.text(0)),
                            parseRow<pb::Alertmanager>(ams, 1, db, "alertmanagers"));
    ams.reset();
    std::unique_lock lock(m_mutex);
    for (const auto &[id, row] : stored) {
        auto it = m_ams.find(id);
        if (it == m_ams.end())
            continue; // no longer configured
        pb::Alertmanager &am = it->second;
        if (later(row.last_webhook_time(), am.last_webhook_time()))
            *am.mutable_last_webhook_time() = row.last_webhook_time();
        if (later(row.last_sync_time(), am.last_sync_time()))
            *am.mutable_last_sync_time() = row.last_sync_time();
        if (withState) {
            // The last observation written, by whichever replica made it.
            am.set_reachable(row.reachable());
            am.set_last_error(row.last_error());
        }
    }
}

void IncidentStore::writeAlertmanager(const std::string &id, const pb::Alertmanager &mine,
                                      bool withState)
{
    const bool shared = m_store.shared();
    m_store.write([&](Connection &db) {
        pb::Alertmanager row = mine;
        if (shared) {
            Stmt &select =
                db.prepare(std::string("SELECT data FROM alertmanagers WHERE name = ?1") +
                           core::Store::forUpdate(db));
            select.bind(1, id);
            if (select.step()) {
                const pb::Alertmanager stored =
                    parseRow<pb::Alertmanager>(select, 0, db, "alertmanagers");
                if (later(stored.last_webhook_time(), row.last_webhook_time()))
                    *row.mutable_last_webhook_time() = stored.last_webhook_time();
                if (later(stored.last_sync_time(), row.last_sync_time()))
                    *row.mutable_last_sync_time() = stored.last_sync_time();
                if (!withState) {
                    row.set_reachable(stored.reachable());
                    row.set_last_error(stored.last_error());
                }
            }
            select.reset();
        }
        Stmt &upsert =
            db.prepare("INSERT INTO alertmanagers (name, data) VALUES (?1, ?2) ON CONFLICT "
                       "(name) DO UPDATE SET data = excluded.data");
        upsert.bind(1, id).bindBlob(2, row.SerializeAsString());
        upsert.step();
        upsert.reset();
    });
}

} // namespace platformd::incidents
