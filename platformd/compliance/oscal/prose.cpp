#include "compliance/oscal/catalog.h"

#include <algorithm>

// Prose rendering: {{ insert: param, id }} placeholders kept or substituted, parts as text.
namespace platformd::compliance::oscal {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// "insert: param, ac-2_prm_1" -> "ac-2_prm_1"; empty when the text is no param insert.
std::string_view insertedParam(std::string_view inner)
{
    inner = trim(inner);
    constexpr std::string_view head = "insert:";
    if (inner.substr(0, head.size()) != head)
        return {};
    inner = trim(inner.substr(head.size()));
    const auto comma = inner.find(',');
    if (comma == std::string_view::npos || trim(inner.substr(0, comma)) != "param")
        return {};
    return trim(inner.substr(comma + 1));
}

std::string join(const std::vector<std::string> &items, std::string_view sep)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += sep;
        out += items[i];
    }
    return out;
}

std::string renderDepth(std::string_view prose, ParamInsert mode,
                        const std::function<const Parameter *(std::string_view)> &lookup,
                        int depth);

std::string paramTextDepth(const Parameter &param,
                           const std::function<const Parameter *(std::string_view)> &lookup,
                           int depth)
{
    if (!param.values.empty())
        return join(param.values, ", ");
    if (param.hasSelect) {
        std::vector<std::string> choices;
        for (const std::string &c : param.choices)
            choices.push_back(renderDepth(c, ParamInsert::Substitute, lookup, depth + 1));
        const bool many = param.howMany == "one-or-more";
        return std::string(many ? "[Selection (one or more): " : "[Selection: ") +
               join(choices, "; ") + "]";
    }
    return "[Assignment: " + (param.label.empty() ? param.id : param.label) + "]";
}

std::string renderDepth(std::string_view prose, ParamInsert mode,
                        const std::function<const Parameter *(std::string_view)> &lookup, int depth)
{
    if (mode == ParamInsert::Keep || !lookup || depth > 8) // choices may insert params
        return std::string(prose);
    std::string out;
    out.reserve(prose.size());
    std::size_t pos = 0;
    while (pos < prose.size()) {
        const auto open = prose.find("{{", pos);
        if (open == std::string_view::npos)
            break;
        const auto close = prose.find("}}", open + 2);
        if (close == std::string_view::npos)
            break;
        out.append(prose.substr(pos, open - pos));
        const std::string_view id = insertedParam(prose.substr(open + 2, close - open - 2));
        const Parameter *param = id.empty() ? nullptr : lookup(id);
        if (param)
            out += paramTextDepth(*param, lookup, depth);
        else
            out.append(prose.substr(open, close + 2 - open));
        pos = close + 2;
    }
    out.append(prose.substr(pos));
    return out;
}

void appendPart(std::string &out, const Part &part, ParamInsert mode,
                const std::function<const Parameter *(std::string_view)> &lookup, int indent)
{
    std::string line;
    const std::string label = part.label();
    if (!label.empty())
        line = label;
    const std::string text =
        renderDepth(part.prose.empty() ? part.title : part.prose, mode, lookup, 0);
    if (!trim(text).empty()) {
        if (!line.empty())
            line += ' ';
        line += trim(text);
    }
    int childIndent = indent;
    if (!line.empty()) {
        // multi-line prose (assessment methods list their objects one per paragraph): every
        // non-empty line at the part's indent plus one level after the first
        const std::string pad(std::size_t(indent) * 2, ' ');
        out += pad;
        std::size_t start = 0;
        bool first = true;
        while (start <= line.size()) {
            const auto end = std::min(line.find('\n', start), line.size());
            const std::string_view piece = trim(std::string_view(line).substr(start, end - start));
            if (!piece.empty()) {
                if (!first)
                    out += pad + "  ";
                out.append(piece);
                out += '\n';
                first = false;
            }
            start = end + 1;
        }
        childIndent = indent + 1;
    }
    for (const Part &p : part.parts)
        appendPart(out, p, mode, lookup, childIndent);
}

} // namespace

std::string paramText(const Parameter &param,
                      const std::function<const Parameter *(std::string_view)> &lookup)
{
    return paramTextDepth(param, lookup, 0);
}

std::string renderProse(std::string_view prose, ParamInsert mode,
                        const std::function<const Parameter *(std::string_view)> &lookup)
{
    return renderDepth(prose, mode, lookup, 0);
}

std::string partText(const Part &part, ParamInsert mode,
                     const std::function<const Parameter *(std::string_view)> &lookup)
{
    std::string out;
    appendPart(out, part, mode, lookup, 0);
    if (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

std::string controlText(const Catalog &catalog, const Control &control, std::string_view partName,
                        ParamInsert mode)
{
    const Part *part = control.part(partName);
    if (!part)
        return {};
    auto lookup = [&](std::string_view id) -> const Parameter * {
        for (const Parameter &p : control.params) {
            if (p.id == id)
                return &p;
        }
        return catalog.findParam(id);
    };
    return partText(*part, mode, lookup);
}

} // namespace platformd::compliance::oscal
