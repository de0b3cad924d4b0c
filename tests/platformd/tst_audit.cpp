// The hash-chained audit log against an attacker with write access to platform.db: rows are made
// through the real API, platformd is stopped, then the SQLite file is edited with the triggers
// dropped. `platformd audit verify` and AuditService.VerifyChain must name the first bad seq.
// See docs/SECURITY.md, "The audit log".
#include "core/auditchain.h"
#include "platformdprocess.h"

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/regions.grpc.pb.h"

#include <grpcpp/grpcpp.h>
#include <sqlite3.h>

#include <QtTest>

#include <filesystem>

namespace pb = ops::platform::v1;
using namespace std::chrono_literals;

namespace {

// A sqlite3 handle on a data dir's platform.db, as an attacker would open it.
class Db
{
public:
    explicit Db(const QString &dataDir)
    {
        const std::string path = (dataDir + "/platform.db").toStdString();
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            m_error = m_db ? sqlite3_errmsg(m_db) : "cannot open";
        }
    }
    ~Db() { sqlite3_close(m_db); }
    // Runs sql; returns SQLITE_OK or the error code (message in error()).
    int exec(const std::string &sql)
    {
        char *message = nullptr;
        const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
        m_error = message ? message : "";
        sqlite3_free(message);
        return rc;
    }
    std::int64_t queryInt(const std::string &sql)
    {
        sqlite3_stmt *s = nullptr;
        std::int64_t value = -1;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK &&
            sqlite3_step(s) == SQLITE_ROW)
            value = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        return value;
    }
    const std::string &error() const { return m_error; }
    bool ok() const { return m_error.empty(); }

private:
    sqlite3 *m_db = nullptr;
    std::string m_error;
};

const char kDropTriggers[] = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;";
const char kColumns[] =
    "time, actor, role, action, resource, request_summary, result, result_message, "
    "peer, prev_hash, entry_hash";

struct Verify
{
    int exitCode = -1;
    QString out, err;
};

Verify auditVerify(const QString &dataDir)
{
    QProcess p;
    p.start(PlatformdProcess::binaryPath(), {"audit", "verify", "--data-dir", dataDir});
    Verify v;
    if (!p.waitForFinished(30000))
        return v;
    v.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    v.out = QString::fromUtf8(p.readAllStandardOutput());
    v.err = QString::fromUtf8(p.readAllStandardError());
    return v;
}

// Copies every file of from (the stopped server's data dir) into to.
bool copyDir(const QString &from, const QString &to)
{
    std::error_code ec;
    for (const auto &entry : std::filesystem::directory_iterator(from.toStdString(), ec)) {
        if (!entry.is_regular_file())
            continue;
        std::filesystem::copy_file(
            entry.path(), std::filesystem::path(to.toStdString()) / entry.path().filename(),
            std::filesystem::copy_options::overwrite_existing, ec);
        if (ec)
            return false;
    }
    return !ec;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void intact();
    void tampered_data();
    void tampered();
    void verifyChainOnTamperedDir();
    void triggersRefuseUpdateAndDelete();
    void emptiedLogAndAnchorIsTampering();
    void droppedTriggersComeBackAtStart();
    void verifierSeqNotPositive();

private:
    // A fresh copy of the pristine data dir, owned by m_copies.
    QString freshCopy()
    {
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid() || !copyDir(m_pristine, dir->path()))
            return {};
        m_copies.push_back(std::move(dir));
        return m_copies.back()->path();
    }

    QTemporaryDir m_dataDir;
    QString m_pristine;
    std::int64_t m_rows = 0;
    std::vector<std::unique_ptr<QTemporaryDir>> m_copies;
};

