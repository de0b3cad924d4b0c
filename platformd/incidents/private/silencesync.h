#pragma once

#include "incidents/private/incidentstore.h"

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
// answered (IncidentStore::noteSync).
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

private:
    void run(const std::string &id);

    IncidentStore &m_store;
    std::chrono::milliseconds m_interval;
    std::map<std::string, std::unique_ptr<AlertmanagerClient>> m_clients;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::map<std::string, bool> m_poked;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

} // namespace platformd::incidents
