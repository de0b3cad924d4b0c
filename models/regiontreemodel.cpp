#include "regiontreemodel.h"
#include "models/resourcename.h"
#include "percenttext.h"

#include <QLocale>

#include <algorithm>

namespace ops {

namespace {

constexpr int kLastColumn = RegionTreeModel::ColumnCount - 1;

// The fields of a region or component that show up in the tree, so both share one formatter.
struct Shown
{
    const QString &name;
    const QString &displayName;
    CloudProvider provider;
    HealthStatus status;
    const QString &statusMessage;
    const HealthSample &health;
    const QDateTime &updateTime;
};

Shown shown(const Region &r)
{
    return {r.name, r.displayName, r.provider, r.status, r.statusMessage, r.health, r.updateTime};
}

Shown shown(const Component &c)
{
    return {c.name, c.displayName, c.provider, c.status, c.statusMessage, c.health, c.updateTime};
}

// The columns whose cells (any role) differ between two versions of a row, as a range.
std::pair<int, int> changedColumns(const Shown &a, const Shown &b)
{
    // Status and its message feed StatusRole/ToolTipRole of every cell.
    if (a.status != b.status || a.statusMessage != b.statusMessage)
        return {0, kLastColumn};
    int lo = -1, hi = -1;
    auto mark = [&](int column, bool changed) {
        if (!changed)
            return;
        if (lo < 0)
            lo = column;
        hi = column;
    };
    mark(RegionTreeModel::NameColumn, a.displayName != b.displayName || a.name != b.name);
    mark(RegionTreeModel::ProviderColumn, a.provider != b.provider);
    mark(RegionTreeModel::LatencyP95Column, a.health.latencyP95Ms != b.health.latencyP95Ms);
    mark(RegionTreeModel::ErrorRateColumn, a.health.errorRate != b.health.errorRate);
    mark(RegionTreeModel::ThroughputColumn, a.health.throughputRps != b.health.throughputRps);
    mark(RegionTreeModel::AvailabilityColumn, a.health.availability != b.health.availability);
    mark(RegionTreeModel::UpdatedColumn, a.updateTime != b.updateTime);
    return {lo, hi};
}

QString formatLatency(double ms)
{
    const QLocale locale;
    return RegionTreeModel::tr("%1 ms").arg(locale.toString(ms, 'f', ms < 10 ? 1 : 0));
}

QString formatThroughput(double rps)
{
    const QLocale locale;
    if (rps < 1000)
        return RegionTreeModel::tr("%1 req/s").arg(locale.toString(rps, 'f', 0));
    if (rps < 1e6)
        return RegionTreeModel::tr("%1 k req/s").arg(locale.toString(rps / 1e3, 'f', 1));
    return RegionTreeModel::tr("%1 M req/s").arg(locale.toString(rps / 1e6, 'f', 1));
}

template<typename Text>
void formatColumns(Text &text, const Shown &s, int lo, int hi)
{
    for (int column = lo; column <= hi; ++column) {
        QString &cell = text.text[column];
        switch (column) {
        case RegionTreeModel::NameColumn:
            cell = s.displayName.isEmpty() ? resource::leafId(s.name) : s.displayName;
            break;
        case RegionTreeModel::ProviderColumn:
            cell = cloudProviderText(s.provider);
            break;
        case RegionTreeModel::StatusColumn:
            cell = healthStatusText(s.status);
            break;
        case RegionTreeModel::LatencyP95Column:
            cell = formatLatency(s.health.latencyP95Ms);
            break;
        case RegionTreeModel::ErrorRateColumn:
            cell = percentText(s.health.errorRate, 2);
            break;
        case RegionTreeModel::ThroughputColumn:
            cell = formatThroughput(s.health.throughputRps);
            break;
        case RegionTreeModel::AvailabilityColumn:
            cell = percentText(s.health.availability, 3);
            break;
        case RegionTreeModel::UpdatedColumn:
            cell = s.updateTime.isValid()
                       ? s.updateTime.toLocalTime().toString(QStringLiteral("hh:mm:ss"))
                       : QString();
            break;
        }
    }
    if (lo == 0) { // the tooltip depends on the name and the status message
        text.nameToolTip = s.statusMessage.isEmpty()
                               ? resource::leafId(s.name)
                               : resource::leafId(s.name) + QLatin1Char('\n') + s.statusMessage;
    }
}

QVariant sortValue(const Shown &s, int column, const QString &displayText)
{
    switch (column) {
    case RegionTreeModel::NameColumn:
    case RegionTreeModel::ProviderColumn:
        return displayText;
    case RegionTreeModel::StatusColumn:
        return int(s.status);
    case RegionTreeModel::LatencyP95Column:
        return s.health.latencyP95Ms;
    case RegionTreeModel::ErrorRateColumn:
        return s.health.errorRate;
    case RegionTreeModel::ThroughputColumn:
        return s.health.throughputRps;
    case RegionTreeModel::AvailabilityColumn:
        return s.health.availability;
    case RegionTreeModel::UpdatedColumn:
        return s.updateTime.isValid() ? s.updateTime.toMSecsSinceEpoch() : qint64(0);
    }
    return {};
}

// Rows are handled in contiguous runs: sorted descending, so removing one run keeps the others
// valid.
template<typename F>
void forEachRunDescending(QList<int> rows, F &&f)
{
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        const int last = rows[i];
        int first = last;
        ++i;
        while (i < rows.size() && rows[i] == first - 1)
            first = rows[i++];
        f(first, last);
    }
}

} // namespace

