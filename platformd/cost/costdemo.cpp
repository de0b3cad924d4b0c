#include "cost/private/costdemo.h"

#include "core/database.h"
#include "core/store.h"
#include "cost/focus/focusreader.h"
#include "cost/private/coststore.h"
#include "regions/world.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

namespace platformd::cost {

using core::Connection;

namespace {

struct Provider
{
    const char *name, *issuer, *account, *accountName, *subAccount, *subAccountName;
    int worldProvider; // regions::RegionInfo::provider
    const char *compute, *storage, *database, *network, *kubernetes;
    const char *managedMl; // the provider's managed ML service (training jobs, endpoints)
};

const Provider kProviders[] = {
    {"AWS", "Amazon Web Services, Inc.", "123456789012", "Ops Platform", "210987654321",
     "ml-serving", 1, "Amazon EC2", "Amazon S3", "Amazon RDS", "Data Transfer", "Amazon EKS",
     "Amazon SageMaker"},
    {"Google Cloud", "Google", "01A2B3-C4D5E6-F7A8B9", "Ops Platform GCP", "ml-platform-prod",
     "ML platform (prod)", 2, "Compute Engine", "Cloud Storage", "BigQuery", "Cloud CDN",
     "Google Kubernetes Engine", "Vertex AI"},
    {"Microsoft", "Microsoft", "ea-552100", "Ops Platform EA", "prod-subscription", "Production", 3,
     "Virtual Machines", "Storage Accounts", "Azure SQL Database", "Bandwidth",
     "Azure Kubernetes Service", "Azure Machine Learning"},
};

const char *const kTeams[] = {"fraud", "risk", "search", "recsys", "vision", "platform"};

struct Line
{
    const Provider *p = nullptr;
    std::string region, service, category, resourceId, resourceType, unit;
    double base = 0;      // USD per weekday at the start
    bool seasonal = true; // weekends lower
    bool committed = false;
    double cpu = -1, gpu = -1; // utilisation 0..1, -1 unknown
    double rps = 0;            // a serving line's requests per second: x_Inferences per day
    std::map<std::string, std::string> tags;
};

// Deterministic noise in [-1, 1) per (seed, line, day).
double noise(std::uint64_t seed, std::size_t line, std::int64_t day)
{
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ULL ^ (line + 1) * 0xBF58476D1CE4E5B9ULL ^
                      std::uint64_t(day) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    x *= 0xD6E9F5A1C2B3D4E5ULL;
    x ^= x >> 29;
    return double(x % 2000001) / 1000000.0 - 1.0;
}

std::vector<std::string> regionsOf(int worldProvider)
{
    std::vector<std::string> out;
    for (const auto &r : regions::demoRegions())
        if (r.provider == worldProvider)
            out.emplace_back(r.id);
    return out;
}

const Provider *providerOfRegion(const std::string &region)
{
    for (const auto &r : regions::demoRegions())
        if (r.id == region)
            for (const Provider &p : kProviders)
                if (p.worldProvider == r.provider)
                    return &p;
    return &kProviders[0];
}

std::vector<Line> demoLines(const std::vector<DemoDeployment> &deployments)
{
    std::vector<Line> lines;
    auto add = [&](const Provider &p, const std::string &region, const char *service,
                   const char *category, const std::string &resource, double base,
                   std::map<std::string, std::string> tags) -> Line & {
        Line l;
        l.p = &p;
        l.region = region;
        l.service = service;
        l.category = category;
        l.resourceId = resource;
        l.resourceType = category == std::string("Storage") ? "Bucket" : "Virtual Machine";
        l.unit = category == std::string("Storage") ? "GB-Mo" : "Hours";
        l.base = base;
        l.tags = std::move(tags);
        lines.push_back(std::move(l));
        return lines.back();
    };
    // Shares: AWS 60, GCP 25, Azure 15 of a platform of about 14k USD a day.
    const double share[] = {8400, 3500, 2100};
    int gpuCount[3] = {0, 0, 0};
    std::vector<const DemoDeployment *> gpu;
    for (const DemoDeployment &d : deployments)
        if (gpu.size() < 12)
            gpu.push_back(&d);
    for (const DemoDeployment *d : gpu)
        ++gpuCount[providerOfRegion(d->region) - kProviders];
    std::size_t n = 0;
    for (const DemoDeployment *d : gpu) {
        const Provider &p = *providerOfRegion(d->region);
        const int pi = int(&p - kProviders);
        const double base = share[pi] * 0.35 / std::max(1, gpuCount[pi]);
        Line &l = add(p, d->region, "GPU instances", "AI and Machine Learning",
                      std::string(p.name == std::string("AWS") ? "i-0gpu" : "gpu-") + d->model +
                          "-" + d->region,
                      base,
                      {{"team", kTeams[n % 6]},
                       {"model", d->model},
                       {"model_version", std::to_string(d->version)},
                       {"environment", "prod"}});
        l.resourceType = "GPU Instance";
        l.gpu = 0.25 + 0.6 * (double((n * 37) % 11) / 10.0); // 0.25..0.85
        l.committed = n % 3 == 0;
        l.rps = 30 + double((n * 53) % 340); // the registry simulator's range of rates
        ++n;
    }
    for (const Provider &p : kProviders) {
        const int pi = int(&p - kProviders);
        const auto regions = regionsOf(p.worldProvider);
        // AI and Machine Learning is more than the GPU instances: the managed ML service
        // (training, notebooks, batch scoring) in the provider's first region, 5 % of its share.
        if (!regions.empty()) {
            Line &ml = add(p, regions[0], p.managedMl, "AI and Machine Learning",
                           std::string("ml-workspace-") + regions[0], share[pi] * 0.05,
                           {{"team", kTeams[(pi + 1) % 6]}, {"environment", "prod"}});
            ml.resourceType = "ML Workspace";
        }
        const double rest = share[pi] * (regions.empty() ? 0.65 : 0.60);
        for (std::size_t r = 0; r < regions.size(); ++r) {
            const std::string &region = regions[r];
            const double w = rest / double(regions.size());
            const std::string env = r == 0 ? "prod" : "prod";
            Line &c = add(p, region, p.kubernetes, "Compute", std::string("cluster-") + region,
                          w * 0.55, {{"team", "platform"}, {"environment", env}});
            c.cpu = 0.58;
            c.committed = pi == 0;
            add(p, region, p.storage, "Storage", std::string("bucket-models-") + region, w * 0.15,
                {{"team", "platform"}, {"environment", env}})
                .seasonal = false;
            add(p, region, p.database, "Databases", std::string("db-features-") + region, w * 0.15,
                {{"team", "risk"}, {"environment", env}});
            add(p, region, p.network, "Networking", std::string("egress-") + region, w * 0.15,
                {{"team", "platform"}, {"environment", env}});
        }
    }
    // Idle and oversized resources.
    const auto aws = regionsOf(1), gcp = regionsOf(2), azure = regionsOf(3);
    add(kProviders[0], aws.empty() ? "us-east" : aws[0], kProviders[0].compute, "Compute",
        "i-0idle-batch-runner", 96, {{"team", "search"}, {"environment", "dev"}})
        .cpu = 0.01;
    add(kProviders[1], gcp.empty() ? "us-west" : gcp[0], kProviders[1].compute, "Compute",
        "vm-idle-notebook-7", 54, {{"team", "vision"}, {"environment", "dev"}})
        .cpu = 0.0;
    add(kProviders[2], azure.empty() ? "eu-central" : azure[0], kProviders[2].compute, "Compute",
        "vm-oversized-etl", 310, {{"team", "risk"}, {"environment", "staging"}})
        .cpu = 0.12;
    add(kProviders[0], aws.empty() ? "us-east" : aws[0], kProviders[0].compute, "Compute",
        "i-0oversized-api", 420, {{"team", "recsys"}, {"environment", "prod"}})
        .cpu = 0.18;
    return lines;
}

focus::Decimal dec(double v)
{
    return focus::Decimal::fromUnits(Units(static_cast<long long>(std::llround(v * 1e6))) *
                                     Units(1000000000000LL));
}

} // namespace

std::int64_t seedCostDemo(CostStore &store, std::uint64_t seed, std::int64_t today,
                          const std::vector<DemoDeployment> &deployments)
{
    const std::vector<Line> lines = demoLines(deployments);
    const Civil now = civilOf(today);
    int y = now.year, m = now.month - 12;
    if (m <= 0) {
        m += 12;
        --y;
    }
    const std::int64_t first = dayOfCivil(y, m, 1);
    // Injected anomalies: (days before today, line predicate, factor).
    struct Spike
    {
        std::int64_t daysAgo;
        std::string service, region, model;
        double factor;
    };
    std::string spikeModel = deployments.empty() ? "" : deployments.front().model;
    std::string spikeRegion = deployments.empty() ? "us-east" : deployments.front().region;
    const Spike spikes[] = {
        {6, "GPU instances", spikeRegion, spikeModel, 6.0},
        {38, "Data Transfer", "eu-west", "", 9.0},
        {95, "Virtual Machines", "eu-central", "", 7.0},
        {170, "BigQuery", "us-west", "", 14.0},
    };
    std::int64_t rows = 0;
    std::lock_guard writer(store.writeMutex());
    store.core().write([&](Connection &db) {
        core::Stmt &imp = db.prepare(
            "INSERT INTO cost_imports (time_ms, file_name, imported_by, rows_accepted, report) "
            "VALUES (?1, 'demo', 'system:demo', 0, ?2) RETURNING id");
        // An empty blob bound, not x'' (a bit string to PostgreSQL).
        imp.bind(1, std::int64_t(today * kDay * 1000)).bindBlob(2, std::string_view("", 0));
        imp.step();
        const std::int64_t importId = imp.int64(0);
        imp.reset();
        CostWriter w(store, db, importId);
        focus::Row row;
        row.billingCurrency = "USD";
        row.chargeFrequency = "Usage-Based";
        std::int64_t line = 0;
        // Raw rows for the last 92 days (resource views, recommendations); older history goes
        // to the rollups only, which every query reads (keeps --demo's seeding fast).
        const std::int64_t rawFrom = today - 92;
        std::vector<std::int64_t> keyOfLine(lines.size(), 0);
        for (std::int64_t d = first; d < today; ++d) {
            const Civil c = civilOf(d);
            const std::int64_t monthStart = dayOfCivil(c.year, c.month, 1);
            const std::int64_t monthEnd =
                c.month == 12 ? dayOfCivil(c.year + 1, 1, 1) : dayOfCivil(c.year, c.month + 1, 1);
            const double growth = std::pow(1.025, double(d - first) / 30.44);
            const int wd = weekdayOf(d);
            row.billingPeriodStart = monthStart * kDay;
            row.billingPeriodEnd = monthEnd * kDay;
            row.chargePeriodStart = d * kDay;
            row.chargePeriodEnd = (d + 1) * kDay;
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const Line &l = lines[i];
                double cost = l.base * growth * (1 + 0.04 * noise(seed, i, d));
                if (l.seasonal && wd >= 5)
                    cost *= wd == 5 ? 0.8 : 0.76;
                for (const Spike &s : spikes) {
                    auto mt = l.tags.find("model");
                    if (d == today - s.daysAgo && l.service == s.service && l.region == s.region &&
                        (s.model.empty() || (mt != l.tags.end() && mt->second == s.model)))
                        cost *= s.factor;
                }
                row.line = ++line;
                row.providerName = l.p->name;
                row.publisherName = l.p->issuer;
                row.invoiceIssuerName = l.p->issuer;
                row.billingAccountId = l.p->account;
                row.billingAccountName = l.p->accountName;
                row.subAccountId = l.p->subAccount;
                row.subAccountName = l.p->subAccountName;
                row.regionId = l.region;
                row.regionName = l.region;
                row.serviceName = l.service;
                row.serviceCategory = l.category;
                row.chargeCategory = "Usage";
                row.chargeDescription = l.service + " usage in " + l.region;
                row.resourceId = l.resourceId;
                row.resourceName = l.resourceId;
                row.resourceType = l.resourceType;
                row.pricingUnit = l.unit;
                row.pricingQuantity = dec(24);
                row.consumedQuantity = dec(24);
                row.consumedUnit = l.unit;
                row.pricingCategory = l.committed ? "Committed" : "Standard";
                row.commitmentDiscountStatus = l.committed ? "Used" : "";
                row.commitmentDiscountId = l.committed ? std::string(l.p->name) + "-sp-1" : "";
                row.effectiveCost = dec(cost);
                row.billedCost = l.committed ? dec(0) : dec(cost);
                row.listCost = l.committed ? dec(cost / 0.72) : dec(cost);
                row.contractedCost = dec(cost);
                if (!keyOfLine[i])
                    row.tags = l.tags; // only the key reads tags
                row.extra.clear();
                char buf[32];
                if (l.cpu >= 0) {
                    std::snprintf(buf, sizeof buf, "%.3f",
                                  std::max(0.0, l.cpu * (1 + 0.05 * noise(seed + 7, i, d))));
                    row.extra.emplace_back("x_CpuUtilization", buf);
                }
                if (l.gpu >= 0) {
                    std::snprintf(buf, sizeof buf, "%.3f",
                                  std::max(0.0, l.gpu * (1 + 0.05 * noise(seed + 9, i, d))));
                    row.extra.emplace_back("x_GpuUtilization", buf);
                }
                if (l.rps > 0) {
                    // The day's inferences served by this line (its deployment's model version).
                    const double weekend = wd >= 5 ? 0.7 : 1.0;
                    std::snprintf(
                        buf, sizeof buf, "%lld",
                        static_cast<long long>(std::llround(l.rps * 86400 * weekend * growth *
                                                            (1 + 0.06 * noise(seed + 11, i, d)))));
                    row.extra.emplace_back("x_Inferences", buf);
                }
                w.add(row, &keyOfLine[i], d < rawFrom);
                ++rows;
            }
            if (d == monthStart) {
                // The month's savings plan purchase (amortized into the committed usage).
                row.line = ++line;
                const Provider &p = kProviders[0];
                row.providerName = p.name;
                row.publisherName = p.issuer;
                row.invoiceIssuerName = p.issuer;
                row.billingAccountId = p.account;
                row.billingAccountName = p.accountName;
                row.subAccountId = p.subAccount;
                row.subAccountName = p.subAccountName;
                row.regionId.clear();
                row.regionName.clear();
                row.serviceName = "Savings Plans for AWS Compute usage";
                row.serviceCategory = "Compute";
                row.chargeCategory = "Purchase";
                row.chargeDescription = "1 year No Upfront Compute Savings Plan";
                row.chargeFrequency = "Recurring";
                row.resourceId = "AWS-sp-1";
                row.resourceName = "Compute Savings Plan";
                row.resourceType = "Savings Plan";
                row.pricingCategory = "Committed";
                row.commitmentDiscountId = "AWS-sp-1";
                row.commitmentDiscountStatus = "";
                const double fee = 52000 * growth;
                row.billedCost = dec(fee);
                row.effectiveCost = dec(0);
                row.listCost = dec(0);
                row.contractedCost = dec(fee);
                row.tags = {{"team", "platform"}};
                row.extra.clear();
                w.add(row);
                row.chargeFrequency = "Usage-Based";
                ++rows;
            }
        }
        w.finish();
        core::Stmt &upd = db.prepare("UPDATE cost_imports SET rows_accepted = ?1 WHERE id = ?2");
        upd.bind(1, rows).bind(2, importId);
        upd.step();
        upd.reset();
    });
    store.reload();
    return rows;
}

} // namespace platformd::cost
