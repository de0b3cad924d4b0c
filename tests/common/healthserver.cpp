// ops_healthserver: a small, independent grpc.health.v1 server for the console's probe tests.
// Its own implementation of the generated Health service (not gRPC's default one), so that what
// Watch and Check answer is under the test's control.
//
//   ops_healthserver [--listen HOST:PORT] [--no-health] [--check-only] [--service NAME=STATUS]...
//
// Prints "LISTEN host:port" once serving. Reads commands from stdin, one per line:
//   set NAME SERVING|NOT_SERVING|SERVICE_UNKNOWN|UNKNOWN   ("" or - for the server as a whole;
//                                                           SERVICE_UNKNOWN forgets the service)
//   quit
// and acknowledges each with "OK <line>" (or "ERROR <why>"). EOF on stdin ends the server too.

#include "grpc/health/v1/health.grpc.pb.h"
#include "ops/platform/v1/identity.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>

namespace {

namespace hv1 = grpc::health::v1;
using Response = hv1::HealthCheckResponse;

struct Statuses
{
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::string, Response::ServingStatus> byService;
    bool stopping = false;

    std::optional<Response::ServingStatus> get(const std::string &service)
    {
        const auto it = byService.find(service);
        if (it == byService.end())
            return std::nullopt;
        return it->second;
    }
};

class HealthService : public hv1::Health::Service
{
public:
    HealthService(Statuses &statuses, bool withWatch)
        : m_statuses(statuses)
        , m_withWatch(withWatch)
    {}

    grpc::Status Check(grpc::ServerContext *, const hv1::HealthCheckRequest *request,
                       Response *response) override
    {
        std::lock_guard lock(m_statuses.mutex);
        const auto status = m_statuses.get(request->service());
        if (!status)
            return grpc::Status(grpc::StatusCode::NOT_FOUND, "unknown service");
        response->set_status(*status);
        return grpc::Status::OK;
    }

    grpc::Status Watch(grpc::ServerContext *context, const hv1::HealthCheckRequest *request,
                       grpc::ServerWriter<Response> *writer) override
    {
        if (!m_withWatch)
            return grpc::Status(grpc::StatusCode::UNIMPLEMENTED, "Watch is not implemented here");
        std::unique_lock lock(m_statuses.mutex);
        int last = -1;
        while (!context->IsCancelled() && !m_statuses.stopping) {
            const int current =
                m_statuses.get(request->service()).value_or(Response::SERVICE_UNKNOWN);
            if (current != last) {
                Response response;
                response.set_status(Response::ServingStatus(current));
                lock.unlock();
                const bool ok = writer->Write(response);
                lock.lock();
                if (!ok)
                    break;
                last = current;
            }
            // Woken by a change; the timeout only notices a cancelled call.
            m_statuses.changed.wait_for(lock, std::chrono::milliseconds(100));
        }
        return m_statuses.stopping ? grpc::Status(grpc::StatusCode::UNAVAILABLE, "shutting down")
                                   : grpc::Status::OK;
    }

private:
    Statuses &m_statuses;
    bool m_withWatch;
};

std::optional<Response::ServingStatus> parseStatus(const std::string &text)
{
    if (text == "SERVING")
        return Response::SERVING;
    if (text == "NOT_SERVING")
        return Response::NOT_SERVING;
    if (text == "SERVICE_UNKNOWN")
        return Response::SERVICE_UNKNOWN;
    if (text == "UNKNOWN")
        return Response::UNKNOWN;
    return std::nullopt;
}

std::string serviceName(const std::string &text)
{
    return text == "\"\"" || text == "-" ? std::string() : text;
}

int usage(const char *error)
{
    std::fprintf(stderr,
                 "ops_healthserver: %s\nusage: ops_healthserver [--listen HOST:PORT] [--no-health] "
                 "[--check-only] [--service NAME=STATUS]...\n",
                 error);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    std::string listen = "127.0.0.1:0";
    bool noHealth = false;
    bool checkOnly = false;
    Statuses statuses;
    statuses.byService[""] = Response::SERVING;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--no-health") {
            noHealth = true;
        } else if (arg == "--check-only") {
            checkOnly = true;
        } else if (arg == "--listen" && i + 1 < argc) {
            listen = argv[++i];
        } else if (arg == "--service" && i + 1 < argc) {
            const std::string spec = argv[++i];
            const auto eq = spec.rfind('=');
            const auto status =
                eq == std::string::npos ? std::nullopt : parseStatus(spec.substr(eq + 1));
            if (!status)
                return usage(("--service wants NAME=SERVING|NOT_SERVING|SERVICE_UNKNOWN|UNKNOWN, "
                              "not " +
                              spec)
                                 .c_str());
            const std::string name = serviceName(spec.substr(0, eq));
            if (*status == Response::SERVICE_UNKNOWN)
                statuses.byService.erase(name);
            else
                statuses.byService[name] = *status;
        } else {
            return usage(("unknown argument " + arg).c_str());
        }
    }

    HealthService service(statuses, !checkOnly);
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), &port);
    // Health Watch streams are idle between changes: let clients keep them alive.
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, 5000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    // gRPC wants at least one service: without health, one that has nothing to do with it (every
    // method UNIMPLEMENTED), like any server that does not implement the health protocol.
    ops::platform::v1::IdentityService::Service unrelated;
    if (noHealth)
        builder.RegisterService(&unrelated);
    else
        builder.RegisterService(&service);
    std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
    if (!server || port == 0) {
        std::fprintf(stderr, "ops_healthserver: cannot listen on %s\n", listen.c_str());
        return 1;
    }
    const std::string host = listen.substr(0, listen.rfind(':'));
    std::printf("LISTEN %s:%d\n", host.c_str(), port);
    std::fflush(stdout);

    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string command, name, statusText;
        in >> command;
        if (command == "quit")
            break;
        if (command == "set" && in >> name >> statusText) {
            const auto status = parseStatus(statusText);
            if (!status) {
                std::printf("ERROR unknown status %s\n", statusText.c_str());
            } else {
                {
                    std::lock_guard lock(statuses.mutex);
                    if (*status == Response::SERVICE_UNKNOWN)
                        statuses.byService.erase(serviceName(name));
                    else
                        statuses.byService[serviceName(name)] = *status;
                }
                statuses.changed.notify_all();
                std::printf("OK %s\n", line.c_str());
            }
        } else if (!command.empty()) {
            std::printf("ERROR cannot parse \"%s\"\n", line.c_str());
        }
        std::fflush(stdout);
    }

    {
        std::lock_guard lock(statuses.mutex);
        statuses.stopping = true;
    }
    statuses.changed.notify_all();
    server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    return 0;
}
