#include "healthprober.h"

#include "private/channelholder_p.h"
#include "private/healthcalls_p.h"
#include "private/stubchannel_p.h"
#include "private/unarycall_p.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>

namespace ops {

namespace {

QString codeName(grpc::StatusCode code)
{
    static const char *const names[] = {"OK",
                                        "CANCELLED",
                                        "UNKNOWN",
                                        "INVALID_ARGUMENT",
                                        "DEADLINE_EXCEEDED",
                                        "NOT_FOUND",
                                        "ALREADY_EXISTS",
                                        "PERMISSION_DENIED",
                                        "RESOURCE_EXHAUSTED",
                                        "FAILED_PRECONDITION",
                                        "ABORTED",
                                        "OUT_OF_RANGE",
                                        "UNIMPLEMENTED",
                                        "INTERNAL",
                                        "UNAVAILABLE",
                                        "DATA_LOSS",
                                        "UNAUTHENTICATED"};
    const int index = int(code);
    if (index >= 0 && index < int(std::size(names)))
        return QString::fromLatin1(names[index]);
    return QString::number(index);
}

// "UNAVAILABLE: failed to connect to all addresses; ..." — the code name plus the server's words.
QString errorText(grpc::StatusCode code, const QString &message)
{
    return message.isEmpty() ? codeName(code) : codeName(code) + QStringLiteral(": ") + message;
}

ProbeState fromServingStatus(int status)
{
    switch (status) {
    case health::ServingStatus::SERVING:
        return ProbeState::Serving;
    case health::ServingStatus::NOT_SERVING:
        return ProbeState::NotServing;
    case health::ServingStatus::SERVICE_UNKNOWN:
        return ProbeState::ServiceUnknown;
    default:
        break;
    }
    return ProbeState::Unknown;
}

bool isUnreachable(grpc::StatusCode code)
{
    return code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::DEADLINE_EXCEEDED;
}

} // namespace

// One target, GUI thread only.
struct Probe
{
    int id = 0;
    ProbeTarget target;
    ProbeStatus status;
    std::shared_ptr<ChannelHolder> holder;     // null when the channel could not be set up
    std::shared_ptr<health::CallControl> call; // the call in flight, if any
    bool callIsWatch = false;
    quint64 generation = 0;        // of the current call; results of older calls are dropped
    bool watchAnswered = false;    // the current Watch delivered at least one message
    bool watchTimedOut = false;    // we cancelled the current Watch: no first answer in time
    bool watchUnsupported = false; // the server answered Watch with UNIMPLEMENTED
    bool retryWatch = false;       // after an outage in Check mode: the server may be another one
    int failures = 0;              // consecutive, for the backoff
    QElapsedTimer checkStarted;
    QTimer timer; // next call, or a new Watch's first-answer deadline
};

class HealthProber::Private
{
public:
    explicit Private(HealthProber *q)
        : q(q)
        , poster(std::make_shared<GuiPoster>(q))
    {}

    Probe *find(int id)
    {
        const auto it = probes.find(id);
        return it == probes.end() ? nullptr : it->second.get();
    }

    bool createChannel(Probe &p);
    void startCall(Probe &p);
    void startWatch(Probe &p);
    void startCheck(Probe &p);
    void onTimer(int id);
    void watchMessage(int id, quint64 generation, int servingStatus);
    void watchDone(int id, quint64 generation, grpc::StatusCode code, const QString &message);
    void checkDone(int id, quint64 generation, grpc::StatusCode code, const QString &message,
                   int servingStatus);
    void scheduleRetry(Probe &p);
    // Emits; returns false when a slot removed the probe (then `p` is gone).
    [[nodiscard]] bool update(Probe &p, ProbeState state, ProbeMode mode, const QString &error);
    void cancelCall(Probe &p);

