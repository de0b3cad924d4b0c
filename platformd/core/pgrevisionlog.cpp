#include "core/pgrevisionlog.h"

#include <chrono>

namespace platformd::core {

void PgRevisionLog::migrate(PgConnection &db)
{
    PgTransaction tx(db, PgTransaction::Mode::Write);
    // Two replicas creating the tables at once would collide in the catalog.
    db.exec("SELECT pg_advisory_xact_lock(hashtext('platformd.revisionlog.migrate'))");
    // The same shape as the SQLite store's meta and changes (core/store.cpp, migration 1).
    db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);"
            "INSERT INTO meta VALUES ('revision', 0), ('compacted_through', 0) "
            "ON CONFLICT (key) DO NOTHING;"
            "CREATE TABLE IF NOT EXISTS changes (revision BIGINT PRIMARY KEY, "
            "commit_time BIGINT NOT NULL, payload BYTEA NOT NULL)");
    tx.commit();
}

std::int64_t PgRevisionLog::takeRevision()
{
    if (!m_db.inTransaction())
        throw PgError("taking a revision outside a transaction (" + m_db.description() +
                          "): its row lock must last until the commit",
                      {});
    PgStmt &next =
        m_db.prepare("UPDATE meta SET value = value + 1 WHERE key = 'revision' RETURNING value");
    if (!next.step())
        throw PgError("the revision row is missing from meta (" + m_db.description() +
                          "): the revision log is not migrated",
                      {});
    const std::int64_t revision = next.int64(0);
    next.reset();
    return revision;
}

void PgRevisionLog::append(std::int64_t revision, std::int64_t commitTimeMs,
                           std::string_view payload)
{
    PgStmt &insert =
        m_db.prepare("INSERT INTO changes (revision, commit_time, payload) VALUES (?1, ?2, ?3)");
    insert.bind(1, revision).bind(2, commitTimeMs).bindBlob(3, payload);
    insert.step();
    insert.reset();
    // Delivered when (and only if) the transaction commits, in commit order.
    PgStmt &notify = m_db.prepare("SELECT pg_notify(?1, ?2)");
    notify.bind(1, std::string_view(kChannel)).bind(2, std::to_string(revision));
    notify.step();
    notify.reset();
}

std::int64_t PgRevisionLog::logged(const Effect &effect)
{
    PgTransaction tx(m_db, PgTransaction::Mode::Write);
    const std::int64_t revision = takeRevision();
    std::optional<std::string> payload = effect(m_db, revision);
    if (!payload)
        return 0; // rolled back with the revision: the next writer gets the same number
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch());
    append(revision, now.count(), *payload);
    tx.commit();
    return revision;
}

std::vector<PgChange> PgRevisionLog::readChanges(std::int64_t after, int limit)
{
    PgStmt &select = m_db.prepare("SELECT revision, commit_time, payload FROM changes "
                                  "WHERE revision > ?1 ORDER BY revision LIMIT ?2");
    select.bind(1, after).bind(2, std::int64_t(limit));
    std::vector<PgChange> rows;
    while (select.step())
        rows.push_back({select.int64(0), select.int64(1), std::string(select.blob(2))});
    select.reset();
    return rows;
}

std::int64_t PgRevisionLog::currentRevision()
{
    return m_db.queryInt("SELECT value FROM meta WHERE key = 'revision'");
}

void PgRevisionLog::listen()
{
    m_db.listen(kChannel);
}

bool PgRevisionLog::waitForChange(int timeoutMs)
{
    return !m_db.waitForNotifications(timeoutMs).empty();
}

} // namespace platformd::core
