#include "regiontreemodel.h"

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

// "regions/eu-west" -> "eu-west", "regions/eu-west/components/kafka" -> "kafka"
QString shortId(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
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

QString formatPercent(double fraction, int decimals)
{
    return RegionTreeModel::tr("%1 %").arg(QLocale().toString(fraction * 100, 'f', decimals));
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
            cell = s.displayName.isEmpty() ? shortId(s.name) : s.displayName;
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
            cell = formatPercent(s.health.errorRate, 2);
            break;
        case RegionTreeModel::ThroughputColumn:
            cell = formatThroughput(s.health.throughputRps);
            break;
        case RegionTreeModel::AvailabilityColumn:
            cell = formatPercent(s.health.availability, 3);
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
                               ? shortId(s.name)
                               : shortId(s.name) + QLatin1Char('\n') + s.statusMessage;
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

enum class Kind { Region, Component, Other };

Kind kindOf(const RegionEvent &event, const QString &name)
{
    switch (event.resource.index()) {
    case 1:
        return Kind::Region;
    case 2:
        return Kind::Component;
    case 3:
        return Kind::Other;
    default:
        break;
    }
    // A delete carries only the name: regions/{r} or regions/{r}/components/{c}.
    const qsizetype slashes = name.count(QLatin1Char('/'));
    if (slashes == 1)
        return Kind::Region;
    if (slashes == 3 && name.contains(QLatin1String("/components/")))
        return Kind::Component;
    return Kind::Other;
}

} // namespace

struct RegionTreeModel::Change
{
    const RegionEvent *event = nullptr;
    qint64 batchRevision = 0;
};

RegionTreeModel::RegionTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

RegionTreeModel::RegionRow *RegionTreeModel::regionNode(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (auto *parentNode = static_cast<RegionRow *>(index.internalPointer()))
        return parentNode;
    return m_regions[size_t(index.row())].get();
}

const Region *RegionTreeModel::region(const QString &name) const
{
    const auto it = m_regionRow.constFind(name);
    return it == m_regionRow.cend() ? nullptr : &m_regions[size_t(*it)]->region;
}

const Component *RegionTreeModel::component(const QString &name) const
{
    const QModelIndex index = indexOf(name);
    if (!index.isValid() || !index.internalPointer())
        return nullptr;
    return &static_cast<const RegionRow *>(index.internalPointer())
                ->components[index.row()]
                .component;
}

QModelIndex RegionTreeModel::indexOf(const QString &resourceName, int column) const
{
    if (column < 0 || column >= ColumnCount)
        return {};
    const QString regionName = resourceName.section(QLatin1Char('/'), 0, 1);
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
        const QList<Component> pending = m_pendingComponents.take(region.name);
        for (const Component &component : pending) {
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

void RegionTreeModel::setSnapshot(const RegionSnapshot &snapshot)
{
    if (m_regions.empty()) {
        beginResetModel();
        m_regionRow.clear();
        m_pendingComponents.clear();
        m_regions.reserve(size_t(snapshot.regions.size()));
        for (const Region &region : snapshot.regions) {
            if (m_regionRow.contains(region.name))
                continue;
            auto node = std::make_unique<RegionRow>();
            node->region = region;
            node->row = int(m_regions.size());
            formatColumns(node->text, shown(node->region), 0, kLastColumn);
            m_regionRow.insert(region.name, node->row);
            m_regions.push_back(std::move(node));
        }
        for (const Component &component : snapshot.components) {
            const auto it = m_regionRow.constFind(component.regionName());
            if (it == m_regionRow.cend()) {
                m_pendingComponents[component.regionName()].append(component);
                continue;
            }
            RegionRow *node = m_regions[size_t(*it)].get();
            if (node->componentRow.contains(component.name))
                continue;
            node->componentRow.insert(component.name, int(node->components.size()));
            ComponentRow &row = node->components.emplace_back();
            row.component = component;
            formatColumns(row.text, shown(row.component), 0, kLastColumn);
        }
        m_revision = snapshot.revision;
        endResetModel();
        return;
    }

    // A diff against what is shown, so views keep their selection, expansion and scroll position.
    QHash<QString, const Region *> regions;
    regions.reserve(snapshot.regions.size());
    for (const Region &region : snapshot.regions)
        regions.insert(region.name, &region);
    QHash<QString, QList<const Component *>> componentsByRegion;
    for (const Component &component : snapshot.components)
        componentsByRegion[component.regionName()].append(&component);

    QList<int> vanished;
    for (const auto &node : m_regions) {
        if (!regions.contains(node->region.name))
            vanished.append(node->row);
    }
    removeRegionRows(vanished);

    QList<std::tuple<int, int, int>> changes;
    QList<Region> added;
    for (const Region &region : snapshot.regions) {
        const auto it = m_regionRow.constFind(region.name);
        if (it == m_regionRow.cend()) {
            if (std::none_of(added.cbegin(), added.cend(),
                             [&](const Region &r) { return r.name == region.name; }))
                added.append(region);
            continue;
        }
        const auto [lo, hi] = updateRegion(*m_regions[size_t(*it)], region);
        if (lo >= 0)
            changes.append({*it, lo, hi});
    }
    emitDataChanged({}, changes);

    // Components of regions that are not (yet) in the snapshot wait for their region.
    m_pendingComponents.clear();
    for (auto it = componentsByRegion.cbegin(); it != componentsByRegion.cend(); ++it) {
        if (m_regionRow.contains(it.key()))
            continue;
        QList<Component> &pending = m_pendingComponents[it.key()];
        for (const Component *component : it.value())
            pending.append(*component);
    }
    insertRegions(added);

    for (const auto &nodePtr : m_regions) {
        RegionRow *node = nodePtr.get();
        const QList<const Component *> wanted = componentsByRegion.value(node->region.name);
        QHash<QString, const Component *> wantedByName;
        wantedByName.reserve(wanted.size());
        for (const Component *component : wanted)
            wantedByName.insert(component->name, component);

        QList<int> gone;
        for (int row = 0; row < node->components.size(); ++row) {
            if (!wantedByName.contains(node->components[row].component.name))
                gone.append(row);
        }
        removeComponentRows(node, gone);

        QList<Component> newComponents;
        for (const Component *component : wanted) {
            const auto c = node->componentRow.constFind(component->name);
            if (c == node->componentRow.cend()) {
                if (std::none_of(newComponents.cbegin(), newComponents.cend(),
                                 [&](const Component &n) { return n.name == component->name; }))
                    newComponents.append(*component);
                continue;
            }
            const auto [lo, hi] = updateComponent(node->components[*c], *component);
            if (lo >= 0)
                changes.append({*c, lo, hi});
        }
        emitDataChanged(createIndex(node->row, 0, nullptr), changes);
        insertComponents(node, newComponents);
    }
    m_revision = snapshot.revision;
}

void RegionTreeModel::applyChanges(const QList<RegionChangeBatch> &batches)
{
    // Coalesce: the last event per resource wins; a resource keeps the place of its first event,
    // so new rows are appended in the order they were created.
    QHash<QString, qsizetype> position;
    QList<Change> regionChanges;
    QList<Change> componentChanges;
    qint64 revision = m_revision;
    for (const RegionChangeBatch &batch : batches) {
        if (batch.revision <= revision)
            continue; // already applied (replay after a resume, or a duplicate delivery)
        revision = batch.revision;
        for (const RegionEvent &event : batch.events) {
            const Kind kind = kindOf(event, event.name);
            if (kind == Kind::Other)
                continue; // edge nodes are not shown here
            QList<Change> &list = kind == Kind::Region ? regionChanges : componentChanges;
            const auto it = position.constFind(event.name);
            if (it == position.cend()) {
                position.insert(event.name, list.size());
                list.append({&event, batch.revision});
            } else {
                list[*it] = {&event, batch.revision};
            }
        }
    }
    if (revision == m_revision)
        return;
    m_revision = revision;

    // An upsert older than what is shown came from a replay that overlaps the snapshot: skip it.
    auto stale = [](qint64 shownRevision, qint64 incomingRevision) {
        return incomingRevision > 0 && shownRevision > incomingRevision;
    };

    // Regions: removals first, then updates and appends (rows stay valid in that order).
    QList<int> vanished;
    for (const Change &change : std::as_const(regionChanges)) {
        if (change.event->type != RegionEvent::Type::Delete)
            continue;
        m_pendingComponents.remove(change.event->name);
        const auto it = m_regionRow.constFind(change.event->name);
        if (it != m_regionRow.cend() &&
            !stale(m_regions[size_t(*it)]->region.revision, change.batchRevision))
            vanished.append(*it);
    }
    removeRegionRows(vanished);

    QList<std::tuple<int, int, int>> changes;
    QList<Region> added;
    for (const Change &change : std::as_const(regionChanges)) {
        if (change.event->type == RegionEvent::Type::Delete)
            continue;
        const auto *region = std::get_if<Region>(&change.event->resource);
        if (!region)
            continue;
        const auto it = m_regionRow.constFind(region->name);
        if (it == m_regionRow.cend()) {
            added.append(*region);
        } else if (RegionRow &row = *m_regions[size_t(*it)];
                   !stale(row.region.revision, region->revision)) {
            const auto [lo, hi] = updateRegion(row, *region);
            if (lo >= 0)
                changes.append({*it, lo, hi});
        }
    }
    emitDataChanged({}, changes);
    insertRegions(added);

    // Components grouped per region, so each region gets one insert and one dataChanged pass.
    struct Group
    {
        QList<int> removed;
        QList<const Component *> upserts;
    };
    QHash<RegionRow *, Group> groups;
    QList<RegionRow *> groupOrder;
    for (const Change &change : std::as_const(componentChanges)) {
        const RegionEvent &event = *change.event;
        const QString regionName = event.name.section(QLatin1Char('/'), 0, 1);
        const auto it = m_regionRow.constFind(regionName);
        if (it == m_regionRow.cend()) {
            // No such region (yet): keep upserts until it arrives, forget deleted ones.
            if (m_pendingComponents.contains(regionName) ||
                event.type != RegionEvent::Type::Delete) {
                QList<Component> &pending = m_pendingComponents[regionName];
                pending.removeIf([&](const Component &c) { return c.name == event.name; });
                if (const auto *component = std::get_if<Component>(&event.resource))
                    pending.append(*component);
                if (pending.isEmpty())
                    m_pendingComponents.remove(regionName);
            }
            continue;
        }
        RegionRow *node = m_regions[size_t(*it)].get();
        auto g = groups.find(node);
        if (g == groups.end()) {
            g = groups.insert(node, {});
            groupOrder.append(node);
        }
        if (event.type == RegionEvent::Type::Delete) {
            const auto c = node->componentRow.constFind(event.name);
            if (c != node->componentRow.cend() &&
                !stale(node->components[*c].component.revision, change.batchRevision))
                g->removed.append(*c);
        } else if (const auto *component = std::get_if<Component>(&event.resource)) {
            g->upserts.append(component);
        }
    }
    for (RegionRow *node : std::as_const(groupOrder)) {
        Group &group = groups[node];
        removeComponentRows(node, group.removed);
        QList<Component> newComponents;
        for (const Component *component : std::as_const(group.upserts)) {
            const auto c = node->componentRow.constFind(component->name);
            if (c == node->componentRow.cend()) {
                newComponents.append(*component);
                continue;
            }
            ComponentRow &row = node->components[*c];
            if (stale(row.component.revision, component->revision))
                continue;
            const auto [lo, hi] = updateComponent(row, *component);
            if (lo >= 0)
                changes.append({*c, lo, hi});
        }
        emitDataChanged(createIndex(node->row, 0, nullptr), changes);
        insertComponents(node, newComponents);
    }
}

} // namespace ops
