#include "consolefixture.h"
#include "platformdprocess.h"
#include "testmain.h"

#include "ui/common/theme.h"
#include "ui/cost/costbudgets.h"
#include "ui/cost/costcharts.h"
#include "ui/cost/costexplorer.h"
#include "ui/cost/costimportdialog.h"
#include "ui/cost/costpanel.h"
#include "ui/cost/costtablepage.h"

#include "models/costexplorermodel.h"
#include "models/costtablemodels.h"
#include "services/connection.h"
#include "services/costclient.h"
#include "services/identityclient.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ops;

namespace {

// What MainWindow wires for the Cost panel, signed in with one token.
struct Console : ConsoleFixture
{
    IdentityClient identity{&connection};
    CostClient client{&connection};
    CostPanel panel{&client, &identity};

    Console(const QString &address, const QString &token)
    {
        panel.resize(1400, 860);
        panel.show();
        QObject::connect(&connection, &Connection::opened, &panel, &CostPanel::refreshAll);
        connectTo(address, token);
    }
    CostExplorer *explorer() const { return panel.explorer(); }
    // Waits for the explorer's current refresh to be answered.
    bool loaded() const
    {
        return QTest::qWaitFor([this] { return !explorer()->isLoading(); }, 30000);
    }
    QString row(int r, int column = 0) const
    {
        return explorer()->model()->index(r, column).data(kExactTextRole).toString();
    }
};

QString addUser(const QString &dir, const QString &user, const QString &role)
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

QString sharedData(const QString &relative)
{
    return qEnvironmentVariable("OPS_SHARED_DATA") + u'/' + relative;
}

void clickRow(QTableView *table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class tst_CostPanel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        const QStringList args = {QStringLiteral("--demo"), QStringLiteral("--seed"),
                                  QStringLiteral("7"), QStringLiteral("--demo-rate"),
                                  QStringLiteral("5")};
        QVERIFY2(m_platformd.start(args), qPrintable(m_platformd.errorString()));
        m_admin = m_platformd.adminToken();
        QVERIFY(!m_admin.isEmpty());
        // Users are added while platformd is stopped (the CLI refuses a data dir in use).
        QCOMPARE(m_platformd.terminate(), 0);
        m_viewer = addUser(m_platformd.dataDir(), QStringLiteral("vera"), QStringLiteral("viewer"));
        QVERIFY(!m_viewer.isEmpty());
        QVERIFY2(m_platformd.start(args, m_platformd.dataDir()),
                 qPrintable(m_platformd.errorString()));
        QVERIFY(m_files.isValid());
    }

