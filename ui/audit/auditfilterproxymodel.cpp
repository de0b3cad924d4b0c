#include "auditfilterproxymodel.h"

#include "models/audittablemodel.h"

namespace ops {

AuditFilterProxyModel::AuditFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AuditTableModel::SeqRole);
}

void AuditFilterProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void AuditFilterProxyModel::setServerMatches(std::optional<QSet<qint64>> seqs)
{
    m_serverMatches = std::move(seqs);
    invalidateRowsFilter();
}

void AuditFilterProxyModel::setColors(const Colors &colors)
{
    m_colors = colors;
    touchAll(Qt::BackgroundRole);
    touchAll(Qt::DecorationRole);
}

void AuditFilterProxyModel::setStale(const QColor &dimColor)
{
    if (dimColor == m_colors.stale)
        return;
    m_colors.stale = dimColor;
    touchAll(Qt::ForegroundRole);
}

void AuditFilterProxyModel::touchAll(int role)
{
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {role});
}

QVariant AuditFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::BackgroundRole) {
        if (index.data(AuditTableModel::FirstBadRole).toBool())
            return m_colors.firstBad.isValid() ? QVariant(m_colors.firstBad) : QVariant();
        if (index.data(AuditTableModel::DeniedRole).toBool())
            return m_colors.denied.isValid() ? QVariant(m_colors.denied) : QVariant();
        return {};
    }
    if (role == Qt::DecorationRole) {
        if (index.column() == AuditTableModel::ResultColumn &&
            index.data(AuditTableModel::DeniedRole).toBool() && !m_colors.deniedIcon.isNull())
            return m_colors.deniedIcon;
        if (index.column() == AuditTableModel::SeqColumn &&
            index.data(AuditTableModel::FirstBadRole).toBool() && !m_colors.firstBadIcon.isNull())
            return m_colors.firstBadIcon;
        return QSortFilterProxyModel::data(index, role);
    }
    if (role == Qt::ForegroundRole && m_colors.stale.isValid())
        return m_colors.stale;
    return QSortFilterProxyModel::data(index, role);
}

bool AuditFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_serverMatches) {
        const qint64 seq =
            model->index(sourceRow, 0, sourceParent).data(AuditTableModel::SeqRole).toLongLong();
        if (!m_serverMatches->contains(seq))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const auto matches = [&](int column, int role) {
        return model->index(sourceRow, column, sourceParent)
            .data(role)
            .toString()
            .contains(m_text, Qt::CaseInsensitive);
    };
    return matches(AuditTableModel::ActorColumn, Qt::DisplayRole) ||
           matches(AuditTableModel::ActionColumn, AuditTableModel::FullActionRole) ||
           matches(AuditTableModel::ResourceColumn, Qt::DisplayRole) ||
           matches(AuditTableModel::ResultColumn, Qt::DisplayRole);
}

bool AuditFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    switch (left.column()) {
    case AuditTableModel::SeqColumn:
        return left.data(AuditTableModel::SeqRole).toLongLong() <
               right.data(AuditTableModel::SeqRole).toLongLong();
    case AuditTableModel::TimeColumn:
        return left.data(AuditTableModel::TimeRole).toDateTime() <
               right.data(AuditTableModel::TimeRole).toDateTime();
    default:
        return QString::localeAwareCompare(left.data().toString(), right.data().toString()) < 0;
    }
}

} // namespace ops
