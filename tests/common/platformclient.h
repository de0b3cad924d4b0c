#pragma once

// What the gRPC-level platformd tests share: the status macros and a client of one real platformd
// (started by the test) with the admin token, an identity stub and users of any role. A test's own
// client derives from it and adds the stubs of the service it tests (tst_incidents_common.h,
// tst_cost_common.h).
#include "core/caller.h"
#include "platformdprocess.h"

#include "ops/platform/v1/identity.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>

#include <QFile>
#include <QtTest>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

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

class PlatformClient
{
public:
    PlatformClient() = default;
    virtual ~PlatformClient() = default;
    PlatformClient(const PlatformClient &) = delete;
    PlatformClient &operator=(const PlatformClient &) = delete;

    PlatformdProcess platformd;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<pb::IdentityService::Stub> identity;
    std::string admin;

    // Starts platformd (PlatformdProcess::start) and connects; makeStubs() adds the test's stubs.
    bool start(const QStringList &args, const QString &dataDir = {})
    {
        if (!platformd.start(args, dataDir))
            return false;
        admin = platformd.adminToken().toStdString();
        reconnect();
        return true;
    }
    // The same over TLS (PlatformdProcess::startTls), trusting the CA the test made.
    bool startTls(const QStringList &args)
    {
        if (!platformd.startTls(args))
            return false;
        admin = platformd.adminToken().toStdString();
        m_tls = true;
        reconnect();
        return true;
    }
    // A new channel to platformd's current address (after a restart) and new stubs on it.
    void reconnect()
    {
        if (m_tls) {
            QFile ca(platformd.tlsDir() + QStringLiteral("/ca.pem"));
            grpc::SslCredentialsOptions options;
            if (ca.open(QIODevice::ReadOnly))
                options.pem_root_certs = ca.readAll().toStdString();
            grpc::ChannelArguments channelArgs;
            channelArgs.SetSslTargetNameOverride("localhost");
            channel = grpc::CreateCustomChannel(platformd.address().toStdString(),
                                                grpc::SslCredentials(options), channelArgs);
        } else {
            channel = grpc::CreateChannel(platformd.address().toStdString(),
                                          grpc::InsecureChannelCredentials());
        }
        identity = pb::IdentityService::NewStub(channel);
        makeStubs();
    }
    // A call's context with the token and a deadline (a bound, never a timing).
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
        return user(id, std::vector<std::string>{role});
    }
    // A user with these roles and a token; empty on failure.
    std::string user(const std::string &id, const std::vector<std::string> &roles)
    {
        pb::CreateUserRequest cu;
        cu.set_user_id(id);
        for (const std::string &role : roles)
            cu.add_roles(role);
        pb::User u;
        if (!identity->CreateUser(ctx(admin).get(), cu, &u).ok())
            return {};
        pb::CreateTokenRequest ct;
        ct.set_user("users/" + id);
        pb::CreateTokenResponse t;
        return identity->CreateToken(ctx(admin).get(), ct, &t).ok() ? t.secret() : std::string();
    }

protected:
    virtual void makeStubs() {}

private:
    bool m_tls = false;
};
