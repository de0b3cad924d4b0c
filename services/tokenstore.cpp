#include "tokenstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace ops {

namespace {
QString &defaultDirectoryOverride()
{
    static QString directory;
    return directory;
}
} // namespace

TokenStore::TokenStore(const QString &directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : directory)
{}

QString TokenStore::defaultDirectory()
{
    if (!defaultDirectoryOverride().isEmpty())
        return defaultDirectoryOverride();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("tokens"));
}

void TokenStore::setDefaultDirectory(const QString &directory)
{
    defaultDirectoryOverride() = directory;
}

QString TokenStore::filePath(const QString &profileName) const
{
    // Profile names are free text: hash them into a safe, fixed-length file name.
    const QByteArray hash =
        QCryptographicHash::hash(profileName.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return QDir(m_directory).filePath(QString::fromLatin1(hash) + QStringLiteral(".token"));
}

bool TokenStore::store(const QString &profileName, const QString &token, QString *error)
{
    if (token.isEmpty())
        return remove(profileName);
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    QDir dir(m_directory);
    if (!dir.exists() && !QDir().mkpath(m_directory))
        return fail(
            tr("Cannot create the token directory %1.").arg(QDir::toNativeSeparators(m_directory)));
    // Only the owner may list the directory either.
    QFile::setPermissions(m_directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QSaveFile file(filePath(profileName));
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot save the token of “%1”: %2").arg(profileName, file.errorString()));
    // Restrict the temporary file before the secret goes in, so it is never readable by others.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return fail(
            tr("Cannot restrict the permissions of the token file of “%1”.").arg(profileName));
    }
    file.write(token.toUtf8());
    if (!file.commit())
        return fail(tr("Cannot save the token of “%1”: %2").arg(profileName, file.errorString()));
    return true;
}

QString TokenStore::load(const QString &profileName) const
{
    QFile file(filePath(profileName));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

bool TokenStore::remove(const QString &profileName)
{
    const QString path = filePath(profileName);
    return !QFile::exists(path) || QFile::remove(path);
}

} // namespace ops
