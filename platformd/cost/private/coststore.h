#pragma once

#include "cost/private/costtypes.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace platformd::core {
class Connection;
class Store;
} // namespace platformd::core

namespace platformd::cost {

namespace focus {
struct Row;
}

// The cost tables (migration 7, costmodule.cpp) on the core's store: imported rows exactly as
// read, grouped in segments (one billing account's billing period, the unit a re-import
// replaces), the daily rollups the explorer reads, and the distinct dimension combinations (keys)
// both refer to. Keys and the rollups are cached in memory (a few thousand keys at most); raw reads
// go to the database. On a store other replicas share (PostgreSQL), each read of the caches first
// checks whether an import committed anywhere since they were loaded (refresh()).
class CostStore
{
public:
    explicit CostStore(core::Store &store);

    core::Store &core() { return m_store; }
    // Every key (a snapshot; reloaded after each write, refreshed first on a shared store).
    std::shared_ptr<const KeyTable> keys();
    void reloadKeys();
    // Re-reads the keys and the in-memory copy of cost_daily (after a write committed).
    void reload();
    // On a store other replicas share: reloads when the imports committed (by any replica) are
    // not the ones loaded. Nothing on SQLite, where this process is the only writer.
    void refresh();
    bool empty() const; // no import yet

    // Rollup rows with fromDay <= day < toDay: fn(day, key, amount of metric). Any thread; served
    // from an in-memory copy of cost_daily (columns sorted by day), reloaded after each write.
    void daily(std::int64_t fromDay, std::int64_t toDay, Metric metric,
               const std::function<void(std::int64_t, std::int64_t, Units)> &fn);
    // Raw rows with fromDay <= day < toDay (for resource-level views).
    struct RawRow
    {
        std::int64_t day = 0, key = 0;
        Amounts amounts{};
        std::string resourceId, resourceName, resourceType, pricingCategory, commitmentStatus,
            extraJson;
    };
    void raw(std::int64_t fromDay, std::int64_t toDay,
             const std::function<void(const RawRow &)> &fn);
    // [first day, last day + 1) of the data; {0, 0} when empty.
    std::pair<std::int64_t, std::int64_t> dataDays();

    // Serializes cost writers (imports, the demo): held for a whole import.
    std::mutex &writeMutex() { return m_writeMutex; }

private:
    // Which imports the tables hold: (count, newest id) of cost_imports, which no one deletes.
    using Generation = std::pair<std::int64_t, std::int64_t>;
    static Generation generationIn(core::Connection &db);
    friend class CostWriter;
    core::Store &m_store;
    std::mutex m_writeMutex;
    mutable std::mutex m_keysMutex;
    std::shared_ptr<const KeyTable> m_keys;
    std::unordered_map<std::string, std::int64_t> m_keyIds; // by tuple text
    struct DailyTable
    {
        std::vector<std::int32_t> day, key; // sorted by day
        std::vector<Amounts> amounts;
    };
    void reloadDaily();
    std::shared_ptr<const DailyTable> dailyTable();
    std::shared_ptr<const DailyTable> m_daily; // under m_keysMutex
    std::mutex m_refreshMutex;                 // one reload at a time
    Generation m_generation{-1, -1};           // loaded; under m_refreshMutex
};

// Writes one import's rows inside the caller's transaction (db is the writer connection, the
// CostStore's write mutex held): interns keys, replaces the segments an earlier import holds,
// inserts the rows and, in finish(), the daily rollups.
class CostWriter
{
public:
    CostWriter(CostStore &store, core::Connection &db, std::int64_t importId);
    // *cachedKey (when given): the row's key id if known (> 0), else set to it; for writers that
    // add many rows of one key. rollupOnly: counted in the rollups but not kept as a raw row
    // (the demo's older history).
    void add(const focus::Row &row, std::int64_t *cachedKey = nullptr, bool rollupOnly = false);
    void finish();

    // "BillingAccountId 2024-09" of each segment replaced.
    std::vector<std::string> replacedPeriods;
    std::map<std::string, Units> billedByProvider, effectiveByProvider;
    std::set<std::string> currencies;
    std::int64_t rows = 0;
    std::int64_t minStart = 0, maxEnd = 0;

private:
    std::int64_t keyFor(const focus::Row &row);
    // The key's id in cost_keys, inserted when absent.
    std::int64_t findKey(const focus::Row &row, const std::string &region, const std::string &tags);
    std::int64_t segmentFor(const focus::Row &row);
    void insertRow(const focus::Row &row, std::int64_t segment, std::int64_t key, std::int64_t day,
                   const Amounts &amounts);
    void accumulate(const focus::Row &row, std::int64_t segment, std::int64_t key, std::int64_t day,
                    const Amounts &amounts);

    struct DailyKey
    {
        std::int64_t segment, day, key;
        bool operator==(const DailyKey &) const = default;
    };
    struct DailyHash
    {
        std::size_t operator()(const DailyKey &k) const
        {
            return std::size_t(k.segment * 1000003 ^ k.day * 7919 ^ k.key * 31);
        }
    };
    struct DailySum
    {
        Amounts amounts{};
        std::int64_t rows = 0;
    };

    CostStore &m_store;
    core::Connection &m_db;
    std::int64_t m_importId;
    std::unordered_map<std::string, std::int64_t> m_seenKeys; // tuple -> id, this import's
    std::string m_rawTags, m_tags;                            // the last Tags text, canonical
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> m_segments;
    std::pair<std::string, std::int64_t> m_lastSegmentKey;
    std::int64_t m_lastSegment = 0;
    std::unordered_map<DailyKey, DailySum, DailyHash> m_daily;
    std::string m_tuple, m_extra;
};

} // namespace platformd::cost
