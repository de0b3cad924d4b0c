#pragma once

#include "core/database.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// libpq's handles, kept out of this header (libpq is linked privately).
struct pg_conn;
struct pg_result;
typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace platformd::core {

// A PostgreSQL failure: what failed, PostgreSQL's message and its SQLSTATE (e.g. "55P03" for
// lock_timeout, "40001" for a serialization failure; empty when the failure was not the server's).
class PgError : public StoreError
{
public:
    PgError(const std::string &message, std::string sqlState)
        : StoreError(message)
        , m_sqlState(std::move(sqlState))
    {}
    const std::string &sqlState() const { return m_sqlState; }

private:
    std::string m_sqlState;
};

// The SQL with SQLite's numbered placeholders ?N turned into PostgreSQL's $N, outside string
// literals ('…', E'…'), quoted identifiers ("…"), dollar-quoted strings ($tag$…$tag$) and
// comments. *parameters: the highest N. A ? without digits stays (PostgreSQL's jsonb operators).
std::string translatePlaceholders(std::string_view sql, int *parameters = nullptr);

// The URI with its password (user:password@ or password=…) replaced by "***", for messages.
std::string redactedUri(std::string_view uri);

class PgConnection;

// A prepared statement (core::Stmt): bind (unbound parameters are NULL), step()
// runs it on the first call and then walks its rows, reset() forgets the bindings and the result.
// Numbers and text travel as text, blobs as binary bytea; results come back as text (bytea
// decoded). Getters on NULL give 0 / empty; isNull() tells them apart.
class PgStmt final : public Stmt
{
public:
    PgStmt(PgConnection &db, std::string name, std::string sql, int parameters);
    ~PgStmt() override;

    PgStmt &bind(int index, std::int64_t value) override;
    PgStmt &bind(int index, double value) override;
    PgStmt &bind(int index, std::string_view text) override;
    PgStmt &bindBlob(int index, std::string_view bytes) override;
    PgStmt &bindNull(int index);
    // true: a row is available; false: done. Throws PgError on error.
    bool step() override;
    void reset() override;

    std::int64_t int64(int column) const override;
    double real(int column) const override;
    std::string_view text(int column) const override;
    std::string_view blob(int column) const override;
    bool isNull(int column) const;
    int columns() const;
    // Rows an INSERT/UPDATE/DELETE touched (after step()).
    std::int64_t rowsAffected() const;
    const std::string &sql() const { return m_sql; }

private:
    void execute();
    void checkParameter(int index) const;
    void checkColumn(int column) const;

    PgConnection &m_db;
    std::string m_name, m_sql;
    std::vector<std::optional<std::string>> m_values;
    std::vector<int> m_binary;
    PGresult *m_result = nullptr;
    int m_row = -1;
    mutable std::unordered_map<int, std::string> m_decodedBlobs; // this row's bytea, by column
};

// One libpq connection (core::Connection) with a cache of prepared statements. Not thread-safe:
// one user at a time (one connection per thread). Throws PgError naming host and database (never
// the password); path() is "database D on host:port".
class PgConnection final : public Connection
{
public:
    // A libpq URI or key=value string, e.g. postgresql://platformd@db.example:5432/platformd.
    explicit PgConnection(const std::string &uri);
    ~PgConnection() override;

    // One or more statements, no parameters (migrations, LISTEN).
    void exec(const std::string &sql) override;
    // The cached statement for sql (?N placeholders), reset and ready to bind.
    PgStmt &prepare(const std::string &sql) override;
    [[noreturn]] void fail(const std::string &what) const override;
    [[noreturn]] void fail(const std::string &what, const PGresult *result) const;
    Dialect dialect() const override { return Dialect::Postgres; }
    bool broken() const override;
    // Write: BEGIN (READ COMMITTED); Read: a REPEATABLE READ, READ ONLY snapshot (what a SQLite
    // reader sees). commit() of a transaction a failed statement spoiled throws (SQLSTATE 25P02)
    // where PostgreSQL answers a silent ROLLBACK.
    void begin(Mode mode) override;
    void commit() override;
    void rollback() override;

    // LISTEN channel (a plain identifier). Notifications arrive between transactions.
    void listen(const std::string &channel);
    // Payloads of notifications received so far, else waits up to timeoutMs for one (poll() on
    // the connection's socket). Empty: none came in time. A wake-up only: read the table after.
    std::vector<std::string> waitForNotifications(int timeoutMs);
    // The same, with each notification's channel.
    struct Notification
    {
        std::string channel, payload;
    };
    std::vector<Notification> waitForNotices(int timeoutMs);

    // "database D on host:port" for messages.
    const std::string &description() const { return path(); }
    int backendPid() const;
    // Inside a transaction block (BEGIN … not yet ended), failed or not.
    bool inTransaction() const;
    PGconn *handle() const { return m_conn; }

private:
    std::vector<Notification> takeNotifications();

    PGconn *m_conn = nullptr;
    std::unordered_map<std::string, std::unique_ptr<PgStmt>> m_cache;
    int m_nextStatement = 1;
};

// The seam's scoped transaction (BEGIN / snapshot as PgConnection::begin says).
using PgTransaction = Transaction;

} // namespace platformd::core
