#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <optional>

// Availability SLO arithmetic: availability over a window, the error budget and what is left of it,
// burn rates, and Google SRE multi-window multi-burn-rate alerts (The Site Reliability Workbook,
// ch. 5 "Alerting on SLOs"). Pure functions over samples; no clock, no network.
namespace ops::slo {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr qint64 kBudgetWindowMs = 30 * kDayMs; // the SLO's compliance period

// One bucket of a region's health series: [startMs, startMs + durationMs).
struct Sample
{
    qint64 startMs = 0;
    qint64 durationMs = 0;
    double availability = 0;  // successful fraction, 0..1
    double throughputRps = 0; // weights the bucket by its requests
};

// Availability over one window.
struct WindowResult
{
    bool hasData = false;    // false: no sample overlaps the window (nothing else is meaningful)
    double availability = 0; // request-weighted (time-weighted when no bucket saw a request)
    double requests = 0;     // estimated requests in the window (rps x overlapping seconds)
    double coverage = 0;     // share of the window covered by samples, 0..1 (partial windows < 1)
};

// What is left of the error budget over the compliance period.
struct BudgetStatus
{
    bool hasData = false;
    double availability = 0;      // over the period (as far as samples reach)
    double errorBudget = 0;       // 1 - SLO: the failed share allowed
    double consumedFraction = 0;  // (1 - availability) / (1 - SLO); > 1 when overspent
    double remainingFraction = 0; // 1 - consumed; negative when overspent
    double budgetMinutes = 0;     // the whole budget as minutes of full outage in the period
    double remainingMinutes = 0;  // remainingFraction x budgetMinutes (negative when overspent)
    double coverage = 0;          // share of the period covered by samples
};

enum class Severity { Page, Ticket };
enum class AlertState { NoData, Ok, Firing };

// One row of the multi-window alert table: fire when the burn rate over BOTH windows exceeds
// `burnRate`. The short window makes the alert stop soon after the burning stops.
struct BurnRateRule
{
    Severity severity = Severity::Page;
    double burnRate = 0;
    qint64 longWindowMs = 0;
    qint64 shortWindowMs = 0;
    double budgetSpentAtAlert =
        0; // share of the 30-day budget spent over the long window when it fires
};

// The SRE workbook's recommended table (for a 30-day period):
//   page   14.4x over 1 h  and 5 min   (2 % of the budget in 1 h)
//   page    6  x over 6 h  and 30 min  (5 % in 6 h)
//   ticket  3  x over 1 d  and 2 h     (10 % in 1 d)
//   ticket  1  x over 3 d  and 6 h     (10 % in 3 d)
const QList<BurnRateRule> &defaultRules();

struct AlertStatus
{
    BurnRateRule rule;
    AlertState state = AlertState::NoData;
    double longBurnRate = 0;
    double shortBurnRate = 0;
    // At the current (short-window) burn rate, how long until the remaining budget is gone.
    // -1: never (not burning); 0: already exhausted. Only meaningful with state != NoData.
    qint64 timeToExhaustionMs = -1;
};

// Empty when `slo` is a usable target, else why not (translated). Valid: 0 < slo < 1 (1.0 has no
// error budget, so every burn rate would divide by zero).
QString validateTarget(double slo);

// Availability over [endMs - lengthMs, endMs). Samples may come in any order and may overlap (a
// fleet is the union of its regions' series); a sample partly inside the window counts with the
// overlapping part only.
WindowResult window(const QList<Sample> &samples, qint64 endMs, qint64 lengthMs);

// (1 - availability) / (1 - SLO): 1 spends the budget exactly over the period. nullopt when the
// window has no data or the SLO is invalid.
std::optional<double> burnRate(const QList<Sample> &samples, double slo, qint64 endMs,
                               qint64 lengthMs);

BudgetStatus budget(const QList<Sample> &samples, double slo, qint64 nowMs,
                    qint64 periodMs = kBudgetWindowMs);

// At burn rate `rate`, the remaining budget share `remaining` of a period lasts this long.
// -1 when rate <= 0 (never exhausted), 0 when nothing remains.
qint64 timeToExhaustionMs(double remaining, double rate, qint64 periodMs = kBudgetWindowMs);

// Evaluates every rule at `nowMs`. An invalid SLO gives every alert NoData.
QList<AlertStatus> evaluateAlerts(const QList<Sample> &samples, double slo, qint64 nowMs,
                                  const QList<BurnRateRule> &rules = defaultRules(),
                                  qint64 periodMs = kBudgetWindowMs);

// A coarse long series and a fine recent one as one series: the fine samples, plus the coarse
// ones before the first fine sample (a coarse bucket straddling it is cut at it).
QList<Sample> combine(const QList<Sample> &coarse, const QList<Sample> &fine);

QString severityText(Severity severity); // "Page" / "Ticket"
QString stateText(AlertState state);     // "OK" / "Firing" / "No data"
QString windowText(qint64 ms);           // "5 min", "1 h", "3 d"

} // namespace ops::slo
