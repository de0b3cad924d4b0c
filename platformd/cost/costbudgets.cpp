#include "cost/private/costbudgets.h"

#include "core/alerts.h"
#include "core/database.h"
#include "core/store.h"
#include "core/validation.h"
#include "cost/private/costforecast.h"
#include "cost/private/coststore.h"

#include <google/protobuf/util/time_util.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

namespace platformd::cost {

using core::Connection;
using core::Stmt;
using google::protobuf::util::TimeUtil;
using grpc::StatusCode;

namespace {

const std::string kBudgets = "budgets/";

Status invalid(const std::string &message)
{
    return Status(StatusCode::INVALID_ARGUMENT, message);
}

std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool idOf(const std::string &name, std::string *id)
{
    if (!name.starts_with(kBudgets))
        return false;
    *id = name.substr(kBudgets.size());
    return core::isValidId(*id);
}

std::string percentText(double p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", p);
    return buf;
}

// The fields a caller sets, checked (each error names its field).
Status checkBudget(const pb::Budget &b, const std::set<std::string> &paths)
{
    auto has = [&](const char *p) {
        return paths.empty() || paths.count(p);
    };
    if (has("display_name")) {
        if (b.display_name().empty() || b.display_name().size() > 200 ||
            !core::isValidUtf8(b.display_name()))
            return invalid("budget.display_name: required, at most 200 characters of UTF-8");
    }
    if (has("scope_filter")) {
        CostFilter f;
        if (Status s = compileCostFilter(b.scope_filter().expression(),
                                         "budget.scope_filter.expression", &f);
            !s.ok())
            return s;
    }
    if (has("period") &&
        (b.period() == pb::BUDGET_PERIOD_UNSPECIFIED || !pb::BudgetPeriod_IsValid(b.period())))
        return invalid("budget.period: BUDGET_MONTHLY, BUDGET_QUARTERLY or BUDGET_YEARLY");
    if (has("amount")) {
        const auto a = parseAmount(b.amount());
        if (!a || *a <= 0)
            return invalid("budget.amount: a positive decimal such as \"12500.00\", not " +
                           core::quote(b.amount()));
    }
    if (paths.empty() && !b.currency().empty() &&
        (b.currency().size() != 3 || !std::all_of(b.currency().begin(), b.currency().end(),
                                                  [](char c) { return c >= 'A' && c <= 'Z'; })))
        return invalid("budget.currency: an ISO 4217 code such as \"USD\"");
    if (has("thresholds")) {
        if (b.thresholds_size() > 20)
            return invalid("budget.thresholds: at most 20");
        std::set<std::pair<double, bool>> seen;
        for (int i = 0; i < b.thresholds_size(); ++i) {
            const auto &t = b.thresholds(i);
            const std::string field = "budget.thresholds[" + std::to_string(i) + "].percent";
            if (!(t.percent() >= 1 && t.percent() <= 1000))
                return invalid(field + ": expected 1 to 1000, not " + percentText(t.percent()));
            if (!seen.insert({t.percent(), t.forecast()}).second)
                return invalid(field + ": " + percentText(t.percent()) + " % given twice");
        }
    }
    if (has("owner") && b.owner().size() > 200)
        return invalid("budget.owner: at most 200 characters");
    return Status::OK;
}

std::int64_t periodStart(pb::BudgetPeriod p, std::int64_t day)
{
    const Civil c = civilOf(day);
    switch (p) {
    case pb::BUDGET_QUARTERLY:
        return dayOfCivil(c.year, (c.month - 1) / 3 * 3 + 1, 1);
    case pb::BUDGET_YEARLY:
        return dayOfCivil(c.year, 1, 1);
    default:
        return dayOfCivil(c.year, c.month, 1);
    }
}

std::int64_t periodEnd(pb::BudgetPeriod p, std::int64_t start)
{
    const Civil c = civilOf(start);
    const int months = p == pb::BUDGET_QUARTERLY ? 3 : p == pb::BUDGET_YEARLY ? 12 : 1;
    const int m = c.month - 1 + months;
    return dayOfCivil(c.year + m / 12, m % 12 + 1, 1);
}

void writeBudget(Connection &db, const std::string &id, const pb::Budget &b)
{
    Stmt &s = db.prepare("INSERT INTO cost_budgets (id, data) VALUES (?1, ?2) ON CONFLICT (id) DO "
                         "UPDATE SET data = excluded.data");
    s.bind(1, id).bindBlob(2, b.SerializeAsString());
    s.step();
    s.reset();
}

bool readBudget(Connection &db, const std::string &id, pb::Budget *out)
{
    Stmt &s = db.prepare("SELECT data FROM cost_budgets WHERE id = ?1");
    s.bind(1, id);
    const bool found = s.step() && out->ParseFromString(std::string(s.blob(0)));
    s.reset();
    return found;
}

} // namespace

std::vector<pb::Budget> CostBudgets::all()
{
    std::vector<pb::Budget> out;
    m_store.core().read([&](Connection &db) {
        Stmt &s = db.prepare("SELECT data FROM cost_budgets ORDER BY id");
        while (s.step()) {
            pb::Budget b;
            if (b.ParseFromString(std::string(s.blob(0))))
                out.push_back(std::move(b));
        }
        s.reset();
    });
    return out;
}

Status CostBudgets::list(pb::ListBudgetsResponse *out)
{
    for (pb::Budget &b : all())
        *out->add_budgets() = std::move(b);
    return Status::OK;
}

Status CostBudgets::get(const std::string &name, pb::Budget *out)
{
    std::string id;
    if (!idOf(name, &id))
        return invalid("name: expected budgets/{id}, not " + core::quote(name));
    bool found = false;
    m_store.core().read([&](Connection &db) { found = readBudget(db, id, out); });
    return found ? Status::OK : Status(StatusCode::NOT_FOUND, name + " not found");
}

Status CostBudgets::create(const core::Caller &c, const pb::CreateBudgetRequest &r, pb::Budget *out)
{
    if (!core::isValidId(r.budget_id()))
        return invalid("budget_id: lower-case letters, digits and '-', starting with a letter, "
                       "not " +
                       core::quote(r.budget_id()));
    if (Status s = checkBudget(r.budget(), {}); !s.ok())
        return s;
    pb::Budget b = r.budget();
    b.set_name(kBudgets + r.budget_id());
    if (b.currency().empty())
        b.set_currency("USD");
    b.set_amount(amountText(*parseAmount(b.amount())));
    const std::int64_t now = nowMs();
    *b.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(now);
    *b.mutable_update_time() = b.create_time();
    b.set_created_by(c.actor);
    Status result;
    m_store.core().audited(core::auditEntry(c, b.name(), "create budget " + b.display_name()),
                           [&](Connection &db, core::audit::Entry &e) {
                               pb::Budget existing;
                               if (readBudget(db, r.budget_id(), &existing))
                                   result = Status(StatusCode::ALREADY_EXISTS,
                                                   b.name() + " already exists");
                               else
                                   writeBudget(db, r.budget_id(), b);
                               e.result = core::codeName(result.error_code());
                               e.resultMessage = result.error_message();
                           });
    if (result.ok())
        *out = b;
    return result;
}

Status CostBudgets::update(const core::Caller &c, const pb::UpdateBudgetRequest &r, pb::Budget *out)
{
    std::string id;
    if (!idOf(r.budget().name(), &id))
        return invalid("budget.name: expected budgets/{id}, not " + core::quote(r.budget().name()));
    static const std::set<std::string> allowed = {"display_name", "scope_filter", "period",
                                                  "amount",       "thresholds",   "owner"};
    std::set<std::string> paths;
    for (const std::string &p : r.update_mask().paths()) {
        if (!allowed.count(p))
            return invalid("update_mask: " + core::quote(p) +
                           " cannot be changed (display_name, scope_filter, period, amount, "
                           "thresholds, owner)");
        paths.insert(p);
    }
    if (paths.empty())
        return invalid("update_mask: name at least one field");
    if (Status s = checkBudget(r.budget(), paths); !s.ok())
        return s;
    Status result;
    pb::Budget b;
    m_store.core().audited(
        core::auditEntry(c, r.budget().name(), "update budget"),
        [&](Connection &db, core::audit::Entry &e) {
            if (!readBudget(db, id, &b)) {
                result = Status(StatusCode::NOT_FOUND, r.budget().name() + " not found");
            } else {
                const pb::Budget &in = r.budget();
                if (paths.count("display_name"))
                    b.set_display_name(in.display_name());
                if (paths.count("scope_filter"))
                    *b.mutable_scope_filter() = in.scope_filter();
                if (paths.count("period"))
                    b.set_period(in.period());
                if (paths.count("amount"))
                    b.set_amount(amountText(*parseAmount(in.amount())));
                if (paths.count("thresholds"))
                    *b.mutable_thresholds() = in.thresholds();
                if (paths.count("owner"))
                    b.set_owner(in.owner());
                *b.mutable_update_time() = TimeUtil::MillisecondsToTimestamp(nowMs());
                writeBudget(db, id, b);
            }
            e.result = core::codeName(result.error_code());
            e.resultMessage = result.error_message();
        });
    if (result.ok())
        *out = b;
    return result;
}

Status CostBudgets::remove(const core::Caller &c, const pb::DeleteBudgetRequest &r)
{
    std::string id;
    if (!idOf(r.name(), &id))
        return invalid("name: expected budgets/{id}, not " + core::quote(r.name()));
    Status result;
    m_store.core().audited(
        core::auditEntry(c, r.name(), "delete budget"), [&](Connection &db, core::audit::Entry &e) {
            Stmt &s = db.prepare("DELETE FROM cost_budgets WHERE id = ?1 RETURNING id");
            s.bind(1, id);
            const bool deleted = s.step();
            s.reset();
            if (!deleted)
                result = Status(StatusCode::NOT_FOUND, r.name() + " not found");
            e.result = core::codeName(result.error_code());
            e.resultMessage = result.error_message();
        });
    return result;
}

Status CostBudgets::status(const pb::Budget &b, std::int64_t asOf, pb::BudgetStatus *out)
{
    CostFilter filter;
    if (Status s = compileCostFilter(b.scope_filter().expression(), "scope_filter", &filter);
        !s.ok())
        return s;
    const auto amount = parseAmount(b.amount()).value_or(0);
    const std::int64_t start = periodStart(b.period(), asOf - 1);
    const std::int64_t end = periodEnd(b.period(), start);
    const std::int64_t historyFrom = std::min(start, asOf - 91);
    const std::vector<Units> daily = dailyTotals(m_store, filter, Effective, historyFrom, asOf);
    Units actual = 0;
    for (std::int64_t d = start; d < asOf; ++d) {
        actual += daily[std::size_t(d - historyFrom)];
        out->add_daily_actual(amountText(daily[std::size_t(d - historyFrom)]));
    }
    const auto [firstDay, endOfData] = m_store.dataDays();
    std::vector<double> history;
    std::int64_t fitFrom = std::min(std::max(historyFrom, firstDay), asOf);
    while (fitFrom < asOf && daily[std::size_t(fitFrom - historyFrom)] == 0)
        ++fitFrom; // the scope's spend starts on its first non-zero day
    for (std::int64_t d = fitFrom; d < asOf; ++d)
        history.push_back(toDouble(daily[std::size_t(d - historyFrom)]));
    const DailyForecast f = forecastDays(history, asOf, int(end - asOf), 0.8);
    const RangeTotal rest = sumForecast(f, 0, int(end - asOf));
    const double a = toDouble(actual);
    *out->mutable_budget() = b;
    setDay(out->mutable_period_start(), start);
    setDay(out->mutable_period_end(), end);
    out->set_actual(amountText(actual));
    out->set_forecast(amountText(fromDouble(a + rest.expected)));
    out->set_forecast_upper(amountText(fromDouble(a + rest.upper)));
    const double amt = toDouble(amount);
    out->set_actual_percent(amt > 0 ? 100 * a / amt : 0);
    out->set_forecast_percent(amt > 0 ? 100 * (a + rest.expected) / amt : 0);
    for (const auto &t : b.thresholds()) {
        const double p = t.forecast() ? out->forecast_percent() : out->actual_percent();
        if (p >= t.percent())
            *out->add_crossed() = t;
    }
    return Status::OK;
}

Status CostBudgets::report(const pb::GetBudgetReportRequest &r, pb::BudgetReport *out)
{
    const auto [firstDay, endOfData] = m_store.dataDays();
    const std::int64_t today = dayOf(nowMs() / 1000) + 1;
    std::int64_t asOf = r.has_as_of() ? dayCeil(r.as_of()) : today;
    if (endOfData > 0)
        asOf = std::min(asOf, endOfData);
    std::vector<pb::Budget> budgets;
    if (!r.name().empty()) {
        pb::Budget b;
        if (Status s = get(r.name(), &b); !s.ok())
            return s;
        budgets.push_back(std::move(b));
    } else {
        budgets = all();
    }
    for (const pb::Budget &b : budgets)
        if (Status s = status(b, asOf, out->add_budgets()); !s.ok())
            return s;
    out->set_currency("USD");
    return Status::OK;
}

int CostBudgets::checkThresholds()
{
    std::lock_guard lock(m_checkMutex);
    if (!m_alerts)
        return 0;
    const auto [firstDay, endOfData] = m_store.dataDays();
    if (endOfData == 0)
        return 0;
    int raised = 0;
    for (const pb::Budget &b : all()) {
        pb::BudgetStatus st;
        if (!status(b, endOfData, &st).ok())
            continue;
        const std::int64_t start = dayFloor(st.period_start());
        for (const auto &t : st.crossed()) {
            const std::string threshold = percentText(t.percent());
            core::ModuleAlert alert;
            alert.source = "cost";
            alert.resource = b.name();
            alert.dedupKey = "cost:" + b.name() + ":" + dateText(start) + ":" + threshold +
                             (t.forecast() ? ":forecast" : ":actual");
            const double p = t.forecast() ? st.forecast_percent() : st.actual_percent();
            alert.title = "Budget " + b.display_name() + ": " +
                          (t.forecast() ? "forecast" : "actual") + " at " +
                          percentText(std::round(p)) + " % (threshold " + threshold + " %)";
            alert.summary = (t.forecast() ? "Forecast " + st.forecast() : "Actual " + st.actual()) +
                            " " + b.currency() + " of " + b.amount() + " for the period from " +
                            dateText(start) + " (" + b.name() + ").";
            alert.severity = t.percent() >= 100 ? 2 : 3;
            // Once per budget, period and threshold, decided by the database: the crossing's row
            // is claimed first (only one replica's insert makes it), then the alert raised; when
            // nobody took it, the claim is given back so a later check raises it again.
            bool claimed = false;
            m_store.core().write([&](Connection &db) {
                Stmt &s = db.prepare(
                    "INSERT INTO cost_budget_crossings (budget, period_start, threshold, "
                    "forecast, time_ms, title) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO "
                    "NOTHING RETURNING budget");
                s.bind(1, b.name())
                    .bind(2, start)
                    .bind(3, threshold)
                    .bind(4, std::int64_t(t.forecast()))
                    .bind(5, nowMs())
                    .bind(6, alert.title);
                claimed = s.step();
                s.reset();
            });
            if (!claimed)
                continue;
            if (!m_alerts->publish(alert)) {
                m_store.core().write([&](Connection &db) {
                    Stmt &s = db.prepare("DELETE FROM cost_budget_crossings WHERE budget = ?1 AND "
                                         "period_start = ?2 AND threshold = ?3 AND forecast = ?4");
                    s.bind(1, b.name())
                        .bind(2, start)
                        .bind(3, threshold)
                        .bind(4, std::int64_t(t.forecast()));
                    s.step();
                    s.reset();
                });
                continue;
            }
            ++raised;
        }
    }
    return raised;
}

std::vector<CostBudgets::Crossing> CostBudgets::crossings(std::int64_t fromMs, std::int64_t toMs)
{
    std::vector<Crossing> out;
    m_store.core().read([&](Connection &db) {
        Stmt &s = db.prepare("SELECT budget, title, time_ms FROM cost_budget_crossings WHERE "
                             "time_ms >= ?1 AND time_ms < ?2 ORDER BY time_ms");
        s.bind(1, fromMs).bind(2, toMs);
        while (s.step())
            out.push_back({std::string(s.text(0)), std::string(s.text(1)), s.int64(2)});
        s.reset();
    });
    return out;
}

void CostBudgets::seedDemo(std::int64_t now)
{
    struct Demo
    {
        const char *id, *title, *filter, *amount;
        pb::BudgetPeriod period;
    };
    const Demo demos[] = {
        {"gpu-spend", "GPU spend", "service = \"GPU instances\"", "190000", pb::BUDGET_MONTHLY},
        {"platform-quarter", "Platform (quarter)", "", "1800000", pb::BUDGET_QUARTERLY},
    };
    m_store.core().write([&](Connection &db) {
        if (db.queryInt("SELECT count(*) FROM cost_budgets") > 0)
            return;
        for (const Demo &d : demos) {
            pb::Budget b;
            b.set_name(kBudgets + d.id);
            b.set_display_name(d.title);
            b.mutable_scope_filter()->set_expression(d.filter);
            b.set_period(d.period);
            b.set_amount(d.amount);
            b.set_currency("USD");
            for (const double p : {50.0, 80.0, 100.0}) {
                auto *t = b.add_thresholds();
                t->set_percent(p);
            }
            b.add_thresholds()->set_percent(100);
            b.mutable_thresholds()->rbegin()->set_forecast(true);
            b.set_owner("users/manager");
            *b.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(now);
            *b.mutable_update_time() = b.create_time();
            b.set_created_by("system:demo");
            writeBudget(db, d.id, b);
        }
    });
}

} // namespace platformd::cost
