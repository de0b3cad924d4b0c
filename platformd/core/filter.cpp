#include "core/filter.h"

#include "core/filternode.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>
#include <google/protobuf/util/time_util.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <variant>

namespace platformd::core {

using filtering::isTimestamp;
using filtering::Op;
using filtering::Presence;
using filtering::Timestamp;
using filtering::Value;
using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

std::string FilterError::format() const
{
    return "filter: at position " + std::to_string(position) + ": " + message;
}

bool resolveFieldPath(const Descriptor *type, std::string_view path, FieldPath *out,
                      size_t *badOffset, std::string *badSegment)
{
    out->clear();
    size_t start = 0;
    const Descriptor *current = type;
    for (;;) {
        const size_t dot = path.find('.', start);
        const std::string segment(
            path.substr(start, dot == std::string_view::npos ? dot : dot - start));
        const FieldDescriptor *field = current ? current->FindFieldByName(segment) : nullptr;
        if (!field || (!out->empty() && out->back()->is_repeated())) {
            *badOffset = start;
            *badSegment = segment;
            return false;
        }
        out->push_back(field);
        if (dot == std::string_view::npos)
            return true;
        current =
            field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ? field->message_type() : nullptr;
        start = dot + 1;
    }
}

const Message &leafParent(const Message &message, const FieldPath &path)
{
    const Message *m = &message;
    for (size_t i = 0; i + 1 < path.size(); ++i)
        m = &m->GetReflection()->GetMessage(*m, path[i]);
    return *m;
}

namespace {

bool globMatch(std::string_view pattern, std::string_view text)
{
    size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

template<typename T>
bool compareOrdered(const T &a, Op op, const T &b)
{
    switch (op) {
    case Op::Eq:
    case Op::Has:
        return a == b;
    case Op::Ne:
        return a != b;
    case Op::Lt:
        return a < b;
    case Op::Gt:
        return a > b;
    case Op::Le:
        return a <= b;
    case Op::Ge:
        return a >= b;
    }
    return false;
}

// A map entry's key as text (string keys as they are, integer and bool keys in decimal).
std::string mapKeyText(const Message &entry, const FieldDescriptor *keyField)
{
    const Reflection *r = entry.GetReflection();
    switch (keyField->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
        return r->GetString(entry, keyField);
    case FieldDescriptor::CPPTYPE_INT32:
        return std::to_string(r->GetInt32(entry, keyField));
    case FieldDescriptor::CPPTYPE_INT64:
        return std::to_string(r->GetInt64(entry, keyField));
    case FieldDescriptor::CPPTYPE_UINT32:
        return std::to_string(r->GetUInt32(entry, keyField));
    case FieldDescriptor::CPPTYPE_UINT64:
        return std::to_string(r->GetUInt64(entry, keyField));
    case FieldDescriptor::CPPTYPE_BOOL:
        return r->GetBool(entry, keyField) ? "true" : "false";
    default:
        return {};
    }
}

} // namespace

bool Filter::Node::compareOne(const Message &parent, const FieldDescriptor *f, int index) const
{
    const Reflection *r = parent.GetReflection();
    const bool repeated = index >= 0;
    switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: {
        std::string scratch;
        const std::string &s = repeated ? r->GetRepeatedStringReference(parent, f, index, &scratch)
                                        : r->GetStringReference(parent, f, &scratch);
        const std::string &v = std::get<std::string>(value);
        if (op == Op::Has && !repeated)
            return s.find(v) != std::string::npos;
        if (wildcard && (op == Op::Eq || op == Op::Ne || op == Op::Has))
            return globMatch(v, s) == (op != Op::Ne);
        return compareOrdered<std::string_view>(s, op, v);
    }
    case FieldDescriptor::CPPTYPE_BOOL: {
        const bool b = repeated ? r->GetRepeatedBool(parent, f, index) : r->GetBool(parent, f);
        return compareOrdered(b, op, std::get<bool>(value));
    }
    case FieldDescriptor::CPPTYPE_ENUM: {
        const int e =
            repeated ? r->GetRepeatedEnumValue(parent, f, index) : r->GetEnumValue(parent, f);
        return compareOrdered(e, op, std::get<int>(value));
    }
    case FieldDescriptor::CPPTYPE_MESSAGE: {
        const Message &m =
            repeated ? r->GetRepeatedMessage(parent, f, index) : r->GetMessage(parent, f);
        const Reflection *mr = m.GetReflection();
        const Descriptor *d = m.GetDescriptor();
        const Timestamp t{mr->GetInt64(m, d->FindFieldByNumber(1)),
                          mr->GetInt32(m, d->FindFieldByNumber(2))};
        return compareOrdered(t, op, std::get<Timestamp>(value));
    }
    default:
        break;
    }
    double d = 0;
    switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
        d = repeated ? r->GetRepeatedInt32(parent, f, index) : r->GetInt32(parent, f);
        break;
    case FieldDescriptor::CPPTYPE_INT64:
        d = double(repeated ? r->GetRepeatedInt64(parent, f, index) : r->GetInt64(parent, f));
        break;
    case FieldDescriptor::CPPTYPE_UINT32:
        d = repeated ? r->GetRepeatedUInt32(parent, f, index) : r->GetUInt32(parent, f);
        break;
    case FieldDescriptor::CPPTYPE_UINT64:
        d = double(repeated ? r->GetRepeatedUInt64(parent, f, index) : r->GetUInt64(parent, f));
        break;
    case FieldDescriptor::CPPTYPE_FLOAT:
        d = repeated ? r->GetRepeatedFloat(parent, f, index) : r->GetFloat(parent, f);
        break;
    case FieldDescriptor::CPPTYPE_DOUBLE:
        d = repeated ? r->GetRepeatedDouble(parent, f, index) : r->GetDouble(parent, f);
        break;
    default:
        return false;
    }
    return compareOrdered(d, op, std::get<double>(value));
}

