#include "complianceconvert.h"

#include "convert.h"

namespace ops::convert {

namespace {

template<typename Repeated>
QStringList strings(const Repeated &values)
{
    QStringList out;
    out.reserve(int(values.size()));
    for (const std::string &s : values)
        out.append(str(s));
    return out;
}

ControlStatus toControlStatus(pb::ControlStatus status)
{
    switch (status) {
    case pb::CONTROL_NOT_IMPLEMENTED:
        return ControlStatus::NotImplemented;
    case pb::CONTROL_IN_PROGRESS:
        return ControlStatus::InProgress;
    case pb::CONTROL_IMPLEMENTED:
        return ControlStatus::Implemented;
    case pb::CONTROL_FAILING:
        return ControlStatus::Failing;
    case pb::CONTROL_NOT_APPLICABLE:
        return ControlStatus::NotApplicable;
    default:
        return ControlStatus::Unspecified;
    }
}

CheckResult toCheckResult(pb::CheckResult result)
{
    switch (result) {
    case pb::CHECK_PASS:
        return CheckResult::Pass;
    case pb::CHECK_FAIL:
        return CheckResult::Fail;
    case pb::CHECK_ERROR:
        return CheckResult::Error;
    default:
        return CheckResult::Unspecified;
    }
}

FindingSeverity toSeverity(pb::FindingSeverity severity)
{
    switch (severity) {
    case pb::FINDING_LOW:
        return FindingSeverity::Low;
    case pb::FINDING_MEDIUM:
        return FindingSeverity::Medium;
    case pb::FINDING_HIGH:
        return FindingSeverity::High;
    case pb::FINDING_CRITICAL:
        return FindingSeverity::Critical;
    default:
        return FindingSeverity::Unspecified;
    }
}

FindingState toFindingState(pb::FindingState state)
{
    switch (state) {
    case pb::FINDING_OPEN:
        return FindingState::Open;
    case pb::FINDING_CLOSED:
        return FindingState::Closed;
    default:
        return FindingState::Unspecified;
    }
}

EvidenceKind toEvidenceKind(pb::EvidenceKind kind)
{
    switch (kind) {
    case pb::EVIDENCE_FILE:
        return EvidenceKind::File;
    case pb::EVIDENCE_AUDIT_ENTRY:
        return EvidenceKind::AuditEntry;
    case pb::EVIDENCE_APPROVAL:
        return EvidenceKind::Approval;
    case pb::EVIDENCE_INCIDENT:
        return EvidenceKind::Incident;
    case pb::EVIDENCE_CHECK_RUN:
        return EvidenceKind::CheckRun;
    default:
        return EvidenceKind::Unspecified;
    }
}

pb::EvidenceKind toPbEvidenceKind(EvidenceKind kind)
{
    switch (kind) {
    case EvidenceKind::File:
        return pb::EVIDENCE_FILE;
    case EvidenceKind::AuditEntry:
        return pb::EVIDENCE_AUDIT_ENTRY;
    case EvidenceKind::Approval:
        return pb::EVIDENCE_APPROVAL;
    case EvidenceKind::Incident:
        return pb::EVIDENCE_INCIDENT;
    case EvidenceKind::CheckRun:
        return pb::EVIDENCE_CHECK_RUN;
    case EvidenceKind::Unspecified:
        break;
    }
    return pb::EVIDENCE_KIND_UNSPECIFIED;
}

} // namespace

Framework toFramework(const pb::Framework &framework)
{
    Framework f;
    f.name = str(framework.name());
    f.displayName = str(framework.display_name());
    f.version = str(framework.version());
    f.source = str(framework.source());
    f.requirementCount = framework.requirement_count();
    f.passingCount = framework.passing_count();
    f.score = framework.score();
    f.trend.reserve(framework.trend_size());
    for (const pb::ScorePoint &p : framework.trend())
        f.trend.append({toDateTime(p.time()), p.score()});
    return f;
}

Control toControl(const pb::Control &control)
{
    Control c;
    c.name = str(control.name());
    c.title = str(control.title());
    c.description = str(control.description());
    c.owner = str(control.owner());
    c.status = toControlStatus(control.status());
    c.dueTime = toDateTime(control.due_time());
    c.lastTested = toDateTime(control.last_tested_time());
    c.requirements.reserve(control.requirements_size());
    for (const pb::RequirementRef &r : control.requirements())
        c.requirements.append({str(r.framework()), str(r.requirement()), str(r.title())});
    c.check = str(control.check());
    c.passing = control.passing();
    return c;
}

ControlDetail toControlDetail(const pb::ControlDetail &detail)
{
    ControlDetail d;
    d.control = toControl(detail.control());
    for (const pb::Evidence &e : detail.evidence())
        d.evidence.append(toEvidence(e));
    for (const pb::CheckRun &r : detail.check_history())
        d.checkHistory.append(toCheckRun(r));
    return d;
}

Check toCheck(const pb::Check &check)
{
    Check c;
    c.name = str(check.name());
    c.title = str(check.title());
    c.description = str(check.description());
    c.lastResult = toCheckResult(check.last_result());
    c.lastDetail = str(check.last_detail());
    c.lastRunTime = toDateTime(check.last_run_time());
    c.controls = strings(check.controls());
    c.severity = toSeverity(check.severity());
    return c;
}

CheckRun toCheckRun(const pb::CheckRun &run)
{
    CheckRun r;
    r.name = str(run.name());
    r.check = str(run.check());
    r.result = toCheckResult(run.result());
    r.detail = str(run.detail());
    r.runTime = toDateTime(run.run_time());
    r.durationMs = run.duration_ms();
    r.triggeredBy = str(run.triggered_by());
    return r;
}

RunChecksResult toRunChecksResult(const pb::RunChecksResponse &response)
{
    RunChecksResult result;
    for (const pb::CheckRun &r : response.runs())
        result.runs.append(toCheckRun(r));
    result.durationMs = response.duration_ms();
    result.openedFindings = strings(response.opened_findings());
    result.closedFindings = strings(response.closed_findings());
    return result;
}

Finding toFinding(const pb::Finding &finding)
{
    Finding f;
    f.name = str(finding.name());
    f.title = str(finding.title());
    f.detail = str(finding.detail());
    f.severity = toSeverity(finding.severity());
    f.owner = str(finding.owner());
    f.dueTime = toDateTime(finding.due_time());
    f.state = toFindingState(finding.state());
    f.check = str(finding.check());
    f.privacyRequest = str(finding.privacy_request());
    f.openTime = toDateTime(finding.open_time());
    f.closeTime = toDateTime(finding.close_time());
    f.controls = strings(finding.controls());
    return f;
}

Evidence toEvidence(const pb::Evidence &evidence)
{
    Evidence e;
    e.name = str(evidence.name());
    e.control = str(evidence.control());
    e.kind = toEvidenceKind(evidence.kind());
    e.description = str(evidence.description());
    e.fileName = str(evidence.file_name());
    e.sha256 = str(evidence.sha256());
    e.sizeBytes = evidence.size_bytes();
    e.link = str(evidence.link());
    e.recordedBy = str(evidence.recorded_by());
    e.recordTime = toDateTime(evidence.record_time());
    return e;
}

void toPbEvidence(const Evidence &evidence, pb::Evidence *out)
{
    out->set_control(evidence.control.toStdString());
    out->set_kind(toPbEvidenceKind(evidence.kind));
    out->set_description(evidence.description.toStdString());
    out->set_file_name(evidence.fileName.toStdString());
    out->set_sha256(evidence.sha256.toStdString());
    out->set_size_bytes(evidence.sizeBytes);
    out->set_link(evidence.link.toStdString());
}

PrivacyRequest toPrivacyRequest(const pb::PrivacyRequest &request)
{
    PrivacyRequest r;
    r.name = str(request.name());
    switch (request.kind()) {
    case pb::PRIVACY_ACCESS:
        r.kind = PrivacyRequestKind::Access;
        break;
    case pb::PRIVACY_DELETION:
        r.kind = PrivacyRequestKind::Deletion;
        break;
    default:
        break;
    }
    switch (request.regime()) {
    case pb::PRIVACY_GDPR:
        r.regime = PrivacyRegime::Gdpr;
        break;
    case pb::PRIVACY_CCPA:
        r.regime = PrivacyRegime::Ccpa;
        break;
    default:
        break;
    }
    switch (request.state()) {
    case pb::PRIVACY_OPEN:
        r.state = PrivacyRequestState::Open;
        break;
    case pb::PRIVACY_COMPLETED:
        r.state = PrivacyRequestState::Completed;
        break;
    default:
        break;
    }
    r.subject = str(request.subject());
    r.receiveTime = toDateTime(request.receive_time());
    r.deadline = toDateTime(request.deadline());
    r.completeTime = toDateTime(request.complete_time());
    r.createdBy = str(request.created_by());
    r.completedBy = str(request.completed_by());
    r.note = str(request.note());
    return r;
}

RetentionPolicy toRetentionPolicy(const pb::RetentionPolicy &policy)
{
    RetentionPolicy p;
    p.name = str(policy.name());
    p.category = str(policy.category());
    p.retentionDays = policy.retention_days();
    p.description = str(policy.description());
    return p;
}

void toPbControlUpdate(const ControlUpdate &update, pb::UpdateControlRequest *out)
{
    pb::Control *control = out->mutable_control();
    control->set_name(update.name.toStdString());
    control->set_owner(update.owner.toStdString());
    switch (update.status) {
    case ControlStatus::NotImplemented:
        control->set_status(pb::CONTROL_NOT_IMPLEMENTED);
        break;
    case ControlStatus::InProgress:
        control->set_status(pb::CONTROL_IN_PROGRESS);
        break;
    case ControlStatus::Implemented:
        control->set_status(pb::CONTROL_IMPLEMENTED);
        break;
    case ControlStatus::Failing:
        control->set_status(pb::CONTROL_FAILING);
        break;
    case ControlStatus::NotApplicable:
        control->set_status(pb::CONTROL_NOT_APPLICABLE);
        break;
    case ControlStatus::Unspecified:
        break;
    }
    if (update.dueTime.isValid())
        toTimestamp(update.dueTime, control->mutable_due_time());
    for (const QString &field : update.fields)
        out->add_update_paths(field.toStdString());
}

void toPbNewPrivacyRequest(const NewPrivacyRequest &request, pb::CreatePrivacyRequestRequest *out)
{
    out->set_kind(request.kind == PrivacyRequestKind::Access ? pb::PRIVACY_ACCESS
                  : request.kind == PrivacyRequestKind::Deletion
                      ? pb::PRIVACY_DELETION
                      : pb::PRIVACY_REQUEST_KIND_UNSPECIFIED);
    out->set_regime(request.regime == PrivacyRegime::Gdpr   ? pb::PRIVACY_GDPR
                    : request.regime == PrivacyRegime::Ccpa ? pb::PRIVACY_CCPA
                                                            : pb::PRIVACY_REGIME_UNSPECIFIED);
    out->set_subject(request.subject.toStdString());
    if (request.receiveTime.isValid())
        toTimestamp(request.receiveTime, out->mutable_receive_time());
    out->set_note(request.note.toStdString());
}

RetentionResult toRetentionResult(const pb::ApplyRetentionResponse &response)
{
    RetentionResult result;
    result.validateOnly = response.validate_only();
    for (const auto &c : response.categories()) {
        RetentionCategoryResult category;
        category.category = str(c.category());
        category.retentionDays = c.retention_days();
        category.deleted = c.deleted();
        category.cutoff = toDateTime(c.cutoff());
        result.categories.append(category);
    }
    return result;
}

OscalCatalog toOscalCatalog(const pb::OscalCatalog &catalog)
{
    OscalCatalog c;
    c.name = str(catalog.name());
    c.kind = catalog.kind() == pb::OSCAL_CATALOG   ? OscalDocumentKind::Catalog
             : catalog.kind() == pb::OSCAL_PROFILE ? OscalDocumentKind::Profile
                                                   : OscalDocumentKind::Unspecified;
    c.title = str(catalog.title());
    c.version = str(catalog.version());
    c.oscalVersion = str(catalog.oscal_version());
    c.groupCount = catalog.group_count();
    c.controlCount = catalog.control_count();
    c.enhancementCount = catalog.enhancement_count();
    c.source = str(catalog.source());
    c.importTime = toDateTime(catalog.import_time());
    c.importedBy = str(catalog.imported_by());
    c.resolvedFrom = str(catalog.resolved_from());
    return c;
}

FailoverDrill toFailoverDrill(const pb::FailoverDrill &drill)
{
    FailoverDrill d;
    d.name = str(drill.name());
    d.region = str(drill.region());
    d.drillTime = toDateTime(drill.drill_time());
    d.note = str(drill.note());
    d.recordedBy = str(drill.recorded_by());
    d.recordTime = toDateTime(drill.record_time());
    return d;
}

ComplianceError toComplianceError(const grpc::Status &status, const QString &what)
{
    return toClientError<ComplianceError>(status, what);
}

} // namespace ops::convert
