#include "connection.h"

#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/unarycall_p.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QTimer>

#include <chrono>

namespace ops {

namespace {

constexpr int kPollIntervalMs = 200;
constexpr int kRoundTripIntervalMs = 5000;
constexpr auto kRoundTripDeadline = std::chrono::seconds(3);
constexpr qint64 kTransientFailureRebuildMs = 15000;

Connection::State toState(grpc_connectivity_state state)
{
    switch (state) {
    case GRPC_CHANNEL_IDLE:
        return Connection::State::Idle;
    case GRPC_CHANNEL_CONNECTING:
        return Connection::State::Connecting;
    case GRPC_CHANNEL_READY:
        return Connection::State::Ready;
    case GRPC_CHANNEL_TRANSIENT_FAILURE:
        return Connection::State::TransientFailure;
    case GRPC_CHANNEL_SHUTDOWN:
        break;
    }
    return Connection::State::Shutdown;
}

// Retired channels, pruned on the GUI thread once nothing but the graveyard refers to them.
struct Graveyard
{
    std::vector<std::pair<QDeadlineTimer, std::shared_ptr<ChannelHolder>>> channels;
    QPointer<QTimer> timer;

    void prune()
    {
        std::erase_if(channels, [](const auto &entry) {
            const auto &[minimumAge, holder] = entry;
            // One reference from us, the channel's from the holder and its three stubs: nothing
            // else (no call, no ClientContext) can still be using it.
            return minimumAge.hasExpired() && holder.use_count() == 1 &&
                   holder->channel.use_count() <= 4;
        });
        if (channels.empty() && timer)
            timer->stop();
    }
};

Graveyard &graveyard()
{
    static Graveyard instance;
    return instance;
}

} // namespace

void retireChannel(std::shared_ptr<ChannelHolder> holder)
{
    if (!holder)
        return;
    Graveyard &g = graveyard();
    g.channels.emplace_back(QDeadlineTimer(1000), std::move(holder));
    if (!g.timer && QCoreApplication::instance()) {
        g.timer = new QTimer(QCoreApplication::instance());
        QObject::connect(g.timer, &QTimer::timeout, g.timer, [] { graveyard().prune(); });
    }
    if (g.timer && !g.timer->isActive())
        g.timer->start(500);
}

class Connection::Private
{
public:
    explicit Private(Connection *q)
        : poster(std::make_shared<GuiPoster>(q))
    {}

    std::shared_ptr<GuiPoster> poster;
    QTimer pollTimer;
    QTimer roundTripTimer;
    QElapsedTimer transientFailureSince; // invalid unless the channel is in TransientFailure
    quint64 generation = 0;              // of the channel; stale round trips are ignored
    bool roundTripInFlight = false;
    std::shared_ptr<CallSet> roundTrip; // the WhoAmI in flight, to cancel it
};

Connection::Connection(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{
    d->pollTimer.setInterval(kPollIntervalMs);
    d->roundTripTimer.setInterval(kRoundTripIntervalMs);
    connect(&d->pollTimer, &QTimer::timeout, this, &Connection::pollState);
    connect(&d->roundTripTimer, &QTimer::timeout, this, &Connection::measureRoundTrip);
}

Connection::~Connection()
{
    d->poster->detach();
    if (d->roundTrip)
        d->roundTrip->cancel();
    retireChannel(std::move(m_channel));
}

QString Connection::stateText(State state)
{
    switch (state) {
    case State::Idle:
        return tr("Idle");
    case State::Connecting:
        return tr("Connecting");
    case State::Ready:
        return tr("Connected");
    case State::TransientFailure:
        return tr("Connection failed, retrying");
    case State::Shutdown:
        break;
    }
    return tr("Closed");
}

void Connection::open(const ConnectionProfile &profile)
{
    close();
    m_profile = profile;
    if (!createChannel())
        return;
    d->pollTimer.start();
    d->roundTripTimer.start();
    emit opened();
    pollState();
    measureRoundTrip();
}

QStringList endpointAddresses(const QString &endpoint)
{
    QStringList out;
    for (const QString &part : endpoint.split(QLatin1Char(','))) {
        const QString address = part.trimmed();
        if (!address.isEmpty())
            out << address;
    }
    return out;
}

QString channelTarget(const QString &endpoint)
{
    const QStringList addresses = endpointAddresses(endpoint);
    if (addresses.size() <= 1)
        return endpoint.trimmed();
    const bool ipv6 = addresses.first().startsWith(QLatin1Char('['));
    return (ipv6 ? QStringLiteral("ipv6:") : QStringLiteral("ipv4:")) +
           addresses.join(QLatin1Char(','));
}

QString tlsNameOverride(const ConnectionProfile &profile)
{
    if (!profile.useTls)
        return {};
    const QString name = profile.tlsServerName.trimmed();
    if (!name.isEmpty())
        return name;
    const QStringList addresses = endpointAddresses(profile.endpoint);
    if (addresses.size() <= 1)
        return {};
    // "host:port" or "[v6]:port": the host without its port and brackets.
    const QString first = addresses.first();
    if (first.startsWith(QLatin1Char('['))) {
        const qsizetype close = first.indexOf(QLatin1Char(']'));
        return close > 1 ? first.mid(1, close - 1) : first;
    }
    const qsizetype colon = first.lastIndexOf(QLatin1Char(':'));
    return colon > 0 ? first.left(colon) : first;
}

bool Connection::createChannel()
{
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    if (m_profile.useTls) {
        grpc::SslCredentialsOptions options;
        auto read = [this](const QString &file, const QString &what, std::string *out) {
            if (file.isEmpty())
                return true;
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                emit errorOccurred(tr("Cannot connect to %1: the %2 %3 cannot be read: %4")
                                       .arg(m_profile.endpoint, what, file, f.errorString()));
                return false;
            }
            *out = f.readAll().toStdString();
            return true;
        };
        if (!read(m_profile.caFile, tr("CA certificate"), &options.pem_root_certs) ||
            !read(m_profile.clientCertFile, tr("client certificate"), &options.pem_cert_chain) ||
            !read(m_profile.clientKeyFile, tr("client key"), &options.pem_private_key))
            return false;
        credentials = grpc::SslCredentials(options);
    } else {
        credentials = grpc::InsecureChannelCredentials();
    }

    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MIN_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 5000);
    args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    // Several replicas: every call (and each watch, while its replica lives) goes to the next
    // ready one; a watch broken by a replica's death resumes on another from its last revision.
    if (endpointAddresses(m_profile.endpoint).size() > 1)
        args.SetLoadBalancingPolicyName("round_robin");
    // Over TLS gRPC checks the certificate against the target's host, which for an address list
    // is the whole list ("Peer name a:1,b:2 is not in peer certificate"): name one instead.
    if (const QString name = tlsNameOverride(m_profile); !name.isEmpty())
        args.SetSslTargetNameOverride(name.toStdString());
    auto channel = grpc::CreateCustomChannel(channelTarget(m_profile.endpoint).toStdString(),
                                             credentials, args);
    if (!channel) {
        emit errorOccurred(
            tr("Cannot connect to %1: the channel cannot be created").arg(m_profile.endpoint));
        return false;
    }
    m_channel = std::make_shared<ChannelHolder>(std::move(channel), m_profile.token.toStdString());
    ++d->generation;
    d->roundTripInFlight = false;
    d->transientFailureSince.invalidate();
    return true;
}

