#include "versionpager_p.h"

#include "registryconvert.h"
#include "unarycall_p.h"

#include <utility>

namespace ops {

VersionPager::VersionPager(std::shared_ptr<RegistryChannel> channel,
                           pb::ListModelVersionsRequest request, bool light, int firstPageSize,
                           bool hold, Deliver deliver)
    : m_channel(std::move(channel))
    , m_template(std::move(request))
    , m_light(light)
    , m_firstPageSize(firstPageSize)
    , m_hold(hold)
    , m_deliver(std::move(deliver))
{}

void VersionPager::resume()
{
    std::string token;
    {
        std::lock_guard lock(m_mutex);
        m_resumed = true;
        token = std::exchange(m_heldToken, {});
    }
    if (!token.empty())
        issue(token, 1);
}

std::shared_ptr<RegistryChannel> VersionPager::takeChannel()
{
    std::lock_guard lock(m_mutex);
    return std::move(m_channel);
}

void VersionPager::issue(const std::string &token, int index)
{
    std::shared_ptr<RegistryChannel> channel;
    pb::ListModelVersionsRequest request;
    {
        std::lock_guard lock(m_mutex);
        channel = m_channel;
        request = m_template;
    }
    if (!channel)
        return;
    request.set_page_token(token);
    if (index == 0 && m_firstPageSize > 0 && token.empty())
        request.set_page_size(m_firstPageSize);
    startUnary<pb::ListModelVersionsResponse>(
        *channel, kRegistryPageDeadline, std::move(request),
        RegistryChannel::call(&RegistryChannel::Async::ListModelVersions),
        [self = shared_from_this(), index](auto &call, const grpc::Status &status) {
            self->done(call.request, call.response, index, status);
        },
        m_calls);
}

void VersionPager::done(const pb::ListModelVersionsRequest &request,
                        pb::ListModelVersionsResponse &response, int index,
                        const grpc::Status &status)
{
    if (m_calls->isCancelled())
        return;
    if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED && request.page_size() > 50) {
        // The page exceeded the message limit: ask for the same page, smaller.
        {
            std::lock_guard lock(m_mutex);
            m_template.set_page_size(request.page_size() / 2);
        }
        return issue(request.page_token(), index);
    }
    ModelRegistryClient::VersionPage page;
    page.index = index;
    if (!status.ok()) {
        page.last = true;
        page.error = convert::toRegistryError(
            status, ModelRegistryClient::tr("Could not list the model versions"));
        return m_deliver(std::move(page));
    }
    const std::string &token = response.next_page_token();
    bool held = false;
    if (!token.empty() && index == 0 && m_hold) {
        std::lock_guard lock(m_mutex);
        held = !m_resumed;
        if (held)
            m_heldToken = token;
    }
    if (!token.empty() && !held)
        issue(token, index + 1); // pipelined: the server works while we convert
    page.totalSize = response.total_size();
    page.revision = response.revision();
    page.last = token.empty();
    page.versions.reserve(response.model_versions_size());
    for (const pb::ModelVersion &v : response.model_versions())
        page.versions.append(convert::toModelVersionInfo(v, m_light));
    // Free the wire form before the (possibly queued) GUI work.
    response.Clear();
    m_deliver(std::move(page));
}

} // namespace ops
