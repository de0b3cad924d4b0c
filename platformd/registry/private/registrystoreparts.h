#pragma once

// What the registry store's files share (registrystore.cpp, registryseed.cpp): time helpers and
// the versions' default order.
#include "registry/registrystore.h"

#include <google/protobuf/timestamp.pb.h>

#include <chrono>
#include <cstdint>
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
