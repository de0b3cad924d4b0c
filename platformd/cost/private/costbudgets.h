#pragma once

#include "core/caller.h"
#include "cost/private/costquery.h"

#include <mutex>
#include <string>
#include <vector>

namespace platformd::core {
class AlertBus;
}

namespace platformd::cost {

// Budgets (cost_budgets, serialized pb::Budget), their reports and threshold crossings
// (cost_budget_crossings: one row per budget, period and threshold, claimed before the alert is
// handed to the incidents module through core::AlertBus and given back when nobody took it; the
// row's key decides which replica raises it).
class CostBudgets
{
public:
    CostBudgets(CostStore &store, core::AlertBus *alerts)
        : m_store(store)
        , m_alerts(alerts)
    {}

    Status list(pb::ListBudgetsResponse *out);
    Status get(const std::string &name, pb::Budget *out);
    Status create(const core::Caller &c, const pb::CreateBudgetRequest &r, pb::Budget *out);
    Status update(const core::Caller &c, const pb::UpdateBudgetRequest &r, pb::Budget *out);
    Status remove(const core::Caller &c, const pb::DeleteBudgetRequest &r);
    Status report(const pb::GetBudgetReportRequest &r, pb::BudgetReport *out);

    // Evaluates every budget at the end of the data and raises each threshold crossed for the
    // first time in its period (in any replica). Returns the alerts this call raised.
    int checkThresholds();
    // The demo's budgets (unaudited, when there are none).
    void seedDemo(std::int64_t nowMs);

    struct Crossing
    {
        std::string budget, title;
        std::int64_t timeMs = 0;
    };
    std::vector<Crossing> crossings(std::int64_t fromMs, std::int64_t toMs);

private:
    Status status(const pb::Budget &b, std::int64_t asOf, pb::BudgetStatus *out);
    std::vector<pb::Budget> all();

    CostStore &m_store;
    core::AlertBus *m_alerts;
    std::mutex m_checkMutex;
};

} // namespace platformd::cost
