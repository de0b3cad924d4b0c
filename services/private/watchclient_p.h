#pragma once

// The skeleton every list-then-watch client shares (RegionClient, AuditClient,
// ModelRegistryClient): the stream state machine, list → watch, resume from the last position after
// a drop, relist on OUT_OF_RANGE, refusal, reconnect with jittered backoff, the coalescing drain
// and the bounded stop. A client's Private derives from it and supplies only what is its own: the
// listing calls, the watch request, the conversion and the signals. Private to services/; lives on
// the client's thread like the client.

#include "watchstream_p.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace ops {

class Connection;

class WatchClient
{
public:
    // The same values, in the same order, as each client's public StreamState.
    enum class State { Stopped, Listing, Streaming, Reconnecting, Refused };

    struct Options
    {
        // OUT_OF_RANGE ends the stream (the history moved past us): list again at once, without
        // an error. Otherwise it is an error like any other non-transient status.
        bool relistOnOutOfRange = true;
        // A new channel (Connection::opened) lists everything again instead of resuming, and
        // starts the backoff afresh.
        bool relistWhenReopened = false;
    };

    // `position` (the last revision/seq handed to the GUI) and `lastEventTime` are the client's
    // public fields; the base keeps them up to date.
    WatchClient(QObject *owner, Connection *connection, qint64 &position, QDateTime &lastEventTime,
                Options options);
    virtual ~WatchClient();
    WatchClient(const WatchClient &) = delete;
    WatchClient &operator=(const WatchClient &) = delete;

    void start();
    void stop(); // cancels the calls and waits (bounded) for the stream to end
    void setCoalesceIntervalMs(int ms);

    // Network trouble, a restarting server, our own progress-timeout cancel, or a clean end.
    static bool isTransient(grpc::StatusCode code);

    const std::shared_ptr<GuiPoster> poster; // to the owner's thread; the owner detaches it

protected:
    // --- what a client supplies ---
    // The state changed (the base only calls this on a change): store it and emit.
    virtual void stateChanged(State state) = 0;
    virtual void reportError(const QString &message) = 0; // emit errorOccurred
    // Starts listing everything on `holder`. When it ends, post to the GUI thread and call
    // acceptListing(gen, …) there. Returns how to cancel it.
    virtual std::function<void()> startListing(std::shared_ptr<ChannelHolder> holder,
                                               quint64 gen) = 0;
    // Starts the watch after `position` on `holder` (a self-deleting WatchReactor); returns its
    // inbox.
    virtual std::shared_ptr<WatchInboxBase> startStream(std::shared_ptr<ChannelHolder> holder,
                                                        qint64 position) = 0;
    // Under the inbox's mutex: take what arrived (the data, not activity/progress/done/status).
    virtual void takeInbox(WatchInboxBase &inbox) = 0;
    // Emits what takeInbox() took. False when a slot stopped or restarted the client
    // (!isCurrent(gen)): the drain ends there.
    virtual bool deliverTaken(quint64 gen) = 0;
    // A progress message's position (the inbox's `progress`), after the data of the same drain:
    // emit progressReceived.
    virtual void progressReceived(qint64 position) = 0;
    // User-facing messages, translated in the client's own context.
    virtual QString listFailedText(const grpc::Status &status, const QString &what) const = 0;
    virtual QString streamLostText(const grpc::Status &status) const = 0;
    // The connection opened or closed (before anything restarts or stops).
    virtual void channelChanged() {}

    // --- what a client calls ---
    // On the GUI thread when the listing ends. True: it succeeded and is current; `position` is
    // now the client's position; the client emits its snapshot, then calls watchAfterListing(gen).
    bool acceptListing(quint64 gen, const grpc::Status &status, const QString &what,
                       qint64 position);
    void watchAfterListing(quint64 gen);
    bool isCurrent(quint64 gen) const { return gen == m_generation; }

private:
    void setState(State state);
    void restart();
    void relist();
    void startWatch(qint64 position);
    void cancelCalls(bool wait);
    void drain();
    void streamEnded(const grpc::Status &status);
    void scheduleRetry();
    void refused(const grpc::Status &status);
    std::shared_ptr<ChannelHolder> channel() const;

    QPointer<Connection> m_connection; // the connection may go first at shutdown
    qint64 &m_position;
    QDateTime &m_lastEventTime;
    const Options m_options;
    State m_state = State::Stopped;
    QTimer m_drainTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_sinceActivity;
    int m_coalesceMs = 16;
    int m_backoffMs;
    bool m_running = false;
    bool m_haveSnapshot = false;
    bool m_cancelledForTimeout = false;
    quint64 m_generation = 0; // bumped whenever the calls in flight are abandoned
    std::function<void()> m_cancelListing;
    std::shared_ptr<WatchInboxBase> m_stream;
};

} // namespace ops
