#pragma once

#include <memory>

namespace grpc::experimental {
class ServerInterceptorFactoryInterface;
}

namespace platformd::core {

// Requests whose string fields are not valid UTF-8 fail to parse inside gRPC, which answers
// INTERNAL with no message while libprotobuf logs an ERROR line per request. This replaces that
// with INVALID_ARGUMENT naming the field ("filter: not valid UTF-8; use UTF-8 text"), and keeps
// libprotobuf's per-request complaints out of the log (other libprotobuf messages go to spdlog).
//
// How: installProtobufLogHandler() routes libprotobuf's log through platformd; a parse failure's
// UTF-8 complaint is remembered for the thread that parsed (the sync server parses and answers a
// call on one thread), and the interceptor rewrites the INTERNAL status it is about to send.
void installProtobufLogHandler();
std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makeWireCheckInterceptorFactory();

} // namespace platformd::core
