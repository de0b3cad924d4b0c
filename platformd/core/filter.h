#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace google::protobuf {
class Descriptor;
class FieldDescriptor;
class Message;
} // namespace google::protobuf

namespace platformd::core {

// Where a filter went wrong: 0-based character offset into the filter text, and what.
struct FilterError
{
    int position = 0;
    std::string message;
    // "filter: at position 17: unknown field "latncy""
    std::string format() const;
};

// One comparison ANDed at the top level of a filter (every matching message satisfies it), exposed
// so that a store can answer it from an index before evaluating the whole filter.
struct FilterTerm
{
    enum class Op { Eq, Ne, Lt, Gt, Le, Ge, Has };
    enum class Kind { String, Number, Bool, Enum, Timestamp, Presence };
    std::string field;  // the field path as written, without the map key: "stage", "metrics"
    std::string mapKey; // "accuracy" for metrics.accuracy; empty for other fields
    Op op = Op::Eq;
    Kind kind = Kind::String;
    std::string text;  // String (Has on a map without a key: the key)
    double number = 0; // Number
    bool boolean = false;
    int enumValue = 0;
    std::int64_t seconds = 0; // Timestamp
    std::int32_t nanos = 0;
    bool wildcard = false; // String with '*'
};

// An AIP-160 filter, parsed and type-checked against a message type once, then evaluated against
// any number of messages of that type via reflection. Empty text matches everything.
// Map fields: `metrics.accuracy > 0.9` compares the value under a key (a missing key is false),
// `metrics:accuracy` tests for the key, `metrics:*` for a non-empty map.
// Precedence (as AIP-160): NOT binds tightest, then OR, then AND (juxtaposition is AND).
class Filter
{
public:
    Filter();
    ~Filter();
    Filter(const Filter &);
    Filter &operator=(const Filter &);

    static bool compile(std::string_view text, const google::protobuf::Descriptor *type,
                        Filter *out, FilterError *error);
    bool matches(const google::protobuf::Message &message) const;
    bool empty() const { return !m_root; }
    // The plain comparisons ANDed at the top level. complete (optional) is set to whether they are
    // the whole filter (false when ORs or NOTs were left out).
    std::vector<FilterTerm> conjuncts(bool *complete = nullptr) const;

    struct Node;

private:
    std::shared_ptr<const Node> m_root;
};

using FieldPath = std::vector<const google::protobuf::FieldDescriptor *>;

// Resolves "health.latency_p95_ms" in type. On failure returns false with the offending segment's
// offset within path and its name.
bool resolveFieldPath(const google::protobuf::Descriptor *type, std::string_view path,
                      FieldPath *out, size_t *badOffset, std::string *badSegment);

// The message holding the last field of path (default instances for unset intermediates).
const google::protobuf::Message &leafParent(const google::protobuf::Message &message,
                                            const FieldPath &path);

} // namespace platformd::core
