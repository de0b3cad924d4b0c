#include "complianceclient.h"

#include "connection.h"
#include "private/complianceconvert.h"
#include "private/convert.h"
#include "private/unarycall_p.h"

#include <chrono>
#include <utility>

namespace ops {

namespace {

constexpr auto kReadDeadline = std::chrono::seconds(20);
constexpr auto kWriteDeadline = std::chrono::seconds(10);
constexpr auto kChecksDeadline = std::chrono::seconds(60); // every check over the whole platform
constexpr int kMaxControls = 500;
constexpr int kMaxFindings = 500;
constexpr int kMaxRuns = 1000;
constexpr int kMaxDrills = 500;
constexpr auto kImportDeadline = std::chrono::seconds(60); // a full catalog parsed and stored
// Listings follow next_page_token; this many pages at most (50,000 findings of 500).
constexpr int kMaxPages = 100;

using Compliance = ComplianceChannel;

template<typename Message, typename Repeated, typename Convert>
QList<Message> listOf(const Repeated &repeated, Convert convert)
{
    QList<Message> out;
    out.reserve(int(repeated.size()));
    for (const auto &item : repeated)
        out.append(convert(item));
    return out;
}

} // namespace

class ComplianceClient::Private
{
public:
    explicit Private(ComplianceClient *q)
        : q(q)
        , poster(std::make_shared<GuiPoster>(q))
    {}

    std::shared_ptr<Compliance> channel()
    {
        return Compliance::on(q->m_connection ? q->m_connection->channel() : nullptr,
                              cachedChannel);
    }

    // One unary call of ComplianceService to `method`; `toResult(response)` runs on the gRPC
    // thread.
    template<typename Request, typename Response, typename ToResult, typename Callback>
    void call(Request request, Compliance::Method<Request, Response> method,
              std::chrono::milliseconds deadline, const QString &what, ToResult toResult,
              Callback callback)
    {
        ops::unaryOrError<Response, ComplianceError>(
            poster, channel(), deadline, std::move(request), Compliance::call(method), toResult,
            [what](const grpc::Status &status) { return convert::toComplianceError(status, what); },
            ComplianceClient::tr("%1: not connected to platformd").arg(what), std::move(callback),
            calls);
    }

    // Every page of a listing: asks again with next_page_token until it is empty (or kMaxPages),
    // and answers once with all items, or with the first error.
    template<typename Item, typename Request, typename Response, typename Items, typename Convert>
    void pagedCall(Request request, Compliance::Method<Request, Response> method,
                   std::chrono::milliseconds deadline, const QString &what, Items items,
                   Convert convert, ComplianceClient::Callback<QList<Item>> callback,
                   QList<Item> sofar = {}, int page = 0)
    {
        using Page = std::pair<QList<Item>, std::string>;
        call(
            request, method, deadline, what,
            [items, convert](const Response &r) {
                return Page(listOf<Item>(items(r), convert), r.next_page_token());
            },
            [this, request, method, deadline, what, items, convert, callback, sofar,
             page](const Page &result, const ComplianceError &e) {
                if (e.isError()) {
                    callback({}, e);
                    return;
                }
                QList<Item> all = sofar + result.first;
                if (result.second.empty() || page + 1 >= kMaxPages) {
                    callback(all, {});
                    return;
                }
                Request next = request;
                next.set_page_token(result.second);
                pagedCall<Item>(std::move(next), method, deadline, what, items, convert, callback,
                                std::move(all), page + 1);
            });
    }

    ComplianceClient *const q;
    std::shared_ptr<GuiPoster> poster;
    std::shared_ptr<CallSet> calls = std::make_shared<CallSet>();
    std::shared_ptr<Compliance> cachedChannel;
};

ComplianceClient::ComplianceClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<ComplianceError>();
    if (connection)
        connect(connection, &Connection::opened, this, [this] { d->cachedChannel.reset(); });
}

ComplianceClient::~ComplianceClient()
{
    d->calls->cancel();
    d->poster->detach();
}

void ComplianceClient::listFrameworks(Callback<QList<Framework>> callback)
{
    d->call(
        pb::ListFrameworksRequest(), &Compliance::Async::ListFrameworks, kReadDeadline,
        tr("Could not load the frameworks"),
        [](const pb::ListFrameworksResponse &r) {
            return listOf<Framework>(r.frameworks(), &convert::toFramework);
        },
        std::move(callback));
}

void ComplianceClient::listControls(const QString &framework, const QString &filter,
                                    Callback<QList<Control>> callback)
{
    pb::ListControlsRequest request;
    request.set_framework(framework.toStdString());
    request.set_filter(filter.toStdString());
    request.set_page_size(kMaxControls);
    d->pagedCall<Control>(
        std::move(request), &Compliance::Async::ListControls, kReadDeadline,
        tr("Could not load the controls"),
        [](const pb::ListControlsResponse &r) -> const auto & { return r.controls(); },
        &convert::toControl, std::move(callback));
}

