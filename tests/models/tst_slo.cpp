#include "models/slo.h"

#include <QTest>

using namespace ops;
using namespace ops::slo;

namespace {

// `count` buckets of `stepMs` each, ending at `endMs`, all with the same availability and rps.
QList<Sample> flat(qint64 endMs, int count, qint64 stepMs, double availability, double rps)
{
    QList<Sample> out;
    for (int i = count; i > 0; --i)
        out.append({endMs - i * stepMs, stepMs, availability, rps});
    return out;
}

// Sets the availability of the buckets starting in [fromMs, toMs).
void setAvailability(QList<Sample> &samples, qint64 fromMs, qint64 toMs, double availability)
{
    for (Sample &s : samples)
        if (s.startMs >= fromMs && s.startMs < toMs)
            s.availability = availability;
}

const qint64 kNow = 1'800'000'000'000; // an arbitrary instant (2027-01-15), on a minute boundary

} // namespace

class TestSlo : public QObject
{
    Q_OBJECT
private slots:
    void windowIsRequestWeighted()
    {
        // [0, 60 s): 100 rps at 100 %  -> 6000 requests, 6000 good
        // [60, 120 s): 300 rps at 90 % -> 18000 requests, 16200 good
        // availability = 22200 / 24000 = 0.925 (a plain mean of the buckets would say 0.95)
        const QList<Sample> samples{{0, 60000, 1.0, 100}, {60000, 60000, 0.9, 300}};
        const WindowResult w = window(samples, 120000, 120000);
        QVERIFY(w.hasData);
        QCOMPARE(w.availability, 0.925);
        QCOMPARE(w.requests, 24000.0);
        QCOMPARE(w.coverage, 1.0);
    }

    void windowWithoutTrafficIsTimeWeighted()
    {
        // No requests at all: (1.0 * 60 s + 0.9 * 60 s) / 120 s = 0.95
        const QList<Sample> samples{{0, 60000, 1.0, 0}, {60000, 60000, 0.9, 0}};
        const WindowResult w = window(samples, 120000, 120000);
        QVERIFY(w.hasData);
        QCOMPARE(w.availability, 0.95);
        QCOMPARE(w.requests, 0.0);
    }

    void partialWindow()
    {
        // Window [90 s, 150 s): only [90, 120 s) of the second bucket has data -> 0.9, half
        // covered.
        const QList<Sample> samples{{0, 60000, 1.0, 100}, {60000, 60000, 0.9, 300}};
        const WindowResult w = window(samples, 150000, 60000);
        QVERIFY(w.hasData);
        QCOMPARE(w.availability, 0.9);
        QCOMPARE(w.requests, 300.0 * 30);
        QCOMPARE(w.coverage, 0.5);
        // A straddling bucket counts with its overlap only: window [30 s, 90 s)
        // = 30 s x 100 rps at 1.0 (3000 good) + 30 s x 300 rps at 0.9 (8100 of 9000) ->
        // 11100/12000.
        QCOMPARE(window(samples, 90000, 60000).availability, 0.925);
    }

    void emptyWindows()
    {
        const QList<Sample> none;
        QVERIFY(!window(none, kNow, kHourMs).hasData);
        QVERIFY(!burnRate(none, 0.999, kNow, kHourMs).has_value());
        const BudgetStatus b = budget(none, 0.999, kNow);
        QVERIFY(!b.hasData);
        QCOMPARE(b.errorBudget, 0.001); // the budget itself is known without data
        for (const AlertStatus &a : evaluateAlerts(none, 0.999, kNow))
            QCOMPARE(a.state, AlertState::NoData);

        // Data, but all of it older than the window, or a zero-length window.
        const QList<Sample> old = flat(kNow - kDayMs, 10, 5 * kMinuteMs, 0.5, 10);
        QVERIFY(!window(old, kNow, kHourMs).hasData);
        QVERIFY(!window(old, kNow, 0).hasData);
        QVERIFY(window(old, kNow, 2 * kDayMs).hasData);
        // The 1 h / 5 min alert has nothing to judge; the 3 d / 6 h one has only its long window
        // -> NoData too (both windows are required).
        const QList<AlertStatus> alerts = evaluateAlerts(old, 0.999, kNow);
        QCOMPARE(alerts.size(), 4);
        for (const AlertStatus &a : alerts)
            QCOMPARE(a.state, AlertState::NoData);
    }

    void invalidTargets_data()
    {
        QTest::addColumn<double>("slo");
        QTest::newRow("100 % (no budget)") << 1.0;
        QTest::newRow("above 100 %") << 1.5;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative") << -0.1;
        QTest::newRow("NaN") << std::nan("");
    }

