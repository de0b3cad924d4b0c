#include "audit/auditmodule.h"

#include "audit/private/auditservice.h"

#include <grpcpp/impl/codegen/service_type.h>

namespace platformd::audit {

namespace {

const std::string kPrefix = "/ops.platform.v1.AuditService/";

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "audit";
    m.services = {"ops.platform.v1.AuditService"};
    m.methods = {
        {kPrefix + "ListAuditEvents", "audit.read"},
        {kPrefix + "WatchAudit", "audit.read"},
        {kPrefix + "VerifyChain", "audit.read"},
    };
    m.grants = {
        {"compliance_officer", {"audit.read"}},
        {"admin", {"audit.read"}},
    };
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<core::ServiceRuntime>(makeAuditService(context));
    };
    return m;
}

} // namespace platformd::audit
