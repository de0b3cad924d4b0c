#include "incidenttablemodel.h"
#include "models/resourcename.h"

#include <QColor>

namespace ops {

namespace {

const QChar kSep = QChar(0x1f); // unit separator: never typed, bounds each label token

QStringList ids(const QStringList &names)
{
    QStringList out;
    out.reserve(names.size());
    for (const QString &n : names)
        out.append(resource::leafId(n));
    return out;
}

} // namespace

IncidentFilter IncidentFilter::parse(const QString &text)
{
    IncidentFilter filter;
    const QString input = text.trimmed();
    qsizetype i = 0;
    while (i < input.size()) {
        while (i < input.size() && input.at(i).isSpace())
            ++i;
        if (i >= input.size())
            break;
        QString token;
        bool quoted = false;
        while (i < input.size() && (quoted || !input.at(i).isSpace())) {
            const QChar c = input.at(i++);
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else
                token.append(c);
        }
        const qsizetype eq = token.indexOf(QLatin1Char('='));
        if (eq > 0 && eq < token.size() - 1) {
            filter.labels.append(token);
            filter.labelNeedles.append(kSep + token.toLower() + kSep);
        } else if (!token.isEmpty()) {
            filter.words.append(token.toLower());
        }
    }
    return filter;
}

IncidentTableModel::IncidentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{}

int IncidentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_incidents.size());
}

int IncidentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 IncidentTableModel::ageSeconds(int row) const
{
    const qint64 start = m_triggerMs[size_t(row)];
    if (start <= 0)
        return 0;
    const qint64 end = m_endMs[size_t(row)] > 0 ? m_endMs[size_t(row)] : m_nowMs;
    return (end - start) / 1000;
}

QVariant IncidentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_incidents.size())
        return {};
    const int row = index.row();
    const Incident &inc = m_incidents.at(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NumberColumn:
            return QStringLiteral("#%1").arg(inc.number);
        case SeverityColumn:
            return IncidentText::severity(inc.severity);
        case StateColumn:
            return IncidentText::state(inc.state);
        case TitleColumn:
            return inc.title;
        case AgeColumn:
            return IncidentText::duration(ageSeconds(row));
        case AssigneeColumn:
            return inc.assignee.isEmpty() ? tr("unassigned") : resource::leafId(inc.assignee);
        case RegionsColumn:
            return ids(inc.regions).join(QLatin1String(", "));
        case AlertsColumn:
            return inc.firingAlerts;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SeverityColumn:
            return inc.severityPinned
                       ? tr("%1 (set by hand)").arg(IncidentText::severityMeaning(inc.severity))
                       : IncidentText::severityMeaning(inc.severity);
        case AgeColumn:
            return inc.isOpen() ? tr("Triggered %1, open for %2")
                                      .arg(inc.triggerTime.toLocalTime().toString(
                                               QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                           IncidentText::duration(ageSeconds(row)))
                                : tr("Triggered %1, resolved after %2")
                                      .arg(inc.triggerTime.toLocalTime().toString(
                                               QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                           IncidentText::duration(ageSeconds(row)));
        case TitleColumn:
            return inc.title;
        case AlertsColumn:
            return tr("%n alert(s) firing of %1", nullptr, inc.firingAlerts).arg(inc.alerts.size());
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == NumberColumn || index.column() == AlertsColumn ||
            index.column() == AgeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case NameRole:
        return inc.name;
    case SeverityRole:
        return int(inc.severity);
    case StateRole:
        return int(inc.state);
    case OpenRole:
        return inc.isOpen();
    case TriggerTimeRole:
        return inc.triggerTime;
    case RegionsRole:
        return inc.regions;
    case ModelsRole:
        return inc.models;
    case SortRole:
        switch (index.column()) {
        case NumberColumn:
            return inc.number;
        case SeverityColumn:
            return int(inc.severity);
        case StateColumn:
            return int(inc.state);
        case AgeColumn:
            return ageSeconds(row);
        case AlertsColumn:
            return inc.firingAlerts;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    }
    return {};
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("#");
    case SeverityColumn:
        return tr("Severity");
    case StateColumn:
        return tr("State");
    case TitleColumn:
        return tr("Title");
    case AgeColumn:
        return tr("Open for"); // until now, or until it was resolved
    case AssigneeColumn:
        return tr("Assignee");
    case RegionsColumn:
        return tr("Regions");
    case AlertsColumn:
        return tr("Alerts firing");
    }
    return {};
}

void IncidentTableModel::fill(int row)
{
    const Incident &inc = m_incidents.at(row);
    const auto r = size_t(row);
    m_severity[r] = quint8(inc.severity);
    m_state[r] = quint8(inc.state);
    m_triggerMs[r] = inc.triggerTime.isValid() ? inc.triggerTime.toMSecsSinceEpoch() : 0;
    const QDateTime end = inc.resolveTime.isValid() ? inc.resolveTime : inc.closeTime;
    m_endMs[r] = !inc.isOpen() && end.isValid() ? end.toMSecsSinceEpoch() : 0;
    QString text = QStringLiteral("#%1 ").arg(inc.number);
    text += inc.title;
    text += QLatin1Char(' ');
    text += resource::leafId(inc.assignee);
    for (const QString &r2 : inc.regions)
        text += QLatin1Char(' ') + resource::leafId(r2);
    for (const QString &m : inc.models)
        text += QLatin1Char(' ') + resource::leafId(m);
    text += QLatin1Char(' ') + IncidentText::source(inc.source);
    m_text[r] = text.toLower();
    QString labels(kSep);
    const QMap<QString, QString> all = inc.allLabels();
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        labels += it.key() + QLatin1Char('=') + it.value() + kSep;
    // Other alerts' values too, so a filter on any alert's label finds the incident.
    for (const IncidentAlert &alert : inc.alerts) {
        for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it) {
            if (all.value(it.key()) != it.value())
                labels += it.key() + QLatin1Char('=') + it.value() + kSep;
        }
    }
    m_labels[r] = labels.toLower();
}