RegionTreeModel::RegionTreeModel(QObject *parent)
    : RegionTreeModel(nullptr, parent)
{}

RegionTreeModel::RegionTreeModel(RegionStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store ? store : new RegionStore(this))
{
    connect(m_store, &RegionStore::reset, this, &RegionTreeModel::storeReset);
    connect(m_store, &RegionStore::changed, this, &RegionTreeModel::storeChanged);
    if (!m_store->regions().isEmpty())
        storeReset();
}

RegionTreeModel::RegionRow *RegionTreeModel::regionNode(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (auto *parentNode = static_cast<RegionRow *>(index.internalPointer()))
        return parentNode;
    return m_regions[size_t(index.row())].get();
}

QModelIndex RegionTreeModel::indexOf(const QString &resourceName, int column) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    const QString regionName = resource::topLevel(resourceName);
    const auto it = m_regionRow.constFind(regionName);
    if (it == m_regionRow.cend())
        return {};
    if (regionName.size() == resourceName.size())
        return createIndex(*it, column, nullptr);
    RegionRow *node = m_regions[size_t(*it)].get();
    const auto c = node->componentRow.constFind(resourceName);
    return c == node->componentRow.cend() ? QModelIndex() : createIndex(*c, column, node);
}

QModelIndex RegionTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_regions.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.column() != 0)
        return {}; // components have no children
    RegionRow *node = m_regions[size_t(parent.row())].get();
    return row < node->components.size() ? createIndex(row, column, node) : QModelIndex();
}

QModelIndex RegionTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    auto *node = static_cast<RegionRow *>(child.internalPointer());
    return node ? createIndex(node->row, 0, nullptr) : QModelIndex();
}

int RegionTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_regions.size());
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return int(m_regions[size_t(parent.row())]->components.size());
}

int RegionTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RegionTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const auto *parentNode = static_cast<const RegionRow *>(index.internalPointer());
    const RowText *text;
    const bool isRegion = !parentNode;
    if (isRegion)
        text = &m_regions[size_t(index.row())]->text;
    else
        text = &parentNode->components[index.row()].text;
    const Shown s = isRegion ? shown(m_regions[size_t(index.row())]->region)
                             : shown(parentNode->components[index.row()].component);
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return text->text[column];
    case Qt::ToolTipRole:
        return column == NameColumn ? text->nameToolTip : s.statusMessage;
    case Qt::TextAlignmentRole:
        if (column >= LatencyP95Column && column <= AvailabilityColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortValue(s, column, text->text[column]);
    case StatusRole:
        return int(s.status);
    case ResourceNameRole:
        return s.name;
    case IsRegionRole:
        return isRegion;
    case StatusMessageRole:
        return s.statusMessage;
    default:
        return {};
    }
}

QVariant RegionTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= LatencyP95Column && section <= AvailabilityColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ProviderColumn:
        return tr("Provider");
    case StatusColumn:
        return tr("Status");
    case LatencyP95Column:
        return tr("Latency p95");
    case ErrorRateColumn:
        return tr("Error rate");
    case ThroughputColumn:
        return tr("Throughput");
    case AvailabilityColumn:
        return tr("Availability");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

std::pair<int, int> RegionTreeModel::updateRegion(RegionRow &row, const Region &region)
{
    const auto range = changedColumns(shown(row.region), shown(region));
    row.region = region;
    if (range.first >= 0)
        formatColumns(row.text, shown(row.region), range.first, range.second);
    return range;
}

