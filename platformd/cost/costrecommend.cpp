#include "core/store.h"
#include "cost/private/costinsights.h"
#include "cost/private/coststore.h"
#include "registry/registrystore.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace platformd::cost {

using grpc::StatusCode;

namespace {

constexpr double kDaysPerMonth = 30.44;
constexpr double kGpuTarget = 0.7;           // utilisation a consolidated GPU fleet runs at
constexpr double kCommitmentDiscount = 0.28; // a 1-year no-upfront savings plan, typical

// The number in a provider column of a row's extra JSON ("x_GpuUtilization":"0.42"); -1 if none.
double extraNumber(const std::string &json, const char *column)
{
    const std::string needle = std::string("\"") + column + "\":\"";
    const std::size_t at = json.find(needle);
    if (at == std::string::npos)
        return -1;
    try {
        return std::stod(json.substr(at + needle.size(), 24));
    } catch (const std::exception &) {
        return -1;
    }
}

bool isGpu(const CostKey &k, const std::string &resourceType)
{
    return k.service == "GPU instances" || resourceType.find("GPU") != std::string::npos;
}

std::string percent(double u)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f %%", 100 * u);
    return buf;
}

std::string usd(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f USD", v);
    return buf;
}

struct Resource
{
    const CostKey *key = nullptr;
    std::string id, type, pricing;
    double cost = 0;
    double cpuWeighted = 0, cpuWeight = 0, gpuWeighted = 0, gpuWeight = 0;
    double cpu() const { return cpuWeight > 0 ? cpuWeighted / cpuWeight : -1; }
    double gpu() const { return gpuWeight > 0 ? gpuWeighted / gpuWeight : -1; }
};

} // namespace

