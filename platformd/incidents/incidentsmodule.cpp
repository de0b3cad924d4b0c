#include "incidents/incidentsmodule.h"

#include "core/alerts.h"
#include "core/store.h"
#include "core/storesync.h"
#include "incidents/http/webhookpayload.h"
#include "incidents/http/webhookserver.h"
#include "incidents/private/incidentdemo.h"
#include "incidents/private/incidentops.h"
#include "incidents/private/incidentservice.h"
#include "incidents/private/silencesync.h"

#include <grpcpp/impl/codegen/service_type.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace platformd::incidents {

namespace {

const std::string kPrefix = "/ops.platform.v1.IncidentService/";

// Migration 6. Incidents: their own revision sequence and change log (incident_changes: revision
// -> serialized IncidentChangeBatch), incidents as serialized protos (without alerts and timeline)
// plus indexed columns, their alerts and timeline entries, the silences mirror, runbooks and the
// Alertmanagers' last known state.
const char *const kSchema =
    R"(CREATE TABLE incidents_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO incidents_meta VALUES ('revision', 0), ('compacted_through', 0);
CREATE TABLE incidents (number INTEGER PRIMARY KEY, state INTEGER NOT NULL,
  severity INTEGER NOT NULL, source INTEGER NOT NULL, dedup_key TEXT NOT NULL,
  trigger_time INTEGER NOT NULL, revision INTEGER NOT NULL, data BLOB NOT NULL);
CREATE INDEX incidents_by_dedup ON incidents (dedup_key, state);
CREATE INDEX incidents_by_trigger ON incidents (trigger_time);
CREATE TABLE incident_alerts (incident INTEGER NOT NULL, alertmanager TEXT NOT NULL,
  fingerprint TEXT NOT NULL, ord INTEGER NOT NULL, status INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (incident, alertmanager, fingerprint)) WITHOUT ROWID;
CREATE INDEX incident_alerts_by_fingerprint ON incident_alerts (alertmanager, fingerprint);
CREATE TABLE incident_timeline (incident INTEGER NOT NULL, seq INTEGER NOT NULL,
  time INTEGER NOT NULL, kind INTEGER NOT NULL, data BLOB NOT NULL,
  PRIMARY KEY (incident, seq)) WITHOUT ROWID;
CREATE TABLE silences (name TEXT PRIMARY KEY, alertmanager TEXT NOT NULL, incident TEXT NOT NULL,
  ends_at INTEGER NOT NULL, revision INTEGER NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE runbooks (alert_name TEXT PRIMARY KEY, revision INTEGER NOT NULL,
  data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE alertmanagers (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE incident_changes (revision INTEGER PRIMARY KEY, commit_time INTEGER NOT NULL,
  payload BLOB NOT NULL);)";

std::string readTokenFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("--webhook-token-file: cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    std::string token = text.str();
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back())))
        token.pop_back();
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front())))
        token.erase(token.begin());
    if (token.size() < 16)
        throw std::runtime_error("--webhook-token-file: " + path +
                                 " holds no token of at least 16 characters");
    for (const char c : token)
        if (std::isspace(static_cast<unsigned char>(c)) || c < 0x20 || c == 0x7f)
            throw std::runtime_error("--webhook-token-file: the token in " + path +
                                     " has whitespace or control characters");
    return token;
}

const std::vector<std::string> &values(const core::ModuleContext &context, const char *name)
{
    static const std::vector<std::string> none;
    auto it = context.options.find(name);
    return it == context.options.end() ? none : it->second;
}

std::map<std::string, std::string> parseAlertmanagers(const core::ModuleContext &context)
{
    std::map<std::string, std::string> out;
    for (const std::string &value : values(context, "--alertmanager")) {
        const size_t eq = value.find('=');
        const std::string name = eq == std::string::npos ? std::string() : value.substr(0, eq);
        const std::string url = eq == std::string::npos ? std::string() : value.substr(eq + 1);
        if (!core::isValidId(name))
            throw std::runtime_error("--alertmanager " + core::quote(value) +
                                     ": expected NAME=URL with NAME like eu-west");
        if (!url.starts_with("http://") && !url.starts_with("https://"))
            throw std::runtime_error("--alertmanager " + name + ": the URL " + core::quote(url) +
                                     " is not http:// or https://");
        if (!out.emplace(name, url).second)
            throw std::runtime_error("--alertmanager " + name + " given twice");
    }
    return out;
}

