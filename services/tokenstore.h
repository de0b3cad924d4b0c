#pragma once

#include <QCoreApplication>
#include <QString>

namespace ops {

// Keeps API tokens out of QSettings: one file per profile, mode 0600, in a directory of the
// console's data dir (written atomically with QSaveFile). A desktop keyring (e.g. qtkeychain) can
// be added as another backend behind the same three calls; this file backend is the fallback every
// machine has, headless ones included. Tokens are never logged.
class TokenStore
{
    Q_DECLARE_TR_FUNCTIONS(ops::TokenStore)
public:
    // directory empty: defaultDirectory().
    explicit TokenStore(const QString &directory = {});

    // <app data>/tokens unless setDefaultDirectory() was called (app/ does, for --data-dir).
    static QString defaultDirectory();
    static void setDefaultDirectory(const QString &directory);

    QString directory() const { return m_directory; }
    // The file that holds a profile's token (the name is a hash of the profile name).
    QString filePath(const QString &profileName) const;

    // Empty token: remove(). On failure `error` says what and why (translated).
    bool store(const QString &profileName, const QString &token, QString *error = nullptr);
    QString load(const QString &profileName) const; // empty when none
    bool remove(const QString &profileName);

private:
    QString m_directory;
};

} // namespace ops
