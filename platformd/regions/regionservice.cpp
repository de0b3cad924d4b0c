#include "regions/private/regionservice.h"

#include "core/auth.h"
#include "core/caller.h"
#include "core/filter.h"
#include "core/guarded.h"
#include "core/listing.h"
#include "core/ordering.h"
#include "core/pagination.h"
#include "core/validation.h"
#include "core/watchstream.h"
#include "regions/private/regionvalidation.h"
#include "regions/regionstore.h"

#include "ops/platform/v1/regions.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace platformd::regions {

namespace {

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using grpc::Status;
using grpc::StatusCode;

void setTime(google::protobuf::Timestamp *ts, std::int64_t ms)
{
    ts->set_seconds(ms / 1000);
    ts->set_nanos(int(ms % 1000) * 1000000);
}

class RegionServiceImpl final
    : public pb::RegionService::WithRawCallbackMethod_WatchRegions<pb::RegionService::Service>
{
public:
    RegionServiceImpl(const core::ModuleContext &context, RegionStore &store)
        : m_store(store)
        , m_context(context)
    {}

    Status ListRegions(grpc::ServerContext *, const pb::ListRegionsRequest *request,
                       pb::ListRegionsResponse *response) override
    {
        return core::guarded("RegionService", [&] {
            auto snapshot = m_store.listRegions();
            response->set_revision(snapshot.revision);
            std::int32_t total = 0;
            const Status status = core::listPage(
                std::move(snapshot.items), {}, request->filter(), request->order_by(),
                request->page_size(), request->page_token(), core::kRegionPages,
                [&](pb::Region &&r) { *response->add_regions() = std::move(r); },
                response->mutable_next_page_token(), &total);
            response->set_total_size(total);
            return status;
        });
    }

    Status GetRegion(grpc::ServerContext *, const pb::GetRegionRequest *request,
                     pb::Region *response) override
    {
        return core::guarded("RegionService", [&] {
            std::string id;
            if (!parseRegionName(request->name(), &id))
                return core::invalid("name: \"" + request->name() +
                                     "\" is not a region name (regions/{region})");
            auto region = m_store.getRegion(request->name());
            if (!region)
                return Status(StatusCode::NOT_FOUND, "region " + request->name() + " not found");
            *response = std::move(*region);
            return Status::OK;
        });
    }

    Status ListEdgeNodes(grpc::ServerContext *, const pb::ListEdgeNodesRequest *request,
                         pb::ListEdgeNodesResponse *response) override
    {
        return listInRegion(
            *request, response,
            [this](const std::string &region) { return m_store.listEdgeNodes(region); },
            [response](pb::EdgeNode &&n) { *response->add_edge_nodes() = std::move(n); });
    }

    Status ListComponents(grpc::ServerContext *, const pb::ListComponentsRequest *request,
                          pb::ListComponentsResponse *response) override
    {
        return listInRegion(
            *request, response,
            [this](const std::string &region) { return m_store.listComponents(region); },
            [response](pb::Component &&c) { *response->add_components() = std::move(c); });
    }

    Status ListFailovers(grpc::ServerContext *, const pb::ListFailoversRequest *request,
                         pb::ListFailoversResponse *response) override
    {
        return listInRegion(
            *request, response,
            [this](const std::string &region) { return m_store.listFailovers(region); },
            [response](pb::Failover &&f) { *response->add_failovers() = std::move(f); },
            kNewestFirst);
    }

    Status ListMaintenanceWindows(grpc::ServerContext *,
                                  const pb::ListMaintenanceWindowsRequest *request,
                                  pb::ListMaintenanceWindowsResponse *response) override
    {
        return listInRegion(
            *request, response,
            [this](const std::string &region) { return m_store.listMaintenanceWindows(region); },
            [response](pb::MaintenanceWindow &&w) {
                *response->add_maintenance_windows() = std::move(w);
            },
            kNewestFirst);
    }

    Status UpdateRegion(grpc::ServerContext *context, const pb::UpdateRegionRequest *request,
                        pb::Region *response) override
    {
        return core::guarded("RegionService",
                             [&] { return updateRegion(context, *request, response); });
    }

    // A collection nested in a region (parent "regions/{region}" or "regions/-"): one page of it,
    // in defaultOrder unless the request gives order_by.
    template<typename Request, typename Response, typename ListFn, typename AddFn>
    Status listInRegion(const Request &request, Response *response, ListFn list, AddFn add,
                        const std::string &defaultOrder = {})
    {
        return core::guarded("RegionService", [&] {
            std::string region;
            if (Status s = checkParent(request.parent(), &region); !s.ok())
                return s;
            auto snapshot = list(region);
            response->set_revision(snapshot.revision);
            std::int32_t total = 0;
            const std::string &orderBy =
                request.order_by().empty() ? defaultOrder : request.order_by();
            const Status status = core::listPage(std::move(snapshot.items), request.parent(),
                                                 request.filter(), orderBy, request.page_size(),
                                                 request.page_token(), core::kNestedPages, add,
                                                 response->mutable_next_page_token(), &total);
            response->set_total_size(total);
            return status;
        });
    }

    Status GetRegionMetrics(grpc::ServerContext *, const pb::GetRegionMetricsRequest *request,
                            pb::RegionMetrics *response) override
    {
        return core::guarded("RegionService", [&] {
            std::string id;
            if (!parseRegionName(request->name(), &id))
                return core::invalid("name: \"" + request->name() +
                                     "\" is not a region name (regions/{region})");
            MetricsWindow window;
            const std::string problem = resolveMetricsWindow(
                *request, TimeUtil::TimestampToMilliseconds(TimeUtil::GetCurrentTime()), &window);
            if (!problem.empty())
                return core::invalid(problem);
            const std::int64_t start = window.startMs;
            const std::int64_t end = window.endMs;
            const std::int64_t resolution = window.resolutionMs;
            if (!m_store.getRegion(request->name()))
                return Status(StatusCode::NOT_FOUND, "region " + request->name() + " not found");
            response->set_name(request->name());
            setTime(response->mutable_start_time(), start);
            setTime(response->mutable_end_time(), end);
            *response->mutable_resolution() = TimeUtil::MillisecondsToDuration(resolution);
            for (const MetricBucket &b : m_store.queryMetrics(id, start, end, resolution)) {
                pb::MetricPoint *p = response->add_points();
                setTime(p->mutable_time(), b.timeMs);
                p->set_latency_p50_ms(b.p50);
                p->set_latency_p95_ms(b.p95);
                p->set_latency_p99_ms(b.p99);
                p->set_error_rate(b.errorRate);
                p->set_throughput_rps(b.throughput);
                p->set_availability(b.availability);
            }
            return Status::OK;
        });
    }

    // On the callback API (core/watchstream.h): an open watch holds no thread.
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchRegions(grpc::CallbackServerContext *context,
                                                             const grpc::ByteBuffer *raw) override
    {
        pb::WatchRegionsRequest request;
        return m_context.watches->serve(
            "RegionService", context, *raw, request, [&]() -> core::WatchStreams::Opened {
                core::FeedCursor::Options options;
                options.after = request.after_revision();
                options.maxLag = std::int64_t(m_context.watchQueue);
                const unsigned kinds = (request.include_components() ? kWithComponents : 0u) |
                                       (request.include_edge_nodes() ? kWithEdgeNodes : 0u) |
                                       (request.include_operations() ? kWithOperations : 0u);
                options.select = [kinds](const core::FeedEntry &entry) {
                    return entry.as<ChangeBatch>().bytesFor(kinds);
                };
                return core::WatchStreams::start(
                    core::FeedCursor(m_store.feed(), std::move(options)),
                    {"/ops.platform.v1.RegionService/WatchRegions", m_context.progressInterval,
                     [this] {
                         return m_store.oldestRetainedRevision();
                     }});
            });
    }

private:
    inline static const std::string kNewestFirst = "start_time desc";

    // AIP-134 with a restricted mask; validated, applied and audited in one store transaction, so
    // watchers see the change at its revision and the audit log names it.
    Status updateRegion(grpc::ServerContext *context, const pb::UpdateRegionRequest &request,
                        pb::Region *response)
    {
        core::Caller actor;
        Status refused;
        if (!core::actorOf(context, "/ops.platform.v1.RegionService/UpdateRegion", &actor,
                           &refused))
            return refused;
        std::vector<std::string> paths;
        const std::string problem = checkUpdateRegion(request, &paths);
        Status result = problem.empty() ? Status::OK : core::invalid(problem);
        const std::string &name = request.region().name();
        std::string id;
        core::audit::Entry entry;
        entry.actor = actor.actor;
        entry.role = core::joinRoles(actor.roles);
        entry.action = actor.action;
        entry.peer = actor.peer;
        entry.resource = parseRegionName(name, &id) ? name : std::string();
        if (result.ok()) {
            std::string summary = "update_mask=";
            for (size_t i = 0; i < paths.size(); ++i)
                summary += (i ? "," : "") + paths[i];
            for (const std::string &path : paths) {
                if (path == "slo_availability")
                    summary +=
                        " slo_availability=" + std::to_string(request.region().slo_availability());
                else if (path == "health_endpoint")
                    summary += " health_endpoint=\"" + request.region().health_endpoint() + "\"";
                else if (path == "health_service")
                    summary += " health_service=\"" + request.region().health_service() + "\"";
            }
            entry.requestSummary = std::move(summary);
        }
        std::int64_t revision = 0;
        pb::Region updated;
        m_store.auditedCommit(
            std::move(entry),
            [&](core::Connection &db, core::audit::Entry &e) {
                Mutation m;
                if (result.ok()) {
                    if (auto region = RegionStore::readRegion(db, name)) {
                        for (const std::string &path : paths) {
                            if (path == "slo_availability")
                                region->set_slo_availability(request.region().slo_availability());
                            else if (path == "health_endpoint")
                                region->set_health_endpoint(request.region().health_endpoint());
                            else if (path == "health_service")
                                region->set_health_service(request.region().health_service());
                        }
                        const bool endpointSet =
                            std::find_if(paths.begin(), paths.end(), [](const std::string &p) {
                                return p == "health_endpoint" || p == "health_service";
                            }) != paths.end();
                        if (endpointSet) {
                            // Set explicitly: a demo restart leaves it alone.
                            core::Stmt &owner = db.prepare(
                                "INSERT INTO region_endpoint_owner (region, owner) VALUES (?1, "
                                "'user') ON "
                                "CONFLICT (region) DO UPDATE SET owner = excluded.owner");
                            owner.bind(1, id);
                            owner.step();
                            owner.reset();
                        }
                        *region->mutable_update_time() = TimeUtil::GetCurrentTime();
                        updated = *region;
                        m.regions.push_back(std::move(*region));
                        m.writeRegionSettings = true;
                    } else {
                        result = Status(StatusCode::NOT_FOUND, "region " + name + " not found");
                    }
                }
                e.result = core::codeName(result.error_code());
                e.resultMessage = result.error_message();
                return m;
            },
            &revision);
        if (!result.ok())
            return result;
        updated.set_revision(revision);
        *response = std::move(updated);
        return Status::OK;
    }

    Status checkParent(const std::string &parent, std::string *region)
    {
        if (!parseRegionParent(parent, region))
            return core::invalid("parent: \"" + parent + "\" is not regions/{region} or regions/-");
        if (!region->empty() && !m_store.getRegion(parent))
            return Status(StatusCode::NOT_FOUND, "region " + parent + " not found");
        return Status::OK;
    }

    RegionStore &m_store;
    const core::ModuleContext m_context;
};

} // namespace

std::unique_ptr<grpc::Service> makeRegionService(const core::ModuleContext &context,
                                                 RegionStore &store)
{
    return std::make_unique<RegionServiceImpl>(context, store);
}

} // namespace platformd::regions
