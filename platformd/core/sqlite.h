#pragma once

// The SQLite implementation of the storage seam (core/database.h): the embedded default.
#include "core/database.h"

#include <memory>
#include <string>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace platformd::core {

class SqliteStmt final : public Stmt
{
public:
    SqliteStmt(sqlite3 *db, sqlite3_stmt *stmt)
        : m_db(db)
        , m_stmt(stmt)
    {}
    ~SqliteStmt() override;

    Stmt &bind(int index, std::int64_t value) override;
    Stmt &bind(int index, double value) override;
    Stmt &bind(int index, std::string_view text) override;
    Stmt &bindBlob(int index, std::string_view bytes) override;
    bool step() override;
    void reset() override;

    std::int64_t int64(int column) const override;
    double real(int column) const override;
    std::string_view text(int column) const override;
    std::string_view blob(int column) const override;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
};

// One SQLite connection (the file at path) with a cache of prepared statements.
class SqliteConnection final : public Connection
{
public:
    SqliteConnection(const std::string &path, bool create);
    ~SqliteConnection() override;

    void exec(const std::string &sql) override;
    Stmt &prepare(const std::string &sql) override;
    [[noreturn]] void fail(const std::string &what) const override;
    Dialect dialect() const override { return Dialect::Sqlite; }
    // BEGIN IMMEDIATE (writers) or BEGIN (readers); COMMIT; ROLLBACK.
    void begin(Mode mode) override;
    void commit() override;
    void rollback() override;

private:
    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<SqliteStmt>> m_cache;
};

} // namespace platformd::core
