#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace platformd::core {

// Any SQLite failure; the message names the database file and what failed.
class StoreError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A prepared statement, reset and unbound when a Stmt::Use goes out of scope.
class Stmt
{
public:
    Stmt(sqlite3 *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt)
    {}
    ~Stmt();
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    Stmt &bind(int index, std::int64_t value);
    Stmt &bind(int index, double value);
    Stmt &bind(int index, std::string_view text);
    Stmt &bindBlob(int index, std::string_view bytes);
    // true: a row is available; false: done. Throws on error.
    bool step();
    void reset();

    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string_view text(int column) const;
    std::string_view blob(int column) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
};

// One SQLite connection with a cache of prepared statements. Not thread-safe: one user at a time.
class Connection
{
public:
    Connection(const std::string &path, bool create);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    void exec(const std::string &sql);
    // The cached statement for sql, reset and ready to bind.
    Stmt &prepare(const std::string &sql);
    std::int64_t queryInt(const std::string &sql);
    const std::string &path() const { return m_path; }
    [[noreturn]] void fail(const std::string &what) const;

private:
    std::string m_path;
    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<Stmt>> m_cache;
};

// Scoped transaction: BEGIN IMMEDIATE (writers) or BEGIN (readers); rolls back unless committed.
class Transaction
{
public:
    enum class Mode { Read, Write };
    Transaction(Connection &db, Mode mode);
    ~Transaction();
    void commit();

private:
    Connection &m_db;
    bool m_open = true;
};

} // namespace platformd::core
