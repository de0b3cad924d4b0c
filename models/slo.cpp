#include "slo.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace ops::slo {

const QList<BurnRateRule> &defaultRules()
{
    // Burn rate b over window w spends b * w / 30 d of the budget: 14.4 * 1 h / 720 h = 2 %,
    // 6 * 6 h / 720 h = 5 %, 3 * 24 h / 720 h = 10 %, 1 * 72 h / 720 h = 10 %.
    static const QList<BurnRateRule> rules{
        {Severity::Page, 14.4, kHourMs, 5 * kMinuteMs, 0.02},
        {Severity::Page, 6.0, 6 * kHourMs, 30 * kMinuteMs, 0.05},
        {Severity::Ticket, 3.0, kDayMs, 2 * kHourMs, 0.10},
        {Severity::Ticket, 1.0, 3 * kDayMs, 6 * kHourMs, 0.10},
    };
    return rules;
}

QString validateTarget(double slo)
{
    if (std::isnan(slo))
        return QCoreApplication::translate("ops::slo", "The SLO target is not a number");
    if (slo >= 1.0)
        return QCoreApplication::translate(
                   "ops::slo", "The SLO target %1 leaves no error budget: it must be below 100 %")
            .arg(slo * 100, 0, 'g', 6);
    if (slo <= 0.0)
        return QCoreApplication::translate("ops::slo", "The SLO target %1 must be above 0 %")
            .arg(slo * 100, 0, 'g', 6);
    return {};
}

WindowResult window(const QList<Sample> &samples, qint64 endMs, qint64 lengthMs)
{
    WindowResult result;
    if (lengthMs <= 0)
        return result;
    const qint64 startMs = endMs - lengthMs;
    double requests = 0, goodRequests = 0; // request-weighted
    double seconds = 0, goodSeconds = 0;   // time-weighted fallback
    for (const Sample &s : samples) {
        const qint64 lo = std::max(s.startMs, startMs);
        const qint64 hi = std::min(s.startMs + s.durationMs, endMs);
        if (hi <= lo)
            continue;
        const double overlap = double(hi - lo) / 1000.0;
        const double availability = std::clamp(s.availability, 0.0, 1.0);
        const double n = std::max(0.0, s.throughputRps) * overlap;
        requests += n;
        goodRequests += n * availability;
        seconds += overlap;
        goodSeconds += overlap * availability;
    }
    if (seconds <= 0)
        return result;
    result.hasData = true;
    result.requests = requests;
    result.availability = requests > 0 ? goodRequests / requests : goodSeconds / seconds;
    result.coverage = std::min(1.0, seconds * 1000.0 / double(lengthMs));
    return result;
}

std::optional<double> burnRate(const QList<Sample> &samples, double slo, qint64 endMs,
                               qint64 lengthMs)
{
    if (!validateTarget(slo).isEmpty())
        return std::nullopt;
    const WindowResult w = window(samples, endMs, lengthMs);
    if (!w.hasData)
        return std::nullopt;
    return (1.0 - w.availability) / (1.0 - slo);
}

BudgetStatus budget(const QList<Sample> &samples, double slo, qint64 nowMs, qint64 periodMs)
{
    BudgetStatus status;
    if (!validateTarget(slo).isEmpty() || periodMs <= 0)
        return status;
    status.errorBudget = 1.0 - slo;
    status.budgetMinutes = status.errorBudget * double(periodMs) / double(kMinuteMs);
    const WindowResult w = window(samples, nowMs, periodMs);
    if (!w.hasData)
        return status;
    status.hasData = true;
    status.availability = w.availability;
    status.coverage = w.coverage;
    status.consumedFraction = (1.0 - w.availability) / status.errorBudget;
    status.remainingFraction = 1.0 - status.consumedFraction;
    status.remainingMinutes = status.remainingFraction * status.budgetMinutes;
    return status;
}

qint64 timeToExhaustionMs(double remaining, double rate, qint64 periodMs)
{
    if (remaining <= 0)
        return 0;
    if (!(rate > 0))
        return -1;
    // At burn rate 1 the whole budget lasts the period; at rate b a share r lasts r * period / b.
    return qint64(std::llround(remaining * double(periodMs) / rate));
}

QList<AlertStatus> evaluateAlerts(const QList<Sample> &samples, double slo, qint64 nowMs,
                                  const QList<BurnRateRule> &rules, qint64 periodMs)
{
    QList<AlertStatus> result;
    result.reserve(rules.size());
    const BudgetStatus left = budget(samples, slo, nowMs, periodMs);
    for (const BurnRateRule &rule : rules) {
        AlertStatus &alert = result.emplace_back();
        alert.rule = rule;
        const auto longRate = burnRate(samples, slo, nowMs, rule.longWindowMs);
        const auto shortRate = burnRate(samples, slo, nowMs, rule.shortWindowMs);
        if (!longRate || !shortRate)
            continue; // NoData: neither window can be judged
        alert.longBurnRate = *longRate;
        alert.shortBurnRate = *shortRate;
        // "> threshold" as in the workbook's expressions (error ratio > 14.4 * (1 - SLO)).
        const bool firing = *longRate > rule.burnRate && *shortRate > rule.burnRate;
        alert.state = firing ? AlertState::Firing : AlertState::Ok;
        alert.timeToExhaustionMs =
            timeToExhaustionMs(left.hasData ? left.remainingFraction : 1.0, *shortRate, periodMs);
    }
    return result;
}

QList<Sample> combine(const QList<Sample> &coarse, const QList<Sample> &fine)
{
    if (fine.isEmpty())
        return coarse;
    qint64 fineStart = fine.first().startMs;
    for (const Sample &s : fine)
        fineStart = std::min(fineStart, s.startMs);
    QList<Sample> out;
    out.reserve(coarse.size() + fine.size());
    for (const Sample &s : coarse) {
        if (s.startMs >= fineStart)
            continue;
        Sample cut = s;
        cut.durationMs = std::min(s.durationMs, fineStart - s.startMs);
        out.append(cut);
    }
    out.append(fine);
    return out;
}

QString severityText(Severity severity)
{
    return severity == Severity::Page ? QCoreApplication::translate("ops::slo", "Page")
                                      : QCoreApplication::translate("ops::slo", "Ticket");
}

QString stateText(AlertState state)
{
    switch (state) {
    case AlertState::Ok:
        return QCoreApplication::translate("ops::slo", "OK");
    case AlertState::Firing:
        return QCoreApplication::translate("ops::slo", "Firing");
    case AlertState::NoData:
        break;
    }
    return QCoreApplication::translate("ops::slo", "No data");
}

QString windowText(qint64 ms)
{
    if (ms >= kDayMs && ms % kDayMs == 0)
        return QCoreApplication::translate("ops::slo", "%1 d").arg(ms / kDayMs);
    if (ms >= kHourMs && ms % kHourMs == 0)
        return QCoreApplication::translate("ops::slo", "%1 h").arg(ms / kHourMs);
    return QCoreApplication::translate("ops::slo", "%1 min").arg(ms / kMinuteMs);
}

} // namespace ops::slo