    void invalidTargets()
    {
        QFETCH(double, slo);
        QVERIFY(!validateTarget(slo).isEmpty());
        const QList<Sample> samples = flat(kNow, 12, 5 * kMinuteMs, 0.99, 10);
        QVERIFY(!burnRate(samples, slo, kNow, kHourMs).has_value());
        QVERIFY(!budget(samples, slo, kNow).hasData);
        for (const AlertStatus &a : evaluateAlerts(samples, slo, kNow))
            QCOMPARE(a.state, AlertState::NoData);
    }

    void validTargets()
    {
        QVERIFY(validateTarget(0.9999).isEmpty());
        QVERIFY(validateTarget(0.5).isEmpty());
        QVERIFY(validateTarget(1.0).contains(QStringLiteral("no error budget")));
    }

    void burnRates_data()
    {
        QTest::addColumn<double>("slo");
        QTest::addColumn<double>("availability");
        QTest::addColumn<double>("expected");
        // burn = (1 - availability) / (1 - SLO)
        QTest::newRow("99.9 % at 99 %: 0.01 / 0.001") << 0.999 << 0.99 << 10.0;
        QTest::newRow("99.9 % at 99.95 %: 0.0005 / 0.001") << 0.999 << 0.9995 << 0.5;
        QTest::newRow("99.99 % at 99.856 %: 0.00144 / 0.0001") << 0.9999 << 0.99856 << 14.4;
        QTest::newRow("perfect") << 0.9999 << 1.0 << 0.0;
        QTest::newRow("50 % at 0 %: 1 / 0.5") << 0.5 << 0.0 << 2.0;
    }

    void burnRates()
    {
        QFETCH(double, slo);
        QFETCH(double, availability);
        QFETCH(double, expected);
        const auto rate =
            burnRate(flat(kNow, 12, 5 * kMinuteMs, availability, 50), slo, kNow, kHourMs);
        QVERIFY(rate.has_value());
        QVERIFY2(std::abs(*rate - expected) < 1e-9, qPrintable(QString::number(*rate, 'g', 17)));
    }

    void budgetWithATwoMinuteOutage()
    {
        // 99.99 % over 30 days: budget = 0.0001 x 43200 min = 4.32 min of full outage.
        // 720 hourly buckets at constant traffic; one hour is 2 minutes fully down:
        // availability of that hour = 1 - 2/60; over 30 d the failed share = 2 / 43200.
        // consumed = (2 / 43200) / 0.0001 = 0.462963; remaining = 0.537037 = 2.32 min of 4.32.
        QList<Sample> samples = flat(kNow, 720, kHourMs, 1.0, 100);
        samples[300].availability = 1.0 - 2.0 / 60.0;
        const BudgetStatus b = budget(samples, 0.9999, kNow);
        QVERIFY(b.hasData);
        QCOMPARE(b.errorBudget, 1 - 0.9999);
        QCOMPARE(b.budgetMinutes, 4.32);
        QCOMPARE(b.coverage, 1.0);
        QVERIFY(std::abs(b.consumedFraction - 2.0 / 4.32) < 1e-6);
        QVERIFY(std::abs(b.remainingFraction - 2.32 / 4.32) < 1e-6);
        QVERIFY(std::abs(b.remainingMinutes - 2.32) < 1e-6);
    }

    void budgetOverspent()
    {
        // 99.9 %: budget 43.2 min. One whole hour down out of 720: failed share 1/720,
        // consumed = (1/720) / 0.001 = 1.3889; remaining = -0.3889 = -16.8 min (overspent).
        QList<Sample> samples = flat(kNow, 720, kHourMs, 1.0, 100);
        samples[10].availability = 0.0;
        const BudgetStatus b = budget(samples, 0.999, kNow);
        QVERIFY(std::abs(b.consumedFraction - 1000.0 / 720.0) < 1e-9);
        QVERIFY(b.remainingFraction < 0);
        QVERIFY(std::abs(b.remainingMinutes - (-16.8)) < 1e-6);
    }

    void budgetFromPartialPeriod()
    {
        // Only the last 10 days have data (coverage 1/3): the budget is judged on what was seen.
        // 99.9 % with 99.95 % seen: consumed 0.5, remaining 0.5 = 21.6 of 43.2 min.
        const BudgetStatus b = budget(flat(kNow, 240, kHourMs, 0.9995, 10), 0.999, kNow);
        QVERIFY(b.hasData);
        QVERIFY(std::abs(b.coverage - 1.0 / 3.0) < 1e-12);
        QVERIFY(std::abs(b.remainingFraction - 0.5) < 1e-9);
        QVERIFY(std::abs(b.remainingMinutes - 21.6) < 1e-6);
    }

