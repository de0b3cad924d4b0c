#pragma once

// The storage seam of the core: what modules see of a database connection. SQL is written once,
// with `?N` parameters, in the dialect SQLite and PostgreSQL share; core/sqlite.h implements it
// for the embedded default (issue 15 adds PostgreSQL behind the same interface).

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace platformd::core {

// Any storage failure; the message names the database and what failed (never a password).
class StoreError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A prepared statement, reset and unbound by Connection::prepare before each use.
class Stmt
{
public:
    virtual ~Stmt() = default;
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    virtual Stmt &bind(int index, std::int64_t value) = 0;
    virtual Stmt &bind(int index, double value) = 0;
    virtual Stmt &bind(int index, std::string_view text) = 0;
    virtual Stmt &bindBlob(int index, std::string_view bytes) = 0;
    // true: a row is available; false: done. Throws StoreError on error.
    virtual bool step() = 0;
    virtual void reset() = 0;

    // The current row's columns (valid until the next step or reset).
    virtual std::int64_t int64(int column) const = 0;
    virtual double real(int column) const = 0;
    virtual std::string_view text(int column) const = 0;
    virtual std::string_view blob(int column) const = 0;

protected:
    Stmt() = default;
};

// One connection with a cache of prepared statements. Not thread-safe: one user at a time.
class Connection
{
public:
    enum class Mode { Read, Write };
    // The engine behind the seam. Modules write the SQL both share (core/sqldialect.h) and ask
    // only where an engine's own statement pays (e.g. SQLite's PRAGMAs around a bulk load).
    enum class Dialect { Sqlite, Postgres };

    virtual ~Connection() = default;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Runs one or more statements without results.
    virtual void exec(const std::string &sql) = 0;
    // The cached statement for sql, reset and ready to bind.
    virtual Stmt &prepare(const std::string &sql) = 0;
    // The first column of the first row of sql (0 without rows).
    std::int64_t queryInt(const std::string &sql)
    {
        Stmt &stmt = prepare(sql);
        const std::int64_t value = stmt.step() ? stmt.int64(0) : 0;
        stmt.reset();
        return value;
    }
    virtual Dialect dialect() const = 0;
    // What errors name: the database file, or the server and database.
    const std::string &path() const { return m_path; }
    // Throws StoreError: what, the database and the driver's last message.
    [[noreturn]] virtual void fail(const std::string &what) const = 0;

    // The connection to a server was lost (a restart, a failover, an administrator's
    // pg_terminate_backend): open a new one. Never for a file.
    virtual bool broken() const { return false; }

    // Transaction control (Transaction below): Write takes the writers' lock at the start.
    virtual void begin(Mode mode) = 0;
    virtual void commit() = 0;
    virtual void rollback() = 0;

protected:
    explicit Connection(std::string path)
        : m_path(std::move(path))
    {}
    void setPath(std::string path) { m_path = std::move(path); }

private:
    std::string m_path;
};

// Scoped transaction: rolls back unless committed.
class Transaction
{
public:
    using Mode = Connection::Mode;
    Transaction(Connection &db, Mode mode)
        : m_db(db)
    {
        db.begin(mode);
    }
    ~Transaction()
    {
        if (m_open) {
            try {
                m_db.rollback();
            } catch (...) {
            }
        }
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    // Whatever COMMIT answers, the transaction is over (a failed commit throws).
    void commit()
    {
        m_open = false;
        m_db.commit();
    }
    void rollback()
    {
        m_open = false;
        m_db.rollback();
    }

private:
    Connection &m_db;
    bool m_open = true;
};

} // namespace platformd::core
