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
class QPushButton;
class QSpinBox;
class QFormLayout;
class QVBoxLayout;

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
    // An editable traffic split: one row per variant (a version combo, a percent spin box, a
    // Remove button), "Add variant", and a live "Sums to N %". Valid when every version appears
    // once and the percents sum to 100. `choices`: the versions offered, with their labels.
    void addTraffic(const QList<DeploymentVariant> &variants,
                    const QList<QPair<qint64, QString>> &choices);
    // What "Add variant" does: version 0 takes the first choice not in the split yet.
    void addTrafficRow(qint64 version = 0, int percent = 0);
    void removeTrafficRow(int row);
    int trafficRowCount() const { return int(m_traffic.size()); }
    QString trafficSumText() const;
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

signals:
    // A traffic row was added, removed or changed.
    void trafficChanged();

private:
    struct TrafficRow
    {
        QWidget *row;
        QComboBox *version;
        QSpinBox *percent;
    };
    void trafficEdited();

    QLabel *m_effect;
    QFormLayout *m_form;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QPlainTextEdit *m_comment = nullptr;
    bool m_commentRequired = false;
    QLineEdit *m_evidence = nullptr;
    QList<TrafficRow> m_traffic;
    QList<QPair<qint64, QString>> m_trafficChoices;
    QVBoxLayout *m_trafficRows = nullptr;
    QPushButton *m_trafficAdd = nullptr;
    QLabel *m_trafficSum = nullptr;
    std::function<QString()> m_validator;
};

} // namespace ops
