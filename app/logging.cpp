#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>

#include <cstdio>

namespace ops::logging {

namespace {

constexpr qint64 kMaxLogBytes = 1024 * 1024;
constexpr int kKeptLogs = 3;

struct LogState
{
    QMutex mutex;
    QFile file;
    QString path;
};

LogState &state()
{
    static LogState s;
    return s;
}

// Caller holds the mutex.
void rotate(LogState &s)
{
    s.file.close();
    QFile::remove(s.path + QStringLiteral(".%1").arg(kKeptLogs));
    for (int i = kKeptLogs - 1; i >= 1; --i)
        QFile::rename(s.path + QStringLiteral(".%1").arg(i),
                      s.path + QStringLiteral(".%1").arg(i + 1));
    QFile::rename(s.path, s.path + QStringLiteral(".1"));
    s.file.setFileName(s.path);
    if (!s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        std::fprintf(stderr, "opsconsole: cannot open log file %s\n", qPrintable(s.path));
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line =
        QStringLiteral("%1 %2 %3: %4\n")
            .arg(QDateTime::currentDateTime().toString(Qt::ISODateWithMs),
                 QLatin1String(levelName(type)),
                 QLatin1String(context.category ? context.category : "default"), message)
            .toUtf8();
    LogState &s = state();
    {
        QMutexLocker lock(&s.mutex);
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
        if (s.file.isOpen()) {
            s.file.write(line);
            s.file.flush();
            if (s.file.size() > kMaxLogBytes)
                rotate(s);
        }
    }
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void install(const QString &logDir)
{
    LogState &s = state();
    {
        QMutexLocker lock(&s.mutex);
        if (QDir().mkpath(logDir)) {
            s.path = QDir(logDir).filePath(QStringLiteral("opsconsole.log"));
            s.file.setFileName(s.path);
            if (s.file.exists() && s.file.size() > kMaxLogBytes)
                rotate(s);
            else if (!s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
                std::fprintf(stderr, "opsconsole: cannot open log file %s\n", qPrintable(s.path));
        }
    }
    qInstallMessageHandler(handler);
}

QString logFilePath()
{
    QMutexLocker lock(&state().mutex);
    return state().path;
}

} // namespace ops::logging
