#pragma once

// Private to services/: a stub of one gRPC service on a Connection's channel, for the services that
// ChannelHolder does not carry a stub for (the model registry, grpc.health.v1).

#include "channelholder_p.h"

#include <functional>
#include <memory>
#include <utility>

namespace ops {

// The holder (and so the channel and its token) plus a stub of `Service` on it. A call holds it
// through a shared_ptr and hands it back with releaseOnGui(): the stub refers to the channel too,
// so it must not die on one of the channel's callback threads either (grpc/grpc#32584).
template<typename Service>
class StubChannel
{
public:
    using Stub = typename Service::Stub;
    // The stub's asynchronous interface: `&Async::GetModel` names a unary method.
    using Async = typename Service::StubInterface::async_interface;
    template<typename Request, typename Response>
    using Method = void (Async::*)(grpc::ClientContext *, const Request *, Response *,
                                   std::function<void(grpc::Status)>);

    // A `start` for startUnary() (and PagedLister::startFn) that calls `method` on the stub, so a
    // call names its method instead of spelling out a lambda: call(&Async::GetModel).
    template<typename Request, typename Response>
    static auto call(Method<Request, Response> method)
    {
        return [method](StubChannel &ch, grpc::ClientContext *context, const Request *request,
                        Response *response, std::function<void(grpc::Status)> done) {
            (ch.stub->async()->*method)(context, request, response, std::move(done));
        };
    }

    explicit StubChannel(std::shared_ptr<ChannelHolder> holder)
        : holder(std::move(holder))
        , stub(Service::NewStub(this->holder->channel))
    {}

    // The same StubChannel for as long as the connection keeps its channel; a new one when it
    // opened another; null without a channel. GUI thread only (`cache` belongs to a client).
    static std::shared_ptr<StubChannel> on(std::shared_ptr<ChannelHolder> holder,
                                           std::shared_ptr<StubChannel> &cache)
    {
        if (!holder) {
            cache.reset();
            return nullptr;
        }
        if (!cache || cache->holder != holder)
            cache = std::make_shared<StubChannel>(std::move(holder));
        return cache;
    }

    void authorize(grpc::ClientContext *context) const { holder->authorize(context); }

    const std::shared_ptr<ChannelHolder> holder;
    const std::unique_ptr<Stub> stub;
};

} // namespace ops
