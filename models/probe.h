#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// Value types of the console's grpc.health.v1 probes. No gRPC in here: services/HealthProber fills
// them, models/ProbeTableModel shows them.
namespace ops {

// One endpoint to follow and the service to ask it about.
struct ProbeTarget
{
    enum class Tls { Plaintext, SystemRoots, CaFile };

    QString endpoint; // host:port, [v6]:port
    QString service;  // grpc.health.v1 service name; "" = the server as a whole
    Tls tls = Tls::Plaintext;
    QString caFile;     // PEM, with Tls::CaFile
    QString serverName; // TLS server name override (SNI and verification), empty = the host
    // Reused from the main connection when a region's endpoint is platformd's own (mutual TLS).
    QString clientCertFile;
    QString clientKeyFile;

    bool operator==(const ProbeTarget &) const = default;

    // Empty when the target can be probed, else what is wrong with it (translated).
    QString validationError() const;
    // "host:port" without a port or with a bad one gets a translated message; empty = valid.
    static QString endpointError(const QString &endpoint);
};

// Ordered for sorting by severity: the healthy state first, the worst last.
enum class ProbeState {
    Connecting, // no answer yet
    Serving,
    Unknown,         // the server answered UNKNOWN
    ServiceUnknown,  // Watch: SERVICE_UNKNOWN; Check: NOT_FOUND
    NoHealthService, // the server answers, but implements neither Watch nor Check
    NotServing,
    Unreachable, // cannot connect, or no answer before the deadline
    Failed,      // any other error (refused, bad TLS settings, ...)
};

enum class ProbeMode { Watch, CheckPolling };

struct ProbeTransition
{
    QDateTime time;
    ProbeState from = ProbeState::Connecting;
    ProbeState to = ProbeState::Connecting;
    QString detail; // the error text, if any

    bool operator==(const ProbeTransition &) const = default;
};

// Where one probe stands.
struct ProbeStatus
{
    static constexpr int HistoryLength = 20;

    ProbeState state = ProbeState::Connecting;
    ProbeMode mode = ProbeMode::Watch;
    QDateTime since;                // when `state` was entered
    QDateTime lastHeard;            // the last answer from the server (message or Check response)
    int roundTripMs = -1;           // of the last Check; -1 with Watch or before the first answer
    QString error;                  // user-facing, for Unreachable / Failed / NoHealthService
    QList<ProbeTransition> history; // oldest first, at most HistoryLength

    bool operator==(const ProbeStatus &) const = default;
};

QString probeStateText(ProbeState state); // translated, e.g. "Not serving"
QString probeModeText(ProbeMode mode);    // translated, "Watch" / "Check polling"
QString probeTlsText(ProbeTarget::Tls tls);

} // namespace ops

Q_DECLARE_METATYPE(ops::ProbeTarget)
Q_DECLARE_METATYPE(ops::ProbeStatus)
