#include "core/sqlite.h"

#include <sqlite3.h>

namespace platformd::core {

SqliteStmt::~SqliteStmt()
{
    sqlite3_finalize(m_stmt);
}

static void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK)
        throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db));
}

Stmt &SqliteStmt::bind(int index, std::int64_t value)
{
    check(m_db, sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Stmt &SqliteStmt::bind(int index, double value)
{
    check(m_db, sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}

// SQLITE_TRANSIENT: SQLite copies the bytes. Callers bind temporaries (bind(3, joinRoles(...)));
// with SQLITE_STATIC those dangled by step() and stored freed memory (users.roles of a
// compliance_officer came back as garbage, so the user was denied everything).
Stmt &SqliteStmt::bind(int index, std::string_view text)
{
    check(m_db, sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Stmt &SqliteStmt::bindBlob(int index, std::string_view bytes)
{
    check(m_db, sqlite3_bind_blob(m_stmt, index, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

bool SqliteStmt::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string message =
        std::string(sqlite3_errmsg(m_db)) + " (in: " + sqlite3_sql(m_stmt) + ")";
    sqlite3_reset(m_stmt);
    throw StoreError(message);
}

void SqliteStmt::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t SqliteStmt::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStmt::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view SqliteStmt::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}

std::string_view SqliteStmt::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}

SqliteConnection::SqliteConnection(const std::string &path, bool create)
    : Connection(path)
{
    const int flags =
        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError("cannot open database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
}

SqliteConnection::~SqliteConnection()
{
    m_cache.clear();
    sqlite3_close(m_db);
}

void SqliteConnection::fail(const std::string &what) const
{
    throw StoreError(what + " (database " + path() + "): " + sqlite3_errmsg(m_db));
}

void SqliteConnection::exec(const std::string &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(m_db);
        sqlite3_free(error);
        throw StoreError("database " + path() + ": " + message + " (in: " + sql.substr(0, 80) +
                         ")");
    }
}

Stmt &SqliteConnection::prepare(const std::string &sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v3(m_db, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                               nullptr) != SQLITE_OK)
            fail("cannot prepare \"" + sql + "\"");
        it = m_cache.emplace(sql, std::make_unique<SqliteStmt>(m_db, stmt)).first;
    }
    it->second->reset();
    return *it->second;
}

void SqliteConnection::begin(Mode mode)
{
    exec(mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteConnection::commit()
{
    exec("COMMIT");
}

void SqliteConnection::rollback()
{
    exec("ROLLBACK");
}

} // namespace platformd::core
