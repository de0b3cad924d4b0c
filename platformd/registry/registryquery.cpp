// The registry's reads. Versions are answered from the in-memory column indexes: the filter's
// indexable top-level conjuncts (metric ranges, metric presence, stage/status/task/model equality,
// create_time bounds) select candidates; the whole filter is evaluated by reflection only on
// those, and only when the indexes did not already decide it. Pages resume after the last item's
// order key (keyset), so concurrent inserts neither duplicate nor skip items.
#include "core/listing.h"
#include "registry/private/registrynames.h"
#include "registry/registrystore.h"

#include <google/protobuf/util/time_util.h>

#include <google/protobuf/unknown_field_set.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <unordered_map>

namespace platformd::registry {

using core::invalid;
using grpc::StatusCode;

namespace {

constexpr core::PageLimits kVersionPages{500, 5000};

Status notFound(const std::string &what)
{
    return Status(StatusCode::NOT_FOUND, what + " not found");
}

std::string hex(std::string_view bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

bool unhex(std::string_view text, std::string *out)
{
    if (text.size() % 2)
        return false;
    out->clear();
    auto nibble = [](char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    for (size_t i = 0; i < text.size(); i += 2) {
        const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        *out += char(hi * 16 + lo);
    }
    return true;
}

// A keyset page token: the request's fingerprint and the name of the last item returned.
std::string encodeToken(std::uint64_t fingerprint, const std::string &lastName)
{
    return hex(std::to_string(fingerprint) + ":" + lastName);
}

bool decodeToken(const std::string &token, std::uint64_t fingerprint, std::string *lastName,
                 std::string *error)
{
    std::string text;
    const size_t colon = unhex(token, &text) ? text.find(':') : std::string::npos;
    if (colon == std::string::npos) {
        *error = "page_token: not a page token of this list";
        return false;
    }
    if (text.substr(0, colon) != std::to_string(fingerprint)) {
        *error = "page_token does not match the request";
        return false;
    }
    *lastName = text.substr(colon + 1);
    return true;
}

std::int64_t micros(std::int64_t seconds, std::int32_t nanos)
{
    return seconds * 1000000 + nanos / 1000;
}

// order_by for versions: scalar fields and metrics.KEY, each optionally " desc"; ties by name.
struct VersionOrder
{
    enum class Field {
        Name,
        Model,
        Version,
        CreateTime,
        UpdateTime,
        Stage,
        Status,
        Task,
        Framework,
        CreatedBy,
        Dataset,
        Revision,
        Metric
    };
    struct Key
    {
        Field field;
        std::string metric;
        bool desc = false;
    };
    std::vector<Key> keys;

    bool isDefault() const
    {
        return keys.size() == 1 && keys[0].field == Field::CreateTime && keys[0].desc;
    }

    static bool parse(std::string_view text, VersionOrder *out, std::string *error)
    {
        static const std::pair<const char *, Field> fields[] = {{"name", Field::Name},
                                                                {"model", Field::Model},
                                                                {"version", Field::Version},
                                                                {"create_time", Field::CreateTime},
                                                                {"update_time", Field::UpdateTime},
                                                                {"stage", Field::Stage},
                                                                {"status", Field::Status},
                                                                {"task", Field::Task},
                                                                {"framework", Field::Framework},
                                                                {"created_by", Field::CreatedBy},
                                                                {"dataset", Field::Dataset},
                                                                {"revision", Field::Revision}};
        out->keys.clear();
        auto trim = [](std::string_view s) {
            while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
                s.remove_prefix(1);
            while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
                s.remove_suffix(1);
            return s;
        };
        std::string_view rest = text;
        while (!trim(rest).empty()) {
            const size_t comma = rest.find(',');
            const std::string_view part = trim(rest.substr(0, comma));
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            const size_t space = part.find_first_of(" \t");
            const std::string_view path = part.substr(0, space);
            const std::string_view direction =
                space == std::string_view::npos ? std::string_view() : trim(part.substr(space));
            Key key{Field::Name, {}, direction == "desc"};
            if (!direction.empty() && direction != "desc" && direction != "asc") {
                *error = "order_by: expected \"desc\" after \"" + std::string(path) + "\", got \"" +
                         std::string(direction) + "\"";
                return false;
            }
            bool known = false;
            if (path.starts_with("metrics.") && path.size() > 8) {
                key.field = Field::Metric;
                key.metric = std::string(path.substr(8));
                known = true;
            }
            for (const auto &[name, field] : fields)
                if (path == name) {
                    key.field = field;
                    known = true;
                }
            if (!known) {
                *error = "order_by: cannot sort versions by \"" + std::string(path) +
                         "\" (name, model, version, create_time, update_time, stage, status, "
                         "task, framework, created_by, dataset, revision, metrics.KEY)";
                return false;
            }
            out->keys.push_back(std::move(key));
        }
        if (out->keys.empty())
            out->keys.push_back({Field::CreateTime, {}, true});
        return true;
    }
};

template<typename T>
int cmp(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// Decimal digits of n as a base-11 number (digit d -> d + 1) left-aligned in 12 places: these keys
// compare as std::to_string(n) compares (versions below 10^12).
std::uint64_t decimalTextKey(std::int64_t n)
{
    char digits[24];
    const int length = std::snprintf(digits, sizeof digits, "%lld", static_cast<long long>(n));
    std::uint64_t key = 0;
    for (int i = 0; i < 12; ++i)
        key = key * 11 + (i < length ? std::uint64_t(digits[i] - '0' + 1) : 0);
    return key;
}

// Top-level string comparisons on scalar fields, answered by the generated accessor instead of
// reflection (equality and inequality without wildcards: the filter's own semantics).
using StringGetter = const std::string &(pb::ModelVersion::*)() const;
StringGetter stringGetter(const std::string &field)
{
    static const std::pair<const char *, StringGetter> getters[] = {
        {"name", &pb::ModelVersion::name},
        {"model", &pb::ModelVersion::model},
        {"description", &pb::ModelVersion::description},
        {"source_uri", &pb::ModelVersion::source_uri},
        {"run_id", &pb::ModelVersion::run_id},
        {"run_link", &pb::ModelVersion::run_link},
        {"dataset", &pb::ModelVersion::dataset},
        {"dataset_hash", &pb::ModelVersion::dataset_hash},
        {"framework", &pb::ModelVersion::framework},
        {"input_signature", &pb::ModelVersion::input_signature},
        {"created_by", &pb::ModelVersion::created_by},
        {"status_message", &pb::ModelVersion::status_message},
        {"model_card", &pb::ModelVersion::model_card}};
    for (const auto &[name, getter] : getters)
        if (field == name)
            return getter;
    return nullptr;
}

// Looks key up in a small most-recently-used cache of entries of the current epoch; builds and
// inserts it when missing (outside the cache's lock: two readers may build the same entry).
template<typename T, typename Build>
std::shared_ptr<const T> cached(std::mutex &mutex, std::vector<std::shared_ptr<const T>> &cache,
                                std::uint64_t epoch, const std::string &key, Build &&build)
{
    constexpr size_t kCapacity = 8;
    {
        std::lock_guard lock(mutex);
        std::erase_if(cache, [&](const auto &e) { return e->epoch != epoch; });
        for (auto it = cache.begin(); it != cache.end(); ++it)
            if ((*it)->key == key) {
                std::rotate(cache.begin(), it, it + 1);
                return cache.front();
            }
    }
    auto entry = std::make_shared<T>();
    entry->epoch = epoch;
    entry->key = key;
    build(*entry);
    std::lock_guard lock(mutex);
    cache.insert(cache.begin(), entry);
    if (cache.size() > kCapacity)
        cache.pop_back();
    return entry;
}

} // namespace

struct RegistryStore::Planned
{
    std::vector<std::shared_ptr<const std::string>> page; // serialized versions
    std::int32_t total = 0;
    std::string nextToken;
    std::int64_t revision = 0;
};

struct RegistryStore::OrderedVersions
{
    std::uint64_t epoch = 0;
    std::string key;
    std::shared_ptr<const std::vector<std::uint32_t>> order; // version indexes, first to last
    std::vector<std::uint32_t> rank;                         // version index -> position in order
};

struct RegistryStore::MatchedVersions
{
    std::uint64_t epoch = 0;
    std::string key;
    std::shared_ptr<const std::vector<std::uint32_t>> hits; // in the order's order
};

Status RegistryStore::planVersions(const pb::ListModelVersionsRequest &request, Planned *plan) const
{
    std::string modelId;
    if (!names::parseModelParent(request.parent(), &modelId))
        return invalid("parent: \"" + request.parent() + "\" is not models/{model} or models/-");
    if (request.filter().size() > 4096)
        return invalid("filter: longer than 4096 bytes");
    if (request.order_by().size() > 1024)
        return invalid("order_by: longer than 1024 bytes");
    if (request.page_size() < 0)
        return invalid("page_size: must not be negative");
    const int pageSize = request.page_size() == 0
                             ? kVersionPages.defaultSize
                             : std::min(request.page_size(), kVersionPages.maxSize);
    core::Filter filter;
    core::FilterError filterError;
    if (!core::Filter::compile(request.filter(), pb::ModelVersion::descriptor(), &filter,
                               &filterError))
        return invalid(filterError.format());
    VersionOrder order;
    std::string error;
    if (!VersionOrder::parse(request.order_by(), &order, &error))
        return invalid(error);
    const std::uint64_t fingerprint =
        core::requestFingerprint(pb::ModelVersion::descriptor()->full_name(), request.parent(),
                                 request.filter(), request.order_by());
    std::string afterName;
    if (!request.page_token().empty() &&
        !decodeToken(request.page_token(), fingerprint, &afterName, &error))
        return invalid(error);
    std::string orderKey;
    for (const VersionOrder::Key &k : order.keys)
        orderKey += std::to_string(int(k.field)) + (k.desc ? "-" : "+") + k.metric + "\n";

    std::shared_lock lock(m_mutex);
    plan->revision = m_revision;
    std::uint32_t parentOrdinal = UINT32_MAX;
    if (!modelId.empty()) {
        const auto it = m_models.find(modelId);
        if (it == m_models.end())
            return notFound("model " + request.parent());
        parentOrdinal = it->second.ordinal;
    }
    std::uint32_t afterIndex = UINT32_MAX;
    if (!afterName.empty()) {
        const auto it = m_versionByName.find(afterName);
        if (it == m_versionByName.end())
            return invalid("page_token: not a page token of this list");
        afterIndex = it->second;
    }
    const size_t n = m_versions.size();

    // Every version in this order, sorted once per epoch on columns extracted up front (no
    // message or map lookups per comparison); ties by name.
    const auto ordered =
        cached(m_cacheMutex, m_orderCache, m_versionsEpoch, orderKey, [&](OrderedVersions &o) {
            auto indexes = std::make_shared<std::vector<std::uint32_t>>();
            if (order.isDefault()) {
                *indexes = m_byCreate;
            } else {
                // name order = (model id + "/", version number as text)
                std::vector<std::uint32_t> byId(m_modelIdByOrdinal.size());
                for (std::uint32_t i = 0; i < byId.size(); ++i)
                    byId[i] = i;
                std::sort(byId.begin(), byId.end(), [&](std::uint32_t a, std::uint32_t b) {
                    return m_modelIdByOrdinal[a] + "/" < m_modelIdByOrdinal[b] + "/";
                });
                std::vector<std::uint64_t> modelRank(byId.size());
                for (std::uint32_t r = 0; r < byId.size(); ++r)
                    modelRank[byId[r]] = r;
                std::vector<std::int64_t> nameKey(n);
                for (size_t i = 0; i < n; ++i)
                    nameKey[i] = std::int64_t((modelRank[m_vModel[i]] << 42) |
                                              decimalTextKey(m_versions[i]->version()));
                using F = VersionOrder::Field;
                struct Column
                {
                    bool desc = false;
                    bool metric = false;
                    const std::vector<std::int64_t> *ints = nullptr;
                    std::vector<std::int64_t> own;
                    std::vector<double> values;
                    std::vector<std::uint8_t> has;
                };
                std::vector<Column> columns(order.keys.size());
                for (size_t k = 0; k < order.keys.size(); ++k) {
                    const VersionOrder::Key &key = order.keys[k];
                    Column &c = columns[k];
                    c.desc = key.desc;
                    auto own = [&](auto &&value) {
                        c.own.resize(n);
                        for (size_t i = 0; i < n; ++i)
                            c.own[i] = value(i);
                        c.ints = &c.own;
                    };
                    // Text keys as their rank among the distinct values (few: framework,
                    // created_by).
                    auto text = [&](StringGetter getter) {
                        std::vector<std::string_view> texts(n);
                        std::unordered_map<std::string_view, std::int64_t> distinct;
                        for (size_t i = 0; i < n; ++i)
                            distinct.emplace(texts[i] = ((*m_versions[i]).*getter)(), 0);
                        std::vector<std::string_view> sorted;
                        sorted.reserve(distinct.size());
                        for (const auto &[value, rank] : distinct)
                            sorted.push_back(value);
                        std::sort(sorted.begin(), sorted.end());
                        for (size_t r = 0; r < sorted.size(); ++r)
                            distinct[sorted[r]] = std::int64_t(r);
                        own([&](size_t i) { return distinct[texts[i]]; });
                    };
                    switch (key.field) {
                    case F::Name:
                        c.ints = &nameKey;
                        break;
                    case F::Model:
                        text(&pb::ModelVersion::model);
                        break;
                    case F::Version:
                        own([&](size_t i) { return m_versions[i]->version(); });
                        break;
                    case F::CreateTime:
                        c.ints = &m_vCreate;
                        break;
                    case F::UpdateTime:
                        own([&](size_t i) {
                            const auto &t = m_versions[i]->update_time();
                            return t.seconds() * 1000000000 + t.nanos();
                        });
                        break;
                    case F::Stage:
                        own([&](size_t i) { return std::int64_t(m_vStage[i]); });
                        break;
                    case F::Status:
                        own([&](size_t i) { return std::int64_t(m_vStatus[i]); });
                        break;
                    case F::Task:
                        own([&](size_t i) { return std::int64_t(m_vTask[i]); });
                        break;
                    case F::Framework:
                        text(&pb::ModelVersion::framework);
                        break;
                    case F::CreatedBy:
                        text(&pb::ModelVersion::created_by);
                        break;
                    case F::Dataset:
                        text(&pb::ModelVersion::dataset);
                        break;
                    case F::Revision:
                        own([&](size_t i) { return m_versions[i]->revision(); });
                        break;
                    case F::Metric: {
                        c.metric = true;
                        c.values.assign(n, 0);
                        c.has.assign(n, 0);
                        if (const auto it = m_metricIndex.find(key.metric);
                            it != m_metricIndex.end())
                            for (const auto &[value, index] : it->second) {
                                c.values[index] = value;
                                c.has[index] = 1;
                            }
                        break;
                    }
                    }
                }
                auto less = [&](std::uint32_t a, std::uint32_t b) {
                    for (const Column &c : columns) {
                        int d = 0;
                        if (c.metric) {
                            if (c.has[a] != c.has[b])
                                return c.has[a] >
                                       c.has[b]; // versions without the metric last, either way
                            if (c.has[a])
                                d = cmp(c.values[a], c.values[b]);
                        } else {
                            d = cmp((*c.ints)[a], (*c.ints)[b]);
                        }
                        if (c.desc)
                            d = -d;
                        if (d)
                            return d < 0;
                    }
                    return nameKey[a] < nameKey[b];
                };
                indexes->resize(n);
                if (columns.size() == 1) {
                    // One key (the console's column sort): sort contiguous rows, no indirection.
                    const Column &c = columns.front();
                    struct Row
                    {
                        std::uint8_t missing;
                        double value;
                        std::int64_t key;
                        std::int64_t name;
                        std::uint32_t index;
                    };
                    std::vector<Row> rows(n);
                    for (std::uint32_t i = 0; i < n; ++i) {
                        Row &r = rows[i];
                        r.missing = c.metric && !c.has[i];
                        r.value = c.metric && c.has[i] ? (c.desc ? -c.values[i] : c.values[i]) : 0;
                        r.key = c.metric ? 0 : (c.desc ? -(*c.ints)[i] : (*c.ints)[i]);
                        r.name = nameKey[i];
                        r.index = i;
                    }
                    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
                        if (a.missing != b.missing)
                            return a.missing < b.missing;
                        if (const int d = cmp(a.value, b.value))
                            return d < 0;
                        if (a.key != b.key)
                            return a.key < b.key;
                        return a.name < b.name;
                    });
                    for (size_t p = 0; p < n; ++p)
                        (*indexes)[p] = rows[p].index;
                } else {
                    for (std::uint32_t i = 0; i < n; ++i)
                        (*indexes)[i] = i;
                    std::sort(indexes->begin(), indexes->end(), less);
                }
            }
            o.rank.resize(n);
            for (std::uint32_t p = 0; p < indexes->size(); ++p)
                o.rank[(*indexes)[p]] = p;
            o.order = std::move(indexes);
        });

    // The matches, in that order, once per (parent, filter, order) and epoch: every page of a
    // listing after the first only seeks.
    const std::string matchKey = std::to_string(parentOrdinal) + "\n" + orderKey + request.filter();
    const auto matched =
        cached(m_cacheMutex, m_matchCache, m_versionsEpoch, matchKey, [&](MatchedVersions &m) {
            if (filter.empty() && parentOrdinal == UINT32_MAX) {
                m.hits = ordered->order;
                return;
            }
            // Index-answerable conjuncts become column predicates, accessor tests or candidate
            // bitmaps.
            std::uint32_t modelOrdinal = parentOrdinal;
            bool complete = false;
            const std::vector<core::FilterTerm> terms = filter.conjuncts(&complete);
            bool residual = !complete;
            std::vector<std::uint8_t> candidates; // empty: every version is a candidate
            auto restrict = [&](auto &&begin, auto &&end) {
                std::vector<std::uint8_t> hit(n, 0);
                for (auto it = begin; it != end; ++it)
                    hit[it->second] = 1;
                if (candidates.empty())
                    candidates = std::move(hit);
                else
                    for (size_t i = 0; i < n; ++i)
                        candidates[i] &= hit[i];
            };
            struct ColumnTest
            {
                const std::vector<std::uint8_t> *column;
                int value;
                bool equal;
            };
            std::vector<ColumnTest> columnTests;
            struct StringTest
            {
                StringGetter getter;
                std::string value;
                bool equal;
            };
            std::vector<StringTest> stringTests;
            std::int64_t createMin = std::numeric_limits<std::int64_t>::min();
            std::int64_t createMax = std::numeric_limits<std::int64_t>::max();
            bool none = false;
            using Op = core::FilterTerm::Op;
            using Kind = core::FilterTerm::Kind;
            static const std::vector<std::pair<double, std::uint32_t>> kNoEntries;
            for (const core::FilterTerm &t : terms) {
                if (t.field == "metrics" && !t.mapKey.empty() && t.kind == Kind::Number &&
                    t.op != Op::Ne && t.op != Op::Has) {
                    const auto it = m_metricIndex.find(t.mapKey);
                    const auto &entries = it == m_metricIndex.end() ? kNoEntries : it->second;
                    auto lo = entries.begin(), hi = entries.end();
                    const auto geq =
                        std::lower_bound(entries.begin(), entries.end(), t.number,
                                         [](const auto &e, double v) { return e.first < v; });
                    const auto gt =
                        std::upper_bound(entries.begin(), entries.end(), t.number,
                                         [](double v, const auto &e) { return v < e.first; });
                    switch (t.op) {
                    case Op::Gt:
                        lo = gt;
                        break;
                    case Op::Ge:
                        lo = geq;
                        break;
                    case Op::Lt:
                        hi = geq;
                        break;
                    case Op::Le:
                        hi = gt;
                        break;
                    case Op::Eq:
                        lo = geq;
                        hi = gt;
                        break;
                    default:
                        break;
                    }
                    if (lo >= hi)
                        none = true;
                    else
                        restrict(lo, hi);
                } else if (t.field == "metrics" && t.mapKey.empty() && t.op == Op::Has &&
                           t.kind == Kind::String) {
                    const auto it = m_metricIndex.find(t.text);
                    if (it == m_metricIndex.end())
                        none = true;
                    else
                        restrict(it->second.begin(), it->second.end());
                } else if ((t.field == "stage" || t.field == "status" || t.field == "task") &&
                           t.kind == Kind::Enum && (t.op == Op::Eq || t.op == Op::Ne)) {
                    const auto *column = t.field == "stage"    ? &m_vStage
                                         : t.field == "status" ? &m_vStatus
                                                               : &m_vTask;
                    columnTests.push_back({column, t.enumValue, t.op == Op::Eq});
                } else if (t.field == "model" && t.kind == Kind::String && t.op == Op::Eq &&
                           !t.wildcard) {
                    std::string id;
                    const auto it =
                        names::parseModel(t.text, &id) ? m_models.find(id) : m_models.end();
                    if (it == m_models.end())
                        none = true;
                    else if (modelOrdinal != UINT32_MAX && modelOrdinal != it->second.ordinal)
                        none = true;
                    else
                        modelOrdinal = it->second.ordinal;
                } else if (t.field == "create_time" && t.kind == Kind::Timestamp &&
                           t.op != Op::Ne && t.op != Op::Has) {
                    // Column micros are truncated: bound inclusively and let the filter decide the
                    // edge.
                    const std::int64_t v = micros(t.seconds, t.nanos);
                    if (t.op == Op::Gt || t.op == Op::Ge || t.op == Op::Eq)
                        createMin = std::max(createMin, v);
                    if (t.op == Op::Lt || t.op == Op::Le || t.op == Op::Eq)
                        createMax = std::min(createMax, v + 1);
                    residual = true;
                } else if (const StringGetter getter = stringGetter(t.field);
                           getter && t.kind == Kind::String && t.mapKey.empty() && !t.wildcard &&
                           (t.op == Op::Eq || t.op == Op::Ne)) {
                    stringTests.push_back({getter, t.text, t.op == Op::Eq});
                } else {
                    residual = true;
                }
            }
            auto matches = [&](std::uint32_t i) {
                if (modelOrdinal != UINT32_MAX && m_vModel[i] != modelOrdinal)
                    return false;
                if (!candidates.empty() && !candidates[i])
                    return false;
                for (const ColumnTest &c : columnTests)
                    if (((*c.column)[i] == c.value) != c.equal)
                        return false;
                if (m_vCreate[i] < createMin || m_vCreate[i] > createMax)
                    return false;
                if (!stringTests.empty() || residual) {
                    const pb::ModelVersion &v = *m_versions[i];
                    for (const StringTest &s : stringTests)
                        if (((v.*s.getter)() == s.value) != s.equal)
                            return false;
                    return !residual || filter.matches(v);
                }
                return true;
            };
            auto hits = std::make_shared<std::vector<std::uint32_t>>();
            if (!none)
                for (const std::uint32_t i : *ordered->order)
                    if (matches(i))
                        hits->push_back(i);
            m.hits = std::move(hits);
        });

    // Keyset: the page starts after the last item's position in the order (the item may since
    // have stopped matching, and others may have been inserted before or after it).
    const std::vector<std::uint32_t> &hits = *matched->hits;
    size_t start = 0;
    if (afterIndex != UINT32_MAX) {
        const std::uint32_t after = ordered->rank[afterIndex];
        start = size_t(
            std::partition_point(hits.begin(), hits.end(),
                                 [&](std::uint32_t x) { return ordered->rank[x] <= after; }) -
            hits.begin());
    }
    plan->total = std::int32_t(hits.size());
    const size_t end = std::min(hits.size(), start + size_t(pageSize));
    plan->page.reserve(end - start);
    for (size_t i = start; i < end; ++i)
        plan->page.push_back(m_vBytes[hits[i]]);
    if (end < hits.size() && end > start)
        plan->nextToken = encodeToken(fingerprint, m_versions[hits[end - 1]]->name());
    return Status::OK;
}

// The versions go into field 1 (model_versions) as the bytes serialized when they were stored:
// valid wire format for `repeated ModelVersion model_versions = 1` that a client parses as usual,
// without copying 5,000 messages per page here. In process, parse the serialized response to
// read them.
Status RegistryStore::listVersions(const pb::ListModelVersionsRequest &request,
                                   pb::ListModelVersionsResponse *response)
{
    Planned plan;
    if (Status s = planVersions(request, &plan); !s.ok())
        return s;
    response->set_revision(plan.revision);
    response->set_total_size(plan.total);
    response->set_next_page_token(plan.nextToken);
    google::protobuf::UnknownFieldSet *fields =
        response->GetReflection()->MutableUnknownFields(response);
    for (const auto &bytes : plan.page)
        fields->AddLengthDelimited(pb::ListModelVersionsResponse::kModelVersionsFieldNumber,
                                   *bytes);
    return Status::OK;
}

} // namespace platformd::registry
