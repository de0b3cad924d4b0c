#include "core/auditchain.h"
#include "core/migration.h"
#include "core/sqlite.h"
#include "core/storebackend.h"
#include "core/storepostgres.h"

// The Store on a SQLite file: the embedded default, exactly the behaviour before the split.

#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>

#include <cstdio>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

namespace platformd::core {

namespace {

// Writes path atomically: a temporary file beside it, fsynced, renamed over it, directory fsynced.
void writeFileDurably(const std::string &path, const std::string &content)
{
    const std::string temp = path + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw StoreError("cannot write " + temp + ": " + std::strerror(errno));
    const bool ok =
        ::write(fd, content.data(), content.size()) == ssize_t(content.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0)
        throw StoreError("cannot write " + path + ": " + std::strerror(errno));
    const std::string dir = std::filesystem::path(path).parent_path().string();
    const int dirFd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

class SqliteStoreBackend final : public StoreBackend
{
public:
    explicit SqliteStoreBackend(std::string path)
        : m_path(std::move(path))
    {}

    std::unique_ptr<Connection> openWriter() override
    {
        std::unique_ptr<Connection> writer;
        try {
            writer = std::make_unique<SqliteConnection>(m_path, true);
            // Refuse a damaged file before touching it: quick_check reads every page.
            Stmt &check = writer->prepare("PRAGMA quick_check");
            std::string problems;
            while (check.step()) {
                const std::string_view line = check.text(0);
                if (line != "ok" && problems.size() < 400)
                    problems += std::string(line) + "; ";
            }
            if (!problems.empty())
                throw StoreError(problems);
        } catch (const StoreError &e) {
            throw StoreError("database file " + m_path +
                             " is corrupt or not a platformd database: " + e.what());
        }
        // Larger pages: a transaction's batch spans fewer overflow pages (only for a new file).
        if (writer->queryInt("PRAGMA user_version") == 0)
            writer->exec("PRAGMA page_size=16384");
        writer->exec("PRAGMA journal_mode=WAL");
        writer->exec("PRAGMA synchronous=NORMAL");
        writer->exec("PRAGMA wal_autocheckpoint=4000");
        writer->exec("PRAGMA journal_size_limit=67108864");
        return writer;
    }

    std::unique_ptr<Connection> openReader() override
    {
        auto reader = std::make_unique<SqliteConnection>(m_path, false);
        reader->exec("PRAGMA query_only=1");
        return reader;
    }

    void lockSchema(Connection &) override {} // BEGIN IMMEDIATE already holds the file's lock
    int schemaVersion(Connection &db) override { return int(db.queryInt("PRAGMA user_version")); }
    void setSchemaVersion(Connection &db, int version) override
    {
        db.exec("PRAGMA user_version = " + std::to_string(version));
    }
    std::string migrationSql(const Migration &migration) const override { return migration.sql; }

    void ensureAuditGuards(Connection &db) override
    {
        // Dropping a trigger is one statement for whoever can write the file: put them back at
        // every start, and say so (verification tells whether anything was changed meanwhile).
        const std::int64_t present =
            db.queryInt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                        "('audit_no_update', 'audit_no_delete')");
        if (present == 2)
            return;
        Transaction tx(db, Transaction::Mode::Write);
        db.exec("CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
                "CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit "
                "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;");
        tx.commit();
        spdlog::warn("store: the audit log's append-only triggers were missing from {}; re-created",
                     m_path);
    }

    // The file has one writer (BEGIN IMMEDIATE) and this process its only user of the log.
    std::int64_t lockRevision(Connection &, std::int64_t known) override { return known; }
    void revisionAppended(Connection &, std::int64_t) override {}

    void setDurable(Connection &db, bool durable) override
    {
        db.exec(durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    }

    std::pair<std::int64_t, std::string> lockAuditHead(Connection &db) override
    {
        // The chain continues from what the table holds, not from memory: a CLI may have
        // appended (BEGIN IMMEDIATE keeps it from appending now).
        Stmt &head = db.prepare("SELECT seq, entry_hash FROM audit ORDER BY seq DESC LIMIT 1");
        std::pair<std::int64_t, std::string> last{0, audit::kGenesisHash};
        if (head.step())
            last = {head.int64(0), std::string(head.text(1))};
        head.reset();
        return last;
    }
    void auditAppended(Connection &, std::int64_t, const std::string &) override {}
    void auditCommitted(std::int64_t seq, const std::string &hash) override
    {
        try {
            writeFileDurably(auditHeadPath(), std::to_string(seq) + " " + hash + "\n");
        } catch (const StoreError &e) {
            spdlog::error("audit: {}", e.what());
        }
    }
    std::string auditHeadPath() const override
    {
        return (std::filesystem::path(m_path).parent_path() / "audit.head").string();
    }

private:
    std::string m_path;
};

} // namespace

bool isPostgresUri(const std::string &location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<StoreBackend> makeStoreBackend(const std::string &location)
{
    if (isPostgresUri(location))
        return makePostgresStoreBackend(location);
    return std::make_unique<SqliteStoreBackend>(location);
}

} // namespace platformd::core
