#pragma once

// Shared by the CostService tests: a platformd with users of each role, stubs and helpers.
#include "core/caller.h"
#include "platformdprocess.h"

#include "ops/platform/v1/cost.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/incidents.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>

#include <QtTest>

#include <chrono>
#include <map>
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

struct CostClient
{
    PlatformdProcess platformd;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<pb::CostService::Stub> stub;
    std::unique_ptr<pb::IdentityService::Stub> identity;
    std::unique_ptr<pb::IncidentService::Stub> incidents;
    std::string admin;

    bool start(const QStringList &args, const QString &dataDir = {})
    {
        if (!platformd.start(args, dataDir))
            return false;
        admin = platformd.adminToken().toStdString();
        channel = grpc::CreateChannel(platformd.address().toStdString(),
                                      grpc::InsecureChannelCredentials());
        stub = pb::CostService::NewStub(channel);
        identity = pb::IdentityService::NewStub(channel);
        incidents = pb::IncidentService::NewStub(channel);
        return true;
    }
    static std::unique_ptr<grpc::ClientContext> ctx(const std::string &token)
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 60s);
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
    // Streams a file's bytes to ImportCosts in chunks.
    grpc::Status import(const std::string &token, const std::string &fileName,
                        const QByteArray &bytes, pb::ImportReport *report,
                        bool acceptPartial = false, bool validateOnly = false,
                        int chunkSize = 256 * 1024)
    {
        auto c = ctx(token);
        auto writer = stub->ImportCosts(c.get(), report);
        pb::ImportCostsRequest header;
        header.mutable_header()->set_file_name(fileName);
        header.mutable_header()->set_size_bytes(bytes.size());
        header.mutable_header()->set_accept_partial(acceptPartial);
        header.mutable_header()->set_validate_only(validateOnly);
        bool ok = writer->Write(header);
        for (qsizetype at = 0; ok && at < bytes.size(); at += chunkSize) {
            pb::ImportCostsRequest chunk;
            chunk.set_chunk(bytes.mid(at, chunkSize).toStdString());
            ok = writer->Write(chunk);
        }
        writer->WritesDone();
        return writer->Finish();
    }
};

// An exact decimal as a count of 10^-18 units (test-side, independent of the server's code).
__extension__ typedef __int128 TestUnits;
inline TestUnits units(const std::string &text)
{
    bool negative = false;
    std::size_t i = 0;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        negative = text[0] == '-';
        i = 1;
    }
    TestUnits whole = 0, frac = 0;
    int fracDigits = 0;
    for (; i < text.size() && text[i] != '.'; ++i)
        whole = whole * 10 + (text[i] - '0');
    if (i < text.size())
        for (++i; i < text.size() && fracDigits < 18; ++i, ++fracDigits)
            frac = frac * 10 + (text[i] - '0');
    for (; fracDigits < 18; ++fracDigits)
        frac *= 10;
    TestUnits scale = 1;
    for (int k = 0; k < 18; ++k)
        scale *= 10;
    const TestUnits u = whole * scale + frac;
    return negative ? -u : u;
}
inline double money(const std::string &text)
{
    return std::stod(text.empty() ? "0" : text);
}
