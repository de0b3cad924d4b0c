#pragma once

#include "core/caller.h"
#include "core/feed.h"
#include "core/storesync.h"
#include "incidents/private/incidentrules.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

namespace platformd::core {
class Connection;
class Store;
} // namespace platformd::core

// The incidents module's storage: incidents (a row each, their alerts and timeline entries in
// tables of their own), the silences mirror, runbooks and the Alertmanagers' state in the core's
// SQLite store, with its own revision sequence and change log (incident_changes) feeding
// WatchIncidents. An in-memory copy answers the reads; every write is one transaction under the
// module's writer lock (docs: /work/notes/incidents-server.md). Replicas sharing a PostgreSQL
// store follow each other's commits through the change log (incidentreplica.cpp).
namespace platformd::incidents {

using core::Caller;

class Tx;
class IncidentStore;

// The incidents feed's history: the incident_changes table (entries: serialized
// IncidentChangeBatch as std::string).
class IncidentHistory final : public core::FeedHistory
{
public:
    explicit IncidentHistory(IncidentStore &store)
        : m_store(store)
    {}
    std::int64_t currentRevision() override;
    std::int64_t oldestRetainedRevision() override;
    std::vector<core::FeedEntry> readAfter(std::int64_t after, int limit) override;

private:
    IncidentStore &m_store;
};

class IncidentStore
{
public:
    // The NOTIFY channel of the incidents' commits (replicas on PostgreSQL).
    static constexpr const char *kChannel = "platformd_incidents";
    static constexpr const char *kSelectRevision =
        "SELECT value FROM incidents_meta WHERE key = 'revision'";
    // How often a replica writes an Alertmanager's last sync time while nothing else changes.
    static constexpr std::int64_t kAmRefreshMs = 5000;

    // Loads the tables; alertmanagers: the configured ones (name -> API URL). Throws
    // core::StoreError.
    IncidentStore(core::Store &store, const std::map<std::string, std::string> &alertmanagers);
    ~IncidentStore();

    core::Store &core() { return m_store; }

    // --- reads (any thread) ---
    // Replicas: before a read is answered, applies what other replicas committed (one look at the
    // revision row; the catch-up only when it moved), so a client that wrote through another
    // replica reads its write here. Nothing on SQLite. Not from inside mutate().
    void freshen();
    Status listIncidents(const pb::ListIncidentsRequest &r, pb::ListIncidentsResponse *out) const;
    Status getIncident(const std::string &name, pb::Incident *out) const;
    Status listSilences(const pb::ListSilencesRequest &r, pb::ListSilencesResponse *out) const;
    void listAlertmanagers(pb::ListAlertmanagersResponse *out) const;
    void listRunbooks(pb::ListRunbooksResponse *out) const;
    Status getRunbook(const std::string &name, pb::Runbook *out) const;
    Status analytics(const pb::GetIncidentAnalyticsRequest &r, pb::IncidentAnalytics *out) const;
    std::optional<pb::Silence> silence(const std::string &name) const;
    // The names of the mirrored silences of alertmanagers/{id} (amName).
    std::vector<std::string> silenceNames(const std::string &amName) const;
    // Every incident (with timelines), e.g. for the simulator.
    std::vector<pb::Incident> incidents() const;
    bool empty() const;
    bool hasAlertmanager(const std::string &id) const;
    std::string alertmanagerUrl(const std::string &id) const;
    std::vector<std::string> alertmanagerIds() const;

    // --- writes ---
    // Runs op on a staged transaction under the writer lock; when it succeeds and staged anything,
    // commits it (with an audit row when caller is given, also for a refusal op returned), applies
    // it to memory and publishes the batch. dryRun: op only validates; nothing is written.
    // onCommitted runs after a successful op, still under the writer lock.
    Status mutate(const Caller *caller, const std::string &resource, const std::string &summary,
                  const std::function<Status(Tx &)> &op,
                  const std::function<void(const Tx &)> &onCommitted = {}, bool dryRun = false);
    // The Alertmanager's sync or webhook state (kept in memory, written through to its row when
    // reachability or the error changed).
    void noteSync(const std::string &id, bool reachable, const std::string &error);
    void noteWebhook(const std::string &id, std::int64_t ms);
    // The demo: incidents and runbooks in one unaudited transaction; nothing when the store (caught
    // up with other replicas inside the transaction) already holds incidents or runbooks: false.
    bool seed(std::vector<pb::Incident> incidents, std::vector<pb::Runbook> runbooks);

    // A copy with what is derived at read time (runbooks, alerts' silenced_by, timeline_length);
    // without the timeline unless withTimeline.
    pb::Incident view(const pb::Incident &incident, bool withTimeline) const;
    // A silence with matched_alerts computed.
    pb::Silence viewSilence(const pb::Silence &silence) const;

