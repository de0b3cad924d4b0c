// CostService against the real platformd with the demo (--demo --seed 5): the explorer's queries
// (group by, previous period, "(other)", filters), budgets (CRUD, validation, report, a threshold
// raising an incident), events, forecast and anomalies on the demo, recommendations, permissions
// per role. Imports: tst_costimport.cpp.
#include "tst_cost_common.h"

#include <ctime>
#include <set>

class TestCost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void unitCosts(); // first: on a platformd that just started
    void groupByProvider();
    void groupByServiceAndDay();
    void otherGroupAndFilter();
    void queryValidation_data();
    void queryValidation();
    void budgetsDemoAndReport();
    void budgetCrud();
    void budgetValidation_data();
    void budgetValidation();
    void thresholdRaisesIncident();
    void events();
    void demoAnomaliesExplained();
    void demoForecast();
    void recommendations();
    void permissionsPerRole();

private:
    pb::CostQueryResult query(std::vector<pb::CostDimension> groupBy,
                              pb::CostGranularity granularity = pb::COST_GRANULARITY_UNSPECIFIED,
                              const std::string &filter = {}, int maxGroups = 0)
    {
        pb::QueryCostsRequest r;
        for (const auto d : groupBy)
            r.add_group_by(d);
        r.set_granularity(granularity);
        r.mutable_filter()->set_expression(filter);
        r.set_max_groups(maxGroups);
        pb::CostQueryResult out;
        const grpc::Status s = m_c.stub->QueryCosts(CostClient::ctx(m_viewer).get(), r, &out);
        if (!s.ok())
            qWarning("QueryCosts: %s", s.error_message().c_str());
        return out;
    }

    CostClient m_c;
    std::string m_viewer, m_manager, m_operator, m_compliance;
};

void TestCost::initTestCase()
{
    QVERIFY2(m_c.start({"--demo", "--seed", "5"}), qPrintable(m_c.platformd.errorString()));
    m_viewer = m_c.user("vera", "viewer");
    m_manager = m_c.user("mona", "manager");
    m_operator = m_c.user("otto", "operator");
    m_compliance = m_c.user("cora", "compliance_officer");
    QVERIFY(!m_viewer.empty() && !m_manager.empty() && !m_operator.empty() &&
            !m_compliance.empty());
}

void TestCost::groupByProvider()
{
    const pb::CostQueryResult r = query({pb::COST_DIMENSION_PROVIDER});
    QCOMPARE(r.series_size(), 3);
    QCOMPARE(r.bucket_starts_size(), 1);
    QCOMPARE(r.currency(), std::string("USD"));
    std::map<std::string, double> share;
    TestUnits sum = 0;
    for (const auto &s : r.series()) {
        share[s.key().values(0)] = money(s.total()) / money(r.total());
        sum += units(s.total());
        QCOMPARE(s.amounts_size(), 1);
        QCOMPARE(s.amounts(0), s.total());
        QVERIFY(money(s.previous_total()) > 0);
    }
    QVERIFY(sum == units(r.total())); // exact: the groups add up to the total
    // The demo platform: AWS/GCP/Azure about 60/25/15 of spend (the savings plan fee is billed,
    // not effective cost).
    QVERIFY2(share["AWS"] > 0.5 && share["AWS"] < 0.7, std::to_string(share["AWS"]).c_str());
    QVERIFY(share["Google Cloud"] > 0.17 && share["Google Cloud"] < 0.33);
    QVERIFY(share["Microsoft"] > 0.08 && share["Microsoft"] < 0.22);
    QCOMPARE(r.series(0).key().values(0), std::string("AWS")); // largest first
    // The range defaults to the last 30 days of the data; the previous period is the 30 before.
    const std::int64_t through = r.data_through().seconds();
    QCOMPARE(r.previous_end_time().seconds(), through - 30 * 86400);
    QCOMPARE(r.previous_start_time().seconds(), through - 60 * 86400);
}

