#include "costpanel.h"

#include "costbudgets.h"
#include "costcharts.h"
#include "costexplorer.h"
#include "costimportdialog.h"
#include "costreport.h"
#include "costtablepage.h"

#include "ui/common/theme.h"
#include "ui/registry/csvexport.h"

#include "models/costexplorermodel.h"
#include "models/costtablemodels.h"
#include "models/identity.h"
#include "services/costclient.h"
#include "services/identityclient.h"

#include <QChartView>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

namespace cp = cost_permissions;

namespace {

enum Tab { ExplorerTab, BudgetsTab, AnomaliesTab, RecommendationsTab, UnitCostTab };

QToolButton *toolButton(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setText(text);
    b->setObjectName(name);
    return b;
}

} // namespace

CostPanel::CostPanel(CostClient *client, IdentityClient *identity, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_identity(identity)
    , m_budgets(new BudgetTableModel(this))
    , m_anomalies(new AnomalyTableModel(this))
    , m_recommendations(new RecommendationTableModel(this))
    , m_unitCosts(new UnitCostTableModel(this))
{
    setObjectName(QStringLiteral("costPanel"));
    m_tabs = new QTabWidget(this);
    m_explorer = new CostExplorer(client, this);
    m_budgetsPage = new CostTablePage(m_budgets, QStringLiteral("costBudgets"), this);
    m_budgetsPage->table()->setItemDelegateForColumn(BudgetTableModel::ProgressColumn,
                                                     new BudgetProgressDelegate(this));
    m_budgetsPage->table()->setSelectionMode(QAbstractItemView::SingleSelection);
    m_anomaliesPage = new CostTablePage(m_anomalies, QStringLiteral("costAnomalies"), this);
    m_recommendationsPage =
        new CostTablePage(m_recommendations, QStringLiteral("costRecommendations"), this);
    m_unitCostPage = new CostTablePage(m_unitCosts, QStringLiteral("costUnitCost"), this);
    m_budgetsPage->setStretchColumn(BudgetTableModel::ScopeColumn);
    m_recommendationsPage->setStretchColumn(RecommendationTableModel::TitleColumn);
    m_unitCostPage->setStretchColumn(UnitCostTableModel::ModelColumn);
    m_tabs->addTab(m_explorer, tr("Explorer"));
    m_tabs->addTab(m_budgetsPage, tr("Budgets"));
    m_tabs->addTab(m_anomaliesPage, tr("Anomalies"));
    m_tabs->addTab(m_recommendationsPage, tr("Recommendations"));
    m_tabs->addTab(m_unitCostPage, tr("Unit cost"));

    m_newBudget = toolButton(tr("New budget…"), QStringLiteral("costNewBudget"), this);
    m_editBudget = toolButton(tr("Edit…"), QStringLiteral("costEditBudget"), this);
    m_deleteBudget = toolButton(tr("Delete"), QStringLiteral("costDeleteBudget"), this);
    m_budgetsPage->tools()->insertWidget(1, m_newBudget);
    m_budgetsPage->tools()->insertWidget(2, m_editBudget);
    m_budgetsPage->tools()->insertWidget(3, m_deleteBudget);
    m_budgetsPage->setHeaderText(tr("Budgets for the current period: actual (filled), forecast "
                                    "(light) and thresholds (ticks)"));
    m_anomaliesPage->setHeaderText(
        tr("Days whose spend left the expected band, with the dimension values that explain it"));
    m_unitCostPage->setHeaderText(
        tr("Cost per model version and per 1,000 inferences over the explorer's range"));

    m_import = toolButton(tr("Import FOCUS…"), QStringLiteral("costImport"), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("costPanelMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_tabs->setCornerWidget(m_import, Qt::TopRightCorner);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connect(m_import, &QToolButton::clicked, this, [this] { openImportDialog(); });
    connect(m_newBudget, &QToolButton::clicked, this, &CostPanel::newBudget);
    connect(m_editBudget, &QToolButton::clicked, this, &CostPanel::editBudget);
    connect(m_deleteBudget, &QToolButton::clicked, this, &CostPanel::deleteBudget);
    connect(m_budgetsPage->table(), &QTableView::doubleClicked, this, &CostPanel::editBudget);
    connect(m_budgetsPage->table()->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CostPanel::updatePermissions);
    connect(m_budgetsPage, &CostTablePage::refreshRequested, this, &CostPanel::refreshBudgets);
    connect(m_unitCostPage->table(), &QTableView::activated, this, [this](const QModelIndex &i) {
        const QString model = i.data(CostRowsModel::RowKeyRole).toString();
        if (!model.isEmpty())
            emit modelActivated(model);
    });
    m_unitCostPage->table()->setToolTip(
        tr("Double-click a model to show it in the Model registry"));
    for (CostTablePage *page : {m_anomaliesPage, m_recommendationsPage, m_unitCostPage})
        connect(page, &CostTablePage::refreshRequested, this, &CostPanel::refreshDetails);
    connect(m_budgetsPage, &CostTablePage::exportRequested, this,
            [this] { exportCurrent(BudgetsTab); });
    connect(m_anomaliesPage, &CostTablePage::exportRequested, this,
            [this] { exportCurrent(AnomaliesTab); });
    connect(m_recommendationsPage, &CostTablePage::exportRequested, this,
            [this] { exportCurrent(RecommendationsTab); });
    connect(m_unitCostPage, &CostTablePage::exportRequested, this,
            [this] { exportCurrent(UnitCostTab); });
    connect(m_explorer, &CostExplorer::exportCsvRequested, this,
            [this] { exportCurrent(ExplorerTab); });
    connect(m_explorer, &CostExplorer::reportRequested, this, &CostPanel::saveReport);
    if (m_identity)
        connect(m_identity, &IdentityClient::permissionsChanged, this,
                &CostPanel::updatePermissions);
    updatePermissions();
}

CostPanel::~CostPanel() = default;

QString CostPanel::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void CostPanel::showMessage(const QString &text, bool error)
{
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, theme::warningColor(palette()));
    m_message->setPalette(pal);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void CostPanel::refreshAll()
{
    m_explorer->refresh();
    refreshBudgets();
    refreshDetails();
}

void CostPanel::refreshBudgets()
{
    if (!m_client)
        return;
    m_budgetsPage->showLoading();
    QPointer<CostPanel> self(this);
    m_client->budgetReport([self](const QList<BudgetStatus> &statuses, const CostError &error) {
        if (!self)
            return;
        if (error.isError()) {
            self->m_budgets->setStatuses({});
            self->m_budgetsPage->showError(error.text);
        } else {
            self->m_budgets->setStatuses(statuses);
            self->m_budgetsPage->showLoaded(
                tr("No budgets yet. A manager can create one with New budget…"));
        }
        self->updatePermissions();
        emit self->budgetsLoaded();
    });
}

void CostPanel::refreshDetails()
{
    if (!m_client)
        return;
    m_detailsPending = 3;
    QPointer<CostPanel> self(this);
    auto done = [self] {
        if (self && --self->m_detailsPending == 0)
            emit self->detailsLoaded();
    };
    const QDateTime start = m_explorer->rangeStart();
    const QDateTime end = m_explorer->rangeEnd();
    m_anomaliesPage->showLoading();
    m_client->listAnomalies(
        start, end, {}, [self, done](const QList<Anomaly> &anomalies, const CostError &error) {
            if (!self)
                return;
            self->m_anomalies->setAnomalies(error.isError() ? QList<Anomaly>() : anomalies);
            if (error.isError())
                self->m_anomaliesPage->showError(error.text);
            else
                self->m_anomaliesPage->showLoaded(tr("No anomalies in %1: daily spend stayed "
                                                     "within its expected band.")
                                                      .arg(self->m_explorer->rangeText()));
            done();
        });
    m_recommendationsPage->showLoading();
    m_client->listRecommendations({}, [self, done](const RecommendationList &list,
                                                   const CostError &error) {
        if (!self)
            return;
        self->m_recommendations->setRecommendations(error.isError() ? RecommendationList() : list);
        if (error.isError()) {
            self->m_recommendationsPage->setHeaderText({});
            self->m_recommendationsPage->showError(error.text);
        } else {
            self->m_recommendationsPage->setHeaderText(
                tr("%n recommendation(s), estimated saving %1 a month", nullptr,
                   int(list.recommendations.size()))
                    .arg(
                        money::displayText(self->m_recommendations->totalSaving(), list.currency)));
            self->m_recommendationsPage->showLoaded(
                tr("No recommendations: no idle, oversized or uncommitted spend was found."));
        }
        done();
    });
    m_unitCostPage->showLoading();
    m_client->unitCosts(
        start, end, [self, done](const UnitCostReport &report, const CostError &error) {
            if (!self)
                return;
            self->m_unitCosts->setReport(error.isError() ? UnitCostReport() : report);
            if (error.isError())
                self->m_unitCostPage->showError(error.text);
            else
                self->m_unitCostPage->showLoaded(
                    tr("No cost is tagged with a model in this range."));
            done();
        });
}

void CostPanel::updatePermissions()
{
    const Permissions perms = m_identity ? m_identity->permissions() : Permissions();
    const bool mayWrite = perms.has(cp::BudgetsWrite);
    const bool selected = m_budgetsPage->table()->selectionModel()->hasSelection();
    const QString missing = perms.missingText(cp::BudgetsWrite);
    m_newBudget->setEnabled(mayWrite);
    m_editBudget->setEnabled(mayWrite && selected);
    m_deleteBudget->setEnabled(mayWrite && selected);
    for (QToolButton *b : {m_newBudget, m_editBudget, m_deleteBudget})
        b->setToolTip(mayWrite ? QString() : missing);
    m_import->setEnabled(perms.has(cp::Import));
    m_import->setToolTip(perms.has(cp::Import) ? tr("Import a FOCUS cost export (.csv, .csv.gz)")
                                               : perms.missingText(cp::Import));
}

void CostPanel::newBudget()
{
    auto *dialog = new BudgetDialog(Budget(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString id = dialog->budgetId();
        QPointer<CostPanel> self(this);
        m_client->createBudget(
            id, dialog->budget(), [self, id](const Budget &, const CostError &error) {
                if (!self)
                    return;
                self->showMessage(error.isError() ? error.text : tr("Budget %1 created.").arg(id),
                                  error.isError());
                self->refreshBudgets();
            });
    });
    dialog->open();
}

void CostPanel::editBudget()
{
    const QModelIndexList rows = m_budgetsPage->table()->selectionModel()->selectedRows();
    if (rows.isEmpty() || !m_newBudget->isEnabled())
        return;
    const int row = m_budgetsPage->proxy()->mapToSource(rows.first()).row();
    const BudgetStatus *status = m_budgets->statusAt(row);
    if (!status)
        return;
    auto *dialog = new BudgetDialog(status->budget, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList fields = dialog->changedFields();
        if (fields.isEmpty())
            return;
        const Budget budget = dialog->budget();
        QPointer<CostPanel> self(this);
        m_client->updateBudget(
            budget, fields, [self, name = budget.name](const Budget &, const CostError &e) {
                if (!self)
                    return;
                self->showMessage(e.isError() ? e.text : tr("Budget %1 saved.").arg(name),
                                  e.isError());
                self->refreshBudgets();
            });
    });
    dialog->open();
}

void CostPanel::deleteBudget()
{
    const QModelIndexList rows = m_budgetsPage->table()->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = m_budgetsPage->proxy()->mapToSource(rows.first()).row();
    const BudgetStatus *status = m_budgets->statusAt(row);
    if (!status)
        return;
    const QString name = status->budget.name;
    if (QMessageBox::question(this, tr("Delete budget"),
                              tr("Delete the budget %1? Its threshold alerts stop.").arg(name)) !=
        QMessageBox::Yes)
        return;
    QPointer<CostPanel> self(this);
    m_client->deleteBudget(name, [self, name](const CostError &error) {
        if (!self)
            return;
        self->showMessage(error.isError() ? error.text : tr("Budget %1 deleted.").arg(name),
                          error.isError());
        self->refreshBudgets();
    });
}

CostImportDialog *CostPanel::openImportDialog()
{
    auto *dialog = new CostImportDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CostImportDialog::imported, this, &CostPanel::refreshAll);
    dialog->show();
    return dialog;
}

bool CostPanel::exportCsv(int tab, const QString &path, QString *error) const
{
    const QAbstractItemModel *model = nullptr;
    switch (tab) {
    case ExplorerTab:
        model = m_explorer->model();
        break;
    case BudgetsTab:
        model = m_budgetsPage->proxy();
        break;
    case AnomaliesTab:
        model = m_anomaliesPage->proxy();
        break;
    case RecommendationsTab:
        model = m_recommendationsPage->proxy();
        break;
    case UnitCostTab:
        model = m_unitCostPage->proxy();
        break;
    default:
        break;
    }
    if (!model) {
        if (error)
            *error = tr("Nothing to export");
        return false;
    }
    return csv::save(*model, path, error, kExactTextRole); // the exact decimals, not the rounding
}

void CostPanel::exportCurrent(int tab)
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), QStringLiteral("costs.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(tab, path, &error))
        showMessage(error, true);
    else
        showMessage(tr("Exported to %1.").arg(path), false);
}

bool CostPanel::writeReport(const QString &path, QString *error) const
{
    costreport::Content content;
    content.title = tr("Cost report");
    const CostQuery query = m_explorer->currentQuery();
    content.subtitle =
        tr("%1 · grouped by %2 · %3")
            .arg(m_explorer->rangeText(), CostText::dimension(m_explorer->groupBy()),
                 query.filter.isEmpty() ? tr("all spend") : tr("filter %1").arg(query.filter));
    content.summary = m_explorer->summaryText();
    content.areaChart = m_explorer->areaChart()->view()->grab();
    content.donutChart = m_explorer->donut()->view()->grab();
    content.costs = m_explorer->model();
    content.budgets = m_budgets;
    content.recommendations = m_recommendations;
    content.recommendationsTotal =
        money::displayText(m_recommendations->totalSaving(), m_recommendations->currency());
    return costreport::writePdf(content, path, error);
}

void CostPanel::saveReport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("PDF cost report"), QStringLiteral("cost-report.pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!writeReport(path, &error))
        showMessage(error, true);
    else
        showMessage(tr("Report written to %1.").arg(path), false);
}

} // namespace ops
