#include "costclient.h"

#include "connection.h"
#include "private/convert.h"
#include "private/costconvert.h"
#include "private/unarycall_p.h"

#include <QFileInfo>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <utility>

namespace ops {

namespace {

constexpr auto kQueryDeadline = std::chrono::seconds(30); // a 13-month daily query over rollups
constexpr auto kWriteDeadline = std::chrono::seconds(10);
constexpr auto kImportDeadline = std::chrono::hours(1);   // a multi-GB export on a slow link
constexpr std::size_t kChunkBytes = std::size_t(1) << 20; // the contract allows 4 MiB
constexpr auto kProgressInterval = std::chrono::milliseconds(100);

using Costs = CostChannel;

// The upload: reads the file chunk by chunk in OnWriteDone (a gRPC thread), so the GUI thread
// never touches the file; deletes itself after OnDone has posted the one final result.
class ImportReactor final : public grpc::ClientWriteReactor<pb::ImportCostsRequest>
{
public:
    using Finished = std::function<void(const ImportReport &, const CostError &)>;
    using Progress = std::function<void(qint64, qint64, double)>;

    ImportReactor(std::shared_ptr<Costs> channel, std::shared_ptr<GuiPoster> channelPoster,
                  std::shared_ptr<GuiPoster> poster, std::shared_ptr<CallSet> calls,
                  std::FILE *file, qint64 size, pb::ImportHeader header, Finished finished,
                  Progress progress)
        : m_channel(std::move(channel))
        , m_channelPoster(std::move(channelPoster))
        , m_poster(std::move(poster))
        , m_calls(std::move(calls))
        , m_file(file)
        , m_size(size)
        , m_finished(std::move(finished))
        , m_progress(std::move(progress))
        , m_buffer(kChunkBytes, '\0')
        , m_started(std::chrono::steady_clock::now())
        , m_lastProgress(m_started)
    {
        m_context.set_deadline(std::chrono::system_clock::now() + kImportDeadline);
        m_channel->authorize(&m_context);
        m_calls->add(&m_context);
        m_channel->stub->async()->ImportCosts(&m_context, &m_report, this);
        *m_request.mutable_header() = std::move(header);
        StartWrite(&m_request);
        StartCall();
    }

    void OnWriteDone(bool ok) override
    {
        if (!ok)
            return; // the stream broke: OnDone follows with the status
        const std::size_t n = std::fread(m_buffer.data(), 1, m_buffer.size(), m_file);
        if (n == 0) {
            if (std::ferror(m_file)) {
                m_readError = true;
                m_context.TryCancel();
                return;
            }
            postProgress(true);
            StartWritesDone();
            return;
        }
        if (m_sent == 0 && n >= 2 && uchar(m_buffer[0]) == 0x1f && uchar(m_buffer[1]) == 0x8b)
            m_gzip = true;
        if (!m_gzip) {
            for (std::size_t i = 0; i < n; ++i)
                m_lines += m_buffer[i] == '\n';
        }
        m_sent += qint64(n);
        postProgress(false);
        m_request.set_chunk(m_buffer.data(), n);
        StartWrite(&m_request);
    }

    void OnDone(const grpc::Status &status) override
    {
        std::fclose(m_file);
        ImportReport report;
        CostError error;
        if (m_readError) {
            error.code = int(grpc::StatusCode::DATA_LOSS);
            error.text = CostClient::tr("Could not import: the file could not be read to the end");
        } else if (status.ok()) {
            report = convert::toImportReport(m_report);
        } else if (m_calls->isCancelled() && status.error_code() == grpc::StatusCode::CANCELLED) {
            error.code = int(grpc::StatusCode::CANCELLED);
            error.text = CostClient::tr("The import was cancelled; nothing was written");
        } else {
            error = convert::toCostError(status, CostClient::tr("Could not import"));
        }
        m_calls->remove(&m_context);
        releaseOnGui(*m_channelPoster, std::move(m_channel));
        m_poster->post(
            [finished = std::move(m_finished), report, error] { finished(report, error); });
        delete this;
    }

private:
    void postProgress(bool last)
    {
        const auto now = std::chrono::steady_clock::now();
        if (!last && now - m_lastProgress < kProgressInterval)
            return;
        m_lastProgress = now;
        const double seconds = std::chrono::duration<double>(now - m_started).count();
        const double rate = m_gzip || seconds <= 0 ? -1.0 : double(m_lines) / seconds;
        m_poster->post([progress = m_progress, sent = m_sent, size = m_size, rate] {
            progress(sent, size, rate);
        });
    }

