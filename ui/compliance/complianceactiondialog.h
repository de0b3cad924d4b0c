#pragma once

#include <QDialog>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace ops {

// The shape of the compliance panel's action dialogs: an intro line, a form, a status line (the
// server's answer in words, red for an error) and OK/Cancel. accept() validates and emits the
// dialog's request signal; the panel sends the call and then calls showError() or succeed().
class ComplianceActionDialog : public QDialog
{
    Q_OBJECT
public:
    ComplianceActionDialog(const QString &objectName, const QString &title, const QString &intro,
                           const QString &okText, QWidget *parent = nullptr);

    QLabel *statusLabel() const { return m_status; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QPushButton *okButton() const;

    void showError(const QString &text); // and ready for another try
    void showProgress(const QString &text);
    void succeed() { done(QDialog::Accepted); }

protected:
    QFormLayout *form() const { return m_form; }
    bool isBusy() const { return m_busy; }
    void setBusy(bool busy);

private:
    QFormLayout *m_form;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace ops
