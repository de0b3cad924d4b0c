#pragma once

#include "services/connection.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class QSettings;

namespace ops {

// Saved connection profiles in QSettings. Only names, endpoints and file paths are stored: never a
// key, token or password.
class ProfileStore
{
    Q_DECLARE_TR_FUNCTIONS(ops::ProfileStore)
public:
    // nullptr: the application's default QSettings.
    explicit ProfileStore(QSettings *settings = nullptr);
    ~ProfileStore();

    QList<ConnectionProfile> load() const;
    void save(const QList<ConnectionProfile> &profiles);

    // The profile used last; empty: the embedded demo platform (or nothing chosen yet).
    QString lastProfileName() const;
    void setLastProfileName(const QString &name);
    // The saved profile called lastProfileName(), if there is one.
    bool lastProfile(ConnectionProfile *profile) const;

    // host:port with a host name, IPv4 address or [IPv6] address and a port 1..65535. On failure
    // `why` says what is wrong (translated).
    static bool isValidEndpoint(const QString &endpoint, QString *why = nullptr);

private:
    QSettings *m_settings;
    bool m_ownsSettings;
};

} // namespace ops
