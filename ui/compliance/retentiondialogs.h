#pragma once

#include "complianceactiondialog.h"

#include "models/compliance.h"

class QLineEdit;
class QSpinBox;
class QTableView;

namespace ops {

class RetentionResultModel;

// Edits one retention policy: how many days its category is kept, and its description.
class RetentionPolicyDialog : public ComplianceActionDialog
{
    Q_OBJECT
public:
    explicit RetentionPolicyDialog(const RetentionPolicy &policy, QWidget *parent = nullptr);

    QSpinBox *daysSpin() const { return m_days; }
    QLineEdit *descriptionEdit() const { return m_description; }

    void accept() override; // validates, then emits policyReady

signals:
    void policyReady(const ops::RetentionPolicy &policy);

private:
    RetentionPolicy m_policy;
    QSpinBox *m_days;
    QLineEdit *m_description;
};

// Apply retention in two steps: first what would be deleted per category (the panel asks
// platformd with validate_only and calls showPreview), then, confirmed, the deletion.
class ApplyRetentionDialog : public ComplianceActionDialog
{
    Q_OBJECT
public:
    explicit ApplyRetentionDialog(QWidget *parent = nullptr);

    QTableView *previewTable() const { return m_table; }
    RetentionResultModel *previewModel() const { return m_preview; }

    void showPreview(const RetentionResult &preview);
    void accept() override; // once previewed: emits applyConfirmed

signals:
    void applyConfirmed();

private:
    RetentionResultModel *m_preview;
    QTableView *m_table;
    bool m_previewed = false;
};

} // namespace ops
