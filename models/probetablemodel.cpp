#include "probetablemodel.h"

#include <QLocale>

namespace ops {

ProbeTableModel::ProbeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

HealthStatus ProbeTableModel::look(ProbeState state)
{
    switch (state) {
    case ProbeState::Serving:
        return HealthStatus::Healthy;
    case ProbeState::NotServing:
    case ProbeState::Unreachable:
    case ProbeState::Failed:
        return HealthStatus::Down;
    case ProbeState::ServiceUnknown:
        return HealthStatus::Degraded;
    case ProbeState::Connecting:
    case ProbeState::Unknown:
    case ProbeState::NoHealthService:
        break;
    }
    return HealthStatus::Unknown;
}

void ProbeTableModel::addProbe(int id, const ProbeTarget &target, const QString &source,
                               const ProbeStatus &status)
{
    if (m_rowOf.contains(id)) {
        removeProbe(id);
    }
    Row row;
    row.id = id;
    row.target = target;
    row.source = source;
    row.status = status;
    format(row);
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(std::move(row));
    m_rowOf.insert(id, at);
    endInsertRows();
}

void ProbeTableModel::updateStatus(int id, const ProbeStatus &status)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    Row &row = m_rows[r];
    if (row.status == status)
        return;
    row.status = status;
    format(row);
    // Endpoint, service and source never change with the status.
    emit dataChanged(index(r, StateColumn), index(r, ColumnCount - 1));
}

void ProbeTableModel::removeProbe(int id)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    beginRemoveRows({}, r, r);
    m_rows.removeAt(r);
    m_rowOf.remove(id);
    reindex(r);
    endRemoveRows();
}

void ProbeTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    endResetModel();
}

int ProbeTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

QList<int> ProbeTableModel::ids() const
{
    QList<int> ids;
    ids.reserve(m_rows.size());
    for (const Row &row : m_rows)
        ids.append(row.id);
    return ids;
}

ProbeTarget ProbeTableModel::target(int id) const
{
    const int r = rowOf(id);
    return r < 0 ? ProbeTarget() : m_rows.at(r).target;
}

ProbeStatus ProbeTableModel::status(int id) const
{
    const int r = rowOf(id);
    return r < 0 ? ProbeStatus() : m_rows.at(r).status;
}

QString ProbeTableModel::source(int id) const
{
    const int r = rowOf(id);
    return r < 0 ? QString() : m_rows.at(r).source;
}

void ProbeTableModel::reindex(int from)
{
    for (int r = from; r < m_rows.size(); ++r)
        m_rowOf[m_rows.at(r).id] = r;
}

void ProbeTableModel::format(Row &row) const
{
    const ProbeTarget &t = row.target;
    const ProbeStatus &s = row.status;
    const QLocale locale;
    row.text[EndpointColumn] = t.endpoint;
    row.text[ServiceColumn] = t.service.isEmpty() ? tr("(whole server)") : t.service;
    row.text[SourceColumn] = row.source.isEmpty() ? tr("Manual") : row.source;
    row.text[StateColumn] = probeStateText(s.state);
    row.text[ModeColumn] = probeModeText(s.mode);
    row.text[SinceColumn] = s.since.isValid()
                                ? s.since.toLocalTime().time().toString(QStringLiteral("HH:mm:ss"))
                                : QString();
    row.text[RoundTripColumn] =
        s.roundTripMs < 0 ? QStringLiteral("–") : tr("%1 ms").arg(s.roundTripMs);
    row.text[ErrorColumn] = s.error;

    QStringList tip;
    tip << tr("%1 — %2").arg(probeStateText(s.state), probeModeText(s.mode));
    if (!s.error.isEmpty())
        tip << s.error;
    tip << tr("%1, %2").arg(t.endpoint, probeTlsText(t.tls));
    if (s.lastHeard.isValid())
        tip << tr("Last answer: %1")
                   .arg(locale.toString(s.lastHeard.toLocalTime(), QLocale::ShortFormat));
    if (!s.history.isEmpty()) {
        tip << tr("Recent changes:");
        const qsizetype first = qMax<qsizetype>(0, s.history.size() - 5);
        for (qsizetype i = s.history.size() - 1; i >= first; --i) {
            const ProbeTransition &tr_ = s.history.at(i);
            tip << QStringLiteral("  %1  %2 → %3")
                       .arg(tr_.time.toLocalTime().time().toString(QStringLiteral("HH:mm:ss")),
                            probeStateText(tr_.from), probeStateText(tr_.to));
        }
    }
    row.stateToolTip = tip.join(QLatin1Char('\n'));
}

int ProbeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProbeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProbeTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return row.text[column];
    case Qt::ToolTipRole:
        if (column == StateColumn)
            return row.stateToolTip;
        if (column == ErrorColumn && !row.status.error.isEmpty())
            return row.status.error;
        if (column == EndpointColumn)
            return tr("%1 (%2)").arg(row.target.endpoint, probeTlsText(row.target.tls));
        return {};
    case Qt::TextAlignmentRole:
        if (column == RoundTripColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case StateColumn:
            return int(row.status.state);
        case SinceColumn:
            return row.status.since;
        case RoundTripColumn:
            return row.status.roundTripMs;
        default:
            return row.text[column];
        }
    case StatusRole:
        if (column == StateColumn)
            return int(look(row.status.state));
        return {};
    case ProbeIdRole:
        return row.id;
    case ProbeStateRole:
        return int(row.status.state);
    case SourceRole:
        return row.source;
    default:
        break;
    }
    return {};
}

QVariant ProbeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EndpointColumn:
        return tr("Endpoint");
    case ServiceColumn:
        return tr("Service");
    case SourceColumn:
        return tr("Source");
    case StateColumn:
        return tr("State");
    case ModeColumn:
        return tr("Mode");
    case SinceColumn:
        return tr("Since");
    case RoundTripColumn:
        return tr("Last RTT");
    case ErrorColumn:
        return tr("Last error");
    default:
        break;
    }
    return {};
}

} // namespace ops
