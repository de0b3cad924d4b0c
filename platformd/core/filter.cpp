#include "core/filter.h"

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

bool isTimestamp(const FieldDescriptor *f)
{
    return f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
           f->message_type()->full_name() == "google.protobuf.Timestamp";
}

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

struct Filter::Node
{
    enum class Kind { And, Or, Not, Compare } kind;
    std::vector<std::shared_ptr<const Node>> children;
    FieldPath path;
    Op op = Op::Eq;
    Value value;
    bool wildcard = false; // string equality with '*'
    bool keyed = false;    // path ends at a map field; compare the value under mapKey
    std::string mapKey;
    bool mapHas = false; // `map:key`: the key is present (value holds the key)

    bool eval(const Message &m) const;
    bool compareOne(const Message &parent, const FieldDescriptor *f, int index) const;
};

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

namespace {

struct Token
{
    enum class Type { End, LParen, RParen, Op, String, Text } type = Type::End;
    std::string text;
    int pos = 0;
};

class Parser
{
public:
    Parser(std::string_view text, const Descriptor *type)
        : m_text(text)
        , m_type(type)
    {}

    bool parse(std::shared_ptr<const Filter::Node> *root, FilterError *error)
    {
        if (!tokenize())
            return fail(error);
        if (peek().type == Token::Type::End) {
            root->reset();
            return true;
        }
        auto node = expression();
        if (node && peek().type != Token::Type::End) {
            const Token &t = peek();
            setError(t.pos, t.type == Token::Type::RParen ? "unbalanced parenthesis"
                                                          : "unexpected " + describe(t));
            node.reset();
        }
        if (!node)
            return fail(error);
        *root = std::move(node);
        return true;
    }

private:
    using NodePtr = std::shared_ptr<Filter::Node>;

    bool fail(FilterError *error)
    {
        *error = m_error;
        return false;
    }
    void setError(int pos, std::string message)
    {
        if (!m_failed) {
            m_failed = true;
            m_error = {pos, std::move(message)};
        }
    }
    static bool isSpecial(char c)
    {
        return c == '(' || c == ')' || c == '=' || c == '<' || c == '>' || c == '!' || c == ':' ||
               c == '"' || c == '\'' || std::isspace(static_cast<unsigned char>(c));
    }

    bool tokenize()
    {
        size_t i = 0;
        const size_t n = m_text.size();
        while (i < n) {
            const char c = m_text[i];
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++i;
                continue;
            }
            Token t;
            t.pos = int(i);
            if (c == '(' || c == ')') {
                t.type = c == '(' ? Token::Type::LParen : Token::Type::RParen;
                t.text = std::string(1, c);
                ++i;
            } else if (c == '=' || c == ':') {
                t.type = Token::Type::Op;
                t.text = std::string(1, c);
                ++i;
            } else if (c == '<' || c == '>' || c == '!') {
                t.type = Token::Type::Op;
                if (i + 1 < n && m_text[i + 1] == '=') {
                    t.text = std::string(m_text.substr(i, 2));
                    i += 2;
                } else if (c == '!') {
                    setError(int(i), "unexpected \"!\" (did you mean \"!=\" or NOT?)");
                    return false;
                } else {
                    t.text = std::string(1, c);
                    ++i;
                }
            } else if (c == '"' || c == '\'') {
                t.type = Token::Type::String;
                ++i;
                bool closed = false;
                while (i < n) {
                    if (m_text[i] == '\\' && i + 1 < n) {
                        t.text += m_text[i + 1];
                        i += 2;
                    } else if (m_text[i] == c) {
                        closed = true;
                        ++i;
                        break;
                    } else {
                        t.text += m_text[i++];
                    }
                }
                if (!closed) {
                    setError(t.pos, "unterminated string");
                    return false;
                }
            } else {
                t.type = Token::Type::Text;
                while (i < n && !isSpecial(m_text[i]))
                    t.text += m_text[i++];
            }
            m_tokens.push_back(std::move(t));
        }
        m_tokens.push_back({Token::Type::End, {}, int(n)});
        return true;
    }

    const Token &peek() const { return m_tokens[m_pos]; }
    Token take() { return m_tokens[m_pos++]; }
    static bool isKeyword(const Token &t, const char *word)
    {
        return t.type == Token::Type::Text && t.text == word;
    }
    static std::string describe(const Token &t)
    {
        switch (t.type) {
        case Token::Type::End:
            return "end of filter";
        case Token::Type::String:
            return "\"" + t.text + "\"";
        default:
            return "\"" + t.text + "\"";
        }
    }
    bool atSequenceEnd() const
    {
        const Token &t = peek();
        return t.type == Token::Type::End || t.type == Token::Type::RParen || isKeyword(t, "AND") ||
               isKeyword(t, "OR");
    }

