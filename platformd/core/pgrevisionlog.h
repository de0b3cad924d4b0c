#pragma once

#include "core/postgres.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platformd::core {

// One row of the PostgreSQL revision log.
struct PgChange
{
    std::int64_t revision = 0;
    std::int64_t commitTimeMs = 0;
    std::string payload;
};

// The revision log on PostgreSQL (issue 15), shared by any number of platformd replicas, that a
// watcher reads with "revision > last" without ever skipping a revision committed late.
//
// A writer takes its revision with `UPDATE meta SET value = value + 1 … RETURNING value` inside its
// own (READ COMMITTED) transaction: the row lock it takes is held until that transaction ends, so
// the next writer's UPDATE waits for it and then reads the committed value. Revision r + 1 is
// therefore taken only after r committed (or rolled back, which gives r back), and becomes visible
// after it: a snapshot that sees r + 1 sees every revision below it. Revisions are dense (1, 2, 3,
// …); a sequence (nextval) would hand out numbers before commit and let a reader at "> last" pass
// over a row that commits later. NOTIFY only wakes watchers; the `changes` table is the truth.
class PgRevisionLog
{
public:
    // The channel writers NOTIFY (payload: the revision) and watchers LISTEN on.
    static constexpr const char *kChannel = "platformd_changes";

    explicit PgRevisionLog(PgConnection &db)
        : m_db(db)
    {}

    // Creates the log's tables (meta's revision row, changes) if missing; replicas starting
    // together serialise on an advisory lock.
    static void migrate(PgConnection &db);

    // Inside the caller's write transaction: the next revision, its row lock held until the
    // transaction ends. Throws outside a transaction (the lock would end with the statement).
    std::int64_t takeRevision();
    // Inside the same transaction: appends the entry and queues the notification (sent at commit).
    void append(std::int64_t revision, std::int64_t commitTimeMs, std::string_view payload);
    // One transaction: effect writes for the next revision and returns its payload, or nullopt to
    // roll back (returns 0; the revision is given back). Returns the committed revision.
    using Effect = std::function<std::optional<std::string>(PgConnection &, std::int64_t)>;
    std::int64_t logged(const Effect &effect);

    // Entries with revision > after, ascending, at most limit (one statement: one snapshot).
    std::vector<PgChange> readChanges(std::int64_t after, int limit);
    // The newest committed revision.
    std::int64_t currentRevision();

    // LISTEN on kChannel (this connection; before the first readChanges, so no wake-up is lost).
    void listen();
    // true once a commit was notified, false after timeoutMs without one. Read the table after.
    bool waitForChange(int timeoutMs);

private:
    PgConnection &m_db;
};

} // namespace platformd::core
