#pragma once

#include <QColor>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QString>

namespace ops {

// Sorts RegionTreeModel rows by their raw SortRole values (numbers as numbers) and filters them by
// a quick text filter. A region matches when its name, provider or status does, or when one of its
// components does; the components of a matching region stay visible.
class RegionFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RegionFilterProxyModel(QObject *parent = nullptr);

    // Plain text, case-insensitive substring; compiled once here, not per row.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    // Stale data (the stream is down or silent): every cell's text in `dimColor`; invalid: live.
    void setStaleColor(const QColor &dimColor);
    bool isStale() const { return m_staleColor.isValid(); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool rowMatches(int sourceRow, const QModelIndex &sourceParent) const;
    static bool isNumericColumn(int column);

    QString m_filterText;
    QRegularExpression m_filter;
    QColor m_staleColor;
};

} // namespace ops
