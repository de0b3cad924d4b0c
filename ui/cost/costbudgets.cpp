#include "costbudgets.h"

#include "ui/common/theme.h"

#include "models/costtablemodels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

#include <algorithm>

namespace ops {

void BudgetProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double actual = index.data(BudgetTableModel::ActualPercentRole).toDouble();
    const double forecast = index.data(BudgetTableModel::ForecastPercentRole).toDouble();
    const QVariantList thresholds = index.data(BudgetTableModel::ThresholdsRole).toList();
    double scale = std::max({120.0, actual, forecast});
    for (const QVariant &t : thresholds)
        scale = std::max(scale, t.toDouble());
    scale *= 1.02;

    const QPalette &pal = option.palette;
    const bool dark = theme::isDark(pal);
    const QRect cell = option.rect.adjusted(6, 4, -6, -4);
    const int textWidth = option.fontMetrics.horizontalAdvance(QStringLiteral("000 % · 000 %")) + 8;
    const QRect bar(cell.left(), cell.center().y() - 5, std::max(40, cell.width() - textWidth), 10);
    auto xOf = [&](double percent) {
        return bar.left() + int(bar.width() * std::clamp(percent, 0.0, scale) / scale);
    };
    const QColor ok = dark ? QColor(0x4c, 0xaf, 0x50) : QColor(0x2e, 0x7d, 0x32);
    const QColor warn = theme::warningColor(pal);
    const QColor over = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    const QColor fill = actual >= 100 ? over : forecast >= 100 ? warn : ok;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(Qt::NoPen);
    painter->setBrush(pal.color(QPalette::Midlight));
    painter->drawRect(bar);
    QColor forecastColor = fill;
    forecastColor.setAlpha(90);
    painter->setBrush(forecastColor);
    painter->drawRect(QRect(bar.left(), bar.top(), xOf(forecast) - bar.left(), bar.height()));
    painter->setBrush(fill);
    painter->drawRect(QRect(bar.left(), bar.top(), xOf(actual) - bar.left(), bar.height()));
    // Thresholds as ticks over the bar, 100 % a little stronger.
    for (const QVariant &t : thresholds) {
        const int x = xOf(t.toDouble());
        painter->setPen(QPen(pal.color(QPalette::Text), 1));
        painter->drawLine(x, bar.top() - 3, x, bar.bottom() + 3);
    }
    painter->setPen(QPen(pal.color(QPalette::Text), 2));
    painter->drawLine(xOf(100), bar.top() - 4, xOf(100), bar.bottom() + 4);
    painter->setPen(option.state & QStyle::State_Selected ? pal.color(QPalette::HighlightedText)
                                                          : pal.color(QPalette::Text));
    const QRect textRect(bar.right() + 6, cell.top(), cell.right() - bar.right() - 6,
                         cell.height());
    painter->drawText(
        textRect, Qt::AlignLeft | Qt::AlignVCenter,
        QStringLiteral("%1 % · %2 %")
            .arg(QLocale().toString(actual, 'f', 0), QLocale().toString(forecast, 'f', 0)));
    painter->restore();
}

QSize BudgetProgressDelegate::sizeHint(const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), 240));
    size.setHeight(std::max(size.height(), 24));
    return size;
}

