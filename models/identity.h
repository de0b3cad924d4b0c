#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace ops {

// What the console may do, as platformd's WhoAmI reported it. The server stays the authority: this
// only decides what to enable and how to explain what is disabled.
class Permissions
{
    Q_DECLARE_TR_FUNCTIONS(ops::Permissions)
public:
    static inline const QString AuditRead = QStringLiteral("audit.read");
    static inline const QString RegionsRead = QStringLiteral("regions.read");
    static inline const QString UsersRead = QStringLiteral("users.read");
    static inline const QString UsersWrite = QStringLiteral("users.write");
    static inline const QString TokensWrite = QStringLiteral("tokens.write");

    Permissions() = default; // unknown: nothing is known yet (before WhoAmI answered)
    explicit Permissions(const QStringList &granted);

    bool isKnown() const { return m_known; }
    bool has(const QString &permission) const { return m_granted.contains(permission); }
    // For a disabled action's tooltip: "Requires the permission audit.read, which your roles do
    // not grant." Empty when the permission is granted.
    QString missingText(const QString &permission) const;

    bool operator==(const Permissions &) const = default;

private:
    QSet<QString> m_granted;
    bool m_known = false;
};

// The authenticated caller (WhoAmI).
struct Identity
{
    Q_DECLARE_TR_FUNCTIONS(ops::Identity)
public:
    QString user; // users/{user}
    QString displayName;
    QStringList roles; // "admin", "compliance_officer", …
    QStringList permissions;
    QString serverVersion;
    QString token;             // tokens/{id} (public name, not the secret)
    QDateTime tokenExpireTime; // invalid: never expires

    bool isValid() const { return !user.isEmpty(); }
    QString userId() const; // "admin" for users/admin
    // "admin (admin, manager, compliance officer)"; the roles in words.
    QString summary() const;
    static QString roleText(const QString &role); // translated, "compliance officer"
    Permissions grants() const { return Permissions(permissions); }
};

} // namespace ops

Q_DECLARE_METATYPE(ops::Identity)
