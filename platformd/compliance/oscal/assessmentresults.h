#pragma once

#include <string>
#include <string_view>
#include <vector>

// OSCAL 1.1 assessment results out (issue 14): plain structs the compliance module fills, written
// as an {"assessment-results": {...}} JSON document. Empty uuids are filled with fresh version-4
// uuids by writeAssessmentResults (and written back, so findings can name observations made in the
// same call only by uuids the caller set).
namespace platformd::compliance::oscal {

struct Evidence
{
    std::string href;        // optional: where the evidence is ("platformd://audit/1234", a URL)
    std::string description; // required
};

struct Observation
{
    std::string uuid; // empty: a fresh v4
    std::string title;
    std::string description;          // required
    std::vector<std::string> methods; // EXAMINE, INTERVIEW, TEST, UNKNOWN; at least one
    std::vector<std::string> types;   // optional: ssp-statement-issue, control-objective, finding,
                                      // historic, mitigation, discovery
    std::string collected;            // RFC 3339 with a zone ("2026-12-06T21:00:00Z"), required
    std::vector<Evidence> evidence;   // relevant-evidence
};

enum class ObjectiveState { Satisfied, NotSatisfied };

struct Finding
{
    std::string uuid;        // empty: a fresh v4
    std::string title;       // required
    std::string description; // required
    std::string targetId;    // the control's statement or objective id ("ac-2_smt", "ac-2_obj")
    bool targetIsObjective = false; // target type "objective-id" rather than "statement-id"
    ObjectiveState state = ObjectiveState::NotSatisfied;
    std::string reason; // optional status reason ("pass", "fail", "other" or a token)
    std::vector<std::string> relatedObservations; // observation uuids of the same result
};

struct AssessmentResult
{
    std::string uuid;                          // empty: a fresh v4
    std::string title;                         // required
    std::string description;                   // required
    std::string start;                         // RFC 3339, required
    std::string end;                           // RFC 3339, optional
    std::vector<std::string> reviewedControls; // control ids; at least one
    std::vector<Observation> observations;
    std::vector<Finding> findings;
};

struct AssessmentResults
{
    std::string uuid;         // empty: a fresh v4
    std::string title;        // metadata title, required
    std::string version;      // metadata version, required
    std::string lastModified; // RFC 3339, required
    std::string oscalVersion = "1.1.2";
    std::string importApHref; // the assessment plan, required ("#<uuid>", a path or URL)
    std::vector<AssessmentResult> results; // at least one
};

// Writes the document (indented JSON). False with *error naming the field when a required one is
// empty, a time is not RFC 3339 with a zone, a method is not one of OSCAL's, or a finding names an
// observation its result does not hold; nothing is written then. Empty uuids in *doc are filled.
bool writeAssessmentResults(AssessmentResults *doc, std::string *json, std::string *error);

// Reads a document written by writeAssessmentResults (or any OSCAL assessment results using the
// subset above) back into the structs; unknown members are ignored. Errors name the JSON pointer.
bool readAssessmentResults(std::string_view json, AssessmentResults *out, std::string *error);

std::string newUuid(); // a random RFC 4122 version-4 uuid
bool isUuidV4(std::string_view text);
bool isRfc3339DateTime(std::string_view text); // with a zone, as OSCAL's date-time-with-timezone

} // namespace platformd::compliance::oscal