std::pair<int, int> RegionTreeModel::updateComponent(ComponentRow &row, const Component &component)
{
    const auto range = changedColumns(shown(row.component), shown(component));
    row.component = component;
    if (range.first >= 0)
        formatColumns(row.text, shown(row.component), range.first, range.second);
    return range;
}

void RegionTreeModel::reindexRegions(int from)
{
    for (int row = from; row < int(m_regions.size()); ++row) {
        m_regions[size_t(row)]->row = row;
        m_regionRow.insert(m_regions[size_t(row)]->region.name, row);
    }
}

void RegionTreeModel::insertRegions(const QList<Region> &regions)
{
    if (regions.isEmpty())
        return;
    const int first = int(m_regions.size());
    beginInsertRows({}, first, first + int(regions.size()) - 1);
    for (const Region &region : regions) {
        auto node = std::make_unique<RegionRow>();
        node->region = region;
        formatColumns(node->text, shown(node->region), 0, kLastColumn);
        // Components that arrived before their region go in with it.
        const QList<Component> components = m_store->componentsOf(region.name);
        for (const Component &component : components) {
            node->componentRow.insert(component.name, int(node->components.size()));
            ComponentRow &row = node->components.emplace_back();
            row.component = component;
            formatColumns(row.text, shown(row.component), 0, kLastColumn);
        }
        m_regions.push_back(std::move(node));
    }
    reindexRegions(first);
    endInsertRows();
}

void RegionTreeModel::removeRegionRows(QList<int> rows)
{
    forEachRunDescending(std::move(rows), [this](int first, int last) {
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row)
            m_regionRow.remove(m_regions[size_t(row)]->region.name);
        m_regions.erase(m_regions.begin() + first, m_regions.begin() + last + 1);
        reindexRegions(first);
        endRemoveRows();
    });
}

void RegionTreeModel::insertComponents(RegionRow *node, const QList<Component> &components)
{
    if (components.isEmpty())
        return;
    const int first = int(node->components.size());
    beginInsertRows(createIndex(node->row, 0, nullptr), first, first + int(components.size()) - 1);
    node->components.reserve(first + components.size());
    for (const Component &component : components) {
        node->componentRow.insert(component.name, int(node->components.size()));
        ComponentRow &row = node->components.emplace_back();
        row.component = component;
        formatColumns(row.text, shown(row.component), 0, kLastColumn);
    }
    endInsertRows();
}

void RegionTreeModel::removeComponentRows(RegionRow *node, QList<int> rows)
{
    const QModelIndex parent = createIndex(node->row, 0, nullptr);
    forEachRunDescending(std::move(rows), [&](int first, int last) {
        beginRemoveRows(parent, first, last);
        for (int row = first; row <= last; ++row)
            node->componentRow.remove(node->components[row].component.name);
        node->components.remove(first, last - first + 1);
        for (int row = first; row < node->components.size(); ++row)
            node->componentRow.insert(node->components[row].component.name, row);
        endRemoveRows();
    });
}

void RegionTreeModel::emitDataChanged(const QModelIndex &parent,
                                      QList<std::tuple<int, int, int>> &changes)
{
    // One signal per run of adjacent changed rows, over the union of their changed columns.
    std::sort(changes.begin(), changes.end());
    for (qsizetype i = 0; i < changes.size();) {
        auto [first, lo, hi] = changes[i];
        int last = first;
        for (++i; i < changes.size() && std::get<0>(changes[i]) <= last + 1; ++i) {
            last = std::get<0>(changes[i]);
            lo = std::min(lo, std::get<1>(changes[i]));
            hi = std::max(hi, std::get<2>(changes[i]));
        }
        emit dataChanged(index(first, lo, parent), index(last, hi, parent));
    }
    changes.clear();
}

void RegionTreeModel::upsertRegions(const QList<const Region *> &regions)
{
    QList<std::tuple<int, int, int>> changes;
    QList<Region> added;
    for (const Region *region : regions) {
        const auto it = m_regionRow.constFind(region->name);
        if (it == m_regionRow.cend()) {
            added.append(*region);
            continue;
        }
        const auto [lo, hi] = updateRegion(*m_regions[size_t(*it)], *region);
        if (lo >= 0)
            changes.append({*it, lo, hi});
    }
    emitDataChanged({}, changes);
    insertRegions(added); // with their components
}

