#include "cost/costmodule.h"

#include "core/alerts.h"
#include "core/store.h"
#include "cost/private/costbudgets.h"
#include "cost/private/costdemo.h"
#include "cost/private/costservice.h"
#include "cost/private/coststore.h"
#include "registry/registrystore.h"

#include <grpcpp/impl/codegen/service_type.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <stdexcept>

namespace platformd::cost {

namespace {

const std::string kPrefix = "/ops.platform.v1.CostService/";

// Migration 7. Amounts are exact: each FOCUS cost column is two INTEGER columns, <metric>_w =
// units / 10^18 and <metric>_f = units % 10^18 (same sign; units are 10^-18 of the currency, as
// focus::Decimal). cost_keys: the distinct dimension combinations (tags as a canonical JSON
// object); cost_segments: one billing account's billing period as imported (what a re-import
// replaces); cost_rows: the imported rows (x_ and unknown columns as a JSON object in extra);
// cost_daily: the rollup per segment, day (of ChargePeriodStart, UTC) and key, summed in C++ at
// import; cost_imports: the reports; cost_budgets: serialized ops.platform.v1.Budget;
// cost_budget_crossings: the thresholds already raised as alerts.
const char *const kSchema =
    R"(CREATE TABLE cost_keys (id INTEGER PRIMARY KEY, provider TEXT NOT NULL,
  service TEXT NOT NULL, service_category TEXT NOT NULL, region TEXT NOT NULL,
  billing_account TEXT NOT NULL, sub_account TEXT NOT NULL, charge_category TEXT NOT NULL,
  currency TEXT NOT NULL, tags TEXT NOT NULL,
  UNIQUE (provider, service, service_category, region, billing_account, sub_account,
          charge_category, currency, tags));
CREATE TABLE cost_imports (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL,
  file_name TEXT NOT NULL, imported_by TEXT NOT NULL, rows_accepted INTEGER NOT NULL,
  report BLOB NOT NULL);
CREATE TABLE cost_segments (id INTEGER PRIMARY KEY, import INTEGER NOT NULL,
  billing_account TEXT NOT NULL, period_start INTEGER NOT NULL, period_end INTEGER NOT NULL,
  UNIQUE (billing_account, period_start));
CREATE TABLE cost_rows (segment INTEGER NOT NULL, line INTEGER NOT NULL, key INTEGER NOT NULL,
  day INTEGER NOT NULL, charge_start INTEGER NOT NULL, charge_end INTEGER NOT NULL,
  effective_w INTEGER NOT NULL, effective_f INTEGER NOT NULL,
  billed_w INTEGER NOT NULL, billed_f INTEGER NOT NULL,
  list_w INTEGER NOT NULL, list_f INTEGER NOT NULL,
  contracted_w INTEGER NOT NULL, contracted_f INTEGER NOT NULL,
  resource_id TEXT NOT NULL, resource_name TEXT NOT NULL, resource_type TEXT NOT NULL,
  charge_description TEXT NOT NULL, charge_frequency TEXT NOT NULL,
  pricing_category TEXT NOT NULL, commitment_id TEXT NOT NULL, commitment_status TEXT NOT NULL,
  consumed_quantity TEXT NOT NULL, consumed_unit TEXT NOT NULL, sku_id TEXT NOT NULL,
  extra TEXT NOT NULL, PRIMARY KEY (segment, line)) WITHOUT ROWID;
CREATE TABLE cost_daily (segment INTEGER NOT NULL, day INTEGER NOT NULL, key INTEGER NOT NULL,
  effective_w INTEGER NOT NULL, effective_f INTEGER NOT NULL,
  billed_w INTEGER NOT NULL, billed_f INTEGER NOT NULL,
  list_w INTEGER NOT NULL, list_f INTEGER NOT NULL,
  contracted_w INTEGER NOT NULL, contracted_f INTEGER NOT NULL, rows INTEGER NOT NULL,
  PRIMARY KEY (day, key, segment)) WITHOUT ROWID;
CREATE INDEX cost_daily_by_segment ON cost_daily (segment);
CREATE TABLE cost_budgets (id TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE cost_budget_crossings (budget TEXT NOT NULL, period_start INTEGER NOT NULL,
  threshold TEXT NOT NULL, forecast INTEGER NOT NULL, time_ms INTEGER NOT NULL,
  title TEXT NOT NULL, PRIMARY KEY (budget, period_start, threshold, forecast)) WITHOUT ROWID;)";

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class CostRuntime final : public core::ModuleRuntime
{
public:
    explicit CostRuntime(const core::ModuleContext &context)
    {
        try {
            m_store = std::make_unique<CostStore>(context.store);
            m_budgets = std::make_unique<CostBudgets>(*m_store, context.alerts);
            if (context.demo.enabled && m_store->empty()) {
                const auto t0 = std::chrono::steady_clock::now();
                std::vector<DemoDeployment> deployments;
                {
                    registry::RegistryStore reg(context.store);
                    for (const auto &d : reg.deployments()) {
                        DemoDeployment dd;
                        dd.model = d.model().substr(d.model().find('/') + 1);
                        dd.region = d.region().substr(d.region().find('/') + 1);
                        dd.version = d.variants_size() ? d.variants(0).version() : 0;
                        deployments.push_back(std::move(dd));
                    }
                }
                const auto t1 = std::chrono::steady_clock::now();
                const std::int64_t rows =
                    seedCostDemo(*m_store, context.demo.seed, dayOf(nowMs() / 1000), deployments);
                m_budgets->seedDemo(nowMs());
                spdlog::info(
                    "cost: demo seeded ({} rows) in {} ms (registry read {} ms)", rows,
                    std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - t0)
                        .count(),
                    std::chrono::duration_cast<std::chrono::milliseconds>(t1 - t0).count());
            }
        } catch (const std::exception &e) {
            throw std::runtime_error(std::string("refusing to start: cost: ") + e.what());
        }
        std::string spoolDir;
        try {
            spoolDir = spoolDirectory(context);
        } catch (const std::exception &e) {
            throw std::runtime_error(std::string("refusing to start: cost: ") + e.what());
        }
        m_service = makeCostService(
            context, *m_store, *m_budgets, [this] { m_budgets->checkThresholds(); },
            std::move(spoolDir));
    }
    std::vector<grpc::Service *> services() override { return {m_service.get()}; }
    void started(grpc::HealthCheckServiceInterface *, const std::string &) override
    {
        // Crossings found while no server listened (the CLI imported, the demo seeded).
        try {
            m_budgets->checkThresholds();
        } catch (const std::exception &e) {
            spdlog::error("cost: budget thresholds: {}", e.what());
        }
    }

private:
    std::unique_ptr<CostStore> m_store;
    std::unique_ptr<CostBudgets> m_budgets;
    std::unique_ptr<grpc::Service> m_service;
};

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "cost";
    m.services = {"ops.platform.v1.CostService"};
    const std::pair<const char *, const char *> rules[] = {
        {"ImportCosts", "costs.import"},     {"ListCostImports", "costs.read"},
        {"QueryCosts", "costs.read"},        {"GetCostForecast", "costs.read"},
        {"ListCostAnomalies", "costs.read"}, {"ListCostRecommendations", "costs.read"},
        {"GetUnitCosts", "costs.read"},      {"ListCostEvents", "costs.read"},
        {"ListBudgets", "costs.read"},       {"GetBudget", "costs.read"},
        {"GetBudgetReport", "costs.read"},   {"CreateBudget", "budgets.write"},
        {"UpdateBudget", "budgets.write"},   {"DeleteBudget", "budgets.write"},
    };
    for (const auto &[method, permission] : rules)
        m.methods.push_back({kPrefix + method, permission});
    m.grants = {
        {"viewer", {"costs.read"}},
        {"compliance_officer", {"costs.read"}},
        {"manager", {"costs.read", "budgets.write", "costs.import"}},
        {"admin", {"costs.read", "budgets.write", "costs.import"}},
    };
    m.migrations = {{7, kSchema}};
    m.options = {
        {"--cost-spool-dir", "DIR",
         "where ImportCosts keeps an upload while it arrives (default: the directory of "
         "platform.db; with --store, the temporary directory, $TMPDIR or /tmp)"},
    };
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<CostRuntime>(context);
    };
    return m;
}

} // namespace platformd::cost