bool IncidentTableModel::accepts(int row, const IncidentFilter &filter) const
{
    const auto r = size_t(row);
    if (filter.openOnly && (m_state[r] == quint8(IncidentState::Resolved) ||
                            m_state[r] == quint8(IncidentState::Closed)))
        return false;
    if (filter.severities && !(filter.severities & (1u << m_severity[r])))
        return false;
    if (filter.states && !(filter.states & (1u << m_state[r])))
        return false;
    const QString &text = m_text[r];
    for (const QString &word : filter.words) {
        if (!text.contains(word) && !m_labels[r].contains(word))
            return false;
    }
    for (const QString &needle : filter.labelNeedles) {
        if (!m_labels[r].contains(needle))
            return false;
    }
    return true;
}

void IncidentTableModel::reindex()
{
    m_rows.clear();
    m_rows.reserve(m_incidents.size());
    for (int i = 0; i < m_incidents.size(); ++i)
        m_rows.insert(m_incidents.at(i).name, i);
}

void IncidentTableModel::setIncidents(const QList<Incident> &incidents, qint64 revision)
{
    beginResetModel();
    m_incidents = incidents;
    const auto n = size_t(m_incidents.size());
    m_severity.assign(n, 0);
    m_state.assign(n, 0);
    m_triggerMs.assign(n, 0);
    m_endMs.assign(n, 0);
    m_text.assign(n, QString());
    m_labels.assign(n, QString());
    for (int row = 0; row < int(n); ++row)
        fill(row);
    reindex();
    m_revision = revision;
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    endResetModel();
}

void IncidentTableModel::clear()
{
    setIncidents({}, 0);
}

void IncidentTableModel::put(const Incident &incident, QList<Incident> *added)
{
    const int row = m_rows.value(incident.name, -1);
    if (row >= 0) {
        if (incident.revision != 0 && incident.revision <= m_incidents.at(row).revision)
            return; // already held (a resumed watch overlaps)
        m_incidents[row] = incident;
        fill(row);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else {
        const int at = int(m_incidents.size());
        beginInsertRows({}, at, at);
        m_incidents.append(incident);
        m_severity.push_back(0);
        m_state.push_back(0);
        m_triggerMs.push_back(0);
        m_endMs.push_back(0);
        m_text.emplace_back();
        m_labels.emplace_back();
        fill(at);
        m_rows.insert(incident.name, at);
        endInsertRows();
        if (added)
            added->append(incident);
    }
    emit incidentChanged(incident.name);
}

void IncidentTableModel::upsert(const Incident &incident)
{
    put(incident, nullptr);
}

void IncidentTableModel::removeRow(int row)
{
    beginRemoveRows({}, row, row);
    m_incidents.removeAt(row);
    const auto r = std::ptrdiff_t(row);
    m_severity.erase(m_severity.begin() + r);
    m_state.erase(m_state.begin() + r);
    m_triggerMs.erase(m_triggerMs.begin() + r);
    m_endMs.erase(m_endMs.begin() + r);
    m_text.erase(m_text.begin() + r);
    m_labels.erase(m_labels.begin() + r);
    reindex();
    endRemoveRows();
}

QList<Incident> IncidentTableModel::applyChanges(const QList<IncidentChangeBatch> &batches)
{
    QList<Incident> added;
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    for (const IncidentChangeBatch &batch : batches) {
        if (batch.revision != 0 && batch.revision <= m_revision)
            continue; // applied already (overlap after a resume)
        for (const Incident &incident : batch.incidents)
            put(incident, &added);
        for (const QString &name : batch.deleted) {
            const int row = m_rows.value(name, -1);
            if (row >= 0)
                removeRow(row);
        }
        m_revision = qMax(m_revision, batch.revision);
    }
    return added;
}

void IncidentTableModel::setNow(const QDateTime &now)
{
    m_nowMs = now.toMSecsSinceEpoch();
    if (!m_incidents.isEmpty())
        emit dataChanged(index(0, AgeColumn), index(rowCount() - 1, AgeColumn),
                         {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
}

const Incident *IncidentTableModel::find(const QString &name) const
{
    const int row = m_rows.value(name, -1);
    return row < 0 ? nullptr : &m_incidents.at(row);
}

} // namespace ops
