#pragma once

// What the registry store's files share (registrystore.cpp, registryseed.cpp,
// registryreplica.cpp): time helpers, the versions' default order, approval numbers and the
// channel that tells other replicas about a commit.
#include "registry/registrystore.h"

#include <google/protobuf/timestamp.pb.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace platformd::registry {

inline std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

inline std::int64_t micros(const google::protobuf::Timestamp &t)
{
    return t.seconds() * 1000000 + t.nanos() / 1000;
}

// Notified (core::Store::notifyCommit) with the revision of each registry commit.
inline constexpr const char *kRegistryChannel = "platformd_registry";

// N of an approval request named …/approvalRequests/ar-N; 0 for any other name.
inline std::int64_t approvalNumber(const std::string &name)
{
    const std::string id = name.substr(name.rfind('/') + 1);
    return id.starts_with("ar-") ? std::int64_t(std::atoll(id.c_str() + 3)) : 0;
}

// Default order of versions: create_time desc, then name.
struct ByCreate
{
    const std::vector<std::int64_t> &create;
    const std::vector<VersionPtr> &versions;
    bool operator()(std::uint32_t a, std::uint32_t b) const
    {
        if (create[a] != create[b])
            return create[a] > create[b];
        return versions[a]->name() < versions[b]->name();
    }
};

} // namespace platformd::registry
