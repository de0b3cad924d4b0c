#include "cost/private/costservice.h"

#include "core/auth.h"
#include "core/caller.h"
#include "core/guarded.h"
#include "core/permissions.h"
#include "core/store.h"
#include "cost/private/costbudgets.h"
#include "cost/private/costforecast.h"
#include "cost/private/costimport.h"
#include "cost/private/costinsights.h"
#include "cost/private/coststore.h"

#include "ops/platform/v1/cost.grpc.pb.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <unistd.h>

namespace platformd::cost {

namespace {

using grpc::ServerContext;
using grpc::StatusCode;

const std::string kPrefix = "/ops.platform.v1.CostService/";
constexpr std::size_t kMaxChunk = 4 * 1024 * 1024;
const char kService[] = "CostService";
const char kSpoolDirOption[] = "--cost-spool-dir";

// Removes the spooled upload however the call ends.
struct SpoolFile
{
    std::string path;
    ~SpoolFile()
    {
        if (!path.empty()) {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
    }
};

class CostServiceImpl final : public pb::CostService::Service
{
public:
    CostServiceImpl(const core::ModuleContext &context, CostStore &store, CostBudgets &budgets,
                    std::function<void()> afterImport, std::string spoolDir)
        : m_context(context)
        , m_store(store)
        , m_budgets(budgets)
        , m_afterImport(std::move(afterImport))
        , m_spoolDir(std::move(spoolDir))
    {}

    Status ImportCosts(ServerContext *c, grpc::ServerReader<pb::ImportCostsRequest> *reader,
                       pb::ImportReport *out) override
    {
        return core::guarded(kService, [&]() -> Status {
            const core::Caller who = caller(c, "ImportCosts");
            pb::ImportCostsRequest message;
            if (!reader->Read(&message) || !message.has_header())
                return Status(StatusCode::INVALID_ARGUMENT,
                              "header: the first message must carry the header");
            const pb::ImportHeader header = message.header();
            if (header.file_name().empty() || header.file_name().size() > 255)
                return Status(StatusCode::INVALID_ARGUMENT,
                              "header.file_name: required, at most 255 bytes");
            // Spool the upload (spoolDirectory()), then import it in one transaction (the
            // writer is not held while the client is still sending).
            static std::atomic<int> counter{0};
            SpoolFile spool{
                (std::filesystem::path(m_spoolDir) / ("cost-upload-" + std::to_string(::getpid()) +
                                                      "-" + std::to_string(++counter) + ".part"))
                    .string()};
            std::ofstream file(spool.path, std::ios::binary | std::ios::trunc);
            if (!file) {
                spdlog::error("cost: cannot create {} to spool an upload", spool.path);
                return Status(StatusCode::INTERNAL,
                              "cannot spool the upload (the server's --cost-spool-dir is not "
                              "writable; see its log)");
            }
            std::int64_t chunks = 0;
            while (reader->Read(&message)) {
                if (message.has_header())
                    return Status(StatusCode::INVALID_ARGUMENT,
                                  "header: sent again in message " + std::to_string(chunks + 2));
                if (message.chunk().size() > kMaxChunk)
                    return Status(StatusCode::INVALID_ARGUMENT, "chunk: message " +
                                                                    std::to_string(chunks + 2) +
                                                                    " is larger than 4 MiB");
                file.write(message.chunk().data(), std::streamsize(message.chunk().size()));
                ++chunks;
            }
            file.close();
            if (!file)
                return Status(StatusCode::INTERNAL, "cannot spool the upload");
            if (c->IsCancelled())
                return Status(StatusCode::CANCELLED, "the upload was cancelled");
            ImportOptions options;
            options.fileName = header.file_name();
            options.acceptPartial = header.accept_partial();
            options.validateOnly = header.validate_only();
            Status s = importFile(m_store, who, spool.path, options, out);
            if (s.ok() && out->written() && m_afterImport)
                m_afterImport();
            return s;
        });
    }
    Status ListCostImports(ServerContext *, const pb::ListCostImportsRequest *r,
                           pb::ListCostImportsResponse *out) override
    {
        return core::guarded(kService, [&] { return listImports(m_store, *r, out); });
    }
    Status QueryCosts(ServerContext *, const pb::QueryCostsRequest *r,
                      pb::CostQueryResult *out) override
    {
        return core::guarded(kService, [&] { return queryCosts(m_store, *r, out); });
    }
    Status GetCostForecast(ServerContext *, const pb::GetCostForecastRequest *r,
                           pb::CostForecast *out) override
    {
        return core::guarded(kService, [&] { return costForecast(m_store, *r, out); });
    }
    Status ListCostAnomalies(ServerContext *, const pb::ListCostAnomaliesRequest *r,
                             pb::ListCostAnomaliesResponse *out) override
    {
        return core::guarded(kService, [&] { return costAnomalies(m_store, *r, out); });
    }
    Status ListCostRecommendations(ServerContext *, const pb::ListCostRecommendationsRequest *r,
                                   pb::ListCostRecommendationsResponse *out) override
    {
        return core::guarded(kService, [&] { return costRecommendations(m_store, *r, out); });
    }
    Status GetUnitCosts(ServerContext *, const pb::GetUnitCostsRequest *r,
                        pb::UnitCostReport *out) override
    {
        return core::guarded(kService, [&] { return unitCosts(m_store, *r, out); });
    }
    Status ListCostEvents(ServerContext *, const pb::ListCostEventsRequest *r,
                          pb::ListCostEventsResponse *out) override
    {
        return core::guarded(kService, [&] { return costEvents(m_store, m_budgets, *r, out); });
    }
    Status ListBudgets(ServerContext *, const pb::ListBudgetsRequest *,
                       pb::ListBudgetsResponse *out) override
    {
        return core::guarded(kService, [&] { return m_budgets.list(out); });
    }
    Status GetBudget(ServerContext *, const pb::GetBudgetRequest *r, pb::Budget *out) override
    {
        return core::guarded(kService, [&] { return m_budgets.get(r->name(), out); });
    }
    Status CreateBudget(ServerContext *c, const pb::CreateBudgetRequest *r,
                        pb::Budget *out) override
    {
        return core::guarded(kService, [&] {
            Status s = m_budgets.create(caller(c, "CreateBudget"), *r, out);
            if (s.ok())
                m_budgets.checkThresholds();
            return s;
        });
    }
    Status UpdateBudget(ServerContext *c, const pb::UpdateBudgetRequest *r,
                        pb::Budget *out) override
    {
        return core::guarded(kService, [&] {
            Status s = m_budgets.update(caller(c, "UpdateBudget"), *r, out);
            if (s.ok())
                m_budgets.checkThresholds();
            return s;
        });
    }
    Status DeleteBudget(ServerContext *c, const pb::DeleteBudgetRequest *r,
                        pb::DeleteBudgetResponse *) override
    {
        return core::guarded(kService,
                             [&] { return m_budgets.remove(caller(c, "DeleteBudget"), *r); });
    }
    Status GetBudgetReport(ServerContext *, const pb::GetBudgetReportRequest *r,
                           pb::BudgetReport *out) override
    {
        return core::guarded(kService, [&] { return m_budgets.report(*r, out); });
    }

private:
    core::Caller caller(ServerContext *context, const char *method)
    {
        core::Caller c;
        Status refused;
        if (!core::actorOf(context, kPrefix + method, &c, &refused))
            throw core::CallRefused{refused};
        c.permissions = m_context.permissions.permissionsOf(c.roles);
        return c;
    }

