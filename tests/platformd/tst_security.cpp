// platformd against an attacker. Raw requests are plain HTTP/2 from curl (Debian's, built on
// nghttp2), which sends what gRPC clients never do. Every request body is a real gRPC frame of a
// real request message; the status is read from the response's grpc-status / grpc-message.

#include "platformdprocess.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/models.grpc.pb.h"
#include "ops/platform/v1/regions.grpc.pb.h"

#include <grpcpp/grpcpp.h>
#include <grpcpp/impl/codegen/sync_stream.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <chrono>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

struct RawResponse
{
    bool ran = false;    // curl ran and got an HTTP/2 response
    int grpcStatus = -1; // -1: none in the headers or trailers
    QString grpcMessage;
    QByteArray message; // the first response message's bytes (without the 5-byte prefix)
    QString error;      // why it did not run
};

// One unary call over plain HTTP/2 with exactly the given headers.
// Body: a gRPC frame of `bytes` in a DATA frame. HeadersOnly: the request ends with its headers.
// A call refused before its handler runs is answered at once and the stream reset; curl 7.88 then
// often loses the answer while it is still sending the DATA frame (exit 92), so calls expected to
// be refused that early send headers only; the refusal does not depend on the body.
enum class Send { Body, HeadersOnly };

RawResponse rawCall(const QString &address, const QString &method, const QByteArray &bytes,
                    const QList<QByteArray> &headers, Send send = Send::Body)
{
    RawResponse out;
    QTemporaryDir dir;
    QByteArray frame(5, '\0');
    const quint32 size = quint32(bytes.size());
    frame[1] = char(size >> 24);
    frame[2] = char(size >> 16);
    frame[3] = char(size >> 8);
    frame[4] = char(size);
    frame.append(bytes);
    QFile body(dir.filePath(QStringLiteral("request.bin")));
    if (!body.open(QIODevice::WriteOnly) || body.write(frame) != frame.size()) {
        out.error = QStringLiteral("cannot write the request body");
        return out;
    }
    body.close();
    QStringList args{QStringLiteral("-sS"),        QStringLiteral("--http2-prior-knowledge"),
                     QStringLiteral("--max-time"), QStringLiteral("30"),
                     QStringLiteral("-H"),         QStringLiteral("content-type: application/grpc"),
                     QStringLiteral("-H"),         QStringLiteral("te: trailers")};
    for (const QByteArray &h : headers)
        args << QStringLiteral("-H") << QString::fromLatin1(h);
    if (send == Send::Body)
        args << QStringLiteral("--data-binary") << QLatin1Char('@') + body.fileName();
    else
        args << QStringLiteral("-X") << QStringLiteral("POST");
    args << QStringLiteral("-D") << dir.filePath(QStringLiteral("headers.txt"))
         << QStringLiteral("-o") << dir.filePath(QStringLiteral("response.bin"))
         << QStringLiteral("http://%1%2").arg(address, method);
    QProcess curl;
    curl.start(QStringLiteral("curl"), args);
    if (!curl.waitForFinished(60000) || curl.exitStatus() != QProcess::NormalExit) {
        out.error = QStringLiteral("curl did not finish: %1").arg(curl.errorString());
        return out;
    }
    // curl writes the response headers and, after the body, the trailers to the same dump. A
    // refusal is a trailers-only response sent before the request body is read; the server then
    // resets the stream, which curl may report as error 92 while still uploading: what the
    // server answered is in the dump either way.
    QFile dump(dir.filePath(QStringLiteral("headers.txt")));
    if (!dump.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("curl wrote no headers (exit %1): %2")
                        .arg(curl.exitCode())
                        .arg(QString::fromLocal8Bit(curl.readAllStandardError()));
        return out;
    }
    out.ran = dump.readLine().startsWith("HTTP/2 200");
    for (const QByteArray &raw : dump.readAll().split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith("grpc-status:"))
            out.grpcStatus = line.mid(12).trimmed().toInt();
        else if (line.startsWith("grpc-message:"))
            out.grpcMessage =
                QString::fromUtf8(QByteArray::fromPercentEncoding(line.mid(13).trimmed()));
    }
    if (!out.ran || out.grpcStatus < 0 || curl.exitCode() != 0) {
        out.ran = false;
        out.error = QStringLiteral("no gRPC answer (curl exit %1): %2")
                        .arg(curl.exitCode())
                        .arg(QString::fromLocal8Bit(curl.readAllStandardError()));
        return out;
    }
    QFile response(dir.filePath(QStringLiteral("response.bin")));
    if (response.open(QIODevice::ReadOnly)) {
        const QByteArray all = response.readAll();
        if (all.size() >= 5)
            out.message = all.mid(5);
    }
    return out;
}

