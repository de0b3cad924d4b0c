#include "filehasher.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

namespace ops {

FileHash hashFile(const QString &path)
{
    FileHash result;
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly)) {
        result.error =
            QCoreApplication::translate("ops::FileHasher", "Could not read %1: %2")
                .arg(path, QFileInfo(path).isDir()
                               ? QCoreApplication::translate("ops::FileHasher", "it is a folder")
                               : file.errorString());
        return result;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        result.error = QCoreApplication::translate("ops::FileHasher", "Could not read %1: %2")
                           .arg(path, file.errorString());
        return result;
    }
    result.sha256 = QString::fromLatin1(hash.result().toHex());
    result.sizeBytes = file.size();
    return result;
}

void hashFileAsync(const QString &path, QObject *context,
                   std::function<void(const FileHash &)> done)
{
    QPointer<QObject> guard(context);
    QThreadPool::globalInstance()->start([path, guard, done = std::move(done)] {
        const FileHash result = hashFile(path);
        // Posted to the application object (which outlives every context), checked there.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [guard, done, result] {
                if (guard)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace ops
