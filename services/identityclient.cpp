#include "identityclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"
#include "private/unarycall_p.h"

#include <QTimer>

#include <chrono>

namespace ops {

namespace {
constexpr auto kDeadline = std::chrono::seconds(5);
constexpr int kRetryMs = 3000;
} // namespace

class IdentityClient::Private
{
public:
    explicit Private(IdentityClient *q)
        : poster(std::make_shared<GuiPoster>(q))
    {}
    std::shared_ptr<GuiPoster> poster;
    QTimer retryTimer;
    quint64 generation = 0;
};

IdentityClient::IdentityClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this))
{
    d->retryTimer.setSingleShot(true);
    connect(&d->retryTimer, &QTimer::timeout, this, &IdentityClient::refresh);
    if (connection) {
        connect(connection, &Connection::opened, this, [this] {
            // A new channel may carry another token: forget what we knew.
            m_identity = {};
            m_permissions = {};
            emit identityChanged(m_identity);
            emit permissionsChanged(m_permissions);
            refresh();
        });
        connect(connection, &Connection::stateChanged, this, [this](Connection::State state) {
            // platformd came back (or was not up at first): ask again if we still do not know.
            if (state == Connection::State::Ready && !m_identity.isValid() &&
                !d->retryTimer.isActive() && m_error.isEmpty())
                refresh();
        });
    }
}

IdentityClient::~IdentityClient()
{
    d->poster->detach();
}

void IdentityClient::refresh()
{
    auto holder = m_connection ? m_connection->channel() : nullptr;
    if (!holder)
        return;
    const quint64 generation = ++d->generation;
    struct Answer
    {
        Identity identity;
        QString error;
        bool refused = false;
    };
    unary<pb::WhoAmIResponse>(
        d->poster, std::move(holder), kDeadline, pb::WhoAmIRequest(),
        [](ChannelHolder &ch, auto *c, auto *q, auto *r, auto f) {
            ch.identity->async()->WhoAmI(c, q, r, std::move(f));
        },
        [](const grpc::Status &status, const pb::WhoAmIResponse &response) {
            Answer answer;
            answer.refused = convert::isRefusal(status.error_code());
            if (status.ok())
                answer.identity = convert::toIdentity(response);
            else
                answer.error = answer.refused ? convert::refusalText(status)
                                              : tr("Could not ask platformd who you are: %1")
                                                    .arg(convert::statusText(status));
            return answer;
        },
        [this, generation](const Answer &answer) {
            apply(generation, answer.identity, answer.error, answer.refused);
        },
        nullptr); // without a channel there is nobody to ask: Connection::opened asks again
}

void IdentityClient::apply(quint64 generation, const Identity &identity, const QString &error,
                           bool refused)
{
    if (generation != d->generation)
        return;
    m_error = error;
    if (!error.isEmpty()) {
        if (refused) {
            // Known: nothing is granted. No retry until the connection opens again.
            m_identity = {};
            m_permissions = Permissions(QStringList());
            emit identityChanged(m_identity);
            emit permissionsChanged(m_permissions);
        } else {
            d->retryTimer.start(kRetryMs);
            m_error.clear(); // transient: a later Ready asks again
        }
        emit errorOccurred(error);
        return;
    }
    m_identity = identity;
    const Permissions permissions = identity.grants();
    emit identityChanged(m_identity);
    if (permissions != m_permissions) {
        m_permissions = permissions;
        emit permissionsChanged(m_permissions);
    }
}

} // namespace ops