class IncidentsRuntime final : public core::ModuleRuntime
{
public:
    explicit IncidentsRuntime(const core::ModuleContext &context)
        : m_core(context.store)
        , m_demo(context.demo)
        , m_leader(context.leader)
    {
        try {
            const auto alertmanagers = parseAlertmanagers(context);
            std::chrono::milliseconds syncInterval(2000);
            if (const auto &v = values(context, "--silence-sync-ms"); !v.empty()) {
                const long ms = std::atol(v.back().c_str());
                if (ms < 100 || ms > 600000)
                    throw std::runtime_error("--silence-sync-ms: expected 100..600000");
                syncInterval = std::chrono::milliseconds(ms);
            }
            m_store = std::make_unique<IncidentStore>(context.store, alertmanagers);
            m_sync = std::make_unique<SilenceSync>(*m_store, syncInterval);
            m_ops = std::make_unique<IncidentOps>(*m_store, *m_sync);
            if (context.demo.enabled && m_store->empty())
                seedIncidentDemo(*m_store, context.demo.seed);
            openWebhooks(context, alertmanagers);
            if (context.alerts)
                context.alerts->subscribe([this](const core::ModuleAlert &alert) {
                    Caller c;
                    c.actor = "system:" + alert.source;
                    c.action = "alert:" + alert.source;
                    c.peer = "local";
                    c.system = true;
                    const Status s = m_ops->openModuleAlert(c, alert);
                    if (!s.ok())
                        spdlog::warn("incidents: alert {} from {} not taken: {}", alert.dedupKey,
                                     alert.source, s.error_message());
                    return s.ok();
                });
        } catch (const std::exception &e) {
            throw std::runtime_error(std::string("refusing to start: incidents: ") + e.what());
        }
        m_service = makeIncidentService(context, *m_store, *m_ops);
        if (context.demo.enabled)
            m_simulator = std::make_unique<IncidentSimulator>(context.store, *m_store, *m_ops,
                                                              context.demo.seed);
    }
    ~IncidentsRuntime() override { stopAll(); }
    std::vector<grpc::Service *> services() override { return {m_service.get()}; }
    void started(grpc::HealthCheckServiceInterface *, const std::string &) override
    {
        // The silence mirror's sync runs in the leading replica (core/storesync.h); the others
        // take the mirror from the store.
        m_sync->setActive(!m_leader || m_leader->leading());
        m_sync->start();
        if (m_webhooks)
            m_webhooks->start();
        if (m_simulator)
            m_simulator->start();
    }
    void lead(const std::string &) override
    {
        m_sync->setActive(true);
        if (!m_demo.standby || m_simulator)
            return;
        m_simulator = std::make_unique<IncidentSimulator>(m_core, *m_store, *m_ops, m_demo.seed);
        m_simulator->start();
    }
    void stopping() override { stopAll(); }
    std::vector<core::ModuleEndpoint> endpoints() const override
    {
        if (!m_webhooks)
            return {};
        return {{"webhook", m_webhooks->url()}};
    }

private:
    void stopAll()
    {
        if (m_simulator)
            m_simulator->stop();
        if (m_webhooks)
            m_webhooks->stop();
        if (m_sync)
            m_sync->stop();
    }

    void openWebhooks(const core::ModuleContext &context,
                      const std::map<std::string, std::string> &alertmanagers)
    {
        const auto &listen = values(context, "--webhook-listen");
        const auto &tokenFile = values(context, "--webhook-token-file");
        if (listen.empty()) {
            if (!tokenFile.empty())
                throw std::runtime_error("--webhook-token-file needs --webhook-listen");
            return;
        }
        // Port 0: any free port, announced as `ENDPOINT webhook <url>` (tests and benches).
        std::string checked = listen.back();
        if (checked.ends_with(":0"))
            checked.back() = '1';
        if (const std::string problem = core::checkHostPort(checked); !problem.empty())
            throw std::runtime_error("--webhook-listen: " + problem);
        WebhookServerOptions options;
        options.listen = listen.back();
        if (!tokenFile.empty())
            options.bearerToken = readTokenFile(tokenFile.back());
        options.certPem = context.tls.certPem;
        options.keyPem = context.tls.keyPem;
        options.clientCaPem = context.tls.clientCaPem;
        std::set<std::string> names;
        for (const auto &[name, url] : alertmanagers)
            names.insert(name);
        m_webhooks = std::make_unique<WebhookServer>(
            options, names, [this](const WebhookRequest &r) { return onWebhook(r); });
        std::string error;
        if (!m_webhooks->bind(&error))
            throw std::runtime_error("webhooks: " + error);
        spdlog::info("incidents: Alertmanager webhooks on {} ({} Alertmanagers, {})",
                     m_webhooks->url(), names.size(),
                     options.clientCaPem.empty() ? "bearer token" : "mTLS");
    }

