#pragma once

#include "core/filter.h"

#include <string>
#include <string_view>
#include <vector>

namespace platformd::core {

// An AIP-132 order_by ("status desc, health.latency_p95_ms") checked against a message type, and
// a reflection comparator over it. Ties are broken by `name` when the type has one.
class Ordering
{
public:
    // On failure, error says e.g. `order_by: unknown field "latncy"`.
    static bool parse(std::string_view text, const google::protobuf::Descriptor *type,
                      Ordering *out, std::string *error);
    bool less(const google::protobuf::Message &a, const google::protobuf::Message &b) const;

private:
    struct Key
    {
        FieldPath path;
        bool descending = false;
    };
    std::vector<Key> m_keys;
};

} // namespace platformd::core
