#include "compliance.h"

#include <QLocale>

namespace ops {

bool Control::satisfies(const QString &framework) const
{
    for (const Requirement &r : requirements) {
        if (r.framework == framework)
            return true;
    }
    return false;
}

QString ComplianceText::status(ControlStatus status)
{
    switch (status) {
    case ControlStatus::Implemented:
        return tr("Implemented");
    case ControlStatus::InProgress:
        return tr("In progress");
    case ControlStatus::Failing:
        return tr("Failing");
    case ControlStatus::NotImplemented:
        return tr("Not implemented");
    case ControlStatus::NotApplicable:
        return tr("Not applicable");
    case ControlStatus::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::result(CheckResult result)
{
    switch (result) {
    case CheckResult::Pass:
        return tr("Pass");
    case CheckResult::Fail:
        return tr("Fail");
    case CheckResult::Error:
        return tr("Error");
    case CheckResult::Unspecified:
        break;
    }
    return tr("Not run");
}

QString ComplianceText::severity(FindingSeverity severity)
{
    switch (severity) {
    case FindingSeverity::Low:
        return tr("Low");
    case FindingSeverity::Medium:
        return tr("Medium");
    case FindingSeverity::High:
        return tr("High");
    case FindingSeverity::Critical:
        return tr("Critical");
    case FindingSeverity::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::state(FindingState state)
{
    switch (state) {
    case FindingState::Open:
        return tr("Open");
    case FindingState::Closed:
        return tr("Closed");
    case FindingState::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::kind(PrivacyRequestKind kind)
{
    switch (kind) {
    case PrivacyRequestKind::Access:
        return tr("Access");
    case PrivacyRequestKind::Deletion:
        return tr("Deletion");
    case PrivacyRequestKind::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::kind(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::File:
        return tr("File");
    case EvidenceKind::AuditEntry:
        return tr("Audit entry");
    case EvidenceKind::Approval:
        return tr("Approval");
    case EvidenceKind::Incident:
        return tr("Incident");
    case EvidenceKind::CheckRun:
        return tr("Check run");
    case EvidenceKind::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::regime(PrivacyRegime regime)
{
    switch (regime) {
    case PrivacyRegime::Gdpr:
        return QStringLiteral("GDPR");
    case PrivacyRegime::Ccpa:
        return QStringLiteral("CCPA");
    case PrivacyRegime::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::kind(OscalDocumentKind kind)
{
    switch (kind) {
    case OscalDocumentKind::Catalog:
        return tr("Catalog");
    case OscalDocumentKind::Profile:
        return tr("Profile (resolved)");
    case OscalDocumentKind::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::requestState(PrivacyRequestState state)
{
    switch (state) {
    case PrivacyRequestState::Open:
        return tr("Open");
    case PrivacyRequestState::Completed:
        return tr("Completed");
    case PrivacyRequestState::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString ComplianceText::countdown(const QDateTime &deadline, const QDateTime &now)
{
    if (!deadline.isValid() || !now.isValid())
        return {};
    const qint64 seconds = now.secsTo(deadline);
    const qint64 abs = seconds < 0 ? -seconds : seconds;
    const qint64 days = abs / 86400;
    const qint64 hours = (abs % 86400) / 3600;
    const qint64 minutes = (abs % 3600) / 60;
    QString span;
    if (days > 0)
        span = tr("%1 d %2 h").arg(days).arg(hours);
    else if (hours > 0)
        span = tr("%1 h %2 min").arg(hours).arg(minutes);
    else
        span = tr("%1 min").arg(minutes);
    return seconds < 0 ? tr("%1 overdue").arg(span) : tr("%1 left").arg(span);
}

QString ComplianceText::percent(double fraction)
{
    return tr("%1 %").arg(QLocale().toString(fraction * 100.0, 'f', 1));
}

} // namespace ops