    HealthProber *q;
    std::shared_ptr<GuiPoster> poster;
    std::map<int, std::unique_ptr<Probe>> probes;
    int nextId = 1;
    int checkIntervalMs = 5000;
    int deadlineMs = 3000;
    int initialBackoffMs = 500;
    int maxBackoffMs = 10000;
};

HealthProber::HealthProber(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

HealthProber::~HealthProber()
{
    shutdown();
    d->poster->detach();
}

void HealthProber::setCheckIntervalMs(int ms)
{
    d->checkIntervalMs = qMax(100, ms);
}

int HealthProber::checkIntervalMs() const
{
    return d->checkIntervalMs;
}

void HealthProber::setDeadlineMs(int ms)
{
    d->deadlineMs = qMax(100, ms);
}

int HealthProber::deadlineMs() const
{
    return d->deadlineMs;
}

void HealthProber::setBackoffMs(int initialMs, int maximumMs)
{
    d->initialBackoffMs = qMax(10, initialMs);
    d->maxBackoffMs = qMax(d->initialBackoffMs, maximumMs);
}

int HealthProber::addTarget(const ProbeTarget &target)
{
    const int id = d->nextId++;
    auto probe = std::make_unique<Probe>();
    Probe &p = *probe;
    p.id = id;
    p.target = target;
    p.status.since = QDateTime::currentDateTimeUtc();
    p.timer.setSingleShot(true);
    connect(&p.timer, &QTimer::timeout, this, [this, id] { d->onTimer(id); });
    d->probes.emplace(id, std::move(probe));
    if (d->createChannel(p))
        d->startCall(p);
    return id;
}

void HealthProber::removeTarget(int id)
{
    const auto it = d->probes.find(id);
    if (it == d->probes.end())
        return;
    Probe &p = *it->second;
    p.timer.stop();
    d->cancelCall(p); // its result arrives for an id that is gone, and is dropped
    retireChannel(std::move(p.holder));
    d->probes.erase(it);
}

QList<int> HealthProber::targetIds() const
{
    QList<int> ids;
    for (const auto &[id, probe] : d->probes)
        ids.append(id);
    return ids;
}

bool HealthProber::hasTarget(int id) const
{
    return d->probes.count(id) > 0;
}

ProbeTarget HealthProber::target(int id) const
{
    const Probe *p = d->find(id);
    return p ? p->target : ProbeTarget();
}

ProbeStatus HealthProber::status(int id) const
{
    const Probe *p = d->find(id);
    return p ? p->status : ProbeStatus();
}

void HealthProber::shutdown()
{
    std::vector<std::shared_ptr<health::CallControl>> calls;
    for (auto &[id, probe] : d->probes) {
        probe->timer.stop();
        if (probe->call) {
            probe->call->cancel();
            calls.push_back(std::move(probe->call));
        }
    }
    // Bounded: a call that does not end in time is abandoned; it owns what it touches, and the
    // graveyard keeps its channel alive until it is gone.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    for (const auto &call : calls)
        call->waitDone(deadline);
    for (auto &[id, probe] : d->probes)
        retireChannel(std::move(probe->holder));
    d->probes.clear();
}

bool HealthProber::Private::createChannel(Probe &p)
{
    const ProbeTarget &t = p.target;
    if (const QString error = t.validationError(); !error.isEmpty()) {
        (void)update(p, ProbeState::Failed, p.status.mode, error);
        return false;
    }
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    if (t.tls == ProbeTarget::Tls::Plaintext) {
        credentials = grpc::InsecureChannelCredentials();
    } else {
        grpc::SslCredentialsOptions options;
        auto read = [&](const QString &file, const char *what, std::string *out) {
            if (file.isEmpty())
                return true;
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly)) {
                (void)update(
                    p, ProbeState::Failed, p.status.mode,
                    tr("The %1 %2 cannot be read: %3").arg(tr(what), file, f.errorString()));
                return false;
            }
            *out = f.readAll().toStdString();
            return true;
        };
        if ((t.tls == ProbeTarget::Tls::CaFile &&
             !read(t.caFile, QT_TRANSLATE_NOOP("ops::HealthProber", "CA certificate"),
                   &options.pem_root_certs)) ||
            !read(t.clientCertFile, QT_TRANSLATE_NOOP("ops::HealthProber", "client certificate"),
                  &options.pem_cert_chain) ||
            !read(t.clientKeyFile, QT_TRANSLATE_NOOP("ops::HealthProber", "client key"),
                  &options.pem_private_key))
            return false;
        credentials = grpc::SslCredentials(options);
    }
    grpc::ChannelArguments args;
    // Its own connection per target: a probe must not ride on (or hide) another channel's state.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    // Watch streams are quiet between changes; keepalive notices a peer that vanished. Not more
    // often than a default server tolerates on an idle stream without GOAWAY too_many_pings.
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 60000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    // Not GRPC_ARG_MIN_RECONNECT_BACKOFF_MS: gRPC takes it as the connect timeout (default 20 s),
    // too short a value fails slow far-away handshakes. Our own deadline reports silence earlier.
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, initialBackoffMs);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, maxBackoffMs);
    if (t.tls != ProbeTarget::Tls::Plaintext && !t.serverName.isEmpty())
        args.SetSslTargetNameOverride(t.serverName.toStdString());
    auto channel = grpc::CreateCustomChannel(t.endpoint.toStdString(), credentials, args);
    if (!channel) {
        (void)update(p, ProbeState::Failed, p.status.mode, tr("The channel cannot be created."));
        return false;
    }
    // No token: health is public, and a third-party server must never see platformd's token.
    p.holder = std::make_shared<ChannelHolder>(std::move(channel), std::string());
    return true;
}