BudgetDialog::BudgetDialog(const Budget &budget, QWidget *parent)
    : QDialog(parent)
    , m_original(budget)
{
    const bool creating = budget.name.isEmpty();
    setWindowTitle(creating ? tr("New budget") : tr("Edit budget %1").arg(budget.name));
    setObjectName(QStringLiteral("budgetDialog"));
    m_id = new QLineEdit(budget.id(), this);
    m_id->setPlaceholderText(tr("gpu-spend"));
    m_id->setEnabled(creating);
    m_name = new QLineEdit(budget.displayName, this);
    m_scope = new QLineEdit(budget.scopeFilter, this);
    m_scope->setPlaceholderText(
        tr("all spend, or e.g. service_category = \"AI and Machine Learning\""));
    m_period = new QComboBox(this);
    for (BudgetPeriod p : {BudgetPeriod::Monthly, BudgetPeriod::Quarterly, BudgetPeriod::Yearly})
        m_period->addItem(CostText::period(p), int(p));
    m_period->setCurrentIndex(std::max(0, m_period->findData(int(budget.period))));
    m_amount = new QLineEdit(budget.amount, this);
    m_amount->setPlaceholderText(tr("50000.00"));
    m_currency =
        new QLineEdit(budget.currency.isEmpty() ? QStringLiteral("USD") : budget.currency, this);
    QStringList thresholdParts;
    for (const BudgetThreshold &t : budget.thresholds)
        thresholdParts.append(QString::number(t.percent) +
                              (t.forecast ? QStringLiteral("f") : QString()));
    m_thresholds = new QLineEdit(creating ? QStringLiteral("50, 80, 100, 100f")
                                          : thresholdParts.join(QStringLiteral(", ")),
                                 this);
    m_thresholds->setToolTip(
        tr("Percentages of the amount; f after a number applies it to the forecast"));
    m_owner = new QLineEdit(budget.owner, this);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, theme::warningColor(palette()));
    m_problem->setPalette(pal);

    auto *form = new QFormLayout;
    form->addRow(tr("Id"), m_id);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Scope filter"), m_scope);
    form->addRow(tr("Period"), m_period);
    form->addRow(tr("Amount"), m_amount);
    form->addRow(tr("Currency"), m_currency);
    form->addRow(tr("Thresholds"), m_thresholds);
    form->addRow(tr("Owner"), m_owner);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    for (QLineEdit *e : {m_id, m_name, m_scope, m_amount, m_currency, m_thresholds, m_owner})
        connect(e, &QLineEdit::textChanged, this, &BudgetDialog::validate);
    resize(520, sizeHint().height());
    validate();
}

QString BudgetDialog::budgetId() const
{
    return m_id->text().trimmed();
}

Budget BudgetDialog::budget() const
{
    Budget b = m_original;
    b.displayName = m_name->text().trimmed();
    b.scopeFilter = m_scope->text().trimmed();
    b.period = BudgetPeriod(m_period->currentData().toInt());
    b.amount = m_amount->text().trimmed();
    b.currency = m_currency->text().trimmed().toUpper();
    b.thresholds =
        CostText::parseThresholds(m_thresholds->text(), nullptr).value_or(QList<BudgetThreshold>());
    b.owner = m_owner->text().trimmed();
    return b;
}

QStringList BudgetDialog::changedFields() const
{
    const Budget b = budget();
    QStringList fields;
    if (b.displayName != m_original.displayName)
        fields << QStringLiteral("display_name");
    if (b.scopeFilter != m_original.scopeFilter)
        fields << QStringLiteral("scope_filter");
    if (b.period != m_original.period)
        fields << QStringLiteral("period");
    if (b.amount != m_original.amount)
        fields << QStringLiteral("amount");
    if (b.thresholds != m_original.thresholds)
        fields << QStringLiteral("thresholds");
    if (b.owner != m_original.owner)
        fields << QStringLiteral("owner");
    return fields;
}

QString BudgetDialog::problem() const
{
    return m_problem->text();
}

void BudgetDialog::validate()
{
    static const QRegularExpression id(QStringLiteral("^[a-z][a-z0-9-]{0,62}$"));
    static const QRegularExpression amount(QStringLiteral(R"(^\d{1,24}(\.\d{1,12})?$)"));
    static const QRegularExpression currency(QStringLiteral("^[A-Za-z]{3}$"));
    QString problem;
    QString thresholdError;
    if (m_original.name.isEmpty() && !id.match(budgetId()).hasMatch())
        problem = tr("The id must start with a lower-case letter and hold only lower-case "
                     "letters, digits and '-'.");
    else if (m_name->text().trimmed().isEmpty())
        problem = tr("Give the budget a name.");
    else if (!amount.match(m_amount->text().trimmed()).hasMatch() ||
             money::toDouble(m_amount->text()) <= 0)
        problem = tr("The amount must be a positive decimal number, e.g. 50000 or 1250.50.");
    else if (!currency.match(m_currency->text().trimmed()).hasMatch())
        problem = tr("The currency must be a three-letter code such as USD.");
    else if (!CostText::parseThresholds(m_thresholds->text(), &thresholdError))
        problem = thresholdError;
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (m_ok)
        m_ok->setEnabled(problem.isEmpty());
}

} // namespace ops
