// Incident figures:
//   incident_queue_10k_filter_ms — 10,000 incidents in the queue model; one filter keystroke
//     (IncidentFilterProxyModel::setText) until the proxy has filtered and sorted; median and p95
//     over a typed-and-erased word. Target < 30 ms.
//   incident_webhook_to_pixel_p99_ms — an Alertmanager webhook POSTed to platformd's webhook
//     endpoint (`ENDPOINT webhook <url>`) until the new incident's row is painted in the console's
//     queue view (offscreen), through gRPC, the WatchIncidents stream, the 16 ms coalescing tick,
//     the model and the proxy. Target < 100 ms.
#include "models/incidentfilterproxymodel.h"
#include "models/incidenttablemodel.h"
#include "services/connection.h"
#include "services/incidentclient.h"
#include "ui/incidents/incidentspanel.h"

#include "platformdprocess.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace ops;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

Incident makeIncident(int n)
{
    static const char *const words[] = {"latency", "errors", "saturation", "drift", "kafka",
                                        "disk",    "cpu",    "memory",     "dns",   "tls"};
    static const char *const regions[] = {"eu-west", "eu-central", "us-east",
                                          "us-west", "ap-south",   "ap-northeast",
                                          "sa-east", "af-south",   "me-central"};
    Incident i;
    i.number = n;
    i.name = QStringLiteral("incidents/%1").arg(n);
    i.title = QStringLiteral("%1 %2 in %3 cell %4")
                  .arg(QLatin1String(words[n % 10]), QLatin1String(words[(n / 10) % 10]),
                       QLatin1String(regions[n % 9]))
                  .arg(n % 113);
    i.severity = IncidentSeverity(1 + n % 4);
    i.state = IncidentState(1 + n % 5);
    i.source = IncidentSource(1 + n % 3);
    i.assignee = QStringLiteral("users/user%1").arg(n % 37);
    i.regions = {QStringLiteral("regions/%1").arg(QLatin1String(regions[n % 9]))};
    i.triggerTime = QDateTime::currentDateTimeUtc().addSecs(-n * 37);
    IncidentAlert a;
    a.fingerprint = QString::number(n, 16);
    a.firing = true;
    a.labels = {{QStringLiteral("alertname"), QStringLiteral("Alert%1").arg(n % 50)},
                {QStringLiteral("region"), QLatin1String(regions[n % 9])},
                {QStringLiteral("service"), QStringLiteral("svc-%1").arg(n % 23)}};
    i.alerts = {a};
    i.firingAlerts = 1;
    i.revision = n;
    return i;
}

void benchFilter()
{
    QList<Incident> incidents;
    incidents.reserve(10000);
    for (int n = 1; n <= 10000; ++n)
        incidents.append(makeIncident(n));
    IncidentTableModel model;
    model.setIncidents(incidents, 10000);
    IncidentFilterProxyModel proxy(&model);
    proxy.setOpenOnly(true);
    QTableView view;
    view.setModel(&proxy);
    view.resize(1400, 800);
    view.show();
    QApplication::processEvents();
    // Typed, then erased: "r", "re", "reg", … and back, then a label token.
    std::vector<double> ms;
    const QStringList texts = [] {
        QStringList out;
        for (const QString &word :
             {QStringLiteral("region=eu-west"), QStringLiteral("latency cell 4"),
              QStringLiteral("kafka errors")}) {
            for (int len = 1; len <= word.size(); ++len)
                out.append(word.left(len));
            for (int len = word.size() - 1; len >= 0; --len)
                out.append(word.left(len));
        }
        return out;
    }();
    for (int round = 0; round < 3; ++round) {
        for (const QString &text : texts) {
            QElapsedTimer timer;
            timer.start();
            proxy.setText(text);
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            QApplication::processEvents(); // the view relayouts between keystrokes
        }
    }
    std::printf("incident_queue_10k_filter_ms: %.2f ms (median keystroke, 10,000 incidents, "
                "%zu keystrokes)\n",
                percentile(ms, 0.5), ms.size());
    std::printf("incident_queue_10k_filter_p95_ms: %.2f ms\n", percentile(ms, 0.95));
}

// Notes when the row of the incident carrying `bench_id` = target is painted.
class PaintProbe : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QString target; // incidents/{n} to wait for
    bool painted = false;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        if (!target.isEmpty() && index.data(IncidentTableModel::NameRole).toString() == target)
            const_cast<PaintProbe *>(this)->painted = true;
    }
};

