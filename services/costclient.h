#pragma once

#include "models/cost.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace ops {

class Connection;

// One running ImportCosts upload (CostClient::importFile). The file is read in chunks on gRPC's
// threads, never the GUI thread; progress arrives at most every 100 ms; finished() comes exactly
// once, also after cancel() or a failure to open the file. Deleting it cancels the upload.
class CostImport : public QObject
{
    Q_OBJECT
public:
    ~CostImport() override;
    void cancel();
    bool isFinished() const { return m_finished; }
    QString path() const { return m_path; }

signals:
    // rowsPerSecond: lines sent per second of a plain CSV; -1 when unknown (gzip).
    void progress(qint64 bytesSent, qint64 totalBytes, double rowsPerSecond);
    void finished(const ops::ImportReport &report, const ops::CostError &error);

private:
    friend class CostClient;
    explicit CostImport(const QString &path, QObject *parent);
    class Private;
    std::shared_ptr<Private> d;
    QString m_path;
    bool m_finished = false;
};

// The costs of one platformd (CostService): queries for the explorer, events for its markers,
// budgets and their report, anomalies, recommendations, unit cost and FOCUS imports. Every call is
// asynchronous with a deadline; its callback runs on this object's thread with the result or the
// error in words ("Could not load the costs: …").
class CostClient : public QObject
{
    Q_OBJECT
public:
    explicit CostClient(Connection *connection, QObject *parent = nullptr);
    ~CostClient() override; // cancels every call in flight

    using QueryCallback = std::function<void(const CostQueryResult &, const CostError &)>;
    using EventsCallback = std::function<void(const QList<CostEvent> &, const CostError &)>;
    using BudgetReportCallback =
        std::function<void(const QList<BudgetStatus> &, const CostError &)>;
    using BudgetCallback = std::function<void(const Budget &, const CostError &)>;
    using DoneCallback = std::function<void(const CostError &)>;
    using AnomaliesCallback = std::function<void(const QList<Anomaly> &, const CostError &)>;
    using RecommendationsCallback =
        std::function<void(const RecommendationList &, const CostError &)>;
    using UnitCostsCallback = std::function<void(const UnitCostReport &, const CostError &)>;
    using ForecastCallback = std::function<void(const CostForecast &, const CostError &)>;

    void queryCosts(const CostQuery &query, QueryCallback callback);
    void listEvents(const QDateTime &start, const QDateTime &end, EventsCallback callback);
    // Every budget against actual and forecast for its current period.
    void budgetReport(BudgetReportCallback callback);
    // `id`: lower-case letters, digits and '-'.
    void createBudget(const QString &id, const Budget &budget, BudgetCallback callback);
    // `fields`: display_name, scope_filter, period, amount, thresholds, owner.
    void updateBudget(const Budget &budget, const QStringList &fields, BudgetCallback callback);
    void deleteBudget(const QString &name, DoneCallback callback);
    // Invalid times: platformd's defaults. The newest first, at most 500.
    void listAnomalies(const QDateTime &start, const QDateTime &end, const QString &filter,
                       AnomaliesCallback callback);
    void listRecommendations(const QString &filter, RecommendationsCallback callback);
    void unitCosts(const QDateTime &start, const QDateTime &end, UnitCostsCallback callback);
    // The filtered spend to the end of the current month and quarter, with bounds.
    void forecast(const QString &filter, ForecastCallback callback);

    // Streams the file (plain CSV or .csv.gz) to ImportCosts. The returned object belongs to
    // `parent` (this client when null).
    CostImport *importFile(const QString &path, const ImportOptions &options,
                           QObject *parent = nullptr);

private:
    QPointer<Connection> m_connection;
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace ops
