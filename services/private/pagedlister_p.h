#pragma once

// Private to services/: every page of one List call, one page after the other.

#include "unarycall_p.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace ops {

// Lists every page of one collection on gRPC threads, each page a startUnary() call with
// `deadline`. Fill in the fields, then next({}). pageFn runs per page, doneFn once (OK after the
// last page, else the failed page's status); both on gRPC threads. The lister keeps `channel`
// alive while it runs and hands it back to the GUI thread (releaseOnGui) before doneFn.
template<typename Channel, typename Request, typename Response>
struct PagedLister : std::enable_shared_from_this<PagedLister<Channel, Request, Response>>
{
    using StartFn = std::function<void(Channel &, grpc::ClientContext *, const Request *,
                                       Response *, std::function<void(grpc::Status)>)>;
    using PageFn = std::function<void(const Response &)>;
    using DoneFn = std::function<void(const grpc::Status &)>;

    std::shared_ptr<Channel> channel;
    std::shared_ptr<GuiPoster> poster; // to the client's thread, for the channel
    std::shared_ptr<CallSet> calls;
    std::chrono::milliseconds deadline{0};
    Request request; // the page token is set per page
    StartFn startFn;
    PageFn pageFn;
    DoneFn doneFn;

    void next(const std::string &token)
    {
        request.set_page_token(token);
        startUnary<Response>(
            *channel, deadline, request, startFn,
            [self = this->shared_from_this()](const auto &call, const grpc::Status &status) {
                if (!status.ok())
                    return self->finish(status);
                self->pageFn(call.response);
                if (!call.response.next_page_token().empty())
                    return self->next(call.response.next_page_token());
                self->finish(grpc::Status::OK);
            },
            calls);
    }

private:
    void finish(const grpc::Status &status)
    {
        releaseOnGui(*poster, std::move(channel));
        doneFn(status);
    }
};

} // namespace ops
