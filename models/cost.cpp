#include "cost.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace ops {

namespace {

// A decimal as digits without the point: value = (negative ? -1 : 1) * digits / 10^scale.
struct Dec
{
    bool negative = false;
    QString digits; // no sign, no point, at least one digit
    int scale = 0;
};

std::optional<Dec> parse(const QString &text)
{
    Dec d;
    int i = 0;
    const int n = int(text.size());
    if (i < n && (text[i] == u'-' || text[i] == u'+')) {
        d.negative = text[i] == u'-';
        ++i;
    }
    bool point = false;
    for (; i < n; ++i) {
        const QChar c = text[i];
        if (c == u'.' && !point) {
            point = true;
        } else if (c.isDigit() && c.unicode() < 128) {
            d.digits.append(c);
            if (point)
                ++d.scale;
        } else {
            return std::nullopt;
        }
    }
    if (d.digits.isEmpty())
        return std::nullopt;
    return d;
}

void align(Dec &a, Dec &b)
{
    const int scale = std::max(a.scale, b.scale);
    a.digits.append(QString(scale - a.scale, u'0'));
    b.digits.append(QString(scale - b.scale, u'0'));
    a.scale = b.scale = scale;
    const qsizetype width = std::max(a.digits.size(), b.digits.size());
    a.digits = a.digits.rightJustified(width, u'0');
    b.digits = b.digits.rightJustified(width, u'0');
}

// Same width, no signs.
QString addDigits(const QString &a, const QString &b)
{
    QString out(a.size() + 1, u'0');
    int carry = 0;
    for (qsizetype i = a.size() - 1; i >= 0; --i) {
        const int s = a[i].digitValue() + b[i].digitValue() + carry;
        out[i + 1] = QChar(u'0' + s % 10);
        carry = s / 10;
    }
    out[0] = QChar(u'0' + carry);
    return out;
}

// a >= b, same width.
QString subDigits(const QString &a, const QString &b)
{
    QString out(a.size(), u'0');
    int borrow = 0;
    for (qsizetype i = a.size() - 1; i >= 0; --i) {
        int s = a[i].digitValue() - b[i].digitValue() - borrow;
        borrow = s < 0 ? 1 : 0;
        if (s < 0)
            s += 10;
        out[i] = QChar(u'0' + s);
    }
    return out;
}

QString format(bool negative, QString digits, int scale)
{
    if (digits.size() <= scale)
        digits = digits.rightJustified(scale + 1, u'0');
    QString integer = digits.left(digits.size() - scale);
    while (integer.size() > 1 && integer.startsWith(u'0'))
        integer.remove(0, 1);
    const QString fraction = digits.right(scale);
    const bool zero =
        !std::any_of(digits.cbegin(), digits.cend(), [](QChar c) { return c != u'0'; });
    QString out = (negative && !zero) ? QStringLiteral("-") + integer : integer;
    if (scale > 0)
        out += u'.' + fraction;
    return out;
}

std::optional<QString> combine(const QString &a, const QString &b, bool subtractB)
{
    auto x = parse(a);
    auto y = parse(b);
    if (!x || !y)
        return std::nullopt;
    if (subtractB)
        y->negative = !y->negative;
    align(*x, *y);
    if (x->negative == y->negative)
        return format(x->negative, addDigits(x->digits, y->digits), x->scale);
    // Different signs: the larger magnitude minus the smaller, with the larger one's sign.
    if (x->digits >= y->digits) // same width: text order is numeric order
        return format(x->negative, subDigits(x->digits, y->digits), x->scale);
    return format(y->negative, subDigits(y->digits, x->digits), x->scale);
}

QString dimensionWord(CostDimension dimension)
{
    switch (dimension) {
    case CostDimension::Provider:
        return CostText::tr("provider");
    case CostDimension::Service:
        return CostText::tr("service");
    case CostDimension::ServiceCategory:
        return CostText::tr("category");
    case CostDimension::Region:
        return CostText::tr("region");
    case CostDimension::BillingAccount:
        return CostText::tr("account");
    case CostDimension::SubAccount:
        return CostText::tr("sub-account");
    case CostDimension::ChargeCategory:
        return CostText::tr("charge");
    case CostDimension::Tag:
        return CostText::tr("tag");
    case CostDimension::Model:
        return CostText::tr("model");
    case CostDimension::Resource:
        return CostText::tr("resource");
    case CostDimension::Unspecified:
        break;
    }
    return {};
}

} // namespace