QByteArray webhookBody(int id)
{
    const QString now =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    const QString alert =
        QStringLiteral(
            R"({"status":"firing","labels":{"alertname":"BenchAlert","bench_id":"%1","region":"eu-west","severity":"critical"},)"
            R"("annotations":{"summary":"bench webhook %1"},"startsAt":"%2","endsAt":"0001-01-01T00:00:00Z",)"
            R"("generatorURL":"http://127.0.0.1:9090/graph","fingerprint":"%3"})")
            .arg(id)
            .arg(now)
            .arg(QStringLiteral("be%1").arg(id, 14, 16, QLatin1Char('0')));
    return QStringLiteral(
               R"({"receiver":"console-webhook","status":"firing","alerts":[%1],)"
               R"("groupLabels":{"alertname":"BenchAlert","bench_id":"%2"},"commonLabels":{"alertname":"BenchAlert"},)"
               R"("commonAnnotations":{},"externalURL":"http://127.0.0.1:9093","version":"4",)"
               R"("groupKey":"{}:{alertname=\"BenchAlert\", bench_id=\"%2\"}","truncatedAlerts":0})")
        .arg(alert)
        .arg(id)
        .toUtf8();
}

int benchWebhookToPixel()
{
    QTemporaryDir dir;
    const QString tokenPath = dir.filePath(QStringLiteral("webhook.token"));
    const QByteArray webhookToken = "bench-webhook-token-0123456789abcdef";
    {
        QFile f(tokenPath);
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        f.write(webhookToken);
    }
    // Started here rather than through PlatformdProcess: the ENDPOINT lines come before LISTEN.
    QProcess platformd;
    platformd.setProcessChannelMode(QProcess::SeparateChannels);
    platformd.setStandardErrorFile(QProcess::nullDevice());
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    platformd.start(PlatformdProcess::binaryPath(),
                    {QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("3"),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--data-dir"), dataDir, QStringLiteral("--alertmanager"),
                     QStringLiteral("bench=http://127.0.0.1:9"), QStringLiteral("--webhook-listen"),
                     QStringLiteral("127.0.0.1:0"), QStringLiteral("--webhook-token-file"),
                     tokenPath});
    QString url, address;
    QElapsedTimer wait;
    wait.start();
    while (address.isEmpty() && wait.elapsed() < 20000 &&
           platformd.state() != QProcess::NotRunning) {
        if (!platformd.canReadLine()) {
            platformd.waitForReadyRead(200);
            continue;
        }
        const QByteArray line = platformd.readLine().trimmed();
        if (line.startsWith("ENDPOINT webhook "))
            url = QString::fromUtf8(line.mid(17));
        else if (line.startsWith("LISTEN "))
            address = QString::fromUtf8(line.mid(7));
    }
    if (address.isEmpty() || url.isEmpty()) {
        std::fprintf(stderr, "bench_incidents: platformd printed no %s line\n",
                     address.isEmpty() ? "LISTEN" : "ENDPOINT webhook");
        return 1;
    }
    QFile adminToken(dataDir + QStringLiteral("/admin.token"));
    if (!adminToken.open(QIODevice::ReadOnly))
        return 1;
    struct Stop
    {
        QProcess &p;
        ~Stop()
        {
            p.terminate();
            if (!p.waitForFinished(10000))
                p.kill();
            p.waitForFinished(5000);
        }
    } stop{platformd};
    Connection connection;
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.endpoint = address;
    profile.token = QString::fromUtf8(adminToken.readAll()).trimmed();
    IncidentClient client(&connection);
    IncidentsPanel panel(&client, nullptr);
    panel.resize(1400, 800);
    panel.show();
    QTableView *view = panel.queueView();
    // The newest first, so a new row is where the view paints.
    view->sortByColumn(IncidentTableModel::AgeColumn, Qt::AscendingOrder);
    auto *probe = new PaintProbe(view);
    view->setItemDelegateForColumn(IncidentTableModel::TitleColumn, probe);
    client.start();
    connection.open(profile);
    if (!QTest::qWaitFor(
            [&] { return client.streamState() == IncidentClient::StreamState::Streaming; },
            20000)) {
        std::fprintf(stderr, "bench_incidents: the incident stream did not start\n");
        return 1;
    }
    QNetworkAccessManager http;
    const QUrl target(url + QStringLiteral("/webhooks/alertmanager/bench"));
    std::vector<double> ms, acks;
    int failures = 0;
    QString awaitedId;
    QObject::connect(panel.incidentsModel(), &QAbstractItemModel::rowsInserted, probe,
                     [&](const QModelIndex &, int first, int last) {
                         for (int row = first; row <= last; ++row) {
                             const Incident &i = panel.incidentsModel()->incident(row);
                             if (i.groupLabels.value(QStringLiteral("bench_id")) == awaitedId)
                                 probe->target = i.name;
                         }
                     });
    for (int id = 1; id <= 120; ++id) {
        awaitedId = QString::number(id);
        probe->target.clear();
        probe->painted = false;
        QNetworkRequest request(target);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setRawHeader("Authorization", "Bearer " + webhookToken);
        QElapsedTimer timer;
        timer.start();
        QNetworkReply *reply = http.post(request, webhookBody(id));
        double ackMs = -1;
        QObject::connect(reply, &QNetworkReply::finished, reply,
                         [&ackMs, &timer] { ackMs = double(timer.nsecsElapsed()) / 1e6; });
        const bool ok = QTest::qWaitFor([&] { return probe->painted; }, 5000);
        const double elapsed = double(timer.nsecsElapsed()) / 1e6;
        const bool answered = QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000);
        const int status =
            !answered ? 0 : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (!ok || status != 200) {
            if (++failures <= 3)
                std::fprintf(stderr, "bench_incidents: webhook %d: HTTP %d, painted %d\n", id,
                             status, int(ok));
            continue;
        }
        if (id > 20) { // the first ones warm up connections and caches
            ms.push_back(elapsed);
            acks.push_back(ackMs);
        }
    }
    if (ms.empty())
        return 1;
    std::printf("incident_webhook_to_pixel_p99_ms: %.1f ms (webhook POST -> row painted, %zu "
                "webhooks, %d failed)\n",
                percentile(ms, 0.99), ms.size(), failures);
    std::printf("incident_webhook_to_pixel_median_ms: %.1f ms\n", percentile(ms, 0.5));
    std::printf("incident_webhook_ack_median_ms: %.1f ms (POST -> platformd's 200, durable)\n",
                percentile(acks, 0.5));
    std::printf("incident_webhook_ack_p99_ms: %.1f ms\n", percentile(acks, 0.99));
    return failures ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    benchFilter();
    return benchWebhookToPixel();
}