    void timeToExhaustion()
    {
        // Half the budget left at 2x: 0.5 x 30 d / 2 = 7.5 d.
        QCOMPARE(timeToExhaustionMs(0.5, 2.0), qint64(7.5 * kDayMs));
        // All of it at 14.4x: 30 d / 14.4 = 50 h.
        QCOMPARE(timeToExhaustionMs(1.0, 14.4), 50 * kHourMs);
        QCOMPARE(timeToExhaustionMs(0.0, 3.0), qint64(0));
        QCOMPARE(timeToExhaustionMs(-0.2, 3.0), qint64(0));
        QCOMPARE(timeToExhaustionMs(0.7, 0.0), qint64(-1));
    }

    void rulesAreTheWorkbookTable()
    {
        const QList<BurnRateRule> &rules = defaultRules();
        QCOMPARE(rules.size(), 4);
        QCOMPARE(rules[0].burnRate, 14.4);
        QCOMPARE(rules[0].longWindowMs, kHourMs);
        QCOMPARE(rules[0].shortWindowMs, 5 * kMinuteMs);
        QCOMPARE(rules[0].severity, Severity::Page);
        QCOMPARE(rules[1].burnRate, 6.0);
        QCOMPARE(rules[1].longWindowMs, 6 * kHourMs);
        QCOMPARE(rules[1].shortWindowMs, 30 * kMinuteMs);
        QCOMPARE(rules[2].burnRate, 3.0);
        QCOMPARE(rules[2].longWindowMs, kDayMs);
        QCOMPARE(rules[2].shortWindowMs, 2 * kHourMs);
        QCOMPARE(rules[2].severity, Severity::Ticket);
        QCOMPARE(rules[3].burnRate, 1.0);
        QCOMPARE(rules[3].longWindowMs, 3 * kDayMs);
        QCOMPARE(rules[3].shortWindowMs, 6 * kHourMs);
        // burn x long window / 30 d = the budget share spent when the alert fires.
        for (const BurnRateRule &r : rules)
            QVERIFY(std::abs(r.burnRate * double(r.longWindowMs) / double(kBudgetWindowMs) -
                             r.budgetSpentAtAlert) < 1e-12);
    }

    void healthyFleetFiresNothing()
    {
        const QList<AlertStatus> alerts =
            evaluateAlerts(flat(kNow, 3 * 288, 5 * kMinuteMs, 1.0, 100), 0.999, kNow);
        QCOMPARE(alerts.size(), 4);
        for (const AlertStatus &a : alerts) {
            QCOMPARE(a.state, AlertState::Ok);
            QCOMPARE(a.longBurnRate, 0.0);
            QCOMPARE(a.timeToExhaustionMs, qint64(-1)); // not burning: never exhausted
        }
    }

    void fastBurnPages()
    {
        // SLO 99.9 %, 3 days of 5-minute buckets at constant traffic; the last hour at 98.5 %
        // (error 0.015 -> burn 15):
        //   page 14.4x: 1 h burn 15 > 14.4 and 5 min burn 15 > 14.4   -> firing
        //   page 6x:    6 h burn 15 x 1/6 = 2.5                       -> ok
        //   ticket 3x:  1 d burn 15 / 24 = 0.625                      -> ok
        //   ticket 1x:  3 d burn 15 / 72 = 0.2083                     -> ok
        // Budget (the 3 days seen): consumed 0.2083, remaining 0.791667;
        // time to exhaustion at 15x = 0.791667 x 720 h / 15 = 38 h.
        QList<Sample> samples = flat(kNow, 3 * 288, 5 * kMinuteMs, 1.0, 100);
        setAvailability(samples, kNow - kHourMs, kNow, 0.985);
        const QList<AlertStatus> a = evaluateAlerts(samples, 0.999, kNow);
        QCOMPARE(a[0].state, AlertState::Firing);
        QVERIFY(std::abs(a[0].longBurnRate - 15) < 1e-9);
        QVERIFY(std::abs(a[0].shortBurnRate - 15) < 1e-9);
        QVERIFY(std::abs(double(a[0].timeToExhaustionMs) - 38.0 * kHourMs) < 1000);
        QCOMPARE(a[1].state, AlertState::Ok);
        QVERIFY(std::abs(a[1].longBurnRate - 2.5) < 1e-9);
        QCOMPARE(a[2].state, AlertState::Ok);
        QVERIFY(std::abs(a[2].longBurnRate - 0.625) < 1e-9);
        QCOMPARE(a[3].state, AlertState::Ok);
        QVERIFY(std::abs(a[3].longBurnRate - 15.0 / 72) < 1e-9);
    }

