#include "core/wirecheck.h"

#include <google/protobuf/stubs/logging.h>
#include <grpcpp/support/server_interceptor.h>
#include <grpcpp/support/status.h>
#include <spdlog/spdlog.h>

#include <string>

namespace platformd::core {

namespace {

// The field of the last UTF-8 parse complaint on this thread, e.g. "filter".
thread_local std::string t_badUtf8Field;

void logHandler(google::protobuf::LogLevel level, const char *file, int line,
                const std::string &message)
{
    // "String field 'ops.platform.v1.ListRegionsRequest.filter' contains invalid UTF-8 data when
    // parsing a protocol buffer. ..." — a client's bad input, answered, not logged.
    constexpr std::string_view prefix = "String field '";
    if (message.starts_with(prefix) && message.find("invalid UTF-8") != std::string::npos &&
        message.find("when parsing") != std::string::npos) {
        const size_t end = message.find('\'', prefix.size());
        const std::string full = message.substr(prefix.size(), end - prefix.size());
        const size_t dot = full.rfind('.');
        t_badUtf8Field = dot == std::string::npos ? full : full.substr(dot + 1);
        return;
    }
    switch (level) {
    case google::protobuf::LOGLEVEL_INFO:
        spdlog::info("libprotobuf {}:{}: {}", file, line, message);
        break;
    case google::protobuf::LOGLEVEL_WARNING:
        spdlog::warn("libprotobuf {}:{}: {}", file, line, message);
        break;
    default:
        spdlog::error("libprotobuf {}:{}: {}", file, line, message);
        break;
    }
}

class WireCheckInterceptor final : public grpc::experimental::Interceptor
{
public:
    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        using grpc::experimental::InterceptionHookPoints;
        if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
            const grpc::Status status = methods->GetSendStatus();
            if (status.error_code() == grpc::StatusCode::INTERNAL &&
                status.error_message().empty() && !t_badUtf8Field.empty()) {
                methods->ModifySendStatus(grpc::Status(
                    grpc::StatusCode::INVALID_ARGUMENT,
                    t_badUtf8Field + ": not valid UTF-8; string fields must be UTF-8 text"));
            }
            t_badUtf8Field.clear(); // every call's answer passes here, on the parsing thread
        }
        methods->Proceed();
    }
};

class WireCheckInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface
{
public:
    grpc::experimental::Interceptor *
    CreateServerInterceptor(grpc::experimental::ServerRpcInfo *) override
    {
        return new WireCheckInterceptor;
    }
};

} // namespace

void installProtobufLogHandler()
{
    google::protobuf::SetLogHandler(logHandler);
}

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makeWireCheckInterceptorFactory()
{
    return std::make_unique<WireCheckInterceptorFactory>();
}

} // namespace platformd::core