RawResponse rawCall(const QString &address, const QString &method,
                    const google::protobuf::Message &request, const QList<QByteArray> &headers)
{
    return rawCall(address, method, QByteArray::fromStdString(request.SerializeAsString()),
                   headers);
}

QByteArray bearer(const std::string &token)
{
    return "authorization: Bearer " + QByteArray::fromStdString(token);
}

} // namespace

class TestSecurity : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void singleAuthorizationAccepted();
    void duplicateAuthorizationRefused_data();
    void duplicateAuthorizationRefused();
    void duplicateAuthorizationHasNoEffect();
    void fourEyesHoldsAgainstTwoHeaders();
    void revocationEndsOpenStreams();
    void pageTokensBoundToTheirList();
    void invalidUtf8NamesTheField_data();
    void refusalFloodIsCountedNotWrittenOneByOne();
    void idlePublicStreamsCannotStarveCallers();
    void openWatchStreamsHoldNoThreads();
    void invalidUtf8NamesTheField();
    void roleRemovalEndsOpenStreams();

private:
    std::unique_ptr<grpc::ClientContext> ctx(const std::string &token) const
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 20s);
        c->AddMetadata("authorization", "Bearer " + token);
        return c;
    }
    // A user with these roles and a token; *tokenName receives tokens/{id}.
    std::string makeUser(const std::string &id, const std::vector<std::string> &roles,
                         std::string *tokenName = nullptr)
    {
        pb::CreateUserRequest cu;
        cu.set_user_id(id);
        for (const auto &role : roles)
            cu.add_roles(role);
        pb::User u;
        if (!m_identity->CreateUser(ctx(m_admin).get(), cu, &u).ok())
            return {};
        pb::CreateTokenRequest ct;
        ct.set_user("users/" + id);
        pb::CreateTokenResponse t;
        if (!m_identity->CreateToken(ctx(m_admin).get(), ct, &t).ok())
            return {};
        if (tokenName)
            *tokenName = t.token().name();
        return t.secret();
    }
    std::unique_ptr<grpc::ClientContext> streamCtx(const std::string &token) const
    {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 60s);
        c->AddMetadata("authorization", "Bearer " + token);
        return c;
    }
    // Reads the stream to its end; its status.
    template<typename Reader, typename Response>
    static grpc::Status drain(Reader &reader, Response &response)
    {
        while (reader->Read(&response)) {
        }
        return reader->Finish();
    }

    PlatformdProcess m_platformd;
    QString m_address;
    std::string m_admin;
    std::string m_manager;
    std::unique_ptr<pb::IdentityService::Stub> m_identity;
    std::unique_ptr<pb::ModelRegistryService::Stub> m_registry;
    std::unique_ptr<pb::AuditService::Stub> m_audit;
};