void TestCost::groupByServiceAndDay()
{
    const pb::CostQueryResult r = query({pb::COST_DIMENSION_SERVICE}, pb::DAILY);
    QCOMPARE(r.bucket_starts_size(), 30);
    for (int i = 1; i < r.bucket_starts_size(); ++i)
        QCOMPARE(r.bucket_starts(i).seconds() - r.bucket_starts(i - 1).seconds(), 86400);
    QVERIFY(r.series_size() >= 10);
    std::set<std::string> services;
    TestUnits total = 0, previous = 0;
    for (const auto &s : r.series()) {
        QCOMPARE(s.amounts_size(), 30);
        TestUnits sum = 0;
        for (const auto &a : s.amounts())
            sum += units(a);
        QVERIFY2(sum == units(s.total()), s.key().values(0).c_str());
        total += sum;
        previous += units(s.previous_total());
        services.insert(s.key().values(0));
    }
    QVERIFY(total == units(r.total()));
    QVERIFY(previous == units(r.previous_total()));
    QVERIFY(services.count("GPU instances"));
    QVERIFY(services.count("Amazon EKS"));
    QVERIFY(services.count("BigQuery"));
    // Weekly: ISO weeks, the first bucket starts at the range's start.
    const pb::CostQueryResult w = query({}, pb::WEEKLY);
    QVERIFY(w.bucket_starts_size() >= 5 && w.bucket_starts_size() <= 6);
    QCOMPARE(w.series_size(), 1);
    QVERIFY(units(w.total()) == units(r.total()));
}

void TestCost::otherGroupAndFilter()
{
    const pb::CostQueryResult all = query({pb::COST_DIMENSION_SERVICE, pb::COST_DIMENSION_REGION});
    const pb::CostQueryResult top =
        query({pb::COST_DIMENSION_SERVICE, pb::COST_DIMENSION_REGION}, {}, {}, 5);
    QVERIFY(all.series_size() > 6);
    QCOMPARE(top.series_size(), 6);
    QVERIFY(top.series(5).other());
    QCOMPARE(top.series(5).key().values(0), std::string("(other)"));
    TestUnits sum = 0, rest = 0;
    for (const auto &s : top.series())
        sum += units(s.total());
    for (int i = 5; i < all.series_size(); ++i)
        rest += units(all.series(i).total());
    QVERIFY(sum == units(top.total()));
    QVERIFY(rest == units(top.series(5).total()));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(top.series(i).total(), all.series(i).total());

    // A filter: AWS alone equals the AWS group.
    const pb::CostQueryResult byProvider = query({pb::COST_DIMENSION_PROVIDER});
    const pb::CostQueryResult aws = query({}, {}, "provider = \"AWS\"");
    QCOMPARE(aws.total(), byProvider.series(0).total());
    // Tags and models: the GPU spend by model adds up to the GPU service's spend.
    const pb::CostQueryResult gpu =
        query({pb::COST_DIMENSION_MODEL}, {}, "service = \"GPU instances\"");
    QVERIFY(gpu.series_size() >= 5);
    for (const auto &s : gpu.series())
        QVERIFY2(s.key().values(0).starts_with("models/"), s.key().values(0).c_str());
    // AI and Machine Learning is more than the GPU instances: each provider's managed ML service
    // is in it too, so a budget on the category and one on the GPU service report apart.
    const pb::CostQueryResult ai =
        query({pb::COST_DIMENSION_SERVICE}, {}, "service_category = \"AI and Machine Learning\"");
    std::set<std::string> aiServices;
    for (const auto &s : ai.series())
        aiServices.insert(s.key().values(0));
    for (const char *service :
         {"GPU instances", "Amazon SageMaker", "Vertex AI", "Azure Machine Learning"})
        QVERIFY2(aiServices.count(service), service);
    const pb::CostQueryResult gpuOnly = query({}, {}, "service = \"GPU instances\"");
    QVERIFY(units(ai.total()) > units(gpuOnly.total()));
    pb::QueryCostsRequest r;
    r.add_group_by(pb::COST_DIMENSION_TAG);
    r.set_tag_key("environment");
    pb::CostQueryResult env;
    QVERIFY_OK(m_c.stub->QueryCosts(CostClient::ctx(m_viewer).get(), r, &env));
    std::set<std::string> envs;
    for (const auto &s : env.series())
        envs.insert(s.key().values(0));
    QVERIFY(envs.count("prod") && envs.count("dev"));
}

