#pragma once

#include "incidenttablemodel.h"

#include <QSortFilterProxyModel>

namespace ops {

// The queue as the panel shows it: typed text (words and `label=value` tokens), severities, states
// and "open only", compiled once per change and tested against the model's flat columns; sorted by
// severity (worst first), then age (oldest first) unless a header says otherwise. Rows keep their
// colours dimmed while the panel's data is stale.
class IncidentFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit IncidentFilterProxyModel(IncidentTableModel *model, QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    void setSeverities(quint32 mask); // bit int(IncidentSeverity); 0: any
    void setStates(quint32 mask);     // bit int(IncidentState); 0: any
    void setOpenOnly(bool openOnly);
    bool openOnly() const { return m_filter.openOnly; }
    const IncidentFilter &filter() const { return m_filter; }
    void setStale(bool stale);

    IncidentTableModel *incidents() const { return m_model; }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    IncidentTableModel *m_model;
    IncidentFilter m_filter;
    QString m_text;
    bool m_stale = false;
};

} // namespace ops
