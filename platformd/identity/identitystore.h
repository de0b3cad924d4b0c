#pragma once

#include "core/caller.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platformd::core {
class Store;
}

// User and API token administration, shared by IdentityService and the `platformd user|token`
// commands (the core reads the same tables to authenticate, core/caller.h). Every mutation is
// validated, then applied and audited in one transaction (Store::audited). Statuses name the
// offending field.
namespace platformd::identity {

grpc::Status createUser(core::Store &store, const core::Caller &actor, const std::string &userId,
                        const std::string &displayName, const std::vector<std::string> &roles,
                        core::User *out);
grpc::Status updateUserRoles(core::Store &store, const core::Caller &actor,
                             const std::string &userId, const std::vector<std::string> &roles,
                             core::User *out);
// ttlSeconds 0: never expires. secret receives the token, once.
grpc::Status createToken(core::Store &store, const core::Caller &actor, const std::string &userId,
                         const std::string &description, std::int64_t ttlSeconds, core::Token *out,
                         std::string *secret);
grpc::Status revokeToken(core::Store &store, const core::Caller &actor, const std::string &tokenId,
                         core::Token *out);

std::vector<core::User> listUsers(core::Store &store);
std::optional<core::User> findUser(core::Store &store, const std::string &userId);
// userId empty: every user's tokens.
std::vector<core::Token> listTokens(core::Store &store, const std::string &userId);

// On a data dir without users: creates `admin` (admin, manager, compliance_officer) and a token,
// written to adminTokenPath with mode 0600. Returns true when it bootstrapped.
bool bootstrapAdmin(core::Store &store, const std::string &adminTokenPath);

} // namespace platformd::identity
