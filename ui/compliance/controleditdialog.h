#pragma once

#include "complianceactiondialog.h"

#include "models/compliance.h"

class QCheckBox;
class QComboBox;
class QDateEdit;

namespace ops {

// Edits one control's owner, status and due date; only what changed is sent (UpdateControl's
// update_paths). "Failing" is not offered: it comes from the control's automated check.
class ControlEditDialog : public ComplianceActionDialog
{
    Q_OBJECT
public:
    ControlEditDialog(const Control &control, const QStringList &owners, const QDate &today,
                      QWidget *parent = nullptr);

    QComboBox *ownerCombo() const { return m_owner; }
    QComboBox *statusCombo() const { return m_status; }
    QCheckBox *dueCheck() const { return m_hasDue; }
    QDateEdit *dueEdit() const { return m_due; }

    ControlUpdate update() const; // the changed fields
    void accept() override;       // validates, then emits updateReady

signals:
    void updateReady(const ops::ControlUpdate &update);

private:
    Control m_control;
    QComboBox *m_owner;
    QComboBox *m_status;
    QCheckBox *m_hasDue;
    QDateEdit *m_due;
};

} // namespace ops
