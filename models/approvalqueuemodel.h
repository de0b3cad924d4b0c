#pragma once

#include "modelregistry.h"

#include <QAbstractTableModel>
#include <QList>

namespace ops {

// Approval requests (four eyes): either the pending queue, newest first, with the requester's
// comment and evidence; or the history of decided requests, most recently reviewed first.
class ApprovalQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Mode { Pending, History };
    enum Column {
        ModelColumn,
        ActionColumn,
        RequesterColumn,
        CommentColumn,
        EvidenceColumn,
        AgeColumn,
        StateColumn,
        ReviewerColumn,
        ReviewCommentColumn,
        ColumnCount
    };
    enum Role {
        NameRole = Qt::UserRole + 1, // models/{m}/approvalRequests/{id}
        StateRole,                   // int(ApprovalState)
        RequesterRole,               // users/{user}
        EvidenceRole,                // QStringList of links
    };

    explicit ApprovalQueueModel(Mode mode, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    Mode mode() const { return m_mode; }
    void setRequests(const QList<ApprovalRequest> &requests); // keeps those of this mode
    void applyChanges(const QList<RegistryChangeBatch> &batches);
    void upsert(const ApprovalRequest &request); // adds, updates or (state change) removes
    const ApprovalRequest &request(int row) const { return m_requests.at(row); }
    int rowOf(const QString &name) const;

    // "3 min", "2 h", "5 d" since `time` at `now`. Translated.
    static QString ageText(const QDateTime &time, const QDateTime &now);

private:
    bool belongs(const ApprovalRequest &request) const;
    bool before(const ApprovalRequest &a, const ApprovalRequest &b) const; // row order
    void insertSorted(const ApprovalRequest &request);

    Mode m_mode;
    QList<ApprovalRequest> m_requests;
};

} // namespace ops