void Connection::close()
{
    d->pollTimer.stop();
    d->roundTripTimer.stop();
    if (d->roundTrip)
        d->roundTrip->cancel();
    ++d->generation;
    d->roundTripInFlight = false;
    d->transientFailureSince.invalidate();
    const bool wasOpen = bool(m_channel);
    retireChannel(std::move(m_channel));
    m_channel.reset();
    if (wasOpen) {
        setState(State::Shutdown);
        emit closed();
    }
}

void Connection::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Connection::pollState()
{
    if (!m_channel)
        return;
    // GetState(true) never blocks; it also asks an idle channel to connect.
    const State state = toState(m_channel->channel->GetState(true));
    const bool becameReady = state == State::Ready && m_state != State::Ready;
    setState(state);
    if (!m_channel)
        return; // a slot closed us

    if (state != State::TransientFailure) {
        d->transientFailureSince.invalidate();
    } else if (!d->transientFailureSince.isValid()) {
        d->transientFailureSince.start();
    } else if (d->transientFailureSince.hasExpired(kTransientFailureRebuildMs)) {
        // Stuck (e.g. a DNS answer or a route that went stale): start over with a fresh channel.
        if (d->roundTrip)
            d->roundTrip->cancel();
        retireChannel(std::move(m_channel));
        m_channel.reset();
        if (createChannel())
            emit opened();
        return;
    }
    if (becameReady && m_rttMs < 0)
        measureRoundTrip();
}

void Connection::measureRoundTrip()
{
    if (!m_channel || d->roundTripInFlight)
        return;
    struct Answer
    {
        bool answered;
        bool refused;
        int ms;
    };
    d->roundTrip = std::make_shared<CallSet>();
    d->roundTripInFlight = true;
    const quint64 generation = d->generation;
    const auto start = std::chrono::steady_clock::now();
    unary<pb::WhoAmIResponse>(
        d->poster, m_channel, kRoundTripDeadline, pb::WhoAmIRequest(),
        [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
            ch.identity->async()->WhoAmI(c, q, r, std::move(f));
        },
        [start](const grpc::Status &status, const pb::WhoAmIResponse &) {
            // Any answer from platformd is a round trip; no answer (or our own cancel) is not.
            const auto code = status.error_code();
            const bool answered = code != grpc::StatusCode::UNAVAILABLE &&
                                  code != grpc::StatusCode::DEADLINE_EXCEEDED &&
                                  code != grpc::StatusCode::CANCELLED;
            const int ms = int(std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now() - start)
                                   .count());
            return Answer{answered, convert::isRefusal(code), ms};
        },
        // Runs on this object's thread, and only while it exists.
        [this, generation](const Answer &answer) {
            if (generation != d->generation)
                return;
            d->roundTripInFlight = false;
            // Every refused call is audited: do not write a row every few seconds with a bad
            // token. open() starts measuring again.
            if (answer.refused)
                d->roundTripTimer.stop();
            if (!answer.answered)
                return;
            m_rttMs = answer.ms;
            emit roundTripMeasured(answer.ms);
        },
        nullptr, d->roundTrip);
}

} // namespace ops
