#include "registry/registrydemo.h"

#include "regions/world.h"
#include "registry/private/registrydemocatalog.h"
#include "registry/private/registrynames.h"
#include "registry/registrystore.h"

#include <google/protobuf/util/time_util.h>
#include <openssl/sha.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <set>

namespace platformd::registry {

namespace {

using google::protobuf::util::TimeUtil;
using namespace demo;

bool isClassifier(pb::ModelTask t)
{
    return t == pb::CLASSIFICATION || t == pb::ANOMALY_DETECTION || t == pb::VISION;
}

std::string sha256Hex(const std::string &text)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(text.data()), text.size(), digest);
    static const char hex[] = "0123456789abcdef";
    std::string out(2 * SHA256_DIGEST_LENGTH, '0');
    for (int i = 0; i < SHA256_DIGEST_LENGTH; ++i) {
        out[size_t(2 * i)] = hex[digest[i] >> 4];
        out[size_t(2 * i + 1)] = hex[digest[i] & 15];
    }
    return out;
}

double round4(double v)
{
    return std::round(v * 10000) / 10000;
}

// Plausible metrics for the task; quality grows with progress (0..1) plus noise.
void fillMetrics(pb::ModelVersion *v, pb::ModelTask task, double progress, std::mt19937_64 &rng)
{
    std::normal_distribution<double> noise(0, 1);
    auto &m = *v->mutable_metrics();
    const double q = std::clamp(progress + 0.08 * noise(rng), 0.0, 1.0);
    switch (task) {
    case pb::CLASSIFICATION:
    case pb::ANOMALY_DETECTION:
    case pb::VISION: {
        const double acc = std::clamp(0.84 + 0.15 * q + 0.01 * noise(rng), 0.5, 0.999);
        m["accuracy"] = round4(acc);
        m["f1"] = round4(std::clamp(acc - 0.03 + 0.01 * noise(rng), 0.4, 0.995));
        m["auc"] = round4(std::clamp(acc + 0.015 + 0.005 * noise(rng), 0.5, 0.9995));
        m["precision"] = round4(std::clamp(acc - 0.01 + 0.015 * noise(rng), 0.4, 0.999));
        m["recall"] = round4(std::clamp(acc - 0.04 + 0.015 * noise(rng), 0.4, 0.999));
        break;
    }
    case pb::NLP:
        m["bleu"] = round4(22 + 14 * q + noise(rng));
        m["rouge_l"] = round4(std::clamp(0.32 + 0.18 * q + 0.01 * noise(rng), 0.0, 1.0));
        m["perplexity"] = round4(std::max(3.0, 18 - 10 * q + 0.5 * noise(rng)));
        m["accuracy"] = round4(std::clamp(0.80 + 0.17 * q + 0.01 * noise(rng), 0.5, 0.995));
        break;
    case pb::REGRESSION:
    case pb::TIME_SERIES:
        m["rmse"] = round4(std::max(0.5, 14 - 8 * q + 0.6 * noise(rng)));
        m["mape"] = round4(std::clamp(0.18 - 0.11 * q + 0.01 * noise(rng), 0.02, 0.5));
        m["mae"] = round4(std::max(0.3, 9 - 5 * q + 0.4 * noise(rng)));
        break;
    case pb::RECOMMENDATION:
        m["ndcg_at_10"] = round4(std::clamp(0.31 + 0.14 * q + 0.01 * noise(rng), 0.0, 1.0));
        m["map_at_10"] = round4(std::clamp(0.22 + 0.12 * q + 0.01 * noise(rng), 0.0, 1.0));
        m["recall_at_20"] = round4(std::clamp(0.41 + 0.18 * q + 0.01 * noise(rng), 0.0, 1.0));
        break;
    case pb::CLUSTERING:
        m["silhouette"] = round4(std::clamp(0.28 + 0.3 * q + 0.02 * noise(rng), -1.0, 1.0));
        m["davies_bouldin"] = round4(std::max(0.2, 1.6 - 0.8 * q + 0.05 * noise(rng)));
        break;
    case pb::REINFORCEMENT_LEARNING:
        m["mean_reward"] = round4(120 + 260 * q + 8 * noise(rng));
        m["episode_length"] = round4(std::max(10.0, 400 - 150 * q + 10 * noise(rng)));
        break;
    case pb::GENERATIVE:
        m["perplexity"] = round4(std::max(2.0, 11 - 5 * q + 0.3 * noise(rng)));
        m["win_rate"] = round4(std::clamp(0.42 + 0.25 * q + 0.02 * noise(rng), 0.0, 1.0));
        m["toxicity_rate"] = round4(std::clamp(0.012 - 0.008 * q + 0.001 * noise(rng), 0.0, 1.0));
        break;
    default:
        break;
    }
}