Status costRecommendations(CostStore &store, const pb::ListCostRecommendationsRequest &r,
                           pb::ListCostRecommendationsResponse *out)
{
    if (!pb::RecommendationKind_IsValid(r.kind()))
        return Status(StatusCode::INVALID_ARGUMENT, "kind: not a RecommendationKind");
    CostFilter filter;
    if (Status s = compileCostFilter(r.filter().expression(), "filter.expression", &filter);
        !s.ok())
        return s;
    const auto [firstDay, endOfData] = store.dataDays();
    const std::int64_t from = std::max(firstDay, endOfData - 30);
    const double scale = endOfData > from ? kDaysPerMonth / double(endOfData - from) : 0;
    const auto keys = store.keys();
    std::map<std::string, Resource> resources;
    // Per provider: daily on-demand and committed compute spend.
    std::map<std::string, std::vector<double>> onDemand, committed;
    store.raw(from, endOfData, [&](const CostStore::RawRow &row) {
        const CostKey *k = keys->find(row.key);
        if (!k || !filter.matches(*k, row.resourceId) || k->chargeCategory != "Usage")
            return;
        const double cost = toDouble(row.amounts[Effective]);
        if (!row.resourceId.empty()) {
            Resource &res = resources[row.resourceId];
            res.key = k;
            res.id = row.resourceId;
            res.type = row.resourceType;
            res.pricing = row.pricingCategory;
            res.cost += cost;
            if (const double u = extraNumber(row.extraJson, "x_CpuUtilization"); u >= 0) {
                res.cpuWeighted += u * cost;
                res.cpuWeight += cost;
            }
            if (const double u = extraNumber(row.extraJson, "x_GpuUtilization"); u >= 0) {
                res.gpuWeighted += u * cost;
                res.gpuWeight += cost;
            }
        }
        if (k->serviceCategory == "Compute" || k->serviceCategory == "AI and Machine Learning") {
            auto &series =
                row.pricingCategory == "Committed" ? committed[k->provider] : onDemand[k->provider];
            series.resize(std::size_t(endOfData - from), 0.0);
            series[std::size_t(row.day - from)] += cost;
        }
    });
    std::vector<pb::CostRecommendation> recs;
    auto add = [&](pb::RecommendationKind kind, const Resource *res, const std::string &title,
                   const std::string &detail, double monthly, double saving, double util) {
        if (saving <= 0 || (r.kind() != pb::RECOMMENDATION_KIND_UNSPECIFIED && r.kind() != kind))
            return;
        pb::CostRecommendation c;
        c.set_kind(kind);
        c.set_title(title);
        c.set_detail(detail);
        if (res) {
            c.set_name("costRecommendations/" + pb::RecommendationKind_Name(kind) + "/" + res->id);
            c.set_resource(res->id);
            c.set_provider(res->key->provider);
            c.set_region(res->key->region);
            c.set_service(res->key->service);
            c.set_model(res->key->model);
        }
        c.set_monthly_cost(amountText(fromDouble(monthly), 2));
        c.set_monthly_saving(amountText(fromDouble(saving), 2));
        c.set_utilisation(util);
        recs.push_back(std::move(c));
    };
    for (const auto &[id, res] : resources) {
        const double monthly = res.cost * scale;
        const double cpu = res.cpu(), gpu = res.gpu();
        if (gpu >= 0 && isGpu(*res.key, res.type)) {
            if (gpu < 0.6)
                add(pb::GPU_UTILISATION, &res, "GPU at " + percent(gpu) + ": consolidate " + id,
                    "GPU utilisation " + percent(gpu) +
                        " (x_GpuUtilization, cost-weighted over "
                        "the last 30 days); packing its work onto GPUs run at " +
                        percent(kGpuTarget) + " would need " + percent(gpu / kGpuTarget) +
                        " of this spend.",
                    monthly, monthly * (1 - gpu / kGpuTarget), gpu);
        } else if (cpu >= 0 && cpu < 0.05) {
            add(pb::IDLE_RESOURCE, &res, "Idle: " + id + " (" + percent(cpu) + " CPU)",
                "CPU utilisation " + percent(cpu) +
                    " (x_CpuUtilization) over the last 30 days: stop or delete it.",
                monthly, monthly, cpu);
        } else if (cpu >= 0.05 && cpu < 0.3) {
            add(pb::RIGHTSIZE, &res, "Rightsize " + id + " (" + percent(cpu) + " CPU)",
                "CPU utilisation " + percent(cpu) +
                    " (x_CpuUtilization) over the last 30 days: one size smaller halves the "
                    "price and would run at " +
                    percent(2 * cpu) + ".",
                monthly, monthly * 0.5, cpu);
        }
    }
    for (const auto &[provider, series] : onDemand) {
        if (series.empty())
            continue;
        const double base = *std::min_element(series.begin(), series.end());
        double demand = 0, commit = 0;
        for (const double v : series)
            demand += v;
        for (const double v : committed[provider])
            commit += v;
        const double coverage = demand + commit > 0 ? commit / (demand + commit) : 0;
        add(pb::COMMITMENT_COVERAGE, nullptr,
            "Commit " + usd(base) + " a day of " + provider + " compute",
            "Commitment coverage of " + provider + " compute is " + percent(coverage) +
                "; its on-demand spend never fell below " + usd(base) +
                " a day in the last 30 days. A 1-year savings plan for that steady part saves "
                "about " +
                percent(kCommitmentDiscount) + " of it.",
            demand * scale, base * kDaysPerMonth * kCommitmentDiscount, coverage);
        if (!recs.empty() && recs.back().kind() == pb::COMMITMENT_COVERAGE &&
            recs.back().name().empty()) {
            recs.back().set_name("costRecommendations/COMMITMENT_COVERAGE/" + provider);
            recs.back().set_provider(provider);
            recs.back().set_resource(provider + " compute");
        }
    }
    std::sort(recs.begin(), recs.end(), [](const auto &a, const auto &b) {
        return toDouble(*parseAmount(a.monthly_saving())) >
               toDouble(*parseAmount(b.monthly_saving()));
    });
    Units total = 0;
    for (auto &c : recs) {
        total += *parseAmount(c.monthly_saving());
        *out->add_recommendations() = std::move(c);
    }
    out->set_total_monthly_saving(amountText(total, 2));
    out->set_currency("USD");
    return Status::OK;
}

