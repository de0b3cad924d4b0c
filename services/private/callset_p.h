#pragma once

// Private to services/: the calls of one job (a listing, a pager), cancelled together.

#include <grpcpp/client_context.h>

#include <mutex>
#include <set>

namespace ops {

// Shared by the GUI thread (cancel) and the calls (add, remove, on gRPC threads). Each call owns
// its context; it stays registered from before the call starts until its callback has run.
class CallSet
{
public:
    void add(grpc::ClientContext *context)
    {
        std::lock_guard lock(m_mutex);
        m_live.insert(context);
        if (m_cancelled)
            context->TryCancel();
    }
    void remove(grpc::ClientContext *context)
    {
        std::lock_guard lock(m_mutex);
        m_live.erase(context);
    }
    void cancel()
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
        for (grpc::ClientContext *c : m_live)
            c->TryCancel();
    }
    bool isCancelled()
    {
        std::lock_guard lock(m_mutex);
        return m_cancelled;
    }

private:
    std::mutex m_mutex;
    std::set<grpc::ClientContext *> m_live;
    bool m_cancelled = false;
};

} // namespace ops
