#include "core/postgres.h"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>

namespace platformd::core {

namespace {

constexpr Oid kByteaOid = 17;

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

// The password written in a URI (user:password@) or a key=value string (password=…), if any.
std::string passwordIn(std::string_view uri)
{
    std::string_view rest = uri;
    for (std::string_view scheme : {"postgresql://", "postgres://"}) {
        if (uri.substr(0, scheme.size()) == scheme) {
            std::string_view authority = uri.substr(scheme.size());
            authority = authority.substr(0, authority.find_first_of("/?"));
            const size_t at = authority.rfind('@');
            if (at != std::string_view::npos) {
                const std::string_view userinfo = authority.substr(0, at);
                const size_t colon = userinfo.find(':');
                if (colon != std::string_view::npos && colon + 1 < userinfo.size())
                    return std::string(userinfo.substr(colon + 1));
            }
        }
    }
    const size_t key = rest.find("password=");
    if (key == std::string_view::npos)
        return {};
    std::string_view value = rest.substr(key + 9);
    if (!value.empty() && value.front() == '\'') {
        value.remove_prefix(1);
        return std::string(value.substr(0, value.find('\'')));
    }
    return std::string(value.substr(0, value.find_first_of("& \t")));
}

// message with every occurrence of secret replaced by ***.
std::string scrubbed(std::string message, const std::string &secret)
{
    if (secret.empty())
        return message;
    for (size_t at = message.find(secret); at != std::string::npos;
         at = message.find(secret, at + 3))
        message.replace(at, secret.size(), "***");
    return message;
}

std::string sqlStateOf(const PGresult *result)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return state ? state : "";
}

void dropNotice(void *, const char *message)
{
    spdlog::debug("postgres: {}", trimmed(message));
}

bool isPlainIdentifier(std::string_view name)
{
    if (name.empty() || name.size() > 63 || isDigit(name.front()))
        return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_'))
            return false;
    return true;
}

} // namespace

