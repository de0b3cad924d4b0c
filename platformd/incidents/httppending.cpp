// Temporary: stands in for platformd_incidents_http until http/ lands (built only without it).
#include "incidents/private/amhttp.h"

namespace platformd::incidents {

namespace {
const char kPending[] = "the HTTP library (incidents/http) is not built";
}

AlertmanagerClient::AlertmanagerClient(std::string baseUrl, std::chrono::milliseconds timeout,
                                       std::string caPem)
    : m_baseUrl(std::move(baseUrl))
    , m_timeout(timeout)
    , m_caPem(std::move(caPem))
{}
AlertmanagerClient::~AlertmanagerClient() = default;
bool AlertmanagerClient::ping(std::string *error)
{
    *error = kPending;
    return false;
}
bool AlertmanagerClient::listSilences(std::vector<AmSilence> *, std::string *error)
{
    *error = kPending;
    return false;
}
bool AlertmanagerClient::getSilence(const std::string &, AmSilence *, std::string *error)
{
    *error = kPending;
    return false;
}
bool AlertmanagerClient::postSilence(const AmSilence &, std::string *, std::string *error)
{
    *error = kPending;
    return false;
}
bool AlertmanagerClient::expireSilence(const std::string &, std::string *error)
{
    *error = kPending;
    return false;
}
bool parseWebhook(std::string_view, WebhookNotification *, std::string *error)
{
    *error = kPending;
    return false;
}
struct WebhookServer::Impl
{
};
WebhookServer::WebhookServer(WebhookServerOptions, std::set<std::string>, Handler) {}
WebhookServer::~WebhookServer() = default;
bool WebhookServer::bind(std::string *error)
{
    *error = kPending;
    return false;
}
void WebhookServer::start() {}
void WebhookServer::stop() {}
int WebhookServer::port() const
{
    return 0;
}
std::string WebhookServer::url() const
{
    return {};
}

} // namespace platformd::incidents
