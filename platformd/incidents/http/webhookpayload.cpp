// Alertmanager's webhook body (payload version "4"), validated strictly: every error names the
// field it is about, so a refused delivery says what was wrong in its 400/422 answer.
#include "incidents/http/webhookpayload.h"

#include <nlohmann/json.hpp>

#include <cstring>

namespace platformd::incidents {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxAlerts = 1000;
constexpr int kMaxDepth = 16; // the payload nests 4 deep; refuse bombs before building a tree
// Go's zero time.Time, which Alertmanager writes as endsAt while an alert fires.
constexpr std::int64_t kGoZeroTimeMs = -62135596800000;

struct Invalid
{
    std::string message;
};

[[noreturn]] void fail(const std::string &path, const std::string &what)
{
    throw Invalid{path + ": " + what};
}

const char *typeName(const json &v)
{
    return v.type_name(); // "string", "number", "object", ...
}

// The deepest nesting of arrays and objects outside strings; stops counting past the limit.
bool nestingWithin(std::string_view body, int limit)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return false;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return true;
}

const json *member(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string requiredString(const json &object, const std::string &prefix, const char *key)
{
    const json *v = member(object, key);
    const std::string path = prefix + key;
    if (!v)
        fail(path, "missing");
    if (!v->is_string())
        fail(path, std::string("expected a string, got ") + typeName(*v));
    return v->get<std::string>();
}

std::string optionalString(const json &object, const std::string &prefix, const char *key)
{
    const json *v = member(object, key);
    if (!v)
        return {};
    if (!v->is_string())
        fail(prefix + key, std::string("expected a string, got ") + typeName(*v));
    return v->get<std::string>();
}

std::string status(const json &object, const std::string &prefix)
{
    std::string s = requiredString(object, prefix, "status");
    if (s != "firing" && s != "resolved")
        fail(prefix + "status", "expected \"firing\" or \"resolved\", got \"" + s + "\"");
    return s;
}

LabelSet labelSet(const json &object, const std::string &prefix, const char *key, bool required)
{
    LabelSet out;
    const json *v = member(object, key);
    const std::string path = prefix + key;
    if (!v) {
        if (required)
            fail(path, "missing");
        return out;
    }
    if (!v->is_object())
        fail(path, std::string("expected an object of strings, got ") + typeName(*v));
    for (const auto &[name, value] : v->items()) {
        if (name.empty())
            fail(path, "empty label name");
        if (!value.is_string())
            fail(path + "." + name, std::string("expected a string, got ") + typeName(value));
        out.emplace(name, value.get<std::string>());
    }
    return out;
}

std::int64_t time(const json &object, const std::string &prefix, const char *key)
{
    const std::string text = requiredString(object, prefix, key);
    const std::optional<std::int64_t> ms = parseRfc3339Ms(text);
    if (!ms)
        fail(prefix + key, "not an RFC 3339 time: \"" + text.substr(0, 64) + "\"");
    return *ms;
}

bool isFingerprint(const std::string &s)
{
    if (s.size() != 16)
        return false;
    for (const char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

WebhookAlert alert(const json &v, const std::string &prefix)
{
    if (!v.is_object())
        fail(prefix.substr(0, prefix.size() - 1),
             std::string("expected an object, got ") + typeName(v));
    WebhookAlert a;
    a.status = status(v, prefix);
    a.labels = labelSet(v, prefix, "labels", true);
    if (a.labels.empty())
        fail(prefix + "labels", "empty (an alert has at least alertname)");
    a.annotations = labelSet(v, prefix, "annotations", false);
    a.startsAtMs = time(v, prefix, "startsAt");
    const std::int64_t ends = time(v, prefix, "endsAt");
    if (ends != kGoZeroTimeMs)
        a.endsAtMs = ends;
    a.generatorUrl = optionalString(v, prefix, "generatorURL");
    a.fingerprint = requiredString(v, prefix, "fingerprint");
    if (!isFingerprint(a.fingerprint))
        fail(prefix + "fingerprint",
             "expected 16 hex digits, got \"" + a.fingerprint.substr(0, 64) + "\"");
    return a;
}

WebhookNotification notification(const json &doc)
{
    if (!doc.is_object())
        fail("body", std::string("expected a JSON object, got ") + typeName(doc));
    // The version first: a body of another version is refused as such (422), whatever else it has.
    const json *version = member(doc, "version");
    if (!version)
        fail("version", "missing (expected \"4\")");
    if (!version->is_string() || version->get<std::string>() != "4")
        fail("version", "expected \"4\", got " + version->dump().substr(0, 32));

    WebhookNotification n;
    n.receiver = requiredString(doc, "", "receiver");
    n.status = status(doc, "");
    n.groupKey = requiredString(doc, "", "groupKey");
    if (n.groupKey.empty())
        fail("groupKey", "empty");
    n.groupLabels = labelSet(doc, "", "groupLabels", false);
    n.commonLabels = labelSet(doc, "", "commonLabels", false);
    n.commonAnnotations = labelSet(doc, "", "commonAnnotations", false);
    n.externalUrl = optionalString(doc, "", "externalURL");
    if (const json *t = member(doc, "truncatedAlerts")) {
        if (!t->is_number_integer() || t->get<std::int64_t>() < 0)
            fail("truncatedAlerts", "expected a non-negative integer, got " + t->dump());
        n.truncatedAlerts = t->get<std::int64_t>();
    }

    const json *alerts = member(doc, "alerts");
    if (!alerts)
        fail("alerts", "missing");
    if (!alerts->is_array())
        fail("alerts", std::string("expected an array, got ") + typeName(*alerts));
    if (alerts->empty())
        fail("alerts", "empty");
    if (alerts->size() > kMaxAlerts)
        fail("alerts",
             std::to_string(alerts->size()) + " alerts, at most " + std::to_string(kMaxAlerts));
    n.alerts.reserve(alerts->size());
    for (std::size_t i = 0; i < alerts->size(); ++i)
        n.alerts.push_back(alert((*alerts)[i], "alerts[" + std::to_string(i) + "]."));
    return n;
}

} // namespace

bool parseWebhook(std::string_view body, WebhookNotification *out, std::string *error)
{
    try {
        if (!nestingWithin(body, kMaxDepth))
            fail("body", "nested deeper than " + std::to_string(kMaxDepth) + " levels");
        json doc;
        try {
            doc = json::parse(body.begin(), body.end());
        } catch (const json::parse_error &e) {
            // "[json.exception.parse_error.101] parse error at line 1, ..." without the tag.
            const char *what = e.what();
            const char *text = std::strchr(what, ']');
            fail("body", std::string("not JSON: ") + (text ? text + 2 : what));
        }
        WebhookNotification n = notification(doc);
        if (out)
            *out = std::move(n);
        return true;
    } catch (const Invalid &invalid) {
        if (error)
            *error = invalid.message;
    } catch (const json::exception &e) { // a type error we did not foresee: still a 400
        if (error)
            *error = std::string("body: ") + e.what();
    }
    return false;
}

} // namespace platformd::incidents
