#include "models/identity.h"

#include <QTest>

using namespace ops;

class tst_Identity : public QObject
{
    Q_OBJECT
private slots:
    void summary_data();
    void summary();
    void permissions();
};

void tst_Identity::summary_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bootstrap admin")
        << QStringLiteral("users/admin")
        << QStringList{QStringLiteral("admin"), QStringLiteral("manager"),
                       QStringLiteral("compliance_officer")}
        << QStringLiteral("admin (admin, manager, compliance officer)");
    QTest::newRow("no roles") << QStringLiteral("users/bob") << QStringList()
                              << QStringLiteral("bob (no roles)");
    QTest::newRow("unknown role") << QStringLiteral("users/eve")
                                  << QStringList{QStringLiteral("release_captain")}
                                  << QStringLiteral("eve (release captain)");
}

void tst_Identity::summary()
{
    QFETCH(QString, user);
    QFETCH(QStringList, roles);
    QFETCH(QString, expected);
    Identity identity;
    identity.user = user;
    identity.roles = roles;
    QVERIFY(identity.isValid());
    QCOMPARE(identity.summary(), expected);
}

void tst_Identity::permissions()
{
    const Permissions unknown;
    QVERIFY(!unknown.isKnown());
    QVERIFY(!unknown.has(Permissions::AuditRead));
    QVERIFY(unknown.missingText(Permissions::AuditRead).contains(QLatin1String("Waiting")));

    const Permissions viewer({Permissions::RegionsRead, QStringLiteral("identity.self")});
    QVERIFY(viewer.isKnown());
    QVERIFY(viewer.has(Permissions::RegionsRead));
    QVERIFY(!viewer.has(Permissions::AuditRead));
    QVERIFY(viewer.missingText(Permissions::RegionsRead).isEmpty());
    QCOMPARE(viewer.missingText(Permissions::AuditRead),
             QStringLiteral("Requires the permission audit.read, which your roles do not grant."));
    QVERIFY(!(viewer == unknown));
    QVERIFY(Permissions(QStringList()).isKnown());
}

QTEST_GUILESS_MAIN(tst_Identity)
#include "tst_identity.moc"
