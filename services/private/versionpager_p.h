#pragma once

// Private to services/: ModelRegistryClient's version listing, page by page, pipelined.

#include "callset_p.h"
#include "stubchannel_p.h"

#include "services/modelregistryclient.h"

#include "ops/platform/v1/models.grpc.pb.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace ops {

using RegistryChannel = StubChannel<pb::ModelRegistryService>;

// Each page of a registry listing may take this long (a page of versions is large).
inline constexpr std::chrono::seconds kRegistryPageDeadline{30};

// One version listing: every page is its own call, so the next page is requested before the
// current one is converted (pipelined); pages are numbered and the GUI side delivers them in order.
// A page too large for the channel is retried at half the size. `deliver` runs on gRPC threads.
class VersionPager : public std::enable_shared_from_this<VersionPager>
{
public:
    using Deliver = std::function<void(ModelRegistryClient::VersionPage page)>;

    VersionPager(std::shared_ptr<RegistryChannel> channel, pb::ListModelVersionsRequest request,
                 bool light, int firstPageSize, bool hold, Deliver deliver);

    void start() { issue({}, 0); }
    void resume(); // the pages after the first, when held
    void cancel() { m_calls->cancel(); }
    // GUI thread: the pager's reference to the channel, for releaseOnGui() (the pager itself may
    // die on a gRPC thread).
    std::shared_ptr<RegistryChannel> takeChannel();

private:
    void issue(const std::string &token, int index);
    void done(const pb::ListModelVersionsRequest &request, pb::ListModelVersionsResponse &response,
              int index, const grpc::Status &status);

    std::mutex m_mutex;
    std::shared_ptr<RegistryChannel> m_channel;
    pb::ListModelVersionsRequest m_template;
    const bool m_light;
    const int m_firstPageSize;
    const bool m_hold;
    std::string m_heldToken; // the page after the first, while held
    bool m_resumed = false;
    Deliver m_deliver;
    const std::shared_ptr<CallSet> m_calls = std::make_shared<CallSet>();
};

} // namespace ops
