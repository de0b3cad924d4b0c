#pragma once

// Private to services/: the Watch stream of grpc.health.v1 as a callback-API call, and the handle
// through which the GUI thread cancels HealthProber's calls (Watch, or a unary() Check) and waits
// (bounded) for their end.

#include "channelholder_p.h"

#include "grpc/health/v1/health.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace ops::health {

namespace hv1 = ::grpc::health::v1;
using ServingStatus = hv1::HealthCheckResponse; // SERVING, NOT_SERVING, ... live in here

// Shared by the GUI thread (cancel, wait) and one call (add when it starts, remove when it is
// over: the calls of unary() and startUnary() take it like a CallSet).
class CallControl
{
public:
    void add(grpc::ClientContext *context)
    {
        std::lock_guard lock(m_mutex);
        m_context = context;
        if (m_cancelled)
            context->TryCancel();
    }
    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        if (m_context)
            m_context->TryCancel();
    }
    void remove(grpc::ClientContext *)
    {
        {
            std::lock_guard lock(m_mutex);
            m_context = nullptr;
            m_done = true;
        }
        m_doneSignal.notify_all();
    }
    bool waitDone(std::chrono::steady_clock::time_point deadline)
    {
        std::unique_lock lock(m_mutex);
        return m_doneSignal.wait_until(lock, deadline, [this] { return m_done; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_doneSignal;
    grpc::ClientContext *m_context = nullptr;
    bool m_cancelled = false;
    bool m_done = false;
};

// One Watch stream; deletes itself when it ends. onMessage runs on a gRPC thread per message,
// onDone once with the final status; both only post to the GUI thread.
class WatchCall final : public grpc::ClientReadReactor<hv1::HealthCheckResponse>
{
public:
    WatchCall(std::shared_ptr<ChannelHolder> holder, std::shared_ptr<GuiPoster> poster,
              std::shared_ptr<CallControl> control, const std::string &service,
              std::function<void(int servingStatus)> onMessage,
              std::function<void(const grpc::Status &)> onDone)
        : m_holder(std::move(holder))
        , m_poster(std::move(poster))
        , m_control(std::move(control))
        , m_stub(hv1::Health::NewStub(m_holder->channel))
        , m_onMessage(std::move(onMessage))
        , m_onDone(std::move(onDone))
    {
        m_request.set_service(service);
        // No deadline: the stream is open-ended; keepalive watches the connection.
        m_control->add(&m_context);
        m_stub->async()->Watch(&m_context, &m_request, this);
        StartRead(&m_response);
        StartCall();
    }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return; // end of stream; OnDone follows with the status
        m_onMessage(int(m_response.status()));
        StartRead(&m_response);
    }

    void OnDone(const grpc::Status &status) override
    {
        m_onDone(status);
        // The stub holds the channel too: drop it before the holder goes back to the GUI thread.
        m_stub.reset();
        releaseOnGui(*m_poster, std::move(m_holder));
        m_control->remove(&m_context);
        delete this;
    }

private:
    std::shared_ptr<ChannelHolder> m_holder;
    std::shared_ptr<GuiPoster> m_poster;
    std::shared_ptr<CallControl> m_control;
    std::unique_ptr<hv1::Health::Stub> m_stub;
    std::function<void(int)> m_onMessage;
    std::function<void(const grpc::Status &)> m_onDone;
    grpc::ClientContext m_context;
    hv1::HealthCheckRequest m_request;
    hv1::HealthCheckResponse m_response;
};

} // namespace ops::health
