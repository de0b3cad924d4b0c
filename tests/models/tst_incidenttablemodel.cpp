#include "models/incidentfilterproxymodel.h"
#include "models/incidenttablemodel.h"
#include "models/silencetablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace ops;

namespace {

const QDateTime kBase = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);

Incident makeIncident(qint64 number, IncidentSeverity severity, IncidentState state,
                      qint64 ageMinutes, qint64 revision,
                      const QString &title = QStringLiteral("Latency above SLO"))
{
    Incident i;
    i.number = number;
    i.name = QStringLiteral("incidents/%1").arg(number);
    i.title = title;
    i.severity = severity;
    i.state = state;
    i.source = IncidentSource::Alertmanager;
    i.triggerTime = kBase.addSecs(-ageMinutes * 60);
    if (!i.isOpen())
        i.resolveTime = kBase.addSecs(-ageMinutes * 30);
    i.regions = {QStringLiteral("regions/eu-west")};
    i.models = {QStringLiteral("models/fraud-detector")};
    IncidentAlert alert;
    alert.fingerprint = QStringLiteral("fp%1").arg(number);
    alert.firing = i.isOpen();
    alert.labels = {{QStringLiteral("alertname"), QStringLiteral("HighLatency")},
                    {QStringLiteral("region"),
                     number % 2 ? QStringLiteral("eu-west") : QStringLiteral("us-east")}};
    i.alerts = {alert};
    i.firingAlerts = alert.firing ? 1 : 0;
    i.revision = revision;
    return i;
}

IncidentChangeBatch batchOf(qint64 revision, const QList<Incident> &incidents,
                            const QStringList &deleted = {})
{
    IncidentChangeBatch b;
    b.revision = revision;
    b.incidents = incidents;
    b.deleted = deleted;
    return b;
}

QList<qint64> numbersInViewOrder(const QAbstractItemModel &model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, IncidentTableModel::NumberColumn)
                       .data(IncidentTableModel::SortRole)
                       .toLongLong());
    return out;
}

} // namespace

class tst_IncidentTableModel : public QObject
{
    Q_OBJECT
private slots:
    void snapshotThenBatches();
    void batchesAreIdempotent();
    void olderIncidentDoesNotOverwrite();
    void deletesRemoveRows();
    void displaysQueueColumns();
    void sortsBySeverityThenAge();
    void sortsByAge();
    void filter_data();
    void filter();
    void filterUpdatesLive();
    void parsesLabelTokens();
    void tenThousandRowsFilterFast();
    void silencesIdempotentAndCountdown();
};

void tst_IncidentTableModel::snapshotThenBatches()
{
    IncidentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidents({makeIncident(1, IncidentSeverity::Sev2, IncidentState::Triggered, 5, 10)},
                       10);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.revision(), 10);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QList<Incident> added = model.applyChanges(
        {batchOf(11, {makeIncident(2, IncidentSeverity::Sev1, IncidentState::Triggered, 1, 11)}),
         batchOf(12,
                 {makeIncident(1, IncidentSeverity::Sev2, IncidentState::Acknowledged, 5, 12)})});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().name, QStringLiteral("incidents/2"));
    QCOMPARE(model.find(QStringLiteral("incidents/1"))->state, IncidentState::Acknowledged);
    QCOMPARE(model.revision(), 12);
}

void tst_IncidentTableModel::batchesAreIdempotent()
{
    IncidentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidents({}, 5);
    const QList<IncidentChangeBatch> batches = {
        batchOf(6, {makeIncident(1, IncidentSeverity::Sev3, IncidentState::Triggered, 3, 6)}),
        batchOf(7, {makeIncident(1, IncidentSeverity::Sev3, IncidentState::Mitigated, 3, 7),
                    makeIncident(2, IncidentSeverity::Sev4, IncidentState::Triggered, 2, 7)})};
    QCOMPARE(model.applyChanges(batches).size(), 2);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // A resumed watch replays what was applied: nothing changes, nothing is announced as new.
    QVERIFY(model.applyChanges(batches).isEmpty());
    QVERIFY(model.applyChanges({batches.last()}).isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.find(QStringLiteral("incidents/1"))->state, IncidentState::Mitigated);
    // A batch at or below the listing's revision is skipped as a whole.
    IncidentTableModel listed;
    listed.setIncidents({makeIncident(1, IncidentSeverity::Sev3, IncidentState::Mitigated, 3, 7)},
                        7);
    QVERIFY(listed.applyChanges(batches).isEmpty());
    QCOMPARE(listed.rowCount(), 1);
    QCOMPARE(listed.incident(0).state, IncidentState::Mitigated);
}

