#include "regionfilterproxymodel.h"

#include <functional>

#include "models/regiontreemodel.h"

namespace ops {

RegionFilterProxyModel::RegionFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RegionTreeModel::SortRole);
    setDynamicSortFilter(true);
    // A region with a matching component stays visible (as the component's parent).
    setRecursiveFilteringEnabled(true);
}

void RegionFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filterText)
        return;
    m_filterText = trimmed;
    m_filter = QRegularExpression(QRegularExpression::escape(trimmed),
                                  QRegularExpression::CaseInsensitiveOption);
    m_filter.optimize();
    invalidateFilter();
}

bool RegionFilterProxyModel::isNumericColumn(int column)
{
    switch (column) {
    case RegionTreeModel::LatencyP95Column:
    case RegionTreeModel::ErrorRateColumn:
    case RegionTreeModel::ThroughputColumn:
    case RegionTreeModel::AvailabilityColumn:
        return true;
    default:
        return false;
    }
}

QVariant RegionFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::TextAlignmentRole && isNumericColumn(index.column()))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ForegroundRole && m_staleColor.isValid())
        return m_staleColor;
    return QSortFilterProxyModel::data(index, role);
}

void RegionFilterProxyModel::setStaleColor(const QColor &dimColor)
{
    if (dimColor == m_staleColor)
        return;
    m_staleColor = dimColor;
    // Every visible cell changes colour: one signal per top-level range and its children.
    const std::function<void(const QModelIndex &)> touch = [&](const QModelIndex &parent) {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        emit dataChanged(index(0, 0, parent), index(rows - 1, columnCount(parent) - 1, parent),
                         {Qt::ForegroundRole});
        for (int row = 0; row < rows; ++row)
            touch(index(row, 0, parent));
    };
    touch({});
}

QVariant RegionFilterProxyModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (role == Qt::TextAlignmentRole && orientation == Qt::Horizontal && isNumericColumn(section))
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    return QSortFilterProxyModel::headerData(section, orientation, role);
}

bool RegionFilterProxyModel::rowMatches(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    for (int column : {int(RegionTreeModel::NameColumn), int(RegionTreeModel::ProviderColumn),
                       int(RegionTreeModel::StatusColumn)}) {
        const QModelIndex idx = model->index(sourceRow, column, sourceParent);
        if (m_filter.match(idx.data(Qt::DisplayRole).toString()).hasMatch())
            return true;
    }
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    return m_filter.match(first.data(RegionTreeModel::ResourceNameRole).toString()).hasMatch();
}

bool RegionFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.isEmpty())
        return true;
    if (rowMatches(sourceRow, sourceParent))
        return true;
    // A component of a matching region.
    if (sourceParent.isValid())
        return rowMatches(sourceParent.row(), sourceParent.parent());
    return false;
}

bool RegionFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(RegionTreeModel::SortRole);
    const QVariant r = right.data(RegionTreeModel::SortRole);
    const QPartialOrdering order = QVariant::compare(l, r);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    // Equal or incomparable: a stable tie-break on the resource name.
    return left.siblingAtColumn(0).data(RegionTreeModel::ResourceNameRole).toString() <
           right.siblingAtColumn(0).data(RegionTreeModel::ResourceNameRole).toString();
}

} // namespace ops
