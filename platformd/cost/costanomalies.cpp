#include "cost/private/costinsights.h"
#include "cost/private/coststore.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace platformd::cost {

using grpc::StatusCode;

namespace {

constexpr int kWindow = 28; // days before each day that make its baseline

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    const std::size_t mid = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(mid), v.end());
    const double hi = v[mid];
    if (v.size() % 2)
        return hi;
    const double lo = *std::max_element(v.begin(), v.begin() + std::ptrdiff_t(mid));
    return (lo + hi) / 2;
}

struct Baseline
{
    double expected = 0, sigma = 0;
};

// The robust baseline of series[at] from the kWindow days before it: the window's median level
// times the median ratio of the same weekday to that level, and 1.4826 × the MAD of the window's
// residuals against that (at least 1 % of the level, so a perfectly smooth series does not make
// every cent an anomaly).
Baseline baseline(const std::vector<double> &series, std::size_t at, std::int64_t dayOfIndex0)
{
    Baseline b;
    if (at < std::size_t(kWindow))
        return b;
    std::vector<double> window(series.begin() + std::ptrdiff_t(at - kWindow),
                               series.begin() + std::ptrdiff_t(at));
    const double level = median(window);
    std::vector<double> sameDay[7];
    for (std::size_t t = at - kWindow; t < at; ++t)
        sameDay[weekdayOf(dayOfIndex0 + std::int64_t(t))].push_back(level != 0 ? series[t] / level
                                                                               : 1.0);
    double factor[7];
    for (int w = 0; w < 7; ++w)
        factor[w] = sameDay[w].empty() ? 1.0 : median(sameDay[w]);
    std::vector<double> residuals;
    for (std::size_t t = at - kWindow; t < at; ++t)
        residuals.push_back(series[t] - level * factor[weekdayOf(dayOfIndex0 + std::int64_t(t))]);
    const double m = median(residuals);
    for (double &r : residuals)
        r = std::abs(r - m);
    b.expected = level * factor[weekdayOf(dayOfIndex0 + std::int64_t(at))];
    b.sigma = std::max(1.4826 * median(residuals), 0.01 * std::abs(level));
    return b;
}

std::string money(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

} // namespace