void TestSecurity::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty(),
             "curl is needed for the raw HTTP/2 tests: apt-get install curl "
             "(scripts/bootstrap installs it)");
    QVERIFY2(m_platformd.start({"--demo", "--seed", "7"}), qPrintable(m_platformd.errorString()));
    m_address = m_platformd.address();
    m_admin = m_platformd.adminToken().toStdString();
    QVERIFY(!m_admin.empty());
    auto channel = grpc::CreateChannel(m_address.toStdString(), grpc::InsecureChannelCredentials());
    m_identity = pb::IdentityService::NewStub(channel);
    m_registry = pb::ModelRegistryService::NewStub(channel);
    m_audit = pb::AuditService::NewStub(channel);
    m_manager = makeUser("mona", {"manager"});
    QVERIFY(!m_manager.empty());
}

// The control: one header, the raw client is understood and answered as the token's user.
void TestSecurity::singleAuthorizationAccepted()
{
    const RawResponse r =
        rawCall(m_address, QStringLiteral("/ops.platform.v1.IdentityService/WhoAmI"),
                pb::WhoAmIRequest(), {bearer(m_manager)});
    QVERIFY2(r.ran, qPrintable(r.error));
    QCOMPARE(r.grpcStatus, 0);
    pb::WhoAmIResponse who;
    QVERIFY(who.ParseFromArray(r.message.constData(), int(r.message.size())));
    QCOMPARE(who.user(), std::string("users/mona"));
}

void TestSecurity::duplicateAuthorizationRefused_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("request"); // serialized
    QTest::addColumn<int>("order"); // 0: garbage first, 1: valid first, 2: the same token twice
    pb::ListRegionsRequest regions;
    pb::WhoAmIRequest who;
    pb::ListAuditEventsRequest audit;
    pb::ListModelsRequest models;
    pb::CreateModelRequest create;
    create.set_model_id("two-headers");
    pb::CreateTokenRequest token;
    token.set_user("users/admin");
    const struct
    {
        const char *method;
        const google::protobuf::Message *request;
    } calls[] = {
        {"/ops.platform.v1.RegionService/ListRegions", &regions},
        {"/ops.platform.v1.IdentityService/WhoAmI", &who},
        {"/ops.platform.v1.IdentityService/CreateToken", &token},
        {"/ops.platform.v1.AuditService/ListAuditEvents", &audit},
        {"/ops.platform.v1.ModelRegistryService/ListModels", &models},
        {"/ops.platform.v1.ModelRegistryService/CreateModel", &create},
    };
    const char *const orders[] = {"garbage first", "valid first", "same twice"};
    for (const auto &call : calls)
        for (int order = 0; order < 3; ++order)
            QTest::addRow("%s %s", call.method, orders[order])
                << QString::fromLatin1(call.method)
                << QByteArray::fromStdString(call.request->SerializeAsString()) << order;
}

// More than one authorization header is refused before any handler runs, on every service.
void TestSecurity::duplicateAuthorizationRefused()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, request);
    QFETCH(int, order);
    QList<QByteArray> headers;
    if (order == 0)
        headers = {"authorization: x", bearer(m_admin)};
    else if (order == 1)
        headers = {bearer(m_admin), "authorization: x"};
    else
        headers = {bearer(m_admin), bearer(m_admin)};
    const RawResponse r = rawCall(m_address, method, request, headers, Send::HeadersOnly);
    QVERIFY2(r.ran, qPrintable(r.error));
    QCOMPARE(r.grpcStatus, int(grpc::StatusCode::UNAUTHENTICATED));
    QVERIFY2(r.grpcMessage.contains(QLatin1String("more than one authorization header")),
             qPrintable(r.grpcMessage));
}