void HealthProber::Private::startCall(Probe &p)
{
    if (!p.holder)
        return;
    if (p.watchUnsupported && !p.retryWatch)
        startCheck(p);
    else
        startWatch(p);
}

void HealthProber::Private::startWatch(Probe &p)
{
    p.retryWatch = false;
    const int id = p.id;
    const quint64 generation = ++p.generation;
    p.callIsWatch = true;
    p.watchAnswered = false;
    p.watchTimedOut = false;
    p.call = std::make_shared<health::CallControl>();
    auto onMessage = [this, poster = poster, id, generation](int servingStatus) {
        poster->post(
            [this, id, generation, servingStatus] { watchMessage(id, generation, servingStatus); });
    };
    auto onDone = [this, poster = poster, id, generation](const grpc::Status &status) {
        poster->post([this, id, generation, code = status.error_code(),
                      message = QString::fromStdString(status.error_message())] {
            watchDone(id, generation, code, message);
        });
    };
    new health::WatchCall(p.holder, poster, p.call, p.target.service.toStdString(),
                          std::move(onMessage), std::move(onDone));
    p.timer.start(deadlineMs); // the first answer's deadline
}

void HealthProber::Private::startCheck(Probe &p)
{
    const int id = p.id;
    const quint64 generation = ++p.generation;
    p.callIsWatch = false;
    p.call = std::make_shared<health::CallControl>();
    p.checkStarted.start();
    using HealthChannel = StubChannel<health::hv1::Health>;
    struct Answer
    {
        grpc::StatusCode code;
        QString message;
        int servingStatus;
    };
    health::hv1::HealthCheckRequest request;
    request.set_service(p.target.service.toStdString());
    unary<health::hv1::HealthCheckResponse>(
        poster, std::make_shared<HealthChannel>(p.holder), std::chrono::milliseconds(deadlineMs),
        std::move(request),
        [](HealthChannel &ch, auto *c, auto *q, auto *r, auto f) {
            ch.stub->async()->Check(c, q, r, std::move(f));
        },
        [](const grpc::Status &status, const health::hv1::HealthCheckResponse &response) {
            return Answer{status.error_code(), QString::fromStdString(status.error_message()),
                          int(response.status())};
        },
        [this, id, generation](const Answer &answer) {
            checkDone(id, generation, answer.code, answer.message, answer.servingStatus);
        },
        nullptr, p.call);
}

void HealthProber::Private::onTimer(int id)
{
    Probe *p = find(id);
    if (!p)
        return;
    if (p->call) {
        // A Watch that has said nothing within the deadline: the target is not answering (a
        // black-holed address keeps a call waiting for the connect timeout, ~20 s).
        if (p->callIsWatch && !p->watchAnswered) {
            p->watchTimedOut = true;
            p->call->cancel();
        }
        return;
    }
    startCall(*p);
}

void HealthProber::Private::watchMessage(int id, quint64 generation, int servingStatus)
{
    Probe *p = find(id);
    if (!p || generation != p->generation)
        return;
    if (!p->watchAnswered)
        p->timer.stop();
    p->watchAnswered = true;
    p->failures = 0;
    p->status.lastHeard = QDateTime::currentDateTimeUtc();
    p->status.roundTripMs = -1;
    (void)update(*p, fromServingStatus(servingStatus), ProbeMode::Watch, QString());
}