    // Clicking a row, then an area, drills down (filter + next dimension); the breadcrumb goes
    // back one level and then to the top.
    void explorerDrillDownAndBack()
    {
        Console c(m_platformd.address(), m_admin);
        QVERIFY(c.loaded());
        c.explorer()->setGroupBy(CostDimension::Provider);
        QVERIFY(c.loaded());
        QVERIFY2(c.explorer()->messageText().isEmpty(), qPrintable(c.explorer()->messageText()));
        QVERIFY(c.explorer()->model()->rowCount() >= 3); // providers and the totals row
        const QString provider = c.row(0);
        const QString providerTotal = c.row(0, c.explorer()->model()->totalColumn());
        QVERIFY(!provider.isEmpty());
        QCOMPARE(c.explorer()->breadcrumbButtons().size(), 1);

        // A row: its provider joins the filter, the view regroups by service category.
        clickRow(c.explorer()->table(), 0);
        QCOMPARE(c.explorer()->path().size(), 1);
        QCOMPARE(c.explorer()->groupBy(), CostDimension::ServiceCategory);
        QCOMPARE(c.explorer()->filterExpression(),
                 QStringLiteral("provider = \"%1\"").arg(provider));
        QVERIFY(c.loaded());
        QVERIFY2(c.explorer()->messageText().isEmpty(), qPrintable(c.explorer()->messageText()));
        QCOMPARE(c.explorer()->model()->headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("Service category"));
        // The categories of that provider add up to its total (the last row is the total).
        const int totalRow = c.explorer()->model()->rowCount() - 1;
        const QString categoriesTotal = c.row(totalRow, c.explorer()->model()->totalColumn());
        QCOMPARE(
            money::toDouble(
                money::subtract(categoriesTotal, providerTotal).value_or(QStringLiteral("NaN"))),
            0.0);
        QCOMPARE(c.explorer()->breadcrumbButtons().size(), 2);

        // An area of the stacked chart: the category joins the filter, regrouped by service.
        QVERIFY(c.explorer()->areaChart()->seriesCount() >= 1);
        const QString category = c.explorer()->model()->result().series[0].key.value(0);
        const QPoint inside = c.explorer()->areaChart()->pointInside(0);
        QVERIFY(!inside.isNull());
        QTest::mouseClick(c.explorer()->areaChart()->viewport(), Qt::LeftButton, {}, inside);
        QCOMPARE(c.explorer()->path().size(), 2);
        QCOMPARE(c.explorer()->path().last().value, category);
        QCOMPARE(c.explorer()->groupBy(), CostDimension::Service);
        QVERIFY(c.explorer()->filterExpression().contains(
            QStringLiteral("service_category = \"%1\"").arg(category)));
        QVERIFY(c.loaded());
        QCOMPARE(c.explorer()->breadcrumbButtons().size(), 3);

        // Back one level with the breadcrumb, then to the top.
        c.explorer()->breadcrumbButtons().at(1)->click();
        QCOMPARE(c.explorer()->path().size(), 1);
        QCOMPARE(c.explorer()->groupBy(), CostDimension::ServiceCategory);
        QVERIFY(c.loaded());
        c.explorer()->breadcrumbButtons().at(0)->click();
        QVERIFY(c.explorer()->path().isEmpty());
        QCOMPARE(c.explorer()->groupBy(), CostDimension::Provider);
        QVERIFY(c.explorer()->filterExpression().isEmpty());
        QVERIFY(c.loaded());
        QCOMPARE(c.row(0), provider);

        // A donut slice filters on its provider while keeping the grouping's next step.
        const QStringList slices = c.explorer()->donut()->sliceLabels();
        QVERIFY(!slices.isEmpty());
        QTest::mouseClick(c.explorer()->donut()->viewport(), Qt::LeftButton, {},
                          c.explorer()->donut()->pointInside(0));
        QCOMPARE(c.explorer()->path().size(), 1);
        QCOMPARE(c.explorer()->path().first().dimension, CostDimension::Provider);
        QCOMPARE(c.explorer()->path().first().value, slices.first());
        QVERIFY(c.loaded());
    }