void TestCost::queryValidation_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("field");
    QTest::newRow("four dimensions") << "dims"
                                     << "group_by";
    QTest::newRow("tag without key") << "tag"
                                     << "tag_key";
    QTest::newRow("bad filter") << "filter"
                                << "filter.expression";
    QTest::newRow("unknown filter field") << "field"
                                          << "filter.expression";
    QTest::newRow("start after end") << "range"
                                     << "start_time";
    QTest::newRow("too many groups") << "groups"
                                     << "max_groups";
}

void TestCost::queryValidation()
{
    QFETCH(QString, what);
    QFETCH(QString, field);
    pb::QueryCostsRequest r;
    if (what == "dims")
        for (int i = 0; i < 4; ++i)
            r.add_group_by(pb::COST_DIMENSION_SERVICE);
    if (what == "tag")
        r.add_group_by(pb::COST_DIMENSION_TAG);
    if (what == "filter")
        r.mutable_filter()->set_expression("provider = ");
    if (what == "field")
        r.mutable_filter()->set_expression("provder = \"AWS\"");
    if (what == "range") {
        r.mutable_start_time()->set_seconds(1700000000);
        r.mutable_end_time()->set_seconds(1600000000);
    }
    if (what == "groups")
        r.set_max_groups(501);
    pb::CostQueryResult out;
    QCOMPARE_CODE(m_c.stub->QueryCosts(CostClient::ctx(m_viewer).get(), r, &out),
                  grpc::StatusCode::INVALID_ARGUMENT, field.toStdString());
}

void TestCost::budgetsDemoAndReport()
{
    pb::ListBudgetsResponse list;
    QVERIFY_OK(m_c.stub->ListBudgets(CostClient::ctx(m_viewer).get(), {}, &list));
    std::set<std::string> names;
    for (const auto &b : list.budgets())
        names.insert(b.name());
    QVERIFY(names.count("budgets/gpu-spend"));
    QVERIFY(names.count("budgets/platform-quarter"));

    pb::GetBudgetReportRequest rr;
    rr.set_name("budgets/gpu-spend");
    pb::BudgetReport report;
    QVERIFY_OK(m_c.stub->GetBudgetReport(CostClient::ctx(m_viewer).get(), rr, &report));
    QCOMPARE(report.budgets_size(), 1);
    const pb::BudgetStatus &st = report.budgets(0);
    // The actual is the GPU spend of the month so far, day by day.
    const std::int64_t start = st.period_start().seconds();
    pb::QueryCostsRequest q;
    q.mutable_start_time()->set_seconds(start);
    *q.mutable_end_time() = TimeUtil::SecondsToTimestamp(start + 86400 * st.daily_actual_size());
    q.mutable_filter()->set_expression("service = \"GPU instances\"");
    pb::CostQueryResult gpu;
    QVERIFY_OK(m_c.stub->QueryCosts(CostClient::ctx(m_viewer).get(), q, &gpu));
    QCOMPARE(st.actual(), gpu.total());
    TestUnits daily = 0;
    for (const auto &d : st.daily_actual())
        daily += units(d);
    QVERIFY(daily == units(st.actual()));
    QVERIFY(money(st.forecast()) >= money(st.actual()));
    QVERIFY(money(st.forecast_upper()) >= money(st.forecast()));
    QVERIFY(std::abs(st.actual_percent() - 100 * money(st.actual()) / money(st.budget().amount())) <
            1e-6);
    // Crossed thresholds are those at or under the percentages.
    for (const auto &t : st.budget().thresholds()) {
        const double p = t.forecast() ? st.forecast_percent() : st.actual_percent();
        bool crossed = false;
        for (const auto &c : st.crossed())
            crossed = crossed || (c.percent() == t.percent() && c.forecast() == t.forecast());
        QCOMPARE(crossed, p >= t.percent());
    }
    pb::BudgetReport all;
    QVERIFY_OK(m_c.stub->GetBudgetReport(CostClient::ctx(m_viewer).get(), {}, &all));
    QVERIFY(all.budgets_size() >= 2);
    for (const auto &b : all.budgets())
        qInfo("%s: actual %.1f %%, forecast %.1f %% of %s, %d thresholds crossed",
              b.budget().name().c_str(), b.actual_percent(), b.forecast_percent(),
              b.budget().amount().c_str(), b.crossed_size());
}

