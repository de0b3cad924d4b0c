#pragma once

#include "cost.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

namespace ops {

// The explorer's table: one row per group of a CostQueryResult (largest first, as platformd
// ordered them) with its total, the previous period's, the change and the change in percent, then
// a totals row. Money cells show the amount rounded and grouped for reading; the exact decimal
// text platformd sent is their tooltip and kExactTextRole (what CSV export writes); SortRole holds
// the number. Every cell is formatted once in setResult(): data() is a lookup.
class CostExplorerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,     // QStringList: the group's value per dimension
        SeriesIndexRole,                // int: index into result().series; -1 for the totals row
        OtherRole,                      // bool: the "(other)" group, which cannot be drilled into
        TotalRowRole,                   // bool
        SortRole,                       // double for money columns, text otherwise
        ExactTextRole = kExactTextRole, // the exact decimal for money columns, text otherwise
    };

    explicit CostExplorerModel(QObject *parent = nullptr);

    void setResult(const CostQueryResult &result, const QList<CostDimension> &groupBy,
                   const QString &tagKey = {});
    void clear();
    const CostQueryResult &result() const { return m_result; }
    QList<CostDimension> groupBy() const { return m_groupBy; }

    // Columns: one per group-by dimension, then these.
    int totalColumn() const { return int(m_groupBy.size()); }
    int previousColumn() const { return totalColumn() + 1; }
    int deltaColumn() const { return totalColumn() + 2; }
    int percentColumn() const { return totalColumn() + 3; }

    // "AWS · Amazon EC2"; "(other)"; "(none)" for an empty value.
    static QString keyLabel(const CostSeries &series);

    struct Mover
    {
        int series = -1; // index into result().series
        QString label;   // keyLabel
        QString delta;   // exact
        double deltaValue = 0;
        QString percentText; // "+12.3 %", "new" when there was nothing before
    };
    // The groups whose total moved most against the previous period (by absolute change).
    QList<Mover> topMovers(int count) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QStringList cells;
        QStringList exact;     // total, previous, delta: platformd's exact text
        QList<double> numbers; // total, previous, delta, percent (NaN: none)
        QStringList key;
        int series = -1;
        bool other = false;
    };
    Row makeRow(const QStringList &key, const QString &total, const QString &previous) const;

    CostQueryResult m_result;
    QList<CostDimension> m_groupBy;
    QString m_tagKey;
    QList<Row> m_rows;
};

} // namespace ops
