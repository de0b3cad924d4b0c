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

#include <algorithm>

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

void ActionDialog::addTraffic(const QList<DeploymentVariant> &variants,
                              const QList<QPair<qint64, QString>> &choices)
{
    m_trafficChoices = choices;
    for (const DeploymentVariant &v : variants) {
        const bool known = std::any_of(choices.cbegin(), choices.cend(),
                                       [&v](const auto &c) { return c.first == v.version; });
        if (!known)
            m_trafficChoices.append({v.version, tr("Version %1").arg(v.version)});
    }
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("trafficEditor"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_trafficRows = new QVBoxLayout;
    layout->addLayout(m_trafficRows);
    auto *footer = new QHBoxLayout;
    m_trafficAdd = new QPushButton(tr("Add variant"), box);
    m_trafficAdd->setObjectName(QStringLiteral("trafficAdd"));
    connect(m_trafficAdd, &QPushButton::clicked, this, [this] { addTrafficRow(); });
    m_trafficSum = new QLabel(box);
    m_trafficSum->setObjectName(QStringLiteral("trafficSum"));
    footer->addWidget(m_trafficAdd);
    footer->addStretch(1);
    footer->addWidget(m_trafficSum);
    layout->addLayout(footer);
    m_form->addRow(tr("Traffic:"), box);
    for (const DeploymentVariant &v : variants)
        addTrafficRow(v.version, v.trafficPercent);
    trafficEdited();
}

void ActionDialog::addTrafficRow(qint64 version, int percent)
{
    if (!m_trafficRows)
        return;
    auto used = [this](qint64 v) {
        return std::any_of(m_traffic.cbegin(), m_traffic.cend(), [v](const TrafficRow &r) {
            return r.version->currentData().toLongLong() == v;
        });
    };
    if (version <= 0) {
        for (const auto &choice : std::as_const(m_trafficChoices)) {
            if (!used(choice.first)) {
                version = choice.first;
                break;
            }
        }
        if (version <= 0)
            return;
    }
    TrafficRow r;
    r.row = new QWidget(this);
    r.row->setObjectName(QStringLiteral("trafficRow"));
    auto *layout = new QHBoxLayout(r.row);
    layout->setContentsMargins(0, 0, 0, 0);
    r.version = new QComboBox(r.row);
    r.version->setObjectName(QStringLiteral("trafficVersion"));
    for (const auto &choice : std::as_const(m_trafficChoices))
        r.version->addItem(choice.second, choice.first);
    r.version->setCurrentIndex(std::max(0, r.version->findData(version)));
    r.percent = new QSpinBox(r.row);
    r.percent->setRange(0, 100);
    r.percent->setSuffix(QStringLiteral(" %"));
    r.percent->setValue(percent);
    r.percent->setObjectName(QStringLiteral("traffic_v%1").arg(version));
    auto *remove = new QPushButton(tr("Remove"), r.row);
    remove->setObjectName(QStringLiteral("trafficRemove"));
    layout->addWidget(r.version, 1);
    layout->addWidget(r.percent);
    layout->addWidget(remove);
    m_trafficRows->addWidget(r.row);
    m_traffic.append(r);
    QWidget *rowWidget = r.row;
    QComboBox *combo = r.version;
    QSpinBox *spin = r.percent;
    connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, spin] {
        // The spin box is named after its version (tests and accessibility tools find it so).
        spin->setObjectName(QStringLiteral("traffic_v%1").arg(combo->currentData().toLongLong()));
        trafficEdited();
    });
    connect(spin, &QSpinBox::valueChanged, this, &ActionDialog::trafficEdited);
    connect(remove, &QPushButton::clicked, this, [this, rowWidget] {
        for (int i = 0; i < m_traffic.size(); ++i)
            if (m_traffic.at(i).row == rowWidget)
                return removeTrafficRow(i);
    });
    trafficEdited();
}

void ActionDialog::removeTrafficRow(int row)
{
    if (row < 0 || row >= m_traffic.size())
        return;
    const TrafficRow r = m_traffic.takeAt(row);
    r.percent->setObjectName(QString());
    r.row->hide();
    r.row->deleteLater(); // may be called from its own Remove button
    trafficEdited();
}

QString ActionDialog::trafficSumText() const
{
    return m_trafficSum ? m_trafficSum->text() : QString();
}

void ActionDialog::trafficEdited()
{
    if (!m_trafficSum)
        return;
    int sum = 0;
    for (const TrafficRow &r : std::as_const(m_traffic))
        sum += r.percent->value();
    m_trafficSum->setText(tr("Sums to %1 %").arg(sum));
    QPalette pal = palette();
    if (sum != 100)
        pal.setColor(QPalette::WindowText, theme::warningColor(pal));
    m_trafficSum->setPalette(pal);
    // platformd takes at most 10 variants.
    m_trafficAdd->setEnabled(m_traffic.size() < std::min<qsizetype>(10, m_trafficChoices.size()));
    revalidate();
    emit trafficChanged();
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
    for (const TrafficRow &r : m_traffic) {
        DeploymentVariant v;
        v.version = r.version->currentData().toLongLong();
        v.trafficPercent = r.percent->value();
        out.append(v);
    }
    return out;
}

QString ActionDialog::problemText() const
{
    if (m_comment && m_commentRequired && comment().isEmpty())
        return tr("A comment is required.");
    if (m_trafficRows) {
        if (m_traffic.isEmpty())
            return tr("Add at least one variant.");
        int sum = 0;
        QList<qint64> seen;
        for (const TrafficRow &r : m_traffic) {
            const qint64 v = r.version->currentData().toLongLong();
            if (seen.contains(v))
                return tr("Version %1 is in the split twice.").arg(v);
            seen.append(v);
            sum += r.percent->value();
        }
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
