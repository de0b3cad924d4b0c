#include "watchclient_p.h"

#include "convert.h"
#include "services/connection.h"

#include <QRandomGenerator>

#include <algorithm>

namespace ops {

namespace {

constexpr qint64 kProgressTimeoutMs = 10000; // the server sends progress every few seconds
constexpr int kInitialBackoffMs = 250;
constexpr int kMaxBackoffMs = 5000;

} // namespace

WatchClient::WatchClient(QObject *owner, Connection *connection, qint64 &position,
                         QDateTime &lastEventTime, Options options)
    : poster(std::make_shared<GuiPoster>(owner))
    , m_connection(connection)
    , m_position(position)
    , m_lastEventTime(lastEventTime)
    , m_options(options)
    , m_backoffMs(kInitialBackoffMs)
{
    m_retryTimer.setSingleShot(true);
    QObject::connect(&m_retryTimer, &QTimer::timeout, owner, [this] {
        if (m_running)
            restart();
    });
    QObject::connect(&m_drainTimer, &QTimer::timeout, owner, [this] { drain(); });
    if (!connection)
        return;
    // A new channel (opened, or rebuilt by the watchdog): resume on it, or list again.
    QObject::connect(connection, &Connection::opened, owner, [this] {
        channelChanged();
        if (!m_running)
            return;
        if (m_options.relistWhenReopened) {
            m_haveSnapshot = false;
            m_backoffMs = kInitialBackoffMs;
        }
        restart();
    });
    QObject::connect(connection, &Connection::closed, owner, [this] {
        channelChanged();
        if (!m_running)
            return;
        cancelCalls(false);
        m_retryTimer.stop();
        setState(State::Reconnecting);
    });
}

WatchClient::~WatchClient() = default;

bool WatchClient::isTransient(grpc::StatusCode code)
{
    switch (code) {
    case grpc::StatusCode::OK:
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED: // we read too slowly: resume where we were
        return true;
    default:
        return false;
    }
}

void WatchClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_haveSnapshot = false;
    m_backoffMs = kInitialBackoffMs;
    m_position = 0;
    restart();
}

void WatchClient::stop()
{
    if (!m_running && !m_stream && !m_cancelListing)
        return;
    m_running = false;
    m_retryTimer.stop();
    cancelCalls(true);
    setState(State::Stopped);
}

void WatchClient::setCoalesceIntervalMs(int ms)
{
    m_coalesceMs = std::max(1, ms);
    if (m_drainTimer.isActive())
        m_drainTimer.start(m_coalesceMs);
}

std::shared_ptr<ChannelHolder> WatchClient::channel() const
{
    return m_connection ? m_connection->channel() : nullptr;
}

void WatchClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    stateChanged(state);
}

void WatchClient::cancelCalls(bool wait)
{
    ++m_generation;
    if (m_cancelListing)
        std::exchange(m_cancelListing, nullptr)();
    if (m_stream) {
        m_stream->cancel();
        if (wait)
            m_stream->waitDone();
        m_stream.reset();
    }
    m_drainTimer.stop();
}

void WatchClient::restart()
{
    cancelCalls(false);
    m_retryTimer.stop();
    if (!m_connection || !m_connection->isOpen())
        return setState(State::Reconnecting); // until the connection opens
    if (m_haveSnapshot)
        startWatch(m_position);
    else
        relist();
}

void WatchClient::relist()
{
    cancelCalls(false);
    auto holder = channel();
    if (!holder)
        return setState(State::Reconnecting);
    setState(State::Listing);
    m_cancelListing = startListing(std::move(holder), m_generation);
}

bool WatchClient::acceptListing(quint64 gen, const grpc::Status &status, const QString &what,
                                qint64 position)
{
    if (gen != m_generation || !m_running)
        return false; // abandoned
    m_cancelListing = nullptr;
    if (convert::isRefusal(status.error_code())) {
        refused(status);
        return false;
    }
    if (!status.ok()) {
        if (!isTransient(status.error_code()))
            reportError(listFailedText(status, what));
        scheduleRetry();
        return false;
    }
    m_haveSnapshot = true;
    m_position = position;
    m_lastEventTime = QDateTime::currentDateTimeUtc(); // the listing is data too
    return true;
}

void WatchClient::watchAfterListing(quint64 gen)
{
    if (gen != m_generation || !m_running)
        return; // a slot stopped or restarted us
    startWatch(m_position);
}

void WatchClient::startWatch(qint64 position)
{
    cancelCalls(false);
    auto holder = channel();
    if (!holder)
        return setState(State::Reconnecting);
    m_stream = startStream(std::move(holder), position);
    m_cancelledForTimeout = false;
    m_sinceActivity.start();
    m_drainTimer.start(m_coalesceMs);
    // While reconnecting, only the first message proves the stream is back (no state flapping).
    if (m_state != State::Reconnecting)
        setState(State::Streaming);
}

void WatchClient::drain()
{
    const std::shared_ptr<WatchInboxBase> inbox = m_stream;
    if (!inbox)
        return m_drainTimer.stop();
    bool activity, done;
    qint64 progress;
    grpc::Status status;
    {
        // Take the whole inbox: the reactor is blocked for a swap, not for our work.
        std::lock_guard lock(inbox->mutex);
        takeInbox(*inbox);
        progress = std::exchange(inbox->progress, -1);
        activity = std::exchange(inbox->activity, false);
        done = inbox->done;
        status = inbox->status;
    }
    const quint64 gen = m_generation;
    if (activity) {
        m_lastEventTime = QDateTime::currentDateTimeUtc();
        m_sinceActivity.start();
        m_backoffMs = kInitialBackoffMs; // the stream works again
        setState(State::Streaming);
        if (gen != m_generation)
            return;
    }
    if (!deliverTaken(gen))
        return;
    if (progress >= 0) {
        progressReceived(progress);
        if (!isCurrent(gen))
            return;
    }
    if (done)
        return streamEnded(status);
    if (!m_cancelledForTimeout && m_sinceActivity.hasExpired(kProgressTimeoutMs)) {
        // Silent for too long (a half-open connection): give up on this stream and resume.
        m_cancelledForTimeout = true;
        inbox->cancel();
    }
}

void WatchClient::streamEnded(const grpc::Status &status)
{
    m_stream.reset();
    m_drainTimer.stop();
    if (!m_running)
        return;
    if (convert::isRefusal(status.error_code()))
        return refused(status);
    if (m_options.relistOnOutOfRange && status.error_code() == grpc::StatusCode::OUT_OF_RANGE)
        return relist(); // we fell behind the retained history: start over from a fresh listing
    if (!isTransient(status.error_code()) && !m_cancelledForTimeout) {
        reportError(streamLostText(status));
        // Resuming may not be possible (e.g. the server's history was reset): list again.
        m_haveSnapshot = false;
    }
    if (m_running) // a slot may have stopped us
        scheduleRetry();
}

void WatchClient::scheduleRetry()
{
    setState(State::Reconnecting);
    // Jitter (+-20 %) keeps many consoles from reconnecting in lockstep after a server restart.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    m_retryTimer.start(int(m_backoffMs * jitter));
    m_backoffMs = std::min(m_backoffMs * 2, kMaxBackoffMs);
}

void WatchClient::refused(const grpc::Status &status)
{
    // Retrying with the same token cannot help: say so once and wait for a new connection.
    m_retryTimer.stop();
    m_haveSnapshot = false;
    setState(State::Refused);
    reportError(convert::refusalText(status));
}

} // namespace ops
