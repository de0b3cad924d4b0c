#include "incidentfilterproxymodel.h"

#include <QGuiApplication>
#include <QPalette>

namespace ops {

IncidentFilterProxyModel::IncidentFilterProxyModel(IncidentTableModel *model, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_model(model)
{
    setSourceModel(model);
    setSortRole(IncidentTableModel::SortRole);
    setDynamicSortFilter(true);
    sort(IncidentTableModel::SeverityColumn, Qt::AscendingOrder);
}

void IncidentFilterProxyModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const IncidentFilter parsed = IncidentFilter::parse(text);
    m_filter.words = parsed.words;
    m_filter.labels = parsed.labels;
    m_filter.labelNeedles = parsed.labelNeedles;
    invalidateFilter();
}

void IncidentFilterProxyModel::setSeverities(quint32 mask)
{
    if (mask == m_filter.severities)
        return;
    m_filter.severities = mask;
    invalidateFilter();
}

void IncidentFilterProxyModel::setStates(quint32 mask)
{
    if (mask == m_filter.states)
        return;
    m_filter.states = mask;
    invalidateFilter();
}

void IncidentFilterProxyModel::setOpenOnly(bool openOnly)
{
    if (openOnly == m_filter.openOnly)
        return;
    m_filter.openOnly = openOnly;
    invalidateFilter();
}

void IncidentFilterProxyModel::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::ForegroundRole});
}

QVariant IncidentFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::ForegroundRole && m_stale)
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    return QSortFilterProxyModel::data(index, role);
}

bool IncidentFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_model->accepts(sourceRow, m_filter);
}

bool IncidentFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const int l = left.row();
    const int r = right.row();
    switch (left.column()) {
    case IncidentTableModel::SeverityColumn: {
        // Worst first; unspecified last; then the oldest first.
        auto rank = [](IncidentSeverity s) {
            return s == IncidentSeverity::Unspecified ? 99 : int(s);
        };
        const int a = rank(m_model->severityAt(l));
        const int b = rank(m_model->severityAt(r));
        if (a != b)
            return a < b;
        const bool ao = m_model->incident(l).isOpen(), bo = m_model->incident(r).isOpen();
        if (ao != bo)
            return ao; // open before resolved within a severity
        return m_model->triggerMsAt(l) < m_model->triggerMsAt(r);
    }
    case IncidentTableModel::AgeColumn:
        // Ascending age: the youngest first.
        if (m_model->triggerMsAt(l) != m_model->triggerMsAt(r))
            return m_model->triggerMsAt(l) > m_model->triggerMsAt(r);
        return m_model->numberAt(l) > m_model->numberAt(r);
    case IncidentTableModel::NumberColumn:
        return m_model->numberAt(l) < m_model->numberAt(r);
    case IncidentTableModel::StateColumn:
        if (m_model->stateAt(l) != m_model->stateAt(r))
            return m_model->stateAt(l) < m_model->stateAt(r);
        return m_model->numberAt(l) < m_model->numberAt(r);
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace ops