    const core::ModuleContext m_context;
    CostStore &m_store;
    CostBudgets &m_budgets;
    std::function<void()> m_afterImport;
    const std::string m_spoolDir;
};

} // namespace

std::unique_ptr<grpc::Service> makeCostService(const core::ModuleContext &context, CostStore &store,
                                               CostBudgets &budgets,
                                               std::function<void()> afterImport,
                                               std::string spoolDir)
{
    return std::make_unique<CostServiceImpl>(context, store, budgets, std::move(afterImport),
                                             std::move(spoolDir));
}

std::string spoolDirectory(const core::ModuleContext &context)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path dir;
    std::string origin;
    if (const auto it = context.options.find(kSpoolDirOption);
        it != context.options.end() && !it->second.empty()) {
        dir = it->second.back();
        origin = std::string(kSpoolDirOption) + " " + dir.string();
    } else if (!context.store.shared()) {
        dir = fs::path(context.store.path()).parent_path();
        if (dir.empty())
            dir = ".";
        origin = "the database's directory " + dir.string();
    } else {
        dir = fs::temp_directory_path(ec);
        if (ec)
            throw std::runtime_error("no directory to spool cost uploads in (the store is a "
                                     "PostgreSQL URI and the temporary directory is unusable: " +
                                     ec.message() + "): give " + kSpoolDirOption);
        origin = "the temporary directory " + dir.string();
    }
    if (!fs::is_directory(dir, ec) || ::access(dir.c_str(), W_OK | X_OK) != 0)
        throw std::runtime_error("cannot spool cost uploads in " + origin +
                                 ": not a writable directory (give " + kSpoolDirOption + ")");
    return dir.string();
}

} // namespace platformd::cost
