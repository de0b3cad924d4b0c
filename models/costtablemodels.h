#pragma once

#include "cost.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace ops {

// The base of the cost panel's read-only tables: rows of text formatted once when they arrive,
// a number per cell in SortRole (so proxies sort money as numbers), money right-aligned. Money
// cells show the amount rounded and grouped for reading; the exact decimal is in kExactTextRole
// (CSV export) and heads the cell's tooltip.
class CostRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, RowKeyRole, ExactTextRole = kExactTextRole };

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    explicit CostRowsModel(QObject *parent);
    struct Row
    {
        QStringList cells;
        QList<QVariant> sort; // per cell; invalid: sort by text
        QStringList exact;    // per cell; empty: the cell's text is exact
        QString key;          // the resource name, in RowKeyRole
        QString tooltip;
    };
    void setRows(QList<Row> rows);
    // A money cell: the display text in `cells`, the exact text in `exact`, the number in `sort`.
    static void addMoney(Row &row, const QString &amount);
    virtual QStringList headers() const = 0;
    virtual bool isNumeric(int column) const = 0;
    virtual QVariant extraData(int row, int column, int role) const;

private:
    QList<Row> m_rows;
};

// Budgets against actual and forecast (GetBudgetReport).
class BudgetTableModel : public CostRowsModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ScopeColumn,
        PeriodColumn,
        AmountColumn,
        ActualColumn,
        ForecastColumn,
        ProgressColumn,
        ThresholdsColumn,
        ColumnCount
    };
    enum BudgetRole {
        ActualPercentRole = RowKeyRole + 1, // double
        ForecastPercentRole,                // double
        ThresholdsRole,                     // QVariantList of percent (double)
        CrossedRole,                        // bool: a threshold is crossed
    };
    explicit BudgetTableModel(QObject *parent = nullptr);
    void setStatuses(const QList<BudgetStatus> &statuses);
    const QList<BudgetStatus> &statuses() const { return m_statuses; }
    const BudgetStatus *statusAt(int row) const;

protected:
    QStringList headers() const override;
    bool isNumeric(int column) const override;
    QVariant extraData(int row, int column, int role) const override;

private:
    QList<BudgetStatus> m_statuses;
};

// Anomalies, newest first, with the dimension values that explain them.
class AnomalyTableModel : public CostRowsModel
{
    Q_OBJECT
public:
    enum Column {
        DayColumn,
        ImpactColumn,
        ActualColumn,
        ExpectedColumn,
        ScoreColumn,
        CauseColumn,
        ColumnCount
    };
    explicit AnomalyTableModel(QObject *parent = nullptr);
    void setAnomalies(const QList<Anomaly> &anomalies);
    const QList<Anomaly> &anomalies() const { return m_anomalies; }

protected:
    QStringList headers() const override;
    bool isNumeric(int column) const override;

private:
    QList<Anomaly> m_anomalies;
};

// Recommendations sorted by their estimated monthly saving, largest first, and their total.
class RecommendationTableModel : public CostRowsModel
{
    Q_OBJECT
public:
    enum Column {
        SavingColumn,
        KindColumn,
        TitleColumn,
        ResourceColumn,
        ProviderColumn,
        MonthlyCostColumn,
        UtilisationColumn,
        ColumnCount
    };
    explicit RecommendationTableModel(QObject *parent = nullptr);
    void setRecommendations(const RecommendationList &list);
    const QList<Recommendation> &recommendations() const { return m_list.recommendations; }
    // platformd's total when it sent one, else the exact sum of the rows.
    QString totalSaving() const;
    QString currency() const { return m_list.currency; }

protected:
    QStringList headers() const override;
    bool isNumeric(int column) const override;

private:
    RecommendationList m_list;
};

// Cost per model version and per 1,000 inferences.
class UnitCostTableModel : public CostRowsModel
{
    Q_OBJECT
public:
    enum Column {
        ModelColumn,
        VersionColumn,
        CostColumn,
        InferencesColumn,
        Per1kColumn,
        GpuCostColumn,
        GpuUtilisationColumn,
        ColumnCount
    };
    explicit UnitCostTableModel(QObject *parent = nullptr);
    void setReport(const UnitCostReport &report);
    const UnitCostReport &report() const { return m_report; }

protected:
    QStringList headers() const override;
    bool isNumeric(int column) const override;

private:
    UnitCostReport m_report;
};

// The rows an import refused: row, column and reason.
class RejectionTableModel : public CostRowsModel
{
    Q_OBJECT
public:
    enum Column { RowColumn, FocusColumn, ReasonColumn, ColumnCount };
    explicit RejectionTableModel(QObject *parent = nullptr);
    void setRejections(const QList<RowRejection> &rejections);

protected:
    QStringList headers() const override;
    bool isNumeric(int column) const override;
};

} // namespace ops