    static NodePtr combine(Filter::Node::Kind kind, std::vector<NodePtr> parts)
    {
        if (parts.size() == 1)
            return parts.front();
        auto node = std::make_shared<Filter::Node>();
        node->kind = kind;
        node->children.assign(parts.begin(), parts.end());
        return node;
    }

    // expression := sequence { AND sequence }
    NodePtr expression()
    {
        std::vector<NodePtr> parts;
        for (;;) {
            auto s = sequence();
            if (!s)
                return nullptr;
            parts.push_back(std::move(s));
            if (!isKeyword(peek(), "AND"))
                break;
            take();
            if (atSequenceEnd()) {
                setError(peek().pos, "expected an expression after AND");
                return nullptr;
            }
        }
        return combine(Filter::Node::Kind::And, std::move(parts));
    }

    // sequence := factor { factor }   (juxtaposition is AND)
    NodePtr sequence()
    {
        std::vector<NodePtr> parts;
        do {
            auto f = factor();
            if (!f)
                return nullptr;
            parts.push_back(std::move(f));
        } while (!atSequenceEnd());
        return combine(Filter::Node::Kind::And, std::move(parts));
    }

    // factor := term { OR term }
    NodePtr factor()
    {
        std::vector<NodePtr> parts;
        for (;;) {
            auto t = term();
            if (!t)
                return nullptr;
            parts.push_back(std::move(t));
            if (!isKeyword(peek(), "OR"))
                break;
            take();
            if (atSequenceEnd()) {
                setError(peek().pos, "expected an expression after OR");
                return nullptr;
            }
        }
        return combine(Filter::Node::Kind::Or, std::move(parts));
    }

    // term := [NOT | -] simple
    NodePtr term()
    {
        Token &t = m_tokens[m_pos];
        bool negate = false;
        if (isKeyword(t, "NOT")) {
            take();
            negate = true;
        } else if (t.type == Token::Type::Text && t.text.starts_with('-')) {
            negate = true;
            if (t.text.size() == 1) {
                take();
            } else {
                t.text.erase(0, 1);
                t.pos += 1;
            }
        }
        if (negate && atSequenceEnd()) {
            setError(peek().pos, "expected an expression after NOT");
            return nullptr;
        }
        auto s = simple();
        if (!s || !negate)
            return s;
        auto node = std::make_shared<Filter::Node>();
        node->kind = Filter::Node::Kind::Not;
        node->children.push_back(std::move(s));
        return node;
    }

    // simple := ( expression ) | restriction
    NodePtr simple()
    {
        const Token &t = peek();
        if (t.type == Token::Type::LParen) {
            const Token open = take();
            // The parser recurses once per parenthesis: bound it, or one request could overflow
            // the server's stack.
            if (m_depth >= kMaxNesting) {
                setError(open.pos, "parentheses nested deeper than " + std::to_string(kMaxNesting));
                return nullptr;
            }
            if (peek().type == Token::Type::RParen) {
                setError(peek().pos, "expected an expression inside parentheses");
                return nullptr;
            }
            ++m_depth;
            auto e = expression();
            --m_depth;
            if (!e)
                return nullptr;
            if (peek().type != Token::Type::RParen) {
                setError(peek().type == Token::Type::End ? open.pos : peek().pos,
                         peek().type == Token::Type::End ? "unbalanced parenthesis"
                                                         : "unexpected " + describe(peek()));
                return nullptr;
            }
            take();
            return e;
        }
        return restriction();
    }

    NodePtr restriction()
    {
        const Token field = take();
        if (field.type == Token::Type::RParen) {
            setError(field.pos, "unbalanced parenthesis");
            return nullptr;
        }
        if (field.type != Token::Type::Text || isKeyword(field, "AND") || isKeyword(field, "OR") ||
            isKeyword(field, "NOT")) {
            setError(field.pos, field.type == Token::Type::End
                                    ? "expected an expression"
                                    : "expected a field name, got " + describe(field));
            return nullptr;
        }
        auto node = std::make_shared<Filter::Node>();
        node->kind = Filter::Node::Kind::Compare;
        size_t badOffset = 0;
        std::string badSegment;
        if (!resolveFieldPath(m_type, field.text, &node->path, &badOffset, &badSegment) &&
            !resolveMapKey(field.text, node.get())) {
            setError(field.pos + int(badOffset), "unknown field \"" + badSegment + "\"");
            return nullptr;
        }
        if (peek().type != Token::Type::Op) {
            setError(peek().pos, "expected a comparison operator after \"" + field.text + "\"");
            return nullptr;
        }
        const Token op = take();
        static const std::pair<const char *, Op> ops[] = {
            {"=", Op::Eq},  {"!=", Op::Ne}, {"<", Op::Lt}, {">", Op::Gt},
            {"<=", Op::Le}, {">=", Op::Ge}, {":", Op::Has}};
        for (const auto &[text, value] : ops)
            if (op.text == text)
                node->op = value;
        const Token &v = peek();
        if ((v.type != Token::Type::Text && v.type != Token::Type::String) || isKeyword(v, "AND") ||
            isKeyword(v, "OR") || isKeyword(v, "NOT")) {
            setError(v.pos, "expected a value after \"" + op.text + "\"");
            return nullptr;
        }
        const Token value = take();
        if (!typeValue(*node, field, op, value))
            return nullptr;
        return node;
    }

