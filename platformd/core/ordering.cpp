#include "core/ordering.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <cctype>

namespace platformd::core {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.remove_suffix(1);
    return s;
}

template<typename T>
int cmp(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compareLeaf(const Message &a, const Message &b, const FieldDescriptor *f)
{
    const auto *ra = a.GetReflection();
    const auto *rb = b.GetReflection();
    switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
        return cmp(ra->GetInt32(a, f), rb->GetInt32(b, f));
    case FieldDescriptor::CPPTYPE_INT64:
        return cmp(ra->GetInt64(a, f), rb->GetInt64(b, f));
    case FieldDescriptor::CPPTYPE_UINT32:
        return cmp(ra->GetUInt32(a, f), rb->GetUInt32(b, f));
    case FieldDescriptor::CPPTYPE_UINT64:
        return cmp(ra->GetUInt64(a, f), rb->GetUInt64(b, f));
    case FieldDescriptor::CPPTYPE_FLOAT:
        return cmp(ra->GetFloat(a, f), rb->GetFloat(b, f));
    case FieldDescriptor::CPPTYPE_DOUBLE:
        return cmp(ra->GetDouble(a, f), rb->GetDouble(b, f));
    case FieldDescriptor::CPPTYPE_BOOL:
        return cmp(ra->GetBool(a, f), rb->GetBool(b, f));
    case FieldDescriptor::CPPTYPE_ENUM:
        return cmp(ra->GetEnumValue(a, f), rb->GetEnumValue(b, f));
    case FieldDescriptor::CPPTYPE_STRING: {
        std::string sa, sb;
        return cmp<std::string_view>(ra->GetStringReference(a, f, &sa),
                                     rb->GetStringReference(b, f, &sb));
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: { // google.protobuf.Timestamp
        const Message &ma = ra->GetMessage(a, f);
        const Message &mb = rb->GetMessage(b, f);
        const Descriptor *d = ma.GetDescriptor();
        const auto *sec = d->FindFieldByNumber(1);
        const auto *nan = d->FindFieldByNumber(2);
        if (const int c =
                cmp(ma.GetReflection()->GetInt64(ma, sec), mb.GetReflection()->GetInt64(mb, sec)))
            return c;
        return cmp(ma.GetReflection()->GetInt32(ma, nan), mb.GetReflection()->GetInt32(mb, nan));
    }
    }
    return 0;
}

} // namespace

bool Ordering::parse(std::string_view text, const Descriptor *type, Ordering *out,
                     std::string *error)
{
    out->m_keys.clear();
    std::string_view rest = text;
    while (!trim(rest).empty()) {
        const size_t comma = rest.find(',');
        const std::string_view part = trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        if (part.empty()) {
            *error = "order_by: empty field in \"" + std::string(text) + "\"";
            return false;
        }
        const size_t space = part.find_first_of(" \t");
        const std::string_view path = part.substr(0, space);
        const std::string_view direction =
            space == std::string_view::npos ? std::string_view() : trim(part.substr(space));
        Key key;
        if (direction == "desc") {
            key.descending = true;
        } else if (!direction.empty() && direction != "asc") {
            *error = "order_by: expected \"desc\" after \"" + std::string(path) + "\", got \"" +
                     std::string(direction) + "\"";
            return false;
        }
        size_t badOffset = 0;
        std::string badSegment;
        if (!resolveFieldPath(type, path, &key.path, &badOffset, &badSegment)) {
            *error = "order_by: unknown field \"" + std::string(path) + "\"";
            return false;
        }
        const FieldDescriptor *leaf = key.path.back();
        if (leaf->is_repeated() ||
            (leaf->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
             leaf->message_type()->full_name() != "google.protobuf.Timestamp")) {
            *error = "order_by: cannot sort by \"" + std::string(path) + "\"";
            return false;
        }
        out->m_keys.push_back(std::move(key));
    }
    if (const FieldDescriptor *name = type->FindFieldByName("name");
        name && name->cpp_type() == FieldDescriptor::CPPTYPE_STRING && !name->is_repeated())
        out->m_keys.push_back({{name}, false});
    return true;
}

bool Ordering::less(const Message &a, const Message &b) const
{
    for (const Key &key : m_keys) {
        int c = compareLeaf(leafParent(a, key.path), leafParent(b, key.path), key.path.back());
        if (key.descending)
            c = -c;
        if (c)
            return c < 0;
    }
    return false;
}

} // namespace platformd::core
