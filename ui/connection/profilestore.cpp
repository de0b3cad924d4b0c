#include "profilestore.h"

#include "services/tokenstore.h"

#include <QRegularExpression>
#include <QSet>

#include <QSettings>
#include <algorithm>

#include <arpa/inet.h>

namespace ops {

namespace {
const QString kProfilesKey = QStringLiteral("connection/profiles");
const QString kLastProfileKey = QStringLiteral("connection/lastProfile");
} // namespace

ProfileStore::ProfileStore(QSettings *settings, const QString &tokenDirectory)
    : m_tokenDirectory(tokenDirectory)
    , m_settings(settings ? settings : new QSettings)
    , m_ownsSettings(!settings)
{}

ProfileStore::~ProfileStore()
{
    if (m_ownsSettings)
        delete m_settings;
}

QList<ConnectionProfile> ProfileStore::load() const
{
    QList<ConnectionProfile> profiles;
    const TokenStore tokens(m_tokenDirectory);
    const int size = m_settings->beginReadArray(kProfilesKey);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile profile;
        profile.name = m_settings->value(QStringLiteral("name")).toString();
        profile.endpoint = m_settings->value(QStringLiteral("endpoint")).toString();
        profile.useTls = m_settings->value(QStringLiteral("tls"), false).toBool();
        profile.caFile = m_settings->value(QStringLiteral("caFile")).toString();
        profile.clientCertFile = m_settings->value(QStringLiteral("clientCertFile")).toString();
        profile.clientKeyFile = m_settings->value(QStringLiteral("clientKeyFile")).toString();
        profile.tlsServerName = m_settings->value(QStringLiteral("tlsServerName")).toString();
        if (!profile.name.isEmpty()) {
            profile.token = tokens.load(profile.name);
            profiles.append(profile);
        }
    }
    m_settings->endArray();
    return profiles;
}

bool ProfileStore::save(const QList<ConnectionProfile> &profiles, QString *error)
{
    TokenStore tokens(m_tokenDirectory);
    bool ok = true;
    // Tokens of profiles that are gone (deleted or renamed) go with them.
    for (const ConnectionProfile &old : load()) {
        if (std::none_of(profiles.cbegin(), profiles.cend(),
                         [&old](const ConnectionProfile &p) { return p.name == old.name; }))
            tokens.remove(old.name);
    }
    for (const ConnectionProfile &profile : profiles) {
        QString why;
        if (!tokens.store(profile.name, profile.token, &why)) {
            ok = false;
            if (error)
                *error = why;
        }
    }
    m_settings->remove(kProfilesKey);
    m_settings->beginWriteArray(kProfilesKey, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), profile.name);
        m_settings->setValue(QStringLiteral("endpoint"), profile.endpoint);
        m_settings->setValue(QStringLiteral("tls"), profile.useTls);
        m_settings->setValue(QStringLiteral("caFile"), profile.caFile);
        m_settings->setValue(QStringLiteral("clientCertFile"), profile.clientCertFile);
        m_settings->setValue(QStringLiteral("clientKeyFile"), profile.clientKeyFile);
        m_settings->setValue(QStringLiteral("tlsServerName"), profile.tlsServerName);
    }
    m_settings->endArray();
    return ok;
}

QString ProfileStore::lastProfileName() const
{
    return m_settings->value(kLastProfileKey).toString();
}

void ProfileStore::setLastProfileName(const QString &name)
{
    if (name.isEmpty())
        m_settings->remove(kLastProfileKey);
    else
        m_settings->setValue(kLastProfileKey, name);
}

bool ProfileStore::lastProfile(ConnectionProfile *profile) const
{
    const QString name = lastProfileName();
    if (name.isEmpty())
        return false;
    for (const ConnectionProfile &candidate : load()) {
        if (candidate.name == name) {
            *profile = candidate;
            return true;
        }
    }
    return false;
}

bool ProfileStore::isValidEndpoint(const QString &endpoint, QString *why)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$)"));
    const auto fail = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (endpoint.trimmed().isEmpty())
        return fail(tr("Enter an endpoint as host:port."));
    const QStringList addresses = endpointAddresses(endpoint);
    int family = 0; // AF_INET or AF_INET6 once the first replica is read
    for (const QString &address : addresses) {
        const QRegularExpressionMatch match = pattern.match(address);
        if (!match.hasMatch())
            return fail(
                tr("“%1” is not host:port (for example platform.example.com:7443).").arg(address));
        const int port = match.captured(2).toInt();
        if (port < 1 || port > 65535)
            return fail(tr("The port must be between 1 and 65535."));
        if (addresses.size() == 1)
            break;
        // Several replicas: gRPC balances over a list of addresses of one family (a DNS name
        // with several records is balanced too: give it alone).
        const QString host = match.captured(1);
        const bool bracketed = host.startsWith(QLatin1Char('['));
        const QByteArray text = (bracketed ? host.mid(1, host.size() - 2) : host).toLatin1();
        unsigned char ip[16];
        const int ipFamily = bracketed ? AF_INET6 : AF_INET;
        if (inet_pton(ipFamily, text.constData(), ip) != 1)
            return fail(tr("“%1”: several replicas are listed as IP addresses; for a name with "
                           "several addresses, give the name alone.")
                            .arg(address));
        if (family && ipFamily != family)
            return fail(tr("The replicas' addresses must all be IPv4 or all IPv6."));
        family = ipFamily;
    }
    if (QSet<QString>(addresses.begin(), addresses.end()).size() != addresses.size())
        return fail(tr("An address is listed twice."));
    return true;
}

} // namespace ops
