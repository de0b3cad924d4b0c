#include "models/versiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ops;

namespace {

ModelVersionInfo makeVersion(const QString &model, qint64 number, ModelStage stage, double accuracy,
                             const QString &framework = QStringLiteral("pytorch 2.3"))
{
    ModelVersionInfo v;
    v.model = QStringLiteral("models/") + model;
    v.name = QStringLiteral("%1/versions/%2").arg(v.model).arg(number);
    v.version = number;
    v.stage = stage;
    v.status = VersionStatus::Ready;
    v.framework = framework;
    v.dataset = QStringLiteral("datasets/%1").arg(model);
    v.createdBy = QStringLiteral("users/alice");
    v.createTime = QDateTime::fromSecsSinceEpoch(1'790'000'000 + number * 60, Qt::UTC);
    if (accuracy >= 0)
        v.metrics.insert(QStringLiteral("accuracy"), accuracy);
    v.metrics.insert(QStringLiteral("f1"), 0.5);
    return v;
}

QList<qint64> versionsInViewOrder(const VersionTableModel &model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.version(row));
    return out;
}

} // namespace

class tst_VersionTableModel : public QObject
{
    Q_OBJECT
private slots:
    void appendPagesInsertsBatches();
    void displaysCompactStorage();
    void sortByColumn_data();
    void sortByColumn();
    void sortIsStableAndKeepsSelection();
    void missingMetricSortsLast();
    void upsertReplacesRow();
    void hundredThousandRows();
};

void tst_VersionTableModel::appendPagesInsertsBatches()
{
    VersionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QList<ModelVersionInfo> page1, page2;
    for (int i = 1; i <= 3; ++i)
        page1.append(makeVersion(QStringLiteral("fraud"), i, ModelStage::None, 0.8 + i / 100.0));
    for (int i = 4; i <= 5; ++i)
        page2.append(makeVersion(QStringLiteral("fraud"), i, ModelStage::Staging, 0.9));
    model.appendPage(page1);
    model.appendPage(page2);
    model.appendPage({}); // an empty last page inserts nothing
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(inserted.size(), 2); // one beginInsertRows per page
    QCOMPARE(inserted.at(1).at(1).toInt(), 3);
    QCOMPARE(inserted.at(1).at(2).toInt(), 4);
    QCOMPARE(versionsInViewOrder(model), (QList<qint64>{1, 2, 3, 4, 5}));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_VersionTableModel::displaysCompactStorage()
{
    VersionTableModel model;
    ModelVersionInfo v = makeVersion(QStringLiteral("churn"), 7, ModelStage::Production, 0.93456);
    v.aliases = {QStringLiteral("champion"), QStringLiteral("stable")};
    model.appendPage({v});
    QCOMPARE(model.index(0, VersionTableModel::ModelColumn).data().toString(),
             QStringLiteral("churn"));
    QCOMPARE(model.index(0, VersionTableModel::VersionColumn).data().toLongLong(), 7);
    QCOMPARE(model.index(0, VersionTableModel::StageColumn).data().toString(),
             RegistryText::stage(ModelStage::Production));
    QCOMPARE(model.index(0, VersionTableModel::AliasesColumn).data().toString(),
             QStringLiteral("champion, stable"));
    QCOMPARE(model.index(0, 0).data(VersionTableModel::AliasesRole).toStringList(),
             (QStringList{QStringLiteral("champion"), QStringLiteral("stable")}));
    QCOMPARE(model.metricKey(), QStringLiteral("accuracy")); // preferred default
    QCOMPARE(model.headerData(VersionTableModel::MetricColumn, Qt::Horizontal).toString(),
             QStringLiteral("accuracy"));
    QCOMPARE(model.index(0, VersionTableModel::MetricColumn).data().toString(),
             QStringLiteral("0.9346"));
    QCOMPARE(model.index(0, VersionTableModel::CreatedByColumn).data().toString(),
             QStringLiteral("alice"));
    QCOMPARE(model.index(0, 0).data(VersionTableModel::NameRole).toString(),
             QStringLiteral("models/churn/versions/7"));
    const QVariantMap metrics = model.index(0, 0).data(VersionTableModel::MetricsRole).toMap();
    QCOMPARE(metrics.value(QStringLiteral("f1")).toDouble(), 0.5);
    model.setMetricKey(QStringLiteral("f1"));
    QCOMPARE(model.index(0, VersionTableModel::MetricColumn).data().toString(),
             QStringLiteral("0.5000"));
    QCOMPARE(model.metricKeys(), (QStringList{QStringLiteral("accuracy"), QStringLiteral("f1")}));
}

void tst_VersionTableModel::sortByColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QList<qint64>>("expected");
    // Rows (arrival order): b/1 None 0.70 xgb, a/2 Prod 0.95 torch, c/3 Staging 0.80 torch,
    //                       a/4 Archived 0.60 xgb
    QTest::newRow("version ascending") << int(VersionTableModel::VersionColumn)
                                       << int(Qt::AscendingOrder) << QList<qint64>{1, 2, 3, 4};
    QTest::newRow("version descending") << int(VersionTableModel::VersionColumn)
                                        << int(Qt::DescendingOrder) << QList<qint64>{4, 3, 2, 1};
    QTest::newRow("model then version") << int(VersionTableModel::ModelColumn)
                                        << int(Qt::AscendingOrder) << QList<qint64>{2, 4, 1, 3};
    QTest::newRow("stage (None, Staging, Production, Archived)")
        << int(VersionTableModel::StageColumn) << int(Qt::AscendingOrder)
        << QList<qint64>{1, 3, 2, 4};
    QTest::newRow("metric descending") << int(VersionTableModel::MetricColumn)
                                       << int(Qt::DescendingOrder) << QList<qint64>{2, 3, 1, 4};
    QTest::newRow("framework, ties in arrival order")
        << int(VersionTableModel::FrameworkColumn) << int(Qt::AscendingOrder)
        << QList<qint64>{2, 3, 1, 4};
    QTest::newRow("created descending") << int(VersionTableModel::CreatedColumn)
                                        << int(Qt::DescendingOrder) << QList<qint64>{4, 3, 2, 1};
}

