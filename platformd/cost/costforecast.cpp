#include "cost/private/costforecast.h"

#include "cost/private/coststore.h"

#include <algorithm>
#include <cmath>

namespace platformd::cost {

using grpc::StatusCode;

namespace {

constexpr int kFitDays = 91;

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const auto hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

// Solves a (n x n+1 augmented) system in place; false when singular.
bool solve(std::vector<std::vector<double>> &a, std::vector<double> *x)
{
    const std::size_t n = a.size();
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t p = c;
        for (std::size_t r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[p][c]))
                p = r;
        if (std::abs(a[p][c]) < 1e-12)
            return false;
        std::swap(a[p], a[c]);
        for (std::size_t r = 0; r < n; ++r) {
            if (r == c)
                continue;
            const double f = a[r][c] / a[c][c];
            for (std::size_t k = c; k <= n; ++k)
                a[r][k] -= f * a[c][k];
        }
    }
    x->resize(n);
    for (std::size_t i = 0; i < n; ++i)
        (*x)[i] = a[i][n] / a[i][i];
    return true;
}

Status invalid(const std::string &message)
{
    return Status(StatusCode::INVALID_ARGUMENT, message);
}

void setTotal(pb::ForecastTotal *t, std::int64_t from, std::int64_t to, Units actual,
              const RangeTotal &rest)
{
    setDay(t->mutable_period_start(), from);
    setDay(t->mutable_period_end(), to);
    t->set_actual_to_date(amountText(actual));
    const double a = toDouble(actual);
    t->set_expected(amountText(fromDouble(a + rest.expected)));
    t->set_lower(amountText(fromDouble(a + rest.lower)));
    t->set_upper(amountText(fromDouble(a + rest.upper)));
}

std::int64_t quarterStart(std::int64_t day)
{
    const Civil c = civilOf(day);
    return dayOfCivil(c.year, (c.month - 1) / 3 * 3 + 1, 1);
}

std::int64_t addMonths(std::int64_t monthStart, int months)
{
    const Civil c = civilOf(monthStart);
    const int m = c.month - 1 + months;
    return dayOfCivil(c.year + m / 12, m % 12 + 1, 1);
}

} // namespace

DailyForecast forecastDays(const std::vector<double> &history, std::int64_t firstDay, int horizon,
                           double confidence)
{
    DailyForecast f;
    const std::size_t n = std::min<std::size_t>(history.size(), kFitDays);
    const std::vector<double> y(history.end() - std::ptrdiff_t(n), history.end());
    const std::int64_t day0 = firstDay - std::int64_t(n); // the day of y[0]
    bool nonNegative = true;
    for (const double v : y)
        nonNegative = nonNegative && v >= 0;
    std::vector<double> beta;
    bool fitted = false;
    if (n >= 14) {
        // y = c[weekday] + b * t: 7 weekday levels and one slope, normal equations.
        std::vector<std::vector<double>> a(8, std::vector<double>(9, 0.0));
        for (std::size_t t = 0; t < n; ++t) {
            double x[8] = {0, 0, 0, 0, 0, 0, 0, double(t)};
            x[weekdayOf(day0 + std::int64_t(t))] = 1;
            for (int i = 0; i < 8; ++i) {
                for (int j = 0; j < 8; ++j)
                    a[std::size_t(i)][std::size_t(j)] += x[i] * x[j];
                a[std::size_t(i)][8] += x[i] * y[t];
            }
        }
        fitted = solve(a, &beta);
        f.method = "weekday-seasonal linear trend (least squares over the last " +
                   std::to_string(n) + " days), bounds from residual quantiles";
    }
    if (!fitted) {
        double mean = 0;
        for (const double v : y)
            mean += v;
        mean = n ? mean / double(n) : 0;
        beta.assign(8, mean);
        beta[7] = 0;
        f.method = "mean of the last " + std::to_string(n) +
                   " days (too little history for a "
                   "trend), bounds from residual quantiles";
    }
    auto predict = [&](std::int64_t t) {
        return beta[std::size_t(weekdayOf(day0 + t))] + beta[7] * double(t);
    };
    std::vector<double> residuals;
    for (std::size_t t = 0; t < n; ++t)
        residuals.push_back(y[t] - predict(std::int64_t(t)));
    const double c = std::clamp(confidence, 0.5, 0.99);
    f.residualLow = std::min(0.0, quantile(residuals, (1 - c) / 2));
    f.residualHigh = std::max(0.0, quantile(residuals, (1 + c) / 2));
    for (int h = 0; h < horizon; ++h) {
        double e = predict(std::int64_t(n) + h);
        if (nonNegative)
            e = std::max(0.0, e);
        double lo = e + f.residualLow;
        if (nonNegative)
            lo = std::max(0.0, lo);
        f.expected.push_back(e);
        f.lower.push_back(lo);
        f.upper.push_back(e + f.residualHigh);
    }
    return f;
}

