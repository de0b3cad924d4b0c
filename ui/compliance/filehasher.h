#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace ops {

struct FileHash
{
    QString sha256; // 64 lower-case hex digits; empty on error
    qint64 sizeBytes = 0;
    QString error; // "Could not read …: …"; empty on success
};

// Hashes the file with SHA-256 on a pool thread, never the GUI thread; `done` runs on
// the GUI thread (and not at all when `context` is gone by then).
void hashFileAsync(const QString &path, QObject *context,
                   std::function<void(const FileHash &)> done);

// The same, synchronously (for the pool thread and tests).
FileHash hashFile(const QString &path);

} // namespace ops
