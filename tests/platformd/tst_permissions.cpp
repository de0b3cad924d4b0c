// The role x RPC matrix, generated from the permission table and from every method of every
// ops.platform.v1 service (the generated descriptor pool, cross-checked against what the running
// server lists through reflection); token failures (each audited); the escalation rule; public
// health and reflection. See docs/SECURITY.md.
#include "core/caller.h"
#include "core/permissions.h"
#include "modules.h"
#include "platformdprocess.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/cost.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/incidents.pb.h"
#include "ops/platform/v1/models.pb.h"
#include "ops/platform/v1/regions.grpc.pb.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/unknown_field_set.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/client_unary_call.h>
#include <grpcpp/impl/codegen/sync_stream.h>

#include <QtTest>

#include <set>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;
namespace perm = platformd::core;

namespace {

const std::string kPackage = "ops.platform.v1";

using platformd::core::codeName;

grpc::ByteBuffer bufferOf(const std::string &bytes)
{
    grpc::Slice slice(bytes);
    return grpc::ByteBuffer(&slice, 1);
}

std::string bytesOf(const grpc::ByteBuffer &buffer)
{
    std::vector<grpc::Slice> slices;
    std::string out;
    if (buffer.Dump(&slices).ok())
        for (const grpc::Slice &s : slices)
            out.append(reinterpret_cast<const char *>(s.begin()), s.size());
    return out;
}

} // namespace

class TestPermissions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyMethodHasARule();
    void matrix();
    void badTokens_data();
    void badTokens();
    void expiredToken();
    void revokedToken();
    void escalation();
    void publicMethods();
    void cliUsers();