std::string translatePlaceholders(std::string_view sql, int *parameters)
{
    std::string out;
    out.reserve(sql.size() + 8);
    int highest = 0;
    const size_t n = sql.size();
    size_t i = 0;
    // Copies sql[i, end) and moves i there.
    auto copyTo = [&](size_t end) {
        end = std::min(end, n);
        out.append(sql.substr(i, end - i));
        i = end;
    };
    while (i < n) {
        const char c = sql[i];
        const char next = i + 1 < n ? sql[i + 1] : '\0';
        const char prev = i > 0 ? sql[i - 1] : '\0';
        if (c == '\'') {
            // E'…' takes backslash escapes; '' is a quote inside any literal.
            const bool escapes =
                (prev == 'e' || prev == 'E') && (i < 2 || !isIdentChar(sql[i - 2]));
            size_t j = i + 1;
            while (j < n) {
                if (escapes && sql[j] == '\\') {
                    j += 2;
                } else if (sql[j] == '\'') {
                    if (j + 1 < n && sql[j + 1] == '\'')
                        j += 2;
                    else
                        break;
                } else {
                    ++j;
                }
            }
            copyTo(j + 1);
        } else if (c == '"') {
            size_t j = i + 1;
            while (j < n && !(sql[j] == '"' && !(j + 1 < n && sql[j + 1] == '"')))
                j += sql[j] == '"' ? 2 : 1;
            copyTo(j + 1);
        } else if (c == '-' && next == '-') {
            const size_t end = sql.find('\n', i);
            copyTo(end == std::string_view::npos ? n : end);
        } else if (c == '/' && next == '*') {
            // Block comments nest in PostgreSQL.
            int depth = 0;
            size_t j = i;
            while (j < n) {
                if (sql[j] == '/' && j + 1 < n && sql[j + 1] == '*') {
                    ++depth;
                    j += 2;
                } else if (sql[j] == '*' && j + 1 < n && sql[j + 1] == '/') {
                    j += 2;
                    if (--depth == 0)
                        break;
                } else {
                    ++j;
                }
            }
            copyTo(j);
        } else if (c == '$' && !isIdentChar(prev) && !isDigit(next)) {
            // $tag$ … $tag$ (tag may be empty).
            size_t j = i + 1;
            while (j < n && isIdentChar(sql[j]) && sql[j] != '$')
                ++j;
            if (j < n && sql[j] == '$') {
                const std::string_view tag = sql.substr(i, j - i + 1);
                const size_t close = sql.find(tag, j + 1);
                copyTo(close == std::string_view::npos ? n : close + tag.size());
            } else {
                copyTo(i + 1);
            }
        } else if (c == '?' && isDigit(next)) {
            size_t j = i + 1;
            int number = 0;
            while (j < n && isDigit(sql[j]) && number < 100000)
                number = number * 10 + (sql[j++] - '0');
            highest = std::max(highest, number);
            out += '$';
            out.append(sql.substr(i + 1, j - i - 1));
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    if (parameters)
        *parameters = highest;
    return out;
}

std::string redactedUri(std::string_view uri)
{
    return scrubbed(std::string(uri), passwordIn(uri));
}

// ---- PgStmt

PgStmt::PgStmt(PgConnection &db, std::string name, std::string sql, int parameters)
    : m_db(db)
    , m_name(std::move(name))
    , m_sql(std::move(sql))
    , m_values(size_t(parameters))
    , m_binary(size_t(parameters), 0)
{}

PgStmt::~PgStmt()
{
    PQclear(m_result);
}

void PgStmt::checkParameter(int index) const
{
    if (index < 1 || index > int(m_values.size()))
        throw PgError("bind: parameter " + std::to_string(index) +
                          " is out of range (the statement has " + std::to_string(m_values.size()) +
                          "; in: " + m_sql + ")",
                      {});
}

PgStmt &PgStmt::bind(int index, std::int64_t value)
{
    checkParameter(index);
    m_values[size_t(index - 1)] = std::to_string(value);
    m_binary[size_t(index - 1)] = 0;
    return *this;
}

PgStmt &PgStmt::bind(int index, double value)
{
    checkParameter(index);
    std::string text;
    if (std::isnan(value)) {
        text = "NaN";
    } else if (std::isinf(value)) {
        text = value > 0 ? "Infinity" : "-Infinity";
    } else {
        // Shortest text that reads back as the same double, independent of the C locale.
        char buffer[64];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        text.assign(buffer, ec == std::errc() ? end : buffer);
    }
    m_values[size_t(index - 1)] = std::move(text);
    m_binary[size_t(index - 1)] = 0;
    return *this;
}

PgStmt &PgStmt::bind(int index, std::string_view text)
{
    checkParameter(index);
    m_values[size_t(index - 1)] = std::string(text);
    m_binary[size_t(index - 1)] = 0;
    return *this;
}

PgStmt &PgStmt::bindBlob(int index, std::string_view bytes)
{
    checkParameter(index);
    m_values[size_t(index - 1)] = std::string(bytes);
    m_binary[size_t(index - 1)] = 1; // raw bytes: a bytea parameter needs no escaping
    return *this;
}

PgStmt &PgStmt::bindNull(int index)
{
    checkParameter(index);
    m_values[size_t(index - 1)].reset();
    m_binary[size_t(index - 1)] = 0;
    return *this;
}

void PgStmt::execute()
{
    const size_t n = m_values.size();
    std::vector<const char *> values(n);
    std::vector<int> lengths(n);
    for (size_t i = 0; i < n; ++i) {
        values[i] = m_values[i] ? m_values[i]->data() : nullptr;
        lengths[i] = m_values[i] ? int(m_values[i]->size()) : 0;
    }
    PGresult *result = PQexecPrepared(m_db.handle(), m_name.c_str(), int(n), values.data(),
                                      lengths.data(), m_binary.data(), 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        const std::string message = trimmed(PQresultErrorMessage(result));
        const std::string state = sqlStateOf(result);
        PQclear(result);
        throw PgError(message + " (" + m_db.description() + "; in: " + m_sql + ")", state);
    }
    m_result = result;
    m_row = -1;
}

bool PgStmt::step()
{
    if (!m_result)
        execute();
    if (PQresultStatus(m_result) != PGRES_TUPLES_OK)
        return false;
    m_decodedBlobs.clear();
    if (m_row < PQntuples(m_result))
        ++m_row;
    return m_row < PQntuples(m_result);
}

void PgStmt::reset()
{
    PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
    m_decodedBlobs.clear();
    for (auto &value : m_values)
        value.reset();
    std::fill(m_binary.begin(), m_binary.end(), 0);
}

void PgStmt::checkColumn(int column) const
{
    if (!m_result || m_row < 0 || m_row >= PQntuples(m_result))
        throw PgError("no current row (in: " + m_sql + ")", {});
    if (column < 0 || column >= PQnfields(m_result))
        throw PgError("column " + std::to_string(column) + " is out of range (in: " + m_sql + ")",
                      {});
}

bool PgStmt::isNull(int column) const
{
    checkColumn(column);
    return PQgetisnull(m_result, m_row, column) != 0;
}

int PgStmt::columns() const
{
    return m_result ? PQnfields(m_result) : 0;
}

std::int64_t PgStmt::int64(int column) const
{
    if (isNull(column))
        return 0;
    const std::string_view value = text(column);
    if (value == "t" || value == "f") // boolean
        return value == "t" ? 1 : 0;
    std::int64_t out = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || end != value.data() + value.size())
        throw PgError("column " + std::string(PQfname(m_result, column)) +
                          " is not a 64-bit integer: \"" + std::string(value.substr(0, 40)) +
                          "\" (in: " + m_sql + ")",
                      {});
    return out;
}

double PgStmt::real(int column) const
{
    if (isNull(column))
        return 0;
    const std::string_view value = text(column);
    double out = 0;
    // from_chars: independent of the C locale (Qt programs set it from the environment).
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || end != value.data() + value.size())
        throw PgError("column " + std::string(PQfname(m_result, column)) + " is not a number: \"" +
                          std::string(value.substr(0, 40)) + "\" (in: " + m_sql + ")",
                      {});
    return out;
}