    grpc::ClientContext m_context;
    pb::ImportCostsRequest m_request;
    pb::ImportReport m_report;
    std::shared_ptr<Costs> m_channel;
    std::shared_ptr<GuiPoster> m_channelPoster;
    std::shared_ptr<GuiPoster> m_poster;
    std::shared_ptr<CallSet> m_calls;
    std::FILE *m_file;
    qint64 m_size;
    Finished m_finished;
    Progress m_progress;
    std::string m_buffer;
    qint64 m_sent = 0;
    qint64 m_lines = 0;
    bool m_gzip = false;
    bool m_readError = false;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_lastProgress;
};

} // namespace

class CostImport::Private
{
public:
    std::shared_ptr<GuiPoster> poster;
    std::shared_ptr<CallSet> calls = std::make_shared<CallSet>();
};

CostImport::CostImport(const QString &path, QObject *parent)
    : QObject(parent)
    , d(std::make_shared<Private>())
    , m_path(path)
{
    d->poster = std::make_shared<GuiPoster>(this);
}

CostImport::~CostImport()
{
    d->calls->cancel();
    d->poster->detach();
}

void CostImport::cancel()
{
    d->calls->cancel();
}

class CostClient::Private
{
public:
    explicit Private(CostClient *q)
        : q(q)
        , poster(std::make_shared<GuiPoster>(q))
    {}

    std::shared_ptr<Costs> channel()
    {
        return Costs::on(q->m_connection ? q->m_connection->channel() : nullptr, cachedChannel);
    }

    // One unary call of CostService to `method`; `toResult(response)` runs on the gRPC thread.
    template<typename Request, typename Response, typename ToResult, typename Callback>
    void call(Request request, Costs::Method<Request, Response> method,
              std::chrono::milliseconds deadline, const QString &what, ToResult toResult,
              Callback callback)
    {
        ops::unaryOrError<Response, CostError>(
            poster, channel(), deadline, std::move(request), Costs::call(method), toResult,
            [what](const grpc::Status &status) { return convert::toCostError(status, what); },
            CostClient::tr("%1: not connected to platformd").arg(what), std::move(callback), calls);
    }

