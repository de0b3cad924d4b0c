#pragma once

// The part every watch stream shares, whatever it delivers: a reactor that owns one
// server-streaming call and deletes itself when it ends, and the inbox through which it hands
// results to the GUI thread (filled on gRPC threads, drained per timer tick). Private to services/.

#include "channelholder_p.h"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace ops {

// The lifecycle half of an inbox; clients derive to add what their stream delivers.
struct WatchInboxBase
{
    std::mutex mutex;
    std::condition_variable doneSignal;
    bool activity = false; // anything (data or progress) arrived since the last drain
    qint64 progress = -1;  // the position of the last progress message since the last drain
    bool done = false;
    grpc::Status status;
    grpc::ClientContext *context = nullptr; // valid while the reactor lives

    void cancel()
    {
        std::lock_guard lock(mutex);
        if (context)
            context->TryCancel();
    }
    // Bounded: a stream that does not end in time is abandoned; it owns everything it touches.
    bool waitDone(std::chrono::milliseconds timeout = std::chrono::seconds(2))
    {
        std::unique_lock lock(mutex);
        return doneSignal.wait_for(lock, timeout, [this] { return done; });
    }
};

// One server-streaming call. It owns its context, request and read buffer; deliver() runs on a gRPC
// thread for every message; OnDone records the status once, wakes a waiting stop() and deletes the
// reactor. No deadline: the stream is open-ended, keepalive and the progress timeout watch it.
template<typename Request, typename Response, typename Inbox>
class WatchReactor : public grpc::ClientReadReactor<Response>
{
public:
    void OnReadDone(bool ok) override
    {
        if (!ok)
            return; // end of stream; OnDone follows with the status
        deliver(m_response, *m_inbox);
        this->StartRead(&m_response);
    }

    void OnDone(const grpc::Status &status) override
    {
        releaseOnGui(*m_poster, std::move(m_holder));
        {
            std::lock_guard lock(m_inbox->mutex);
            m_inbox->status = status;
            m_inbox->done = true;
            m_inbox->context = nullptr;
        }
        m_inbox->doneSignal.notify_all();
        delete this;
    }

protected:
    WatchReactor(std::shared_ptr<ChannelHolder> holder, std::shared_ptr<Inbox> inbox,
                 std::shared_ptr<GuiPoster> poster, Request request)
        : m_holder(std::move(holder))
        , m_inbox(std::move(inbox))
        , m_poster(std::move(poster))
        , m_request(std::move(request))
    {
        std::lock_guard lock(m_inbox->mutex);
        m_inbox->context = &m_context;
    }

    // Called last by the derived constructor with the stub's async method, e.g.
    // [&](auto *ctx, auto *req, auto *self) { stub->async()->WatchRegions(ctx, req, self); }
    template<typename StartFn>
    void start(StartFn &&startFn)
    {
        m_holder->authorize(&m_context);
        startFn(&m_context, &m_request, this);
        this->StartRead(&m_response);
        this->StartCall();
    }

    // Converts one message into the inbox (take the inbox's mutex only for the append).
    virtual void deliver(const Response &response, Inbox &inbox) = 0;

    std::shared_ptr<ChannelHolder> m_holder;

private:
    std::shared_ptr<Inbox> m_inbox;
    std::shared_ptr<GuiPoster> m_poster;
    grpc::ClientContext m_context;
    Request m_request;
    Response m_response;
};

} // namespace ops