void TestCost::budgetCrud()
{
    pb::CreateBudgetRequest cr;
    cr.set_budget_id("vision-team");
    pb::Budget *b = cr.mutable_budget();
    b->set_display_name("Vision team");
    b->mutable_scope_filter()->set_expression("tags.team = \"vision\"");
    b->set_period(pb::BUDGET_QUARTERLY);
    b->set_amount("250000.50");
    b->add_thresholds()->set_percent(90);
    pb::Budget created;
    QVERIFY_OK(m_c.stub->CreateBudget(CostClient::ctx(m_manager).get(), cr, &created));
    QCOMPARE(created.name(), std::string("budgets/vision-team"));
    QCOMPARE(created.amount(), std::string("250000.5"));
    QCOMPARE(created.currency(), std::string("USD"));
    QCOMPARE(created.created_by(), std::string("users/mona"));
    pb::Budget again;
    QCOMPARE_CODE(m_c.stub->CreateBudget(CostClient::ctx(m_manager).get(), cr, &again),
                  grpc::StatusCode::ALREADY_EXISTS, "budgets/vision-team");

    pb::UpdateBudgetRequest ur;
    ur.mutable_budget()->set_name("budgets/vision-team");
    ur.mutable_budget()->set_amount("300000");
    ur.mutable_budget()->set_display_name("ignored: not in the mask");
    ur.mutable_update_mask()->add_paths("amount");
    pb::Budget updated;
    QVERIFY_OK(m_c.stub->UpdateBudget(CostClient::ctx(m_manager).get(), ur, &updated));
    QCOMPARE(updated.amount(), std::string("300000"));
    QCOMPARE(updated.display_name(), std::string("Vision team"));
    ur.mutable_update_mask()->add_paths("currency");
    QCOMPARE_CODE(m_c.stub->UpdateBudget(CostClient::ctx(m_manager).get(), ur, &updated),
                  grpc::StatusCode::INVALID_ARGUMENT, "update_mask");

    pb::GetBudgetRequest gr;
    gr.set_name("budgets/vision-team");
    pb::Budget got;
    QVERIFY_OK(m_c.stub->GetBudget(CostClient::ctx(m_viewer).get(), gr, &got));
    QCOMPARE(got.amount(), std::string("300000"));

    pb::DeleteBudgetRequest dr;
    dr.set_name("budgets/vision-team");
    pb::DeleteBudgetResponse deleted;
    QVERIFY_OK(m_c.stub->DeleteBudget(CostClient::ctx(m_manager).get(), dr, &deleted));
    QCOMPARE_CODE(m_c.stub->GetBudget(CostClient::ctx(m_viewer).get(), gr, &got),
                  grpc::StatusCode::NOT_FOUND, "budgets/vision-team");
    QCOMPARE_CODE(m_c.stub->DeleteBudget(CostClient::ctx(m_manager).get(), dr, &deleted),
                  grpc::StatusCode::NOT_FOUND, "budgets/vision-team");
}

void TestCost::budgetValidation_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("field");
    QTest::newRow("id") << "id"
                        << "budget_id";
    QTest::newRow("no name") << "title"
                             << "budget.display_name";
    QTest::newRow("negative amount") << "amount"
                                     << "budget.amount";
    QTest::newRow("amount with comma") << "comma"
                                       << "budget.amount";
    QTest::newRow("no period") << "period"
                               << "budget.period";
    QTest::newRow("threshold 0") << "threshold"
                                 << "budget.thresholds[0].percent";
    QTest::newRow("threshold twice") << "twice"
                                     << "budget.thresholds[1].percent";
    QTest::newRow("bad filter") << "filter"
                                << "budget.scope_filter.expression";
    QTest::newRow("currency") << "currency"
                              << "budget.currency";
}