std::string_view PgStmt::text(int column) const
{
    if (isNull(column))
        return {};
    return std::string_view(PQgetvalue(m_result, m_row, column),
                            size_t(PQgetlength(m_result, m_row, column)));
}

std::string_view PgStmt::blob(int column) const
{
    if (isNull(column))
        return {};
    if (PQftype(m_result, column) != kByteaOid)
        return text(column);
    auto it = m_decodedBlobs.find(column);
    if (it == m_decodedBlobs.end()) {
        size_t length = 0;
        unsigned char *bytes = PQunescapeBytea(
            reinterpret_cast<const unsigned char *>(PQgetvalue(m_result, m_row, column)), &length);
        if (!bytes)
            throw PgError("cannot decode bytea column " + std::string(PQfname(m_result, column)) +
                              " (out of memory)",
                          {});
        it = m_decodedBlobs.emplace(column, std::string(reinterpret_cast<char *>(bytes), length))
                 .first;
        PQfreemem(bytes);
    }
    return it->second;
}

std::int64_t PgStmt::rowsAffected() const
{
    const char *tuples = m_result ? PQcmdTuples(m_result) : "";
    std::int64_t out = 0;
    std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), out);
    return out;
}

// ---- PgConnection

PgConnection::PgConnection(const std::string &uri)
    : Connection(redactedUri(uri))
{
    const std::string password = passwordIn(uri);
    char *parseError = nullptr;
    PQconninfoOption *options = PQconninfoParse(uri.c_str(), &parseError);
    if (!options) {
        const std::string why = parseError ? trimmed(parseError) : "out of memory";
        PQfreemem(parseError);
        throw PgError("invalid PostgreSQL connection string \"" + redactedUri(uri) +
                          "\": " + scrubbed(why, password),
                      {});
    }
    PQconninfoFree(options);
    // Later keywords override earlier ones: the URI (dbname, expanded) may set its own timeout.
    const char *keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname",
                              nullptr};
    const char *values[] = {"10", "platformd", "UTF8", uri.c_str(), nullptr};
    m_conn = PQconnectdbParams(keywords, values, 1);
    if (!m_conn)
        throw PgError("cannot connect to PostgreSQL: out of memory", {});
    const char *host = PQhost(m_conn);
    const char *port = PQport(m_conn);
    const char *db = PQdb(m_conn);
    setPath(std::string("database ") + (db ? db : "?") + " on " + (host ? host : "?") + ":" +
            (port && *port ? port : "5432"));
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const std::string why = scrubbed(trimmed(PQerrorMessage(m_conn)), password);
        PQfinish(m_conn);
        m_conn = nullptr;
        throw PgError("cannot connect to PostgreSQL " + path() + ": " + why, {});
    }
    PQsetNoticeProcessor(m_conn, dropNotice, nullptr);
}

PgConnection::~PgConnection()
{
    m_cache.clear();
    PQfinish(m_conn);
}

void PgConnection::fail(const std::string &what) const
{
    fail(what, nullptr);
}

