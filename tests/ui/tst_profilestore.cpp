#include "ui/connection/connectiondialog.h"
#include "ui/connection/profilestore.h"

#include "services/tokenstore.h"
#include "ui/common/theme.h"

#include "testmain.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ops;

class tst_ProfileStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tokenValidation_data();
    void tokenValidation();
    void tokensStayOutOfSettings();
    void dialogTokenField();
    void endpointValidation_data();
    void endpointValidation();
    void roundTrip();
    void dialogListsEmbeddedFirstAndValidates();
    void dialogTlsServerName();
    void screenshot(); // a picture writer (OPS_SCREENSHOTS=<dir>, scripts/screenshots)

private:
    QTemporaryDir m_dir;
};

namespace {
const QString kToken =
    QStringLiteral("opt_0123456789ab_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
} // namespace

void tst_ProfileStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Never touch the user's real token directory.
    TokenStore::setDefaultDirectory(m_dir.filePath(QStringLiteral("tokens")));
}

void tst_ProfileStore::tokenValidation_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("valid");
    QTest::newRow("valid") << kToken << true;
    QTest::newRow("truncated") << kToken.chopped(1) << false;
    QTest::newRow("upper-case id") << QString(kToken).replace(4, 1, QLatin1Char('A')) << false;
    QTest::newRow("no prefix") << kToken.mid(4) << false;
    QTest::newRow("bearer pasted") << QStringLiteral("Bearer ") + kToken << false;
}

void tst_ProfileStore::tokenValidation()
{
    QFETCH(QString, token);
    QFETCH(bool, valid);
    QString why;
    QCOMPARE(ConnectionDialog::isValidToken(token, &why), valid);
    QCOMPARE(why.isEmpty(), valid);
}

void tst_ProfileStore::tokensStayOutOfSettings()
{
    const QString iniPath = m_dir.filePath(QStringLiteral("tokens.ini"));
    const QString tokenDir = m_dir.filePath(QStringLiteral("tokens-own"));
    QSettings settings(iniPath, QSettings::IniFormat);
    ConnectionProfile prod{QStringLiteral("Production EU"),
                           QStringLiteral("eu.example.com:7443"),
                           true,
                           {},
                           {},
                           {},
                           kToken};
    {
        ProfileStore store(&settings, tokenDir);
        QVERIFY(store.save({prod}));
    }
    settings.sync();
    QFile ini(iniPath);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray content = ini.readAll();
    QVERIFY(content.contains("eu.example.com"));
    QVERIFY2(!content.contains(kToken.toUtf8()), "the token must not be in the settings file");
    QVERIFY(!content.contains("opt_"));

    const TokenStore tokens(tokenDir);
    const QString file = tokens.filePath(prod.name);
    QVERIFY(QFile::exists(file));
    QCOMPARE(QFile::permissions(file) & 0x7777, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(ProfileStore(&settings, tokenDir).load().value(0).token, kToken);
    QVERIFY(ProfileStore(&settings, tokenDir).load().value(0) == prod);

    // A deleted profile takes its token with it.
    QVERIFY(ProfileStore(&settings, tokenDir).save({}));
    QVERIFY(!QFile::exists(file));
}

void tst_ProfileStore::dialogTokenField()
{
    QSettings settings(m_dir.filePath(QStringLiteral("dialogtoken.ini")), QSettings::IniFormat);
    ProfileStore(&settings).save(
        {{QStringLiteral("Local"), QStringLiteral("127.0.0.1:7443"), false, {}, {}, {}, kToken}});
    ConnectionDialog dialog(nullptr, &settings);
    dialog.profileList()->setCurrentRow(1);
    QCOMPARE(dialog.tokenEdit()->text(), kToken);
    QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
    dialog.showTokenButton()->click();
    QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Normal);
    dialog.showTokenButton()->click();
    QCOMPARE(dialog.tokenEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(dialog.validationMessage().isEmpty());

    dialog.tokenEdit()->setText(QStringLiteral("opt_123"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("incomplete")));
    dialog.tokenEdit()->setText(kToken);
    // A token in clear over the network is refused; TLS with a missing CA file is explained.
    dialog.endpointEdit()->setText(QStringLiteral("platform.example.com:7443"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("TLS")));
    // Also when only some of the replicas are elsewhere.
    dialog.endpointEdit()->setText(QStringLiteral("127.0.0.1:7443, 10.0.0.2:7443"));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("TLS")));
    dialog.endpointEdit()->setText(QStringLiteral("127.0.0.1:7443, 127.0.0.2:7443"));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    dialog.endpointEdit()->setText(QStringLiteral("platform.example.com:7443"));
    dialog.tlsCheckBox()->setChecked(true);
    QVERIFY(dialog.validationMessage().isEmpty());
    dialog.caFileEdit()->setText(m_dir.filePath(QStringLiteral("missing-ca.pem")));
    QVERIFY(dialog.validationMessage().contains(QStringLiteral("does not exist")));
}

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
    // Several replicas: IP addresses of one family, balanced round robin.
    QTest::newRow("replicas ipv4")
        << QStringLiteral("10.0.0.1:7443, 10.0.0.2:7443,10.0.0.3:7443") << true;
    QTest::newRow("replicas ipv6") << QStringLiteral("[::1]:7443,[fd00::2]:7443") << true;
    QTest::newRow("replicas by name")
        << QStringLiteral("a.example.com:443,b.example.com:443") << false;
    QTest::newRow("replicas mixed families") << QStringLiteral("10.0.0.1:7443,[::1]:7443") << false;
    QTest::newRow("replica twice") << QStringLiteral("10.0.0.1:7443,10.0.0.1:7443") << false;
    QTest::newRow("replica without port") << QStringLiteral("10.0.0.1:7443,10.0.0.2") << false;
    QTest::newRow("bad ipv4") << QStringLiteral("10.0.0.1:7443,10.0.0.300:7443") << false;
}

