#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QToolButton;
class QWidget;

namespace ops::compliancewidgets {

// A read-only, sortable table over a ComplianceRowsModel (through a proxy sorting by its
// SortRole), one row selected at a time, columns fitted whenever the model resets.
QTableView *makeTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent);

// A text-only tool button for the panel's action rows.
QToolButton *makeButton(const QString &text, const QString &objectName, QWidget *parent);

// The key (resource name) of the table's selected row; "" for none.
QString selectedKey(const QTableView *table);

} // namespace ops::compliancewidgets
