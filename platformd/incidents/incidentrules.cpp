#include "incidents/private/incidentrules.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <cctype>
#include <regex>

namespace platformd::incidents {

using google::protobuf::util::TimeUtil;

Status checkText(const std::string &text, size_t maxBytes, const std::string &field, bool multiline)
{
    if (text.size() > maxBytes)
        return invalid(field + ": longer than " + std::to_string(maxBytes) + " bytes");
    if (!core::isValidUtf8(text))
        return invalid(field + ": not valid UTF-8");
    for (const unsigned char c : text)
        if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t' || c == '\r'))) || c == 0x7f)
            return invalid(field + ": control characters are not allowed");
    return Status::OK;
}

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t toMs(const google::protobuf::Timestamp &t)
{
    return t.seconds() * 1000 + t.nanos() / 1000000;
}

google::protobuf::Timestamp fromMs(std::int64_t ms)
{
    return TimeUtil::MillisecondsToTimestamp(ms);
}

std::string formatTime(std::int64_t ms)
{
    return TimeUtil::ToString(TimeUtil::SecondsToTimestamp(ms / 1000));
}

std::int64_t incidentNumberOf(const std::string &name)
{
    constexpr std::string_view prefix = "incidents/";
    if (!name.starts_with(prefix) || name.size() == prefix.size() ||
        name.size() > prefix.size() + 15)
        return 0;
    std::int64_t n = 0;
    for (size_t i = prefix.size(); i < name.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(name[i])))
            return 0;
        n = n * 10 + (name[i] - '0');
    }
    if (name[prefix.size()] == '0')
        return 0;
    return n;
}

std::string incidentName(std::int64_t number)
{
    return "incidents/" + std::to_string(number);
}

std::string alertmanagerIdOf(const std::string &name)
{
    constexpr std::string_view prefix = "alertmanagers/";
    if (!name.starts_with(prefix))
        return {};
    std::string id = name.substr(prefix.size());
    return core::isValidId(id) ? id : std::string();
}

bool splitSilenceName(const std::string &name, std::string *am, std::string *id)
{
    constexpr std::string_view prefix = "silences/";
    if (!name.starts_with(prefix))
        return false;
    const size_t slash = name.find('/', prefix.size());
    if (slash == std::string::npos)
        return false;
    *am = name.substr(prefix.size(), slash - prefix.size());
    *id = name.substr(slash + 1);
    if (!core::isValidId(*am) || id->empty() || id->size() > 64)
        return false;
    for (const char c : *id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-')
            return false;
    return true;
}

std::string silenceName(const std::string &am, const std::string &id)
{
    return "silences/" + am + "/" + id;
}

bool isValidAlertName(const std::string &name)
{
    if (name.empty() || name.size() > 128)
        return false;
    const auto first = static_cast<unsigned char>(name[0]);
    if (!std::isalpha(first) && first != '_' && first != ':')
        return false;
    for (const char c : name)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != ':' && c != '.' &&
            c != '-')
            return false;
    return true;
}

const char *stateName(pb::IncidentState state)
{
    switch (state) {
    case pb::TRIGGERED:
        return "TRIGGERED";
    case pb::ACKNOWLEDGED:
        return "ACKNOWLEDGED";
    case pb::MITIGATED:
        return "MITIGATED";
    case pb::RESOLVED:
        return "RESOLVED";
    case pb::CLOSED:
        return "CLOSED";
    default:
        return "UNSPECIFIED";
    }
}

const char *severityName(pb::IncidentSeverity severity)
{
    switch (severity) {
    case pb::SEV1:
        return "SEV1";
    case pb::SEV2:
        return "SEV2";
    case pb::SEV3:
        return "SEV3";
    case pb::SEV4:
        return "SEV4";
    default:
        return "UNSPECIFIED";
    }
}

const char *sourceName(pb::IncidentSource source)
{
    switch (source) {
    case pb::ALERTMANAGER:
        return "ALERTMANAGER";
    case pb::SIMULATOR:
        return "SIMULATOR";
    case pb::MANUAL:
        return "MANUAL";
    default:
        return "UNSPECIFIED";
    }
}

bool isOpen(pb::IncidentState state)
{
    return state != pb::RESOLVED && state != pb::CLOSED;
}

pb::IncidentSeverity severityOfLabels(const std::map<std::string, std::string> &labels)
{
    auto it = labels.find("severity");
    if (it == labels.end())
        return pb::SEV4;
    std::string s = it->second;
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (s == "sev1" || s == "p1" || s == "critical" || s == "page")
        return pb::SEV1;
    if (s == "sev2" || s == "p2" || s == "error" || s == "high" || s == "major")
        return pb::SEV2;
    if (s == "sev3" || s == "p3" || s == "warning" || s == "warn" || s == "minor")
        return pb::SEV3;
    return pb::SEV4;
}

bool silenceMatches(const pb::Silence &silence,
                    const google::protobuf::Map<std::string, std::string> &labels)
{
    if (silence.matchers().empty())
        return false;
    for (const pb::SilenceMatcher &m : silence.matchers()) {
        auto it = labels.find(m.name());
        const std::string value = it == labels.end() ? std::string() : it->second;
        bool match;
        if (m.is_regex()) {
            try {
                match = std::regex_match(value, std::regex(m.value()));
            } catch (const std::regex_error &) {
                match = false;
            }
        } else {
            match = value == m.value();
        }
        if (match != m.is_equal())
            return false;
    }
    return true;
}

} // namespace platformd::incidents
