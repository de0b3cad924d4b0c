#pragma once

#include "core/module.h"

#include "ops/platform/v1/compliance.pb.h"

#include <mutex>
#include <string>
#include <vector>

// The automated checks, evaluated from platformd's own state: the server's TLS, the audit chain,
// API tokens, roles, the registry's approvals, the incidents' postmortems, failover drills,
// retention and privacy deadlines. Each run is stored as history; a failing check opens a finding
// (one per failing subject), a passing run closes it.
namespace platformd::compliance {

class ComplianceStore;

struct CheckDefinition
{
    std::string id; // "tls"
    std::string title;
    std::string description;
    ops::platform::v1::FindingSeverity severity;
    std::string control; // the control it tests ("pc-tls-transport")
    int dueDays;         // a finding's due date after it opens
};

const std::vector<CheckDefinition> &checkDefinitions();

class ComplianceChecks
{
public:
    ComplianceChecks(const core::ModuleContext &context, ComplianceStore &store);
    // Runs the named checks ("tls" or "checks/tls"; all when empty) and stores the runs, findings
    // and framework scores. Unknown names: INVALID_ARGUMENT naming them. Serialised.
    grpc::Status run(const std::vector<std::string> &names, const std::string &triggeredBy,
                     ops::platform::v1::RunChecksResponse *out);

private:
    struct Outcome
    {
        ops::platform::v1::CheckResult result = ops::platform::v1::CHECK_PASS;
        std::string detail;
        // The failing subjects, each one finding: "" for the check as a whole, or e.g. a privacy
        // request's number.
        std::vector<std::pair<std::string, std::string>> failing; // subject, title
    };
    Outcome evaluate(const std::string &id, std::int64_t now);
    Outcome tls();
    Outcome auditChain();
    Outcome tokens(std::int64_t now);
    Outcome leastPrivilege();
    Outcome fourEyes();
    Outcome postmortems();
    Outcome failoverDrills(std::int64_t now);
    Outcome retention(std::int64_t now);
    Outcome privacyDeadlines(std::int64_t now);

    core::ModuleContext m_context;
    ComplianceStore &m_store;
    std::mutex m_runMutex;
};

} // namespace platformd::compliance
