#pragma once

#include "models/auditevent.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace ops {

class Connection;

// platformd's own verdict on its audit chain (VerifyChain).
struct ServerChainVerdict
{
    bool intact = false;
    qint64 entriesChecked = 0;
    qint64 firstBadSeq = 0;
    QString problem;
    QString headHash;
};

// Follows platformd's audit log: lists every entry (all pages), then watches from the last seq
// (WatchAudit), handing the GUI thread a snapshot followed by coalesced batches of new entries.
// A dropped stream resumes from the last seq; a new channel (Connection::opened) lists the whole
// log again, so rows changed behind the server's back are read (and verified) afresh. A refused
// token or permission is reported once and not retried until the connection opens again.
class AuditClient : public QObject
{
    Q_OBJECT
public:
    enum class StreamState { Stopped, Listing, Streaming, Reconnecting, Refused };
    Q_ENUM(StreamState)

    explicit AuditClient(Connection *connection, QObject *parent = nullptr);
    ~AuditClient() override; // cancels the stream and waits (bounded) for it to end

    void setCoalesceIntervalMs(int ms); // default 16 ms
    void start();
    void stop();

    StreamState streamState() const { return m_streamState; }
    qint64 lastSeq() const { return m_lastSeq; }
    QDateTime lastEventTime() const { return m_lastEventTime; } // last entry or progress
    QString endpoint() const;

    // Unary helpers with deadlines; callbacks run on this object's thread (dropped if it is gone).
    // Every page of ListAuditEvents with an AIP-160 filter; `error` is the server's message.
    using ListCallback = std::function<void(const QList<AuditEvent> &events, const QString &error)>;
    void listFiltered(const QString &filter, ListCallback callback);
    using VerifyCallback =
        std::function<void(const ServerChainVerdict &verdict, const QString &error)>;
    void verifyOnServer(VerifyCallback callback);

signals:
    // The whole log, seq 1 first: the model replaces its content by it.
    void snapshotReceived(const QList<ops::AuditEvent> &events);
    // New entries after the snapshot, in seq order, coalesced per tick.
    void eventsReceived(const QList<ops::AuditEvent> &events);
    void progressReceived(qint64 seq);
    void streamStateChanged(ops::AuditClient::StreamState state);
    void errorOccurred(const QString &message);

private:
    QPointer<Connection> m_connection;
    StreamState m_streamState = StreamState::Stopped;
    qint64 m_lastSeq = 0;
    QDateTime m_lastEventTime;
    class Private;
    std::unique_ptr<Private> d;
    friend class Private;
};

} // namespace ops
