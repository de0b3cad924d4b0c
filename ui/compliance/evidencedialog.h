#pragma once

#include "models/compliance.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace ops {

// Add evidence to one control: a file (its SHA-256 computed off the GUI thread; the file stays
// here, platformd keeps its fingerprint) or a link to a platform record. Emits evidenceReady once
// the evidence is complete; the panel sends it.
class EvidenceDialog : public QDialog
{
    Q_OBJECT
public:
    EvidenceDialog(const QString &control, const QString &controlTitle, QWidget *parent = nullptr);

    QRadioButton *fileButton() const { return m_file; }
    QRadioButton *linkButton() const { return m_link; }
    QLineEdit *pathEdit() const { return m_path; }
    QLineEdit *descriptionEdit() const { return m_description; }
    QComboBox *linkKindCombo() const { return m_linkKind; }
    QLineEdit *linkEdit() const { return m_linkEdit; }
    QLabel *statusLabel() const { return m_status; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override; // validates, hashes a file, then emits evidenceReady
    void showError(const QString &text);

signals:
    void evidenceReady(const ops::Evidence &evidence);

private:
    void updateMode();
    void browse();

    QString m_control;
    QRadioButton *m_file;
    QRadioButton *m_link;
    QLineEdit *m_path;
    QLineEdit *m_description;
    QComboBox *m_linkKind;
    QLineEdit *m_linkEdit;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QWidget *m_fileRow;
    bool m_hashing = false;
};

} // namespace ops