void tst_IncidentTableModel::olderIncidentDoesNotOverwrite()
{
    IncidentTableModel model;
    model.setIncidents({makeIncident(1, IncidentSeverity::Sev1, IncidentState::Resolved, 9, 20)},
                       15);
    // A later batch carrying an older copy of the incident (revision 18 < 20) leaves it alone.
    model.applyChanges(
        {batchOf(18, {makeIncident(1, IncidentSeverity::Sev1, IncidentState::Triggered, 9, 18)})});
    QCOMPARE(model.incident(0).state, IncidentState::Resolved);
    QCOMPARE(model.revision(), 18);
}

void tst_IncidentTableModel::deletesRemoveRows()
{
    IncidentTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidents({makeIncident(1, IncidentSeverity::Sev1, IncidentState::Triggered, 1, 1),
                        makeIncident(2, IncidentSeverity::Sev2, IncidentState::Triggered, 1, 1),
                        makeIncident(3, IncidentSeverity::Sev3, IncidentState::Triggered, 1, 1)},
                       1);
    model.applyChanges(
        {batchOf(2, {}, {QStringLiteral("incidents/2"), QStringLiteral("silences/am/xyz")})});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("incidents/2")), -1);
    QCOMPARE(model.rowOf(QStringLiteral("incidents/3")), 1);
}