    void shortWindowResetsAfterRecovery()
    {
        // Bad from now-65 min to now-5 min at 98.32 % (error 0.0168), good since:
        //   1 h window holds 55 bad minutes: error 0.0168 x 55/60 = 0.0154 -> burn 15.4 > 14.4
        //   5 min window is clean -> burn 0: the page stops as soon as the burning stops.
        QList<Sample> samples = flat(kNow, 3 * 288, 5 * kMinuteMs, 1.0, 100);
        setAvailability(samples, kNow - 65 * kMinuteMs, kNow - 5 * kMinuteMs, 1 - 0.0168);
        const QList<AlertStatus> a = evaluateAlerts(samples, 0.999, kNow);
        QVERIFY(std::abs(a[0].longBurnRate - 15.4) < 1e-9);
        QCOMPARE(a[0].shortBurnRate, 0.0);
        QCOMPARE(a[0].state, AlertState::Ok);
        QCOMPARE(a[0].timeToExhaustionMs, qint64(-1));
    }

    void slowBurnTickets()
    {
        // SLO 50 % (budget 0.5, exact in binary), availability 25 % for all 3 days:
        // burn = 0.75 / 0.5 = 1.5 over every window -> 1x/3d ticket fires, 3x/1d does not.
        // Budget over the 3 days seen: consumed 1.5 -> overspent, time to exhaustion 0.
        const QList<AlertStatus> a =
            evaluateAlerts(flat(kNow, 3 * 288, 5 * kMinuteMs, 0.25, 10), 0.5, kNow);
        QCOMPARE(a[2].state, AlertState::Ok);
        QCOMPARE(a[3].state, AlertState::Firing);
        QCOMPARE(a[3].longBurnRate, 1.5);
        QCOMPARE(a[3].timeToExhaustionMs, qint64(0));
        // Exactly at the threshold (availability 50 % -> burn exactly 1.0) is not above it.
        const QList<AlertStatus> b =
            evaluateAlerts(flat(kNow, 3 * 288, 5 * kMinuteMs, 0.5, 10), 0.5, kNow);
        QCOMPARE(b[3].longBurnRate, 1.0);
        QCOMPARE(b[3].state, AlertState::Ok);
    }

    void fleetIsTheUnionOfRegions()
    {
        // Two regions over the same hour: 900 rps at 99.9 % and 100 rps at 99 %:
        // (900 x 0.999 + 100 x 0.99) / 1000 = (899.1 + 99) / 1000 = 0.9981.
        QList<Sample> fleet = flat(kNow, 12, 5 * kMinuteMs, 0.999, 900);
        fleet += flat(kNow, 12, 5 * kMinuteMs, 0.99, 100);
        const WindowResult w = window(fleet, kNow, kHourMs);
        QVERIFY(std::abs(w.availability - 0.9981) < 1e-12);
        QCOMPARE(w.coverage, 1.0);
    }

    void combineCutsTheCoarseSeries()
    {
        // Hourly [0,1h) [1h,2h) [2h,3h); minute samples from 2.5 h: the third hour is cut at 2.5 h.
        const QList<Sample> coarse = flat(3 * kHourMs, 3, kHourMs, 0.5, 1);
        const QList<Sample> fine = flat(3 * kHourMs, 30, kMinuteMs, 1.0, 1);
        const QList<Sample> both = combine(coarse, fine);
        QCOMPARE(both.size(), 33);
        QCOMPARE(both[2].startMs, 2 * kHourMs);
        QCOMPARE(both[2].durationMs, kHourMs / 2);
        // 2.5 h at 0.5 and 0.5 h at 1.0 (equal rps): (2.5 x 0.5 + 0.5 x 1) / 3 = 0.58333
        QVERIFY(std::abs(window(both, 3 * kHourMs, 3 * kHourMs).availability - 1.75 / 3) < 1e-12);
        QCOMPARE(combine(coarse, {}).size(), 3);
    }

    void windowTexts()
    {
        QCOMPARE(windowText(5 * kMinuteMs), QStringLiteral("5 min"));
        QCOMPARE(windowText(6 * kHourMs), QStringLiteral("6 h"));
        QCOMPARE(windowText(3 * kDayMs), QStringLiteral("3 d"));
    }
};

QTEST_GUILESS_MAIN(TestSlo)
#include "tst_slo.moc"