void tst_VersionTableModel::sortByColumn()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QList<qint64>, expected);
    VersionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString torch = QStringLiteral("pytorch 2.3"), xgb = QStringLiteral("xgboost 2.0");
    model.appendPage({makeVersion(QStringLiteral("b"), 1, ModelStage::None, 0.70, xgb),
                      makeVersion(QStringLiteral("a"), 2, ModelStage::Production, 0.95, torch),
                      makeVersion(QStringLiteral("c"), 3, ModelStage::Staging, 0.80, torch),
                      makeVersion(QStringLiteral("a"), 4, ModelStage::Archived, 0.60, xgb)});
    model.sort(column, Qt::SortOrder(order));
    QCOMPARE(versionsInViewOrder(model), expected);
    QCOMPARE(model.sortColumn(), column);
}

void tst_VersionTableModel::sortIsStableAndKeepsSelection()
{
    VersionTableModel model;
    QList<ModelVersionInfo> page;
    // Stages repeat; within a stage, arrival order must survive either direction.
    const ModelStage stages[] = {ModelStage::Staging, ModelStage::None, ModelStage::Staging,
                                 ModelStage::None, ModelStage::Staging};
    for (int i = 0; i < 5; ++i)
        page.append(makeVersion(QStringLiteral("m"), i + 1, stages[i], 0.5));
    model.appendPage(page);
    const QPersistentModelIndex selected = model.index(2, VersionTableModel::VersionColumn); // v3
    model.sort(VersionTableModel::StageColumn, Qt::AscendingOrder);
    QCOMPARE(versionsInViewOrder(model), (QList<qint64>{2, 4, 1, 3, 5}));
    QCOMPARE(selected.row(), 3);
    QCOMPARE(selected.data().toLongLong(), 3);
    model.sort(VersionTableModel::StageColumn, Qt::DescendingOrder);
    QCOMPARE(versionsInViewOrder(model), (QList<qint64>{1, 3, 5, 2, 4}));
    QCOMPARE(selected.data().toLongLong(), 3);
    // Sorting twice by the same key gives the same order (no drift).
    model.sort(VersionTableModel::StageColumn, Qt::DescendingOrder);
    QCOMPARE(versionsInViewOrder(model), (QList<qint64>{1, 3, 5, 2, 4}));
}

