#include "versiontablemodel.h"
#include "models/resourcename.h"

#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ops {

qint32 VersionTableModel::Pool::intern(const QString &s)
{
    if (s.isEmpty())
        return 0;
    const auto it = index.constFind(s);
    if (it != index.cend())
        return it.value();
    const auto id = qint32(strings.size());
    strings.append(s);
    index.insert(s, id);
    return id;
}

VersionTableModel::VersionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (int s = 0; s <= int(ModelStage::Archived); ++s)
        m_stageTexts.append(RegistryText::stage(ModelStage(s)));
    for (int s = 0; s <= int(VersionStatus::Failed); ++s)
        m_statusTexts.append(RegistryText::status(VersionStatus(s)));
}

VersionTableModel::~VersionTableModel() = default;

int VersionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int VersionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

double VersionTableModel::metricValue(const Row &row, qint32 key, bool *found) const
{
    const Metric *begin = m_metrics.data() + row.metricsBegin;
    for (const Metric *m = begin; m != begin + row.metricsCount; ++m) {
        if (m->key == key) {
            *found = true;
            return m->value;
        }
    }
    *found = false;
    return 0;
}

QVariant VersionTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_order.size()))
        return {};
    const Row &row = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ModelColumn:
            return m_models.at(row.model);
        case VersionColumn:
            return row.version;
        case StageColumn:
            return m_stageTexts.value(row.stage);
        case StatusColumn:
            return m_statusTexts.value(row.status);
        case AliasesColumn: {
            QString text = m_aliases.at(row.aliases);
            return text.replace(QLatin1Char('\n'), QLatin1String(", "));
        }
        case MetricColumn: {
            if (role == Qt::ToolTipRole) {
                QStringList parts;
                for (quint32 i = row.metricsBegin; i < row.metricsBegin + row.metricsCount; ++i)
                    parts.append(QStringLiteral("%1 = %2").arg(
                        m_metricNames.at(m_metrics[i].key), QString::number(m_metrics[i].value)));
                parts.sort();
                return parts.join(QLatin1Char('\n'));
            }
            bool found = false;
            const double value = metricValue(row, m_metricKeyId, &found);
            return found ? QVariant(QString::number(value, 'f', 4)) : QVariant();
        }
        case FrameworkColumn:
            return m_frameworks.at(row.framework);
        case DatasetColumn:
            return m_datasets.at(row.dataset);
        case CreatedByColumn:
            return resource::leafId(m_users.at(row.createdBy));
        case CreatedColumn:
            return QDateTime::fromMSecsSinceEpoch(row.createMs, Qt::UTC)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn || index.column() == MetricColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case NameRole:
        return versionName(index.row());
    case ModelNameRole:
        return QStringLiteral("models/") + m_models.at(row.model);
    case VersionRole:
        return row.version;
    case StageRole:
        return int(row.stage);
    case StatusRole:
        return int(row.status);
    case AliasesRole: {
        const QString &joined = m_aliases.at(row.aliases);
        return joined.isEmpty() ? QStringList() : joined.split(QLatin1Char('\n'));
    }
    case MetricsRole: {
        QVariantMap map;
        for (quint32 i = row.metricsBegin; i < row.metricsBegin + row.metricsCount; ++i)
            map.insert(m_metricNames.at(m_metrics[i].key), m_metrics[i].value);
        return map;
    }
    case CreateTimeRole:
        return QDateTime::fromMSecsSinceEpoch(row.createMs, Qt::UTC);
    case SortKeyRole:
        return sortKey(row, index.column(), ranksFor(index.column()));
    }
    return {};
}

QVariant VersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case VersionColumn:
        return tr("Version");
    case StageColumn:
        return tr("Stage");
    case StatusColumn:
        return tr("Status");
    case AliasesColumn:
        return tr("Aliases");
    case MetricColumn:
        return m_metricKey.isEmpty() ? tr("Metric") : m_metricKey;
    case FrameworkColumn:
        return tr("Framework");
    case DatasetColumn:
        return tr("Dataset");
    case CreatedByColumn:
        return tr("Created by");
    case CreatedColumn:
        return tr("Created");
    }
    return {};
}

void VersionTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_order.clear();
    m_order.shrink_to_fit();
    m_metrics.clear();
    m_metrics.shrink_to_fit();
    m_index.clear();
    m_indexValid = false;
    endResetModel();
}

