#include "costtablemodels.h"

#include <QLocale>

#include <algorithm>

namespace ops {

namespace {

QString percentText(double fraction)
{
    return fraction < 0 ? QString()
                        : QStringLiteral("%1 %").arg(QLocale().toString(fraction * 100, 'f', 0));
}

QVariant number(const QString &amount)
{
    return amount.isEmpty() ? QVariant() : QVariant(money::toDouble(amount));
}

QString dayText(const QDateTime &time)
{
    return time.toUTC().date().toString(Qt::ISODate);
}

} // namespace

CostRowsModel::CostRowsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void CostRowsModel::addMoney(Row &row, const QString &amount)
{
    while (row.exact.size() < row.cells.size())
        row.exact.append(QString());
    row.cells.append(money::displayText(amount));
    row.exact.append(amount);
}

void CostRowsModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int CostRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CostRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers().size());
}

QVariant CostRowsModel::extraData(int, int, int) const
{
    return {};
}

QVariant CostRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return row.cells.value(index.column());
    case Qt::TextAlignmentRole:
        return isNumeric(index.column()) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                         : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole: {
        const QString exact = row.exact.value(index.column());
        QString tip =
            exact.isEmpty() || exact == row.cells.value(index.column()) ? QString() : exact;
        if (!row.tooltip.isEmpty())
            tip = tip.isEmpty() ? row.tooltip : tip + u'\n' + row.tooltip;
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case ExactTextRole: {
        const QString exact = row.exact.value(index.column());
        return exact.isEmpty() ? row.cells.value(index.column()) : exact;
    }
    case SortRole: {
        const QVariant v = row.sort.value(index.column());
        return v.isValid() ? v : QVariant(row.cells.value(index.column()));
    }
    case RowKeyRole:
        return row.key;
    default:
        return extraData(index.row(), index.column(), role);
    }
}

QVariant CostRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return headers().value(section);
}

// Budgets

BudgetTableModel::BudgetTableModel(QObject *parent)
    : CostRowsModel(parent)
{}

void BudgetTableModel::setStatuses(const QList<BudgetStatus> &statuses)
{
    m_statuses = statuses;
    QList<Row> rows;
    rows.reserve(statuses.size());
    for (const BudgetStatus &s : statuses) {
        const Budget &b = s.budget;
        Row row;
        row.key = b.name;
        const QString progress = tr("%1 % actual, %2 % forecast")
                                     .arg(QLocale().toString(s.actualPercent, 'f', 0),
                                          QLocale().toString(s.forecastPercent, 'f', 0));
        row.cells = {b.displayName.isEmpty() ? b.id() : b.displayName,
                     b.scopeFilter.isEmpty() ? tr("All spend") : b.scopeFilter,
                     CostText::period(b.period)};
        addMoney(row, b.amount);
        addMoney(row, s.actual);
        addMoney(row, s.forecast);
        row.cells << progress << CostText::thresholds(b.thresholds);
        row.sort = {
            {}, {}, {}, number(b.amount), number(s.actual), number(s.forecast), s.forecastPercent,
            {}};
        row.tooltip = tr("%1\nPeriod %2 – %3\nForecast upper bound %4 %5")
                          .arg(b.name, dayText(s.periodStart), dayText(s.periodEnd.addSecs(-1)),
                               money::displayText(s.forecastUpper, b.currency));
        if (!s.crossed.isEmpty())
            row.tooltip += u'\n' + tr("Crossed: %1").arg(CostText::thresholds(s.crossed));
        rows.append(std::move(row));
    }
    setRows(std::move(rows));
}

const BudgetStatus *BudgetTableModel::statusAt(int row) const
{
    return row >= 0 && row < m_statuses.size() ? &m_statuses[row] : nullptr;
}

QStringList BudgetTableModel::headers() const
{
    return {tr("Budget"), tr("Scope"),    tr("Period"),   tr("Amount"),
            tr("Actual"), tr("Forecast"), tr("Progress"), tr("Thresholds")};
}

bool BudgetTableModel::isNumeric(int column) const
{
    return column >= AmountColumn && column <= ForecastColumn;
}

QVariant BudgetTableModel::extraData(int row, int, int role) const
{
    const BudgetStatus &s = m_statuses[row];
    switch (role) {
    case ActualPercentRole:
        return s.actualPercent;
    case ForecastPercentRole:
        return s.forecastPercent;
    case ThresholdsRole: {
        QVariantList list;
        for (const BudgetThreshold &t : s.budget.thresholds)
            list.append(t.percent);
        return list;
    }
    case CrossedRole:
        return !s.crossed.isEmpty();
    default:
        return {};
    }
}

// Anomalies

AnomalyTableModel::AnomalyTableModel(QObject *parent)
    : CostRowsModel(parent)
{}

