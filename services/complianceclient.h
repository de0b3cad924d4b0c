#pragma once

#include "models/compliance.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ops {

class Connection;

// The compliance status of one platformd (ComplianceService): frameworks with scores and trends,
// controls with the requirements they satisfy, evidence, automated checks and their history,
// findings, the privacy queue, retention and OSCAL assessment results. Every call is asynchronous
// with a deadline; its callback runs on this object's thread with the result or the error in words
// ("Could not load the controls: …").
class ComplianceClient : public QObject
{
    Q_OBJECT
public:
    explicit ComplianceClient(Connection *connection, QObject *parent = nullptr);
    ~ComplianceClient() override; // cancels every call in flight

    template<typename T>
    using Callback = std::function<void(const T &, const ComplianceError &)>;

    void listFrameworks(Callback<QList<Framework>> callback);
    // `framework` ("frameworks/gdpr"): only the controls mapped to it; `filter`: a docs/API.md
    // expression over Control's fields (status, owner, passing, …). Empty: every control. At most
    // 500.
    void listControls(const QString &framework, const QString &filter,
                      Callback<QList<Control>> callback);
    void getControl(const QString &name, Callback<ControlDetail> callback);
    void listChecks(Callback<QList<Check>> callback);
    // Runs the named checks now (all when empty); needs checks.run.
    void runChecks(const QStringList &checks, Callback<RunChecksResult> callback);
    // Past runs of one check ("checks/tls") or of all ("checks/-"), newest first, at most 1000.
    void listCheckRuns(const QString &parent, Callback<QList<CheckRun>> callback);
    // `filter` over state, severity, owner, check, privacy_request. At most 500.
    void listFindings(const QString &filter, Callback<QList<Finding>> callback);
    // Appends one piece of evidence (a file's fingerprint or a link); needs evidence.write.
    void addEvidence(const Evidence &evidence, Callback<Evidence> callback);
    // Evidence of one control ("controls/x") or all ("controls/-"), newest first, at most 1000.
    void listEvidence(const QString &parent, Callback<QList<Evidence>> callback);
    void listPrivacyRequests(const QString &filter, Callback<QList<PrivacyRequest>> callback);
    // Needs privacy.write: records a data-subject request (its deadline set by the regime) and
    // completes an open one.
    void createPrivacyRequest(const NewPrivacyRequest &request, Callback<PrivacyRequest> callback);
    void completePrivacyRequest(const QString &name, const QString &note,
                                Callback<PrivacyRequest> callback);
    // Needs compliance.write: changes the fields named in update.fields.
    void updateControl(const ControlUpdate &update, Callback<Control> callback);
    void listRetentionPolicies(Callback<QList<RetentionPolicy>> callback);
    // Needs compliance.write: retention_days (1..3650) and, when not empty, the description.
    void updateRetentionPolicy(const RetentionPolicy &policy, Callback<RetentionPolicy> callback);
    // Needs compliance.write: deletes what is kept past its category's retention; validateOnly
    // only counts it.
    void applyRetention(bool validateOnly, Callback<RetentionResult> callback);
    // Needs compliance.write: an OSCAL catalog or profile (JSON, at most 4 MiB); a profile is
    // resolved against the stored catalogs. A malformed one is refused naming the JSON path.
    void importOscal(const QByteArray &document, const QString &fileName,
                     Callback<OscalCatalog> callback);
    void listCatalogs(Callback<QList<OscalCatalog>> callback);
    // Newest first, at most 500.
    void listFailoverDrills(Callback<QList<FailoverDrill>> callback);
    // Needs drills.write; an invalid time: now.
    void recordFailoverDrill(const QString &region, const QDateTime &drillTime, const QString &note,
                             Callback<FailoverDrill> callback);
    // OSCAL assessment-results JSON for `framework` ("frameworks/nist-800-53") and the period;
    // invalid times: platformd's defaults (the 90 days to now).
    void exportAssessmentResults(const QString &framework, const QDateTime &start,
                                 const QDateTime &end, Callback<AssessmentResults> callback);

private:
    QPointer<Connection> m_connection;
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
