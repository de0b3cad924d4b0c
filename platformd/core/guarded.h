#pragma once

#include <grpcpp/support/status.h>
#include <spdlog/spdlog.h>

#include <exception>
#include <utility>

namespace platformd::core {

// Thrown by a handler's helpers to end the call with `status` (e.g. no authenticated caller).
struct CallRefused
{
    grpc::Status status;
};

// Runs a handler's body: a CallRefused ends the call with its status; any other exception is
// logged under the service's name and answered INTERNAL "internal error" (nothing of it reaches
// the client).
template<typename F>
grpc::Status guarded(const char *service, F &&body)
{
    try {
        return std::forward<F>(body)();
    } catch (const CallRefused &refused) {
        return refused.status;
    } catch (const std::exception &e) {
        spdlog::error("{}: {}", service, e.what());
        return grpc::Status(grpc::StatusCode::INTERNAL, "internal error");
    }
}

} // namespace platformd::core