namespace money {

double toDouble(const QString &amount)
{
    bool ok = false;
    const double value = amount.toDouble(&ok);
    return ok && std::isfinite(value) ? value : 0.0;
}

std::optional<QString> subtract(const QString &a, const QString &b)
{
    return combine(a, b, true);
}

std::optional<QString> add(const QString &a, const QString &b)
{
    return combine(a, b, false);
}

std::optional<double> percentChange(const QString &current, const QString &previous)
{
    const double p = toDouble(previous);
    if (p == 0)
        return std::nullopt;
    return (toDouble(current) - p) / std::abs(p) * 100.0;
}

namespace {
QLocale groupingLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}
} // namespace

QString shortText(double amount, const QString &currency)
{
    const QString number = groupingLocale().toString(amount, 'f', 2);
    return currency.isEmpty() ? number : QStringLiteral("%1 %2").arg(number, currency);
}

QString displayText(const QString &amount, const QString &currency)
{
    if (amount.isEmpty())
        return {};
    const double value = toDouble(amount);
    const int decimals = value != 0 && std::abs(value) < 1 ? 4 : 2;
    const QString number = groupingLocale().toString(value, 'f', decimals);
    return currency.isEmpty() ? number : QStringLiteral("%1 %2").arg(number, currency);
}

QString countText(qint64 count)
{
    return groupingLocale().toString(count);
}