    CostClient *const q;
    std::shared_ptr<GuiPoster> poster;
    std::shared_ptr<CallSet> calls = std::make_shared<CallSet>();
    std::shared_ptr<Costs> cachedChannel;
};

CostClient::CostClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , d(std::make_unique<Private>(this))
{
    qRegisterMetaType<CostQueryResult>();
    qRegisterMetaType<ImportReport>();
    qRegisterMetaType<CostError>();
    if (connection)
        connect(connection, &Connection::opened, this, [this] { d->cachedChannel.reset(); });
}

CostClient::~CostClient()
{
    d->calls->cancel();
    d->poster->detach();
}

void CostClient::queryCosts(const CostQuery &query, QueryCallback callback)
{
    pb::QueryCostsRequest request;
    convert::toPbQuery(query, &request);
    d->call(std::move(request), &Costs::Async::QueryCosts, kQueryDeadline,
            tr("Could not load the costs"), &convert::toCostQueryResult, std::move(callback));
}

void CostClient::listEvents(const QDateTime &start, const QDateTime &end, EventsCallback callback)
{
    pb::ListCostEventsRequest request;
    if (start.isValid())
        convert::toTimestamp(start, request.mutable_start_time());
    if (end.isValid())
        convert::toTimestamp(end, request.mutable_end_time());
    d->call(
        std::move(request), &Costs::Async::ListCostEvents, kQueryDeadline,
        tr("Could not load the deploys and incidents"),
        [](const pb::ListCostEventsResponse &r) {
            QList<CostEvent> events;
            events.reserve(r.events_size());
            for (const pb::CostEvent &e : r.events())
                events.append(convert::toCostEvent(e));
            return events;
        },
        std::move(callback));
}

void CostClient::budgetReport(BudgetReportCallback callback)
{
    d->call(
        pb::GetBudgetReportRequest(), &Costs::Async::GetBudgetReport, kQueryDeadline,
        tr("Could not load the budgets"),
        [](const pb::BudgetReport &r) {
            QList<BudgetStatus> statuses;
            statuses.reserve(r.budgets_size());
            for (const pb::BudgetStatus &s : r.budgets())
                statuses.append(convert::toBudgetStatus(s));
            return statuses;
        },
        std::move(callback));
}

void CostClient::createBudget(const QString &id, const Budget &budget, BudgetCallback callback)
{
    pb::CreateBudgetRequest request;
    request.set_budget_id(id.toStdString());
    convert::toPbBudget(budget, request.mutable_budget());
    request.mutable_budget()->clear_name();
    d->call(std::move(request), &Costs::Async::CreateBudget, kWriteDeadline,
            tr("Could not create the budget %1").arg(id), &convert::toBudget, std::move(callback));
}

void CostClient::updateBudget(const Budget &budget, const QStringList &fields,
                              BudgetCallback callback)
{
    pb::UpdateBudgetRequest request;
    convert::toPbBudget(budget, request.mutable_budget());
    for (const QString &field : fields)
        request.mutable_update_mask()->add_paths(field.toStdString());
    d->call(std::move(request), &Costs::Async::UpdateBudget, kWriteDeadline,
            tr("Could not save the budget %1").arg(budget.name), &convert::toBudget,
            std::move(callback));
}

void CostClient::deleteBudget(const QString &name, DoneCallback callback)
{
    pb::DeleteBudgetRequest request;
    request.set_name(name.toStdString());
    d->call(
        std::move(request), &Costs::Async::DeleteBudget, kWriteDeadline,
        tr("Could not delete the budget %1").arg(name),
        [](const pb::DeleteBudgetResponse &) { return true; },
        [callback = std::move(callback)](bool, const CostError &error) { callback(error); });
}

void CostClient::listAnomalies(const QDateTime &start, const QDateTime &end, const QString &filter,
                               AnomaliesCallback callback)
{
    pb::ListCostAnomaliesRequest request;
    if (start.isValid())
        convert::toTimestamp(start, request.mutable_start_time());
    if (end.isValid())
        convert::toTimestamp(end, request.mutable_end_time());
    request.mutable_filter()->set_expression(filter.toStdString());
    request.set_page_size(500);
    d->call(
        std::move(request), &Costs::Async::ListCostAnomalies, kQueryDeadline,
        tr("Could not load the anomalies"),
        [](const pb::ListCostAnomaliesResponse &r) {
            QList<Anomaly> anomalies;
            anomalies.reserve(r.anomalies_size());
            for (const pb::CostAnomaly &a : r.anomalies())
                anomalies.append(convert::toAnomaly(a));
            return anomalies;
        },
        std::move(callback));
}

void CostClient::listRecommendations(const QString &filter, RecommendationsCallback callback)
{
    pb::ListCostRecommendationsRequest request;
    request.mutable_filter()->set_expression(filter.toStdString());
    d->call(std::move(request), &Costs::Async::ListCostRecommendations, kQueryDeadline,
            tr("Could not load the recommendations"), &convert::toRecommendationList,
            std::move(callback));
}

void CostClient::unitCosts(const QDateTime &start, const QDateTime &end, UnitCostsCallback callback)
{
    pb::GetUnitCostsRequest request;
    if (start.isValid())
        convert::toTimestamp(start, request.mutable_start_time());
    if (end.isValid())
        convert::toTimestamp(end, request.mutable_end_time());
    d->call(std::move(request), &Costs::Async::GetUnitCosts, kQueryDeadline,
            tr("Could not load the unit costs"), &convert::toUnitCostReport, std::move(callback));
}

void CostClient::forecast(const QString &filter, ForecastCallback callback)
{
    pb::GetCostForecastRequest request;
    request.mutable_filter()->set_expression(filter.toStdString());
    d->call(std::move(request), &Costs::Async::GetCostForecast, kQueryDeadline,
            tr("Could not load the forecast"), &convert::toCostForecast, std::move(callback));
}

CostImport *CostClient::importFile(const QString &path, const ImportOptions &options,
                                   QObject *parent)
{
    auto *job = new CostImport(path, parent ? parent : this);
    auto fail = [job](const QString &text, int code) {
        CostError error;
        error.code = code;
        error.text = text;
        job->d->poster->post([job, error] {
            job->m_finished = true;
            emit job->finished({}, error);
        });
    };
    const QFileInfo info(path);
    std::FILE *file = std::fopen(QFile::encodeName(path).constData(), "rb");
    if (!file || info.isDir()) {
        if (file)
            std::fclose(file);
        fail(tr("Could not import %1: the file cannot be opened for reading").arg(path),
             int(grpc::StatusCode::NOT_FOUND));
        return job;
    }
    auto channel = d->channel();
    if (!channel) {
        std::fclose(file);
        fail(tr("Could not import %1: not connected to platformd").arg(path),
             int(grpc::StatusCode::UNAVAILABLE));
        return job;
    }
    pb::ImportHeader header;
    header.set_file_name(info.fileName().toStdString());
    header.set_size_bytes(info.size());
    header.set_accept_partial(options.acceptPartial);
    header.set_validate_only(options.validateOnly);
    // Deletes itself.
    new ImportReactor(
        std::move(channel), d->poster, job->d->poster, job->d->calls, file, info.size(),
        std::move(header),
        [job](const ImportReport &report, const CostError &error) {
            job->m_finished = true;
            emit job->finished(report, error);
        },
        [job](qint64 sent, qint64 total, double rate) { emit job->progress(sent, total, rate); });
    return job;
}

} // namespace ops
