#include "audittablemodel.h"

namespace ops {

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

AuditTableModel::Row AuditTableModel::makeRow(const AuditEvent &e) const
{
    Row row;
    row.time = e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    // "/ops.platform.v1.IdentityService/CreateToken" → "IdentityService/CreateToken".
    row.action = e.action;
    if (row.action.startsWith(QLatin1Char('/'))) {
        const qsizetype dot =
            row.action.lastIndexOf(QLatin1Char('.'), row.action.indexOf(QLatin1Char('/'), 1));
        if (dot > 0)
            row.action = row.action.mid(dot + 1);
    }
    return row;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditEvent &e = m_events.at(index.row());
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeqColumn:
            return e.seq;
        case TimeColumn:
            return row.time;
        case ActorColumn:
            return e.actor;
        case RoleColumn:
            return e.role;
        case ActionColumn:
            return row.action;
        case ResourceColumn:
            return e.resource;
        case SummaryColumn:
            return e.requestSummary;
        case ResultColumn:
            return e.result;
        }
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return e.timeText;
        case ActionColumn:
            return e.action;
        case ResultColumn:
            return e.resultMessage.isEmpty() ? e.result
                                             : e.result + QStringLiteral(": ") + e.resultMessage;
        case SummaryColumn:
            return e.requestSummary;
        case SeqColumn:
            return e.entryHash;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SeqColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SeqRole:
        return e.seq;
    case TimeRole:
        return e.time;
    case DeniedRole:
        return e.isDenied();
    case FirstBadRole:
        return m_firstBadSeq != 0 && e.seq == m_firstBadSeq;
    case ResultRole:
        return e.result;
    case FullActionRole:
        return e.action;
    case EntryHashRole:
        return e.entryHash;
    }
    return {};
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeqColumn:
        return tr("Seq");
    case TimeColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Actor");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("Action");
    case ResourceColumn:
        return tr("Resource");
    case SummaryColumn:
        return tr("Summary");
    case ResultColumn:
        return tr("Result");
    }
    return {};
}

void AuditTableModel::setEvents(const QList<AuditEvent> &events)
{
    beginResetModel();
    m_events.clear();
    m_rows.clear();
    m_rowOfSeq.clear();
    m_lastSeq = 0;
    m_denied = 0;
    m_firstBadSeq = 0;
    m_events.reserve(events.size());
    m_rows.reserve(events.size());
    for (const AuditEvent &e : events) {
        if (m_rowOfSeq.contains(e.seq))
            continue;
        m_rowOfSeq.insert(e.seq, int(m_events.size()));
        m_events.append(e);
        m_rows.append(makeRow(e));
        m_lastSeq = std::max(m_lastSeq, e.seq);
        m_denied += e.isDenied() ? 1 : 0;
    }
    endResetModel();
}

void AuditTableModel::appendEvents(const QList<AuditEvent> &events)
{
    QList<AuditEvent> fresh;
    fresh.reserve(events.size());
    for (const AuditEvent &e : events) {
        if (!m_rowOfSeq.contains(e.seq) &&
            std::none_of(fresh.cbegin(), fresh.cend(),
                         [&e](const AuditEvent &f) { return f.seq == e.seq; }))
            fresh.append(e);
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_events.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (const AuditEvent &e : std::as_const(fresh)) {
        m_rowOfSeq.insert(e.seq, int(m_events.size()));
        m_events.append(e);
        m_rows.append(makeRow(e));
        m_lastSeq = std::max(m_lastSeq, e.seq);
        m_denied += e.isDenied() ? 1 : 0;
    }
    endInsertRows();
}

void AuditTableModel::clear()
{
    setEvents({});
}

void AuditTableModel::emitRowChanged(qint64 seq)
{
    const int row = rowForSeq(seq);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1), {FirstBadRole});
}

void AuditTableModel::setFirstBadSeq(qint64 seq)
{
    if (seq == m_firstBadSeq)
        return;
    const qint64 old = std::exchange(m_firstBadSeq, seq);
    emitRowChanged(old);
    emitRowChanged(seq);
}

int AuditTableModel::rowForSeq(qint64 seq) const
{
    return m_rowOfSeq.value(seq, -1);
}

} // namespace ops