void ComplianceClient::getControl(const QString &name, Callback<ControlDetail> callback)
{
    pb::GetControlRequest request;
    request.set_name(name.toStdString());
    d->call(std::move(request), &Compliance::Async::GetControl, kReadDeadline,
            tr("Could not load the control %1").arg(name), &convert::toControlDetail,
            std::move(callback));
}

void ComplianceClient::listChecks(Callback<QList<Check>> callback)
{
    d->call(
        pb::ListChecksRequest(), &Compliance::Async::ListChecks, kReadDeadline,
        tr("Could not load the checks"),
        [](const pb::ListChecksResponse &r) {
            return listOf<Check>(r.checks(), &convert::toCheck);
        },
        std::move(callback));
}

void ComplianceClient::runChecks(const QStringList &checks, Callback<RunChecksResult> callback)
{
    pb::RunChecksRequest request;
    for (const QString &c : checks)
        request.add_checks(c.toStdString());
    d->call(std::move(request), &Compliance::Async::RunChecks, kChecksDeadline,
            tr("Could not run the checks"), &convert::toRunChecksResult, std::move(callback));
}

void ComplianceClient::listCheckRuns(const QString &parent, Callback<QList<CheckRun>> callback)
{
    pb::ListCheckRunsRequest request;
    request.set_parent(parent.toStdString());
    request.set_page_size(kMaxRuns);
    d->call(
        std::move(request), &Compliance::Async::ListCheckRuns, kReadDeadline,
        tr("Could not load the check history"),
        [](const pb::ListCheckRunsResponse &r) {
            return listOf<CheckRun>(r.runs(), &convert::toCheckRun);
        },
        std::move(callback));
}

void ComplianceClient::listFindings(const QString &filter, Callback<QList<Finding>> callback)
{
    pb::ListFindingsRequest request;
    request.set_filter(filter.toStdString());
    request.set_page_size(kMaxFindings);
    d->pagedCall<Finding>(
        std::move(request), &Compliance::Async::ListFindings, kReadDeadline,
        tr("Could not load the findings"),
        [](const pb::ListFindingsResponse &r) -> const auto & { return r.findings(); },
        &convert::toFinding, std::move(callback));
}

void ComplianceClient::addEvidence(const Evidence &evidence, Callback<Evidence> callback)
{
    pb::AddEvidenceRequest request;
    convert::toPbEvidence(evidence, request.mutable_evidence());
    d->call(std::move(request), &Compliance::Async::AddEvidence, kWriteDeadline,
            tr("Could not add the evidence to %1").arg(evidence.control), &convert::toEvidence,
            std::move(callback));
}

void ComplianceClient::listEvidence(const QString &parent, Callback<QList<Evidence>> callback)
{
    pb::ListEvidenceRequest request;
    request.set_parent(parent.toStdString());
    request.set_page_size(kMaxRuns);
    d->call(
        std::move(request), &Compliance::Async::ListEvidence, kReadDeadline,
        tr("Could not load the evidence"),
        [](const pb::ListEvidenceResponse &r) {
            return listOf<Evidence>(r.evidence(), &convert::toEvidence);
        },
        std::move(callback));
}

void ComplianceClient::listPrivacyRequests(const QString &filter,
                                           Callback<QList<PrivacyRequest>> callback)
{
    pb::ListPrivacyRequestsRequest request;
    request.set_filter(filter.toStdString());
    request.set_page_size(kMaxFindings);
    d->pagedCall<PrivacyRequest>(
        std::move(request), &Compliance::Async::ListPrivacyRequests, kReadDeadline,
        tr("Could not load the privacy requests"),
        [](const pb::ListPrivacyRequestsResponse &r) -> const auto & { return r.requests(); },
        &convert::toPrivacyRequest, std::move(callback));
}

void ComplianceClient::listRetentionPolicies(Callback<QList<RetentionPolicy>> callback)
{
    d->call(
        pb::ListRetentionPoliciesRequest(), &Compliance::Async::ListRetentionPolicies,
        kReadDeadline, tr("Could not load the retention policies"),
        [](const pb::ListRetentionPoliciesResponse &r) {
            return listOf<RetentionPolicy>(r.policies(), &convert::toRetentionPolicy);
        },
        std::move(callback));
}

void ComplianceClient::createPrivacyRequest(const NewPrivacyRequest &request,
                                            Callback<PrivacyRequest> callback)
{
    pb::CreatePrivacyRequestRequest r;
    convert::toPbNewPrivacyRequest(request, &r);
    d->call(std::move(r), &Compliance::Async::CreatePrivacyRequest, kWriteDeadline,
            tr("Could not record the privacy request"), &convert::toPrivacyRequest,
            std::move(callback));
}