    WebhookResponse onWebhook(const WebhookRequest &r)
    {
        WebhookNotification n;
        std::string error;
        if (!parseWebhook(r.body, &n, &error)) {
            spdlog::warn("incidents: webhook from alertmanagers/{} ({}) refused: {}",
                         r.alertmanager, r.peer, error);
            return {error.starts_with("version: ") ? 422 : 400, error};
        }
        Caller c;
        c.actor = "alertmanagers/" + r.alertmanager;
        c.action = "webhook:POST /webhooks/alertmanager/" + r.alertmanager;
        c.peer = r.peer;
        c.system = true;
        std::string summary;
        try {
            const Status s = m_ops->ingest(c, r.alertmanager, n, &summary);
            if (!s.ok())
                return {500, s.error_message()};
        } catch (const std::exception &e) {
            spdlog::error("incidents: webhook from alertmanagers/{}: {}", r.alertmanager, e.what());
            return {500, "internal error"};
        }
        m_store->noteWebhook(r.alertmanager, nowMs());
        return {200, summary};
    }

    core::Store &m_core;
    const core::DemoOptions m_demo;
    const core::Leadership *m_leader; // null outside a server (always leading then)
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<SilenceSync> m_sync;
    std::unique_ptr<IncidentOps> m_ops;
    std::unique_ptr<WebhookServer> m_webhooks;
    std::unique_ptr<grpc::Service> m_service;
    std::unique_ptr<IncidentSimulator> m_simulator;
};

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "incidents";
    m.services = {"ops.platform.v1.IncidentService"};
    const std::pair<const char *, const char *> rules[] = {
        {"ListIncidents", "incidents.read"},        {"GetIncident", "incidents.read"},
        {"WatchIncidents", "incidents.read"},       {"ListSilences", "incidents.read"},
        {"ListAlertmanagers", "incidents.read"},    {"ListRunbooks", "incidents.read"},
        {"GetRunbook", "incidents.read"},           {"GetIncidentAnalytics", "incidents.read"},
        {"CreateIncident", "incidents.write"},      {"UpdateIncident", "incidents.write"},
        {"AcknowledgeIncident", "incidents.write"}, {"MitigateIncident", "incidents.write"},
        {"ResolveIncident", "incidents.write"},     {"ReopenIncident", "incidents.write"},
        {"AddTimelineNote", "incidents.write"},     {"UpdatePostmortem", "incidents.write"},
        {"CloseIncident", "incidents.close"},       {"CreateSilence", "silences.write"},
        {"ExtendSilence", "silences.write"},        {"ExpireSilence", "silences.write"},
        {"UpdateRunbook", "runbooks.write"},
    };
    for (const auto &[method, permission] : rules)
        m.methods.push_back({kPrefix + method, permission});
    m.grants = {
        {"viewer", {"incidents.read"}},
        {"operator", {"incidents.write", "silences.write"}},
        {"manager", {"incidents.close", "runbooks.write"}},
        {"compliance_officer", {"incidents.read"}},
        {"admin",
         {"incidents.read", "incidents.write", "incidents.close", "silences.write",
          "runbooks.write"}},
    };
    m.migrations = {{6, kSchema}};
    m.options = {
        {"--alertmanager", "NAME=URL",
         "an Alertmanager whose webhooks platformd takes at /webhooks/alertmanager/NAME and whose "
         "silences it mirrors and writes (API v2 at URL)",
         true},
        {"--webhook-listen", "HOST:PORT",
         "where the Alertmanager webhook endpoint listens (port 0: any free one; HTTPS with the "
         "server's --tls-cert; "
         "client certificates required with --client-ca)"},
        {"--webhook-token-file", "FILE",
         "the bearer token Alertmanager must send to the webhook endpoint, read from FILE"},
        {"--silence-sync-ms", "MS", "how often each Alertmanager's silences are read (2000)"},
    };
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<IncidentsRuntime>(context);
    };
    return m;
}

} // namespace platformd::incidents
