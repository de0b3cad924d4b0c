#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ops {

// The console's side of CostService (proto/ops/platform/v1/cost.proto). Money stays the exact
// decimal text platformd sent ("1234.567890123456789"): tables and CSV show it as is, charts parse
// it to a double (money::toDouble), differences are computed exactly (money::subtract).

enum class CostDimension {
    Unspecified,
    Provider,
    Service,
    ServiceCategory,
    Region,
    BillingAccount,
    SubAccount,
    ChargeCategory,
    Tag,
    Model,
    Resource
};
enum class CostGranularity { None, Daily, Weekly, Monthly };
enum class CostMetric { Effective, Billed, List, Contracted };
enum class BudgetPeriod { Unspecified, Monthly, Quarterly, Yearly };
enum class RecommendationKind {
    Unspecified,
    IdleResource,
    Rightsize,
    CommitmentCoverage,
    GpuUtilisation
};
enum class CostEventKind { Unspecified, Deploy, Incident, Import, BudgetThreshold, Anomaly };

namespace cost_permissions {
inline const QString Read = QStringLiteral("costs.read");
inline const QString Import = QStringLiteral("costs.import");
inline const QString BudgetsWrite = QStringLiteral("budgets.write");
} // namespace cost_permissions

// The role under which the cost tables give a cell's exact text (platformd's decimal for money, the
// display text otherwise): CSV export writes it, the tooltip shows it.
inline constexpr int kExactTextRole = Qt::UserRole + 64;

// Exact decimal text, as platformd sends it.
namespace money {
double toDouble(const QString &amount); // 0 for "" or text that is not a number
// a - b, exactly (up to 38 significant digits); nullopt when either is not a decimal.
std::optional<QString> subtract(const QString &a, const QString &b);
// a + b, exactly; nullopt when either is not a decimal.
std::optional<QString> add(const QString &a, const QString &b);
// Change from `previous` to `current` in percent; nullopt when previous is zero.
std::optional<double> percentChange(const QString &current, const QString &previous);
// "12,345.67 USD"-style, rounded to cents and grouped in the locale (grouped even in the C
// locale), for reading: labels, table cells and tooltips. The exact text goes to tooltips and CSV.
QString shortText(double amount, const QString &currency);
// The exact decimal text for reading: grouped and rounded to cents (amounts under 1 keep four
// decimals, as unit costs are); "" stays "". Never for CSV: that keeps the exact text.
QString displayText(const QString &amount, const QString &currency = {});
// A count for reading: "4,903,876,304" (grouped even in the C locale).
QString countText(qint64 count);
// A chart axis label: "0", "850", "700k", "1.2M", "3B" (the locale's decimal point).
QString axisText(double amount);
} // namespace money

// One QueryCosts request.
struct CostQuery
{
    QDateTime start; // inclusive, UTC midnight
    QDateTime end;   // exclusive
    QList<CostDimension> groupBy;
    QString tagKey; // for CostDimension::Tag
    CostGranularity granularity = CostGranularity::Daily;
    QString filter; // API.md filter expression over the dimensions
    CostMetric metric = CostMetric::Effective;
    int maxGroups = 0; // 0: platformd's default (20)
};

struct CostSeries
{
    QStringList key;     // one value per group-by dimension
    QStringList amounts; // one per bucket
    QString total;
    QString previousTotal;
    bool other = false; // the "(other)" group
};

struct CostQueryResult
{
    QList<QDateTime> bucketStarts;
    QList<CostSeries> series; // largest total first
    QString total;
    QString previousTotal;
    QDateTime previousStart;
    QDateTime previousEnd;
    QString currency;
    QDateTime dataThrough;
};

struct BudgetThreshold
{
    double percent = 0;
    bool forecast = false;
    bool operator==(const BudgetThreshold &) const = default;
};

struct Budget
{
    QString name; // budgets/{id}
    QString displayName;
    QString scopeFilter;
    BudgetPeriod period = BudgetPeriod::Monthly;
    QString amount;
    QString currency;
    QList<BudgetThreshold> thresholds;
    QString owner;
    QDateTime createTime;
    QDateTime updateTime;
    QString createdBy;

    QString id() const { return name.section(QLatin1Char('/'), 1); }
};

// A budget against actual and forecast for its current period.
struct BudgetStatus
{
    Budget budget;
    QDateTime periodStart;
    QDateTime periodEnd;
    QString actual;
    QString forecast;
    QString forecastUpper;
    double actualPercent = 0;
    double forecastPercent = 0;
    QList<BudgetThreshold> crossed;
    QStringList dailyActual;
};

