#pragma once

#include "models/cost.h"

#include <QWidget>

class QLabel;
class QTabWidget;
class QToolButton;

namespace ops {

class AnomalyTableModel;
class BudgetTableModel;
class CostClient;
class CostExplorer;
class CostImportDialog;
class CostTablePage;
class IdentityClient;
class RecommendationTableModel;
class UnitCostTableModel;

// The Cost panel, for managers: the explorer, budgets against actual and forecast (changed only
// with budgets.write), anomalies with their cause, recommendations by saving, unit cost per model,
// FOCUS imports (costs.import), CSV export of every view and a PDF cost report.
class CostPanel : public QWidget
{
    Q_OBJECT
public:
    CostPanel(CostClient *client, IdentityClient *identity, QWidget *parent = nullptr);
    ~CostPanel() override;

    CostExplorer *explorer() const { return m_explorer; }
    CostTablePage *budgetsPage() const { return m_budgetsPage; }
    CostTablePage *anomaliesPage() const { return m_anomaliesPage; }
    CostTablePage *recommendationsPage() const { return m_recommendationsPage; }
    CostTablePage *unitCostPage() const { return m_unitCostPage; }
    BudgetTableModel *budgetsModel() const { return m_budgets; }
    AnomalyTableModel *anomaliesModel() const { return m_anomalies; }
    RecommendationTableModel *recommendationsModel() const { return m_recommendations; }
    UnitCostTableModel *unitCostModel() const { return m_unitCosts; }
    QTabWidget *tabs() const { return m_tabs; }
    QToolButton *importButton() const { return m_import; }
    QToolButton *newBudgetButton() const { return m_newBudget; }
    QToolButton *editBudgetButton() const { return m_editBudget; }
    QToolButton *deleteBudgetButton() const { return m_deleteBudget; }
    QString messageText() const;

    // Reloads every view (the explorer, budgets, anomalies, recommendations, unit cost).
    void refreshAll();
    void refreshBudgets();
    // Opens the import dialog (non-modal) and returns it.
    CostImportDialog *openImportDialog();
    // Writes the current tab's table as CSV, atomically. False with `error` set.
    bool exportCsv(int tab, const QString &path, QString *error) const;
    // Writes the manager's PDF report (charts, table, budgets, recommendations), atomically.
    bool writeReport(const QString &path, QString *error) const;

signals:
    void budgetsLoaded();
    void detailsLoaded(); // anomalies, recommendations and unit cost answered
    // A unit cost row was activated (double-click, Enter): "models/{m}", for the registry.
    void modelActivated(const QString &model);

private:
    void refreshDetails();
    void updatePermissions();
    void showMessage(const QString &text, bool error);
    void newBudget();
    void editBudget();
    void deleteBudget();
    void exportCurrent(int tab);
    void saveReport();

    CostClient *m_client;
    IdentityClient *m_identity;
    QTabWidget *m_tabs;
    CostExplorer *m_explorer;
    BudgetTableModel *m_budgets;
    AnomalyTableModel *m_anomalies;
    RecommendationTableModel *m_recommendations;
    UnitCostTableModel *m_unitCosts;
    CostTablePage *m_budgetsPage;
    CostTablePage *m_anomaliesPage;
    CostTablePage *m_recommendationsPage;
    CostTablePage *m_unitCostPage;
    QToolButton *m_import;
    QToolButton *m_newBudget;
    QToolButton *m_editBudget;
    QToolButton *m_deleteBudget;
    QLabel *m_message;
    int m_detailsPending = 0;
};

} // namespace ops