void TestAudit::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    m_pristine = m_dataDir.path();
    PlatformdProcess platformd;
    QVERIFY2(platformd.start({}, m_pristine), qPrintable(platformd.errorString()));
    auto channel =
        grpc::CreateChannel(platformd.address().toStdString(), grpc::InsecureChannelCredentials());
    auto identity = pb::IdentityService::NewStub(channel);
    auto regions = pb::RegionService::NewStub(channel);
    const std::string admin = "Bearer " + platformd.adminToken().toStdString();
    auto ctx = [](const std::string &authorization) {
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + 10s);
        if (!authorization.empty())
            c->AddMetadata("authorization", authorization);
        return c;
    };
    // Users and tokens (audited OK), a denied call, unauthenticated calls.
    for (const char *name : {"alice", "bob", "carol"}) {
        pb::CreateUserRequest cu;
        cu.set_user_id(name);
        cu.add_roles("viewer");
        pb::User user;
        QVERIFY(identity->CreateUser(ctx(admin).get(), cu, &user).ok());
        pb::CreateTokenRequest ct;
        ct.set_user(std::string("users/") + name);
        pb::CreateTokenResponse token;
        QVERIFY(identity->CreateToken(ctx(admin).get(), ct, &token).ok());
        pb::ListUsersResponse users;
        QCOMPARE(
            identity->ListUsers(ctx("Bearer " + token.secret()).get(), {}, &users).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
    }
    pb::ListRegionsResponse list;
    QCOMPARE(regions->ListRegions(ctx("").get(), {}, &list).error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(regions->ListRegions(ctx("Bearer nonsense").get(), {}, &list).error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(platformd.terminate(), 0);
    {
        Db db(m_pristine);
        QVERIFY2(db.ok(), db.error().c_str());
        m_rows = db.queryInt("SELECT count(*) FROM audit");
        QCOMPARE(db.queryInt("SELECT max(seq) FROM audit"), m_rows);
    }
    // bootstrap + 3 x (user, token, denied) + 2 unauthenticated
    QVERIFY2(m_rows >= 12, qPrintable(QString::number(m_rows)));
    qInfo("%lld audit rows", static_cast<long long>(m_rows));
}

void TestAudit::intact()
{
    const Verify v = auditVerify(freshCopy());
    QCOMPARE(v.exitCode, 0);
    QVERIFY2(v.out.startsWith("audit chain intact: " + QString::number(m_rows) + " entries"),
             qPrintable(v.out));
}

void TestAudit::tampered_data()
{
    QTest::addColumn<QString>("sql"); // %1: a middle seq, %2: the last seq
    QTest::addColumn<int>("badSeq");  // -1: the middle seq, -2: the first truncated seq
    QTest::addColumn<QString>("problem");
    QTest::newRow("edit a field of a middle row")
        << "UPDATE audit SET actor = 'users/nobody' WHERE seq = %1" << -1
        << "entry_hash does not match";
    QTest::newRow("edit the result of a middle row")
        << "UPDATE audit SET result_message = result_message || '.' WHERE seq = %1" << -1
        << "entry_hash does not match";
    QTest::newRow("delete a middle row")
        << "DELETE FROM audit WHERE seq = %1" << -1 << "is missing";
    QTest::newRow("swap the content of two rows")
        << QString("CREATE TEMP TABLE a AS SELECT * FROM audit WHERE seq = %1;"
                   "CREATE TEMP TABLE b AS SELECT * FROM audit WHERE seq = %1 + 1;"
                   "UPDATE audit SET (COLUMNS) = (SELECT COLUMNS FROM b) WHERE seq = %1;"
                   "UPDATE audit SET (COLUMNS) = (SELECT COLUMNS FROM a) WHERE seq = %1 + 1;")
               .replace("COLUMNS", kColumns)
        << -1 << "prev_hash does not match";
    QTest::newRow("delete the last rows (truncation)")
        << "DELETE FROM audit WHERE seq >= %2 - 1" << -2 << "truncated";
    QTest::newRow("delete the first row")
        << "DELETE FROM audit WHERE seq = 1" << 1 << "entry 1 is missing";
}

void TestAudit::tampered()
{
    QFETCH(QString, sql);
    QFETCH(int, badSeq);
    QFETCH(QString, problem);
    const std::int64_t middle = m_rows / 2, last = m_rows;
    const std::int64_t expected = badSeq == -1 ? middle : badSeq == -2 ? last - 1 : badSeq;
    const QString dir = freshCopy();
    QVERIFY(!dir.isEmpty());
    {
        Db db(dir);
        QVERIFY2(db.ok(), db.error().c_str());
        QCOMPARE(db.exec(kDropTriggers), SQLITE_OK);
        const QString statement = QString(sql)
                                      .replace("%1", QString::number(middle))
                                      .replace("%2", QString::number(last));
        QVERIFY2(db.exec(statement.toStdString()) == SQLITE_OK,
                 (db.error() + " in " + statement.toStdString()).c_str());
    }
    const Verify v = auditVerify(dir);
    QCOMPARE(v.exitCode, 1);
    const QString named = "audit chain broken at seq " + QString::number(expected) + ":";
    QVERIFY2(v.out.startsWith(named), qPrintable(v.out + v.err));
    QVERIFY2(v.out.contains(problem), qPrintable(v.out));
    // The pristine data is untouched by all this.
    QCOMPARE(auditVerify(m_pristine).exitCode, 0);
}

void TestAudit::verifyChainOnTamperedDir()
{
    const QString dir = freshCopy();
    const std::int64_t middle = m_rows / 2;
    {
        Db db(dir);
        QCOMPARE(db.exec(kDropTriggers), SQLITE_OK);
        QCOMPARE(db.exec("UPDATE audit SET request_summary = 'nothing to see' WHERE seq = " +
                         std::to_string(middle)),
                 SQLITE_OK);
    }
    PlatformdProcess platformd;
    QVERIFY2(platformd.start({}, dir), qPrintable(platformd.errorString()));
    auto channel =
        grpc::CreateChannel(platformd.address().toStdString(), grpc::InsecureChannelCredentials());
    auto audit = pb::AuditService::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + 10s);
    context.AddMetadata("authorization", "Bearer " + platformd.adminToken().toStdString());
    pb::VerifyChainResponse verdict;
    const grpc::Status s = audit->VerifyChain(&context, {}, &verdict);
    QVERIFY2(s.ok(), s.error_message().c_str());
    QVERIFY(!verdict.intact());
    QCOMPARE(verdict.first_bad_seq(), middle);
    QVERIFY2(verdict.problem().find("entry_hash does not match") != std::string::npos,
             verdict.problem().c_str());
    QCOMPARE(platformd.terminate(), 0);
}

void TestAudit::triggersRefuseUpdateAndDelete()
{
    const QString dir = freshCopy();
    Db db(dir);
    QVERIFY2(db.ok(), db.error().c_str());
    QCOMPARE(db.exec("UPDATE audit SET actor = 'users/nobody' WHERE seq = 2"), SQLITE_CONSTRAINT);
    QVERIFY2(db.error().find("append-only") != std::string::npos, db.error().c_str());
    QCOMPARE(db.exec("DELETE FROM audit WHERE seq = 2"), SQLITE_CONSTRAINT);
    QVERIFY2(db.error().find("append-only") != std::string::npos, db.error().c_str());
    QCOMPARE(db.exec("DELETE FROM audit"), SQLITE_CONSTRAINT);
    QCOMPARE(db.queryInt("SELECT count(*) FROM audit"), m_rows);
    QCOMPARE(auditVerify(dir).exitCode, 0);
}

// Emptying the table and deleting audit.head leaves nothing to contradict: but a store with users
// had an audit log (the bootstrap admin is created with a row), so it is tampering. platformd says
// so when it starts.
void TestAudit::emptiedLogAndAnchorIsTampering()
{
    const QString dir = freshCopy();
    {
        Db db(dir);
        QVERIFY2(db.ok(), db.error().c_str());
        QCOMPARE(db.exec(kDropTriggers), SQLITE_OK);
        QCOMPARE(db.exec("DELETE FROM audit"), SQLITE_OK);
    }
    QVERIFY(QFile::remove(dir + "/audit.head"));
    const Verify v = auditVerify(dir);
    QCOMPARE(v.exitCode, 1);
    QVERIFY2(v.out.contains("the log was emptied"), qPrintable(v.out + v.err));

    PlatformdProcess platformd;
    QVERIFY2(platformd.start({}, dir), qPrintable(platformd.errorString()));
    QVERIFY2(platformd.standardError().contains("the audit log does not verify"),
             platformd.standardError().constData());
    QCOMPARE(platformd.terminate(), 0);
}

// Dropped append-only triggers are put back when platformd starts.
void TestAudit::droppedTriggersComeBackAtStart()
{
    const QString dir = freshCopy();
    {
        Db db(dir);
        QCOMPARE(db.exec(kDropTriggers), SQLITE_OK);
        QCOMPARE(db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                             "tbl_name = 'audit'"),
                 0);
    }
    {
        PlatformdProcess platformd;
        QVERIFY2(platformd.start({}, dir), qPrintable(platformd.errorString()));
        QVERIFY2(platformd.standardError().contains("append-only triggers were missing"),
                 platformd.standardError().constData());
        QCOMPARE(platformd.terminate(), 0);
    }
    Db db(dir);
    QCOMPARE(db.exec("DELETE FROM audit WHERE seq = 2"), SQLITE_CONSTRAINT);
    QVERIFY2(db.error().find("append-only") != std::string::npos, db.error().c_str());
}