void PgConnection::fail(const std::string &what, const PGresult *result) const
{
    const std::string why = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(m_conn));
    throw PgError(what + " (" + path() + "): " + why, sqlStateOf(result));
}

void PgConnection::exec(const std::string &sql)
{
    PGresult *result = PQexec(m_conn, sql.c_str());
    const ExecStatusType status = PQresultStatus(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
        const std::string why = trimmed(PQresultErrorMessage(result));
        const std::string state = sqlStateOf(result);
        PQclear(result);
        throw PgError(path() + ": " + why + " (in: " + sql.substr(0, 80) + ")", state);
    }
    PQclear(result);
}

PgStmt &PgConnection::prepare(const std::string &sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        int parameters = 0;
        const std::string translated = translatePlaceholders(sql, &parameters);
        std::string name = "platformd_" + std::to_string(m_nextStatement++);
        PGresult *result = PQprepare(m_conn, name.c_str(), translated.c_str(), 0, nullptr);
        if (PQresultStatus(result) != PGRES_COMMAND_OK) {
            const std::string why = trimmed(PQresultErrorMessage(result));
            const std::string state = sqlStateOf(result);
            PQclear(result);
            throw PgError("cannot prepare \"" + sql + "\" (" + path() + "): " + why, state);
        }
        PQclear(result);
        it = m_cache
                 .emplace(sql,
                          std::make_unique<PgStmt>(*this, std::move(name), translated, parameters))
                 .first;
    }
    it->second->reset();
    return *it->second;
}

void PgConnection::listen(const std::string &channel)
{
    if (!isPlainIdentifier(channel))
        throw PgError("LISTEN: channel \"" + channel + "\" is not a plain lower-case identifier",
                      {});
    exec("LISTEN " + channel);
}

std::vector<PgConnection::Notification> PgConnection::takeNotifications()
{
    if (PQconsumeInput(m_conn) == 0)
        fail("reading notifications");
    std::vector<Notification> notices;
    while (PGnotify *notify = PQnotifies(m_conn)) {
        notices.push_back(
            {notify->relname ? notify->relname : "", notify->extra ? notify->extra : ""});
        PQfreemem(notify);
    }
    return notices;
}

std::vector<std::string> PgConnection::waitForNotifications(int timeoutMs)
{
    std::vector<std::string> payloads;
    for (Notification &n : waitForNotices(timeoutMs))
        payloads.push_back(std::move(n.payload));
    return payloads;
}

std::vector<PgConnection::Notification> PgConnection::waitForNotices(int timeoutMs)
{
    std::vector<Notification> notices = takeNotifications();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (notices.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0)
            break;
        pollfd fd{PQsocket(m_conn), POLLIN, 0};
        if (fd.fd < 0)
            fail("waiting for notifications: no connection");
        const int ready = ::poll(&fd, 1, int(left));
        if (ready < 0 && errno != EINTR)
            throw PgError("waiting for notifications (" + path() +
                              "): poll failed: " + std::to_string(errno),
                          {});
        if (ready > 0)
            notices = takeNotifications(); // other traffic (a parameter status) wakes us too
    }
    return notices;
}

bool PgConnection::broken() const
{
    return !m_conn || PQstatus(m_conn) == CONNECTION_BAD;
}

int PgConnection::backendPid() const
{
    return PQbackendPID(m_conn);
}

bool PgConnection::inTransaction() const
{
    const PGTransactionStatusType status = PQtransactionStatus(m_conn);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

// ---- transactions

void PgConnection::begin(Mode mode)
{
    exec(mode == Mode::Write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

void PgConnection::commit()
{
    PGresult *result = PQexec(m_conn, "COMMIT");
    const ExecStatusType status = PQresultStatus(result);
    // COMMIT of a transaction that already failed answers "ROLLBACK", not an error.
    const bool rolledBack =
        status == PGRES_COMMAND_OK && std::string_view(PQcmdStatus(result)) == "ROLLBACK";
    if (status != PGRES_COMMAND_OK || rolledBack) {
        const std::string why = rolledBack ? "a statement in it had failed, so PostgreSQL rolled "
                                             "it back"
                                           : trimmed(PQresultErrorMessage(result));
        const std::string state = rolledBack ? "25P02" : sqlStateOf(result);
        PQclear(result);
        throw PgError("commit (" + path() + "): " + why, state);
    }
    PQclear(result);
}

void PgConnection::rollback()
{
    exec("ROLLBACK");
}

} // namespace platformd::core
