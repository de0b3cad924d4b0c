#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A throw-away PostgreSQL 15 cluster for a test (issue 15): initdb into a temporary directory,
// trust authentication for the `postgres` role, listening on 127.0.0.1 on a free port with its
// socket in that directory, durability off (a test's data need not survive a crash), and one
// database created in it. Nothing assumes a system service. initdb refuses to run as root: as root
// the cluster runs as the `postgres` user (runuser), otherwise as the current user. stop() (and the
// destructor) shuts it down with `pg_ctl stop -m fast` and removes the directory.
class PgCluster
{
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;

    // $OPS_PG_BINDIR, else /usr/lib/postgresql/15/bin (Debian's initdb, pg_ctl, createdb).
    static QString binDir();

    // Returns false with errorString() naming the step that failed and the tool's output.
    bool start(const QString &database = QStringLiteral("platformd"));
    void stop();
    bool isRunning() const { return m_running; }

    // postgresql://postgres@127.0.0.1:PORT/DATABASE
    QString uri() const;
    int port() const { return m_port; }
    QString database() const { return m_database; }
    QString errorString() const { return m_error; }
    // The server's log so far (start problems end up here).
    QString serverLog() const;

private:
    // Runs a PostgreSQL tool from binDir() (as `postgres` when root). false: m_error says why.
    bool runTool(const QString &tool, const QStringList &args, int timeoutMs,
                 QString *output = nullptr);
    QString dataDir() const;
    QString logPath() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database;
    QString m_error;
    int m_port = 0;
    bool m_running = false;
    bool m_asPostgres = false; // running as root: the cluster's processes run as `postgres`
};
