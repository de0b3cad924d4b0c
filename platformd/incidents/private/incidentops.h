#pragma once

#include "core/alerts.h"
#include "incidents/private/incidentstore.h"

#include <string>

namespace platformd::incidents {

class SilenceSync;
struct WebhookNotification;

// The incidents module's writes (each validated against the committed state plus what it staged,
// under the writer lock, and committed with its audit row): the lifecycle, notes, postmortems,
// updates, runbooks (incidentops.cpp), silences (silenceops.cpp) and Alertmanager notifications
// (ingest.cpp).
class IncidentOps
{
public:
    IncidentOps(IncidentStore &store, SilenceSync &sync)
        : m_store(store)
        , m_sync(sync)
    {}

    Status create(const Caller &c, const pb::CreateIncidentRequest &r, pb::Incident *out);
    Status update(const Caller &c, const pb::UpdateIncidentRequest &r, pb::Incident *out);
    // MitigateIncident, ResolveIncident, CloseIncident and ReopenIncident (target TRIGGERED).
    Status transition(const Caller &c, const pb::TransitionIncidentRequest &r,
                      pb::IncidentState target, pb::Incident *out);
    Status acknowledge(const Caller &c, const pb::AcknowledgeIncidentRequest &r, pb::Incident *out);
    Status addNote(const Caller &c, const pb::AddTimelineNoteRequest &r, pb::Incident *out);
    Status updatePostmortem(const Caller &c, const pb::UpdatePostmortemRequest &r,
                            pb::Incident *out);
    Status updateRunbook(const Caller &c, const pb::UpdateRunbookRequest &r, pb::Runbook *out);

    Status createSilence(const Caller &c, const pb::CreateSilenceRequest &r, pb::Silence *out);
    Status extendSilence(const Caller &c, const pb::ExtendSilenceRequest &r, pb::Silence *out);
    Status expireSilence(const Caller &c, const pb::ExpireSilenceRequest &r, pb::Silence *out);

    // One notification from Alertmanager `am` (already parsed): the group's open incident is
    // created or updated, resolved when the group is. *summary says what happened.
    Status ingest(const Caller &c, const std::string &am, const WebhookNotification &n,
                  std::string *summary);

    // The simulator's incidents (source SIMULATOR, created_by "simulator"): opens one for
    // dedupKey unless one is open; resolves the open one.
    Status openSimulated(const Caller &c, const std::string &dedupKey, const std::string &title,
                         const std::string &summary, pb::IncidentSeverity severity,
                         const std::vector<std::string> &regions,
                         const std::vector<std::string> &models);
    Status resolveSimulated(const Caller &c, const std::string &dedupKey, const std::string &text);
    // Another module's alert (core/alerts.h; a cost budget's threshold): opens one incident
    // (source MANUAL, created_by the raising module) unless one is open for its dedup key.
    Status openModuleAlert(const Caller &c, const core::ModuleAlert &alert);

private:
    // The lifecycle step on a staged incident (rules in the proto's comments).
    Status step(Tx &tx, const std::string &actor, pb::Incident &i, pb::IncidentState target,
                std::int64_t effectiveMs, const std::string &comment);
    // Incident `name` staged, or the refusal.
    Status stageIncident(Tx &tx, const std::string &name, pb::Incident **out);
    // Creates the silence in its Alertmanager and reads it back (no store write).
    Status writeSilence(const std::string &am, const std::string &id, const pb::Silence &silence,
                        const std::string &createdBy, pb::Silence *out, std::string *newId);
    Status readBack(const std::string &am, const std::string &id, pb::Silence *out);

    IncidentStore &m_store;
    SilenceSync &m_sync;
};

// Checks that assignee names an existing user and each of regions / models an existing region /
// registry model (through db).
Status checkAssignee(core::Connection &db, const std::string &assignee);
Status checkRegions(core::Connection &db, const google::protobuf::RepeatedPtrField<std::string> &v);
Status checkModels(core::Connection &db, const google::protobuf::RepeatedPtrField<std::string> &v);
bool regionExists(core::Connection &db, const std::string &name);
bool modelExists(core::Connection &db, const std::string &name);

} // namespace platformd::incidents
