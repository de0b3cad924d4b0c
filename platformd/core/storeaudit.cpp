#include "core/store.h"

// The Store's audit log: appends in the same transaction as their effect, the head anchor
// (core/storebackend.h), reads for ListAuditEvents/WatchAudit and verification (docs/SECURITY.md).

#include <chrono>
#include <cstdio>
#include <ctime>

namespace platformd::core {

std::string Store::formatAuditTime(std::int64_t unixMicros)
{
    const std::time_t seconds = std::time_t(unixMicros / 1000000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    // Sized for any int year, so the format can never truncate.
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  int(((unixMicros % 1000000) + 1000000) % 1000000));
    return buffer;
}

std::string Store::auditHeadPath() const
{
    return m_backend->auditHeadPath();
}

namespace {

audit::Entry readEntry(Stmt &s)
{
    audit::Entry e;
    e.seq = s.int64(0);
    e.time = s.text(1);
    e.actor = s.text(2);
    e.role = s.text(3);
    e.action = s.text(4);
    e.resource = s.text(5);
    e.requestSummary = s.text(6);
    e.result = s.text(7);
    e.resultMessage = s.text(8);
    e.peer = s.text(9);
    e.prevHash = s.text(10);
    e.entryHash = s.text(11);
    return e;
}

const char kSelectAudit[] =
    "SELECT seq, time, actor, role, action, resource, request_summary, result, "
    "result_message, peer, prev_hash, entry_hash FROM audit WHERE seq > ?1 "
    "ORDER BY seq LIMIT ?2";

} // namespace

audit::Entry Store::audited(audit::Entry entry, const AuditedEffect &effect)
{
    return auditedCommit(
        std::move(entry),
        [&](Connection &db, audit::Entry &e, std::int64_t) -> std::optional<LogEntry> {
            if (effect)
                effect(db, e);
            return std::nullopt;
        });
}

audit::Entry Store::auditedCommit(audit::Entry entry, const AuditedLogEffect &effect,
                                  std::int64_t *revision)
{
    std::lock_guard lock(m_writeMutex);
    Connection &db = writer();
    m_backend->setDurable(db, true);
    struct RestoreSync
    {
        StoreBackend &backend;
        Connection &db;
        ~RestoreSync()
        {
            try {
                backend.setDurable(db, false);
            } catch (...) {
            }
        }
    } restore{*m_backend, db};
    Transaction tx(db, Transaction::Mode::Write);
    if (entry.result.empty())
        entry.result = "OK";
    // The revision's lock first, then the audit head's: every writer takes them in this order.
    const std::int64_t newRevision = m_backend->lockRevision(db, m_revision) + 1;
    std::optional<LogEntry> logEntry;
    if (effect)
        logEntry = effect(db, entry, newRevision);
    if (logEntry)
        appendLog(*logEntry, newRevision);
    // The chain continues from what the store holds, not from memory: a CLI or another replica
    // may have appended.
    const auto [lastSeq, lastHash] = m_backend->lockAuditHead(db);
    entry.seq = lastSeq + 1;
    entry.time = formatAuditTime(std::chrono::duration_cast<std::chrono::microseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count());
    audit::seal(entry, lastHash);
    Stmt &insert =
        db.prepare("INSERT INTO audit (seq, time, actor, role, action, resource, "
                   "request_summary, result, result_message, peer, prev_hash, entry_hash) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    insert.bind(1, entry.seq).bind(2, entry.time).bind(3, entry.actor).bind(4, entry.role);
    insert.bind(5, entry.action).bind(6, entry.resource).bind(7, entry.requestSummary);
    insert.bind(8, entry.result).bind(9, entry.resultMessage).bind(10, entry.peer);
    insert.bind(11, entry.prevHash).bind(12, entry.entryHash);
    insert.step();
    insert.reset();
    m_backend->auditAppended(db, entry.seq, entry.entryHash);
    tx.commit();
    if (revision)
        *revision = logEntry ? newRevision : 0;
    if (logEntry) {
        noteRevision(newRevision);
        if (logEntry->committed)
            logEntry->committed();
        publishLog(newRevision, std::move(logEntry->entry));
    }
    m_backend->auditCommitted(entry.seq, entry.entryHash);
    {
        std::lock_guard auditLock(m_auditMutex);
        if (entry.seq > m_auditSeq) {
            m_auditSeq = entry.seq;
            m_auditHash = entry.entryHash;
        }
    }
    publishAudit(entry);
    return entry;
}

std::vector<audit::Entry> Store::readAudit(std::int64_t afterSeq, int limit)
{
    std::vector<audit::Entry> entries;
    read([&](Connection &db) {
        Stmt &select = db.prepare(kSelectAudit);
        select.bind(1, afterSeq).bind(2, std::int64_t(limit));
        while (select.step())
            entries.push_back(readEntry(select));
        select.reset();
    });
    return entries;
}

std::pair<std::int64_t, std::string> Store::auditHead() const
{
    std::lock_guard lock(m_auditMutex);
    return {m_auditSeq, m_auditHash};
}

audit::Verdict Store::verifyAudit(Connection &db, const std::string &headPath)
{
    // The anchor first: rows only ever grow, so everything it names must already be in the table.
    std::optional<std::pair<std::int64_t, std::string>> anchor;
    std::string anchorName = headPath;
    if (db.dialect() == Connection::Dialect::Postgres) {
        // The anchor is the audit_head row, moved in each append's transaction.
        anchorName = "audit_head row";
        Stmt &head = db.prepare("SELECT seq, hash FROM audit_head WHERE id = 1");
        if (head.step() && head.int64(0) > 0)
            anchor.emplace(head.int64(0), std::string(head.text(1)));
        head.reset();
    } else if (std::FILE *f = std::fopen(headPath.c_str(), "r")) {
        long long seq = 0;
        char hash[65] = {};
        if (std::fscanf(f, "%lld %64s", &seq, hash) == 2)
            anchor.emplace(seq, hash);
        std::fclose(f);
    }
    audit::Verifier verifier;
    Stmt &select = db.prepare(kSelectAudit);
    std::int64_t after = 0;
    for (;;) {
        select.bind(1, after).bind(2, std::int64_t(1000));
        int rows = 0;
        bool ok = true;
        while (ok && select.step()) {
            const audit::Entry e = readEntry(select);
            ++rows;
            after = e.seq;
            ok = verifier.add(e);
        }
        select.reset();
        if (!ok || rows < 1000)
            break;
    }
    if (!anchor && verifier.verdict().intact && verifier.verdict().headSeq == 0) {
        // Nothing to anchor and nothing logged: only a store nobody has used yet. The first user
        // (the bootstrap admin) is created with an audit row, so users without rows mean the log
        // was emptied together with its anchor.
        Stmt &users = db.prepare("SELECT EXISTS (SELECT 1 FROM users)");
        const bool used = users.step() && users.int64(0) != 0;
        users.reset();
        if (used) {
            audit::Verdict v = verifier.verdict();
            v.intact = false;
            v.firstBadSeq = 1;
            v.problem = "the audit log is empty and the anchor " + anchorName +
                        " is missing, but the store has users: the log was emptied";
            return v;
        }
    }
    if (anchor) {
        verifier.expectHead(anchor->first, anchor->second);
    } else if (verifier.verdict().intact && verifier.verdict().headSeq > 0) {
        audit::Verdict v = verifier.verdict();
        v.intact = false;
        v.firstBadSeq = v.headSeq;
        v.problem = "the anchor " + anchorName +
                    " is missing or unreadable (truncation cannot be ruled out)";
        return v;
    }
    return verifier.verdict();
}

} // namespace platformd::core
