// The Incidents panel with the real Alertmanager (Debian's prometheus-alertmanager on its own
// port) behind a real platformd: an alert posted to Alertmanager opens an incident in the queue
// through the webhook; "Silence from the current filter" makes a silence that Alertmanager's own
// API holds and that the Silences tab lists with 0 matched alerts; "Silence…" on the incident
// matches its alert; expiring from the console ends the silence in Alertmanager.
#include "alertmanagerprocess.h"
#include "consolefixture.h"
#include "platformdprocess.h"
#include "testmain.h"

#include "ui/incidents/incidentactions.h"
#include "ui/incidents/incidentspanel.h"
#include "ui/registry/actiondialog.h"

#include "models/incidenttablemodel.h"
#include "models/silencetablemodel.h"
#include "services/connection.h"
#include "services/identityclient.h"
#include "services/incidentclient.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace ops;

namespace {

const QByteArray kToken = "tst-console-webhook-token-0123456789";

struct Console : ConsoleFixture
{
    IdentityClient identity{&connection};
    IncidentClient client{&connection};
    IncidentsPanel panel{&client, &identity};

    Console(const QString &address, const QString &token)
    {
        panel.resize(1300, 700);
        panel.show();
        client.start();
        connectTo(address, token);
    }
    bool ready() const
    {
        return client.streamState() == IncidentClient::StreamState::Streaming &&
               identity.permissions().isKnown();
    }
    IncidentActions *actions() const { return panel.actions(); }
    const Silence *silence(const QString &name) const
    {
        const int row = panel.silencesModel()->rowOf(name);
        return row < 0 ? nullptr : &panel.silencesModel()->silence(row);
    }
};

// Alertmanager's own view of its silences (GET /api/v2/silences): id -> state.
QHash<QString, QString> alertmanagerSilences(const QString &url)
{
    QNetworkAccessManager http;
    QNetworkReply *reply =
        http.get(QNetworkRequest(QUrl(url + QStringLiteral("/api/v2/silences"))));
    QHash<QString, QString> out;
    // An unfinished reply gives an empty map: the callers' QTRY_ loops ask again.
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000)) {
        reply->abort();
        reply->deleteLater();
        return out;
    }
    const QJsonArray list = QJsonDocument::fromJson(reply->readAll()).array();
    for (const QJsonValue &v : list)
        out.insert(v[QStringLiteral("id")].toString(),
                   v[QStringLiteral("status")][QStringLiteral("state")].toString());
    reply->deleteLater();
    return out;
}

QByteArray alertJson(const QString &name, const QString &instance)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject alert{{"labels", QJsonObject{{"alertname", name},
                                                   {"service", "checkout"},
                                                   {"severity", "critical"},
                                                   {"region", "eu-west"},
                                                   {"instance", instance}}},
                            {"annotations", QJsonObject{{"summary", "Checkout errors"}}},
                            {"startsAt", now.addSecs(-30).toString(Qt::ISODateWithMs)},
                            {"endsAt", now.addSecs(3600).toString(Qt::ISODateWithMs)}};
    return QJsonDocument(QJsonArray{alert}).toJson(QJsonDocument::Compact);
}

} // namespace