RangeTotal sumForecast(const DailyForecast &f, int from, int to)
{
    RangeTotal t;
    from = std::max(0, from);
    to = std::min(to, int(f.expected.size()));
    if (to <= from)
        return t;
    for (int i = from; i < to; ++i)
        t.expected += f.expected[std::size_t(i)];
    const double root = std::sqrt(double(to - from));
    t.lower = t.expected + f.residualLow * root;
    t.upper = t.expected + f.residualHigh * root;
    if (t.expected >= 0)
        t.lower = std::max(0.0, t.lower);
    return t;
}

Status costForecast(CostStore &store, const pb::GetCostForecastRequest &r, pb::CostForecast *out)
{
    if (r.confidence() != 0 && (r.confidence() < 0.5 || r.confidence() > 0.99))
        return invalid("confidence: expected 0.5 to 0.99");
    const double confidence = r.confidence() ? r.confidence() : 0.8;
    CostFilter filter;
    if (Status s = compileCostFilter(r.filter().expression(), "filter.expression", &filter);
        !s.ok())
        return s;
    const Metric metric = metricOf(r.metric());
    const auto [firstDay, endOfData] = store.dataDays();
    // as_of: the first day not yet known (default: the day after the data ends).
    const std::int64_t asOf = r.has_as_of() ? dayCeil(r.as_of()) : endOfData;
    if (asOf <= 0)
        return Status(StatusCode::FAILED_PRECONDITION, "no cost data yet: import a FOCUS file");
    const Civil asOfCivil = civilOf(asOf);
    const std::int64_t monthStart = dayOfCivil(asOfCivil.year, asOfCivil.month, 1);
    const std::int64_t monthEnd = addMonths(monthStart, 1);
    const std::int64_t qStart = quarterStart(asOf);
    const std::int64_t qEnd = addMonths(qStart, 3);
    const std::int64_t historyFrom = std::min({asOf - kFitDays, qStart, asOf - 30});
    const std::vector<Units> history = dailyTotals(store, filter, metric, historyFrom, asOf);
    std::vector<double> values;
    for (const Units u : history)
        values.push_back(toDouble(u));
    // Fit only on days that have data (a filter matching nothing leaves zeros, which is right).
    std::int64_t fitFrom = std::min(std::max(historyFrom, firstDay), asOf);
    while (fitFrom < asOf && history[std::size_t(fitFrom - historyFrom)] == 0)
        ++fitFrom; // the filtered spend starts on its first non-zero day
    const std::vector<double> fit(values.begin() + std::ptrdiff_t(fitFrom - historyFrom),
                                  values.end());
    const int horizon = int(qEnd - asOf);
    const DailyForecast f = forecastDays(fit, asOf, horizon, confidence);

    const std::int64_t shownFrom = asOf - 30;
    for (std::int64_t d = shownFrom; d < asOf; ++d) {
        pb::ForecastPoint *p = out->add_days();
        setDay(p->mutable_day(), d);
        const std::string a = amountText(history[std::size_t(d - historyFrom)]);
        p->set_expected(a);
        p->set_lower(a);
        p->set_upper(a);
        p->set_actual(true);
    }
    for (int h = 0; h < horizon; ++h) {
        pb::ForecastPoint *p = out->add_days();
        setDay(p->mutable_day(), asOf + h);
        p->set_expected(amountText(fromDouble(f.expected[std::size_t(h)])));
        p->set_lower(amountText(fromDouble(f.lower[std::size_t(h)])));
        p->set_upper(amountText(fromDouble(f.upper[std::size_t(h)])));
    }
    auto actualBetween = [&](std::int64_t from, std::int64_t to) {
        Units sum = 0;
        for (std::int64_t d = std::max(from, historyFrom); d < to; ++d)
            sum += history[std::size_t(d - historyFrom)];
        return sum;
    };
    setTotal(out->mutable_month(), monthStart, monthEnd, actualBetween(monthStart, asOf),
             sumForecast(f, 0, int(monthEnd - asOf)));
    setTotal(out->mutable_quarter(), qStart, qEnd, actualBetween(qStart, asOf),
             sumForecast(f, 0, horizon));
    out->set_method(f.method);
    out->set_currency("USD");
    out->set_confidence(confidence);
    return Status::OK;
}

} // namespace platformd::cost