void AnomalyTableModel::setAnomalies(const QList<Anomaly> &anomalies)
{
    m_anomalies = anomalies;
    QList<Row> rows;
    rows.reserve(anomalies.size());
    for (const Anomaly &a : anomalies) {
        Row row;
        row.key = a.name;
        row.cells = {dayText(a.day)};
        addMoney(row, a.impact);
        addMoney(row, a.actual);
        addMoney(row, a.expected);
        row.cells << QLocale().toString(a.score, 'f', 1) << a.causeText();
        row.sort = {a.day, number(a.impact), number(a.actual), number(a.expected), a.score, {}};
        row.tooltip = a.summary;
        rows.append(std::move(row));
    }
    setRows(std::move(rows));
}

QStringList AnomalyTableModel::headers() const
{
    return {tr("Day"), tr("Impact"), tr("Actual"), tr("Expected"), tr("Score"), tr("Cause")};
}

bool AnomalyTableModel::isNumeric(int column) const
{
    return column >= ImpactColumn && column <= ScoreColumn;
}

// Recommendations

RecommendationTableModel::RecommendationTableModel(QObject *parent)
    : CostRowsModel(parent)
{}

void RecommendationTableModel::setRecommendations(const RecommendationList &list)
{
    m_list = list;
    std::stable_sort(m_list.recommendations.begin(), m_list.recommendations.end(),
                     [](const Recommendation &a, const Recommendation &b) {
                         return money::toDouble(a.monthlySaving) > money::toDouble(b.monthlySaving);
                     });
    QList<Row> rows;
    rows.reserve(m_list.recommendations.size());
    for (const Recommendation &r : std::as_const(m_list.recommendations)) {
        Row row;
        row.key = r.name;
        addMoney(row, r.monthlySaving);
        row.cells << CostText::recommendationKind(r.kind) << r.title << r.resource << r.provider;
        addMoney(row, r.monthlyCost);
        row.cells << percentText(r.utilisation);
        row.sort = {number(r.monthlySaving), {}, {}, {}, {}, number(r.monthlyCost), r.utilisation};
        row.tooltip = r.detail;
        rows.append(std::move(row));
    }
    setRows(std::move(rows));
}

QString RecommendationTableModel::totalSaving() const
{
    if (!m_list.totalMonthlySaving.isEmpty())
        return m_list.totalMonthlySaving;
    QString sum = QStringLiteral("0");
    for (const Recommendation &r : m_list.recommendations)
        sum = money::add(sum, r.monthlySaving.isEmpty() ? QStringLiteral("0") : r.monthlySaving)
                  .value_or(sum);
    return sum;
}

QStringList RecommendationTableModel::headers() const
{
    return {tr("Monthly saving"), tr("Kind"),         tr("Recommendation"), tr("Resource"),
            tr("Provider"),       tr("Monthly cost"), tr("Utilisation")};
}

bool RecommendationTableModel::isNumeric(int column) const
{
    return column == SavingColumn || column == MonthlyCostColumn || column == UtilisationColumn;
}

// Unit cost

UnitCostTableModel::UnitCostTableModel(QObject *parent)
    : CostRowsModel(parent)
{}

void UnitCostTableModel::setReport(const UnitCostReport &report)
{
    m_report = report;
    QList<Row> rows;
    rows.reserve(report.unitCosts.size());
    for (const UnitCost &u : report.unitCosts) {
        Row row;
        row.key = u.model;
        row.cells = {u.model, u.version > 0 ? QString::number(u.version) : tr("untagged version")};
        addMoney(row, u.cost);
        row.cells << money::countText(u.inferences);
        if (u.costPer1k.isEmpty())
            row.cells << tr("no inferences");
        else
            addMoney(row, u.costPer1k);
        addMoney(row, u.gpuCost);
        row.cells << percentText(u.gpuUtilisation);
        row.sort = {{},
                    u.version,
                    number(u.cost),
                    u.inferences,
                    number(u.costPer1k),
                    number(u.gpuCost),
                    u.gpuUtilisation};
        rows.append(std::move(row));
    }
    setRows(std::move(rows));
}

QStringList UnitCostTableModel::headers() const
{
    return {tr("Model"),
            tr("Version"),
            tr("Cost"),
            tr("Inferences"),
            tr("Per 1,000 inferences"),
            tr("GPU cost"),
            tr("GPU utilisation")};
}

bool UnitCostTableModel::isNumeric(int column) const
{
    return column >= CostColumn;
}

// Rejections

RejectionTableModel::RejectionTableModel(QObject *parent)
    : CostRowsModel(parent)
{}

void RejectionTableModel::setRejections(const QList<RowRejection> &rejections)
{
    QList<Row> rows;
    rows.reserve(rejections.size());
    for (const RowRejection &r : rejections) {
        Row row;
        row.cells = {r.row > 0 ? QString::number(r.row) : tr("header"),
                     r.column.isEmpty() ? tr("(whole row)") : r.column, r.reason};
        row.sort = {r.row, {}, {}};
        rows.append(std::move(row));
    }
    setRows(std::move(rows));
}

QStringList RejectionTableModel::headers() const
{
    return {tr("Row"), tr("Column"), tr("Reason")};
}

bool RejectionTableModel::isNumeric(int column) const
{
    return column == RowColumn;
}

} // namespace ops