QString axisText(double amount)
{
    const QLocale locale;
    const double magnitude = std::abs(amount);
    struct Unit
    {
        double scale;
        const char *suffix;
    };
    static constexpr Unit units[] = {{1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
    for (const Unit &u : units) {
        if (magnitude >= u.scale) {
            const double scaled = amount / u.scale;
            // One decimal only when it says something: "1.2M", "700k", "15M".
            const bool whole =
                std::abs(scaled - std::round(scaled)) < 0.05 || std::abs(scaled) >= 100;
            return locale.toString(scaled, 'f', whole ? 0 : 1) + QLatin1String(u.suffix);
        }
    }
    return locale.toString(amount, 'f', magnitude > 0 && magnitude < 10 ? 1 : 0);
}

} // namespace money

QString Anomaly::causeText() const
{
    if (causes.isEmpty())
        return summary;
    const CostAnomalyCause &c = causes.first();
    QStringList parts;
    for (int i = 0; i < c.values.size(); ++i) {
        const QString word = dimensionWord(c.dimensions.value(i));
        const QString value = c.values[i].isEmpty() ? CostText::tr("(none)") : c.values[i];
        parts.append(word.isEmpty() ? value : word + u' ' + value);
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (c.share > 0)
        text += QStringLiteral(" (%1 %)").arg(QLocale().toString(c.share * 100, 'f', 0));
    return text;
}

QString CostText::dimension(CostDimension dimension)
{
    switch (dimension) {
    case CostDimension::Provider:
        return tr("Provider");
    case CostDimension::Service:
        return tr("Service");
    case CostDimension::ServiceCategory:
        return tr("Service category");
    case CostDimension::Region:
        return tr("Region");
    case CostDimension::BillingAccount:
        return tr("Billing account");
    case CostDimension::SubAccount:
        return tr("Sub-account");
    case CostDimension::ChargeCategory:
        return tr("Charge category");
    case CostDimension::Tag:
        return tr("Tag");
    case CostDimension::Model:
        return tr("Model");
    case CostDimension::Resource:
        return tr("Resource");
    case CostDimension::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString CostText::filterField(CostDimension dimension, const QString &tagKey)
{
    switch (dimension) {
    case CostDimension::Provider:
        return QStringLiteral("provider");
    case CostDimension::Service:
        return QStringLiteral("service");
    case CostDimension::ServiceCategory:
        return QStringLiteral("service_category");
    case CostDimension::Region:
        return QStringLiteral("region");
    case CostDimension::BillingAccount:
        return QStringLiteral("billing_account");
    case CostDimension::SubAccount:
        return QStringLiteral("sub_account");
    case CostDimension::ChargeCategory:
        return QStringLiteral("charge_category");
    case CostDimension::Tag:
        return QStringLiteral("tags.") + tagKey;
    case CostDimension::Model:
        return QStringLiteral("model");
    case CostDimension::Resource:
        return QStringLiteral("resource");
    case CostDimension::Unspecified:
        break;
    }
    return {};
}

QString CostText::filterTerm(CostDimension dimension, const QString &tagKey, const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return QStringLiteral("%1 = \"%2\"").arg(filterField(dimension, tagKey), escaped);
}

QString CostText::granularity(CostGranularity granularity)
{
    switch (granularity) {
    case CostGranularity::Daily:
        return tr("Daily");
    case CostGranularity::Weekly:
        return tr("Weekly");
    case CostGranularity::Monthly:
        return tr("Monthly");
    case CostGranularity::None:
        break;
    }
    return tr("Whole range");
}

QString CostText::period(BudgetPeriod period)
{
    switch (period) {
    case BudgetPeriod::Monthly:
        return tr("Monthly");
    case BudgetPeriod::Quarterly:
        return tr("Quarterly");
    case BudgetPeriod::Yearly:
        return tr("Yearly");
    case BudgetPeriod::Unspecified:
        break;
    }
    return tr("Unknown");
}

QString CostText::recommendationKind(RecommendationKind kind)
{
    switch (kind) {
    case RecommendationKind::IdleResource:
        return tr("Idle resource");
    case RecommendationKind::Rightsize:
        return tr("Rightsize");
    case RecommendationKind::CommitmentCoverage:
        return tr("Commitment coverage");
    case RecommendationKind::GpuUtilisation:
        return tr("GPU utilisation");
    case RecommendationKind::Unspecified:
        break;
    }
    return tr("Other");
}

QString CostText::eventKind(CostEventKind kind)
{
    switch (kind) {
    case CostEventKind::Deploy:
        return tr("Deploy");
    case CostEventKind::Incident:
        return tr("Incident");
    case CostEventKind::Import:
        return tr("Import");
    case CostEventKind::BudgetThreshold:
        return tr("Budget threshold");
    case CostEventKind::Anomaly:
        return tr("Anomaly");
    case CostEventKind::Unspecified:
        break;
    }
    return tr("Event");
}

QString CostText::thresholds(const QList<BudgetThreshold> &thresholds)
{
    QStringList parts;
    for (const BudgetThreshold &t : thresholds) {
        const QString percent = QLocale().toString(t.percent, 'g', 4);
        parts.append(t.forecast ? tr("%1 % forecast").arg(percent) : tr("%1 %").arg(percent));
    }
    return parts.join(QStringLiteral(", "));
}

std::optional<QList<BudgetThreshold>> CostText::parseThresholds(const QString &text, QString *error)
{
    static const QRegularExpression part(
        QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*%?\s*(f|forecast)?\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    QList<BudgetThreshold> out;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        const auto m = part.match(p);
        const double percent = m.hasMatch() ? m.captured(1).toDouble() : 0;
        if (!m.hasMatch() || percent < 1 || percent > 1000) {
            if (error)
                *error = tr("\"%1\" is not a threshold: write a percentage from 1 to 1000, "
                            "followed by f for the forecast (e.g. 50, 80, 100, 100f)")
                             .arg(p.trimmed());
            return std::nullopt;
        }
        out.append({percent, !m.captured(2).isEmpty()});
    }
    return out;
}

} // namespace ops
