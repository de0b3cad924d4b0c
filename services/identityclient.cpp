#include "identityclient.h"

#include "connection.h"
#include "private/channelholder_p.h"
#include "private/convert.h"

#include <QTimer>

#include <chrono>

namespace ops {

namespace {
constexpr auto kDeadline = std::chrono::seconds(5);
constexpr int kRetryMs = 3000;

struct WhoAmICall
{
    grpc::ClientContext context;
    pb::WhoAmIRequest request;
    pb::WhoAmIResponse response;
    std::shared_ptr<ChannelHolder> holder;
};
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
    auto call = std::make_shared<WhoAmICall>();
    call->holder = holder;
    call->context.set_deadline(std::chrono::system_clock::now() + kDeadline);
    holder->authorize(&call->context);
    holder->identity->async()->WhoAmI(
        &call->context, &call->request, &call->response,
        [this, call, generation, poster = d->poster](grpc::Status status) {
            Identity identity;
            QString error;
            const bool refused = convert::isRefusal(status.error_code());
            if (status.ok())
                identity = convert::toIdentity(call->response);
            else
                error = refused ? convert::refusalText(status)
                                : tr("Could not ask platformd who you are: %1")
                                      .arg(convert::statusText(status));
            releaseOnGui(*poster, std::move(call->holder));
            poster->post([this, generation, identity, error, refused] {
                apply(generation, identity, error, refused);
            });
        });
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
