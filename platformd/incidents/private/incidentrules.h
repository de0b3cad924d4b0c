#pragma once

// The small rules shared by the incidents module: limits, names, status helpers, text checks,
// severity from alert labels, time conversions.
#include "core/validation.h"

#include "ops/platform/v1/incidents.pb.h"

#include <google/protobuf/timestamp.pb.h>
#include <grpcpp/support/status.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace platformd::incidents {

namespace pb = ops::platform::v1;
using grpc::Status;
using grpc::StatusCode;

constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxMarkdown = 20000;    // summaries, notes, postmortem sections
constexpr size_t kMaxRunbook = 64 * 1024; // a runbook's Markdown
constexpr size_t kMaxComment = 2000;      // transition and silence comments
constexpr int kMaxLinks = 32;             // regions or models of an incident
constexpr int kMaxFollowUps = 50;
constexpr int kMaxMatchers = 32;
constexpr std::int64_t kMaxSilenceMs = 30LL * 24 * 3600 * 1000;

inline Status invalid(const std::string &message)
{
    return Status(StatusCode::INVALID_ARGUMENT, message);
}
inline Status notFound(const std::string &what)
{
    return Status(StatusCode::NOT_FOUND, what + " not found");
}
inline Status precondition(const std::string &message)
{
    return Status(StatusCode::FAILED_PRECONDITION, message);
}

// Length, UTF-8 and control characters (multiline allows \n, \r and \t).
Status checkText(const std::string &text, size_t maxBytes, const std::string &field,
                 bool multiline = false);

std::int64_t nowMs();
std::int64_t toMs(const google::protobuf::Timestamp &t);
google::protobuf::Timestamp fromMs(std::int64_t ms);
// "2026-12-06T17:36:22Z"
std::string formatTime(std::int64_t ms);

// "incidents/12" -> 12; 0 when it is not one.
std::int64_t incidentNumberOf(const std::string &name);
std::string incidentName(std::int64_t number);
// "alertmanagers/eu" -> "eu"; empty when it is not one.
std::string alertmanagerIdOf(const std::string &name);
// "silences/{am}/{id}" -> (am, id); false when it is not one.
bool splitSilenceName(const std::string &name, std::string *am, std::string *id);
std::string silenceName(const std::string &am, const std::string &id);
// Alert names as runbook ids: [A-Za-z_:][A-Za-z0-9_:.-]{0,127}.
bool isValidAlertName(const std::string &name);

const char *stateName(pb::IncidentState state);
const char *severityName(pb::IncidentSeverity severity);
const char *sourceName(pb::IncidentSource source);
bool isOpen(pb::IncidentState state); // not RESOLVED or CLOSED

// The documented mapping of an alert's `severity` label (case-insensitive): sev1..sev4 and
// p1..p4 as written; critical, page -> SEV1; error, high, major -> SEV2; warning, warn, minor ->
// SEV3; anything else or none -> SEV4.
pb::IncidentSeverity severityOfLabels(const std::map<std::string, std::string> &labels);
template<typename Map>
pb::IncidentSeverity severityOf(const Map &labels)
{
    return severityOfLabels(std::map<std::string, std::string>(labels.begin(), labels.end()));
}

// Whether a silence's matchers match the labels (Alertmanager's semantics: every matcher must
// match; regexes are anchored; a missing label is the empty string).
bool silenceMatches(const pb::Silence &silence,
                    const google::protobuf::Map<std::string, std::string> &labels);

} // namespace platformd::incidents
