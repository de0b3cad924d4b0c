#include "privacydialogs.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace ops {

namespace {

constexpr int kMaxNote = 2000; // platformd's limit, in bytes

int deadlineDays(PrivacyRegime regime)
{
    return regime == PrivacyRegime::Ccpa ? 45 : 30; // §1798.130(a)(2); Art. 12(3)
}

QPlainTextEdit *makeNoteEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 4 + 12);
    return edit;
}

} // namespace

PrivacyRequestDialog::PrivacyRequestDialog(const QDate &today, QWidget *parent)
    : ComplianceActionDialog(
          QStringLiteral("privacyRequestDialog"), tr("New data-subject request"),
          tr("Record a request as it was received. Its legal deadline follows from the "
             "regime: 30 days under GDPR, 45 days under CCPA. Store only the subject's "
             "reference, no other personal data."),
          tr("Record request"), parent)
    , m_today(today)
{
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("privacyKind"));
    m_kind->addItem(ComplianceText::kind(PrivacyRequestKind::Access),
                    int(PrivacyRequestKind::Access));
    m_kind->addItem(ComplianceText::kind(PrivacyRequestKind::Deletion),
                    int(PrivacyRequestKind::Deletion));
    m_regime = new QComboBox(this);
    m_regime->setObjectName(QStringLiteral("privacyRegime"));
    m_regime->addItem(ComplianceText::regime(PrivacyRegime::Gdpr), int(PrivacyRegime::Gdpr));
    m_regime->addItem(ComplianceText::regime(PrivacyRegime::Ccpa), int(PrivacyRegime::Ccpa));
    m_subject = new QLineEdit(this);
    m_subject->setObjectName(QStringLiteral("privacySubject"));
    m_subject->setPlaceholderText(tr("e.g. a ticket or customer number"));
    m_received = new QDateEdit(today, this);
    m_received->setObjectName(QStringLiteral("privacyReceived"));
    m_received->setCalendarPopup(true);
    m_received->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_received->setMaximumDate(today);
    m_deadline = new QLabel(this);
    m_deadline->setObjectName(QStringLiteral("privacyDeadline"));
    m_note = makeNoteEdit(QStringLiteral("privacyNote"),
                          tr("Optional: how it came in, what is asked"), this);
    form()->addRow(tr("Request:"), m_kind);
    form()->addRow(tr("Regime:"), m_regime);
    form()->addRow(tr("Subject reference:"), m_subject);
    form()->addRow(tr("Received (UTC):"), m_received);
    form()->addRow(tr("Deadline:"), m_deadline);
    form()->addRow(tr("Note:"), m_note);
    connect(m_regime, &QComboBox::currentIndexChanged, this, &PrivacyRequestDialog::updateDeadline);
    connect(m_received, &QDateEdit::dateChanged, this, &PrivacyRequestDialog::updateDeadline);
    updateDeadline();
    resize(520, sizeHint().height());
}

void PrivacyRequestDialog::updateDeadline()
{
    const auto regime = PrivacyRegime(m_regime->currentData().toInt());
    const int days = deadlineDays(regime);
    m_deadline->setText(tr("%1 (%n day(s) after receipt)", nullptr, days)
                            .arg(m_received->date().addDays(days).toString(Qt::ISODate)));
}

void PrivacyRequestDialog::accept()
{
    if (isBusy())
        return;
    NewPrivacyRequest request;
    request.kind = PrivacyRequestKind(m_kind->currentData().toInt());
    request.regime = PrivacyRegime(m_regime->currentData().toInt());
    request.subject = m_subject->text().trimmed();
    request.note = m_note->toPlainText().trimmed();
    if (request.subject.isEmpty())
        return showError(tr("Enter the subject's reference."));
    const QDate received = m_received->date();
    if (received > m_today)
        return showError(tr("The received date cannot be in the future."));
    if (request.note.toUtf8().size() > kMaxNote)
        return showError(tr("The note is too long: at most %1 bytes.").arg(kMaxNote));
    // Today: now (the server's default); an earlier day: its start, UTC.
    if (received < m_today)
        request.receiveTime = QDateTime(received, QTime(0, 0), Qt::UTC);
    showProgress(tr("Recording…"));
    emit requestReady(request);
}

CompletePrivacyRequestDialog::CompletePrivacyRequestDialog(const PrivacyRequest &request,
                                                           const QDateTime &now, QWidget *parent)
    : ComplianceActionDialog(
          QStringLiteral("completePrivacyDialog"), tr("Complete a data-subject request"),
          tr("Mark the request as answered. A note replaces the request's note as the "
             "record of what was done."),
          tr("Complete request"), parent)
    , m_name(request.name)
{
    auto *what = new QLabel(tr("%1 (%2) for %3")
                                .arg(ComplianceText::kind(request.kind),
                                     ComplianceText::regime(request.regime), request.subject),
                            this);
    what->setObjectName(QStringLiteral("completePrivacyRequest"));
    auto *deadline = new QLabel(
        tr("%1 — %2").arg(request.deadline.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                          ComplianceText::countdown(request.deadline, now)),
        this);
    if (request.isOverdue(now))
        deadline->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_note = makeNoteEdit(QStringLiteral("completePrivacyNote"),
                          tr("What was done, e.g. \"export sent via the support portal\""), this);
    form()->addRow(tr("Request:"), what);
    form()->addRow(tr("Deadline:"), deadline);
    form()->addRow(tr("Note:"), m_note);
    resize(480, sizeHint().height());
}

void CompletePrivacyRequestDialog::accept()
{
    if (isBusy())
        return;
    const QString note = m_note->toPlainText().trimmed(); // empty: the request's note stays
    if (note.toUtf8().size() > kMaxNote)
        return showError(tr("The note is too long: at most %1 bytes.").arg(kMaxNote));
    showProgress(tr("Completing…"));
    emit completeReady(m_name, note);
}

} // namespace ops