void VersionTableModel::fill(Row &row, const ModelVersionInfo &v)
{
    row.version = v.version;
    row.createMs = v.createTime.isValid() ? v.createTime.toMSecsSinceEpoch() : 0;
    row.stage = quint8(v.stage);
    row.status = quint8(v.status);
    row.model = m_models.intern(v.modelId());
    row.framework = m_frameworks.intern(v.framework);
    row.dataset = m_datasets.intern(v.dataset);
    row.createdBy = m_users.intern(v.createdBy);
    row.aliases = v.aliases.isEmpty() ? 0 : m_aliases.intern(v.aliases.join(QLatin1Char('\n')));
    // Metrics are appended; an upsert leaves the old ones behind (rare, small).
    row.metricsBegin = quint32(m_metrics.size());
    row.metricsCount = quint16(std::min<qsizetype>(v.metrics.size(), 0xffff));
    for (auto it = v.metrics.cbegin(); it != v.metrics.cend(); ++it)
        m_metrics.push_back({m_metricNames.intern(it.key()), it.value()});
    if (m_metricKeyId < 0 && !v.metrics.isEmpty()) {
        // Default to a metric most versions carry.
        const QString key = v.metrics.contains(QStringLiteral("accuracy"))
                                ? QStringLiteral("accuracy")
                                : v.metricKeys().constFirst();
        m_metricKey = key;
        m_metricKeyId = m_metricNames.intern(key);
        emit headerDataChanged(Qt::Horizontal, MetricColumn, MetricColumn);
    }
}

void VersionTableModel::appendPage(const QList<ModelVersionInfo> &page)
{
    if (page.isEmpty())
        return;
    const int first = int(m_order.size());
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.reserve(m_rows.size() + std::size_t(page.size()));
    m_order.reserve(m_order.size() + std::size_t(page.size()));
    for (const ModelVersionInfo &v : page) {
        Row row;
        fill(row, v);
        m_order.push_back(int(m_rows.size()));
        if (m_indexValid)
            m_index.insert(indexKey(row.model, row.version), int(m_rows.size()));
        m_rows.push_back(row);
    }
    endInsertRows();
}

void VersionTableModel::ensureIndex() const
{
    if (m_indexValid)
        return;
    m_index.clear();
    m_index.reserve(qsizetype(m_rows.size()));
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_index.insert(indexKey(m_rows[i].model, m_rows[i].version), int(i));
    m_indexValid = true;
}

int VersionTableModel::rowOf(const QString &modelName, qint64 version) const
{
    const auto id = m_models.index.value(modelIdFromName(modelName), -1);
    if (id < 0)
        return -1;
    ensureIndex();
    const int storage = m_index.value(indexKey(id, version), -1);
    if (storage < 0)
        return -1;
    // View rows are few to search only when the caller needs one; linear is fine (no inverse kept).
    const auto it = std::find(m_order.cbegin(), m_order.cend(), storage);
    return it == m_order.cend() ? -1 : int(it - m_order.cbegin());
}

