#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace ops {

class ChannelHolder; // private to services/: wraps the grpc::Channel

// Where and how to connect, and as whom. The token is a secret: ProfileStore keeps it out of
// QSettings (TokenStore), and it is never logged.
struct ConnectionProfile
{
    QString name;     // user-facing profile name, e.g. "Production EU"
    QString endpoint; // host:port, or replicas "10.0.0.1:7443, 10.0.0.2:7443" (round robin)
    bool useTls = false;
    QString caFile; // PEM; empty: system roots
    QString clientCertFile;
    QString clientKeyFile;
    QString token; // API token "opt_<id>_<secret>", sent as `authorization: Bearer <token>`
    // TLS only: the name (DNS name or IP address) the server certificates carry. Empty: the
    // endpoint's host; for several replicas the first address's host (gRPC would otherwise check
    // the whole address list against the certificate).
    QString tlsServerName;

    bool operator==(const ConnectionProfile &) const = default;
};

// The addresses of an endpoint: "a:1, b:2" -> {"a:1", "b:2"} (trimmed, empty entries dropped).
QStringList endpointAddresses(const QString &endpoint);
// The gRPC target of an endpoint: the address itself when there is one; for several replicas
// "ipv4:a:1,b:2" or "ipv6:[a]:1,[b]:2" (gRPC's static address lists).
QString channelTarget(const QString &endpoint);
// The name a TLS connection checks the server certificate against, when it is not the channel
// target's own: the profile's tlsServerName, else for several replicas the first address's host
// ("10.0.0.1", "::1"). Empty: gRPC's default (a single address's host), or no TLS.
QString tlsNameOverride(const ConnectionProfile &profile);

// One gRPC channel to one platformd, its state and round-trip time. Lives on the GUI thread; never
// blocks it. Clients (RegionClient, ...) borrow its channel.
class Connection : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Ready, TransientFailure, Shutdown };
    Q_ENUM(State)

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    // Creates the channel (keepalive on, reconnect backoff) and starts watching its state and
    // measuring round-trip time. Replaces any previous channel.
    void open(const ConnectionProfile &profile);
    void close();

    ConnectionProfile profile() const { return m_profile; }
    QString endpoint() const { return m_profile.endpoint; }
    State state() const { return m_state; }
    int roundTripMs() const { return m_rttMs; } // -1 until measured
    bool isOpen() const { return bool(m_channel); }

    // For services/ only.
    std::shared_ptr<ChannelHolder> channel() const { return m_channel; }

    static QString stateText(State state); // translated

signals:
    void stateChanged(ops::Connection::State state);
    void roundTripMeasured(int ms);
    void opened(); // a new channel exists: clients (re)start their calls on it
    void closed();
    // The channel could not be set up (e.g. an unreadable certificate); `message` is user-facing.
    void errorOccurred(const QString &message);

private:
    void pollState();
    void measureRoundTrip();
    bool createChannel();
    void setState(State state);

    ConnectionProfile m_profile;
    std::shared_ptr<ChannelHolder> m_channel;
    State m_state = State::Idle;
    int m_rttMs = -1;
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
