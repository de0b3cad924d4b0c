#pragma once

// Shared by the IncidentService tests: a platformd with users of each role, stubs and helpers.
#include "platformclient.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/incidents.grpc.pb.h"

#include <vector>

struct IncidentClient : PlatformClient
{
    std::unique_ptr<pb::IncidentService::Stub> stub;
    std::unique_ptr<pb::AuditService::Stub> audit;

    grpc::Status create(const std::string &token, const std::string &title,
                        pb::IncidentSeverity severity, pb::Incident *out)
    {
        pb::CreateIncidentRequest r;
        r.mutable_incident()->set_title(title);
        r.mutable_incident()->set_severity(severity);
        return stub->CreateIncident(ctx(token).get(), r, out);
    }
    grpc::Status get(const std::string &name, pb::Incident *out)
    {
        pb::GetIncidentRequest r;
        r.set_name(name);
        return stub->GetIncident(ctx(admin).get(), r, out);
    }
    // Every incident, in pages of 1000.
    std::vector<pb::Incident> all(const std::string &filter = {}, const std::string &order = {})
    {
        std::vector<pb::Incident> out;
        pb::ListIncidentsRequest r;
        r.set_page_size(1000);
        r.set_filter(filter);
        r.set_order_by(order);
        for (;;) {
            pb::ListIncidentsResponse page;
            if (!stub->ListIncidents(ctx(admin).get(), r, &page).ok())
                return {};
            out.insert(out.end(), page.incidents().begin(), page.incidents().end());
            if (page.next_page_token().empty())
                return out;
            r.set_page_token(page.next_page_token());
        }
    }
    // Audit rows whose action is the IncidentService method (newest last).
    std::vector<pb::AuditEvent> auditOf(const std::string &method)
    {
        pb::ListAuditEventsRequest r;
        r.set_page_size(1000);
        r.set_filter("action = \"/ops.platform.v1.IncidentService/" + method + "\"");
        pb::ListAuditEventsResponse out;
        if (!audit->ListAuditEvents(ctx(admin).get(), r, &out).ok())
            return {};
        return {out.events().begin(), out.events().end()};
    }

protected:
    void makeStubs() override
    {
        stub = pb::IncidentService::NewStub(channel);
        audit = pb::AuditService::NewStub(channel);
    }
};

inline std::int64_t msOf(const google::protobuf::Timestamp &t)
{
    return TimeUtil::TimestampToMilliseconds(t);
}