private:
    struct Outcome
    {
        grpc::StatusCode code = grpc::StatusCode::OK;
        std::string message;
    };

    // Calls method with an empty (minimal) request: unary calls wait for the status; server
    // streams read the first message (then cancel) or the status, under a short deadline.
    Outcome call(const std::string &method, const std::string &authorization,
                 const std::string &request = {})
    {
        const google::protobuf::MethodDescriptor *descriptor = methodDescriptor(method);
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + 3s);
        if (!authorization.empty())
            context.AddMetadata("authorization", authorization);
        grpc::ByteBuffer in = bufferOf(request), out;
        if (descriptor && descriptor->server_streaming() && !descriptor->client_streaming()) {
            grpc::internal::RpcMethod rpc(method.c_str(),
                                          grpc::internal::RpcMethod::SERVER_STREAMING);
            std::unique_ptr<grpc::ClientReader<grpc::ByteBuffer>> reader(
                grpc::internal::ClientReaderFactory<grpc::ByteBuffer>::Create(m_channel.get(), rpc,
                                                                              &context, in));
            if (reader->Read(&out)) {
                context.TryCancel();
                reader->Finish();
                return {grpc::StatusCode::OK, "first message received"};
            }
            const grpc::Status status = reader->Finish();
            return {status.error_code(), status.error_message()};
        }
        grpc::internal::RpcMethod rpc(method.c_str(), grpc::internal::RpcMethod::NORMAL_RPC);
        const grpc::Status status =
            grpc::internal::BlockingUnaryCall<grpc::ByteBuffer, grpc::ByteBuffer>(
                m_channel.get(), rpc, &context, in, &out);
        return {status.error_code(), status.error_message()};
    }

    // "/ops.platform.v1.RegionService/ListRegions" -> its descriptor in the generated pool.
    static const google::protobuf::MethodDescriptor *methodDescriptor(const std::string &method)
    {
        const size_t slash = method.rfind('/');
        if (method.empty() || method[0] != '/' || slash == 0 || slash == std::string::npos)
            return nullptr;
        const auto *service = google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
            method.substr(1, slash - 1));
        return service ? service->FindMethodByName(method.substr(slash + 1)) : nullptr;
    }

    // Service names listed by the server's reflection (grpc.reflection.v1alpha, no token).
    std::set<std::string> reflectedServices(grpc::StatusCode *code)
    {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + 5s);
        grpc::internal::RpcMethod rpc(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            grpc::internal::RpcMethod::BIDI_STREAMING);
        std::unique_ptr<grpc::ClientReaderWriter<grpc::ByteBuffer, grpc::ByteBuffer>> stream(
            grpc::internal::ClientReaderWriterFactory<grpc::ByteBuffer, grpc::ByteBuffer>::Create(
                m_channel.get(), rpc, &context));
        std::set<std::string> names;
        // ServerReflectionRequest { list_services (7): "*" }
        stream->Write(bufferOf(std::string("\x3a\x01*", 3)));
        stream->WritesDone();
        grpc::ByteBuffer response;
        if (stream->Read(&response)) {
            // ServerReflectionResponse { list_services_response (6) { service (1) { name (1) } } }
            google::protobuf::UnknownFieldSet top;
            top.ParseFromString(bytesOf(response));
            for (int i = 0; i < top.field_count(); ++i) {
                if (top.field(i).number() != 6 ||
                    top.field(i).type() != google::protobuf::UnknownField::TYPE_LENGTH_DELIMITED)
                    continue;
                google::protobuf::UnknownFieldSet list;
                list.ParseFromString(top.field(i).length_delimited());
                for (int j = 0; j < list.field_count(); ++j) {
                    google::protobuf::UnknownFieldSet service;
                    service.ParseFromString(list.field(j).length_delimited());
                    for (int k = 0; k < service.field_count(); ++k)
                        if (service.field(k).number() == 1)
                            names.insert(service.field(k).length_delimited());
                }
            }
        }
        *code = stream->Finish().error_code();
        return names;
    }

    std::string bearer() const { return "Bearer " + m_platformd.adminToken().toStdString(); }
    std::unique_ptr<grpc::ClientContext> admin(const std::string &authorization = {}) const
    {
        auto context = std::make_unique<grpc::ClientContext>();
        context->set_deadline(std::chrono::system_clock::now() + 10s);
        context->AddMetadata("authorization", authorization.empty() ? bearer() : authorization);
        return context;
    }
    // Creates a user (via the admin) and a token for it; returns the token.
    std::string userWithToken(const std::string &userId, const std::vector<std::string> &roles,
                              std::int64_t ttlSeconds = 0, std::string *tokenName = nullptr)
    {
        pb::CreateUserRequest cu;
        cu.set_user_id(userId);
        for (const std::string &r : roles)
            cu.add_roles(r);
        pb::User user;
        const grpc::Status created = m_identity->CreateUser(admin().get(), cu, &user);
        if (!created.ok()) {
            qWarning("CreateUser %s: %s", userId.c_str(), created.error_message().c_str());
            return {};
        }
        pb::CreateTokenRequest ct;
        ct.set_user("users/" + userId);
        ct.set_ttl_seconds(ttlSeconds);
        pb::CreateTokenResponse token;
        const grpc::Status made = m_identity->CreateToken(admin().get(), ct, &token);
        if (!made.ok()) {
            qWarning("CreateToken %s: %s", userId.c_str(), made.error_message().c_str());
            return {};
        }
        if (tokenName)
            *tokenName = token.token().name();
        return token.secret();
    }
    // The newest audit row.
    pb::AuditEvent lastAudit()
    {
        pb::ListAuditEventsRequest request;
        request.set_order_by("seq desc");
        request.set_page_size(1);
        pb::ListAuditEventsResponse response;
        const grpc::Status s = m_audit->ListAuditEvents(admin().get(), request, &response);
        if (!s.ok() || response.events_size() == 0) {
            qWarning("ListAuditEvents: %s", s.error_message().c_str());
            return {};
        }
        return response.events(0);
    }

    // Every method of every service of ops.platform.v1 the generated pool knows of.
    std::vector<std::string> m_methods;
    PlatformdProcess m_platformd;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<pb::IdentityService::Stub> m_identity;
    std::unique_ptr<pb::AuditService::Stub> m_audit;
};

