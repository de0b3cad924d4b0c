#include "identity.h"

namespace ops {

Permissions::Permissions(const QStringList &granted)
    : m_granted(granted.cbegin(), granted.cend())
    , m_known(true)
{}

QString Permissions::missingText(const QString &permission) const
{
    if (has(permission))
        return {};
    if (!m_known)
        return tr("Waiting for platformd to say what you may do (permission %1).").arg(permission);
    return tr("Requires the permission %1, which your roles do not grant.").arg(permission);
}

QString Identity::userId() const
{
    return user.startsWith(QLatin1String("users/")) ? user.mid(6) : user;
}

QString Identity::roleText(const QString &role)
{
    if (role == QLatin1String("admin"))
        return tr("admin");
    if (role == QLatin1String("manager"))
        return tr("manager");
    if (role == QLatin1String("operator"))
        return tr("operator");
    if (role == QLatin1String("viewer"))
        return tr("viewer");
    if (role == QLatin1String("compliance_officer"))
        return tr("compliance officer");
    return QString(role).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString Identity::summary() const
{
    QStringList words;
    for (const QString &role : roles)
        words << roleText(role);
    if (words.isEmpty())
        return tr("%1 (no roles)").arg(userId());
    return tr("%1 (%2)").arg(userId(), words.join(QStringLiteral(", ")));
}

} // namespace ops
