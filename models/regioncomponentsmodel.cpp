#include "regioncomponentsmodel.h"

#include "percenttext.h"
#include "regionstore.h"

#include <QCoreApplication>
#include <QLocale>

namespace ops {

RegionComponentsModel::RegionComponentsModel(RegionStore *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
    connect(m_store, &RegionStore::reset, this, &RegionComponentsModel::reload);
    connect(m_store, &RegionStore::changed, this, &RegionComponentsModel::storeChanged);
}

// The texts were the Region detail's own: they keep its translation context.
RegionComponentsModel::Row RegionComponentsModel::makeRow(const Component &c)
{
    const QLocale locale;
    Row row;
    row.component = c;
    row.text[KindColumn] = componentKindText(c.kind);
    row.text[NameColumn] = c.displayName;
    row.text[ProviderColumn] = cloudProviderText(c.provider);
    row.text[VersionColumn] = c.version;
    row.text[StatusColumn] = healthStatusText(c.status);
    row.text[LatencyP95Column] = QCoreApplication::translate("ops::RegionDetailPanel", "%1 ms")
                                     .arg(locale.toString(c.health.latencyP95Ms, 'f', 0));
    row.text[ErrorRateColumn] = percentText(c.health.errorRate, 3);
    return row;
}

void RegionComponentsModel::setRegion(const QString &region)
{
    if (region == m_region)
        return;
    m_region = region;
    reload();
}

void RegionComponentsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (!m_region.isEmpty()) {
        for (const Component &c : m_store->componentsOf(m_region))
            m_rows.append(makeRow(c));
    }
    endResetModel();
}

int RegionComponentsModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].component.name == name)
            return row;
    }
    return -1;
}

void RegionComponentsModel::storeChanged(const RegionStoreChange &change)
{
    if (m_region.isEmpty() || !change.touchesComponents())
        return;
    const QString prefix = m_region + QLatin1Char('/');
    for (const QString &name : change.removedComponents) {
        if (!name.startsWith(prefix))
            continue;
        if (const int row = rowOf(name); row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    QList<Row> added;
    for (const QString &name : change.components) {
        const Component *c = name.startsWith(prefix) ? m_store->component(name) : nullptr;
        if (!c)
            continue;
        const int row = rowOf(name);
        if (row < 0) {
            added.append(makeRow(*c));
        } else if (!(m_rows[row].component == *c)) {
            m_rows[row] = makeRow(*c);
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

int RegionComponentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RegionComponentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegionComponentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return row.text[column];
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return row.component.name;
        if (column == StatusColumn)
            return row.component.statusMessage;
        return {};
    case Qt::TextAlignmentRole:
        if (column == LatencyP95Column || column == ErrorRateColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusRole:
        return int(row.component.status);
    case ResourceNameRole:
        return row.component.name;
    default:
        return {};
    }
}

QVariant RegionComponentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Kind");
    case NameColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Name");
    case ProviderColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Provider");
    case VersionColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Version");
    case StatusColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Status");
    case LatencyP95Column:
        return QCoreApplication::translate("ops::RegionDetailPanel", "p95");
    case ErrorRateColumn:
        return QCoreApplication::translate("ops::RegionDetailPanel", "Error rate");
    }
    return {};
}

} // namespace ops
