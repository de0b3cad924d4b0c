// Fuzzes Alertmanager's webhook body parser (what the webhook endpoint hands to the incidents
// module) and the RFC 3339 parser under it.
// Properties: no crash, hang or leak; a refused body has an error naming a field ("version: ...",
// "alerts[3].labels.x: ..."); an accepted one keeps the contract (version "4", at most 1000 alerts,
// a 16-hex-digit fingerprint and a status per alert); a parsed time formats and parses back to
// itself.
#include "incidents/http/webhookpayload.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view body(reinterpret_cast<const char *>(data), size);
    platformd::incidents::WebhookNotification n;
    std::string error;
    if (platformd::incidents::parseWebhook(body, &n, &error)) {
        if (n.alerts.empty() || n.alerts.size() > 1000 || n.groupKey.empty())
            __builtin_trap();
        for (const auto &a : n.alerts) {
            if (a.fingerprint.size() != 16 || (a.status != "firing" && a.status != "resolved"))
                __builtin_trap();
        }
    } else if (error.empty() || error.find(": ") == std::string::npos) {
        __builtin_trap();
    }
    if (const auto ms = platformd::incidents::parseRfc3339Ms(body.substr(0, 64))) {
        if (platformd::incidents::parseRfc3339Ms(platformd::incidents::formatRfc3339Ms(*ms)) != ms)
            __builtin_trap();
    }
    return 0;
}
