#pragma once

// What the compliance client's tests share: a platformd (--demo, seed 7) with a viewer, a
// compliance officer and an operator, consoles signed in as each, and one call's answer waited
// for on the event loop.

#include "services/complianceclient.h"
#include "services/connection.h"

#include "callanswer.h"
#include "consolefixture.h"
#include "platformdprocess.h"

#include <QFile>
#include <QTest>

#include <memory>
#include <optional>

namespace compliancetest {

using namespace ops;

template<typename T>
using Answer = CallAnswer<T, ComplianceError>;

inline QString addUser(const QString &dir, const QString &user, const QString &role)
{
    if (PlatformdProcess::runCli({QStringLiteral("user"), QStringLiteral("add"), user,
                                  QStringLiteral("--role"), role, QStringLiteral("--data-dir"),
                                  dir})
            .isEmpty())
        return {};
    return QString::fromUtf8(
               PlatformdProcess::runCli({QStringLiteral("token"), QStringLiteral("create"), user,
                                         QStringLiteral("--data-dir"), dir}))
        .trimmed();
}

inline const QString kGdpr = QStringLiteral("frameworks/gdpr");
inline constexpr int kPermissionDenied = 7; // grpc::StatusCode
inline constexpr int kInvalidArgument = 3;
inline constexpr int kFailedPrecondition = 9;

inline QByteArray readTestData(const QString &name)
{
    QFile f(QStringLiteral(OPS_TEST_DATA "/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The base of the client test classes: the server and the calls' plumbing.
class ComplianceClientTest : public QObject
{
protected:
    PlatformdProcess m_platformd;
    QString m_viewerToken;
    QString m_officerToken;
    QString m_operatorToken;

    std::unique_ptr<ConsoleFixture> console(const QString &token)
    {
        auto fixture = std::make_unique<ConsoleFixture>();
        fixture->connectTo(m_platformd.address(), token);
        return fixture;
    }

    template<typename T, typename Call>
    T callOrFail(Call call, bool *ok)
    {
        Answer<T> a;
        call(a.callback());
        *ok = a.wait() && !a.error.isError() && a.result;
        if (!*ok)
            qWarning() << "call failed:" << a.error.text;
        return a.result.value_or(T());
    }

    // Starts platformd (--demo) with the three users.
    void startServer()
    {
        const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                  QStringLiteral("7"), QStringLiteral("--demo-rate"),
                                  QStringLiteral("5")};
        QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
        // Users are added while platformd is stopped (the CLI refuses a data dir in use).
        QCOMPARE(m_platformd.terminate(), 0);
        m_viewerToken =
            addUser(m_platformd.dataDir(), QStringLiteral("vera"), QStringLiteral("viewer"));
        m_officerToken = addUser(m_platformd.dataDir(), QStringLiteral("olga"),
                                 QStringLiteral("compliance_officer"));
        m_operatorToken =
            addUser(m_platformd.dataDir(), QStringLiteral("otto"), QStringLiteral("operator"));
        QVERIFY(!m_operatorToken.isEmpty());
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
        QVERIFY(!m_viewerToken.isEmpty());
        QVERIFY(!m_officerToken.isEmpty());
    }
};

} // namespace compliancetest
