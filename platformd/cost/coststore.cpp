#include "cost/private/coststore.h"

#include "core/database.h"
#include "core/store.h"
#include "cost/focus/focusreader.h"
#include "cost/focus/private/focusparse.h"

#include <algorithm>

namespace platformd::cost {

using core::Connection;
using core::Stmt;

namespace {

std::string tupleOf(const std::string &provider, const std::string &service,
                    const std::string &category, const std::string &region,
                    const std::string &account, const std::string &subAccount,
                    const std::string &charge, const std::string &currency, const std::string &tags)
{
    std::string t;
    t.reserve(provider.size() + service.size() + category.size() + region.size() + account.size() +
              subAccount.size() + charge.size() + currency.size() + tags.size() + 9);
    for (const std::string *s :
         {&provider, &service, &category, &region, &account, &subAccount, &charge, &currency}) {
        t += *s;
        t.push_back('\x1f');
    }
    t += tags;
    return t;
}

void appendJsonString(std::string &out, const std::string &s)
{
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
}

} // namespace

CostStore::CostStore(core::Store &store)
    : m_store(store)
{
    reload();
}

void CostStore::reload()
{
    std::lock_guard lock(m_refreshMutex);
    // Read first: an import committing meanwhile makes the next refresh() reload again, never
    // miss it.
    Generation generation{-1, -1};
    if (m_store.shared())
        m_store.read([&](Connection &db) { generation = generationIn(db); });
    reloadKeys();
    reloadDaily();
    m_generation = generation;
}

CostStore::Generation CostStore::generationIn(Connection &db)
{
    Stmt &s = db.prepare("SELECT count(*), COALESCE(max(id), 0) FROM cost_imports");
    Generation g{0, 0};
    if (s.step())
        g = {s.int64(0), s.int64(1)};
    s.reset();
    return g;
}

void CostStore::refresh()
{
    if (!m_store.shared())
        return;
    Generation generation;
    m_store.read([&](Connection &db) { generation = generationIn(db); });
    {
        std::lock_guard lock(m_refreshMutex);
        if (generation == m_generation)
            return;
    }
    reload();
}

void CostStore::reloadDaily()
{
    auto table = std::make_shared<DailyTable>();
    m_store.read([&](Connection &db) {
        const std::int64_t n = db.queryInt("SELECT count(*) FROM cost_daily");
        table->day.reserve(std::size_t(n));
        table->key.reserve(std::size_t(n));
        table->amounts.reserve(std::size_t(n));
        Stmt &s = db.prepare("SELECT day, key, effective_w, effective_f, billed_w, billed_f, "
                             "list_w, list_f, contracted_w, contracted_f FROM cost_daily "
                             "ORDER BY day");
        while (s.step()) {
            table->day.push_back(std::int32_t(s.int64(0)));
            table->key.push_back(std::int32_t(s.int64(1)));
            Amounts a;
            for (int m = 0; m < 4; ++m)
                a[std::size_t(m)] = joinUnits(s.int64(2 + 2 * m), s.int64(3 + 2 * m));
            table->amounts.push_back(a);
        }
        s.reset();
    });
    std::lock_guard lock(m_keysMutex);
    m_daily = std::move(table);
}

std::shared_ptr<const CostStore::DailyTable> CostStore::dailyTable()
{
    refresh();
    std::lock_guard lock(m_keysMutex);
    return m_daily;
}

std::shared_ptr<const KeyTable> CostStore::keys()
{
    refresh();
    std::lock_guard lock(m_keysMutex);
    return m_keys;
}

void CostStore::reloadKeys()
{
    auto table = std::make_shared<KeyTable>();
    std::unordered_map<std::string, std::int64_t> ids;
    m_store.read([&](Connection &db) {
        core::Transaction tx(db, core::Transaction::Mode::Read);
        Stmt &s =
            db.prepare("SELECT id, provider, service, service_category, region, billing_account, "
                       "sub_account, charge_category, currency, tags FROM cost_keys ORDER BY id");
        std::vector<std::shared_ptr<CostKey>> all;
        focus::detail::TagsParser tagsParser;
        while (s.step()) {
            auto k = std::make_shared<CostKey>();
            k->id = s.int64(0);
            k->provider = s.text(1);
            k->service = s.text(2);
            k->serviceCategory = s.text(3);
            k->region = s.text(4);
            k->billingAccount = s.text(5);
            k->subAccount = s.text(6);
            k->chargeCategory = s.text(7);
            k->currency = s.text(8);
            // The tags object, parsed here rather than with SQLite's json_each (portable SQL).
            std::string why;
            bool nonString = false;
            if (!tagsParser.parse(s.text(9), k->tags, &nonString, &why))
                throw core::StoreError("cost_keys " + std::to_string(k->id) + ": tags: " + why);
            ids.emplace(tupleOf(k->provider, k->service, k->serviceCategory, k->region,
                                k->billingAccount, k->subAccount, k->chargeCategory, k->currency,
                                std::string(s.text(9))),
                        k->id);
            all.push_back(std::move(k));
        }
        s.reset();
        for (const auto &k : all) {
            auto m = k->tags.find("model");
            if (m != k->tags.end())
                k->model = modelOfTag(m->second);
            if (table->byId.size() <= std::size_t(k->id))
                table->byId.resize(std::size_t(k->id) + 1);
            table->byId[std::size_t(k->id)] = k;
        }
    });
    std::lock_guard lock(m_keysMutex);
    m_keys = std::move(table);
    m_keyIds = std::move(ids);
}

bool CostStore::empty() const
{
    bool none = true;
    const_cast<core::Store &>(m_store).read([&](Connection &db) {
        none = db.queryInt("SELECT count(*) FROM (SELECT 1 FROM cost_imports LIMIT 1) AS one") == 0;
    });
    return none;
}

void CostStore::daily(std::int64_t fromDay, std::int64_t toDay, Metric metric,
                      const std::function<void(std::int64_t, std::int64_t, Units)> &fn)
{
    const auto t = dailyTable();
    auto it = std::lower_bound(t->day.begin(), t->day.end(), std::int32_t(fromDay));
    for (std::size_t i = std::size_t(it - t->day.begin()); i < t->day.size(); ++i) {
        if (t->day[i] >= toDay)
            break;
        fn(t->day[i], t->key[i], t->amounts[i][std::size_t(metric)]);
    }
}

void CostStore::raw(std::int64_t fromDay, std::int64_t toDay,
                    const std::function<void(const RawRow &)> &fn)
{
    m_store.read([&](Connection &db) {
        Stmt &s = db.prepare(
            "SELECT day, key, effective_w, effective_f, billed_w, billed_f, list_w, list_f, "
            "contracted_w, contracted_f, resource_id, resource_name, resource_type, "
            "pricing_category, commitment_status, extra FROM cost_rows "
            "WHERE day >= ?1 AND day < ?2");
        s.bind(1, fromDay).bind(2, toDay);
        RawRow r;
        while (s.step()) {
            r.day = s.int64(0);
            r.key = s.int64(1);
            for (int m = 0; m < 4; ++m)
                r.amounts[std::size_t(m)] = joinUnits(s.int64(2 + 2 * m), s.int64(3 + 2 * m));
            r.resourceId = s.text(10);
            r.resourceName = s.text(11);
            r.resourceType = s.text(12);
            r.pricingCategory = s.text(13);
            r.commitmentStatus = s.text(14);
            r.extraJson = s.text(15);
            fn(r);
        }
        s.reset();
    });
}

std::pair<std::int64_t, std::int64_t> CostStore::dataDays()
{
    const auto t = dailyTable();
    if (t->day.empty())
        return {0, 0};
    return {t->day.front(), std::int64_t(t->day.back()) + 1};
}

CostWriter::CostWriter(CostStore &store, Connection &db, std::int64_t importId)
    : m_store(store)
    , m_db(db)
    , m_importId(importId)
{}

std::int64_t CostWriter::keyFor(const focus::Row &row)
{
    // Rows of one file repeat their Tags text: canonicalise each distinct text once.
    if (row.tags.empty()) {
        m_rawTags.clear();
        m_tags = "{}";
    } else if (row.tagsJson.empty() || row.tagsJson != m_rawTags) {
        m_rawTags = row.tagsJson;
        m_tags = tagsJson(row.tags);
    }
    const std::string &tags = m_tags;
    const std::string &region = row.regionId.empty() ? row.regionName : row.regionId;
    m_tuple = tupleOf(row.providerName, row.serviceName, row.serviceCategory, region,
                      row.billingAccountId, row.subAccountId, row.chargeCategory,
                      row.billingCurrency, tags);
    if (auto it = m_seenKeys.find(m_tuple); it != m_seenKeys.end())
        return it->second;
    {
        std::lock_guard lock(m_store.m_keysMutex);
        if (auto it = m_store.m_keyIds.find(m_tuple); it != m_store.m_keyIds.end()) {
            m_seenKeys.emplace(m_tuple, it->second);
            return it->second;
        }
    }
    // Not known here: another replica may have interned it since the cache was loaded, so look
    // in the table; insert only when absent (and, should a writer that does not take the log's
    // lock race us to it, take the row it committed).
    const std::int64_t id = findKey(row, region, tags);
    m_seenKeys.emplace(m_tuple, id);
    return id;
}

std::int64_t CostWriter::findKey(const focus::Row &row, const std::string &region,
                                 const std::string &tags)
{
    auto bindTuple = [&](Stmt &s) {
        s.bind(1, row.providerName)
            .bind(2, row.serviceName)
            .bind(3, row.serviceCategory)
            .bind(4, region)
            .bind(5, row.billingAccountId)
            .bind(6, row.subAccountId)
            .bind(7, row.chargeCategory)
            .bind(8, row.billingCurrency)
            .bind(9, tags);
    };
    auto select = [&]() -> std::int64_t {
        Stmt &s = m_db.prepare(
            "SELECT id FROM cost_keys WHERE provider = ?1 AND service = ?2 AND "
            "service_category = ?3 AND region = ?4 AND billing_account = ?5 AND sub_account = ?6 "
            "AND charge_category = ?7 AND currency = ?8 AND tags = ?9");
        bindTuple(s);
        const std::int64_t id = s.step() ? s.int64(0) : 0;
        s.reset();
        return id;
    };
    if (const std::int64_t id = select())
        return id;
    Stmt &s = m_db.prepare(
        "INSERT INTO cost_keys (provider, service, service_category, region, billing_account, "
        "sub_account, charge_category, currency, tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
        "ON CONFLICT DO NOTHING RETURNING id");
    bindTuple(s);
    const std::int64_t inserted = s.step() ? s.int64(0) : 0;
    s.reset();
    if (inserted)
        return inserted;
    if (const std::int64_t id = select())
        return id; // committed by another writer meanwhile
    throw core::StoreError("cost_keys: cannot intern the key of row " + std::to_string(row.line));
}

std::int64_t CostWriter::segmentFor(const focus::Row &row)
{
    if (m_lastSegment && m_lastSegmentKey.second == row.billingPeriodStart &&
        m_lastSegmentKey.first == row.billingAccountId)
        return m_lastSegment;
    std::pair<std::string, std::int64_t> key{row.billingAccountId, row.billingPeriodStart};
    auto it = m_segments.find(key);
    if (it == m_segments.end()) {
        Stmt &old = m_db.prepare(
            "SELECT id FROM cost_segments WHERE billing_account = ?1 AND period_start = ?2");
        old.bind(1, row.billingAccountId).bind(2, row.billingPeriodStart);
        const std::int64_t oldId = old.step() ? old.int64(0) : 0;
        old.reset();
        if (oldId) {
            for (const char *sql : {"DELETE FROM cost_rows WHERE segment = ?1",
                                    "DELETE FROM cost_daily WHERE segment = ?1",
                                    "DELETE FROM cost_segments WHERE id = ?1"}) {
                Stmt &d = m_db.prepare(sql);
                d.bind(1, oldId);
                d.step();
                d.reset();
            }
            replacedPeriods.push_back(row.billingAccountId + " " +
                                      monthText(dayOf(row.billingPeriodStart)));
        }
        Stmt &s = m_db.prepare(
            "INSERT INTO cost_segments (import, billing_account, period_start, period_end) "
            "VALUES (?1, ?2, ?3, ?4) RETURNING id");
        s.bind(1, m_importId)
            .bind(2, row.billingAccountId)
            .bind(3, row.billingPeriodStart)
            .bind(4, row.billingPeriodEnd);
        s.step();
        const std::int64_t id = s.int64(0);
        s.reset();
        it = m_segments.emplace(std::move(key), id).first;
    }
    m_lastSegmentKey = it->first;
    m_lastSegment = it->second;
    return it->second;
}

void CostWriter::add(const focus::Row &row, std::int64_t *cachedKey, bool rollupOnly)
{
    std::int64_t key = cachedKey && *cachedKey > 0 ? *cachedKey : keyFor(row);
    if (cachedKey)
        *cachedKey = key;
    const std::int64_t segment = segmentFor(row);
    const std::int64_t day = dayOf(row.chargePeriodStart);
    const Amounts amounts{row.effectiveCost.units(), row.billedCost.units(), row.listCost.units(),
                          row.contractedCost.units()};
    if (!rollupOnly)
        insertRow(row, segment, key, day, amounts);
    accumulate(row, segment, key, day, amounts);
}

void CostWriter::insertRow(const focus::Row &row, std::int64_t segment, std::int64_t key,
                           std::int64_t day, const Amounts &amounts)
{
    m_extra.clear();
    if (!row.extra.empty()) {
        m_extra.push_back('{');
        for (const auto &[name, value] : row.extra) {
            if (m_extra.size() > 1)
                m_extra.push_back(',');
            appendJsonString(m_extra, name);
            m_extra.push_back(':');
            appendJsonString(m_extra, value);
        }
        m_extra.push_back('}');
    }
    Stmt &s = m_db.prepare(
        "INSERT INTO cost_rows (segment, line, key, day, charge_start, charge_end, effective_w, "
        "effective_f, billed_w, billed_f, list_w, list_f, contracted_w, contracted_f, "
        "resource_id, resource_name, resource_type, charge_description, charge_frequency, "
        "pricing_category, commitment_id, commitment_status, consumed_quantity, consumed_unit, "
        "sku_id, extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
        "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)");
    s.bind(1, segment).bind(2, row.line).bind(3, key).bind(4, day);
    s.bind(5, row.chargePeriodStart).bind(6, row.chargePeriodEnd);
    for (int m = 0; m < 4; ++m)
        s.bind(7 + 2 * m, wholePart(amounts[std::size_t(m)]))
            .bind(8 + 2 * m, fracPart(amounts[std::size_t(m)]));
    s.bind(15, row.resourceId)
        .bind(16, row.resourceName)
        .bind(17, row.resourceType)
        .bind(18, row.chargeDescription)
        .bind(19, row.chargeFrequency)
        .bind(20, row.pricingCategory)
        .bind(21, row.commitmentDiscountId)
        .bind(22, row.commitmentDiscountStatus)
        .bind(23, row.consumedQuantity ? amountText(row.consumedQuantity->units()) : "")
        .bind(24, row.consumedUnit)
        .bind(25, row.skuId)
        .bind(26, m_extra);
    s.step();
    s.reset();
}

void CostWriter::accumulate(const focus::Row &row, std::int64_t segment, std::int64_t key,
                            std::int64_t day, const Amounts &amounts)
{
    DailySum &sum = m_daily[DailyKey{segment, day, key}];
    for (std::size_t m = 0; m < 4; ++m)
        sum.amounts[m] += amounts[m];
    ++sum.rows;
    billedByProvider[row.providerName] += amounts[Billed];
    effectiveByProvider[row.providerName] += amounts[Effective];
    currencies.insert(row.billingCurrency);
    if (rows == 0 || row.chargePeriodStart < minStart)
        minStart = row.chargePeriodStart;
    if (rows == 0 || row.chargePeriodEnd > maxEnd)
        maxEnd = row.chargePeriodEnd;
    ++rows;
}

void CostWriter::finish()
{
    Stmt &s = m_db.prepare(
        "INSERT INTO cost_daily (segment, day, key, effective_w, effective_f, billed_w, "
        "billed_f, list_w, list_f, contracted_w, contracted_f, rows) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    for (const auto &[k, sum] : m_daily) {
        s.bind(1, k.segment).bind(2, k.day).bind(3, k.key);
        for (int m = 0; m < 4; ++m)
            s.bind(4 + 2 * m, wholePart(sum.amounts[std::size_t(m)]))
                .bind(5 + 2 * m, fracPart(sum.amounts[std::size_t(m)]));
        s.bind(12, sum.rows);
        s.step();
        s.reset();
    }
    m_daily.clear();
}

} // namespace platformd::cost
