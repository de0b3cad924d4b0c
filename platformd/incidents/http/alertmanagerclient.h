#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

// A client of one Alertmanager's API v2 (/api/v2/silences, /api/v2/silence/{id}, /api/v2/status),
// on cpp-httplib. Blocking, with a timeout; thread-safe (one connection per call).
namespace platformd::incidents {

struct AmMatcher
{
    std::string name, value;
    bool isRegex = false;
    bool isEqual = true;
};

struct AmSilence
{
    std::string id; // empty for a new one
    std::vector<AmMatcher> matchers;
    std::int64_t startsAtMs = 0, endsAtMs = 0, updatedAtMs = 0;
    std::string createdBy, comment;
    std::string state; // "active", "pending", "expired" (read back only)
};

class AlertmanagerClient
{
public:
    // baseUrl: "http://127.0.0.1:9093" or https:// (verified against the system CAs, or caPem
    // when given).
    explicit AlertmanagerClient(std::string baseUrl,
                                std::chrono::milliseconds timeout = std::chrono::seconds(5),
                                std::string caPem = {});
    ~AlertmanagerClient();

    const std::string &baseUrl() const { return m_baseUrl; }

    // False with *error saying what failed ("http://127.0.0.1:9093: connection refused",
    // "POST /api/v2/silences: 400 Bad Request: silence invalid: ...") on any failure.
    bool ping(std::string *error); // GET /api/v2/status
    bool listSilences(std::vector<AmSilence> *out, std::string *error);
    bool getSilence(const std::string &id, AmSilence *out, std::string *error);
    // Creates (id empty) or updates a silence; *id is the id Alertmanager answers with (an update
    // may get a new one).
    bool postSilence(const AmSilence &silence, std::string *id, std::string *error);
    bool expireSilence(const std::string &id, std::string *error); // DELETE /api/v2/silence/{id}

private:
    std::string m_baseUrl;
    std::chrono::milliseconds m_timeout;
    std::string m_caPem;
};

} // namespace platformd::incidents
