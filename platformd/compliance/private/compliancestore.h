#pragma once

#include "core/caller.h"

#include "ops/platform/v1/compliance.pb.h"

#include <google/protobuf/timestamp.pb.h>
#include <grpcpp/support/status.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace platformd::core {
class Connection;
class Store;
} // namespace platformd::core

// The compliance module's tables (migration 8, compliancemodule.cpp) and the reads and writes of
// its records: frameworks, requirements and controls (compliancestore.cpp); evidence, findings,
// privacy requests and retention policies (compliancerecords.cpp).
namespace platformd::compliance {

namespace pb = ops::platform::v1;
using grpc::Status;

std::int64_t nowMs();
google::protobuf::Timestamp toTimestamp(std::int64_t ms);
std::int64_t toMs(const google::protobuf::Timestamp &t);
std::string rfc3339(std::int64_t ms); // "2026-12-06T21:00:00Z"

inline constexpr std::int64_t kDayMs = 86400000;

// GDPR Art. 12(3): one month (taken as 30 days); CCPA §1798.130(a)(2): 45 days.
int privacyDeadlineDays(pb::PrivacyRegime regime);

class ComplianceStore
{
public:
    explicit ComplianceStore(core::Store &store);
    core::Store &core() { return m_store; }

    // --- seeding ---
    bool seeded() const;
    // The frameworks, requirements and curated controls (data/controls.json), the checks and the
    // default retention policies, in one transaction, unless the store has them (another replica
    // seeded it meanwhile): false then. Throws on a malformed data file.
    bool seedBase(std::int64_t now);
    // Demo data (named as such): failover drills, a score trend, privacy requests, evidence.
    void seedDemo(std::uint64_t seed, std::int64_t now);
    // Gives the requirements of EU and US law their headings (data/controls.json) and the SP 800-53
    // ids of nist-800-53 and fedramp NIST's titles (the embedded catalog), where still empty.
    void fillRequirementTitles();

    // --- frameworks and controls ---
    Status listFrameworks(pb::ListFrameworksResponse *out);
    Status listControls(const pb::ListControlsRequest &r, pb::ListControlsResponse *out);
    Status getControl(const std::string &name, pb::ControlDetail *out);
    Status updateControl(const core::Caller &c, const pb::UpdateControlRequest &r,
                         pb::Control *out);
    // Every control, loaded with its requirements and passing state (db inside a transaction).
    std::vector<pb::Control> controls(core::Connection &db);
    // Appends one score per framework at batchMs (after a check run).
    void recordScores(core::Connection &db, std::int64_t batchMs);

    // --- checks (compliancechecks.cpp writes the runs) ---
    Status listChecks(pb::ListChecksResponse *out);
    Status listCheckRuns(const pb::ListCheckRunsRequest &r, pb::ListCheckRunsResponse *out);

    // --- records (compliancerecords.cpp) ---
    Status listFindings(const pb::ListFindingsRequest &r, pb::ListFindingsResponse *out);
    Status addEvidence(const core::Caller &c, const pb::AddEvidenceRequest &r, pb::Evidence *out);
    Status listEvidence(const pb::ListEvidenceRequest &r, pb::ListEvidenceResponse *out);
    std::vector<pb::Evidence> evidenceOf(core::Connection &db, const std::string &control,
                                         std::int64_t fromMs, std::int64_t toMs);
    Status listPrivacyRequests(const pb::ListPrivacyRequestsRequest &r,
                               pb::ListPrivacyRequestsResponse *out);
    Status createPrivacyRequest(const core::Caller &c, const pb::CreatePrivacyRequestRequest &r,
                                pb::PrivacyRequest *out);
    Status completePrivacyRequest(const core::Caller &c, const pb::CompletePrivacyRequestRequest &r,
                                  pb::PrivacyRequest *out);
    Status listRetentionPolicies(pb::ListRetentionPoliciesResponse *out);
    Status updateRetentionPolicy(const core::Caller &c, const pb::UpdateRetentionPolicyRequest &r,
                                 pb::RetentionPolicy *out);
    std::vector<pb::RetentionPolicy> retentionPolicies(core::Connection &db);

    // --- operations (complianceoperations.cpp) ---
    Status applyRetention(const core::Caller &c, const pb::ApplyRetentionRequest &r,
                          pb::ApplyRetentionResponse *out);
    Status listFailoverDrills(const pb::ListFailoverDrillsRequest &r,
                              pb::ListFailoverDrillsResponse *out);
    Status recordFailoverDrill(const core::Caller &c, const pb::RecordFailoverDrillRequest &r,
                               pb::FailoverDrill *out);
    std::vector<pb::PrivacyRequest> privacyRequests(core::Connection &db, std::int64_t now);
    std::vector<pb::Finding> findings(core::Connection &db);

private:
    core::Store &m_store;
};

// Reads one row of the tables (the column lists below) into its message.
extern const char kControlColumns[];
extern const char kFindingColumns[];
extern const char kEvidenceColumns[];
extern const char kPrivacyColumns[];
extern const char kRunColumns[];
pb::Finding readFinding(core::Connection &db, std::int64_t id);

} // namespace platformd::compliance
