#include "cost/private/costquery.h"

#include "cost/private/coststore.h"

#include <algorithm>
#include <regex>
#include <unordered_map>

namespace platformd::cost {

using grpc::StatusCode;

namespace {

constexpr std::int64_t kMaxRangeDays = 3700;
const char kOther[] = "(other)";

Status invalid(const std::string &message)
{
    return Status(StatusCode::INVALID_ARGUMENT, message);
}

// The first day of the bucket that holds day.
std::int64_t bucketStart(std::int64_t day, pb::CostGranularity g, std::int64_t rangeStart)
{
    switch (g) {
    case pb::DAILY:
        return day;
    case pb::WEEKLY:
        return day - weekdayOf(day);
    case pb::MONTHLY: {
        const Civil c = civilOf(day);
        return dayOfCivil(c.year, c.month, 1);
    }
    default:
        return rangeStart;
    }
}

struct Group
{
    std::vector<std::string> values;
    std::vector<Units> amounts;
    Units total = 0, previous = 0;
};

} // namespace

bool CostFilter::matches(const CostKey &key, const std::string &resource) const
{
    if (filter.empty())
        return true;
    pb::CostFilterFields f;
    f.set_provider(key.provider);
    f.set_service(key.service);
    f.set_service_category(key.serviceCategory);
    f.set_region(key.region);
    f.set_billing_account(key.billingAccount);
    f.set_sub_account(key.subAccount);
    f.set_charge_category(key.chargeCategory);
    f.set_model(key.model);
    f.set_resource(resource);
    for (const auto &[k, v] : key.tags)
        (*f.mutable_tags())[k] = v;
    return filter.matches(f);
}

Status compileCostFilter(const std::string &expression, const char *field, CostFilter *out)
{
    core::FilterError error;
    if (!core::Filter::compile(expression, pb::CostFilterFields::descriptor(), &out->filter,
                               &error))
        return invalid(std::string(field) + ": " + error.format());
    static const std::regex resource(R"((^|[^A-Za-z0-9_.])resource([^A-Za-z0-9_]|$))");
    out->namesResource = std::regex_search(expression, resource);
    return Status::OK;
}

Metric metricOf(pb::CostMetric metric)
{
    switch (metric) {
    case pb::BILLED_COST:
        return Billed;
    case pb::LIST_COST:
        return List;
    case pb::CONTRACTED_COST:
        return Contracted;
    default:
        return Effective;
    }
}

const char *dimensionName(pb::CostDimension dimension)
{
    switch (dimension) {
    case pb::COST_DIMENSION_PROVIDER:
        return "provider";
    case pb::COST_DIMENSION_SERVICE:
        return "service";
    case pb::COST_DIMENSION_SERVICE_CATEGORY:
        return "service category";
    case pb::COST_DIMENSION_REGION:
        return "region";
    case pb::COST_DIMENSION_BILLING_ACCOUNT:
        return "billing account";
    case pb::COST_DIMENSION_SUB_ACCOUNT:
        return "sub-account";
    case pb::COST_DIMENSION_CHARGE_CATEGORY:
        return "charge category";
    case pb::COST_DIMENSION_TAG:
        return "tag";
    case pb::COST_DIMENSION_MODEL:
        return "model";
    case pb::COST_DIMENSION_RESOURCE:
        return "resource";
    default:
        return "?";
    }
}

std::string dimensionValue(const CostKey &key, pb::CostDimension dimension,
                           const std::string &tagKey, const std::string &resource)
{
    switch (dimension) {
    case pb::COST_DIMENSION_PROVIDER:
        return key.provider;
    case pb::COST_DIMENSION_SERVICE:
        return key.service;
    case pb::COST_DIMENSION_SERVICE_CATEGORY:
        return key.serviceCategory;
    case pb::COST_DIMENSION_REGION:
        return key.region;
    case pb::COST_DIMENSION_BILLING_ACCOUNT:
        return key.billingAccount;
    case pb::COST_DIMENSION_SUB_ACCOUNT:
        return key.subAccount;
    case pb::COST_DIMENSION_CHARGE_CATEGORY:
        return key.chargeCategory;
    case pb::COST_DIMENSION_TAG: {
        auto it = key.tags.find(tagKey);
        return it == key.tags.end() ? std::string() : it->second;
    }
    case pb::COST_DIMENSION_MODEL:
        return key.model;
    case pb::COST_DIMENSION_RESOURCE:
        return resource;
    default:
        return {};
    }
}

std::int64_t dayFloor(const google::protobuf::Timestamp &t)
{
    return dayOf(t.seconds());
}

std::int64_t dayCeil(const google::protobuf::Timestamp &t)
{
    const std::int64_t d = dayOf(t.seconds());
    return (t.seconds() == d * kDay && t.nanos() == 0) ? d : d + 1;
}

void setDay(google::protobuf::Timestamp *t, std::int64_t day)
{
    t->set_seconds(day * kDay);
    t->set_nanos(0);
}

std::vector<Units> dailyTotals(CostStore &store, const CostFilter &filter, Metric metric,
                               std::int64_t fromDay, std::int64_t toDay)
{
    std::vector<Units> out(std::size_t(std::max<std::int64_t>(0, toDay - fromDay)), 0);
    const auto keys = store.keys();
    if (filter.namesResource) {
        store.raw(fromDay, toDay, [&](const CostStore::RawRow &r) {
            const CostKey *k = keys->find(r.key);
            if (k && filter.matches(*k, r.resourceId))
                out[std::size_t(r.day - fromDay)] += r.amounts[metric];
        });
        return out;
    }
    std::vector<signed char> accepted(keys->byId.size(), -1);
    store.daily(fromDay, toDay, metric, [&](std::int64_t day, std::int64_t key, Units units) {
        if (std::size_t(key) >= accepted.size())
            return; // a key newer than the snapshot
        signed char &a = accepted[std::size_t(key)];
        if (a < 0) {
            const CostKey *k = keys->find(key);
            a = k && filter.matches(*k) ? 1 : 0;
        }
        if (a)
            out[std::size_t(day - fromDay)] += units;
    });
    return out;
}

Status queryCosts(CostStore &store, const pb::QueryCostsRequest &r, pb::CostQueryResult *out)
{
    if (r.group_by_size() > 3)
        return invalid("group_by: at most 3 dimensions, not " + std::to_string(r.group_by_size()));
    bool raw = false;
    for (int i = 0; i < r.group_by_size(); ++i) {
        const auto d = pb::CostDimension(r.group_by(i));
        if (d == pb::COST_DIMENSION_UNSPECIFIED || !pb::CostDimension_IsValid(d))
            return invalid("group_by[" + std::to_string(i) + "]: not a dimension");
        if (d == pb::COST_DIMENSION_TAG && r.tag_key().empty())
            return invalid("tag_key: required when grouping by COST_DIMENSION_TAG");
        raw = raw || d == pb::COST_DIMENSION_RESOURCE;
    }
    if (r.max_groups() < 0 || r.max_groups() > 500)
        return invalid("max_groups: expected 0 (20) to 500, not " + std::to_string(r.max_groups()));
    const int maxGroups = r.max_groups() ? r.max_groups() : 20;
    CostFilter filter;
    if (Status s = compileCostFilter(r.filter().expression(), "filter.expression", &filter);
        !s.ok())
        return s;
    raw = raw || filter.namesResource;
    const Metric metric = metricOf(r.metric());

    const auto [firstDay, endOfData] = store.dataDays();
    std::int64_t end = r.has_end_time() ? dayCeil(r.end_time()) : endOfData;
    std::int64_t start = r.has_start_time() ? dayFloor(r.start_time()) : end - 30;
    if (!r.has_end_time() && !r.has_start_time() && endOfData == 0)
        end = start = 0;
    if (start > end || (start == end && (r.has_start_time() || r.has_end_time())))
        return invalid("start_time: must be before end_time");
    if (end - start > kMaxRangeDays)
        return invalid("end_time: the range is longer than " + std::to_string(kMaxRangeDays) +
                       " days");
    const std::int64_t len = end - start;
    const std::int64_t prevStart = start - len;

    // Buckets.
    std::vector<std::int64_t> starts;
    std::vector<std::uint32_t> bucketOfDay(std::size_t(len), 0);
    for (std::int64_t d = start; d < end; ++d) {
        const std::int64_t b = bucketStart(d, r.granularity(), start);
        if (starts.empty() || starts.back() != b)
            starts.push_back(b);
        bucketOfDay[std::size_t(d - start)] = std::uint32_t(starts.size() - 1);
    }
    for (const std::int64_t b : starts)
        setDay(out->add_bucket_starts(), std::max(b, start));

    const auto keys = store.keys();
    std::vector<Group> groups;
    std::unordered_map<std::string, std::size_t> groupIndex;
    std::vector<int> groupOfKey(keys->byId.size(), -2); // -2 unknown, -1 filtered out
    std::string joined;
    auto groupFor = [&](const CostKey &k, const std::string &resource) -> std::size_t {
        joined.clear();
        std::vector<std::string> values;
        for (int i = 0; i < r.group_by_size(); ++i) {
            values.push_back(
                dimensionValue(k, pb::CostDimension(r.group_by(i)), r.tag_key(), resource));
            joined += values.back();
            joined.push_back('\x1f');
        }
        auto [it, added] = groupIndex.emplace(joined, groups.size());
        if (added) {
            Group g;
            g.values = std::move(values);
            g.amounts.assign(starts.size(), 0);
            groups.push_back(std::move(g));
        }
        return it->second;
    };
    Units total = 0, previous = 0;
    std::string currency;
    auto account = [&](std::int64_t day, std::size_t g, Units units) {
        if (day >= start) {
            groups[g].amounts[bucketOfDay[std::size_t(day - start)]] += units;
            groups[g].total += units;
            total += units;
        } else {
            groups[g].previous += units;
            previous += units;
        }
    };
    if (raw) {
        store.raw(prevStart, end, [&](const CostStore::RawRow &row) {
            const CostKey *k = keys->find(row.key);
            if (!k || !filter.matches(*k, row.resourceId))
                return;
            if (currency.empty())
                currency = k->currency;
            account(row.day, groupFor(*k, row.resourceId), row.amounts[metric]);
        });
    } else {
        store.daily(prevStart, end, metric, [&](std::int64_t day, std::int64_t key, Units units) {
            if (std::size_t(key) >= groupOfKey.size())
                return;
            int &g = groupOfKey[std::size_t(key)];
            if (g == -2) {
                const CostKey *k = keys->find(key);
                if (!k || !filter.matches(*k)) {
                    g = -1;
                } else {
                    g = int(groupFor(*k, {}));
                    if (currency.empty())
                        currency = k->currency;
                }
            }
            if (g >= 0)
                account(day, std::size_t(g), units);
        });
    }

    // Largest total first; a group with spend only in the previous period still shows.
    std::vector<std::size_t> order(groups.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (groups[a].total != groups[b].total)
            return groups[a].total > groups[b].total;
        if (groups[a].previous != groups[b].previous)
            return groups[a].previous > groups[b].previous;
        return groups[a].values < groups[b].values;
    });
    Group other;
    other.amounts.assign(starts.size(), 0);
    bool hasOther = false;
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
        const Group &g = groups[order[rank]];
        if (rank >= std::size_t(maxGroups)) {
            hasOther = true;
            for (std::size_t b = 0; b < starts.size(); ++b)
                other.amounts[b] += g.amounts[b];
            other.total += g.total;
            other.previous += g.previous;
            continue;
        }
        pb::CostSeries *s = out->add_series();
        for (const std::string &v : g.values)
            s->mutable_key()->add_values(v);
        for (const Units a : g.amounts)
            s->add_amounts(amountText(a));
        s->set_total(amountText(g.total));
        s->set_previous_total(amountText(g.previous));
    }
    if (hasOther) {
        pb::CostSeries *s = out->add_series();
        for (int i = 0; i < r.group_by_size(); ++i)
            s->mutable_key()->add_values(kOther);
        for (const Units a : other.amounts)
            s->add_amounts(amountText(a));
        s->set_total(amountText(other.total));
        s->set_previous_total(amountText(other.previous));
        s->set_other(true);
    }
    out->set_total(amountText(total));
    out->set_previous_total(amountText(previous));
    setDay(out->mutable_previous_start_time(), prevStart);
    setDay(out->mutable_previous_end_time(), start);
    out->set_currency(currency.empty() ? "USD" : currency);
    if (endOfData > 0)
        setDay(out->mutable_data_through(), endOfData);
    return Status::OK;
}

} // namespace platformd::cost