void TestPermissions::initTestCase()
{
    QVERIFY2(m_platformd.start({"--demo", "--seed", "7"}), qPrintable(m_platformd.errorString()));
    QVERIFY(!m_platformd.adminToken().isEmpty());
    m_channel = grpc::CreateChannel(m_platformd.address().toStdString(),
                                    grpc::InsecureChannelCredentials());
    m_identity = pb::IdentityService::NewStub(m_channel);
    m_audit = pb::AuditService::NewStub(m_channel);

    // The services: those of the generated files linked here, plus whatever the server lists
    // through reflection in the package (each must then be in the generated pool too).
    std::set<std::string> services;
    for (const auto *file :
         {pb::Region::descriptor()->file(), pb::WhoAmIRequest::descriptor()->file(),
          pb::AuditEvent::descriptor()->file(), pb::Model::descriptor()->file(),
          pb::Incident::descriptor()->file(), pb::Budget::descriptor()->file()}) {
        QCOMPARE(file->package(), kPackage);
        for (int s = 0; s < file->service_count(); ++s)
            services.insert(file->service(s)->full_name());
    }
    grpc::StatusCode code;
    const std::set<std::string> reflected = reflectedServices(&code);
    QCOMPARE(codeName(code), codeName(grpc::StatusCode::OK));
    for (const std::string &name : reflected)
        if (name.starts_with(kPackage + "."))
            services.insert(name);
    QVERIFY(services.size() >= 3);
    const auto *pool = google::protobuf::DescriptorPool::generated_pool();
    for (const std::string &name : services) {
        QVERIFY2(reflected.count(name), ("the server does not serve " + name).c_str());
        const auto *service = pool->FindServiceByName(name);
        QVERIFY2(service, ("not in the generated descriptor pool: " + name).c_str());
        for (int i = 0; i < service->method_count(); ++i)
            m_methods.push_back("/" + service->full_name() + "/" + service->method(i)->name());
    }
    qInfo("%zu services, %zu methods in %s", services.size(), m_methods.size(), kPackage.c_str());
}

void TestPermissions::everyMethodHasARule()
{
    QStringList missing;
    for (const std::string &m : m_methods)
        if (!platformd::permissionTable().permissionFor(m))
            missing << QString::fromStdString(m);
    QVERIFY2(missing.isEmpty(), qPrintable("no permission rule for " + missing.join(", ")));
    // And no rule for a method that does not exist (a renamed RPC would leave a stale rule).
    QStringList stale;
    for (const auto &[method, permission] : platformd::permissionTable().methods())
        if (std::find(m_methods.begin(), m_methods.end(), method) == m_methods.end())
            stale << QString::fromStdString(method);
    QVERIFY2(stale.isEmpty(), qPrintable("rules for unknown methods: " + stale.join(", ")));
    QCOMPARE(m_methods.size(), platformd::permissionTable().methods().size());
    // The roles of the docs, each granting identity.self at least.
    QCOMPARE(perm::allRoles(), (std::vector<std::string>{"viewer", "operator", "compliance_officer",
                                                         "manager", "admin"}));
    for (const std::string &role : perm::allRoles())
        QVERIFY2(platformd::permissionTable().permissionsOf({role}).count("identity.self"),
                 role.c_str());
}

