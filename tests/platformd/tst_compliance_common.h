#pragma once

// Shared by the ComplianceService tests: a platformd (checks on demand only), stubs and helpers.
#include "core/caller.h"
#include "platformdprocess.h"

#include "ops/platform/v1/compliance.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"

#include <google/protobuf/util/time_util.h>
#include <grpcpp/grpcpp.h>
#include <sqlite3.h>

#include <QtTest>

#include <chrono>
#include <memory>
#include <set>
#include <string>

namespace pb = ops::platform::v1;
using google::protobuf::util::TimeUtil;
using namespace std::chrono_literals;

#define QVERIFY_OK(expr)                                                                           \
    do {                                                                                           \
        const grpc::Status s_ = (expr);                                                            \
        QVERIFY2(s_.ok(), s_.error_message().c_str());                                             \
    } while (false)

#define QCOMPARE_CODE(expr, code, part)                                                            \
    do {                                                                                           \
        const grpc::Status s_ = (expr);                                                            \
        const std::string what_ =                                                                  \
            platformd::core::codeName(s_.error_code()) + ": " + s_.error_message();                \
        QVERIFY2(s_.error_code() == (code), what_.c_str());                                        \
        QVERIFY2(s_.error_message().find(part) != std::string::npos, what_.c_str());               \
    } while (false)

namespace {

const QString kOscal = QStringLiteral(OPS_SOURCE_DIR "/platformd/compliance/data/oscal");
const QString kChecker =
    QStringLiteral(OPS_SOURCE_DIR "/tests/data/oscal/check_assessment_results.py");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// python3 on the catalog (and a profile): "groups controls enhancements" of the catalog, or the
// number of controls and enhancements a with-ids profile selects from it. Independent of the
// server's OSCAL code.
QString pythonCounts(const QString &catalog, const QString &profile = {})
{
    const char *script = R"(
import json, sys
cat = json.load(open(sys.argv[1]))["catalog"]
depth = {}
def walk(cs, d):
    for c in cs:
        depth[c["id"]] = d
        walk(c.get("controls", []), d + 1)
for g in cat.get("groups", []):
    walk(g.get("controls", []), 0)
walk(cat.get("controls", []), 0)
if len(sys.argv) == 2:
    print(len(cat.get("groups", [])), sum(1 for d in depth.values() if d == 0),
          sum(1 for d in depth.values() if d > 0))
else:
    ids = set()
    for imp in json.load(open(sys.argv[2]))["profile"]["imports"]:
        for inc in imp.get("include-controls", []):
            ids |= {i for i in inc.get("with-ids", []) if i in depth}
    print(sum(1 for i in ids if depth[i] == 0), sum(1 for i in ids if depth[i] > 0))
)";
    QProcess p;
    QStringList args{"-c", script, catalog};
    if (!profile.isEmpty())
        args << profile;
    p.start("python3", args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return "python3 failed: " + QString::fromUtf8(p.readAllStandardError());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

struct Server
{
    PlatformdProcess platformd;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<pb::ComplianceService::Stub> stub;
    std::unique_ptr<pb::IdentityService::Stub> identity;
    std::string admin;

    // The schedule is off (--compliance-check-ms 0): checks run only when a test asks, so the
    // findings each run opens and closes are the test's own.
    bool start(QStringList args = {}, bool tls = false)
    {
        args << "--compliance-check-ms"
             << "0";
        if (!(tls ? platformd.startTls(args) : platformd.start(args)))
            return false;
        admin = platformd.adminToken().toStdString();
        if (tls) {
            grpc::SslCredentialsOptions options;
            options.pem_root_certs = readAll(platformd.tlsDir() + "/ca.pem").toStdString();
            grpc::ChannelArguments channelArgs;
            channelArgs.SetSslTargetNameOverride("localhost");
            channel = grpc::CreateCustomChannel(platformd.address().toStdString(),
                                                grpc::SslCredentials(options), channelArgs);
        } else {
            channel = grpc::CreateChannel(platformd.address().toStdString(),
                                          grpc::InsecureChannelCredentials());
        }
        stub = pb::ComplianceService::NewStub(channel);
        identity = pb::IdentityService::NewStub(channel);
        return true;
    }
    static std::unique_ptr<grpc::ClientContext> ctx(const std::string &token)
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 60s);
        c->AddMetadata("authorization", "Bearer " + token);
        return c;
    }
    // A user with roles and a token; empty on failure.
    std::string user(const std::string &id, const std::vector<std::string> &roles)
    {
        pb::CreateUserRequest cu;
        cu.set_user_id(id);
        for (const auto &r : roles)
            cu.add_roles(r);
        pb::User u;
        if (!identity->CreateUser(ctx(admin).get(), cu, &u).ok())
            return {};
        pb::CreateTokenRequest ct;
        ct.set_user("users/" + id);
        pb::CreateTokenResponse t;
        return identity->CreateToken(ctx(admin).get(), ct, &t).ok() ? t.secret() : std::string();
    }
    pb::CheckRun run(const std::string &check, pb::RunChecksResponse *response = nullptr)
    {
        pb::RunChecksRequest r;
        r.add_checks(check);
        pb::RunChecksResponse out;
        const grpc::Status s = stub->RunChecks(ctx(admin).get(), r, &out);
        if (!s.ok() || out.runs_size() != 1)
            qWarning() << "RunChecks" << check.c_str() << s.error_message().c_str();
        if (response)
            *response = out;
        return out.runs_size() ? out.runs(0) : pb::CheckRun();
    }
    std::vector<pb::Finding> findings(const std::string &filter)
    {
        pb::ListFindingsRequest r;
        r.set_filter(filter);
        pb::ListFindingsResponse out;
        const grpc::Status s = stub->ListFindings(ctx(admin).get(), r, &out);
        if (!s.ok())
            qWarning() << "ListFindings" << s.error_message().c_str();
        return {out.findings().begin(), out.findings().end()};
    }
    grpc::Status import(const QString &path, pb::OscalCatalog *out)
    {
        pb::ImportOscalRequest r;
        r.set_document(readAll(path).toStdString());
        r.set_file_name(QFileInfo(path).fileName().toStdString());
        return stub->ImportOscal(ctx(admin).get(), r, out);
    }
    int catalogCount()
    {
        pb::ListCatalogsResponse out;
        return stub->ListCatalogs(ctx(admin).get(), {}, &out).ok() ? out.catalogs_size() : -1;
    }
};

} // namespace
