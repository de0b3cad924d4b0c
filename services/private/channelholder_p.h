#pragma once

// Private to services/: the gRPC channel behind a Connection and helpers for gRPC callbacks.

#include "ops/platform/v1/audit.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"
#include "ops/platform/v1/regions.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>
#include <string>

namespace ops {

namespace pb = ::ops::platform::v1;

// One channel and its stubs. Calls in flight keep it alive through a shared_ptr.
class ChannelHolder
{
public:
    ChannelHolder(std::shared_ptr<grpc::Channel> channel, std::string token)
        : channel(std::move(channel))
        , regions(pb::RegionService::NewStub(this->channel))
        , identity(pb::IdentityService::NewStub(this->channel))
        , audit(pb::AuditService::NewStub(this->channel))
        , m_authorization(token.empty() ? std::string() : "Bearer " + token)
    {}

    // Every call goes through here before it starts: it carries the profile's token. Per-call
    // metadata rather than call credentials: gRPC refuses call credentials on insecure channels,
    // and the embedded platform is insecure loopback. Never log the value.
    void authorize(grpc::ClientContext *context) const
    {
        if (!m_authorization.empty())
            context->AddMetadata("authorization", m_authorization);
    }

    const std::shared_ptr<grpc::Channel> channel;
    const std::unique_ptr<pb::RegionService::Stub> regions;
    const std::unique_ptr<pb::IdentityService::Stub> identity;
    const std::unique_ptr<pb::AuditService::Stub> audit;

private:
    const std::string m_authorization;
};

// Posts functions from gRPC threads to the thread of a QObject. The owner detaches it in its
// destructor: a post after that is dropped, and Qt drops posts still queued for a deleted object.
// The mutex closes the window between "the target is alive" and "the event is queued".
class GuiPoster
{
public:
    explicit GuiPoster(QObject *target)
        : m_target(target)
    {}

    template<typename F>
    bool post(F &&function)
    {
        std::lock_guard lock(m_mutex);
        if (!m_target)
            return false;
        return QMetaObject::invokeMethod(m_target, std::forward<F>(function), Qt::QueuedConnection);
    }

    void detach()
    {
        std::lock_guard lock(m_mutex);
        m_target = nullptr;
    }

private:
    std::mutex m_mutex;
    QObject *m_target;
};

// Keeps a channel that its Connection no longer uses alive until no call holds it any more, then
// destroys it on the GUI thread. gRPC 1.51 runs callbacks on the threads of a shared "alternative"
// completion queue; if a callback (or a ClientContext dying after it) dropped the last reference to
// a channel, the channel would shut that queue down from one of its own threads and crash
// (grpc/grpc#32584). Call on the GUI thread only.
void retireChannel(std::shared_ptr<ChannelHolder> holder);

// Drops a call's reference to its channel (a ChannelHolder, or a StubChannel holding one) on the
// GUI thread, so that a channel is never destroyed on one of its own callback threads (if the owner
// is gone, it is dropped here, at shutdown).
template<typename Channel>
void releaseOnGui(GuiPoster &poster, std::shared_ptr<Channel> channel)
{
    if (channel)
        poster.post([channel = std::move(channel)] {});
}

} // namespace ops
