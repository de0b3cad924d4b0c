#include "actiondialog.h"

#include "ui/common/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ops {

ActionDialog::ActionDialog(const QString &title, const QString &effect, const QString &okText,
                           QWidget *parent)
    : QDialog(parent)
    , m_effect(new QLabel(this))
    , m_form(new QFormLayout)
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("registryActionDialog"));
    setWindowTitle(title);
    setWindowModality(Qt::WindowModal);
    setAttribute(Qt::WA_DeleteOnClose);
    m_effect->setObjectName(QStringLiteral("actionEffect"));
    m_effect->setWordWrap(true);
    m_effect->setTextFormat(Qt::PlainText);
    m_effect->setMinimumWidth(420);
    QFont bold = m_effect->font();
    bold.setPointSizeF(bold.pointSizeF() * 1.05);
    m_effect->setFont(bold);
    setEffect(effect);
    m_problem->setObjectName(QStringLiteral("actionProblem"));
    m_problem->setWordWrap(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, theme::warningColor(pal));
    m_problem->setPalette(pal);
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isAcceptable())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_effect);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    revalidate();
}

void ActionDialog::setEffect(const QString &effect)
{
    m_effect->setText(effect);
}

QString ActionDialog::effectText() const
{
    return m_effect->text();
}

void ActionDialog::addComment(bool required, const QString &label)
{
    m_comment = new QPlainTextEdit(this);
    m_comment->setObjectName(QStringLiteral("actionComment"));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().height() * 4 + 12);
    m_commentRequired = required;
    m_form->addRow(required ? tr("%1 (required):").arg(label) : tr("%1:").arg(label), m_comment);
    connect(m_comment, &QPlainTextEdit::textChanged, this, &ActionDialog::revalidate);
    revalidate();
}

void ActionDialog::addEvidence()
{
    m_evidence = new QLineEdit(this);
    m_evidence->setObjectName(QStringLiteral("actionEvidence"));
    m_evidence->setPlaceholderText(tr("https://… (several separated by spaces)"));
    m_form->addRow(tr("Evidence links:"), m_evidence);
}

QLineEdit *ActionDialog::addLineEdit(const QString &label, const QString &text,
                                     const QString &placeholder)
{
    auto *edit = new QLineEdit(text, this);
    edit->setPlaceholderText(placeholder);
    m_form->addRow(label, edit);
    connect(edit, &QLineEdit::textChanged, this, &ActionDialog::revalidate);
    return edit;
}

QComboBox *ActionDialog::addCombo(const QString &label, const QStringList &items, bool editable)
{
    auto *combo = new QComboBox(this);
    combo->setEditable(editable);
    combo->addItems(items);
    m_form->addRow(label, combo);
    connect(combo, &QComboBox::currentTextChanged, this, &ActionDialog::revalidate);
    return combo;
}

void ActionDialog::addTraffic(const QList<DeploymentVariant> &variants)
{
    for (const DeploymentVariant &v : variants) {
        auto *spin = new QSpinBox(this);
        spin->setRange(0, 100);
        spin->setSuffix(QStringLiteral(" %"));
        spin->setValue(v.trafficPercent);
        spin->setObjectName(QStringLiteral("traffic_v%1").arg(v.version));
        m_form->addRow(tr("Version %1:").arg(v.version), spin);
        m_traffic.append({v.version, spin});
        connect(spin, &QSpinBox::valueChanged, this, &ActionDialog::revalidate);
    }
    revalidate();
}

void ActionDialog::setValidator(std::function<QString()> validator)
{
    m_validator = std::move(validator);
    revalidate();
}

QString ActionDialog::comment() const
{
    return m_comment ? m_comment->toPlainText().trimmed() : QString();
}

void ActionDialog::setComment(const QString &comment)
{
    if (m_comment)
        m_comment->setPlainText(comment);
}

QStringList ActionDialog::evidenceLinks() const
{
    return m_evidence ? m_evidence->text().split(QLatin1Char(' '), Qt::SkipEmptyParts)
                      : QStringList();
}

void ActionDialog::setEvidenceLinks(const QStringList &links)
{
    if (m_evidence)
        m_evidence->setText(links.join(QLatin1Char(' ')));
}

QList<DeploymentVariant> ActionDialog::traffic() const
{
    QList<DeploymentVariant> out;
    for (const auto &[version, spin] : m_traffic) {
        DeploymentVariant v;
        v.version = version;
        v.trafficPercent = spin->value();
        out.append(v);
    }
    return out;
}

QString ActionDialog::problemText() const
{
    if (m_comment && m_commentRequired && comment().isEmpty())
        return tr("A comment is required.");
    if (!m_traffic.isEmpty()) {
        int sum = 0;
        for (const auto &entry : m_traffic)
            sum += entry.second->value();
        if (sum != 100)
            return tr("The traffic adds up to %1 %; it must add up to 100 %.").arg(sum);
    }
    return m_validator ? m_validator() : QString();
}

bool ActionDialog::isAcceptable() const
{
    return problemText().isEmpty();
}

void ActionDialog::revalidate()
{
    const QString problem = problemText();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace ops
