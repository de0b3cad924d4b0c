// FOCUS CSV out of Rows, in the column order of the FOCUS 1.0 column list.
#include "cost/focus/focuswriter.h"

#include "cost/focus/private/focusparse.h"

namespace platformd::cost::focus {

namespace {

void appendQuoted(std::string &out, std::string_view text)
{
    out.push_back('"');
    for (;;) {
        const std::size_t q = text.find('"');
        if (q == std::string_view::npos) {
            out.append(text);
            break;
        }
        out.append(text.substr(0, q + 1));
        out.push_back('"');
        text.remove_prefix(q + 1);
    }
    out.push_back('"');
}

void appendTags(std::string &out, const Row &row)
{
    if (!row.tagsJson.empty()) {
        appendQuoted(out, row.tagsJson);
        return;
    }
    if (row.tags.empty()) {
        out.append("NULL");
        return;
    }
    std::string json = "{";
    bool first = true;
    for (const auto &[key, value] : row.tags) {
        if (!first)
            json.append(", ");
        first = false;
        detail::appendJsonString(json, key);
        json.append(": ");
        detail::appendJsonString(json, value);
    }
    json.push_back('}');
    appendQuoted(out, json);
}

} // namespace

std::string csvHeader()
{
    std::string out;
    const auto specs = detail::columnSpecs().first(detail::focus10ColumnCount());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (i > 0)
            out.push_back(',');
        out.append(specs[i].name);
    }
    out.push_back('\n');
    return out;
}

void appendCsvRow(const Row &row, std::string &out)
{
    const auto specs = detail::columnSpecs().first(detail::focus10ColumnCount());
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const detail::ColumnSpec &s = specs[i];
        if (i > 0)
            out.push_back(',');
        if (s.text) {
            const std::string &text = row.*(s.text);
            if (text.empty())
                out.append("NULL");
            else
                appendQuoted(out, text);
        } else if (s.decimal) {
            out.append((row.*(s.decimal)).toString());
        } else if (s.optionalDecimal) {
            const std::optional<Decimal> &d = row.*(s.optionalDecimal);
            out.append(d ? d->toString() : std::string("NULL"));
        } else if (s.time) {
            char buf[20];
            detail::formatTimestamp(row.*(s.time), buf);
            out.append(buf, sizeof buf);
        } else if (s.tags) {
            appendTags(out, row);
        }
    }
    out.push_back('\n');
}

} // namespace platformd::cost::focus
