// The AIP-160 filter's lexer and parser: text -> Filter::Node tree, errors with their position.
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

bool Filter::compile(std::string_view text, const Descriptor *type, Filter *out, FilterError *error)
{
    Parser parser(text, type);
    std::shared_ptr<const Node> root;
    if (!parser.parse(&root, error))
        return false;
    out->m_root = std::move(root);
    return true;
}

} // namespace platformd::core
