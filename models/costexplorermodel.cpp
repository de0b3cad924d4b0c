#include "costexplorermodel.h"

#include <QFont>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ops {

namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

QString percentText(std::optional<double> percent, bool hadNothing)
{
    if (!percent)
        return hadNothing ? CostExplorerModel::tr("new") : QString();
    const QString number = QLocale().toString(std::abs(*percent), 'f', 1);
    return (*percent >= 0 ? QStringLiteral("+") : QStringLiteral("−")) + number +
           QStringLiteral(" %");
}

} // namespace

CostExplorerModel::CostExplorerModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

QString CostExplorerModel::keyLabel(const CostSeries &series)
{
    if (series.other)
        return tr("(other)");
    QStringList parts;
    for (const QString &value : series.key)
        parts.append(value.isEmpty() ? tr("(none)") : value);
    return parts.join(QStringLiteral(" · "));
}

CostExplorerModel::Row CostExplorerModel::makeRow(const QStringList &key, const QString &total,
                                                  const QString &previous) const
{
    Row row;
    row.key = key;
    row.cells = key;
    const QString delta = money::subtract(total, previous).value_or(QString());
    const auto percent = money::percentChange(total, previous);
    row.exact = {total, previous, delta};
    row.cells << money::displayText(total) << money::displayText(previous)
              << money::displayText(delta)
              << percentText(percent,
                             money::toDouble(previous) == 0 && money::toDouble(total) != 0);
    row.numbers = {money::toDouble(total), money::toDouble(previous), money::toDouble(delta),
                   percent.value_or(kNone)};
    return row;
}

void CostExplorerModel::setResult(const CostQueryResult &result,
                                  const QList<CostDimension> &groupBy, const QString &tagKey)
{
    beginResetModel();
    m_result = result;
    m_groupBy = groupBy;
    m_tagKey = tagKey;
    m_rows.clear();
    m_rows.reserve(result.series.size() + 1);
    for (int i = 0; i < result.series.size(); ++i) {
        const CostSeries &s = result.series[i];
        QStringList key = s.key;
        while (key.size() < groupBy.size())
            key.append(QString());
        Row row = makeRow(key, s.total, s.previousTotal);
        for (int c = 0; c < groupBy.size(); ++c) {
            if (s.other)
                row.cells[c] = c == 0 ? tr("(other)") : QString();
            else if (row.cells[c].isEmpty())
                row.cells[c] = tr("(none)");
        }
        row.series = i;
        row.other = s.other;
        m_rows.append(std::move(row));
    }
    if (!result.series.isEmpty()) {
        QStringList key(groupBy.size(), QString());
        Row total = makeRow(key, result.total, result.previousTotal);
        if (!groupBy.isEmpty())
            total.cells[0] = tr("Total");
        m_rows.append(std::move(total));
    }
    endResetModel();
}

void CostExplorerModel::clear()
{
    setResult({}, m_groupBy, m_tagKey);
}

QList<CostExplorerModel::Mover> CostExplorerModel::topMovers(int count) const
{
    QList<Mover> movers;
    for (const Row &row : m_rows) {
        if (row.series < 0 || row.numbers[2] == 0)
            continue;
        Mover m;
        m.series = row.series;
        m.label = keyLabel(m_result.series[row.series]);
        m.delta = row.exact[2];
        m.deltaValue = row.numbers[2];
        m.percentText = row.cells[percentColumn()];
        movers.append(m);
    }
    std::stable_sort(movers.begin(), movers.end(), [](const Mover &a, const Mover &b) {
        return std::abs(a.deltaValue) > std::abs(b.deltaValue);
    });
    if (movers.size() > count)
        movers.resize(count);
    return movers;
}

int CostExplorerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CostExplorerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groupBy.size()) + 4;
}

QVariant CostExplorerModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const int column = index.column();
    const bool money = column >= totalColumn();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return row.cells.value(column);
    case Qt::TextAlignmentRole:
        return money ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                     : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.series < 0) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (money && column < percentColumn())
            return row.exact.value(column - totalColumn());
        if (row.other)
            return tr("The groups beyond the largest ones, summed");
        return {};
    case ExactTextRole:
        if (money && column < percentColumn())
            return row.exact.value(column - totalColumn());
        return row.cells.value(column);
    case KeyRole:
        return row.key;
    case SeriesIndexRole:
        return row.series;
    case OtherRole:
        return row.other;
    case TotalRowRole:
        return row.series < 0;
    case SortRole:
        if (money) {
            const double v = row.numbers.value(column - totalColumn(), kNone);
            return std::isnan(v) ? QVariant() : QVariant(v);
        }
        return row.cells.value(column);
    default:
        return {};
    }
}

QVariant CostExplorerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section < m_groupBy.size()) {
        const CostDimension d = m_groupBy[section];
        return d == CostDimension::Tag && !m_tagKey.isEmpty() ? tr("Tag %1").arg(m_tagKey)
                                                              : CostText::dimension(d);
    }
    const QString currency =
        m_result.currency.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_result.currency);
    switch (section - int(m_groupBy.size())) {
    case 0:
        return tr("Total") + currency;
    case 1:
        return tr("Previous period") + currency;
    case 2:
        return tr("Change") + currency;
    case 3:
        return tr("Change %");
    default:
        return {};
    }
}

} // namespace ops