class tst_IncidentSilences : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        AlertmanagerProcess::Options options;
        options.webhookUrl =
            QStringLiteral("http://127.0.0.1:%1/webhooks/alertmanager/am").arg(port);
        options.bearerToken = QString::fromLatin1(kToken);
        QVERIFY2(m_alertmanager.start(options), qPrintable(m_alertmanager.errorString()));
        const QString tokenFile = m_dir.filePath(QStringLiteral("webhook.token"));
        QFile f(tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(kToken);
        f.close();
        QVERIFY2(m_platformd.start({QStringLiteral("--alertmanager"),
                                    QStringLiteral("am=") + m_alertmanager.url(),
                                    QStringLiteral("--webhook-listen"),
                                    QStringLiteral("127.0.0.1:%1").arg(port),
                                    QStringLiteral("--webhook-token-file"), tokenFile,
                                    QStringLiteral("--silence-sync-ms"), QStringLiteral("500")}),
                 qPrintable(m_platformd.errorString()));
    }

    // An alert in Alertmanager → an incident in the queue; silenced from the incident, the
    // silence matches it; expired from the console, it ends in Alertmanager too.
    void alertToQueueSilenceAndExpire()
    {
        Console c(m_platformd.address(), m_platformd.adminToken());
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        QVERIFY(m_alertmanager.postAlerts(
            alertJson(QStringLiteral("CheckoutErrors"), QStringLiteral("10.0.0.1:9100"))));
        QString name;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < c.panel.incidentsModel()->rowCount(); ++row) {
                    const Incident &i = c.panel.incidentsModel()->incident(row);
                    if (i.source == IncidentSource::Alertmanager && !i.alerts.isEmpty() &&
                        i.alerts.first().alertName() == QLatin1String("CheckoutErrors"))
                        name = i.name;
                }
                return !name.isEmpty();
            }(),
            30000);
        c.panel.selectIncident(name);
        QAction *silence = c.actions()->action(IncidentActions::Silence);
        QVERIFY2(silence->isEnabled(), qPrintable(silence->toolTip()));
        silence->trigger();
        ActionDialog *dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->effectText().contains(QLatin1String("CheckoutErrors")));
        QVERIFY(!dialog->isAcceptable()); // a comment is required
        dialog->setComment(QStringLiteral("deploy in progress"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!c.panel.messageText().isEmpty(), 15000);
        QVERIFY2(c.panel.messageText().startsWith(QLatin1String("Silenced")),
                 qPrintable(c.panel.messageText()));
        // Listed in the Silences tab, made for the incident, matching its alert.
        QString silenceName;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Silence &s : c.panel.silencesModel()->silences())
                    if (s.incident == name && s.state == SilenceState::Active)
                        silenceName = s.name;
                return !silenceName.isEmpty();
            }(),
            20000);
        QTRY_VERIFY_WITH_TIMEOUT(c.silence(silenceName)->matchedAlerts >= 1, 20000);
        QCOMPARE(c.silence(silenceName)->comment, QStringLiteral("deploy in progress"));
        QCOMPARE(c.silence(silenceName)->createdBy, QStringLiteral("users/admin"));
        const QString id = c.silence(silenceName)->id;
        QCOMPARE(alertmanagerSilences(m_alertmanager.url()).value(id), QStringLiteral("active"));

        // Expire it from the Silences tab.
        c.panel.tabs()->setCurrentIndex(1);
        const int row = c.panel.silencesModel()->rowOf(silenceName);
        c.actions()->setSilence(silenceName, c.panel.silencesModel()->silence(row).state);
        QAction *expire = c.actions()->action(IncidentActions::ExpireSilence);
        QVERIFY2(expire->isEnabled(), qPrintable(expire->toolTip()));
        expire->trigger();
        dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(alertmanagerSilences(m_alertmanager.url()).value(id) ==
                                     QLatin1String("expired"),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Silence &s : c.panel.silencesModel()->silences())
                    if (s.id == id || s.name == silenceName)
                        return s.state == SilenceState::Expired;
                return false;
            }(),
            20000);
    }

    // "Silence from the current filter": the filter's label tokens become the matchers; the
    // silence matches no alert and is listed anyway, with 0.
    void silenceFromFilterMatchingNothing()
    {
        Console c(m_platformd.address(), m_platformd.adminToken());
        QTRY_VERIFY_WITH_TIMEOUT(c.ready(), 20000);
        QAction *fromFilter = c.actions()->action(IncidentActions::SilenceFromFilter);
        QVERIFY(!fromFilter->isEnabled());
        QVERIFY(fromFilter->toolTip().contains(QLatin1String("alertname=")));
        c.panel.filterEdit()->setText(QStringLiteral("alertname=NothingFires env=ci"));
        QVERIFY2(fromFilter->isEnabled(), qPrintable(fromFilter->toolTip()));
        fromFilter->trigger();
        ActionDialog *dialog = c.actions()->openDialog();
        QVERIFY(dialog);
        QVERIFY2(dialog->effectText().contains(
                     QLatin1String("{alertname=\"NothingFires\", env=\"ci\"}")),
                 qPrintable(dialog->effectText()));
        dialog->setComment(QStringLiteral("maintenance of the CI cluster"));
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(!c.panel.messageText().isEmpty(), 15000);
        QVERIFY2(c.panel.messageText().startsWith(QLatin1String("Silenced")),
                 qPrintable(c.panel.messageText()));
        std::optional<Silence> made;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Silence &s : c.panel.silencesModel()->silences())
                    if (s.comment == QLatin1String("maintenance of the CI cluster") &&
                        s.state == SilenceState::Active)
                        made = s;
                return made.has_value();
            }(),
            20000);
        QCOMPARE(made->matchedAlerts, 0);
        QCOMPARE(made->matchers.size(), 2);
        const int row = c.panel.silencesModel()->rowOf(made->name);
        QCOMPARE(
            c.panel.silencesModel()->index(row, SilenceTableModel::MatchedColumn).data().toInt(),
            0);
        QVERIFY(c.panel.silencesModel()
                    ->index(row, SilenceTableModel::ExpiresColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1String("left")));
        QCOMPARE(alertmanagerSilences(m_alertmanager.url()).value(made->id),
                 QStringLiteral("active"));
    }

private:
    QTemporaryDir m_dir;
    AlertmanagerProcess m_alertmanager;
    PlatformdProcess m_platformd;
};

OPS_TEST_MAIN(tst_IncidentSilences)
#include "tst_incidentsilences.moc"
