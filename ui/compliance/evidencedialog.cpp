#include "evidencedialog.h"

#include "filehasher.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace ops {

EvidenceDialog::EvidenceDialog(const QString &control, const QString &controlTitle, QWidget *parent)
    : QDialog(parent)
    , m_control(control)
{
    setObjectName(QStringLiteral("evidenceDialog"));
    setWindowTitle(tr("Add evidence to %1").arg(controlTitle.isEmpty() ? control : controlTitle));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Evidence is append-only: once added it cannot be changed or "
                                "removed. A file stays on this computer; platformd records its "
                                "name, size and SHA-256."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_file = new QRadioButton(tr("&File"), this);
    m_file->setObjectName(QStringLiteral("evidenceFile"));
    m_link = new QRadioButton(tr("&Link to a platform record"), this);
    m_link->setObjectName(QStringLiteral("evidenceLink"));
    m_file->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(m_file);
    m_fileRow = new QWidget(this);
    auto *fileLayout = new QHBoxLayout(m_fileRow);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    m_path = new QLineEdit(m_fileRow);
    m_path->setObjectName(QStringLiteral("evidencePath"));
    m_path->setPlaceholderText(tr("The file to fingerprint"));
    auto *browse = new QToolButton(m_fileRow);
    browse->setText(tr("Browse…"));
    fileLayout->addWidget(m_path);
    fileLayout->addWidget(browse);
    form->addRow(tr("File:"), m_fileRow);
    form->addRow(m_link);
    m_linkKind = new QComboBox(this);
    m_linkKind->setObjectName(QStringLiteral("evidenceLinkKind"));
    m_linkKind->addItem(ComplianceText::kind(EvidenceKind::AuditEntry),
                        int(EvidenceKind::AuditEntry));
    m_linkKind->addItem(ComplianceText::kind(EvidenceKind::Approval), int(EvidenceKind::Approval));
    m_linkKind->addItem(ComplianceText::kind(EvidenceKind::Incident), int(EvidenceKind::Incident));
    m_linkKind->addItem(ComplianceText::kind(EvidenceKind::CheckRun), int(EvidenceKind::CheckRun));
    form->addRow(tr("Record kind:"), m_linkKind);
    m_linkEdit = new QLineEdit(this);
    m_linkEdit->setObjectName(QStringLiteral("evidenceLinkName"));
    m_linkEdit->setPlaceholderText(tr("auditEntries/42, incidents/…, checks/tls/runs/3"));
    form->addRow(tr("Record:"), m_linkEdit);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("evidenceDescription"));
    m_description->setPlaceholderText(tr("What it shows, e.g. \"Q3 access review sign-off\""));
    form->addRow(tr("Description:"), m_description);
    layout->addLayout(form);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("evidenceStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add evidence"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EvidenceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &EvidenceDialog::reject);
    connect(m_file, &QRadioButton::toggled, this, &EvidenceDialog::updateMode);
    connect(browse, &QToolButton::clicked, this, &EvidenceDialog::browse);
    updateMode();
    resize(520, sizeHint().height());
}

void EvidenceDialog::updateMode()
{
    const bool file = m_file->isChecked();
    m_fileRow->setEnabled(file);
    m_linkKind->setEnabled(!file);
    m_linkEdit->setEnabled(!file);
}

void EvidenceDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Evidence file"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void EvidenceDialog::showError(const QString &text)
{
    m_hashing = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_status->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_status->setText(text);
}

void EvidenceDialog::accept()
{
    if (m_hashing)
        return;
    Evidence evidence;
    evidence.control = m_control;
    evidence.description = m_description->text().trimmed();
    if (evidence.description.isEmpty())
        return showError(tr("Describe what the evidence shows."));
    if (m_link->isChecked()) {
        evidence.kind = EvidenceKind(m_linkKind->currentData().toInt());
        evidence.link = m_linkEdit->text().trimmed();
        static const QRegularExpression record(QStringLiteral("^[A-Za-z]+/[^\\s]+$"));
        if (!record.match(evidence.link).hasMatch())
            return showError(tr("Name the record as platformd does, e.g. auditEntries/42."));
        emit evidenceReady(evidence);
        return;
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return showError(tr("Choose the file to add."));
    evidence.kind = EvidenceKind::File;
    evidence.fileName = QFileInfo(path).fileName();
    m_hashing = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Computing the SHA-256 of %1…").arg(evidence.fileName));
    hashFileAsync(path, this, [this, evidence](const FileHash &hash) mutable {
        if (!hash.error.isEmpty())
            return showError(hash.error);
        evidence.sha256 = hash.sha256;
        evidence.sizeBytes = hash.sizeBytes;
        m_status->setText(tr("SHA-256 %1; sending…").arg(hash.sha256));
        emit evidenceReady(evidence);
    });
}

} // namespace ops