// A stored seq that is not positive must not read as "intact" (firstBadSeq 0): the verifier names
// the seq it expected instead.
void TestAudit::verifierSeqNotPositive()
{
    auto entry = [](std::int64_t seq, const std::string &prev) {
        platformd::core::audit::Entry e;
        e.seq = seq;
        e.time = "2026-11-29T06:05:00.123456Z";
        e.actor = "system:cli";
        e.action = "cli:test";
        e.result = "OK";
        platformd::core::audit::seal(e, prev);
        return e;
    };
    for (const std::int64_t bad :
         {std::int64_t(0), std::int64_t(-1), std::int64_t(-9000000000LL)}) {
        platformd::core::audit::Verdict v =
            platformd::core::audit::verify({entry(bad, platformd::core::audit::kGenesisHash)});
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBadSeq, std::int64_t(1));
        const auto first = entry(1, platformd::core::audit::kGenesisHash);
        v = platformd::core::audit::verify({first, entry(bad, first.entryHash)});
        QVERIFY(!v.intact);
        QCOMPARE(v.firstBadSeq, std::int64_t(2));
        QVERIFY(!v.problem.empty());
    }
    // Out of order but positive: a positive seq is named.
    const auto e1 = entry(1, platformd::core::audit::kGenesisHash);
    const auto e2 = entry(2, e1.entryHash);
    const platformd::core::audit::Verdict v = platformd::core::audit::verify({e1, e2, e1});
    QVERIFY(!v.intact);
    QVERIFY(v.firstBadSeq > 0);
    QVERIFY(platformd::core::audit::verify({e1, e2}).intact);
}

QTEST_GUILESS_MAIN(TestAudit)
#include "tst_audit.moc"
