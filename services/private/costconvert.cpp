#include "costconvert.h"

#include "convert.h"

#include <algorithm>

namespace ops::convert {

namespace {

QStringList strings(const google::protobuf::RepeatedPtrField<std::string> &list)
{
    QStringList out;
    out.reserve(list.size());
    for (const std::string &s : list)
        out.append(str(s));
    return out;
}

QList<QPair<QString, QString>>
sortedPairs(const google::protobuf::Map<std::string, std::string> &map)
{
    QList<QPair<QString, QString>> out;
    for (const auto &[k, v] : map)
        out.append({str(k), str(v)});
    std::sort(out.begin(), out.end());
    return out;
}

BudgetThreshold toThreshold(const pb::BudgetThreshold &t)
{
    return {t.percent(), t.forecast()};
}

} // namespace

pb::CostDimension toPbDimension(CostDimension dimension)
{
    switch (dimension) {
    case CostDimension::Provider:
        return pb::COST_DIMENSION_PROVIDER;
    case CostDimension::Service:
        return pb::COST_DIMENSION_SERVICE;
    case CostDimension::ServiceCategory:
        return pb::COST_DIMENSION_SERVICE_CATEGORY;
    case CostDimension::Region:
        return pb::COST_DIMENSION_REGION;
    case CostDimension::BillingAccount:
        return pb::COST_DIMENSION_BILLING_ACCOUNT;
    case CostDimension::SubAccount:
        return pb::COST_DIMENSION_SUB_ACCOUNT;
    case CostDimension::ChargeCategory:
        return pb::COST_DIMENSION_CHARGE_CATEGORY;
    case CostDimension::Tag:
        return pb::COST_DIMENSION_TAG;
    case CostDimension::Model:
        return pb::COST_DIMENSION_MODEL;
    case CostDimension::Resource:
        return pb::COST_DIMENSION_RESOURCE;
    case CostDimension::Unspecified:
        break;
    }
    return pb::COST_DIMENSION_UNSPECIFIED;
}

CostDimension toCostDimension(pb::CostDimension dimension)
{
    switch (dimension) {
    case pb::COST_DIMENSION_PROVIDER:
        return CostDimension::Provider;
    case pb::COST_DIMENSION_SERVICE:
        return CostDimension::Service;
    case pb::COST_DIMENSION_SERVICE_CATEGORY:
        return CostDimension::ServiceCategory;
    case pb::COST_DIMENSION_REGION:
        return CostDimension::Region;
    case pb::COST_DIMENSION_BILLING_ACCOUNT:
        return CostDimension::BillingAccount;
    case pb::COST_DIMENSION_SUB_ACCOUNT:
        return CostDimension::SubAccount;
    case pb::COST_DIMENSION_CHARGE_CATEGORY:
        return CostDimension::ChargeCategory;
    case pb::COST_DIMENSION_TAG:
        return CostDimension::Tag;
    case pb::COST_DIMENSION_MODEL:
        return CostDimension::Model;
    case pb::COST_DIMENSION_RESOURCE:
        return CostDimension::Resource;
    default:
        break;
    }
    return CostDimension::Unspecified;
}

void toPbQuery(const CostQuery &query, pb::QueryCostsRequest *out)
{
    if (query.start.isValid())
        toTimestamp(query.start, out->mutable_start_time());
    if (query.end.isValid())
        toTimestamp(query.end, out->mutable_end_time());
    for (CostDimension d : query.groupBy)
        out->add_group_by(toPbDimension(d));
    out->set_tag_key(query.tagKey.toStdString());
    switch (query.granularity) {
    case CostGranularity::Daily:
        out->set_granularity(pb::DAILY);
        break;
    case CostGranularity::Weekly:
        out->set_granularity(pb::WEEKLY);
        break;
    case CostGranularity::Monthly:
        out->set_granularity(pb::MONTHLY);
        break;
    case CostGranularity::None:
        out->set_granularity(pb::COST_GRANULARITY_UNSPECIFIED);
        break;
    }
    out->mutable_filter()->set_expression(query.filter.toStdString());
    switch (query.metric) {
    case CostMetric::Effective:
        out->set_metric(pb::EFFECTIVE_COST);
        break;
    case CostMetric::Billed:
        out->set_metric(pb::BILLED_COST);
        break;
    case CostMetric::List:
        out->set_metric(pb::LIST_COST);
        break;
    case CostMetric::Contracted:
        out->set_metric(pb::CONTRACTED_COST);
        break;
    }
    out->set_max_groups(query.maxGroups);
}

CostQueryResult toCostQueryResult(const pb::CostQueryResult &r)
{
    CostQueryResult out;
    out.bucketStarts.reserve(r.bucket_starts_size());
    for (const auto &t : r.bucket_starts())
        out.bucketStarts.append(toDateTime(t));
    out.series.reserve(r.series_size());
    for (const pb::CostSeries &s : r.series()) {
        CostSeries series;
        series.key = strings(s.key().values());
        series.amounts = strings(s.amounts());
        series.total = str(s.total());
        series.previousTotal = str(s.previous_total());
        series.other = s.other();
        out.series.append(std::move(series));
    }
    out.total = str(r.total());
    out.previousTotal = str(r.previous_total());
    out.previousStart = toDateTime(r.previous_start_time());
    out.previousEnd = toDateTime(r.previous_end_time());
    out.currency = str(r.currency());
    out.dataThrough = toDateTime(r.data_through());
    return out;
}

Budget toBudget(const pb::Budget &b)
{
    Budget out;
    out.name = str(b.name());
    out.displayName = str(b.display_name());
    out.scopeFilter = str(b.scope_filter().expression());
    switch (b.period()) {
    case pb::BUDGET_MONTHLY:
        out.period = BudgetPeriod::Monthly;
        break;
    case pb::BUDGET_QUARTERLY:
        out.period = BudgetPeriod::Quarterly;
        break;
    case pb::BUDGET_YEARLY:
        out.period = BudgetPeriod::Yearly;
        break;
    default:
        out.period = BudgetPeriod::Unspecified;
        break;
    }
    out.amount = str(b.amount());
    out.currency = str(b.currency());
    for (const auto &t : b.thresholds())
        out.thresholds.append(toThreshold(t));
    out.owner = str(b.owner());
    out.createTime = toDateTime(b.create_time());
    out.updateTime = toDateTime(b.update_time());
    out.createdBy = str(b.created_by());
    return out;
}

void toPbBudget(const Budget &b, pb::Budget *out)
{
    out->set_name(b.name.toStdString());
    out->set_display_name(b.displayName.toStdString());
    out->mutable_scope_filter()->set_expression(b.scopeFilter.toStdString());
    switch (b.period) {
    case BudgetPeriod::Monthly:
        out->set_period(pb::BUDGET_MONTHLY);
        break;
    case BudgetPeriod::Quarterly:
        out->set_period(pb::BUDGET_QUARTERLY);
        break;
    case BudgetPeriod::Yearly:
        out->set_period(pb::BUDGET_YEARLY);
        break;
    case BudgetPeriod::Unspecified:
        out->set_period(pb::BUDGET_PERIOD_UNSPECIFIED);
        break;
    }
    out->set_amount(b.amount.toStdString());
    out->set_currency(b.currency.toStdString());
    for (const BudgetThreshold &t : b.thresholds) {
        pb::BudgetThreshold *pt = out->add_thresholds();
        pt->set_percent(t.percent);
        pt->set_forecast(t.forecast);
    }
    out->set_owner(b.owner.toStdString());
}

BudgetStatus toBudgetStatus(const pb::BudgetStatus &s)
{
    BudgetStatus out;
    out.budget = toBudget(s.budget());
    out.periodStart = toDateTime(s.period_start());
    out.periodEnd = toDateTime(s.period_end());
    out.actual = str(s.actual());
    out.forecast = str(s.forecast());
    out.forecastUpper = str(s.forecast_upper());
    out.actualPercent = s.actual_percent();
    out.forecastPercent = s.forecast_percent();
    for (const auto &t : s.crossed())
        out.crossed.append(toThreshold(t));
    out.dailyActual = strings(s.daily_actual());
    return out;
}

Anomaly toAnomaly(const pb::CostAnomaly &a)
{
    Anomaly out;
    out.name = str(a.name());
    out.day = toDateTime(a.day());
    out.actual = str(a.actual());
    out.expected = str(a.expected());
    out.expectedUpper = str(a.expected_upper());
    out.impact = str(a.impact());
    out.score = a.score();
    for (const pb::CostAnomalyCause &c : a.causes()) {
        CostAnomalyCause cause;
        for (int d : c.dimensions())
            cause.dimensions.append(toCostDimension(pb::CostDimension(d)));
        cause.values = strings(c.values());
        cause.impact = str(c.impact());
        cause.share = c.share();
        out.causes.append(std::move(cause));
    }
    out.summary = str(a.summary());
    return out;
}

RecommendationList toRecommendationList(const pb::ListCostRecommendationsResponse &r)
{
    RecommendationList out;
    for (const pb::CostRecommendation &c : r.recommendations()) {
        Recommendation rec;
        rec.name = str(c.name());
        switch (c.kind()) {
        case pb::IDLE_RESOURCE:
            rec.kind = RecommendationKind::IdleResource;
            break;
        case pb::RIGHTSIZE:
            rec.kind = RecommendationKind::Rightsize;
            break;
        case pb::COMMITMENT_COVERAGE:
            rec.kind = RecommendationKind::CommitmentCoverage;
            break;
        case pb::GPU_UTILISATION:
            rec.kind = RecommendationKind::GpuUtilisation;
            break;
        default:
            rec.kind = RecommendationKind::Unspecified;
            break;
        }
        rec.title = str(c.title());
        rec.detail = str(c.detail());
        rec.resource = str(c.resource());
        rec.provider = str(c.provider());
        rec.region = str(c.region());
        rec.service = str(c.service());
        rec.model = str(c.model());
        rec.monthlyCost = str(c.monthly_cost());
        rec.monthlySaving = str(c.monthly_saving());
        rec.utilisation = c.utilisation();
        out.recommendations.append(std::move(rec));
    }
    out.totalMonthlySaving = str(r.total_monthly_saving());
    out.currency = str(r.currency());
    return out;
}

UnitCostReport toUnitCostReport(const pb::UnitCostReport &r)
{
    UnitCostReport out;
    for (const pb::UnitCost &u : r.unit_costs()) {
        UnitCost unit;
        unit.model = str(u.model());
        unit.version = u.version();
        unit.cost = str(u.cost());
        unit.inferences = u.inferences();
        unit.costPer1k = str(u.cost_per_1k_inferences());
        unit.gpuCost = str(u.gpu_cost());
        unit.gpuUtilisation = u.gpu_utilisation();
        out.unitCosts.append(std::move(unit));
    }
    out.currency = str(r.currency());
    out.untaggedCost = str(r.untagged_cost());
    return out;
}

CostEvent toCostEvent(const pb::CostEvent &e)
{
    CostEvent out;
    out.time = toDateTime(e.time());
    switch (e.kind()) {
    case pb::DEPLOY:
        out.kind = CostEventKind::Deploy;
        break;
    case pb::INCIDENT:
        out.kind = CostEventKind::Incident;
        break;
    case pb::IMPORT:
        out.kind = CostEventKind::Import;
        break;
    case pb::BUDGET_THRESHOLD:
        out.kind = CostEventKind::BudgetThreshold;
        break;
    case pb::ANOMALY:
        out.kind = CostEventKind::Anomaly;
        break;
    default:
        out.kind = CostEventKind::Unspecified;
        break;
    }
    out.title = str(e.title());
    out.resource = str(e.resource());
    return out;
}

ImportReport toImportReport(const pb::ImportReport &r)
{
    ImportReport out;
    out.name = str(r.name());
    out.fileName = str(r.file_name());
    out.focusVersion = str(r.focus_version());
    out.rowsRead = r.rows_read();
    out.rowsAccepted = r.rows_accepted();
    out.rowsRejected = r.rows_rejected();
    for (const pb::RowRejection &j : r.rejections())
        out.rejections.append({j.row(), str(j.column()), str(j.reason())});
    out.written = r.written();
    out.replacedPeriods = strings(r.replaced_periods());
    out.currency = str(r.currency());
    out.billedCostByProvider = sortedPairs(r.billed_cost_by_provider());
    out.effectiveCostByProvider = sortedPairs(r.effective_cost_by_provider());
    out.unknownColumns = strings(r.unknown_columns());
    out.startTime = toDateTime(r.start_time());
    out.endTime = toDateTime(r.end_time());
    out.importedBy = str(r.imported_by());
    out.rowsPerSecond = r.rows_per_second();
    out.notes = strings(r.notes());
    return out;
}

CostForecast toCostForecast(const pb::CostForecast &f)
{
    auto total = [](const pb::ForecastTotal &t) {
        ForecastTotal out;
        out.periodStart = toDateTime(t.period_start());
        out.periodEnd = toDateTime(t.period_end());
        out.actualToDate = str(t.actual_to_date());
        out.expected = str(t.expected());
        out.lower = str(t.lower());
        out.upper = str(t.upper());
        return out;
    };
    CostForecast out;
    out.month = total(f.month());
    out.quarter = total(f.quarter());
    out.method = str(f.method());
    out.currency = str(f.currency());
    out.confidence = f.confidence();
    return out;
}

CostError toCostError(const grpc::Status &status, const QString &what)
{
    return toClientError<CostError>(status, what);
}

} // namespace ops::convert