void RegionTreeModel::upsertComponents(RegionRow *node, const QList<int> &removed,
                                       const QList<const Component *> &upserts)
{
    removeComponentRows(node, removed);
    QList<std::tuple<int, int, int>> changes;
    QList<Component> added;
    for (const Component *component : upserts) {
        const auto c = node->componentRow.constFind(component->name);
        if (c == node->componentRow.cend()) {
            added.append(*component);
            continue;
        }
        const auto [lo, hi] = updateComponent(node->components[*c], *component);
        if (lo >= 0)
            changes.append({*c, lo, hi});
    }
    emitDataChanged(createIndex(node->row, 0, nullptr), changes);
    insertComponents(node, added);
}

void RegionTreeModel::storeReset()
{
    QHash<QString, QList<const Component *>> componentsByRegion;
    for (const Component &component : m_store->components())
        componentsByRegion[component.regionName()].append(&component);

    if (m_regions.empty()) {
        beginResetModel();
        m_regionRow.clear();
        m_regions.reserve(size_t(m_store->regions().size()));
        for (const Region &region : m_store->regions()) {
            auto node = std::make_unique<RegionRow>();
            node->region = region;
            node->row = int(m_regions.size());
            formatColumns(node->text, shown(node->region), 0, kLastColumn);
            for (const Component *component : componentsByRegion.value(region.name)) {
                node->componentRow.insert(component->name, int(node->components.size()));
                ComponentRow &row = node->components.emplace_back();
                row.component = *component;
                formatColumns(row.text, shown(row.component), 0, kLastColumn);
            }
            m_regionRow.insert(region.name, node->row);
            m_regions.push_back(std::move(node));
        }
        endResetModel();
        return;
    }

    // A diff against what is shown, so views keep their selection, expansion and scroll position.
    QList<int> vanished;
    for (const auto &node : m_regions) {
        if (!m_store->region(node->region.name))
            vanished.append(node->row);
    }
    removeRegionRows(vanished);

    QList<const Region *> regions;
    regions.reserve(m_store->regions().size());
    for (const Region &region : m_store->regions())
        regions.append(&region);
    const size_t kept = m_regions.size();
    upsertRegions(regions); // the new ones with their components

    for (size_t i = 0; i < kept; ++i) {
        RegionRow *node = m_regions[i].get();
        QList<int> gone;
        for (int row = 0; row < node->components.size(); ++row) {
            if (!m_store->component(node->components[row].component.name))
                gone.append(row);
        }
        upsertComponents(node, gone, componentsByRegion.value(node->region.name));
    }
}

void RegionTreeModel::storeChanged(const RegionStoreChange &change)
{
    // Regions: removals first, then updates and appends (rows stay valid in that order). A
    // removed region's components go with its row.
    QList<int> vanished;
    for (const QString &name : change.removedRegions) {
        const auto it = m_regionRow.constFind(name);
        if (it != m_regionRow.cend())
            vanished.append(*it);
    }
    removeRegionRows(vanished);

    QList<const Region *> regions;
    for (const QString &name : change.regions) {
        if (const Region *region = m_store->region(name))
            regions.append(region);
    }
    upsertRegions(regions); // the new ones with their components, including those of this change

    if (!change.touchesComponents())
        return;
    // Components grouped per region, so each region gets one insert and one dataChanged pass.
    struct Group
    {
        QList<int> removed;
        QList<const Component *> upserts;
    };
    QHash<RegionRow *, Group> groups;
    QList<RegionRow *> groupOrder;
    const auto nodeOf = [&](const QString &componentName) -> RegionRow * {
        const auto it = m_regionRow.constFind(resource::topLevel(componentName));
        if (it == m_regionRow.cend())
            return nullptr; // no such region (yet): the store keeps it until the region arrives
        RegionRow *node = m_regions[size_t(*it)].get();
        if (!groups.contains(node)) {
            groups.insert(node, {});
            groupOrder.append(node);
        }
        return node;
    };
    for (const QString &name : change.removedComponents) {
        if (RegionRow *node = nodeOf(name)) {
            const auto c = node->componentRow.constFind(name);
            if (c != node->componentRow.cend())
                groups[node].removed.append(*c);
        }
    }
    for (const QString &name : change.components) {
        const Component *component = m_store->component(name);
        if (RegionRow *node = component ? nodeOf(name) : nullptr)
            groups[node].upserts.append(component);
    }
    for (RegionRow *node : std::as_const(groupOrder)) {
        const Group &group = groups[node];
        upsertComponents(node, group.removed, group.upserts);
    }
}

} // namespace ops
