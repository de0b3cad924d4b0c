#pragma once

#include "models/probe.h"

#include <QList>
#include <QObject>

#include <memory>

namespace ops {

// Follows any number of gRPC endpoints with the standard grpc.health.v1 protocol: one channel and
// one Watch stream per target; Check polling when the server answers Watch with UNIMPLEMENTED;
// reconnects with backoff when a stream fails. Probes are anonymous (no token): the health service
// is public on platformd and on every server that follows the protocol.
// gRPC runs on gRPC's threads; every signal is emitted on the thread this object lives on.
class HealthProber : public QObject
{
    Q_OBJECT
public:
    explicit HealthProber(QObject *parent = nullptr);
    ~HealthProber() override; // shutdown()

    // Check polling: the interval between two Checks (default 5 s) and each Check's deadline
    // (default 3 s; also how long a new Watch may stay silent before the target counts as
    // unreachable). Apply to calls started afterwards.
    void setCheckIntervalMs(int ms);
    int checkIntervalMs() const;
    void setDeadlineMs(int ms);
    int deadlineMs() const;
    // Reconnect backoff after a failed stream or an unreachable target: doubles from the initial
    // value up to the maximum (defaults 500 ms and 10 s).
    void setBackoffMs(int initialMs, int maximumMs);

    // Starts following `target`; returns its id (> 0). The first status is Connecting.
    int addTarget(const ProbeTarget &target);
    // Stops following (cancels its calls); unknown ids are ignored.
    void removeTarget(int id);
    QList<int> targetIds() const;
    bool hasTarget(int id) const;
    ProbeTarget target(int id) const;
    ProbeStatus status(int id) const;

    // Cancels every call and waits (bounded, ~2 s in total) for them to end. Targets are dropped.
    void shutdown();

signals:
    // Anything in the status changed (state, mode, round trip, error).
    void statusChanged(int id, const ops::ProbeStatus &status);
    // The state changed; also in statusChanged. `transition.detail` is the error text, if any.
    void stateChanged(int id, const ops::ProbeTransition &transition);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
