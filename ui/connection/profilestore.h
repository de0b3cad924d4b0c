#pragma once

#include "services/connection.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QSettings;

namespace ops {

// Saved connection profiles. Names, endpoints and file paths go to QSettings; tokens go to a
// TokenStore (a 0600 file per profile), never to QSettings.
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ops::ProfileStore)
public:
    // nullptr: the application's default QSettings. tokenDirectory empty: TokenStore's default.
    explicit ProfileStore(QSettings *settings = nullptr, const QString &tokenDirectory = {});
    ~ProfileStore();

    QList<ConnectionProfile> load() const; // with each profile's token
    // Returns false (and says why in `error`) when a token could not be saved; the rest is saved.
    bool save(const QList<ConnectionProfile> &profiles, QString *error = nullptr);

    // The profile used last; empty: the embedded demo platform (or nothing chosen yet).
    QString lastProfileName() const;
    void setLastProfileName(const QString &name);
    // The saved profile called lastProfileName(), if there is one.
    bool lastProfile(ConnectionProfile *profile) const;

    // host:port with a host name, IPv4 address or [IPv6] address and a port 1..65535; or several
    // replicas as IP:port, separated by commas, all of one family (balanced round robin). On
    // failure `why` says what is wrong (translated).
    static bool isValidEndpoint(const QString &endpoint, QString *why = nullptr);

private:
    QString m_tokenDirectory;
    QSettings *m_settings;
    bool m_ownsSettings;
};

} // namespace ops
