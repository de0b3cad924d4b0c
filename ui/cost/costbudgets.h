#pragma once

#include "models/cost.h"

#include <QDialog>
#include <QStyledItemDelegate>

class QComboBox;
class QLabel;
class QLineEdit;

namespace ops {

// Paints a budget's progress: the actual spend as a filled bar, the forecast as a lighter bar
// behind it, and a tick per threshold; 100 % is marked. Colours come from the palette.
class BudgetProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// Creates or edits a budget: id (new ones only), name, scope filter, period, amount, currency,
// thresholds and owner; OK stays disabled until every field reads correctly, and the reason is
// shown.
class BudgetDialog : public QDialog
{
    Q_OBJECT
public:
    // An empty `budget.name`: a new budget.
    explicit BudgetDialog(const Budget &budget, QWidget *parent = nullptr);

    QString budgetId() const;          // for a new budget
    Budget budget() const;             // the edited values (name kept)
    QStringList changedFields() const; // update_mask paths against the budget given
    QString problem() const;           // why OK is disabled; empty when it is not

    QLineEdit *idEdit() const { return m_id; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *amountEdit() const { return m_amount; }
    QLineEdit *thresholdsEdit() const { return m_thresholds; }

private:
    void validate();

    Budget m_original;
    QLineEdit *m_id;
    QLineEdit *m_name;
    QLineEdit *m_scope;
    QComboBox *m_period;
    QLineEdit *m_amount;
    QLineEdit *m_currency;
    QLineEdit *m_thresholds;
    QLineEdit *m_owner;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
};

} // namespace ops
