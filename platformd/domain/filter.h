#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace google::protobuf {
class Descriptor;
class FieldDescriptor;
class Message;
} // namespace google::protobuf

namespace platformd::domain {

// Where a filter went wrong: 0-based character offset into the filter text, and what.
struct FilterError
{
    int position = 0;
    std::string message;
    // "filter: at position 17: unknown field "latncy""
    std::string format() const;
};

// An AIP-160 filter, parsed and type-checked against a message type once, then evaluated against
// any number of messages of that type via reflection. Empty text matches everything.
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

} // namespace platformd::domain