Status unitCosts(CostStore &store, const pb::GetUnitCostsRequest &r, pb::UnitCostReport *out)
{
    const auto [firstDay, endOfData] = store.dataDays();
    const std::int64_t end = r.has_end_time() ? dayCeil(r.end_time()) : endOfData;
    const std::int64_t start = r.has_start_time() ? dayFloor(r.start_time()) : end - 30;
    if (start >= end && (r.has_start_time() || r.has_end_time()))
        return Status(StatusCode::INVALID_ARGUMENT, "start_time: must be before end_time");
    struct Acc
    {
        Units cost = 0, gpu = 0;
        double utilWeighted = 0, utilWeight = 0;
        double recorded = 0;      // x_Inferences of the rows that carry it
        bool hasRecorded = false; // some row carried it: the count, not the registry's estimate
    };
    std::map<std::pair<std::string, std::int64_t>, Acc> acc;
    Units untagged = 0;
    const auto keys = store.keys();
    auto versionOf = [](const CostKey &k) -> std::int64_t {
        auto it = k.tags.find("model_version");
        if (it == k.tags.end())
            return 0;
        try {
            return std::stoll(it->second);
        } catch (const std::exception &) {
            return 0;
        }
    };
    store.daily(start, end, Effective, [&](std::int64_t, std::int64_t key, Units u) {
        const CostKey *k = keys->find(key);
        if (!k)
            return;
        if (k->model.empty()) {
            untagged += u;
            return;
        }
        Acc &a = acc[{k->model, versionOf(*k)}];
        a.cost += u;
        if (isGpu(*k, {}))
            a.gpu += u;
    });
    // GPU utilisation and recorded inference counts from the raw rows that carry them.
    store.raw(start, end, [&](const CostStore::RawRow &row) {
        const CostKey *k = keys->find(row.key);
        if (!k || k->model.empty())
            return;
        if (const double n = extraNumber(row.extraJson, "x_Inferences"); n >= 0) {
            Acc &a = acc[{k->model, versionOf(*k)}];
            a.recorded += n;
            a.hasRecorded = true;
        }
        const double u = extraNumber(row.extraJson, "x_GpuUtilization");
        if (u < 0)
            return;
        Acc &a = acc[{k->model, versionOf(*k)}];
        const double w = toDouble(row.amounts[Effective]);
        a.utilWeighted += u * w;
        a.utilWeight += w;
    });
    // Inferences: the counts the billing rows recorded (x_Inferences) when a model's rows carry
    // them; otherwise estimated from the registry, which keeps each deployment's current serving
    // rate (not a history): requests per second × the range's seconds, per variant.
    std::map<std::pair<std::string, std::int64_t>, double> inferences;
    const double seconds = double(std::max<std::int64_t>(0, end - start)) * kDay;
    {
        registry::RegistryStore reg(store.core());
        for (const auto &d : reg.deployments()) {
            for (const auto &v : d.variants()) {
                const double rps =
                    v.metrics().requests_per_second() > 0
                        ? v.metrics().requests_per_second()
                        : d.metrics().requests_per_second() * v.traffic_percent() / 100.0;
                inferences[{d.model(), v.version()}] += rps * seconds;
            }
        }
    }
    for (const auto &[id, a] : acc) {
        pb::UnitCost *u = out->add_unit_costs();
        u->set_model(id.first);
        u->set_version(id.second);
        u->set_cost(amountText(a.cost, 2));
        u->set_gpu_cost(amountText(a.gpu, 2));
        u->set_gpu_utilisation(a.utilWeight > 0 ? a.utilWeighted / a.utilWeight : -1);
        double n = 0;
        if (a.hasRecorded) {
            n = a.recorded;
        } else if (id.second > 0) {
            auto it = inferences.find(id);
            n = it == inferences.end() ? 0 : it->second;
        } else {
            for (const auto &[key, count] : inferences)
                if (key.first == id.first)
                    n += count;
        }
        u->set_inferences(std::int64_t(std::llround(n)));
        if (u->inferences() > 0)
            u->set_cost_per_1k_inferences(
                amountText(fromDouble(toDouble(a.cost) / (double(u->inferences()) / 1000.0)), 6));
    }
    out->set_currency("USD");
    out->set_untagged_cost(amountText(untagged, 2));
    return Status::OK;
}

} // namespace platformd::cost
