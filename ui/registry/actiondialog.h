#pragma once

#include "models/modelregistry.h"

#include <QDialog>
#include <QList>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QFormLayout;

namespace ops {

// The confirmation of one registry action: states the effect in concrete words, asks for what the
// action needs (a comment, evidence links, an alias, a region, a traffic split) and enables its
// button only when that is valid. Opened with open(); the caller acts on accepted().
class ActionDialog : public QDialog
{
    Q_OBJECT
public:
    ActionDialog(const QString &title, const QString &effect, const QString &okText,
                 QWidget *parent = nullptr);

    void setEffect(const QString &effect);
    QString effectText() const;

    void addComment(bool required, const QString &label);
    void addEvidence();
    QLineEdit *addLineEdit(const QString &label, const QString &text,
                           const QString &placeholder = {});
    QComboBox *addCombo(const QString &label, const QStringList &items, bool editable);
    // One spin box per variant; valid when they sum to 100.
    void addTraffic(const QList<DeploymentVariant> &variants);
    // Extra validation; returns an empty string when valid, else why not (shown in the dialog).
    void setValidator(std::function<QString()> validator);

    QString comment() const;
    void setComment(const QString &comment);
    QStringList evidenceLinks() const;
    void setEvidenceLinks(const QStringList &links);
    QList<DeploymentVariant> traffic() const;
    bool isAcceptable() const;
    QString problemText() const; // why the button is disabled

    void revalidate();

private:
    QLabel *m_effect;
    QFormLayout *m_form;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QPlainTextEdit *m_comment = nullptr;
    bool m_commentRequired = false;
    QLineEdit *m_evidence = nullptr;
    QList<QPair<qint64, QSpinBox *>> m_traffic;
    std::function<QString()> m_validator;
};

} // namespace ops