void fillParameters(pb::ModelVersion *v, pb::ModelTask task, std::mt19937_64 &rng)
{
    static const char *const lrs[] = {"0.1", "0.05", "0.01", "0.003", "0.001", "0.0003", "0.0001"};
    auto &p = *v->mutable_parameters();
    p["lr"] = lrs[rng() % std::size(lrs)];
    p["seed"] = std::to_string(rng() % 10000);
    switch (task) {
    case pb::CLASSIFICATION:
    case pb::ANOMALY_DETECTION:
    case pb::REGRESSION:
        p["max_depth"] = std::to_string(4 + rng() % 8);
        p["n_estimators"] = std::to_string(200 + 100 * (rng() % 10));
        break;
    case pb::CLUSTERING:
        p["n_clusters"] = std::to_string(6 + rng() % 20);
        break;
    case pb::REINFORCEMENT_LEARNING:
        p["gamma"] = "0.99";
        p["rollout_steps"] = std::to_string(1024 << (rng() % 4));
        break;
    default:
        p["batch_size"] = std::to_string(32 << (rng() % 5));
        p["epochs"] = std::to_string(3 + rng() % 20);
        break;
    }
}

std::string modelCard(const DemoModel &d, std::int64_t number, const pb::ModelVersion &v)
{
    std::string card = "# " + std::string(d.display) + " v" + std::to_string(number) + "\n\n" +
                       d.summary + "\n\n## Intended use\n" + d.summary +
                       " Not for decisions about individuals without human review.\n\n"
                       "## Training data\n`" +
                       v.dataset() + "` (" + v.dataset_hash().substr(0, 19) +
                       "…)\n\n## Evaluation\n| metric | value |\n|---|---|\n";
    std::vector<std::pair<std::string, double>> metrics(v.metrics().begin(), v.metrics().end());
    std::sort(metrics.begin(), metrics.end());
    for (const auto &[k, value] : metrics) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.4g", value);
        card += "| " + k + " | " + buf + " |\n";
    }
    card +=
        "\n## Limitations\nPerformance drops on inputs far from the training distribution; watch "
        "the drift score of its deployments.\n";
    return card;
}

pb::ModelVersion makeVersion(const DemoModel &d, std::int64_t number, std::int64_t createMs,
                             double progress, std::mt19937_64 &rng, bool detailed)
{
    pb::ModelVersion v;
    v.set_name(names::version(d.id, number));
    v.set_model(names::model(d.id));
    v.set_version(number);
    char run[16];
    std::snprintf(run, sizeof run, "%012llx",
                  static_cast<unsigned long long>(rng() & 0xffffffffffffULL));
    v.set_run_id(run);
    v.set_run_link("https://mlflow.example/#/experiments/" + std::string(d.id) + "/runs/" + run);
    v.set_source_uri("s3://models/" + std::string(d.id) + "/" + std::to_string(number) + "/model");
    v.set_dataset(std::string(d.dataset) + "@" + std::to_string(number));
    v.set_dataset_hash("sha256:" + sha256Hex(v.dataset() + run));
    v.set_framework(d.framework);
    v.set_input_signature(d.signature);
    v.set_created_by(kPeople[rng() % std::size(kPeople)]);
    *v.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(createMs);
    *v.mutable_update_time() = v.create_time();
    v.set_status(pb::ModelVersion::READY);
    v.set_task(d.task);
    fillMetrics(&v, d.task, progress, rng);
    fillParameters(&v, d.task, rng);
    if (detailed) {
        v.set_description("Retrained on " + std::string(d.dataset) +
                          " with tuned hyper-parameters.");
        v.set_model_card(modelCard(d, number, v));
    }
    return v;
}

