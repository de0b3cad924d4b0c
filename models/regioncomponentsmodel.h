#pragma once

#include "region.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace ops {

class RegionStore;
struct RegionStoreChange;

// One region's components as a table, over a RegionStore (the Region detail's components view).
// Follows the store: updated rows emit dataChanged, new and vanished components are inserted and
// removed; only a store reset or another region resets the model.
class RegionComponentsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KindColumn,
        NameColumn,
        ProviderColumn,
        VersionColumn,
        StatusColumn,
        LatencyP95Column,
        ErrorRateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        StatusRole = Qt::UserRole + 1, // int(HealthStatus) of the row
        ResourceNameRole,              // regions/x/components/y
    };

    explicit RegionComponentsModel(RegionStore *store, QObject *parent = nullptr);

    void setRegion(const QString &region); // "" shows nothing
    QString region() const { return m_region; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    // Display strings are formatted once per change, so data() stays a lookup.
    struct Row
    {
        Component component;
        QString text[ColumnCount];
    };
    static Row makeRow(const Component &component);
    void reload();
    void storeChanged(const RegionStoreChange &change);
    int rowOf(const QString &name) const;

    RegionStore *m_store;
    QString m_region;
    QList<Row> m_rows;
};

} // namespace ops
