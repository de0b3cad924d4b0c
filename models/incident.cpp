#include "incident.h"

#include <QRegularExpression>

namespace ops {

QString IncidentText::severity(IncidentSeverity severity)
{
    switch (severity) {
    case IncidentSeverity::Sev1:
        return tr("SEV1");
    case IncidentSeverity::Sev2:
        return tr("SEV2");
    case IncidentSeverity::Sev3:
        return tr("SEV3");
    case IncidentSeverity::Sev4:
        return tr("SEV4");
    case IncidentSeverity::Unspecified:
        break;
    }
    return tr("—");
}

QString IncidentText::severityMeaning(IncidentSeverity severity)
{
    switch (severity) {
    case IncidentSeverity::Sev1:
        return tr("Critical: customer-facing outage");
    case IncidentSeverity::Sev2:
        return tr("Major: significant degradation");
    case IncidentSeverity::Sev3:
        return tr("Minor: limited impact");
    case IncidentSeverity::Sev4:
        return tr("Low: no customer impact yet");
    case IncidentSeverity::Unspecified:
        break;
    }
    return tr("Severity not set");
}

QString IncidentText::state(IncidentState state)
{
    switch (state) {
    case IncidentState::Triggered:
        return tr("Triggered");
    case IncidentState::Acknowledged:
        return tr("Acknowledged");
    case IncidentState::Mitigated:
        return tr("Mitigated");
    case IncidentState::Resolved:
        return tr("Resolved");
    case IncidentState::Closed:
        return tr("Closed");
    case IncidentState::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString IncidentText::source(IncidentSource source)
{
    switch (source) {
    case IncidentSource::Alertmanager:
        return tr("Alertmanager");
    case IncidentSource::Simulator:
        return tr("Simulator");
    case IncidentSource::Manual:
        return tr("Manual");
    case IncidentSource::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString IncidentText::silenceState(SilenceState state)
{
    switch (state) {
    case SilenceState::Active:
        return tr("Active");
    case SilenceState::Pending:
        return tr("Pending");
    case SilenceState::Expired:
        return tr("Expired");
    case SilenceState::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString IncidentText::timelineKind(TimelineKind kind)
{
    switch (kind) {
    case TimelineKind::Note:
        return tr("Note");
    case TimelineKind::StateChange:
        return tr("State");
    case TimelineKind::AlertFiring:
        return tr("Alert firing");
    case TimelineKind::AlertResolved:
        return tr("Alert resolved");
    case TimelineKind::Assigned:
        return tr("Assigned");
    case TimelineKind::SeverityChanged:
        return tr("Severity");
    case TimelineKind::Silenced:
        return tr("Silence");
    case TimelineKind::Postmortem:
        return tr("Postmortem");
    case TimelineKind::Updated:
        return tr("Updated");
    case TimelineKind::Unspecified:
        break;
    }
    return tr("Event");
}

QString IncidentText::duration(qint64 seconds)
{
    if (seconds < 0)
        seconds = 0;
    if (seconds < 60)
        return tr("%1s").arg(seconds);
    if (seconds < 3600)
        return tr("%1m").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1h %2m")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return tr("%1d %2h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QMap<QString, QString> Incident::allLabels() const
{
    QMap<QString, QString> out = groupLabels;
    for (const IncidentAlert &alert : alerts) {
        for (auto it = alert.labels.cbegin(); it != alert.labels.cend(); ++it) {
            if (!out.contains(it.key()))
                out.insert(it.key(), it.value());
        }
    }
    return out;
}

QString SilenceMatcher::text() const
{
    const QString op = isRegex ? (isEqual ? QStringLiteral("=~") : QStringLiteral("!~"))
                               : (isEqual ? QStringLiteral("=") : QStringLiteral("!="));
    QString quoted = value;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QStringLiteral("%1%2\"%3\"").arg(name, op, quoted);
}

bool SilenceMatcher::matches(const QMap<QString, QString> &labels) const
{
    const QString actual = labels.value(name);
    bool hit;
    if (isRegex) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(value));
        hit = re.isValid() && re.match(actual).hasMatch();
    } else {
        hit = actual == value;
    }
    return isEqual ? hit : !hit;
}

QString Silence::matchersText() const
{
    QStringList parts;
    parts.reserve(matchers.size());
    for (const SilenceMatcher &m : matchers)
        parts.append(m.text());
    return QStringLiteral("{%1}").arg(parts.join(QLatin1String(", ")));
}

} // namespace ops