void tst_VersionTableModel::missingMetricSortsLast()
{
    VersionTableModel model;
    model.appendPage({makeVersion(QStringLiteral("m"), 1, ModelStage::None, 0.5),
                      makeVersion(QStringLiteral("m"), 2, ModelStage::None, -1), // no accuracy
                      makeVersion(QStringLiteral("m"), 3, ModelStage::None, 0.9)});
    model.setMetricKey(QStringLiteral("accuracy"));
    model.sort(VersionTableModel::MetricColumn, Qt::AscendingOrder);
    QCOMPARE(versionsInViewOrder(model), (QList<qint64>{1, 3, 2}));
    model.sort(VersionTableModel::MetricColumn, Qt::DescendingOrder);
    QCOMPARE(versionsInViewOrder(model), (QList<qint64>{3, 1, 2}));
    QVERIFY(!model.index(2, VersionTableModel::MetricColumn).data().isValid());
}

void tst_VersionTableModel::upsertReplacesRow()
{
    VersionTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendPage({makeVersion(QStringLiteral("m"), 1, ModelStage::Production, 0.5),
                      makeVersion(QStringLiteral("m"), 2, ModelStage::Staging, 0.6)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.upsert(makeVersion(QStringLiteral("m"), 1, ModelStage::Archived, 0.5));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.stage(model.rowOf(QStringLiteral("models/m"), 1)), ModelStage::Archived);
    model.upsert(makeVersion(QStringLiteral("m"), 3, ModelStage::None, 0.7));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("models/m"), 3), 2);
    QCOMPARE(model.rowOf(QStringLiteral("models/other"), 1), -1);
}

void tst_VersionTableModel::hundredThousandRows()
{
    VersionTableModel model;
    QElapsedTimer timer;
    timer.start();
    for (int p = 0; p < 20; ++p) {
        QList<ModelVersionInfo> page;
        page.reserve(5000);
        for (int i = 0; i < 5000; ++i) {
            const int n = p * 5000 + i;
            page.append(makeVersion(QStringLiteral("model-%1").arg(n % 40), n / 40 + 1,
                                    ModelStage(n % 4), double((n * 7919) % 1000) / 1000.0));
        }
        model.appendPage(page);
    }
    QCOMPARE(model.rowCount(), 100000);
    timer.restart();
    model.sort(VersionTableModel::MetricColumn, Qt::DescendingOrder);
    const qint64 sortMs = timer.elapsed();
    qInfo("sort of 100k rows by a metric: %lld ms", sortMs);
    for (int row = 1; row < model.rowCount(); ++row) {
        const double a = model.index(row - 1, 0)
                             .data(VersionTableModel::MetricsRole)
                             .toMap()
                             .value(QStringLiteral("accuracy"))
                             .toDouble();
        const double b = model.index(row, 0)
                             .data(VersionTableModel::MetricsRole)
                             .toMap()
                             .value(QStringLiteral("accuracy"))
                             .toDouble();
        if (a < b)
            QFAIL(
                qPrintable(QStringLiteral("row %1 out of order: %2 < %3").arg(row).arg(a).arg(b)));
        if (row > 2000)
            break; // the head is enough to see the order; the whole run would be slow in debug
    }
    model.sort(VersionTableModel::ModelColumn, Qt::AscendingOrder);
    QCOMPARE(model.modelName(0), QStringLiteral("models/model-0"));
    QCOMPARE(model.version(0), 1);
    QCOMPARE(model.modelName(99999), QStringLiteral("models/model-9"));
    QVERIFY2(model.storageBytes() < 20 * 1024 * 1024,
             qPrintable(QStringLiteral("storage %1 bytes").arg(model.storageBytes())));
}

QTEST_GUILESS_MAIN(tst_VersionTableModel)
#include "tst_versiontablemodel.moc"