    // --- the revision log ---
    std::int64_t currentRevision() const { return m_revision.load(); }
    std::int64_t oldestRetainedRevision() const { return m_compactedThrough.load() + 1; }
    std::vector<std::pair<std::int64_t, std::string>> readChanges(std::int64_t after, int limit);
    core::Feed &feed() { return m_feed; }

private:
    friend class Tx;
    // The tables into memory (constructor).
    void load();
    // --- replicas (incidentreplica.cpp); all under m_writeMutex ---
    // Everything from db's tables into memory, replacing it; m_revision from the revision row.
    void loadFrom(core::Connection &db);
    // Inside a write transaction: the incidents revision row read and locked (writers in other
    // replicas wait for this transaction), memory caught up to it. Returns it.
    std::int64_t lockRevision(core::Connection &db);
    // Memory and the feed from m_revision up to target, from incident_changes as db sees it:
    // each revision published once and in order. A gap in the history (compacted away) reloads
    // the tables instead.
    void catchUp(core::Connection &db, std::int64_t target);
    // The subscription's callback: what other replicas committed, read in one snapshot.
    void follow();
    // The Alertmanagers' rows into m_ams (times: the newer; reachability too when withState).
    void readAlertmanagers(core::Connection &db, bool withState);
    void noteCompacted(std::int64_t through); // m_compactedThrough = max(…, through)
    // Writes an Alertmanager's row; replicas: merged with the row under its lock (the newer
    // times; mine's reachability when withState, else the row's).
    void writeAlertmanager(const std::string &id, const pb::Alertmanager &mine, bool withState);
    void persist(core::Connection &db, Tx &tx);
    void apply(Tx &tx);
    void compact();                                                     // under the writer lock
    void listedCopy(std::int64_t number, const pb::Incident &incident); // under m_mutex
    std::vector<const pb::Incident *> firingAlertsOf(const std::string &am) const;

    core::Store &m_store;
    std::mutex m_writeMutex;
    mutable std::shared_mutex m_mutex; // guards the maps below (written only by the writer)
    std::map<std::int64_t, pb::Incident> m_incidents;
    std::map<std::int64_t, pb::Incident> m_listed; // the same without timelines, for the lists
    std::map<std::string, std::int64_t> m_openByDedup;
    std::map<std::string, pb::Silence> m_silences; // by name
    std::map<std::string, pb::Runbook> m_runbooks; // by alert name
    std::map<std::string, pb::Alertmanager> m_ams; // by id, the configured ones
    std::map<std::string, std::string> m_amUrls;   // by id
    std::atomic<std::int64_t> m_revision{0};
    std::atomic<std::int64_t> m_compactedThrough{0};
    struct AmWritten
    {
        std::int64_t syncMs = 0, webhookMs = 0;
    };
    std::map<std::string, AmWritten> m_amWritten; // by id, under m_mutex: when last written
    IncidentHistory m_history{*this};
    core::Feed m_feed{m_history};
    // Other replicas' commits (PostgreSQL; null on SQLite). Destroyed first.
    std::unique_ptr<core::StoreListener::Subscription> m_subscription;
};

// One transaction being staged by the writer (who holds the writer lock). Lookups see staged
// copies first.
class Tx
{
public:
    Tx(IncidentStore &store, std::int64_t revision, std::int64_t nowMs)
        : s(store)
        , revision(revision)
        , nowMs(nowMs)
    {}

    IncidentStore &s;
    std::int64_t revision;
    std::int64_t nowMs;
    std::map<std::int64_t, pb::Incident> incidents; // staged, whole (with timeline)
    std::map<std::string, pb::Silence> silences;    // by name
    std::map<std::string, pb::Runbook> runbooks;    // by alert name
    core::Connection *db = nullptr;           // the transaction's connection (null in a dry run)
    std::shared_ptr<const std::string> batch; // built by persist

    bool empty() const { return incidents.empty() && silences.empty() && runbooks.empty(); }
    const pb::Incident *incident(std::int64_t number) const;
    pb::Incident &stage(std::int64_t number);
    std::int64_t nextNumber() const;
    // The open incident with this dedup key, or 0.
    std::int64_t openByDedup(const std::string &key) const;
    const pb::Silence *silence(const std::string &name) const;
    const pb::Runbook *runbook(const std::string &alertName) const;
    // Appends a timeline entry at nowMs (or at timeMs when given).
    void note(pb::Incident &incident, const std::string &actor, pb::TimelineEntry::Kind kind,
              const std::string &text, pb::IncidentState state = pb::INCIDENT_STATE_UNSPECIFIED,
              std::int64_t timeMs = 0);
};

} // namespace platformd::incidents
