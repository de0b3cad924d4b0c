#include "retentiondialogs.h"

#include "compliancewidgets.h"

#include "models/compliancerecordmodels.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>

#include <algorithm>

namespace ops {

namespace {
constexpr int kMaxDays = 3650;
constexpr int kMaxDescription = 500; // bytes, platformd's limit
} // namespace

RetentionPolicyDialog::RetentionPolicyDialog(const RetentionPolicy &policy, QWidget *parent)
    : ComplianceActionDialog(
          QStringLiteral("retentionPolicyDialog"), tr("Retention of %1").arg(policy.category),
          tr("Records of this category older than the retention are deleted when "
             "retention is applied."),
          tr("Save"), parent)
    , m_policy(policy)
{
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("retentionDays"));
    m_days->setRange(1, kMaxDays);
    m_days->setSuffix(tr(" days"));
    m_days->setValue(std::clamp(policy.retentionDays, 1, kMaxDays));
    m_description = new QLineEdit(policy.description, this);
    m_description->setObjectName(QStringLiteral("retentionDescription"));
    m_description->setPlaceholderText(tr("Why this long, e.g. the law that asks for it"));
    m_description->setCursorPosition(0); // show its beginning
    form()->addRow(tr("Data category:"), new QLabel(policy.category, this));
    form()->addRow(tr("Keep for:"), m_days);
    form()->addRow(tr("Description:"), m_description);
    resize(560, sizeHint().height());
}

void RetentionPolicyDialog::accept()
{
    if (isBusy())
        return;
    RetentionPolicy policy = m_policy;
    policy.retentionDays = m_days->value();
    policy.description = m_description->text().trimmed();
    if (policy.description.toUtf8().size() > kMaxDescription)
        return showError(tr("The description is too long: at most %1 bytes.").arg(kMaxDescription));
    if (policy.retentionDays == m_policy.retentionDays &&
        policy.description == m_policy.description)
        return showError(tr("Nothing changed."));
    showProgress(tr("Saving…"));
    emit policyReady(policy);
}

ApplyRetentionDialog::ApplyRetentionDialog(QWidget *parent)
    : ComplianceActionDialog(
          QStringLiteral("applyRetentionDialog"), tr("Apply retention"),
          tr("Deletes the records kept longer than their category's retention, in one "
             "audited step. The audit log itself is never deleted. First, what would "
             "go:"),
          tr("Delete"), parent)
    , m_preview(new RetentionResultModel(this))
{
    m_table = compliancewidgets::makeTable(m_preview, QStringLiteral("retentionPreview"), this);
    m_table->setContextMenuPolicy(Qt::NoContextMenu);
    m_table->sortByColumn(RetentionResultModel::CategoryColumn, Qt::AscendingOrder);
    m_table->setMinimumHeight(m_table->verticalHeader()->defaultSectionSize() * 4 +
                              m_table->horizontalHeader()->sizeHint().height() + 4);
    form()->addRow(m_table);
    showProgress(tr("Counting what would be deleted…"));
    resize(560, sizeHint().height());
}

void ApplyRetentionDialog::showPreview(const RetentionResult &preview)
{
    m_preview->setResult(preview);
    qint64 total = 0;
    for (const RetentionCategoryResult &c : preview.categories)
        total += c.deleted;
    m_previewed = true;
    setBusy(false);
    statusLabel()->setStyleSheet(QString());
    if (total == 0) {
        statusLabel()->setText(tr("Nothing is kept past its retention; there is nothing to "
                                  "delete."));
        okButton()->setEnabled(false);
        return;
    }
    statusLabel()->setText(tr("Deleting cannot be undone."));
    okButton()->setText(tr("Delete %n record(s)", nullptr, int(total)));
}

void ApplyRetentionDialog::accept()
{
    if (isBusy() || !m_previewed)
        return;
    showProgress(tr("Applying retention…"));
    emit applyConfirmed();
}

} // namespace ops
