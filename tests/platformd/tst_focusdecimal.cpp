// focus::Decimal (exact money: parse, format, rounding, sums) and the FOCUS timestamp forms.
#include "cost/focus/decimal.h"
#include "cost/focus/private/focusparse.h"

#include <QTest>

using platformd::cost::focus::Decimal;
namespace detail = platformd::cost::focus::detail;

class TestFocusDecimal : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void refused_data();
    void refused();
    void fixedDecimals_data();
    void fixedDecimals();
    void sumsAreExact();
    void arithmeticAndOrder();
    void doubles();
    void timestamps_data();
    void timestamps();
    void timestampsRefused_data();
    void timestampsRefused();
};

void TestFocusDecimal::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shortest");
    QTest::newRow("integer") << "12"
                             << "12";
    QTest::newRow("FOCUS sample cost") << "0.00000080000"
                                       << "0.0000008";
    QTest::newRow("negative, trailing zeros") << "-0.00000080000"
                                              << "-0.0000008";
    QTest::newRow("15 decimals") << "0.002007490000000"
                                 << "0.00200749";
    QTest::newRow("exponent") << "1.5E-7"
                              << "0.00000015";
    QTest::newRow("positive exponent") << "2.5e3"
                                       << "2500";
    QTest::newRow("plus sign, bare point") << "+3."
                                           << "3";
    QTest::newRow("leading point") << ".5"
                                   << "0.5";
    QTest::newRow("negative zero") << "-0"
                                   << "0";
    QTest::newRow("zero with huge exponent") << "0E-1000000"
                                             << "0";
    QTest::newRow("smallest unit") << "1E-18"
                                   << "0.000000000000000001";
    QTest::newRow("18 decimals") << "0.123456789012345678"
                                 << "0.123456789012345678";
    QTest::newRow("zeros beyond 18 decimals") << "0.1000000000000000000000"
                                              << "0.1";
    QTest::newRow("largest") << "99999999999999999999.999999999999999999"
                             << "99999999999999999999.999999999999999999";
    QTest::newRow("largest negative") << "-99999999999999999999.999999999999999999"
                                      << "-99999999999999999999.999999999999999999";
    QTest::newRow("leading zeros") << "000123.4500"
                                   << "123.45";
    QTest::newRow("20 integer digits") << "12345678901234567890"
                                       << "12345678901234567890";
    QTest::newRow("exponent into fraction") << "123456e-10"
                                            << "0.0000123456";
}

void TestFocusDecimal::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, shortest);
    std::string why;
    const auto d = Decimal::parse(text.toStdString(), &why);
    QVERIFY2(d.has_value(), why.c_str());
    QCOMPARE(QString::fromStdString(d->toString()), shortest);
    // The shortest text reads back to the same value.
    QCOMPARE(Decimal::parse(d->toString()), d);
}

void TestFocusDecimal::refused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("NaN") << "NaN"
                         << "not a decimal";
    QTest::newRow("comma") << "1,5"
                           << "not a decimal";
    QTest::newRow("hex") << "0x10"
                         << "not a decimal";
    QTest::newRow("leading blank") << " 1"
                                   << "not a decimal";
    QTest::newRow("trailing blank") << "1 "
                                    << "not a decimal";
    QTest::newRow("two signs") << "--1"
                               << "not a decimal";
    QTest::newRow("exponent without digits") << "1e"
                                             << "not a decimal";
    QTest::newRow("only exponent") << "e5"
                                   << "not a decimal";
    QTest::newRow("only point") << "."
                                << "not a decimal";
    QTest::newRow("two points") << "1.2.3"
                                << "not a decimal";
    QTest::newRow("19 decimals") << "0.0000000000000000001"
                                 << "more than 18 decimals";
    QTest::newRow("exponent below a unit") << "1E-19"
                                           << "more than 18 decimals";
    QTest::newRow("1e20") << "100000000000000000000"
                          << "too large";
    QTest::newRow("1e20 by exponent") << "1e20"
                                      << "too large";
    QTest::newRow("huge exponent") << "1e99999999999"
                                   << "too large";
}

void TestFocusDecimal::refused()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    std::string why;
    QCOMPARE(Decimal::parse(text.toStdString(), &why), std::nullopt);
    QVERIFY2(QString::fromStdString(why).contains(reason), why.c_str());
}

void TestFocusDecimal::fixedDecimals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");
    QTest::newRow("pads") << "12.5" << 2 << "12.50";
    QTest::newRow("half up") << "0.125" << 2 << "0.13";
    QTest::newRow("half away from zero") << "-0.125" << 2 << "-0.13";
    QTest::newRow("below half") << "0.124" << 2 << "0.12";
    QTest::newRow("negative rounds to zero") << "-0.001" << 2 << "0.00";
    QTest::newRow("to integer") << "2.5" << 0 << "3";
    QTest::newRow("negative to integer") << "-2.5" << 0 << "-3";
    QTest::newRow("carries") << "1.999" << 2 << "2.00";
    QTest::newRow("all 18") << "0.000000000000000001" << 18 << "0.000000000000000001";
    QTest::newRow("sample cost to cents") << "0.00001605990" << 2 << "0.00";
}

void TestFocusDecimal::fixedDecimals()
{
    QFETCH(QString, text);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    const auto d = Decimal::parse(text.toStdString());
    QVERIFY(d);
    QCOMPARE(QString::fromStdString(d->toString(decimals)), expected);
}

