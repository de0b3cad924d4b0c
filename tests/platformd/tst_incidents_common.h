#pragma once

// Shared by the IncidentService tests: a platformd with users of each role, stubs and helpers.
#include "core/caller.h"
#include "platformdprocess.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/incidents.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>

#include <QtTest>

#include <chrono>
#include <memory>
#include <string>

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using namespace std::chrono_literals;

#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const grpc::Status s_ = (expr);                                                            \
        QVERIFY2(s_.ok(), s_.error_message().c_str());                                             \
    } while (false)

// The call fails with code, and its message contains `part`.
#define QCOMPARE_CODE(expr, code, part)                                                            \
    do {                                                                                           \
        const grpc::Status s_ = (expr);                                                            \
        const std::string what_ =                                                                  \
            platformd::core::codeName(s_.error_code()) + ": " + s_.error_message();                \
        QVERIFY2(s_.error_code() == (code), what_.c_str());                                        \
        QVERIFY2(s_.error_message().find(part) != std::string::npos, what_.c_str());               \
    } while (false)

struct IncidentClient
{
    PlatformdProcess platformd;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<pb::IncidentService::Stub> stub;
    std::unique_ptr<pb::IdentityService::Stub> identity;
    std::unique_ptr<pb::AuditService::Stub> audit;
    std::string admin;

    bool start(const QStringList &args)
    {
        if (!platformd.start(args))
            return false;
        admin = platformd.adminToken().toStdString();
        channel = grpc::CreateChannel(platformd.address().toStdString(),
                                      grpc::InsecureChannelCredentials());
        stub = pb::IncidentService::NewStub(channel);
        identity = pb::IdentityService::NewStub(channel);
        audit = pb::AuditService::NewStub(channel);
        return true;
    }
    static std::unique_ptr<grpc::ClientContext> ctx(const std::string &token)
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 20s);
        c->AddMetadata("authorization", "Bearer " + token);
        return c;
    }
    // A user with one role and a token; empty on failure.
    std::string user(const std::string &id, const std::string &role)
    {
        pb::CreateUserRequest cu;
        cu.set_user_id(id);
        cu.add_roles(role);
        pb::User u;
        if (!identity->CreateUser(ctx(admin).get(), cu, &u).ok())
            return {};
        pb::CreateTokenRequest ct;
        ct.set_user("users/" + id);
        pb::CreateTokenResponse t;
        return identity->CreateToken(ctx(admin).get(), ct, &t).ok() ? t.secret() : std::string();
    }
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
};

inline std::int64_t msOf(const google::protobuf::Timestamp &t)
{
    return TimeUtil::TimestampToMilliseconds(t);
}
