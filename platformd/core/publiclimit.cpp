#include "core/publiclimit.h"

#include "core/caller.h"
#include "core/permissions.h"
#include "core/refusallog.h"

#include <grpcpp/server_context.h>
#include <grpcpp/support/server_interceptor.h>

namespace platformd::core {

std::string PublicCallLimit::hostOf(const std::string &peer)
{
    const size_t colon = peer.rfind(':');
    // "ipv4:1.2.3.4:5", "ipv6:[::1]:5": the part before the port; "unix:/path": as it is.
    if (colon == std::string::npos || peer.starts_with("unix:"))
        return peer;
    return peer.substr(0, colon);
}

bool PublicCallLimit::admit(const std::string &host)
{
    std::lock_guard lock(m_mutex);
    std::size_t &mine = m_byHost[host];
    if (m_total >= kMaxPublicCalls || mine >= kMaxPublicCallsPerPeer) {
        if (mine == 0)
            m_byHost.erase(host);
        return false;
    }
    ++m_total;
    ++mine;
    return true;
}

void PublicCallLimit::release(const std::string &host)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_byHost.find(host);
    if (it == m_byHost.end())
        return;
    --m_total;
    if (--it->second == 0)
        m_byHost.erase(it);
}

std::size_t PublicCallLimit::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_total;
}

namespace {

class PublicLimitInterceptor final : public grpc::experimental::Interceptor
{
public:
    PublicLimitInterceptor(grpc::experimental::ServerRpcInfo *info, PublicCallLimit &limit,
                           RefusalLog &refusals)
        : m_info(info)
        , m_limit(limit)
        , m_refusals(refusals)
    {}
    ~PublicLimitInterceptor() override
    {
        if (m_admitted)
            m_limit.release(m_host);
    }

    void Intercept(grpc::experimental::InterceptorBatchMethods *methods) override
    {
        using grpc::experimental::InterceptionHookPoints;
        if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_INITIAL_METADATA))
            admit();
        methods->Proceed();
    }

private:
    void admit()
    {
        const std::string method = m_info->method() ? m_info->method() : "";
        if (!core::isPublicMethod(method))
            return; // authenticated: the processor has checked it
        grpc::ServerContextBase *context = m_info->server_context();
        const std::string peer = context->peer();
        m_host = PublicCallLimit::hostOf(peer);
        if (m_limit.admit(m_host)) {
            m_admitted = true;
            return;
        }
        context->TryCancel(); // the handler sees a cancelled call and returns at once
        m_refusals.record(Caller{"anonymous", {}, method, peer, false, {}},
                          grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                                       "too many unauthenticated calls open (at most " +
                                           std::to_string(PublicCallLimit::kMaxPublicCallsPerPeer) +
                                           " per address, " +
                                           std::to_string(PublicCallLimit::kMaxPublicCalls) +
                                           " in all)"));
    }

    grpc::experimental::ServerRpcInfo *m_info;
    PublicCallLimit &m_limit;
    RefusalLog &m_refusals;
    std::string m_host;
    bool m_admitted = false;
};

class PublicLimitInterceptorFactory final
    : public grpc::experimental::ServerInterceptorFactoryInterface
{
public:
    PublicLimitInterceptorFactory(PublicCallLimit &limit, RefusalLog &refusals)
        : m_limit(limit)
        , m_refusals(refusals)
    {}
    grpc::experimental::Interceptor *
    CreateServerInterceptor(grpc::experimental::ServerRpcInfo *info) override
    {
        return new PublicLimitInterceptor(info, m_limit, m_refusals);
    }

private:
    PublicCallLimit &m_limit;
    RefusalLog &m_refusals;
};

} // namespace

std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>
makePublicLimitInterceptorFactory(PublicCallLimit &limit, RefusalLog &refusals)
{
    return std::make_unique<PublicLimitInterceptorFactory>(limit, refusals);
}

} // namespace platformd::core
