// Alertmanager's API v2 on cpp-httplib: one client (and connection) per call, so calls from
// several threads never share state. Errors name the method, the URL, the status and what
// Alertmanager said.
#include "incidents/http/alertmanagerclient.h"

#include "incidents/http/private/pemobjects.h"
#include "incidents/http/webhookpayload.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace platformd::incidents {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxErrorBody = 400;

struct Target
{
    std::string schemeHostPort; // "http://127.0.0.1:9093"
    std::string prefix;         // a route prefix ("/alertmanager"), or empty
    bool https = false;
};

bool parseBase(const std::string &url, Target *out, std::string *error)
{
    const bool https = url.rfind("https://", 0) == 0;
    if (!https && url.rfind("http://", 0) != 0) {
        *error = url + ": expected an http:// or https:// URL";
        return false;
    }
    const std::size_t hostStart = https ? 8 : 7;
    const std::size_t slash = url.find('/', hostStart);
    std::string hostPort =
        url.substr(hostStart, slash == std::string::npos ? slash : slash - hostStart);
    if (hostPort.empty() || hostPort.find_first_of("?#@ ") != std::string::npos) {
        *error = url + ": expected scheme://host[:port][/prefix]";
        return false;
    }
    out->https = https;
    out->schemeHostPort = url.substr(0, hostStart) + hostPort;
    out->prefix = slash == std::string::npos ? std::string() : url.substr(slash);
    while (!out->prefix.empty() && out->prefix.back() == '/')
        out->prefix.pop_back();
    return true;
}

// Alertmanager's ids are UUIDs; anything else never reaches a path.
bool isSilenceId(const std::string &id)
{
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               c == '-';
    });
}

// Alertmanager answers errors as a JSON string ("silence invalid: ..."); show the text.
std::string errorBody(const std::string &body)
{
    std::string text = body;
    try {
        const json doc = json::parse(body);
        if (doc.is_string())
            text = doc.get<std::string>();
        else if (doc.is_object() && doc.contains("message") && doc["message"].is_string())
            text = doc["message"].get<std::string>();
    } catch (const json::exception &) {
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    if (text.size() > kMaxErrorBody)
        text = text.substr(0, kMaxErrorBody) + "...";
    return text;
}

std::string connectionError(httplib::Error e)
{
    switch (e) {
    case httplib::Error::Connection:
        return "cannot connect (connection refused or unreachable)";
    case httplib::Error::Read:
        return "no answer (read failed or timed out)";
    case httplib::Error::Write:
        return "cannot send the request (write failed or timed out)";
    case httplib::Error::SSLConnection:
        return "TLS handshake failed";
    case httplib::Error::SSLServerVerification:
        return "server certificate not trusted";
    case httplib::Error::ConnectionTimeout:
        return "connection timed out";
    default:
        return httplib::to_string(e);
    }
}

json matchersJson(const std::vector<AmMatcher> &matchers)
{
    json out = json::array();
    for (const AmMatcher &m : matchers)
        out.push_back(
            {{"name", m.name}, {"value", m.value}, {"isRegex", m.isRegex}, {"isEqual", m.isEqual}});
    return out;
}

std::int64_t timeField(const json &v, const char *key)
{
    const auto it = v.find(key);
    if (it == v.end() || !it->is_string())
        throw std::runtime_error(std::string(key) + ": missing");
    const auto ms = parseRfc3339Ms(it->get<std::string>());
    if (!ms)
        throw std::runtime_error(std::string(key) + ": not an RFC 3339 time");
    return *ms;
}

AmSilence silenceFromJson(const json &v)
{
    if (!v.is_object())
        throw std::runtime_error("a silence is not a JSON object");
    AmSilence s;
    s.id = v.value("id", std::string());
    for (const json &m : v.at("matchers")) {
        AmMatcher matcher;
        matcher.name = m.at("name").get<std::string>();
        matcher.value = m.at("value").get<std::string>();
        matcher.isRegex = m.value("isRegex", false);
        matcher.isEqual = m.value("isEqual", true); // absent before Alertmanager 0.22
        s.matchers.push_back(std::move(matcher));
    }
    s.startsAtMs = timeField(v, "startsAt");
    s.endsAtMs = timeField(v, "endsAt");
    if (v.contains("updatedAt"))
        s.updatedAtMs = timeField(v, "updatedAt");
    s.createdBy = v.value("createdBy", std::string());
    s.comment = v.value("comment", std::string());
    if (v.contains("status") && v["status"].is_object())
        s.state = v["status"].value("state", std::string());
    return s;
}

std::string statusText(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "HTTP error";
    }
}

// One request: method and path below the base URL; *body gets a 2xx answer's body.
struct Call
{
    const AlertmanagerClient &client;
    std::chrono::milliseconds timeout;
    const std::string &caPem;

