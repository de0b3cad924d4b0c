#include "core/sqlite.h"

#include <sqlite3.h>

namespace platformd::core {

Stmt::~Stmt()
{
    sqlite3_finalize(m_stmt);
}

static void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK)
        throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db));
}

Stmt &Stmt::bind(int index, std::int64_t value)
{
    check(m_db, sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Stmt &Stmt::bind(int index, double value)
{
    check(m_db, sqlite3_bind_double(m_stmt, index, value), "bind");
    return *this;
}

// SQLITE_TRANSIENT: SQLite copies the bytes. Callers bind temporaries (bind(3, joinRoles(...)));
// with SQLITE_STATIC those dangled by step() and stored freed memory (users.roles of a
// compliance_officer came back as garbage, so the user was denied everything).
Stmt &Stmt::bind(int index, std::string_view text)
{
    check(m_db, sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

Stmt &Stmt::bindBlob(int index, std::string_view bytes)
{
    check(m_db, sqlite3_bind_blob(m_stmt, index, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT),
          "bind");
    return *this;
}

bool Stmt::step()
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

void Stmt::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Stmt::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Stmt::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view Stmt::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}

std::string_view Stmt::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? std::string_view(p, size_t(sqlite3_column_bytes(m_stmt, column)))
             : std::string_view();
}

Connection::Connection(const std::string &path, bool create)
    : m_path(path)
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

Connection::~Connection()
{
    m_cache.clear();
    sqlite3_close(m_db);
}

void Connection::fail(const std::string &what) const
{
    throw StoreError(what + " (database " + m_path + "): " + sqlite3_errmsg(m_db));
}

void Connection::exec(const std::string &sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(m_db);
        sqlite3_free(error);
        throw StoreError("database " + m_path + ": " + message + " (in: " + sql.substr(0, 80) +
                         ")");
    }
}

Stmt &Connection::prepare(const std::string &sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v3(m_db, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                               nullptr) != SQLITE_OK)
            fail("cannot prepare \"" + sql + "\"");
        it = m_cache.emplace(sql, std::make_unique<Stmt>(m_db, stmt)).first;
    }
    it->second->reset();
    return *it->second;
}

std::int64_t Connection::queryInt(const std::string &sql)
{
    Stmt &stmt = prepare(sql);
    const std::int64_t value = stmt.step() ? stmt.int64(0) : 0;
    stmt.reset();
    return value;
}

Transaction::Transaction(Connection &db, Mode mode)
    : m_db(db)
{
    db.exec(mode == Mode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
    if (m_open) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

} // namespace platformd::core
