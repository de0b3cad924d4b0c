#pragma once

#include "complianceactiondialog.h"

#include "models/compliance.h"

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace ops {

// Records a data-subject request as received: kind, regime (its legal deadline follows), the
// subject's reference, the date it came in (today by default, never in the future) and a note.
class PrivacyRequestDialog : public ComplianceActionDialog
{
    Q_OBJECT
public:
    explicit PrivacyRequestDialog(const QDate &today, QWidget *parent = nullptr);

    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *regimeCombo() const { return m_regime; }
    QLineEdit *subjectEdit() const { return m_subject; }
    QDateEdit *receivedEdit() const { return m_received; }
    QPlainTextEdit *noteEdit() const { return m_note; }

    void accept() override; // validates, then emits requestReady

signals:
    void requestReady(const ops::NewPrivacyRequest &request);

private:
    void updateDeadline();

    QDate m_today;
    QComboBox *m_kind;
    QComboBox *m_regime;
    QLineEdit *m_subject;
    QDateEdit *m_received;
    QLabel *m_deadline;
    QPlainTextEdit *m_note;
};

// Completes one open request with a note on what was done.
class CompletePrivacyRequestDialog : public ComplianceActionDialog
{
    Q_OBJECT
public:
    CompletePrivacyRequestDialog(const PrivacyRequest &request, const QDateTime &now,
                                 QWidget *parent = nullptr);

    QString request() const { return m_name; }
    QPlainTextEdit *noteEdit() const { return m_note; }

    void accept() override; // validates, then emits completeReady

signals:
    void completeReady(const QString &name, const QString &note);

private:
    QString m_name;
    QPlainTextEdit *m_note;
};

} // namespace ops
