#include "api/identityservice.h"

#include "version.h"

#include "ops/platform/v1/identity.grpc.pb.h"

namespace platformd::api {

namespace {

namespace pb = ops::platform::v1;

class IdentityServiceImpl final : public pb::IdentityService::Service
{
public:
    grpc::Status WhoAmI(grpc::ServerContext *, const pb::WhoAmIRequest *,
                        pb::WhoAmIResponse *response) override
    {
        response->set_user("users/admin");
        response->set_display_name("Administrator");
        response->add_roles("admin");
        for (const char *permission : {"regions.list", "regions.get", "regions.watch",
                                       "regions.metrics", "edgeNodes.list", "components.list",
                                       "identity.whoami"})
            response->add_permissions(permission);
        response->set_server_version(std::string("platformd ") + kVersion);
        return grpc::Status::OK;
    }
};

} // namespace

std::unique_ptr<grpc::Service> makeIdentityService()
{
    return std::make_unique<IdentityServiceImpl>();
}

} // namespace platformd::api
