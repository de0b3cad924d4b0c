#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The body Prometheus Alertmanager POSTs to a webhook receiver (payload version "4", as sent by
// Alertmanager 0.25; real bodies in ../shared/data/alertmanager and tests/data/alertmanager).
namespace platformd::incidents {

using LabelSet = std::map<std::string, std::string>;

struct WebhookAlert
{
    std::string status; // "firing" or "resolved"
    LabelSet labels;
    LabelSet annotations;
    std::int64_t startsAtMs = 0;          // Unix ms
    std::optional<std::int64_t> endsAtMs; // none while firing (Alertmanager sends year 1)
    std::string generatorUrl;
    std::string fingerprint; // 16 hex digits; identifies the alert across notifications
};

struct WebhookNotification
{
    std::string receiver;
    std::string status; // "firing" while any alert in the group fires, else "resolved"
    std::vector<WebhookAlert> alerts;
    LabelSet groupLabels;
    LabelSet commonLabels;
    LabelSet commonAnnotations;
    std::string externalUrl;
    std::string groupKey;
    std::int64_t truncatedAlerts = 0;
};

// Parses and validates one body: JSON object, "version" exactly "4", non-empty groupKey, status
// firing|resolved (group and each alert), RFC 3339 times, string-to-string label maps, a
// fingerprint per alert, at most 1000 alerts. False with *error naming the field
// ("alerts[2].startsAt: not an RFC 3339 time") when it is not one.
bool parseWebhook(std::string_view body, WebhookNotification *out, std::string *error);

// RFC 3339 ("2026-11-29T02:39:17.547093029Z", "2026-11-29T02:39:07+02:00") to Unix ms.
std::optional<std::int64_t> parseRfc3339Ms(std::string_view text);
std::string formatRfc3339Ms(std::int64_t unixMs); // "2026-11-29T02:39:07.000Z"

} // namespace platformd::incidents