void ComplianceClient::completePrivacyRequest(const QString &name, const QString &note,
                                              Callback<PrivacyRequest> callback)
{
    pb::CompletePrivacyRequestRequest request;
    request.set_name(name.toStdString());
    request.set_note(note.toStdString());
    d->call(std::move(request), &Compliance::Async::CompletePrivacyRequest, kWriteDeadline,
            tr("Could not complete %1").arg(name), &convert::toPrivacyRequest, std::move(callback));
}

void ComplianceClient::updateControl(const ControlUpdate &update, Callback<Control> callback)
{
    pb::UpdateControlRequest request;
    convert::toPbControlUpdate(update, &request);
    d->call(std::move(request), &Compliance::Async::UpdateControl, kWriteDeadline,
            tr("Could not update %1").arg(update.name), &convert::toControl, std::move(callback));
}

void ComplianceClient::updateRetentionPolicy(const RetentionPolicy &policy,
                                             Callback<RetentionPolicy> callback)
{
    pb::UpdateRetentionPolicyRequest request;
    request.mutable_policy()->set_name(policy.name.toStdString());
    request.mutable_policy()->set_retention_days(policy.retentionDays);
    request.mutable_policy()->set_description(policy.description.toStdString());
    d->call(std::move(request), &Compliance::Async::UpdateRetentionPolicy, kWriteDeadline,
            tr("Could not update %1").arg(policy.name), &convert::toRetentionPolicy,
            std::move(callback));
}

void ComplianceClient::applyRetention(bool validateOnly, Callback<RetentionResult> callback)
{
    pb::ApplyRetentionRequest request;
    request.set_validate_only(validateOnly);
    d->call(std::move(request), &Compliance::Async::ApplyRetention, kChecksDeadline,
            validateOnly ? tr("Could not count what retention would delete")
                         : tr("Could not apply retention"),
            &convert::toRetentionResult, std::move(callback));
}

void ComplianceClient::importOscal(const QByteArray &document, const QString &fileName,
                                   Callback<OscalCatalog> callback)
{
    pb::ImportOscalRequest request;
    request.set_document(document.toStdString());
    request.set_file_name(fileName.toStdString());
    d->call(std::move(request), &Compliance::Async::ImportOscal, kImportDeadline,
            tr("Could not import %1").arg(fileName), &convert::toOscalCatalog, std::move(callback));
}

void ComplianceClient::listCatalogs(Callback<QList<OscalCatalog>> callback)
{
    d->call(
        pb::ListCatalogsRequest(), &Compliance::Async::ListCatalogs, kReadDeadline,
        tr("Could not load the OSCAL catalogs"),
        [](const pb::ListCatalogsResponse &r) {
            return listOf<OscalCatalog>(r.catalogs(), &convert::toOscalCatalog);
        },
        std::move(callback));
}

void ComplianceClient::listFailoverDrills(Callback<QList<FailoverDrill>> callback)
{
    pb::ListFailoverDrillsRequest request;
    request.set_page_size(kMaxDrills);
    d->call(
        std::move(request), &Compliance::Async::ListFailoverDrills, kReadDeadline,
        tr("Could not load the failover drills"),
        [](const pb::ListFailoverDrillsResponse &r) {
            return listOf<FailoverDrill>(r.drills(), &convert::toFailoverDrill);
        },
        std::move(callback));
}

void ComplianceClient::recordFailoverDrill(const QString &region, const QDateTime &drillTime,
                                           const QString &note, Callback<FailoverDrill> callback)
{
    pb::RecordFailoverDrillRequest request;
    request.set_region(region.toStdString());
    if (drillTime.isValid())
        convert::toTimestamp(drillTime, request.mutable_drill_time());
    request.set_note(note.toStdString());
    d->call(std::move(request), &Compliance::Async::RecordFailoverDrill, kWriteDeadline,
            tr("Could not record the failover drill"), &convert::toFailoverDrill,
            std::move(callback));
}

void ComplianceClient::exportAssessmentResults(const QString &framework, const QDateTime &start,
                                               const QDateTime &end,
                                               Callback<AssessmentResults> callback)
{
    pb::ExportAssessmentResultsRequest request;
    request.set_framework(framework.toStdString());
    if (start.isValid())
        convert::toTimestamp(start, request.mutable_start_time());
    if (end.isValid())
        convert::toTimestamp(end, request.mutable_end_time());
    d->call(
        std::move(request), &Compliance::Async::ExportAssessmentResults, kChecksDeadline,
        tr("Could not export the assessment results of %1").arg(framework),
        [](const pb::ExportAssessmentResultsResponse &r) {
            AssessmentResults results;
            results.document = QByteArray::fromStdString(r.document());
            results.fileName = QString::fromStdString(r.file_name());
            return results;
        },
        std::move(callback));
}

} // namespace ops
