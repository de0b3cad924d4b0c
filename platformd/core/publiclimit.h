#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace grpc::experimental {
class ServerInterceptorFactoryInterface;
}

namespace platformd::core {

class RefusalLog;

// Unauthenticated calls (grpc.health.v1 and reflection) stay usable by tools such as grpcurl, but
// they cannot starve authenticated callers: in the sync server every open call holds a thread of
// a pool of 4,096, so together they may hold at most kMaxPublicCalls at once, and one peer address
// at most kMaxPublicCallsPerPeer. A call over either limit is cancelled before its handler does
// anything, and counted in the audit log with the peer's address (RefusalLog).
class PublicCallLimit
{
public:
    static constexpr std::size_t kMaxPublicCalls = 512;
    static constexpr std::size_t kMaxPublicCallsPerPeer = 128;

    // Peer host as gRPC names it ("ipv4:127.0.0.1:5000" -> "ipv4:127.0.0.1").
    static std::string hostOf(const std::string &peer);
    bool admit(const std::string &host);
    void release(const std::string &host);
    std::size_t inFlight() const;

private:
    mutable std::mutex m_mutex;
    std::size_t m_total = 0;
    std::map<std::string, std::size_t> m_byHost;
};

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makePublicLimitInterceptorFactory(PublicCallLimit &limit, RefusalLog &refusals);

} // namespace platformd::core
