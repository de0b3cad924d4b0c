#include "core/sqldialect.h"

#include "core/database.h"
#include "core/migration.h"

#include <cctype>
#include <vector>

namespace platformd::core {

namespace {

struct Token
{
    enum class Kind { Space, Word, String, Quoted, Blob, Other };
    Kind kind;
    std::string text;
};

bool isWordStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// Where a quoted piece that starts at `at` (with `quote`) ends, past the closing quote; a doubled
// quote is an escaped one. Throws on an unterminated one.
std::size_t endOfQuoted(std::string_view sql, std::size_t at, char quote)
{
    for (std::size_t i = at + 1; i < sql.size(); ++i) {
        if (sql[i] != quote)
            continue;
        if (i + 1 < sql.size() && sql[i + 1] == quote) {
            ++i;
            continue;
        }
        return i + 1;
    }
    throw StoreError(std::string("SQL dialect: unterminated ") + quote +
                     " in: " + std::string(sql.substr(at, 60)));
}

// The statements of sql (split at ; outside quotes and comments), each as tokens.
std::vector<std::vector<Token>> statements(std::string_view sql)
{
    std::vector<std::vector<Token>> out(1);
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        std::size_t end = i + 1;
        Token::Kind kind = Token::Kind::Other;
        if (std::isspace(static_cast<unsigned char>(c))) {
            while (end < sql.size() && std::isspace(static_cast<unsigned char>(sql[end])))
                ++end;
            kind = Token::Kind::Space;
        } else if (c == '-' && end < sql.size() && sql[end] == '-') {
            end = sql.find('\n', i);
            end = end == std::string_view::npos ? sql.size() : end;
            kind = Token::Kind::Space;
        } else if ((c == 'x' || c == 'X') && end < sql.size() && sql[end] == '\'') {
            end = endOfQuoted(sql, end, '\'');
            kind = Token::Kind::Blob;
        } else if (isWordStart(c)) {
            while (end < sql.size() && isWordChar(sql[end]))
                ++end;
            kind = Token::Kind::Word;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            while (end < sql.size() && (isWordChar(sql[end]) || sql[end] == '.'))
                ++end;
        } else if (c == '\'') {
            end = endOfQuoted(sql, i, '\'');
            kind = Token::Kind::String;
        } else if (c == '"') {
            end = endOfQuoted(sql, i, '"');
            kind = Token::Kind::Quoted;
        } else if (c == ';') {
            out.emplace_back();
            i = end;
            continue;
        }
        out.back().push_back({kind, std::string(sql.substr(i, end - i))});
        i = end;
    }
    // Drop statements that are only whitespace (after the last ;).
    std::vector<std::vector<Token>> nonEmpty;
    for (auto &s : out) {
        for (const Token &t : s) {
            if (t.kind != Token::Kind::Space) {
                nonEmpty.push_back(std::move(s));
                break;
            }
        }
    }
    return nonEmpty;
}

std::string joined(const std::vector<Token> &tokens)
{
    std::string text;
    for (const Token &t : tokens)
        text += t.text;
    return text;
}

// Index of the next non-space token at or after i (tokens.size() if none).
std::size_t next(const std::vector<Token> &tokens, std::size_t i)
{
    while (i < tokens.size() && tokens[i].kind == Token::Kind::Space)
        ++i;
    return i;
}

bool isWord(const std::vector<Token> &tokens, std::size_t i, std::string_view word)
{
    return i < tokens.size() && tokens[i].kind == Token::Kind::Word &&
           upper(tokens[i].text) == word;
}

[[noreturn]] void notMechanical(const std::vector<Token> &statement, const std::string &why)
{
    std::string text = joined(statement);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    text = text.substr(first == std::string::npos ? 0 : first, 80);
    throw StoreError("SQL dialect: " + why + " has no mechanical PostgreSQL form (give the " +
                     "migration a postgres variant): " + text);
}

std::string translate(std::vector<Token> tokens)
{
    const std::size_t first = next(tokens, 0);
    const std::size_t second = next(tokens, first + 1);
    if (isWord(tokens, first, "PRAGMA"))
        notMechanical(tokens, "PRAGMA");
    if (isWord(tokens, first, "REPLACE") ||
        (isWord(tokens, first, "INSERT") && isWord(tokens, second, "OR") &&
         isWord(tokens, next(tokens, second + 1), "REPLACE")))
        notMechanical(tokens, "INSERT OR REPLACE");
    if (isWord(tokens, first, "CREATE")) {
        std::size_t what = second;
        if (isWord(tokens, what, "TEMP") || isWord(tokens, what, "TEMPORARY"))
            what = next(tokens, what + 1);
        if (isWord(tokens, what, "TRIGGER"))
            notMechanical(tokens, "CREATE TRIGGER");
        if (isWord(tokens, what, "VIRTUAL"))
            notMechanical(tokens, "CREATE VIRTUAL TABLE");
    }
    const bool ddl = isWord(tokens, first, "CREATE") || isWord(tokens, first, "ALTER");
    // Only a rowid table's INTEGER PRIMARY KEY is an alias of the rowid (generated when left out).
    bool rowidTable = ddl;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (isWord(tokens, i, "WITHOUT") && isWord(tokens, next(tokens, i + 1), "ROWID"))
            rowidTable = false;
    bool onConflict = false;
    if (isWord(tokens, first, "INSERT") && isWord(tokens, second, "OR")) {
        const std::size_t mode = next(tokens, second + 1);
        if (!isWord(tokens, mode, "IGNORE"))
            notMechanical(tokens, "INSERT OR " + (mode < tokens.size() ? tokens[mode].text : ""));
        // "INSERT OR IGNORE" -> "INSERT"; ON CONFLICT DO NOTHING goes before any RETURNING.
        tokens.erase(tokens.begin() + std::ptrdiff_t(first + 1),
                     tokens.begin() + std::ptrdiff_t(mode + 1));
        onConflict = true;
    }
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens[i];
        if (t.kind == Token::Kind::Blob) {
            out += "'\\x" + t.text.substr(2, t.text.size() - 3) + "'::bytea";
            continue;
        }
        if (t.kind != Token::Kind::Word) {
            out += t.text;
            continue;
        }
        const std::string word = upper(t.text);
        if (word == "AUTOINCREMENT")
            notMechanical(tokens, "AUTOINCREMENT");
        if (onConflict && word == "RETURNING") {
            out += "ON CONFLICT DO NOTHING ";
            onConflict = false;
        }
        if (!ddl) {
            out += t.text;
            continue;
        }
        if (word == "WITHOUT" && isWord(tokens, next(tokens, i + 1), "ROWID")) {
            i = next(tokens, i + 1);
            while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
                out.pop_back();
            continue;
        }
        if (word == "INTEGER") {
            const std::size_t primary = next(tokens, i + 1);
            if (rowidTable && isWord(tokens, primary, "PRIMARY") &&
                isWord(tokens, next(tokens, primary + 1), "KEY")) {
                // SQLite's rowid alias: the value is generated when the insert leaves it out.
                out += "BIGINT GENERATED BY DEFAULT AS IDENTITY";
                continue;
            }
            out += "BIGINT";
        } else if (word == "REAL") {
            out += "DOUBLE PRECISION";
        } else if (word == "BLOB") {
            out += "BYTEA";
        } else {
            out += t.text;
        }
    }
    if (onConflict) {
        while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back())))
            out.pop_back();
        out += " ON CONFLICT DO NOTHING";
    }
    return out;
}

} // namespace

std::string postgresDdl(std::string_view sqliteSql)
{
    std::string out;
    for (std::vector<Token> &statement : statements(sqliteSql))
        out += translate(std::move(statement)) + ";";
    return out;
}

std::string postgresSql(const Migration &migration)
{
    if (!migration.postgres.empty())
        return migration.postgres;
    try {
        return postgresDdl(migration.sql);
    } catch (const StoreError &e) {
        throw StoreError("migration " + std::to_string(migration.version) + ": " + e.what());
    }
}

} // namespace platformd::core