void TestCost::budgetValidation()
{
    QFETCH(QString, what);
    QFETCH(QString, field);
    pb::CreateBudgetRequest cr;
    cr.set_budget_id(what == "id" ? "Not An Id" : "valid-" + what.toStdString());
    pb::Budget *b = cr.mutable_budget();
    b->set_display_name(what == "title" ? "" : "Budget");
    b->set_period(what == "period" ? pb::BUDGET_PERIOD_UNSPECIFIED : pb::BUDGET_MONTHLY);
    b->set_amount(what == "amount" ? "-5" : what == "comma" ? "1,5" : "100");
    b->add_thresholds()->set_percent(what == "threshold" ? 0 : 50);
    if (what == "twice")
        b->add_thresholds()->set_percent(50);
    if (what == "filter")
        b->mutable_scope_filter()->set_expression("servce = \"x\"");
    if (what == "currency")
        b->set_currency("usd");
    pb::Budget out;
    QCOMPARE_CODE(m_c.stub->CreateBudget(CostClient::ctx(m_manager).get(), cr, &out),
                  grpc::StatusCode::INVALID_ARGUMENT, field.toStdString());
    pb::ListBudgetsResponse list;
    QVERIFY_OK(m_c.stub->ListBudgets(CostClient::ctx(m_viewer).get(), {}, &list));
    for (const auto &existing : list.budgets())
        QVERIFY(existing.name() != "budgets/" + cr.budget_id());
}

void TestCost::thresholdRaisesIncident()
{
    // A budget far below the spend crosses its thresholds at once: one incident per threshold,
    // each raised once (an update re-checks and raises nothing new).
    pb::CreateBudgetRequest cr;
    cr.set_budget_id("tiny-bigquery");
    pb::Budget *b = cr.mutable_budget();
    b->set_display_name("Tiny BigQuery");
    b->mutable_scope_filter()->set_expression("service = \"BigQuery\"");
    b->set_period(pb::BUDGET_MONTHLY);
    b->set_amount("10");
    b->add_thresholds()->set_percent(80);
    b->add_thresholds()->set_percent(100);
    pb::Budget created;
    QVERIFY_OK(m_c.stub->CreateBudget(CostClient::ctx(m_manager).get(), cr, &created));

    auto budgetIncidents = [&] {
        pb::ListIncidentsRequest lr;
        lr.set_page_size(500);
        lr.set_filter("title = \"Budget Tiny BigQuery*\"");
        pb::ListIncidentsResponse out;
        const grpc::Status s =
            m_c.incidents->ListIncidents(CostClient::ctx(m_c.admin).get(), lr, &out);
        if (!s.ok())
            qWarning("ListIncidents: %s", s.error_message().c_str());
        return out;
    };
    pb::ListIncidentsResponse found = budgetIncidents();
    QCOMPARE(found.incidents_size(), 2);
    for (const auto &i : found.incidents()) {
        QVERIFY(i.summary().find("budgets/tiny-bigquery") != std::string::npos);
        QCOMPARE(i.created_by(), std::string("cost"));
    }
    pb::UpdateBudgetRequest ur;
    ur.mutable_budget()->set_name("budgets/tiny-bigquery");
    ur.mutable_budget()->set_owner("users/mona");
    ur.mutable_update_mask()->add_paths("owner");
    pb::Budget updated;
    QVERIFY_OK(m_c.stub->UpdateBudget(CostClient::ctx(m_manager).get(), ur, &updated));
    QCOMPARE(budgetIncidents().incidents_size(), 2);
    // The crossings are markers on the cost charts.
    pb::ListCostEventsResponse events;
    QVERIFY_OK(m_c.stub->ListCostEvents(CostClient::ctx(m_viewer).get(), {}, &events));
    int crossings = 0;
    for (const auto &e : events.events())
        crossings += e.kind() == pb::BUDGET_THRESHOLD && e.resource() == "budgets/tiny-bigquery";
    QCOMPARE(crossings, 2);
}

