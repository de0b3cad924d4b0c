#include "compliance/private/complianceservice.h"

#include "compliance/private/compliancechecks.h"
#include "compliance/private/complianceoscal.h"
#include "compliance/private/compliancestore.h"
#include "core/auth.h"
#include "core/caller.h"
#include "core/guarded.h"
#include "core/permissions.h"

#include "ops/platform/v1/compliance.grpc.pb.h"

namespace platformd::compliance {

namespace {

using grpc::ServerContext;

const std::string kPrefix = "/ops.platform.v1.ComplianceService/";
const char kService[] = "ComplianceService";

class ComplianceServiceImpl final : public pb::ComplianceService::Service
{
public:
    ComplianceServiceImpl(const core::ModuleContext &context, ComplianceStore &store,
                          ComplianceChecks &checks)
        : m_context(context)
        , m_store(store)
        , m_checks(checks)
    {}

    Status ListFrameworks(ServerContext *, const pb::ListFrameworksRequest *,
                          pb::ListFrameworksResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listFrameworks(out); });
    }
    Status ListControls(ServerContext *, const pb::ListControlsRequest *r,
                        pb::ListControlsResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listControls(*r, out); });
    }
    Status GetControl(ServerContext *, const pb::GetControlRequest *r,
                      pb::ControlDetail *out) override
    {
        return core::guarded(kService, [&] { return m_store.getControl(r->name(), out); });
    }
    Status UpdateControl(ServerContext *c, const pb::UpdateControlRequest *r,
                         pb::Control *out) override
    {
        return core::guarded(
            kService, [&] { return m_store.updateControl(caller(c, "UpdateControl"), *r, out); });
    }
    Status ListChecks(ServerContext *, const pb::ListChecksRequest *,
                      pb::ListChecksResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listChecks(out); });
    }
    Status RunChecks(ServerContext *c, const pb::RunChecksRequest *r,
                     pb::RunChecksResponse *out) override
    {
        return core::guarded(kService, [&] {
            const core::Caller who = caller(c, "RunChecks");
            return m_checks.run({r->checks().begin(), r->checks().end()}, who.actor, out);
        });
    }
    Status ListCheckRuns(ServerContext *, const pb::ListCheckRunsRequest *r,
                         pb::ListCheckRunsResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listCheckRuns(*r, out); });
    }
    Status ListFindings(ServerContext *, const pb::ListFindingsRequest *r,
                        pb::ListFindingsResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listFindings(*r, out); });
    }
    Status AddEvidence(ServerContext *c, const pb::AddEvidenceRequest *r,
                       pb::Evidence *out) override
    {
        return core::guarded(
            kService, [&] { return m_store.addEvidence(caller(c, "AddEvidence"), *r, out); });
    }
    Status ListEvidence(ServerContext *, const pb::ListEvidenceRequest *r,
                        pb::ListEvidenceResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listEvidence(*r, out); });
    }
    Status ListPrivacyRequests(ServerContext *, const pb::ListPrivacyRequestsRequest *r,
                               pb::ListPrivacyRequestsResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listPrivacyRequests(*r, out); });
    }
    Status CreatePrivacyRequest(ServerContext *c, const pb::CreatePrivacyRequestRequest *r,
                                pb::PrivacyRequest *out) override
    {
        return core::guarded(kService, [&] {
            return m_store.createPrivacyRequest(caller(c, "CreatePrivacyRequest"), *r, out);
        });
    }
    Status CompletePrivacyRequest(ServerContext *c, const pb::CompletePrivacyRequestRequest *r,
                                  pb::PrivacyRequest *out) override
    {
        return core::guarded(kService, [&] {
            return m_store.completePrivacyRequest(caller(c, "CompletePrivacyRequest"), *r, out);
        });
    }
    Status ListRetentionPolicies(ServerContext *, const pb::ListRetentionPoliciesRequest *,
                                 pb::ListRetentionPoliciesResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listRetentionPolicies(out); });
    }
    Status UpdateRetentionPolicy(ServerContext *c, const pb::UpdateRetentionPolicyRequest *r,
                                 pb::RetentionPolicy *out) override
    {
        return core::guarded(kService, [&] {
            return m_store.updateRetentionPolicy(caller(c, "UpdateRetentionPolicy"), *r, out);
        });
    }
    Status ApplyRetention(ServerContext *c, const pb::ApplyRetentionRequest *r,
                          pb::ApplyRetentionResponse *out) override
    {
        return core::guarded(
            kService, [&] { return m_store.applyRetention(caller(c, "ApplyRetention"), *r, out); });
    }
    Status ListFailoverDrills(ServerContext *, const pb::ListFailoverDrillsRequest *r,
                              pb::ListFailoverDrillsResponse *out) override
    {
        return core::guarded(kService, [&] { return m_store.listFailoverDrills(*r, out); });
    }
    Status RecordFailoverDrill(ServerContext *c, const pb::RecordFailoverDrillRequest *r,
                               pb::FailoverDrill *out) override
    {
        return core::guarded(kService, [&] {
            return m_store.recordFailoverDrill(caller(c, "RecordFailoverDrill"), *r, out);
        });
    }
    Status ImportOscal(ServerContext *c, const pb::ImportOscalRequest *r,
                       pb::OscalCatalog *out) override
    {
        return core::guarded(kService, [&] {
            return importOscal(m_store, caller(c, "ImportOscal"), r->document(), r->file_name(),
                               out);
        });
    }
    Status ListCatalogs(ServerContext *, const pb::ListCatalogsRequest *,
                        pb::ListCatalogsResponse *out) override
    {
        return core::guarded(kService, [&] { return listCatalogs(m_store, out); });
    }
    Status ExportAssessmentResults(ServerContext *, const pb::ExportAssessmentResultsRequest *r,
                                   pb::ExportAssessmentResultsResponse *out) override
    {
        return core::guarded(kService, [&] { return exportAssessmentResults(m_store, *r, out); });
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
    ComplianceStore &m_store;
    ComplianceChecks &m_checks;
};

} // namespace

std::unique_ptr<grpc::Service> makeComplianceService(const core::ModuleContext &context,
                                                     ComplianceStore &store,
                                                     ComplianceChecks &checks)
{
    return std::make_unique<ComplianceServiceImpl>(context, store, checks);
}

} // namespace platformd::compliance