    // The panel opens on the last 90 days, so the previous period holds real spend and the top
    // movers are changes, not "new" everywhere; 13 months stays a preset, its month to date drawn
    // apart with the month-end forecast.
    void defaultViewComparesWithPreviousPeriod()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.explorer()->model()->rowCount() > 0, 30000);
        QVERIFY(c.loaded());
        QCOMPARE(c.explorer()->currentQuery().start.daysTo(c.explorer()->currentQuery().end), 90);
        const CostQueryResult &result = c.explorer()->model()->result();
        QVERIFY2(money::toDouble(result.previousTotal) > 0, qPrintable(result.previousTotal));
        const auto movers = c.explorer()->model()->topMovers(5);
        QVERIFY(!movers.isEmpty());
        for (const auto &m : movers)
            QVERIFY2(m.percentText != QStringLiteral("new"), qPrintable(m.label));
        QVERIFY(!c.explorer()->areaChart()->valueAxisLabels().isEmpty());
        for (const QString &label : c.explorer()->areaChart()->valueAxisLabels())
            QVERIFY2(label.size() <= 5, qPrintable(label)); // "700k", not "700000"

        c.explorer()->setRange(CostExplorer::Range::Last13Months);
        QVERIFY(c.loaded());
        QVERIFY(c.explorer()->areaChart()->lastBucketToDate());
        QTRY_VERIFY_WITH_TIMEOUT(c.explorer()->areaChart()->hasForecastLine(), 20000);
        // With the totals and the forecast shown, the panel still fits a dock beside the side
        // columns of a 1366 px screen (the long texts wrap; they once made the window 3500 px).
        QVERIFY(
            !c.explorer()->findChild<QLabel *>(QStringLiteral("costForecast"))->text().isEmpty());
        QVERIFY2(c.panel.minimumSizeHint().width() <= 900,
                 qPrintable(QString::number(c.panel.minimumSizeHint().width())));
    }

    // Deploys and incidents are markers on the time axis, named by their tooltip.
    void markersWithTooltips()
    {
        Console c(m_platformd.address(), m_admin);
        QVERIFY(c.loaded());
        c.explorer()->setRange(CostExplorer::Range::Last13Months);
        QVERIFY(c.loaded());
        const QList<CostEvent> events = c.explorer()->areaChart()->events();
        QVERIFY(!events.isEmpty());
        const int x = c.explorer()->areaChart()->markerX(0);
        QVERIFY(x > 0);
        const QString text = c.explorer()->areaChart()->markerTextAt(QPoint(x, 40));
        QVERIFY2(text.contains(events.first().title), qPrintable(text));
        QVERIFY(c.explorer()->areaChart()->markerTextAt(QPoint(1, 40)).isEmpty());
        // The forecast to the month's and the quarter's end sits beside the totals.
        QVERIFY2(c.explorer()->forecastText().startsWith(QStringLiteral("Forecast: month")),
                 qPrintable(c.explorer()->forecastText()));
    }

    // A bad filter is an error in words, in place of the chart.
    void badFilterShowsError()
    {
        Console c(m_platformd.address(), m_admin);
        QVERIFY(c.loaded());
        c.explorer()->setBaseFilter(QStringLiteral("provider ="));
        QVERIFY(c.loaded());
        QVERIFY2(c.explorer()->messageText().startsWith(QStringLiteral("Could not load the costs")),
                 qPrintable(c.explorer()->messageText()));
        QVERIFY(c.explorer()->isShowingEmpty());
        QCOMPARE(c.explorer()->model()->rowCount(), 0);
    }

    // The real FOCUS sample through the dialog: progress, then every row accepted.
    void importDialogAcceptsSample()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.importButton()->isEnabled(), 20000);
        CostImportDialog *dialog = c.panel.openImportDialog();
        dialog->setFile(sharedData(QStringLiteral("focus/focus_sample_1.0.csv")));
        QSignalSpy imported(dialog, &CostImportDialog::imported);
        dialog->startButton()->click();
        QVERIFY(dialog->isRunning());
        QVERIFY(!dialog->startButton()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
        QVERIFY2(imported.count() == 1, qPrintable(dialog->summaryText()));
        QCOMPARE(dialog->report().rowsAccepted, 1000);
        QVERIFY2(dialog->summaryText().contains(QStringLiteral("1000 of 1000 rows accepted")),
                 qPrintable(dialog->summaryText()));
        QVERIFY(dialog->rateText().contains(QStringLiteral("sent")));
        QVERIFY(dialog->rejectionsView()->isHidden());
        dialog->close();
    }

    // A malformed file: nothing written, each refused row in the table with its column.
    void importDialogShowsRejections()
    {
        QFile sample(sharedData(QStringLiteral("focus/focus_sample_1.0.csv")));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = sample.readAll().split('\n');
        const QList<QByteArray> header = lines[0].split(',');
        const int billed = int(header.indexOf("\"BilledCost\""));
        QVERIFY(billed >= 0);
        QList<QByteArray> row3 = lines[3].split(',');
        row3[billed] = "\"1,5x\"";
        lines[3] = row3.join(',');
        const QString path = m_files.filePath(QStringLiteral("malformed.csv"));
        QFile bad(path);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(lines.mid(0, 8).join('\n'));
        bad.close();

        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.importButton()->isEnabled(), 20000);
        CostImportDialog *dialog = c.panel.openImportDialog();
        dialog->setFile(path);
        dialog->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
        QVERIFY2(dialog->summaryText().startsWith(QStringLiteral("Refused")),
                 qPrintable(dialog->summaryText()));
        QVERIFY(!dialog->report().written);
        QVERIFY(dialog->rejectionsView()->isVisible());
        QVERIFY(dialog->rejectionsModel()->rowCount() >= 1);
        QCOMPARE(dialog->rejectionsModel()->index(0, RejectionTableModel::RowColumn).data(),
                 QVariant(QStringLiteral("3")));
        QCOMPARE(dialog->rejectionsModel()->index(0, RejectionTableModel::FocusColumn).data(),
                 QVariant(QStringLiteral("BilledCost")));
        dialog->close();
    }

    // A viewer reads but may not change budgets or import; the reason is in the tooltip.
    void viewerMayNotWrite()
    {
        Console c(m_platformd.address(), m_viewer);
        QTRY_VERIFY_WITH_TIMEOUT(c.identity.permissions().isKnown(), 20000);
        QVERIFY(!c.panel.newBudgetButton()->isEnabled());
        QVERIFY(c.panel.newBudgetButton()->toolTip().contains(QStringLiteral("budgets.write")));
        QVERIFY(!c.panel.importButton()->isEnabled());
        QVERIFY(c.panel.importButton()->toolTip().contains(QStringLiteral("costs.import")));
        QVERIFY(c.loaded());
        QVERIFY(c.explorer()->model()->rowCount() > 0); // but reads costs
    }

    // A budget made in the dialog shows with its progress; CSV export writes the view's rows with
    // the exact amounts.
    void budgetsAndCsv()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.newBudgetButton()->isEnabled(), 20000);
        QSignalSpy budgetsLoaded(&c.panel, &CostPanel::budgetsLoaded);
        Budget b;
        b.displayName = QStringLiteral("All cloud spend");
        b.amount = QStringLiteral("900000");
        b.currency = QStringLiteral("USD");
        b.thresholds = {{50, false}, {80, false}, {100, true}};
        bool created = false;
        c.client.createBudget(QStringLiteral("all-cloud"), b,
                              [&](const Budget &, const CostError &e) {
                                  QVERIFY2(!e.isError(), qPrintable(e.text));
                                  created = true;
                              });
        QTRY_VERIFY_WITH_TIMEOUT(created, 20000);
        c.panel.refreshBudgets();
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.budgetsPage()->isShowingTable(), 20000);
        bool found = false;
        for (int r = 0; r < c.panel.budgetsModel()->rowCount(); ++r)
            found |= c.panel.budgetsModel()->statusAt(r)->budget.name ==
                     QStringLiteral("budgets/all-cloud");
        QVERIFY(found);

        // Edit through the panel: select the row, Edit…, change the amount, OK; the report follows.
        QTableView *budgets = c.panel.budgetsPage()->table();
        c.panel.tabs()->setCurrentIndex(1);
        int row = -1;
        for (int r = 0; r < budgets->model()->rowCount(); ++r)
            if (budgets->model()->index(r, 0).data(CostRowsModel::RowKeyRole).toString() ==
                QStringLiteral("budgets/all-cloud"))
                row = r;
        QVERIFY(row >= 0);
        budgets->selectRow(row);
        QVERIFY(c.panel.editBudgetButton()->isEnabled());
        c.panel.editBudgetButton()->click();
        auto *edit = c.panel.findChild<BudgetDialog *>();
        QVERIFY(edit);
        QVERIFY(!edit->idEdit()->isEnabled()); // the id of an existing budget is fixed
        edit->amountEdit()->setText(QStringLiteral("950000.25"));
        QCOMPARE(edit->changedFields(), QStringList{QStringLiteral("amount")});
        budgetsLoaded.clear();
        edit->accept();
        QVERIFY(budgetsLoaded.wait(20000));
        QVERIFY2(c.panel.messageText().contains(QStringLiteral("saved")),
                 qPrintable(c.panel.messageText()));
        bool edited = false;
        for (int r = 0; r < c.panel.budgetsModel()->rowCount(); ++r) {
            const Budget &b = c.panel.budgetsModel()->statusAt(r)->budget;
            if (b.name == QStringLiteral("budgets/all-cloud"))
                edited = money::toDouble(b.amount) == 950000.25;
        }
        QVERIFY(edited);

        // The dialog refuses what platformd would refuse, saying why.
        BudgetDialog dialog(Budget{}, &c.panel);
        dialog.idEdit()->setText(QStringLiteral("Bad Id"));
        QVERIFY(dialog.problem().contains(QStringLiteral("lower-case")));
        dialog.idEdit()->setText(QStringLiteral("gpu"));
        dialog.nameEdit()->setText(QStringLiteral("GPU"));
        dialog.amountEdit()->setText(QStringLiteral("12,5"));
        QVERIFY(dialog.problem().contains(QStringLiteral("amount")));
        dialog.amountEdit()->setText(QStringLiteral("12.5"));
        dialog.thresholdsEdit()->setText(QStringLiteral("50, 2000"));
        QVERIFY(dialog.problem().contains(QStringLiteral("2000")));
        dialog.thresholdsEdit()->setText(QStringLiteral("50, 100f"));
        QVERIFY(dialog.problem().isEmpty());

        QVERIFY(c.loaded());
        const QString path = m_files.filePath(QStringLiteral("explorer.csv"));
        QString error;
        QVERIFY2(c.panel.exportCsv(0, path, &error), qPrintable(error));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.first().startsWith("Service,Total (USD)"));
        QVERIFY(lines.size() >= 3);
        // Money is exported as platformd's exact text, not the rounded text the table shows.
        const QModelIndex total =
            c.explorer()->model()->index(0, c.explorer()->model()->totalColumn());
        const QString exact = total.data(kExactTextRole).toString();
        QCOMPARE(total.data(Qt::ToolTipRole).toString(), exact);
        QVERIFY2(exact.contains(u'.') && exact.section(u'.', 1).size() > 2, qPrintable(exact));
        QCOMPARE(total.data().toString(), money::displayText(exact));
        const QList<QByteArray> fields = lines[1].trimmed().split(',');
        QVERIFY2(fields.contains(exact.toUtf8()), lines[1].constData());

        const QString pdf = m_files.filePath(QStringLiteral("report.pdf"));
        QVERIFY2(c.panel.writeReport(pdf, &error), qPrintable(error));
        QFile report(pdf);
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(report.read(5) == "%PDF-");
        QVERIFY(report.size() > 10000); // the charts are in it
        QVERIFY(
            !c.panel.writeReport(m_files.filePath(QStringLiteral("no/such/dir/r.pdf")), &error));
        QVERIFY2(error.contains(QStringLiteral("no/such/dir")), qPrintable(error));
    }

    // Unit cost per model version; activating a row names its model for the Model registry.
    void unitCostLeadsToRegistry()
    {
        Console c(m_platformd.address(), m_admin);
        QTRY_VERIFY_WITH_TIMEOUT(c.panel.unitCostPage()->isShowingTable(), 30000);
        QVERIFY(c.panel.unitCostModel()->rowCount() > 0);
        c.panel.tabs()->setCurrentIndex(4);
        QTableView *table = c.panel.unitCostPage()->table();
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QSignalSpy activated(&c.panel, &CostPanel::modelActivated);
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        const QString model = activated.first().first().toString();
        QVERIFY2(model.startsWith(QStringLiteral("models/")), qPrintable(model));
        QCOMPARE(model, table->model()->index(0, 0).data().toString());
    }

    void screenshot(); // a picture writer (OPS_SCREENSHOTS=<dir>, scripts/screenshots)

