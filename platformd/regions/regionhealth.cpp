#include "regions/private/regionhealth.h"

#include "regions/regionstore.h"

#include <grpcpp/health_check_service_interface.h>
#include <spdlog/spdlog.h>

namespace platformd::regions {

namespace pb = ops::platform::v1;

RegionHealthPublisher::RegionHealthPublisher(RegionStore &store,
                                             grpc::HealthCheckServiceInterface *health)
    : m_store(store)
    , m_health(health)
{}

RegionHealthPublisher::~RegionHealthPublisher()
{
    stop();
}

void RegionHealthPublisher::start()
{
    if (!m_thread.joinable())
        m_thread = std::thread([this] { run(); });
}

void RegionHealthPublisher::stop()
{
    m_stopping = true;
    if (m_thread.joinable())
        m_thread.join();
}

void RegionHealthPublisher::run()
{
    using namespace std::chrono_literals;
    const auto publish = [this](const pb::Region &r) {
        m_health->SetServingStatus(r.name(), r.status() != pb::DOWN);
    };
    core::Feed &feed = m_store.feed();
    while (!m_stopping) {
        // The feed's position before listing: nothing between the snapshot and what follows is
        // lost; entries the snapshot already covers are skipped.
        std::int64_t at = feed.latest();
        std::int64_t listed = 0;
        try {
            const auto snapshot = m_store.listRegions();
            listed = snapshot.revision;
            for (const pb::Region &r : snapshot.items)
                publish(r);
        } catch (const std::exception &e) {
            spdlog::error("region health: {}", e.what());
        }
        std::vector<core::FeedEntry> entries;
        while (!m_stopping) {
            entries.clear();
            if (feed.wait(at, 200ms, 256, &entries) == core::Feed::Take::Behind)
                break; // fell behind what the feed keeps: list again
            for (const core::FeedEntry &entry : entries) {
                at = entry.revision;
                if (entry.revision <= listed)
                    continue;
                for (const ChangeBatch::Event &e : entry.as<ChangeBatch>().events) {
                    if (e.kind != ResourceKind::Region)
                        continue;
                    pb::RegionEvent event;
                    if (event.ParseFromString(e.bytes) && event.has_region())
                        publish(event.region());
                }
            }
        }
    }
}

} // namespace platformd::regions