    // "metrics.accuracy": the longest prefix naming a map field, the rest its key.
    bool resolveMapKey(const std::string &text, Filter::Node *node)
    {
        for (size_t dot = text.rfind('.'); dot != std::string::npos && dot > 0;
             dot = text.rfind('.', dot - 1)) {
            FieldPath path;
            size_t badOffset = 0;
            std::string badSegment;
            if (dot + 1 < text.size() &&
                resolveFieldPath(m_type, std::string_view(text).substr(0, dot), &path, &badOffset,
                                 &badSegment) &&
                path.back()->is_map()) {
                node->path = std::move(path);
                node->keyed = true;
                node->mapKey = text.substr(dot + 1);
                return true;
            }
            if (dot == 0)
                break;
        }
        return false;
    }

    bool typeValue(Filter::Node &node, const Token &field, const Token &op, const Token &value)
    {
        const FieldDescriptor *f = node.path.back();
        const bool quoted = value.type == Token::Type::String;
        const std::string &v = value.text;
        const bool ordering =
            node.op == Op::Lt || node.op == Op::Gt || node.op == Op::Le || node.op == Op::Ge;
        if (node.op == Op::Has && !quoted && v == "*") {
            node.value = Presence{};
            return true;
        }
        if (node.keyed) {
            f = f->message_type()->map_value(); // compare the value under the key
        } else if (f->is_map()) {
            if (node.op != Op::Has) {
                setError(op.pos, "map field \"" + field.text +
                                     "\" supports only \":\" or a key (\"" + field.text +
                                     ".KEY\")");
                return false;
            }
            node.mapHas = true;
            node.value = v;
            return true;
        }
        if (f->is_repeated() && node.op != Op::Has) {
            setError(op.pos, "repeated field \"" + field.text + "\" supports only \":\"");
            return false;
        }
        switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING:
            node.value = v;
            node.wildcard = v.find('*') != std::string::npos;
            return true;
        case FieldDescriptor::CPPTYPE_BOOL:
            if (ordering) {
                setError(op.pos, "\"" + op.text + "\" is not defined for boolean field \"" +
                                     field.text + "\"");
                return false;
            }
            if (v != "true" && v != "false") {
                setError(value.pos,
                         "expected true or false for \"" + field.text + "\", got \"" + v + "\"");
                return false;
            }
            node.value = v == "true";
            return true;
        case FieldDescriptor::CPPTYPE_ENUM: {
            if (ordering) {
                setError(op.pos, "\"" + op.text + "\" is not defined for enum field \"" +
                                     field.text + "\"; use = or !=");
                return false;
            }
            const auto *e = f->enum_type()->FindValueByName(v);
            if (!e) {
                setError(value.pos,
                         "\"" + v + "\" is not a value of " + f->enum_type()->full_name());
                return false;
            }
            node.value = e->number();
            return true;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE: {
            if (!isTimestamp(f)) {
                setError(op.pos, "\"" + field.text +
                                     "\" is a message; compare one of its fields or use \"" +
                                     field.text + ":*\"");
                return false;
            }
            google::protobuf::Timestamp ts;
            if (!google::protobuf::util::TimeUtil::FromString(v, &ts)) {
                setError(value.pos,
                         "\"" + v +
                             "\" is not an RFC 3339 timestamp (e.g. \"2026-01-01T00:00:00Z\")");
                return false;
            }
            node.value = Timestamp{ts.seconds(), ts.nanos()};
            return true;
        }
        default: {
            errno = 0;
            char *end = nullptr;
            const double d = std::strtod(v.c_str(), &end);
            if (quoted || v.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(d)) {
                setError(value.pos,
                         "expected a number for \"" + field.text + "\", got \"" + v + "\"");
                return false;
            }
            node.value = d;
            return true;
        }
        }
    }

    std::string_view m_text;
    const Descriptor *m_type;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;
    static constexpr int kMaxNesting = 64;
    bool m_failed = false;
    FilterError m_error;
};

} // namespace

Filter::Filter() = default;
Filter::~Filter() = default;
Filter::Filter(const Filter &) = default;
Filter &Filter::operator=(const Filter &) = default;

bool Filter::compile(std::string_view text, const Descriptor *type, Filter *out, FilterError *error)
{
    Parser parser(text, type);
    std::shared_ptr<const Node> root;
    if (!parser.parse(&root, error))
        return false;
    out->m_root = std::move(root);
    return true;
}

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
