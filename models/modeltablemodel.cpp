#include "modeltablemodel.h"

#include <QVariantMap>

namespace ops {

ModelTableModel::ModelTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ModelTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int ModelTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariantList ModelTableModel::chipsFor(const ModelInfo &model)
{
    QVariantList chips;
    for (auto it = model.aliases.cbegin(); it != model.aliases.cend(); ++it) {
        QVariantMap chip;
        chip.insert(QStringLiteral("text"), QStringLiteral("%1 v%2").arg(it.key()).arg(it.value()));
        chip.insert(QStringLiteral("locked"), model.isProtected(it.key()));
        chips.append(chip);
    }
    return chips;
}

QVariant ModelTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_models.size())
        return {};
    const ModelInfo &m = m_models.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return m.id();
        case AliasesColumn: {
            QStringList parts;
            for (auto it = m.aliases.cbegin(); it != m.aliases.cend(); ++it)
                parts.append(QStringLiteral("%1=v%2").arg(it.key()).arg(it.value()));
            return parts.join(QLatin1String(", "));
        }
        case LatestVersionColumn:
            return m.latestVersion;
        case StageColumn:
            return RegistryText::stage(m.latestStage);
        case DeploymentsColumn:
            return m.liveDeployments;
        case OwnerColumn:
            return m.ownerTeam;
        case TaskColumn:
            return RegistryText::task(m.task);
        case UpdatedColumn:
            return m.updateTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return m.displayName.isEmpty() ? m.name : m.displayName;
        case AliasesColumn: {
            QStringList lines;
            for (auto it = m.aliases.cbegin(); it != m.aliases.cend(); ++it)
                lines.append(m.isProtected(it.key())
                                 ? tr("%1 → version %2 (protected: moves need approval)")
                                       .arg(it.key())
                                       .arg(it.value())
                                 : tr("%1 → version %2").arg(it.key()).arg(it.value()));
            return lines.join(QLatin1Char('\n'));
        }
        case StageColumn:
            return m.productionVersion > 0
                       ? tr("Latest version %1 is %2; version %3 is in Production.")
                             .arg(m.latestVersion)
                             .arg(RegistryText::stage(m.latestStage))
                             .arg(m.productionVersion)
                       : tr("Latest version %1 is %2; no version is in Production.")
                             .arg(m.latestVersion)
                             .arg(RegistryText::stage(m.latestStage));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LatestVersionColumn || index.column() == DeploymentsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case NameRole:
        return m.name;
    case StageRole:
        return int(m.latestStage);
    case ChipsRole:
        return chipsFor(m);
    case MatchesRole:
        return !m_filtered || m_matches.contains(m.name);
    case SortRole:
        switch (index.column()) {
        case LatestVersionColumn:
            return m.latestVersion;
        case StageColumn:
            return int(m.latestStage);
        case DeploymentsColumn:
            return m.liveDeployments;
        case UpdatedColumn:
            return m.updateTime;
        case AliasesColumn:
            return qlonglong(m.aliases.size());
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    return {};
}

QVariant ModelTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case AliasesColumn:
        return tr("Aliases");
    case LatestVersionColumn:
        return tr("Latest");
    case StageColumn:
        return tr("Stage");
    case DeploymentsColumn:
        return tr("Live deployments");
    case OwnerColumn:
        return tr("Owner");
    case TaskColumn:
        return tr("Task");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

void ModelTableModel::reindex()
{
    m_rows.clear();
    for (int i = 0; i < m_models.size(); ++i)
        m_rows.insert(m_models.at(i).name, i);
}

void ModelTableModel::setModels(const QList<ModelInfo> &models)
{
    beginResetModel();
    m_models = models;
    reindex();
    endResetModel();
}

void ModelTableModel::upsert(const ModelInfo &model)
{
    const int row = m_rows.value(model.name, -1);
    if (row >= 0) {
        if (model.revision != 0 && model.revision <= m_models.at(row).revision)
            return; // already held (a resumed watch overlaps)
        m_models[row] = model;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const int at = int(m_models.size());
        beginInsertRows({}, at, at);
        m_models.append(model);
        m_rows.insert(model.name, at);
        endInsertRows();
    }
    emit modelChanged(model.name);
}

void ModelTableModel::applyChanges(const QList<RegistryChangeBatch> &batches)
{
    for (const RegistryChangeBatch &batch : batches) {
        for (const ModelInfo &model : batch.models)
            upsert(model);
        for (const QString &name : batch.deleted) {
            const int row = m_rows.value(name, -1);
            if (row < 0)
                continue;
            beginRemoveRows({}, row, row);
            m_models.removeAt(row);
            reindex();
            endRemoveRows();
        }
    }
}

void ModelTableModel::setMatches(const QSet<QString> &names)
{
    m_matches = names;
    m_filtered = true;
    if (!m_models.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {MatchesRole});
}

void ModelTableModel::clearMatches()
{
    m_matches.clear();
    m_filtered = false;
    if (!m_models.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {MatchesRole});
}

int ModelTableModel::matchCount() const
{
    if (!m_filtered)
        return int(m_models.size());
    int n = 0;
    for (const ModelInfo &m : m_models)
        n += m_matches.contains(m.name) ? 1 : 0;
    return n;
}

const ModelInfo *ModelTableModel::find(const QString &name) const
{
    const int row = m_rows.value(name, -1);
    return row < 0 ? nullptr : &m_models.at(row);
}

} // namespace ops