void TestPermissions::matrix()
{
    // The docs' table, as sets of permissions per role (independent of the code's table).
    const std::map<std::string, std::set<std::string>> docs = {
        {"viewer",
         {"identity.self", "regions.read", "models.read", "incidents.read", "costs.read",
          "compliance.read"}},
        {"operator",
         {"identity.self", "regions.read", "models.read", "incidents.read", "incidents.write",
          "silences.write", "deployments.write", "models.write", "promotions.request", "costs.read",
          "compliance.read", "checks.run", "drills.write"}},
        {"compliance_officer",
         {"identity.self", "regions.read", "audit.read", "users.read", "models.read",
          "incidents.read", "costs.read", "compliance.read", "compliance.write", "evidence.write",
          "privacy.write", "checks.run"}},
        {"manager",
         {"identity.self", "regions.read", "models.read", "incidents.read", "incidents.write",
          "silences.write", "incidents.close", "runbooks.write", "deployments.write",
          "models.write", "promotions.request", "promotions.approve", "budgets.write", "costs.read",
          "costs.import", "compliance.read", "checks.run", "drills.write"}},
        {"admin", {"identity.self",     "regions.read",    "regions.write",    "audit.read",
                   "users.read",        "users.write",     "tokens.write",     "models.read",
                   "aliases.protected", "incidents.read",  "incidents.write",  "incidents.close",
                   "silences.write",    "runbooks.write",  "costs.read",       "budgets.write",
                   "costs.import",      "compliance.read", "compliance.write", "evidence.write",
                   "privacy.write",     "checks.run",      "drills.write"}},
    };
    int cells = 0, denied = 0;
    std::set<std::string> deniedCells; // "users/<id> <role> <method>"
    QStringList failures;
    for (const std::string &role : perm::allRoles()) {
        const std::set<std::string> granted = platformd::permissionTable().permissionsOf({role});
        QCOMPARE(granted, docs.at(role));
        std::string userId = "m-" + role;
        std::replace(userId.begin(), userId.end(), '_', '-');
        const std::string token = userWithToken(userId, {role});
        QVERIFY2(!token.empty(), role.c_str());
        // WhoAmI reports the roles as stored.
        pb::WhoAmIResponse who;
        const grpc::Status s = m_identity->WhoAmI(admin("Bearer " + token).get(), {}, &who);
        QVERIFY2(s.ok(), s.error_message().c_str());
        QCOMPARE(std::vector<std::string>(who.roles().begin(), who.roles().end()),
                 std::vector<std::string>{role});
        for (const std::string &m : m_methods) {
            const std::string *permission = platformd::permissionTable().permissionFor(m);
            QVERIFY(permission);
            const bool allowed = granted.count(*permission) > 0;
            const Outcome o = call(m, "Bearer " + token);
            ++cells;
            const bool refused = o.code == grpc::StatusCode::PERMISSION_DENIED;
            denied += refused;
            if (refused)
                deniedCells.insert("users/" + userId + " " + role + " " + m);
            if (o.code == grpc::StatusCode::UNAUTHENTICATED || refused == allowed ||
                o.code == grpc::StatusCode::UNIMPLEMENTED)
                failures << QString::fromStdString(role + " " + m + " (" + *permission + ", " +
                                                   (allowed ? "allowed" : "denied") + ") -> " +
                                                   codeName(o.code) + ": " + o.message);
        }
    }
    QVERIFY2(failures.isEmpty(), qPrintable("\n" + failures.join("\n")));
    qInfo("role x RPC matrix: %zu roles x %zu RPCs = %d cells, %d PERMISSION_DENIED",
          perm::allRoles().size(), m_methods.size(), cells, denied);
    QCOMPARE(size_t(cells), perm::allRoles().size() * m_methods.size());
    // Every denial is audited with the caller, its role and the method.
    std::set<std::string> audited;
    pb::ListAuditEventsRequest request;
    request.set_page_size(1000);
    request.set_filter("result = \"PERMISSION_DENIED\"");
    for (;;) {
        pb::ListAuditEventsResponse response;
        const grpc::Status s = m_audit->ListAuditEvents(admin().get(), request, &response);
        QVERIFY2(s.ok(), s.error_message().c_str());
        for (const pb::AuditEvent &e : response.events())
            audited.insert(e.actor() + " " + e.role() + " " + e.action());
        if (response.next_page_token().empty())
            break;
        request.set_page_token(response.next_page_token());
    }
    for (const std::string &cell : deniedCells)
        QVERIFY2(audited.count(cell), ("denial not audited: " + cell).c_str());
}

void TestPermissions::badTokens_data()
{
    QTest::addColumn<QString>("authorization");
    QTest::addColumn<QString>("reason");
    const QString admin = QString::fromStdString(bearer());
    QString forged = admin;
    forged[forged.size() - 1] = forged.endsWith('A') ? 'B' : 'A';
    QString unknown = admin;
    unknown.replace(11, 12, "0123456789ab"); // "Bearer opt_" is 11 characters
    QTest::newRow("missing") << QString() << "missing token";
    QTest::newRow("malformed") << "Bearer nonsense"
                               << "malformed token";
    QTest::newRow("no scheme") << admin.mid(7) << "malformed token";
    QTest::newRow("basic scheme") << "Basic " + admin.mid(7) << "malformed token";
    QTest::newRow("forged secret") << forged << "invalid secret";
    QTest::newRow("unknown id") << unknown << "unknown token";
}

void TestPermissions::badTokens()
{
    QFETCH(QString, authorization);
    QFETCH(QString, reason);
    const std::string method = "/ops.platform.v1.RegionService/ListRegions";
    const std::int64_t before = lastAudit().seq();
    const Outcome o = call(method, authorization.toStdString());
    QCOMPARE(codeName(o.code), codeName(grpc::StatusCode::UNAUTHENTICATED));
    QVERIFY2(o.message.find(reason.toStdString()) != std::string::npos, o.message.c_str());
    // The refusal is audited: anonymous, UNAUTHENTICATED, the method; the token is never echoed.
    // Identical anonymous refusals within a second are counted into one row written when the
    // second ends (RefusalLog), so the row may come a moment later.
    QTRY_VERIFY_WITH_TIMEOUT(lastAudit().seq() > before, 10000);
    const pb::AuditEvent e = lastAudit();
    QCOMPARE(e.seq(), before + 1);
    QCOMPARE(e.actor(), std::string("anonymous"));
    QCOMPARE(e.result(), std::string("UNAUTHENTICATED"));
    QCOMPARE(e.action(), method);
    const std::string secret =
        authorization.size() > 20 ? authorization.right(43).toStdString() : "";
    if (!secret.empty()) {
        QVERIFY(e.result_message().find(secret) == std::string::npos);
        QVERIFY(o.message.find(secret) == std::string::npos);
    }
    // The admin token still works.
    QCOMPARE(codeName(call(method, bearer()).code), codeName(grpc::StatusCode::OK));
}

