#pragma once

#include "models/identity.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace ops {

class Connection;

// Who the console is signed in as: asks WhoAmI (with a deadline) whenever the connection opens a
// channel, and on refresh(). Signals are emitted on this object's thread.
class IdentityClient : public QObject
{
    Q_OBJECT
public:
    explicit IdentityClient(Connection *connection, QObject *parent = nullptr);
    ~IdentityClient() override;

    Identity identity() const { return m_identity; }
    // Unknown until WhoAmI answered; empty (known, nothing granted) after a refusal.
    Permissions permissions() const { return m_permissions; }
    QString errorText() const { return m_error; }

    void refresh();

signals:
    void identityChanged(const ops::Identity &identity);
    void permissionsChanged(const ops::Permissions &permissions);
    // WhoAmI failed; `message` is user-facing ("The token was refused: …").
    void errorOccurred(const QString &message);

private:
    void apply(quint64 generation, const Identity &identity, const QString &error, bool refused);

    QPointer<Connection> m_connection;
    Identity m_identity;
    Permissions m_permissions;
    QString m_error;
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
