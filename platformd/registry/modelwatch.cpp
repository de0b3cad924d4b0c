#include "registry/modelwatch.h"

namespace platformd::registry {

void ModelWatchHub::reset(std::int64_t revision)
{
    std::lock_guard lock(m_mutex);
    m_recent.clear();
    m_latest = revision;
}

void ModelWatchHub::publish(ModelBatchPtr batch)
{
    {
        std::lock_guard lock(m_mutex);
        m_latest = batch->revision;
        m_recent.push_back(std::move(batch));
        while (m_recent.size() > m_keep)
            m_recent.pop_front();
    }
    m_cv.notify_all();
}

void ModelWatchHub::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_cv.notify_all();
}

bool ModelWatchHub::closed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

ModelWatchHub::Wait ModelWatchHub::next(std::int64_t after, std::chrono::milliseconds timeout,
                                        size_t limit, std::vector<ModelBatchPtr> *out)
{
    out->clear();
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, timeout, [&] { return m_closed || m_latest > after; });
    if (m_closed)
        return Wait::Closed;
    if (m_latest <= after)
        return Wait::Timeout;
    if (m_recent.empty() || m_recent.front()->revision > after + 1)
        return Wait::History;
    for (const ModelBatchPtr &b : m_recent) {
        if (b->revision <= after)
            continue;
        out->push_back(b);
        if (out->size() >= limit)
            break;
    }
    return Wait::Batches;
}

} // namespace platformd::registry