Status costAnomalies(CostStore &store, const pb::ListCostAnomaliesRequest &r,
                     pb::ListCostAnomaliesResponse *out)
{
    if (r.min_score() < 0)
        return Status(StatusCode::INVALID_ARGUMENT, "min_score: must not be negative");
    if (r.page_size() < 0)
        return Status(StatusCode::INVALID_ARGUMENT, "page_size: must not be negative");
    const double minScore = r.min_score() > 0 ? r.min_score() : 3.5;
    CostFilter filter;
    if (Status s = compileCostFilter(r.filter().expression(), "filter.expression", &filter);
        !s.ok())
        return s;
    const auto [firstDay, endOfData] = store.dataDays();
    const std::int64_t end = r.has_end_time() ? dayCeil(r.end_time()) : endOfData;
    const std::int64_t start = r.has_start_time() ? dayFloor(r.start_time()) : end - 90;
    if (start >= end && (r.has_start_time() || r.has_end_time()))
        return Status(StatusCode::INVALID_ARGUMENT, "start_time: must be before end_time");
    if (end - start > 800)
        return Status(StatusCode::INVALID_ARGUMENT, "end_time: at most 800 days at once");
    std::size_t offset = 0;
    if (!r.page_token().empty()) {
        try {
            offset = std::size_t(std::stoull(r.page_token()));
        } catch (const std::exception &) {
            return Status(StatusCode::INVALID_ARGUMENT, "page_token: not a token of this list");
        }
    }
    if (end <= start || endOfData == 0)
        return Status::OK;

    const std::int64_t from = start - kWindow;
    const std::size_t n = std::size_t(end - from);
    std::vector<double> total(n, 0.0);
    // Per (region, service, model): the dimension values that can explain a day.
    std::map<std::vector<std::string>, std::vector<double>> combos;
    const auto keys = store.keys();
    std::vector<std::vector<double> *> seriesOfKey(keys->byId.size(), nullptr);
    std::vector<signed char> accepted(keys->byId.size(), -1);
    auto account = [&](std::int64_t day, const CostKey &k, double v, std::vector<double> **cache) {
        total[std::size_t(day - from)] += v;
        std::vector<double> *series = cache ? *cache : nullptr;
        if (!series) {
            auto &s = combos[{k.region, k.service, k.model}];
            if (s.empty())
                s.assign(n, 0.0);
            series = &s;
            if (cache)
                *cache = series;
        }
        (*series)[std::size_t(day - from)] += v;
    };
    if (filter.namesResource) {
        store.raw(from, end, [&](const CostStore::RawRow &row) {
            const CostKey *k = keys->find(row.key);
            if (k && filter.matches(*k, row.resourceId))
                account(row.day, *k, toDouble(row.amounts[Effective]), nullptr);
        });
    } else {
        store.daily(from, end, Effective, [&](std::int64_t day, std::int64_t key, Units u) {
            if (std::size_t(key) >= accepted.size())
                return;
            signed char &a = accepted[std::size_t(key)];
            const CostKey *k = keys->find(key);
            if (a < 0)
                a = k && filter.matches(*k) ? 1 : 0;
            if (a)
                account(day, *k, toDouble(u), &seriesOfKey[std::size_t(key)]);
        });
    }

    // The filtered spend starts on its first non-zero day: no baseline before it has a window.
    std::size_t firstSpend = 0;
    while (firstSpend < n && total[firstSpend] == 0)
        ++firstSpend;
    std::vector<pb::CostAnomaly> found;
    for (std::int64_t d = end - 1; d >= start; --d) {
        const std::size_t at = std::size_t(d - from);
        if (d < firstDay + kWindow || at < firstSpend + kWindow)
            break;
        const Baseline b = baseline(total, at, from);
        if (b.sigma <= 0)
            continue;
        const double actual = total[at];
        const double score = (actual - b.expected) / b.sigma;
        if (score < minScore)
            continue;
        const double impact = actual - b.expected;
        pb::CostAnomaly a;
        a.set_name("costAnomalies/" + dateText(d));
        setDay(a.mutable_day(), d);
        a.set_actual(amountText(fromDouble(actual)));
        a.set_expected(amountText(fromDouble(b.expected)));
        a.set_expected_upper(amountText(fromDouble(b.expected + minScore * b.sigma)));
        a.set_impact(amountText(fromDouble(impact)));
        a.set_score(score);
        std::vector<std::pair<double, const std::vector<std::string> *>> causes;
        for (const auto &[combo, series] : combos) {
            const Baseline cb = baseline(series, at, from);
            const double ci = series[at] - cb.expected;
            if (ci > 0)
                causes.push_back({ci, &combo});
        }
        std::sort(causes.begin(), causes.end(),
                  [](const auto &x, const auto &y) { return x.first > y.first; });
        std::string summary;
        for (std::size_t i = 0; i < causes.size() && i < 3; ++i) {
            const double share = std::clamp(causes[i].first / impact, 0.0, 1.0);
            if (i > 0 && share < 0.05)
                break;
            pb::CostAnomalyCause *c = a.add_causes();
            const auto &values = *causes[i].second;
            const pb::CostDimension dims[] = {pb::COST_DIMENSION_REGION, pb::COST_DIMENSION_SERVICE,
                                              pb::COST_DIMENSION_MODEL};
            std::string text;
            for (int k = 0; k < 3; ++k) {
                if (values[std::size_t(k)].empty())
                    continue;
                c->add_dimensions(dims[k]);
                c->add_values(values[std::size_t(k)]);
                text += (text.empty() ? "" : " · ") + std::string(dimensionName(dims[k])) + " " +
                        values[std::size_t(k)];
            }
            c->set_impact(amountText(fromDouble(causes[i].first)));
            c->set_share(share);
            if (i == 0)
                summary = text;
        }
        a.set_summary("+" + money(impact) + " USD over the expected " + money(b.expected) + " on " +
                      dateText(d) + (summary.empty() ? "" : ", mostly " + summary));
        found.push_back(std::move(a));
    }
    const std::size_t pageSize = r.page_size() ? std::size_t(std::min(r.page_size(), 500)) : 50;
    for (std::size_t i = offset; i < found.size() && i < offset + pageSize; ++i)
        *out->add_anomalies() = std::move(found[i]);
    if (offset + pageSize < found.size())
        out->set_next_page_token(std::to_string(offset + pageSize));
    return Status::OK;
}

} // namespace platformd::cost