void TestPermissions::expiredToken()
{
    const std::string method = "/ops.platform.v1.IdentityService/WhoAmI";
    const std::string token = "Bearer " + userWithToken("short-lived", {"viewer"}, 1);
    QVERIFY(token.size() > 7);
    // Usable at first (unless the machine stalled past the second, which the poll below absorbs).
    Outcome o;
    QTRY_VERIFY_WITH_TIMEOUT((o = call(method, token)).code == grpc::StatusCode::UNAUTHENTICATED,
                             10000);
    QVERIFY2(o.message.find("has expired") != std::string::npos, o.message.c_str());
    const pb::AuditEvent e = lastAudit();
    QCOMPARE(e.actor(), std::string("anonymous"));
    QCOMPARE(e.result(), std::string("UNAUTHENTICATED"));
    QVERIFY2(e.result_message().find("has expired") != std::string::npos,
             e.result_message().c_str());
}

void TestPermissions::revokedToken()
{
    const std::string method = "/ops.platform.v1.IdentityService/WhoAmI";
    std::string name;
    const std::string token = "Bearer " + userWithToken("revoked-user", {"operator"}, 0, &name);
    QCOMPARE(codeName(call(method, token).code), codeName(grpc::StatusCode::OK));
    pb::RevokeTokenRequest request;
    request.set_name(name);
    pb::Token revoked;
    const grpc::Status s = m_identity->RevokeToken(admin().get(), request, &revoked);
    QVERIFY2(s.ok(), s.error_message().c_str());
    QVERIFY(revoked.has_revoke_time());
    const Outcome o = call(method, token);
    QCOMPARE(codeName(o.code), codeName(grpc::StatusCode::UNAUTHENTICATED));
    QVERIFY2(o.message.find("revoked") != std::string::npos, o.message.c_str());
    const pb::AuditEvent e = lastAudit();
    QCOMPARE(e.actor(), std::string("anonymous"));
    QCOMPARE(e.result(), std::string("UNAUTHENTICATED"));
    QCOMPARE(e.action(), method);
    QVERIFY(e.result_message().find(name) != std::string::npos);
}