    bool run(const char *method, const std::string &path, const std::string *requestBody,
             std::string *body, std::string *error) const
    {
        Target target;
        if (!parseBase(client.baseUrl(), &target, error))
            return false;
        const std::string url = target.schemeHostPort + target.prefix + path;
        const std::string what = std::string(method) + " " + url + ": ";
        httplib::Client http(target.schemeHostPort);
        if (!http.is_valid()) {
            *error = what + "cannot make a client for this URL";
            return false;
        }
        if (target.https) {
            http.enable_server_certificate_verification(true);
            if (!caPem.empty()) {
                std::string storeError;
                pem::StorePtr store = pem::store(caPem, "CA", &storeError);
                if (!store) {
                    *error = what + storeError;
                    return false;
                }
                http.set_ca_cert_store(store.release()); // the client takes it
            }
        }
        const auto seconds = std::chrono::duration_cast<std::chrono::microseconds>(timeout);
        http.set_connection_timeout(seconds);
        http.set_read_timeout(seconds);
        http.set_write_timeout(seconds);
        http.set_keep_alive(false);
        const httplib::Headers headers{{"Accept", "application/json"}};
        const std::string fullPath = target.prefix + path;
        const std::string m = method;
        httplib::Result res = m == "GET" ? http.Get(fullPath, headers)
                              : m == "POST"
                                  ? http.Post(fullPath, headers, *requestBody, "application/json")
                                  : http.Delete(fullPath, headers);
        if (!res) {
            *error = what + connectionError(res.error());
            return false;
        }
        if (res->status < 200 || res->status > 299) {
            *error = what + std::to_string(res->status) + " " + statusText(res->status) + ": " +
                     errorBody(res->body);
            return false;
        }
        if (body)
            *body = std::move(res->body);
        return true;
    }
};

} // namespace

AlertmanagerClient::AlertmanagerClient(std::string baseUrl, std::chrono::milliseconds timeout,
                                       std::string caPem)
    : m_baseUrl(std::move(baseUrl))
    , m_timeout(timeout)
    , m_caPem(std::move(caPem))
{
    while (!m_baseUrl.empty() && m_baseUrl.back() == '/')
        m_baseUrl.pop_back();
}

AlertmanagerClient::~AlertmanagerClient() = default;

bool AlertmanagerClient::ping(std::string *error)
{
    std::string e;
    const bool ok =
        Call{*this, m_timeout, m_caPem}.run("GET", "/api/v2/status", nullptr, nullptr, &e);
    if (!ok && error)
        *error = e;
    return ok;
}

bool AlertmanagerClient::listSilences(std::vector<AmSilence> *out, std::string *error)
{
    std::string body, e;
    if (!Call{*this, m_timeout, m_caPem}.run("GET", "/api/v2/silences", nullptr, &body, &e)) {
        if (error)
            *error = e;
        return false;
    }
    try {
        const json doc = json::parse(body);
        std::vector<AmSilence> silences;
        for (const json &v : doc)
            silences.push_back(silenceFromJson(v));
        if (out)
            *out = std::move(silences);
        return true;
    } catch (const std::exception &ex) {
        if (error)
            *error = "GET " + m_baseUrl + "/api/v2/silences: unexpected answer: " + ex.what();
        return false;
    }
}

bool AlertmanagerClient::getSilence(const std::string &id, AmSilence *out, std::string *error)
{
    std::string body, e;
    if (!isSilenceId(id)) {
        if (error)
            *error = "silence id \"" + id.substr(0, 64) + "\": not an Alertmanager id";
        return false;
    }
    const std::string path = "/api/v2/silence/" + id;
    if (!Call{*this, m_timeout, m_caPem}.run("GET", path, nullptr, &body, &e)) {
        if (error)
            *error = e;
        return false;
    }
    try {
        AmSilence s = silenceFromJson(json::parse(body));
        if (out)
            *out = std::move(s);
        return true;
    } catch (const std::exception &ex) {
        if (error)
            *error = "GET " + m_baseUrl + path + ": unexpected answer: " + ex.what();
        return false;
    }
}

bool AlertmanagerClient::postSilence(const AmSilence &silence, std::string *id, std::string *error)
{
    if (!silence.id.empty() && !isSilenceId(silence.id)) {
        if (error)
            *error = "silence id \"" + silence.id.substr(0, 64) + "\": not an Alertmanager id";
        return false;
    }
    json request = {{"matchers", matchersJson(silence.matchers)},
                    {"startsAt", formatRfc3339Ms(silence.startsAtMs)},
                    {"endsAt", formatRfc3339Ms(silence.endsAtMs)},
                    {"createdBy", silence.createdBy},
                    {"comment", silence.comment}};
    if (!silence.id.empty())
        request["id"] = silence.id;
    const std::string requestBody = request.dump();
    std::string body, e;
    if (!Call{*this, m_timeout, m_caPem}.run("POST", "/api/v2/silences", &requestBody, &body, &e)) {
        if (error)
            *error = e;
        return false;
    }
    try {
        const json doc = json::parse(body);
        const std::string newId = doc.at("silenceID").get<std::string>();
        if (id)
            *id = newId;
        return true;
    } catch (const std::exception &ex) {
        if (error)
            *error = "POST " + m_baseUrl + "/api/v2/silences: unexpected answer: " + ex.what();
        return false;
    }
}

bool AlertmanagerClient::expireSilence(const std::string &id, std::string *error)
{
    if (!isSilenceId(id)) {
        if (error)
            *error = "silence id \"" + id.substr(0, 64) + "\": not an Alertmanager id";
        return false;
    }
    std::string e;
    const bool ok = Call{*this, m_timeout, m_caPem}.run("DELETE", "/api/v2/silence/" + id, nullptr,
                                                        nullptr, &e);
    if (!ok && error)
        *error = e;
    return ok;
}

} // namespace platformd::incidents