void tst_IncidentTableModel::displaysQueueColumns()
{
    IncidentTableModel model;
    Incident i = makeIncident(42, IncidentSeverity::Sev1, IncidentState::Acknowledged, 125, 3);
    i.assignee = QStringLiteral("users/alice");
    i.regions = {QStringLiteral("regions/eu-west"), QStringLiteral("regions/us-east")};
    model.setIncidents({i}, 3);
    model.setNow(kBase);
    auto cell = [&](int column) {
        return model.index(0, column).data().toString();
    };
    QCOMPARE(cell(IncidentTableModel::NumberColumn), QStringLiteral("#42"));
    QCOMPARE(cell(IncidentTableModel::SeverityColumn), QStringLiteral("SEV1"));
    QCOMPARE(cell(IncidentTableModel::StateColumn), QStringLiteral("Acknowledged"));
    QCOMPARE(cell(IncidentTableModel::AgeColumn), QStringLiteral("2h 05m"));
    QCOMPARE(cell(IncidentTableModel::AssigneeColumn), QStringLiteral("alice"));
    QCOMPARE(cell(IncidentTableModel::RegionsColumn), QStringLiteral("eu-west, us-east"));
    QCOMPARE(model.index(0, IncidentTableModel::AlertsColumn).data().toInt(), 1);
    model.setNow(kBase.addSecs(3600));
    QCOMPARE(cell(IncidentTableModel::AgeColumn), QStringLiteral("3h 05m"));
    // The column says what it counts: open until now, or until it was resolved.
    QCOMPARE(model.headerData(IncidentTableModel::AgeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Open for"));
}

void tst_IncidentTableModel::sortsBySeverityThenAge()
{
    IncidentTableModel model;
    IncidentFilterProxyModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncidents({makeIncident(1, IncidentSeverity::Sev3, IncidentState::Triggered, 50, 1),
                        makeIncident(2, IncidentSeverity::Sev1, IncidentState::Triggered, 5, 1),
                        makeIncident(3, IncidentSeverity::Sev1, IncidentState::Triggered, 60, 1),
                        makeIncident(4, IncidentSeverity::Sev2, IncidentState::Resolved, 90, 1),
                        makeIncident(5, IncidentSeverity::Sev2, IncidentState::Triggered, 1, 1)},
                       1);
    // Worst first; within a severity open before resolved, then the oldest first.
    QCOMPARE(numbersInViewOrder(proxy), (QList<qint64>{3, 2, 5, 4, 1}));
    // A live change of severity moves the row.
    model.applyChanges(
        {batchOf(2, {makeIncident(1, IncidentSeverity::Sev1, IncidentState::Triggered, 50, 2)})});
    QCOMPARE(numbersInViewOrder(proxy), (QList<qint64>{3, 1, 2, 5, 4}));
    proxy.sort(IncidentTableModel::SeverityColumn, Qt::DescendingOrder);
    QCOMPARE(numbersInViewOrder(proxy).first(), 4);
}

void tst_IncidentTableModel::sortsByAge()
{
    IncidentTableModel model;
    IncidentFilterProxyModel proxy(&model);
    model.setIncidents({makeIncident(1, IncidentSeverity::Sev3, IncidentState::Triggered, 50, 1),
                        makeIncident(2, IncidentSeverity::Sev1, IncidentState::Triggered, 5, 1),
                        makeIncident(3, IncidentSeverity::Sev4, IncidentState::Triggered, 500, 1)},
                       1);
    proxy.sort(IncidentTableModel::AgeColumn, Qt::AscendingOrder);
    QCOMPARE(numbersInViewOrder(proxy), (QList<qint64>{2, 1, 3}));
    proxy.sort(IncidentTableModel::AgeColumn, Qt::DescendingOrder);
    QCOMPARE(numbersInViewOrder(proxy), (QList<qint64>{3, 1, 2}));
}

void tst_IncidentTableModel::filter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint32>("severities");
    QTest::addColumn<quint32>("states");
    QTest::addColumn<bool>("openOnly");
    QTest::addColumn<QList<qint64>>("expected"); // numbers, sorted

    const quint32 any = 0;
    QTest::newRow("nothing") << QString() << any << any << false << QList<qint64>{1, 2, 3, 4};
    QTest::newRow("word in title, any case")
        << QStringLiteral("KAFKA") << any << any << false << QList<qint64>{3};
    QTest::newRow("two words, both needed")
        << QStringLiteral("latency alice") << any << any << false << QList<qint64>{2};
    QTest::newRow("number") << QStringLiteral("#4") << any << any << false << QList<qint64>{4};
    QTest::newRow("label token, exact")
        << QStringLiteral("region=us-east") << any << any << false << QList<qint64>{2, 4};
    QTest::newRow("label token, no prefix match")
        << QStringLiteral("region=us") << any << any << false << QList<qint64>{};
    QTest::newRow("label value as word")
        << QStringLiteral("highlatency") << any << any << false << QList<qint64>{1, 2, 3, 4};
    QTest::newRow("SEV1 or SEV2") << QString() << ((1u << 1) | (1u << 2)) << any << false
                                  << QList<qint64>{1, 2};
    QTest::newRow("acknowledged") << QString() << any << (1u << 2) << false << QList<qint64>{2};
    QTest::newRow("open only") << QString() << any << any << true << QList<qint64>{1, 2, 3};
    QTest::newRow("combined") << QStringLiteral("latency") << (1u << 1) << any << true
                              << QList<qint64>{1};
}

void tst_IncidentTableModel::filter()
{
    QFETCH(QString, text);
    QFETCH(quint32, severities);
    QFETCH(quint32, states);
    QFETCH(bool, openOnly);
    QFETCH(QList<qint64>, expected);

    IncidentTableModel model;
    IncidentFilterProxyModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Incident two = makeIncident(2, IncidentSeverity::Sev2, IncidentState::Acknowledged, 2, 1);
    two.assignee = QStringLiteral("users/alice");
    model.setIncidents({makeIncident(1, IncidentSeverity::Sev1, IncidentState::Triggered, 1, 1),
                        two,
                        makeIncident(3, IncidentSeverity::Sev3, IncidentState::Mitigated, 3, 1,
                                     QStringLiteral("Kafka lag in eu-west")),
                        makeIncident(4, IncidentSeverity::Sev4, IncidentState::Closed, 4, 1)},
                       1);
    proxy.setText(text);
    proxy.setSeverities(severities);
    proxy.setStates(states);
    proxy.setOpenOnly(openOnly);
    QList<qint64> shown = numbersInViewOrder(proxy);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected);
}

void tst_IncidentTableModel::filterUpdatesLive()
{
    IncidentTableModel model;
    IncidentFilterProxyModel proxy(&model);
    model.setIncidents({makeIncident(1, IncidentSeverity::Sev1, IncidentState::Triggered, 1, 1)},
                       1);
    proxy.setOpenOnly(true);
    QCOMPARE(proxy.rowCount(), 1);
    model.applyChanges(
        {batchOf(2, {makeIncident(1, IncidentSeverity::Sev1, IncidentState::Resolved, 1, 2),
                     makeIncident(2, IncidentSeverity::Sev2, IncidentState::Triggered, 1, 2)})});
    QCOMPARE(numbersInViewOrder(proxy), (QList<qint64>{2}));
}

