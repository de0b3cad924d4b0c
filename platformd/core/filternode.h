#pragma once

// The compiled form of an AIP-160 filter, shared by its parser (filterparser.cpp) and its
// evaluation (filter.cpp); internal to the filter.
#include "core/filter.h"

#include <google/protobuf/descriptor.h>

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace platformd::core {

namespace filtering {

enum class Op { Eq, Ne, Lt, Gt, Le, Ge, Has };

struct Timestamp
{
    std::int64_t seconds = 0;
    std::int32_t nanos = 0;
    auto operator<=>(const Timestamp &) const = default;
};

struct Presence
{
};

using Value = std::variant<std::string, double, bool, int /*enum number*/, Timestamp, Presence>;

inline bool isTimestamp(const google::protobuf::FieldDescriptor *f)
{
    return f->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE &&
           f->message_type()->full_name() == "google.protobuf.Timestamp";
}

} // namespace filtering

struct Filter::Node
{
    enum class Kind { And, Or, Not, Compare } kind;
    std::vector<std::shared_ptr<const Node>> children;
    FieldPath path;
    filtering::Op op = filtering::Op::Eq;
    filtering::Value value;
    bool wildcard = false; // string equality with '*'
    bool keyed = false;    // path ends at a map field; compare the value under mapKey
    std::string mapKey;
    bool mapHas = false; // `map:key`: the key is present (value holds the key)

    bool eval(const google::protobuf::Message &m) const;
    bool compareOne(const google::protobuf::Message &parent,
                    const google::protobuf::FieldDescriptor *f, int index) const;
};

} // namespace platformd::core