void VersionTableModel::upsert(const ModelVersionInfo &version)
{
    const int row = rowOf(version.model, version.version);
    if (row < 0)
        return appendPage({version});
    Row &stored = m_rows[std::size_t(m_order[std::size_t(row)])];
    fill(stored, version);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void VersionTableModel::setMetricKey(const QString &key)
{
    if (key == m_metricKey)
        return;
    m_metricKey = key;
    m_metricKeyId = key.isEmpty() ? -1 : m_metricNames.intern(key);
    emit headerDataChanged(Qt::Horizontal, MetricColumn, MetricColumn);
    if (!m_order.empty())
        emit dataChanged(index(0, MetricColumn), index(rowCount() - 1, MetricColumn));
    if (m_sortColumn == MetricColumn)
        resort();
}

QStringList VersionTableModel::metricKeys() const
{
    QStringList keys = m_metricNames.strings.mid(1);
    keys.sort();
    return keys;
}

std::vector<int> VersionTableModel::ranksOf(const Pool &pool) const
{
    // The rank of each interned string in (case-insensitive) alphabetical order: sorting compares
    // integers, the strings are compared once per distinct value.
    std::vector<int> ids(std::size_t(pool.strings.size()));
    std::iota(ids.begin(), ids.end(), 0);
    std::sort(ids.begin(), ids.end(), [&pool](int a, int b) {
        const int c = pool.at(a).compare(pool.at(b), Qt::CaseInsensitive);
        return c != 0 ? c < 0 : pool.at(a) < pool.at(b);
    });
    std::vector<int> ranks(ids.size());
    for (std::size_t r = 0; r < ids.size(); ++r)
        ranks[std::size_t(ids[r])] = int(r);
    return ranks;
}

std::vector<int> VersionTableModel::ranksFor(int column) const
{
    switch (column) {
    case ModelColumn:
        return ranksOf(m_models);
    case AliasesColumn:
        return ranksOf(m_aliases);
    case FrameworkColumn:
        return ranksOf(m_frameworks);
    case DatasetColumn:
        return ranksOf(m_datasets);
    case CreatedByColumn:
        return ranksOf(m_users);
    default:
        return {};
    }
}

double VersionTableModel::sortKey(const Row &row, int column, const std::vector<int> &ranks) const
{
    switch (column) {
    case ModelColumn:
        // Within a model, versions in order: model rank is the major key.
        return double(ranks[std::size_t(row.model)]) * 1e12 + double(row.version);
    case VersionColumn:
        return double(row.version);
    case StageColumn:
        return row.stage;
    case StatusColumn:
        return row.status;
    case AliasesColumn:
        // Versions without aliases last.
        return row.aliases == 0 ? std::numeric_limits<double>::max()
                                : double(ranks[std::size_t(row.aliases)]);
    case MetricColumn: {
        bool found = false;
        const double value = metricValue(row, m_metricKeyId, &found);
        return found ? value : std::numeric_limits<double>::quiet_NaN();
    }
    case FrameworkColumn:
        return ranks[std::size_t(row.framework)];
    case DatasetColumn:
        return ranks[std::size_t(row.dataset)];
    case CreatedByColumn:
        return ranks[std::size_t(row.createdBy)];
    case CreatedColumn:
        return double(row.createMs);
    }
    return 0;
}

void VersionTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    resort();
}

void VersionTableModel::resort()
{
    if (m_sortColumn < 0 || m_rows.empty())
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> persistentStorage;
    persistentStorage.reserve(std::size_t(persistent.size()));
    for (const QModelIndex &index : persistent)
        persistentStorage.push_back(m_order[std::size_t(index.row())]);

    // (key, storage row) pairs: one key computed per row, contiguous, and the storage row as the
    // tie-break makes the order stable (equal keys keep arrival order) in either direction.
    // Missing values (NaN) go last in both directions.
    const std::vector<int> ranks = ranksFor(m_sortColumn);
    struct Item
    {
        double key;
        int row;
    };
    std::vector<Item> items(m_rows.size());
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        items[i] = {sortKey(m_rows[i], m_sortColumn, ranks), int(i)};
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::sort(items.begin(), items.end(), [descending](const Item &a, const Item &b) {
        const bool aNan = std::isnan(a.key), bNan = std::isnan(b.key);
        if (aNan || bNan) {
            if (aNan != bNan)
                return bNan;
            return a.row < b.row;
        }
        if (a.key != b.key)
            return descending ? a.key > b.key : a.key < b.key;
        return a.row < b.row;
    });
    std::vector<int> inverse(m_rows.size());
    for (std::size_t r = 0; r < items.size(); ++r) {
        m_order[r] = items[r].row;
        inverse[std::size_t(items[r].row)] = int(r);
    }

    QModelIndexList updated;
    updated.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i)
        updated.append(
            index(inverse[std::size_t(persistentStorage[std::size_t(i)])], persistent[i].column()));
    changePersistentIndexList(persistent, updated);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QString VersionTableModel::modelName(int row) const
{
    return QStringLiteral("models/") + m_models.at(rowAt(row).model);
}

qint64 VersionTableModel::version(int row) const
{
    return rowAt(row).version;
}

ModelStage VersionTableModel::stage(int row) const
{
    return ModelStage(rowAt(row).stage);
}

QString VersionTableModel::versionName(int row) const
{
    const Row &r = rowAt(row);
    return QStringLiteral("models/%1/versions/%2").arg(m_models.at(r.model)).arg(r.version);
}

qint64 VersionTableModel::storageBytes() const
{
    return qint64(m_rows.capacity() * sizeof(Row) + m_order.capacity() * sizeof(int) +
                  m_metrics.capacity() * sizeof(Metric));
}

} // namespace ops