void TestFocusDecimal::sumsAreExact()
{
    // A million tenths: a double drifts (0.1 is not binary), the Decimal does not.
    Decimal sum;
    double dsum = 0;
    const Decimal tenth = *Decimal::parse("0.1");
    for (int i = 0; i < 1000000; ++i) {
        sum += tenth;
        dsum += 0.1;
    }
    QCOMPARE(QString::fromStdString(sum.toString()), QStringLiteral("100000"));
    QVERIFY(dsum != 100000.0);
    // 15-decimal costs as in real exports, and back down to zero.
    const Decimal cost = *Decimal::parse("0.000000800000001");
    Decimal total;
    for (int i = 0; i < 1000000; ++i)
        total += cost;
    QCOMPARE(QString::fromStdString(total.toString()), QStringLiteral("0.800000001"));
    for (int i = 0; i < 1000000; ++i)
        total -= cost;
    QVERIFY(total.isZero());
    // Sums may pass one value's limit (1e20) up to 1.7e20, still exact.
    const Decimal big = *Decimal::parse("99999999999999999.999999999999999999");
    Decimal bigSum;
    for (int i = 0; i < 1500; ++i)
        bigSum += big;
    QCOMPARE(QString::fromStdString(bigSum.toString()),
             QStringLiteral("149999999999999999999.9999999999999985"));
}

void TestFocusDecimal::arithmeticAndOrder()
{
    const Decimal a = *Decimal::parse("1.25");
    const Decimal b = *Decimal::parse("-0.75");
    QCOMPARE(QString::fromStdString((a + b).toString()), QStringLiteral("0.5"));
    QCOMPARE(QString::fromStdString((a - b).toString()), QStringLiteral("2"));
    QCOMPARE(QString::fromStdString((-a).toString()), QStringLiteral("-1.25"));
    QVERIFY(b < a);
    QVERIFY(Decimal() < a);
    QVERIFY(*Decimal::parse("1.50") == *Decimal::parse("1.5"));
    QCOMPARE(Decimal::fromUnits(1).toString(), std::string("0.000000000000000001"));
    QCOMPARE(a.units(), Decimal::fromUnits(a.units()).units());
}

void TestFocusDecimal::doubles()
{
    QCOMPARE(Decimal::parse("0.5")->toDouble(), 0.5);
    QCOMPARE(Decimal::parse("-1234.25")->toDouble(), -1234.25);
    QCOMPARE(Decimal::fromDouble(0.1).toString(), std::string("0.1"));
    QCOMPARE(Decimal::fromDouble(2.0 / 3.0, 4).toString(), std::string("0.6667"));
    QCOMPARE(Decimal::fromDouble(-2.0 / 3.0, 2).toString(), std::string("-0.67"));
    QCOMPARE(Decimal::fromDouble(qQNaN()).toString(), std::string("0"));
}

void TestFocusDecimal::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("unix");
    // 2024-09-18T22:00:00Z = 1726696800
    QTest::newRow("FOCUS sample (naive, UTC)") << "2024-09-18 22:00:00" << qint64(1726696800);
    QTest::newRow("T, naive") << "2024-09-18T22:00:00" << qint64(1726696800);
    QTest::newRow("Z") << "2024-09-18T22:00:00Z" << qint64(1726696800);
    QTest::newRow("+00:00") << "2024-09-18T22:00:00+00:00" << qint64(1726696800);
    QTest::newRow("+02:00 converted") << "2024-09-19T00:00:00+02:00" << qint64(1726696800);
    QTest::newRow("-0530 converted") << "2024-09-18T16:30:00-0530" << qint64(1726696800);
    QTest::newRow("fraction dropped") << "2024-09-18T22:00:00.999Z" << qint64(1726696800);
    QTest::newRow("leap day") << "2024-02-29 00:00:00" << qint64(1709164800);
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
    QTest::newRow("before epoch") << "1969-12-31T23:59:59Z" << qint64(-1);
}

void TestFocusDecimal::timestamps()
{
    QFETCH(QString, text);
    QFETCH(qint64, unix);
    detail::TimestampInfo info;
    const auto t = detail::parseTimestamp(text.toStdString(), &info);
    QVERIFY(t);
    QCOMPARE(qint64(*t), unix);
    QCOMPARE(info.naive, !text.contains(QLatin1Char('Z')) && !text.contains(QLatin1Char('+')) &&
                             text.count(QLatin1Char('-')) == 2);
    char out[21] = {};
    detail::formatTimestamp(*t, out);
    QCOMPARE(detail::parseTimestamp(out, nullptr), t);
}

void TestFocusDecimal::timestampsRefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("31 September") << "2024-09-31 22:00:00";
    QTest::newRow("29 February 2023") << "2023-02-29 00:00:00";
    QTest::newRow("hour 24") << "2024-09-18 24:00:00";
    QTest::newRow("date only") << "2024-09-18";
    QTest::newRow("slashes") << "2024/09/18 22:00:00";
    QTest::newRow("bad zone") << "2024-09-18T22:00:00+2";
    QTest::newRow("text after Z") << "2024-09-18T22:00:00Zx";
    QTest::newRow("empty fraction") << "2024-09-18T22:00:00.Z";
}

void TestFocusDecimal::timestampsRefused()
{
    QFETCH(QString, text);
    QCOMPARE(detail::parseTimestamp(text.toStdString(), nullptr), std::nullopt);
}

QTEST_GUILESS_MAIN(TestFocusDecimal)
#include "tst_focusdecimal.moc"
