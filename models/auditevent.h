#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace ops {

// One entry of platformd's hash-chained audit log (docs/SECURITY.md, "The audit log").
struct AuditEvent
{
    qint64 seq = 0;
    // RFC 3339 UTC with exactly six fractional digits, as hashed: "2026-11-29T06:05:00.123456Z".
    QString timeText;
    QDateTime time; // the same instant, for display and sorting (millisecond precision)
    QString actor;
    QString role;
    QString action;
    QString resource;
    QString requestSummary;
    QString result; // gRPC status code name: OK, PERMISSION_DENIED, …
    QString resultMessage;
    QString peer;
    QString prevHash;  // lowercase hex
    QString entryHash; // lowercase hex

    bool isDenied() const
    {
        return result == QLatin1String("PERMISSION_DENIED") ||
               result == QLatin1String("UNAUTHENTICATED");
    }
    bool operator==(const AuditEvent &) const = default;
};

} // namespace ops

Q_DECLARE_METATYPE(ops::AuditEvent)
Q_DECLARE_METATYPE(QList<ops::AuditEvent>)
