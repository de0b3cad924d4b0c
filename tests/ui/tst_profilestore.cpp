#include "ui/connection/connectiondialog.h"
#include "ui/connection/profilestore.h"

#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ops;

class tst_ProfileStore : public QObject
{
    Q_OBJECT
private slots:
    void endpointValidation_data();
    void endpointValidation();
    void roundTrip();
    void dialogListsEmbeddedFirstAndValidates();

private:
    QTemporaryDir m_dir;
};

void tst_ProfileStore::endpointValidation_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ipv4") << QStringLiteral("127.0.0.1:7443") << true;
    QTest::newRow("hostname") << QStringLiteral("platform.example.com:443") << true;
    QTest::newRow("ipv6") << QStringLiteral("[::1]:50051") << true;
    QTest::newRow("no port") << QStringLiteral("platform.example.com") << false;
    QTest::newRow("port zero") << QStringLiteral("host:0") << false;
    QTest::newRow("port too big") << QStringLiteral("host:65536") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("scheme") << QStringLiteral("https://host:443") << false;
    QTest::newRow("space in host") << QStringLiteral("my host:443") << false;
}

void tst_ProfileStore::endpointValidation()
{
    QFETCH(QString, endpoint);
    QFETCH(bool, valid);
    QString why;
    QCOMPARE(ProfileStore::isValidEndpoint(endpoint, &why), valid);
    QCOMPARE(why.isEmpty(), valid);  // a rejection always says why
}

void tst_ProfileStore::roundTrip()
{
    QSettings settings(m_dir.filePath(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
    ConnectionProfile prod{QStringLiteral("Production EU"), QStringLiteral("eu.example.com:7443"),
                           true, QStringLiteral("/etc/ca.pem"), QStringLiteral("/c.pem"),
                           QStringLiteral("/c.key")};
    ConnectionProfile lab{QStringLiteral("Lab"), QStringLiteral("10.0.0.5:50051"), false, {}, {},
                          {}};
    {
        ProfileStore store(&settings);
        QVERIFY(store.load().isEmpty());
        ConnectionProfile none;
        QVERIFY(!store.lastProfile(&none));
        store.save({prod, lab});
        store.setLastProfileName(lab.name);
    }
    ProfileStore store(&settings);
    const QList<ConnectionProfile> loaded = store.load();
    QCOMPARE(loaded.size(), 2);
    QVERIFY(loaded.at(0) == prod);
    QVERIFY(loaded.at(1) == lab);
    ConnectionProfile last;
    QVERIFY(store.lastProfile(&last));
    QVERIFY(last == lab);
    // Only paths and names are stored: nothing that looks like a secret.
    settings.sync();
    for (const QString &key : settings.allKeys()) {
        QVERIFY2(!key.contains(QLatin1String("token"), Qt::CaseInsensitive), qPrintable(key));
        QVERIFY2(!key.contains(QLatin1String("password"), Qt::CaseInsensitive), qPrintable(key));
    }
    store.setLastProfileName({});
    QVERIFY(!store.lastProfile(&last));
}

void tst_ProfileStore::dialogListsEmbeddedFirstAndValidates()
{
    QSettings settings(m_dir.filePath(QStringLiteral("dialog.ini")), QSettings::IniFormat);
    ProfileStore(&settings).save({{QStringLiteral("Lab"), QStringLiteral("10.0.0.5:50051"), false,
                                   {}, {}, {}}});
    ConnectionDialog dialog(nullptr, &settings);
    QCOMPARE(dialog.profileList()->count(), 2);
    QCOMPARE(dialog.profileList()->item(0)->text(), QStringLiteral("Embedded demo platform"));
    QVERIFY(dialog.isEmbeddedSelected());

    dialog.profileList()->setCurrentRow(1);
    QVERIFY(!dialog.isEmbeddedSelected());
    QCOMPARE(dialog.endpointEdit()->text(), QStringLiteral("10.0.0.5:50051"));
    dialog.endpointEdit()->setText(QStringLiteral("not an endpoint"));
    QVERIFY(!dialog.validationMessage().isEmpty());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));  // not accepted while invalid

    dialog.endpointEdit()->setText(QStringLiteral("lab.example.com:7443"));
    QVERIFY(dialog.validationMessage().isEmpty());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.selectedProfile().endpoint, QStringLiteral("lab.example.com:7443"));
    ProfileStore store(&settings);
    QCOMPARE(store.load().value(0).endpoint, QStringLiteral("lab.example.com:7443"));
    QCOMPARE(store.lastProfileName(), QStringLiteral("Lab"));
}

QTEST_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
