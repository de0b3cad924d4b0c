#include "models/audittablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ops;

namespace {
AuditEvent event(qint64 seq, const QString &result = QStringLiteral("OK"))
{
    AuditEvent e;
    e.seq = seq;
    e.timeText = QStringLiteral("2026-11-29T06:05:00.000001Z");
    e.time = QDateTime::fromString(e.timeText, Qt::ISODateWithMs);
    e.actor = QStringLiteral("users/admin");
    e.role = QStringLiteral("admin");
    e.action = QStringLiteral("/ops.platform.v1.IdentityService/CreateUser");
    e.resource = QStringLiteral("users/u%1").arg(seq);
    e.requestSummary = QStringLiteral("roles=[viewer]");
    e.result = result;
    return e;
}
QList<AuditEvent> events(qint64 from, qint64 to)
{
    QList<AuditEvent> list;
    for (qint64 s = from; s <= to; ++s)
        list.append(
            event(s, s % 4 == 0 ? QStringLiteral("PERMISSION_DENIED") : QStringLiteral("OK")));
    return list;
}
} // namespace

class tst_AuditTableModel : public QObject
{
    Q_OBJECT
private slots:
    void appendsInOneInsertPerBatch();
    void displayAndRoles();
    void firstBadRow();
};

void tst_AuditTableModel::appendsInOneInsertPerBatch()
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setEvents(events(1, 10));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.columnCount(), int(AuditTableModel::ColumnCount));
    model.appendEvents(events(11, 30));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 10);
    QCOMPARE(inserted.first().at(2).toInt(), 29);
    // Overlap after a resume is skipped, not duplicated.
    model.appendEvents(events(25, 35));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.rowCount(), 35);
    QCOMPARE(model.lastSeq(), qint64(35));
    model.appendEvents(events(30, 35));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.deniedCount(), 8);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_AuditTableModel::displayAndRoles()
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(events(1, 4));
    const QModelIndex action = model.index(0, AuditTableModel::ActionColumn);
    QCOMPARE(action.data().toString(), QStringLiteral("IdentityService/CreateUser"));
    QCOMPARE(action.data(Qt::ToolTipRole).toString(),
             QStringLiteral("/ops.platform.v1.IdentityService/CreateUser"));
    QCOMPARE(model.index(2, AuditTableModel::SeqColumn).data(AuditTableModel::SeqRole).toLongLong(),
             qint64(3));
    QCOMPARE(model.index(3, 0).data(AuditTableModel::DeniedRole).toBool(), true);
    QCOMPARE(model.index(2, 0).data(AuditTableModel::DeniedRole).toBool(), false);
    QCOMPARE(model.headerData(AuditTableModel::ResultColumn, Qt::Horizontal).toString(),
             QStringLiteral("Result"));
    QVERIFY(!model.index(0, AuditTableModel::TimeColumn).data().toString().isEmpty());
}

void tst_AuditTableModel::firstBadRow()
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvents(events(1, 5));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setFirstBadSeq(3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 2);
    QVERIFY(model.index(2, 4).data(AuditTableModel::FirstBadRole).toBool());
    QVERIFY(!model.index(1, 4).data(AuditTableModel::FirstBadRole).toBool());
    model.setFirstBadSeq(0);
    QCOMPARE(changed.count(), 2);
    QVERIFY(!model.index(2, 4).data(AuditTableModel::FirstBadRole).toBool());
    QCOMPARE(model.rowForSeq(99), -1);
}

QTEST_GUILESS_MAIN(tst_AuditTableModel)
#include "tst_audittablemodel.moc"