struct CostAnomalyCause
{
    QList<CostDimension> dimensions;
    QStringList values;
    QString impact;
    double share = 0; // 0..1
};

struct Anomaly
{
    QString name;
    QDateTime day;
    QString actual;
    QString expected;
    QString expectedUpper;
    QString impact;
    double score = 0;
    QList<CostAnomalyCause> causes;
    QString summary;

    // "region us-east-1 · service Amazon EC2 (82 %)", the first cause in words; summary when none.
    QString causeText() const;
};

struct Recommendation
{
    QString name;
    RecommendationKind kind = RecommendationKind::Unspecified;
    QString title;
    QString detail;
    QString resource;
    QString provider;
    QString region;
    QString service;
    QString model;
    QString monthlyCost;
    QString monthlySaving;
    double utilisation = -1; // 0..1, -1 unknown
};

struct RecommendationList
{
    QList<Recommendation> recommendations;
    QString totalMonthlySaving;
    QString currency;
};

struct UnitCost
{
    QString model; // models/{m}
    qint64 version = 0;
    QString cost;
    qint64 inferences = 0;
    QString costPer1k; // "" when no inferences
    QString gpuCost;
    double gpuUtilisation = -1;
};

struct UnitCostReport
{
    QList<UnitCost> unitCosts;
    QString currency;
    QString untaggedCost;
};

// Spend to the end of a month or quarter: actual so far plus the forecast, with bounds.
struct ForecastTotal
{
    QDateTime periodStart;
    QDateTime periodEnd;
    QString actualToDate;
    QString expected;
    QString lower;
    QString upper;
};

struct CostForecast
{
    ForecastTotal month;
    ForecastTotal quarter;
    QString method;
    QString currency;
    double confidence = 0;
};

struct CostEvent
{
    QDateTime time;
    CostEventKind kind = CostEventKind::Unspecified;
    QString title;
    QString resource;
};

struct RowRejection
{
    qint64 row = 0;
    QString column;
    QString reason;
};

struct ImportReport
{
    QString name;
    QString fileName;
    QString focusVersion;
    qint64 rowsRead = 0;
    qint64 rowsAccepted = 0;
    qint64 rowsRejected = 0;
    QList<RowRejection> rejections;
    bool written = false;
    QStringList replacedPeriods;
    QString currency;
    QList<QPair<QString, QString>> billedCostByProvider; // sorted by provider
    QList<QPair<QString, QString>> effectiveCostByProvider;
    QStringList unknownColumns;
    QDateTime startTime;
    QDateTime endTime;
    QString importedBy;
    double rowsPerSecond = 0;
    QStringList notes;
};

struct ImportOptions
{
    bool validateOnly = false;
    bool acceptPartial = false;
};

// A failed cost call: the gRPC code, platformd's message and what failed, in words.
struct CostError
{
    int code = 0;    // grpc::StatusCode; 0: no error
    QString message; // platformd's message
    QString text;    // user-facing: "Could not load the costs: …" (translated)

    bool isError() const { return code != 0; }
};

// Translated words for the enums, and the filter field of each dimension.
class CostText
{
    Q_DECLARE_TR_FUNCTIONS(ops::CostText)
public:
    static QString dimension(CostDimension dimension); // "Service category"
    // The filter language's field: "service_category", "tags.<tagKey>".
    static QString filterField(CostDimension dimension, const QString &tagKey = {});
    static QString granularity(CostGranularity granularity);
    static QString period(BudgetPeriod period);
    static QString recommendationKind(RecommendationKind kind);
    static QString eventKind(CostEventKind kind);
    // `field = "value"` with quotes and backslashes escaped.
    static QString filterTerm(CostDimension dimension, const QString &tagKey, const QString &value);
    // "50 %, 80 %, 100 % forecast"
    static QString thresholds(const QList<BudgetThreshold> &thresholds);
    // Parses "50, 80, 100f" (f or "forecast" after a number: on the forecast). nullopt with
    // `error` set when a part is not a percentage in 1..1000.
    static std::optional<QList<BudgetThreshold>> parseThresholds(const QString &text,
                                                                 QString *error);
};

} // namespace ops

Q_DECLARE_METATYPE(ops::CostQueryResult)
Q_DECLARE_METATYPE(ops::ImportReport)
Q_DECLARE_METATYPE(ops::CostError)
