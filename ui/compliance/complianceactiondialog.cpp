#include "complianceactiondialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ops {

ComplianceActionDialog::ComplianceActionDialog(const QString &objectName, const QString &title,
                                               const QString &intro, const QString &okText,
                                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(objectName);
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    if (!intro.isEmpty()) {
        auto *label = new QLabel(intro, this);
        label->setWordWrap(true);
        layout->addWidget(label);
    }
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    layout->addLayout(m_form);
    m_status = new QLabel(this);
    m_status->setObjectName(objectName + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ComplianceActionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ComplianceActionDialog::reject);
}

QPushButton *ComplianceActionDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void ComplianceActionDialog::setBusy(bool busy)
{
    m_busy = busy;
    okButton()->setEnabled(!busy);
}

void ComplianceActionDialog::showError(const QString &text)
{
    setBusy(false);
    m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_status->setText(text);
}

void ComplianceActionDialog::showProgress(const QString &text)
{
    setBusy(true);
    m_status->setStyleSheet(QString());
    m_status->setText(text);
}

} // namespace ops
