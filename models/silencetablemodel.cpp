#include "silencetablemodel.h"
#include "models/resourcename.h"

#include <algorithm>

namespace ops {

SilenceTableModel::SilenceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{}

int SilenceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_silences.size());
}

int SilenceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SilenceTableModel::countdown(const Silence &s) const
{
    const qint64 toEnd = s.endsAt.isValid() ? (s.endsAt.toMSecsSinceEpoch() - m_nowMs) / 1000 : 0;
    if (s.state == SilenceState::Expired || (s.endsAt.isValid() && toEnd <= 0))
        return tr("expired %1 ago").arg(IncidentText::duration(-toEnd));
    if (s.state == SilenceState::Pending && s.startsAt.isValid()) {
        const qint64 toStart = (s.startsAt.toMSecsSinceEpoch() - m_nowMs) / 1000;
        if (toStart > 0)
            return tr("starts in %1").arg(IncidentText::duration(toStart));
    }
    return tr("%1 left").arg(IncidentText::duration(toEnd));
}

QVariant SilenceTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_silences.size())
        return {};
    const Silence &s = m_silences.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MatchersColumn:
            return s.matchersText();
        case StateColumn:
            return IncidentText::silenceState(s.state);
        case ExpiresColumn:
            return countdown(s);
        case MatchedColumn:
            return s.matchedAlerts;
        case CreatorColumn:
            return s.createdBy;
        case CommentColumn:
            return s.comment;
        case AlertmanagerColumn:
            return resource::leafId(s.alertmanager);
        case IncidentColumn:
            return s.incident.isEmpty() ? QString()
                                        : QStringLiteral("#%1").arg(resource::leafId(s.incident));
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ExpiresColumn:
            return tr("From %1 to %2")
                .arg(s.startsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                     s.endsAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        case MatchedColumn:
            return s.matchedAlerts == 0
                       ? tr("Matches no alert platformd knows of")
                       : tr("%n firing alert(s) matched", nullptr, s.matchedAlerts);
        case CommentColumn:
        case MatchersColumn:
            return data(index, Qt::DisplayRole);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == MatchedColumn || index.column() == ExpiresColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case NameRole:
        return s.name;
    case StateRole:
        return int(s.state);
    case EndsAtRole:
        return s.endsAt;
    case IncidentRole:
        return s.incident;
    case SortRole:
        switch (index.column()) {
        case StateColumn:
            return int(s.state);
        case ExpiresColumn:
            return s.endsAt.isValid() ? s.endsAt.toMSecsSinceEpoch() : qint64(0);
        case MatchedColumn:
            return s.matchedAlerts;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    return {};
}

QVariant SilenceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MatchersColumn:
        return tr("Matchers");
    case StateColumn:
        return tr("State");
    case ExpiresColumn:
        return tr("Expires");
    case MatchedColumn:
        return tr("Matched alerts");
    case CreatorColumn:
        return tr("Creator");
    case CommentColumn:
        return tr("Comment");
    case AlertmanagerColumn:
        return tr("Alertmanager");
    case IncidentColumn:
        return tr("Incident");
    }
    return {};
}

void SilenceTableModel::reindex()
{
    m_rows.clear();
    for (int i = 0; i < m_silences.size(); ++i)
        m_rows.insert(m_silences.at(i).name, i);
}

void SilenceTableModel::setSilences(const QList<Silence> &silences, qint64 revision)
{
    beginResetModel();
    m_silences = silences;
    reindex();
    m_revision = revision;
    endResetModel();
}

void SilenceTableModel::upsert(const Silence &silence)
{
    const int row = m_rows.value(silence.name, -1);
    if (row >= 0) {
        if (silence.revision != 0 && silence.revision <= m_silences.at(row).revision)
            return;
        m_silences[row] = silence;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int at = int(m_silences.size());
    beginInsertRows({}, at, at);
    m_silences.append(silence);
    m_rows.insert(silence.name, at);
    endInsertRows();
}

void SilenceTableModel::applyChanges(const QList<IncidentChangeBatch> &batches)
{
    for (const IncidentChangeBatch &batch : batches) {
        if (batch.revision != 0 && batch.revision <= m_revision)
            continue;
        for (const Silence &s : batch.silences)
            upsert(s);
        for (const QString &name : batch.deleted) {
            const int row = m_rows.value(name, -1);
            if (row < 0)
                continue;
            beginRemoveRows({}, row, row);
            m_silences.removeAt(row);
            reindex();
            endRemoveRows();
        }
        m_revision = qMax(m_revision, batch.revision);
    }
}

void SilenceTableModel::setNow(const QDateTime &now)
{
    m_nowMs = now.toMSecsSinceEpoch();
    if (!m_silences.isEmpty())
        emit dataChanged(index(0, ExpiresColumn), index(rowCount() - 1, ExpiresColumn),
                         {Qt::DisplayRole});
}

QList<Silence> SilenceTableModel::silencesFor(const Incident &incident) const
{
    QList<Silence> out;
    for (const Silence &s : m_silences) {
        bool related = s.incident == incident.name;
        for (const IncidentAlert &alert : incident.alerts) {
            if (related)
                break;
            related = alert.silencedBy.contains(s.name);
        }
        if (related)
            out.append(s);
    }
    std::sort(out.begin(), out.end(),
              [](const Silence &a, const Silence &b) { return a.endsAt > b.endsAt; });
    return out;
}

SilenceFilterProxyModel::SilenceFilterProxyModel(SilenceTableModel *model, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_model(model)
{
    setSourceModel(model);
    setSortRole(SilenceTableModel::SortRole);
    setDynamicSortFilter(true);
    sort(SilenceTableModel::ExpiresColumn, Qt::AscendingOrder);
}

void SilenceFilterProxyModel::setShowExpired(bool show)
{
    if (show == m_showExpired)
        return;
    m_showExpired = show;
    invalidateFilter();
}

bool SilenceFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return m_showExpired || m_model->silence(sourceRow).state != SilenceState::Expired;
}

} // namespace ops