private:
    PlatformdProcess m_platformd;
    QString m_admin;
    QString m_viewer;
    QTemporaryDir m_files;
};

// The explorer (the default range) with deploy and incident markers, and the budgets under it:
// <dir>/cost.png; its PDF report.
void tst_CostPanel::screenshot()
{
    const QString dir = qEnvironmentVariable("OPS_SCREENSHOTS");
    QVERIFY2(!dir.isEmpty(), "run by OPS_SCREENSHOTS=<dir> (see testmain.h)");
    if (const QString mode = qEnvironmentVariable("OPS_SCREENSHOT_THEME"); !mode.isEmpty())
        theme::apply(theme::modeFromString(mode));
    Console c(m_platformd.address(), m_admin);
    c.panel.resize(1500, 900);
    QVERIFY(c.loaded());
    Budget b;
    b.displayName = QStringLiteral("AI and ML (monthly)");
    b.scopeFilter = QStringLiteral("service_category = \"AI and Machine Learning\"");
    b.amount = QStringLiteral("240000");
    b.currency = QStringLiteral("USD");
    b.thresholds = {{50, false}, {80, false}, {100, false}, {100, true}};
    bool created = false;
    c.client.createBudget(QStringLiteral("ai-ml"), b,
                          [&](const Budget &, const CostError &) { created = true; });
    QTRY_VERIFY_WITH_TIMEOUT(created, 20000);
    c.explorer()->setGroupBy(CostDimension::Provider); // the default range: what a manager sees
    QVERIFY(c.loaded());
    c.panel.refreshBudgets();
    QTRY_VERIFY_WITH_TIMEOUT(c.panel.budgetsPage()->isShowingTable(), 20000);
    QCoreApplication::processEvents();
    const QPixmap explorer = c.panel.grab();
    c.panel.tabs()->setCurrentIndex(1);
    c.panel.budgetsPage()->resize(1500, 170);
    QCoreApplication::processEvents();
    const QPixmap budgets = c.panel.budgetsPage()->grab(QRect(0, 0, 1500, 170));
    QPixmap picture(1500, explorer.height() + budgets.height());
    QPainter painter(&picture);
    painter.drawPixmap(0, 0, explorer);
    painter.drawPixmap(0, explorer.height(), budgets);
    painter.end();
    QVERIFY(picture.save(dir + QStringLiteral("/cost.png")));

    // The manager's PDF report of this view: <dir>/cost-report.pdf.
    c.panel.tabs()->setCurrentIndex(0);
    QCoreApplication::processEvents();
    QString error;
    QVERIFY2(c.panel.writeReport(dir + QStringLiteral("/cost-report.pdf"), &error),
             qPrintable(error));

    // The 13 months preset, its month to date drawn apart: <dir>/cost-13months.png.
    c.panel.tabs()->setCurrentIndex(0);
    c.explorer()->setRange(CostExplorer::Range::Last13Months);
    QVERIFY(c.loaded());
    QTRY_VERIFY_WITH_TIMEOUT(c.explorer()->areaChart()->hasForecastLine(), 20000);
    QCoreApplication::processEvents();
    QVERIFY(c.panel.grab().save(dir + QStringLiteral("/cost-13months.png")));

    // The other tabs, to look at: <dir>/cost-tab<n>.png.
    QTRY_VERIFY_WITH_TIMEOUT(c.panel.unitCostPage()->stateText().isEmpty() ||
                                 c.panel.unitCostPage()->stateText() != tr("Loading…"),
                             20000);
    c.panel.resize(1500, 600);
    for (int tab = 2; tab <= 4; ++tab) {
        c.panel.tabs()->setCurrentIndex(tab);
        QCoreApplication::processEvents();
        QVERIFY(c.panel.grab().save(dir + QStringLiteral("/cost-tab%1.png").arg(tab)));
    }

    // The import dialog after a refused file: <dir>/cost-import.png.
    QFile sample(sharedData(QStringLiteral("focus/focus_sample_1.0.csv")));
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = sample.readAll().split('\n');
    const int billed = int(lines[0].split(',').indexOf("\"BilledCost\""));
    for (int r : {3, 5}) {
        QList<QByteArray> row = lines[r].split(',');
        row[billed] = "\"1,5x\"";
        lines[r] = row.join(',');
    }
    const QString path = m_files.filePath(QStringLiteral("focus-export-2026-11.csv"));
    QFile bad(path);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write(lines.mid(0, 40).join('\n'));
    bad.close();
    CostImportDialog *dialog = c.panel.openImportDialog();
    dialog->setFile(path);
    dialog->startButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 60000);
    QCoreApplication::processEvents();
    QVERIFY(dialog->grab().save(dir + QStringLiteral("/cost-import.png")));
}

OPS_TEST_MAIN(tst_CostPanel)
#include "tst_costpanel.moc"