// The attack of the report: nothing is created, and the audit log holds a refusal, not an effect
// by "anonymous".
void TestSecurity::duplicateAuthorizationHasNoEffect()
{
    pb::CreateModelRequest create;
    create.set_model_id("no-effect");
    create.mutable_model()->set_display_name("No effect");
    // A whole request with its message: gRPC's own client sends both headers too.
    pb::Model created;
    grpc::ClientContext two;
    two.AddMetadata("authorization", "x");
    two.AddMetadata("authorization", "Bearer " + m_manager);
    const grpc::Status refused = m_registry->CreateModel(&two, create, &created);
    QCOMPARE(int(refused.error_code()), int(grpc::StatusCode::UNAUTHENTICATED));
    QVERIFY2(refused.error_message().find("more than one authorization header") !=
                 std::string::npos,
             refused.error_message().c_str());

    pb::GetModelRequest get;
    get.set_name("models/no-effect");
    pb::Model model;
    QCOMPARE(int(m_registry->GetModel(ctx(m_admin).get(), get, &model).error_code()),
             int(grpc::StatusCode::NOT_FOUND));

    pb::ListAuditEventsRequest list;
    list.set_filter("action = \"/ops.platform.v1.ModelRegistryService/CreateModel\"");
    list.set_page_size(100);
    pb::ListAuditEventsResponse events;
    QVERIFY(m_audit->ListAuditEvents(ctx(m_admin).get(), list, &events).ok());
    QVERIFY(events.events_size() >= 1);
    for (const auto &e : events.events()) {
        QVERIFY2(e.result() != "OK", e.request_summary().c_str());
        QVERIFY2(e.actor() != "anonymous" || e.result() == "UNAUTHENTICATED", e.actor().c_str());
    }
}

// A manager cannot approve her own production promotion by sending a second, bogus header.
void TestSecurity::fourEyesHoldsAgainstTwoHeaders()
{
    pb::ListModelsRequest lm;
    lm.set_page_size(1);
    pb::ListModelsResponse models;
    QVERIFY(m_registry->ListModels(ctx(m_admin).get(), lm, &models).ok());
    QVERIFY(models.models_size() == 1);
    const std::string model = models.models(0).name();
    pb::ListModelVersionsRequest lv;
    lv.set_parent(model);
    lv.set_page_size(1);
    pb::ListModelVersionsResponse versions;
    QVERIFY(m_registry->ListModelVersions(ctx(m_admin).get(), lv, &versions).ok());
    QVERIFY(versions.model_versions_size() == 1);

    pb::CreateApprovalRequestRequest cr;
    cr.set_parent(model);
    cr.mutable_approval_request()->set_action(pb::ApprovalRequest::PROMOTE_TO_PRODUCTION);
    cr.mutable_approval_request()->set_version(versions.model_versions(0).version());
    cr.mutable_approval_request()->set_comment("ship it");
    cr.mutable_approval_request()->add_evidence_links("https://grafana.example/d/x");
    pb::ApprovalRequest own;
    const grpc::Status created = m_registry->CreateApprovalRequest(ctx(m_manager).get(), cr, &own);
    QVERIFY2(created.ok(), created.error_message().c_str());

    pb::ReviewRequest review;
    review.set_name(own.name());
    pb::ApprovalRequest approved;
    grpc::ClientContext two;
    two.AddMetadata("authorization", "x");
    two.AddMetadata("authorization", "Bearer " + m_manager);
    QCOMPARE(int(m_registry->ApproveRequest(&two, review, &approved).error_code()),
             int(grpc::StatusCode::UNAUTHENTICATED));
    // With one header she is who she is, and four eyes refuses her.
    const RawResponse self =
        rawCall(m_address, QStringLiteral("/ops.platform.v1.ModelRegistryService/ApproveRequest"),
                review, {bearer(m_manager)});
    QCOMPARE(self.grpcStatus, int(grpc::StatusCode::PERMISSION_DENIED));
    QVERIFY2(self.grpcMessage.startsWith(QLatin1String("four eyes:")),
             qPrintable(self.grpcMessage));

    pb::ListApprovalRequestsRequest list;
    list.set_parent(model);
    list.set_page_size(1000);
    pb::ListApprovalRequestsResponse requests;
    QVERIFY(m_registry->ListApprovalRequests(ctx(m_admin).get(), list, &requests).ok());
    bool found = false;
    for (const auto &a : requests.approval_requests()) {
        if (a.name() != own.name())
            continue;
        found = true;
        QCOMPARE(int(a.state()), int(pb::ApprovalRequest::PENDING));
    }
    QVERIFY(found);
}

