#include "regions/private/regionhealth.h"

#include "core/store.h"

#include <grpcpp/health_check_service_interface.h>
#include <spdlog/spdlog.h>

namespace platformd::regions {

namespace pb = ops::platform::v1;

RegionHealthPublisher::RegionHealthPublisher(core::Store &store,
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
    while (!m_stopping) {
        // Subscribe before listing, so nothing between the snapshot and the first batch is lost;
        // batches the snapshot already covers are skipped.
        auto subscription = m_store.hub().subscribe(1024);
        std::int64_t listed = 0;
        try {
            const auto snapshot = m_store.listRegions();
            listed = snapshot.revision;
            for (const pb::Region &r : snapshot.items)
                publish(r);
        } catch (const std::exception &e) {
            spdlog::error("region health: {}", e.what());
        }
        bool resync = false;
        while (!m_stopping && !resync) {
            core::BatchPtr batch;
            switch (subscription->pop(200ms, &batch)) {
            case core::Subscription::Wait::Timeout:
                continue;
            case core::Subscription::Wait::Closed:
                m_store.hub().unsubscribe(subscription);
                return;
            case core::Subscription::Wait::Overflow:
                resync = true;
                continue;
            case core::Subscription::Wait::Batch:
                break;
            }
            if (batch->revision <= listed)
                continue;
            for (const core::ChangeBatch::Event &e : batch->events) {
                if (e.kind != core::ResourceKind::Region)
                    continue;
                pb::RegionEvent event;
                if (event.ParseFromString(e.bytes) && event.has_region())
                    publish(event.region());
            }
        }
        m_store.hub().unsubscribe(subscription);
    }
}

} // namespace platformd::regions