void HealthProber::Private::watchDone(int id, quint64 generation, grpc::StatusCode code,
                                      const QString &message)
{
    Probe *p = find(id);
    if (!p || generation != p->generation)
        return;
    p->call.reset();
    p->timer.stop();
    if (code == grpc::StatusCode::UNIMPLEMENTED) {
        // The protocol says: do not retry Watch. Poll with Check from now on.
        p->watchUnsupported = true;
        startCheck(*p);
        return;
    }
    if (p->watchAnswered) {
        // The stream was up and ended (server restart, GOAWAY, idle timeout): reconnect at once
        // and keep the state; only a failed reconnect says the target is gone.
        p->failures = 0;
        startWatch(*p);
        return;
    }
    ++p->failures;
    const bool alive =
        p->watchTimedOut
            ? update(*p, ProbeState::Unreachable, ProbeMode::Watch,
                     tr("No answer within %1 s (DEADLINE_EXCEEDED)")
                         .arg(QString::number(deadlineMs / 1000.0, 'g', 3)))
            : update(*p, isUnreachable(code) ? ProbeState::Unreachable : ProbeState::Failed,
                     ProbeMode::Watch, errorText(code, message));
    if (alive)
        scheduleRetry(*p);
}

void HealthProber::Private::checkDone(int id, quint64 generation, grpc::StatusCode code,
                                      const QString &message, int servingStatus)
{
    Probe *p = find(id);
    if (!p || generation != p->generation)
        return;
    p->call.reset();
    const bool wasDown =
        p->status.state == ProbeState::Unreachable || p->status.state == ProbeState::Failed;
    const bool answered = !isUnreachable(code) && code != grpc::StatusCode::CANCELLED;
    if (answered) {
        p->failures = 0;
        p->status.lastHeard = QDateTime::currentDateTimeUtc();
        p->status.roundTripMs = int(p->checkStarted.elapsed());
    }
    bool alive = true;
    switch (code) {
    case grpc::StatusCode::OK:
        alive = update(*p, fromServingStatus(servingStatus), ProbeMode::CheckPolling, QString());
        break;
    case grpc::StatusCode::NOT_FOUND:
        alive = update(*p, ProbeState::ServiceUnknown, ProbeMode::CheckPolling, QString());
        break;
    case grpc::StatusCode::UNIMPLEMENTED:
        alive =
            update(*p, ProbeState::NoHealthService, ProbeMode::CheckPolling,
                   tr("The server implements neither Watch nor Check of grpc.health.v1.Health."));
        break;
    default:
        ++p->failures;
        if (update(*p, isUnreachable(code) ? ProbeState::Unreachable : ProbeState::Failed,
                   ProbeMode::CheckPolling, errorText(code, message)))
            scheduleRetry(*p);
        return;
    }
    if (!alive)
        return;
    if (wasDown && p->watchUnsupported) {
        // Back after an outage: it may be another build of the server now; ask for Watch again.
        p->retryWatch = true;
        startCall(*p);
        return;
    }
    p->timer.start(checkIntervalMs);
}

void HealthProber::Private::scheduleRetry(Probe &p)
{
    const int exponent = qBound(0, p.failures - 1, 16);
    qint64 delay = qMin<qint64>(maxBackoffMs, qint64(initialBackoffMs) << exponent);
    // Jitter, so that probes of one server that went down do not come back in lockstep.
    delay = delay * (80 + QRandomGenerator::global()->bounded(21)) / 100;
    p.timer.start(int(delay));
}

bool HealthProber::Private::update(Probe &p, ProbeState state, ProbeMode mode, const QString &error)
{
    const ProbeStatus before = p.status;
    ProbeStatus &s = p.status;
    s.mode = mode;
    s.error = error;
    const bool transition = state != s.state;
    ProbeTransition t;
    if (transition) {
        t.time = QDateTime::currentDateTimeUtc();
        t.from = s.state;
        t.to = state;
        t.detail = error;
        s.state = state;
        s.since = t.time;
        s.history.append(t);
        while (s.history.size() > ProbeStatus::HistoryLength)
            s.history.removeFirst();
    }
    const int id = p.id;
    if (transition)
        emit q->stateChanged(id, t);
    if (find(id) && !(s == before))
        emit q->statusChanged(id, s);
    return find(id) != nullptr;
}

void HealthProber::Private::cancelCall(Probe &p)
{
    if (p.call) {
        p.call->cancel();
        p.call.reset();
    }
    ++p.generation;
}

} // namespace ops