// Revoking a token ends that token's open streams (regions, models, audit) with UNAUTHENTICATED
// naming the cause. Without it they would go on delivering until their 60 s deadline.
void TestSecurity::revocationEndsOpenStreams()
{
    std::string tokenName;
    const std::string token = makeUser("rosa", {"viewer", "compliance_officer"}, &tokenName);
    QVERIFY(!token.empty());
    auto regionsCtx = streamCtx(token);
    pb::WatchRegionsRequest wr;
    auto regions =
        pb::RegionService::NewStub(
            grpc::CreateChannel(m_address.toStdString(), grpc::InsecureChannelCredentials()))
            ->WatchRegions(regionsCtx.get(), wr);
    auto modelsCtx = streamCtx(token);
    auto models = m_registry->WatchModels(modelsCtx.get(), pb::WatchModelsRequest());
    auto auditCtx = streamCtx(token);
    auto audit = m_audit->WatchAudit(auditCtx.get(), pb::WatchAuditRequest());
    // Each stream is open and delivering (a progress or data message arrives first).
    pb::WatchRegionsResponse r;
    pb::WatchModelsResponse m;
    pb::WatchAuditResponse a;
    QVERIFY(regions->Read(&r));
    QVERIFY(models->Read(&m));
    QVERIFY(audit->Read(&a));

    pb::RevokeTokenRequest revoke;
    revoke.set_name(tokenName);
    pb::Token revoked;
    QVERIFY(m_identity->RevokeToken(ctx(m_admin).get(), revoke, &revoked).ok());

    for (const grpc::Status &status : {drain(regions, r), drain(models, m), drain(audit, a)}) {
        QCOMPARE(int(status.error_code()), int(grpc::StatusCode::UNAUTHENTICATED));
        QVERIFY2(status.error_message() == "token " + tokenName + " has been revoked",
                 status.error_message().c_str());
    }
}

// Taking away the role that grants a stream's permission ends that stream with PERMISSION_DENIED;
// the streams the remaining roles still allow go on.
void TestSecurity::roleRemovalEndsOpenStreams()
{
    const std::string token = makeUser("cleo", {"viewer", "compliance_officer"});
    QVERIFY(!token.empty());
    auto auditCtx = streamCtx(token);
    auto audit = m_audit->WatchAudit(auditCtx.get(), pb::WatchAuditRequest());
    auto modelsCtx = streamCtx(token);
    auto models = m_registry->WatchModels(modelsCtx.get(), pb::WatchModelsRequest());
    pb::WatchAuditResponse a;
    pb::WatchModelsResponse m;
    QVERIFY(audit->Read(&a));
    QVERIFY(models->Read(&m));

    pb::UpdateUserRolesRequest update;
    update.set_name("users/cleo");
    update.add_roles("viewer");
    pb::User user;
    QVERIFY(m_identity->UpdateUserRoles(ctx(m_admin).get(), update, &user).ok());

    const grpc::Status status = drain(audit, a);
    QCOMPARE(int(status.error_code()), int(grpc::StatusCode::PERMISSION_DENIED));
    QVERIFY2(status.error_message().find("audit.read") != std::string::npos,
             status.error_message().c_str());
    // models.read is still granted: that stream keeps delivering (its next progress message).
    QVERIFY(models->Read(&m));
    modelsCtx->TryCancel();
    drain(models, m);
}

void TestSecurity::invalidUtf8NamesTheField_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QByteArray>("request"); // hand-made wire bytes: a string field, not UTF-8
    QTest::addColumn<QString>("field");
    // field 3 (filter), length 2, 0xff 0xfe
    QTest::newRow("ListRegions filter") << "/ops.platform.v1.RegionService/ListRegions"
                                        << QByteArray("\x1a\x02\xff\xfe", 4) << "filter";
    // field 1 (user_id), length 3, "a" then an unfinished sequence
    QTest::newRow("CreateUser user_id") << "/ops.platform.v1.IdentityService/CreateUser"
                                        << QByteArray("\x0a\x03\x61\xc3\x28", 5) << "user_id";
    // field 1 (name), length 1, 0x80 (a continuation byte alone)
    QTest::newRow("GetModel name") << "/ops.platform.v1.ModelRegistryService/GetModel"
                                   << QByteArray("\x0a\x01\x80", 3) << "name";
}

