#include "pgcluster.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

namespace {

// A port nobody listens on right now: bound to 127.0.0.1:0, read back, closed. Another process may
// take it before the server binds it; start() handles that race by picking again.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString confQuoted(const QString &value)
{
    QString out = value;
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

bool isPortClash(const QString &log)
{
    return log.contains(QStringLiteral("could not bind")) ||
           log.contains(QStringLiteral("Address already in use")) ||
           log.contains(QStringLiteral("could not create any TCP/IP sockets")) ||
           log.contains(QStringLiteral("is another postmaster already running"));
}

// Every directory from / down to path lets other users through (the postgres user must reach
// the cluster's directory when root creates it).
bool othersMayEnter(const QString &path)
{
    for (QDir dir(path);;) {
        if (!(QFileInfo(dir.absolutePath()).permissions() & QFileDevice::ExeOther))
            return false;
        if (dir.isRoot() || !dir.cdUp())
            return true;
    }
}

} // namespace

PgCluster::PgCluster() = default;

PgCluster::~PgCluster()
{
    stop();
}

QString PgCluster::binDir()
{
    const QString env = qEnvironmentVariable("OPS_PG_BINDIR");
    return env.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : env;
}

QString PgCluster::dataDir() const
{
    return m_dir->filePath(QStringLiteral("data"));
}

QString PgCluster::logPath() const
{
    return m_dir->filePath(QStringLiteral("server.log"));
}

QString PgCluster::uri() const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(m_database);
}

QString PgCluster::serverLog() const
{
    if (!m_dir)
        return {};
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

bool PgCluster::runTool(const QString &tool, const QStringList &args, int timeoutMs,
                        QString *output)
{
    const QString binary = QDir(binDir()).filePath(tool);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    // The tools need a working directory their user may enter (root's may be closed to postgres).
    process.setWorkingDirectory(m_dir->path());
    if (m_asPostgres)
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), binary} +
                          args);
    else
        process.start(binary, args);
    if (!process.waitForStarted()) {
        m_error = QStringLiteral("%1: cannot run %2: %3")
                      .arg(tool, m_asPostgres ? QStringLiteral("runuser") : binary,
                           process.errorString());
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        m_error = QStringLiteral("%1 did not finish within %2 s: %3")
                      .arg(tool)
                      .arg(timeoutMs / 1000)
                      .arg(QString::fromUtf8(process.readAll()).trimmed());
        return false;
    }
    const QString out = QString::fromUtf8(process.readAll()).trimmed();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed (exit code %2): %3")
                      .arg(tool)
                      .arg(process.exitCode())
                      .arg(out);
        return false;
    }
    return true;
}

bool PgCluster::start(const QString &database)
{
    stop();
    m_error.clear();
    static const QRegularExpression plainName(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    if (!plainName.match(database).hasMatch()) {
        m_error = QStringLiteral("database name \"%1\" is not a plain lower-case identifier")
                      .arg(database);
        return false;
    }
    m_database = database;
    m_asPostgres = ::geteuid() == 0;
    // As root, a $TMPDIR closed to other users (e.g. under /root) would lock postgres out.
    const QString base = !m_asPostgres || othersMayEnter(QDir::tempPath()) ? QDir::tempPath()
                                                                           : QStringLiteral("/tmp");
    m_dir = std::make_unique<QTemporaryDir>(base + QStringLiteral("/opsconsole-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        m_error =
            QStringLiteral("cannot create a temporary directory: %1").arg(m_dir->errorString());
        return false;
    }
    if (m_asPostgres) {
        // initdb refuses root: the cluster belongs to Debian's `postgres` user.
        const passwd *user = ::getpwnam("postgres");
        if (!user) {
            m_error = QStringLiteral("running as root, and there is no `postgres` user to run the "
                                     "cluster as (Debian's postgresql package creates it)");
            return false;
        }
        if (::chown(QFile::encodeName(m_dir->path()).constData(), user->pw_uid, user->pw_gid) !=
            0) {
            m_error = QStringLiteral("cannot give %1 to the postgres user: %2")
                          .arg(m_dir->path(), QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
    }
    if (!runTool(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), dataDir(), QStringLiteral("-A"), QStringLiteral("trust"),
                  QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("--no-sync"),
                  QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
                 120000))
        return false;
    {
        // Appended as root into the postgres-owned file: the file keeps its owner.
        QFile conf(QDir(dataDir()).filePath(QStringLiteral("postgresql.conf")));
        if (!conf.open(QIODevice::Append | QIODevice::Text)) {
            m_error =
                QStringLiteral("cannot write %1: %2").arg(conf.fileName(), conf.errorString());
            return false;
        }
        // Loopback only; the socket beside the data, not in /run/postgresql; durability off
        // (a test's data need not survive a crash of the machine).
        const QString settings = QStringLiteral("\n# PgCluster (tests/common/pgcluster.cpp)\n"
                                                "listen_addresses = '127.0.0.1'\n"
                                                "unix_socket_directories = %1\n"
                                                "fsync = off\n"
                                                "synchronous_commit = off\n"
                                                "full_page_writes = off\n"
                                                "shared_buffers = 32MB\n"
                                                "max_connections = 60\n")
                                     .arg(confQuoted(m_dir->path()));
        if (conf.write(settings.toUtf8()) < 0 || !conf.flush()) {
            m_error =
                QStringLiteral("cannot write %1: %2").arg(conf.fileName(), conf.errorString());
            return false;
        }
    }
    // The port goes on the command line, so a clash only needs another pick.
    bool started = false;
    for (int attempt = 0; attempt < 5 && !started; ++attempt) {
        m_port = freePort();
        if (m_port == 0) {
            m_error = QStringLiteral("cannot find a free port on 127.0.0.1");
            return false;
        }
        const qsizetype logBefore = serverLog().size();
        started = runTool(QStringLiteral("pg_ctl"),
                          {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), logPath(),
                           QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port),
                           QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                           QStringLiteral("start")},
                          90000);
        if (!started) {
            const QString log = serverLog().mid(logBefore);
            m_error += QStringLiteral("; server log: ") + log.trimmed();
            if (!isPortClash(log))
                return false;
        }
    }
    if (!started)
        return false;
    m_running = true;
    if (!runTool(QStringLiteral("createdb"),
                 {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                  QString::number(m_port), QStringLiteral("-U"), QStringLiteral("postgres"),
                  m_database},
                 60000)) {
        stop();
        return false;
    }
    return true;
}

void PgCluster::stop()
{
    if (m_running) {
        m_running = false;
        if (!runTool(QStringLiteral("pg_ctl"),
                     {QStringLiteral("-D"), dataDir(), QStringLiteral("-m"), QStringLiteral("fast"),
                      QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"),
                      QStringLiteral("stop")},
                     90000)) {
            // Never leave a server behind: the postmaster's pid is the first line of its pid
            // file, and its backends exit when it dies.
            QFile pidFile(QDir(dataDir()).filePath(QStringLiteral("postmaster.pid")));
            if (pidFile.open(QIODevice::ReadOnly)) {
                const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
                if (pid > 0)
                    ::kill(pid, SIGKILL);
            }
        }
    }
    m_dir.reset();
}
