#include "controleditdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

namespace ops {

ControlEditDialog::ControlEditDialog(const Control &control, const QStringList &owners,
                                     const QDate &today, QWidget *parent)
    : ComplianceActionDialog(
          QStringLiteral("controlEditDialog"),
          tr("Edit %1").arg(QStringLiteral("%1 — %2").arg(control.id(), control.title)),
          tr("Who owns the control, how far it is implemented and when it is due. "
             "\"Failing\" is set by the control's automated check, not here."),
          tr("Save"), parent)
    , m_control(control)
{
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("controlOwner"));
    m_owner->setEditable(true);
    m_owner->setInsertPolicy(QComboBox::NoInsert);
    m_owner->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_owner->addItems(owners);
    m_owner->setCurrentText(control.owner);
    m_owner->lineEdit()->setPlaceholderText(tr("users/alice or a team, e.g. team-sre"));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("controlStatus"));
    for (ControlStatus s : {ControlStatus::NotImplemented, ControlStatus::InProgress,
                            ControlStatus::Implemented, ControlStatus::NotApplicable})
        m_status->addItem(ComplianceText::status(s), int(s));
    const int current = m_status->findData(int(control.status));
    if (current < 0) // failing or unknown: shown, but not a choice to send
        m_status->insertItem(0, ComplianceText::status(control.status), int(control.status));
    m_status->setCurrentIndex(std::max(0, current));
    auto *dueRow = new QWidget(this);
    auto *dueLayout = new QHBoxLayout(dueRow);
    dueLayout->setContentsMargins(0, 0, 0, 0);
    m_hasDue = new QCheckBox(tr("Due on"), dueRow);
    m_hasDue->setObjectName(QStringLiteral("controlHasDue"));
    m_due = new QDateEdit(dueRow);
    m_due->setObjectName(QStringLiteral("controlDue"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_hasDue->setChecked(control.dueTime.isValid());
    m_due->setDate(control.dueTime.isValid() ? control.dueTime.toUTC().date() : today.addDays(30));
    m_due->setEnabled(m_hasDue->isChecked());
    dueLayout->addWidget(m_hasDue);
    dueLayout->addWidget(m_due, 1);
    form()->addRow(tr("Owner:"), m_owner);
    form()->addRow(tr("Status:"), m_status);
    form()->addRow(tr("Due date (UTC):"), dueRow);
    connect(m_hasDue, &QCheckBox::toggled, m_due, &QWidget::setEnabled);
    resize(500, sizeHint().height());
}

ControlUpdate ControlEditDialog::update() const
{
    ControlUpdate u;
    u.name = m_control.name;
    u.owner = m_owner->currentText().trimmed();
    if (u.owner != m_control.owner)
        u.fields << QStringLiteral("owner");
    u.status = ControlStatus(m_status->currentData().toInt());
    if (u.status != m_control.status)
        u.fields << QStringLiteral("status");
    if (m_hasDue->isChecked())
        u.dueTime = QDateTime(m_due->date(), QTime(0, 0), Qt::UTC);
    const bool dueChanged =
        m_hasDue->isChecked() != m_control.dueTime.isValid() ||
        (m_hasDue->isChecked() && m_control.dueTime.toUTC().date() != m_due->date());
    if (dueChanged)
        u.fields << QStringLiteral("due_time");
    return u;
}

void ControlEditDialog::accept()
{
    if (isBusy())
        return;
    const ControlUpdate u = update();
    if (u.fields.isEmpty())
        return showError(tr("Nothing changed."));
    if (u.fields.contains(QStringLiteral("owner")) && u.owner.isEmpty())
        return showError(tr("Name the control's owner."));
    showProgress(tr("Saving…"));
    emit updateReady(u);
}

} // namespace ops