void TestCost::events()
{
    pb::ListCostEventsResponse events;
    QVERIFY_OK(m_c.stub->ListCostEvents(CostClient::ctx(m_viewer).get(), {}, &events));
    std::map<int, int> kinds;
    for (int i = 0; i < events.events_size(); ++i) {
        ++kinds[events.events(i).kind()];
        if (i > 0)
            QVERIFY(events.events(i - 1).time().seconds() <= events.events(i).time().seconds());
    }
    QVERIFY(kinds[pb::DEPLOY] > 0);
    QVERIFY(kinds[pb::IMPORT] > 0);
    QVERIFY(kinds[pb::INCIDENT] > 0);
    QVERIFY(kinds[pb::ANOMALY] > 0);
}

void TestCost::demoAnomaliesExplained()
{
    // The demo injects a GPU spike six days before today in the first deployment's region.
    pb::ListCostAnomaliesResponse r;
    QVERIFY_OK(m_c.stub->ListCostAnomalies(CostClient::ctx(m_viewer).get(), {}, &r));
    QVERIFY(r.anomalies_size() >= 2);
    const std::int64_t today = std::time(nullptr) / 86400;
    const pb::CostAnomaly *gpu = nullptr;
    for (const auto &a : r.anomalies())
        if (a.day().seconds() / 86400 == today - 6)
            gpu = &a;
    QVERIFY(gpu);
    QVERIFY(gpu->score() >= 3.5);
    QVERIFY(money(gpu->actual()) > money(gpu->expected_upper()));
    QVERIFY(gpu->causes_size() >= 1);
    const auto &cause = gpu->causes(0);
    QCOMPARE(cause.dimensions_size(), 3);
    QCOMPARE(cause.dimensions(1), pb::COST_DIMENSION_SERVICE);
    QCOMPARE(cause.values(1), std::string("GPU instances"));
    QVERIFY(cause.values(2).starts_with("models/"));
    QVERIFY(cause.share() > 0.8);
    QVERIFY2(gpu->summary().find("region " + cause.values(0) + " · service GPU instances · model " +
                                 cause.values(2)) != std::string::npos,
             gpu->summary().c_str());
    // Newest first.
    for (int i = 1; i < r.anomalies_size(); ++i)
        QVERIFY(r.anomalies(i - 1).day().seconds() > r.anomalies(i).day().seconds());
}

void TestCost::demoForecast()
{
    pb::GetCostForecastRequest fr;
    pb::CostForecast f;
    QVERIFY_OK(m_c.stub->GetCostForecast(CostClient::ctx(m_viewer).get(), fr, &f));
    QVERIFY(f.method().find("weekday-seasonal linear trend") != std::string::npos);
    QCOMPARE(f.confidence(), 0.8);
    for (const pb::ForecastTotal *t : {&f.month(), &f.quarter()}) {
        QVERIFY(money(t->lower()) <= money(t->expected()));
        QVERIFY(money(t->expected()) <= money(t->upper()));
        QVERIFY(money(t->expected()) >= money(t->actual_to_date()));
    }
    QVERIFY(money(f.quarter().expected()) >= money(f.month().expected()));
    int actual = 0;
    for (const auto &d : f.days())
        actual += d.actual();
    QCOMPARE(actual, 30);
    fr.set_confidence(1.5);
    QCOMPARE_CODE(m_c.stub->GetCostForecast(CostClient::ctx(m_viewer).get(), fr, &f),
                  grpc::StatusCode::INVALID_ARGUMENT, "confidence");
}

