#include "probe.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace ops {

namespace {
const int s_metaTypes = [] {
    qRegisterMetaType<ProbeTarget>();
    qRegisterMetaType<ProbeStatus>();
    return 0;
}();

QString tr(const char *text)
{
    return QCoreApplication::translate("ops::Probe", text);
}
} // namespace

QString ProbeTarget::endpointError(const QString &endpoint)
{
    const QString e = endpoint.trimmed();
    if (e.isEmpty())
        return tr("The endpoint is empty: write host:port, e.g. localhost:50051.");
    if (e != endpoint)
        return tr("The endpoint \"%1\" has spaces around it.").arg(endpoint);
    QString host;
    QString port;
    if (e.startsWith(QLatin1Char('['))) {
        const qsizetype close = e.indexOf(QLatin1Char(']'));
        if (close < 0 || close + 1 >= e.size() || e.at(close + 1) != QLatin1Char(':'))
            return tr("The endpoint \"%1\" has no port: write [address]:port, e.g. [::1]:50051.")
                .arg(e);
        host = e.mid(1, close - 1);
        port = e.mid(close + 2);
        static const QRegularExpression v6(QStringLiteral("^[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?$"));
        if (!host.contains(QLatin1Char(':')) || !v6.match(host).hasMatch())
            return tr("\"%1\" is not an IPv6 address.").arg(host);
    } else {
        const qsizetype colon = e.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return tr("The endpoint \"%1\" has no port: write host:port, e.g. localhost:50051.")
                .arg(e);
        host = e.left(colon);
        port = e.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return tr("Write an IPv6 address in brackets: [%1]:%2.").arg(host, port);
        static const QRegularExpression hostName(QStringLiteral(
            "^[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?$"));
        if (host.isEmpty())
            return tr("The endpoint \"%1\" has no host.").arg(e);
        if (!hostName.match(host).hasMatch())
            return tr("\"%1\" is not a valid host name or address.").arg(host);
    }
    bool ok = false;
    const int number = port.toInt(&ok);
    if (!ok || number < 1 || number > 65535 || port.startsWith(QLatin1Char('+')))
        return tr("The port \"%1\" is not a number from 1 to 65535.").arg(port);
    return {};
}

QString ProbeTarget::validationError() const
{
    if (QString error = endpointError(endpoint); !error.isEmpty())
        return error;
    if (service.size() > 512)
        return tr("The service name is longer than 512 characters.");
    if (tls == Tls::CaFile && caFile.isEmpty())
        return tr("Choose the CA certificate file (PEM) for TLS with a CA file.");
    if (tls == Tls::Plaintext && !serverName.isEmpty())
        return tr("A TLS server name needs TLS.");
    return {};
}

QString probeStateText(ProbeState state)
{
    switch (state) {
    case ProbeState::Connecting:
        return tr("Connecting…");
    case ProbeState::Serving:
        return tr("Serving");
    case ProbeState::Unknown:
        return tr("Unknown");
    case ProbeState::ServiceUnknown:
        return tr("Unknown service");
    case ProbeState::NoHealthService:
        return tr("No health service");
    case ProbeState::NotServing:
        return tr("Not serving");
    case ProbeState::Unreachable:
        return tr("Unreachable");
    case ProbeState::Failed:
        break;
    }
    return tr("Probe failed");
}

QString probeModeText(ProbeMode mode)
{
    return mode == ProbeMode::Watch ? tr("Watch") : tr("Check polling");
}

QString probeTlsText(ProbeTarget::Tls tls)
{
    switch (tls) {
    case ProbeTarget::Tls::Plaintext:
        return tr("Plaintext");
    case ProbeTarget::Tls::SystemRoots:
        return tr("TLS (system roots)");
    case ProbeTarget::Tls::CaFile:
        break;
    }
    return tr("TLS (CA file)");
}

} // namespace ops
