#pragma once

#include "models/incident.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace ops {

class Connection;

// The incidents of one platformd (IncidentService). Follows incidents, silences and runbooks like
// ModelRegistryClient follows models: lists every incident page, the silences (expired ones too),
// the Alertmanagers and the runbooks, then WatchIncidents from the listing's revision, resuming
// after a drop and relisting on OUT_OF_RANGE (the shared WatchClient). Every action is a unary call
// with a deadline whose callback runs on this object's thread with the result, or the error with
// its gRPC code and platformd's message.
class IncidentClient : public QObject
{
    Q_OBJECT
public:
    enum class StreamState { Stopped, Listing, Streaming, Reconnecting, Refused };
    Q_ENUM(StreamState)

    explicit IncidentClient(Connection *connection, QObject *parent = nullptr);
    ~IncidentClient() override; // cancels everything and waits (bounded) for the stream

    void setCoalesceIntervalMs(int ms); // default 16 ms
    void start();
    void stop();

    StreamState streamState() const { return m_streamState; }
    qint64 lastRevision() const { return m_lastRevision; }
    QDateTime lastEventTime() const { return m_lastEventTime; }

    using IncidentCallback = std::function<void(const Incident &, const IncidentError &)>;
    using SilenceCallback = std::function<void(const Silence &, const IncidentError &)>;
    using RunbookCallback = std::function<void(const Runbook &, const IncidentError &)>;
    using AnalyticsCallback = std::function<void(const IncidentAnalytics &, const IncidentError &)>;

    // The whole incident, with its timeline.
    void getIncident(const QString &name, IncidentCallback callback);
    // Declares an incident (title, summary, severity, assignee, regions, models of `draft`).
    void createIncident(const Incident &draft, IncidentCallback callback);
    // `fields`: the update mask ("title", "summary", "severity", "assignee", "regions", "models").
    void updateIncident(const Incident &incident, const QStringList &fields,
                        IncidentCallback callback);
    void assign(const QString &name, const QString &assignee, IncidentCallback callback);
    void setSeverity(const QString &name, IncidentSeverity severity, IncidentCallback callback);
    // silenceSeconds > 0: also silences its alerts in their Alertmanager for that long.
    void acknowledge(const QString &name, const QString &comment, qint64 silenceSeconds,
                     IncidentCallback callback);
    void mitigate(const QString &name, const QString &comment, IncidentCallback callback);
    void resolve(const QString &name, const QString &comment, IncidentCallback callback);
    void close(const QString &name, const QString &comment, IncidentCallback callback);
    void reopen(const QString &name, const QString &comment, IncidentCallback callback);
    void addNote(const QString &name, const QString &text, IncidentCallback callback);
    void updatePostmortem(const QString &name, const Postmortem &postmortem,
                          IncidentCallback callback);

    // alertmanager, matchers, startsAt (invalid: now), endsAt, comment, incident of `silence`.
    void createSilence(const Silence &silence, SilenceCallback callback);
    void extendSilence(const QString &name, const QDateTime &endsAt, const QString &comment,
                       SilenceCallback callback);
    void expireSilence(const QString &name, SilenceCallback callback);

    void updateRunbook(const QString &name, const QString &markdown, RunbookCallback callback);
    // Invalid times: platformd's defaults (the last 30 days); bucketSeconds 0: one day.
    void getAnalytics(const QDateTime &start, const QDateTime &end, qint64 bucketSeconds,
                      AnalyticsCallback callback);

signals:
    void snapshotReceived(const ops::IncidentSnapshot &snapshot);
    void changesReceived(const QList<ops::IncidentChangeBatch> &batches);
    void progressReceived(qint64 revision);
    void streamStateChanged(ops::IncidentClient::StreamState state);
    void errorOccurred(const QString &message);

private:
    QPointer<Connection> m_connection;
    StreamState m_streamState = StreamState::Stopped;
    qint64 m_lastRevision = 0;
    QDateTime m_lastEventTime;
    class Private;
    std::unique_ptr<Private> d;
    friend class Private;
};

} // namespace ops