// Bytes that are not UTF-8 in a string field: INVALID_ARGUMENT naming the field, and nothing in
// platformd's log per request.
void TestSecurity::invalidUtf8NamesTheField()
{
    QFETCH(QString, method);
    QFETCH(QByteArray, request);
    QFETCH(QString, field);
    const RawResponse r = rawCall(m_address, method, request, {bearer(m_admin)});
    QVERIFY2(r.ran, qPrintable(r.error));
    QCOMPARE(r.grpcStatus, int(grpc::StatusCode::INVALID_ARGUMENT));
    QVERIFY2(r.grpcMessage.startsWith(field + QLatin1String(": not valid UTF-8")),
             qPrintable(r.grpcMessage));
    QVERIFY2(!m_platformd.standardError().contains("invalid UTF-8"),
             m_platformd.standardError().right(400).constData());
}

// 400 calls with a malformed token: every one is refused and accounted for in the audit log, but
// as a few rows that count them, not 400 fsynced rows. Authenticated calls still work meanwhile.
void TestSecurity::refusalFloodIsCountedNotWrittenOneByOne()
{
    // Fresh platformd: no other refusal of this kind to count.
    PlatformdProcess p;
    QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
    const std::string admin = p.adminToken().toStdString();
    auto channel =
        grpc::CreateChannel(p.address().toStdString(), grpc::InsecureChannelCredentials());
    auto regions = pb::RegionService::NewStub(channel);
    auto audit = pb::AuditService::NewStub(channel);
    constexpr int kFlood = 400;
    for (int i = 0; i < kFlood; ++i) {
        grpc::ClientContext context;
        context.AddMetadata("authorization", "Bearer not-a-token");
        pb::ListRegionsResponse response;
        QCOMPARE(int(regions->ListRegions(&context, {}, &response).error_code()),
                 int(grpc::StatusCode::UNAUTHENTICATED));
    }
    pb::ListRegionsResponse listed;
    QVERIFY(regions->ListRegions(ctx(admin).get(), {}, &listed).ok());
    QCOMPARE(listed.regions_size(), 9);

    // Sum what the rows say: 1 for a row of its own, N for "refused N more times".
    const auto tally = [&](int *rows) {
        pb::ListAuditEventsRequest request;
        request.set_page_size(1000);
        request.set_filter("action = \"/ops.platform.v1.RegionService/ListRegions\" AND "
                           "result = \"UNAUTHENTICATED\"");
        pb::ListAuditEventsResponse response;
        if (!audit->ListAuditEvents(ctx(admin).get(), request, &response).ok())
            return -1;
        *rows = response.events_size();
        int total = 0;
        for (const auto &e : response.events()) {
            const std::string &summary = e.request_summary();
            if (summary.starts_with("refused "))
                total += std::stoi(summary.substr(8));
            else
                total += 1;
            if (e.actor() != "anonymous")
                return -2;
        }
        return total;
    };
    int rows = 0;
    // The last window's count is written when the window closes (about a second).
    QTRY_COMPARE_WITH_TIMEOUT(tally(&rows), kFlood, 20000);
    QVERIFY2(rows <= kFlood / 4, qPrintable(QString::number(rows)));
    QCOMPARE(p.terminate(), 0);
}