void tst_ProfileStore::endpointValidation()
{
    QFETCH(QString, endpoint);
    QFETCH(bool, valid);
    QString why;
    QCOMPARE(ProfileStore::isValidEndpoint(endpoint, &why), valid);
    QCOMPARE(why.isEmpty(), valid); // a rejection always says why
}

void tst_ProfileStore::roundTrip()
{
    QSettings settings(m_dir.filePath(QStringLiteral("roundtrip.ini")), QSettings::IniFormat);
    ConnectionProfile prod{QStringLiteral("Production EU"),
                           QStringLiteral("eu.example.com:7443"),
                           true,
                           QStringLiteral("/etc/ca.pem"),
                           QStringLiteral("/c.pem"),
                           QStringLiteral("/c.key")};
    prod.tlsServerName = QStringLiteral("platform.example.com");
    ConnectionProfile lab{
        QStringLiteral("Lab"), QStringLiteral("10.0.0.5:50051"), false, {}, {}, {}};
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
    ProfileStore(&settings).save(
        {{QStringLiteral("Lab"), QStringLiteral("10.0.0.5:50051"), false, {}, {}, {}}});
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
    QCOMPARE(dialog.result(), int(QDialog::Rejected)); // not accepted while invalid

    dialog.endpointEdit()->setText(QStringLiteral("lab.example.com:7443"));
    QVERIFY(dialog.validationMessage().isEmpty());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.selectedProfile().endpoint, QStringLiteral("lab.example.com:7443"));
    ProfileStore store(&settings);
    QCOMPARE(store.load().value(0).endpoint, QStringLiteral("lab.example.com:7443"));
    QCOMPARE(store.lastProfileName(), QStringLiteral("Lab"));
}

void tst_ProfileStore::dialogTlsServerName()
{
    QSettings settings(m_dir.filePath(QStringLiteral("servername.ini")), QSettings::IniFormat);
    ProfileStore(&settings).save(
        {{QStringLiteral("Replicas"), QStringLiteral("10.0.0.1:7443, 10.0.0.2:7443"), false}});
    ConnectionDialog dialog(nullptr, &settings);
    dialog.profileList()->setCurrentRow(1);
    QLineEdit *name = dialog.tlsServerNameEdit();
    QVERIFY(name->text().isEmpty());
    QVERIFY(!name->placeholderText().isEmpty()); // says what an empty field means
    QVERIFY(!name->isEnabled());                 // only with TLS, like the certificate fields
    dialog.tlsCheckBox()->setChecked(true);
    QVERIFY(name->isEnabled());
    QVERIFY(dialog.validationMessage().isEmpty());

    // One name: no list, no spaces.
    for (const QString &bad :
         {QStringLiteral("a.example.com,b.example.com"), QStringLiteral("platform example.com")}) {
        name->setText(bad);
        QVERIFY2(dialog.validationMessage().contains(QStringLiteral("TLS server name")) &&
                     dialog.validationMessage().contains(bad),
                 qPrintable(dialog.validationMessage()));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
    name->setText(QStringLiteral(" platform.example.com "));
    QVERIFY2(dialog.validationMessage().isEmpty(), qPrintable(dialog.validationMessage()));
    dialog.tlsCheckBox()->setChecked(false);
    QVERIFY(!name->isEnabled());
    dialog.tlsCheckBox()->setChecked(true);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.selectedProfile().tlsServerName, QStringLiteral("platform.example.com"));
    QCOMPARE(ProfileStore(&settings).load().value(0).tlsServerName,
             QStringLiteral("platform.example.com"));

    // Shown again when the profile is opened.
    ConnectionDialog again(nullptr, &settings);
    again.profileList()->setCurrentRow(1);
    QCOMPARE(again.tlsServerNameEdit()->text(), QStringLiteral("platform.example.com"));
    QVERIFY(again.tlsServerNameEdit()->isEnabled());
}

// The connection dialog on a profile listing three replicas over TLS: <dir>/connection.png.
void tst_ProfileStore::screenshot()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    if (const QString mode = qEnvironmentVariable("OPS_SCREENSHOT_THEME"); !mode.isEmpty())
        theme::apply(theme::modeFromString(mode));
    QSettings settings(m_dir.filePath(QStringLiteral("picture.ini")), QSettings::IniFormat);
    ConnectionProfile replicas;
    replicas.name = QStringLiteral("Production (3 replicas)");
    replicas.endpoint = QStringLiteral("10.20.0.11:7443, 10.20.0.12:7443, 10.20.0.13:7443");
    replicas.useTls = true;
    QFile ca(m_dir.filePath(QStringLiteral("platform-ca.pem")));
    QVERIFY(ca.open(QIODevice::WriteOnly));
    ca.write("-----BEGIN CERTIFICATE-----\n");
    ca.close();
    replicas.caFile = ca.fileName();
    ProfileStore(&settings).save({replicas});
    ConnectionDialog dialog(nullptr, &settings);
    dialog.profileList()->setCurrentRow(1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.grab().save(dir + QStringLiteral("/connection.png")));
}

OPS_TEST_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