void setAliasesOnVersions(pb::Model &m, std::vector<pb::ModelVersion> &versions, size_t first)
{
    for (size_t i = first; i < versions.size(); ++i) {
        pb::ModelVersion &v = versions[i];
        v.clear_aliases();
        for (const auto &[alias, number] : m.aliases())
            if (number == v.version())
                v.add_aliases(alias);
    }
}

} // namespace

std::int64_t seedRegistryDemo(RegistryStore &registry, const RegistryDemoOptions &options)
{
    const auto started = std::chrono::steady_clock::now();
    std::mt19937_64 rng(options.seed * 7919 + 17);
    const std::int64_t now = TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime());
    const std::int64_t day = 86400000;
    const auto regions = regions::demoRegions();
    std::vector<pb::Model> models;
    std::vector<pb::ModelVersion> versions;
    std::vector<pb::Deployment> deployments;
    std::vector<pb::ApprovalRequest> approvals;
    const size_t modelCount = std::size(kModels);
    std::vector<int> baseCounts;
    for (size_t i = 0; i < modelCount; ++i)
        baseCounts.push_back(3 + int(rng() % 13));
    std::int64_t baseTotal = 0;
    for (int c : baseCounts)
        baseTotal += c;
    const std::int64_t extra = std::max<std::int64_t>(0, options.scale - baseTotal);
    versions.reserve(size_t(baseTotal + extra));
    int approvalId = 1;
    for (size_t mi = 0; mi < modelCount; ++mi) {
        const DemoModel &d = kModels[mi];
        const std::int64_t older = extra / std::int64_t(modelCount) +
                                   (std::int64_t(mi) < extra % std::int64_t(modelCount));
        const int n = baseCounts[mi];
        pb::Model m;
        m.set_name(names::model(d.id));
        m.set_display_name(d.display);
        m.set_owner_team(d.team);
        m.set_task(d.task);
        for (std::string tags = d.tags; !tags.empty();) {
            const size_t comma = tags.find(',');
            m.add_tags(tags.substr(0, comma));
            tags = comma == std::string::npos ? "" : tags.substr(comma + 1);
        }
        m.add_protected_aliases("champion");
        m.set_created_by(kPeople[mi % std::size(kPeople)]);
        const std::int64_t created = now - (420 + std::int64_t(rng() % 300)) * day;
        const std::int64_t recentStart = now - (120 + std::int64_t(rng() % 60)) * day;
        *m.mutable_create_time() = TimeUtil::MillisecondsToTimestamp(created);
        m.set_description("## " + std::string(d.display) + "\n\n" + d.summary + "\n\n**Owner:** `" +
                          d.team + "` · **Task:** " + pb::ModelTask_Name(d.task) +
                          "\n\n- Input: `" + d.signature + "`\n- Training data: `" + d.dataset +
                          "`\n- Retrained when drift exceeds 0.2 or monthly.\n");
        const size_t first = versions.size();
        // Older history (--demo-scale) first, so version numbers follow creation time.
        for (std::int64_t k = 0; k < older; ++k) {
            const std::int64_t t =
                created + std::int64_t((recentStart - created) *
                                       (double(k) + double(rng() % 1000) / 1000) / double(older));
            pb::ModelVersion v =
                makeVersion(d, k + 1, t, 0.6 * double(k) / double(older), rng, false);
            const auto r = rng() % 100;
            v.set_stage(r < 70 ? pb::ARCHIVED : r < 85 ? pb::MODEL_STAGE_UNSPECIFIED : pb::STAGING);
            if (r >= 97) {
                v.set_status(pb::ModelVersion::FAILED);
                v.set_status_message("evaluation job failed: OOM on the validation split");
                v.set_stage(pb::MODEL_STAGE_UNSPECIFIED);
            }
            versions.push_back(std::move(v));
        }
        for (int k = 0; k < n; ++k) {
            const std::int64_t number = older + k + 1;
            const std::int64_t t = recentStart + (now - recentStart - day) * (k + 1) / (n + 1) +
                                   std::int64_t(rng() % (6 * 3600000));
            pb::ModelVersion v =
                makeVersion(d, number, t, 0.6 + 0.4 * double(k + 1) / n, rng, true);
            if (k == n - 2 && rng() % 7 == 0) {
                v.set_status(pb::ModelVersion::FAILED);
                v.set_status_message(
                    "validation failed: f1 below the 0.80 gate on the holdout set");
            }
            versions.push_back(std::move(v));
        }
        // Stages: a production version for most models (the newest READY but the latest), the
        // ones before it archived, the latest in staging.
        const std::int64_t total = older + n;
        auto at = [&](std::int64_t number) -> pb::ModelVersion & {
            return versions[first + size_t(number - 1)];
        };
        std::int64_t production = 0;
        if (mi % 5 != 4 && n >= 2)
            for (std::int64_t k = total - 1; k > older; --k)
                if (at(k).status() == pb::ModelVersion::READY) {
                    production = k;
                    break;
                }
        for (std::int64_t k = older + 1; k <= total; ++k) {
            pb::ModelVersion &v = at(k);
            if (v.status() != pb::ModelVersion::READY)
                continue;
            if (k == production)
                v.set_stage(pb::PRODUCTION);
            else if (production && k < production)
                v.set_stage(pb::ARCHIVED);
            else if (k == total)
                v.set_stage(pb::STAGING);
        }
        std::int64_t latestReady = 0;
        for (std::int64_t k = total; k >= 1 && !latestReady; --k)
            if (at(k).status() == pb::ModelVersion::READY)
                latestReady = k;
        const std::int64_t champion = production ? production : latestReady;
        if (champion)
            (*m.mutable_aliases())["champion"] = champion;
        if (latestReady && latestReady != champion)
            (*m.mutable_aliases())["challenger"] = latestReady;
        if (mi % 3 == 0 && total >= 3)
            (*m.mutable_aliases())["baseline"] = std::max<std::int64_t>(1, older + 1);
        setAliasesOnVersions(m, versions, first);
        m.set_production_version(production);
        *m.mutable_update_time() = at(total).create_time();

        // Deployments of production models in 1-4 regions: plain, A/B or canary.
        if (production) {
            const int regionCount = 1 + int(rng() % 4);
            std::vector<size_t> order(regions.size());
            for (size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::shuffle(order.begin(), order.end(), rng);
            const std::int64_t challenger = latestReady != production ? latestReady : 0;
            for (int r = 0; r < regionCount; ++r) {
                const auto &region = regions[order[size_t(r)]];
                pb::Deployment dep;
                dep.set_name(m.name() + "/deployments/" + std::string(region.id));
                dep.set_model(m.name());
                dep.set_region("regions/" + std::string(region.id));
                dep.set_endpoint("https://" + std::string(region.id) + ".serve.example/" + d.id);
                const auto kind = challenger ? rng() % 3 : 0;
                auto add = [&](std::int64_t version, int traffic) {
                    pb::DeploymentVariant *var = dep.add_variants();
                    var->set_version(version);
                    var->set_traffic_percent(traffic);
                };
                if (kind == 1) { // A/B
                    add(production, 50);
                    add(challenger, 50);
                } else if (kind == 2) { // canary
                    add(production, 90);
                    add(challenger, 10);
                    pb::DeploymentVariant *prev = dep.add_previous_variants();
                    prev->set_version(production);
                    prev->set_traffic_percent(100);
                } else {
                    add(production, 100);
                }
                dep.set_rollout_state(kind ? pb::Deployment::ROLLING_OUT : pb::Deployment::LIVE);
                dep.set_created_by(kPeople[rng() % std::size(kPeople)]);
                *dep.mutable_create_time() = at(production).create_time();
                *dep.mutable_update_time() = dep.create_time();
                deployments.push_back(std::move(dep));
            }
            // History: the approved promotion of the production version.
            pb::ApprovalRequest a;
            a.set_name(m.name() + "/approvalRequests/ar-" + std::to_string(approvalId++));
            a.set_model(m.name());
            a.set_action(pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
            a.set_version(production);
            a.set_requester(kPeople[mi % std::size(kPeople)]);
            a.set_comment("Beats the current production version on the offline evaluation; shadow "
                          "traffic for a week showed no regressions.");
            a.add_evidence_links("https://mlflow.example/#/experiments/" + std::string(d.id) +
                                 "/compare");
            a.set_state(pb::ApprovalRequest::APPROVED);
            a.set_reviewer(kPeople[(mi + 3) % std::size(kPeople)]);
            a.set_review_comment("Looks good; the rollback plan is in the runbook.");
            *a.mutable_create_time() = at(production).create_time();
            *a.mutable_review_time() = TimeUtil::MillisecondsToTimestamp(
                TimeUtil::TimestampToMilliseconds(at(production).create_time()) + day / 3);
            approvals.push_back(std::move(a));
        }
        // Pending requests for some challengers, a rejected one now and then.
        if (latestReady && latestReady != production && (mi % 4 == 1 || mi % 4 == 2)) {
            pb::ApprovalRequest a;
            a.set_name(m.name() + "/approvalRequests/ar-" + std::to_string(approvalId++));
            a.set_model(m.name());
            a.set_action(pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
            a.set_version(latestReady);
            a.set_requester(kPeople[(mi + 1) % std::size(kPeople)]);
            const bool rejected = mi % 4 == 2 && mi % 3 == 0;
            a.set_comment(
                rejected
                    ? "Urgent: marketing launch on Monday needs the new labels."
                    : "Canary at 10% for 72 h: error rate flat, p95 -8%, accuracy proxy +1.2 pt. "
                      "Requesting full promotion.");
            a.add_evidence_links("https://grafana.example/d/model-canary?var-model=" +
                                 std::string(d.id));
            a.add_evidence_links("https://mlflow.example/#/experiments/" + std::string(d.id) +
                                 "/runs/" + at(latestReady).run_id());
            a.set_state(rejected ? pb::ApprovalRequest::REJECTED : pb::ApprovalRequest::PENDING);
            if (rejected) {
                a.set_reviewer(kPeople[(mi + 5) % std::size(kPeople)]);
                a.set_review_comment(
                    "Fairness evaluation on the new segments is missing; resubmit with it.");
                *a.mutable_review_time() = TimeUtil::MillisecondsToTimestamp(now - day);
            }
            *a.mutable_create_time() =
                TimeUtil::MillisecondsToTimestamp(now - 2 * day - std::int64_t(mi) * 3600000);
            approvals.push_back(std::move(a));
        }
        models.push_back(std::move(m));
    }
    const size_t versionCount = versions.size();
    const size_t modelTotal = models.size();
    spdlog::debug("registry demo: generated {} versions in {} ms", versionCount,
                  std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count());
    const bool seeded = registry.seed(std::move(models), std::move(versions),
                                      std::move(deployments), std::move(approvals));
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
    if (seeded)
        spdlog::info("registry demo: seeded {} models and {} versions in {} ms", modelTotal,
                     versionCount, ms);
    else
        spdlog::info("registry demo: not seeded, another replica wrote the registry first");
    return ms;
}

RegistrySimulator::RegistrySimulator(RegistryStore &registry, std::uint64_t seed)
    : m_registry(registry)
    , m_seed(seed)
{}

RegistrySimulator::~RegistrySimulator()
{
    stop();
}

void RegistrySimulator::start()
{
    m_thread = std::thread([this] { run(); });
}

void RegistrySimulator::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void RegistrySimulator::run()
{
    std::mt19937_64 rng(m_seed * 104729 + 3);
    std::normal_distribution<double> noise(0, 1);
    Caller system;
    system.actor = "system:demo";
    system.roles = {"system"};
    system.system = true;
    system.peer = "local";
    std::map<std::string, double> drift;
    std::map<std::string, double> base;
    // The simulator animates the demo's own deployments only: a split that a person set (or a
    // deployment a person made) is theirs, and a canary step on it would change what a rollback
    // returns to behind their back.
    std::set<std::string> demoDeployments;
    for (const pb::Deployment &d : m_registry.deployments())
        demoDeployments.insert(d.name());
    for (std::int64_t tick = 1;; ++tick) {
        {
            std::unique_lock lock(m_mutex);
            if (m_cv.wait_for(lock, std::chrono::seconds(3), [this] { return m_stop; }))
                return;
        }
        try {
            const auto now = TimeUtil::GetCurrentTime();
            std::vector<pb::Deployment> deployments = m_registry.deployments();
            for (pb::Deployment &d : deployments) {
                const std::string region = d.region().substr(8);
                double weight = 5;
                for (const regions::RegionInfo &r : regions::demoRegions())
                    if (r.id == region)
                        weight = r.trafficWeight;
                if (!base.count(d.name()))
                    base[d.name()] = 20 + double(rng() % 400);
                double &dr = drift[d.name()];
                dr = std::clamp(dr + 0.01 * noise(rng), 0.0, 0.45);
                pb::Model model;
                const bool classifier =
                    m_registry.getModel(d.model(), &model).ok() && isClassifier(model.task());
                pb::ServingMetrics total;
                double rpsSum = 0, p95 = 0, err = 0, acc = 0;
                for (pb::DeploymentVariant &v : *d.mutable_variants()) {
                    pb::ServingMetrics *m = v.mutable_metrics();
                    const double rps = base[d.name()] * weight / 10 * v.traffic_percent() / 100.0 *
                                       (1 + 0.08 * noise(rng));
                    m->set_requests_per_second(std::max(0.0, round4(rps)));
                    m->set_latency_p95_ms(round4(std::max(3.0, 35 + 6 * noise(rng) + 40 * dr)));
                    m->set_error_rate(
                        round4(std::clamp(0.002 + 0.001 * noise(rng) + 0.02 * dr, 0.0, 1.0)));
                    m->set_accuracy(
                        classifier
                            ? round4(std::clamp(0.95 - 0.3 * dr + 0.005 * noise(rng), 0.0, 1.0))
                            : 0);
                    m->set_drift_score(classifier ? round4(dr) : 0);
                    *m->mutable_sample_time() = now;
                    rpsSum += m->requests_per_second();
                    p95 = std::max(p95, m->latency_p95_ms());
                    err += m->error_rate() * m->requests_per_second();
                    acc += m->accuracy() * m->requests_per_second();
                }
                total.set_requests_per_second(round4(rpsSum));
                total.set_latency_p95_ms(p95);
                total.set_error_rate(rpsSum > 0 ? round4(err / rpsSum) : 0);
                total.set_accuracy(rpsSum > 0 ? round4(acc / rpsSum) : 0);
                total.set_drift_score(classifier ? round4(dr) : 0);
                *total.mutable_sample_time() = now;
                *d.mutable_metrics() = total;
            }
            m_registry.updateServingMetrics(std::move(deployments));

            // Every ~30 s a canary takes 10 points more traffic.
            if (tick % 10 == 0) {
                for (const pb::Deployment &d : m_registry.deployments()) {
                    if (!demoDeployments.count(d.name()) || d.variants_size() != 2 ||
                        d.variants(1).traffic_percent() == 0 ||
                        d.variants(1).traffic_percent() >= 50)
                        continue;
                    pb::UpdateTrafficRequest r;
                    r.set_name(d.name());
                    const int canary = std::min(100, d.variants(1).traffic_percent() + 10);
                    auto *a = r.add_variants();
                    a->set_version(d.variants(0).version());
                    a->set_traffic_percent(100 - canary);
                    auto *b = r.add_variants();
                    b->set_version(d.variants(1).version());
                    b->set_traffic_percent(canary);
                    pb::Deployment out;
                    system.action = "demo:canary-progress";
                    m_registry.updateTraffic(system, r, &out);
                    break;
                }
            }
            // Every ~90 s a model gets a new version.
            if (tick % 30 == 0) {
                const auto ids = m_registry.modelIds();
                if (!ids.empty()) {
                    const std::string id = ids[rng() % ids.size()];
                    const DemoModel *d = nullptr;
                    for (const DemoModel &dm : kModels)
                        if (id == dm.id)
                            d = &dm;
                    pb::Model model;
                    if (d && m_registry.getModel(names::model(id), &model).ok()) {
                        pb::CreateModelVersionRequest r;
                        r.set_parent(model.name());
                        *r.mutable_model_version() = makeVersion(
                            *d, model.latest_version() + 1,
                            TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime()), 0.95,
                            rng, true);
                        pb::ModelVersion out;
                        system.action = "demo:register-version";
                        m_registry.createVersion(system, r, &out);
                    }
                }
            }
            if (tick % 100 == 0)
                m_registry.compact();
        } catch (const std::exception &e) {
            spdlog::error("registry simulator: {}", e.what());
        }
    }
}

} // namespace platformd::registry