// The report's attack: 4,200 reflection streams that never send, no token, 100 per connection.
// Each open call holds a sync-server thread, so before the limit they took 4,112 of 4,096 threads
// and every authenticated call got RESOURCE_EXHAUSTED. Now unauthenticated calls may hold at most
// a few hundred threads; authenticated callers are served throughout.
void TestSecurity::idlePublicStreamsCannotStarveCallers()
{
    PlatformdProcess p;
    QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
    const std::string address = p.address().toStdString();
    const std::string admin = p.adminToken().toStdString();
    constexpr int kConnections = 42, kPerConnection = 100;
    struct Idle
    {
        std::unique_ptr<grpc::ClientContext> context;
        std::unique_ptr<
            grpc::ClientReaderWriter<google::protobuf::Message, google::protobuf::Message>>
            stream;
    };
    std::vector<std::shared_ptr<grpc::Channel>> channels;
    std::vector<Idle> idle;
    idle.reserve(kConnections * kPerConnection);
    const grpc::internal::RpcMethod method(
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
        grpc::internal::RpcMethod::BIDI_STREAMING);
    for (int c = 0; c < kConnections; ++c) {
        grpc::ChannelArguments args;
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1); // a connection of its own
        channels.push_back(
            grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
        for (int i = 0; i < kPerConnection; ++i) {
            Idle call;
            call.context = std::make_unique<grpc::ClientContext>();
            call.stream.reset(grpc::internal::ClientReaderWriterFactory<
                              google::protobuf::Message,
                              google::protobuf::Message>::Create(channels.back().get(), method,
                                                                 call.context.get()));
            idle.push_back(std::move(call));
        }
    }
    // Authenticated callers, on a connection of their own, are served while the streams stay open.
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    auto regions = pb::RegionService::NewStub(
        grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
    std::vector<double> ms;
    for (int i = 0; i < 100; ++i) {
        pb::ListRegionsResponse listed;
        QElapsedTimer timer;
        timer.start();
        const grpc::Status s = regions->ListRegions(ctx(admin).get(), {}, &listed);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        QVERIFY2(s.ok(), s.error_message().c_str());
        QCOMPARE(listed.regions_size(), 9);
    }
    std::sort(ms.begin(), ms.end());
    // A figure for the issue note, not a check (timings belong to bench/).
    qInfo("authenticated ListRegions during %d idle public streams: median %.1f ms, p99 %.1f ms",
          kConnections * kPerConnection, ms[ms.size() / 2], ms[ms.size() * 99 / 100]);
    for (Idle &call : idle)
        call.context->TryCancel();
    for (Idle &call : idle)
        call.stream->Finish();
    QCOMPARE(p.terminate(), 0);
}

// Watch streams run on gRPC's callback API: 450 open watches (of all three kinds) must not cost
// platformd a thread each, as they did on the sync server (one pool thread per open call), where a
// few thousand watchers exhausted the pool for every caller.
void TestSecurity::openWatchStreamsHoldNoThreads()
{
    PlatformdProcess p;
    QVERIFY2(p.start({"--demo", "--seed", "7"}), qPrintable(p.errorString()));
    const std::string address = p.address().toStdString();
    const std::string admin = p.adminToken().toStdString();
    const auto threads = [&p] {
        QFile status(QStringLiteral("/proc/%1/status").arg(p.process()->processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("Threads:"))
                return line.mid(8).trimmed().toInt();
        return -1;
    };
    constexpr int kConnections = 5, kPerKind = 30; // 3 kinds x 30 = 90 streams per connection
    std::vector<std::shared_ptr<grpc::Channel>> channels;
    for (int c = 0; c < kConnections; ++c) {
        grpc::ChannelArguments args;
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1); // a connection of its own
        channels.push_back(
            grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args));
        pb::ListRegionsResponse listed; // connected and served once before counting
        QVERIFY(pb::RegionService::NewStub(channels.back())
                    ->ListRegions(ctx(admin).get(), {}, &listed)
                    .ok());
    }
    const int before = threads();
    QVERIFY(before > 0);
    std::vector<std::unique_ptr<grpc::ClientContext>> contexts;
    std::vector<std::unique_ptr<grpc::ClientReader<pb::WatchRegionsResponse>>> regionWatches;
    std::vector<std::unique_ptr<grpc::ClientReader<pb::WatchModelsResponse>>> modelWatches;
    std::vector<std::unique_ptr<grpc::ClientReader<pb::WatchAuditResponse>>> auditWatches;
    const auto context = [&] {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 300s); // ended below, by cancelling
        c->AddMetadata("authorization", "Bearer " + admin);
        return contexts.emplace_back(std::move(c)).get();
    };
    for (const auto &channel : channels) {
        auto regions = pb::RegionService::NewStub(channel);
        auto models = pb::ModelRegistryService::NewStub(channel);
        auto audit = pb::AuditService::NewStub(channel);
        for (int i = 0; i < kPerKind; ++i) {
            regionWatches.push_back(regions->WatchRegions(context(), {}));
            modelWatches.push_back(models->WatchModels(context(), {}));
            auditWatches.push_back(audit->WatchAudit(context(), {}));
        }
    }
    // Every stream is open and served: its first message arrived (a progress heartbeat once
    // caught up, or the first audit event of the log).
    pb::WatchRegionsResponse region;
    for (auto &w : regionWatches)
        QVERIFY(w->Read(&region));
    pb::WatchModelsResponse model;
    for (auto &w : modelWatches)
        QVERIFY(w->Read(&model));
    pb::WatchAuditResponse event;
    for (auto &w : auditWatches)
        QVERIFY(w->Read(&event));
    const int during = threads();
    const int streams = int(contexts.size());
    qInfo("platformd threads: %d before, %d with %d open watch streams", before, during, streams);
    QVERIFY2(during - before < streams / 5,
             qPrintable(QStringLiteral("%1 threads before, %2 with %3 open watches")
                            .arg(before)
                            .arg(during)
                            .arg(streams)));
    for (auto &c : contexts)
        c->TryCancel();
    for (auto &w : regionWatches)
        w->Finish();
    for (auto &w : modelWatches)
        w->Finish();
    for (auto &w : auditWatches)
        w->Finish();
    QCOMPARE(p.terminate(), 0);
}

