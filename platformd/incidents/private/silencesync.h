#pragma once

#include "incidents/private/incidentstore.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace platformd::incidents {

class AlertmanagerClient;
struct AmSilence;

// A silence as Alertmanager describes it, in the API's terms (name, state, times).
pb::Silence silenceOf(const std::string &am, const AmSilence &s);

// Keeps the silences mirror true to each configured Alertmanager: one thread per Alertmanager
// reads /api/v2/silences every interval and when poked (after each change platformd makes), writes
// what changed (unaudited: it mirrors someone else's state) and records whether the Alertmanager
// answered (IncidentStore::noteSync). Replicas sharing a PostgreSQL store: the mirror's writes are
// serialised and idempotent (each sees the others' commits first), but every active replica polls
// every Alertmanager and a list read before another replica's change, committed after it, undoes it
// until the next round: run it active in one replica only (the one holding core::Leadership,
// setActive) — the others take the mirror from the store.
class SilenceSync
{
public:
    SilenceSync(IncidentStore &store, std::chrono::milliseconds interval);
    ~SilenceSync();
    void start();
    void stop();
    // The client of Alertmanager id; null when it is not configured.
    AlertmanagerClient *client(const std::string &id);
    // Syncs id soon.
    void poke(const std::string &id);
    // Reads id's silences now and mirrors them; false with *error when it did not answer.
    bool syncOnce(const std::string &id, std::string *error);
    // Inactive: the threads neither poll nor follow pokes (another replica syncs). Active by
    // default (one process); a leader change flips it (a newly active one syncs at once).
    void setActive(bool active);
    bool active() const { return m_active.load(); }

private:
    void run(const std::string &id);

    IncidentStore &m_store;
    std::chrono::milliseconds m_interval;
    std::map<std::string, std::unique_ptr<AlertmanagerClient>> m_clients;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::map<std::string, bool> m_poked;
    bool m_stop = false;
    std::atomic<bool> m_active{true};
    std::vector<std::thread> m_threads;
};

} // namespace platformd::incidents
