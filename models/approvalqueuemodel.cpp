#include "approvalqueuemodel.h"
#include "models/resourcename.h"

#include <algorithm>

namespace ops {

ApprovalQueueModel::ApprovalQueueModel(Mode mode, QObject *parent)
    : QAbstractTableModel(parent)
    , m_mode(mode)
{}

int ApprovalQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int ApprovalQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ApprovalQueueModel::ageText(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QStringLiteral("–");
    const qint64 s = std::max<qint64>(0, time.secsTo(now));
    if (s < 60)
        return tr("%n s", nullptr, int(s));
    if (s < 3600)
        return tr("%n min", nullptr, int(s / 60));
    if (s < 86400)
        return tr("%n h", nullptr, int(s / 3600));
    return tr("%n d", nullptr, int(s / 86400));
}

QVariant ApprovalQueueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_requests.size())
        return {};
    const ApprovalRequest &r = m_requests.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ModelColumn:
            return modelIdFromName(r.model);
        case ActionColumn:
            return r.actionText();
        case RequesterColumn:
            return resource::leafId(r.requester);
        case CommentColumn:
            return r.comment;
        case EvidenceColumn:
            return r.evidenceLinks.join(QLatin1Char(' '));
        case AgeColumn:
            return ageText(m_mode == Mode::Pending ? r.createTime : r.reviewTime,
                           QDateTime::currentDateTimeUtc());
        case StateColumn:
            return RegistryText::approvalState(r.state);
        case ReviewerColumn:
            return resource::leafId(r.reviewer);
        case ReviewCommentColumn:
            return r.reviewComment;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case CommentColumn:
            return r.comment;
        case EvidenceColumn:
            return r.evidenceLinks.join(QLatin1Char('\n'));
        case AgeColumn:
            return (m_mode == Mode::Pending ? r.createTime : r.reviewTime)
                .toLocalTime()
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ReviewCommentColumn:
            return r.reviewComment;
        }
        break;
    case NameRole:
        return r.name;
    case StateRole:
        return int(r.state);
    case RequesterRole:
        return r.requester;
    case EvidenceRole:
        return r.evidenceLinks;
    }
    return {};
}

QVariant ApprovalQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ModelColumn:
        return tr("Model");
    case ActionColumn:
        return tr("Request");
    case RequesterColumn:
        return tr("Requester");
    case CommentColumn:
        return tr("Comment");
    case EvidenceColumn:
        return tr("Evidence");
    case AgeColumn:
        return m_mode == Mode::Pending ? tr("Age") : tr("Decided");
    case StateColumn:
        return tr("State");
    case ReviewerColumn:
        return tr("Reviewer");
    case ReviewCommentColumn:
        return tr("Review comment");
    }
    return {};
}

bool ApprovalQueueModel::belongs(const ApprovalRequest &request) const
{
    const bool pending = request.state == ApprovalState::Pending;
    return m_mode == Mode::Pending ? pending : !pending;
}

bool ApprovalQueueModel::before(const ApprovalRequest &a, const ApprovalRequest &b) const
{
    const QDateTime &ta = m_mode == Mode::Pending ? a.createTime : a.reviewTime;
    const QDateTime &tb = m_mode == Mode::Pending ? b.createTime : b.reviewTime;
    if (ta != tb)
        return ta > tb;
    return a.name < b.name;
}

void ApprovalQueueModel::setRequests(const QList<ApprovalRequest> &requests)
{
    beginResetModel();
    m_requests.clear();
    for (const ApprovalRequest &r : requests) {
        if (belongs(r))
            m_requests.append(r);
    }
    std::sort(m_requests.begin(), m_requests.end(),
              [this](const ApprovalRequest &a, const ApprovalRequest &b) { return before(a, b); });
    endResetModel();
}

int ApprovalQueueModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_requests.size(); ++i) {
        if (m_requests.at(i).name == name)
            return i;
    }
    return -1;
}

void ApprovalQueueModel::insertSorted(const ApprovalRequest &request)
{
    const auto it = std::lower_bound(
        m_requests.cbegin(), m_requests.cend(), request,
        [this](const ApprovalRequest &a, const ApprovalRequest &b) { return before(a, b); });
    const int row = int(it - m_requests.cbegin());
    beginInsertRows({}, row, row);
    m_requests.insert(row, request);
    endInsertRows();
}

void ApprovalQueueModel::upsert(const ApprovalRequest &request)
{
    const int row = rowOf(request.name);
    if (row >= 0) {
        if (request.revision != 0 && request.revision < m_requests.at(row).revision)
            return;
        if (belongs(request)) {
            m_requests[row] = request;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
        beginRemoveRows({}, row, row);
        m_requests.removeAt(row);
        endRemoveRows();
        return;
    }
    if (belongs(request))
        insertSorted(request);
}

void ApprovalQueueModel::applyChanges(const QList<RegistryChangeBatch> &batches)
{
    for (const RegistryChangeBatch &batch : batches) {
        for (const ApprovalRequest &r : batch.approvals)
            upsert(r);
        for (const QString &name : batch.deleted) {
            const int row = rowOf(name);
            if (row < 0)
                continue;
            beginRemoveRows({}, row, row);
            m_requests.removeAt(row);
            endRemoveRows();
        }
    }
}

} // namespace ops
