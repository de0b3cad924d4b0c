#pragma once

#include "auditevent.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace ops {

// The audit log as a flat table in seq order. Entries arrive in batches and are appended with one
// beginInsertRows per batch; the first bad entry of a broken chain is flagged for the view.
class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeqColumn,
        TimeColumn,
        ActorColumn,
        RoleColumn,
        ActionColumn,
        ResourceColumn,
        SummaryColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role {
        SeqRole = Qt::UserRole + 1, // qint64
        TimeRole,                   // QDateTime (UTC)
        DeniedRole,                 // bool: PERMISSION_DENIED or UNAUTHENTICATED
        FirstBadRole,               // bool: the first entry the chain verifier rejected
        ResultRole,                 // the status code name
        FullActionRole,             // "/ops.platform.v1.IdentityService/CreateToken"
        EntryHashRole,
    };

    explicit AuditTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setEvents(const QList<AuditEvent> &events);    // reset
    void appendEvents(const QList<AuditEvent> &events); // entries already held (by seq) are skipped
    void clear();

    // Flags the row with this seq (0: none); emits dataChanged for the old and the new row.
    void setFirstBadSeq(qint64 seq);
    qint64 firstBadSeq() const { return m_firstBadSeq; }

    int rowForSeq(qint64 seq) const; // -1 when not held
    const AuditEvent &event(int row) const { return m_events.at(row); }
    qint64 lastSeq() const { return m_events.isEmpty() ? 0 : m_lastSeq; }
    int deniedCount() const { return m_denied; }

private:
    struct Row
    {
        QString time; // display strings, computed once
        QString action;
    };
    Row makeRow(const AuditEvent &event) const;
    void emitRowChanged(qint64 seq);

    QList<AuditEvent> m_events;
    QList<Row> m_rows;
    QHash<qint64, int> m_rowOfSeq;
    qint64 m_lastSeq = 0;
    qint64 m_firstBadSeq = 0;
    int m_denied = 0;
};

} // namespace ops