void tst_IncidentTableModel::parsesLabelTokens()
{
    const IncidentFilter f = IncidentFilter::parse(
        QStringLiteral(" alertname=HighLatency  \"db down\" team=\"SRE one\" ="));
    QCOMPARE(f.labels, (QStringList{QStringLiteral("alertname=HighLatency"),
                                    QStringLiteral("team=SRE one")}));
    QCOMPARE(f.words, (QStringList{QStringLiteral("db down"), QStringLiteral("=")}));
}

void tst_IncidentTableModel::tenThousandRowsFilterFast()
{
    QList<Incident> incidents;
    incidents.reserve(10000);
    for (int n = 1; n <= 10000; ++n)
        incidents.append(
            makeIncident(n, IncidentSeverity(1 + n % 4), IncidentState(1 + n % 5), n % 997, n,
                         QStringLiteral("Incident %1 in cell %2").arg(n).arg(n % 113)));
    IncidentTableModel model;
    model.setIncidents(incidents, 10000);
    IncidentFilterProxyModel proxy(&model);
    QCOMPARE(proxy.rowCount(), 10000);
    QElapsedTimer timer;
    timer.start();
    proxy.setText(QStringLiteral("\"cell 42\""));
    const qint64 ms = timer.elapsed();
    QVERIFY(proxy.rowCount() > 0);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QVERIFY(proxy.index(row, IncidentTableModel::TitleColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("cell 42")));
    // The benchmark measures it (target < 30 ms); this only catches an order-of-magnitude slip.
    QVERIFY2(ms < 1000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

void tst_IncidentTableModel::silencesIdempotentAndCountdown()
{
    SilenceTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Silence s;
    s.name = QStringLiteral("silences/am/a1");
    s.alertmanager = QStringLiteral("alertmanagers/am");
    s.matchers = {{QStringLiteral("alertname"), QStringLiteral("HighLatency"), false, true},
                  {QStringLiteral("region"), QStringLiteral("eu-.*"), true, true}};
    s.startsAt = kBase.addSecs(-60);
    s.endsAt = kBase.addSecs(2 * 3600 + 5 * 60);
    s.createdBy = QStringLiteral("users/alice");
    s.comment = QStringLiteral("deploy window");
    s.state = SilenceState::Active;
    s.matchedAlerts = 0;
    s.revision = 4;
    model.setSilences({s}, 4);
    model.setNow(kBase);
    QCOMPARE(model.index(0, SilenceTableModel::MatchersColumn).data().toString(),
             QStringLiteral("{alertname=\"HighLatency\", region=~\"eu-.*\"}"));
    QCOMPARE(model.index(0, SilenceTableModel::ExpiresColumn).data().toString(),
             QStringLiteral("2h 05m left"));
    // Matching no alert is shown as such.
    QCOMPARE(model.index(0, SilenceTableModel::MatchedColumn).data().toInt(), 0);
    model.setNow(kBase.addSecs(3 * 3600));
    QCOMPARE(model.index(0, SilenceTableModel::ExpiresColumn).data().toString(),
             QStringLiteral("expired 55m ago"));

    Silence expired = s;
    expired.state = SilenceState::Expired;
    expired.revision = 6;
    IncidentChangeBatch batch;
    batch.revision = 6;
    batch.silences = {expired};
    model.applyChanges({batch});
    QCOMPARE(model.silence(0).state, SilenceState::Expired);
    Silence stale = s;
    stale.revision = 5;
    IncidentChangeBatch old;
    old.revision = 5;
    old.silences = {stale};
    model.applyChanges({old, batch});
    QCOMPARE(model.silence(0).state, SilenceState::Expired);

    SilenceFilterProxyModel proxy(&model);
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setShowExpired(true);
    QCOMPARE(proxy.rowCount(), 1);

    QVERIFY(s.matchers.at(1).matches({{QStringLiteral("region"), QStringLiteral("eu-west")}}));
    QVERIFY(!s.matchers.at(1).matches({{QStringLiteral("region"), QStringLiteral("us-eu-1")}}));
}

QTEST_GUILESS_MAIN(tst_IncidentTableModel)
#include "tst_incidenttablemodel.moc"
