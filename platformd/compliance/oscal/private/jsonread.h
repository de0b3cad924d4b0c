#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

// Checked reads of OSCAL JSON: every failure throws ReadError carrying the JSON pointer of the
// problem; the public parse functions catch it and return false with "<pointer>: <what>".
namespace platformd::compliance::oscal::detail {

using nlohmann::json;

struct ReadError : std::runtime_error
{
    ReadError(const std::string &path, const std::string &what)
        : std::runtime_error((path.empty() ? std::string("(document)") : path) + ": " + what)
    {}
};

// RFC 6901 escaping of one reference token.
inline std::string escapeToken(const std::string &key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

inline std::string child(const std::string &path, const std::string &key)
{
    return path + "/" + escapeToken(key);
}
inline std::string child(const std::string &path, std::size_t index)
{
    return path + "/" + std::to_string(index);
}

inline const json &object(const json &v, const std::string &path)
{
    if (!v.is_object())
        throw ReadError(path, "expected an object");
    return v;
}

// Member `key` of object `obj` (at `path`), or nullptr when absent.
inline const json *member(const json &obj, const char *key)
{
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

inline const json &required(const json &obj, const char *key, const std::string &path)
{
    const json *v = member(obj, key);
    if (!v)
        throw ReadError(child(path, key), "missing");
    return *v;
}

inline std::string stringValue(const json &v, const std::string &path)
{
    if (!v.is_string())
        throw ReadError(path, "expected a string");
    return v.get<std::string>();
}

// A required string member; empty is refused too.
inline std::string requiredString(const json &obj, const char *key, const std::string &path)
{
    std::string s = stringValue(required(obj, key, path), child(path, key));
    if (s.empty())
        throw ReadError(child(path, key), "empty");
    return s;
}

inline std::string optionalString(const json &obj, const char *key, const std::string &path)
{
    const json *v = member(obj, key);
    return v ? stringValue(*v, child(path, key)) : std::string();
}

// An optional array member: nullptr when absent; throws when present and not an array.
inline const json *optionalArray(const json &obj, const char *key, const std::string &path)
{
    const json *v = member(obj, key);
    if (v && !v->is_array())
        throw ReadError(child(path, key), "expected an array");
    return v;
}

// Bounds the recursion of parts, controls and groups (a hostile document nests them deeply).
class DepthGuard
{
public:
    static constexpr int kMaxDepth = 64;
    explicit DepthGuard(const std::string &path)
    {
        if (++depth() > kMaxDepth) {
            --depth();
            throw ReadError(path, "nested deeper than " + std::to_string(kMaxDepth) + " levels");
        }
    }
    ~DepthGuard() { --depth(); }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;

private:
    static int &depth()
    {
        thread_local int d = 0;
        return d;
    }
};

} // namespace platformd::compliance::oscal::detail
