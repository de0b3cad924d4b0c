#pragma once

// Private to services/: the one way services/ makes a unary gRPC call. startUnary() is the call
// itself (deadline, token, cancellation); unary() adds what a client needs around it: conversion on
// the gRPC thread, the channel released on the GUI thread, the answer on the client's thread, and
// the client's own answer when there is no channel.

#include "callset_p.h"
#include "channelholder_p.h"

#include <grpcpp/grpcpp.h>

#include <QString>

#include <chrono>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <utility>

namespace ops {

// One unary call in flight: gRPC owns it through its completion callback.
template<typename Request, typename Response>
struct UnaryCall
{
    grpc::ClientContext context;
    Request request;
    Response response;
};

// Starts one unary call on `channel` (a ChannelHolder or a StubChannel, anything with
// authorize(context); the caller keeps it alive until `done` has run): a deadline `timeout` from
// now, the channel's bearer token, and registered with `calls` (a CallSet or anything with
// add/remove; optional) from before it starts until after `done`, so that it can be cancelled.
// `start(channel, context, request, response, callback)` names the stub's method, e.g.
//   [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
//       ch.regions->async()->GetRegionMetrics(c, q, r, std::move(f));
//   }
// `done(call, status)` runs once, on a gRPC thread; the call (its context too) lives until then.
template<typename Response, typename Channel, typename Request, typename Start, typename Done,
         typename Calls = CallSet>
void startUnary(Channel &channel, std::chrono::milliseconds timeout, Request request,
                const Start &start, Done done, std::shared_ptr<Calls> calls = {})
{
    auto call = std::make_shared<UnaryCall<Request, Response>>();
    call->request = std::move(request);
    call->context.set_deadline(std::chrono::system_clock::now() + timeout);
    channel.authorize(&call->context);
    if (calls)
        calls->add(&call->context);
    start(channel, &call->context, &call->request, &call->response,
          [call, calls, done = std::move(done)](grpc::Status status) mutable {
              done(*call, status);
              if (calls)
                  calls->remove(&call->context);
          });
}

// A client's unary call: startUnary() on `channel`, then `convert(status, response)` on the gRPC
// thread (the wire form never reaches the GUI thread), the call's reference to the channel back to
// the GUI thread (grpc/grpc#32584), and `deliver(result)` on the poster's thread, dropped when the
// client is gone. Without a channel nothing starts: `notConnected()` (the client's own "not
// connected" result, in its own words) is delivered the same way, after the caller returned; pass
// nullptr to deliver nothing. Returns whether the call started.
template<typename Response, typename Channel, typename Request, typename Start, typename Convert,
         typename Deliver, typename NotConnected, typename Calls = CallSet>
bool unary(const std::shared_ptr<GuiPoster> &poster, std::shared_ptr<Channel> channel,
           std::chrono::milliseconds timeout, Request request, const Start &start, Convert convert,
           Deliver deliver, NotConnected notConnected, std::shared_ptr<Calls> calls = {})
{
    if (!channel) {
        if constexpr (!std::is_null_pointer_v<NotConnected>)
            poster->post(
                [deliver = std::move(deliver), result = notConnected()] { deliver(result); });
        return false;
    }
    Channel &target = *channel;
    startUnary<Response>(
        target, timeout, std::move(request), start,
        [poster, channel = std::move(channel), convert = std::move(convert),
         deliver = std::move(deliver)](const auto &call, const grpc::Status &status) mutable {
            auto result = convert(status, call.response);
            releaseOnGui(*poster, std::move(channel));
            poster->post([deliver, result = std::move(result)] { deliver(result); });
        },
        std::move(calls));
    return true;
}

// unary() for a client whose callbacks take (result, error): `toResult(response)` when the call
// succeeds, `toError(status)` when it fails (both on the gRPC thread), and without a channel an
// UNAVAILABLE error with `notConnected` as its text. Error is a models/ error type (code, text).
// `callback(result, error)` runs on the poster's thread.
template<typename Response, typename Error, typename Channel, typename Request, typename Start,
         typename ToResult, typename ToError, typename Callback, typename Calls = CallSet>
bool unaryOrError(const std::shared_ptr<GuiPoster> &poster, std::shared_ptr<Channel> channel,
                  std::chrono::milliseconds timeout, Request request, const Start &start,
                  ToResult toResult, ToError toError, QString notConnected, Callback callback,
                  std::shared_ptr<Calls> calls = {})
{
    struct Answer
    {
        decltype(toResult(std::declval<const Response &>())) result;
        Error error;
    };
    return unary<Response>(
        poster, std::move(channel), timeout, std::move(request), start,
        [toResult = std::move(toResult), toError = std::move(toError)](const grpc::Status &status,
                                                                       const Response &response) {
            Answer answer;
            if (status.ok())
                answer.result = toResult(response);
            else
                answer.error = toError(status);
            return answer;
        },
        [callback = std::move(callback)](const Answer &answer) {
            callback(answer.result, answer.error);
        },
        [notConnected = std::move(notConnected)] {
            Answer answer;
            answer.error.code = int(grpc::StatusCode::UNAVAILABLE);
            answer.error.text = notConnected;
            return answer;
        },
        std::move(calls));
}

} // namespace ops