// A page token answers only the List it came from: ListRegions' token is refused by ListModels,
// ListTokens and ListAuditEvents (same empty parent pattern and filter), naming the field.
void TestSecurity::pageTokensBoundToTheirList()
{
    auto channel = grpc::CreateChannel(m_address.toStdString(), grpc::InsecureChannelCredentials());
    pb::ListRegionsRequest lr;
    lr.set_page_size(1);
    pb::ListRegionsResponse regions;
    QVERIFY(
        pb::RegionService::NewStub(channel)->ListRegions(ctx(m_admin).get(), lr, &regions).ok());
    const std::string token = regions.next_page_token();
    QVERIFY(!token.empty());
    // Its own List takes it.
    lr.set_page_token(token);
    QVERIFY(
        pb::RegionService::NewStub(channel)->ListRegions(ctx(m_admin).get(), lr, &regions).ok());

    pb::ListModelsRequest lm;
    lm.set_page_token(token);
    pb::ListModelsResponse models;
    const grpc::Status s1 = m_registry->ListModels(ctx(m_admin).get(), lm, &models);
    pb::ListTokensRequest lt;
    lt.set_page_token(token);
    pb::ListTokensResponse tokens;
    const grpc::Status s2 = m_identity->ListTokens(ctx(m_admin).get(), lt, &tokens);
    pb::ListAuditEventsRequest la;
    la.set_page_token(token);
    pb::ListAuditEventsResponse events;
    const grpc::Status s3 = m_audit->ListAuditEvents(ctx(m_admin).get(), la, &events);
    for (const grpc::Status &s : {s1, s2, s3}) {
        QCOMPARE(int(s.error_code()), int(grpc::StatusCode::INVALID_ARGUMENT));
        QVERIFY2(s.error_message().find("page_token") != std::string::npos,
                 s.error_message().c_str());
    }
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