void TestCost::recommendations()
{
    pb::ListCostRecommendationsResponse r;
    QVERIFY_OK(m_c.stub->ListCostRecommendations(CostClient::ctx(m_viewer).get(), {}, &r));
    std::map<int, int> kinds;
    TestUnits total = 0;
    for (int i = 0; i < r.recommendations_size(); ++i) {
        const auto &c = r.recommendations(i);
        ++kinds[c.kind()];
        QVERIFY(money(c.monthly_saving()) > 0);
        QVERIFY(money(c.monthly_saving()) <= money(c.monthly_cost()) + 0.01 ||
                c.kind() == pb::COMMITMENT_COVERAGE);
        total += units(c.monthly_saving());
        if (i > 0)
            QVERIFY(money(r.recommendations(i - 1).monthly_saving()) >= money(c.monthly_saving()));
        if (c.resource() == "i-0idle-batch-runner") {
            QCOMPARE(c.kind(), pb::IDLE_RESOURCE);
            QCOMPARE(c.monthly_saving(), c.monthly_cost());
            QVERIFY(c.utilisation() < 0.05);
        }
    }
    QVERIFY(total == units(r.total_monthly_saving()));
    QVERIFY(kinds[pb::IDLE_RESOURCE] >= 2);
    QVERIFY(kinds[pb::RIGHTSIZE] >= 2);
    QVERIFY(kinds[pb::GPU_UTILISATION] >= 1);
    QVERIFY(kinds[pb::COMMITMENT_COVERAGE] >= 1);
    pb::ListCostRecommendationsRequest only;
    only.set_kind(pb::GPU_UTILISATION);
    QVERIFY_OK(m_c.stub->ListCostRecommendations(CostClient::ctx(m_viewer).get(), only, &r));
    QCOMPARE(r.recommendations_size(), kinds[pb::GPU_UTILISATION]);
    for (const auto &c : r.recommendations())
        QVERIFY(c.utilisation() >= 0 && c.utilisation() < 0.6 && !c.model().empty());
}

void TestCost::unitCosts()
{
    // Inferences come from the counts the demo's GPU rows record per day (x_Inferences), so a
    // fresh platformd answers with them at once: no waiting for the registry's simulator.
    pb::UnitCostReport r;
    QVERIFY_OK(m_c.stub->GetUnitCosts(CostClient::ctx(m_viewer).get(), {}, &r));
    QVERIFY(r.unit_costs_size() >= 5);
    for (const auto &u : r.unit_costs()) {
        QVERIFY(u.model().starts_with("models/"));
        QVERIFY(money(u.cost()) > 0);
        // Every demo model's serving line records what it served: a cost per 1,000 for each.
        QVERIFY2(u.inferences() > 0, u.model().c_str());
        QVERIFY2(!u.cost_per_1k_inferences().empty(), u.model().c_str());
        const double per1k = money(u.cost()) / (double(u.inferences()) / 1000.0);
        QVERIFY(std::abs(money(u.cost_per_1k_inferences()) - per1k) <= 1e-5 + per1k * 1e-6);
    }
    QVERIFY(money(r.untagged_cost()) > 0);
}

void TestCost::permissionsPerRole()
{
    pb::QueryCostsRequest q;
    pb::CostQueryResult out;
    for (const std::string *t : {&m_viewer, &m_operator, &m_compliance, &m_manager})
        QVERIFY_OK(m_c.stub->QueryCosts(CostClient::ctx(*t).get(), q, &out));
    pb::CreateBudgetRequest cr;
    cr.set_budget_id("denied");
    cr.mutable_budget()->set_display_name("Denied");
    cr.mutable_budget()->set_period(pb::BUDGET_MONTHLY);
    cr.mutable_budget()->set_amount("1");
    pb::Budget b;
    for (const std::string *t : {&m_viewer, &m_operator, &m_compliance})
        QCOMPARE_CODE(m_c.stub->CreateBudget(CostClient::ctx(*t).get(), cr, &b),
                      grpc::StatusCode::PERMISSION_DENIED, "budgets.write");
    pb::ImportReport report;
    for (const std::string *t : {&m_viewer, &m_operator, &m_compliance})
        QCOMPARE_CODE(m_c.import(*t, "x.csv", "a,b\n", &report),
                      grpc::StatusCode::PERMISSION_DENIED, "costs.import");
    pb::DeleteBudgetRequest dr;
    dr.set_name("budgets/gpu-spend");
    pb::DeleteBudgetResponse deleted;
    QCOMPARE_CODE(m_c.stub->DeleteBudget(CostClient::ctx(m_viewer).get(), dr, &deleted),
                  grpc::StatusCode::PERMISSION_DENIED, "budgets.write");
}

QTEST_GUILESS_MAIN(TestCost)
#include "tst_cost.moc"