bool Filter::Node::eval(const Message &m) const
{
    switch (kind) {
    case Kind::And:
        for (const auto &c : children)
            if (!c->eval(m))
                return false;
        return true;
    case Kind::Or:
        for (const auto &c : children)
            if (c->eval(m))
                return true;
        return false;
    case Kind::Not:
        return !children.front()->eval(m);
    case Kind::Compare:
        break;
    }
    const Message &parent = leafParent(m, path);
    const FieldDescriptor *f = path.back();
    const Reflection *r = parent.GetReflection();
    if (keyed || mapHas) {
        const std::string &key = keyed ? mapKey : std::get<std::string>(value);
        const FieldDescriptor *keyField = f->message_type()->map_key();
        const int n = r->FieldSize(parent, f);
        for (int i = 0; i < n; ++i) {
            const Message &entry = r->GetRepeatedMessage(parent, f, i);
            if (mapKeyText(entry, keyField) != key)
                continue;
            if (!keyed || std::holds_alternative<Presence>(value))
                return true;
            return compareOne(entry, f->message_type()->map_value(), -1);
        }
        return false; // a missing key matches nothing, not even !=
    }
    if (std::holds_alternative<Presence>(value)) {
        if (f->is_repeated())
            return r->FieldSize(parent, f) > 0;
        return r->HasField(parent, f); // proto3 scalars: set means "not the default value"
    }
    if (f->is_repeated()) {
        const int n = r->FieldSize(parent, f);
        for (int i = 0; i < n; ++i)
            if (compareOne(parent, f, i))
                return true;
        return false;
    }
    return compareOne(parent, f, -1);
}

Filter::Filter() = default;
Filter::~Filter() = default;
Filter::Filter(const Filter &) = default;
Filter &Filter::operator=(const Filter &) = default;

bool Filter::matches(const Message &message) const
{
    return !m_root || m_root->eval(message);
}

namespace {

void collectConjuncts(const Filter::Node &node, std::vector<FilterTerm> *out, bool *complete)
{
    if (node.kind == Filter::Node::Kind::And) {
        for (const auto &c : node.children)
            collectConjuncts(*c, out, complete);
        return;
    }
    if (node.kind != Filter::Node::Kind::Compare) {
        *complete = false;
        return;
    }
    FilterTerm t;
    for (const FieldDescriptor *f : node.path)
        t.field += (t.field.empty() ? "" : ".") + f->name();
    t.mapKey = node.keyed ? node.mapKey : std::string();
    t.op = FilterTerm::Op(int(node.op));
    t.wildcard = node.wildcard;
    if (node.mapHas) {
        t.kind = FilterTerm::Kind::String;
        t.text = std::get<std::string>(node.value);
    } else if (const auto *s = std::get_if<std::string>(&node.value)) {
        t.kind = FilterTerm::Kind::String;
        t.text = *s;
    } else if (const auto *d = std::get_if<double>(&node.value)) {
        t.kind = FilterTerm::Kind::Number;
        t.number = *d;
    } else if (const auto *b = std::get_if<bool>(&node.value)) {
        t.kind = FilterTerm::Kind::Bool;
        t.boolean = *b;
    } else if (const auto *e = std::get_if<int>(&node.value)) {
        t.kind = FilterTerm::Kind::Enum;
        t.enumValue = *e;
    } else if (const auto *ts = std::get_if<Timestamp>(&node.value)) {
        t.kind = FilterTerm::Kind::Timestamp;
        t.seconds = ts->seconds;
        t.nanos = ts->nanos;
    } else {
        t.kind = FilterTerm::Kind::Presence;
    }
    out->push_back(std::move(t));
}

} // namespace

std::vector<FilterTerm> Filter::conjuncts(bool *complete) const
{
    std::vector<FilterTerm> out;
    bool all = true;
    if (m_root)
        collectConjuncts(*m_root, &out, &all);
    if (complete)
        *complete = all;
    return out;
}

} // namespace platformd::core
