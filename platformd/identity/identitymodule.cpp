#include "identity/identitymodule.h"

#include "core/caller.h"
#include "core/store.h"
#include "identity/private/identityservice.h"

#include <grpcpp/impl/codegen/service_type.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace platformd::identity {

namespace {

const std::string kPrefix = "/ops.platform.v1.IdentityService/";

// On a store other replicas share: a token revoked or a user's roles changed in another replica
// (or by the CLI) must end this replica's open streams of that caller too. Such changes are
// audited (resource users/… or tokens/…) and the audit feed follows every replica's commits, so
// each one seen moves the access epoch here (core::bumpAccessEpoch; open streams re-check).
class IdentityRuntime final : public core::ModuleRuntime
{
public:
    explicit IdentityRuntime(const core::ModuleContext &context)
        : m_service(makeIdentityService(context))
    {
        if (!context.store.shared())
            return; // one process: the change bumped the epoch itself
        core::Feed &feed = context.store.auditFeed();
        m_thread = std::thread([this, &feed, after = feed.latest()]() mutable {
            std::vector<core::FeedEntry> entries;
            while (!m_stop.load()) {
                entries.clear();
                switch (feed.wait(after, std::chrono::milliseconds(200), 256, &entries)) {
                case core::Feed::Take::Entries:
                    for (const core::FeedEntry &e : entries) {
                        const std::string &resource = e.as<core::audit::Entry>().resource;
                        if (resource.starts_with("users/") || resource.starts_with("tokens/"))
                            core::bumpAccessEpoch();
                        after = e.revision;
                    }
                    break;
                case core::Feed::Take::Behind: // fell behind what the feed keeps: re-check all
                    core::bumpAccessEpoch();
                    after = feed.latest();
                    break;
                case core::Feed::Take::None:
                    break;
                }
            }
        });
    }
    ~IdentityRuntime() override { stop(); }
    std::vector<grpc::Service *> services() override { return {m_service.get()}; }
    void closeStreams() override { stop(); }

private:
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    std::unique_ptr<grpc::Service> m_service;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace

core::Module module()
{
    core::Module m;
    m.name = "identity";
    m.services = {"ops.platform.v1.IdentityService"};
    m.methods = {
        {kPrefix + "WhoAmI", "identity.self"},        {kPrefix + "ListUsers", "users.read"},
        {kPrefix + "ListTokens", "users.read"},       {kPrefix + "CreateUser", "users.write"},
        {kPrefix + "UpdateUserRoles", "users.write"}, {kPrefix + "CreateToken", "tokens.write"},
        {kPrefix + "RevokeToken", "tokens.write"},
    };
    m.grants = {
        {"viewer", {"identity.self"}},
        {"compliance_officer", {"identity.self", "users.read"}},
        {"admin", {"identity.self", "users.read", "users.write", "tokens.write"}},
    };
    // The users and tokens tables (migration 3) belong to the core: it authenticates every call.
    m.open = [](const core::ModuleContext &context) {
        return std::make_unique<IdentityRuntime>(context);
    };
    return m;
}

} // namespace platformd::identity