// An admin cannot grant a role it does not hold: CreateUser and UpdateUserRoles answer
// PERMISSION_DENIED (identity::checkGrant), audited with the admin as actor. Roles it holds it may
// grant.
void TestPermissions::escalation()
{
    const std::string plain = "Bearer " + userWithToken("plain-admin", {"admin"});
    QVERIFY(plain.size() > 7);
    pb::User user;
    for (const char *role : {"manager", "operator", "viewer", "compliance_officer"}) {
        pb::CreateUserRequest cu;
        cu.set_user_id("escalated");
        cu.add_roles(role);
        const grpc::Status s = m_identity->CreateUser(admin(plain).get(), cu, &user);
        QCOMPARE(codeName(s.error_code()), codeName(grpc::StatusCode::PERMISSION_DENIED));
        QVERIFY2(s.error_message().find(role) != std::string::npos, s.error_message().c_str());
        const pb::AuditEvent e = lastAudit();
        QCOMPARE(e.actor(), std::string("users/plain-admin"));
        QCOMPARE(e.role(), std::string("admin"));
        QCOMPARE(e.result(), std::string("PERMISSION_DENIED"));
        QCOMPARE(e.action(), std::string("/ops.platform.v1.IdentityService/CreateUser"));
    }
    // Promoting an existing user (and itself) is refused the same way; nothing changes.
    for (const char *target : {"users/m-viewer", "users/plain-admin"}) {
        pb::UpdateUserRolesRequest ur;
        ur.set_name(target);
        ur.add_roles("admin");
        ur.add_roles("manager");
        const grpc::Status s = m_identity->UpdateUserRoles(admin(plain).get(), ur, &user);
        QCOMPARE(codeName(s.error_code()), codeName(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(lastAudit().result(), std::string("PERMISSION_DENIED"));
    }
    pb::WhoAmIResponse who;
    QVERIFY(m_identity->WhoAmI(admin(plain).get(), {}, &who).ok());
    QCOMPARE(std::vector<std::string>(who.roles().begin(), who.roles().end()),
             std::vector<std::string>{"admin"});
    // A role it holds: allowed.
    pb::CreateUserRequest cu;
    cu.set_user_id("second-admin");
    cu.add_roles("admin");
    const grpc::Status ok = m_identity->CreateUser(admin(plain).get(), cu, &user);
    QVERIFY2(ok.ok(), ok.error_message().c_str());
    // The bootstrap admin holds manager (manager implies operator and viewer): it may grant them.
    pb::UpdateUserRolesRequest ur;
    ur.set_name("users/second-admin");
    ur.add_roles("admin");
    ur.add_roles("operator");
    const grpc::Status promoted = m_identity->UpdateUserRoles(admin().get(), ur, &user);
    QVERIFY2(promoted.ok(), promoted.error_message().c_str());
}

void TestPermissions::publicMethods()
{
    // grpc.health.v1.Health/Check with an empty request (the server's overall health), no token.
    const Outcome health = call("/grpc.health.v1.Health/Check", "");
    QCOMPARE(codeName(health.code), codeName(grpc::StatusCode::OK));
    // A bogus token does not matter there either.
    QCOMPARE(codeName(call("/grpc.health.v1.Health/Check", "Bearer nonsense").code),
             codeName(grpc::StatusCode::OK));
    grpc::StatusCode code;
    const std::set<std::string> services = reflectedServices(&code);
    QCOMPARE(codeName(code), codeName(grpc::StatusCode::OK));
    QVERIFY(services.count("ops.platform.v1.RegionService"));
    QVERIFY(services.count("grpc.health.v1.Health"));
    // Everything else needs a token.
    for (const std::string &m : m_methods)
        QCOMPARE(codeName(call(m, "").code), codeName(grpc::StatusCode::UNAUTHENTICATED));
}

// Users and tokens made with the CLI on a stopped platformd's data dir (audited as system:cli) work
// once it starts; a long role name survives the round trip through the database.
void TestPermissions::cliUsers()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        PlatformdProcess first;
        QVERIFY2(first.start({}, dir.path()), qPrintable(first.errorString()));
        QCOMPARE(first.terminate(), 0);
    }
    auto cli = [&](const QStringList &args, QByteArray *out = nullptr) {
        QProcess p;
        p.start(PlatformdProcess::binaryPath(), args + QStringList{"--data-dir", dir.path()});
        if (!p.waitForFinished(30000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    QCOMPARE(cli({"user", "add", "auditor", "--role", "compliance_officer"}), 0);
    QByteArray out;
    QCOMPARE(cli({"user", "list"}, &out), 0);
    QVERIFY2(out.contains("users/auditor") && out.contains("compliance_officer"), out.constData());
    QCOMPARE(cli({"token", "create", "users/auditor"}, &out), 0);
    const std::string token = "Bearer " + out.trimmed().toStdString();
    QCOMPARE(token.size(), size_t(7 + 60));

    PlatformdProcess platformd;
    QVERIFY2(platformd.start({"--demo", "--seed", "7"}, dir.path()),
             qPrintable(platformd.errorString()));
    auto channel =
        grpc::CreateChannel(platformd.address().toStdString(), grpc::InsecureChannelCredentials());
    auto regions = pb::RegionService::NewStub(channel);
    auto audit = pb::AuditService::NewStub(channel);
    pb::ListRegionsResponse list;
    grpc::Status s = regions->ListRegions(admin(token).get(), {}, &list);
    QVERIFY2(s.ok(), s.error_message().c_str());
    pb::ListAuditEventsRequest request;
    request.set_filter("actor = \"system:cli\"");
    pb::ListAuditEventsResponse events;
    s = audit->ListAuditEvents(admin(token).get(), request, &events);
    QVERIFY2(s.ok(), s.error_message().c_str());
    QCOMPARE(events.events_size(), 2);
    QCOMPARE(events.events(0).action(), std::string("cli:user.add"));
    QCOMPARE(events.events(0).resource(), std::string("users/auditor"));
    QCOMPARE(events.events(1).action(), std::string("cli:token.create"));
    auto identity = pb::IdentityService::NewStub(channel);
    pb::CreateUserRequest cu;
    cu.set_user_id("someone");
    cu.add_roles("viewer");
    pb::User user;
    QCOMPARE(codeName(identity->CreateUser(admin(token).get(), cu, &user).error_code()),
             codeName(grpc::StatusCode::PERMISSION_DENIED));
    QCOMPARE(platformd.terminate(), 0);
}

QTEST_GUILESS_MAIN(TestPermissions)
#include "tst_permissions.moc"
